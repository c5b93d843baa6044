#pragma once

// Small helpers over libxml2's HTML tree for the extractor (internal to app/html).
// Every walk is iterative (next/parent pointers), never recursive.

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <QString>
#include <QStringView>

#include <cstring>
#include <vector>

namespace bs::dom
{

inline bool isElement(const xmlNode *n)
{
    return n && n->type == XML_ELEMENT_NODE;
}
inline bool isText(const xmlNode *n)
{
    return n && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE);
}
// The lower-case tag name ("" for non-elements).
inline const char *tag(const xmlNode *n)
{
    return isElement(n) && n->name ? reinterpret_cast<const char *>(n->name) : "";
}
// Whether n is the element <name> (name in lower case). Inline: the walks call it per node.
inline bool is(const xmlNode *n, const char *name)
{
    if (!isElement(n) || !n->name)
        return false;
    const char *t = reinterpret_cast<const char *>(n->name);
    return t[0] == name[0] && std::strcmp(t, name) == 0;
}
bool isHeading(const xmlNode *n);
bool isBlock(const xmlNode *n);    // block-level for text and the div->p conversion
bool isPhrasing(const xmlNode *n); // phrasing content (text and inline elements)

QString attr(const xmlNode *n, const char *name);
bool hasAttr(const xmlNode *n, const char *name);
void setAttr(xmlNode *n, const char *name, const QString &value);
QString classAndId(const xmlNode *n); // "class id"

// The next node in document order; with skipChildren, the subtree of n is stepped over.
// Never leaves `root`.
xmlNode *next(xmlNode *n, const xmlNode *root, bool skipChildren = false);
xmlNode *firstElementChild(xmlNode *n);
xmlNode *nextElement(xmlNode *n);
int elementChildCount(xmlNode *n);

// All the text below n, as is.
QString textContent(const xmlNode *n);
// The text below n with white space runs collapsed and trimmed.
QString innerText(const xmlNode *n);
// innerText(n).size() and !innerText(n).isEmpty(), without building the text.
qsizetype innerTextLength(const xmlNode *n);
// innerTextLength(n) > limit, reading no further than needed.
bool innerTextLonger(const xmlNode *n, qsizetype limit);
bool hasInnerText(const xmlNode *n);
// innerText(n).size() and the commas in it (countCommas' set), in one pass without the text.
struct TextStats {
    qsizetype length = 0;
    int commas = 0;
};
TextStats innerTextStats(const xmlNode *n);
// Characters of text in links / all text (0 when there is no text).
double linkDensity(const xmlNode *n);

std::vector<xmlNode *> elementsByTag(xmlNode *root, const char *name);
bool hasAncestor(const xmlNode *n, const char *name, int maxDepth = -1);

void remove(xmlNode *n); // unlink and free
// Unwraps wrapper elements (div, span, font, b, ...) nested deeper than maxDepth below root,
// and every element deeper than twice that (their children take their place), so that later
// walks that look at ancestors or subtrees stay linear in practice. O(n).
void flattenDeepNesting(xmlNode *root, int maxDepth);
// Serializes n (with its tag when withSelf, else its children) as HTML.
QString serialize(const xmlNode *n, bool withSelf);

QString collapseSpaces(QStringView s);

} // namespace bs::dom
