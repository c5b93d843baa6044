// The reader view on a real profile and the real web engine, offscreen: rendering from the
// cache, the security doors (with a loopback server that must see no request), links, theme,
// text size and direction.

#include "ReaderTesting.h"
#include "TestHttpServer.h"
#include "html/Sanitizer.h"
#include "reader/ReaderContent.h"
#include "reader/ReaderInterceptor.h"
#include "reader/ReaderSchemeHandler.h"
#include "reader/ReaderView.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"

#include <QAction>
#include <QBuffer>
#include <QImage>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QWebEngineUrlRequestInfo>
#include <QWebEngineView>
#include <QtTest>

using namespace bs;

namespace
{

QByteArray pngBytes(int width, int height, QColor color)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

const QString cachedImage =
    QStringLiteral("https://img.example.test/photos/harbour.png?size=m&v=2");

} // namespace

class TestReader : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_writer;
    std::unique_ptr<Database> m_reader;
    qint64 m_feed = 0;
    QByteArray m_png = pngBytes(48, 32, QColor(200, 60, 40));

    qint64 save(Article article)
    {
        article.feedId = m_feed;
        if (article.guid.isEmpty())
            article.guid = article.title;
        const auto result = ArticleStore(*m_writer).save(article);
        return result.id;
    }

    ReaderMediaResolver resolver()
    {
        return [this](const QUrl &url) -> std::optional<ReaderMedia> {
            if (url == QUrl(cachedImage))
                return ReaderMedia{.data = m_png, .mimeType = QStringLiteral("image/png")};
            return std::nullopt;
        };
    }

    // Shows the article and waits for its page.
    bool show(ReaderView &view, qint64 id)
    {
        QSignalSpy loaded(&view, &ReaderView::articleLoaded);
        view.showArticle(id);
        if (!loaded.wait(20000))
            return false;
        return loaded.constLast().at(0).toLongLong() == id && loaded.constLast().at(1).toBool();
    }

    static QVariant js(ReaderView &view, const QString &script)
    {
        return test::evalInPage(view.page(), script);
    }

private slots:
    void initTestCase()
    {
        QString error;
        const QString path = m_dir.filePath(QStringLiteral("reader.sqlite"));
        m_writer = Database::openWriter(path, &error);
        QVERIFY2(m_writer, qPrintable(error));
        m_feed = *FeedStore(*m_writer).addFeed(
            Feed{.url = QUrl(QStringLiteral("https://news.example.test/feed.xml")),
                 .title = QStringLiteral("Harbour Gazette")});
        m_reader = Database::openReader(path, &error);
        QVERIFY2(m_reader, qPrintable(error));
    }

    void mediaUrlsRoundTrip()
    {
        const QUrl original(cachedImage);
        const QUrl local = readerMediaUrl(original);
        QCOMPARE(local.scheme(), QStringLiteral("bsreader"));
        QCOMPARE(local.host(), QStringLiteral("media"));
        QCOMPARE(readerMediaOriginal(local), original);
        QCOMPARE(readerMediaOriginal(QUrl(local.toString(QUrl::FullyEncoded))), original);
        QCOMPARE(readerArticleId(readerArticleUrl(42)), 42);
        QCOMPARE(readerArticleId(QUrl(QStringLiteral("bsreader://media/42"))), 0);
    }

    void rewritesContentForThePage()
    {
        const ReaderContentPolicy policy{
            .base = QUrl(QStringLiteral("https://news.example.test/2026/story.html")),
            .isCached = [](const QUrl &url) {
                return url.path().endsWith(QLatin1String("a.png"));
            }};
        const QString out = rewriteReaderContent(
            QStringLiteral(
                "<p onclick=\"x()\">Hi <a href=\"javascript:alert(1)\">j</a> "
                "<a href=\"/next\" target=\"_blank\">n</a></p>"
                "<img src=\"img/a.png\" srcset=\"img/a.png 1x, https://c.test/b.png 2x\">"
                "<img src=\"file:///etc/passwd\"><script>bad()</script>"
                "<iframe src=\"https://x.test/\"></iframe>"
                "<div style=\"background:url(https://x.test/t.png)\">s</div>"
                "<p style=\"color: red\">kept</p>"),
            policy);
        QVERIFY2(!out.contains(QLatin1String("onclick")), qPrintable(out));
        QVERIFY2(!out.contains(QLatin1String("javascript")), qPrintable(out));
        QVERIFY2(!out.contains(QLatin1String("target")), qPrintable(out));
        QVERIFY2(!out.contains(QLatin1String("script")), qPrintable(out));
        QVERIFY2(!out.contains(QLatin1String("iframe")), qPrintable(out));
        QVERIFY2(!out.contains(QLatin1String("file:")), qPrintable(out));
        QVERIFY2(!out.contains(QLatin1String("url(")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("href=\"https://news.example.test/next\"")),
                 qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("style=\"color: red\"")), qPrintable(out));
        const QString cached =
            readerMediaUrl(QUrl(QStringLiteral("https://news.example.test/2026/img/a.png")))
                .toString(QUrl::FullyEncoded);
        QVERIFY2(out.contains(QStringLiteral("src=\"%1\"").arg(cached)), qPrintable(out));
        // Not cached, remote images off: still the media scheme (answered 404), never remote.
        QVERIFY2(!out.contains(QLatin1String("\"https://c.test")), qPrintable(out));
        QVERIFY2(!out.contains(QLatin1String(" https://c.test")), qPrintable(out));

        // Remote images allowed: an uncached image keeps its address, a cached one is local.
        ReaderContentPolicy remote = policy;
        remote.allowRemoteImages = true;
        const QString allowed = rewriteReaderContent(
            QStringLiteral("<img src=\"img/a.png\"><img src=\"https://c.test/b.png\">"), remote);
        QVERIFY2(allowed.contains(QStringLiteral("src=\"%1\"").arg(cached)), qPrintable(allowed));
        QVERIFY2(allowed.contains(QLatin1String("src=\"https://c.test/b.png\"")),
                 qPrintable(allowed));
    }

    // (a) An article from a real profile: title, feed, body from the full text, and its image
    // from the media resolver; nothing left the reader scheme.
    void rendersArticleWithCachedImage()
    {
        const qint64 id = save(Article{
            .url = QUrl(QStringLiteral("https://news.example.test/2026/ferry.html")),
            .title = QStringLiteral("Night ferry returns to the harbour"),
            .author = QStringLiteral("Mara Quill"),
            .published = QDateTime(QDate(2026, 3, 14), QTime(9, 30), Qt::UTC),
            .summary = QStringLiteral("<p>Summary only text.</p>"),
            .content = QStringLiteral("<p>Feed content text.</p>"),
            .fullText = QStringLiteral("<p>The night ferry sailed again after four winters of "
                                       "repairs.</p><figure><img id=\"photo\" src=\"%1\" "
                                       "alt=\"The harbour\"><figcaption>The quay at dusk."
                                       "</figcaption></figure>")
                            .arg(cachedImage.toHtmlEscaped())});
        QVERIFY(id > 0);

        ReaderView view(*m_reader);
        view.setMediaResolver(resolver());
        view.resize(900, 700);
        view.show();
        QVERIFY(view.usesWebEngine());
        QVERIFY(show(view, id));

        const QString text = test::pageText(view.page());
        QVERIFY2(text.contains(QLatin1String("Night ferry returns to the harbour")),
                 qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("Harbour Gazette"), Qt::CaseInsensitive),
                 qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("Mara Quill")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("four winters of repairs")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("Feed content text")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("news.example.test")), qPrintable(text));

        // The image decoded from the resolver's bytes (JavaScript off for the page; this runs
        // in the application's world).
        QTRY_COMPARE_WITH_TIMEOUT(
            js(view, QStringLiteral("document.getElementById('photo').naturalWidth")).toInt(), 48,
            10000);
        QCOMPARE(js(view, QStringLiteral("document.getElementById('photo').naturalHeight")).toInt(),
                 32);
        QCOMPARE(view.schemeHandler()->mediaServed(), 1);
        QCOMPARE(js(view, QStringLiteral("document.title")).toString(),
                 QStringLiteral("Night ferry returns to the harbour"));
        const auto log = view.interceptor()->log();
        QVERIFY(!log.isEmpty());
        for (const ReaderRequest &request : log) {
            QCOMPARE(request.url.scheme(), QStringLiteral("bsreader"));
            QVERIFY(!request.blocked);
        }

        // Content without full text falls back to the content, then the summary.
        const qint64 contentOnly = save(Article{.title = QStringLiteral("Content only"),
                                                .summary = QStringLiteral("<p>Short sum.</p>"),
                                                .content = QStringLiteral("<p>Long body.</p>")});
        QVERIFY(show(view, contentOnly));
        QVERIFY(test::pageText(view.page()).contains(QLatin1String("Long body.")));
        const qint64 summaryOnly = save(Article{.title = QStringLiteral("Summary only"),
                                                .summary = QStringLiteral("<p>Only sum.</p>")});
        QVERIFY(show(view, summaryOnly));
        QVERIFY(test::pageText(view.page()).contains(QLatin1String("Only sum.")));
    }

    // (b) Hostile content, stored raw (and once through the sanitizer): nothing runs, nothing
    // is framed, and no request reaches the loopback server.
    void hostileContentIsInert_data()
    {
        QTest::addColumn<bool>("sanitized");
        QTest::newRow("raw") << false;
        QTest::newRow("sanitized") << true;
    }

    void hostileContentIsInert()
    {
        QFETCH(bool, sanitized);
        test::TestHttpServer server;
        QVERIFY(server.listen());
        const QString base = server.url("/").toString(QUrl::RemovePath);
        QString hostile =
            QStringLiteral(
                "<p id=\"visible\">Visible paragraph.</p>"
                "<script>document.title='pwned-script';</script>"
                "<img id=\"onerr\" src=\"nothing.png\" onerror=\"document.title='pwned-onerror'\">"
                "<p onmouseover=\"document.title='pwned-hover'\">hover</p>"
                "<a id=\"jslink\" href=\"javascript:document.title='pwned-link'\">js link</a>"
                "<a id=\"datalink\" href=\"data:text/html,<script>alert(1)</script>\">data</a>"
                "<iframe id=\"frame\" src=\"%1/frame.html\"></iframe>"
                "<img id=\"pixel\" src=\"%1/pixel.gif\" width=\"1\" height=\"1\">"
                "<img id=\"passwd\" src=\"file:///etc/passwd\">"
                "<img srcset=\"%1/srcset.png 2x\">"
                "<div id=\"styled\" style=\"background-image:url(%1/css.png)\">styled</div>"
                "<style>@import url(%1/import.css); body{background:url(%1/bg.png)}</style>"
                "<link rel=\"stylesheet\" href=\"%1/sheet.css\">"
                "<object data=\"%1/object.swf\"></object><embed src=\"%1/embed.swf\">"
                "<video poster=\"%1/poster.jpg\" src=\"%1/video.mp4\"></video>"
                "<meta http-equiv=\"refresh\" content=\"0;url=%1/refresh\">"
                "<form action=\"%1/form\" method=\"post\"><input type=\"image\" "
                "src=\"%1/input.png\"></form>"
                "<svg><image href=\"%1/svg.png\"/></svg>"
                "<a href=\"%1/ping-target\" ping=\"%1/ping\">ping</a>"
                "<base href=\"%1/\">")
                .arg(base);
        if (sanitized)
            hostile = sanitizeHtml(hostile, QUrl(QStringLiteral("https://news.example.test/")));
        const QString title =
            sanitized ? QStringLiteral("Hostile sanitized") : QStringLiteral("Hostile raw");
        const qint64 id = save(Article{.url = QUrl(QStringLiteral("https://news.example.test/h")),
                                       .title = title,
                                       .content = hostile});

        ReaderView view(*m_reader);
        view.setMediaResolver(resolver());
        QList<QUrl> opened;
        view.setLinkOpener([&](const QUrl &url) { opened << url; });
        view.resize(900, 700);
        view.show();
        QVERIFY(show(view, id));
        QVERIFY(test::pageText(view.page()).contains(QLatin1String("Visible paragraph.")));

        // Give anything that would fire (refresh, lazy loads) time to try.
        QTest::qWait(1500);
        QCOMPARE(js(view, QStringLiteral("document.title")).toString(), title);
        QCOMPARE(js(view, QStringLiteral("document.querySelectorAll('script,iframe,frame,object,"
                                         "embed,link,form,input,svg,base,.reader-content meta')"
                                         ".length"))
                     .toInt(),
                 0);
        QCOMPARE(js(view, QStringLiteral("Array.from(document.querySelectorAll('*')).filter("
                                         "e => Array.from(e.attributes).some(a => "
                                         "a.name.startsWith('on'))).length"))
                     .toInt(),
                 0);
        QCOMPARE(js(view, QStringLiteral("Array.from(document.querySelectorAll('[href],[src]'))"
                                         ".filter(e => /^(javascript|data|file):/i.test("
                                         "e.getAttribute('href') || e.getAttribute('src')))"
                                         ".length"))
                     .toInt(),
                 0);
        // The tracking pixel was not loaded from anywhere.
        QCOMPARE(js(view, QStringLiteral("document.getElementById('pixel').naturalWidth")).toInt(),
                 0);
        QVERIFY(js(view, QStringLiteral("getComputedStyle(document.body).backgroundImage"))
                    .toString() == QLatin1String("none"));
        // Still on the article: no refresh, no navigation.
        QCOMPARE(view.page()->url(), readerArticleUrl(id));

        // Clicking the javascript: link (now without a target) does nothing.
        js(view, QStringLiteral("document.getElementById('jslink').click()"));
        QTest::qWait(300);
        QCOMPARE(js(view, QStringLiteral("document.title")).toString(), title);
        QVERIFY2(opened.isEmpty(), qPrintable(opened.value(0).toString()));

        // The pixel was turned into a reader media request, answered "not cached".
        const QUrl divertedPixel = readerMediaUrl(QUrl(base + QStringLiteral("/pixel.gif")));
        bool pixelDiverted = false;
        for (const ReaderRequest &r : view.interceptor()->log())
            pixelDiverted = pixelDiverted || r.url == divertedPixel;
        QVERIFY(pixelDiverted);
        QVERIFY(view.schemeHandler()->mediaMissing() >= 1);
        QCOMPARE(view.schemeHandler()->mediaServed(), 0);

        QVERIFY2(server.requests().isEmpty(),
                 qPrintable(QString::fromLatin1(server.requests().value(0).target)));
        for (const ReaderRequest &r : view.interceptor()->log())
            QVERIFY2(r.url.scheme() == QLatin1String("bsreader") || r.blocked,
                     qPrintable(r.url.toString()));
    }

    // Remote images, when allowed, load from the network; everything else stays blocked.
    void remoteImagesWhenAllowed()
    {
        test::TestHttpServer server;
        QVERIFY(server.listen());
        server.route("/remote.png",
                     test::HttpResponse::ok(pngBytes(20, 10, Qt::blue), "image/png"));
        const QString base = server.url("/").toString(QUrl::RemovePath);
        const qint64 id = save(Article{
            .title = QStringLiteral("Remote picture"),
            .content = QStringLiteral("<p>Look.</p><img id=\"remote\" src=\"%1/remote.png\">"
                                      "<div style=\"background:url(%1/css.png)\">x</div>")
                           .arg(base)});
        ReaderView view(*m_reader);
        view.resize(800, 600);
        view.show();
        QVERIFY(show(view, id));
        QTest::qWait(500);
        QCOMPARE(js(view, QStringLiteral("document.getElementById('remote').naturalWidth")).toInt(),
                 0);
        QCOMPARE(server.hits("/remote.png"), 0);

        QSignalSpy loaded(&view, &ReaderView::articleLoaded);
        view.remoteImagesAction()->trigger();
        QVERIFY(view.allowRemoteImages());
        QVERIFY(loaded.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(
            js(view, QStringLiteral("document.getElementById('remote').naturalWidth")).toInt(), 20,
            10000);
        QCOMPARE(server.hits("/remote.png"), 1);
        QCOMPARE(server.hits("/css.png"), 0);
    }

    // (c) A clicked link goes to the opener (the system browser), and the view stays.
    void linkClickOpensOutside()
    {
        const qint64 id =
            save(Article{.url = QUrl(QStringLiteral("https://news.example.test/links")),
                         .title = QStringLiteral("Links"),
                         .content = QStringLiteral(
                             "<p><a id=\"out\" href=\"https://example.org/story?id=7\" "
                             "style=\"font-size:40px\">Read the whole story</a></p>"
                             "<p><a id=\"self\" href=\"bsreader://article/1\">self</a></p>")});
        ReaderView view(*m_reader);
        QList<QUrl> opened;
        view.setLinkOpener([&](const QUrl &url) { opened << url; });
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(show(view, id));

        // A real mouse click in the middle of the link.
        const QVariantList rect =
            js(view, QStringLiteral("(function(){var r=document.getElementById('out')"
                                    ".getBoundingClientRect();return [r.left+r.width/2,"
                                    "r.top+r.height/2];})()"))
                .toList();
        QCOMPARE(rect.size(), 2);
        const QPoint at(int(rect[0].toDouble()), int(rect[1].toDouble()));
        QWidget *target = view.webView()->focusProxy();
        QVERIFY(target);
        QTest::mouseClick(target, Qt::LeftButton, {}, at);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000);
        QCOMPARE(opened.first(), QUrl(QStringLiteral("https://example.org/story?id=7")));
        QTest::qWait(300);
        QCOMPARE(view.page()->url(), readerArticleUrl(id));

        // Other navigations are refused: a file: address, another reader page, a link to
        // another scheme (the rewrite removed the href; the navigation itself is refused too).
        const int refused = view.page()->refusedNavigations();
        js(view, QStringLiteral("location.href = 'file:///etc/passwd'"));
        QTest::qWait(500);
        QCOMPARE(view.page()->url(), readerArticleUrl(id));
        js(view, QStringLiteral("location.href = 'bsreader://article/%1'").arg(id + 1000));
        QTRY_VERIFY_WITH_TIMEOUT(view.page()->refusedNavigations() > refused, 5000);
        QTest::qWait(300);
        QCOMPARE(view.page()->url(), readerArticleUrl(id));
        QCOMPARE(opened.size(), 1);
    }

    // The interceptor is the profile's last door: a page on the reader's profile that is not
    // the reader page (no navigation policy, no rewrite, no CSP of ours) still gets nothing:
    // neither a data: document nor a remote one loads, and the server sees no request.
    void interceptorBlocksAnyPageOnTheProfile()
    {
        test::TestHttpServer server;
        QVERIFY(server.listen());
        server.route("/page.html", test::HttpResponse::ok("<p>remote</p>", "text/html"));
        const QString base = server.url("/").toString(QUrl::RemovePath);
        ReaderView view(*m_reader);
        QWebEnginePage other(view.profile());
        QSignalSpy loaded(&other, &QWebEnginePage::loadFinished);
        other.setHtml(QStringLiteral("<p>Other page</p><img src=\"%1/other.gif\">").arg(base),
                      QUrl(base + QStringLiteral("/")));
        QVERIFY(loaded.wait(20000));
        other.load(QUrl(base + QStringLiteral("/page.html")));
        QVERIFY(loaded.wait(20000));
        QVERIFY(!loaded.constLast().at(0).toBool());

        bool dataBlocked = false, remoteBlocked = false;
        for (const ReaderRequest &r : view.interceptor()->log()) {
            QVERIFY2(r.blocked, qPrintable(r.url.toString()));
            QCOMPARE(r.resourceType, int(QWebEngineUrlRequestInfo::ResourceTypeMainFrame));
            dataBlocked = dataBlocked || r.url.scheme() == QLatin1String("data");
            remoteBlocked = remoteBlocked || r.url == QUrl(base + QStringLiteral("/page.html"));
        }
        QVERIFY(dataBlocked);
        QVERIFY(remoteBlocked);
        QVERIFY(test::pageText(&other).isEmpty());
        QTest::qWait(300);
        QVERIFY(server.requests().isEmpty());
    }

    // (d) Theme and text size apply to the shown page and to the next one.
    void themeAndFontSize()
    {
        const qint64 id = save(Article{.title = QStringLiteral("Styling"),
                                       .content = QStringLiteral("<p id=\"p\">Paragraph.</p>")});
        ReaderView view(*m_reader);
        view.setTheme(ReaderView::Theme::Light);
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(show(view, id));
        const QString background =
            QStringLiteral("getComputedStyle(document.documentElement).backgroundColor");
        const QString size =
            QStringLiteral("getComputedStyle(document.getElementById('p')).fontSize");
        QCOMPARE(js(view, background).toString(), QStringLiteral("rgb(251, 250, 247)"));
        QCOMPARE(js(view, size).toString(), QStringLiteral("17px"));

        view.setTheme(ReaderView::Theme::Dark);
        QTRY_COMPARE(js(view, background).toString(), QStringLiteral("rgb(30, 31, 34)"));
        QVERIFY(view.darkThemeAction()->isChecked());
        view.setFontSize(24);
        QTRY_COMPARE(js(view, size).toString(), QStringLiteral("24px"));

        // The shortcuts: Ctrl+= larger, Ctrl+- smaller, Ctrl+0 back to the default.
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        QTest::keyClick(&view, Qt::Key_Equal, Qt::ControlModifier);
        QCOMPARE(view.fontSize(), 26);
        QTest::keyClick(&view, Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(view.fontSize(), 24);
        QTest::keyClick(&view, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(view.fontSize(), 17);
        QTRY_COMPARE(js(view, size).toString(), QStringLiteral("17px"));
        view.setFontSize(21);

        // The next article comes up dark and at the chosen size.
        const qint64 next = save(Article{.title = QStringLiteral("Styling two"),
                                         .content = QStringLiteral("<p id=\"p\">Two.</p>")});
        QVERIFY(show(view, next));
        QCOMPARE(js(view, background).toString(), QStringLiteral("rgb(30, 31, 34)"));
        QCOMPARE(js(view, size).toString(), QStringLiteral("21px"));

        // Nothing selected: an empty page in the same colours, still on the reader scheme.
        view.clear();
        QTRY_COMPARE_WITH_TIMEOUT(view.page()->url(), readerBlankUrl(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(js(view, background).toString(),
                                  QStringLiteral("rgb(30, 31, 34)"), 10000);
        QVERIFY(test::pageText(view.page()).trimmed().isEmpty());
    }

    // (e) Right-to-left articles, by their language or by their text.
    void rightToLeft()
    {
        const qint64 arabic =
            save(Article{.title = QStringLiteral("الميناء يستقبل العبارة"),
                         .content = QStringLiteral("<p>عادت العبارة الليلية.</p>"),
                         .language = QStringLiteral("ar")});
        const qint64 hebrew =
            save(Article{.title = QStringLiteral("המעבורת חוזרת"),
                         .content = QStringLiteral("<p>המעבורת הלילית חזרה.</p>")});
        const qint64 english = save(Article{.title = QStringLiteral("Plain English"),
                                            .content = QStringLiteral("<p>Left to right.</p>"),
                                            .language = QStringLiteral("en-GB")});
        ReaderView view(*m_reader);
        view.resize(800, 600);
        view.show();
        const QString dir = QStringLiteral("document.documentElement.dir");
        const QString direction =
            QStringLiteral("getComputedStyle(document.querySelector('.reader-content')).direction");
        QVERIFY(show(view, arabic));
        QCOMPARE(js(view, dir).toString(), QStringLiteral("rtl"));
        QCOMPARE(js(view, direction).toString(), QStringLiteral("rtl"));
        QCOMPARE(js(view, QStringLiteral("document.documentElement.lang")).toString(),
                 QStringLiteral("ar"));
        QVERIFY(show(view, hebrew));
        QCOMPARE(js(view, dir).toString(), QStringLiteral("rtl"));
        QVERIFY(show(view, english));
        QCOMPARE(js(view, dir).toString(), QStringLiteral("ltr"));
        QCOMPARE(js(view, direction).toString(), QStringLiteral("ltr"));
    }

    // Without the web engine the article is still shown, as plain text.
    void plainTextFallback()
    {
        const qint64 id = save(Article{.title = QStringLiteral("Fallback title"),
                                       .content = QStringLiteral("<p>Fallback <b>body</b>.</p>")});
        qputenv("BROADSHEET_DISABLE_WEBENGINE", "1");
        ReaderView view(*m_reader);
        qunsetenv("BROADSHEET_DISABLE_WEBENGINE");
        QVERIFY(!view.usesWebEngine());
        view.showArticle(id);
        const QString text = view.fallbackView()->toPlainText();
        QVERIFY2(text.startsWith(QLatin1String("Fallback title")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("Fallback body.")), qPrintable(text));
    }
};

BROADSHEET_READER_TEST_MAIN(TestReader)
#include "test_reader.moc"
