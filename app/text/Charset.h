#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace bs
{

// A document turned into UTF-8, with how that was decided. Produced by decodeFeed
// (feeds/FeedEncoding.h) and decodeHtmlPage (html/PageCharset.h).
struct DecodedDocument {
    QByteArray utf8;    // the document as UTF-8, without a byte order mark; for XML the encoding
                        // pseudo-attribute of the XML declaration says "utf-8"
    QString encoding;   // the encoding used, lower-case ("utf-8", "iso-8859-1", "gb18030", ...)
    bool bozo = false;  // the declared encodings were wrong, contradictory or unusable
    QString bozoReason; // a sentence a person understands when bozo is true
};

// Building blocks shared by the feed and page decoders: decoding with error counts through
// Qt's converters (ICU-backed for the legacy encodings), UTF-8 checks, Content-Type parsing.
namespace charset
{

// How bytes are turned into text. Legacy encodings go through ICU by converter name.
struct Codec {
    enum class Kind {
        Invalid,
        Utf8,
        Utf16LE,
        Utf16BE,
        Utf32LE,
        Utf32BE,
        Ascii,             // bytes >= 0x80 are errors
        Windows1252,       // ICU's table: 0x81 0x8D 0x8F 0x90 0x9D become C1 controls, no error
        Windows1252Strict, // as Python's cp1252: those five bytes are errors
        Icu,
    };
    Kind kind = Kind::Invalid;
    QByteArray icuName;     // Kind::Icu: the converter to use
    QByteArray icuFallback; // Kind::Icu: a superset tried when icuName reports errors (GBK)
    bool isValid() const { return kind != Kind::Invalid; }
    int unitWidth() const; // bytes per code unit: 1, 2 or 4
};

// The codec for an encoding label as feeds write them (IANA names, Python codec aliases such as
// "utf_8" or "latin1"): a superset decoder where real documents need one ("gb2312" => GB18030
// with GBK as fallback, "euc-kr" => windows-949, "shift_jis" => windows-31j, "big5" =>
// windows-950, "iso-8859-1" => windows-1252's table). `bigEndian` picks the byte order for
// labels that do not say it ("utf-16", "utf-32"). Invalid codec for unknown labels.
Codec codecForLabel(QByteArrayView label, bool bigEndian = false);

struct Decoded {
    QString text;           // invalid sequences are U+FFFD, lone surrogates too
    qsizetype errors = 0;   // invalid sequences found (an estimate for ICU converters)
    qsizetype nonAscii = 0; // characters above U+007F in text, errors included
};

// Decodes all of `bytes`; never fails, errors become U+FFFD and are counted.
Decoded decode(QByteArrayView bytes, const Codec &codec);

// True when `bytes` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
// SIMD (text/Utf8Validation.h): a 20 MB feed takes a few milliseconds.
bool isValidUtf8(QByteArrayView bytes);

// True when no byte has its high bit set.
bool isAscii(QByteArrayView bytes);

struct Utf8Stats {
    qsizetype multibyte = 0; // well-formed sequences of two to four bytes
    qsizetype invalid = 0;   // maximal ill-formed subsequences (each becomes one U+FFFD)
};
Utf8Stats utf8Stats(QByteArrayView bytes);

// The document as UTF-8 with each ill-formed sequence replaced by U+FFFD.
QByteArray repairUtf8(QByteArrayView bytes);

// True when the text is mostly well-formed UTF-8 with a few bad sequences (a truncated
// character, a stray byte): decoding it as UTF-8 with U+FFFD beats a legacy fallback.
bool isMostlyUtf8(const Utf8Stats &stats);

struct ContentType {
    QByteArray mimeType; // lower-case, parameters removed
    QByteArray charset;  // the charset parameter with quotes and white space removed, as written
};
// Parses a Content-Type header the way feedparser does: the type before the first ';', then
// `key=value` chunks where a key "charset" (any case) gives the charset; the last one wins.
ContentType parseContentType(QStringView header);

// Lower-cases and trims an encoding label read from a document or header.
QByteArray normalizeLabel(QByteArrayView label);

} // namespace charset
} // namespace bs
