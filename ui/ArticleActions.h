#pragma once

#include "store/StatusStore.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

class QAction;
class QLineEdit;
class QMenu;
class QMenuBar;
class QProgressBar;

namespace bs
{

class Database;
class MainWindow;
class SyncService;

// The everyday actions on articles and the keyboard: mark read/unread, star, labels, open in
// the browser, copy link, save a page for later, mark all read, export bookmarks, and moving
// through articles (J/K, Space) and feeds (N/P). Every write goes to the SyncService's worker;
// the window re-reads what a finished write names. Single-letter shortcuts are window
// shortcuts, which a focused text field takes for itself (QLineEdit accepts the
// ShortcutOverride of a printable key), so they never fire while typing.
//
// N/P move between feeds only: folders and smart views are skipped (folders are opened on the
// way), so N walks the subscriptions in tree order.
class ArticleActions : public QObject
{
    Q_OBJECT
public:
    // Questions asked of the person; tests replace them. Each returns empty / false for "no".
    using AskText = std::function<QString(const QString &suggestion)>;
    using Confirm = std::function<bool(const QString &question)>;

    // refreshList re-reads the article list keeping the current article (MainWindow's).
    ArticleActions(Database &reader, SyncService *sync, MainWindow *window,
                   std::function<void()> refreshList);

    // Adds the "Article", "Go" and "Help" menus, and the article list's context menu.
    void addMenus(QMenuBar *bar);
    // "/" and Ctrl+F focus it, Esc in it goes back to the list. May be null (then disabled).
    void setSearchField(QLineEdit *field);

    void setAskLabelName(AskText ask) { m_askLabel = std::move(ask); }
    void setAskPageAddress(AskText ask) { m_askAddress = std::move(ask); }
    void setAskExportPath(AskText ask) { m_askExportPath = std::move(ask); }
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }

    // What "mark all read" covers for the feed tree's current row. The one place that maps the
    // tree's view kinds to a ReadScope.
    ReadScope currentReadScope() const;
    // The articles selected in the list (the current one when nothing is selected).
    QList<qint64> selectedArticles() const;

    // Labels the selection (creating the label when new), or takes it off when every selected
    // article carries it already.
    void toggleLabel(const QString &name);

    QAction *toggleReadAction() const { return m_toggleRead; }
    QAction *toggleStarAction() const { return m_toggleStar; }
    QAction *openInBrowserAction() const { return m_openInBrowser; }
    QAction *copyLinkAction() const { return m_copyLink; }
    QAction *savePageAction() const { return m_savePage; }
    QAction *markAllReadAction() const { return m_markAllRead; }
    QAction *exportBookmarksAction() const { return m_exportBookmarks; }
    QAction *nextArticleAction() const { return m_nextArticle; }
    QAction *previousArticleAction() const { return m_previousArticle; }
    QAction *nextFeedAction() const { return m_nextFeed; }
    QAction *previousFeedAction() const { return m_previousFeed; }
    QAction *readOnAction() const { return m_readOn; }
    QAction *searchAction() const { return m_search; }
    QAction *leaveSearchAction() const { return m_leaveSearch; }
    QAction *shortcutsAction() const { return m_shortcuts; }
    QMenu *labelMenu() const { return m_labelMenu; }
    QMenu *articleMenu() const { return m_articleMenu; }

    // Every action of the window that has a shortcut, in menu order (the help dialog's rows).
    QList<QAction *> shortcutActions() const;
    void showShortcuts();

signals:
    // A write this object asked for came back (tests and the status bar).
    void statusApplied();

private:
    QAction *makeAction(const QString &text, const QList<QKeySequence> &keys,
                        void (ArticleActions::*slot)());
    void toggleRead();
    void toggleStar();
    void openInBrowser();
    void copyLink();
    void savePage();
    void markAllRead();
    void exportBookmarks();
    void nextArticle();
    void previousArticle();
    void nextFeed();
    void previousFeed();
    void readOn();
    void focusSearch();
    void leaveSearch();
    void newLabel();
    void fillLabelMenu();

    bool moveToRow(int row);
    bool selectNextUnread();
    void moveFeed(int step);
    qint64 currentArticle() const;
    QList<QUrl> urlsOf(const QList<qint64> &ids) const;
    qint64 unreadInScope() const;
    void articleSelected(const QModelIndex &index);
    void markShownRead(qint64 articleId);
    // Updates the rows of these articles in place after their status changed (when the list
    // shows them); an unset value keeps the row's own.
    void refreshRows(const QList<qint64> &articleIds, std::optional<bool> read,
                     std::optional<bool> starred);
    void unreadCountChanged(qint64 feedId, qint64 unread);
    void showMessage(const QString &text, int ms = 8000);

    Database &m_reader;
    QPointer<SyncService> m_sync;
    MainWindow *m_window;
    std::function<void()> m_refreshList;
    QPointer<QLineEdit> m_searchField;
    AskText m_askLabel;
    AskText m_askAddress;
    AskText m_askExportPath;
    Confirm m_confirm;

    QAction *m_toggleRead = nullptr;
    QAction *m_toggleStar = nullptr;
    QAction *m_openInBrowser = nullptr;
    QAction *m_copyLink = nullptr;
    QAction *m_savePage = nullptr;
    QAction *m_markAllRead = nullptr;
    QAction *m_exportBookmarks = nullptr;
    QAction *m_nextArticle = nullptr;
    QAction *m_previousArticle = nullptr;
    QAction *m_nextFeed = nullptr;
    QAction *m_previousFeed = nullptr;
    QAction *m_readOn = nullptr;
    QAction *m_search = nullptr;
    QAction *m_leaveSearch = nullptr;
    QAction *m_shortcuts = nullptr;
    QMenu *m_articleMenu = nullptr;
    QMenu *m_goMenu = nullptr;
    QMenu *m_labelMenu = nullptr;
    QProgressBar *m_busy = nullptr;

    QTimer m_markTimer; // mark read on select, after the preference's delay
    qint64 m_markPending = 0;
    qint64 m_lastSelected = 0; // the list's current article as last chosen (0 after a feed change)
    int m_markAllRunning = 0;
    int m_readWrites = 0; // read changes asked for and not answered yet
};

} // namespace bs
