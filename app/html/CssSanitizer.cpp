#include "html/CssSanitizer.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include <vector>

namespace bs
{

namespace
{

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

// A character the style may hold on its own: letters and digits (ASCII), white space and : , ; #
// % . !
bool isPlainChar(QChar c)
{
    const char16_t u = c.unicode();
    if ((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9'))
        return true;
    switch (u) {
    case u':':
    case u',':
    case u';':
    case u'#':
    case u'%':
    case u'.':
    case u'!':
        return true;
    default:
        return c.isSpace();
    }
}

// Whether the whole style splits into plain characters, word-hyphen-word triples, quoted runs of
// words and spaces, and parenthesised lists of numbers. Dynamic programming over positions, so
// pathological inputs stay linear.
bool passesGauntlet(const QString &s)
{
    const qsizetype n = s.size();
    std::vector<bool> reach(size_t(n) + 1, false);
    reach[0] = true;
    for (qsizetype i = 0; i < n; ++i) {
        if (!reach[size_t(i)])
            continue;
        const QChar c = s.at(i);
        if (isPlainChar(c))
            reach[size_t(i) + 1] = true;
        if (i + 2 < n && isWordChar(c) && s.at(i + 1) == QLatin1Char('-') &&
            isWordChar(s.at(i + 2)))
            reach[size_t(i) + 3] = true;
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            qsizetype j = i + 1;
            while (j < n && (s.at(j).isSpace() || isWordChar(s.at(j))))
                ++j;
            if (j > i + 1 && j < n && s.at(j) == c)
                reach[size_t(j) + 1] = true;
        } else if (c == QLatin1Char('(')) {
            qsizetype j = i + 1;
            while (j < n && (s.at(j).isDigit() || s.at(j) == QLatin1Char(',') || s.at(j).isSpace()))
                ++j;
            if (j > i + 1 && j < n && s.at(j) == QLatin1Char(')'))
                reach[size_t(j) + 1] = true;
        }
    }
    return reach[size_t(n)];
}

struct Declaration {
    QString property;
    QString value;
};

bool isNameChar(QChar c)
{
    return isWordChar(c) || c == QLatin1Char('-');
}

// Splits "a: b; c: d" into declarations. Returns false when anything but white space lies
// outside them (a stray colon, a selector, a brace...).
bool splitDeclarations(const QString &s, std::vector<Declaration> *out)
{
    const qsizetype n = s.size();
    qsizetype i = 0;
    while (i < n) {
        if (s.at(i).isSpace()) {
            ++i;
            continue;
        }
        const qsizetype nameStart = i;
        while (i < n && isNameChar(s.at(i)))
            ++i;
        if (i == nameStart)
            return false;
        const qsizetype nameEnd = i;
        while (i < n && s.at(i).isSpace())
            ++i;
        if (i == n || s.at(i) != QLatin1Char(':'))
            return false;
        ++i;
        while (i < n && s.at(i).isSpace())
            ++i;
        const qsizetype valueStart = i;
        while (i < n && s.at(i) != QLatin1Char(':') && s.at(i) != QLatin1Char(';'))
            ++i;
        out->push_back({s.mid(nameStart, nameEnd - nameStart), s.mid(valueStart, i - valueStart)});
        if (i < n && s.at(i) == QLatin1Char(';'))
            ++i;
    }
    return true;
}

bool isAllowedProperty(const QString &lowerName)
{
    static const QSet<QString> properties = {
        QStringLiteral("azimuth"),
        QStringLiteral("background-color"),
        QStringLiteral("border-bottom-color"),
        QStringLiteral("border-collapse"),
        QStringLiteral("border-color"),
        QStringLiteral("border-left-color"),
        QStringLiteral("border-right-color"),
        QStringLiteral("border-top-color"),
        QStringLiteral("clear"),
        QStringLiteral("color"),
        QStringLiteral("cursor"),
        QStringLiteral("direction"),
        QStringLiteral("display"),
        QStringLiteral("elevation"),
        QStringLiteral("float"),
        QStringLiteral("font"),
        QStringLiteral("font-family"),
        QStringLiteral("font-size"),
        QStringLiteral("font-style"),
        QStringLiteral("font-variant"),
        QStringLiteral("font-weight"),
        QStringLiteral("height"),
        QStringLiteral("letter-spacing"),
        QStringLiteral("line-height"),
        QStringLiteral("overflow"),
        QStringLiteral("pause"),
        QStringLiteral("pause-after"),
        QStringLiteral("pause-before"),
        QStringLiteral("pitch"),
        QStringLiteral("pitch-range"),
        QStringLiteral("richness"),
        QStringLiteral("speak"),
        QStringLiteral("speak-header"),
        QStringLiteral("speak-numeral"),
        QStringLiteral("speak-punctuation"),
        QStringLiteral("speech-rate"),
        QStringLiteral("stress"),
        QStringLiteral("text-align"),
        QStringLiteral("text-decoration"),
        QStringLiteral("text-indent"),
        QStringLiteral("unicode-bidi"),
        QStringLiteral("vertical-align"),
        QStringLiteral("voice-family"),
        QStringLiteral("volume"),
        QStringLiteral("white-space"),
        QStringLiteral("width"),
    };
    return properties.contains(lowerName);
}

bool isBoxProperty(const QString &lowerName)
{
    const QString family = lowerName.section(QLatin1Char('-'), 0, 0);
    return family == QLatin1String("background") || family == QLatin1String("border") ||
           family == QLatin1String("margin") || family == QLatin1String("padding");
}

// A word allowed in the value of a background/border/margin/padding declaration.
bool isAllowedBoxWord(const QString &word)
{
    static const QSet<QString> keywords = {
        QStringLiteral("!important"), QStringLiteral("aqua"),   QStringLiteral("auto"),
        QStringLiteral("black"),      QStringLiteral("block"),  QStringLiteral("blue"),
        QStringLiteral("bold"),       QStringLiteral("both"),   QStringLiteral("bottom"),
        QStringLiteral("brown"),      QStringLiteral("center"), QStringLiteral("collapse"),
        QStringLiteral("dashed"),     QStringLiteral("dotted"), QStringLiteral("fuchsia"),
        QStringLiteral("gray"),       QStringLiteral("green"),  QStringLiteral("italic"),
        QStringLiteral("left"),       QStringLiteral("lime"),   QStringLiteral("maroon"),
        QStringLiteral("medium"),     QStringLiteral("navy"),   QStringLiteral("none"),
        QStringLiteral("normal"),     QStringLiteral("nowrap"), QStringLiteral("olive"),
        QStringLiteral("pointer"),    QStringLiteral("purple"), QStringLiteral("red"),
        QStringLiteral("right"),      QStringLiteral("silver"), QStringLiteral("solid"),
        QStringLiteral("teal"),       QStringLiteral("top"),    QStringLiteral("transparent"),
        QStringLiteral("underline"),  QStringLiteral("white"),  QStringLiteral("yellow"),
    };
    if (keywords.contains(word))
        return true;
    // Hex colours, rgb(...) pieces, and lengths of at most two digits either side of the point.
    static const QRegularExpression value(
        QStringLiteral("^(#[0-9a-f]+|rgb\\(\\d+%?,\\d*%?,?\\d*%?\\)?|"
                       "\\d{0,2}\\.?\\d{0,2}(cm|em|ex|in|mm|pc|pt|px|%|,|\\))?)$"));
    return value.match(word).hasMatch();
}

} // namespace

QString sanitizeCss(const QString &style)
{
    static const QRegularExpression url(QStringLiteral("url\\s*\\(\\s*[^\\s)]+?\\s*\\)\\s*"),
                                        QRegularExpression::UseUnicodePropertiesOption);
    QString s = style;
    if (s.contains(QLatin1String("url")))
        s.replace(url, QStringLiteral(" "));
    if (!passesGauntlet(s))
        return {};
    std::vector<Declaration> declarations;
    if (!splitDeclarations(s, &declarations))
        return {};

    static const QRegularExpression spaces(QStringLiteral("\\s+"),
                                           QRegularExpression::UseUnicodePropertiesOption);
    QStringList clean;
    for (const Declaration &d : declarations) {
        if (d.value.isEmpty())
            continue;
        const QString lower = d.property.toLower();
        bool keep = isAllowedProperty(lower);
        if (!keep && isBoxProperty(lower)) {
            keep = true;
            const QStringList words = d.value.split(spaces, Qt::SkipEmptyParts);
            for (const QString &word : words) {
                if (!isAllowedBoxWord(word)) {
                    keep = false;
                    break;
                }
            }
        }
        if (keep)
            clean.append(d.property + QStringLiteral(": ") + d.value + QLatin1Char(';'));
    }
    return clean.join(QLatin1Char(' '));
}

} // namespace bs
