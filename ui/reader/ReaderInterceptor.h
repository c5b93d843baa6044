#pragma once

#include <QList>
#include <QMutex>
#include <QUrl>
#include <QWebEngineUrlRequestInterceptor>

#include <atomic>

namespace bs
{

// One request the reader's profile made, and what the interceptor did with it.
struct ReaderRequest {
    QUrl url;
    int resourceType = 0; // QWebEngineUrlRequestInfo::ResourceType
    bool blocked = false;
};

// The reader profile's last door: every request that is not on the reader scheme is blocked,
// except http(s) images while remote images are allowed. Keeps a log (bounded) for the view's
// owner and the tests.
class ReaderInterceptor : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT
public:
    using QWebEngineUrlRequestInterceptor::QWebEngineUrlRequestInterceptor;

    void interceptRequest(QWebEngineUrlRequestInfo &info) override;

    void setAllowRemoteImages(bool allow) { m_allowRemoteImages = allow; }
    QList<ReaderRequest> log() const;
    void clearLog();
    int blockedCount() const;

private:
    std::atomic_bool m_allowRemoteImages = false;
    mutable QMutex m_mutex;
    QList<ReaderRequest> m_log;
};

} // namespace bs
