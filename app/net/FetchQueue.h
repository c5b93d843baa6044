#pragma once

#include "net/FetchRequest.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace bs
{

// A request waiting for its turn, with what earlier attempts left.
struct QueuedFetch {
    FetchRequest request;
    QString host;         // FetchQueue::hostKey(request.url)
    int attempts = 0;     // made so far
    qint64 notBefore = 0; // monotonic ms; a retry waits for its backoff
};

// Which waiting request may start now: at most perHost running per host and global in all,
// first come first served, skipping requests still in backoff and hosts that asked to be left
// alone (Retry-After). Pure bookkeeping over a monotonic millisecond clock the caller reads.
class FetchQueue
{
public:
    FetchQueue(int perHost, int global) : m_perHost(qMax(1, perHost)), m_global(qMax(1, global)) {}

    // "host:port", lower case: the unit of politeness.
    static QString hostKey(const QUrl &url);

    void push(QueuedFetch fetch);
    // Removes the first request allowed to start at now and counts it as running.
    std::optional<QueuedFetch> takeReady(qint64 now);
    // A running request of that host ended.
    void release(const QString &host);
    // Nothing starts for the host before until.
    void holdHost(const QString &host, qint64 until);
    qint64 heldUntil(const QString &host) const { return m_heldUntil.value(host, 0); }
    // Removes the waiting requests whose host is held past limit.
    QList<QueuedFetch> takeHeldPast(qint64 limit);
    // When a waiting request could next become ready by the clock alone; -1: none waits for
    // the clock (the queue is empty or waits only for running requests to end).
    qint64 nextWake(qint64 now) const;
    // Empties the queue and forgets the running counts; holds stay (the hosts asked for them).
    QList<QueuedFetch> clear();

    int waiting() const { return int(m_waiting.size()); }
    int running() const { return m_running; }

private:
    qint64 readyAt(const QueuedFetch &fetch) const;

    int m_perHost;
    int m_global;
    int m_running = 0;
    QList<QueuedFetch> m_waiting;
    QHash<QString, int> m_runningPerHost;
    QHash<QString, qint64> m_heldUntil;
};

} // namespace bs
