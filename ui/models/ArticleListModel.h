#pragma once

#include "store/ArticleStore.h"

#include <QAbstractTableModel>

namespace bs
{

class Database;

// The article list: pages through SQL with keyset paging (canFetchMore/fetchMore), so it never
// holds more rows than the view has asked for.
class ArticleListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Title, Author, Published, ColumnCount };
    enum Role { ArticleIdRole = Qt::UserRole + 1, ReadRole, StarredRole };

    ArticleListModel(Database &reader, QObject *parent = nullptr);

    void setQuery(const ArticleQuery &query); // resets; query.limit is the page size
    // Re-reads the rows the list holds (as many as loaded, at least a page: one bounded query)
    // after the store changed; a reset, so the caller restores selection and scrolling.
    void refresh();
    // The row showing this article, or -1.
    int rowOf(qint64 articleId) const;
    const ArticleQuery &query() const { return m_query; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    ArticleStore m_store;
    ArticleQuery m_query;
    QList<ArticlePageRow> m_rows;
    bool m_atEnd = false;
    bool m_notifying = false;
};

} // namespace bs
