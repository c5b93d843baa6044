#pragma once

#include <QSet>
#include <QTreeView>

class QMenu;
class QMimeData;

namespace bs
{

class Database;
class SyncService;

// The feed tree with editing: feeds and folders are dragged onto folders or the top level, and
// a context menu renames, moves, deletes, syncs and opens a feed's properties. Every change is
// a call on the sync worker (SyncService); the model never moves rows itself: the tree is
// re-read from the store when the worker reports the change (reloadKeepingState). Rows are
// recognised by the FeedTreeModel roles (FeedIdRole, FolderIdRole, ViewKindRole).
class FeedTreeView : public QTreeView
{
    Q_OBJECT
public:
    explicit FeedTreeView(QWidget *parent = nullptr);

    // Where edits go and where names are read; without a service the tree is read-only.
    void setServices(Database *reader, SyncService *sync);

    // What a drop of `source` onto `target` does (also what dropEvent calls): a feed goes into
    // the folder it is dropped on, or into the folder of the feed it is dropped on, or to the
    // top level; a folder likewise (never into itself). Returns false when nothing is to do.
    bool dropOn(const QModelIndex &source, const QModelIndex &target);
    // The folder a drop onto `target` puts things in (0: the top level; -1: not a drop target).
    qint64 dropFolderFor(const QModelIndex &target) const;
    // The row a drop at pos (viewport coordinates) lands on: the row under it, or that row's
    // parent when pos is on the edge between two folders (invalid: the top level).
    QModelIndex dropTargetAt(const QPoint &pos) const;
    // What a drag of this row carries (the model's data plus kRowMimeType naming the row).
    QMimeData *rowMimeData(const QModelIndex &index) const;
    QModelIndex rowFromMimeData(const QMimeData *mime) const;
    static constexpr const char *kRowMimeType = "application/x-broadsheet-feed-tree-row";

    // The context menu for a row (invalid index: the empty area). The caller owns it.
    QMenu *createContextMenu(const QModelIndex &index);

    // Re-reads the model (FeedTreeModel::reload) keeping collapsed folders and the current row.
    void reloadKeepingState();

    // The actions of the menu, for a row (they ask with dialogs where a choice is needed).
    void renameRow(const QModelIndex &index);
    void deleteRow(const QModelIndex &index);
    void showProperties(const QModelIndex &index);
    void newFolder(qint64 parentId);
    void syncRow(const QModelIndex &index);

signals:
    // "Add Feed…" from the menu of the empty area or a folder (0: top level).
    void addFeedRequested(qint64 folderId);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void startDrag(Qt::DropActions supportedActions) override;

private:
    qint64 feedId(const QModelIndex &index) const;
    qint64 folderId(const QModelIndex &index) const;
    QMenu *moveMenu(const QModelIndex &index, QWidget *parent);

    Database *m_reader = nullptr;
    SyncService *m_sync = nullptr;
};

} // namespace bs
