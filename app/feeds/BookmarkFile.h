#pragma once

#include "model/Bookmark.h"

#include <QByteArray>

#include <optional>

namespace bs
{

// Bookmark files, both ways:
//  - Netscape bookmark HTML (`<!DOCTYPE NETSCAPE-Bookmark-file-1>`), as browsers export and
//    import it: `<DT><A HREF ADD_DATE LAST_MODIFIED TAGS="a,b">title</A>` and `<DD>note`.
//    ADD_DATE is when the article was starred (its publication time when it is only labelled
//    or noted), LAST_MODIFIED when its note changed. Every text is HTML-escaped; line breaks
//    in notes and titles are written as character references so they come back. Read by a
//    linear scanner (browsers leave <DT> unclosed, which an HTML tree parser nests ever
//    deeper), folders ignored; every entry read is starred.
//  - JSON: {version: 1, exported, bookmarks: [{url, title, feed, published, starred_at,
//    labels[], note}]} with ISO 8601 UTC dates and null for what is missing.
// Only http and https addresses are read; others (javascript:, data:, place:, ...) are counted
// and skipped. Files over kMaxFileBytes or with more than kMaxBookmarks entries are refused.
namespace BookmarkFile
{

constexpr qint64 kMaxFileBytes = 32LL * 1024 * 1024;
constexpr int kMaxBookmarks = 100000;
constexpr int kJsonVersion = 1;

enum class Format { Html, Json };

QByteArray writeHtml(const QList<Bookmark> &bookmarks);
QByteArray writeJson(const QList<Bookmark> &bookmarks, const QDateTime &exported);

// Reads either format (told apart by their first bytes); on failure returns nothing and sets
// *error to a sentence for a person.
std::optional<BookmarkDocument> parse(const QByteArray &data, QString *error);
std::optional<Format> detect(const QByteArray &data);

// True for an address a bookmark may carry (http or https with a host).
bool isImportableAddress(const QString &url);

} // namespace BookmarkFile
} // namespace bs
