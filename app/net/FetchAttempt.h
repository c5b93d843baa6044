#pragma once

#include "net/BodyDecoder.h"
#include "net/FetchPolicy.h"
#include "net/FetchRequest.h"
#include "net/FetchResult.h"

#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace bs
{

// One attempt at a FetchRequest: the GET, its redirects (followed here, so that permanent and
// temporary ones can be told apart and loops stopped), the idle and total timers, the body cap,
// and the check of the body against Content-Length. done() follows start() exactly once unless
// the attempt is aborted; the Fetcher decides about retries.
class FetchAttempt : public QObject
{
    Q_OBJECT
public:
    FetchAttempt(QNetworkAccessManager &network, const FetchRequest &request,
                 const FetchPolicy &policy, QObject *parent = nullptr);
    ~FetchAttempt() override;

    void start();
    // Stops without done().
    void abort();

signals:
    // transient: another attempt may go better (timeouts, resets, cut bodies, 5xx).
    void done(const bs::FetchResult &result, bool transient);

private:
    enum class Stop { None, Idle, Total, TooLarge, Undecodable };

    void send(const QUrl &url);
    void headReceived();
    bool prepareDecoder(); // for a 2xx answer
    void readBody();
    Stop consume(const QByteArray &raw);
    void replyFinished();
    void followRedirect(int status);
    void stop(Stop reason);
    void finish(FetchResult::Outcome outcome, const QString &error = {}, bool transient = false);
    void dropReply();

    QNetworkAccessManager &m_network;
    const FetchRequest m_request;
    const FetchPolicy m_policy;
    QNetworkReply *m_reply = nullptr;
    QTimer m_idleTimer;
    QTimer m_totalTimer;
    Stop m_stop = Stop::None;
    QUrl m_url; // being requested now
    QSet<QUrl> m_seen;
    int m_redirects = 0;
    bool m_permanent = true;
    bool m_sendAuth = false;
    std::unique_ptr<BodyDecoder> m_decoder; // only for a 2xx answer: other bodies are dropped
    qint64 m_rawBytes = 0;                  // as they came over the wire
    QByteArray m_body;                      // decoded
    QStringList m_tlsErrors;
    FetchResult m_result;
    bool m_done = false;
};

} // namespace bs
