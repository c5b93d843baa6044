#pragma once

#include <QByteArray>

namespace bs::test
{

// HTTP content codings for test servers and fixtures.
enum class ContentCoding { Identity, Gzip, Deflate, Brotli };

// The Content-Encoding token ("gzip", "deflate", "br"); empty for Identity.
QByteArray contentCodingName(ContentCoding coding);
// The body encoded with the coding: gzip is RFC 1952, deflate is the zlib format of RFC 1950
// (what HTTP means by "deflate"), br is RFC 7932. Brotli needs libbrotlienc at build time.
QByteArray encodeBody(const QByteArray &body, ContentCoding coding);
bool haveBrotliEncoder();

} // namespace bs::test
