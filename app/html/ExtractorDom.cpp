#include "html/ExtractorDom.h"

#include <cstring>

namespace bs::dom
{

namespace
{

bool inList(const char *name, std::initializer_list<const char *> names)
{
    for (const char *n : names)
        if (std::strcmp(name, n) == 0)
            return true;
    return false;
}

void escapeText(QString &out, QStringView text, bool attribute)
{
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '&':
            out += QLatin1String("&amp;");
            break;
        case '<':
            out += QLatin1String("&lt;");
            break;
        case '>':
            out += QLatin1String("&gt;");
            break;
        case '"':
            if (attribute)
                out += QLatin1String("&quot;");
            else
                out += c;
            break;
        default:
            out += c;
        }
    }
}

bool isVoid(const char *name)
{
    return inList(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                         "param", "source", "track", "wbr"});
}

} // namespace

bool is(const xmlNode *n, const char *name)
{
    return isElement(n) && std::strcmp(tag(n), name) == 0;
}

bool isHeading(const xmlNode *n)
{
    const char *t = tag(n);
    return t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && t[2] == 0;
}

bool isBlock(const xmlNode *n)
{
    if (!isElement(n))
        return false;
    return isHeading(n) ||
           inList(tag(n), {"address", "article", "aside", "blockquote", "dd",       "details",
                           "dialog",  "div",     "dl",    "dt",         "fieldset", "figcaption",
                           "figure",  "footer",  "form",  "header",     "hgroup",   "hr",
                           "li",      "main",    "nav",   "ol",         "p",        "pre",
                           "section", "table",   "tbody", "thead",      "tfoot",    "tr",
                           "td",      "th",      "ul",    "select",     "center"});
}

bool isPhrasing(const xmlNode *n)
{
    if (isText(n))
        return true;
    if (!isElement(n))
        return false;
    if (inList(tag(n), {"abbr",     "audio",  "b",        "bdo",      "br",     "button", "cite",
                        "code",     "data",   "datalist", "dfn",      "em",     "embed",  "i",
                        "img",      "input",  "kbd",      "label",    "mark",   "math",   "meter",
                        "noscript", "object", "output",   "progress", "q",      "ruby",   "samp",
                        "script",   "select", "small",    "span",     "strong", "sub",    "sup",
                        "textarea", "time",   "var",      "wbr",      "u",      "s",      "strike",
                        "tt",       "big",    "font"}))
        return true;
    if (inList(tag(n), {"a", "del", "ins"})) {
        for (xmlNode *c = n->children; c; c = c->next)
            if (!isPhrasing(c) && isElement(c))
                return false;
        return true;
    }
    return false;
}

QString attr(const xmlNode *n, const char *name)
{
    if (!isElement(n))
        return {};
    xmlChar *v = xmlGetNoNsProp(n, reinterpret_cast<const xmlChar *>(name));
    if (!v)
        return {};
    QString s = QString::fromUtf8(reinterpret_cast<const char *>(v));
    xmlFree(v);
    return s;
}

bool hasAttr(const xmlNode *n, const char *name)
{
    return isElement(n) && xmlHasProp(n, reinterpret_cast<const xmlChar *>(name));
}

void setAttr(xmlNode *n, const char *name, const QString &value)
{
    const QByteArray v = value.toUtf8();
    xmlSetProp(n, reinterpret_cast<const xmlChar *>(name),
               reinterpret_cast<const xmlChar *>(v.constData()));
}

QString classAndId(const xmlNode *n)
{
    return attr(n, "class") + QLatin1Char(' ') + attr(n, "id");
}

xmlNode *next(xmlNode *n, const xmlNode *root, bool skipChildren)
{
    if (!skipChildren && n->children && n->type == XML_ELEMENT_NODE)
        return n->children;
    while (n && n != root) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return nullptr;
}

xmlNode *firstElementChild(xmlNode *n)
{
    for (xmlNode *c = n->children; c; c = c->next)
        if (isElement(c))
            return c;
    return nullptr;
}

xmlNode *nextElement(xmlNode *n)
{
    for (xmlNode *c = n->next; c; c = c->next)
        if (isElement(c))
            return c;
    return nullptr;
}

int elementChildCount(xmlNode *n)
{
    int count = 0;
    for (xmlNode *c = n->children; c; c = c->next)
        count += isElement(c);
    return count;
}

QString textContent(const xmlNode *n)
{
    if (isText(n))
        return QString::fromUtf8(reinterpret_cast<const char *>(n->content));
    QByteArray out;
    xmlNode *root = const_cast<xmlNode *>(n);
    for (xmlNode *c = root->children; c; c = next(c, root)) {
        if (isText(c) && c->content)
            out += reinterpret_cast<const char *>(c->content);
    }
    return QString::fromUtf8(out);
}

QString collapseSpaces(QStringView s)
{
    QString out;
    out.reserve(s.size());
    bool space = false;
    for (const QChar c : s) {
        if (c.isSpace()) {
            space = true;
            continue;
        }
        if (space && !out.isEmpty())
            out += QLatin1Char(' ');
        space = false;
        out += c;
    }
    return out;
}

QString innerText(const xmlNode *n)
{
    return collapseSpaces(textContent(n));
}

double linkDensity(const xmlNode *n)
{
    const qsizetype total = innerText(n).size();
    if (total == 0)
        return 0;
    double linked = 0;
    xmlNode *root = const_cast<xmlNode *>(n);
    for (xmlNode *c = root->children; c;) {
        if (is(c, "a")) {
            const QString href = attr(c, "href");
            const double coefficient = href.startsWith(QLatin1Char('#')) ? 0.3 : 1.0;
            linked += innerText(c).size() * coefficient;
            c = next(c, root, true);
        } else {
            c = next(c, root);
        }
    }
    return linked / double(total);
}

std::vector<xmlNode *> elementsByTag(xmlNode *root, const char *name)
{
    std::vector<xmlNode *> out;
    for (xmlNode *c = root->children; c; c = next(c, root))
        if (is(c, name))
            out.push_back(c);
    return out;
}

bool hasAncestor(const xmlNode *n, const char *name, int maxDepth)
{
    int depth = 0;
    for (const xmlNode *p = n->parent; p; p = p->parent) {
        if (maxDepth >= 0 && depth++ >= maxDepth)
            return false;
        if (is(p, name))
            return true;
    }
    return false;
}

void remove(xmlNode *n)
{
    xmlUnlinkNode(n);
    xmlFreeNode(n);
}

void flattenDeepNesting(xmlNode *root, int maxDepth)
{
    xmlNode *c = root->children;
    int depth = 1;
    while (c) {
        // Wrappers go first; anything else only far deeper (keeps paragraphs apart).
        const bool wrapper = is(c, "div") || is(c, "span") || is(c, "font") || is(c, "section") ||
                             is(c, "article") || is(c, "b") || is(c, "i") || is(c, "em") ||
                             is(c, "strong") || is(c, "center") || is(c, "small") || is(c, "big") ||
                             is(c, "u");
        if (isElement(c) && (depth > 2 * maxDepth || (wrapper && depth > maxDepth))) {
            xmlNode *after = c->next;
            xmlNode *parent = c->parent;
            xmlNode *firstMoved = nullptr;
            for (xmlNode *k = c->children; k;) {
                xmlNode *following = k->next;
                xmlUnlinkNode(k);
                xmlNode *placed = xmlAddPrevSibling(c, k); // may merge text into its neighbour
                if (!firstMoved)
                    firstMoved = placed;
                k = following;
            }
            remove(c);
            if (firstMoved) {
                c = firstMoved;
                continue;
            }
            if (after) {
                c = after;
                continue;
            }
            c = parent;
            --depth;
        } else if (isElement(c) && c->children) {
            c = c->children;
            ++depth;
            continue;
        }
        while (c && c != root && !c->next) {
            c = c->parent;
            --depth;
        }
        if (!c || c == root)
            break;
        c = c->next;
    }
}

QString serialize(const xmlNode *start, bool withSelf)
{
    QString out;
    xmlNode *root = const_cast<xmlNode *>(start);
    auto open = [&](xmlNode *e) {
        out += QLatin1Char('<');
        out += QLatin1String(tag(e));
        for (xmlAttr *a = e->properties; a; a = a->next) {
            out += QLatin1Char(' ');
            out += QString::fromUtf8(reinterpret_cast<const char *>(a->name));
            out += QLatin1String("=\"");
            xmlChar *v = xmlNodeListGetString(e->doc, a->children, 1);
            if (v) {
                const QString value = QString::fromUtf8(reinterpret_cast<const char *>(v));
                xmlFree(v);
                escapeText(out, value, true);
            }
            out += QLatin1Char('"');
        }
        out += QLatin1Char('>');
    };
    auto close = [&](xmlNode *e) {
        if (!isVoid(tag(e))) {
            out += QLatin1String("</");
            out += QLatin1String(tag(e));
            out += QLatin1Char('>');
        }
    };
    auto leaf = [&](xmlNode *c) {
        if (isText(c) && c->content)
            escapeText(out, QString::fromUtf8(reinterpret_cast<const char *>(c->content)), false);
    };
    if (withSelf && isElement(root))
        open(root);
    xmlNode *c = root->children;
    while (c) {
        if (isElement(c)) {
            open(c);
            if (c->children) {
                c = c->children;
                continue;
            }
            close(c);
        } else {
            leaf(c);
        }
        // Climb: close every element whose children are done.
        while (c && c != root && !c->next) {
            c = c->parent;
            if (c && c != root)
                close(c);
        }
        if (!c || c == root)
            break;
        c = c->next;
    }
    if (withSelf && isElement(root))
        close(root);
    return out;
}

} // namespace bs::dom
