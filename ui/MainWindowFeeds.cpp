// MainWindow: managing feeds and folders, OPML, preferences.

#include "Appearance.h"
#include "FeedTreeView.h"
#include "MainWindow.h"
#include "dialogs/AddFeedDialog.h"
#include "dialogs/SettingsDialog.h"
#include "models/FeedTreeModel.h"
#include "sync/SyncService.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolBar>

namespace bs
{

FeedTreeView *MainWindow::feedTree() const
{
    return static_cast<FeedTreeView *>(m_feedView);
}

void MainWindow::setupFeedManagement()
{
    appearance::applySaved(m_articlePane); // the saved theme, text size, remote content
    feedTree()->setServices(&m_reader, m_sync);
    connect(feedTree(), &FeedTreeView::addFeedRequested, this,
            [this](qint64 folderId) { addFeed(QUrl(), folderId); });

    m_addFeedAction =
        new QAction(QIcon::fromTheme(QStringLiteral("list-add")), tr("&Add Feed…"), this);
    m_addFeedAction->setObjectName(QStringLiteral("addFeedAction"));
    m_addFeedAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_addFeedAction->setToolTip(tr("Subscribe to a feed or a site"));
    connect(m_addFeedAction, &QAction::triggered, this, [this] { addFeed(QUrl()); });
    m_newFolderAction = new QAction(tr("New &Folder…"), this);
    connect(m_newFolderAction, &QAction::triggered, this, [this] {
        const QModelIndex current = m_feedView->currentIndex();
        const qint64 folder =
            current.data(FeedTreeModel::ViewKindRole).value<FeedTreeModel::ViewKind>() ==
                    FeedTreeModel::ViewKind::Folder
                ? current.data(FeedTreeModel::FolderIdRole).toLongLong()
                : 0;
        feedTree()->newFolder(folder);
    });
    m_importOpmlAction = new QAction(tr("&Import Subscriptions (OPML)…"), this);
    connect(m_importOpmlAction, &QAction::triggered, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Import Subscriptions"), QDir::homePath(),
                                         tr("OPML files (*.opml *.xml);;All files (*)"));
        if (!path.isEmpty())
            importOpmlFile(path);
    });
    m_exportOpmlAction = new QAction(tr("&Export Subscriptions (OPML)…"), this);
    connect(m_exportOpmlAction, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Subscriptions"),
            QDir::home().filePath(QStringLiteral("broadsheet-subscriptions.opml")),
            tr("OPML files (*.opml)"));
        if (!path.isEmpty())
            exportOpmlFile(path);
    });
    m_preferencesAction = new QAction(QIcon::fromTheme(QStringLiteral("preferences-system")),
                                      tr("&Preferences…"), this);
    m_preferencesAction->setObjectName(QStringLiteral("preferencesAction"));
    m_preferencesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::showPreferences);
    for (QAction *action :
         {m_addFeedAction, m_newFolderAction, m_importOpmlAction, m_exportOpmlAction})
        action->setEnabled(m_sync != nullptr);

    // File: the new entries go above Quit.
    const QList<QAction *> menus = menuBar()->actions();
    if (QMenu *file = menus.isEmpty() ? nullptr : menus.first()->menu()) {
        QAction *first = file->actions().value(0);
        file->insertActions(first, {m_addFeedAction, m_newFolderAction});
        file->insertSeparator(first);
        file->insertActions(first, {m_importOpmlAction, m_exportOpmlAction});
        file->insertSeparator(first);
    }
    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->addAction(m_preferencesAction);
    if (auto *toolbar = findChild<QToolBar *>(QStringLiteral("mainToolBar")))
        toolbar->insertAction(toolbar->actions().value(0), m_addFeedAction);

    if (!m_sync)
        return;
    connect(m_sync, &SyncService::feedAdded, this,
            [this](qint64 feedId) { m_selectAfterReload = feedId; });
    connect(m_sync, &SyncService::feedsChanged, this, [this] {
        feedTree()->reloadKeepingState();
        if (const qint64 id = std::exchange(m_selectAfterReload, 0)) {
            if (QStandardItem *item = m_feedModel->feedItem(id))
                m_feedView->setCurrentIndex(item->index());
        }
    });
    connect(m_sync, &SyncService::feedError, this,
            [this](const QString &error) { showFeedMessage(tr("Broadsheet"), error, true); });
    connect(m_sync, &SyncService::opmlImported, this,
            [this](const QString &path, const OpmlImportCounts &counts) {
                const QString summary =
                    tr("Imported %1: %n feed(s) added", "", counts.feedsAdded)
                        .arg(QFileInfo(path).fileName()) +
                    tr(", %n folder(s) created", "", counts.foldersCreated) +
                    tr(", %n already subscribed", "", counts.duplicatesSkipped) +
                    tr(", %n invalid skipped.", "", counts.invalidSkipped);
                statusBar()->showMessage(summary, 15000);
                showFeedMessage(tr("Import Subscriptions"), summary, false,
                                counts.problems.join(QLatin1Char('\n')));
            });
    connect(m_sync, &SyncService::opmlExported, this, [this](const QString &path, int feeds) {
        statusBar()->showMessage(tr("Exported %n feed(s) to %1", "", feeds).arg(path), 15000);
    });
}

AddFeedDialog *MainWindow::addFeed(const QUrl &url, qint64 folderId)
{
    if (!m_sync)
        return nullptr;
    auto *dialog = new AddFeedDialog(*m_sync, m_reader, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!url.isEmpty())
        dialog->setUrl(url);
    if (folderId)
        dialog->setFolder(folderId);
    dialog->open();
    raise();
    activateWindow();
    return dialog;
}

void MainWindow::importOpmlFile(const QString &path)
{
    if (m_sync)
        m_sync->importOpml(path);
}

void MainWindow::exportOpmlFile(const QString &path)
{
    if (m_sync)
        m_sync->exportOpml(path);
}

void MainWindow::showPreferences()
{
    auto *dialog = new SettingsDialog(m_reader, m_sync, m_articlePane, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showFeedMessage(const QString &title, const QString &text, bool warning,
                                 const QString &details)
{
    // Not exec(): a message must not block the window (or a sync's updates) while it shows.
    auto *box = new QMessageBox(warning ? QMessageBox::Warning : QMessageBox::Information, title,
                                text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("feedMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (!details.isEmpty())
        box->setDetailedText(details);
    box->open();
}

} // namespace bs
