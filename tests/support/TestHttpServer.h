#pragma once

#include "HttpEncoding.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <utility>

class QTcpServer;

namespace bs::test
{

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

// One request as the server received it.
struct HttpRequest {
    QByteArray method;
    QByteArray target; // path and query as sent: "/feed.xml?page=2"
    QByteArray path;   // the target without its query: "/feed.xml"
    HttpHeaders headers;
    QByteArray body;
    quint16 clientPort = 0; // tells the connections apart (keep-alive)

    // The first value of a header (name compared case-insensitively); empty when absent.
    QByteArray header(const QByteArray &name) const;
};

// What a route answers, and how it sends it.
struct HttpResponse {
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("text/plain; charset=utf-8"); // empty: none
    QByteArray body;
    HttpHeaders headers; // extra headers, sent as given after the ones below

    // Validators, sent with the response. A GET or HEAD whose If-None-Match lists the ETag
    // (or, without If-None-Match, whose If-Modified-Since is not older than Last-Modified)
    // gets 304 Not Modified without a body.
    QByteArray etag;         // quoted: "\"v1\""
    QByteArray lastModified; // HTTP date: "Sun, 06 Nov 1994 08:49:37 GMT"
    QByteArray location;     // Location header (redirects)
    int retryAfterSecs = -1; // Retry-After header when >= 0

    // The body is compressed and Content-Encoding set whatever the request's Accept-Encoding.
    ContentCoding coding = ContentCoding::Identity;
    bool chunked = false; // Transfer-Encoding: chunked instead of Content-Length

    int delayMs = 0;            // wait this long before sending anything (timeouts)
    int trickleBytes = 0;       // > 0: send the body this many bytes at a time...
    int trickleIntervalMs = 50; // ...one piece per interval
    // >= 0: reset the connection (TCP RST) after this many bytes of the (encoded) body.
    int resetAfterBytes = -1;

    static HttpResponse ok(const QByteArray &body, const QByteArray &contentType);
    static HttpResponse redirect(const QByteArray &location, int status = 302);
    static HttpResponse error(int status, const QByteArray &body = {});
};

// A small HTTP/1.1 server on 127.0.0.1 for tests. It runs in the thread that creates it,
// driven by that thread's event loop (QSignalSpy::wait, QTRY_*, QEventLoop), so a test that
// blocks without spinning the loop gets no answer. Keep-alive and several connections are
// supported; request bodies need Content-Length (no chunked uploads). Unrouted paths get 404.
class TestHttpServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;

    explicit TestHttpServer(QObject *parent = nullptr);
    ~TestHttpServer() override;

    // Listens on 127.0.0.1 with an ephemeral port.
    bool listen();
    quint16 port() const;
    // http://127.0.0.1:PORT + pathAndQuery
    QUrl url(const QString &pathAndQuery = QStringLiteral("/")) const;

    void route(const QByteArray &path, const HttpResponse &response);
    void route(const QByteArray &path, Handler handler);
    void redirect(const QByteArray &from, const QByteArray &to, int status = 302);

    // Requests received for a path (routed or not).
    int hits(const QByteArray &path) const { return m_hits.value(path); }
    // Every request received, in order of arrival.
    QList<HttpRequest> requests() const { return m_log; }
    void clearLog();

private:
    void acceptConnections();
    HttpResponse respond(const HttpRequest &request);

    QTcpServer *m_server;
    QHash<QByteArray, Handler> m_routes;
    QHash<QByteArray, int> m_hits;
    QList<HttpRequest> m_log;
};

} // namespace bs::test
