#include "MainWindow.h"

#include "ArticleActions.h"
#include "FeedTreeView.h"
#include "Icons.h"
#include "models/ArticleListModel.h"
#include "models/BackgroundReader.h"
#include "models/FeedTreeModel.h"
#include "models/RelatedStoriesModel.h"
#include "reader/ReaderView.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "sync/SyncService.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QProgressBar>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTime>
#include <QToolBar>
#include <QTreeView>

#include <utility>

namespace bs
{

MainWindow::MainWindow(Database &reader, SyncService *sync, QWidget *parent)
    : QMainWindow(parent), m_reader(reader), m_sync(sync),
      m_feedModel(new FeedTreeModel(reader, this)),
      m_articleModel(new ArticleListModel(reader, this)), m_feedView(new FeedTreeView),
      m_articleView(new QTableView), m_articlePane(new ReaderView(reader))
{
    setWindowTitle(tr("Broadsheet"));
    resize(1280, 800);

    m_background = new BackgroundReader(reader.path(), this);
    m_feedModel->setBackgroundReader(m_background);
    m_relatedModel = new RelatedStoriesModel(reader, m_background, this);
    createPanes();

    connect(m_feedView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showFeed(current); });
    connect(m_articleView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showArticle(current); });

    createActions();
    createStatusBar();
    setupFeedManagement();
    m_actions = new ArticleActions(reader, sync, this, [this] { refreshArticleList(); });
    m_actions->addMenus(menuBar());
    m_actions->setSearchField(searchField());

    m_changeTimer.setSingleShot(true);
    m_changeTimer.setInterval(200);
    connect(&m_changeTimer, &QTimer::timeout, this, &MainWindow::applyChanges);
    if (m_sync) {
        connect(m_sync, &SyncService::syncStarted, this, &MainWindow::syncStarted);
        connect(m_sync, &SyncService::feedSynced, this, &MainWindow::feedSynced);
        connect(m_sync, &SyncService::progressChanged, this, &MainWindow::syncProgressed);
        connect(m_sync, &SyncService::finished, this, &MainWindow::syncFinished);
        connect(m_sync, &SyncService::failed, this, &MainWindow::syncFailed);
        // A downloaded page or its images arrived for the article being read: show them.
        connect(m_sync, &SyncService::articleContentChanged, this, [this](qint64 id) {
            if (id != 0 && id == m_articlePane->articleId())
                m_articlePane->showArticle(id);
        });
    }

    m_feedModel->reload();
    m_feedView->expandAll();
    m_articleModel->setQuery(ArticleQuery{});
}

void MainWindow::createActions()
{
    m_syncAction = new QAction(bs::icon(QStringLiteral("sync")), tr("&Sync Now"), this);
    m_syncAction->setToolTip(tr("Fetch every feed now (F5 or R)"));
    m_syncAction->setShortcuts({QKeySequence(Qt::Key_F5), QKeySequence(Qt::Key_R)});
    m_syncAction->setEnabled(m_sync != nullptr);
    connect(m_syncAction, &QAction::triggered, this, [this] {
        if (m_sync)
            m_sync->syncAll();
    });

    m_cancelSyncAction = new QAction(bs::icon(QStringLiteral("cancel")), tr("&Cancel Sync"), this);
    m_cancelSyncAction->setToolTip(tr("Stop the sync that is running"));
    m_cancelSyncAction->setEnabled(false);
    connect(m_cancelSyncAction, &QAction::triggered, this, [this] {
        if (m_sync)
            m_sync->cancel();
    });

    auto *quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(quit);
    QMenu *feeds = menuBar()->addMenu(tr("F&eeds"));
    feeds->addAction(m_syncAction);
    feeds->addAction(m_cancelSyncAction);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_articlePane->zoomInAction());
    view->addAction(m_articlePane->zoomOutAction());
    view->addAction(m_articlePane->zoomResetAction());
    view->addSeparator();
    view->addAction(m_articlePane->darkThemeAction());
    view->addAction(m_articlePane->remoteImagesAction());

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(m_syncAction);
    toolbar->addAction(m_cancelSyncAction);
    createSearchField(toolbar);
}

void MainWindow::createStatusBar()
{
    m_syncStatus = new QLabel(tr("Profile: %1").arg(m_reader.path()));
    m_syncStatus->setMinimumWidth(120);
    m_syncError = new QLabel;
    m_syncError->setTextFormat(Qt::PlainText);
    m_syncError->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_syncError->setMaximumWidth(520);
    m_syncError->hide();
    m_syncProgress = new QProgressBar;
    m_syncProgress->setFixedWidth(200);
    m_syncProgress->setFormat(tr("%v / %m feeds"));
    m_syncProgress->setTextVisible(true);
    m_syncProgress->hide();
    statusBar()->addWidget(m_syncStatus, 1);
    statusBar()->addPermanentWidget(m_syncError);
    statusBar()->addPermanentWidget(m_syncProgress);
}

void MainWindow::showArticle(const QModelIndex &index)
{
    if (m_refreshingList)
        return; // the list is being re-read; the current article is put back afterwards
    const qint64 id = index.siblingAtColumn(0).data(ArticleListModel::ArticleIdRole).toLongLong();
    if (id != 0 && id == m_shownArticle)
        return;
    m_shownArticle = id;
    m_articlePane->showArticle(id); // 0 clears it
    m_relatedModel->setArticle(id);
}

void MainWindow::syncStarted()
{
    m_manualSync = true;
    m_syncAction->setEnabled(false);
    m_cancelSyncAction->setEnabled(true);
    m_syncProgress->setRange(0, 0); // busy until the engine says how many feeds
    m_syncProgress->show();
    m_syncStatus->setText(tr("Syncing…"));
    m_syncError->clear();
    m_syncError->setToolTip(QString());
    m_syncError->hide();
}

void MainWindow::feedSynced(qint64 feedId, const QList<qint64> &added, const QList<qint64> &updated,
                            const QString &error)
{
    m_dirtyFeeds.insert(feedId);
    const qint64 shown = m_articleModel->query().feedId;
    if ((!added.isEmpty() || !updated.isEmpty()) && (shown == 0 || shown == feedId))
        m_listDirty = true;
    if (!error.isEmpty()) {
        const auto feed = FeedStore(m_reader).feed(feedId);
        const QString name =
            feed ? (feed->title.isEmpty() ? feed->url.toString() : feed->title) : QString();
        showSyncError(name.isEmpty() ? error : tr("%1: %2").arg(name, error));
    }
    if (!m_changeTimer.isActive())
        m_changeTimer.start();
}

void MainWindow::syncProgressed(const SyncEngine::Progress &progress)
{
    if (progress.feedsTotal <= 0 || progress.feedsDone >= progress.feedsTotal)
        return;
    m_syncAction->setEnabled(false);
    m_cancelSyncAction->setEnabled(true);
    m_syncProgress->setRange(0, progress.feedsTotal);
    m_syncProgress->setValue(progress.feedsDone);
    m_syncProgress->show();
    m_syncStatus->setText(
        progress.errors
            ? tr("Syncing… %1 of %2 feeds, %3 with errors")
                  .arg(progress.feedsDone)
                  .arg(progress.feedsTotal)
                  .arg(progress.errors)
            : tr("Syncing… %1 of %2 feeds").arg(progress.feedsDone).arg(progress.feedsTotal));
}

void MainWindow::syncFinished(const SyncEngine::Progress &progress)
{
    m_changeTimer.stop();
    applyChanges();
    m_syncAction->setEnabled(m_sync != nullptr);
    m_cancelSyncAction->setEnabled(false);
    m_syncProgress->hide();
    m_feedModel->refreshViewCounts();
    // A background check that found nothing due leaves the status line as it was.
    if (!std::exchange(m_manualSync, false) && progress.feedsTotal == 0)
        return;
    const QString time = QLocale().toString(QTime::currentTime(), QLocale::ShortFormat);
    QString text = progress.feedsDone < progress.feedsTotal
                       ? tr("Sync cancelled at %1: %2 of %3 feeds")
                             .arg(time)
                             .arg(progress.feedsDone)
                             .arg(progress.feedsTotal)
                       : tr("Synced %1 feeds at %2").arg(progress.feedsDone).arg(time);
    if (progress.errors)
        text += tr(", %1 with errors").arg(progress.errors);
    m_syncStatus->setText(text);
}

void MainWindow::syncFailed(const QString &error)
{
    m_syncAction->setEnabled(m_sync != nullptr);
    m_cancelSyncAction->setEnabled(false);
    m_syncProgress->hide();
    m_syncStatus->setText(tr("Sync failed"));
    showSyncError(error);
}

void MainWindow::showSyncError(const QString &text)
{
    const QString line = text.simplified();
    m_syncError->setToolTip(line);
    m_syncError->setText(m_syncError->fontMetrics().elidedText(
        tr("Last error: %1").arg(line), Qt::ElideRight, m_syncError->maximumWidth()));
    m_syncError->show();
}

void MainWindow::applyChanges()
{
    const QSet<qint64> feeds = std::exchange(m_dirtyFeeds, {});
    for (qint64 feedId : feeds)
        m_feedModel->refreshFeed(feedId);
    if (std::exchange(m_listDirty, false))
        refreshArticleList();
}

void MainWindow::refreshArticleList()
{
    const int scroll = m_articleView->verticalScrollBar()->value();
    m_refreshingList = true;
    m_articleModel->refresh();
    const int row = m_articleModel->rowOf(m_shownArticle);
    if (row >= 0)
        m_articleView->selectionModel()->setCurrentIndex(m_articleModel->index(row, 0),
                                                         QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
    m_refreshingList = false;
    m_articleView->verticalScrollBar()->setValue(scroll);
}

} // namespace bs
