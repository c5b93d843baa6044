#include "FeedTreeView.h"

#include "dialogs/FeedPropertiesDialog.h"
#include "models/FeedTreeModel.h"
#include "store/FeedStore.h"
#include "sync/SyncService.h"

#include <QContextMenuEvent>
#include <QDrag>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QHash>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalBlocker>

#include <functional>

namespace bs
{

namespace
{

using ViewKind = FeedTreeModel::ViewKind;

std::optional<ViewKind> kindOf(const QModelIndex &index)
{
    const QVariant kind = index.data(FeedTreeModel::ViewKindRole);
    if (!kind.isValid())
        return std::nullopt;
    return kind.value<ViewKind>();
}

QString feedName(const Feed &feed)
{
    return feed.title.isEmpty() ? feed.url.toDisplayString() : feed.title;
}

} // namespace

FeedTreeView::FeedTreeView(QWidget *parent) : QTreeView(parent)
{
    setDragEnabled(true);
    setAcceptDrops(true);
    setDropIndicatorShown(true);
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
}

void FeedTreeView::setServices(Database *reader, SyncService *sync)
{
    m_reader = reader;
    m_sync = sync;
}

qint64 FeedTreeView::feedId(const QModelIndex &index) const
{
    return kindOf(index) == ViewKind::Feed ? index.data(FeedTreeModel::FeedIdRole).toLongLong() : 0;
}

qint64 FeedTreeView::folderId(const QModelIndex &index) const
{
    return kindOf(index) == ViewKind::Folder ? index.data(FeedTreeModel::FolderIdRole).toLongLong()
                                             : 0;
}

qint64 FeedTreeView::dropFolderFor(const QModelIndex &target) const
{
    if (!target.isValid())
        return 0; // the empty area: the top level
    const auto kind = kindOf(target);
    if (kind == ViewKind::Folder)
        return folderId(target);
    if (kind == ViewKind::Feed)
        return target.parent().isValid() ? dropFolderFor(target.parent()) : 0;
    return -1; // smart views, labels, saved searches
}

bool FeedTreeView::dropOn(const QModelIndex &source, const QModelIndex &target)
{
    if (!m_sync || !source.isValid())
        return false;
    const qint64 destination = dropFolderFor(target);
    if (destination < 0)
        return false;
    const qint64 currentParent = source.parent().isValid() ? folderId(source.parent()) : 0;
    if (const qint64 feed = feedId(source)) {
        if (destination == currentParent)
            return false;
        m_sync->moveFeed(feed, destination);
        return true;
    }
    if (const qint64 folder = folderId(source)) {
        if (destination == currentParent)
            return false;
        // Never into itself or below itself (the store refuses it too).
        for (QModelIndex up = target; up.isValid(); up = up.parent())
            if (up == source)
                return false;
        m_sync->moveFolder(folder, destination);
        return true;
    }
    return false;
}

QMimeData *FeedTreeView::rowMimeData(const QModelIndex &index) const
{
    QMimeData *mime = model() ? model()->mimeData({index}) : nullptr;
    if (!mime)
        mime = new QMimeData;
    QByteArray row;
    if (const qint64 feed = feedId(index))
        row = "feed:" + QByteArray::number(feed);
    else if (const qint64 folder = folderId(index))
        row = "folder:" + QByteArray::number(folder);
    mime->setData(QLatin1String(kRowMimeType), row);
    return mime;
}

QModelIndex FeedTreeView::rowFromMimeData(const QMimeData *mime) const
{
    if (!mime || !model())
        return {};
    const QList<QByteArray> parts = mime->data(QLatin1String(kRowMimeType)).split(':');
    if (parts.size() != 2)
        return {};
    const ViewKind kind = parts[0] == "feed" ? ViewKind::Feed : ViewKind::Folder;
    const qint64 id = parts[1].toLongLong();
    const int role =
        kind == ViewKind::Feed ? FeedTreeModel::FeedIdRole : FeedTreeModel::FolderIdRole;
    std::function<QModelIndex(const QModelIndex &)> find = [&](const QModelIndex &parent) {
        for (int r = 0; r < model()->rowCount(parent); ++r) {
            const QModelIndex index = model()->index(r, 0, parent);
            if (kindOf(index) == kind && index.data(role).toLongLong() == id)
                return index;
            if (const QModelIndex below = find(index); below.isValid())
                return below;
        }
        return QModelIndex();
    };
    return find({});
}

QModelIndex FeedTreeView::dropTargetAt(const QPoint &pos) const
{
    const QModelIndex index = indexAt(pos);
    if (!index.isValid() || kindOf(index) != ViewKind::Folder)
        return index;
    // Near the top or bottom edge of a folder's row: between rows, i.e. beside that folder.
    const QRect rect = visualRect(index);
    const int margin = std::clamp(int(std::lround(rect.height() / 5.5)), 2, 12);
    if (pos.y() - rect.top() < margin || rect.bottom() - pos.y() < margin)
        return index.parent();
    return index;
}

void FeedTreeView::startDrag(Qt::DropActions supportedActions)
{
    Q_UNUSED(supportedActions);
    const QModelIndex source = currentIndex();
    if (!feedId(source) && !folderId(source))
        return; // smart views stay where they are
    auto *drag = new QDrag(this);
    drag->setMimeData(rowMimeData(source));
    const QRect rect = visualRect(source);
    if (rect.isValid())
        drag->setPixmap(viewport()->grab(rect));
    // Whatever the drop reports, no row is removed here: the tree is re-read from the store.
    drag->exec(Qt::MoveAction, Qt::MoveAction);
}

void FeedTreeView::dragEnterEvent(QDragEnterEvent *event)
{
    if (!m_sync || !event->mimeData()->hasFormat(QLatin1String(kRowMimeType))) {
        event->ignore();
        return;
    }
    QTreeView::dragEnterEvent(event);
    event->setDropAction(Qt::MoveAction);
    event->accept();
}

void FeedTreeView::dragMoveEvent(QDragMoveEvent *event)
{
    QTreeView::dragMoveEvent(event); // auto-scroll and the drop indicator
    const QModelIndex source = rowFromMimeData(event->mimeData());
    const QModelIndex target = dropTargetAt(event->position().toPoint());
    bool ok = m_sync && source.isValid() && dropFolderFor(target) >= 0;
    for (QModelIndex up = target; ok && up.isValid(); up = up.parent())
        ok = up != source || !folderId(source);
    if (ok) {
        event->setDropAction(Qt::MoveAction);
        event->accept();
    } else {
        event->ignore();
    }
}

void FeedTreeView::dropEvent(QDropEvent *event)
{
    const QModelIndex source = rowFromMimeData(event->mimeData());
    const QModelIndex target = dropTargetAt(event->position().toPoint());
    const bool moved = source.isValid() && dropOn(source, target);
    // The model does not move rows itself: the tree is re-read when the worker reports it.
    event->setDropAction(moved ? Qt::MoveAction : Qt::IgnoreAction);
    event->accept();
    stopAutoScroll();
    setState(NoState);
    viewport()->update();
}

void FeedTreeView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createContextMenu(indexAt(event->pos()));
    if (!menu)
        return;
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
}

QMenu *FeedTreeView::moveMenu(const QModelIndex &index, QWidget *parent)
{
    auto *menu = new QMenu(tr("&Move To"), parent);
    menu->setObjectName(QStringLiteral("moveMenu"));
    const qint64 feed = feedId(index);
    const qint64 folder = folderId(index);
    const qint64 current = index.parent().isValid() ? folderId(index.parent()) : 0;
    QHash<qint64, QList<Folder>> children;
    for (const Folder &f : FeedStore(*m_reader).folders())
        children[f.parentId].append(f);
    auto addTarget = [&](const QString &text, qint64 destination) {
        QAction *action = menu->addAction(text);
        action->setData(destination);
        action->setEnabled(destination != current);
        connect(action, &QAction::triggered, this, [this, feed, folder, destination] {
            if (feed)
                m_sync->moveFeed(feed, destination);
            else
                m_sync->moveFolder(folder, destination);
        });
    };
    addTarget(tr("Top Level"), 0);
    std::function<void(qint64, int)> add = [&](qint64 parentId, int depth) {
        QList<Folder> list = children.value(parentId);
        std::sort(list.begin(), list.end(), [](const Folder &a, const Folder &b) {
            return QString::localeAwareCompare(a.name, b.name) < 0;
        });
        for (const Folder &f : list) {
            if (f.id == folder)
                continue; // not into itself or its subfolders
            addTarget(QString(depth * 4, QLatin1Char(' ')) + f.name, f.id);
            add(f.id, depth + 1);
        }
    };
    add(0, 1);
    return menu;
}

QMenu *FeedTreeView::createContextMenu(const QModelIndex &index)
{
    if (!m_sync || !m_reader)
        return nullptr;
    auto *menu = new QMenu(this);
    auto addAction = [&](const QString &name, const QString &text, auto slot) {
        QAction *action = menu->addAction(text);
        action->setObjectName(name);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    const QPersistentModelIndex row(index);
    const qint64 feed = feedId(index);
    const qint64 folder = folderId(index);
    if (feed) {
        addAction(QStringLiteral("syncAction"), tr("&Sync This Feed"),
                  [this, row] { syncRow(row); });
        menu->addSeparator();
        addAction(QStringLiteral("renameAction"), tr("&Rename…"), [this, row] { renameRow(row); });
        menu->addMenu(moveMenu(index, menu));
        addAction(QStringLiteral("propertiesAction"), tr("&Properties…"),
                  [this, row] { showProperties(row); });
        menu->addSeparator();
        addAction(QStringLiteral("deleteAction"), tr("&Delete Feed…"),
                  [this, row] { deleteRow(row); });
        menu->addSeparator();
        const qint64 parentFolder = index.parent().isValid() ? folderId(index.parent()) : 0;
        addAction(QStringLiteral("newFolderAction"), tr("&New Folder…"),
                  [this, parentFolder] { newFolder(parentFolder); });
    } else if (folder) {
        addAction(QStringLiteral("syncAction"), tr("&Sync This Folder"),
                  [this, row] { syncRow(row); });
        addAction(QStringLiteral("addFeedAction"), tr("&Add Feed Here…"),
                  [this, folder] { emit addFeedRequested(folder); });
        menu->addSeparator();
        addAction(QStringLiteral("renameAction"), tr("&Rename…"), [this, row] { renameRow(row); });
        menu->addMenu(moveMenu(index, menu));
        addAction(QStringLiteral("newFolderAction"), tr("&New Subfolder…"),
                  [this, folder] { newFolder(folder); });
        menu->addSeparator();
        addAction(QStringLiteral("deleteAction"), tr("&Delete Folder…"),
                  [this, row] { deleteRow(row); });
    } else {
        addAction(QStringLiteral("addFeedAction"), tr("&Add Feed…"),
                  [this] { emit addFeedRequested(0); });
        addAction(QStringLiteral("newFolderAction"), tr("&New Folder…"), [this] { newFolder(0); });
    }
    return menu;
}

void FeedTreeView::syncRow(const QModelIndex &index)
{
    if (!m_sync)
        return;
    if (const qint64 feed = feedId(index))
        m_sync->syncFeeds({feed});
    else if (const qint64 folder = folderId(index))
        m_sync->syncFolder(folder);
}

void FeedTreeView::renameRow(const QModelIndex &index)
{
    if (!m_sync || !m_reader)
        return;
    bool ok = false;
    if (const qint64 id = feedId(index)) {
        const auto feed = FeedStore(*m_reader).feed(id);
        if (!feed)
            return;
        const QString title = QInputDialog::getText(
            this, tr("Rename Feed"), tr("Title (leave empty for the feed's own title):"),
            QLineEdit::Normal, feed->title, &ok);
        if (ok && title.trimmed() != feed->title)
            m_sync->renameFeed(id, title);
    } else if (const qint64 folder = folderId(index)) {
        const auto current = FeedStore(*m_reader).folder(folder);
        if (!current)
            return;
        const QString name = QInputDialog::getText(this, tr("Rename Folder"), tr("Name:"),
                                                   QLineEdit::Normal, current->name, &ok);
        if (ok && !name.trimmed().isEmpty() && name.trimmed() != current->name)
            m_sync->renameFolder(folder, name);
    }
}

void FeedTreeView::deleteRow(const QModelIndex &index)
{
    if (!m_sync || !m_reader)
        return;
    FeedStore store(*m_reader);
    if (const qint64 id = feedId(index)) {
        const auto feed = store.feed(id);
        if (!feed)
            return;
        if (QMessageBox::question(this, tr("Delete Feed"),
                                  tr("Delete “%1” and all its articles, including starred "
                                     "ones?")
                                      .arg(feedName(*feed)),
                                  QMessageBox::Yes | QMessageBox::Cancel,
                                  QMessageBox::Cancel) == QMessageBox::Yes)
            m_sync->removeFeed(id);
        return;
    }
    const qint64 folder = folderId(index);
    const auto current = folder ? store.folder(folder) : std::nullopt;
    if (!current)
        return;
    const qsizetype feeds = store.feedIdsInFolder(folder).size();
    QMessageBox box(QMessageBox::Question, tr("Delete Folder"), QString(), QMessageBox::NoButton,
                    this);
    box.setObjectName(QStringLiteral("deleteFolderBox"));
    QPushButton *deleteAll = nullptr;
    QPushButton *keep = nullptr;
    if (feeds == 0) {
        box.setText(tr("Delete the folder “%1”?").arg(current->name));
        deleteAll = box.addButton(tr("&Delete Folder"), QMessageBox::DestructiveRole);
    } else {
        box.setText(tr("The folder “%1” holds %n feed(s). Delete them too, or keep them and "
                       "move them up a level?",
                       "", int(feeds))
                        .arg(current->name));
        keep = box.addButton(tr("&Keep the Feeds"), QMessageBox::AcceptRole);
        keep->setObjectName(QStringLiteral("keepFeeds"));
        deleteAll = box.addButton(tr("&Delete Folder and Feeds"), QMessageBox::DestructiveRole);
    }
    deleteAll->setObjectName(QStringLiteral("deleteFeeds"));
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == deleteAll)
        m_sync->removeFolder(folder, true);
    else if (keep && box.clickedButton() == keep)
        m_sync->removeFolder(folder, false);
}

void FeedTreeView::showProperties(const QModelIndex &index)
{
    if (!m_sync || !m_reader)
        return;
    const auto feed = FeedStore(*m_reader).feed(feedId(index));
    if (!feed)
        return;
    FeedPropertiesDialog dialog(*feed, m_sync, this);
    if (dialog.exec() == QDialog::Accepted)
        m_sync->updateFeed(dialog.editedFeed());
}

void FeedTreeView::newFolder(qint64 parentId)
{
    if (!m_sync)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New Folder"), tr("Name:"),
                                               QLineEdit::Normal, QString(), &ok);
    if (ok && !name.trimmed().isEmpty())
        m_sync->createFolder(name, parentId);
}

void FeedTreeView::reloadKeepingState()
{
    auto *tree = qobject_cast<FeedTreeModel *>(model());
    if (!tree)
        return;
    // Remember collapsed folders and the current row by what they show, not by position.
    QSet<qint64> collapsed;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int r = 0; r < tree->rowCount(parent); ++r) {
            const QModelIndex index = tree->index(r, 0, parent);
            if (kindOf(index) == ViewKind::Folder && !isExpanded(index))
                collapsed.insert(folderId(index));
            walk(index);
        }
    };
    walk({});
    const QModelIndex current = currentIndex();
    const QVariant currentKind = current.data(FeedTreeModel::ViewKindRole);
    const QVariant currentId = current.data(FeedTreeModel::ViewIdRole);
    const int scroll = verticalScrollBar()->value();

    QModelIndex restored;
    {
        // The selection is put back below; meanwhile nobody hears about the row vanishing.
        const QSignalBlocker blocker(selectionModel());
        tree->reload();
        expandAll();
        std::function<void(const QModelIndex &)> restore = [&](const QModelIndex &parent) {
            for (int r = 0; r < tree->rowCount(parent); ++r) {
                const QModelIndex index = tree->index(r, 0, parent);
                if (kindOf(index) == ViewKind::Folder && collapsed.contains(folderId(index)))
                    collapse(index);
                if (!restored.isValid() && currentKind.isValid() &&
                    index.data(FeedTreeModel::ViewKindRole) == currentKind &&
                    index.data(FeedTreeModel::ViewIdRole) == currentId)
                    restored = index;
                restore(index);
            }
        };
        restore({});
        if (restored.isValid())
            selectionModel()->setCurrentIndex(restored, QItemSelectionModel::ClearAndSelect);
    }
    verticalScrollBar()->setValue(scroll);
    viewport()->update();
    if (!restored.isValid() && current.isValid() && tree->rowCount() > 0)
        setCurrentIndex(tree->index(0, 0)); // the row shown is gone: show everything
}

} // namespace bs
