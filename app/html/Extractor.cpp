#include "html/Extractor.h"

#include "html/ExtractorDom.h"
#include "html/ExtractorParts.h"
#include "html/HtmlParse.h"
#include "html/PageCharset.h"
#include "html/Sanitizer.h"
#include "pages/ListItems.h"

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
constexpr qsizetype kEnoughText = 500; // characters; a shorter result retries with looser rules

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
    const double length = std::min(1.0, double(pages::textMass(text)) / 1500.0);
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
    if (looksBinary(decoded.utf8)) {
        out.error = QStringLiteral("The page is not HTML (it holds binary data).");
        return out;
    }
    // Made parser-safe once: every attempt below parses the same bytes afresh.
    const QByteArray page = parserSafeHtml(decoded.utf8);
    HtmlDocPtr first = parseHtml(page);
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
    HtmlDocPtr bestDoc;
    extract::Grabbed best;
    extract::DateLine dateLine;
    QList<RelatedLink> related;
    double relatedConfidence = 0;
    int attempt = -1;
    int bestAttempt = 0;
    bool firstAttempt = true;
    for (const int flags : attempts) {
        ++attempt;
        HtmlDocPtr doc = firstAttempt ? std::move(first) : parseHtml(page);
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
