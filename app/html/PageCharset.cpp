#include "html/PageCharset.h"

#include "html/HtmlPrescan.h"
#include "text/CjkSniffer.h"
#include "text/XmlDeclaration.h"

#include <QStringList>

#include <optional>

namespace bs
{

namespace
{

using charset::Codec;
using Kind = Codec::Kind;

constexpr qsizetype StandardPrescan = 1024;
constexpr qsizetype ExtendedPrescan = 8 * 1024;

// The decoder for a WHATWG encoding name; invalid for "replacement" and the few names ICU
// lacks (iso-8859-16).
Codec codecForEncoding(const QByteArray &name)
{
    if (name == "utf-8")
        return Codec{.kind = Kind::Utf8};
    if (name == "utf-16le")
        return Codec{.kind = Kind::Utf16LE};
    if (name == "utf-16be")
        return Codec{.kind = Kind::Utf16BE};
    // The standard's windows-1252 maps 0x81 0x8D 0x8F 0x90 0x9D to C1 controls, as ICU does.
    // x-user-defined only occurs in pages by mistake; windows-1252 reads it best.
    if (name == "windows-1252" || name == "x-user-defined")
        return Codec{.kind = Kind::Windows1252};
    if (name == "iso-8859-8-i")
        return charset::codecForLabel("iso-8859-8");
    if (name.isEmpty() || name == "replacement")
        return {};
    return charset::codecForLabel(name);
}

QString text(const QByteArray &name)
{
    return QString::fromLatin1(name);
}

class PageDecoder
{
public:
    PageDecoder(const QByteArray &bytes, qsizetype bomLength)
        : m_bytes(bytes), m_bomLength(bomLength), m_body(QByteArrayView(bytes).sliced(bomLength))
    {
    }

    QByteArrayView body() const { return m_body; }
    bool bodyIsUtf8()
    {
        if (!m_utf8)
            m_utf8 = charset::isValidUtf8(m_body);
        return *m_utf8;
    }
    void addReason(const QString &reason) { m_reasons << reason; }

    // Valid UTF-8: the input itself, shared when there was no byte order mark to drop.
    DecodedDocument passthrough()
    {
        return finish(QByteArrayLiteral("utf-8"),
                      m_bomLength == 0 ? m_bytes : m_body.toByteArray());
    }

    DecodedDocument decoded(const QByteArray &name, const charset::Decoded &d)
    {
        if (d.errors > 0)
            m_reasons << QStringLiteral("%1 byte sequence(s) are not valid %2 and were replaced "
                                        "with U+FFFD.")
                             .arg(d.errors)
                             .arg(text(name));
        return finish(name, d.text.toUtf8());
    }

    DecodedDocument decodeAs(const QByteArray &name)
    {
        if (name == "utf-8" && bodyIsUtf8())
            return passthrough();
        return decoded(name, charset::decode(m_body, codecForEncoding(name)));
    }

private:
    DecodedDocument finish(const QByteArray &name, QByteArray utf8)
    {
        DecodedDocument result;
        result.utf8 = std::move(utf8);
        result.encoding = text(name);
        result.bozo = !m_reasons.isEmpty();
        result.bozoReason = m_reasons.join(QLatin1Char(' '));
        return result;
    }

    const QByteArray &m_bytes;
    qsizetype m_bomLength;
    QByteArrayView m_body;
    std::optional<bool> m_utf8;
    QStringList m_reasons;
};

// Sniffing when the page declares nothing usable (or what it declares is wrong).
QByteArray guessEncoding(PageDecoder &page)
{
    if (page.bodyIsUtf8())
        return QByteArrayLiteral("utf-8");
    const QByteArray cjk = charset::sniffCjkEncoding(page.body());
    if (!cjk.isEmpty())
        return cjk;
    if (charset::isMostlyUtf8(charset::utf8Stats(page.body())))
        return QByteArrayLiteral("utf-8");
    return QByteArrayLiteral("windows-1252");
}

DecodedDocument decodeDeclared(PageDecoder &page, const QByteArray &declared, const QString &source)
{
    if (declared == "utf-8") {
        if (page.bodyIsUtf8() || charset::isMostlyUtf8(charset::utf8Stats(page.body())))
            return page.decodeAs(declared);
        const QByteArray guess = guessEncoding(page);
        page.addReason(QStringLiteral("The page is declared as utf-8 (%1), but its bytes are not "
                                      "UTF-8; it was read as %2.")
                           .arg(source, text(guess)));
        return page.decodeAs(guess);
    }
    const bool wide = declared == "utf-16le" || declared == "utf-16be";
    if (!wide && page.bodyIsUtf8() && !charset::isAscii(page.body())) {
        page.addReason(QStringLiteral("The page is declared as %1 (%2), but its bytes are valid "
                                      "UTF-8; it was read as utf-8.")
                           .arg(text(declared), source));
        return page.passthrough();
    }
    const charset::Decoded d = charset::decode(page.body(), codecForEncoding(declared));
    if (d.errors > 0 && d.nonAscii < 20 * d.errors) {
        const QByteArray guess = charset::sniffCjkEncoding(page.body());
        if (!guess.isEmpty() && guess != declared) {
            const charset::Decoded g = charset::decode(page.body(), codecForEncoding(guess));
            if (g.errors == 0) {
                page.addReason(QStringLiteral("The page is declared as %1 (%2), but %3 byte "
                                              "sequence(s) are not valid %1; it was read as %4.")
                                   .arg(text(declared), source)
                                   .arg(d.errors)
                                   .arg(text(guess)));
                return page.decoded(guess, g);
            }
        }
    }
    return page.decoded(declared, d);
}

} // namespace

DecodedDocument decodeHtmlPage(const QByteArray &bytes, const QString &contentType)
{
    QByteArray bomEncoding;
    qsizetype bomLength = 0;
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        bomEncoding = "utf-8";
        bomLength = 3;
    } else if (bytes.startsWith("\xFE\xFF")) {
        bomEncoding = "utf-16be";
        bomLength = 2;
    } else if (bytes.startsWith("\xFF\xFE")) {
        bomEncoding = "utf-16le";
        bomLength = 2;
    }
    PageDecoder page(bytes, bomLength);

    const QByteArray httpLabel =
        charset::normalizeLabel(charset::parseContentType(contentType).charset);
    QByteArray httpEncoding = whatwgEncodingForLabel(httpLabel);
    if (!httpLabel.isEmpty() && !codecForEncoding(httpEncoding).isValid()) {
        page.addReason(QStringLiteral("The Content-Type header names charset \"%1\", which is "
                                      "not an encoding this reader can use; it was ignored.")
                           .arg(QString::fromUtf8(httpLabel)));
        httpEncoding.clear();
    }

    if (!bomEncoding.isEmpty()) {
        if (!httpEncoding.isEmpty() && httpEncoding != bomEncoding)
            page.addReason(QStringLiteral("The Content-Type header says %1, but the byte order "
                                          "mark says %2; the byte order mark wins.")
                               .arg(text(httpEncoding), text(bomEncoding)));
        return page.decodeAs(bomEncoding);
    }

    MetaCharset meta = prescanMetaCharset(page.body(), StandardPrescan);
    if (meta.encoding.isEmpty()) {
        const MetaCharset later = prescanMetaCharset(page.body(), ExtendedPrescan);
        meta.encoding = later.encoding;
        if (meta.unknownLabel.isEmpty())
            meta.unknownLabel = later.unknownLabel;
    }
    if (!meta.encoding.isEmpty() && !codecForEncoding(meta.encoding).isValid()) {
        meta.unknownLabel = meta.encoding;
        meta.encoding.clear();
    }
    QByteArray xmlEncoding;
    if (meta.encoding.isEmpty()) {
        xmlEncoding = whatwgEncodingForLabel(xmlDeclarationEncoding(
            page.body().first(std::min<qsizetype>(1024, page.body().size()))));
        if (xmlEncoding == "utf-16le" || xmlEncoding == "utf-16be")
            xmlEncoding = "utf-8";
        if (!codecForEncoding(xmlEncoding).isValid())
            xmlEncoding.clear();
    }
    if (httpEncoding.isEmpty() && meta.encoding.isEmpty() && !meta.unknownLabel.isEmpty())
        page.addReason(QStringLiteral("The page declares charset \"%1\", which is not an "
                                      "encoding this reader can use; it was ignored.")
                           .arg(QString::fromUtf8(meta.unknownLabel)));

    if (!httpEncoding.isEmpty()) {
        // Servers often add "charset=iso-8859-1" by default to pages that say otherwise.
        if (httpEncoding == "windows-1252" && !meta.encoding.isEmpty() &&
            meta.encoding != httpEncoding && !charset::isAscii(page.body())) {
            const bool fits =
                meta.encoding == "utf-8"
                    ? page.bodyIsUtf8()
                    : charset::decode(page.body(), codecForEncoding(meta.encoding)).errors == 0;
            if (fits) {
                page.addReason(QStringLiteral("The Content-Type header says %1 (a common server "
                                              "default), but the page declares %2, which fits "
                                              "its bytes; it was read as %2.")
                                   .arg(QString::fromUtf8(httpLabel), text(meta.encoding)));
                return page.decodeAs(meta.encoding);
            }
        }
        return decodeDeclared(page, httpEncoding, QStringLiteral("Content-Type header"));
    }
    if (!meta.encoding.isEmpty())
        return decodeDeclared(page, meta.encoding, QStringLiteral("<meta> element"));
    if (!xmlEncoding.isEmpty())
        return decodeDeclared(page, xmlEncoding, QStringLiteral("XML declaration"));
    return page.decodeAs(guessEncoding(page));
}

} // namespace bs
