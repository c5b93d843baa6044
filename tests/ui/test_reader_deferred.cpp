// The reader view's deferred start (ReaderView::setDeferWebEngine, what the app uses so that its
// lists paint before the web engine starts): no engine until the view is painted or asked for an
// article, then the same pane as an immediate one.

#include "ReaderTesting.h"
#include "reader/ReaderView.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

using namespace bs;

class TestReaderDeferred : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_writer;
    std::unique_ptr<Database> m_reader;
    qint64 m_article = 0;

    bool engineCanStart()
    {
        ReaderView::setDeferWebEngine(false);
        ReaderView probe(*m_reader);
        return probe.usesWebEngine();
    }

private slots:
    void initTestCase()
    {
        QString error;
        const QString path = m_dir.filePath(QStringLiteral("deferred.sqlite"));
        m_writer = Database::openWriter(path, &error);
        QVERIFY2(m_writer, qPrintable(error));
        const qint64 feed = *FeedStore(*m_writer).addFeed(
            Feed{.url = QUrl(QStringLiteral("https://deferred.example.test/rss")),
                 .title = QStringLiteral("Quay Notes")});
        m_article = ArticleStore(*m_writer)
                        .save(Article{.feedId = feed,
                                      .guid = QStringLiteral("tide-1"),
                                      .title = QStringLiteral("Tide tables change for winter"),
                                      .content = QStringLiteral("<p>High water comes an hour "
                                                                "later from Monday.</p>")})
                        .id;
        QVERIFY(m_article > 0);
        m_reader = Database::openReader(path, &error);
        QVERIFY2(m_reader, qPrintable(error));
        if (!engineCanStart())
            QSKIP("the web engine cannot start here (helper missing or no sandbox)");
    }

    void cleanup() { ReaderView::setDeferWebEngine(false); }

    void startsAfterTheFirstPaint()
    {
        ReaderView::setDeferWebEngine(true);
        ReaderView view(*m_reader);
        QVERIFY(!view.usesWebEngine()); // nothing started while the window is built
        view.resize(700, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_VERIFY_WITH_TIMEOUT(view.usesWebEngine(), 10000);
        QVERIFY(view.interceptor() && view.profile() && view.page());
        QSignalSpy loaded(&view, &ReaderView::articleLoaded);
        view.showArticle(m_article);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(loaded.constLast().at(0).toLongLong(), m_article);
        QVERIFY(loaded.constLast().at(1).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(
            test::pageText(view.page()).contains(QLatin1String("High water comes an hour")), 10000);
    }

    void anArticleBeforeThePaintStartsIt()
    {
        ReaderView::setDeferWebEngine(true);
        ReaderView view(*m_reader);
        QVERIFY(!view.usesWebEngine());
        QSignalSpy loaded(&view, &ReaderView::articleLoaded);
        view.showArticle(m_article); // never shown yet: the engine starts for the article
        QVERIFY(view.usesWebEngine());
        view.resize(700, 500);
        view.show();
        QVERIFY(loaded.wait(20000));
        QCOMPARE(loaded.constLast().at(0).toLongLong(), m_article);
        QVERIFY(loaded.constLast().at(1).toBool());
    }

    void offByDefault()
    {
        ReaderView view(*m_reader);
        QVERIFY(view.usesWebEngine());
    }
};

BROADSHEET_READER_TEST_MAIN(TestReaderDeferred)
#include "test_reader_deferred.moc"
