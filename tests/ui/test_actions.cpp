// Article actions and the keyboard on the main window, offscreen, over a real profile and a real
// SyncService: navigation through feeds and articles, mark read on select (at once, after a
// delay, never), M/S toggles, mark all read for a feed and a folder, labels on a
// multi-selection, open in browser, copy link, shortcuts while typing in a text field, the
// shortcuts help, and Space through the reader into the next unread article.

#include "ArticleActions.h"
#include "MainWindow.h"
#include "OfflineSite.h"
#include "Preferences.h"
#include "ReaderTesting.h"
#include "TestData.h"
#include "TestHttpServer.h"
#include "dialogs/ShortcutsDialog.h"
#include "models/ArticleListModel.h"
#include "models/FeedTreeModel.h"
#include "reader/ReaderView.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/LabelStore.h"
#include "store/SqlQuery.h"
#include "store/StatusStore.h"
#include "sync/SyncService.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QStandardItem>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QToolBar>
#include <QTreeView>
#include <QtTest>

using namespace bs;

namespace
{

// Receives the addresses QDesktopServices::openUrl is given.
class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl &url) { opened << url; }
};

QString longText(int paragraphs)
{
    QString html;
    for (int p = 0; p < paragraphs; ++p)
        html += QStringLiteral("<p>Paragraph %1 of the long report on the harbour works, with "
                               "enough words in it to fill a line or two of the pane.</p>")
                    .arg(p);
    return html;
}

} // namespace

class TestActions : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    int m_round = 0;
    qint64 m_folder = 0, m_alpha = 0, m_beta = 0, m_gamma = 0;

    // The window over the profile, with its own worker.
    struct Window {
        std::unique_ptr<Database> reader;
        std::unique_ptr<SyncService> sync;
        std::unique_ptr<MainWindow> w;
        std::unique_ptr<QAbstractItemModelTester> feedTester, listTester;
        ~Window()
        {
            feedTester.reset();
            listTester.reset();
            w.reset(); // before the service and the connection it uses
            sync.reset();
        }
    };

    std::unique_ptr<Window> open()
    {
        auto win = std::make_unique<Window>();
        QString error;
        win->reader = Database::openReader(m_path, &error);
        if (!win->reader)
            return nullptr;
        win->sync = std::make_unique<SyncService>(m_path);
        win->w = std::make_unique<MainWindow>(*win->reader, win->sync.get());
        win->feedTester = std::make_unique<QAbstractItemModelTester>(win->w->feedModel());
        win->listTester = std::make_unique<QAbstractItemModelTester>(win->w->articleModel());
        win->w->resize(1000, 700);
        win->w->show();
        if (!QTest::qWaitForWindowExposed(win->w.get()))
            return nullptr;
        win->w->articleView()->setFocus();
        return win;
    }

    void setDelay(int ms) { prefs::open()->setValue(prefs::kMarkReadDelayMs, ms); }

    qint64 idAt(MainWindow &w, int row)
    {
        return w.articleModel()->index(row, 0).data(ArticleListModel::ArticleIdRole).toLongLong();
    }
    int currentRow(MainWindow &w) { return w.articleView()->currentIndex().row(); }
    bool isRead(Database &db, qint64 id) { return StatusStore(db).status(id)->read; }
    bool isStarred(Database &db, qint64 id) { return StatusStore(db).status(id)->starred; }
    void selectFeed(MainWindow &w, qint64 feedId)
    {
        w.feedView()->setCurrentIndex(w.feedModel()->feedItem(feedId)->index());
    }
    QModelIndex folderIndex(MainWindow &w)
    {
        for (int r = 0; r < w.feedModel()->rowCount(); ++r)
            if (w.feedModel()->index(r, 0).data(FeedTreeModel::FolderIdRole).toLongLong() ==
                m_folder)
                return w.feedModel()->index(r, 0);
        return {};
    }

private slots:
    void initTestCase() { prefs::setFilePath(m_dir.filePath(QStringLiteral("broadsheet.ini"))); }

    // A fresh profile for each test: World (Alpha, Beta) and Gamma, which has more articles
    // than one page of the list.
    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("actions-%1.sqlite").arg(++m_round));
        QString error;
        auto db = Database::openWriter(m_path, &error);
        QVERIFY2(db, qPrintable(error));
        FeedStore feeds(*db);
        m_folder = *feeds.folderId(QStringLiteral("World"));
        m_alpha = *feeds.addFeed(Feed{.folderId = m_folder,
                                      .url = QUrl(QStringLiteral("https://a.example.test/rss")),
                                      .title = QStringLiteral("Alpha")});
        m_beta = *feeds.addFeed(Feed{.folderId = m_folder,
                                     .url = QUrl(QStringLiteral("https://b.example.test/rss")),
                                     .title = QStringLiteral("Beta")});
        m_gamma = *feeds.addFeed(Feed{.url = QUrl(QStringLiteral("https://c.example.test/rss")),
                                      .title = QStringLiteral("Gamma")});
        test::ArticleGenerator gen;
        QList<Article> batch;
        for (int i = 0; i < 25; ++i) {
            batch << gen.make(m_alpha, i, 30);
            batch << gen.make(m_beta, 100 + i, 30);
        }
        for (int i = 0; i < 230; ++i)
            batch << gen.make(m_gamma, 1000 + i, 20);
        QVERIFY(ArticleStore(*db).saveAll(batch));
        QVERIFY(LabelStore(*db).create(QStringLiteral("Later")));
        setDelay(-1);
    }

    void keyboardMovesThroughFeedsAndArticles()
    {
        auto win = open();
        QVERIFY(win);
        MainWindow &w = *win->w;
        QWidget *list = w.articleView();

        // N goes from feed to feed in tree order (into the folder), P back; ends stay put.
        QTest::keyClick(list, Qt::Key_N);
        QCOMPARE(w.feedView()->currentIndex().data(FeedTreeModel::FeedIdRole).toLongLong(),
                 m_alpha);
        QCOMPARE(w.articleModel()->query().feedId, m_alpha);
        QCOMPARE(w.articleModel()->rowCount(), 25);
        QTest::keyClick(list, Qt::Key_N);
        QCOMPARE(w.articleModel()->query().feedId, m_beta);
        QTest::keyClick(list, Qt::Key_N);
        QCOMPARE(w.articleModel()->query().feedId, m_gamma);
        QTest::keyClick(list, Qt::Key_N);
        QCOMPARE(w.articleModel()->query().feedId, m_gamma);
        QTest::keyClick(list, Qt::Key_P);
        QCOMPARE(w.articleModel()->query().feedId, m_beta);
        QTest::keyClick(w.feedView(), Qt::Key_P); // from the tree too
        QCOMPARE(w.articleModel()->query().feedId, m_alpha);
        QTest::keyClick(list, Qt::Key_P);
        QCOMPARE(w.articleModel()->query().feedId, m_alpha);

        // J/K move through the articles; the reader follows.
        QTest::keyClick(list, Qt::Key_J);
        QCOMPARE(currentRow(w), 0);
        QCOMPARE(w.readerView()->articleId(), idAt(w, 0));
        QTest::keyClick(list, Qt::Key_J);
        QTest::keyClick(list, Qt::Key_J);
        QCOMPARE(currentRow(w), 2);
        QCOMPARE(w.readerView()->articleId(), idAt(w, 2));
        QTest::keyClick(list, Qt::Key_K);
        QCOMPARE(currentRow(w), 1);
        QTest::keyClick(list, Qt::Key_K);
        QTest::keyClick(list, Qt::Key_K);
        QCOMPARE(currentRow(w), 0);

        // At the last loaded row J loads the next page and goes on.
        selectFeed(w, m_gamma);
        QCOMPARE(w.articleModel()->rowCount(), 200);
        QVERIFY(w.articleModel()->canFetchMore({}));
        w.articleView()->setCurrentIndex(w.articleModel()->index(199, 0));
        const qint64 last = idAt(w, 199);
        QTest::keyClick(list, Qt::Key_J);
        QCOMPARE(w.articleModel()->rowCount(), 230);
        QCOMPARE(currentRow(w), 200);
        QCOMPARE(idAt(w, 199), last);
        QCOMPARE(w.readerView()->articleId(), idAt(w, 200));
        // Nothing is marked read while the delay says never.
        QTest::qWait(300);
        QVERIFY(!isRead(*win->reader, idAt(w, 200)));
    }

    void marksReadOnSelect()
    {
        auto win = open();
        QVERIFY(win);
        MainWindow &w = *win->w;
        Database &db = *win->reader;
        selectFeed(w, m_alpha);

        // Delay 0: at once; the row is no longer bold and the feed's count drops.
        setDelay(0);
        QTest::keyClick(w.articleView(), Qt::Key_J);
        const qint64 first = idAt(w, 0);
        QTRY_VERIFY(isRead(db, first));
        QTRY_VERIFY(!w.articleModel()->index(0, 0).data(Qt::FontRole).value<QFont>().bold());
        QTRY_COMPARE(w.feedModel()->feedItem(m_alpha)->data(FeedTreeModel::UnreadRole).toLongLong(),
                     24);
        QCOMPARE(currentRow(w), 0); // the re-read list keeps the current article
        // M makes it unread again, and it stays so (the re-read list's current row is not a
        // new selection).
        QTest::keyClick(w.articleView(), Qt::Key_M);
        QTRY_VERIFY(!isRead(db, first));
        QTRY_VERIFY(w.articleModel()->index(0, 0).data(Qt::FontRole).value<QFont>().bold());
        QTest::qWait(300);
        QVERIFY(!isRead(db, first));
        QCOMPARE(currentRow(w), 0);

        // A delay: not yet, then read while it is still shown.
        setDelay(400);
        QTest::keyClick(w.articleView(), Qt::Key_J);
        const qint64 second = idAt(w, 1);
        QCOMPARE(w.readerView()->articleId(), second);
        QTest::qWait(100);
        QVERIFY(!isRead(db, second));
        QTRY_VERIFY(isRead(db, second));
        QTRY_VERIFY(!w.articleModel()->index(1, 0).data(Qt::FontRole).value<QFont>().bold());

        // Passed over quickly: the article left before the delay stays unread.
        QTest::keyClick(w.articleView(), Qt::Key_J);
        const qint64 skipped = idAt(w, 2);
        QTest::keyClick(w.articleView(), Qt::Key_J);
        const qint64 stayed = idAt(w, 3);
        QTRY_VERIFY(isRead(db, stayed));
        QTest::qWait(500);
        QVERIFY(!isRead(db, skipped));
        QVERIFY(w.articleModel()->index(2, 0).data(Qt::FontRole).value<QFont>().bold());

        // Never.
        setDelay(-1);
        QTest::keyClick(w.articleView(), Qt::Key_J);
        QTest::qWait(500);
        QVERIFY(!isRead(db, idAt(w, 4)));
    }

    void togglesReadAndStarWithKeys()
    {
        auto win = open();
        QVERIFY(win);
        MainWindow &w = *win->w;
        Database &db = *win->reader;
        selectFeed(w, m_beta);
        QSignalSpy applied(w.articleActions(), &ArticleActions::statusApplied);
        QTest::keyClick(w.articleView(), Qt::Key_J);
        const qint64 id = idAt(w, 0);

        QTest::keyClick(w.articleView(), Qt::Key_M);
        QTRY_VERIFY(isRead(db, id));
        QTRY_VERIFY(w.articleModel()->index(0, 0).data(ArticleListModel::ReadRole).toBool());
        QVERIFY(!w.articleModel()->index(0, 0).data(Qt::FontRole).value<QFont>().bold());
        QTRY_COMPARE(w.feedModel()->feedItem(m_beta)->data(FeedTreeModel::UnreadRole).toLongLong(),
                     24);
        QTest::keyClick(w.articleView(), Qt::Key_M);
        QTRY_VERIFY(!isRead(db, id));
        QTRY_VERIFY(w.articleModel()->index(0, 0).data(Qt::FontRole).value<QFont>().bold());
        QTRY_COMPARE(w.feedModel()->feedItem(m_beta)->data(FeedTreeModel::UnreadRole).toLongLong(),
                     25);

        QTest::keyClick(w.articleView(), Qt::Key_S);
        QTRY_VERIFY(isStarred(db, id));
        QTRY_VERIFY(w.articleModel()->index(0, 0).data(ArticleListModel::StarredRole).toBool());
        QTest::keyClick(w.articleView(), Qt::Key_S);
        QTRY_VERIFY(!isStarred(db, id));
        QTRY_VERIFY(!w.articleModel()->index(0, 0).data(ArticleListModel::StarredRole).toBool());

        // A multi-selection: S stars every row, and the selection survives the re-read.
        QTest::mouseClick(w.articleView()->viewport(), Qt::LeftButton, Qt::ShiftModifier,
                          w.articleView()->visualRect(w.articleModel()->index(3, 0)).center());
        QCOMPARE(w.articleActions()->selectedArticles().size(), 4);
        QTest::keyClick(w.articleView(), Qt::Key_S);
        for (int r = 0; r < 4; ++r)
            QTRY_VERIFY(isStarred(db, idAt(w, r)));
        QVERIFY(!isStarred(db, idAt(w, 4)));
        QTRY_VERIFY(w.articleModel()->index(3, 0).data(ArticleListModel::StarredRole).toBool());
        QCOMPARE(w.articleActions()->selectedArticles().size(), 4);
        // ... and M marks them all read.
        QTest::keyClick(w.articleView(), Qt::Key_M);
        for (int r = 0; r < 4; ++r)
            QTRY_VERIFY(isRead(db, idAt(w, r)));
        QVERIFY(applied.size() >= 5);
    }

    void marksAllReadInAFeedAndAFolder()
    {
        auto win = open();
        QVERIFY(win);
        MainWindow &w = *win->w;
        Database &db = *win->reader;
        QStringList questions;
        bool answer = false;
        w.articleActions()->setConfirm([&](const QString &q) {
            questions << q;
            return answer;
        });

        // Gamma has 230: a question first; "no" changes nothing.
        selectFeed(w, m_gamma);
        w.articleView()->setFocus();
        QTest::keyClick(w.articleView(), Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(questions.size(), 1);
        QVERIFY2(questions.first().contains(QLatin1String("230")), qPrintable(questions.first()));
        QTest::qWait(200);
        QCOMPARE(StatusStore(db).unreadCount(m_gamma), 230);

        answer = true;
        QSignalSpy applied(w.articleActions(), &ArticleActions::statusApplied);
        w.articleActions()->markAllReadAction()->trigger();
        QCOMPARE(questions.size(), 2);
        QVERIFY(applied.wait(15000));
        QCOMPARE(StatusStore(db).unreadCount(m_gamma), 0);
        QCOMPARE(w.feedModel()->feedItem(m_gamma)->data(FeedTreeModel::UnreadRole).toLongLong(), 0);
        QCOMPARE(w.feedModel()->feedItem(m_gamma)->text(), QStringLiteral("Gamma"));
        QCOMPARE(w.feedModel()->item(0)->data(FeedTreeModel::UnreadRole).toLongLong(), 50);
        for (int r = 0; r < w.articleModel()->rowCount(); ++r)
            QVERIFY(w.articleModel()->index(r, 0).data(ArticleListModel::ReadRole).toBool());
        QVERIFY(w.statusBar()->currentMessage().contains(QLatin1String("230")));
        QCOMPARE(StatusStore(db).unreadCount(m_alpha), 25);

        // The folder: Alpha and Beta (50, no question).
        const QModelIndex folder = folderIndex(w);
        QVERIFY(folder.isValid());
        w.feedView()->setCurrentIndex(folder);
        QCOMPARE(w.articleActions()->currentReadScope().kind, ReadScope::Kind::Folder);
        QTest::keyClick(w.feedView(), Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(applied.wait(15000));
        QCOMPARE(questions.size(), 2);
        QCOMPARE(StatusStore(db).unreadCount(m_alpha), 0);
        QCOMPARE(StatusStore(db).unreadCount(m_beta), 0);
        QCOMPARE(w.feedModel()->feedItem(m_alpha)->data(FeedTreeModel::UnreadRole).toLongLong(), 0);
        QCOMPARE(w.feedModel()->feedItem(m_beta)->data(FeedTreeModel::UnreadRole).toLongLong(), 0);
        QCOMPARE(w.feedModel()->item(0)->data(FeedTreeModel::UnreadRole).toLongLong(), 0);
        QVERIFY(w.articleActions()->markAllReadAction()->isEnabled());
    }

    void labelsAMultiSelection()
    {
        auto win = open();
        QVERIFY(win);
        MainWindow &w = *win->w;
        Database &db = *win->reader;
        selectFeed(w, m_alpha);
        w.articleView()->setCurrentIndex(w.articleModel()->index(0, 0));
        QTest::mouseClick(w.articleView()->viewport(), Qt::LeftButton, Qt::ControlModifier,
                          w.articleView()->visualRect(w.articleModel()->index(2, 0)).center());
        QTest::mouseClick(w.articleView()->viewport(), Qt::LeftButton, Qt::ControlModifier,
                          w.articleView()->visualRect(w.articleModel()->index(4, 0)).center());
        const QList<qint64> chosen{idAt(w, 0), idAt(w, 2), idAt(w, 4)};
        QCOMPARE(w.articleActions()->selectedArticles(), [&] {
            QList<qint64> sorted = chosen;
            std::sort(sorted.begin(), sorted.end());
            return sorted;
        }());

        QSignalSpy applied(w.articleActions(), &ArticleActions::statusApplied);
        QMenu *menu = w.articleActions()->labelMenu();
        emit menu->aboutToShow();
        QAction *later = nullptr;
        for (QAction *a : menu->actions())
            if (a->text() == QLatin1String("Later"))
                later = a;
        QVERIFY(later);
        QVERIFY(!later->isChecked());
        later->trigger();
        QVERIFY(applied.wait(10000));
        for (qint64 id : chosen) {
            const QList<Label> labels = LabelStore(db).labelsOf(id);
            QCOMPARE(labels.size(), 1);
            QCOMPARE(labels.first().name, QStringLiteral("Later"));
        }
        QVERIFY(LabelStore(db).labelsOf(idAt(w, 1)).isEmpty());

        // A new label, named in the dialog.
        w.articleActions()->setAskLabelName(
            [](const QString &) { return QStringLiteral("Trips"); });
        emit menu->aboutToShow();
        QAction *create = menu->actions().last();
        QVERIFY(create->text().contains(QLatin1String("New Label")));
        create->trigger();
        QVERIFY(applied.wait(10000));
        QVERIFY(LabelStore(db).find(QStringLiteral("Trips")));
        for (qint64 id : chosen)
            QCOMPARE(LabelStore(db).labelsOf(id).size(), 2);

        // Every selected article has "Later": the entry is checked and takes it off.
        emit menu->aboutToShow();
        later = nullptr;
        for (QAction *a : menu->actions())
            if (a->text() == QLatin1String("Later"))
                later = a;
        QVERIFY(later && later->isChecked());
        later->trigger();
        QVERIFY(applied.wait(10000));
        for (qint64 id : chosen)
            QCOMPARE(LabelStore(db).labelsOf(id).size(), 1);
    }

    void opensInBrowserAndCopiesLinks()
    {
        auto win = open();
        QVERIFY(win);
        MainWindow &w = *win->w;
        selectFeed(w, m_beta);
        QTest::keyClick(w.articleView(), Qt::Key_J);
        const QUrl url = ArticleStore(*win->reader).article(idAt(w, 0))->url;
        QVERIFY(url.isValid());

        UrlCatcher catcher;
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &catcher, "open");
        QTest::keyClick(w.articleView(), Qt::Key_V);
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
        QCOMPARE(catcher.opened, QList<QUrl>{url});

        QApplication::clipboard()->clear();
        QTest::keyClick(w.articleView(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QApplication::clipboard()->text(), url.toString(QUrl::FullyEncoded));
    }

    void shortcutsStayOutOfTextFields()
    {
        auto win = open();
        QVERIFY(win);
        MainWindow &w = *win->w;
        Database &db = *win->reader;
        // A search field in the window (the window's own, when it has one).
        auto *search = new QLineEdit;
        w.addToolBar(QStringLiteral("Search"))->addWidget(search);
        w.articleActions()->setSearchField(search);

        selectFeed(w, m_alpha);
        w.articleView()->setFocus();
        QTest::keyClick(w.articleView(), Qt::Key_J);
        const qint64 id = idAt(w, 0);

        QTest::keyClick(w.articleView(), Qt::Key_Slash);
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, QStringLiteral("msjnkpv r/"));
        QCOMPARE(search->text(), QStringLiteral("msjnkpv r/"));
        QTest::qWait(300);
        QCOMPARE(currentRow(w), 0);
        QCOMPARE(w.articleModel()->query().feedId, m_alpha);
        QVERIFY(!isRead(db, id));
        QVERIFY(!isStarred(db, id));
        QVERIFY(!win->sync->isSyncing());

        // Esc leaves the field (cleared) for the list; Ctrl+F comes back.
        QTest::keyClick(search, Qt::Key_Escape);
        QVERIFY(search->text().isEmpty());
        QTRY_VERIFY(w.articleView()->hasFocus());
        QTest::keyClick(w.articleView(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClick(search, Qt::Key_Escape);
        QTRY_VERIFY(w.articleView()->hasFocus());
        // Back in the list, the keys work again.
        QTest::keyClick(w.articleView(), Qt::Key_S);
        QTRY_VERIFY(isStarred(db, id));
    }

    void helpListsEveryShortcut()
    {
        auto win = open();
        QVERIFY(win);
        MainWindow &w = *win->w;
        QTest::keyClick(w.articleView(), Qt::Key_F1);
        ShortcutsDialog *dialog = w.findChild<ShortcutsDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QTableWidget *table = dialog->table();
        QHash<QString, QString> rows;
        for (int r = 0; r < table->rowCount(); ++r)
            rows.insert(table->item(r, 0)->text(), table->item(r, 1)->text());
        int withKeys = 0;
        for (QAction *action : w.findChildren<QAction *>()) {
            if (action->shortcuts().isEmpty())
                continue;
            ++withKeys;
            const QString name = ShortcutsDialog::nameOf(action);
            QVERIFY2(rows.contains(name), qPrintable(name));
            for (const QKeySequence &key : action->shortcuts())
                QVERIFY2(rows.value(name).contains(key.toString(QKeySequence::NativeText)),
                         qPrintable(name + QLatin1String(": ") + rows.value(name)));
        }
        QCOMPARE(table->rowCount(), withKeys);
        for (const char *key : {"J", "K", "N", "P", "M", "S", "V", "R", "Space", "/", "F1"}) {
            bool found = false;
            for (const QString &keys : std::as_const(rows))
                found = found || keys.split(QStringLiteral(", ")).contains(QLatin1String(key));
            QVERIFY2(found, key);
        }
        QVERIFY(rows.value(QStringLiteral("Next Article")) == QLatin1String("J"));
        QVERIFY(rows.value(QStringLiteral("Sync Now")).contains(QLatin1String("R")));
        dialog->close();
        QTRY_VERIFY(!w.findChild<ShortcutsDialog *>());
        w.activateWindow(); // window shortcuts work in the active window
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(w.articleView(), Qt::Key_Question);
        QTRY_VERIFY(w.findChild<ShortcutsDialog *>());
    }

    // Space pages through the article in the reader (the web view, and the plain-text pane
    // used without a web engine), then goes to the next unread article, skipping read ones.
    void spaceReadsOnIntoTheNextUnread_data()
    {
        QTest::addColumn<bool>("webEngine");
        QTest::newRow("web view") << true;
        QTest::newRow("plain text") << false;
    }

    void spaceReadsOnIntoTheNextUnread()
    {
        QFETCH(bool, webEngine);
        if (!webEngine)
            qputenv("BROADSHEET_DISABLE_WEBENGINE", "1");
        const auto restore = qScopeGuard([] { qunsetenv("BROADSHEET_DISABLE_WEBENGINE"); });
        qint64 longId = 0, readId = 0, nextId = 0, deltaFeed = 0;
        {
            QString error;
            auto db = Database::openWriter(m_path, &error);
            QVERIFY2(db, qPrintable(error));
            const qint64 feed =
                *FeedStore(*db).addFeed(Feed{.url = QUrl(QStringLiteral("https://d.example.test/")),
                                             .title = QStringLiteral("Delta")});
            deltaFeed = feed;
            ArticleStore store(*db);
            const auto make = [&](const QString &guid, int hour, const QString &html) {
                return store
                    .save(
                        Article{.feedId = feed,
                                .guid = guid,
                                .url = QUrl(QStringLiteral("https://d.example.test/") + guid),
                                .title = QStringLiteral("Delta ") + guid,
                                .published = QDateTime(QDate(2026, 3, 1), QTime(hour, 0), Qt::UTC),
                                .content = html})
                    .id;
            };
            longId = make(QStringLiteral("long"), 12, longText(80));
            readId = make(QStringLiteral("read"), 11, QStringLiteral("<p>Already read.</p>"));
            nextId = make(QStringLiteral("next"), 10, QStringLiteral("<p>The next one.</p>"));
            QCOMPARE(StatusStore(*db).setRead({readId}, true), 1);
        }
        auto win = open();
        QVERIFY(win);
        MainWindow &w = *win->w;
        QCOMPARE(w.readerView()->usesWebEngine(), webEngine);
        selectFeed(w, deltaFeed);
        QCOMPARE(w.articleModel()->rowCount(), 3);
        QSignalSpy loaded(w.readerView(), &ReaderView::articleLoaded);
        QTest::keyClick(w.articleView(), Qt::Key_J);
        QCOMPARE(w.readerView()->articleId(), longId);

        const auto scrolled = [&]() -> int {
            if (!w.readerView()->usesWebEngine())
                return w.readerView()->fallbackView()->verticalScrollBar()->value();
            return test::evalInPage(w.readerView()->page(),
                                    QStringLiteral("document.scrollingElement.scrollTop"))
                .toInt();
        };
        if (w.readerView()->usesWebEngine())
            QVERIFY(loaded.wait(20000));
        QCOMPARE(scrolled(), 0);
        QTest::keyClick(w.articleView(), Qt::Key_Space);
        QTRY_VERIFY(scrolled() > 0);
        QCOMPARE(w.readerView()->articleId(), longId);
        // On to the bottom, then the next unread (the read one is skipped).
        for (int i = 0; i < 60 && w.readerView()->articleId() == longId; ++i) {
            QTest::keyClick(w.articleView(), Qt::Key_Space);
            QTest::qWait(100);
        }
        QTRY_COMPARE(w.readerView()->articleId(), nextId);
        QCOMPARE(currentRow(w), 2);
    }

    // "Save Page for Later" with the address asked for (the clipboard's, when it is one):
    // stored through the worker, the "Saved pages" feed appears in the tree.
    void savesAPageForLater()
    {
        test::TestHttpServer server;
        QVERIFY(server.listen());
        server.route("/essay.html",
                     test::HttpResponse::ok(test::offlinePage(QStringLiteral("Tide tables"),
                                                              QStringLiteral("saltmarsh"), {}),
                                            "text/html; charset=utf-8"));
        auto win = open();
        QVERIFY(win);
        MainWindow &w = *win->w;
        const QUrl address = server.url(QStringLiteral("/essay.html"));
        QApplication::clipboard()->setText(address.toString());
        QString suggested;
        w.articleActions()->setAskPageAddress([&](const QString &suggestion) {
            suggested = suggestion;
            return suggestion;
        });
        QSignalSpy applied(w.articleActions(), &ArticleActions::statusApplied);
        QTest::keyClick(w.articleView(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(suggested, address.toString());
        QVERIFY(applied.wait(15000));
        const auto saved = FeedStore(*win->reader).feeds();
        qint64 savedFeed = 0;
        for (const Feed &feed : saved)
            if (feed.url == FeedStore::savedPagesUrl())
                savedFeed = feed.id;
        QVERIFY(savedFeed > 0);
        // The built-in feed is the tree's "Saved pages" view, not a feed row.
        const QModelIndex savedView =
            w.feedModel()->indexOfView(FeedTreeModel::ViewKind::SavedPages);
        QVERIFY(savedView.isValid());
        w.feedView()->setCurrentIndex(savedView);
        QCOMPARE(w.articleModel()->rowCount(), 1);
        QVERIFY(w.articleModel()->index(0, 0).data().toString().startsWith(
            QLatin1String("Tide tables")));
        QVERIFY(w.articleModel()->index(0, 0).data(ArticleListModel::StarredRole).toBool());

        // A failure is said in the status bar; nothing new is stored.
        w.articleActions()->setAskPageAddress(
            [&](const QString &) { return server.url(QStringLiteral("/gone.html")).toString(); });
        w.articleActions()->savePageAction()->trigger();
        QVERIFY(applied.wait(15000));
        QVERIFY2(w.statusBar()->currentMessage().contains(QLatin1String("404")),
                 qPrintable(w.statusBar()->currentMessage()));
        QCOMPARE(StatusStore(*win->reader).unreadCount(savedFeed), 1);
    }

    void exportsBookmarks()
    {
        auto win = open();
        QVERIFY(win);
        MainWindow &w = *win->w;
        selectFeed(w, m_alpha);
        QTest::keyClick(w.articleView(), Qt::Key_J);
        QTest::keyClick(w.articleView(), Qt::Key_S);
        QTRY_VERIFY(isStarred(*win->reader, idAt(w, 0)));
        const QString path = m_dir.filePath(QStringLiteral("export-%1.json").arg(m_round));
        w.articleActions()->setAskExportPath([&](const QString &) { return path; });
        w.articleActions()->exportBookmarksAction()->trigger();
        QTRY_VERIFY(w.statusBar()->currentMessage().contains(QLatin1String("Exported 1")));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        QVERIFY(json.contains(ArticleStore(*win->reader).article(idAt(w, 0))->url.toEncoded()));
    }
};

BROADSHEET_READER_TEST_MAIN(TestActions)
#include "test_actions.moc"
