#include "html/CssSanitizer.h"
#include "html/Sanitizer.h"
#include "html/UrlPolicy.h"

#include "HtmlChecks.h"

#include <QtTest>

using namespace bs;

namespace
{

QString sanitize(const char *html)
{
    return sanitizeHtml(QString::fromUtf8(html));
}

} // namespace

// What sanitizeHtml() keeps, drops and rewrites; sanitizeCss() and the URL policy.
class TestSanitizer : public QObject
{
    Q_OBJECT
private slots:
    void scriptAndStyleContentDropped()
    {
        QCOMPARE(sanitize("before<script type=\"text/javascript\">document.write('x')</script>"
                          " after<style>body { display: none }</style>"),
                 QStringLiteral("before after"));
        QCOMPARE(sanitize("<div>a<script>if (a < b && c) {}</script>b</div>"),
                 QStringLiteral("<div>ab</div>"));
        QCOMPARE(sanitize("<applet code=\"x.class\">hidden</applet>shown"),
                 QStringLiteral("shown"));
        QCOMPARE(sanitize("<svg><text>drawn</text><script>alert(1)</script></svg>text"),
                 QStringLiteral("text"));
    }

    void unknownElementsUnwrapped()
    {
        QCOMPARE(sanitize("<blink>blinking</blink> <marquee>moving</marquee>"),
                 QStringLiteral("blinking moving"));
        QCOMPARE(sanitize("<custom-card><p>inside</p></custom-card>"),
                 QStringLiteral("<p>inside</p>"));
    }

    void eventHandlersRemoved()
    {
        QCOMPARE(sanitize("<img src=\"http://example.org/a.png\" onerror=\"steal()\" "
                          "ONLOAD=\"x()\" OnMouseOver='y()'>"),
                 QStringLiteral("<img src=\"http://example.org/a.png\" />"));
        QCOMPARE(sanitize("<a href=\"http://example.org/\" onclick=\"go()\">link</a>"),
                 QStringLiteral("<a href=\"http://example.org/\">link</a>"));
        QCOMPARE(sanitize("<body onload=\"boot()\"><p>text</p></body>"),
                 QStringLiteral("<p>text</p>"));
    }

    void scriptUrlsRemoved_data()
    {
        QTest::addColumn<QString>("html");
        const char *const urls[] = {
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "  javascript:alert(1)",
            "jav&#x09;ascript:alert(1)",
            "jav&#9;ascript:alert(1)",
            "jav&#x0A;ascript:alert(1)",
            "&#106;avascript:alert(1)",
            "&#x6A;&#x61;vascript:alert(1)",
            "javascript&#58;alert(1)",
            "javascript&#58alert(1)",
            "javascript&colon;alert(1)",
            "java\nscript:alert(1)",
            "java\tscript:alert(1)",
            "\x01javascript:alert(1)",
            "vbscript:msgbox(1)",
            "VBScript:msgbox(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "livescript:alert(1)",
        };
        for (const char *url : urls) {
            QTest::newRow(url) << QString::fromUtf8(url);
        }
    }
    void scriptUrlsRemoved()
    {
        QFETCH(QString, html);
        const QString link = sanitizeHtml(QStringLiteral("<a href=\"%1\">x</a>").arg(html));
        BS_VERIFY_NOTHING_ACTIVE(link);
        const QString image = sanitizeHtml(QStringLiteral("<img src=\"%1\">").arg(html));
        BS_VERIFY_NOTHING_ACTIVE(image);
        const QString quote =
            sanitizeHtml(QStringLiteral("<blockquote cite=\"%1\">q</blockquote>").arg(html));
        BS_VERIFY_NOTHING_ACTIVE(quote);
    }

    void fileAndDataUrls()
    {
        QCOMPARE(sanitize("<a href=\"file:///etc/passwd\">x</a>"),
                 QStringLiteral("<a href=\"\">x</a>"));
        QCOMPARE(sanitize("<img src=\"FILE://server/share/a.png\">"),
                 QStringLiteral("<img src=\"\" />"));
        QCOMPARE(sanitize("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"dot\">"),
                 QStringLiteral("<img alt=\"dot\" src=\"data:image/png;base64,iVBORw0KGgo=\" />"));
        QCOMPARE(sanitize("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">"),
                 QStringLiteral("<img src=\"\" />"));
        QCOMPARE(sanitize("<a href=\"data:image/png;base64,iVBORw0KGgo=\">x</a>"),
                 QStringLiteral("<a href=\"\">x</a>"));
        QCOMPARE(sanitize("<a href=\"mailto:editor@example.org\">mail</a>"),
                 QStringLiteral("<a href=\"mailto:editor@example.org\">mail</a>"));
    }

    void dangerousElementsRemoved()
    {
        QCOMPARE(sanitize("a<iframe src=\"http://example.org/\"></iframe>b"), QStringLiteral("ab"));
        QCOMPARE(
            sanitize("a<object data=\"x.swf\"><param name=\"p\" value=\"v\">fallback</object>"),
            QStringLiteral("afallback"));
        QCOMPARE(sanitize("a<embed src=\"x.swf\">b"), QStringLiteral("ab"));
        QCOMPARE(sanitize("<form action=\"http://evil.example/\"><label>Name</label>"
                          "<input type=\"password\" name=\"pw\"><button>Log in</button>"
                          "<select><option>one</option></select><textarea>t</textarea></form>"),
                 QStringLiteral("<label>Name</label>Log inonet"));
        QCOMPARE(sanitize("<meta http-equiv=\"refresh\" content=\"0; url=http://evil/\">"
                          "<link rel=\"stylesheet\" href=\"http://evil/x.css\">"
                          "<base href=\"http://evil/\">text"),
                 QStringLiteral("text"));
        QCOMPARE(sanitize("a<frameset><frame src=\"http://example.org/\"></frameset>b"),
                 QStringLiteral("ab"));
        QCOMPARE(sanitize("x<!-- <script>alert(1)</script> -->y<?php evil(); ?>z"),
                 QStringLiteral("xyz"));
    }

    void unsafeCssDropped()
    {
        QCOMPARE(sanitize("<p style=\"width: expression(alert(1))\">x</p>"),
                 QStringLiteral("<p>x</p>"));
        QCOMPARE(sanitize("<p style=\"background-image: url(javascript:alert(1))\">x</p>"),
                 QStringLiteral("<p>x</p>"));
        QCOMPARE(sanitize("<p style=\"color: red; -moz-binding: url(x.xml#xss)\">x</p>"),
                 QStringLiteral("<p>x</p>"));
        QCOMPARE(sanitize("<p style=\"behavior: url(x.htc)\">x</p>"), QStringLiteral("<p>x</p>"));
        QCOMPARE(sanitize("<p style=\"color: red /* comment */\">x</p>"),
                 QStringLiteral("<p>x</p>"));
        QCOMPARE(sanitize("<p style=\"color: \\72 ed\">x</p>"), QStringLiteral("<p>x</p>"));
        QCOMPARE(sanitizeCss(QStringLiteral("position: absolute; top: 0; color: blue")),
                 QStringLiteral("color: blue;"));
        QCOMPARE(sanitizeCss(QStringLiteral("margin: 99999em")), QString());
        QCOMPARE(sanitizeCss(QStringLiteral("} body { color: red")), QString());
    }

    void safeCssKept()
    {
        QCOMPARE(sanitize("<span style=\"color:#c00;font-weight : bold\">x</span>"),
                 QStringLiteral("<span style=\"color: #c00; font-weight: bold;\">x</span>"));
        QCOMPARE(sanitizeCss(QStringLiteral("border: 1px solid rgb(0, 0, 0); margin: 0 15px")),
                 QStringLiteral("border: 1px solid rgb(0, 0, 0); margin: 0 15px;"));
        QCOMPARE(sanitizeCss(QStringLiteral("font-family: 'Lucida Console', serif")),
                 QStringLiteral("font-family: 'Lucida Console', serif;"));
        QCOMPARE(sanitizeCss(QStringLiteral("TEXT-ALIGN: center")),
                 QStringLiteral("TEXT-ALIGN: center;"));
    }

    void relativeUrlsResolved()
    {
        const QUrl base(QStringLiteral("http://example.org/blog/post.html"));
        QCOMPARE(sanitizeHtml(QStringLiteral("<a href=\"/about\">a</a><img src=\"i/p.png\">"
                                             "<blockquote cite=\"../q\">q</blockquote>"),
                              base),
                 QStringLiteral("<a href=\"http://example.org/about\">a</a>"
                                "<img src=\"http://example.org/blog/i/p.png\" />"
                                "<blockquote cite=\"http://example.org/q\">q</blockquote>"));
        QCOMPARE(sanitizeHtml(QStringLiteral("<a href=\"?page=2&amp;sort=new\">n</a>"), base),
                 QStringLiteral("<a href=\"http://example.org/blog/post.html?page=2&amp;sort=new\">"
                                "n</a>"));
        QCOMPARE(sanitizeHtml(QStringLiteral("<a href=\"https://other.example/x\">o</a>"), base),
                 QStringLiteral("<a href=\"https://other.example/x\">o</a>"));
        QCOMPARE(sanitizeHtml(QStringLiteral("<a href=\"javascript:x()\">j</a>"), base),
                 QStringLiteral("<a href=\"\">j</a>"));
        QCOMPARE(sanitize("<a href=\"/about\">a</a>"), QStringLiteral("<a href=\"/about\">a</a>"));
    }

    void resolveRelativeUrlsKeepsMarkup()
    {
        const QUrl base(QStringLiteral("http://example.org/dir/"));
        QCOMPARE(resolveRelativeUrls(QStringLiteral("<p onclick=\"f()\"><a href=\"x\">x</a>"
                                                    "<script>if (a < b && c) {}</script>"
                                                    "<!-- note --><img src=\"i.png\"></p>"),
                                     base),
                 QStringLiteral("<p onclick=\"f()\"><a href=\"http://example.org/dir/x\">x</a>"
                                "<script>if (a < b && c) {}</script><!-- note -->"
                                "<img src=\"http://example.org/dir/i.png\" /></p>"));
        const QString html = QStringLiteral("<a href=\"x\">x</a>");
        QCOMPARE(resolveRelativeUrls(html, QUrl()), html);
    }

    void structureKept()
    {
        const char *const kept[] = {
            "<h2>Title</h2><p>Some <b>bold</b>, <i>italic</i>, <em>em</em> and "
            "<strong>strong</strong> text, <sub>sub</sub><sup>sup</sup>.</p>",
            "<ul><li>one</li><li>two</li></ul><ol start=\"3\"><li>three</li></ol>",
            "<table border=\"1\"><caption>Cap</caption><thead><tr><th scope=\"col\">h</th></tr>"
            "</thead><tbody><tr><td colspan=\"2\">c</td></tr></tbody></table>",
            "<figure><img alt=\"A cat\" height=\"300\" src=\"http://example.org/cat.jpg\" "
            "width=\"400\" /><figcaption>A cat</figcaption></figure>",
            "<blockquote cite=\"http://example.org/\"><p>Quoted</p></blockquote>",
            "<pre><code>int main() { return 0; }\n</code></pre>",
            "<p>line<br />break</p><hr />",
            "<dl><dt>term</dt><dd>definition</dd></dl>",
            "<video controls=\"controls\" poster=\"http://example.org/p.jpg\">"
            "<source src=\"http://example.org/v.mp4\" type=\"video/mp4\" /></video>",
            "<p><a href=\"http://example.org/\" title=\"Example\">link</a> "
            "<abbr title=\"HyperText\">HTML</abbr> <del>old</del><ins>new</ins></p>",
        };
        for (const char *html : kept)
            QCOMPARE(sanitize(html), QString::fromUtf8(html));
    }

    void trackingPixelKeptAsImage()
    {
        QCOMPARE(sanitize("<p>Hi</p><img src=\"https://tracker.example/open.gif?u=42\" "
                          "width=\"1\" height=\"1\" border=\"0\">"),
                 QStringLiteral("<p>Hi</p><img border=\"0\" height=\"1\" "
                                "src=\"https://tracker.example/open.gif?u=42\" width=\"1\" />"));
    }

    void outputFormat()
    {
        // Attributes sorted (as feedparser writes them), double quotes, values escaped.
        QCOMPARE(sanitize("<img width=10 alt='a \"quoted\" <b>' src=x.png>"),
                 QStringLiteral("<img alt=\"a &quot;quoted&quot; &lt;b&gt;\" src=\"x.png\" "
                                "width=\"10\" />"));
        // Valueless attributes repeat their name; rel and type are lower-cased.
        QCOMPARE(sanitize("<ol compact><li>x</li></ol><a rel=\"NoFollow\">y</a>"),
                 QStringLiteral("<ol compact=\"compact\"><li>x</li></ol>"
                                "<a rel=\"nofollow\">y</a>"));
        // End tags written, void elements closed XHTML style, no implied wrappers.
        QCOMPARE(sanitize("text <b>bold<br>more"), QStringLiteral("text <b>bold<br />more</b>"));
        QCOMPARE(sanitize("  \n plain text \n "), QStringLiteral("plain text"));
    }

    void referencesKeptAsWritten()
    {
        QCOMPARE(sanitize("Fish &amp; chips &eacute;t&#233; &#x20AC; &lt;tag&gt; &apos;"),
                 QStringLiteral("Fish &amp; chips &eacute;t&#233; &#x20ac; &lt;tag&gt; &apos;"));
        QCOMPARE(sanitize("AT&T &bogus; a < b > c"),
                 QStringLiteral("AT&amp;T &amp;bogus; a &lt; b > c"));
        // Without ';': numeric references and Latin-1 names are references (browsers decode
        // them), but not before '=' as in query strings.
        QCOMPARE(
            sanitize("&amp &nbsp;x &#106 &alpha <a href=\"?a=1&copy=2\">q</a>"),
            QStringLiteral("&amp; &nbsp;x &#106; &amp;alpha <a href=\"?a=1&amp;copy=2\">q</a>"));
        // Windows-1252 code points written as numeric references are mapped as feedparser does.
        QCOMPARE(sanitize("&#150; &#147;q&#148;"), QStringLiteral("&#x2013; &#x201c;q&#x201d;"));
        QCOMPARE(sanitize("<a title=\"x &amp; y\" href=\"/p?a=1&b=2\">l</a>"),
                 QStringLiteral("<a href=\"/p?a=1&amp;b=2\" title=\"x &amp; y\">l</a>"));
        QCOMPARE(sanitize("<![CDATA[raw]]>"), QStringLiteral("&lt;![CDATA[raw]]>"));
    }

    void urlPolicy()
    {
        QVERIFY(isSafeUrl(QStringLiteral("http://example.org/")));
        QVERIFY(isSafeUrl(QStringLiteral("HTTPS://example.org/")));
        QVERIFY(isSafeUrl(QStringLiteral("relative/path?q=a:b")));
        QVERIFY(isSafeUrl(QStringLiteral("//cdn.example.org/x.png")));
        QVERIFY(isSafeUrl(QStringLiteral("#fragment")));
        QVERIFY(!isSafeUrl(QStringLiteral(" java\tscript:x")));
        QVERIFY(!isSafeUrl(QStringLiteral("file:///etc/passwd")));
        QVERIFY(!isSafeUrl(QStringLiteral("data:image/png;base64,AA")));
        QVERIFY(isSafeUrl(QStringLiteral("data:image/png;base64,AA"), true));
        QVERIFY(!isSafeUrl(QStringLiteral("data:image/svg+xml,<svg/>"), true));
        QCOMPARE(resolveUrl(QStringLiteral(" ../a b "), QUrl(QStringLiteral("http://h/x/y/z"))),
                 QStringLiteral("http://h/x/a b"));
        QCOMPARE(resolveUrl(QStringLiteral("http:////h/p"), QUrl(QStringLiteral("http://b/"))),
                 QStringLiteral("http://h/p"));
        QCOMPARE(resolveUrl(QString(), QUrl(QStringLiteral("http://b/feed"))),
                 QStringLiteral("http://b/feed"));
    }
};

QTEST_GUILESS_MAIN(TestSanitizer)
#include "test_sanitizer.moc"
