#include "text/XmlDeclaration.h"

#include <optional>

namespace bs
{

namespace
{

bool isXmlSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isQuote(char c)
{
    return c == '"' || c == '\'';
}

qsizetype skipSpaces(QByteArrayView s, qsizetype i)
{
    while (i < s.size() && isXmlSpace(s[i]))
        ++i;
    return i;
}

struct Span {
    qsizetype start = 0;
    qsizetype length = 0;
};

// The value of the encoding pseudo-attribute in the XML declaration that starts `utf8`.
std::optional<Span> declarationEncodingSpan(QByteArrayView utf8)
{
    if (!utf8.startsWith("<?xml") || utf8.size() < 6 || !isXmlSpace(utf8[5]))
        return std::nullopt;
    const qsizetype end = utf8.first(std::min<qsizetype>(utf8.size(), 1024)).indexOf("?>");
    if (end < 0)
        return std::nullopt;
    const QByteArrayView decl = utf8.first(end);
    qsizetype from = 5;
    while (true) {
        const qsizetype at = decl.indexOf("encoding", from);
        if (at < 0)
            return std::nullopt;
        from = at + 8;
        if (!isXmlSpace(decl[at - 1]))
            continue;
        qsizetype i = skipSpaces(decl, at + 8);
        if (i >= decl.size() || decl[i] != '=')
            continue;
        i = skipSpaces(decl, i + 1);
        if (i >= decl.size() || !isQuote(decl[i]))
            continue;
        const qsizetype close = decl.indexOf(decl[i], i + 1);
        if (close < 0)
            return std::nullopt;
        return Span{i + 1, close - i - 1};
    }
}

} // namespace

QByteArray xmlDeclarationEncoding(QByteArrayView prefix)
{
    qsizetype lineEnd = prefix.indexOf('\n');
    const QByteArrayView line = lineEnd < 0 ? prefix : prefix.first(lineEnd);
    if (!line.startsWith("<?"))
        return {};
    // The last "encoding" whose value a "?>" follows (feedparser's greedy regular expression).
    qsizetype from = line.size();
    while (from > 2) {
        const qsizetype at = line.lastIndexOf("encoding", from - 1);
        if (at < 2)
            return {};
        from = at;
        qsizetype i = skipSpaces(line, at + 8);
        if (i >= line.size() || line[i] != '=')
            continue;
        i = skipSpaces(line, i + 1);
        if (i >= line.size() || !isQuote(line[i]))
            continue;
        qsizetype close = i + 1;
        while (close < line.size() && !isQuote(line[close]))
            ++close;
        if (close >= line.size() || line.indexOf("?>", close + 1) < 0)
            continue;
        return line.sliced(i + 1, close - i - 1).toByteArray();
    }
    return {};
}

bool xmlDeclarationNeedsRewrite(QByteArrayView utf8)
{
    const std::optional<Span> span = declarationEncodingSpan(utf8);
    return span && utf8.sliced(span->start, span->length).compare("utf-8", Qt::CaseInsensitive);
}

void rewriteXmlDeclarationEncoding(QByteArray &utf8)
{
    const std::optional<Span> span = declarationEncodingSpan(utf8);
    if (!span)
        return;
    if (QByteArrayView(utf8)
            .sliced(span->start, span->length)
            .compare("utf-8", Qt::CaseInsensitive))
        utf8.replace(span->start, span->length, "utf-8");
}

} // namespace bs
