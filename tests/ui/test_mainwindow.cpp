// The main window on a real profile, offscreen.

#include "MainWindow.h"
#include "TestData.h"
#include "models/ArticleListModel.h"
#include "models/FeedTreeModel.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTreeView>
#include <QtTest>

using namespace bs;

class TestMainWindow : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    qint64 m_feedA = 0, m_feedB = 0;

private slots:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("ui.sqlite"));
        QString error;
        auto db = Database::openWriter(m_path, &error);
        QVERIFY2(db, qPrintable(error));
        FeedStore feeds(*db);
        const auto folder = feeds.folderId(QStringLiteral("World"));
        m_feedA = *feeds.addFeed(Feed{.folderId = *folder,
                                      .url = QUrl(QStringLiteral("https://a.example.test/rss")),
                                      .title = QStringLiteral("Alpha News")});
        m_feedB = *feeds.addFeed(Feed{.url = QUrl(QStringLiteral("https://b.example.test/rss")),
                                      .title = QStringLiteral("南湖日报")});
        test::ArticleGenerator gen;
        QList<Article> batch;
        for (int i = 0; i < 1200; ++i)
            batch << gen.make(i % 3 ? m_feedA : m_feedB, i, 40);
        QVERIFY(ArticleStore(*db).saveAll(batch));
    }

    void showsFeedsAndPagesArticles()
    {
        QString error;
        auto reader = Database::openReader(m_path, &error);
        QVERIFY(reader);
        MainWindow w(*reader);
        QAbstractItemModelTester feedTester(w.feedModel());
        QAbstractItemModelTester articleTester(w.articleModel());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        // "All articles", the folder (with Alpha inside) and 南湖日报 at the top level.
        QCOMPARE(w.feedModel()->rowCount(), 3);
        QVERIFY(w.feedModel()->item(0)->text().contains(QLatin1String("1200")));

        // The list pages: it holds a page or so, not all 1200 rows.
        QTRY_VERIFY(w.articleModel()->rowCount() > 0);
        const int firstLoad = w.articleModel()->rowCount();
        QVERIFY2(firstLoad < 1200, qPrintable(QString::number(firstLoad)));
        w.articleView()->scrollToBottom();
        QTRY_VERIFY(w.articleModel()->rowCount() > firstLoad);

        // Selecting a feed filters the list.
        const QModelIndex beiwei = w.feedModel()->index(2, 0);
        QCOMPARE(beiwei.data(FeedTreeModel::FeedIdRole).toLongLong(), m_feedB);
        w.feedView()->setCurrentIndex(beiwei);
        QTRY_VERIFY(w.articleModel()->rowCount() > 0);
        for (int r = 0; r < w.articleModel()->rowCount(); ++r) {
            const qint64 id =
                w.articleModel()->index(r, 0).data(ArticleListModel::ArticleIdRole).toLongLong();
            QCOMPARE(ArticleStore(*reader).article(id)->feedId, m_feedB);
        }
        // Unread articles are bold.
        QVERIFY(w.articleModel()->index(0, 0).data(Qt::FontRole).value<QFont>().bold());

        // Selecting an article shows its text.
        w.articleView()->setCurrentIndex(w.articleModel()->index(0, 0));
        const QString title = w.articleModel()->index(0, 0).data().toString();
        QTRY_VERIFY(w.findChild<QTextBrowser *>()->toPlainText().startsWith(title));

        const QImage shot = w.grab().toImage();
        QVERIFY(!shot.isNull());
        if (!qEnvironmentVariableIsEmpty("BROADSHEET_SCREENSHOT_DIR"))
            shot.save(qEnvironmentVariable("BROADSHEET_SCREENSHOT_DIR") +
                      QStringLiteral("/mainwindow.png"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
