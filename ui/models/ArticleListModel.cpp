#include "models/ArticleListModel.h"

#include "store/Database.h"
#include "store/FeedStore.h"

#include <QColor>
#include <QDate>
#include <QFont>
#include <QLocale>

namespace bs
{

namespace
{

// When the article was published, else when it was stored (what it is sorted by).
QDateTime shownTime(const ArticlePageRow &row)
{
    return row.summary.published.isValid() ? row.summary.published
                                           : QDateTime::fromSecsSinceEpoch(row.sortTime);
}

} // namespace

ArticleListModel::ArticleListModel(Database &reader, QObject *parent)
    : QAbstractTableModel(parent), m_reader(reader), m_store(reader)
{
}

ArticleQuery ArticleListModel::effectiveQuery() const
{
    ArticleQuery q = m_query;
    q.after.reset();
    q.unreadOnly = q.unreadOnly || m_filter == Filter::Unread;
    q.starredOnly = q.starredOnly || m_filter == Filter::Starred;
    q.oldestFirst = m_order == Qt::AscendingOrder;
    return q;
}

SearchQuery ArticleListModel::effectiveSearch() const
{
    SearchQuery q = *m_search;
    if (m_filter == Filter::Unread)
        q.addFilter({SearchQuery::FilterKind::Unread, {}, {}, false});
    else if (m_filter == Filter::Starred)
        q.addFilter({SearchQuery::FilterKind::Starred, {}, {}, false});
    return q;
}

void ArticleListModel::loadFeedTitles()
{
    m_feedTitles.clear();
    for (const bs::Feed &feed : FeedStore(m_reader).feeds())
        m_feedTitles.insert(feed.id, feed.title.isEmpty() ? feed.url.host() : feed.title);
}

QList<ArticlePageRow> ArticleListModel::searchPage(int limit, int offset, int *hits) const
{
    SearchOptions options = m_searchOptions;
    options.limit = limit;
    options.offset = offset;
    options.snippets = false;
    QString error;
    const auto found = SearchEngine(m_reader).search(effectiveSearch(), options, &error);
    *hits = found ? int(found->size()) : 0;
    if (!found)
        return {};
    QList<qint64> ids;
    ids.reserve(found->size());
    for (const SearchHit &hit : *found)
        ids << hit.id;
    return m_store.rows(ids);
}

void ArticleListModel::load(int limit)
{
    beginResetModel();
    // Read before the rows: an article stored in between is shown but not marked by readScope.
    m_maxArticleId = m_store.maxArticleId();
    loadFeedTitles();
    if (m_search) {
        int hits = 0;
        m_rows = searchPage(limit, 0, &hits);
        m_searchOffset = hits;
        m_atEnd = hits < limit;
    } else {
        ArticleQuery q = effectiveQuery();
        q.limit = limit;
        m_rows = m_store.list(q);
        m_atEnd = m_rows.size() < limit;
    }
    // Views react to the reset signal by asking for more; that waits until the reset is over.
    m_notifying = true;
    endResetModel();
    m_notifying = false;
}

void ArticleListModel::setQuery(const ArticleQuery &query)
{
    m_query = query;
    m_query.after.reset();
    m_search.reset();
    m_searchText.clear();
    // The first page is loaded inside the reset, so that views do not fetch during it.
    load(m_query.limit);
}

bool ArticleListModel::setSearch(const QString &text, const SearchOptions &options, QString *error)
{
    QString problem;
    auto parsed = SearchQuery::parse(text, &problem);
    if (!parsed) {
        if (error)
            *error = problem;
        return false;
    }
    m_search = std::move(*parsed);
    m_searchText = text;
    m_searchOptions = options;
    if (m_searchOptions.limit <= 0)
        m_searchOptions.limit = m_query.limit;
    load(m_searchOptions.limit);
    return true;
}

void ArticleListModel::setFilter(Filter filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    load(m_search ? m_searchOptions.limit : m_query.limit);
}

void ArticleListModel::setSortOrder(Qt::SortOrder order)
{
    if (order == m_order)
        return;
    m_order = order;
    if (!m_search)
        load(m_query.limit);
}

void ArticleListModel::sort(int column, Qt::SortOrder order)
{
    if (column == Published)
        setSortOrder(order);
}

void ArticleListModel::refresh()
{
    const int page = m_search ? m_searchOptions.limit : m_query.limit;
    load(std::max(page, int(m_rows.size())));
}

int ArticleListModel::rowOf(qint64 articleId) const
{
    for (int r = 0; r < m_rows.size(); ++r)
        if (m_rows.at(r).summary.id == articleId)
            return r;
    return -1;
}

ReadScope ArticleListModel::readScope() const
{
    ReadScope scope;
    scope.maxArticleId = m_maxArticleId;
    const bool narrowed = m_query.feedId > 0 || m_query.folderId > 0 || m_query.labelId > 0 ||
                          m_query.since || m_query.savedPages;
    const bool starred = m_query.starredOnly || m_filter == Filter::Starred;
    if (m_search || (starred && narrowed)) {
        // No scope names these articles: list them (newest first, bounded).
        scope.kind = ReadScope::Kind::Articles;
        if (m_search) {
            SearchOptions options = m_searchOptions;
            options.sort = SearchOptions::Sort::Date;
            options.limit = kMaxScopeArticles;
            options.offset = 0;
            options.snippets = false;
            QString error;
            if (const auto hits = SearchEngine(m_reader).search(effectiveSearch(), options, &error))
                for (const SearchHit &hit : *hits)
                    scope.articleIds << hit.id;
        } else {
            ArticleQuery q = effectiveQuery();
            q.oldestFirst = false;
            q.limit = kMaxScopeArticles;
            for (const ArticlePageRow &row : m_store.list(q))
                scope.articleIds << row.summary.id;
        }
        return scope;
    }
    if (m_query.feedId > 0) {
        scope.kind = ReadScope::Kind::Feed;
        scope.id = m_query.feedId;
    } else if (m_query.folderId > 0) {
        scope.kind = ReadScope::Kind::Folder;
        scope.id = m_query.folderId;
    } else if (m_query.labelId > 0) {
        scope.kind = ReadScope::Kind::Label;
        scope.id = m_query.labelId;
    } else if (m_query.since) {
        scope.kind = ReadScope::Kind::Today;
        scope.since = *m_query.since;
    } else if (m_query.savedPages) {
        scope.kind = ReadScope::Kind::Feed;
        const auto feed = FeedStore(m_reader).feedByUrl(FeedStore::savedPagesUrl());
        if (!feed) { // no saved pages: nothing to mark
            scope.kind = ReadScope::Kind::Articles;
            return scope;
        }
        scope.id = feed->id;
    } else if (starred) {
        scope.kind = ReadScope::Kind::Starred;
    } else {
        scope.kind = ReadScope::Kind::All;
    }
    return scope;
}

void ArticleListModel::updateStatus(qint64 articleId, bool read, bool starred)
{
    const int row = rowOf(articleId);
    if (row < 0)
        return;
    ArticleSummary &a = m_rows[row].summary;
    if (a.read == read && a.starred == starred)
        return;
    a.read = read;
    a.starred = starred;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int ArticleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ArticleListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ArticleListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ArticlePageRow &row = m_rows.at(index.row());
    const ArticleSummary &a = row.summary;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Title:
            return a.title.isEmpty() ? tr("(untitled)") : a.title;
        case Feed:
            return m_feedTitles.value(a.feedId);
        case Author:
            return a.author;
        case Published: {
            // Today's articles by their time only, older ones by date and time.
            const QDateTime when = shownTime(row).toLocalTime();
            const QString time = QLocale().toString(when.time(), QLocale::ShortFormat);
            if (when.date() == QDate::currentDate())
                return time;
            return QLocale().toString(when.date(), QLocale::ShortFormat) + QLatin1Char(' ') + time;
        }
        case Star:
            return a.starred ? QStringLiteral("\u2605") : QString();
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Title)
            return a.title;
        if (index.column() == Published)
            return QLocale().toString(shownTime(row).toLocalTime(), QLocale::LongFormat);
        if (index.column() == Star)
            return a.starred ? tr("Starred") : QVariant();
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Star)
            return int(Qt::AlignCenter);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Star && a.starred)
            return QColor(0xe0, 0xa0, 0x00);
        return {};
    case Qt::FontRole:
        if (!a.read) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case ArticleIdRole:
        return a.id;
    case ReadRole:
        return a.read;
    case StarredRole:
        return a.starred;
    case UrlRole:
        return a.url;
    case FeedIdRole:
        return a.feedId;
    }
    return {};
}

QVariant ArticleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == Star)
        return tr("Starred");
    if (role == Qt::ToolTipRole && section == Published)
        return tr("Click to show the oldest or the newest first");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title:
        return tr("Title");
    case Feed:
        return tr("Feed");
    case Author:
        return tr("Author");
    case Published:
        return tr("Date");
    case Star:
        return QStringLiteral("\u2605");
    }
    return {};
}

bool ArticleListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_notifying;
}

void ArticleListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    QList<ArticlePageRow> rows;
    if (m_search) {
        int hits = 0;
        rows = searchPage(m_searchOptions.limit, m_searchOffset, &hits);
        m_searchOffset += hits;
        if (hits < m_searchOptions.limit)
            m_atEnd = true;
    } else {
        ArticleQuery page = effectiveQuery();
        if (!m_rows.isEmpty())
            page.after = std::make_pair(m_rows.last().sortTime, m_rows.last().summary.id);
        rows = m_store.list(page);
        if (rows.size() < page.limit)
            m_atEnd = true;
    }
    if (rows.isEmpty())
        return;
    // Whoever handles the insertion signals may ask for more: not until this page is in.
    m_notifying = true;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
    m_rows.append(rows);
    endInsertRows();
    m_notifying = false;
}

} // namespace bs
