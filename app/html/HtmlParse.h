#pragma once

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <QByteArray>
#include <QUrl>

#include <memory>

namespace bs
{

// libxml2's HTML parser (2.9) ends a <script> at the first "</" followed by a letter, as HTML 4
// said; browsers end it only at "</script". A script that writes markup ('<a href=x>...</a>')
// then spills its rest into the page as text and elements, and the page after it can be lost.
// And it stops reading at a NUL byte, which a browser reads as U+FFFD.
//
// This returns the page with every "</" inside a script's text written "<\/" (the same string
// for JavaScript) and NUL bytes as U+FFFD, so the parser reads the page as a browser does. A
// page with neither comes back unchanged (no copy).
QByteArray parserSafeHtml(const QByteArray &html);

// A decoded page that is binary data rather than text: more than 8 NUL bytes in its first
// 4 KiB (a stray NUL in a real page is read as U+FFFD instead).
bool looksBinary(const QByteArray &utf8);

struct HtmlDocFree {
    void operator()(xmlDoc *doc) const { xmlFreeDoc(doc); }
};
using HtmlDocPtr = std::unique_ptr<xmlDoc, HtmlDocFree>;

// Parses UTF-8 HTML (already through parserSafeHtml) with libxml2's HTML parser: recover mode,
// no network, XML_PARSE_HUGE (its 256-level depth limit would drop the rest of a page with
// many unclosed elements), and wrappers nested deeper than 192 levels unwrapped instead.
HtmlDocPtr parseHtml(const QByteArray &utf8);
// The <body> element (the root element when there is none); null for an empty document.
xmlNode *bodyOf(xmlDoc *doc);
// `url` with the page's first <base href> applied.
QUrl baseOf(xmlDoc *doc, const QUrl &url);

} // namespace bs
