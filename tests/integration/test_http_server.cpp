// TestHttpServer driven by a real QNetworkAccessManager over loopback.

#include "TestHttpServer.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QtTest>

#include <memory>

using namespace bs::test;

namespace
{

struct Result {
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int status = 0;
    QByteArray body;
    QUrl url;
    QNetworkReply *reply = nullptr; // valid until the manager goes
};

} // namespace

class TestHttpServerTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;

    Result get(const QString &path, const QList<std::pair<QByteArray, QByteArray>> &headers = {},
               int timeoutMs = 10000)
    {
        QNetworkRequest request(m_server->url(path));
        request.setMaximumRedirectsAllowed(5);
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        QNetworkReply *reply = m_nam->get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(timeoutMs);
        Result r;
        r.reply = reply;
        r.error = reply->error();
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.url = reply->url();
        return r;
    }

private slots:
    void init()
    {
        m_server = std::make_unique<TestHttpServer>();
        QVERIFY(m_server->listen());
        QVERIFY(m_server->port() > 0);
        m_nam = std::make_unique<QNetworkAccessManager>();
    }
    void cleanup()
    {
        m_nam.reset();
        m_server.reset();
    }

    void plainOk()
    {
        m_server->route("/hello", HttpResponse::ok("Hello, 世界\n", "text/plain; charset=utf-8"));
        const Result r = get(QStringLiteral("/hello?x=1"), {{"X-Test", "yes"}});
        QCOMPARE(r.error, QNetworkReply::NoError);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("Hello, 世界\n"));
        QCOMPARE(r.reply->header(QNetworkRequest::ContentTypeHeader).toString(),
                 QStringLiteral("text/plain; charset=utf-8"));
        QCOMPARE(m_server->hits("/hello"), 1);
        const HttpRequest logged = m_server->requests().constLast();
        QCOMPARE(logged.method, QByteArray("GET"));
        QCOMPARE(logged.path, QByteArray("/hello"));
        QCOMPARE(logged.target, QByteArray("/hello?x=1"));
        QCOMPARE(logged.header("x-test"), QByteArray("yes"));
        QVERIFY(!logged.header("Host").isEmpty());
    }

    void unroutedIs404()
    {
        const Result r = get(QStringLiteral("/nothing"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.error, QNetworkReply::ContentNotFoundError);
        QCOMPARE(m_server->hits("/nothing"), 1);
    }

    void keepAliveServesSeveralRequests()
    {
        m_server->route("/a", HttpResponse::ok("a", "text/plain"));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(get(QStringLiteral("/a")).body, QByteArray("a"));
        QCOMPARE(m_server->hits("/a"), 3);
        QCOMPARE(m_server->requests().size(), 3);
    }

    void postBodyIsLogged()
    {
        m_server->route("/echo", [](const HttpRequest &request) {
            return HttpResponse::ok(request.method + ' ' + request.body, "text/plain");
        });
        QNetworkRequest request(m_server->url(QStringLiteral("/echo")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("text/plain"));
        QNetworkReply *reply = m_nam->post(request, QByteArray("payload"));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->readAll(), QByteArray("POST payload"));
        QCOMPARE(m_server->requests().constLast().body, QByteArray("payload"));
    }

    void etagGives304()
    {
        HttpResponse feed = HttpResponse::ok("<rss/>", "application/rss+xml");
        feed.etag = "\"v1\"";
        m_server->route("/feed.xml", feed);
        Result r = get(QStringLiteral("/feed.xml"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.reply->rawHeader("ETag"), QByteArray("\"v1\""));
        r = get(QStringLiteral("/feed.xml"), {{"If-None-Match", "\"v1\""}});
        QCOMPARE(r.status, 304);
        QVERIFY(r.body.isEmpty());
        r = get(QStringLiteral("/feed.xml"), {{"If-None-Match", "W/\"v0\", \"v2\""}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("<rss/>"));
        QCOMPARE(m_server->hits("/feed.xml"), 3);
    }

    void lastModifiedGives304()
    {
        HttpResponse feed = HttpResponse::ok("<rss/>", "application/rss+xml");
        feed.lastModified = "Wed, 01 May 2024 10:00:00 GMT";
        m_server->route("/feed.xml", feed);
        QCOMPARE(get(QStringLiteral("/feed.xml"),
                     {{"If-Modified-Since", "Wed, 01 May 2024 10:00:00 GMT"}})
                     .status,
                 304);
        QCOMPARE(get(QStringLiteral("/feed.xml"),
                     {{"If-Modified-Since", "Thu, 02 May 2024 08:00:00 GMT"}})
                     .status,
                 304);
        QCOMPARE(get(QStringLiteral("/feed.xml"),
                     {{"If-Modified-Since", "Tue, 30 Apr 2024 10:00:00 GMT"}})
                     .status,
                 200);
    }

    void redirectChain()
    {
        m_server->redirect("/a", "/b", 301);
        m_server->redirect("/b", m_server->url(QStringLiteral("/c")).toEncoded(), 302);
        m_server->redirect("/c", "/d", 307);
        m_server->redirect("/d", "/final", 308);
        m_server->route("/final", HttpResponse::ok("landed", "text/plain"));
        const Result r = get(QStringLiteral("/a"));
        QCOMPARE(r.error, QNetworkReply::NoError);
        QCOMPARE(r.body, QByteArray("landed"));
        QCOMPARE(r.url, m_server->url(QStringLiteral("/final")));
        // At least once: Qt 6.4's QNetworkAccessManager now and then sends a request that got
        // a redirect a second time on the same connection (seen with strace), so exact counts
        // are only asserted with the raw client below.
        for (const char *path : {"/a", "/b", "/c", "/d", "/final"})
            QVERIFY2(m_server->hits(path) >= 1, path);
    }

    void redirectLoopFails()
    {
        m_server->redirect("/x", "/y");
        m_server->redirect("/y", "/x");
        const Result r = get(QStringLiteral("/x"));
        QCOMPARE(r.error, QNetworkReply::TooManyRedirectsError);
        QVERIFY(m_server->hits("/x") >= 2);
    }

    void compressedBodiesAreDecoded_data()
    {
        QTest::addColumn<int>("coding");
        QTest::addColumn<bool>("chunked");
        QTest::newRow("gzip") << int(ContentCoding::Gzip) << false;
        QTest::newRow("gzip chunked") << int(ContentCoding::Gzip) << true;
        QTest::newRow("deflate") << int(ContentCoding::Deflate) << false;
        QTest::newRow("br") << int(ContentCoding::Brotli) << false;
    }
    void compressedBodiesAreDecoded()
    {
        QFETCH(int, coding);
        QFETCH(bool, chunked);
        if (ContentCoding(coding) == ContentCoding::Brotli && !haveBrotliEncoder())
            QSKIP("built without libbrotlienc");
        QByteArray text;
        for (int i = 0; i < 2000; ++i)
            text += "<item>line " + QByteArray::number(i) + " 新闻</item>\n";
        HttpResponse response = HttpResponse::ok(text, "application/xml");
        response.coding = ContentCoding(coding);
        response.chunked = chunked;
        m_server->route("/z", response);
        const Result r = get(QStringLiteral("/z"));
        const QByteArray accepted = m_server->requests().constLast().header("Accept-Encoding");
        if (ContentCoding(coding) == ContentCoding::Brotli && !accepted.contains("br"))
            QSKIP("this Qt does not decode brotli");
        QCOMPARE(r.error, QNetworkReply::NoError);
        QCOMPARE(r.body.size(), text.size());
        QCOMPARE(r.body, text);
        QVERIFY(encodeBody(text, ContentCoding(coding)).size() < text.size() / 4);
    }

    void chunkedBody()
    {
        HttpResponse response = HttpResponse::ok(QByteArray(5000, 'x'), "text/plain");
        response.chunked = true;
        m_server->route("/chunks", response);
        const Result r = get(QStringLiteral("/chunks"));
        QCOMPARE(r.error, QNetworkReply::NoError);
        QCOMPARE(r.body, QByteArray(5000, 'x'));
        QVERIFY(r.reply->rawHeader("Content-Length").isEmpty());
    }

    void resetMidBodyIsAnError_data()
    {
        QTest::addColumn<bool>("chunked");
        QTest::newRow("content-length") << false;
        QTest::newRow("chunked") << true;
    }
    void resetMidBodyIsAnError()
    {
        QFETCH(bool, chunked);
        HttpResponse response = HttpResponse::ok(QByteArray(100000, 'r'), "text/plain");
        response.chunked = chunked;
        response.resetAfterBytes = 3000;
        m_server->route("/reset", response);
        const Result r = get(QStringLiteral("/reset"));
        QVERIFY(r.body.size() <= 3000);
        // Qt 6.4's QNetworkAccessManager usually fails such a reply with RemoteHostClosedError,
        // but now and then reports NoError with the cut body (for Content-Length bodies too), so
        // a client must compare what it got with Content-Length. The server side is pinned
        // byte for byte by rawResetMidBody.
        if (r.error == QNetworkReply::NoError && !chunked)
            QVERIFY(r.body.size() < r.reply->header(QNetworkRequest::ContentLengthHeader).toInt());
        else if (r.error != QNetworkReply::NoError)
            QCOMPARE(r.error, QNetworkReply::RemoteHostClosedError);
    }

    void slowBodyArrivesInPieces()
    {
        HttpResponse response = HttpResponse::ok(QByteArray(500, 's'), "text/plain");
        response.trickleBytes = 100;
        response.trickleIntervalMs = 60;
        m_server->route("/slow", response);
        QElapsedTimer clock;
        clock.start();
        QNetworkReply *reply = m_nam->get(QNetworkRequest(m_server->url(QStringLiteral("/slow"))));
        QSignalSpy progress(reply, &QNetworkReply::downloadProgress);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->readAll(), QByteArray(500, 's'));
        QVERIFY(clock.elapsed() >= 200); // four intervals between five pieces
        QVERIFY(progress.size() >= 3);
    }

    void delayedResponseTimesOut()
    {
        HttpResponse response = HttpResponse::ok("late", "text/plain");
        response.delayMs = 3000;
        m_server->route("/late", response);
        QNetworkRequest request(m_server->url(QStringLiteral("/late")));
        request.setTransferTimeout(300);
        QNetworkReply *reply = m_nam->get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->error(), QNetworkReply::OperationCanceledError);
    }

    void retryAfter()
    {
        HttpResponse busy = HttpResponse::error(503);
        busy.retryAfterSecs = 120;
        m_server->route("/busy", busy);
        const Result r = get(QStringLiteral("/busy"));
        QCOMPARE(r.status, 503);
        QCOMPARE(r.reply->rawHeader("Retry-After"), QByteArray("120"));
    }

    // What the server sends, byte for byte, to a plain socket.
    QByteArray rawExchange(const QByteArray &requests, QAbstractSocket::SocketError *error)
    {
        QTcpSocket socket;
        QByteArray received;
        connect(&socket, &QTcpSocket::readyRead, &socket, [&] { received += socket.readAll(); });
        QSignalSpy closed(&socket, &QTcpSocket::disconnected);
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        socket.write(requests);
        if (!closed.wait(10000))
            qWarning("the server did not close the connection");
        received += socket.readAll();
        *error = socket.error();
        return received;
    }

    void rawKeepAliveAndPipelining()
    {
        m_server->route("/a", HttpResponse::ok("A", "text/plain"));
        m_server->redirect("/r", "/a", 301);
        QAbstractSocket::SocketError error;
        const QByteArray received =
            rawExchange("GET /a HTTP/1.1\r\nHost: x\r\n\r\n"
                        "GET /r HTTP/1.1\r\nHost: x\r\n\r\n"
                        "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nConnection: "
                        "close\r\n\r\nxyz",
                        &error);
        QCOMPARE(error, QAbstractSocket::RemoteHostClosedError); // closed as asked
        QCOMPARE(received.count("HTTP/1.1 200 OK\r\n"), 2);
        QCOMPARE(received.count("HTTP/1.1 301 Moved Permanently\r\n"), 1);
        QVERIFY(received.contains("Location: /a\r\n"));
        QVERIFY(received.endsWith("Connection: close\r\n\r\nA"));
        QCOMPARE(m_server->hits("/a"), 2);
        QCOMPARE(m_server->hits("/r"), 1);
        const QList<HttpRequest> log = m_server->requests();
        QCOMPARE(log.size(), 3);
        QCOMPARE(log[2].method, QByteArray("POST"));
        QCOMPARE(log[2].body, QByteArray("xyz"));
        QCOMPARE(log[0].clientPort, log[2].clientPort); // one connection
    }

    void rawResetMidBody()
    {
        HttpResponse response = HttpResponse::ok(QByteArray(5000, 'c'), "text/plain");
        response.resetAfterBytes = 1500;
        m_server->route("/cut", response);
        QAbstractSocket::SocketError error;
        QByteArray received = rawExchange("GET /cut HTTP/1.1\r\nHost: x\r\n\r\n", &error);
        QCOMPARE(error, QAbstractSocket::RemoteHostClosedError); // Qt's name for the reset
        QVERIFY(received.contains("Content-Length: 5000\r\n"));
        QCOMPARE(received.mid(received.indexOf("\r\n\r\n") + 4), QByteArray(1500, 'c'));

        // Chunked: one whole 1024-byte chunk, then a chunk announced whole and cut after 476.
        response.chunked = true;
        m_server->route("/cut", response);
        received = rawExchange("GET /cut HTTP/1.1\r\nHost: x\r\n\r\n", &error);
        QCOMPARE(error, QAbstractSocket::RemoteHostClosedError);
        QVERIFY(received.contains("Transfer-Encoding: chunked\r\n"));
        QCOMPARE(received.mid(received.indexOf("\r\n\r\n") + 4),
                 "400\r\n" + QByteArray(1024, 'c') + "\r\n400\r\n" + QByteArray(476, 'c'));
    }

    void handlerSeesEachRequest()
    {
        int calls = 0;
        m_server->route("/count", [&calls](const HttpRequest &) {
            ++calls;
            return calls == 1 ? HttpResponse::error(429) : HttpResponse::ok("ok", "text/plain");
        });
        QCOMPARE(get(QStringLiteral("/count")).status, 429);
        QCOMPARE(get(QStringLiteral("/count")).status, 200);
        QCOMPARE(m_server->hits("/count"), 2);
    }
};

QTEST_GUILESS_MAIN(TestHttpServerTest)
#include "test_http_server.moc"
