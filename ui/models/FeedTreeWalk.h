#pragma once

#include "models/FeedTreeModel.h"

#include <QList>
#include <QModelIndex>

namespace bs::treewalk
{

// What a row of the feed tree shows; rows without a kind are feeds (a feed id) or "All".
inline FeedTreeModel::ViewKind kindOf(const QModelIndex &index)
{
    const QVariant kind = index.data(FeedTreeModel::ViewKindRole);
    if (kind.isValid())
        return kind.value<FeedTreeModel::ViewKind>();
    return index.data(FeedTreeModel::FeedIdRole).toLongLong() > 0 ? FeedTreeModel::ViewKind::Feed
                                                                  : FeedTreeModel::ViewKind::All;
}

// Every row of the tree in display order (parents before their children).
inline QList<QModelIndex> treeOrder(const QAbstractItemModel *model, const QModelIndex &parent = {})
{
    QList<QModelIndex> out;
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex index = model->index(r, 0, parent);
        out << index;
        out += treeOrder(model, index);
    }
    return out;
}

} // namespace bs::treewalk
