#include "ArticleActions.h"

#include "MainWindow.h"
#include "Preferences.h"
#include "dialogs/ShortcutsDialog.h"
#include "models/ArticleListModel.h"
#include "models/FeedTreeModel.h"
#include "models/FeedTreeWalk.h"
#include "offline/PageSaver.h"
#include "reader/ReaderView.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/LabelStore.h"
#include "store/SqlQuery.h"
#include "sync/SyncService.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QStatusBar>
#include <QTableView>
#include <QTreeView>

#include <algorithm>
#include <climits>

namespace bs
{

using treewalk::kindOf;
using treewalk::treeOrder;

namespace
{

constexpr int kMaxOpened = 20;     // articles "open in browser" opens at once
constexpr int kConfirmAbove = 100; // "mark all read" asks above this many articles

} // namespace

ArticleActions::ArticleActions(Database &reader, SyncService *sync, MainWindow *window,
                               std::function<void()> refreshList)
    : QObject(window), m_reader(reader), m_sync(sync), m_window(window),
      m_refreshList(std::move(refreshList))
{
    m_askLabel = [this](const QString &suggestion) {
        return QInputDialog::getText(m_window, tr("New Label"), tr("Label name:"),
                                     QLineEdit::Normal, suggestion);
    };
    m_askAddress = [this](const QString &suggestion) {
        return QInputDialog::getText(m_window, tr("Save Page for Later"),
                                     tr("Address of the web page to keep for offline reading:"),
                                     QLineEdit::Normal, suggestion);
    };
    m_askExportPath = [this](const QString &suggestion) {
        return QFileDialog::getSaveFileName(m_window, tr("Export Bookmarks"), suggestion,
                                            tr("Bookmark file (*.html);;JSON (*.json)"));
    };
    m_confirm = [this](const QString &question) {
        return QMessageBox::question(m_window, tr("Mark All Read"), question) == QMessageBox::Yes;
    };

    m_toggleRead = makeAction(tr("&Mark Read / Unread"), {QKeySequence(Qt::Key_M)},
                              &ArticleActions::toggleRead);
    m_toggleStar =
        makeAction(tr("&Star / Unstar"), {QKeySequence(Qt::Key_S)}, &ArticleActions::toggleStar);
    m_openInBrowser = makeAction(tr("&Open in Browser"), {QKeySequence(Qt::Key_V)},
                                 &ArticleActions::openInBrowser);
    m_copyLink = makeAction(tr("&Copy Link"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)},
                            &ArticleActions::copyLink);
    m_savePage =
        makeAction(tr("Save &Page for Later…"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)},
                   &ArticleActions::savePage);
    m_markAllRead =
        makeAction(tr("Mark &All Read"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M)},
                   &ArticleActions::markAllRead);
    m_exportBookmarks = makeAction(tr("&Export Bookmarks…"), {}, &ArticleActions::exportBookmarks);
    m_nextArticle =
        makeAction(tr("&Next Article"), {QKeySequence(Qt::Key_J)}, &ArticleActions::nextArticle);
    m_previousArticle = makeAction(tr("&Previous Article"), {QKeySequence(Qt::Key_K)},
                                   &ArticleActions::previousArticle);
    m_nextFeed = makeAction(tr("Next &Feed"), {QKeySequence(Qt::Key_N)}, &ArticleActions::nextFeed);
    m_previousFeed =
        makeAction(tr("Previous F&eed"), {QKeySequence(Qt::Key_P)}, &ArticleActions::previousFeed);
    m_readOn = makeAction(tr("Scroll Down, then Next &Unread"), {QKeySequence(Qt::Key_Space)},
                          &ArticleActions::readOn);
    m_search =
        makeAction(tr("&Search"), {QKeySequence(Qt::Key_Slash), QKeySequence(Qt::CTRL | Qt::Key_F)},
                   &ArticleActions::focusSearch);
    m_search->setEnabled(false); // until there is a search field
    m_shortcuts = makeAction(tr("&Keyboard Shortcuts"),
                             {QKeySequence(Qt::Key_F1), QKeySequence(Qt::Key_Question)},
                             &ArticleActions::showShortcuts);
    // Esc only while the search field has the focus (added to it in setSearchField).
    m_leaveSearch = new QAction(tr("Leave Search"), m_window);
    m_leaveSearch->setShortcut(QKeySequence(Qt::Key_Escape));
    m_leaveSearch->setShortcutContext(Qt::WidgetShortcut);
    connect(m_leaveSearch, &QAction::triggered, this, &ArticleActions::leaveSearch);

    for (QAction *write :
         {m_toggleRead, m_toggleStar, m_savePage, m_markAllRead, m_exportBookmarks})
        write->setEnabled(m_sync != nullptr);
    m_toggleRead->setToolTip(tr("Mark the selected articles read, or unread when read (M)"));
    m_markAllRead->setToolTip(tr("Mark every article of the feed, folder or view read"));

    m_labelMenu = new QMenu(tr("&Label"), m_window);
    connect(m_labelMenu, &QMenu::aboutToShow, this, &ArticleActions::fillLabelMenu);
    m_labelMenu->setEnabled(m_sync != nullptr);

    m_busy = new QProgressBar;
    m_busy->setRange(0, 0);
    m_busy->setFixedWidth(120);
    m_busy->hide();
    m_window->statusBar()->addPermanentWidget(m_busy);

    m_markTimer.setSingleShot(true);
    connect(&m_markTimer, &QTimer::timeout, this,
            [this] { markShownRead(std::exchange(m_markPending, 0)); });

    QTableView *list = m_window->articleView();
    list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(list, &QWidget::customContextMenuRequested, this, [this, list](const QPoint &pos) {
        if (m_articleMenu && list->indexAt(pos).isValid())
            m_articleMenu->popup(list->viewport()->mapToGlobal(pos));
    });
    // After MainWindow's own handler, so the reader already shows the article.
    connect(list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { articleSelected(current); });
    connect(m_window->feedView()->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { m_lastSelected = 0; });

    if (m_sync) {
        connect(m_sync, &SyncService::readChanged, this,
                [this](const QList<qint64> &ids, bool read, int) {
                    m_readWrites = std::max(0, m_readWrites - 1);
                    refreshRows(ids, read, std::nullopt);
                    emit statusApplied();
                });
        connect(m_sync, &SyncService::starredChanged, this,
                [this](const QList<qint64> &ids, bool starred, int) {
                    refreshRows(ids, std::nullopt, starred);
                    emit statusApplied();
                });
        connect(m_sync, &SyncService::labelsChanged, this,
                [this](const QString &label, const QList<qint64> &, int changed) {
                    showMessage(tr("Label “%1”: %n article(s) changed.", "", changed).arg(label));
                    emit statusApplied();
                });
        connect(m_sync, &SyncService::markedRead, this, [this](const ReadScope &, int changed) {
            m_readWrites = std::max(0, m_readWrites - 1);
            if (--m_markAllRunning <= 0) {
                m_markAllRunning = 0;
                m_busy->hide();
                m_markAllRead->setEnabled(true);
            }
            if (changed >= 0)
                showMessage(tr("Marked %n article(s) read.", "", changed));
            m_refreshList();
            emit statusApplied();
        });
        connect(m_sync, &SyncService::unreadCountChanged, this,
                &ArticleActions::unreadCountChanged);
        connect(m_sync, &SyncService::pageSaved, this,
                [this](const QUrl &url, qint64 id, const QString &error) {
                    if (id <= 0) {
                        showMessage(tr("Could not save the page: %1").arg(error), 15000);
                        emit statusApplied();
                        return;
                    }
                    showMessage(tr("Saved for offline reading: %1").arg(url.toString()));
                    const auto article = ArticleStore(m_reader).article(id);
                    const qint64 feed = article ? article->feedId : 0;
                    FeedTreeModel *tree = m_window->feedModel();
                    if (tree->feedItem(feed)) {
                        tree->refreshFeed(feed);
                    } else {
                        // The first saved page made the "Saved pages" feed: show it.
                        const qint64 shown = m_window->feedView()
                                                 ->currentIndex()
                                                 .data(FeedTreeModel::FeedIdRole)
                                                 .toLongLong();
                        tree->reload();
                        m_window->feedView()->expandAll();
                        if (QStandardItem *item = tree->feedItem(shown))
                            m_window->feedView()->setCurrentIndex(item->index());
                    }
                    const qint64 listed = m_window->articleModel()->query().feedId;
                    if (listed == 0 || listed == feed)
                        m_refreshList();
                    emit statusApplied();
                });
        connect(m_sync, &SyncService::bookmarksExported, this,
                [this](const QString &path, int count, const QString &error) {
                    showMessage(error.isEmpty()
                                    ? tr("Exported %n bookmark(s) to %1.", "", count).arg(path)
                                    : tr("Could not export the bookmarks: %1").arg(error),
                                15000);
                });
        connect(m_sync, &SyncService::writeFailed, this, [this](const QString &error) {
            m_readWrites = std::max(0, m_readWrites - 1);
            showMessage(tr("Could not change the articles: %1").arg(error), 15000);
            emit statusApplied();
        });
    }
}

QAction *ArticleActions::makeAction(const QString &text, const QList<QKeySequence> &keys,
                                    void (ArticleActions::*slot)())
{
    auto *action = new QAction(text, m_window);
    action->setShortcuts(keys);
    action->setShortcutContext(Qt::WindowShortcut);
    m_window->addAction(action); // the shortcut works with the menus closed (or hidden)
    connect(action, &QAction::triggered, this, slot);
    return action;
}

void ArticleActions::addMenus(QMenuBar *bar)
{
    m_articleMenu = bar->addMenu(tr("&Article"));
    m_articleMenu->addAction(m_toggleRead);
    m_articleMenu->addAction(m_toggleStar);
    m_articleMenu->addMenu(m_labelMenu);
    m_articleMenu->addSeparator();
    m_articleMenu->addAction(m_openInBrowser);
    m_articleMenu->addAction(m_copyLink);
    m_articleMenu->addSeparator();
    m_articleMenu->addAction(m_markAllRead);
    m_articleMenu->addSeparator();
    m_articleMenu->addAction(m_savePage);
    m_articleMenu->addAction(m_exportBookmarks);

    m_goMenu = bar->addMenu(tr("&Go"));
    m_goMenu->addAction(m_nextArticle);
    m_goMenu->addAction(m_previousArticle);
    m_goMenu->addAction(m_readOn);
    m_goMenu->addSeparator();
    m_goMenu->addAction(m_nextFeed);
    m_goMenu->addAction(m_previousFeed);
    m_goMenu->addSeparator();
    m_goMenu->addAction(m_search);

    QMenu *help = nullptr;
    for (QAction *entry : bar->actions())
        if (entry->menu() && entry->objectName() == QLatin1String("helpMenu"))
            help = entry->menu();
    if (!help) {
        help = bar->addMenu(tr("&Help"));
        help->setObjectName(QStringLiteral("helpMenu"));
        help->menuAction()->setObjectName(QStringLiteral("helpMenu"));
    }
    help->addAction(m_shortcuts);
}

void ArticleActions::setSearchField(QLineEdit *field)
{
    if (m_searchField)
        m_searchField->removeAction(m_leaveSearch);
    m_searchField = field;
    m_search->setEnabled(field != nullptr);
    if (field)
        field->addAction(m_leaveSearch);
}

ReadScope ArticleActions::currentReadScope() const
{
    // The list's own view (store view, search results or a saved search), with the newest
    // article id it had when it loaded, so later arrivals stay unread.
    return m_window->articleModel()->readScope();
}

QList<qint64> ArticleActions::selectedArticles() const
{
    QList<qint64> ids;
    const QTableView *list = m_window->articleView();
    for (const QModelIndex &row : list->selectionModel()->selectedRows())
        ids << row.data(ArticleListModel::ArticleIdRole).toLongLong();
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    ids.removeAll(0);
    if (ids.isEmpty() && currentArticle() != 0)
        ids << currentArticle();
    return ids;
}

qint64 ArticleActions::currentArticle() const
{
    return m_window->articleView()
        ->currentIndex()
        .siblingAtColumn(0)
        .data(ArticleListModel::ArticleIdRole)
        .toLongLong();
}

void ArticleActions::toggleRead()
{
    const QList<qint64> ids = selectedArticles();
    if (ids.isEmpty() || !m_sync)
        return;
    const QModelIndex current = m_window->articleView()->currentIndex().siblingAtColumn(0);
    const int row = m_window->articleModel()->rowOf(ids.first());
    const QModelIndex basis =
        current.isValid() &&
                ids.contains(current.data(ArticleListModel::ArticleIdRole).toLongLong())
            ? current
            : m_window->articleModel()->index(row, 0);
    m_markTimer.stop(); // a choice made by hand wins over the pending mark
    m_markPending = 0;
    ++m_readWrites;
    m_sync->setRead(ids, !basis.data(ArticleListModel::ReadRole).toBool());
}

void ArticleActions::toggleStar()
{
    const QList<qint64> ids = selectedArticles();
    if (ids.isEmpty() || !m_sync)
        return;
    const QModelIndex current = m_window->articleView()->currentIndex().siblingAtColumn(0);
    const QModelIndex basis =
        current.isValid() &&
                ids.contains(current.data(ArticleListModel::ArticleIdRole).toLongLong())
            ? current
            : m_window->articleModel()->index(m_window->articleModel()->rowOf(ids.first()), 0);
    m_sync->setStarred(ids, !basis.data(ArticleListModel::StarredRole).toBool());
}

QList<QUrl> ArticleActions::urlsOf(const QList<qint64> &ids) const
{
    QList<QUrl> urls;
    SqlQuery q(m_reader);
    q.prepare(QStringLiteral("SELECT url FROM articles WHERE id = ?"));
    for (qint64 id : ids) {
        q.bind(id);
        if (q.exec() && q.next()) {
            const QUrl url(q.value(0).toString());
            if (url.isValid() && !url.isEmpty())
                urls << url;
        }
        q.finish();
    }
    return urls;
}

void ArticleActions::openInBrowser()
{
    const QList<QUrl> urls = urlsOf(selectedArticles().mid(0, kMaxOpened));
    if (urls.isEmpty()) {
        showMessage(tr("The article has no web address."));
        return;
    }
    for (const QUrl &url : urls)
        QDesktopServices::openUrl(url);
}

void ArticleActions::copyLink()
{
    const QList<QUrl> urls = urlsOf(selectedArticles());
    if (urls.isEmpty())
        return;
    QStringList lines;
    for (const QUrl &url : urls)
        lines << url.toString(QUrl::FullyEncoded);
    QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
    showMessage(tr("Copied %n link(s).", "", int(lines.size())));
}

void ArticleActions::savePage()
{
    if (!m_sync)
        return;
    const QString clip = QApplication::clipboard()->text().trimmed();
    const QString suggestion = savablePageAddress(clip).isValid() ? clip : QString();
    const QString text = m_askAddress(suggestion).trimmed();
    if (text.isEmpty())
        return;
    const QUrl url = savablePageAddress(text);
    if (!url.isValid()) {
        showMessage(tr("“%1” is not a web address (http:// or https://).").arg(text));
        return;
    }
    showMessage(tr("Saving %1…").arg(url.toString()), 0);
    m_sync->savePage(url);
}

qint64 ArticleActions::unreadInScope() const
{
    const QModelIndex index = m_window->feedView()->currentIndex();
    const QVariant unread = index.data(FeedTreeModel::UnreadRole);
    if (index.isValid() && unread.isValid())
        return unread.toLongLong();
    if (index.isValid() && kindOf(index) == FeedTreeModel::ViewKind::Folder) {
        qint64 total = 0;
        for (const QModelIndex &inner : treeOrder(m_window->feedModel(), index))
            if (kindOf(inner) == FeedTreeModel::ViewKind::Feed)
                total += inner.data(FeedTreeModel::UnreadRole).toLongLong();
        return total;
    }
    if (!index.isValid()) {
        const QModelIndex all = m_window->feedModel()->index(0, 0);
        if (kindOf(all) == FeedTreeModel::ViewKind::All &&
            all.data(FeedTreeModel::UnreadRole).isValid())
            return all.data(FeedTreeModel::UnreadRole).toLongLong();
    }
    // Otherwise what the list holds; more pages count as "many".
    const ArticleListModel *list = m_window->articleModel();
    qint64 count = 0;
    for (int r = 0; r < list->rowCount(); ++r)
        if (!list->index(r, 0).data(ArticleListModel::ReadRole).toBool())
            ++count;
    if (list->canFetchMore({}))
        count += kConfirmAbove + 1;
    return count;
}

void ArticleActions::markAllRead()
{
    if (!m_sync)
        return;
    const qint64 unread = unreadInScope();
    if (unread == 0) {
        showMessage(tr("There is nothing unread here."));
        return;
    }
    if (unread > kConfirmAbove &&
        !m_confirm(tr("Mark %n article(s) as read?", "", int(std::min<qint64>(unread, INT_MAX)))))
        return;
    ++m_markAllRunning;
    m_markAllRead->setEnabled(false);
    m_busy->show();
    showMessage(tr("Marking articles read…"), 0);
    ++m_readWrites;
    m_sync->markRead(currentReadScope());
}

void ArticleActions::exportBookmarks()
{
    if (!m_sync)
        return;
    const QString path = m_askExportPath(QDir::home().filePath(QStringLiteral("bookmarks.html")));
    if (path.isEmpty())
        return;
    showMessage(tr("Exporting bookmarks…"), 0);
    m_sync->exportBookmarks(path, path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive));
}

void ArticleActions::refreshRows(const QList<qint64> &articleIds, std::optional<bool> read,
                                 std::optional<bool> starred)
{
    // One row at a time, in place: selection and scrolling stay as they are.
    ArticleListModel *model = m_window->articleModel();
    for (qint64 id : articleIds) {
        const int row = model->rowOf(id);
        if (row < 0)
            continue;
        const QModelIndex index = model->index(row, 0);
        model->updateStatus(id, read.value_or(index.data(ArticleListModel::ReadRole).toBool()),
                            starred.value_or(index.data(ArticleListModel::StarredRole).toBool()));
    }
}

void ArticleActions::unreadCountChanged(qint64 feedId, qint64 unread)
{
    // Counts that follow a sync are the window's own business (coalesced); these are the ones
    // that come just before the answer to a read change asked for here.
    if (m_readWrites == 0)
        return;
    FeedTreeModel *tree = m_window->feedModel();
    QStandardItem *item = tree->feedItem(feedId);
    if (item && item->data(FeedTreeModel::UnreadRole).toLongLong() != unread)
        tree->refreshFeed(feedId);
}

void ArticleActions::showMessage(const QString &text, int ms)
{
    m_window->statusBar()->showMessage(text, ms);
}

} // namespace bs
