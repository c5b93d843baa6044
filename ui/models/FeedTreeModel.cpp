#include "models/FeedTreeModel.h"

#include "models/BackgroundReader.h"
#include "offline/MediaCache.h"
#include "search/SavedSearchStore.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/LabelStore.h"
#include "store/StatusStore.h"

#include <QApplication>
#include <QDate>
#include <QFileInfo>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>

namespace bs
{

namespace
{

QString label(const QString &name, qint64 count)
{
    return count > 0 ? QStringLiteral("%1 (%2)").arg(name).arg(count) : name;
}

QIcon themed(const char *name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QLatin1String(name), QApplication::style()->standardIcon(fallback));
}

// The generic feed icon (an orange tile with the feed arcs), drawn once at two sizes.
QIcon genericFeedIcon()
{
    static const QIcon icon = [] {
        QIcon out;
        for (int size : {16, 32}) {
            QPixmap pixmap(size, size);
            pixmap.fill(Qt::transparent);
            {
                QPainter p(&pixmap);
                p.setRenderHint(QPainter::Antialiasing);
                const qreal s = size;
                p.setPen(Qt::NoPen);
                p.setBrush(QColor(0xf2, 0x8c, 0x28));
                p.drawRoundedRect(QRectF(0.5, 0.5, s - 1, s - 1), s * 0.18, s * 0.18);
                p.setBrush(Qt::white);
                p.drawEllipse(QPointF(s * 0.28, s * 0.72), s * 0.09, s * 0.09);
                QPen pen(Qt::white, s * 0.11, Qt::SolidLine, Qt::RoundCap);
                p.setPen(pen);
                p.setBrush(Qt::NoBrush);
                for (qreal r : {0.36, 0.58}) {
                    const qreal d = s * r * 2;
                    p.drawArc(QRectF(s * 0.28 - d / 2, s * 0.72 - d / 2, d, d), 0, 90 * 16);
                }
            }
            out.addPixmap(pixmap);
        }
        return out;
    }();
    return icon;
}

// Where a feed row keeps the icon it shows while it works (the error badge replaces it).
constexpr int kIconRole = Qt::UserRole + 100;

void makeSmart(QStandardItem *item)
{
    item->setEditable(false);
    item->setDragEnabled(false);
    item->setDropEnabled(false);
}

} // namespace

FeedTreeModel::FeedTreeModel(Database &reader, QObject *parent)
    : QStandardItemModel(parent), m_reader(reader)
{
    setHorizontalHeaderLabels({tr("Feeds")});
    // The top level takes drops (a feed or folder moved out of its folder).
    invisibleRootItem()->setDropEnabled(true);
}

qint64 FeedTreeModel::startOfToday()
{
    return QDate::currentDate().startOfDay().toSecsSinceEpoch();
}

QModelIndex FeedTreeModel::indexOfView(ViewKind kind, qint64 id) const
{
    QStandardItem *item = nullptr;
    switch (kind) {
    case ViewKind::Feed:
        item = m_feedItems.value(id);
        break;
    case ViewKind::Folder:
        item = m_folderItems.value(id);
        break;
    case ViewKind::Label:
        item = m_labelItems.value(id);
        break;
    case ViewKind::SavedSearch:
        item = m_searchItems.value(id);
        break;
    default:
        item = m_views.value(int(kind));
    }
    return item ? item->index() : QModelIndex();
}

QStandardItem *FeedTreeModel::addView(ViewKind kind, const QString &name, const QIcon &icon)
{
    auto *item = new QStandardItem(icon, name);
    item->setData(name, NameRole);
    item->setData(QVariant::fromValue(kind), ViewKindRole);
    item->setData(qint64(0), ViewIdRole);
    item->setData(qint64(0), FeedIdRole);
    item->setData(qint64(0), UnreadRole);
    makeSmart(item);
    appendRow(item);
    return item;
}

void FeedTreeModel::reload()
{
    removeRows(0, rowCount());
    m_views.clear();
    m_feedItems.clear();
    m_folderItems.clear();
    m_labelItems.clear();
    m_searchItems.clear();
    FeedStore feeds(m_reader);
    // Counts are read by requestCounts() below; until they arrive rows show the last ones.

    m_views.insert(int(ViewKind::All),
                   addView(ViewKind::All, tr("All articles"),
                           themed("mail-folder-inbox", QStyle::SP_DirHomeIcon)));
    m_views.insert(int(ViewKind::Unread),
                   addView(ViewKind::Unread, tr("Unread"),
                           themed("mail-unread", QStyle::SP_FileDialogInfoView)));
    m_views.insert(int(ViewKind::Today),
                   addView(ViewKind::Today, tr("Today"),
                           themed("x-office-calendar", QStyle::SP_FileDialogContentsView)));
    m_views.insert(
        int(ViewKind::Starred),
        addView(ViewKind::Starred, tr("Starred"), themed("starred", QStyle::SP_DialogApplyButton)));
    m_views.insert(int(ViewKind::SavedPages),
                   addView(ViewKind::SavedPages, tr("Saved pages"),
                           themed("document-save", QStyle::SP_DialogSaveButton)));

    const QIcon labelIcon = themed("tag", QStyle::SP_FileLinkIcon);
    for (const LabelCount &l : LabelStore(m_reader).list()) {
        auto *item = new QStandardItem(labelIcon, l.name);
        item->setData(l.name, NameRole);
        item->setData(QVariant::fromValue(ViewKind::Label), ViewKindRole);
        item->setData(l.id, ViewIdRole);
        item->setData(qint64(0), UnreadRole);
        item->setToolTip(tr("Label: %n article(s)", nullptr, int(l.articles)));
        makeSmart(item);
        m_labelItems.insert(l.id, item);
        appendRow(item);
    }
    const QIcon searchIcon = themed("edit-find", QStyle::SP_FileDialogContentsView);
    for (const SavedSearch &s : SavedSearchStore(m_reader).list()) {
        auto *item = new QStandardItem(searchIcon, s.name);
        item->setData(s.name, NameRole);
        item->setData(QVariant::fromValue(ViewKind::SavedSearch), ViewKindRole);
        item->setData(s.id, ViewIdRole);
        item->setData(s.query, QueryRole);
        item->setData(int(s.sort), SearchSortRole);
        item->setData(qint64(0), UnreadRole);
        item->setToolTip(s.query);
        makeSmart(item);
        m_searchItems.insert(s.id, item);
        appendRow(item);
    }

    const QList<Folder> folders = feeds.folders();
    const QIcon folderIcon = QApplication::style()->standardIcon(QStyle::SP_DirIcon);
    for (const Folder &folder : folders) {
        auto *item = new QStandardItem(folderIcon, folder.name);
        item->setData(folder.name, NameRole);
        item->setData(folder.id, FolderIdRole);
        item->setData(QVariant::fromValue(ViewKind::Folder), ViewKindRole);
        item->setData(folder.id, ViewIdRole);
        item->setData(qint64(0), UnreadRole);
        item->setEditable(false);
        item->setDragEnabled(true);
        item->setDropEnabled(true);
        m_folderItems.insert(folder.id, item);
    }
    for (const Folder &folder : folders) {
        QStandardItem *parent = m_folderItems.value(folder.parentId);
        (parent ? parent : invisibleRootItem())->appendRow(m_folderItems.value(folder.id));
    }
    m_savedPagesFeedId = 0;
    MediaCache icons(m_reader, MediaCache::directoryFor(m_reader.path()));
    for (const Feed &feed : feeds.feeds()) {
        if (feed.url == FeedStore::savedPagesUrl()) {
            m_savedPagesFeedId = feed.id;
            continue; // listed as a smart view; other built-in feeds (the demo) are feeds
        }
        auto *item = new QStandardItem;
        item->setData(feed.id, FeedIdRole);
        item->setData(QVariant::fromValue(ViewKind::Feed), ViewKindRole);
        item->setData(feed.id, ViewIdRole);
        item->setEditable(false);
        item->setDragEnabled(true);
        item->setDropEnabled(false);
        item->setData(feedIcon(icons, feed), kIconRole); // the icon shown when it works
        setFeedText(item, feed, m_unread.value(feed.id));
        m_feedItems.insert(feed.id, item);
        QStandardItem *parent = m_folderItems.value(feed.folderId);
        (parent ? parent : invisibleRootItem())->appendRow(item);
    }
    for (QStandardItem *folder : std::as_const(m_folderItems))
        if (!folder->parent())
            setCount(folder, folderTotal(folder));
    setTotals();
    requestCounts(true);
    countSavedSearches();
}

void FeedTreeModel::refreshFeed(qint64 feedId)
{
    if (feedId == m_savedPagesFeedId && feedId != 0) {
        const qint64 unread = StatusStore(m_reader).unreadCount(feedId);
        if (unread >= 0) {
            m_unread.insert(feedId, unread);
            m_freshFeeds.insert(feedId);
        }
        setTotals();
        return;
    }
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
    m_freshFeeds.insert(feedId);
    setFeedText(item, *feed, unread);
    updateFolders(item->parent());
    setTotals();
}

void FeedTreeModel::refreshCounts()
{
    requestCounts(true);
    countSavedSearches();
}

void FeedTreeModel::refreshViewCounts()
{
    requestCounts(false);
    countSavedSearches();
}

FeedTreeModel::Counts FeedTreeModel::readCounts(Database &db, bool withFeeds, qint64 since)
{
    Counts c;
    c.withFeeds = withFeeds;
    if (withFeeds)
        c.feeds = StatusStore(db).unreadCounts();
    ArticleStore articles(db);
    ArticleQuery today;
    today.since = since;
    today.unreadOnly = true;
    c.today = std::max<qint64>(0, articles.count(today));
    ArticleQuery starred;
    starred.starredOnly = true;
    starred.unreadOnly = true;
    c.starred = std::max<qint64>(0, articles.count(starred));
    c.labels = LabelStore(db).unreadCounts();
    return c;
}

void FeedTreeModel::requestCounts(bool withFeeds)
{
    if (withFeeds)
        m_freshFeeds.clear();
    const qint64 since = startOfToday();
    if (!m_background) {
        applyCounts(readCounts(m_reader, withFeeds, since));
        return;
    }
    // Jobs run in order, so answers arrive in the order asked.
    m_background->run<std::optional<Counts>>(
        this,
        [withFeeds, since](Database *db) -> std::optional<Counts> {
            if (!db)
                return std::nullopt;
            return readCounts(*db, withFeeds, since);
        },
        [this](std::optional<Counts> counts) {
            if (counts)
                applyCounts(std::move(*counts));
        });
}

void FeedTreeModel::applyCounts(Counts counts)
{
    if (counts.withFeeds) {
        // A feed re-read by refreshFeed since the request keeps that newer number.
        for (qint64 feedId : std::as_const(m_freshFeeds))
            counts.feeds.insert(feedId, m_unread.value(feedId));
        m_unread = std::move(counts.feeds);
        for (auto it = m_feedItems.cbegin(); it != m_feedItems.cend(); ++it)
            setCount(it.value(), m_unread.value(it.key()));
        for (QStandardItem *folder : std::as_const(m_folderItems))
            if (!folder->parent())
                setCount(folder, folderTotal(folder));
    }
    setTotals();
    setCount(m_views.value(int(ViewKind::Today)), counts.today);
    setCount(m_views.value(int(ViewKind::Starred)), counts.starred);
    for (auto it = m_labelItems.cbegin(); it != m_labelItems.cend(); ++it)
        setCount(it.value(), counts.labels.value(it.key()));
    emit countsChanged();
}

void FeedTreeModel::setCount(QStandardItem *item, qint64 unread)
{
    const QString text = label(item->data(NameRole).toString(), unread);
    if (item->text() != text)
        item->setText(text);
    if (!item->data(UnreadRole).isValid() || item->data(UnreadRole).toLongLong() != unread)
        item->setData(unread, UnreadRole);
}

void FeedTreeModel::setFeedText(QStandardItem *item, const Feed &feed, qint64 unread)
{
    const QString name = feed.title.isEmpty() ? feed.url.toString() : feed.title;
    if (item->data(NameRole).toString() != name)
        item->setData(name, NameRole);
    setCount(item, unread);
    // A page feed says which list of its page it follows.
    QString tip = feed.lastError;
    if (feed.kind == FeedKind::Page)
        tip = tr("Page feed: %1").arg(feed.pageSelector) +
              (tip.isEmpty() ? QString() : QLatin1Char('\n') + tip);
    if (item->toolTip() != tip || item->icon().isNull()) {
        item->setToolTip(tip);
        // A failing feed carries a warning sign; its tooltip says why.
        item->setIcon(feed.lastError.isEmpty()
                          ? item->data(kIconRole).value<QIcon>()
                          : QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning));
    }
}

qint64 FeedTreeModel::folderTotal(QStandardItem *folder) const
{
    // Folders hold their subfolders' counts as well; recompute them on the way.
    qint64 total = 0;
    for (int r = 0; r < folder->rowCount(); ++r) {
        QStandardItem *child = folder->child(r);
        if (child->data(ViewKindRole).value<ViewKind>() == ViewKind::Folder) {
            const qint64 sub = folderTotal(child);
            const_cast<FeedTreeModel *>(this)->setCount(child, sub);
            total += sub;
        } else {
            total += m_unread.value(child->data(FeedIdRole).toLongLong());
        }
    }
    return total;
}

void FeedTreeModel::updateFolders(QStandardItem *from)
{
    for (QStandardItem *folder = from; folder; folder = folder->parent()) {
        qint64 total = 0;
        for (int r = 0; r < folder->rowCount(); ++r)
            total += folder->child(r)->data(UnreadRole).toLongLong();
        setCount(folder, total);
    }
}

void FeedTreeModel::setTotals()
{
    qint64 total = 0;
    for (qint64 n : std::as_const(m_unread))
        total += n;
    setCount(m_views.value(int(ViewKind::All)), total);
    setCount(m_views.value(int(ViewKind::Unread)), total);
    setCount(m_views.value(int(ViewKind::SavedPages)),
             m_savedPagesFeedId ? m_unread.value(m_savedPagesFeedId) : 0);
}

void FeedTreeModel::countSavedSearches()
{
    if (m_searchItems.isEmpty())
        return;
    const int generation = ++m_countGeneration;
    using Counts = std::optional<QList<SavedSearchCounts>>;
    auto apply = [this, generation](Counts counts) {
        if (!counts || generation != m_countGeneration)
            return; // a newer count is on its way
        for (const SavedSearchCounts &c : *counts) {
            QStandardItem *item = m_searchItems.value(c.search.id);
            if (!item)
                continue;
            setCount(item, c.unread);
            item->setToolTip(c.problem.isEmpty() ? tr("%1\n%2 articles, %3 unread")
                                                       .arg(c.search.query)
                                                       .arg(c.total)
                                                       .arg(c.unread)
                                                 : c.problem);
        }
    };
    if (!m_background) {
        QString error;
        apply(SavedSearchStore(m_reader).listWithCounts(&error));
        return;
    }
    m_background->run<Counts>(
        this,
        [](Database *db) -> Counts {
            if (!db)
                return std::nullopt;
            QString error;
            return SavedSearchStore(*db).listWithCounts(&error);
        },
        apply);
}

QIcon FeedTreeModel::feedIcon(MediaCache &cache, const Feed &feed)
{
    // The feed's own icon when the media cache holds it (nothing is fetched for it here).
    if (feed.iconUrl.isValid() && !feed.iconUrl.isEmpty()) {
        if (const auto entry = cache.lookup(feed.iconUrl);
            entry && QFileInfo::exists(entry->filePath)) {
            const QIcon icon(entry->filePath);
            if (!icon.isNull())
                return icon;
        }
    }
    // A page feed without an icon of its own: a page.
    if (feed.kind == FeedKind::Page)
        return themed("text-html", QStyle::SP_FileIcon);
    return genericFeedIcon();
}

} // namespace bs
