#include "html/Extractor.h"

#include "html/ExtractorDom.h"
#include "html/ExtractorParts.h"
#include "html/PageCharset.h"
#include "html/Sanitizer.h"
#include "html/ScriptText.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <memory>

namespace bs
{

using namespace dom;

namespace
{

constexpr qsizetype kMaxPageBytes = 64 * 1024 * 1024;
constexpr int kMaxDepth = 192;         // elements below the root, deeper ones unwrapped
constexpr qsizetype kEnoughText = 500; // characters; a shorter result retries with looser rules

struct DocFree {
    void operator()(xmlDoc *d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

DocPtr parse(const QByteArray &page)
{
    const QByteArray utf8 = parserSafeHtml(page);
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE;
    DocPtr doc(htmlReadMemory(utf8.constData(), int(utf8.size()), nullptr, "UTF-8", options));
    // XML_PARSE_HUGE lifts libxml2's nesting limit (256), which would drop the rest of a
    // page with many unclosed elements; the excess nesting is unwrapped here instead.
    if (doc && xmlDocGetRootElement(doc.get()))
        flattenDeepNesting(xmlDocGetRootElement(doc.get()), kMaxDepth);
    return doc;
}

xmlNode *bodyOf(xmlDoc *doc)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!root)
        return nullptr;
    for (xmlNode *c = root; c; c = next(c, root))
        if (is(c, "body"))
            return c;
    return root;
}

QUrl baseOf(xmlDoc *doc, const QUrl &url)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    for (xmlNode *c = root; c; c = next(c, root)) {
        if (is(c, "base") && hasAttr(c, "href")) {
            const QUrl href(attr(c, "href").trimmed());
            const QUrl resolved = url.resolved(href);
            if (resolved.isValid() && !resolved.isRelative())
                return resolved;
            break;
        }
    }
    return url;
}

// Pages whose zoneless dates are China time (the portal convention).
bool chinesePage(const QString &lang, const QString &encoding)
{
    const QString l = lang.toLower();
    return l.startsWith(QLatin1String("zh")) || encoding == QLatin1String("gbk") ||
           encoding == QLatin1String("gb18030") || encoding == QLatin1String("big5") ||
           encoding == QLatin1String("gb2312");
}

// Long text in several paragraphs with few links, found with the strict rules: sure. Short
// text, one paragraph, many links, or found only once the rules were relaxed: less so.
double textConfidence(const QString &text, double linkDensity, int attempt)
{
    qsizetype mass = 0;
    for (const QChar c : text)
        mass += (c.unicode() >= 0x3040 && c.unicode() <= 0x9FFF) ? 3 : !c.isSpace();
    const double length = std::min(1.0, double(mass) / 1500.0);
    const double paragraphs = std::min(1.0, double(text.count(QStringLiteral("\n\n")) + 1) / 4.0);
    const double links = 1.0 - std::min(1.0, linkDensity * 2.0);
    static constexpr double kRelaxed[] = {1.0, 0.85, 0.7, 0.55};
    const double relaxed = kRelaxed[std::clamp(attempt, 0, 3)];
    return std::clamp((0.5 * length + 0.2 * paragraphs + 0.3 * links) * relaxed, 0.0, 1.0);
}

QString firstParagraph(xmlNode *article)
{
    for (xmlNode *n = article->children; n; n = next(n, article))
        if (is(n, "p")) {
            const QString t = innerText(n);
            if (!t.isEmpty())
                return t;
        }
    return {};
}

QUrl firstImage(xmlNode *article, const QUrl &base)
{
    for (xmlNode *n = article->children; n; n = next(n, article))
        if (is(n, "img")) {
            const QString src = attr(n, "src").trimmed();
            if (src.isEmpty() || src.startsWith(QLatin1String("data:")))
                continue;
            const QUrl url = base.resolved(QUrl(src));
            if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
                return url;
        }
    return {};
}

} // namespace

QJsonObject ExtractedArticle::toJson() const
{
    QJsonArray relatedJson;
    for (const RelatedLink &r : related)
        relatedJson.append(QJsonObject{{QStringLiteral("title"), r.title},
                                       {QStringLiteral("url"), r.url.toString()},
                                       {QStringLiteral("snippet"), r.snippet}});
    QJsonArray feedsJson;
    for (const DiscoveredFeed &f : feeds)
        feedsJson.append(QJsonObject{{QStringLiteral("title"), f.title},
                                     {QStringLiteral("url"), f.url.toString()},
                                     {QStringLiteral("type"), f.type}});
    return QJsonObject{
        {QStringLiteral("title"), title},
        {QStringLiteral("byline"), byline},
        {QStringLiteral("published"), published.isValid()
                                          ? QJsonValue(published.toUTC().toString(Qt::ISODate))
                                          : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("site_name"), siteName},
        {QStringLiteral("lang"), lang},
        {QStringLiteral("dir"), dir},
        {QStringLiteral("excerpt"), excerpt},
        {QStringLiteral("lead_image"), leadImage.toString()},
        {QStringLiteral("content_html"), contentHtml},
        {QStringLiteral("text"), text},
        {QStringLiteral("related"), relatedJson},
        {QStringLiteral("feeds"), feedsJson},
        {QStringLiteral("confidence"),
         QJsonObject{{QStringLiteral("text"), std::round(textConfidence * 100) / 100},
                     {QStringLiteral("related"), std::round(relatedConfidence * 100) / 100}}},
    };
}

ExtractedArticle extractArticle(const QByteArray &bytes, const QUrl &url,
                                const QString &contentType)
{
    ExtractedArticle out;
    if (bytes.trimmed().isEmpty()) {
        out.error = QStringLiteral("The page is empty.");
        return out;
    }
    if (bytes.size() > kMaxPageBytes) {
        out.error = QStringLiteral("The page is larger than %1 MiB.").arg(kMaxPageBytes >> 20);
        return out;
    }
    const DecodedDocument decoded = decodeHtmlPage(bytes, contentType);
    out.encoding = decoded.encoding;
    if (decoded.utf8.left(4096).count('\0') > 8) {
        out.error = QStringLiteral("The page is not HTML (it holds binary data).");
        return out;
    }
    DocPtr first = parse(decoded.utf8);
    if (!first || !xmlDocGetRootElement(first.get())) {
        out.error = QStringLiteral("The page could not be parsed as HTML.");
        return out;
    }
    const QUrl base = baseOf(first.get(), url);
    const extract::PageMetadata meta = extract::readMetadata(first.get(), base);
    out.feeds = feedLinksInDocument(first.get(), url);
    const bool chinese = chinesePage(meta.lang, decoded.encoding);

    // Attempts with the rules relaxed one by one, as long as the article stays short.
    const int attempts[] = {
        extract::StripUnlikely | extract::WeightClasses | extract::CleanConditionally,
        extract::WeightClasses | extract::CleanConditionally,
        extract::CleanConditionally,
        0,
    };
    DocPtr bestDoc;
    extract::Grabbed best;
    extract::DateLine dateLine;
    QList<RelatedLink> related;
    double relatedConfidence = 0;
    int attempt = -1;
    int bestAttempt = 0;
    bool firstAttempt = true;
    for (const int flags : attempts) {
        ++attempt;
        DocPtr doc = firstAttempt ? std::move(first) : parse(decoded.utf8);
        if (!doc)
            break;
        extract::prepareDocument(doc.get());
        xmlNode *body = bodyOf(doc.get());
        extract::DateLine line = extract::takeDateLine(body, chinese);
        double storiesConfidence = 0;
        QList<RelatedLink> stories =
            extract::takeRelated(body, base, meta.title, &storiesConfidence);
        if (firstAttempt) {
            dateLine = line;
            related = stories;
            relatedConfidence = storiesConfidence;
            firstAttempt = false;
        }
        extract::Grabbed grabbed = extract::grabArticle(doc.get(), flags, meta.title);
        if (!grabbed.article)
            continue;
        if (!bestDoc || grabbed.textLength > best.textLength) {
            bestDoc = std::move(doc);
            best = grabbed;
            bestAttempt = attempt;
        }
        if (grabbed.textLength >= kEnoughText)
            break;
    }
    if (!bestDoc || !best.article) {
        out.error = QStringLiteral("The page has no readable content.");
        return out;
    }
    xmlNode *article = best.article;

    out.title = meta.title;
    out.byline = meta.byline;
    if (out.byline.isEmpty())
        out.byline = best.byline;
    if (out.byline.isEmpty())
        out.byline = dateLine.author;
    if (out.byline.isEmpty() || chinese) {
        const QString endByline = extract::takeEndByline(article);
        if (out.byline.isEmpty())
            out.byline = endByline;
    }
    out.published = meta.published.isValid() ? meta.published : dateLine.published;
    out.publishedText = meta.published.isValid() ? meta.publishedText : dateLine.dateText;
    out.category = dateLine.category;
    out.source = dateLine.source;
    out.siteName = meta.siteName;
    out.lang = meta.lang;
    out.dir = !meta.dir.isEmpty() ? meta.dir : best.dir.toLower();
    out.excerpt = !meta.excerpt.isEmpty() ? meta.excerpt : firstParagraph(article);
    out.leadImage = !meta.leadImage.isEmpty() ? meta.leadImage : firstImage(article, base);
    out.contentHtml = sanitizeHtml(serialize(article, false), base);
    out.text = extract::articleText(article);
    out.related = related;
    out.relatedConfidence = relatedConfidence;
    out.textConfidence = textConfidence(out.text, linkDensity(article), bestAttempt);
    return out;
}

} // namespace bs
