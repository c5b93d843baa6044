#pragma once

#include "feeds/FeedLinks.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

namespace bs
{

// One entry of a page's own list of related stories (the block of links with short snippets
// and "[详细]" / "more" links that portals put after an article).
struct RelatedLink {
    QString title;
    QUrl url; // absolute
    QString snippet;

    bool operator==(const RelatedLink &) const = default;
};

// What the extractor reads out of a web page: the article and its metadata.
struct ExtractedArticle {
    QString title;
    QString byline;
    QDateTime published;   // UTC; invalid when the page gives no date
    QString publishedText; // the date as the page wrote it (meta value or date line)
    QString category;      // a portal's channel/category on the date line ("[国内]")
    QString source;        // a portal's "来源: ..." (source) on the date line
    QString siteName;
    QString lang;
    QString dir; // "ltr", "rtl" or empty
    QString excerpt;
    QUrl leadImage;
    QString contentHtml; // sanitized, URLs absolute
    QString text;        // plain text, paragraphs separated by blank lines
    QList<RelatedLink> related;
    QList<DiscoveredFeed> feeds;
    QString encoding; // the character encoding the page was read in
    QString error;    // set when nothing could be read (empty or unparsable input)
    // How much to trust the text and the related list, 0..1, so that a reader can fall back to
    // a feed's own content when the extraction is weak. Text: its length, paragraphs and link
    // density, lowered when the rules had to be relaxed to find it. Related: how surely the
    // page presents the stories as related (RelatedBlock::confidence); 0 with none.
    double textConfidence = 0;
    double relatedConfidence = 0;

    bool ok() const { return error.isEmpty(); }
    // {title, byline, published (ISO 8601 UTC or null), site_name, lang, dir, excerpt,
    //  lead_image, content_html, text, related: [{title, url, snippet}],
    //  feeds: [{title, url, type}], confidence: {text, related}}
    QJsonObject toJson() const;
};

// Reads the article out of a web page. `bytes` are the page as served, `url` the address it
// came from (relative URLs, <base href> and the related list resolve against it),
// `contentType` the HTTP Content-Type header when known (its charset wins over <meta>).
//
// The page is decoded with decodeHtmlPage and parsed with libxml2's HTML parser (recover mode,
// no network, no external entities). The article body is chosen by scoring, in the manner of
// Mozilla Readability's published heuristics: scripts, styles, hidden and "unlikely" blocks
// (navigation, comments, sidebars, ...) are dropped; paragraphs score their ancestors by
// text length and commas; class/id names weigh in; scores are damped by link density; the
// best block is joined by siblings that look like content; lists, tables, forms and divs that
// look like boilerplate are removed; when the result is short the pass is retried with the
// rules relaxed. Metadata come from JSON-LD, OpenGraph/Twitter/Dublin Core/meta tags, the
// <title> (site name removed), <html lang/dir>, and Chinese portal conventions (a date and
// "来源:" line, a "(责任编辑: ...)" or "By ..." line at the end). Every traversal is
// iterative, so deeply nested pages cannot exhaust the stack.
ExtractedArticle extractArticle(const QByteArray &bytes, const QUrl &url,
                                const QString &contentType = {});

} // namespace bs
