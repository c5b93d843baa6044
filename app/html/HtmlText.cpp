#include "html/HtmlText.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cstring>

namespace bs
{

namespace
{

bool isBlock(const xmlChar *name)
{
    static const char *const blocks[] = {
        "p",      "div",    "br",     "li",         "ul", "ol",         "tr",  "table",   "h1",
        "h2",     "h3",     "h4",     "h5",         "h6", "blockquote", "pre", "section", "article",
        "header", "footer", "figure", "figcaption", "dd", "dt",         "hr",  "td",      "th"};
    for (const char *b : blocks)
        if (xmlStrcasecmp(name, reinterpret_cast<const xmlChar *>(b)) == 0)
            return true;
    return false;
}

bool isSkipped(const xmlChar *name)
{
    static const char *const skipped[] = {"script", "style", "noscript", "template", "head"};
    for (const char *s : skipped)
        if (xmlStrcasecmp(name, reinterpret_cast<const xmlChar *>(s)) == 0)
            return true;
    return false;
}

void appendBreak(QByteArray &out)
{
    if (!out.isEmpty() && !out.endsWith('\n'))
        out.append('\n');
}

void collect(xmlNode *node, QByteArray &out)
{
    for (xmlNode *n = node; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            const char *text = reinterpret_cast<const char *>(n->content);
            if (!text)
                continue;
            // Fold runs of white space into one space.
            for (const char *p = text; *p; ++p) {
                const bool space = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
                if (space) {
                    if (!out.isEmpty() && !out.endsWith(' ') && !out.endsWith('\n'))
                        out.append(' ');
                } else {
                    out.append(*p);
                }
            }
        } else if (n->type == XML_ELEMENT_NODE) {
            if (isSkipped(n->name))
                continue;
            const bool block = isBlock(n->name);
            if (block)
                appendBreak(out);
            collect(n->children, out);
            if (block)
                appendBreak(out);
        }
    }
}

} // namespace

QString htmlToPlainText(const QString &html)
{
    if (!html.contains(QLatin1Char('<')) && !html.contains(QLatin1Char('&')))
        return html.simplified();
    const QByteArray utf8 = html.toUtf8();
    htmlDocPtr doc = htmlReadMemory(utf8.constData(), int(utf8.size()), nullptr, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET | HTML_PARSE_COMPACT);
    if (!doc)
        return html.simplified();
    QByteArray out;
    out.reserve(utf8.size());
    collect(xmlDocGetRootElement(doc), out);
    xmlFreeDoc(doc);
    // Trim spaces around line breaks.
    QString text = QString::fromUtf8(out);
    text.replace(QStringLiteral(" \n"), QStringLiteral("\n"));
    text.replace(QStringLiteral("\n "), QStringLiteral("\n"));
    return text.trimmed();
}

} // namespace bs
