// Page feeds end to end, with broadsheet-cli as a process against the loopback server: a GBK
// portal column page that offers no feed (a table of stories beside a hot-news box, navigation
// and pagination) is subscribed, synced with its story pages downloaded and searchable, grows by
// two stories, is redesigned, and finally shows no list at all.

#include "TestHttpServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QtTest>

using namespace bs::test;

namespace
{

const char kColumn[] = "/news/guonei/index.shtml";

// A word of letters only for story i (the index reads words, not digit runs).
QString storyWord(int i)
{
    QString w = QStringLiteral("qelvar");
    for (const QChar c : QString::number(i + 100))
        w += QChar(u'a' + (c.unicode() - u'0'));
    return w;
}

QString storyTitle(int i)
{
    static const QStringList topics = {QStringLiteral("沿海城市推进老旧小区改造"),
                                       QStringLiteral("多地出台措施稳定就业岗位"),
                                       QStringLiteral("铁路部门增开夜间动车组列车"),
                                       QStringLiteral("农业农村部部署秋粮收购工作"),
                                       QStringLiteral("全国中小学开展安全教育周活动"),
                                       QStringLiteral("气象台发布今年首个寒潮预警")};
    return topics.at(i % topics.size()) + QStringLiteral("（第%1期）").arg(i);
}

QString storyPath(int i)
{
    return QStringLiteral("/news/guonei/2025/03%1/%2.shtml")
        .arg(10 - i % 9, 2, 10, QLatin1Char('0'))
        .arg(880000 + i);
}

QByteArray gbk(const QString &text)
{
    QStringEncoder encoder("GB18030");
    return encoder.encode(text);
}

// The column page with stories [first, last] (newest first); `layout` 0 is the table design,
// 1 the redesigned one (other class names, a ul list), 2 a maintenance page with no list.
QByteArray columnPage(int first, int last, int layout)
{
    QString nav;
    for (const auto &[path, name] : {std::pair{"/", "首页"},
                                     {"/news/guonei/", "国内"},
                                     {"/news/guoji/", "国际"},
                                     {"/finance/", "财经"},
                                     {"/sports/", "体育"},
                                     {"/tech/", "科技"}})
        nav += QStringLiteral("<a href=\"%1\">%2</a> | ")
                   .arg(QLatin1String(path), QString::fromUtf8(name));
    QString hot;
    for (int i = 0; i < 10; ++i)
        hot +=
            QStringLiteral("<li><a href=\"/hot/%1.shtml\">热点：今年以来最受关注的社会民生话题回顾"
                           "之%2</a></li>")
                .arg(700 + i)
                .arg(i + 1);
    QString stories;
    for (int i = last; i >= first; --i) {
        const QString date = QStringLiteral("2025-03-%1").arg(10 - i % 9, 2, 10, QLatin1Char('0'));
        if (layout == 0)
            stories += QStringLiteral("<tr><td class=\"bt\">·<a href=\"%1\" target=\"_blank\">%2"
                                      "</a></td><td class=\"rq\">(%3)</td></tr>\n")
                           .arg(storyPath(i), storyTitle(i), date);
        else
            stories += QStringLiteral("<li class=\"entry\"><span class=\"when\">%3</span><a "
                                      "href=\"%1\">%2</a></li>\n")
                           .arg(storyPath(i), storyTitle(i), date);
    }
    QString list;
    if (layout == 0)
        list = QStringLiteral("<table class=\"newslist\" width=\"100%\">%1</table>").arg(stories);
    else if (layout == 1)
        list = QStringLiteral("<div class=\"col-main\"><ul class=\"stream\">%1</ul></div>")
                   .arg(stories);
    else
        list = QStringLiteral("<p>系统维护中，请稍后访问。</p>");
    const QString page =
        QStringLiteral(
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
            "<title>国内新闻_示例新闻网</title><script>var s = '<a href=x>';</script></head><body>"
            "<div id=\"top\">%1</div><table width=\"960\"><tr><td width=\"660\" valign=\"top\">"
            "<div class=\"lm\">国内新闻</div>%2<div class=\"pages\"><a "
            "href=\"index_2.shtml\">下一页</a> "
            "<a href=\"index_2.shtml\">2</a> <a href=\"index_3.shtml\">3</a> <a "
            "href=\"index_9.shtml\">尾页</a></div></td><td width=\"300\" valign=\"top\">"
            "<div class=\"box\"><h3>热点排行</h3><ul>%3</ul></div></td></tr></table>"
            "<div class=\"foot\"><a href=\"/about.html\">关于我们</a> <a "
            "href=\"/contact.html\">联系我们</a>"
            " <a href=\"/ads.html\">广告服务</a></div></body></html>")
            .arg(nav, list, hot);
    return gbk(page);
}

QByteArray storyPage(int i)
{
    QString body;
    for (int p = 0; p < 5; ++p)
        body +=
            QStringLiteral("<p>记者从有关部门获悉，%1相关工作正在有序推进，各地结合实际情况制定了"
                           "具体实施方案，确保各项措施落到实处。专家表示，这一做法有助于"
                           "提升群众的获得感和幸福感。Keyword %2 appears here.</p>")
                .arg(storyTitle(i), storyWord(i));
    return gbk(QStringLiteral("<html><head><meta charset=\"gbk\"><title>%1_示例新闻网</title>"
                              "</head><body><div class=\"nav\"><a href=\"/\">首页</a></div>"
                              "<h1>%1</h1><div class=\"info\">2025-03-%3 08:30 来源：示例日报</div>"
                              "<div id=\"content\">%2</div></body></html>")
                   .arg(storyTitle(i), body)
                   .arg(10 - i % 9, 2, 10, QLatin1Char('0')));
}

} // namespace

class TestPageFeeds : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<TestHttpServer> m_server;
    QString m_profile;
    int m_round = 0;

    struct Run {
        int code = -1;
        QString out;
        QString err;
    };

    Run cli(const QStringList &arguments)
    {
        QProcess process;
        process.setProgram(QStringLiteral(BROADSHEET_CLI));
        process.setArguments(QStringList{QStringLiteral("--profile"), m_profile} + arguments);
        process.start();
        Run run;
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60000)) {
            process.kill();
            process.waitForFinished();
            return run;
        }
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        return run;
    }

    QJsonArray json(const QStringList &arguments)
    {
        const Run r = cli(arguments + QStringList{QStringLiteral("--json")});
        if (r.code != 0)
            qWarning() << "cli failed:" << arguments << r.err;
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }

    QSet<QString> articleUrls()
    {
        QSet<QString> urls;
        for (const QJsonValue &a : json({QStringLiteral("list-articles"), QStringLiteral("--limit"),
                                         QStringLiteral("500")}))
            urls.insert(a[QStringLiteral("url")].toString());
        return urls;
    }

    QString url(const QString &path) const { return m_server->url(path.toUtf8()).toString(); }

    void serveColumn(int first, int last, int layout)
    {
        // No charset in the header: the page's own <meta> says GB2312.
        m_server->route(kColumn, HttpResponse::ok(columnPage(first, last, layout), "text/html"));
    }

    void serveStories(int count)
    {
        for (int i = 0; i < count; ++i)
            m_server->route(storyPath(i).toUtf8(),
                            HttpResponse::ok(storyPage(i), "text/html; charset=GBK"));
    }

private slots:
    void init()
    {
        m_profile = m_dir.filePath(QStringLiteral("profile-%1").arg(++m_round));
        m_server = std::make_unique<TestHttpServer>();
        QVERIFY(m_server->listen());
    }

    void portalWithoutFeedFollowedEndToEnd()
    {
        serveColumn(0, 11, 0);
        serveStories(14);

        // add-feed: no feed anywhere, so the page's list is followed.
        Run r = cli({QStringLiteral("add-feed"), url(QLatin1String(kColumn))});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("offers no feed")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("12 stories")), qPrintable(r.out));
        QVERIFY2(r.out.contains(storyTitle(11)), qPrintable(r.out));
        QJsonArray feeds = json({QStringLiteral("feeds")});
        QCOMPARE(feeds.size(), 1);
        QCOMPARE(feeds[0][QStringLiteral("kind")].toString(), QStringLiteral("page"));
        const QString selector = feeds[0][QStringLiteral("selector")].toString();
        QVERIFY2(selector.contains(QLatin1String("newslist")), qPrintable(selector));

        // sync: every listed story is an article, its page downloaded and searchable.
        r = cli({QStringLiteral("sync")});
        QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
        QSet<QString> expected;
        for (int i = 0; i < 12; ++i)
            expected.insert(url(storyPath(i)));
        QCOMPARE(articleUrls(), expected);
        QCOMPARE(m_server->hits("/hot/700.shtml"), 0);
        QHash<QString, qint64> idByUrl;
        for (const QJsonValue &a : json({QStringLiteral("list-articles")}))
            idByUrl.insert(a[QStringLiteral("url")].toString(),
                           a[QStringLiteral("id")].toInteger());
        for (int i = 0; i < 12; ++i) {
            const QJsonArray found = json({QStringLiteral("search"), storyWord(i)});
            QVERIFY2(found.size() == 1, qPrintable(storyWord(i)));
            QCOMPARE(found[0][QStringLiteral("id")].toInteger(), idByUrl.value(url(storyPath(i))));
        }
        // The title comes from the page; the date from the list (2025-03-xx).
        const QJsonArray listed = json({QStringLiteral("list-articles")});
        QCOMPARE(listed[0][QStringLiteral("title")].toString().isEmpty(), false);
        for (const QJsonValue &a : listed)
            QVERIFY2(
                a[QStringLiteral("published")].toString().startsWith(QLatin1String("2025-03-")),
                qPrintable(a[QStringLiteral("published")].toString()));

        // Two new stories at the top: exactly those are added; then nothing.
        serveColumn(0, 13, 0);
        r = cli({QStringLiteral("sync")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        expected.insert(url(storyPath(12)));
        expected.insert(url(storyPath(13)));
        QCOMPARE(articleUrls(), expected);
        const int pageHits = m_server->hits(storyPath(3).toUtf8());
        r = cli({QStringLiteral("sync")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(articleUrls(), expected);
        QCOMPARE(m_server->hits(storyPath(3).toUtf8()), pageHits); // not downloaded again

        // A redesign: other class names and markup. The feed finds its list again.
        serveColumn(0, 13, 1);
        r = cli({QStringLiteral("sync")});
        QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
        feeds = json({QStringLiteral("feeds")});
        const QString moved = feeds[0][QStringLiteral("selector")].toString();
        QVERIFY2(moved != selector && moved.contains(QLatin1String("stream")), qPrintable(moved));
        QCOMPARE(feeds[0][QStringLiteral("error_count")].toInt(), 0);
        QCOMPARE(articleUrls(), expected);

        // A page with no list: a clear reason, nothing lost.
        serveColumn(0, 13, 2);
        r = cli({QStringLiteral("sync")});
        feeds = json({QStringLiteral("feeds"), QStringLiteral("--errors")});
        QCOMPARE(feeds.size(), 1);
        const QString reason = feeds[0][QStringLiteral("last_error")].toString();
        QVERIFY2(reason.contains(QLatin1String("no longer shows the list")), qPrintable(reason));
        QCOMPARE(articleUrls(), expected);
        QCOMPARE(feeds[0][QStringLiteral("selector")].toString(), moved); // not the hot box
    }

    void choosingAndEditingTheList()
    {
        serveColumn(0, 5, 0);
        // A page that also links a feed: add-feed takes the feed, --page the list.
        QByteArray withFeed = columnPage(0, 5, 0);
        withFeed.replace("</head>", "<link rel=\"alternate\" type=\"application/rss+xml\" "
                                    "href=\"/rss.xml\"></head>");
        m_server->route("/linked.shtml", HttpResponse::ok(withFeed, "text/html"));
        m_server->route("/rss.xml",
                        HttpResponse::ok("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                                         "<title>Feed</title></channel></rss>",
                                         "application/rss+xml"));
        Run r = cli({QStringLiteral("add-feed"), url(QStringLiteral("/linked.shtml"))});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(url(QStringLiteral("/rss.xml"))), qPrintable(r.out));
        r = cli({QStringLiteral("add-feed"), url(QStringLiteral("/linked.shtml")),
                 QStringLiteral("--page")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("Added page feed")), qPrintable(r.out));
        QJsonArray feeds = json({QStringLiteral("feeds")});
        QCOMPARE(feeds.size(), 2);
        QCOMPARE(feeds[0][QStringLiteral("kind")].toString(), QStringLiteral("feed"));
        QVERIFY(feeds[0][QStringLiteral("selector")].isNull());
        QCOMPARE(feeds[1][QStringLiteral("kind")].toString(), QStringLiteral("page"));

        // --selector picks the hot box by hand; feed-set moves it back to the stories.
        r = cli({QStringLiteral("add-feed"), url(QLatin1String(kColumn)),
                 QStringLiteral("--selector"), QStringLiteral("div.box li")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("10 stories")), qPrintable(r.out));
        const qint64 id = feeds.size() + 1;
        r = cli({QStringLiteral("feed-set"), QString::number(id), QStringLiteral("--selector"),
                 QStringLiteral("table.newslist tr")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("finds 6 stories")), qPrintable(r.out));
        r = cli({QStringLiteral("feed-set"), QString::number(id), QStringLiteral("--selector"),
                 QStringLiteral("table.nothing-here tr")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("matches nothing")), qPrintable(r.err));
        r = cli({QStringLiteral("feed-set"), QString::number(id), QStringLiteral("--selector"),
                 QStringLiteral("ul >> li")});
        QCOMPARE(r.code, 2);
        feeds = json({QStringLiteral("feeds")});
        QCOMPARE(feeds[2][QStringLiteral("selector")].toString(),
                 QStringLiteral("table.newslist tr"));
        // feed-set on a feed document refuses a selector.
        r = cli({QStringLiteral("feed-set"), QStringLiteral("1"), QStringLiteral("--selector"),
                 QStringLiteral("li")});
        QCOMPARE(r.code, 1);
    }

    void badAddressesStoreNothing()
    {
        // An article page, a JavaScript shell, binary bytes, an HTTP error: each a clear
        // error, a non-zero exit and no feed stored.
        m_server->route("/article.shtml", HttpResponse::ok(storyPage(1), "text/html"));
        m_server->route("/app.html",
                        HttpResponse::ok("<html><head><title>News</title><script src=\"/app.js\">"
                                         "</script></head><body><div id=\"list\"></div>"
                                         "<noscript>Enable JavaScript</noscript></body></html>",
                                         "text/html"));
        QByteArray binary(4096, '\0');
        for (int i = 0; i < binary.size(); ++i)
            binary[i] = char((i * 7919) & 0xff);
        m_server->route("/blob.html", HttpResponse::ok(binary, "text/html"));
        m_server->route("/gone.html", HttpResponse::error(404));
        const struct {
            const char *path;
            const char *says;
        } cases[] = {{"/article.shtml", "is an article"},
                     {"/app.html", "JavaScript"},
                     {"/blob.html", "binary"},
                     {"/gone.html", "404"}};
        for (const auto &c : cases) {
            const Run r = cli({QStringLiteral("add-feed"), url(QLatin1String(c.path))});
            QVERIFY2(r.code == 1, c.path);
            QVERIFY2(r.err.contains(QLatin1String(c.says)), qPrintable(r.err));
            const Run lists = cli({QStringLiteral("page-lists"), url(QLatin1String(c.path))});
            QVERIFY2(lists.code == 1, c.path);
        }
        QCOMPARE(json({QStringLiteral("feeds")}).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPageFeeds)
#include "test_page_feeds.moc"
