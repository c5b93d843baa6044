#pragma once

#include <QByteArray>
#include <QString>

namespace bs
{

// libxml2 decodes character references while parsing, but feed HTML is expected back with its
// references as written ("&#38;" stays "&#38;", "&eacute;" stays "&eacute;"). Before parsing,
// the '&' of every reference a browser would decode (numeric ones; named HTML 4 ones ended by
// ';'; the Latin-1 named ones without ';' unless '=' follows) is replaced by this noncharacter,
// which libxml2 passes through as text; the serializer writes it back as '&'. A missing ';' is
// added. Code that needs the meaning of a value (URL and scheme checks) decodes it first.
inline constexpr char16_t kReferenceMark = 0xFDD0;
// Stand for a literal '&' (one that starts no reference) and a literal '<' (one that starts no
// tag), so that libxml2 does not try to parse them (it would report an error for each, which
// costs time); the serializer writes them back escaped, or as they were in raw contexts.
inline constexpr char16_t kLiteralAmpersand = 0xFDD1;
inline constexpr char16_t kLiteralLessThan = 0xFDD2;

// The fragment made ready for libxml2, as UTF-8, after `prefix` (ASCII, copied as is):
// - references marked as above, other '&' and text '<' marked as literal; numeric references
//   lower-cased, and the Windows-1252 range 128-159 remapped to the real code points
//   ("&#150;" -> "&#x2013;"), as feedparser does; "&#39;" and "&#34;" are left to the parser
//   (they come out as plain ' and ");
// - "<!" not starting a comment or a DOCTYPE with a name becomes text ("&lt;!"), so CDATA
//   sections and stray declarations show as text instead of swallowing markup;
// - with endBrokenComments, a comment that is never closed by "-->" ends at the first "--...>"
//   instead of hiding the rest of the fragment (feedparser's sanitizer does the same);
// - CR LF becomes LF; NUL, lone surrogates, U+FFFE/U+FFFF and the marks become U+FFFD;
//   other C0 controls but tab and line breaks are dropped (form feed becomes a space).
QByteArray prepareHtmlForParsing(const QString &html, const char *prefix, bool endBrokenComments);

// Decodes the marked references and literals in text coming out of the parser
// ("\uFDD0amp;" -> "&").
QString decodeMarkedReferences(const QString &text);

} // namespace bs
