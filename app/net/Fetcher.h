#pragma once

#include "net/FetchPolicy.h"
#include "net/FetchQueue.h"
#include "net/FetchRequest.h"
#include "net/FetchResult.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

class QNetworkAccessManager;

namespace bs
{

class FetchAttempt;

// Downloads feeds politely: conditional GET with the stored validators, at most
// perHostConcurrency requests per host and globalConcurrency in all, hosts that answered
// 429/503 with Retry-After left alone until then, transient failures retried with exponential
// backoff and jitter, redirects followed by hand (FetchAttempt). Runs on the event loop of the
// thread the network manager lives in; the Fetcher must live there too.
//
// Proxies: the manager uses whatever proxy factory the application set. Turning on the
// system's proxy settings (QNetworkProxyFactory::setUseSystemConfiguration(true)) is global,
// so the application does it once at start-up, not the Fetcher.
// TLS errors fail the request; they are never ignored.
class Fetcher : public QObject
{
    Q_OBJECT
public:
    explicit Fetcher(QNetworkAccessManager &network, const FetchPolicy &policy = {},
                     QObject *parent = nullptr);
    ~Fetcher() override;

    const FetchPolicy &policy() const { return m_policy; }

    // Queues a request; finished() reports it once, from the event loop.
    void enqueue(const FetchRequest &request);
    // Drops the waiting requests and aborts the running ones. No finished() follows for any
    // of them; idle() follows (at once) when there was work.
    void cancelAll();
    // Requests queued, waiting for a retry or running.
    int pending() const;

signals:
    void finished(const bs::FetchResult &result);
    // The last pending request ended.
    void idle();

private:
    void scheduleSoon();
    void schedule();
    void start(QueuedFetch fetch);
    void attemptDone(FetchAttempt *attempt, const FetchResult &result, bool transient);
    void report(const FetchResult &result);
    qint64 backoffMs(int attempts) const;

    QNetworkAccessManager &m_network;
    const FetchPolicy m_policy;
    FetchQueue m_queue;
    QHash<FetchAttempt *, QueuedFetch> m_running;
    QElapsedTimer m_clock;
    QTimer m_wake;
    bool m_scheduled = false;
    bool m_busy = false;
};

} // namespace bs
