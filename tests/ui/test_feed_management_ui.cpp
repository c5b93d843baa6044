// Managing feeds in the main window, offscreen, on a real profile with the real sync worker and
// the loopback HTTP server: the add-feed dialog with discovery, OPML import and export from the
// window, the feed tree's context menu and drops, the properties and preferences dialogs.

#include "Appearance.h"
#include "FeedTreeView.h"
#include "MainWindow.h"
#include "Preferences.h"
#include "ReaderTesting.h"
#include "TestHttpServer.h"
#include "dialogs/AddFeedDialog.h"
#include "dialogs/FeedPropertiesDialog.h"
#include "dialogs/FolderChoice.h"
#include "dialogs/SettingsDialog.h"
#include "feeds/Opml.h"
#include "models/FeedTreeModel.h"
#include "reader/ReaderView.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/SettingsStore.h"
#include "sync/SyncService.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

#include <functional>

using namespace bs;
using namespace bs::test;

namespace
{

QByteArray rss(const QString &title, int items)
{
    QString out = QStringLiteral("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                                 "<title>%1</title><link>http://site.test/</link>")
                      .arg(title);
    for (int i = 0; i < items; ++i)
        out += QStringLiteral("<item><guid>%1-%2</guid><title>%1 story %2</title>"
                              "<description>Text %2</description></item>")
                   .arg(title)
                   .arg(i);
    return (out + QStringLiteral("</channel></rss>")).toUtf8();
}

// Saves a picture of the widget when BROADSHEET_SCREENSHOT_DIR names a folder.
void saveShot(QWidget *w, const QString &name)
{
    const QImage shot = w->grab().toImage();
    QVERIFY(!shot.isNull());
    if (!qEnvironmentVariableIsEmpty("BROADSHEET_SCREENSHOT_DIR"))
        shot.save(qEnvironmentVariable("BROADSHEET_SCREENSHOT_DIR") + QLatin1Char('/') + name);
}

// Acts on the next modal dialog of type T as soon as it shows (the caller then opens it).
template <typename T> void whenModal(std::function<void(T *)> act)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, act] {
        if (auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            act(dialog);
        }
    });
    timer->start();
}

QModelIndex findRow(QAbstractItemModel *model, FeedTreeModel::ViewKind kind, qint64 id,
                    const QModelIndex &parent = {})
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex index = model->index(r, 0, parent);
        if (index.data(FeedTreeModel::ViewKindRole).value<FeedTreeModel::ViewKind>() == kind &&
            index.data(FeedTreeModel::ViewIdRole).toLongLong() == id)
            return index;
        if (const QModelIndex below = findRow(model, kind, id, index); below.isValid())
            return below;
    }
    return {};
}

qint64 folderOfRow(const QModelIndex &index)
{
    return index.parent().isValid() ? index.parent().data(FeedTreeModel::FolderIdRole).toLongLong()
                                    : 0;
}

// What a drag over a widget sends it: enter (which makes it the drop target), move, drop.
bool dragAndDrop(QWidget *target, const QPoint &pos, const QMimeData *mime)
{
    QDragEnterEvent enter(pos, Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(pos, Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &move);
    if (!move.isAccepted())
        return false;
    QDropEvent drop(pos, Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted() && drop.dropAction() == Qt::MoveAction;
}

QMessageBox *feedMessage(QWidget &window)
{
    return window.findChild<QMessageBox *>(QStringLiteral("feedMessage"));
}

} // namespace

class TestFeedManagementUi : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    TestHttpServer m_server;
    QString m_path;
    std::unique_ptr<Database> m_reader;
    std::unique_ptr<SyncService> m_sync;
    std::unique_ptr<MainWindow> m_window;

    FeedTreeView *tree() const { return m_window->feedTree(); }
    QAbstractItemModel *model() const { return tree()->model(); }

private slots:
    void initTestCase()
    {
        qputenv("BROADSHEET_DISABLE_WEBENGINE", "1"); // the reader's plain-text mode is enough
        QVERIFY(m_dir.isValid());
        prefs::setFilePath(m_dir.filePath(QStringLiteral("broadsheet.ini")));
        QVERIFY(m_server.listen());
        m_server.route("/one.xml",
                       HttpResponse::ok(rss(QStringLiteral("Feed One"), 3), "application/rss+xml"));
        m_server.route("/two.xml",
                       HttpResponse::ok(rss(QStringLiteral("Feed Two"), 2), "application/rss+xml"));
        m_server.route("/three.xml", HttpResponse::ok(rss(QStringLiteral("Feed Three"), 1),
                                                      "application/rss+xml"));
        m_server.route("/site/",
                       HttpResponse::ok("<!doctype html><html><head><title>Site</title>"
                                        "<link rel=\"alternate\" type=\"application/rss+xml\" "
                                        "title=\"Stories\" href=\"/one.xml\">"
                                        "<link rel=\"alternate\" type=\"application/rss+xml\" "
                                        "title=\"Comments\" href=\"/two.xml\">"
                                        "</head><body>Hello</body></html>",
                                        "text/html; charset=utf-8"));
        m_server.route("/four.xml", HttpResponse::ok(rss(QStringLiteral("Feed Four"), 1),
                                                     "application/rss+xml"));
        HttpResponse slow = HttpResponse::ok("<html></html>", "text/html");
        slow.delayMs = 3000;
        m_server.route("/slow/", slow);

        m_path = m_dir.filePath(QStringLiteral("ui.sqlite"));
        QString error;
        {
            auto writer = Database::openWriter(m_path, &error);
            QVERIFY2(writer, qPrintable(error));
            FeedStore(*writer).folderId(QStringLiteral("World"));
        }
        m_reader = Database::openReader(m_path, &error);
        QVERIFY2(m_reader, qPrintable(error));
        m_sync = std::make_unique<SyncService>(m_path);
        m_window = std::make_unique<MainWindow>(*m_reader, m_sync.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        appearance::applyTheme(appearance::Theme::System);
        m_window.reset();
        m_sync.reset();
        m_reader.reset();
    }

    void addFeedDialogWithDiscovery()
    {
        QAbstractItemModelTester tester(model());
        FeedStore store(*m_reader);

        // A site that announces two feeds: both are listed; the second one is chosen.
        QPointer<AddFeedDialog> dialog = m_window->addFeed(m_server.url(QStringLiteral("/site/")));
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->urlEdit()->text(), m_server.url(QStringLiteral("/site/")).toString());
        dialog->folderChoice()->selectFolder(*store.findFolder(QStringLiteral("World")));
        QTest::mouseClick(dialog->addButton(), Qt::LeftButton);
        QVERIFY(dialog->isBusy());
        QVERIFY(dialog->busyIndicator()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(dialog->feedList()->topLevelItemCount(), 2, 10000);
        QVERIFY(dialog->feedList()->isVisible());
        QVERIFY(!dialog->isBusy());
        QCOMPARE(dialog->feedList()->topLevelItem(0)->text(0), QStringLiteral("Stories"));
        QCOMPARE(dialog->feedList()->topLevelItem(1)->text(0), QStringLiteral("Comments"));
        QCOMPARE(dialog->feedList()->topLevelItem(1)->text(1), QStringLiteral("RSS"));
        QCOMPARE(dialog->feedList()->topLevelItem(1)->text(2),
                 m_server.url(QStringLiteral("/two.xml")).toDisplayString());
        QVERIFY(store.feeds().isEmpty()); // nothing added before the choice
        saveShot(dialog, QStringLiteral("add-feed-choice.png"));
        dialog->feedList()->setCurrentItem(dialog->feedList()->topLevelItem(1));
        QTest::mouseClick(dialog->addButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000); // accepted and closed
        QCOMPARE(store.feeds().size(), 1);
        const Feed two = store.feeds().first();
        QCOMPARE(two.url, m_server.url(QStringLiteral("/two.xml")));
        QCOMPARE(two.folderId, *store.findFolder(QStringLiteral("World")));
        // In the tree, inside World, selected; and synced right away.
        QTRY_VERIFY(findRow(model(), FeedTreeModel::ViewKind::Feed, two.id).isValid());
        const QModelIndex row = findRow(model(), FeedTreeModel::ViewKind::Feed, two.id);
        QCOMPARE(row.parent().data(FeedTreeModel::FolderIdRole).toLongLong(), two.folderId);
        QCOMPARE(tree()->currentIndex(), row);
        QTRY_VERIFY_WITH_TIMEOUT(store.feed(two.id)->lastFetch.isValid(), 10000);
        QTRY_VERIFY(!m_sync->isSyncing());

        // A feed's own address: added without a choice, into a new folder.
        dialog = m_window->addFeed(m_server.url(QStringLiteral("/one.xml")));
        dialog->folderChoice()->selectFolder(FolderChoice::kNewFolder);
        QVERIFY(dialog->newFolderEdit()->isVisible());
        dialog->newFolderEdit()->setText(QStringLiteral("Fresh"));
        QTest::mouseClick(dialog->addButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);
        const auto one = store.feedByUrl(m_server.url(QStringLiteral("/one.xml")));
        QVERIFY(one);
        QCOMPARE(one->folderId, *store.findFolder(QStringLiteral("Fresh")));
        QTRY_VERIFY(findRow(model(), FeedTreeModel::ViewKind::Feed, one->id).isValid());
        QTRY_VERIFY(!m_sync->isSyncing());

        // A page that is not there: an error in the dialog, nothing added.
        dialog = m_window->addFeed(m_server.url(QStringLiteral("/missing")));
        QTest::mouseClick(dialog->addButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 10000);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->messageLabel()->isVisible());
        QVERIFY2(dialog->messageLabel()->text().contains(QLatin1String("404")),
                 qPrintable(dialog->messageLabel()->text()));
        QCOMPARE(store.feeds().size(), 2);

        // Already subscribed: said in the dialog.
        dialog->urlEdit()->setText(m_server.url(QStringLiteral("/one.xml")).toString());
        QTest::mouseClick(dialog->addButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog->messageLabel()->text().contains(QLatin1String("already subscribed")), 10000);
        QVERIFY(dialog->isVisible());
        QCOMPARE(store.feeds().size(), 2);

        // A slow site: Cancel stops the discovery and keeps the dialog; Cancel again closes it.
        dialog->urlEdit()->setText(m_server.url(QStringLiteral("/slow/")).toString());
        QTest::mouseClick(dialog->addButton(), Qt::LeftButton);
        QVERIFY(dialog->isBusy());
        QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
        QVERIFY(!dialog->isBusy());
        QVERIFY(dialog->isVisible());
        QTest::qWait(200);
        QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY(!dialog);
        QCOMPARE(store.feeds().size(), 2);
    }

    void opmlImportAndExport()
    {
        QAbstractItemModelTester tester(model());
        const QString in = m_dir.filePath(QStringLiteral("subs.opml"));
        {
            QFile file(in);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(
                QStringLiteral(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"1.0\"><head>"
                    "<title>Export</title></head><body><outline text=\"Tech\">"
                    "<outline text=\"Three\" type=\"rss\" xmlUrl=\"%1\"/>"
                    "<outline text=\"Dup\" type=\"rss\" xmlUrl=\"%2\"/></outline>"
                    "<outline text=\"天气\" type=\"rss\" xmlUrl=\"http://127.0.0.1:1/none.xml\"/>"
                    "<outline text=\"Mail\" type=\"rss\" xmlUrl=\"mailto:x@y.test\"/>"
                    "</body></opml>")
                    .arg(m_server.url(QStringLiteral("/three.xml")).toString(),
                         m_server.url(QStringLiteral("/one.xml")).toString())
                    .toUtf8());
        }
        m_window->importOpmlFile(in);
        QTRY_VERIFY_WITH_TIMEOUT(feedMessage(*m_window), 10000);
        QMessageBox *box = feedMessage(*m_window);
        QVERIFY2(box->text().contains(QLatin1String("2 feed(s) added")), qPrintable(box->text()));
        QVERIFY(box->text().contains(QLatin1String("1 folder(s) created")));
        QVERIFY(box->text().contains(QLatin1String("1 already subscribed")));
        QVERIFY(box->text().contains(QLatin1String("1 invalid skipped")));
        box->accept();
        QTRY_VERIFY(!feedMessage(*m_window));

        FeedStore store(*m_reader);
        const auto tech = store.findFolder(QStringLiteral("Tech"));
        QVERIFY(tech);
        const QModelIndex techRow = findRow(model(), FeedTreeModel::ViewKind::Folder, *tech);
        QVERIFY(techRow.isValid());
        QCOMPARE(techRow.data(FeedTreeModel::NameRole).toString(), QStringLiteral("Tech"));
        const auto three = store.feedByUrl(m_server.url(QStringLiteral("/three.xml")));
        QVERIFY(three);
        QCOMPARE(findRow(model(), FeedTreeModel::ViewKind::Feed, three->id).parent(), techRow);
        const auto weather = store.feedByUrl(QUrl(QStringLiteral("http://127.0.0.1:1/none.xml")));
        QVERIFY(weather);
        QVERIFY(findRow(model(), FeedTreeModel::ViewKind::Feed, weather->id).isValid());
        QTRY_VERIFY_WITH_TIMEOUT(!m_sync->isSyncing(), 15000); // the new feeds were fetched
        QVERIFY(store.feed(three->id)->lastFetch.isValid());

        // Export and read back: every feed, in its folder.
        const QString out = m_dir.filePath(QStringLiteral("export.opml"));
        m_window->exportOpmlFile(out);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(out), 10000);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString error;
        const auto document = parseOpml(file.readAll(), &error);
        QVERIFY2(document, qPrintable(error));
        QCOMPARE(document->root.feedCount(), int(store.feeds().size()));
        QStringList folders;
        for (const OpmlFolder &folder : document->root.folders)
            folders << folder.title;
        folders.sort();
        QCOMPARE(folders, (QStringList{QStringLiteral("Fresh"), QStringLiteral("Tech"),
                                       QStringLiteral("World")}));
    }

    void treeEditing()
    {
        QAbstractItemModelTester tester(model());
        FeedStore store(*m_reader);
        const qint64 world = *store.findFolder(QStringLiteral("World"));
        const qint64 tech = *store.findFolder(QStringLiteral("Tech"));
        const qint64 three = store.feedByUrl(m_server.url(QStringLiteral("/three.xml")))->id;

        // Rename a feed through its context menu (the title then stays through syncs).
        QModelIndex row = findRow(model(), FeedTreeModel::ViewKind::Feed, three);
        std::unique_ptr<QMenu> menu(tree()->createContextMenu(row));
        QVERIFY(menu);
        for (const char *name :
             {"syncAction", "renameAction", "propertiesAction", "deleteAction", "newFolderAction"})
            QVERIFY2(menu->findChild<QAction *>(QLatin1String(name)), name);
        QVERIFY(menu->findChild<QMenu *>(QStringLiteral("moveMenu")));
        whenModal<QInputDialog>([](QInputDialog *d) {
            d->setTextValue(QStringLiteral("Third of three"));
            d->accept();
        });
        menu->findChild<QAction *>(QStringLiteral("renameAction"))->trigger();
        QTRY_COMPARE(store.feed(three)->title, QStringLiteral("Third of three"));
        QTRY_VERIFY(findRow(model(), FeedTreeModel::ViewKind::Feed, three)
                        .data()
                        .toString()
                        .startsWith(QLatin1String("Third of three")));

        // Rename a folder.
        row = findRow(model(), FeedTreeModel::ViewKind::Folder, tech);
        menu.reset(tree()->createContextMenu(row));
        whenModal<QInputDialog>([](QInputDialog *d) {
            d->setTextValue(QStringLiteral("Technology"));
            d->accept();
        });
        menu->findChild<QAction *>(QStringLiteral("renameAction"))->trigger();
        QTRY_COMPARE(findRow(model(), FeedTreeModel::ViewKind::Folder, tech)
                         .data(FeedTreeModel::NameRole)
                         .toString(),
                     QStringLiteral("Technology"));

        // Move a feed with "Move To ▸ World".
        row = findRow(model(), FeedTreeModel::ViewKind::Feed, three);
        menu.reset(tree()->createContextMenu(row));
        QMenu *move = menu->findChild<QMenu *>(QStringLiteral("moveMenu"));
        QAction *toWorld = nullptr;
        for (QAction *a : move->actions())
            if (a->data().toLongLong() == world)
                toWorld = a;
        QVERIFY(toWorld);
        toWorld->trigger();
        QTRY_COMPARE(store.feed(three)->folderId, world);
        QTRY_COMPARE(folderOfRow(findRow(model(), FeedTreeModel::ViewKind::Feed, three)), world);

        // Drag and drop, through the handler: the feed onto the Technology folder...
        QVERIFY(tree()->dropOn(findRow(model(), FeedTreeModel::ViewKind::Feed, three),
                               findRow(model(), FeedTreeModel::ViewKind::Folder, tech)));
        QTRY_COMPARE(store.feed(three)->folderId, tech);
        QTRY_COMPARE(folderOfRow(findRow(model(), FeedTreeModel::ViewKind::Feed, three)), tech);
        // ...and through a real drop event on the viewport: the feed onto the empty area below
        // the rows (the top level).
        tree()->expandAll();
        const QModelIndex feedRow = findRow(model(), FeedTreeModel::ViewKind::Feed, three);
        std::unique_ptr<QMimeData> mime(tree()->rowMimeData(feedRow));
        QPoint below(10, tree()->viewport()->height() - 3);
        QVERIFY(!tree()->indexAt(below).isValid());
        QVERIFY(dragAndDrop(tree()->viewport(), below, mime.get()));
        QTRY_COMPARE(store.feed(three)->folderId, 0);
        QTRY_COMPARE(folderOfRow(findRow(model(), FeedTreeModel::ViewKind::Feed, three)), 0);
        // A drop event of the Technology folder onto the middle of the World folder's row.
        const QModelIndex worldRow = findRow(model(), FeedTreeModel::ViewKind::Folder, world);
        mime.reset(tree()->rowMimeData(findRow(model(), FeedTreeModel::ViewKind::Folder, tech)));
        QVERIFY(dragAndDrop(tree()->viewport(), tree()->visualRect(worldRow).center(), mime.get()));
        QTRY_COMPARE(store.folder(tech)->parentId, world);
        QTRY_COMPARE(folderOfRow(findRow(model(), FeedTreeModel::ViewKind::Folder, tech)), world);

        // A folder never goes into its own subtree: the view refuses the drop, and the worker
        // refuses the call with an error message.
        QVERIFY(!tree()->dropOn(findRow(model(), FeedTreeModel::ViewKind::Folder, world),
                                findRow(model(), FeedTreeModel::ViewKind::Folder, tech)));
        m_sync->moveFolder(world, tech);
        QTRY_VERIFY(feedMessage(*m_window));
        QVERIFY2(feedMessage(*m_window)->text().contains(QLatin1String("subfolders")),
                 qPrintable(feedMessage(*m_window)->text()));
        feedMessage(*m_window)->accept();
        QTRY_VERIFY(!feedMessage(*m_window));
        QCOMPARE(store.folder(world)->parentId, 0);

        // New folder from the menu of the empty area.
        menu.reset(tree()->createContextMenu(QModelIndex()));
        whenModal<QInputDialog>([](QInputDialog *d) {
            d->setTextValue(QStringLiteral("Later"));
            d->accept();
        });
        menu->findChild<QAction *>(QStringLiteral("newFolderAction"))->trigger();
        QTRY_VERIFY(store.findFolder(QStringLiteral("Later")));
        const qint64 later = *store.findFolder(QStringLiteral("Later"));
        QTRY_VERIFY(findRow(model(), FeedTreeModel::ViewKind::Folder, later).isValid());

        // Delete the World folder keeping its feeds: they move up; Technology (inside it) too.
        const QList<qint64> worldFeeds = store.feedIdsInFolder(world);
        QVERIFY(!worldFeeds.isEmpty());
        menu.reset(
            tree()->createContextMenu(findRow(model(), FeedTreeModel::ViewKind::Folder, world)));
        whenModal<QMessageBox>([](QMessageBox *box) {
            box->findChild<QPushButton *>(QStringLiteral("keepFeeds"))->click();
        });
        menu->findChild<QAction *>(QStringLiteral("deleteAction"))->trigger();
        QTRY_VERIFY(!store.folder(world));
        for (qint64 id : worldFeeds)
            QVERIFY(store.feed(id));
        QCOMPARE(store.folder(tech)->parentId, 0);
        QTRY_VERIFY(!findRow(model(), FeedTreeModel::ViewKind::Folder, world).isValid());

        // Delete the Technology folder with its feeds.
        const QList<qint64> techFeeds = store.feedIdsInFolder(tech);
        menu.reset(
            tree()->createContextMenu(findRow(model(), FeedTreeModel::ViewKind::Folder, tech)));
        whenModal<QMessageBox>([](QMessageBox *box) {
            box->findChild<QPushButton *>(QStringLiteral("deleteFeeds"))->click();
        });
        menu->findChild<QAction *>(QStringLiteral("deleteAction"))->trigger();
        QTRY_VERIFY(!store.folder(tech));
        for (qint64 id : techFeeds)
            QVERIFY(!store.feed(id));

        // Delete a feed (confirmed).
        menu.reset(
            tree()->createContextMenu(findRow(model(), FeedTreeModel::ViewKind::Feed, three)));
        whenModal<QMessageBox>([](QMessageBox *box) { box->button(QMessageBox::Yes)->click(); });
        menu->findChild<QAction *>(QStringLiteral("deleteAction"))->trigger();
        QTRY_VERIFY(!store.feed(three));
        QTRY_VERIFY(!findRow(model(), FeedTreeModel::ViewKind::Feed, three).isValid());
    }

    void feedProperties()
    {
        FeedStore store(*m_reader);
        const auto one = store.feedByUrl(m_server.url(QStringLiteral("/one.xml")));
        QVERIFY(one);
        whenModal<FeedPropertiesDialog>([](FeedPropertiesDialog *d) {
            // Fetch state is shown read-only.
            QVERIFY(!d->lastFetchLabel()->text().isEmpty());
            QCOMPARE(d->lastErrorLabel()->text(), QStringLiteral("None"));
            QVERIFY(d->defaultInterval()->isChecked());
            d->defaultInterval()->setChecked(false);
            d->intervalMinutes()->setValue(30);
            d->fullText()->setCurrentIndex(d->fullText()->findData(int(FullTextMode::Off)));
            d->retentionMode()->setCurrentIndex(FeedPropertiesDialog::RetentionDays);
            d->retentionDays()->setValue(14);
            d->titleEdit()->setText(QStringLiteral("Number one"));
            saveShot(d, QStringLiteral("feed-properties.png"));
            d->accept();
        });
        tree()->showProperties(findRow(model(), FeedTreeModel::ViewKind::Feed, one->id));
        QTRY_COMPARE(store.feed(one->id)->fetchIntervalSecs, 30 * 60);
        const Feed feed = *store.feed(one->id);
        QCOMPARE(feed.fullText, FullTextMode::Off);
        QCOMPARE(feed.retentionDays, 14);
        QCOMPARE(feed.title, QStringLiteral("Number one"));
        QCOMPARE(feed.url, one->url);
    }

    void preferences()
    {
        ReaderView *reader = m_window->readerView();
        m_window->preferencesAction()->trigger();
        QPointer<SettingsDialog> dialog = m_window->findChild<SettingsDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());

        // Theme, text size and remote content apply at once.
        dialog->theme()->setCurrentIndex(dialog->theme()->findData(QStringLiteral("dark")));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 128);
        QTRY_VERIFY(m_window->palette().color(QPalette::Window).lightness() < 128);
        QTRY_VERIFY(reader->isDark());
        saveShot(dialog, QStringLiteral("preferences-dark.png"));
        saveShot(m_window.get(), QStringLiteral("mainwindow-dark.png"));
        dialog->fontSize()->setValue(150);
        QCOMPARE(reader->fontSize(), 26); // 150 % of 17 px
        dialog->remoteContent()->setChecked(true);
        QVERIFY(reader->allowRemoteImages());

        dialog->syncInterval()->setValue(25);
        dialog->retentionMode()->setCurrentIndex(SettingsDialog::RetentionDays);
        dialog->retentionDays()->setValue(45);
        dialog->fullTextDefault()->setCurrentIndex(
            dialog->fullTextDefault()->findData(QStringLiteral("off")));
        dialog->markReadMode()->setCurrentIndex(SettingsDialog::MarkAfterDelay);
        dialog->markReadDelay()->setValue(800);
        dialog->notifications()->setChecked(false);
        dialog->trayIcon()->setChecked(true);
        dialog->startMinimized()->setChecked(true);
        QSignalSpy settingChanged(m_sync.get(), &SyncService::settingChanged);
        dialog->accept();
        QTRY_VERIFY(!dialog);

        // The preferences file...
        QSettings ini(prefs::filePath(), QSettings::IniFormat);
        QCOMPARE(ini.value(QLatin1String(prefs::kTheme)).toString(), QStringLiteral("dark"));
        QCOMPARE(ini.value(QLatin1String(prefs::kFontSize)).toInt(), 150);
        QCOMPARE(ini.value(QLatin1String(prefs::kRemoteContent)).toBool(), true);
        QCOMPARE(ini.value(QLatin1String(prefs::kFullTextDefault)).toString(),
                 QStringLiteral("off"));
        QCOMPARE(ini.value(QLatin1String(prefs::kMarkReadDelayMs)).toInt(), 800);
        QCOMPARE(ini.value(QLatin1String(prefs::kNotifications)).toBool(), false);
        QCOMPARE(ini.value(QLatin1String(prefs::kTrayIcon)).toBool(), true);
        QCOMPARE(ini.value(QLatin1String(prefs::kStartMinimized)).toBool(), true);
        // ...and the database settings, written by the worker.
        QTRY_COMPARE(settingChanged.count(), 2);
        SettingsStore settings(*m_reader);
        QCOMPARE(settings.number(QLatin1String(SettingsStore::kSyncIntervalMinutes), 60), 25);
        QCOMPARE(settings.number(QLatin1String(SettingsStore::kRetentionDays), 90), 45);

        // A new feed gets the full-article default.
        QPointer<AddFeedDialog> add = m_window->addFeed(m_server.url(QStringLiteral("/four.xml")));
        QTest::mouseClick(add->addButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!add, 10000);
        QCOMPARE(
            FeedStore(*m_reader).feedByUrl(m_server.url(QStringLiteral("/four.xml")))->fullText,
            FullTextMode::Off);

        // Cancel puts back what was shown live.
        m_window->showPreferences();
        dialog = m_window->findChild<SettingsDialog *>();
        QVERIFY(dialog);
        dialog->theme()->setCurrentIndex(dialog->theme()->findData(QStringLiteral("light")));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() >= 128);
        dialog->fontSize()->setValue(100);
        dialog->reject();
        QTRY_VERIFY(!dialog);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 128);
        QCOMPARE(reader->fontSize(), 26);
        QCOMPARE(QSettings(prefs::filePath(), QSettings::IniFormat)
                     .value(QLatin1String(prefs::kTheme))
                     .toString(),
                 QStringLiteral("dark"));

        // At start-up the saved look is applied: a new window's reader reads it.
        appearance::applyTheme(appearance::Theme::Light);
        MainWindow second(*m_reader);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 128);
        QCOMPARE(second.readerView()->fontSize(), 26);
        QVERIFY(second.readerView()->allowRemoteImages());
    }
};

BROADSHEET_READER_TEST_MAIN(TestFeedManagementUi)
#include "test_feed_management_ui.moc"
