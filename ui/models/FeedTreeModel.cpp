#include "models/FeedTreeModel.h"

#include "store/FeedStore.h"
#include "store/StatusStore.h"

#include <QApplication>
#include <QStyle>

namespace bs
{

namespace
{

QString label(const QString &name, qint64 count)
{
    return count > 0 ? QStringLiteral("%1 (%2)").arg(name).arg(count) : name;
}

} // namespace

FeedTreeModel::FeedTreeModel(Database &reader, QObject *parent)
    : QStandardItemModel(parent), m_reader(reader)
{
    setHorizontalHeaderLabels({tr("Feeds")});
}

void FeedTreeModel::reload()
{
    removeRows(0, rowCount());
    m_feedItems.clear();
    FeedStore feeds(m_reader);
    m_unread = StatusStore(m_reader).unreadCounts();

    m_all = new QStandardItem;
    m_all->setData(qint64(0), FeedIdRole);
    m_all->setData(QVariant::fromValue(ViewKind::All), ViewKindRole);
    m_all->setEditable(false);
    setTotalText();
    appendRow(m_all);

    QHash<qint64, QStandardItem *> folderItems;
    for (const Folder &folder : feeds.folders()) {
        auto *item = new QStandardItem(folder.name);
        item->setData(folder.id, FolderIdRole);
        item->setData(QVariant::fromValue(ViewKind::Folder), ViewKindRole);
        item->setData(folder.id, ViewIdRole);
        item->setEditable(false);
        folderItems.insert(folder.id, item);
    }
    for (const Folder &folder : feeds.folders()) {
        QStandardItem *parent = folderItems.value(folder.parentId);
        (parent ? parent : invisibleRootItem())->appendRow(folderItems.value(folder.id));
    }
    for (const Feed &feed : feeds.feeds()) {
        auto *item = new QStandardItem;
        item->setData(feed.id, FeedIdRole);
        item->setData(QVariant::fromValue(ViewKind::Feed), ViewKindRole);
        item->setData(feed.id, ViewIdRole);
        item->setEditable(false);
        setFeedText(item, feed, m_unread.value(feed.id));
        m_feedItems.insert(feed.id, item);
        QStandardItem *parent = folderItems.value(feed.folderId);
        (parent ? parent : invisibleRootItem())->appendRow(item);
    }
}

void FeedTreeModel::refreshFeed(qint64 feedId)
{
    QStandardItem *item = m_feedItems.value(feedId);
    if (!item)
        return; // added elsewhere since the last reload
    const auto feed = FeedStore(m_reader).feed(feedId);
    if (!feed)
        return;
    const qint64 unread = StatusStore(m_reader).unreadCount(feedId);
    if (unread < 0)
        return;
    m_unread.insert(feedId, unread);
    setFeedText(item, *feed, unread);
    setTotalText();
}

void FeedTreeModel::setFeedText(QStandardItem *item, const Feed &feed, qint64 unread)
{
    const QString text = label(feed.title.isEmpty() ? feed.url.toString() : feed.title, unread);
    if (item->text() != text)
        item->setText(text);
    if (item->data(UnreadRole).toLongLong() != unread || !item->data(UnreadRole).isValid())
        item->setData(unread, UnreadRole);
    if (item->toolTip() != feed.lastError) {
        item->setToolTip(feed.lastError);
        // A failing feed carries a warning sign; its tooltip says why.
        item->setIcon(feed.lastError.isEmpty()
                          ? QIcon()
                          : QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning));
    }
}

void FeedTreeModel::setTotalText()
{
    qint64 total = 0;
    for (qint64 n : std::as_const(m_unread))
        total += n;
    const QString text = label(tr("All articles"), total);
    if (m_all->text() != text)
        m_all->setText(text);
    m_all->setData(total, UnreadRole);
}

} // namespace bs
