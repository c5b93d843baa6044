// FetchQueue's politeness bookkeeping and the pure helpers of app/net, without a network.

#include "net/FetchErrors.h"
#include "net/FetchQueue.h"

#include <QtTest>

using namespace bs;

namespace
{

QueuedFetch fetchOf(const char *url, int feedId = 0)
{
    FetchRequest request;
    request.url = QUrl(QString::fromLatin1(url));
    request.feedId = feedId;
    return QueuedFetch{request, FetchQueue::hostKey(request.url)};
}

} // namespace

class FetchQueueTest : public QObject
{
    Q_OBJECT

private slots:
    void hostKey()
    {
        QCOMPARE(FetchQueue::hostKey(QUrl(QStringLiteral("https://Example.org/feed"))),
                 QStringLiteral("example.org:443"));
        QCOMPARE(FetchQueue::hostKey(QUrl(QStringLiteral("http://example.org:8080/"))),
                 QStringLiteral("example.org:8080"));
        QCOMPARE(FetchQueue::hostKey(QUrl(QStringLiteral("http://example.org/"))),
                 QStringLiteral("example.org:80"));
    }

    void perHostAndGlobalLimits()
    {
        FetchQueue queue(2, 3);
        for (int i = 0; i < 4; ++i)
            queue.push(fetchOf("http://a.test/x", i));
        queue.push(fetchOf("http://b.test/x", 10));
        queue.push(fetchOf("http://c.test/x", 20));
        QCOMPARE(queue.takeReady(0)->request.feedId, 0);
        QCOMPARE(queue.takeReady(0)->request.feedId, 1);
        QCOMPARE(queue.takeReady(0)->request.feedId, 10); // a.test is full: skipped, not blocked
        QVERIFY(!queue.takeReady(0));                     // three running in all
        QCOMPARE(queue.running(), 3);
        queue.release(QStringLiteral("b.test:80"));
        QCOMPARE(queue.takeReady(0)->request.feedId, 20);
        queue.release(QStringLiteral("a.test:80"));
        QCOMPARE(queue.takeReady(0)->request.feedId, 2);
        QCOMPARE(queue.waiting(), 1);
    }

    void backoffAndHolds()
    {
        FetchQueue queue(2, 8);
        QueuedFetch retry = fetchOf("http://a.test/x", 1);
        retry.notBefore = 500;
        queue.push(retry);
        queue.push(fetchOf("http://b.test/x", 2));
        queue.holdHost(QStringLiteral("b.test:80"), 2000);
        QVERIFY(!queue.takeReady(100));
        QCOMPARE(queue.nextWake(100), 500);
        QCOMPARE(queue.takeReady(500)->request.feedId, 1);
        QCOMPARE(queue.nextWake(500), 2000);
        QVERIFY(queue.takeHeldPast(5000).isEmpty());
        const QList<QueuedFetch> held = queue.takeHeldPast(1000);
        QCOMPARE(held.size(), 1);
        QCOMPARE(held[0].request.feedId, 2);
        QCOMPARE(queue.nextWake(500), -1);
    }

    void retryAfter()
    {
        const QDateTime now(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);
        QCOMPARE(parseRetryAfter("120", now), now.addSecs(120));
        QCOMPARE(parseRetryAfter(" 0 ", now), now);
        QCOMPARE(parseRetryAfter("Wed, 01 May 2024 10:05:00 GMT", now), now.addSecs(300));
        QCOMPARE(parseRetryAfter("Wed, 01 May 2024 12:05:00 +0200", now), now.addSecs(300));
        QVERIFY(!parseRetryAfter("soon", now).isValid());
        QVERIFY(!parseRetryAfter("-5", now).isValid());
        QVERIFY(!parseRetryAfter("", now).isValid());
    }

    void sentences()
    {
        QCOMPARE(describeHttpStatus(404, QStringLiteral("Not Found")),
                 QStringLiteral("The server answered 404 Not Found."));
        QCOMPARE(describeCutBody(3000, 100000),
                 QStringLiteral("The connection was closed before the whole body arrived (3,000 "
                                "of 100,000 bytes)."));
        QCOMPARE(describeDuration(30000), QStringLiteral("30 s"));
        QCOMPARE(describeDuration(300), QStringLiteral("0.3 s"));
        QCOMPARE(describeSize(32 * 1024 * 1024), QStringLiteral("32 MB"));
    }
};

QTEST_GUILESS_MAIN(FetchQueueTest)
#include "test_fetch_queue.moc"
