#include "TestHttpServer.h"

#include "HttpConnection.h"

#include <QDateTime>
#include <QLocale>
#include <QTcpServer>
#include <QTcpSocket>

namespace bs::test
{

namespace
{

QDateTime parseHttpDate(const QByteArray &text)
{
    // IMF-fixdate, the only form clients send today: "Sun, 06 Nov 1994 08:49:37 GMT".
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(text.trimmed()),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    when.setTimeSpec(Qt::UTC);
    return when;
}

QByteArray opaqueTag(QByteArray tag)
{
    tag = tag.trimmed();
    return tag.startsWith("W/") ? tag.mid(2) : tag;
}

// RFC 9110 13.1.2: weak comparison, "*" matches any current representation.
bool etagMatches(const QByteArray &ifNoneMatch, const QByteArray &etag)
{
    for (const QByteArray &candidate : ifNoneMatch.split(',')) {
        if (candidate.trimmed() == "*" || opaqueTag(candidate) == opaqueTag(etag))
            return true;
    }
    return false;
}

bool notModified(const HttpRequest &request, const HttpResponse &response)
{
    if (response.status != 200 || (request.method != "GET" && request.method != "HEAD"))
        return false;
    const QByteArray ifNoneMatch = request.header("If-None-Match");
    if (!ifNoneMatch.isEmpty())
        return !response.etag.isEmpty() && etagMatches(ifNoneMatch, response.etag);
    const QByteArray ifModifiedSince = request.header("If-Modified-Since");
    if (ifModifiedSince.isEmpty() || response.lastModified.isEmpty())
        return false;
    if (ifModifiedSince.trimmed() == response.lastModified.trimmed())
        return true;
    const QDateTime since = parseHttpDate(ifModifiedSince);
    const QDateTime modified = parseHttpDate(response.lastModified);
    return since.isValid() && modified.isValid() && modified <= since;
}

} // namespace

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpResponse HttpResponse::ok(const QByteArray &body, const QByteArray &contentType)
{
    HttpResponse r;
    r.body = body;
    r.contentType = contentType;
    return r;
}

HttpResponse HttpResponse::redirect(const QByteArray &location, int status)
{
    HttpResponse r;
    r.status = status;
    r.location = location;
    r.body = "Moved to " + location + '\n';
    return r;
}

HttpResponse HttpResponse::error(int status, const QByteArray &body)
{
    HttpResponse r;
    r.status = status;
    r.body = body.isEmpty() ? "Error " + QByteArray::number(status) + '\n' : body;
    return r;
}

TestHttpServer::TestHttpServer(QObject *parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &TestHttpServer::acceptConnections);
}

TestHttpServer::~TestHttpServer() = default;

bool TestHttpServer::listen()
{
    return m_server->isListening() || m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 TestHttpServer::port() const
{
    return m_server->serverPort();
}

QUrl TestHttpServer::url(const QString &pathAndQuery) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(pathAndQuery));
}

void TestHttpServer::route(const QByteArray &path, const HttpResponse &response)
{
    m_routes.insert(path, [response](const HttpRequest &) { return response; });
}

void TestHttpServer::route(const QByteArray &path, Handler handler)
{
    m_routes.insert(path, std::move(handler));
}

void TestHttpServer::redirect(const QByteArray &from, const QByteArray &to, int status)
{
    route(from, HttpResponse::redirect(to, status));
}

void TestHttpServer::clearLog()
{
    m_log.clear();
    m_hits.clear();
}

void TestHttpServer::acceptConnections()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection())
        new HttpConnection(
            socket, [this](const HttpRequest &request) { return respond(request); }, this);
}

HttpResponse TestHttpServer::respond(const HttpRequest &request)
{
    m_log.append(request);
    ++m_hits[request.path];
    const auto route = m_routes.constFind(request.path);
    if (route == m_routes.constEnd())
        return HttpResponse::error(404, "Not found: " + request.path + '\n');
    HttpResponse response = (*route)(request);
    if (notModified(request, response)) {
        response.status = 304;
        response.body.clear();
    }
    return response;
}

} // namespace bs::test
