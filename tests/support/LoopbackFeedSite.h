#pragma once

#include <QByteArray>
#include <QHash>
#include <QThread>
#include <QUrl>

#include <atomic>

namespace bs::test
{

class TestHttpServer;

// Many generated RSS feeds served by a TestHttpServer that runs on a thread of its own, so it
// keeps answering while the test's thread blocks (waits for a process, measures its own event
// loop). Feed f at revision r is deterministic: items 0 .. items + r * newPerRevision - 1 with
// guids guid(f, i); the first updatedPerRevision items say "revision r" in their body; the ETag
// is etag(f, r), so a client that has revision r gets 304 until the revision changes.
class LoopbackFeedSite
{
public:
    struct Shape {
        int feeds = 1000;
        int items = 50;
        int words = 80; // words per item body
        int newPerRevision = 0;
        int updatedPerRevision = 0;
    };

    explicit LoopbackFeedSite(Shape shape);
    ~LoopbackFeedSite();
    LoopbackFeedSite(const LoopbackFeedSite &) = delete;
    LoopbackFeedSite &operator=(const LoopbackFeedSite &) = delete;

    // Starts the thread and the server on it; false when it cannot listen.
    bool start();
    QUrl feedUrl(int feed) const;
    const Shape &shape() const { return m_shape; }

    // What is served from now on.
    void setRevision(int revision) { m_revision = revision; }
    int revision() const { return m_revision; }
    // Generates every body of the current revision now, on the server's thread (blocks), so
    // that a measurement does not include the generation.
    void prepare();

    int requests() const { return m_requests; }       // GETs received
    int notModified() const { return m_notModified; } // of those, answered 304

    static QString guid(int feed, int item);
    static QByteArray etag(int feed, int revision); // quoted
    static int itemCount(const Shape &shape, int revision);
    static bool isUpdated(const Shape &shape, int item) { return item < shape.updatedPerRevision; }
    static QString revisionMark(int revision);
    static QByteArray body(const Shape &shape, int feed, int revision);

private:
    QByteArray cachedBody(int feed, int revision); // server thread only

    Shape m_shape;
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread; runs the set-up and tear-down there
    TestHttpServer *m_server = nullptr;
    quint16 m_port = 0;
    std::atomic<int> m_revision{0};
    std::atomic<int> m_requests{0};
    std::atomic<int> m_notModified{0};
    int m_cachedRevision = -1;
    QHash<int, QByteArray> m_cache;
};

} // namespace bs::test
