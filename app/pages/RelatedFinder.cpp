#include "pages/RelatedFinder.h"

#include "html/ExtractorDom.h"
#include "pages/ListFinder.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace bs::pages
{

using namespace dom;

namespace
{

const QRegularExpression &relatedHeading()
{
    static const QRegularExpression re(
        QStringLiteral(
            "相关|相關|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|扩展阅读|关联阅读|关联新闻|関連|관련|"
            "\\brelated\\b|more on this|more in\\b|more from\\b|more about|you may also like|"
            "you might also like|you may also be interested|you may like|you might like|more like "
            "this|"
            "people are reading|people also read|readers also|also on |auch auf |suggested|more to "
            "explore|read this next|read next|read more|"
            "see also|also read|further reading|more stories like|mehr zum thema|zum thema|"
            "das könnte sie auch|könnte sie auch interessieren|lesen sie auch|lesen sie mehr|"
            "weitere artikel|ähnliche artikel|passend zum thema|auch interessant|verwandte|"
            "материалы по теме|читайте также|по теме|artigos relacionados|leia também|"
            "leia mais|à lire aussi|a lire aussi|lire aussi|sur le même sujet|sur le meme sujet|"
            "articles liés|dans la même rubrique|artículos relacionados|noticias relacionadas|"
            "te puede interesar|lee también|lea también|powiązane|czytaj też|czytaj także|"
            "przeczytaj też|przeczytaj także|articoli correlati|leggi anche|gerelateerd|lees ook|"
            "مقالات ذات صلة|اقرأ أيضا|أخبار ذات صلة|כתבות נוספות|קשורות"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

// Headings that promise something for the reader, not necessarily about this story.
const QRegularExpression &weakHeading()
{
    static const QRegularExpression re(
        QStringLiteral("you may like|you might like|you may also like|you might also like|may also "
                       "be interested|"
                       "people are reading|people also read|readers also|also on |auch auf "
                       "|suggested|more from|"
                       "more to explore|das könnte sie auch|könnte sie auch interessieren|auch "
                       "interessant|te puede interesar|"
                       "推荐阅读|推薦閱讀|猜你喜欢"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

// Words of a title that carry its topic: words of four letters or more, CJK character pairs.
QSet<QString> topicWords(const QString &text)
{
    QSet<QString> words;
    QString word;
    QChar previousCjk;
    const auto flush = [&] {
        if (word.size() >= 4)
            words.insert(word.toLower());
        word.clear();
    };
    for (const QChar c : text) {
        const bool cjk = c.unicode() >= 0x3040 && c.unicode() <= 0x9FFF;
        if (cjk) {
            flush();
            if (!previousCjk.isNull())
                words.insert(QString(previousCjk) + c);
            previousCjk = c;
        } else if (c.isLetterOrNumber()) {
            word += c;
            previousCjk = QChar();
        } else {
            flush();
            previousCjk = QChar();
        }
    }
    flush();
    return words;
}

// At least a third of the stories share a topic word with the article's title.
bool onTopic(const QList<PageListItem> &items, const QString &title)
{
    const QSet<QString> topic = topicWords(title);
    if (topic.isEmpty() || items.isEmpty())
        return true; // nothing to compare with
    int sharing = 0;
    for (const PageListItem &i : items)
        sharing += topicWords(i.title).intersects(topic);
    return sharing * 3 >= items.size();
}

const QRegularExpression &unrelatedHeading()
{
    static const QRegularExpression re(
        QStringLiteral(
            "热门|热点|热榜|排行|排名|最新|最热|点击|广告|推广|熱門|排行|最新|人気|ランキング|인기|"
            "most read|most popular|most viewed|most shared|most commented|popular|trending|latest|"
            "newest|top stories|top news|editors?'? ?picks|sponsored|partner|promoted|advert|"
            "anzeige|meistgelesen|meist gelesen|beliebt|neueste|aktuelle nachrichten|top-thema|"
            "populaires|les plus lus|más leídos|más vistos|популярн|самое|الأكثر|פופולרי|"
            "comments?|kommentare|commentaires|tags?\\b|schlagw|themen\\b|next up|up next"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

// Recommendation widgets paid for or run by a third party, whatever their heading says.
const QRegularExpression &sponsoredNames()
{
    static const QRegularExpression re(
        QStringLiteral("taboola|outbrain|trc_|plista|ligatus|zergnet|revcontent|mgid|sponsor|"
                       "partner[-_]?content|paid[-_]?content|native[-_]?ad"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &relatedNames()
{
    static const QRegularExpression re(
        QStringLiteral(
            "related|relate|relevant|xgxw|xgyd|xgwz|xiangguan|also[-_]?read|read[-_]?also|morelike|"
            "more[-_]?on|similar|aehnlich|verwandt|weiterlesen|mehr[-_]?zum|zum[-_]?thema|see[-_]?"
            "also|"
            "further[-_]?reading|recommended[-_]?articles|read[-_]?more[-_]?links|lire[-_]?aussi|"
            "relacionad|"
            "correlat|powiazane|meme[-_]?sujet|same[-_]?topic"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &unrelatedNames()
{
    static const QRegularExpression re(
        QStringLiteral(
            "(^|[^a-z])(nav|navbar|navigation|menu|breadcrumbs?|footer|header|masthead|tags?|"
            "tagcloud|keywords?|author|byline|share|sharing|social|comments?|popular|mostread|"
            "most[-_]?read|most[-_]?viewed|trending|ranking|rank|hot|latest|newest|sponsor|"
            "sponsored|"
            "outbrain|taboola|plista|ligatus|ads?|advert|promo|newsletter|pagination|pager|"
            "prev|next|next[-_]?click|next[-_]?up|up[-_]?next)([^a-z]|$)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

// An in-body teaser's lead: "Read more:", "Lesen Sie auch:", "相关阅读：", "[Related: ...]".
const QRegularExpression &teaserLead()
{
    static const QRegularExpression re(
        QStringLiteral(
            "^[\\s\\x{00A0}\\[【(（»>]*(read more|read also|also read|related|see also|more|lire|"
            "lesen sie auch|lesen sie mehr|mehr zum thema|mehr dazu|auch interessant|zum thema|"
            "lire aussi|à lire aussi|a lire aussi|lire également|leia também|leia mais|"
            "lea también|lee también|czytaj też|czytaj także|читайте также|по теме|"
            "相关阅读|相关新闻|延伸阅读|推荐阅读|相關閱讀|関連記事|관련기사|اقرأ "
            "أيضا)[\\s\\x{00A0}]*[:：»>\\-–—]"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

// The short "more" markers of portal lists ("[详细]", "更多", "more »", "»"): narrower than
// isMoreLink, since a group counts as a related list by them alone.
bool isPortalMoreLink(const QString &text)
{
    static const QRegularExpression more(
        QStringLiteral("^[\\[【(（<«]?\\s*(详细|詳細|全文|更多|阅读全文|閱讀全文|查看全文|详情|"
                       "more|read more|continue reading|full story|»|›|>>)\\s*[\\]】)）>»]?"
                       "\\s*(»|›|>>|\\.\\.\\.|…)?$"),
        QRegularExpression::CaseInsensitiveOption);
    return text.size() <= 20 && more.match(text.trimmed()).hasMatch();
}

// Inside navigation (by tag or name) or the page's own header or footer, up to the body. A
// header or footer of the article (few links: "endofarticle", an <article>'s footer) or a
// region merely named "content-footer" may hold its related stories; the page's, with its
// dozens of links, does not.
bool inChrome(xmlNode *n, xmlNode *body)
{
    static const QRegularExpression names(
        QStringLiteral("(^|[\\s_-])(nav|navbar|menu|breadcrumbs?)([\\s_-]|$)"),
        QRegularExpression::CaseInsensitiveOption);
    for (; n && n != body; n = n->parent) {
        if (is(n, "nav") || names.match(classAndId(n)).hasMatch())
            return true;
        if ((is(n, "header") || is(n, "footer")) && elementsByTag(n, "a").size() > 30)
            return true;
    }
    return false;
}

// Names of the box and its nearest ancestors (three levels), with its members'.
QString namesAround(xmlNode *container, const std::vector<xmlNode *> &members)
{
    QString names;
    int level = 0;
    for (xmlNode *n = container; n && isElement(n) && level < 3; n = n->parent, ++level)
        names += classAndId(n) + QLatin1Char(' ');
    if (!members.empty())
        names += classAndId(members.front());
    return names;
}

bool goodStories(const QList<PageListItem> &items, const PageContext &context, double minWords,
                 bool anySite)
{
    if (items.isEmpty())
        return false;
    int article = 0, same = 0, long_ = 0;
    for (const PageListItem &i : items) {
        article += urlLooksLikeArticle(i.url) && !urlLooksLikeNavigation(i.url);
        same += siteKeyOf(i.url.host()) == context.siteKey;
        long_ += titleWeight(i.title) >= minWords;
    }
    const qsizetype n = items.size();
    return article * 2 >= n && long_ * 2 > n && (anySite || same * 3 >= n);
}

// Portal style: most items have a snippet and a "[详细]"/"more" link.
bool portalItems(const std::vector<xmlNode *> &members)
{
    int withMore = 0;
    for (xmlNode *m : members)
        for (xmlNode *n = m; n; n = next(n, m))
            if (is(n, "a") && isPortalMoreLink(innerText(n))) {
                ++withMore;
                break;
            }
    return withMore * 2 >= int(members.size()) && withMore >= 2;
}

// The story links under these roots: article-like targets with a headline-length text (or an
// image's alt text), once each, in page order.
QList<PageListItem> storiesIn(const std::vector<xmlNode *> &roots, const PageContext &context)
{
    QList<PageListItem> items;
    QSet<QUrl> seen;
    for (xmlNode *root : roots)
        for (xmlNode *n = root; n; n = next(n, root)) {
            if (!is(n, "a"))
                continue;
            const QUrl url = linkTarget(n, context);
            QString text = innerText(n);
            if (!url.isValid() || seen.contains(url) || !urlLooksLikeArticle(url) ||
                isPortalMoreLink(text) || titleWeight(text) < 2)
                continue;
            seen.insert(url);
            PageListItem item;
            item.title = text;
            item.url = url;
            items.append(item);
        }
    return items;
}

// The text under these roots that is not link text.
qsizetype proseMass(const std::vector<xmlNode *> &roots)
{
    qsizetype mass = 0;
    for (xmlNode *root : roots)
        for (xmlNode *n = root; n; n = next(n, root, is(n, "a"))) {
            if (isText(n) && n->content)
                mass += textMass(QString::fromUtf8(reinterpret_cast<const char *>(n->content)));
        }
    return mass;
}

bool contains(const xmlNode *outer, const xmlNode *inner)
{
    for (const xmlNode *n = inner; n; n = n->parent)
        if (n == outer)
            return true;
    return false;
}

} // namespace

std::vector<RelatedBlock> findRelatedBlocks(xmlNode *body, const PageContext &context,
                                            const QString &title)
{
    std::vector<RelatedBlock> found;
    if (!body)
        return found;
    QUrl page = context.base;
    page.setFragment(QString());

    // Groups of repeated items.
    for (const SiblingGroup &g : siblingGroups(body, 2)) {
        xmlNode *container = g.members.front()->parent;
        if (inChrome(container, body))
            continue;
        const QString heading = boxHeading(container);
        const QString names = namesAround(container, g.members);
        const bool headed = !heading.isEmpty() && relatedHeading().match(heading).hasMatch() &&
                            !unrelatedHeading().match(heading).hasMatch();
        const bool named = relatedNames().match(names).hasMatch();
        const bool negative = unrelatedNames().match(classAndId(container)).hasMatch() ||
                              (!heading.isEmpty() && unrelatedHeading().match(heading).hasMatch());
        static const bool debug = qEnvironmentVariableIsSet("BROADSHEET_RELATED_DEBUG");
        if (debug)
            qDebug("group of %d under %s [%s] heading '%s' headed %d named %d negative %d",
                   int(g.members.size()), tag(container), qPrintable(names.left(80)),
                   qPrintable(heading), headed, named, negative);
        if ((negative && !headed) || sponsoredNames().match(names).hasMatch())
            continue;
        if (!headed && !named && !portalItems(g.members))
            continue;
        RelatedBlock block;
        const bool weak = headed && weakHeading().match(heading).hasMatch();
        block.confidence = headed ? (weak ? 0.6 : 0.9) : (named ? 0.75 : 0.7);
        for (xmlNode *m : g.members)
            if (std::find(block.roots.begin(), block.roots.end(), m->parent) == block.roots.end())
                block.roots.push_back(m->parent);
        block.items = itemsOf(g.members, context);
        // Items that each hold several stories (a row of cards per item): every story link.
        if (QList<PageListItem> stories = storiesIn(block.roots, context);
            stories.size() > 2 * block.items.size() && stories.size() <= 16 &&
            stories.size() <= 5 * qsizetype(g.members.size()))
            block.items = std::move(stories);
        block.items.removeIf([&page](const PageListItem &i) { return i.url == page; });
        if (headed && weakHeading().match(heading).hasMatch() && !onTopic(block.items, title))
            continue;
        // A block that says it is related may have short titles; one found by its shape alone
        // needs headline-length ones.
        // A block is links with short teasers; one that holds prose holds the article too.
        if (proseMass(block.roots) > 400 + 200 * block.items.size())
            continue;
        if (block.items.size() < (headed ? 1 : 2) ||
            !goodStories(block.items, context, headed || named ? 2 : 3, headed || named))
            continue;
        found.push_back(std::move(block));
    }
    // A related heading and the block right after it, whatever its shape (one story, a list).
    for (xmlNode *n = body; n; n = next(n, body)) {
        if (!(isHeading(n) || is(n, "strong") || is(n, "b") || is(n, "span") || is(n, "div") ||
              is(n, "p")) ||
            innerTextLonger(n, 60) || !elementsByTag(n, "a").empty())
            continue;
        const QString heading = innerText(n);
        if (heading.isEmpty() || !relatedHeading().match(heading).hasMatch() ||
            unrelatedHeading().match(heading).hasMatch() || weakHeading().match(heading).hasMatch())
            continue;
        xmlNode *block = nextElement(n);
        if (!block || inChrome(block, body) || sponsoredNames().match(classAndId(block)).hasMatch())
            continue;
        QList<PageListItem> items = storiesIn({block}, context);
        items.removeIf([&page](const PageListItem &i) { return i.url == page; });
        if (items.isEmpty() || items.size() > 12 || proseMass({block}) > 400 + 200 * items.size() ||
            !goodStories(items, context, 2, true))
            continue;
        found.push_back(RelatedBlock{{block}, items, false, 0.9});
    }
    // Single teasers in the text.
    for (xmlNode *n = body; n;) {
        const bool candidate =
            is(n, "p") || is(n, "li") || is(n, "div") || is(n, "strong") || is(n, "aside");
        if (!candidate || innerTextLonger(n, 240) || !teaserLead().match(innerText(n)).hasMatch()) {
            n = next(n, body);
            continue;
        }
        const std::vector<xmlNode *> links = elementsByTag(n, "a");
        const QUrl target = links.size() == 1 ? linkTarget(links.front(), context) : QUrl();
        const QString title = links.size() == 1 ? innerText(links.front()) : QString();
        if (!target.isValid() || target == page || titleWeight(title) < 3 ||
            !urlLooksLikeArticle(target) || inChrome(n, body)) {
            n = next(n, body);
            continue;
        }
        PageListItem item;
        item.title = title;
        item.url = target;
        found.push_back(RelatedBlock{{n}, {item}, true, 0.8});
        n = next(n, body, true);
    }
    // Story cards set among the article's paragraphs ("rich links", teaser boxes): one story
    // each, the card's heading (or its link's text, or its picture's alt) as title.
    static const QRegularExpression cardNames(
        QStringLiteral("rich[-_]?link|teaser|read[-_]?more|also[-_]?read|related|story[-_]?card|"
                       "inline[-_]?(link|"
                       "card|promo|teaser)|embed(ded)?[-_]?(article|story)"),
        QRegularExpression::CaseInsensitiveOption);
    for (xmlNode *n = body; n;) {
        const bool boxy = is(n, "aside") || is(n, "div") || is(n, "figure") || is(n, "section");
        if (!boxy || !cardNames.match(classAndId(n)).hasMatch() || innerTextLonger(n, 400) ||
            !n->parent || inChrome(n, body)) {
            n = next(n, body);
            continue;
        }
        int paragraphs = 0;
        for (xmlNode *s = firstElementChild(n->parent); s; s = nextElement(s))
            paragraphs += is(s, "p") && innerTextLonger(s, 80);
        QList<PageListItem> items;
        QSet<QUrl> targets;
        for (xmlNode *a = n; a; a = next(a, n))
            if (is(a, "a")) {
                const QUrl url = linkTarget(a, context);
                if (url.isValid() && url != page && urlLooksLikeArticle(url))
                    targets.insert(url);
            }
        if (paragraphs < 2 || targets.size() != 1) {
            n = next(n, body);
            continue;
        }
        PageListItem item;
        item.url = *targets.cbegin();
        for (xmlNode *h = n; h && item.title.isEmpty(); h = next(h, n))
            if (isHeading(h))
                item.title = innerText(h);
        if (item.title.isEmpty())
            for (xmlNode *a = n; a; a = next(a, n))
                if (is(a, "a") && linkTarget(a, context) == item.url &&
                    titleWeight(innerText(a)) > titleWeight(item.title))
                    item.title = innerText(a);
        if (titleWeight(item.title) >= 3)
            found.push_back(RelatedBlock{{n}, {item}, true, 0.6});
        n = next(n, body, true);
    }
    // Page order; a block inside another is dropped; stories once.
    QHash<const xmlNode *, int> order;
    int index = 0;
    for (xmlNode *n = body; n; n = next(n, body))
        if (isElement(n))
            order.insert(n, index++);
    std::stable_sort(found.begin(), found.end(),
                     [&order](const RelatedBlock &a, const RelatedBlock &b) {
                         return order.value(a.roots.front()) < order.value(b.roots.front());
                     });
    std::vector<RelatedBlock> kept;
    QSet<QUrl> seen;
    for (RelatedBlock &b : found) {
        const bool inside = std::any_of(kept.begin(), kept.end(), [&b](const RelatedBlock &k) {
            return contains(k.roots.front(), b.roots.front()) ||
                   contains(b.roots.front(), k.roots.front());
        });
        if (inside)
            continue;
        b.items.removeIf([&seen](const PageListItem &i) { return seen.contains(i.url); });
        for (const PageListItem &i : b.items)
            seen.insert(i.url);
        if (!b.items.isEmpty())
            kept.push_back(std::move(b));
    }
    return kept;
}

} // namespace bs::pages
