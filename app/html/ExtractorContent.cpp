// The article scoring pass: our own C++ take on the heuristics Mozilla Readability publishes
// (unlikely-candidate removal, paragraph scoring of ancestors, class/id weights, link density,
// sibling merging, conditional cleaning).

#include "html/ExtractorDom.h"
#include "html/ExtractorParts.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>

namespace bs::extract
{

using namespace dom;

namespace
{

const QRegularExpression &re(const char *pattern)
{
    // Callers keep their own static copies; this only builds them.
    static thread_local std::unordered_map<const char *, QRegularExpression> cache;
    auto it = cache.find(pattern);
    if (it == cache.end())
        it = cache
                 .emplace(pattern, QRegularExpression(QString::fromLatin1(pattern),
                                                      QRegularExpression::CaseInsensitiveOption))
                 .first;
    return it->second;
}

const char *const kUnlikely =
    "-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|"
    "header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|"
    "supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|crumb|position|copyright";
const char *const kMaybe = "and|article|body|column|content|main|shadow";
const char *const kPositive =
    "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story";
const char *const kNegative =
    "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|"
    "gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|"
    "sponsor|shopping|tags|widget|copyright";
const char *const kByline = "byline|author|dateline|writtenby|p-author";
const char *const kShare = "(\\b|_)(share|sharedaddy)(\\b|_)";

bool matches(const char *pattern, const QString &s)
{
    return re(pattern).match(s).hasMatch();
}

bool isWhitespaceNode(const xmlNode *n)
{
    if (isText(n))
        return !hasInnerText(n);
    return is(n, "br");
}

bool isWithoutContent(xmlNode *n)
{
    if (hasInnerText(n))
        return false;
    for (xmlNode *c = n->children; c; c = c->next)
        if (isElement(c) && !is(c, "br") && !is(c, "hr"))
            return false;
    return true;
}

bool hasChildBlock(xmlNode *n)
{
    for (xmlNode *c = n->children; c; c = next(c, n)) {
        const char *t = tag(c);
        if (*t &&
            (std::strcmp(t, "blockquote") == 0 || std::strcmp(t, "dl") == 0 ||
             std::strcmp(t, "div") == 0 || std::strcmp(t, "img") == 0 ||
             std::strcmp(t, "ol") == 0 || std::strcmp(t, "p") == 0 || std::strcmp(t, "pre") == 0 ||
             std::strcmp(t, "table") == 0 || std::strcmp(t, "ul") == 0 ||
             std::strcmp(t, "figure") == 0 || std::strcmp(t, "section") == 0 || isHeading(c)))
            return true;
    }
    return false;
}

// The only element child is a <tag> and there is no text beside it.
xmlNode *singleChild(xmlNode *n, const char *name)
{
    xmlNode *found = nullptr;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (isElement(c)) {
            if (found || !is(c, name))
                return nullptr;
            found = c;
        } else if (isText(c) && hasInnerText(c)) {
            return nullptr;
        }
    }
    return found;
}

bool isVisible(const xmlNode *n)
{
    const QString style = attr(n, "style").toLower().remove(QLatin1Char(' '));
    if (style.contains(QLatin1String("display:none")) ||
        style.contains(QLatin1String("visibility:hidden")))
        return false;
    if (hasAttr(n, "hidden"))
        return false;
    if (attr(n, "aria-hidden") == QLatin1String("true") &&
        !attr(n, "class").contains(QLatin1String("fallback-image")))
        return false;
    return true;
}

bool looksLikeImageUrl(const QString &v)
{
    static const QRegularExpression image(
        QStringLiteral("^\\s*\\S+\\.(jpg|jpeg|png|webp|gif|avif)(\\?\\S*)?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    return image.match(v).hasMatch();
}

bool isPlaceholderSrc(const QString &src)
{
    if (src.trimmed().isEmpty())
        return true;
    if (src.startsWith(QLatin1String("data:"), Qt::CaseInsensitive))
        return src.size() < 200; // a tiny inline gif/svg placeholder, not a real picture
    static const QRegularExpression placeholder(
        QStringLiteral("placeholder|blank\\.|spacer|lazy|loading|grey\\.gif|transparent|pixel\\."),
        QRegularExpression::CaseInsensitiveOption);
    return placeholder.match(src).hasMatch();
}

QString bestFromSrcset(const QString &srcset)
{
    // "a.jpg 320w, b.jpg 640w": the widest (or the last) candidate.
    QString best;
    double bestWidth = -1;
    const QStringList candidates = srcset.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &c : candidates) {
        const QStringList parts = c.trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (parts.isEmpty())
            continue;
        double width = 0;
        if (parts.size() > 1) {
            QString d = parts.at(1);
            d.chop(1);
            width = d.toDouble();
        }
        if (width >= bestWidth) {
            bestWidth = width;
            best = parts.first();
        }
    }
    return best;
}

void fixLazyImage(xmlNode *img)
{
    const QString src = attr(img, "src");
    static const char *const lazyNames[] = {"data-src",       "data-original",  "data-lazy-src",
                                            "data-actualsrc", "data-url",       "data-lazyload",
                                            "data-echo",      "data-hi-res-src"};
    if (isPlaceholderSrc(src)) {
        QString real;
        for (const char *name : lazyNames) {
            const QString v = attr(img, name).trimmed();
            if (!v.isEmpty() && !v.startsWith(QLatin1String("data:"))) {
                real = v;
                break;
            }
        }
        if (real.isEmpty()) {
            QString set = attr(img, "data-srcset");
            if (set.isEmpty())
                set = attr(img, "srcset");
            real = bestFromSrcset(set);
        }
        if (real.isEmpty()) {
            for (xmlAttr *a = img->properties; a; a = a->next) {
                const char *name = reinterpret_cast<const char *>(a->name);
                if (std::strcmp(name, "src") == 0 || std::strcmp(name, "alt") == 0)
                    continue;
                const QString v = attr(img, name);
                if (looksLikeImageUrl(v)) {
                    real = v.trimmed();
                    break;
                }
            }
        }
        if (!real.isEmpty())
            setAttr(img, "src", real);
    }
    const QString dataSrcset = attr(img, "data-srcset");
    if (!dataSrcset.isEmpty() && attr(img, "srcset").isEmpty())
        setAttr(img, "srcset", dataSrcset);
}

class Scorer
{
public:
    explicit Scorer(int flags) : m_flags(flags) {}

    bool initialized(xmlNode *n) const { return m_scores.count(n) != 0; }
    double score(xmlNode *n) const
    {
        auto it = m_scores.find(n);
        return it == m_scores.end() ? 0 : it->second;
    }
    double &scoreRef(xmlNode *n) { return m_scores[n]; }

    int classWeight(const xmlNode *n) const
    {
        if (!(m_flags & WeightClasses))
            return 0;
        int weight = 0;
        const QString cls = attr(n, "class");
        const QString id = attr(n, "id");
        if (!cls.isEmpty()) {
            if (matches(kNegative, cls))
                weight -= 25;
            if (matches(kPositive, cls))
                weight += 25;
        }
        if (!id.isEmpty()) {
            if (matches(kNegative, id))
                weight -= 25;
            if (matches(kPositive, id))
                weight += 25;
        }
        return weight;
    }

    void initialize(xmlNode *n)
    {
        double s = 0;
        const char *t = tag(n);
        if (std::strcmp(t, "div") == 0)
            s += 5;
        else if (std::strcmp(t, "pre") == 0 || std::strcmp(t, "td") == 0 ||
                 std::strcmp(t, "blockquote") == 0)
            s += 3;
        else if (std::strcmp(t, "address") == 0 || std::strcmp(t, "ol") == 0 ||
                 std::strcmp(t, "ul") == 0 || std::strcmp(t, "dl") == 0 ||
                 std::strcmp(t, "dd") == 0 || std::strcmp(t, "dt") == 0 ||
                 std::strcmp(t, "li") == 0 || std::strcmp(t, "form") == 0)
            s -= 3;
        else if (isHeading(n) || std::strcmp(t, "th") == 0)
            s -= 5;
        m_scores[n] = s + classWeight(n);
    }

private:
    int m_flags;
    std::unordered_map<xmlNode *, double> m_scores;
};

bool isDataTable(xmlNode *table)
{
    if (attr(table, "role") == QLatin1String("presentation"))
        return false;
    if (attr(table, "datatable") == QLatin1String("0"))
        return false;
    if (!attr(table, "summary").isEmpty())
        return true;
    int rows = 0;
    int columns = 0;
    for (xmlNode *c = table->children; c; c = next(c, table)) {
        if (is(c, "caption") && c->children)
            return true;
        if (is(c, "col") || is(c, "colgroup") || is(c, "tfoot") || is(c, "thead") || is(c, "th"))
            return true;
        if (is(c, "table"))
            return false;
        if (is(c, "tr")) {
            ++rows;
            int cells = 0;
            for (xmlNode *cell = c->children; cell; cell = cell->next)
                if (is(cell, "td")) {
                    const int span = attr(cell, "colspan").toInt();
                    cells += span > 0 ? span : 1;
                }
            columns = std::max(columns, cells);
        }
    }
    if (rows >= 10 || columns > 4)
        return true;
    return rows * columns > 10;
}

bool hasDataTableAncestor(xmlNode *n)
{
    for (xmlNode *p = n->parent; p; p = p->parent)
        if (is(p, "table") && isDataTable(p))
            return true;
    return false;
}

int countTag(xmlNode *root, const char *name)
{
    int n = 0;
    for (xmlNode *c = root->children; c; c = next(c, root))
        n += is(c, name);
    return n;
}

class Grabber
{
public:
    Grabber(xmlDoc *doc, int flags, const QString &title)
        : m_doc(doc), m_flags(flags), m_title(title), m_scorer(flags)
    {
    }

    Grabbed run();

private:
    bool headerDuplicatesTitle(xmlNode *n) const
    {
        if (!is(n, "h1") && !is(n, "h2"))
            return false;
        const QString heading = innerText(n);
        return !m_title.isEmpty() && textSimilarity(m_title, heading) > 0.75;
    }
    void wrapPhrasing(xmlNode *div);
    void prepArticle(xmlNode *article);
    void cleanConditionally(xmlNode *article, const char *name);
    void cleanTag(xmlNode *article, const char *name);

    xmlDoc *m_doc;
    int m_flags;
    QString m_title;
    Scorer m_scorer;
};

void Grabber::wrapPhrasing(xmlNode *div)
{
    xmlNode *p = nullptr;
    for (xmlNode *child = div->children; child;) {
        xmlNode *following = child->next;
        if (isPhrasing(child)) {
            if (p) {
                xmlUnlinkNode(child);
                xmlAddChild(p, child);
            } else if (!isWhitespaceNode(child)) {
                p = xmlNewDocNode(m_doc, nullptr, BAD_CAST "p", nullptr);
                xmlAddPrevSibling(child, p);
                xmlUnlinkNode(child);
                xmlAddChild(p, child);
            }
        } else if (p) {
            while (p->last && isWhitespaceNode(p->last))
                remove(p->last);
            p = nullptr;
        }
        child = following;
    }
    if (p)
        while (p->last && isWhitespaceNode(p->last))
            remove(p->last);
}

Grabbed Grabber::run()
{
    Grabbed result;
    xmlNode *root = xmlDocGetRootElement(m_doc);
    if (!root)
        return result;
    xmlNode *body = nullptr;
    for (xmlNode *c = root; c; c = next(c, root))
        if (is(c, "body")) {
            body = c;
            break;
        }
    if (!body)
        body = root;

    std::vector<xmlNode *> toScore;
    static const char *const unlikelyRoles[] = {
        "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"};
    for (xmlNode *n = body->children; n;) {
        if (!isElement(n)) {
            n = next(n, body);
            continue;
        }
        const QString match = classAndId(n);
        auto drop = [&] {
            xmlNode *following = next(n, body, true);
            remove(n);
            n = following;
        };
        if (!isVisible(n)) {
            drop();
            continue;
        }
        if (result.byline.isEmpty()) {
            const bool bylineLike = attr(n, "rel") == QLatin1String("author") ||
                                    attr(n, "itemprop").contains(QLatin1String("author")) ||
                                    matches(kByline, match);
            if (bylineLike) {
                const QString text = innerText(n);
                if (!text.isEmpty() && text.size() < 100) {
                    result.byline = text;
                    drop();
                    continue;
                }
            }
        }
        if (headerDuplicatesTitle(n)) {
            drop();
            continue;
        }
        if (m_flags & StripUnlikely) {
            // Custom elements (MathJax's <mjx-container class="... CtxtMenu_...">) are
            // content, whatever their class says.
            const bool custom = std::strchr(tag(n), '-') != nullptr;
            if (!custom && matches(kUnlikely, match) && !matches(kMaybe, match) && !is(n, "a") &&
                !is(n, "body") && !hasAncestor(n, "table") && !hasAncestor(n, "code")) {
                drop();
                continue;
            }
            const QString role = attr(n, "role");
            if (std::any_of(std::begin(unlikelyRoles), std::end(unlikelyRoles),
                            [&](const char *r) { return role == QLatin1String(r); })) {
                drop();
                continue;
            }
        }
        if ((is(n, "div") || is(n, "section") || is(n, "header") || isHeading(n)) &&
            isWithoutContent(n)) {
            drop();
            continue;
        }
        if (is(n, "section") || is(n, "p") || is(n, "td") || is(n, "pre") ||
            (isHeading(n) && !is(n, "h1")))
            toScore.push_back(n);
        if (is(n, "div")) {
            wrapPhrasing(n);
            xmlNode *onlyP = singleChild(n, "p");
            if (onlyP && linkDensity(n) < 0.25) {
                xmlUnlinkNode(onlyP);
                xmlReplaceNode(n, onlyP);
                xmlFreeNode(n);
                n = onlyP;
                toScore.push_back(n);
            } else if (!hasChildBlock(n)) {
                xmlNodeSetName(n, BAD_CAST "p");
                toScore.push_back(n);
            }
        }
        n = next(n, body);
    }

    // Paragraphs score their ancestors.
    std::vector<xmlNode *> candidates;
    for (xmlNode *el : toScore) {
        if (!el->parent || !isElement(el->parent))
            continue;
        const TextStats text = innerTextStats(el);
        if (text.length < 25)
            continue;
        double contentScore = 1 + text.commas + 1;
        contentScore += std::min<qsizetype>(text.length / 100, 3);
        int level = 0;
        for (xmlNode *a = el->parent; a && isElement(a) && level < 5; a = a->parent, ++level) {
            if (!a->parent || !isElement(a->parent))
                break; // the <html> element is no candidate
            if (!m_scorer.initialized(a)) {
                m_scorer.initialize(a);
                candidates.push_back(a);
            }
            const double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            m_scorer.scoreRef(a) += contentScore / divider;
        }
    }

    std::vector<xmlNode *> top;
    for (xmlNode *c : candidates) {
        m_scorer.scoreRef(c) *= 1 - linkDensity(c);
        top.push_back(c);
    }
    std::stable_sort(top.begin(), top.end(),
                     [&](xmlNode *a, xmlNode *b) { return m_scorer.score(a) > m_scorer.score(b); });
    if (top.size() > 5)
        top.resize(5);

    xmlNode *topCandidate = top.empty() ? nullptr : top.front();
    if (!topCandidate || topCandidate == body) {
        topCandidate = xmlNewDocNode(m_doc, nullptr, BAD_CAST "div", nullptr);
        for (xmlNode *c = body->children; c;) {
            xmlNode *following = c->next;
            xmlUnlinkNode(c);
            xmlAddChild(topCandidate, c);
            c = following;
        }
        xmlAddChild(body, topCandidate);
        m_scorer.initialize(topCandidate);
    } else {
        // Several strong candidates under one ancestor: the ancestor holds the article.
        std::vector<std::vector<xmlNode *>> alternatives;
        const double best = m_scorer.score(topCandidate);
        for (size_t i = 1; i < top.size(); ++i) {
            if (best > 0 && m_scorer.score(top[i]) / best >= 0.75) {
                std::vector<xmlNode *> ancestors;
                for (xmlNode *a = top[i]->parent; a && a != body; a = a->parent)
                    ancestors.push_back(a);
                alternatives.push_back(std::move(ancestors));
            }
        }
        if (alternatives.size() >= 3) {
            for (xmlNode *p = topCandidate->parent; p && p != body && isElement(p); p = p->parent) {
                int containing = 0;
                for (const auto &list : alternatives)
                    containing += std::find(list.begin(), list.end(), p) != list.end();
                if (containing >= 3) {
                    topCandidate = p;
                    break;
                }
            }
        }
        if (!m_scorer.initialized(topCandidate))
            m_scorer.initialize(topCandidate);
        // Climb while the parent scores better (content split over several children).
        double lastScore = m_scorer.score(topCandidate);
        const double threshold = lastScore / 3;
        for (xmlNode *p = topCandidate->parent; p && p != body && isElement(p); p = p->parent) {
            if (!m_scorer.initialized(p))
                continue;
            const double parentScore = m_scorer.score(p);
            if (parentScore < threshold)
                break;
            if (parentScore > lastScore) {
                topCandidate = p;
                break;
            }
            lastScore = parentScore;
        }
        for (xmlNode *p = topCandidate->parent;
             p && p != body && isElement(p) && elementChildCount(p) == 1; p = p->parent)
            topCandidate = p;
        if (!m_scorer.initialized(topCandidate))
            m_scorer.initialize(topCandidate);
    }

    // Siblings that look like content join the article.
    xmlNode *article = xmlNewDocNode(m_doc, nullptr, BAD_CAST "div", nullptr);
    const double topScore = m_scorer.score(topCandidate);
    const double siblingThreshold = std::max(10.0, topScore * 0.2);
    const QString topClass = attr(topCandidate, "class");
    std::vector<xmlNode *> siblings;
    if (topCandidate->parent)
        for (xmlNode *s = topCandidate->parent->children; s; s = s->next)
            if (isElement(s))
                siblings.push_back(s);
    static const QRegularExpression sentenceEnd(QStringLiteral("\\.( |$)|[。！？]"));
    for (xmlNode *s : siblings) {
        bool append = s == topCandidate;
        if (!append) {
            double bonus = 0;
            if (!topClass.isEmpty() && attr(s, "class") == topClass)
                bonus += topScore * 0.2;
            if (m_scorer.initialized(s) && m_scorer.score(s) + bonus >= siblingThreshold) {
                append = true;
            } else if (is(s, "p")) {
                const double density = linkDensity(s);
                const QString content = innerText(s);
                if (content.size() > 80 && density < 0.25)
                    append = true;
                else if (content.size() < 80 && !content.isEmpty() && density == 0 &&
                         sentenceEnd.match(content).hasMatch())
                    append = true;
            }
        }
        if (append) {
            if (!is(s, "div") && !is(s, "article") && !is(s, "section") && !is(s, "p"))
                xmlNodeSetName(s, BAD_CAST "div");
            xmlUnlinkNode(s);
            xmlAddChild(article, s);
        }
    }
    result.dir = attr(topCandidate, "dir");
    if (result.dir.isEmpty()) {
        for (xmlNode *p = topCandidate->parent; p && isElement(p); p = p->parent) {
            result.dir = attr(p, "dir");
            if (!result.dir.isEmpty())
                break;
        }
    }
    // Kept in the tree so the document frees it.
    xmlAddChild(body, article);
    prepArticle(article);
    result.article = article;
    result.textLength = innerTextLength(article);
    return result;
}

void Grabber::cleanTag(xmlNode *article, const char *name)
{
    const bool embed = std::strcmp(name, "object") == 0 || std::strcmp(name, "embed") == 0 ||
                       std::strcmp(name, "iframe") == 0;
    static const QRegularExpression video(
        QStringLiteral("//(www\\.)?((dailymotion|youtube|youtube-nocookie|player\\.vimeo|v\\.qq|"
                       "bilibili|live\\.bilibili)\\.com|(archive|upload\\.wikimedia)\\.org|"
                       "player\\.twitch\\.tv)"),
        QRegularExpression::CaseInsensitiveOption);
    std::vector<xmlNode *> nodes = elementsByTag(article, name);
    for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
        if (embed) {
            bool isVideo = false;
            for (xmlAttr *a = (*it)->properties; a && !isVideo; a = a->next)
                isVideo =
                    video.match(attr(*it, reinterpret_cast<const char *>(a->name))).hasMatch();
            if (isVideo)
                continue;
        }
        remove(*it);
    }
}

void Grabber::cleanConditionally(xmlNode *article, const char *name)
{
    if (!(m_flags & CleanConditionally))
        return;
    const bool listTag = std::strcmp(name, "ul") == 0 || std::strcmp(name, "ol") == 0;
    std::vector<xmlNode *> nodes = elementsByTag(article, name);
    for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
        xmlNode *node = *it;
        if (is(node, "table") && isDataTable(node))
            continue;
        if (hasDataTableAncestor(node) || hasAncestor(node, "code") || hasAncestor(node, "pre"))
            continue;
        const TextStats text = innerTextStats(node);
        bool isList = listTag;
        if (!isList && text.length > 0) {
            qsizetype listLength = 0;
            for (xmlNode *c = node->children; c;) {
                if (is(c, "ul") || is(c, "ol")) {
                    listLength += innerTextLength(c);
                    c = next(c, node, true);
                } else {
                    c = next(c, node);
                }
            }
            isList = double(listLength) / double(text.length) > 0.9;
        }
        const int weight = m_scorer.classWeight(node);
        if (weight < 0) {
            remove(node);
            continue;
        }
        if (text.commas >= 10)
            continue;
        const int p = countTag(node, "p");
        const int img = countTag(node, "img");
        const int li = countTag(node, "li") - 100;
        const int input = countTag(node, "input");
        qsizetype headingLength = 0;
        for (xmlNode *c = node->children; c; c = next(c, node))
            if (isHeading(c))
                headingLength += innerTextLength(c);
        const double headingDensity =
            text.length == 0 ? 0 : double(headingLength) / double(text.length);
        int embeds = countTag(node, "embed") + countTag(node, "object") + countTag(node, "iframe");
        const double density = linkDensity(node);
        const qsizetype length = text.length;
        const bool inFigure = hasAncestor(node, "figure");
        const bool remove_ =
            (img > 1 && double(p) / img < 0.5 && !inFigure) || (!isList && li > p) ||
            (input > p / 3) ||
            (!isList && headingDensity < 0.9 && length < 25 && (img == 0 || img > 2) && !inFigure &&
             countTag(node, "pre") == 0 && countTag(node, "table") == 0) ||
            (!isList && weight < 25 && density > 0.2) || (weight >= 25 && density > 0.5) ||
            (embeds == 1 && length < 75) || embeds > 1;
        // A list of pictures (one image per item) is content, not boilerplate.
        bool imageList = isList && img > 0 && img == li + 100;
        for (xmlNode *item = firstElementChild(node); item && imageList; item = nextElement(item))
            imageList = elementChildCount(item) <= 1;
        if (remove_ && !imageList)
            remove(node);
    }
}

void Grabber::prepArticle(xmlNode *article)
{
    cleanConditionally(article, "form");
    cleanConditionally(article, "fieldset");
    for (const char *name : {"object", "embed", "footer", "link", "aside", "iframe", "input",
                             "textarea", "select", "button", "nav"})
        cleanTag(article, name);
    // Share buttons and the like.
    for (xmlNode *top = article->children; top; top = top->next) {
        if (!isElement(top))
            continue;
        for (xmlNode *c = top->children; c;) {
            if (isElement(c) && matches(kShare, classAndId(c)) && innerTextLength(c) < 500) {
                xmlNode *following = next(c, top, true);
                remove(c);
                c = following;
            } else {
                c = next(c, top);
            }
        }
    }
    cleanConditionally(article, "table");
    cleanConditionally(article, "ul");
    cleanConditionally(article, "div");
    // Headings that weigh negative, then h1 becomes h2 (the title is shown apart).
    for (const char *h : {"h1", "h2"}) {
        std::vector<xmlNode *> nodes = elementsByTag(article, h);
        for (auto it = nodes.rbegin(); it != nodes.rend(); ++it)
            if (m_scorer.classWeight(*it) < 0)
                remove(*it);
    }
    for (xmlNode *h : elementsByTag(article, "h1"))
        xmlNodeSetName(h, BAD_CAST "h2");
    // Empty paragraphs.
    std::vector<xmlNode *> ps = elementsByTag(article, "p");
    for (auto it = ps.rbegin(); it != ps.rend(); ++it) {
        xmlNode *p = *it;
        if (countTag(p, "img") + countTag(p, "embed") + countTag(p, "object") +
                    countTag(p, "iframe") ==
                0 &&
            !hasInnerText(p))
            remove(p);
    }
}

} // namespace

void prepareDocument(xmlDoc *doc)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!root)
        return;
    for (xmlNode *n = root; n;) {
        if (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE || is(n, "script") ||
            is(n, "style") || is(n, "noscript") || is(n, "template") || is(n, "svg") ||
            (is(n, "link") && n != root) || (is(n, "meta") && !hasAncestor(n, "head"))) {
            xmlNode *following = next(n, root, true);
            remove(n);
            n = following;
            continue;
        }
        if (is(n, "img"))
            fixLazyImage(n);
        else if (is(n, "font"))
            xmlNodeSetName(n, BAD_CAST "span");
        n = next(n, root);
    }
}

Grabbed grabArticle(xmlDoc *doc, int flags, const QString &title)
{
    return Grabber(doc, flags, title).run();
}

QString articleText(xmlNode *article)
{
    QString out;
    int pendingBreak = 0; // 0 none, 1 line break, 2 blank line
    bool pendingSpace = false;
    int preDepth = 0;
    auto requestBreak = [&](int kind) { pendingBreak = std::max(pendingBreak, kind); };
    auto put = [&](const QString &text) {
        if (text.isEmpty())
            return;
        if (!out.isEmpty()) {
            if (pendingBreak == 2)
                out += QLatin1String("\n\n");
            else if (pendingBreak == 1)
                out += QLatin1Char('\n');
            else if (pendingSpace)
                out += QLatin1Char(' ');
        }
        pendingBreak = 0;
        pendingSpace = false;
        out += text;
    };
    auto enter = [&](xmlNode *e) {
        if (is(e, "br"))
            requestBreak(1);
        else if (is(e, "td") || is(e, "th"))
            pendingSpace = true;
        else if (isBlock(e) || is(e, "figcaption") || is(e, "article"))
            requestBreak(is(e, "li") || is(e, "tr") || is(e, "dt") || is(e, "dd") ? 1 : 2);
        if (is(e, "pre"))
            ++preDepth;
    };
    auto leave = [&](xmlNode *e) {
        if (is(e, "pre"))
            --preDepth;
        if (is(e, "td") || is(e, "th"))
            pendingSpace = true;
        else if (isBlock(e))
            requestBreak(is(e, "li") || is(e, "tr") || is(e, "dt") || is(e, "dd") ? 1 : 2);
    };
    auto leaf = [&](xmlNode *c) {
        if (!isText(c) || !c->content)
            return;
        const QString raw = QString::fromUtf8(reinterpret_cast<const char *>(c->content));
        if (preDepth > 0) {
            QStringList lines = raw.split(QLatin1Char('\n'));
            for (int i = 0; i < lines.size(); ++i) {
                if (i > 0) {
                    if (out.isEmpty() || pendingBreak)
                        requestBreak(1);
                    else
                        out += QLatin1Char('\n');
                }
                put(lines.at(i));
            }
            return;
        }
        if (!raw.isEmpty() && raw.front().isSpace())
            pendingSpace = true;
        put(collapseSpaces(raw));
        if (!raw.isEmpty() && raw.back().isSpace())
            pendingSpace = true;
    };
    xmlNode *c = article->children;
    while (c) {
        if (isElement(c)) {
            enter(c);
            if (c->children) {
                c = c->children;
                continue;
            }
            leave(c);
        } else {
            leaf(c);
        }
        while (c && c != article && !c->next) {
            c = c->parent;
            if (c && c != article)
                leave(c);
        }
        if (!c || c == article)
            break;
        c = c->next;
    }
    return out.trimmed();
}

} // namespace bs::extract
