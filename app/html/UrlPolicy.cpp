#include "html/UrlPolicy.h"

#include <QStringList>

#include <algorithm>
#include <array>
#include <string_view>

namespace bs
{

namespace
{

bool isAllowedScheme(const QString &scheme)
{
    static constexpr std::array<std::string_view, 44> schemes = {
        "aim",    "callto",  "cvs",    "facetime", "feed", "ftp",   "git",      "gopher", "gtalk",
        "h323",   "hdl",     "http",   "https",    "imap", "irc",   "irc6",     "ircs",   "itms",
        "magnet", "mailto",  "mms",    "msnim",    "news", "nntp",  "prospero", "rsync",  "rtsp",
        "rtspu",  "sftp",    "shttp",  "sip",      "sips", "skype", "smb",      "snews",  "ssh",
        "svn",    "svn+ssh", "telnet", "wais",     "ymsg", "tel",   "geo",      "xmpp"};
    const QByteArray latin = scheme.toLatin1();
    const std::string_view name(latin.constData(), size_t(latin.size()));
    return std::find(schemes.begin(), schemes.end(), name) != schemes.end();
}

// Characters a browser ignores or that have no business in a scheme.
bool isIgnorable(QChar c)
{
    const char16_t u = c.unicode();
    return u <= 0x20 || (u >= 0x7F && u <= 0x9F) || c.isSpace();
}

bool isSchemeChar(QChar c, bool first)
{
    const char16_t u = c.unicode();
    const bool alpha = (u >= u'a' && u <= u'z');
    if (first)
        return alpha;
    return alpha || (u >= u'0' && u <= u'9') || u == u'+' || u == u'-' || u == u'.';
}

} // namespace

bool isSafeUrl(const QString &url, bool allowDataImage)
{
    // Read the scheme, skipping what browsers skip; stop at the first ':' or at the end of what
    // could be a first path segment.
    QString scheme;
    qsizetype i = 0;
    for (; i < url.size(); ++i) {
        const QChar c = url.at(i);
        if (isIgnorable(c))
            continue;
        if (c == QLatin1Char(':'))
            break;
        if (c == QLatin1Char('/') || c == QLatin1Char('?') || c == QLatin1Char('#'))
            return true; // relative reference
        scheme.append(c.toLower());
    }
    if (i == url.size())
        return true; // no colon: relative
    if (scheme.isEmpty())
        return false;
    for (qsizetype k = 0; k < scheme.size(); ++k) {
        if (!isSchemeChar(scheme.at(k), k == 0))
            return false;
    }
    if (scheme == QLatin1String("data")) {
        if (!allowDataImage)
            return false;
        QString type;
        for (++i; i < url.size() && type.size() < 16; ++i) {
            const QChar c = url.at(i);
            if (c == QLatin1Char(';') || c == QLatin1Char(','))
                break;
            if (!isIgnorable(c))
                type.append(c.toLower());
        }
        static const QStringList images = {
            QStringLiteral("image/png"),   QStringLiteral("image/gif"),
            QStringLiteral("image/jpeg"),  QStringLiteral("image/jpg"),
            QStringLiteral("image/pjpeg"), QStringLiteral("image/webp"),
            QStringLiteral("image/avif"),  QStringLiteral("image/bmp")};
        return i < url.size() && images.contains(type);
    }
    return isAllowedScheme(scheme);
}

namespace
{

// Length of "scheme:" at the start of s, or 0.
qsizetype schemeLength(const QString &s)
{
    if (s.isEmpty() || !isSchemeChar(s.at(0).toLower(), true))
        return 0;
    for (qsizetype i = 1; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == QLatin1Char(':'))
            return i + 1;
        if (!isSchemeChar(c.toLower(), false))
            return 0;
    }
    return 0;
}

} // namespace

QString resolveUrl(const QString &url, const QUrl &base)
{
    QString value = url.trimmed();
    if (!base.isValid() || base.isRelative())
        return value;
    if (value.isEmpty())
        return base.toString();
    if (const qsizetype scheme = schemeLength(value)) {
        // Absolute: unchanged but for extra slashes ("http:////host/x" -> "http://host/x").
        if (value.mid(scheme, 3) == QLatin1String("///")) {
            qsizetype end = scheme + 2;
            while (end < value.size() && value.at(end) == QLatin1Char('/'))
                ++end;
            value.remove(scheme + 2, end - scheme - 2);
        }
        return value;
    }
    const QUrl relative(value, QUrl::TolerantMode);
    if (!relative.isValid())
        return value;
    return base.resolved(relative).toString();
}

} // namespace bs
