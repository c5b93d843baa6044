#include "pages/ListItems.h"

#include "html/ExtractorDom.h"

#include <QRegularExpression>
#include <QSet>

namespace bs::pages
{

using namespace dom;

namespace
{

bool isCjk(char32_t u)
{
    return (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF) ||
           (u >= 0x3040 && u <= 0x30FF) || (u >= 0xF900 && u <= 0xFAFF) ||
           (u >= 0x20000 && u <= 0x2FFFF);
}

bool isHangul(char32_t u)
{
    return (u >= 0xAC00 && u <= 0xD7AF) || (u >= 0x1100 && u <= 0x11FF);
}

} // namespace

bool isMoreLink(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral(
            "^[\\[【(（<«»>\\s]*(详细|详情|更多|全文|阅读全文|查看全文|查看详情|阅读更多|点击查看|"
            "詳細|更多內容|続きを読む|詳しく|더보기|자세히|more|read more|continue reading|"
            "read the full story|full story|weiterlesen|mehr|lire la suite|leer más|leia mais|"
            "читать далее|подробнее|المزيد|اقرأ المزيد|להמשך)[\\]】)）>»\\s.…]*$"),
        QRegularExpression::CaseInsensitiveOption);
    return text.size() <= 40 && re.match(text).hasMatch();
}

namespace
{

bool inHeading(const xmlNode *n, const xmlNode *stop)
{
    for (const xmlNode *p = n->parent; p && p != stop; p = p->parent)
        if (isHeading(p))
            return true;
    return isHeading(stop);
}

xmlNode *headingInside(xmlNode *n)
{
    for (xmlNode *c = n->children; c; c = next(c, n))
        if (isHeading(c))
            return c;
    return nullptr;
}

bool classSays(const xmlNode *n, const QRegularExpression &re)
{
    return re.match(classAndId(n)).hasMatch();
}

} // namespace

QUrl linkTarget(const xmlNode *a, const PageContext &context)
{
    const QString href = attr(a, "href").trimmed();
    if (href.isEmpty() || href.startsWith(QLatin1Char('#')))
        return {};
    const QString lower = href.left(11).toLower();
    if (lower.startsWith(QLatin1String("javascript:")) ||
        lower.startsWith(QLatin1String("mailto:")) || lower.startsWith(QLatin1String("tel:")) ||
        lower.startsWith(QLatin1String("data:")))
        return {};
    QUrl url = context.base.resolved(QUrl(href));
    if (!url.isValid())
        return {};
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return {};
    url.setFragment(QString());
    QUrl page = context.base;
    page.setFragment(QString());
    if (url == page)
        return {};
    return url;
}

namespace
{

QString imageSource(const xmlNode *img)
{
    for (const char *name : {"data-src", "data-original", "data-lazy-src", "data-lazy", "data-url",
                             "data-echo", "src"}) {
        const QString v = attr(img, name).trimmed();
        if (!v.isEmpty() && !v.startsWith(QLatin1String("data:")))
            return v;
    }
    const QString srcset = attr(img, "srcset").trimmed();
    if (!srcset.isEmpty())
        return srcset.section(QLatin1Char(','), 0, 0).trimmed().section(QLatin1Char(' '), 0, 0);
    return {};
}

bool tinyImage(const xmlNode *img)
{
    const int w = attr(img, "width").toInt();
    const int h = attr(img, "height").toInt();
    return (w > 0 && w <= 2) || (h > 0 && h <= 2);
}

QUrl imageIn(xmlNode *root, const PageContext &context)
{
    if (!root)
        return {};
    for (xmlNode *n = root; n; n = next(n, root)) {
        if (!is(n, "img") || tinyImage(n))
            continue;
        const QString src = imageSource(n);
        if (src.isEmpty())
            continue;
        const QUrl url = context.base.resolved(QUrl(src));
        if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
            return url;
    }
    return {};
}

// The block of text (under the nearest block element) with the most mass, outside `skip`.
QString teaserIn(xmlNode *root, const xmlNode *skip)
{
    if (!root)
        return {};
    QHash<const xmlNode *, QString> blocks;
    QList<const xmlNode *> order;
    const auto skipped = [skip](const xmlNode *n) {
        return n == skip || is(n, "script") || is(n, "style") || is(n, "time");
    };
    for (xmlNode *n = root; n; n = next(n, root, skipped(n))) {
        if (skipped(n))
            continue;
        if (!isText(n) || !n->content)
            continue;
        const xmlNode *block = n->parent;
        while (block && block != root && !isBlock(block) && !is(block, "td") && !is(block, "li") &&
               !is(block, "dd"))
            block = block->parent;
        if (!block)
            block = root;
        if (!blocks.contains(block))
            order.append(block);
        blocks[block] += QString::fromUtf8(reinterpret_cast<const char *>(n->content));
    }
    QString best;
    qsizetype bestMass = 0;
    for (const xmlNode *b : order) {
        const QString text = collapseSpaces(blocks.value(b));
        const qsizetype mass = textMass(text);
        if (mass > bestMass) {
            best = text;
            bestMass = mass;
        }
    }
    return best;
}

// Text of the element outside the title link (for the date line).
QString textOutside(xmlNode *root, const xmlNode *skip)
{
    QString out;
    for (xmlNode *n = root; n; n = next(n, root, n == skip || is(n, "script") || is(n, "style"))) {
        if (n == skip || is(n, "script") || is(n, "style"))
            continue;
        if (isText(n) && n->content) {
            out += QString::fromUtf8(reinterpret_cast<const char *>(n->content));
            out += QLatin1Char(' ');
        }
    }
    return collapseSpaces(out);
}

// The elements after a heading or <dt> that belong to its story (teaser, date line, picture):
// up to the next element of the item's own kind, at most four, none holding many links.
std::vector<xmlNode *> followersOf(xmlNode *element)
{
    std::vector<xmlNode *> out;
    if (!isHeading(element) && !is(element, "dt"))
        return out;
    for (xmlNode *s = nextElement(element); s && out.size() < 4; s = nextElement(s)) {
        if (std::strcmp(tag(s), tag(element)) == 0 || isHeading(s) ||
            elementsByTag(s, "a").size() > 2)
            break;
        out.push_back(s);
    }
    return out;
}

QString cleanSnippet(QString text, const QString &title, const QString &dateText, qsizetype minMass)
{
    if (!dateText.isEmpty())
        text.replace(dateText, QString());
    if (!title.isEmpty() && text.startsWith(title))
        text = text.mid(title.size());
    static const QRegularExpression tailMore(
        QStringLiteral(
            "[\\[【(（]?\\s*(详细|详情|更多|阅读全文|查看全文|全文|詳細|read more|more|continue "
            "reading|"
            "weiterlesen|lire la suite|leer más|подробнее|المزيد)\\s*[\\]】)）»>…]*\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    text.remove(tailMore);
    static const QRegularExpression edges(QStringLiteral("^[\\s|·•\\-–—:：]+|[\\s|·•\\-–—]+$"));
    text.remove(edges);
    return textMass(text) >= minMass ? text : QString();
}

} // namespace

qsizetype textMass(QStringView text)
{
    qsizetype mass = 0;
    for (const char32_t u : text.toUcs4()) {
        if (isCjk(u))
            mass += 3;
        else if (isHangul(u))
            mass += 2;
        else if (!QChar::isSpace(u))
            mass += 1;
    }
    return mass;
}

double titleWeight(const QString &title)
{
    double weight = 0;
    bool inWord = false;
    for (const char32_t u : title.toUcs4()) {
        if (isCjk(u)) {
            weight += 0.5;
            inWord = false;
        } else if (QChar::isLetterOrNumber(u) || isHangul(u)) {
            if (!inWord)
                weight += 1;
            inWord = true;
        } else if (u == '\'' || u == 0x2019 || u == '-') {
            // inside a word
        } else {
            inWord = false;
        }
    }
    return weight;
}

QString siteKeyOf(const QString &host)
{
    const QStringList labels = host.toLower().split(QLatin1Char('.'), Qt::SkipEmptyParts);
    if (labels.size() <= 2)
        return labels.join(QLatin1Char('.'));
    bool numeric = true;
    for (const QString &l : labels)
        numeric = numeric && std::all_of(l.cbegin(), l.cend(), [](QChar c) { return c.isDigit(); });
    if (numeric)
        return host;
    static const QSet<QString> secondLevel = {
        QStringLiteral("com"), QStringLiteral("net"), QStringLiteral("org"), QStringLiteral("gov"),
        QStringLiteral("edu"), QStringLiteral("co"),  QStringLiteral("ac"),  QStringLiteral("or"),
        QStringLiteral("ne"),  QStringLiteral("go"),  QStringLiteral("gob"), QStringLiteral("mil")};
    const QString &sld = labels.at(labels.size() - 2);
    const bool three = secondLevel.contains(sld) && labels.last().size() == 2;
    return labels.mid(labels.size() - (three ? 3 : 2)).join(QLatin1Char('.'));
}

bool urlLooksLikeNavigation(const QUrl &url)
{
    const QString path = url.path().toLower();
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QString query = url.query().toLower();
    if (segments.isEmpty() && query.isEmpty())
        return true;
    static const QSet<QString> words = {
        QStringLiteral("tag"),      QStringLiteral("tags"),      QStringLiteral("topic"),
        QStringLiteral("topics"),   QStringLiteral("category"),  QStringLiteral("categories"),
        QStringLiteral("author"),   QStringLiteral("authors"),   QStringLiteral("user"),
        QStringLiteral("users"),    QStringLiteral("login"),     QStringLiteral("signin"),
        QStringLiteral("register"), QStringLiteral("signup"),    QStringLiteral("search"),
        QStringLiteral("about"),    QStringLiteral("contact"),   QStringLiteral("privacy"),
        QStringLiteral("terms"),    QStringLiteral("subscribe"), QStringLiteral("newsletter"),
        QStringLiteral("feed"),     QStringLiteral("rss"),       QStringLiteral("label"),
        QStringLiteral("profile"),  QStringLiteral("member"),    QStringLiteral("members"),
        QStringLiteral("page"),     QStringLiteral("archive"),   QStringLiteral("archives")};
    // /tag/x, /category/news/, /about: a navigation word with at most one segment after it.
    for (qsizetype i = 0; i < segments.size(); ++i)
        if (words.contains(segments.at(i)) && segments.size() - i <= 2)
            return true;
    static const QRegularExpression pager(
        QStringLiteral("(^|[?&])(page|pn|pageno|pagenum|paged|start|offset)=\\d+"));
    if (pager.match(query).hasMatch())
        return true;
    static const QRegularExpression listFile(
        QStringLiteral("^(index|list|default)[_-]?\\d*\\.(s?html?|php|aspx?|jsp)$"));
    if (!segments.isEmpty() && listFile.match(segments.last()).hasMatch())
        return true;
    return false;
}

bool urlLooksLikeArticle(const QUrl &url)
{
    if (urlLooksLikeNavigation(url))
        return false;
    if (dateInUrl(url).isValid())
        return true;
    const QString path = url.path();
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    static const QRegularExpression longNumber(QStringLiteral("\\d{4,}"));
    static const QRegularExpression idQuery(
        QStringLiteral(
            "(^|&)(id|aid|p|tid|nid|newsid|articleid|article_id|docid|story|itemid|contentid|"
            "cid|post|t|thread)=[\\w-]*\\d"),
        QRegularExpression::CaseInsensitiveOption);
    if (idQuery.match(url.query()).hasMatch())
        return true;
    if (segments.isEmpty())
        return false;
    const QString last = segments.last();
    if (longNumber.match(last).hasMatch())
        return true;
    static const QRegularExpression page(QStringLiteral("\\.(s?html?|php|aspx?|jsp|cms)$"),
                                         QRegularExpression::CaseInsensitiveOption);
    if (page.match(last).hasMatch() && segments.size() >= 2)
        return true;
    const int parts = int(last.count(QLatin1Char('-')) + last.count(QLatin1Char('_')));
    if (parts >= 2 && last.size() >= 12)
        return true;
    for (const QString &s : segments)
        if (longNumber.match(s).hasMatch() && segments.size() >= 2)
            return true;
    return segments.size() >= 3 && last.size() >= 8;
}

ReadItem readItem(xmlNode *element, const PageContext &context)
{
    ReadItem out;
    static const QRegularExpression titleClass(
        QStringLiteral("title|headline|heading|tit\\b|biaoti"),
        QRegularExpression::CaseInsensitiveOption);
    // The links: the element itself may be one.
    std::vector<xmlNode *> anchors;
    if (is(element, "a"))
        anchors.push_back(element);
    else
        for (xmlNode *n = element->children; n; n = next(n, element))
            if (is(n, "a"))
                anchors.push_back(n);
    QSet<QUrl> targets;
    xmlNode *best = nullptr;
    QUrl bestUrl;
    double bestScore = -1;
    QString bestText;
    for (xmlNode *a : anchors) {
        const QUrl url = linkTarget(a, context);
        if (!url.isValid())
            continue;
        targets.insert(url);
        QString text = innerText(a);
        if (isMoreLink(text))
            text.clear();
        double score = titleWeight(text);
        if (text.isEmpty())
            score = -0.5; // an image link: only when nothing better
        else if (inHeading(a, element) || headingInside(a) || classSays(a, titleClass))
            score += 100;
        if (score > bestScore) {
            best = a;
            bestUrl = url;
            bestScore = score;
            bestText = text;
        }
    }
    out.features.links = int(targets.size());
    if (!best)
        return out;
    // A "more" link only: its target with the element's heading or strongest text as title.
    QString title;
    if (xmlNode *h = headingInside(best))
        title = innerText(h);
    else
        title = bestText;
    const QString titleAttr = collapseSpaces(attr(best, "title"));
    if (!titleAttr.isEmpty() && (title.isEmpty() || ((title.endsWith(QLatin1String("...")) ||
                                                      title.endsWith(QChar(0x2026)) ||
                                                      title.endsWith(QStringLiteral(".."))) &&
                                                     titleAttr.size() > title.size() - 3)))
        title = titleAttr;
    if (title.isEmpty()) {
        if (xmlNode *h = isHeading(element) ? element : headingInside(element))
            title = innerText(h);
    }
    if (title.isEmpty())
        for (xmlNode *n = best; n; n = next(n, best))
            if (is(n, "img")) {
                title = collapseSpaces(attr(n, "alt"));
                if (title.isEmpty())
                    title = collapseSpaces(attr(n, "title"));
                break;
            }
    if (title.isEmpty())
        return out;
    out.item.title = title;
    out.item.url = bestUrl;

    const std::vector<xmlNode *> followers = followersOf(element);
    std::vector<xmlNode *> parts{element};
    parts.insert(parts.end(), followers.begin(), followers.end());
    // The date: a <time>, then the text around the link, then the link's own text beyond the
    // title (cards whose whole box is the link), then the address.
    for (xmlNode *root : parts) {
        if (out.item.published.isValid())
            break;
        for (xmlNode *n = root; n; n = next(n, root))
            if (is(n, "time")) {
                QDateTime when = parseMachineDate(attr(n, "datetime"), context.dates);
                if (!when.isValid())
                    when = findDate(innerText(n), context.dates).when;
                if (when.isValid()) {
                    out.item.published = when;
                    break;
                }
            }
    }
    QString dateText;
    if (!out.item.published.isValid()) {
        QString around = textOutside(element, best);
        for (xmlNode *f : followers)
            around += QLatin1Char(' ') + innerText(f);
        TextDate found = findDate(around, context.dates);
        if (!found.valid()) {
            QString inLink = innerText(best);
            inLink.remove(title);
            found = findDate(inLink, context.dates);
            if (found.valid())
                around = inLink;
        }
        if (found.valid()) {
            out.item.published = found.when;
            dateText = around.mid(found.position, found.length);
        } else {
            // The date inside the title link's text (a link that is the whole row): taken out
            // of the title when it leads or ends it.
            found = findDate(title, context.dates);
            if (found.valid()) {
                out.item.published = found.when;
                const bool leads = title.left(found.position).trimmed().isEmpty();
                const bool ends = title.mid(found.position + found.length).trimmed().isEmpty();
                if ((leads || ends) && found.length < title.size() - 4) {
                    title.remove(found.position, found.length);
                    title = collapseSpaces(title);
                    out.item.title = title;
                }
            }
        }
    }
    out.features.dateShown = out.item.published.isValid();
    if (!out.item.published.isValid())
        out.item.published = dayOnly(dateInUrl(out.item.url));

    // The teaser: the richest text block of the item outside the title link; for a link that
    // holds the whole card, its text beyond the heading.
    QString snippet = teaserIn(element, best);
    if (headingInside(best)) {
        const QString inLink = teaserIn(best, headingInside(best));
        if (textMass(inLink) > textMass(snippet))
            snippet = inLink;
    }
    for (xmlNode *f : followers) {
        const QString t = innerText(f);
        if (textMass(t) > textMass(snippet))
            snippet = t;
    }
    out.item.snippet = cleanSnippet(snippet, title, dateText, context.minSnippetMass);
    for (xmlNode *root : parts) {
        out.item.image = imageIn(root, context);
        if (out.item.image.isValid())
            break;
    }

    out.features.titleWeight = titleWeight(title);
    out.features.headingTitle = inHeading(best, element) || headingInside(best) != nullptr;
    out.features.articleUrl = urlLooksLikeArticle(out.item.url);
    out.features.navigationUrl = urlLooksLikeNavigation(out.item.url);
    out.features.sameSite = siteKeyOf(out.item.url.host()) == context.siteKey;
    return out;
}

} // namespace bs::pages
