#pragma once

#include <QString>
#include <QUrl>

namespace bs
{

// Both functions parse with libxml2's HTML parser (no network, no implied <html>/<body>/<p>) in
// one streaming pass, and write markup the way feedparser 6 does, so that feed fields compare
// equal to feedparser's output: attributes sorted by name, in double quotes; void elements as
// <br />; end tags written explicitly (elements left open are closed); character references kept
// as written; & and < escaped in text, & < > " in attribute values. Broken markup is repaired the
// way libxml2 repairs it (a block start tag closes an open <p>, <b>, ...). Invalid UTF-16, NUL
// and control characters are replaced or dropped. At 256 open elements, all are closed before
// the next one opens, which keeps time and memory linear in the input size.

// Resolves relative URLs in an HTML fragment against base (a href, img src, blockquote cite,
// form action, body background, img longdesc, video poster, img usemap, ...: feedparser's
// relative-URI list), keeping the rest of the markup, scripts and comments included. A resolved
// URL with a scheme that is not allowed (javascript:, ...) becomes empty. Returns html unchanged
// when base is not an absolute URL.
QString resolveRelativeUrls(const QString &html, const QUrl &base);

// Allowlist sanitizer for HTML from feeds and extracted articles.
// - Keeps text formatting, headings, paragraphs, lists, tables, figures, images, audio/video,
//   links, blockquote, pre/code and similar (feedparser's acceptable elements without form
//   controls).
// - Drops script, style, applet, template and svg with their content; drops the tags but keeps
//   the text of everything else (iframe, object, embed, form controls, meta, link, base,
//   frame, html/head/body, MathML, unknown elements). Comments, processing instructions and
//   DOCTYPEs are dropped; white space around the result is trimmed.
// - Keeps only allowed attributes (never on* handlers); rel and type values are lower-cased.
// - URL attributes (href, src, cite, action, poster, background, ...) with a scheme that is not
//   allowed (javascript:, vbscript:, data:, file:, ..., also when hidden by references, white
//   space or case) become empty; data:image/png|gif|jpeg|webp is allowed in img src. Remote
//   images stay: blocking remote loads is the reader view's job.
// - style attributes are cleaned with sanitizeCss() and dropped when nothing safe is left.
// - With a valid absolute base, relative URLs are resolved as resolveRelativeUrls() does.
QString sanitizeHtml(const QString &html, const QUrl &base = {});

} // namespace bs
