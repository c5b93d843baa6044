#include "ReaderInterceptor.h"

#include "ReaderScheme.h"

#include <QMutexLocker>

namespace bs
{

void ReaderInterceptor::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    const QUrl url = info.requestUrl();
    const QString scheme = url.scheme().toLower();
    bool allow =
        scheme == QLatin1String(readerScheme) && info.requestMethod() == QByteArrayLiteral("GET");
    if (!allow && m_allowRemoteImages &&
        (scheme == QLatin1String("http") || scheme == QLatin1String("https")) &&
        info.resourceType() == QWebEngineUrlRequestInfo::ResourceTypeImage &&
        info.requestMethod() == QByteArrayLiteral("GET"))
        allow = true;
    info.block(!allow);
    QMutexLocker lock(&m_mutex);
    if (m_log.size() >= 10000)
        m_log.removeFirst();
    m_log.append(ReaderRequest{url, int(info.resourceType()), !allow});
}

QList<ReaderRequest> ReaderInterceptor::log() const
{
    QMutexLocker lock(&m_mutex);
    return m_log;
}

void ReaderInterceptor::clearLog()
{
    QMutexLocker lock(&m_mutex);
    m_log.clear();
}

int ReaderInterceptor::blockedCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(std::count_if(m_log.begin(), m_log.end(),
                             [](const ReaderRequest &r) { return r.blocked; }));
}

} // namespace bs
