#include "HtmlChecks.h"

#include <QRegularExpression>

namespace bs::test
{

namespace
{

// An attribute value as a browser reads it: references decoded once, then white space and
// control characters dropped (as URL parsing does) and letters folded.
QString browserValue(const QString &value)
{
    static const QRegularExpression reference(
        QStringLiteral("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);?"));
    QString decoded;
    qsizetype last = 0;
    for (const QRegularExpressionMatch &m : reference.globalMatch(value)) {
        decoded += value.mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        bool ok = false;
        char32_t code = 0;
        if (name.startsWith(QLatin1String("#x"), Qt::CaseInsensitive)) {
            code = name.mid(2).toUInt(&ok, 16);
        } else if (name.startsWith(QLatin1Char('#'))) {
            code = name.mid(1).toUInt(&ok, 10);
        } else if (name == QLatin1String("colon")) {
            code = U':';
            ok = true;
        } else if (name == QLatin1String("Tab") || name == QLatin1String("NewLine")) {
            code = U' ';
            ok = true;
        } else if (name == QLatin1String("amp")) {
            code = U'&';
            ok = true;
        }
        decoded += ok && code < 0x110000 ? QString::fromUcs4(&code, 1) : m.captured(0);
        last = m.capturedEnd();
    }
    decoded += value.mid(last);
    QString compact;
    for (const QChar c : decoded) {
        if (c.unicode() > 0x20 && !c.isSpace())
            compact += c.toLower();
    }
    return compact;
}

} // namespace

QString activeHtmlContent(const QString &out)
{
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    static const QRegularExpression badElement(
        QStringLiteral("^</?\\s*(script|style|iframe|object|embed|form|input|meta|link|base|"
                       "frame|svg|applet|textarea|button)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression attribute(QStringLiteral("\\s([^\\s=]+)=\"([^\"]*)\""));
    for (const QRegularExpressionMatch &m : tag.globalMatch(out)) {
        const QString text = m.captured(0);
        if (badElement.match(text).hasMatch())
            return text;
        for (const QRegularExpressionMatch &a : attribute.globalMatch(text)) {
            const QString value = browserValue(a.captured(2));
            if (a.captured(1).startsWith(QLatin1String("on"), Qt::CaseInsensitive) ||
                value.startsWith(QLatin1String("javascript:")) ||
                value.startsWith(QLatin1String("vbscript:")) ||
                value.startsWith(QLatin1String("data:text")))
                return text;
        }
    }
    return {};
}

} // namespace bs::test
