#include "text/Charset.h"

#include "text/Utf8Validation.h"

#include <QList>
#include <QStringDecoder>

#include <cstring>

namespace bs::charset
{

namespace
{

using Kind = Codec::Kind;

bool isAnyOf(QByteArrayView label, std::initializer_list<const char *> names)
{
    for (const char *name : names)
        if (label == QByteArrayView(name))
            return true;
    return false;
}

Codec icu(QByteArray name, QByteArray fallback = {})
{
    return Codec{.kind = Kind::Icu, .icuName = std::move(name), .icuFallback = std::move(fallback)};
}

Codec builtin(Kind kind)
{
    return Codec{.kind = kind};
}

constexpr char16_t Replacement = 0xFFFD;

// Replaces lone surrogates (from UTF-16 input, or UTF-32 values Qt could not map) with U+FFFD.
qsizetype replaceLoneSurrogates(QString &text)
{
    if (QStringView(text).isValidUtf16())
        return 0;
    qsizetype count = 0;
    QChar *d = text.data();
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (d[i].isHighSurrogate() && i + 1 < n && d[i + 1].isLowSurrogate()) {
            ++i;
        } else if (d[i].isSurrogate()) {
            d[i] = QChar(Replacement);
            ++count;
        }
    }
    return count;
}

qsizetype countNonAscii(QStringView text)
{
    qsizetype n = 0;
    for (QChar c : text)
        n += c.unicode() > 0x7F;
    return n;
}

struct IcuResult {
    QString text;
    qsizetype errors = 0;
};

IcuResult decodeIcu(QByteArrayView bytes, const QByteArray &name)
{
    QStringDecoder decoder(name.constData(), QStringDecoder::Flag::Stateless);
    if (!decoder.isValid())
        return {QString(bytes.size() ? 1 : 0, QChar(Replacement)), bytes.isEmpty() ? 0 : 1};
    IcuResult result{decoder.decode(bytes), 0};
    if (!decoder.hasError())
        return result;
    // ICU drops a truncated sequence at the very end instead of substituting it; a newline
    // behind it makes it an ordinary illegal sequence. Errors are rare, so the copy is too.
    QByteArray terminated = bytes.toByteArray();
    terminated.append('\n');
    QStringDecoder again(name.constData(), QStringDecoder::Flag::Stateless);
    result.text = again.decode(terminated);
    if (result.text.endsWith(QLatin1Char('\n')))
        result.text.chop(1);
    // Some converters substitute U+001A (SUB) rather than U+FFFD. SUB has no business in a
    // feed or a page (XML forbids it), so every one is taken as a substitution.
    for (QChar &c : result.text) {
        if (c.unicode() == 0x1A)
            c = QChar(Replacement);
        result.errors += c.unicode() == Replacement;
    }
    if (result.errors == 0)
        result.errors = 1;
    return result;
}

bool isCp1252Hole(unsigned char b)
{
    return b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D;
}

// Second-byte range and continuation count of a UTF-8 lead byte, per Unicode table 3-7.
struct Lead {
    int continuations; // 0 when `b` cannot start a sequence
    unsigned char lo, hi;
};

Lead utf8Lead(unsigned char b)
{
    if (b >= 0xC2 && b <= 0xDF)
        return {1, 0x80, 0xBF};
    if (b == 0xE0)
        return {2, 0xA0, 0xBF};
    if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF)
        return {2, 0x80, 0xBF};
    if (b == 0xED)
        return {2, 0x80, 0x9F};
    if (b == 0xF0)
        return {3, 0x90, 0xBF};
    if (b >= 0xF1 && b <= 0xF3)
        return {3, 0x80, 0xBF};
    if (b == 0xF4)
        return {3, 0x80, 0x8F};
    return {0, 0, 0};
}

// Walks `bytes` counting well-formed multi-byte sequences and maximal ill-formed subparts;
// with `out`, also writes the repaired UTF-8.
Utf8Stats walkUtf8(QByteArrayView bytes, QByteArray *out)
{
    Utf8Stats stats;
    const auto *s = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    qsizetype copiedUpTo = 0;
    while (i < n) {
        // Skip ASCII eight bytes at a time.
        while (i + 8 <= n) {
            quint64 word;
            std::memcpy(&word, s + i, 8);
            if (word & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        if (s[i] < 0x80) {
            ++i;
            continue;
        }
        const Lead lead = utf8Lead(s[i]);
        qsizetype j = i + 1;
        bool complete = lead.continuations > 0;
        for (int k = 0; complete && k < lead.continuations; ++k) {
            const unsigned char lo = k == 0 ? lead.lo : 0x80;
            const unsigned char hi = k == 0 ? lead.hi : 0xBF;
            if (j >= n || s[j] < lo || s[j] > hi)
                complete = false;
            else
                ++j;
        }
        if (complete) {
            ++stats.multibyte;
        } else {
            ++stats.invalid;
            if (out) {
                out->append(reinterpret_cast<const char *>(s + copiedUpTo), i - copiedUpTo);
                out->append("\xEF\xBF\xBD");
                copiedUpTo = j;
            }
        }
        i = j;
    }
    if (out)
        out->append(reinterpret_cast<const char *>(s + copiedUpTo), n - copiedUpTo);
    return stats;
}

} // namespace

int Codec::unitWidth() const
{
    switch (kind) {
    case Kind::Utf16LE:
    case Kind::Utf16BE:
        return 2;
    case Kind::Utf32LE:
    case Kind::Utf32BE:
        return 4;
    default:
        return 1;
    }
}

QByteArray normalizeLabel(QByteArrayView label)
{
    QByteArray l = label.trimmed().toByteArray().toLower();
    while (!l.isEmpty() && (l.front() == '"' || l.front() == '\''))
        l.remove(0, 1);
    while (!l.isEmpty() && (l.back() == '"' || l.back() == '\''))
        l.chop(1);
    return l.trimmed();
}

Codec codecForLabel(QByteArrayView rawLabel, bool bigEndian)
{
    const QByteArray label = normalizeLabel(rawLabel);
    if (label.isEmpty())
        return {};
    if (isAnyOf(label, {"utf-8", "utf8", "utf_8", "u8", "utf", "utf-8-sig", "utf_8_sig", "cp65001",
                        "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"}))
        return builtin(Kind::Utf8);
    if (isAnyOf(label, {"utf-16le", "utf_16le", "utf16le", "utf_16_le", "utf-16-le"}))
        return builtin(Kind::Utf16LE);
    if (isAnyOf(label,
                {"utf-16be", "utf_16be", "utf16be", "utf_16_be", "utf-16-be", "unicodefffe"}))
        return builtin(Kind::Utf16BE);
    if (isAnyOf(label, {"utf-16", "utf16", "utf_16", "u16", "ucs-2", "ucs2", "csunicode",
                        "iso-10646-ucs-2", "unicode", "unicodefeff"}))
        return builtin(bigEndian ? Kind::Utf16BE : Kind::Utf16LE);
    if (isAnyOf(label, {"utf-32le", "utf_32le", "utf32le", "utf_32_le", "utf-32-le"}))
        return builtin(Kind::Utf32LE);
    if (isAnyOf(label, {"utf-32be", "utf_32be", "utf32be", "utf_32_be", "utf-32-be"}))
        return builtin(Kind::Utf32BE);
    if (isAnyOf(label,
                {"utf-32", "utf32", "utf_32", "u32", "ucs-4", "ucs4", "csucs4", "iso-10646-ucs-4"}))
        return builtin(bigEndian ? Kind::Utf32BE : Kind::Utf32LE);
    if (isAnyOf(label,
                {"us-ascii", "ascii", "us_ascii", "us", "646", "ansi_x3.4-1968", "ansi_x3.4-1986",
                 "iso646-us", "iso_646.irv:1991", "iso-ir-6", "cp367", "ibm367", "csascii"}))
        return builtin(Kind::Ascii);
    // Latin-1 labels get windows-1252's table: 0x80-0x9F in a "Latin-1" document are smart
    // quotes and dashes, never C1 control characters.
    if (isAnyOf(label, {"iso-8859-1", "iso8859-1", "iso_8859-1", "iso8859_1", "iso88591", "8859",
                        "latin1", "latin-1", "latin_1", "latin", "l1", "cp819", "ibm819",
                        "csisolatin1", "iso-ir-100", "iso_8859-1:1987"}))
        return builtin(Kind::Windows1252);
    if (isAnyOf(label, {"windows-1252", "windows_1252", "cp1252", "x-cp1252", "1252"}))
        return builtin(Kind::Windows1252Strict);
    // GB2312 bytes are a subset of GBK, which GB18030 extends; pages labelled gb2312 contain GBK.
    // GBK is the fallback for its one difference that matters: a lone 0x80 is the euro sign.
    if (isAnyOf(label,
                {"gb2312",      "gbk",        "gb18030",     "cp936",        "ms936",
                 "windows-936", "x-gbk",      "chinese",     "csgb2312",     "csiso58gb231280",
                 "gb_2312",     "gb_2312-80", "gb2312-1980", "gb2312-80",    "iso-ir-58",
                 "euc-cn",      "euccn",      "euc_cn",      "eucgb2312-cn", "936"}))
        return icu("GB18030", "GBK");
    if (isAnyOf(label, {"big5", "big-5", "big5-tw", "csbig5", "cn-big5", "x-x-big5", "cp950",
                        "ms950", "windows-950", "big5-hkscs", "big5hkscs", "big5_hkscs"}))
        return icu("windows-950", "Big5-HKSCS");
    if (isAnyOf(label,
                {"shift_jis", "shift-jis", "shiftjis", "sjis", "s_jis", "ms_kanji", "mskanji",
                 "csshiftjis", "x-sjis", "windows-31j", "cswindows31j", "cp932", "ms932", "932"}))
        return icu("Shift_JIS");
    if (isAnyOf(label, {"euc-kr", "euckr", "euc_kr", "cseuckr", "ks_c_5601-1987", "ks_c_5601-1989",
                        "ksc5601", "ksc_5601", "ks_c_5601", "korean", "iso-ir-149", "csksc56011987",
                        "cp949", "ms949", "windows-949", "uhc", "949"}))
        return icu("windows-949", "EUC-KR");
    if (isAnyOf(label,
                {"euc-jp", "eucjp", "euc_jp", "ujis", "u-jis", "x-euc-jp", "cseucpkdfmtjapanese"}))
        return icu("EUC-JP");
    // Qt's own names for the local 8-bit encoding are not encodings a document can declare.
    if (isAnyOf(label, {"system", "locale"}))
        return {};
    if (!QStringDecoder(label.constData()).isValid())
        return {};
    return icu(label);
}

Decoded decode(QByteArrayView bytes, const Codec &codec)
{
    Decoded result;
    switch (codec.kind) {
    case Kind::Invalid:
        result.text = QString(bytes.isEmpty() ? 0 : 1, QChar(Replacement));
        result.errors = bytes.isEmpty() ? 0 : 1;
        break;
    case Kind::Utf8:
        if (isValidUtf8(bytes)) {
            result.text = QString::fromUtf8(bytes);
        } else {
            QByteArray repaired;
            repaired.reserve(bytes.size() + 16);
            result.errors = walkUtf8(bytes, &repaired).invalid;
            result.text = QString::fromUtf8(repaired);
        }
        break;
    case Kind::Utf16LE:
    case Kind::Utf16BE:
    case Kind::Utf32LE:
    case Kind::Utf32BE: {
        const QStringConverter::Encoding enc =
            codec.kind == Kind::Utf16LE   ? QStringConverter::Utf16LE
            : codec.kind == Kind::Utf16BE ? QStringConverter::Utf16BE
            : codec.kind == Kind::Utf32LE ? QStringConverter::Utf32LE
                                          : QStringConverter::Utf32BE;
        const qsizetype width = codec.unitWidth();
        const qsizetype whole = bytes.size() - bytes.size() % width;
        QStringDecoder decoder(enc, QStringDecoder::Flag::Stateless);
        result.text = decoder.decode(bytes.first(whole));
        result.errors = replaceLoneSurrogates(result.text);
        if (whole != bytes.size()) { // a truncated code unit at the end
            result.text.append(QChar(Replacement));
            ++result.errors;
        }
        break;
    }
    case Kind::Ascii: {
        result.text = QString::fromLatin1(bytes);
        for (QChar &c : result.text) {
            if (c.unicode() > 0x7F) {
                c = QChar(Replacement);
                ++result.errors;
            }
        }
        break;
    }
    case Kind::Windows1252:
    case Kind::Windows1252Strict: {
        result.text = decodeIcu(bytes, QByteArrayLiteral("windows-1252")).text;
        if (codec.kind == Kind::Windows1252Strict) {
            for (char b : bytes)
                result.errors += isCp1252Hole(static_cast<unsigned char>(b));
        }
        break;
    }
    case Kind::Icu: {
        IcuResult r = decodeIcu(bytes, codec.icuName);
        if (r.errors > 0 && !codec.icuFallback.isEmpty()) {
            IcuResult other = decodeIcu(bytes, codec.icuFallback);
            if (other.errors < r.errors)
                r = std::move(other);
        }
        result.text = std::move(r.text);
        result.errors = r.errors;
        break;
    }
    }
    result.nonAscii = countNonAscii(result.text);
    return result;
}

bool isValidUtf8(QByteArrayView bytes)
{
    return isValidUtf8Fast(bytes);
}

bool isAscii(QByteArrayView bytes)
{
    const char *s = bytes.data();
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    for (; i + 8 <= n; i += 8) {
        quint64 word;
        std::memcpy(&word, s + i, 8);
        if (word & 0x8080808080808080ULL)
            return false;
    }
    for (; i < n; ++i)
        if (static_cast<unsigned char>(s[i]) >= 0x80)
            return false;
    return true;
}

Utf8Stats utf8Stats(QByteArrayView bytes)
{
    return walkUtf8(bytes, nullptr);
}

QByteArray repairUtf8(QByteArrayView bytes)
{
    QByteArray out;
    out.reserve(bytes.size() + 16);
    walkUtf8(bytes, &out);
    return out;
}

bool isMostlyUtf8(const Utf8Stats &stats)
{
    return stats.multibyte >= 4 * stats.invalid;
}

ContentType parseContentType(QStringView header)
{
    ContentType result;
    const QByteArray bytes = header.toUtf8();
    const QList<QByteArray> chunks = bytes.split(';');
    if (chunks.isEmpty())
        return result;
    result.mimeType = chunks.front().trimmed().toLower();
    for (qsizetype i = 1; i < chunks.size(); ++i) {
        const QByteArray &chunk = chunks[i];
        const qsizetype eq = chunk.indexOf('=');
        const QByteArray key = (eq < 0 ? chunk : chunk.left(eq)).trimmed().toLower();
        if (key != "charset")
            continue;
        QByteArray value = eq < 0 ? QByteArray() : chunk.mid(eq + 1).trimmed();
        while (!value.isEmpty() && (value.front() == '"' || value.front() == '\''))
            value.remove(0, 1);
        while (!value.isEmpty() && (value.back() == '"' || value.back() == '\''))
            value.chop(1);
        result.charset = value;
    }
    return result;
}

} // namespace bs::charset
