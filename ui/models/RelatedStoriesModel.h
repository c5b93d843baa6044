#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QUrl>

namespace bs
{

class BackgroundReader;
class Database;

// The related-stories pane's list for one article: similar cached stories (RelatedStories over
// the local index) under one heading, then the links the article's own web page listed as
// related (its offline copy's page_related) under another. The lookup runs on a
// BackgroundReader (30-60 ms at 100,000 articles); an answer for an article that is no longer
// the one asked for is dropped.
class RelatedStoriesModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class Kind { Heading, Cached, Page };
    Q_ENUM(Kind)
    enum Role { KindRole = Qt::UserRole + 1, ArticleIdRole, UrlRole };
    static constexpr int kMaxStories = 10;

    // Without a background reader the lookup runs here, on the given connection (tests, CLI).
    RelatedStoriesModel(Database &reader, BackgroundReader *background, QObject *parent = nullptr);

    // Looks up the related stories of this article (0 clears the list).
    void setArticle(qint64 articleId);
    qint64 articleId() const { return m_articleId; }
    bool isLoading() const { return m_loading; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    struct Entry {
        Kind kind = Kind::Heading;
        QString title;
        QString detail; // the feed (cached) or the snippet (page)
        qint64 articleId = 0;
        QUrl url;
    };

signals:
    // The list for this article is in (possibly empty).
    void loaded(qint64 articleId);

private:
    static QList<Entry> lookup(Database &db, qint64 articleId);
    void apply(qint64 articleId, int generation, QList<Entry> entries);

    Database &m_reader;
    BackgroundReader *m_background;
    qint64 m_articleId = 0;
    int m_generation = 0;
    bool m_loading = false;
    QList<Entry> m_entries;
};

} // namespace bs
