// Fetcher against the loopback TestHttpServer: conditional GET, redirects, timeouts, cut
// bodies, retries, Retry-After, content codings, the body cap and per-host concurrency.

#include "TestHttpServer.h"
#include "net/Fetcher.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

#include <zstd.h>

#include <memory>

using namespace bs;
using namespace bs::test;

namespace
{

// Short timeouts and backoff so that the whole test runs in a few seconds.
FetchPolicy quickPolicy()
{
    FetchPolicy policy;
    policy.transferTimeoutMs = 2000;
    policy.totalTimeoutMs = 10000;
    policy.retryBaseDelayMs = 50;
    return policy;
}

QByteArray sampleFeed(int items = 200)
{
    QByteArray text = "<rss version=\"2.0\"><channel><title>T</title>\n";
    for (int i = 0; i < items; ++i)
        text += "<item><title>Item " + QByteArray::number(i) + " 新闻</title></item>\n";
    return text + "</channel></rss>\n";
}

} // namespace

class FetcherTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<Fetcher> m_fetcher;
    QList<FetchResult> m_results;

    Fetcher &fetcher(const FetchPolicy &policy = quickPolicy())
    {
        m_fetcher = std::make_unique<Fetcher>(*m_nam, policy);
        connect(m_fetcher.get(), &Fetcher::finished, this,
                [this](const FetchResult &result) { m_results.append(result); });
        return *m_fetcher;
    }

    FetchRequest request(const QString &path, int feedId = 1)
    {
        FetchRequest r;
        r.url = m_server->url(path);
        r.feedId = feedId;
        return r;
    }

    // Runs the requests to the end (idle()) and returns the results in order of finishing.
    QList<FetchResult> run(const QList<FetchRequest> &requests, int timeoutMs = 10000)
    {
        if (!m_fetcher)
            fetcher();
        m_results.clear();
        QSignalSpy idle(m_fetcher.get(), &Fetcher::idle);
        for (const FetchRequest &r : requests)
            m_fetcher->enqueue(r);
        if (!idle.wait(timeoutMs))
            qWarning("the fetcher did not go idle");
        return m_results;
    }

    FetchResult fetch(const FetchRequest &r)
    {
        const QList<FetchResult> results = run({r});
        return results.isEmpty() ? FetchResult{} : results.constFirst();
    }

private slots:
    void init()
    {
        m_server = std::make_unique<TestHttpServer>();
        QVERIFY(m_server->listen());
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_results.clear();
    }
    void cleanup()
    {
        m_fetcher.reset();
        m_nam.reset();
        m_server.reset();
    }

    void conditionalGet()
    {
        HttpResponse feed = HttpResponse::ok(sampleFeed(), "application/rss+xml; charset=utf-8");
        feed.etag = "\"v1\"";
        feed.lastModified = "Wed, 01 May 2024 10:00:00 GMT";
        feed.headers = {{"Content-Language", "en"}};
        m_server->route("/feed.xml", feed);

        FetchRequest r = request(QStringLiteral("/feed.xml"), 42);
        FetchResult first = fetch(r);
        QCOMPARE(first.outcome, FetchResult::Fetched);
        QCOMPARE(first.feedId, 42);
        QCOMPARE(first.httpStatus, 200);
        QCOMPARE(first.body, sampleFeed());
        QCOMPARE(first.bytes, sampleFeed().size());
        QCOMPARE(first.contentType, QStringLiteral("application/rss+xml; charset=utf-8"));
        QCOMPARE(first.contentLanguage, QStringLiteral("en"));
        QCOMPARE(first.newValidators.etag, QStringLiteral("\"v1\""));
        QCOMPARE(first.newValidators.lastModified, QStringLiteral("Wed, 01 May 2024 10:00:00 GMT"));
        QCOMPARE(first.contentHash,
                 QCryptographicHash::hash(sampleFeed(), QCryptographicHash::Sha1));
        QCOMPARE(first.finalUrl, r.url);
        QVERIFY(!first.permanentRedirect);
        QCOMPARE(first.attempts, 1);
        QVERIFY(first.error.isEmpty());
        const HttpRequest plain = m_server->requests().constLast();
        QVERIFY(plain.header("If-None-Match").isEmpty());
        QVERIFY(plain.header("User-Agent").startsWith("Broadsheet/"));
        QCOMPARE(plain.header("Accept-Encoding"), QByteArray("gzip, deflate, br, zstd"));

        r.validators = first.newValidators;
        r.previousContentHash = first.contentHash;
        const FetchResult second = fetch(r);
        QCOMPARE(second.outcome, FetchResult::NotModified);
        QCOMPARE(second.httpStatus, 304);
        QVERIFY(second.body.isEmpty());
        QCOMPARE(second.newValidators, first.newValidators);
        const HttpRequest conditional = m_server->requests().constLast();
        QCOMPARE(conditional.header("If-None-Match"), QByteArray("\"v1\""));
        QCOMPARE(conditional.header("If-Modified-Since"),
                 QByteArray("Wed, 01 May 2024 10:00:00 GMT"));
    }

    void unchangedContent()
    {
        m_server->route("/feed.xml", HttpResponse::ok(sampleFeed(), "application/rss+xml"));
        FetchRequest r = request(QStringLiteral("/feed.xml"));
        const FetchResult first = fetch(r);
        QCOMPARE(first.outcome, FetchResult::Fetched);
        r.previousContentHash = first.contentHash;
        const FetchResult second = fetch(r);
        QCOMPARE(second.outcome, FetchResult::Unchanged);
        QCOMPARE(second.httpStatus, 200);
        QCOMPARE(second.contentHash, first.contentHash);
    }

    void permanentRedirect()
    {
        m_server->redirect("/old", "/older", 301);
        m_server->redirect("/older", m_server->url(QStringLiteral("/new")).toEncoded(), 308);
        m_server->route("/new", HttpResponse::ok("<rss/>", "application/rss+xml"));
        const FetchResult r = fetch(request(QStringLiteral("/old")));
        QCOMPARE(r.outcome, FetchResult::Fetched);
        QVERIFY(r.permanentRedirect);
        QCOMPARE(r.finalUrl, m_server->url(QStringLiteral("/new")));
        QCOMPARE(r.url, m_server->url(QStringLiteral("/old")));
        QCOMPARE(r.body, QByteArray("<rss/>"));
    }

    void temporaryRedirect()
    {
        m_server->redirect("/a", "/b", 301);
        m_server->redirect("/b", "sub/c", 302); // relative to /b
        m_server->route("/sub/c", HttpResponse::ok("<rss/>", "application/rss+xml"));
        const FetchResult r = fetch(request(QStringLiteral("/a")));
        QCOMPARE(r.outcome, FetchResult::Fetched);
        QVERIFY(!r.permanentRedirect);
        QCOMPARE(r.finalUrl, m_server->url(QStringLiteral("/sub/c")));
    }

    void redirectLoop()
    {
        m_server->redirect("/x", "/y", 301);
        m_server->redirect("/y", "/x", 301);
        const FetchResult r = fetch(request(QStringLiteral("/x")));
        QCOMPARE(r.outcome, FetchResult::Failed);
        QVERIFY2(r.error.contains(QLatin1String("loop")), qPrintable(r.error));
        QVERIFY(r.error.contains(m_server->url(QStringLiteral("/x")).toString()));
        QCOMPARE(r.attempts, 1);
    }

    void tooManyRedirects()
    {
        for (int i = 0; i < 5; ++i)
            m_server->redirect("/r" + QByteArray::number(i), "/r" + QByteArray::number(i + 1));
        FetchPolicy policy = quickPolicy();
        policy.maxRedirects = 3;
        fetcher(policy);
        const FetchResult r = fetch(request(QStringLiteral("/r0")));
        QCOMPARE(r.outcome, FetchResult::Failed);
        QVERIFY2(r.error.contains(QLatin1String("More than 3 redirects")), qPrintable(r.error));
    }

    void transferTimeout()
    {
        HttpResponse late = HttpResponse::ok("late", "text/plain");
        late.delayMs = 3000;
        m_server->route("/late", late);
        FetchPolicy policy = quickPolicy();
        policy.transferTimeoutMs = 300;
        policy.retries = 1;
        fetcher(policy);
        QElapsedTimer clock;
        clock.start();
        const FetchResult r = fetch(request(QStringLiteral("/late")));
        QCOMPARE(r.outcome, FetchResult::Failed);
        QCOMPARE(r.error, QStringLiteral("Timed out after 0.3 s without data."));
        QCOMPARE(r.attempts, 2); // a timeout is worth another try
        QVERIFY2(clock.elapsed() < 2900, qPrintable(QString::number(clock.elapsed())));
    }

    void tricklingBodyKeepsTheTimerAlive()
    {
        HttpResponse slow = HttpResponse::ok(QByteArray(2000, 't'), "text/plain");
        slow.trickleBytes = 200;
        slow.trickleIntervalMs = 100; // ~1 s in all, never 300 ms without data
        m_server->route("/trickle", slow);
        FetchPolicy policy = quickPolicy();
        policy.transferTimeoutMs = 300;
        fetcher(policy);
        const FetchResult r = fetch(request(QStringLiteral("/trickle")));
        QCOMPARE(r.outcome, FetchResult::Fetched);
        QCOMPARE(r.body, QByteArray(2000, 't'));
        QCOMPARE(r.attempts, 1);
    }

    void totalTimeout()
    {
        HttpResponse slow = HttpResponse::ok(QByteArray(2000, 't'), "text/plain");
        slow.trickleBytes = 100;
        slow.trickleIntervalMs = 100;
        m_server->route("/trickle", slow);
        FetchPolicy policy = quickPolicy();
        policy.totalTimeoutMs = 400;
        fetcher(policy);
        const FetchResult r = fetch(request(QStringLiteral("/trickle")));
        QCOMPARE(r.outcome, FetchResult::Failed);
        QVERIFY2(r.error.contains(QLatin1String("took too long")), qPrintable(r.error));
        QCOMPARE(r.attempts, 1);
    }

    void resetMidBody_data()
    {
        QTest::addColumn<bool>("chunked");
        QTest::addColumn<int>("coding");
        QTest::newRow("content-length") << false << int(ContentCoding::Identity);
        QTest::newRow("chunked") << true << int(ContentCoding::Identity);
        QTest::newRow("gzip") << false << int(ContentCoding::Gzip);
        QTest::newRow("gzip chunked") << true << int(ContentCoding::Gzip); // the stream's end
    }
    void resetMidBody()
    {
        QFETCH(bool, chunked);
        QFETCH(int, coding);
        HttpResponse cut = HttpResponse::ok(QByteArray(100000, 'r'), "text/plain");
        cut.resetAfterBytes = 3000;
        cut.chunked = chunked;
        cut.coding = ContentCoding(coding);
        if (cut.coding != ContentCoding::Identity) {
            cut.body = sampleFeed(5000);
            cut.resetAfterBytes = int(encodeBody(cut.body, cut.coding).size() / 2);
        }
        m_server->route("/reset", cut);
        const FetchResult r = fetch(request(QStringLiteral("/reset")));
        if (r.outcome == FetchResult::Fetched) {
            // Qt 6.4 ends such a reply without an error, and a chunked identity body has nothing
            // left to check it against (Qt keeps the chunk framing to itself). Pinned here so
            // that a Qt that gets it right shows up.
            QVERIFY(chunked && cut.coding == ContentCoding::Identity);
            QVERIFY(r.body.size() < cut.body.size());
            QSKIP("Qt 6.4 takes a cut chunked body for a complete one (see ARCHITECTURE.md)");
        }
        QCOMPARE(r.outcome, FetchResult::Failed);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(r.attempts, 3); // retried twice
        QVERIFY(m_server->hits("/reset") >= 3);
        qInfo("%s", qPrintable(r.error));
        QVERIFY2(r.error.contains(QLatin1String("closed")), qPrintable(r.error));
        if (!chunked) {
            const qint64 total = encodeBody(cut.body, cut.coding).size();
            QVERIFY2(
                r.error.contains(
                    QStringLiteral("of %1 bytes").arg(QLocale(QLocale::English).toString(total))),
                qPrintable(r.error));
        }
    }

    void notFound()
    {
        const FetchResult r = fetch(request(QStringLiteral("/missing")));
        QCOMPARE(r.outcome, FetchResult::Failed);
        QCOMPARE(r.httpStatus, 404);
        QCOMPARE(r.error, QStringLiteral("The server answered 404 Not Found."));
        QCOMPARE(r.attempts, 1); // not worth another try
    }

    void gone()
    {
        m_server->route("/gone", HttpResponse::error(410));
        const FetchResult r = fetch(request(QStringLiteral("/gone")));
        QCOMPARE(r.outcome, FetchResult::Gone);
        QCOMPARE(r.httpStatus, 410);
        QCOMPARE(r.attempts, 1);
    }

    void retryAfterHoldsTheHost()
    {
        HttpResponse busy = HttpResponse::error(429);
        busy.retryAfterSecs = 2;
        m_server->route("/busy", busy);
        QElapsedTimer clock;
        qint64 otherArrived = -1;
        m_server->route("/other", [&](const HttpRequest &) {
            otherArrived = clock.elapsed();
            return HttpResponse::ok("ok", "text/plain");
        });
        const FetchResult r = fetch(request(QStringLiteral("/busy")));
        clock.start();
        QCOMPARE(r.outcome, FetchResult::Failed);
        QCOMPARE(r.httpStatus, 429);
        QCOMPARE(r.attempts, 1);
        QVERIFY(r.retryAfter.isValid());
        const qint64 wait = QDateTime::currentDateTimeUtc().msecsTo(r.retryAfter);
        QVERIFY2(wait > 1000 && wait <= 2100, qPrintable(QString::number(wait)));

        const FetchResult other = fetch(request(QStringLiteral("/other")));
        QCOMPARE(other.outcome, FetchResult::Fetched);
        // Generous bounds: the point is that it waited, not how precisely.
        QVERIFY2(otherArrived >= 1000 && otherArrived < 8000,
                 qPrintable(QString::number(otherArrived)));
    }

    void longRetryAfterFailsAtOnce()
    {
        HttpResponse busy = HttpResponse::error(503);
        busy.retryAfterSecs = 3600;
        m_server->route("/busy", busy);
        m_server->route("/other", HttpResponse::ok("ok", "text/plain"));
        const QList<FetchResult> results = run({request(QStringLiteral("/busy"))});
        QCOMPARE(results.size(), 1);
        QCOMPARE(results[0].attempts, 1); // a 503 with Retry-After is not retried here
        const QList<FetchResult> later = run({request(QStringLiteral("/other"))});
        QCOMPARE(later.size(), 1);
        QCOMPARE(later[0].outcome, FetchResult::Failed);
        QCOMPARE(later[0].attempts, 0);
        QVERIFY(later[0].retryAfter.isValid());
        QVERIFY2(later[0].error.contains(QLatin1String("asked to wait")),
                 qPrintable(later[0].error));
        QCOMPARE(m_server->hits("/other"), 0);
    }

    void serverErrorIsRetried()
    {
        int calls = 0;
        m_server->route("/flaky", [&calls](const HttpRequest &) {
            return ++calls == 1 ? HttpResponse::error(500) : HttpResponse::ok("<rss/>", "text/xml");
        });
        const FetchResult r = fetch(request(QStringLiteral("/flaky")));
        QCOMPARE(r.outcome, FetchResult::Fetched);
        QCOMPARE(r.attempts, 2);
        QCOMPARE(r.body, QByteArray("<rss/>"));
    }

    void compressedBodies_data()
    {
        QTest::addColumn<int>("coding");
        QTest::addColumn<bool>("chunked");
        QTest::newRow("gzip") << int(ContentCoding::Gzip) << false;
        QTest::newRow("gzip chunked") << int(ContentCoding::Gzip) << true;
        QTest::newRow("deflate") << int(ContentCoding::Deflate) << false;
        QTest::newRow("br") << int(ContentCoding::Brotli) << false;
    }
    void compressedBodies()
    {
        QFETCH(int, coding);
        QFETCH(bool, chunked);
        if (ContentCoding(coding) == ContentCoding::Brotli && !haveBrotliEncoder())
            QSKIP("built without libbrotlienc");
        HttpResponse response = HttpResponse::ok(sampleFeed(2000), "application/rss+xml");
        response.coding = ContentCoding(coding);
        response.chunked = chunked;
        m_server->route("/z", response);
        const FetchResult r = fetch(request(QStringLiteral("/z")));
        QCOMPARE(r.outcome, FetchResult::Fetched);
        QCOMPARE(r.body, sampleFeed(2000));
        QCOMPARE(r.contentHash,
                 QCryptographicHash::hash(sampleFeed(2000), QCryptographicHash::Sha1));
        QVERIFY(m_server->requests().constLast().header("Accept-Encoding").contains("br"));
    }

    void zstdBody()
    {
        const QByteArray text = sampleFeed(2000);
        QByteArray packed(qsizetype(ZSTD_compressBound(size_t(text.size()))), Qt::Uninitialized);
        const size_t size =
            ZSTD_compress(packed.data(), size_t(packed.size()), text.constData(), text.size(), 3);
        QVERIFY(!ZSTD_isError(size));
        packed.resize(qsizetype(size));
        HttpResponse response = HttpResponse::ok(packed, "application/rss+xml");
        response.headers = {{"Content-Encoding", "zstd"}};
        m_server->route("/zstd", response);
        const FetchResult r = fetch(request(QStringLiteral("/zstd")));
        QCOMPARE(r.outcome, FetchResult::Fetched);
        QCOMPARE(r.body, text);
    }

    void bodyOverTheCap_data()
    {
        QTest::addColumn<bool>("chunked");
        QTest::newRow("content-length") << false; // refused from the head
        QTest::newRow("chunked") << true;         // stopped while reading
    }
    void bodyOverTheCap()
    {
        QFETCH(bool, chunked);
        HttpResponse big = HttpResponse::ok(QByteArray(300 * 1024, 'b'), "text/plain");
        big.chunked = chunked;
        m_server->route("/big", big);
        FetchPolicy policy = quickPolicy();
        policy.maxBodyBytes = 64 * 1024;
        fetcher(policy);
        const FetchResult r = fetch(request(QStringLiteral("/big")));
        QCOMPARE(r.outcome, FetchResult::Failed);
        QCOMPARE(r.error, QStringLiteral("The response is larger than the 64 KB limit."));
        QVERIFY(r.body.isEmpty());
        QCOMPARE(r.attempts, 1);
    }

    void basicAuth()
    {
        m_server->route("/private", [](const HttpRequest &request) {
            return request.header("Authorization") == "Basic dXNlcjpwYXNz"
                       ? HttpResponse::ok("<rss/>", "text/xml")
                       : HttpResponse::error(401);
        });
        FetchRequest r = request(QStringLiteral("/private"));
        QCOMPARE(fetch(r).httpStatus, 401);
        r.user = QStringLiteral("user");
        r.password = QStringLiteral("pass");
        QCOMPARE(fetch(r).outcome, FetchResult::Fetched);
    }

    void perHostConcurrency()
    {
        QElapsedTimer clock;
        clock.start();
        QList<qint64> arrivals;
        constexpr int kDelayMs = 400;
        m_server->route("/slow", [&](const HttpRequest &) {
            arrivals.append(clock.elapsed());
            HttpResponse response = HttpResponse::ok("<rss/>", "text/xml");
            response.delayMs = kDelayMs;
            return response;
        });
        QList<FetchRequest> requests;
        for (int i = 0; i < 6; ++i)
            requests.append(request(QStringLiteral("/slow?n=%1").arg(i), i));
        const QList<FetchResult> results = run(requests);
        QCOMPARE(results.size(), 6);
        for (const FetchResult &r : results)
            QCOMPARE(r.outcome, FetchResult::Fetched);
        QCOMPARE(arrivals.size(), 6);
        // A request is in flight for kDelayMs after it arrives; count overlaps with a margin.
        int most = 0;
        for (const qint64 at : std::as_const(arrivals)) {
            const auto overlapping =
                std::count_if(arrivals.cbegin(), arrivals.cend(), [&](qint64 other) {
                    return other <= at && other > at - (kDelayMs - 100);
                });
            most = qMax(most, int(overlapping));
        }
        QCOMPARE(most, 2);
    }

    void cancelAll()
    {
        HttpResponse slow = HttpResponse::ok("<rss/>", "text/xml");
        slow.delayMs = 3000;
        m_server->route("/slow", slow);
        Fetcher &f = fetcher();
        QSignalSpy idle(&f, &Fetcher::idle);
        for (int i = 0; i < 5; ++i)
            f.enqueue(request(QStringLiteral("/slow?n=%1").arg(i), i));
        QCOMPARE(f.pending(), 5);
        QTRY_VERIFY_WITH_TIMEOUT(m_server->hits("/slow") >= 2, 5000);
        f.cancelAll();
        QCOMPARE(f.pending(), 0);
        QCOMPARE(idle.size(), 1);
        QTest::qWait(200);
        QVERIFY(m_results.isEmpty());
        QCOMPARE(idle.size(), 1);
        QCOMPARE(m_server->hits("/slow"), 2); // the waiting three never went out

        // Still usable afterwards.
        m_server->route("/fast", HttpResponse::ok("<rss/>", "text/xml"));
        QCOMPARE(fetch(request(QStringLiteral("/fast"))).outcome, FetchResult::Fetched);
    }

    void notAWebAddress()
    {
        FetchRequest r;
        r.url = QUrl(QStringLiteral("file:///etc/passwd"));
        const FetchResult result = fetch(r);
        QCOMPARE(result.outcome, FetchResult::Failed);
        QVERIFY(result.error.contains(QLatin1String("not a web address")));
    }
};

QTEST_GUILESS_MAIN(FetcherTest)
#include "test_fetcher.moc"
