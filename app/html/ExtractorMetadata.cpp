// Page metadata for the extractor: JSON-LD, meta tags, the document title, and the date line
// and byline conventions of Chinese news portals.

#include "feeds/FeedDate.h"
#include "html/ExtractorDom.h"
#include "html/ExtractorParts.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

namespace bs::extract
{

using namespace dom;

namespace
{

QStringList words(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("\\W+"),
                                               QRegularExpression::UseUnicodePropertiesOption);
    return text.toLower().split(separators, Qt::SkipEmptyParts);
}

int wordCount(const QString &text)
{
    return int(text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts).size());
}

// The few entities people double-escape in metadata ("&amp;quot;" and the like).
QString unescapeEntities(QString s)
{
    if (!s.contains(QLatin1Char('&')))
        return s;
    static const QRegularExpression numeric(QStringLiteral("&#(x?)([0-9a-fA-F]+);"));
    QString out;
    qsizetype last = 0;
    auto it = numeric.globalMatch(s);
    while (it.hasNext()) {
        const auto m = it.next();
        out += QStringView(s).mid(last, m.capturedStart() - last);
        bool ok = false;
        const uint code = m.captured(2).toUInt(&ok, m.captured(1).isEmpty() ? 10 : 16);
        if (ok && code > 0 && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF)) {
            const char32_t c = char32_t(code);
            out += QString::fromUcs4(&c, 1);
        } else {
            out += QChar(0xFFFD);
        }
        last = m.capturedEnd();
    }
    out += QStringView(s).mid(last);
    out.replace(QLatin1String("&quot;"), QLatin1String("\""));
    out.replace(QLatin1String("&apos;"), QLatin1String("'"));
    out.replace(QLatin1String("&lt;"), QLatin1String("<"));
    out.replace(QLatin1String("&gt;"), QLatin1String(">"));
    out.replace(QLatin1String("&nbsp;"), QString(QChar(0xA0)));
    out.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return out;
}

QString jsonText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString().trimmed();
    if (v.isArray() && !v.toArray().isEmpty())
        return jsonText(v.toArray().first());
    if (v.isObject())
        return jsonText(v.toObject().value(QLatin1String("name")));
    return {};
}

QString jsonAuthors(const QJsonValue &v)
{
    if (v.isString())
        return v.toString().trimmed();
    if (v.isObject())
        return v.toObject().value(QLatin1String("name")).toString().trimmed();
    if (v.isArray()) {
        QStringList names;
        for (const QJsonValue &a : v.toArray()) {
            const QString name = jsonAuthors(a);
            if (!name.isEmpty())
                names << name;
        }
        return names.join(QLatin1String(", "));
    }
    return {};
}

bool isArticleType(const QJsonValue &type)
{
    static const QRegularExpression articleTypes(
        QStringLiteral("^(Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|"
                       "AskPublicNewsArticle|BackgroundNewsArticle|BlogPosting|"
                       "DiscussionForumPosting|LiveBlogPosting|OpinionNewsArticle|"
                       "ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|"
                       "ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|"
                       "TechArticle)$"));
    if (type.isArray()) {
        for (const QJsonValue &t : type.toArray())
            if (isArticleType(t))
                return true;
        return false;
    }
    return articleTypes.match(type.toString()).hasMatch();
}

struct JsonLd {
    QString title, byline, excerpt, siteName, datePublished, image;
    bool found = false;
};

void readJsonLdObject(const QJsonObject &o, const QString &documentTitle, JsonLd *out)
{
    if (out->found)
        return;
    if (!isArticleType(o.value(QLatin1String("@type")))) {
        const QJsonValue graph = o.value(QLatin1String("@graph"));
        if (graph.isArray())
            for (const QJsonValue &g : graph.toArray())
                if (g.isObject())
                    readJsonLdObject(g.toObject(), documentTitle, out);
        return;
    }
    out->found = true;
    const QString name = o.value(QLatin1String("name")).toString().trimmed();
    const QString headline = o.value(QLatin1String("headline")).toString().trimmed();
    if (!name.isEmpty() && !headline.isEmpty() && name != headline) {
        const bool nameMatches = textSimilarity(name, documentTitle) > 0.75;
        const bool headlineMatches = textSimilarity(headline, documentTitle) > 0.75;
        out->title = headlineMatches && !nameMatches ? headline : name;
    } else {
        out->title = !name.isEmpty() ? name : headline;
    }
    out->byline = jsonAuthors(o.value(QLatin1String("author")));
    out->excerpt = o.value(QLatin1String("description")).toString().trimmed();
    out->siteName = jsonText(o.value(QLatin1String("publisher")));
    out->datePublished = o.value(QLatin1String("datePublished")).toString().trimmed();
    const QJsonValue image = o.value(QLatin1String("image"));
    out->image = image.isObject() ? image.toObject().value(QLatin1String("url")).toString()
                                  : jsonText(image);
}

JsonLd readJsonLd(xmlNode *root, const QString &documentTitle)
{
    JsonLd out;
    for (xmlNode *n = root; n && !out.found; n = next(n, root)) {
        if (!is(n, "script") ||
            attr(n, "type").trimmed().toLower() != QLatin1String("application/ld+json"))
            continue;
        QString text = textContent(n).trimmed();
        // CDATA wrappers some sites leave in.
        static const QRegularExpression cdata(QStringLiteral("^\\s*<!\\[CDATA\\[|\\]\\]>\\s*$"));
        text.remove(cdata);
        const QJsonDocument json = QJsonDocument::fromJson(text.toUtf8());
        if (json.isObject()) {
            readJsonLdObject(json.object(), documentTitle, &out);
        } else if (json.isArray()) {
            for (const QJsonValue &v : json.array())
                if (v.isObject())
                    readJsonLdObject(v.toObject(), documentTitle, &out);
        }
    }
    return out;
}

QString documentTitleText(xmlDoc *doc)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!root)
        return {};
    for (xmlNode *n = root; n; n = next(n, root))
        if (is(n, "title") && !hasAncestor(n, "svg"))
            return innerText(n);
    return {};
}

bool hasCjk(const QString &s)
{
    for (const QChar c : s)
        if (c.unicode() >= 0x3040 && c.unicode() <= 0x9FFF)
            return true;
    return false;
}

} // namespace

double textSimilarity(const QString &a, const QString &b)
{
    const QStringList tokensA = words(a);
    const QStringList tokensB = words(b);
    if (tokensA.isEmpty() || tokensB.isEmpty())
        return 0;
    const QSet<QString> setA(tokensA.begin(), tokensA.end());
    QStringList uniqueB;
    for (const QString &t : tokensB)
        if (!setA.contains(t))
            uniqueB << t;
    const double distance = double(uniqueB.join(QLatin1Char(' ')).size()) /
                            double(tokensB.join(QLatin1Char(' ')).size());
    return 1 - distance;
}

QString cleanedDocumentTitle(xmlDoc *doc)
{
    const QString original = documentTitleText(doc);
    QString title = original;
    bool hierarchical = false;
    static const QRegularExpression separator(QStringLiteral(" [\\|\\-–—\\\\/>»] "));
    static const QRegularExpression hierarchicalSeparator(QStringLiteral(" [\\\\/>»] "));
    static const QRegularExpression beforeLast(QStringLiteral("^(.*) [\\|\\-–—\\\\/>»] .*$"));
    static const QRegularExpression afterFirst(
        QStringLiteral("^[^\\|\\-–—\\\\/>»]*[\\|\\-–—\\\\/>»](.*)$"));
    static const QRegularExpression cjkSeparator(QStringLiteral("\\s*(_|——|－|\\|)\\s*"));
    if (separator.match(title).hasMatch()) {
        hierarchical = hierarchicalSeparator.match(title).hasMatch();
        const auto m = beforeLast.match(original);
        if (m.hasMatch())
            title = m.captured(1);
        if (wordCount(title) < 3) {
            const auto f = afterFirst.match(original);
            if (f.hasMatch())
                title = f.captured(1);
        }
    } else if (cjkSeparator.match(title).hasMatch() &&
               (original.contains(QLatin1Char('_')) || hasCjk(original))) {
        // Portal titles: "Story_Channel_Site", "Story——Site".
        const QStringList parts = original.split(cjkSeparator, Qt::SkipEmptyParts);
        if (!parts.isEmpty() && (wordCount(parts.first()) >= 3 || parts.first().size() >= 5))
            return parts.first().trimmed();
    } else if (title.contains(QLatin1String(": "))) {
        bool matchesHeading = false;
        xmlNode *root = xmlDocGetRootElement(doc);
        for (xmlNode *n = root; n && !matchesHeading; n = next(n, root))
            if ((is(n, "h1") || is(n, "h2")) && innerText(n) == title.trimmed())
                matchesHeading = true;
        if (!matchesHeading) {
            title = original.mid(original.lastIndexOf(QLatin1Char(':')) + 1);
            if (wordCount(title) < 3)
                title = original.mid(original.indexOf(QLatin1Char(':')) + 1);
            else if (wordCount(original.left(original.indexOf(QLatin1Char(':')))) > 5)
                title = original;
        }
    } else if (title.size() > 150 || title.size() < 15) {
        xmlNode *root = xmlDocGetRootElement(doc);
        xmlNode *only = nullptr;
        int count = 0;
        for (xmlNode *n = root; n; n = next(n, root))
            if (is(n, "h1") && ++count == 1)
                only = n;
        if (count == 1)
            title = innerText(only);
    }
    title = collapseSpaces(title);
    const int count = wordCount(title);
    if (count <= 4) {
        QString stripped = original;
        stripped.remove(QRegularExpression(QStringLiteral("[\\|\\-–—\\\\/>»]+")));
        if (!hierarchical || count != wordCount(stripped) - 1)
            title = original;
    }
    return title.trimmed();
}

PageMetadata readMetadata(xmlDoc *doc, const QUrl &base)
{
    PageMetadata meta;
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!root)
        return meta;
    meta.lang = attr(root, "lang").trimmed();
    if (meta.lang.isEmpty())
        meta.lang = attr(root, "xml:lang").trimmed();
    meta.dir = attr(root, "dir").trimmed().toLower();

    QHash<QString, QString> values;
    static const QRegularExpression propertyPattern(
        QStringLiteral("\\s*(article|dc|dcterm|og|twitter)\\s*:\\s*(author|creator|description|"
                       "published_time|title|site_name|image)\\s*"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression namePattern(
        QStringLiteral("^\\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))\\s*[-\\.:]"
                       "\\s*)?(author|creator|pub-date|description|title|site_name|image)\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    for (xmlNode *n = root; n; n = next(n, root)) {
        if (!is(n, "meta"))
            continue;
        const QString content = attr(n, "content").trimmed();
        if (content.isEmpty())
            continue;
        const QString property = attr(n, "property");
        bool matched = false;
        if (!property.isEmpty()) {
            auto it = propertyPattern.globalMatch(property);
            while (it.hasNext()) {
                const auto m = it.next();
                const QString key = m.captured(0).toLower().remove(QLatin1Char(' '));
                matched = true;
                if (!values.contains(key))
                    values.insert(key, content);
            }
        }
        const QString name = attr(n, "name");
        if (!matched && !name.isEmpty() && namePattern.match(name).hasMatch()) {
            QString key = name.toLower();
            key.remove(QRegularExpression(QStringLiteral("\\s")));
            key.replace(QLatin1Char('.'), QLatin1Char(':'));
            if (!values.contains(key))
                values.insert(key, content);
        }
        const QString itemprop = attr(n, "itemprop");
        if (itemprop == QLatin1String("datePublished") &&
            !values.contains(QStringLiteral("itemprop:datepublished")))
            values.insert(QStringLiteral("itemprop:datepublished"), content);
    }
    auto first = [&](std::initializer_list<const char *> keys) {
        for (const char *k : keys) {
            const QString v = values.value(QLatin1String(k));
            if (!v.isEmpty())
                return v;
        }
        return QString();
    };

    const JsonLd ld = readJsonLd(root, cleanedDocumentTitle(doc));
    meta.title = ld.title;
    if (meta.title.isEmpty())
        meta.title = first({"dc:title", "dcterm:title", "og:title", "weibo:article:title",
                            "weibo:webpage:title", "title", "twitter:title", "parsely-title"});
    if (meta.title.isEmpty())
        meta.title = cleanedDocumentTitle(doc);
    meta.byline = ld.byline;
    if (meta.byline.isEmpty())
        meta.byline = first({"dc:creator", "dcterm:creator", "author", "parsely-author"});
    if (meta.byline.isEmpty()) {
        const QString articleAuthor = values.value(QStringLiteral("article:author"));
        if (!articleAuthor.isEmpty() && !QUrl(articleAuthor).isValid())
            meta.byline = articleAuthor;
        else if (!articleAuthor.isEmpty() && QUrl(articleAuthor).scheme().isEmpty())
            meta.byline = articleAuthor;
    }
    meta.excerpt = ld.excerpt;
    if (meta.excerpt.isEmpty())
        meta.excerpt = first({"dc:description", "dcterm:description", "og:description",
                              "weibo:article:description", "weibo:webpage:description",
                              "description", "twitter:description"});
    meta.siteName = ld.siteName;
    if (meta.siteName.isEmpty())
        meta.siteName = first({"og:site_name"});
    meta.publishedText = ld.datePublished;
    if (meta.publishedText.isEmpty())
        meta.publishedText = first({"article:published_time", "parsely-pub-date",
                                    "itemprop:datepublished", "dc:date", "dcterm:date"});
    if (!meta.publishedText.isEmpty()) {
        const FeedDate date = parseFeedDate(meta.publishedText);
        if (date.utc.isValid())
            meta.published = date.utc;
    }
    QString image = ld.image;
    if (image.isEmpty())
        image = first({"og:image", "twitter:image", "image"});
    if (!image.isEmpty()) {
        const QUrl url = base.resolved(QUrl(image.trimmed()));
        if (url.isValid() &&
            (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")))
            meta.leadImage = url;
    }
    meta.title = unescapeEntities(meta.title).trimmed();
    meta.byline = unescapeEntities(meta.byline).trimmed();
    meta.excerpt = unescapeEntities(meta.excerpt).trimmed();
    meta.siteName = unescapeEntities(meta.siteName).trimmed();
    return meta;
}

namespace
{

// Whether the text below n holds "19dd" or "20dd" (ASCII digits), which every date the date
// line pattern matches starts with. Bytes, across text nodes as textContent joins them: UTF-8
// sequences never hold ASCII digits, and collapsing white space never joins digits.
bool hasYearDigits(const xmlNode *n)
{
    int state = 0; // digits matched so far of [12][90]\d\d
    char first = 0;
    xmlNode *root = const_cast<xmlNode *>(n);
    for (xmlNode *c = root->children; c; c = next(c, root)) {
        if (!isText(c) || !c->content)
            continue;
        for (const char *s = reinterpret_cast<const char *>(c->content); *s; ++s) {
            const char b = *s;
            const bool digit = b >= '0' && b <= '9';
            if (state == 1 && ((first == '1' && b == '9') || (first == '2' && b == '0')))
                state = 2;
            else if (state >= 2 && digit)
                state += 1;
            else
                state = 0;
            if (state == 4)
                return true;
            if (state == 0 && (b == '1' || b == '2')) {
                state = 1;
                first = b;
            }
        }
    }
    return false;
}

} // namespace

DateLine takeDateLine(xmlNode *body, bool cjkPage)
{
    DateLine line;
    if (!body)
        return line;
    static const QRegularExpression date(
        QStringLiteral("((?:19|20)\\d\\d)\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?"
                       "(?:\\s*(\\d{1,2})[:：](\\d{2})(?:[:：](\\d{2}))?)?"));
    static const QRegularExpression sourceLabel(
        QStringLiteral("(?:来源|來源|稿源|出处|Source)\\s*[:：]\\s*"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression authorLabel(
        QStringLiteral("(?:作者|编辑|記者|记者)\\s*[:：]\\s*"));
    static const QRegularExpression infoName(
        QStringLiteral("info|time|date|pub|source|meta|attr|sub"),
        QRegularExpression::CaseInsensitiveOption);
    // The smallest element holding a date and either a source label or an info-like name.
    xmlNode *found = nullptr;
    for (xmlNode *n = body->children; n;) {
        if (!isElement(n) || is(n, "a")) {
            n = next(n, body, true);
            continue;
        }
        if (!hasYearDigits(n)) {
            n = next(n, body, true); // nothing below holds a date
            continue;
        }
        // Outside CJK pages only a line of <= 200 characters can be the date line; a longer
        // element is looked into (when it holds no date, neither does anything below it).
        if (!cjkPage && innerTextLonger(n, 200)) {
            n = next(n, body);
            continue;
        }
        const QString text = innerText(n);
        if (!date.match(text).hasMatch()) {
            n = next(n, body, true); // nothing below holds a date
            continue;
        }
        const bool labelled =
            text.size() <= 200 && (sourceLabel.match(text).hasMatch() ||
                                   (cjkPage && infoName.match(classAndId(n)).hasMatch()));
        if (!labelled) {
            n = next(n, body); // a smaller element below may be the line
            continue;
        }
        found = n;
        break;
    }
    if (!found)
        return line;
    // Widen to the whole line when the date sits in a span of it.
    while (found->parent && found->parent != body &&
           (is(found, "span") || is(found, "em") || is(found, "i") || is(found, "font"))) {
        const QString parentText = innerText(found->parent);
        if (parentText.size() > 200)
            break;
        found = found->parent;
    }
    const QString text = innerText(found);
    const auto m = date.match(text);
    line.dateText = m.captured(0).trimmed();
    const QDate day(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const QTime time(m.captured(4).isEmpty() ? 0 : m.captured(4).toInt(),
                     m.captured(5).isEmpty() ? 0 : m.captured(5).toInt(),
                     m.captured(6).isEmpty() ? 0 : m.captured(6).toInt());
    if (day.isValid() && time.isValid()) {
        const QTimeZone zone = cjkPage ? QTimeZone(8 * 3600) : QTimeZone::utc();
        line.published = QDateTime(day, time, zone).toUTC();
    }
    const auto s = sourceLabel.match(text);
    if (s.hasMatch()) {
        QString rest = text.mid(s.capturedEnd()).trimmed();
        static const QRegularExpression stop(
            QStringLiteral("\\s{2,}|\\s*(?:作者|编辑|记者|责任编辑|点击|浏览|字号|\\[)"));
        const auto st = stop.match(rest);
        if (st.hasMatch())
            rest = rest.left(st.capturedStart());
        line.source = rest.trimmed();
    }
    const auto a = authorLabel.match(text);
    if (a.hasMatch()) {
        QString rest = text.mid(a.capturedEnd()).trimmed();
        rest = rest.section(QRegularExpression(QStringLiteral("\\s")), 0, 0);
        line.author = rest;
    }
    // The category: an element named so, else a bracketed item.
    static const QRegularExpression categoryName(
        QStringLiteral("cate|channel|column|lanmu|section|category"),
        QRegularExpression::CaseInsensitiveOption);
    for (xmlNode *c = found->children; c && line.category.isEmpty(); c = next(c, found))
        if (isElement(c) && categoryName.match(classAndId(c)).hasMatch())
            line.category = innerText(c);
    if (line.category.isEmpty()) {
        static const QRegularExpression bracket(QStringLiteral("[\\[【]([^\\]】]{1,20})[\\]】]"));
        const auto b = bracket.match(text);
        if (b.hasMatch())
            line.category = b.captured(1);
    }
    static const QRegularExpression brackets(QStringLiteral("^[\\[【\\s]+|[\\]】\\s]+$"));
    line.category.remove(brackets);
    remove(found);
    return line;
}

QString takeEndByline(xmlNode *article)
{
    // The last paragraph-like element with text.
    xmlNode *last = nullptr;
    for (xmlNode *n = article->children; n; n = next(n, article))
        if ((is(n, "p") || is(n, "div")) && hasInnerText(n) && elementChildCount(n) <= 3)
            last = n;
    if (!last)
        return {};
    // Only when nothing after it carries text.
    QString text = innerText(last);
    if (text.size() > 120)
        return {};
    static const QRegularExpression editor(QStringLiteral(
        "^[\\(（\\[【]?\\s*(?:责任编辑|責任編輯|编辑|編輯|作者|记者|記者)\\s*[:：]?\\s*"
        "([^\\)）\\]】]+?)\\s*[\\)）\\]】]?$"));
    static const QRegularExpression by(
        QStringLiteral("^By\\s+([^()]{2,80}?)\\s*(?:\\([^)]*\\))?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    QString name;
    auto m = editor.match(text);
    if (m.hasMatch())
        name = m.captured(1).trimmed();
    else if ((m = by.match(text)).hasMatch())
        name = m.captured(1).trimmed();
    if (name.isEmpty())
        return {};
    remove(last);
    return name;
}

} // namespace bs::extract
