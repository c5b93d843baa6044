#include "net/FetchQueue.h"

#include <utility>

namespace bs
{

QString FetchQueue::hostKey(const QUrl &url)
{
    const int defaultPort =
        url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0 ? 443 : 80;
    return QStringLiteral("%1:%2").arg(url.host().toLower()).arg(url.port(defaultPort));
}

void FetchQueue::push(QueuedFetch fetch)
{
    if (fetch.host.isEmpty())
        fetch.host = hostKey(fetch.request.url);
    m_waiting.append(std::move(fetch));
}

qint64 FetchQueue::readyAt(const QueuedFetch &fetch) const
{
    return qMax(fetch.notBefore, heldUntil(fetch.host));
}

std::optional<QueuedFetch> FetchQueue::takeReady(qint64 now)
{
    if (m_running >= m_global)
        return std::nullopt;
    for (qsizetype i = 0; i < m_waiting.size(); ++i) {
        const QueuedFetch &fetch = m_waiting[i];
        if (readyAt(fetch) > now || m_runningPerHost.value(fetch.host) >= m_perHost)
            continue;
        QueuedFetch taken = m_waiting.takeAt(i);
        ++m_running;
        ++m_runningPerHost[taken.host];
        return taken;
    }
    return std::nullopt;
}

void FetchQueue::release(const QString &host)
{
    const auto it = m_runningPerHost.find(host);
    if (it == m_runningPerHost.end())
        return;
    --m_running;
    if (--*it <= 0)
        m_runningPerHost.erase(it);
}

void FetchQueue::holdHost(const QString &host, qint64 until)
{
    qint64 &held = m_heldUntil[host];
    held = qMax(held, until);
}

QList<QueuedFetch> FetchQueue::takeHeldPast(qint64 limit)
{
    QList<QueuedFetch> taken;
    for (qsizetype i = 0; i < m_waiting.size();) {
        if (heldUntil(m_waiting[i].host) > limit)
            taken.append(m_waiting.takeAt(i));
        else
            ++i;
    }
    return taken;
}

qint64 FetchQueue::nextWake(qint64 now) const
{
    qint64 wake = -1;
    for (const QueuedFetch &fetch : m_waiting) {
        const qint64 at = readyAt(fetch);
        if (at > now && (wake < 0 || at < wake))
            wake = at;
    }
    return wake;
}

QList<QueuedFetch> FetchQueue::clear()
{
    m_running = 0;
    m_runningPerHost.clear();
    return std::exchange(m_waiting, {});
}

} // namespace bs
