#include "feeds/FeedText.h"

#include "feeds/FeedDate.h"

#include <QRegularExpression>
#include <QStringDecoder>
#include <QUrl>

#include <libxml/HTMLparser.h>

namespace bs
{

FeedValue parsedFeedDate(const QString &text, const QTimeZone &zonelessZone)
{
    const FeedDate parsed = parseFeedDate(text, zonelessZone);
    if (!parsed.utc.isValid())
        return {};
    const QDate d = parsed.utc.date();
    const QTime t = parsed.utc.time();
    FeedValue v = FeedValue::list();
    for (int n : {d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second(), d.dayOfWeek() - 1,
                  d.dayOfYear(), 0})
        v.append(FeedValue(n));
    return v;
}

QString joinUrl(const QString &base, const QString &uriIn)
{
    // "http:///example.com/" has one slash too many: drop the extras after "://".
    static const QRegularExpression extraSlashes(
        QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*://)(/*)"));
    QString uri = uriIn;
    uri.replace(extraSlashes, QStringLiteral("\\1"));
    if (base.isEmpty())
        return uri;
    if (uri.isEmpty())
        return base;
    // Repair "http:/x" style schemes with too few slashes only when the URL has a scheme.
    const QUrl baseUrl(base);
    const QUrl rel(uri);
    if (!baseUrl.isValid() || !rel.isValid())
        return uri;
    if (!rel.scheme().isEmpty() && !uri.contains(QLatin1String("://")) &&
        rel.scheme() != QLatin1String("mailto") && rel.scheme() != QLatin1String("javascript") &&
        rel.scheme() == baseUrl.scheme())
        return baseUrl.resolved(QUrl(uri.mid(rel.scheme().size() + 1))).toString();
    return baseUrl.resolved(rel).toString();
}

namespace
{
bool acceptableScheme(const QString &scheme)
{
    static const char *const schemes[] = {
        "file",   "ftp",   "gopher",   "h323",  "hdl",      "http",    "https",  "imap",  "magnet",
        "mailto", "mms",   "news",     "nntp",  "prospero", "rsync",   "rtsp",   "rtspu", "sftp",
        "shttp",  "sip",   "sips",     "snews", "svn",      "svn+ssh", "telnet", "wais",  "aim",
        "callto", "cvs",   "facetime", "feed",  "git",      "gtalk",   "irc",    "ircs",  "irc6",
        "itms",   "msnim", "skype",    "ssh",   "smb",      "ymsg",    "mvn"};
    for (const char *s : schemes)
        if (scheme == QLatin1String(s))
            return true;
    return false;
}
} // namespace

QString makeSafeAbsoluteUri(const QString &base, const QString &uri)
{
    if (base.isEmpty())
        return uri;
    if (uri.isEmpty()) {
        const QString scheme = QUrl(base).scheme();
        return scheme.isEmpty() || acceptableScheme(scheme) ? base : QString();
    }
    const QString joined = joinUrl(base, uri);
    const QString scheme = joined.trimmed().section(QLatin1Char(':'), 0, 0).toLower();
    return acceptableScheme(scheme) ? joined : QString();
}

QString mapContentType(const QString &type)
{
    const QString t = type.toLower();
    if (t == QLatin1String("text") || t == QLatin1String("plain"))
        return QStringLiteral("text/plain");
    if (t == QLatin1String("html"))
        return QStringLiteral("text/html");
    if (t == QLatin1String("xhtml"))
        return QStringLiteral("application/xhtml+xml");
    return t;
}

char32_t htmlEntityCodePoint(const QString &name)
{
    const QByteArray utf8 = name.toUtf8();
    const htmlEntityDesc *desc =
        htmlEntityLookup(reinterpret_cast<const xmlChar *>(utf8.constData()));
    return desc ? char32_t(desc->value) : 0;
}

bool looksLikeHtml(const QString &text)
{
    static const QRegularExpression closeTag(QStringLiteral("</(\\w+)>"));
    static const QRegularExpression entity(QStringLiteral("&#?\\w+;"));
    if (!closeTag.match(text).hasMatch() && !entity.match(text).hasMatch())
        return false;
    static const QRegularExpression tags(QStringLiteral("</?(\\w+)"));
    static const char *const acceptable[] = {"a",          "abbr",
                                             "acronym",    "address",
                                             "area",       "article",
                                             "aside",      "audio",
                                             "b",          "big",
                                             "blockquote", "br",
                                             "button",     "canvas",
                                             "caption",    "center",
                                             "cite",       "code",
                                             "col",        "colgroup",
                                             "command",    "datagrid",
                                             "datalist",   "dd",
                                             "del",        "details",
                                             "dfn",        "dialog",
                                             "dir",        "div",
                                             "dl",         "dt",
                                             "em",         "event-source",
                                             "fieldset",   "figcaption",
                                             "figure",     "footer",
                                             "font",       "form",
                                             "header",     "h1",
                                             "h2",         "h3",
                                             "h4",         "h5",
                                             "h6",         "hr",
                                             "i",          "img",
                                             "input",      "ins",
                                             "keygen",     "kbd",
                                             "label",      "legend",
                                             "li",         "m",
                                             "map",        "menu",
                                             "meter",      "multicol",
                                             "nav",        "nextid",
                                             "ol",         "output",
                                             "optgroup",   "option",
                                             "p",          "pre",
                                             "progress",   "q",
                                             "s",          "samp",
                                             "section",    "select",
                                             "small",      "sound",
                                             "source",     "spacer",
                                             "span",       "strike",
                                             "strong",     "sub",
                                             "sup",        "table",
                                             "tbody",      "td",
                                             "textarea",   "time",
                                             "tfoot",      "th",
                                             "thead",      "tr",
                                             "tt",         "u",
                                             "ul",         "var",
                                             "video",      "noscript"};
    auto it = tags.globalMatch(text);
    while (it.hasNext()) {
        const QString t = it.next().captured(1).toLower();
        bool ok = false;
        for (const char *a : acceptable)
            if (t == QLatin1String(a)) {
                ok = true;
                break;
            }
        if (!ok)
            return false;
    }
    static const QRegularExpression named(QStringLiteral("&(\\w+);"));
    auto en = named.globalMatch(text);
    while (en.hasNext()) {
        const QString name = en.next().captured(1);
        if (name != QLatin1String("apos") && htmlEntityCodePoint(name) == 0)
            return false;
    }
    return true;
}

QString fixWindows1252(QString text)
{
    static const char16_t map[32] = {
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
    for (QChar &c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x80 && u <= 0x9F)
            c = QChar(map[u - 0x80]);
    }
    return text;
}

QString fixDoubleEncodedUtf8(const QString &text)
{
    bool high = false;
    for (QChar c : text) {
        if (c.unicode() > 0xFF)
            return text;
        if (c.unicode() >= 0x80)
            high = true;
    }
    if (!high)
        return text;
    const QByteArray bytes = text.toLatin1();
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(bytes);
    if (decoder.hasError())
        return text;
    return decoded;
}

} // namespace bs
