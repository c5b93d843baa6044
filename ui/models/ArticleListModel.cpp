#include "models/ArticleListModel.h"

#include <QFont>
#include <QLocale>

namespace bs
{

ArticleListModel::ArticleListModel(Database &reader, QObject *parent)
    : QAbstractTableModel(parent), m_store(reader)
{
}

void ArticleListModel::setQuery(const ArticleQuery &query)
{
    beginResetModel();
    m_query = query;
    m_query.after.reset();
    // The first page is loaded inside the reset, so that views do not fetch during it.
    m_rows = m_store.list(m_query);
    m_atEnd = m_rows.size() < m_query.limit;
    // Views react to the reset signal by asking for more; that waits until the reset is over.
    m_notifying = true;
    endResetModel();
    m_notifying = false;
}

void ArticleListModel::refresh()
{
    ArticleQuery all = m_query;
    all.limit = std::max(m_query.limit, int(m_rows.size()));
    beginResetModel();
    m_rows = m_store.list(all);
    m_atEnd = m_rows.size() < all.limit;
    m_notifying = true;
    endResetModel();
    m_notifying = false;
}

int ArticleListModel::rowOf(qint64 articleId) const
{
    for (int r = 0; r < m_rows.size(); ++r)
        if (m_rows.at(r).summary.id == articleId)
            return r;
    return -1;
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
    const ArticleSummary &a = m_rows.at(index.row()).summary;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Title:
            return a.title.isEmpty() ? tr("(untitled)") : a.title;
        case Author:
            return a.author;
        case Published:
            return a.published.isValid()
                       ? QLocale().toString(a.published.toLocalTime(), QLocale::ShortFormat)
                       : QString();
        }
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
    }
    return {};
}

QVariant ArticleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title:
        return tr("Title");
    case Author:
        return tr("Author");
    case Published:
        return tr("Date");
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
    ArticleQuery page = m_query;
    if (!m_rows.isEmpty())
        page.after = std::make_pair(m_rows.last().sortTime, m_rows.last().summary.id);
    const QList<ArticlePageRow> rows = m_store.list(page);
    if (rows.size() < page.limit)
        m_atEnd = true;
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
