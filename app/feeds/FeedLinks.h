#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

struct _xmlDoc;

namespace bs
{

// A feed found for a site: its address, the title the page or feed gives it, and its format.
struct DiscoveredFeed {
    QUrl url;
    QString title;
    QString type; // "rss" (RSS 0.9x/2.0 and RDF/RSS 1.0), "atom" or "json" (JSON Feed)

    bool operator==(const DiscoveredFeed &) const = default;
};

// The feed format of a response, from its Content-Type and the start of its body: "rss",
// "atom", "json", or empty when it is not a feed. *title gets the feed's own title.
QString sniffFeed(const QByteArray &body, const QByteArray &contentType, QString *title);

// The feeds an HTML page announces with <link rel="alternate" type="application/rss+xml">
// (also atom+xml, rdf+xml, feed+json, and application/json except WordPress REST links),
// resolved against the page URL and <base href>, in page order, without duplicates.
// The page is parsed with libxml2's HTML parser (no network) in the charset of the HTTP header
// when it names one; otherwise libxml2 reads <meta charset> itself.
QList<DiscoveredFeed> feedLinksInPage(const QByteArray &html, const QUrl &pageUrl,
                                      const QByteArray &contentType);
// The same over a page already parsed with libxml2's HTML parser (the extractor's own parse,
// so a page is not parsed twice).
QList<DiscoveredFeed> feedLinksInDocument(_xmlDoc *doc, const QUrl &pageUrl);

// The charset parameter of a Content-Type value ("text/html; charset=GBK" -> "GBK").
QByteArray charsetOf(const QByteArray &contentType);

} // namespace bs
