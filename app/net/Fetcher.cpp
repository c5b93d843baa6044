#include "net/Fetcher.h"

#include "net/FetchAttempt.h"

#include <QRandomGenerator>

#include <limits>
#include <utility>

namespace bs
{

Fetcher::Fetcher(QNetworkAccessManager &network, const FetchPolicy &policy, QObject *parent)
    : QObject(parent), m_network(network), m_policy(policy),
      m_queue(policy.perHostConcurrency, policy.globalConcurrency)
{
    qRegisterMetaType<bs::FetchResult>();
    m_clock.start();
    m_wake.setSingleShot(true);
    connect(&m_wake, &QTimer::timeout, this, &Fetcher::schedule);
}

Fetcher::~Fetcher()
{
    const QList<FetchAttempt *> attempts = m_running.keys();
    m_running.clear();
    for (FetchAttempt *attempt : attempts) {
        attempt->abort();
        delete attempt;
    }
}

void Fetcher::enqueue(const FetchRequest &request)
{
    m_busy = true;
    m_queue.push(QueuedFetch{request, FetchQueue::hostKey(request.url), 0, 0});
    scheduleSoon();
}

void Fetcher::cancelAll()
{
    m_wake.stop();
    m_queue.clear();
    const QList<FetchAttempt *> attempts = m_running.keys();
    m_running.clear();
    for (FetchAttempt *attempt : attempts) {
        attempt->abort();
        attempt->deleteLater();
    }
    if (std::exchange(m_busy, false))
        emit idle();
}

int Fetcher::pending() const
{
    return m_queue.waiting() + int(m_running.size());
}

void Fetcher::scheduleSoon()
{
    // From the event loop: many enqueue() calls in a row start together, and nothing starts
    // (or reports) inside the caller's own call.
    if (std::exchange(m_scheduled, true))
        return;
    QTimer::singleShot(0, this, [this] {
        m_scheduled = false;
        schedule();
    });
}

void Fetcher::schedule()
{
    const qint64 now = m_clock.elapsed();
    // A host that asked for a long pause: fail its requests now rather than sit on them.
    const QList<QueuedFetch> held = m_queue.takeHeldPast(now + m_policy.maxHostWaitMs);
    for (const QueuedFetch &fetch : held) {
        const qint64 waitMs = m_queue.heldUntil(fetch.host) - now;
        FetchResult result;
        result.feedId = fetch.request.feedId;
        result.url = fetch.request.url;
        result.finalUrl = fetch.request.url;
        result.attempts = fetch.attempts;
        result.retryAfter = QDateTime::currentDateTimeUtc().addMSecs(waitMs);
        result.error =
            QStringLiteral("The server asked to wait %1 before the next request; not fetched.")
                .arg(QStringLiteral("%1 s").arg((waitMs + 999) / 1000));
        report(result);
    }
    while (std::optional<QueuedFetch> fetch = m_queue.takeReady(now))
        start(std::move(*fetch));
    const qint64 wake = m_queue.nextWake(now);
    if (wake >= 0)
        m_wake.start(int(qMin<qint64>(wake - now, std::numeric_limits<int>::max())));
    else
        m_wake.stop();
    if (pending() == 0 && std::exchange(m_busy, false))
        emit idle();
}

void Fetcher::start(QueuedFetch fetch)
{
    ++fetch.attempts;
    auto *attempt = new FetchAttempt(m_network, fetch.request, m_policy, this);
    m_running.insert(attempt, std::move(fetch));
    connect(attempt, &FetchAttempt::done, this,
            [this, attempt](const FetchResult &result, bool transient) {
                attemptDone(attempt, result, transient);
            });
    attempt->start();
}

void Fetcher::attemptDone(FetchAttempt *attempt, const FetchResult &done, bool transient)
{
    attempt->deleteLater();
    const auto it = m_running.find(attempt);
    if (it == m_running.end())
        return; // cancelled
    QueuedFetch fetch = std::move(*it);
    m_running.erase(it);
    m_queue.release(fetch.host);
    const qint64 now = m_clock.elapsed();
    if (done.retryAfter.isValid()) {
        const qint64 waitMs = QDateTime::currentDateTimeUtc().msecsTo(done.retryAfter);
        m_queue.holdHost(fetch.host, now + qMax<qint64>(0, waitMs));
    }
    if (transient && fetch.attempts <= m_policy.retries) {
        fetch.notBefore = now + backoffMs(fetch.attempts);
        m_queue.push(std::move(fetch));
    } else {
        FetchResult result = done;
        result.attempts = fetch.attempts;
        report(result);
    }
    schedule();
}

void Fetcher::report(const FetchResult &result)
{
    emit finished(result);
}

qint64 Fetcher::backoffMs(int attempts) const
{
    // base * 2^(n-1), times a factor in [0.5, 1.5) so that feeds of one host spread out.
    const double base = double(m_policy.retryBaseDelayMs) * double(1 << qMin(attempts - 1, 16));
    const double jitter = 0.5 + QRandomGenerator::global()->generateDouble();
    return qint64(base * jitter);
}

} // namespace bs
