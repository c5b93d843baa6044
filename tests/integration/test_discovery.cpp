// FeedDiscovery against TestHttpServer over loopback, and `broadsheet-cli discover`.

#include "TestHttpServer.h"
#include "feeds/FeedDiscovery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

using namespace bs;
using namespace bs::test;

namespace
{

const QByteArray kRss = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Example "
                        "Posts</title><link>https://e.test/</link></channel></rss>";
const QByteArray kAtom =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- generated -->\n<feed "
    "xmlns=\"http://www.w3.org/2005/Atom\"><title>Atom &amp; Co</title></feed>";
const QByteArray kJsonFeed =
    R"({"version": "https://jsonfeed.org/version/1.1", "title": "JSON Posts", "items": []})";

HttpResponse html(const QByteArray &head, const QByteArray &contentType = "text/html")
{
    return HttpResponse::ok("<!DOCTYPE html>\n<html><head>" + head +
                                "</head><body><p>Hello</p></body></html>",
                            contentType);
}

} // namespace

class TestDiscovery : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;

    QList<DiscoveredFeed> discover(const QUrl &url, QString *error = nullptr, int timeoutMs = 10000,
                                   qint64 maxBytes = 0)
    {
        FeedDiscovery discovery(*m_nam);
        discovery.setTimeout(timeoutMs);
        if (maxBytes > 0)
            discovery.setMaxBytes(maxBytes);
        QSignalSpy finished(&discovery, &FeedDiscovery::finished);
        discovery.start(url);
        if (!finished.wait(15000))
            qWarning("discovery did not finish");
        if (finished.size() != 1)
            qWarning("finished %d times", int(finished.size()));
        if (error)
            *error = discovery.errorString();
        else if (!discovery.errorString().isEmpty())
            qWarning("%s", qPrintable(discovery.errorString()));
        return discovery.feeds();
    }

    QUrl at(const char *path) const { return m_server->url(QString::fromLatin1(path)); }

private slots:
    void init()
    {
        m_server = std::make_unique<TestHttpServer>();
        QVERIFY(m_server->listen());
        m_nam = std::make_unique<QNetworkAccessManager>();
    }
    void cleanup()
    {
        m_nam.reset();
        m_server.reset();
    }

    void pageWithTwoAlternates()
    {
        m_server->route(
            "/", html("<link rel=\"stylesheet\" href=\"/style.css\">"
                      "<link rel=\"alternate\" type=\"application/rss+xml\" title=\" Posts \" "
                      "href=\"/feed.xml\">"
                      "<link rel=\"Alternate\" type=\"application/atom+xml; charset=utf-8\" "
                      "title=\"Comments\" href=\"" +
                      at("/comments.atom").toEncoded() +
                      "\">"
                      "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"feed.xml\">"
                      "<link rel=\"alternate\" type=\"application/json\" "
                      "href=\"/wp-json/wp/v2/pages/2\">"
                      "<link rel=\"alternate\" hreflang=\"fr\" href=\"/fr/\">"));
        const QList<DiscoveredFeed> feeds = discover(at("/"));
        QCOMPARE(feeds.size(), 2);
        QCOMPARE(feeds[0],
                 (DiscoveredFeed{at("/feed.xml"), QStringLiteral("Posts"), QStringLiteral("rss")}));
        QCOMPARE(feeds[1], (DiscoveredFeed{at("/comments.atom"), QStringLiteral("Comments"),
                                           QStringLiteral("atom")}));
        QCOMPARE(m_server->requests().size(), 1); // links found: nothing probed
    }

    void pageWithBase()
    {
        m_server->route("/blog/post.html",
                        html("<base href=\"/static/v2/\"><link rel=\"alternate\" "
                             "type=\"application/feed+json\" title=\"JSON\" href=\"feed.json\">"
                             "<link rel=\"alternate\" type=\"application/rss+xml\" "
                             "href=\"../rss.xml\">"));
        const QList<DiscoveredFeed> feeds = discover(at("/blog/post.html"));
        QCOMPARE(feeds.size(), 2);
        QCOMPARE(feeds[0].url, at("/static/v2/feed.json"));
        QCOMPARE(feeds[0].type, QStringLiteral("json"));
        QCOMPARE(feeds[1].url, at("/static/rss.xml"));
    }

    void urlIsItselfAFeed_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("title");
        QTest::newRow("rss") << kRss << QByteArray("application/rss+xml") << QStringLiteral("rss")
                             << QStringLiteral("Example Posts");
        QTest::newRow("rss as text/html")
            << kRss << QByteArray("text/html; charset=utf-8") << QStringLiteral("rss")
            << QStringLiteral("Example Posts");
        QTest::newRow("atom as text/xml") << kAtom << QByteArray("text/xml")
                                          << QStringLiteral("atom") << QStringLiteral("Atom & Co");
        QTest::newRow("json feed as application/json")
            << kJsonFeed << QByteArray("application/json") << QStringLiteral("json")
            << QStringLiteral("JSON Posts");
        QTest::newRow("rdf") << QByteArray("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/"
                                           "22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">"
                                           "<channel><title>RDF</title></channel></rdf:RDF>")
                             << QByteArray("application/xml") << QStringLiteral("rss")
                             << QStringLiteral("RDF");
    }
    void urlIsItselfAFeed()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(QString, type);
        QFETCH(QString, title);
        HttpResponse feed = HttpResponse::ok(body, contentType);
        feed.coding = ContentCoding::Gzip;
        m_server->route("/the-feed", feed);
        const QList<DiscoveredFeed> feeds = discover(at("/the-feed"));
        QCOMPARE(feeds.size(), 1);
        QCOMPARE(feeds[0], (DiscoveredFeed{at("/the-feed"), title, type}));
    }

    void plainJsonIsNotAFeed()
    {
        m_server->route("/api",
                        HttpResponse::ok(R"({"version": 2, "items": []})", "application/json"));
        QString error;
        QVERIFY(discover(at("/api"), &error).isEmpty());
        QVERIFY(error.isEmpty());
    }

    void noLinksThenWellKnownPaths()
    {
        m_server->route("/", html("<title>No links here</title>"));
        m_server->route("/feed", html("<title>A page, not a feed</title>")); // must not count
        m_server->route("/feed.xml", HttpResponse::ok(kRss, "text/xml"));
        m_server->route("/index.xml", HttpResponse::ok(kRss, "text/html")); // mislabelled feed
        m_server->route("/atom.xml", HttpResponse::error(500));
        m_server->redirect("/rss", "/feed.xml", 301); // the same feed again
        const QList<DiscoveredFeed> feeds = discover(at("/"));
        QCOMPARE(feeds.size(), 2);
        QCOMPARE(feeds[0], (DiscoveredFeed{at("/feed.xml"), QStringLiteral("Example Posts"),
                                           QStringLiteral("rss")}));
        QCOMPARE(feeds[1].url, at("/index.xml"));
        for (const char *path :
             {"/feed", "/rss", "/rss.xml", "/atom.xml", "/feed.xml", "/index.xml", "/feed.json"})
            QVERIFY2(m_server->hits(path) >= 1, path);
        QCOMPARE(m_server->requests().constLast().method, QByteArray("GET"));
    }

    void probesNextToThePageFirst()
    {
        m_server->route("/blog/", html("<title>Blog</title>"));
        m_server->route("/blog/feed.json", HttpResponse::ok(kJsonFeed, "application/feed+json"));
        m_server->route("/feed.xml", HttpResponse::ok(kRss, "application/rss+xml"));
        const QList<DiscoveredFeed> feeds = discover(at("/blog/"));
        QCOMPARE(feeds.size(), 2);
        QCOMPARE(feeds[0].url, at("/blog/feed.json"));
        QCOMPARE(feeds[1].url, at("/feed.xml"));
    }

    void noFeedAnywhere()
    {
        m_server->route("/", html("<title>Nothing</title>"));
        QString error;
        QVERIFY(discover(at("/"), &error).isEmpty());
        QVERIFY2(error.isEmpty(), qPrintable(error)); // not a failure: the site has no feed
    }

    void siteNotFound()
    {
        QString error;
        QVERIFY(discover(at("/missing"), &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("HTTP 404")), qPrintable(error));
        QCOMPARE(m_server->requests().size(), 1); // no probing after a failed page
    }

    void connectionRefused()
    {
        const QUrl url = at("/");
        m_server.reset(); // nobody listens on that port any more
        QString error;
        QVERIFY(discover(url, &error).isEmpty());
        QVERIFY2(error.startsWith(QLatin1String("Could not fetch")), qPrintable(error));
    }

    void redirectToTheRealSite()
    {
        TestHttpServer real;
        QVERIFY(real.listen());
        real.route("/home/", html("<link rel=\"alternate\" type=\"application/rss+xml\" "
                                  "href=\"feed.xml\" title=\"Real\">"));
        m_server->redirect("/", real.url(QStringLiteral("/home/")).toEncoded(), 301);
        const QList<DiscoveredFeed> feeds = discover(at("/"));
        QCOMPARE(feeds.size(), 1);
        QCOMPARE(feeds[0].url, real.url(QStringLiteral("/home/feed.xml"))); // the real base
        QCOMPARE(feeds[0].title, QStringLiteral("Real"));
    }

    void gbkPage_data()
    {
        const QByteArray title = "\xD0\xC2\xCE\xC5 \xD6\xD0\xCE\xC4"; // 新闻 中文 in GBK
        const QByteArray link =
            "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss\" title=\"" + title +
            "\">";
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QByteArray>("contentType");
        QTest::newRow("HTTP charset") << QByteArray("<title>" + title + "</title>" + link)
                                      << QByteArray("text/html; charset=GBK");
        QTest::newRow("meta charset")
            << QByteArray("<meta charset=\"gbk\"><title>" + title + "</title>" + link)
            << QByteArray("text/html");
        QTest::newRow("meta http-equiv")
            << QByteArray(
                   "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">" +
                   link)
            << QByteArray("text/html");
    }
    void gbkPage()
    {
        QFETCH(QByteArray, head);
        QFETCH(QByteArray, contentType);
        m_server->route("/", html(head, contentType));
        const QList<DiscoveredFeed> feeds = discover(at("/"));
        QCOMPARE(feeds.size(), 1);
        QCOMPARE(feeds[0].title, QStringLiteral("新闻 中文"));
    }

    void timeout()
    {
        HttpResponse slow = html("");
        slow.delayMs = 3000;
        m_server->route("/", slow);
        QString error;
        QVERIFY(discover(at("/"), &error, 300).isEmpty());
        QVERIFY2(error.startsWith(QLatin1String("Gave up on")), qPrintable(error));
    }

    void pageTooLarge()
    {
        QByteArray big = "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" "
                         "href=\"/feed.xml\"></head><body>";
        big += QByteArray(300 * 1024, 'x');
        HttpResponse response = HttpResponse::ok(big, "text/html");
        response.chunked = true; // no Content-Length: the cap must hold while reading
        m_server->route("/", response);
        QString error;
        QVERIFY(discover(at("/"), &error, 10000, 100 * 1024).isEmpty());
        QVERIFY2(error.contains(QLatin1String("larger than")), qPrintable(error));
    }

    void notAWebAddress()
    {
        FeedDiscovery discovery(*m_nam);
        QSignalSpy finished(&discovery, &FeedDiscovery::finished);
        discovery.start(QUrl(QStringLiteral("ftp://example.test/")));
        QCOMPARE(finished.size(), 0); // reported from the event loop, not from start()
        QVERIFY(finished.wait(5000));
        QVERIFY(discovery.errorString().contains(QLatin1String("not a web address")));
    }

    void cliDiscover()
    {
        m_server->route("/", html("<link rel=\"alternate\" type=\"application/atom+xml\" "
                                  "href=\"/atom.xml\" title=\"标题\">"));
        QProcess cli;
        QSignalSpy done(&cli, &QProcess::finished);
        // The server answers from this thread, so wait with the event loop running.
        cli.start(QStringLiteral(BROADSHEET_CLI),
                  {QStringLiteral("discover"), at("/").toString(), QStringLiteral("--json")});
        QVERIFY(done.wait(30000));
        QCOMPARE(cli.exitCode(), 0);
        const QJsonArray feeds = QJsonDocument::fromJson(cli.readAllStandardOutput()).array();
        QCOMPARE(feeds.size(), 1);
        QCOMPARE(feeds[0][QStringLiteral("url")].toString(), at("/atom.xml").toString());
        QCOMPARE(feeds[0][QStringLiteral("title")].toString(), QStringLiteral("标题"));
        QCOMPARE(feeds[0][QStringLiteral("type")].toString(), QStringLiteral("atom"));

        cli.start(QStringLiteral(BROADSHEET_CLI), {QStringLiteral("discover"), at("/").toString()});
        QVERIFY(done.wait(30000));
        QCOMPARE(cli.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(cli.readAllStandardOutput()),
                 at("/atom.xml").toString() + QStringLiteral("\tatom\t标题\n"));

        cli.start(QStringLiteral(BROADSHEET_CLI),
                  {QStringLiteral("discover"), at("/gone").toString()});
        QVERIFY(done.wait(30000));
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY(cli.readAllStandardError().contains("HTTP 404"));
    }
};

QTEST_GUILESS_MAIN(TestDiscovery)
#include "test_discovery.moc"
