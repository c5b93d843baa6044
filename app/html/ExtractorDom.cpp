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

namespace
{

// Decodes one UTF-8 sequence at s (NUL-terminated); returns its length, 0 when invalid.
int decodeUtf8(const unsigned char *s, char32_t *cp)
{
    const unsigned char b = s[0];
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    int length = 0;
    char32_t value = 0, minimum = 0;
    if ((b & 0xE0) == 0xC0) {
        length = 2, value = b & 0x1F, minimum = 0x80;
    } else if ((b & 0xF0) == 0xE0) {
        length = 3, value = b & 0x0F, minimum = 0x800;
    } else if ((b & 0xF8) == 0xF0) {
        length = 4, value = b & 0x07, minimum = 0x10000;
    } else {
        return 0;
    }
    for (int k = 1; k < length; ++k) {
        if ((s[k] & 0xC0) != 0x80) // also stops at the terminating NUL
            return 0;
        value = (value << 6) | (s[k] & 0x3F);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return 0;
    *cp = value;
    return length;
}

// Calls f(code point) for the text below n in document order (textContent's text) until f
// returns false. Returns false when a text is not valid UTF-8 (the callers then take the
// QString path, which replaces bad bytes the way QString::fromUtf8 does).
template <typename F> bool forEachCodePoint(const xmlNode *n, F &&f)
{
    auto run = [&](const xmlNode *t, bool *stop) {
        const auto *s = reinterpret_cast<const unsigned char *>(t->content);
        while (*s) {
            char32_t cp = 0;
            const int length = decodeUtf8(s, &cp);
            if (length == 0)
                return false;
            s += length;
            if (!f(cp)) {
                *stop = true;
                return true;
            }
        }
        return true;
    };
    bool stop = false;
    if (isText(n))
        return !n->content || run(n, &stop);
    xmlNode *root = const_cast<xmlNode *>(n);
    for (xmlNode *c = root->children; c && !stop; c = next(c, root)) {
        if (isText(c) && c->content && !run(c, &stop))
            return false;
    }
    return true;
}

bool isCommaCodePoint(char32_t c)
{
    switch (c) {
    case 0x002C:
    case 0x060C:
    case 0xFE50:
    case 0xFE10:
    case 0xFE11:
    case 0x2E41:
    case 0x2E34:
    case 0x2E32:
    case 0xFF0C:
    case 0x3001:
        return true;
    default:
        return false;
    }
}

} // namespace

TextStats innerTextStats(const xmlNode *n)
{
    // collapseSpaces' arithmetic: every non-space UTF-16 unit, plus one space for each run of
    // white space that has text before and after it.
    TextStats stats;
    bool pendingSpace = false;
    const bool valid = forEachCodePoint(n, [&](char32_t cp) {
        if (QChar::isSpace(cp)) {
            pendingSpace = true;
            return true;
        }
        if (pendingSpace && stats.length > 0)
            ++stats.length;
        pendingSpace = false;
        stats.length += cp > 0xFFFF ? 2 : 1;
        stats.commas += isCommaCodePoint(cp);
        return true;
    });
    if (valid)
        return stats;
    const QString text = innerText(n);
    stats = {text.size(), 0};
    for (const QChar c : text)
        stats.commas += isCommaCodePoint(c.unicode());
    return stats;
}

qsizetype innerTextLength(const xmlNode *n)
{
    return innerTextStats(n).length;
}

bool innerTextLonger(const xmlNode *n, qsizetype limit)
{
    qsizetype length = 0;
    bool pendingSpace = false;
    const bool valid = forEachCodePoint(n, [&](char32_t cp) {
        if (QChar::isSpace(cp)) {
            pendingSpace = true;
            return true;
        }
        if (pendingSpace && length > 0)
            ++length;
        pendingSpace = false;
        length += cp > 0xFFFF ? 2 : 1;
        return length <= limit;
    });
    return valid ? length > limit : innerText(n).size() > limit;
}

bool hasInnerText(const xmlNode *n)
{
    bool found = false;
    const bool valid = forEachCodePoint(n, [&](char32_t cp) {
        found = !QChar::isSpace(cp);
        return !found;
    });
    return valid ? found : !innerText(n).isEmpty();
}

double linkDensity(const xmlNode *n)
{
    const qsizetype total = innerTextLength(n);
    if (total == 0)
        return 0;
    double linked = 0;
    xmlNode *root = const_cast<xmlNode *>(n);
    for (xmlNode *c = root->children; c;) {
        if (is(c, "a")) {
            const QString href = attr(c, "href");
            const double coefficient = href.startsWith(QLatin1Char('#')) ? 0.3 : 1.0;
            linked += double(innerTextLength(c)) * coefficient;
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
