#pragma once

#include "text/Charset.h"

#include <QByteArray>
#include <QString>

namespace bs
{

// The character encoding of a feed, decided as feedparser 6 decides it (RFC 3023/7303 as it
// implements them), and the feed re-encoded as UTF-8 for the XML parser.
//
// `contentType` is the raw HTTP Content-Type header, or empty for a local file. Candidates, in
// feedparser's order, the first that decodes wins:
//   1. the "RFC 3023 encoding": for application/xml, application/*+xml, application/xml-dtd and
//      application/xml-external-parsed-entity the charset parameter, else the XML declaration,
//      else utf-8; for text/xml, text/*+xml, text/xml-external-parsed-entity the charset
//      parameter, else us-ascii (the declaration is ignored); for other text/* the same, and
//      bozo ("not an XML media type"); for any other type or no header the declaration, else
//      utf-8 (bozo for an unknown type);
//   2. the XML declaration's encoding; 3. the encoding the byte order mark or the first bytes
//      ("<?xm" in UTF-16/32/EBCDIC) show; 4. a CJK guess (text/CjkSniffer.h) where feedparser
//      would ask chardet; 5. utf-8; 6. windows-1252 (strict, as Python's cp1252); 7. iso-8859-2.
// A winner other than the first sets bozo ("declared as X, but parsed as Y"). "gb2312" is
// reported as "gb18030" and decoded as GB18030 (GBK as fallback), as feedparser does.
//
// Where this deliberately differs from feedparser, to read real feeds better:
//  - a candidate counts as decoding only if it fits the byte pattern: a UTF-16 document is
//    never "decoded" as us-ascii with a NUL between letters, nor ASCII text as UTF-16;
//  - a legacy candidate (iso-8859-1, gb2312, ...) does not win over bytes that are valid UTF-8
//    with non-ASCII characters in them: a feed labelled iso-8859-1 that is UTF-8 reads as UTF-8;
//  - a UTF-8 or CJK candidate that fails on a few bytes in a mostly good document (a truncated
//    character) is used anyway with U+FFFD for the bad bytes, and bozo, instead of reading the
//    whole feed as windows-1252;
//  - iso-8859-1 is decoded with windows-1252's table (0x80-0x9F are quotes and dashes).
// NUL bytes are passed through as they are: the XML parser reports them.
// A valid UTF-8 document without a byte order mark or a declaration to rewrite is returned
// without copying; validation has an ASCII fast path.
DecodedDocument decodeFeed(const QByteArray &bytes, const QString &contentType = {});

} // namespace bs
