// A page's own related-stories list: a block of several items, each a link to a story with a
// short snippet, often ending in a "[详细]" / "more" link, or a block named "related" / headed
// "相关阅读".

#include "html/ExtractorDom.h"
#include "html/ExtractorParts.h"

#include <QRegularExpression>

namespace bs::extract
{

using namespace dom;

namespace
{

bool isMoreLabel(const QString &text)
{
    static const QRegularExpression more(
        QStringLiteral("^[\\[【(（<«]?\\s*(详细|詳細|全文|更多|阅读全文|閱讀全文|查看全文|详情|"
                       "more|read more|continue reading|full story|»|›|>>)\\s*[\\]】)）>»]?"
                       "\\s*(»|›|>>|\\.\\.\\.|…)?$"),
        QRegularExpression::CaseInsensitiveOption);
    return more.match(text.trimmed()).hasMatch();
}

bool usableHref(const QString &href)
{
    const QString h = href.trimmed();
    return !h.isEmpty() && !h.startsWith(QLatin1Char('#')) &&
           !h.startsWith(QLatin1String("javascript:"), Qt::CaseInsensitive) &&
           !h.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive);
}

struct Item {
    RelatedLink story;
    bool hasMore = false;
};

bool readItem(xmlNode *item, const QUrl &base, Item *out)
{
    xmlNode *titleLink = nullptr;
    for (xmlNode *c = item->children; c; c = next(c, item)) {
        if (!is(c, "a") || !usableHref(attr(c, "href")))
            continue;
        const QString text = innerText(c);
        if (isMoreLabel(text)) {
            out->hasMore = true;
            continue;
        }
        if (!titleLink && text.size() >= 2)
            titleLink = c;
    }
    if (!titleLink)
        return false;
    out->story.title = innerText(titleLink);
    out->story.url = base.resolved(QUrl(attr(titleLink, "href").trimmed()));
    if (!out->story.url.isValid())
        return false;
    // The snippet: the item's text outside the title link and the "more" links.
    QString snippet;
    for (xmlNode *c = item->children; c;) {
        if (c == titleLink || (is(c, "a") && isMoreLabel(innerText(c)))) {
            c = next(c, item, true);
            continue;
        }
        if (isText(c) && c->content) {
            snippet += QString::fromUtf8(reinterpret_cast<const char *>(c->content));
            snippet += QLatin1Char(' ');
        } else if (isBlock(c) || is(c, "br")) {
            snippet += QLatin1Char(' ');
        }
        c = next(c, item);
    }
    out->story.snippet = collapseSpaces(snippet);
    return true;
}

bool namedRelated(xmlNode *block)
{
    static const QRegularExpression name(
        QStringLiteral("related|relate|xgxw|xgyd|xiangguan|more-?news|more-?stories|"
                       "recommend|also-?read"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression heading(
        QStringLiteral("^\\s*(相关|相關|延伸阅读|推荐阅读|更多|related|more stories|read more|"
                       "you might also|see also|also read)"),
        QRegularExpression::CaseInsensitiveOption);
    int depth = 0;
    for (xmlNode *n = block; n && isElement(n) && depth < 3; n = n->parent, ++depth) {
        if (name.match(classAndId(n)).hasMatch())
            return true;
        // A heading right before the block (or before the parent holding it).
        for (xmlNode *s = n->prev; s; s = s->prev) {
            if (!isElement(s))
                continue;
            if ((isHeading(s) || is(s, "div") || is(s, "p") || is(s, "span") || is(s, "strong")) &&
                innerText(s).size() < 40 && heading.match(innerText(s)).hasMatch())
                return true;
            break;
        }
    }
    return false;
}

bool inNavigation(xmlNode *block)
{
    static const QRegularExpression name(QStringLiteral("(^|[\\s_-])(nav|menu|footer)"),
                                         QRegularExpression::CaseInsensitiveOption);
    for (xmlNode *n = block; n && isElement(n); n = n->parent)
        if (is(n, "nav") || is(n, "header") || is(n, "footer") ||
            name.match(classAndId(n)).hasMatch())
            return true;
    return false;
}

} // namespace

QList<RelatedLink> takeRelated(xmlNode *body, const QUrl &base)
{
    QList<RelatedLink> stories;
    if (!body)
        return stories;
    std::vector<xmlNode *> taken;
    for (xmlNode *n = body->children; n;) {
        if (!(is(n, "ul") || is(n, "ol") || is(n, "dl") || is(n, "div") || is(n, "section"))) {
            n = next(n, body);
            continue;
        }
        std::vector<xmlNode *> itemNodes;
        for (xmlNode *c = n->children; c; c = c->next)
            if (isElement(c) && (is(c, "li") || is(c, "div") || is(c, "dd") || is(c, "dt") ||
                                 is(c, "p") || is(c, "article")))
                itemNodes.push_back(c);
        if (itemNodes.size() < 3 || inNavigation(n)) { // (navigation never qualifies)
            n = next(n, body);
            continue;
        }
        QList<Item> items;
        int withMore = 0;
        int withSnippet = 0;
        for (xmlNode *c : itemNodes) {
            Item item;
            if (readItem(c, base, &item)) {
                withMore += item.hasMore;
                withSnippet += item.story.snippet.size() >= 10;
                items.append(item);
            }
        }
        const qsizetype count = items.size();
        const bool enough = count >= 3 && count * 10 >= qsizetype(itemNodes.size()) * 6;
        const bool qualifies = enough && (withMore * 2 >= count || namedRelated(n)) &&
                               (withSnippet > 0 || withMore > 0 || namedRelated(n)) &&
                               !inNavigation(n);
        if (!qualifies) {
            n = next(n, body);
            continue;
        }
        for (const Item &item : items)
            stories.append(item.story);
        xmlNode *following = next(n, body, true);
        taken.push_back(n);
        n = following;
    }
    for (xmlNode *n : taken)
        remove(n);
    return stories;
}

} // namespace bs::extract
