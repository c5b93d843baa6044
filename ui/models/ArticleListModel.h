#pragma once

#include "search/SearchEngine.h"
#include "store/ArticleStore.h"
#include "store/StatusStore.h"

#include <QAbstractTableModel>
#include <QHash>

#include <optional>

namespace bs
{

class Database;

// The article list: pages through SQL with keyset paging (canFetchMore/fetchMore), so it never
// holds more rows than the view has asked for. It shows a store view (an ArticleQuery: all,
// a feed, a folder, a label, today, starred, saved pages) or search results (SearchEngine, paged
// by offset), narrowed by a filter (unread or starred only) and ordered by date, newest or
// oldest first. Only the date orders the list: every other order would need a sort over all
// of a view's rows (no index to page on), so the other columns do not sort.
class ArticleListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Title, Feed, Author, Published, Star, ColumnCount };
    enum Role { ArticleIdRole = Qt::UserRole + 1, ReadRole, StarredRole, UrlRole, FeedIdRole };
    enum class Filter { All, Unread, Starred };
    Q_ENUM(Filter)
    // At most this many results are named by a search view's readScope().
    static constexpr int kMaxScopeArticles = 10000;

    ArticleListModel(Database &reader, QObject *parent = nullptr);

    // Shows a store view; resets. query.limit is the page size; the filter and the sort order
    // set here apply on top of it.
    void setQuery(const ArticleQuery &query);
    // Shows the results of a search (ranked as options say; options.limit is the page size).
    // A malformed query leaves the list as it was, returns false and sets *error.
    bool setSearch(const QString &text, const SearchOptions &options, QString *error = nullptr);
    bool isSearch() const { return m_search.has_value(); }
    QString searchText() const { return m_searchText; }
    // Narrows the current view (store or search) to unread or starred articles; resets.
    void setFilter(Filter filter);
    Filter filter() const { return m_filter; }
    // Date order of a store view: Qt::DescendingOrder is newest first (the default). Search
    // results keep their own order.
    void setSortOrder(Qt::SortOrder order);
    Qt::SortOrder sortOrder() const { return m_order; }
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Re-reads the rows the list holds (as many as loaded, at least a page: one bounded query)
    // after the store changed; a reset, so the caller restores selection and scrolling.
    void refresh();
    // The row showing this article, or -1.
    int rowOf(qint64 articleId) const;
    // The store view shown (without the filter); for search results, the view searched from.
    const ArticleQuery &query() const { return m_query; }

    // What "mark all read" covers for the view shown: its feed, folder, label, today, starred
    // or everything, or for search results (and a filtered view that no scope names) the
    // matching articles (up to kMaxScopeArticles). maxArticleId is the newest article stored
    // when the view was (re)loaded, so articles that arrived since stay unread.
    ReadScope readScope() const;
    // One article's status changed (after a write): updates its row in place, no reset.
    void updateStatus(qint64 articleId, bool read, bool starred);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    ArticleQuery effectiveQuery() const;
    SearchQuery effectiveSearch() const;
    // Reloads the first `limit` rows of the current view inside a reset.
    void load(int limit);
    QList<ArticlePageRow> searchPage(int limit, int offset, int *hits) const;
    void loadFeedTitles();

    Database &m_reader;
    mutable ArticleStore m_store;
    ArticleQuery m_query;
    std::optional<SearchQuery> m_search;
    QString m_searchText;
    SearchOptions m_searchOptions;
    int m_searchOffset = 0; // results read so far (the next page's offset)
    Filter m_filter = Filter::All;
    Qt::SortOrder m_order = Qt::DescendingOrder;
    qint64 m_maxArticleId = 0;
    QHash<qint64, QString> m_feedTitles;
    QList<ArticlePageRow> m_rows;
    bool m_atEnd = false;
    bool m_notifying = false;
};

} // namespace bs
