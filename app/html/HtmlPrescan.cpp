#include "html/HtmlPrescan.h"

#include <QHash>
#include <QList>

#include <optional>

namespace bs
{

namespace
{

// The Encoding Standard's label table: encoding name, then its labels.
const char *const LabelTable[][2] = {
    {"utf-8", "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8"},
    {"ibm866", "866 cp866 csibm866 ibm866"},
    {"iso-8859-2", "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 "
                   "iso_8859-2:1987 l2 latin2"},
    {"iso-8859-3", "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 "
                   "iso_8859-3:1988 l3 latin3"},
    {"iso-8859-4", "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 "
                   "iso_8859-4:1988 l4 latin4"},
    {"iso-8859-5", "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 "
                   "iso_8859-5 iso_8859-5:1988"},
    {"iso-8859-6", "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 "
                   "iso-8859-6 iso-8859-6-e iso-8859-6-i iso-ir-127 iso8859-6 iso88596 "
                   "iso_8859-6 iso_8859-6:1987"},
    {"iso-8859-7", "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 "
                   "iso8859-7 iso88597 iso_8859-7 iso_8859-7:1987 sun_eu_greek"},
    {"iso-8859-8", "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 "
                   "iso8859-8 iso88598 iso_8859-8 iso_8859-8:1988 visual"},
    {"iso-8859-8-i", "csiso88598i iso-8859-8-i logical"},
    {"iso-8859-10", "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6"},
    {"iso-8859-13", "iso-8859-13 iso8859-13 iso885913"},
    {"iso-8859-14", "iso-8859-14 iso8859-14 iso885914"},
    {"iso-8859-15", "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9"},
    {"iso-8859-16", "iso-8859-16"},
    {"koi8-r", "cskoi8r koi koi8 koi8-r koi8_r"},
    {"koi8-u", "koi8-ru koi8-u"},
    {"macintosh", "csmacintosh mac macintosh x-mac-roman"},
    {"windows-874", "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874"},
    {"windows-1250", "cp1250 windows-1250 x-cp1250"},
    {"windows-1251", "cp1251 windows-1251 x-cp1251"},
    {"windows-1252", "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 "
                     "iso-ir-100 iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 "
                     "us-ascii windows-1252 x-cp1252"},
    {"windows-1253", "cp1253 windows-1253 x-cp1253"},
    {"windows-1254", "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 "
                     "iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254"},
    {"windows-1255", "cp1255 windows-1255 x-cp1255"},
    {"windows-1256", "cp1256 windows-1256 x-cp1256"},
    {"windows-1257", "cp1257 windows-1257 x-cp1257"},
    {"windows-1258", "cp1258 windows-1258 x-cp1258"},
    {"x-mac-cyrillic", "x-mac-cyrillic x-mac-ukrainian"},
    {"gbk", "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk"},
    {"gb18030", "gb18030"},
    {"big5", "big5 big5-hkscs cn-big5 csbig5 x-x-big5"},
    {"euc-jp", "cseucpkdfmtjapanese euc-jp x-euc-jp"},
    {"iso-2022-jp", "csiso2022jp iso-2022-jp"},
    {"shift_jis", "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis"},
    {"euc-kr", "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 "
               "ksc5601 ksc_5601 windows-949"},
    {"replacement", "csiso2022kr hz-gb-2312 iso-2022-cn iso-2022-cn-ext iso-2022-kr replacement"},
    {"utf-16be", "unicodefffe utf-16be"},
    {"utf-16le", "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le"},
    {"x-user-defined", "x-user-defined"},
};

const QHash<QByteArray, QByteArray> &labelMap()
{
    static const QHash<QByteArray, QByteArray> map = [] {
        QHash<QByteArray, QByteArray> m;
        for (const auto &entry : LabelTable)
            for (const QByteArray &label : QByteArray(entry[1]).split(' '))
                m.insert(label, QByteArray(entry[0]));
        return m;
    }();
    return map;
}

bool isSpace(char c)
{
    return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20;
}

bool isAsciiAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c + 32) : c;
}

bool startsWithNoCase(QByteArrayView s, qsizetype at, const char *prefix)
{
    for (qsizetype i = 0; prefix[i]; ++i)
        if (at + i >= s.size() || asciiLower(s[at + i]) != prefix[i])
            return false;
    return true;
}

struct Attribute {
    QByteArray name;
    QByteArray value;
};

// The standard's "get an attribute"; nullopt at '>' or at the end of the input.
std::optional<Attribute> getAttribute(QByteArrayView s, qsizetype &pos)
{
    const qsizetype n = s.size();
    while (pos < n && (isSpace(s[pos]) || s[pos] == '/'))
        ++pos;
    if (pos >= n || s[pos] == '>')
        return std::nullopt;
    Attribute attr;
    // Name.
    while (true) {
        if (pos >= n)
            return std::nullopt;
        const char c = s[pos];
        if (c == '=' && !attr.name.isEmpty()) {
            ++pos;
            break;
        }
        if (isSpace(c)) {
            while (pos < n && isSpace(s[pos]))
                ++pos;
            if (pos >= n)
                return std::nullopt;
            if (s[pos] != '=')
                return attr;
            ++pos;
            break;
        }
        if (c == '/' || c == '>')
            return attr;
        attr.name.append(asciiLower(c));
        ++pos;
    }
    // Value.
    while (pos < n && isSpace(s[pos]))
        ++pos;
    if (pos >= n)
        return std::nullopt;
    if (s[pos] == '"' || s[pos] == '\'') {
        const char quote = s[pos++];
        while (true) {
            if (pos >= n)
                return std::nullopt;
            if (s[pos] == quote) {
                ++pos;
                return attr;
            }
            attr.value.append(asciiLower(s[pos++]));
        }
    }
    if (s[pos] == '>')
        return attr;
    while (true) {
        if (pos >= n)
            return std::nullopt;
        if (isSpace(s[pos]) || s[pos] == '>')
            return attr;
        attr.value.append(asciiLower(s[pos++]));
    }
}

// The standard's "extract a character encoding from a meta element".
QByteArray charsetFromContent(QByteArrayView s)
{
    qsizetype pos = 0;
    while (true) {
        const qsizetype at = s.indexOf("charset", pos);
        if (at < 0)
            return {};
        pos = at + 7;
        while (pos < s.size() && isSpace(s[pos]))
            ++pos;
        if (pos < s.size() && s[pos] == '=') {
            ++pos;
            break;
        }
    }
    while (pos < s.size() && isSpace(s[pos]))
        ++pos;
    if (pos >= s.size())
        return {};
    if (s[pos] == '"' || s[pos] == '\'') {
        const qsizetype close = s.indexOf(s[pos], pos + 1);
        if (close < 0)
            return {};
        return s.sliced(pos + 1, close - pos - 1).toByteArray();
    }
    qsizetype end = pos;
    while (end < s.size() && !isSpace(s[end]) && s[end] != ';')
        ++end;
    return s.sliced(pos, end - pos).toByteArray();
}

} // namespace

QByteArray whatwgEncodingForLabel(QByteArrayView label)
{
    const QByteArray key = label.trimmed().toByteArray().toLower();
    return labelMap().value(key);
}

MetaCharset prescanMetaCharset(QByteArrayView bytes, qsizetype limit)
{
    MetaCharset result;
    const QByteArrayView s = bytes.first(std::min(bytes.size(), limit));
    const qsizetype n = s.size();
    qsizetype pos = 0;
    while (pos < n) {
        if (s.sliced(pos).startsWith("<!--")) {
            const qsizetype end = s.indexOf("-->", pos + 2);
            if (end < 0)
                break;
            pos = end + 3;
        } else if (startsWithNoCase(s, pos, "<meta") && pos + 5 < n &&
                   (isSpace(s[pos + 5]) || s[pos + 5] == '/')) {
            pos += 5;
            QList<QByteArray> seen;
            bool gotPragma = false;
            std::optional<bool> needPragma;
            QByteArray charset;
            while (std::optional<Attribute> attr = getAttribute(s, pos)) {
                if (seen.contains(attr->name))
                    continue;
                seen << attr->name;
                if (attr->name == "http-equiv") {
                    gotPragma = gotPragma || attr->value == "content-type";
                } else if (attr->name == "content" && charset.isNull()) {
                    const QByteArray fromContent = charsetFromContent(attr->value);
                    if (!fromContent.isNull()) {
                        charset = fromContent;
                        needPragma = true;
                    }
                } else if (attr->name == "charset") {
                    charset = attr->value;
                    needPragma = false;
                }
            }
            if (!needPragma || (*needPragma && !gotPragma) || charset.isNull())
                continue;
            QByteArray encoding = whatwgEncodingForLabel(charset);
            if (encoding.isEmpty()) {
                if (result.unknownLabel.isEmpty())
                    result.unknownLabel = charset.trimmed();
                continue;
            }
            if (encoding == "utf-16be" || encoding == "utf-16le")
                encoding = "utf-8";
            if (encoding == "x-user-defined")
                encoding = "windows-1252";
            result.encoding = encoding;
            return result;
        } else if (s[pos] == '<' && pos + 1 < n &&
                   (isAsciiAlpha(s[pos + 1]) ||
                    (s[pos + 1] == '/' && pos + 2 < n && isAsciiAlpha(s[pos + 2])))) {
            while (pos < n && !isSpace(s[pos]) && s[pos] != '>')
                ++pos;
            while (getAttribute(s, pos)) {
            }
        } else if (s.sliced(pos).startsWith("<!") || s.sliced(pos).startsWith("</") ||
                   s.sliced(pos).startsWith("<?")) {
            const qsizetype end = s.indexOf('>', pos + 2);
            if (end < 0)
                break;
            pos = end + 1;
        } else {
            ++pos;
        }
    }
    return result;
}

} // namespace bs
