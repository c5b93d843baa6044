#pragma once

#include "feeds/FeedValue.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace bs
{

// Text and URL helpers shared by the feed parsers.

// A feed date as feedparser's *_parsed: [Y, M, D, h, m, s, weekday (Mon=0), yday, 0] in UTC,
// or null when the text is not a date.
FeedValue parsedFeedDate(const QString &text, const QTimeZone &zonelessZone);

// Resolves uri against base the way browsers and Python's urljoin do; empty parts pass through.
QString joinUrl(const QString &base, const QString &uri);
// Like joinUrl, but only for URL schemes that are safe to follow; otherwise an empty string.
QString makeSafeAbsoluteUri(const QString &base, const QString &uri);
// Atom's short content types (text, html, xhtml) as media types; others lower-cased.
QString mapContentType(const QString &type);
// Whether text declared as plain is really HTML (closing tags or entities of known HTML only).
bool looksLikeHtml(const QString &text);
// Maps C1 control characters that are really windows-1252 punctuation to their code points.
QString fixWindows1252(QString text);
// Repairs UTF-8 that was decoded as ISO-8859-1 and encoded again ("Ã©" for "é").
QString fixDoubleEncodedUtf8(const QString &text);
// A character for an HTML 4 named entity ("nbsp" -> U+00A0), or 0 when unknown.
char32_t htmlEntityCodePoint(const QString &name);

} // namespace bs
