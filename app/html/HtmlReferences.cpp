#include "html/HtmlReferences.h"

#include <libxml/HTMLparser.h>

namespace bs
{

namespace
{

constexpr qsizetype kMaxNameLength = 32;
constexpr qsizetype kMaxDigits = 16;

bool isAsciiAlpha(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isAsciiDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}

bool isHexDigit(char16_t c)
{
    return isAsciiDigit(c) || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// Code point of a named HTML 4 entity (plus XML's apos), or 0 when unknown.
char32_t namedEntity(QStringView name)
{
    if (name.isEmpty() || name.size() > kMaxNameLength)
        return 0;
    if (name == u"apos")
        return U'\'';
    char buffer[kMaxNameLength + 1];
    for (qsizetype i = 0; i < name.size(); ++i)
        buffer[i] = char(name.at(i).unicode());
    buffer[name.size()] = '\0';
    const htmlEntityDesc *entity = htmlEntityLookup(reinterpret_cast<const xmlChar *>(buffer));
    return entity ? char32_t(entity->value) : 0;
}

// Windows-1252 meaning of the C1 range, which feeds use in numeric references by mistake.
char32_t windows1252(char32_t value)
{
    static const char32_t table[32] = {
        0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    if (value >= 128 && value < 160)
        return table[value - 128];
    return 0;
}

// A character reference found after '&': its length (';' included when present), whether it
// ends with ';', its code point and how long its name or digits are.
struct Reference {
    qsizetype length = 0; // 0: not a reference
    bool terminated = false;
    char32_t value = 0;
    qsizetype bodyLength = 0; // "#x1F" or "amp", without the ';'
};

// A numeric reference after '&' ("#123;", "#x1F"). Browsers decode them without the ';' too.
Reference parseNumeric(QStringView s, qsizetype at)
{
    Reference r;
    qsizetype i = at + 1; // after '#'
    const bool hex = i < s.size() && (s.at(i) == u'x' || s.at(i) == u'X');
    if (hex)
        ++i;
    const qsizetype digitsStart = i;
    quint64 v = 0;
    while (i < s.size() &&
           (hex ? isHexDigit(s.at(i).unicode()) : isAsciiDigit(s.at(i).unicode()))) {
        if (i - digitsStart < kMaxDigits) {
            const char16_t c = s.at(i).unicode();
            const int digit = isAsciiDigit(c) ? c - u'0' : (c | 0x20) - u'a' + 10;
            v = v * (hex ? 16 : 10) + quint64(digit);
        } else {
            v = 0x110000;
        }
        ++i;
    }
    if (i == digitsStart)
        return r;
    r.bodyLength = i - at;
    r.terminated = i < s.size() && s.at(i) == u';';
    r.length = r.bodyLength + (r.terminated ? 1 : 0);
    r.value = v > 0x10FFFF ? char32_t(0x110000) : char32_t(v);
    return r;
}

// A named HTML 4 reference after '&' ("amp;"). Without the ';', only the Latin-1 ones browsers
// still decode (amp, lt, nbsp, eacute...), and not before '=' (query strings: "?a=1&copy=2").
Reference parseNamed(QStringView s, qsizetype at)
{
    Reference r;
    qsizetype i = at;
    if (i >= s.size() || !isAsciiAlpha(s.at(i).unicode()))
        return r;
    while (i < s.size() && i - at <= kMaxNameLength &&
           (isAsciiAlpha(s.at(i).unicode()) || isAsciiDigit(s.at(i).unicode())))
        ++i;
    const char32_t value = namedEntity(s.mid(at, i - at));
    if (!value)
        return r;
    r.terminated = i < s.size() && s.at(i) == u';';
    if (!r.terminated && (value > 0xFF || (i < s.size() && s.at(i) == u'=')))
        return r;
    r.bodyLength = i - at;
    r.length = r.bodyLength + (r.terminated ? 1 : 0);
    r.value = value;
    return r;
}

void appendCodePoint(QString &out, char32_t value)
{
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        value = 0xFFFD;
    if (value > 0xFFFF) {
        out.append(QChar::highSurrogate(value));
        out.append(QChar::lowSurrogate(value));
    } else {
        out.append(QChar(char16_t(value)));
    }
}

bool startsDoctype(QStringView s, qsizetype at)
{
    if (s.mid(at, 7).compare(u"doctype", Qt::CaseInsensitive) != 0)
        return false;
    qsizetype i = at + 7;
    while (i < s.size() && QChar::isSpace(s.at(i).unicode()))
        ++i;
    return i < s.size() && isAsciiAlpha(s.at(i).unicode());
}

// indexOf() for calls with non-decreasing start positions, reusing the previous answer while it
// is still ahead, so that scanning stays linear over the whole input.
class ForwardFinder
{
public:
    ForwardFinder(QStringView haystack, QStringView needle) : m_haystack(haystack), m_needle(needle)
    {
    }
    qsizetype find(qsizetype from)
    {
        if (m_searched && (m_found < 0 || m_found >= from))
            return m_found;
        m_searched = true;
        m_found = m_haystack.indexOf(m_needle, from);
        return m_found;
    }

private:
    QStringView m_haystack;
    QStringView m_needle;
    bool m_searched = false;
    qsizetype m_found = -1;
};

} // namespace

QByteArray prepareHtmlForParsing(const QString &html, const char *prefix, bool endBrokenComments)
{
    const QStringView s(html);
    ForwardFinder commentEnd(s, u"-->");
    ForwardFinder dashes(s, u"--");
    ForwardFinder greaterThan(s, u">");
    QString out;
    out.reserve(s.size() + s.size() / 16 + 16);
    out.append(QLatin1String(prefix));
    const qsizetype n = s.size();
    qsizetype run = 0; // start of the characters copied as they are
    const auto flush = [&](qsizetype upTo) { out.append(s.mid(run, upTo - run)); };
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = s.at(i).unicode();
        const char16_t next = i + 1 < n ? s.at(i + 1).unicode() : u'\0';
        if (c == u'&') {
            flush(i);
            const Reference r = next == u'#' ? parseNumeric(s, i + 1) : parseNamed(s, i + 1);
            const QStringView body = s.mid(i + 1, r.bodyLength);
            if (r.length == 0) {
                out.append(QChar(kLiteralAmpersand));
            } else if (r.terminated && (body == u"#39" || body == u"#34")) {
                out.append(s.mid(i, r.length + 1)); // the parser turns these into ' and "
            } else if (const char32_t mapped = next == u'#' ? windows1252(r.value) : 0) {
                out.append(QChar(kReferenceMark));
                out.append(u"#x");
                out.append(QString::number(uint(mapped), 16));
                out.append(u';');
            } else {
                out.append(QChar(kReferenceMark));
                out.append(next == u'#' ? body.toString().toLower() : body.toString());
                out.append(u';');
            }
            i += r.length;
            run = i + 1;
        } else if (c == u'<' && next == u'!') {
            if (s.mid(i + 2, 2) == u"--") {
                // A comment without "-->" would hide everything after it; end it at the first
                // "--...>" instead, as feedparser does.
                if (endBrokenComments && commentEnd.find(i + 4) < 0) {
                    const qsizetype dash = dashes.find(i + 4);
                    const qsizetype end = dash < 0 ? -1 : greaterThan.find(dash + 2);
                    if (end >= 0) {
                        flush(i);
                        out.append(u"<!---->");
                        i = end;
                        run = i + 1;
                    }
                }
            } else if (!startsDoctype(s, i + 2)) {
                flush(i);
                out.append(QChar(kLiteralLessThan));
                run = i + 1;
            }
        } else if (c == u'<') {
            // Only what browsers read as a tag (a letter, or / and a letter, or ?) stays markup.
            const bool tag = isAsciiAlpha(next) || next == u'?' ||
                             (next == u'/' && i + 2 < n && isAsciiAlpha(s.at(i + 2).unicode()));
            if (!tag) {
                flush(i);
                out.append(QChar(kLiteralLessThan));
                run = i + 1;
            }
        } else if (c < 0x20) {
            if (c == u'\t' || c == u'\n' || (c == u'\r' && next != u'\n'))
                continue;
            flush(i); // CR of CR LF, NUL, other controls
            if (c == 0)
                out.append(QChar(QChar::ReplacementCharacter));
            else if (c == 0x0C)
                out.append(u' ');
            run = i + 1;
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            if (QChar::isHighSurrogate(c) && QChar::isLowSurrogate(next)) {
                ++i;
                continue;
            }
            flush(i);
            out.append(QChar(QChar::ReplacementCharacter));
            run = i + 1;
        } else if (c == 0xFFFE || c == 0xFFFF || (c >= kReferenceMark && c <= kLiteralLessThan)) {
            flush(i);
            out.append(QChar(QChar::ReplacementCharacter));
            run = i + 1;
        }
    }
    flush(n);
    return out.toUtf8();
}

QString decodeMarkedReferences(const QString &text)
{
    if (!text.contains(QChar(kReferenceMark)) && !text.contains(QChar(kLiteralAmpersand)) &&
        !text.contains(QChar(kLiteralLessThan)))
        return text;
    const QStringView s(text);
    QString out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i) == QChar(kLiteralAmpersand)) {
            out.append(u'&');
            continue;
        }
        if (s.at(i) == QChar(kLiteralLessThan)) {
            out.append(u'<');
            continue;
        }
        if (s.at(i) != QChar(kReferenceMark)) {
            out.append(s.at(i));
            continue;
        }
        const Reference r =
            i + 1 < s.size() && s.at(i + 1) == u'#' ? parseNumeric(s, i + 1) : parseNamed(s, i + 1);
        const qsizetype length = r.length;
        const char32_t value = r.value;
        if (length > 0) {
            appendCodePoint(out, value);
            i += length;
        } else {
            out.append(u'&');
        }
    }
    return out;
}

} // namespace bs
