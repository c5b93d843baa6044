#include "desktop/NewArticleBatcher.h"

#include <algorithm>

namespace bs
{

NewArticleBatcher::NewArticleBatcher(TitleLookup titles, QObject *parent)
    : QObject(parent), m_titles(std::move(titles))
{
}

void NewArticleBatcher::feedSynced(qint64 feedId, const QList<qint64> &added)
{
    if (added.isEmpty())
        return;
    if (!m_perFeed.contains(feedId))
        m_order.append(feedId);
    m_perFeed[feedId] += int(added.size());
    m_total += int(added.size());
}

void NewArticleBatcher::finished()
{
    if (m_total <= 0) {
        clear();
        return;
    }
    QList<qint64> feeds = m_order;
    // The busiest feeds first; equal counts keep the order they synced in.
    std::stable_sort(feeds.begin(), feeds.end(),
                     [this](qint64 a, qint64 b) { return m_perFeed[a] > m_perFeed[b]; });
    QStringList named;
    for (qint64 feedId : feeds) {
        if (named.size() >= m_named)
            break;
        QString title = m_titles ? m_titles(feedId) : QString();
        if (title.isEmpty())
            title = tr("Feed %1").arg(feedId);
        named.append(title);
    }
    const int total = m_total;
    const int feedCount = int(feeds.size());
    clear();
    emit batchReady(total, feedCount, named);
}

void NewArticleBatcher::clear()
{
    m_total = 0;
    m_order.clear();
    m_perFeed.clear();
}

QString NewArticleBatcher::message(int articles, int feeds, const QStringList &named)
{
    if (feeds <= 1)
        return tr("%n new article(s) in %1", nullptr, articles).arg(named.value(0));
    QString list = named.join(tr(", "));
    if (named.size() < feeds)
        list += tr(", …");
    return tr("%n new article(s) in %1 feeds: %2", nullptr, articles)
        .arg(QString::number(feeds), list);
}

} // namespace bs
