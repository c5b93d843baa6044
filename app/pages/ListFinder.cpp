#include "pages/ListFinder.h"

#include "html/ExtractorDom.h"
#include "pages/CssSelector.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace bs::pages
{

using namespace dom;

namespace
{

constexpr int kMinItems = 3;
constexpr int kFullyRead = 16;  // candidates read in full after the quick pass
constexpr int kItemNodes = 600; // nodes of one item looked at in the quick pass
constexpr int kMaxMembers = 600;

bool skippedSubtree(const xmlNode *n)
{
    return is(n, "script") || is(n, "style") || is(n, "noscript") || is(n, "template") ||
           is(n, "svg") || is(n, "select") || is(n, "head") || is(n, "iframe");
}

QStringList classTokens(const xmlNode *n)
{
    if (!n->properties)
        return {};
    return attr(n, "class").simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// Digit runs folded to '#' ("item3" and "item12" are one kind).
QString foldDigits(const QString &c)
{
    QString out;
    out.reserve(c.size());
    bool inDigits = false;
    for (const QChar ch : c) {
        if (ch.isDigit()) {
            if (!inDigits)
                out += QLatin1Char('#');
            inDigits = true;
        } else {
            out += ch;
            inDigits = false;
        }
    }
    return out;
}

bool stateClass(const QString &c)
{
    static const QSet<QString> words = {
        QStringLiteral("active"),   QStringLiteral("current"),  QStringLiteral("cur"),
        QStringLiteral("on"),       QStringLiteral("selected"), QStringLiteral("first"),
        QStringLiteral("last"),     QStringLiteral("odd"),      QStringLiteral("even"),
        QStringLiteral("alt"),      QStringLiteral("hover"),    QStringLiteral("clearfix"),
        QStringLiteral("cf"),       QStringLiteral("hide"),     QStringLiteral("hidden"),
        QStringLiteral("show"),     QStringLiteral("new"),      QStringLiteral("sticky"),
        QStringLiteral("featured"), QStringLiteral("top"),      QStringLiteral("big"),
        QStringLiteral("small"),    QStringLiteral("large"),    QStringLiteral("lead"),
        QStringLiteral("visible"),  QStringLiteral("fl"),       QStringLiteral("fr"),
        QStringLiteral("left"),     QStringLiteral("right"),    QStringLiteral("bg"),
        QStringLiteral("line"),     QStringLiteral("noborder"), QStringLiteral("nobg")};
    return words.contains(c.toLower()) || c.contains(QLatin1String("--"));
}

// An element's classes without state classes, digits folded, sorted, once each.
QStringList foldedClasses(const xmlNode *n)
{
    QStringList classes;
    for (const QString &c : classTokens(n))
        if (!stateClass(c))
            classes.append(foldDigits(c));
    classes.sort();
    classes.removeDuplicates();
    return classes;
}

// Tag and stable classes (digits folded), the key that groups siblings into one list.
QString signature(const xmlNode *n)
{
    return QString::fromUtf8(tag(n)) + QLatin1Char('.') + foldedClasses(n).join(QLatin1Char('.'));
}

// Siblings' signatures: the tag and the classes that at least half of the same-tag siblings
// share (WordPress gives every post "post type-post hentry" and its own category-* and tag-*
// classes). A sibling without any shared class keeps its own classes, unless most of its
// same-tag siblings have no class at all (one odd item in a plain list).
class SiblingClasses
{
public:
    explicit SiblingClasses(const std::vector<xmlNode *> &siblings)
    {
        for (xmlNode *n : siblings) {
            const QString t = QString::fromUtf8(tag(n));
            ++m_tags[t];
            const QStringList classes = foldedClasses(n);
            if (classes.isEmpty())
                ++m_plain[t];
            for (const QString &c : classes)
                ++m_classes[t + QLatin1Char('.') + c];
        }
    }

    QString signature(const xmlNode *n) const
    {
        const QString t = QString::fromUtf8(tag(n));
        const int count = m_tags.value(t);
        const QStringList own = foldedClasses(n);
        QStringList shared;
        for (const QString &c : own) {
            const int with = m_classes.value(t + QLatin1Char('.') + c);
            if (with >= 2 && with * 2 >= count)
                shared.append(c);
        }
        if (shared.isEmpty() && !own.isEmpty() && m_plain.value(t) * 2 < count)
            shared = own;
        return t + QLatin1Char('.') + shared.join(QLatin1Char('.'));
    }

private:
    QHash<QString, int> m_tags;
    QHash<QString, int> m_plain;
    QHash<QString, int> m_classes;
};

struct AnchorInfo {
    double weight = 0;
};

// Words in class and id names that mark boxes other than the main list.
const QRegularExpression &negativeNames()
{
    static const QRegularExpression re(
        QStringLiteral(
            "(^|[^a-z])(nav|navbar|navigation|menu|menus|header|footer|foot|ft|breadcrumbs?|crumbs?"
            "|"
            "pag(e|es|ing|ination|er|inator|enav|elist)|tags?|tagcloud|cloud|keywords?|hot|hots|"
            "hotnews|rank|ranking|ranks|paihang|phb|popular|mostread|most|trending|trend|top10|"
            "topnews|sidebar|side|aside|sidebox|related|relate|relative|recommend|recommended|"
            "tuijian|xgxw|share|sharing|social|comments?|copyright|friend|friends|links|friendlink|"
            "yqlj|partner|partners|sponsor|sponsored|ads?|advert|advertisement|banner|widget|login|"
            "toolbar|subnav|topbar|bottom|btm|promo|outbrain|taboola|editors?-?picks?|picks|"
            "more-?stories|also|weather|search|lang|language|social-links)([^a-z]|$)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &positiveNames()
{
    static const QRegularExpression re(
        QStringLiteral("list|news|article|post|stream|feed|stor(y|ies)|entries|entry|content|"
                       "main|latest|river|timeline|results|lanmu|xwlb|column|archive|items"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

// Headings that name a box that is not the page's own list.
const QRegularExpression &negativeHeadings()
{
    static const QRegularExpression re(
        QStringLiteral(
            "热门|热点|热榜|热读|热文|排行|排名|最热|点击|推荐|相关|延伸阅读|猜你喜欢|专题|"
            "友情链接|评论|"
            "熱門|熱點|排行|推薦|相關|人気|ランキング|関連|おすすめ|인기|많이 본|관련|추천|"
            "most read|most popular|most viewed|most shared|popular|trending|top stories|"
            "related|recommended|you may also|you might also|editors?'? ?picks|sponsored|"
            "more from|more on|read next|don't miss|tags|meistgelesen|meist gelesen|beliebt|"
            "empfohlen|populaires|les plus lus|más leídos|más vistos|популярн|читайте также|"
            "الأكثر|שנקראו|פופולרי"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

double contextFactor(xmlNode *container, xmlNode *body)
{
    double factor = 1;
    bool positive = false;
    int level = 0;
    bool negativeNear = false, negativeFar = false;
    for (xmlNode *n = container; n && n != body; n = n->parent, ++level) {
        if (is(n, "nav") || is(n, "footer") || is(n, "header") || is(n, "menu"))
            factor *= 0.25;
        else if (is(n, "aside"))
            factor *= 0.4;
        else if (is(n, "main"))
            positive = true;
        const QString names = classAndId(n);
        if (names.trimmed().isEmpty())
            continue;
        if (negativeNames().match(names).hasMatch()) {
            if (level <= 2)
                negativeNear = true;
            else
                negativeFar = true;
        } else if (level <= 4 && positiveNames().match(names).hasMatch()) {
            positive = true;
        }
    }
    if (negativeNear)
        factor *= 0.3;
    else if (negativeFar)
        factor *= 0.65;
    if (positive)
        factor *= 1.25;
    const QString heading = boxHeading(container);
    if (!heading.isEmpty() && negativeHeadings().match(heading).hasMatch())
        factor *= 0.3;
    return factor;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

void scoreCandidate(ListCandidate &c, xmlNode *body, const PageContext &context)
{
    QSet<QUrl> seen;
    std::vector<double> weights;
    double mass = 0;
    int article = 0, navigation = 0, same = 0, dated = 0, snippets = 0, images = 0, headed = 0;
    double links = 0;
    int members = 0;
    std::vector<double> densities;
    for (xmlNode *m : c.members) {
        const ReadItem r = readItem(m, context);
        if (r.item.url.isValid())
            densities.push_back(linkDensity(m));
        ++members;
        links += r.features.links;
        if (!r.item.url.isValid() || seen.contains(r.item.url))
            continue;
        seen.insert(r.item.url);
        c.items.append(r.item);
        weights.push_back(r.features.titleWeight);
        mass += std::min(r.features.titleWeight, 12.0);
        article += r.features.articleUrl;
        navigation += r.features.navigationUrl;
        same += r.features.sameSite;
        dated += r.features.dateShown;
        snippets += !r.item.snippet.isEmpty();
        images += r.item.image.isValid();
        headed += r.features.headingTitle;
    }
    const int n = int(c.items.size());
    if (n < kMinItems) {
        c.score = 0;
        return;
    }
    const double art = double(article) / n;
    const double nav = double(navigation) / n;
    const double sameSite = double(same) / n;
    const double d = double(dated) / n;
    const double s = double(snippets) / n;
    const double img = double(images) / n;
    const double linksPerMember = links / std::max(1, members);
    const double medianWeight = median(weights);

    double score = mass;
    score *= std::max(0.05, 0.2 + 0.8 * art - 0.5 * nav);
    score *= 0.6 + 0.4 * sameSite;
    score *= 1 + 1.2 * d;
    score *= 1 + 0.4 * s;
    score *= 1 + 0.15 * img;
    if (medianWeight < 2)
        score *= 0.1;
    else if (medianWeight < 3)
        score *= 0.35;
    else if (medianWeight < 4)
        score *= 0.7;
    // Many links per item: a box of lists, unless each item leads with its own headline (a blog
    // index showing whole posts).
    if (linksPerMember > 3.5 && double(headed) / n < 0.8)
        score *= std::pow(3.5 / linksPerMember, 2);
    // Paragraphs of prose with a link in them are no list of stories: a list item's text is
    // mostly its link, or it leads with a headline.
    if (median(densities) < 0.2 && double(headed) / n < 0.5)
        score *= 0.15;
    if (n == 3)
        score *= 0.6;
    else if (n == 4)
        score *= 0.8;
    xmlNode *container = c.members.front()->parent;
    score *= contextFactor(container, body);
    c.score = score;
}

} // namespace

// The heading a box gives itself: a heading (or a short "title" element) just before the
// container or at the start of its parent.
QString boxHeading(xmlNode *container)
{
    static const QRegularExpression titleish(QStringLiteral("tit|head|hd|caption|label|name"),
                                             QRegularExpression::CaseInsensitiveOption);
    // A title element that starts the container itself, before its items.
    if (xmlNode *first = firstElementChild(container)) {
        const xmlNode *second = nextElement(first);
        if ((isHeading(first) || titleish.match(classAndId(first)).hasMatch()) && second &&
            (std::strcmp(tag(first), tag(second)) != 0 ||
             attr(first, "class") != attr(second, "class"))) {
            const QString text = innerText(first);
            if (!text.isEmpty() && text.size() <= 60 && !hasAttr(first, "href"))
                return text;
        }
    }
    xmlNode *level = container;
    for (int up = 0; up < 3 && level && level->parent; ++up) {
        int steps = 0;
        for (xmlNode *s = level->prev; s && steps < 3; s = s->prev) {
            if (!isElement(s))
                continue;
            ++steps;
            if (isHeading(s) || titleish.match(classAndId(s)).hasMatch()) {
                const QString text = innerText(s);
                if (!text.isEmpty() && text.size() <= 60)
                    return text;
            }
            if (innerTextLonger(s, 80))
                return {};
        }
        level = level->parent;
    }
    return {};
}

QList<PageListItem> itemsOf(const std::vector<xmlNode *> &elements, const PageContext &context)
{
    QList<PageListItem> items;
    QSet<QUrl> seen;
    for (xmlNode *e : elements) {
        ReadItem r = readItem(e, context);
        if (!r.item.url.isValid() || seen.contains(r.item.url))
            continue;
        seen.insert(r.item.url);
        items.append(std::move(r.item));
    }
    return items;
}

std::vector<SiblingGroup> siblingGroups(xmlNode *body, int minMembers)
{
    // Quick pass: the text weight of every link, once.
    QHash<const xmlNode *, double> anchorWeight;
    for (xmlNode *n = body; n; n = next(n, body, skippedSubtree(n)))
        if (is(n, "a") && hasAttr(n, "href"))
            anchorWeight.insert(n, titleWeight(innerText(n)));

    // Groups of same-signature siblings, and runs of such groups in sibling containers.
    std::vector<SiblingGroup> groups;
    const auto memberWeight = [&anchorWeight](xmlNode *m, int *linked) {
        double best = -1;
        if (is(m, "a"))
            best = anchorWeight.value(m, -1);
        else {
            int seen = 0;
            for (xmlNode *n = m->children; n && ++seen < kItemNodes; n = next(n, m))
                if (is(n, "a"))
                    best = std::max(best, anchorWeight.value(n, -1));
        }
        if (best >= 0)
            ++*linked;
        return std::max(0.0, std::min(best, 12.0));
    };
    for (xmlNode *e = body; e; e = next(e, body, skippedSubtree(e))) {
        if (!isElement(e) || skippedSubtree(e) || is(e, "a"))
            continue;
        QHash<QString, int> index;
        std::vector<std::vector<xmlNode *>> bySignature;
        std::vector<xmlNode *> children;
        for (xmlNode *c = firstElementChild(e); c; c = nextElement(c))
            if (!skippedSubtree(c) && !is(c, "br") && !is(c, "hr"))
                children.push_back(c);
        if (children.size() < size_t(minMembers))
            continue;
        const SiblingClasses classes(children);
        for (xmlNode *c : children) {
            const QString sig = classes.signature(c);
            auto it = index.find(sig);
            if (it == index.end()) {
                it = index.insert(sig, int(bySignature.size()));
                bySignature.emplace_back();
            }
            bySignature[size_t(*it)].push_back(c);
        }
        for (auto &members : bySignature) {
            if (members.size() < size_t(minMembers))
                continue;
            if (members.size() > size_t(kMaxMembers))
                members.resize(kMaxMembers);
            SiblingGroup q;
            q.container = e;
            for (xmlNode *m : members)
                q.mass += memberWeight(m, &q.linked);
            if (q.linked < minMembers)
                continue;
            q.members = std::move(members);
            groups.push_back(std::move(q));
        }
    }
    // Lists cut into several sibling blocks of the same kind (<ul> of five, <ul> of five...).
    {
        QHash<QString, std::vector<size_t>> runs;
        for (size_t i = 0; i < groups.size(); ++i) {
            xmlNode *c = groups[i].container;
            if (!c->parent)
                continue;
            const QString key = QString::number(quintptr(c->parent)) + QLatin1Char('|') +
                                signature(c) + QLatin1Char('|') +
                                signature(groups[i].members.front());
            runs[key].push_back(i);
        }
        for (const auto &run : std::as_const(runs)) {
            if (run.size() < 2)
                continue;
            SiblingGroup merged;
            merged.container = groups[run.front()].container->parent;
            for (size_t i : run) {
                merged.members.insert(merged.members.end(), groups[i].members.begin(),
                                      groups[i].members.end());
                merged.mass += groups[i].mass;
                merged.linked += groups[i].linked;
            }
            groups.push_back(std::move(merged));
        }
    }
    return groups;
}

std::vector<ListCandidate> findListCandidates(xmlDoc *doc, xmlNode *body,
                                              const PageContext &context, int max,
                                              double selectorFloor)
{
    std::vector<SiblingGroup> groups = siblingGroups(body, kMinItems);
    // Also lone <br>-separated links and small groups are left out: a list has three stories.
    std::sort(groups.begin(), groups.end(),
              [](const SiblingGroup &a, const SiblingGroup &b) { return a.mass > b.mass; });
    if (groups.size() > size_t(kFullyRead))
        groups.resize(kFullyRead);

    std::vector<ListCandidate> scored;
    for (SiblingGroup &q : groups) {
        ListCandidate c;
        c.members = std::move(q.members);
        scoreCandidate(c, body, context);
        if (c.score > 0)
            scored.push_back(std::move(c));
    }
    std::sort(scored.begin(), scored.end(),
              [](const ListCandidate &a, const ListCandidate &b) { return a.score > b.score; });
    if (qEnvironmentVariableIsSet("BROADSHEET_PAGELISTS_DEBUG"))
        for (const ListCandidate &c : scored)
            qDebug("candidate %.1f: %d items under %s (%s), first: %s", c.score,
                   int(c.items.size()), tag(c.members.front()->parent),
                   qPrintable(classAndId(c.members.front()->parent)),
                   qPrintable(c.items.value(0).title));
    // Overlapping lists: the better one stays.
    std::vector<ListCandidate> kept;
    std::vector<QSet<QUrl>> keptUrls;
    for (ListCandidate &c : scored) {
        QSet<QUrl> urls;
        for (const PageListItem &i : c.items)
            urls.insert(i.url);
        bool overlaps = false;
        for (const QSet<QUrl> &k : keptUrls) {
            const qsizetype common = QSet<QUrl>(urls).intersect(k).size();
            if (common * 2 > std::min(urls.size(), k.size())) {
                overlaps = true;
                break;
            }
        }
        if (overlaps)
            continue;
        keptUrls.push_back(urls);
        kept.push_back(std::move(c));
        if (int(kept.size()) >= max)
            break;
    }
    for (ListCandidate &c : kept)
        if (c.score >= selectorFloor)
            c.selector = selectorFor(doc, c.members, c.items, context);
    return kept;
}

bool looksLikeArticle(xmlNode *body, const ListCandidate *best)
{
    // Prose: paragraphs with few links, outside the list's items and their teasers (a "list"
    // of paragraphs stays prose).
    QSet<const xmlNode *> inList;
    const std::vector<xmlNode *> none;
    for (xmlNode *m : best ? best->members : none) {
        if (is(m, "p"))
            continue;
        inList.insert(m);
        if (xmlNode *s = nextElement(m))
            inList.insert(s);
    }
    // Summed per parent and per grandparent (sites that wrap each paragraph in a box of its own).
    QHash<const xmlNode *, qsizetype> byParent;
    QHash<const xmlNode *, qsizetype> byGrandparent;
    qsizetype prose = 0;
    for (xmlNode *n = body; n; n = next(n, body, skippedSubtree(n) || inList.contains(n))) {
        if (inList.contains(n) || !is(n, "p"))
            continue;
        const QString text = innerText(n);
        const qsizetype mass = textMass(text);
        if (mass < 80 || linkDensity(n) > 0.3)
            continue;
        prose = std::max(prose, byParent[n->parent] += mass);
        if (n->parent && n->parent->parent)
            prose = std::max(prose, byGrandparent[n->parent->parent] += mass);
    }
    qsizetype listMass = 0;
    if (best)
        for (const PageListItem &i : best->items)
            listMass += textMass(i.title);
    return prose > std::max<qsizetype>(1200, listMass * 3 / 2);
}

} // namespace bs::pages
