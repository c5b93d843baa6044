#include "LoopbackFeedSite.h"

#include "TestData.h"
#include "TestHttpServer.h"

#include <QDateTime>
#include <QLocale>

namespace bs::test
{

LoopbackFeedSite::LoopbackFeedSite(Shape shape) : m_shape(shape), m_context(new QObject)
{
    m_thread.setObjectName(QStringLiteral("feed-site"));
    m_context->moveToThread(&m_thread);
}

LoopbackFeedSite::~LoopbackFeedSite()
{
    if (m_thread.isRunning()) {
        QMetaObject::invokeMethod(
            m_context,
            [this] {
                delete m_server;
                m_server = nullptr;
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    delete m_context;
}

bool LoopbackFeedSite::start()
{
    m_thread.start();
    bool ok = false;
    QMetaObject::invokeMethod(
        m_context,
        [this, &ok] {
            m_server = new TestHttpServer;
            ok = m_server->listen();
            m_port = m_server->port();
            for (int f = 0; f < m_shape.feeds; ++f) {
                m_server->route(QStringLiteral("/feeds/%1.xml").arg(f).toLatin1(),
                                [this, f](const HttpRequest &request) {
                                    const int revision = m_revision;
                                    ++m_requests;
                                    HttpResponse response;
                                    response.contentType = "application/rss+xml";
                                    response.etag = etag(f, revision);
                                    if (request.header("If-None-Match") == response.etag)
                                        ++m_notModified; // the server answers 304 by itself
                                    else
                                        response.body = cachedBody(f, revision);
                                    return response;
                                });
            }
        },
        Qt::BlockingQueuedConnection);
    return ok;
}

QUrl LoopbackFeedSite::feedUrl(int feed) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/feeds/%2.xml").arg(m_port).arg(feed));
}

void LoopbackFeedSite::prepare()
{
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            for (int f = 0; f < m_shape.feeds; ++f)
                cachedBody(f, m_revision);
        },
        Qt::BlockingQueuedConnection);
}

QByteArray LoopbackFeedSite::cachedBody(int feed, int revision)
{
    if (revision != m_cachedRevision) {
        m_cache.clear();
        m_cachedRevision = revision;
    }
    auto it = m_cache.find(feed);
    if (it == m_cache.end())
        it = m_cache.insert(feed, body(m_shape, feed, revision));
    return *it;
}

QString LoopbackFeedSite::guid(int feed, int item)
{
    return QStringLiteral("urn:loopback:%1:%2").arg(feed).arg(item);
}

QByteArray LoopbackFeedSite::etag(int feed, int revision)
{
    return QStringLiteral("\"%1-%2\"").arg(feed).arg(revision).toLatin1();
}

int LoopbackFeedSite::itemCount(const Shape &shape, int revision)
{
    return shape.items + revision * shape.newPerRevision;
}

QString LoopbackFeedSite::revisionMark(int revision)
{
    return QStringLiteral("[revision %1]").arg(revision);
}

QByteArray LoopbackFeedSite::body(const Shape &shape, int feed, int revision)
{
    ArticleGenerator generator(quint32(feed + 1));
    const int items = itemCount(shape, revision);
    QString out;
    out.reserve(items * (shape.words * 8 + 400));
    out +=
        QStringLiteral("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>"
                       "<title>Loopback feed %1</title><link>http://feeds.test/%1/</link>"
                       "<description>Generated feed %1</description>\n")
            .arg(feed);
    // Newest first, as feeds write them: the item with the highest index comes first.
    QList<QString> itemXml(items);
    for (int i = 0; i < items; ++i) {
        const Article a = generator.make(feed, i, shape.words);
        QString text = a.content;
        if (isUpdated(shape, i))
            text += QStringLiteral("<p>") + revisionMark(revision) + QStringLiteral("</p>");
        itemXml[i] =
            QStringLiteral("<item><guid isPermaLink=\"false\">%1</guid><title>%2</title>"
                           "<link>http://feeds.test/%3/%4.html</link><author>%5</author>"
                           "<pubDate>%6</pubDate><description>%7</description></item>\n")
                .arg(guid(feed, i), a.title.toHtmlEscaped(), QString::number(feed),
                     QString::number(i), a.author.toHtmlEscaped(),
                     QLocale::c().toString(
                         QDateTime::fromSecsSinceEpoch(1700000000 + qint64(i) * 3600, Qt::UTC),
                         QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")),
                     text.toHtmlEscaped());
    }
    for (int i = items - 1; i >= 0; --i)
        out += itemXml[i];
    out += QStringLiteral("</channel></rss>\n");
    return out.toUtf8();
}

} // namespace bs::test
