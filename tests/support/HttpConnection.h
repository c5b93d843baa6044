#pragma once

#include "TestHttpServer.h"

#include <QObject>

class QTcpSocket;

namespace bs::test
{

// One accepted connection of TestHttpServer: reads requests (keep-alive, one at a time) and
// writes each response with its behaviours (delay, chunking, trickling, reset).
class HttpConnection : public QObject
{
public:
    using Responder = std::function<HttpResponse(const HttpRequest &)>;

    HttpConnection(QTcpSocket *socket, Responder responder, QObject *parent);

private:
    void readRequests();
    // Takes one complete request off the buffer; false when it is not complete yet.
    bool takeRequest(HttpRequest *request);
    void fail(int status);
    void start(const HttpRequest &request, HttpResponse response);
    void sendHead();
    void sendBody();
    // Writes the first `sent` bytes of a piece (chunk-framed when chunked).
    void writeBodyPiece(const QByteArray &piece, qsizetype sent);
    void finish();
    // Resets the connection once everything written so far is sent (and a moment later).
    void scheduleReset();
    void reset();

    QTcpSocket *m_socket;
    Responder m_responder;
    QByteArray m_buffer;
    bool m_busy = false;
    bool m_closeAfter = false;
    bool m_headOnly = false;
    bool m_resetPending = false;
    HttpResponse m_response;
    QByteArray m_payload;
    qsizetype m_sent = 0;
};

} // namespace bs::test
