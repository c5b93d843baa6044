#include "html/HtmlParse.h"

#include "html/ExtractorDom.h"

#include <cstring>

namespace bs
{

namespace
{

bool startsWithTag(const char *p, const char *end, const char *name)
{
    const size_t n = std::strlen(name);
    if (size_t(end - p) < n + 1)
        return false;
    for (size_t i = 0; i < n; ++i) {
        char c = p[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if (c != name[i])
            return false;
    }
    const char after = p[n];
    return after == '>' || after == ' ' || after == '\t' || after == '\n' || after == '\r' ||
           after == '/' || after == '\f';
}

bool isLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

} // namespace

QByteArray parserSafeHtml(const QByteArray &input)
{
    QByteArray withoutNul;
    if (input.contains('\0')) {
        withoutNul = input;
        withoutNul.replace(QByteArrayView("\0", 1), QByteArrayView("\xEF\xBF\xBD"));
    }
    const QByteArray &html = withoutNul.isNull() ? input : withoutNul;
    const char *begin = html.constData();
    const char *end = begin + html.size();
    QByteArray out;
    const char *copied = begin; // what has been copied to out so far
    const char *p = begin;
    while (p < end) {
        const char *open = static_cast<const char *>(std::memchr(p, '<', size_t(end - p)));
        if (!open)
            break;
        if (!startsWithTag(open + 1, end, "script")) {
            p = open + 1;
            continue;
        }
        const char *close = static_cast<const char *>(std::memchr(open, '>', size_t(end - open)));
        if (!close)
            break;
        // The script's text runs to the first "</script" (as in a browser).
        const char *text = close + 1;
        const char *stop = text;
        while (stop < end) {
            stop = static_cast<const char *>(std::memchr(stop, '<', size_t(end - stop)));
            if (!stop ||
                (stop + 1 < end && stop[1] == '/' && startsWithTag(stop + 2, end, "script")))
                break;
            ++stop;
        }
        if (!stop)
            stop = end;
        for (const char *q = text; q + 2 < stop; ++q) {
            if (q[0] == '<' && q[1] == '/' && isLetter(q[2])) {
                if (out.isNull())
                    out.reserve(html.size() + 64);
                out.append(copied, q - copied);
                out.append("<\\/", 3);
                copied = q + 2;
                ++q;
            }
        }
        p = stop;
    }
    if (out.isNull())
        return html;
    out.append(copied, end - copied);
    return out;
}

bool looksBinary(const QByteArray &utf8)
{
    return utf8.left(4096).count('\0') > 8;
}

HtmlDocPtr parseHtml(const QByteArray &utf8)
{
    constexpr int kMaxDepth = 192; // elements below the root, deeper ones unwrapped
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE;
    HtmlDocPtr doc(htmlReadMemory(utf8.constData(), int(utf8.size()), nullptr, "UTF-8", options));
    if (doc && xmlDocGetRootElement(doc.get()))
        dom::flattenDeepNesting(xmlDocGetRootElement(doc.get()), kMaxDepth);
    return doc;
}

xmlNode *bodyOf(xmlDoc *doc)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!root)
        return nullptr;
    for (xmlNode *c = root; c; c = dom::next(c, root))
        if (dom::is(c, "body"))
            return c;
    return root;
}

QUrl baseOf(xmlDoc *doc, const QUrl &url)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    for (xmlNode *c = root; c; c = dom::next(c, root)) {
        if (dom::is(c, "base") && dom::hasAttr(c, "href")) {
            const QUrl resolved = url.resolved(QUrl(dom::attr(c, "href").trimmed()));
            if (resolved.isValid() && !resolved.isRelative())
                return resolved;
            break;
        }
    }
    return url;
}

} // namespace bs
