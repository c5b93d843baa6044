#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>

#include <functional>

namespace bs
{

// Collects the articles a sync pass added (SyncService::feedSynced's `added`) and, when the
// pass finishes, reports them once: batchReady(articles, feeds, the busiest feeds' titles).
// Nothing is reported for a pass that added nothing. Display is someone else's job (the tray's
// notification); this class only counts.
class NewArticleBatcher : public QObject
{
    Q_OBJECT
public:
    // Feed id → title, asked only for the feeds named in a report.
    using TitleLookup = std::function<QString(qint64 feedId)>;

    explicit NewArticleBatcher(TitleLookup titles, QObject *parent = nullptr);

    // How many feeds a report names (the busiest first); default 3.
    void setNamedFeeds(int count) { m_named = count; }

    void feedSynced(qint64 feedId, const QList<qint64> &added);
    // The pass ended: report what it added (if anything) and start over.
    void finished();
    void clear();

    int pendingArticles() const { return m_total; }

    // "12 new articles in 3 feeds: A, B, …" (or "in A" for one feed).
    static QString message(int articles, int feeds, const QStringList &named);

signals:
    void batchReady(int articles, int feeds, const QStringList &namedFeeds);

private:
    TitleLookup m_titles;
    int m_named = 3;
    int m_total = 0;
    QList<qint64> m_order;        // feeds in the order they first added something
    QHash<qint64, int> m_perFeed; // feed → articles added in this pass
};

} // namespace bs
