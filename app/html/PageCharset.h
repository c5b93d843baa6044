#pragma once

#include "text/Charset.h"

#include <QByteArray>
#include <QString>

namespace bs
{

// The character encoding of a web page, decided as the WHATWG HTML standard decides it, and the
// page re-encoded as UTF-8. `contentType` is the raw HTTP Content-Type header or empty.
//
// Order: a byte order mark (UTF-8, UTF-16LE/BE; it wins over everything, as the standard says);
// the HTTP charset; the WHATWG prescan of <meta charset> / <meta http-equiv="Content-Type">
// (the standard's 1024 bytes, extended to 8 KiB when those hold none: portal pages put long
// scripts first); an XML declaration's encoding (XHTML); then sniffing: valid UTF-8, else a
// CJK guess (text/CjkSniffer.h), else windows-1252. Labels are mapped with the Encoding
// Standard's table: gb2312 and gbk => "gbk" (decoded as GB18030, a superset), iso-8859-1 and
// us-ascii => "windows-1252", a UTF-16 label in <meta> => "utf-8".
//
// Where this deliberately differs from a browser, to read real pages better (each sets bozo):
//  - a declared legacy encoding loses to bytes that are valid UTF-8 with non-ASCII characters;
//  - an HTTP charset of iso-8859-1/us-ascii/windows-1252 (a common server default) loses to a
//    <meta> that names another encoding which decodes the page without error;
//  - a declared encoding that fails on many bytes loses to a CJK guess that decodes cleanly,
//    and a declared UTF-8 that is mostly something else is read as the guess or windows-1252;
//  - a "replacement" label (ISO-2022-KR, HZ, ...) or an unknown one is ignored.
// Invalid bytes become U+FFFD. The <meta> is left as it is: parse `utf8` as UTF-8 explicitly.
// NUL bytes are passed through. A valid UTF-8 page without a BOM is returned without copying.
DecodedDocument decodeHtmlPage(const QByteArray &bytes, const QString &contentType = {});

} // namespace bs
