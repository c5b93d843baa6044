#include "models/FeedTreeModel.h"

#include "store/FeedStore.h"
#include "store/StatusStore.h"

namespace bs
{

FeedTreeModel::FeedTreeModel(Database &reader, QObject *parent)
    : QStandardItemModel(parent), m_reader(reader)
{
    setHorizontalHeaderLabels({tr("Feeds")});
}

void FeedTreeModel::reload()
{
    removeRows(0, rowCount());
    FeedStore feeds(m_reader);
    const QHash<qint64, qint64> unread = StatusStore(m_reader).unreadCounts();

    auto label = [](const QString &name, qint64 count) {
        return count > 0 ? QStringLiteral("%1 (%2)").arg(name).arg(count) : name;
    };

    auto *all = new QStandardItem(label(tr("All articles"), [&] {
        qint64 total = 0;
        for (qint64 n : unread)
            total += n;
        return total;
    }()));
    all->setData(qint64(0), FeedIdRole);
    all->setEditable(false);
    appendRow(all);

    QHash<qint64, QStandardItem *> folderItems;
    for (const Folder &folder : feeds.folders()) {
        auto *item = new QStandardItem(folder.name);
        item->setData(folder.id, FolderIdRole);
        item->setEditable(false);
        folderItems.insert(folder.id, item);
    }
    for (const Folder &folder : feeds.folders()) {
        QStandardItem *parent = folderItems.value(folder.parentId);
        (parent ? parent : invisibleRootItem())->appendRow(folderItems.value(folder.id));
    }
    for (const Feed &feed : feeds.feeds()) {
        const qint64 n = unread.value(feed.id);
        auto *item =
            new QStandardItem(label(feed.title.isEmpty() ? feed.url.toString() : feed.title, n));
        item->setData(feed.id, FeedIdRole);
        item->setData(n, UnreadRole);
        item->setEditable(false);
        if (!feed.lastError.isEmpty())
            item->setToolTip(feed.lastError);
        QStandardItem *parent = folderItems.value(feed.folderId);
        (parent ? parent : invisibleRootItem())->appendRow(item);
    }
}

} // namespace bs
