#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace bs
{

// A subscription as an OPML outline describes it.
struct OpmlFeed {
    QString title;
    QUrl xmlUrl;
    QUrl htmlUrl;
    QString type; // as declared ("rss", "atom", ...); empty when the outline has none
    QString description;
};

// A folder (an outline without xmlUrl); folders nest.
struct OpmlFolder {
    QString title;
    QList<OpmlFolder> folders;
    QList<OpmlFeed> feeds;

    int feedCount() const; // feeds here and in every subfolder
};

struct OpmlDocument {
    QString title;
    QDateTime dateCreated;
    OpmlFolder root; // the top-level outlines; root.title is unused
};

// Reads OPML 1.0 / 2.0 with libxml2: no network, no DTD loading, no entity substitution, and a
// document that declares entities is refused. Tolerates what real exports contain: HTML named
// entities (&eacute;, &nbsp;) and bare '&', any encoding named in the XML declaration,
// attribute names in any case, a missing type, `url` for `xmlUrl`, the `category` attribute
// (first path, "/A/B") on top-level feeds, duplicates (kept: the importer skips them).
// Outlines with xmlUrl are feeds; other outlines are folders (unnamed ones are flattened).
// Returns nullopt and sets *error when the data is not OPML.
std::optional<OpmlDocument> parseOpml(const QByteArray &data, QString *error);

// OPML 2.0 in UTF-8 with dateCreated (RFC 822), title, and nested folders. A feed without a
// title gets its URL as `text` and no `title` attribute (parseOpml reads that back as untitled).
QByteArray writeOpml(const OpmlDocument &document);

} // namespace bs
