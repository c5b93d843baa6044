#include "feeds/FeedEncoding.h"

#include "text/CjkSniffer.h"
#include "text/XmlDeclaration.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace bs
{

namespace
{

using charset::Codec;
using Kind = Codec::Kind;

// The code unit layout the first bytes show.
enum class Layout { Unknown, Bytes, Ebcdic, Utf16LE, Utf16BE, Utf32LE, Utf32BE };

struct Start {
    QByteArray encoding; // what the BOM or the "<?xm" marker says, feedparser's name
    qsizetype bomLength = 0;
    Layout layout = Layout::Unknown;
    bool marker = false; // the body starts with "<?xm" in `encoding`
};

bool startsWith(QByteArrayView bytes, const char *prefix, qsizetype n)
{
    return bytes.size() >= n && QByteArrayView(bytes.data(), n) == QByteArrayView(prefix, n);
}

// Byte order marks and the XML specification's appendix F, in feedparser's order.
Start sniffStart(QByteArrayView b)
{
    const bool notZeroAfter2 = !(b.size() >= 4 && b[2] == 0 && b[3] == 0);
    if (startsWith(b, "\x00\x00\xFE\xFF", 4))
        return {"utf-32be", 4, Layout::Utf32BE, false};
    if (startsWith(b, "\xFF\xFE\x00\x00", 4))
        return {"utf-32le", 4, Layout::Utf32LE, false};
    if (startsWith(b, "\xFE\xFF", 2) && notZeroAfter2)
        return {"utf-16be", 2, Layout::Utf16BE, false};
    if (startsWith(b, "\xFF\xFE", 2) && notZeroAfter2)
        return {"utf-16le", 2, Layout::Utf16LE, false};
    if (startsWith(b, "\xEF\xBB\xBF", 3))
        return {"utf-8", 3, Layout::Bytes, false};
    if (startsWith(b, "\x4C\x6F\xA7\x94", 4))
        return {"cp037", 0, Layout::Ebcdic, true};
    if (startsWith(b, "\x00\x3C\x00\x3F", 4))
        return {"utf-16be", 0, Layout::Utf16BE, true};
    if (startsWith(b, "\x3C\x00\x3F\x00", 4))
        return {"utf-16le", 0, Layout::Utf16LE, true};
    if (startsWith(b, "\x00\x00\x00\x3C", 4))
        return {"utf-32be", 0, Layout::Utf32BE, true};
    if (startsWith(b, "\x3C\x00\x00\x00", 4))
        return {"utf-32le", 0, Layout::Utf32LE, true};
    // No mark: the pattern of NUL bytes in the first four still tells the code unit size
    // (feedparser does not look; without this a BOM-less "<rss" in UTF-16 decodes as ASCII).
    if (b.size() < 4)
        return {};
    const bool z0 = b[0] == 0, z1 = b[1] == 0, z2 = b[2] == 0, z3 = b[3] == 0;
    if (!z0 && !z1 && !z2 && !z3)
        return {{}, 0, Layout::Bytes, false};
    if (!z0 && z1 && !z2 && z3)
        return {"utf-16le", 0, Layout::Utf16LE, false};
    if (z0 && !z1 && z2 && !z3)
        return {"utf-16be", 0, Layout::Utf16BE, false};
    if (!z0 && z1 && z2 && z3)
        return {"utf-32le", 0, Layout::Utf32LE, false};
    if (z0 && z1 && z2 && !z3)
        return {"utf-32be", 0, Layout::Utf32BE, false};
    return {};
}

bool isBigEndian(Layout layout)
{
    return layout == Layout::Utf16BE || layout == Layout::Utf32BE;
}

Layout layoutOf(const Codec &codec)
{
    switch (codec.kind) {
    case Kind::Utf16LE:
        return Layout::Utf16LE;
    case Kind::Utf16BE:
        return Layout::Utf16BE;
    case Kind::Utf32LE:
        return Layout::Utf32LE;
    case Kind::Utf32BE:
        return Layout::Utf32BE;
    default:
        break;
    }
    // An ICU converter that reads "<?xml" as itself is ASCII-compatible; one that reads the
    // EBCDIC bytes of "<?xm" as that is EBCDIC; anything else (UTF-7, ...) fits neither.
    if (codec.kind == Kind::Icu) {
        if (charset::decode("<?xml", codec).text == QLatin1String("<?xml"))
            return Layout::Bytes;
        if (charset::decode("\x4C\x6F\xA7\x94", codec).text == QLatin1String("<?xm"))
            return Layout::Ebcdic;
        return Layout::Unknown;
    }
    return Layout::Bytes;
}

// Whether decoding the document with `codec` fits the layout its first bytes show.
bool fitsLayout(const Codec &codec, const Start &start)
{
    if (start.layout == Layout::Unknown)
        return true;
    return layoutOf(codec) == start.layout;
}

bool isUtf16Or32Alias(QByteArrayView label)
{
    for (const char *alias :
         {"u16", "utf-16", "utf16", "utf_16", "u32", "utf-32", "utf32", "utf_32", "iso-10646-ucs-2",
          "iso-10646-ucs-4", "csucs4", "csunicode", "ucs-2", "ucs-4"})
        if (label == QByteArrayView(alias))
            return true;
    return false;
}

// The encoding pseudo-attribute of the XML declaration, read through the encoding the first
// bytes show (ASCII-compatible when they show nothing).
QByteArray declaredEncoding(QByteArrayView body, const Start &start, const Codec &startCodec)
{
    const qsizetype prefixLength = std::min<qsizetype>(body.size(), 1024);
    QByteArray prefix;
    if (start.layout == Layout::Bytes || start.layout == Layout::Unknown || !startCodec.isValid())
        prefix = body.first(prefixLength).toByteArray();
    else
        prefix = charset::decode(body.first(prefixLength), startCodec).text.toUtf8();
    return charset::normalizeLabel(xmlDeclarationEncoding(prefix));
}

struct Candidate {
    QByteArray name;
    bool sniff = false; // the CJK guess, decided only when reached
};

// Decoded output of the winning candidate.
struct Winner {
    QByteArray name;
    QByteArray utf8;
    qsizetype errors = 0;
    bool passthrough = false; // `utf8` is the input body itself
};

QString label(const QByteArray &name)
{
    return QString::fromLatin1(name);
}

} // namespace

DecodedDocument decodeFeed(const QByteArray &bytes, const QString &contentType)
{
    const Start start = sniffStart(bytes);
    const QByteArrayView body = QByteArrayView(bytes).sliced(start.bomLength);
    const Codec startCodec = charset::codecForLabel(start.encoding, isBigEndian(start.layout));

    QByteArray xmlEncoding = declaredEncoding(body, start, startCodec);
    if (!start.encoding.isEmpty() && isUtf16Or32Alias(xmlEncoding))
        xmlEncoding = start.encoding;

    // RFC 3023 as feedparser applies it.
    const charset::ContentType type = charset::parseContentType(contentType);
    const QByteArray httpEncoding = charset::normalizeLabel(type.charset);
    const QByteArray &mime = type.mimeType;
    bool acceptable = false;
    bool json = false;
    QByteArray rfc3023;
    if (mime == "application/xml" || mime == "application/xml-dtd" ||
        mime == "application/xml-external-parsed-entity" ||
        (mime.startsWith("application/") && mime.endsWith("+xml"))) {
        acceptable = true;
        rfc3023 = !httpEncoding.isEmpty()  ? httpEncoding
                  : !xmlEncoding.isEmpty() ? xmlEncoding
                                           : QByteArray("utf-8");
    } else if (mime == "text/xml" || mime == "text/xml-external-parsed-entity" ||
               (mime.startsWith("text/") && mime.endsWith("+xml"))) {
        acceptable = true;
        rfc3023 = !httpEncoding.isEmpty() ? httpEncoding : QByteArray("us-ascii");
    } else if (mime == "application/feed+json" || mime == "application/json" ||
               (mime.isEmpty() && body.trimmed().startsWith('{'))) {
        acceptable = true;
        json = true;
        rfc3023 = !httpEncoding.isEmpty() ? httpEncoding : QByteArray("utf-8");
    } else if (mime.startsWith("text/")) {
        rfc3023 = !httpEncoding.isEmpty() ? httpEncoding : QByteArray("us-ascii");
    } else {
        rfc3023 = !xmlEncoding.isEmpty() ? xmlEncoding : QByteArray("utf-8");
    }
    // Where the RFC 3023 encoding came from, for messages.
    QString declaredBy;
    if (!httpEncoding.isEmpty() && rfc3023 == httpEncoding)
        declaredBy = QStringLiteral("by the Content-Type header");
    else if (!xmlEncoding.isEmpty() && rfc3023 == xmlEncoding)
        declaredBy = QStringLiteral("by its XML declaration");
    else if (rfc3023 == "us-ascii")
        declaredBy = QStringLiteral("by being served as %1 without a charset (RFC 3023)")
                         .arg(QString::fromLatin1(mime));
    // GB18030 is a superset of GB2312; feedparser reports and decodes gb2312 as gb18030.
    if (rfc3023 == "gb2312")
        rfc3023 = "gb18030";
    if (xmlEncoding == "gb2312")
        xmlEncoding = "gb18030";

    QStringList reasons;
    if (!contentType.trimmed().isEmpty() && !acceptable)
        reasons << QStringLiteral("The feed was served as %1, which is not an XML media type.")
                       .arg(contentType.trimmed());

    const bool bodyIsUtf8 = charset::isValidUtf8(body);
    // Valid UTF-8 with non-ASCII text in it, laid out in bytes: no legacy encoding wins there.
    std::optional<bool> utf8Text;
    const auto isUtf8Text = [&] {
        if (!utf8Text)
            utf8Text = bodyIsUtf8 && start.layout == Layout::Bytes && !charset::isAscii(body);
        return *utf8Text;
    };
    std::optional<charset::Utf8Stats> utf8Stats;

    const Candidate candidates[] = {{rfc3023}, {xmlEncoding},    {start.encoding}, {{}, true},
                                    {"utf-8"}, {"windows-1252"}, {"iso-8859-2"}};
    QList<QByteArray> tried;
    std::optional<Winner> winner;
    QByteArray skippedForUtf8;
    for (const Candidate &candidate : candidates) {
        QByteArray name = candidate.name;
        if (candidate.sniff && !bodyIsUtf8 && start.layout == Layout::Bytes)
            name = charset::sniffCjkEncoding(body);
        if (name == "gbk")
            name = "gb18030";
        if (name.isEmpty() || tried.contains(name))
            continue;
        tried << name;
        const Codec codec = charset::codecForLabel(name, isBigEndian(start.layout));
        if (!codec.isValid() || !fitsLayout(codec, start))
            continue;
        if (codec.kind == Kind::Utf8) {
            if (bodyIsUtf8) {
                winner = Winner{name, {}, 0, true};
                break;
            }
            if (!utf8Stats)
                utf8Stats = charset::utf8Stats(body);
            if (charset::isMostlyUtf8(*utf8Stats)) {
                winner = Winner{name, charset::repairUtf8(body), utf8Stats->invalid, false};
                break;
            }
            continue;
        }
        const bool wide = codec.unitWidth() > 1;
        if (!wide && codec.kind != Kind::Ascii && isUtf8Text()) {
            if (skippedForUtf8.isEmpty())
                skippedForUtf8 = name;
            continue; // valid UTF-8 with non-ASCII text is not a legacy encoding
        }
        charset::Decoded decoded = charset::decode(body, codec);
        const bool multibyte = codec.kind == Kind::Icu || wide;
        if (decoded.errors == 0 ||
            (multibyte && !bodyIsUtf8 && decoded.nonAscii >= 20 * decoded.errors)) {
            winner = Winner{name, decoded.text.toUtf8(), decoded.errors, false};
            break;
        }
    }

    DecodedDocument result;
    if (!winner) {
        // Nothing decodes cleanly (e.g. UTF-16 with broken surrogates): use what the first
        // bytes show, else UTF-8, with replacement characters.
        const QByteArray name = start.encoding.isEmpty() ? QByteArray("utf-8") : start.encoding;
        const charset::Decoded decoded =
            charset::decode(body, charset::codecForLabel(name, isBigEndian(start.layout)));
        winner = Winner{name, decoded.text.toUtf8(), std::max<qsizetype>(decoded.errors, 1)};
        reasons << QStringLiteral("No encoding decodes the feed cleanly (tried %1); it was read "
                                  "as %2 with replacement characters.")
                       .arg(QString::fromLatin1(tried.join(", ")), label(name));
    } else {
        if (winner->name != rfc3023) {
            QString why = declaredBy.isEmpty()
                              ? QStringLiteral("The feed declares no encoding and is not UTF-8; "
                                               "it was read as %1")
                                    .arg(label(winner->name))
                              : QStringLiteral("The feed is declared as %1 %2, but it was read "
                                               "as %3")
                                    .arg(label(rfc3023), declaredBy, label(winner->name));
            if (!skippedForUtf8.isEmpty() && winner->name == "utf-8")
                why += QStringLiteral(" because its bytes are valid UTF-8");
            reasons << why + QLatin1Char('.');
        }
        if (winner->errors > 0)
            reasons << QStringLiteral("%1 byte sequence(s) are not valid %2 and were replaced "
                                      "with U+FFFD.")
                           .arg(winner->errors)
                           .arg(label(winner->name));
    }

    result.encoding = label(winner->name);
    result.bozo = !reasons.isEmpty();
    result.bozoReason = reasons.join(QLatin1Char(' '));
    if (winner->passthrough) {
        // Share the caller's buffer when nothing changes: no byte order mark, nothing to rewrite.
        if (start.bomLength == 0 && (json || !xmlDeclarationNeedsRewrite(body)))
            result.utf8 = bytes;
        else
            result.utf8 = body.toByteArray();
    } else {
        result.utf8 = std::move(winner->utf8);
    }
    if (!json)
        rewriteXmlDeclarationEncoding(result.utf8);
    return result;
}

} // namespace bs
