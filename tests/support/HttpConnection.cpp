#include "HttpConnection.h"

#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace bs::test
{

namespace
{

constexpr qsizetype kMaxHead = 64 * 1024;
constexpr qsizetype kChunk = 1024; // chunk size of chunked bodies sent in one go
// How long the client gets to read what was sent before the reset. When data and the reset
// arrive together, QNetworkAccessManager (Qt 6.4) may take a cut body for a complete one.
constexpr int kResetDelayMs = 100;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 410:
        return "Gone";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

bool hasBody(int status, bool headOnly)
{
    return !headOnly && status >= 200 && status != 204 && status != 304;
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, Responder responder, QObject *parent)
    : QObject(parent), m_socket(socket), m_responder(std::move(responder))
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readRequests);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_resetPending && m_socket->bytesToWrite() == 0) {
            m_resetPending = false;
            scheduleReset();
        }
    });
    readRequests();
}

void HttpConnection::readRequests()
{
    m_buffer += m_socket->readAll();
    if (m_busy)
        return; // the next request waits until this response is complete
    HttpRequest request;
    if (!takeRequest(&request))
        return;
    const HttpResponse response = m_responder(request);
    start(request, response);
}

bool HttpConnection::takeRequest(HttpRequest *request)
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_buffer.size() > kMaxHead)
            fail(431);
        return false;
    }
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    if (first.size() != 3 || !first[2].startsWith("HTTP/1.")) {
        fail(400);
        return false;
    }
    HttpRequest r;
    r.method = first[0];
    r.target = first[1];
    r.path = r.target.left(r.target.indexOf('?') < 0 ? r.target.size() : r.target.indexOf('?'));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            r.headers.append({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
    }
    const qsizetype length = r.header("Content-Length").toLongLong();
    if (m_buffer.size() < end + 4 + length)
        return false;
    r.body = m_buffer.mid(end + 4, length);
    r.clientPort = m_socket->peerPort();
    m_buffer.remove(0, end + 4 + length);
    const QByteArray connection = r.header("Connection").toLower();
    m_closeAfter = connection.contains("close") ||
                   (first[2] == "HTTP/1.0" && !connection.contains("keep-alive"));
    *request = std::move(r);
    return true;
}

void HttpConnection::fail(int status)
{
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
                    "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    m_socket->disconnectFromHost();
}

void HttpConnection::start(const HttpRequest &request, HttpResponse response)
{
    m_busy = true;
    m_headOnly = request.method == "HEAD";
    m_response = std::move(response);
    m_payload = hasBody(m_response.status, false) ? encodeBody(m_response.body, m_response.coding)
                                                  : QByteArray();
    m_sent = 0;
    if (m_response.delayMs > 0) {
        QTimer::singleShot(m_response.delayMs, this, [this] {
            sendHead();
            sendBody();
        });
        return;
    }
    sendHead();
    sendBody();
}

void HttpConnection::sendHead()
{
    const HttpResponse &r = m_response;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reasonPhrase(r.status) +
                      "\r\nServer: broadsheet-test\r\n";
    if (hasBody(r.status, false)) {
        if (!r.contentType.isEmpty())
            head += "Content-Type: " + r.contentType + "\r\n";
        if (r.coding != ContentCoding::Identity)
            head += "Content-Encoding: " + contentCodingName(r.coding) + "\r\n";
        if (r.chunked)
            head += "Transfer-Encoding: chunked\r\n";
        else
            head += "Content-Length: " + QByteArray::number(m_payload.size()) + "\r\n";
    }
    if (!r.etag.isEmpty())
        head += "ETag: " + r.etag + "\r\n";
    if (!r.lastModified.isEmpty())
        head += "Last-Modified: " + r.lastModified + "\r\n";
    if (!r.location.isEmpty())
        head += "Location: " + r.location + "\r\n";
    if (r.retryAfterSecs >= 0)
        head += "Retry-After: " + QByteArray::number(r.retryAfterSecs) + "\r\n";
    for (const auto &[name, value] : r.headers)
        head += name + ": " + value + "\r\n";
    if (m_closeAfter)
        head += "Connection: close\r\n";
    m_socket->write(head + "\r\n");
}

void HttpConnection::sendBody()
{
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (!hasBody(m_response.status, m_headOnly)) {
        finish();
        return;
    }
    const qsizetype total = m_payload.size();
    const bool reset = m_response.resetAfterBytes >= 0;
    const qsizetype limit = reset ? qMin(qsizetype(m_response.resetAfterBytes), total) : total;
    const int trickle = m_response.trickleBytes;
    const qsizetype piece = trickle > 0 ? trickle : (m_response.chunked ? kChunk : total);
    while (m_sent < limit) {
        // A piece is framed whole (its chunk header announces all of it) even when the reset
        // cuts it short, as when a connection dies mid-transfer.
        const qsizetype framed = qMin(piece, total - m_sent);
        const qsizetype sent = qMin(framed, limit - m_sent);
        writeBodyPiece(m_payload.mid(m_sent, framed), sent);
        m_sent += sent;
        if (sent < framed)
            break;
        if (trickle > 0 && m_sent < limit) {
            QTimer::singleShot(m_response.trickleIntervalMs, this, &HttpConnection::sendBody);
            return;
        }
    }
    if (reset) {
        scheduleReset();
        return;
    }
    if (m_response.chunked)
        m_socket->write("0\r\n\r\n");
    finish();
}

void HttpConnection::writeBodyPiece(const QByteArray &piece, qsizetype sent)
{
    if (piece.isEmpty())
        return;
    if (!m_response.chunked) {
        m_socket->write(piece.left(sent));
        return;
    }
    QByteArray chunk = QByteArray::number(piece.size(), 16) + "\r\n" + piece.left(sent);
    if (sent == piece.size())
        chunk += "\r\n";
    m_socket->write(chunk);
}

void HttpConnection::finish()
{
    m_busy = false;
    if (m_closeAfter) {
        m_socket->disconnectFromHost();
        return;
    }
    if (!m_buffer.isEmpty())
        QTimer::singleShot(0, this, &HttpConnection::readRequests);
}

void HttpConnection::scheduleReset()
{
    if (m_socket->bytesToWrite() > 0) {
        m_resetPending = true; // again when the socket has written everything
        return;
    }
    QTimer::singleShot(kResetDelayMs, this, &HttpConnection::reset);
}

void HttpConnection::reset()
{
#ifdef Q_OS_UNIX
    // SO_LINGER with a zero timeout makes close() send RST instead of FIN.
    const linger noLinger{1, 0};
    ::setsockopt(int(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &noLinger,
                 sizeof noLinger);
#endif
    m_socket->abort();
    deleteLater();
}

} // namespace bs::test
