// broadsheet-cli extract against the loopback HTTP server: fetching, redirects, the HTTP
// charset, URLs resolved against the final address, errors; and a saved file with --url.

#include "TestHttpServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace bs::test;

namespace
{

// A page in GBK whose <meta> names another encoding: only the HTTP header reads it right.
QByteArray gbkPage()
{
    QByteArray body = "<html lang=\"zh-CN\"><head><meta charset=\"koi8-r\"><title>"
                      "Ferry returns to the estuary - Harbour Times</title>"
                      "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"News\" "
                      "href=\"feed.xml\"></head><body><div class=\"story\">";
    for (int i = 0; i < 6; ++i)
        body += "<p>The ferry crossed the estuary again, carrying cyclists, walkers and a "
                "few cars, and the crew said the crossing took under twenty minutes. "
                "\xd6\xd0\xce\xc4</p>"; // 中文 in GBK
    body += "</div><div class=\"related\"><ul>";
    for (int i = 1; i <= 3; ++i)
        body += "<li><a href=\"../more/" + QByteArray::number(i) + ".html\">Story " +
                QByteArray::number(i) + "</a> A few words about it.</li>";
    body += "</ul></div></body></html>";
    return body;
}

} // namespace

class TestExtractCli : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestHttpServer> m_server;

    QJsonObject run(const QStringList &arguments, int expectedExit, QByteArray *err = nullptr,
                    QByteArray *out = nullptr)
    {
        QProcess cli;
        QSignalSpy done(&cli, &QProcess::finished);
        // The server answers from this thread: wait with the event loop running.
        cli.start(QStringLiteral(BROADSHEET_CLI), arguments);
        if (!done.wait(30000))
            return {{QStringLiteral("timeout"), true}};
        const QByteArray stdoutBytes = cli.readAllStandardOutput();
        if (err)
            *err = cli.readAllStandardError();
        if (out)
            *out = stdoutBytes;
        if (cli.exitCode() != expectedExit)
            return {{QStringLiteral("exit"), cli.exitCode()}};
        return QJsonDocument::fromJson(stdoutBytes).object();
    }

private slots:
    void init()
    {
        m_server = std::make_unique<TestHttpServer>();
        QVERIFY(m_server->listen());
    }

    void fetchesFollowsRedirectAndUsesHttpCharset()
    {
        m_server->route("/news/2025/ferry.html",
                        HttpResponse::ok(gbkPage(), "text/html; charset=GBK"));
        m_server->redirect("/old/ferry", "/news/2025/ferry.html", 301);
        const QJsonObject a =
            run({QStringLiteral("extract"), m_server->url(QStringLiteral("/old/ferry")).toString(),
                 QStringLiteral("--json")},
                0);
        QCOMPARE(a.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Ferry returns to the estuary"));
        QCOMPARE(a.value(QStringLiteral("lang")).toString(), QStringLiteral("zh-CN"));
        const QString text = a.value(QStringLiteral("text")).toString();
        QVERIFY2(text.contains(QStringLiteral("under twenty minutes. 中文")), qPrintable(text));
        QCOMPARE(text.split(QStringLiteral("\n\n")).size(), 6);
        const QJsonArray related = a.value(QStringLiteral("related")).toArray();
        QCOMPARE(related.size(), 3);
        // Resolved against the address after the redirect.
        QCOMPARE(related[1].toObject().value(QStringLiteral("url")).toString(),
                 m_server->url(QStringLiteral("/news/more/2.html")).toString());
        QCOMPARE(related[1].toObject().value(QStringLiteral("snippet")).toString(),
                 QStringLiteral("A few words about it."));
        const QJsonArray feeds = a.value(QStringLiteral("feeds")).toArray();
        QCOMPARE(feeds.size(), 1);
        QCOMPARE(feeds[0].toObject().value(QStringLiteral("url")).toString(),
                 m_server->url(QStringLiteral("/news/2025/feed.xml")).toString());
        QVERIFY(a.value(QStringLiteral("published")).isNull());
        QCOMPARE(a.keys().size(), 13); // ... feeds, confidence {text, related}
        QVERIFY(a.value(QStringLiteral("confidence"))
                    .toObject()
                    .value(QStringLiteral("related"))
                    .toDouble() > 0);
        QCOMPARE(m_server->hits("/news/2025/ferry.html"), 1);
    }

    void httpErrorFails()
    {
        QByteArray err;
        const QJsonObject a =
            run({QStringLiteral("extract"), m_server->url(QStringLiteral("/missing")).toString()},
                1, &err);
        QVERIFY(!a.contains(QStringLiteral("exit")));
        QVERIFY2(err.contains("404"), err.constData());
    }

    void fileWithBaseUrlAsText()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(QStringLiteral("page.html")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        // Saved to disk, no HTTP header: here the <meta> names GBK.
        QByteArray page = gbkPage();
        page.replace("koi8-r", "gbk");
        file.write(page);
        file.close();
        QByteArray out;
        run({QStringLiteral("extract"), file.fileName(), QStringLiteral("--url"),
             QStringLiteral("https://harbour.example.test/news/2025/ferry.html")},
            0, nullptr, &out);
        const QString text = QString::fromUtf8(out);
        QVERIFY2(text.startsWith(QStringLiteral("Ferry returns to the estuary\n")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("中文")));
        QVERIFY(text.contains(QStringLiteral("- Story 3 <https://harbour.example.test/news/more/"
                                             "3.html>")));
        QVERIFY(text.contains(QStringLiteral("https://harbour.example.test/news/2025/feed.xml")));

        QByteArray err;
        run({QStringLiteral("extract"), dir.filePath(QStringLiteral("absent.html"))}, 1, &err);
        QVERIFY(err.contains("Cannot read"));
        QFile empty(dir.filePath(QStringLiteral("empty.html")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        run({QStringLiteral("extract"), empty.fileName(), QStringLiteral("--json")}, 1, &err);
        QVERIFY2(err.contains("empty"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestExtractCli)
#include "test_extract_cli.moc"
