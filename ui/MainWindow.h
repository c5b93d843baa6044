#pragma once

#include "sync/SyncEngine.h"

#include <QMainWindow>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QUrl;
class QProgressBar;
class QSplitter;
class QTreeView;
class QTableView;
class QToolBar;

namespace bs
{

class Database;
class AddFeedDialog;
class ArticleActions;
class ArticleListModel;
class BackgroundReader;
class FeedTreeView;
class FeedTreeModel;
class RelatedStoriesModel;
class SyncService;
class ReaderView;

// The main window: feed tree, article list and article pane over a read-only connection.
// Syncing runs in the SyncService's thread; the window only re-reads, through its reader
// connection and with bounded queries, what a synced feed changed.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Database &reader, SyncService *sync = nullptr, QWidget *parent = nullptr);

    FeedTreeModel *feedModel() const { return m_feedModel; }
    ArticleListModel *articleModel() const { return m_articleModel; }
    QTreeView *feedView() const { return m_feedView; }
    QTableView *articleView() const { return m_articleView; }
    ReaderView *readerView() const { return m_articlePane; }
    QAction *syncAction() const { return m_syncAction; }
    QAction *cancelSyncAction() const { return m_cancelSyncAction; }
    QProgressBar *syncProgress() const { return m_syncProgress; }
    QLabel *syncStatus() const { return m_syncStatus; }
    QLabel *syncError() const { return m_syncError; }
    // The everyday article actions and keyboard navigation (ArticleActions).
    ArticleActions *articleActions() const { return m_actions; }
    // The toolbar's search field (Ctrl+F and / focus it; Esc clears it and shows the view
    // again).
    QLineEdit *searchField() const { return m_searchField; }
    // The list's filter: all, unread only, starred only.
    QComboBox *articleFilter() const { return m_articleFilter; }
    // The related stories below the article pane, and their model.
    QListView *relatedView() const { return m_relatedView; }
    RelatedStoriesModel *relatedModel() const { return m_relatedModel; }
    // How a page-related link leaves the app (QDesktopServices::openUrl unless set).
    void setExternalUrlOpener(std::function<void(const QUrl &)> opener)
    {
        m_openExternal = std::move(opener);
    }

    // Managing feeds (MainWindowFeeds.cpp): the feed tree's editing, File ▸ Add Feed / New
    // Folder / Import OPML / Export OPML, Tools ▸ Preferences.
    FeedTreeView *feedTree() const;
    QAction *addFeedAction() const { return m_addFeedAction; }
    QAction *importOpmlAction() const { return m_importOpmlAction; }
    QAction *exportOpmlAction() const { return m_exportOpmlAction; }
    QAction *preferencesAction() const { return m_preferencesAction; }

public slots:
    // Opens the add-feed dialog (window-modal, not blocking), prefilled with url when given.
    AddFeedDialog *addFeed(const QUrl &url, qint64 folderId = 0);
    void importOpmlFile(const QString &path);
    void exportOpmlFile(const QString &path);
    void showPreferences();

private:
    void setupFeedManagement();
    void showFeedMessage(const QString &title, const QString &text, bool warning,
                         const QString &details = {});
    QAction *m_addFeedAction = nullptr;
    QAction *m_newFolderAction = nullptr;
    QAction *m_importOpmlAction = nullptr;
    QAction *m_exportOpmlAction = nullptr;
    QAction *m_preferencesAction = nullptr;
    qint64 m_selectAfterReload = 0;

private:
    void createActions();
    void createStatusBar();
    void showFeed(const QModelIndex &index);
    // The views' parts (MainWindowViews.cpp): the layout of the panes, the list's header and
    // filter, the search field and the related pane.
    void createPanes();
    void createSearchField(QToolBar *toolbar);
    void runSearch();
    void leaveSearch();
    void openRelated(const QModelIndex &index);
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showArticle(const QModelIndex &index);

    void syncStarted();
    void feedSynced(qint64 feedId, const QList<qint64> &added, const QList<qint64> &updated,
                    const QString &error);
    void syncProgressed(const SyncEngine::Progress &progress);
    void syncFinished(const SyncEngine::Progress &progress);
    void syncFailed(const QString &error);
    void showSyncError(const QString &text);
    // Applies the changes collected since the last call: the dirty feeds' tree rows, and the
    // article list when it shows one of them.
    void applyChanges();
    void refreshArticleList();

    Database &m_reader;
    SyncService *m_sync;
    FeedTreeModel *m_feedModel;
    ArticleListModel *m_articleModel;
    QTreeView *m_feedView;
    QTableView *m_articleView;
    ReaderView *m_articlePane;
    QAction *m_syncAction = nullptr;
    QAction *m_cancelSyncAction = nullptr;
    QLabel *m_syncStatus = nullptr;
    QLabel *m_syncError = nullptr;
    QProgressBar *m_syncProgress = nullptr;
    ArticleActions *m_actions = nullptr;
    BackgroundReader *m_background = nullptr;
    QLineEdit *m_searchField = nullptr;
    QTimer m_searchTimer; // debounces typing
    QComboBox *m_articleFilter = nullptr;
    RelatedStoriesModel *m_relatedModel = nullptr;
    QListView *m_relatedView = nullptr;
    std::function<void(const QUrl &)> m_openExternal;

    qint64 m_shownArticle = 0;
    bool m_refreshingList = false;
    QSet<qint64> m_dirtyFeeds;
    bool m_listDirty = false;
    bool m_manualSync = false; // the running pass was asked for (not a scheduled check)
    QTimer m_changeTimer;      // coalesces refreshes while many feeds sync
};

} // namespace bs
