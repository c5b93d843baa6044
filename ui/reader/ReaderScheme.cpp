#include "ReaderScheme.h"

#include <QCoreApplication>
#include <QUrlQuery>
#include <QWebEngineUrlScheme>

namespace bs
{

void registerReaderScheme()
{
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    if (!QWebEngineUrlScheme::schemeByName(readerScheme).name().isEmpty())
        return;
    QWebEngineUrlScheme scheme(readerScheme);
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    scheme.setFlags(QWebEngineUrlScheme::SecureScheme);
    QWebEngineUrlScheme::registerScheme(scheme);
}

QUrl readerArticleUrl(qint64 articleId)
{
    QUrl url;
    url.setScheme(QString::fromLatin1(readerScheme));
    url.setHost(QStringLiteral("article"));
    url.setPath(QLatin1Char('/') + QString::number(articleId));
    return url;
}

QUrl readerMediaUrl(const QUrl &original)
{
    QUrl url;
    url.setScheme(QString::fromLatin1(readerScheme));
    url.setHost(QStringLiteral("media"));
    url.setPath(QStringLiteral("/"));
    // Fully encoded, so '&', '=', '+' and '#' of the original survive the trip.
    url.setQuery(QStringLiteral("u=") + QString::fromLatin1(QUrl::toPercentEncoding(
                                            original.toString(QUrl::FullyEncoded))),
                 QUrl::StrictMode);
    return url;
}

QUrl readerBlankUrl()
{
    QUrl url;
    url.setScheme(QString::fromLatin1(readerScheme));
    url.setHost(QStringLiteral("blank"));
    url.setPath(QStringLiteral("/"));
    return url;
}

qint64 readerArticleId(const QUrl &url)
{
    if (url.scheme() != QLatin1String(readerScheme) || url.host() != QLatin1String("article"))
        return 0;
    bool ok = false;
    const qint64 id = url.path().mid(1).toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}

QUrl readerMediaOriginal(const QUrl &url)
{
    if (url.scheme() != QLatin1String(readerScheme) || url.host() != QLatin1String("media"))
        return {};
    const QString encoded = QUrlQuery(url).queryItemValue(QStringLiteral("u"), QUrl::FullyEncoded);
    return QUrl::fromEncoded(QUrl::fromPercentEncoding(encoded.toLatin1()).toUtf8(),
                             QUrl::StrictMode);
}

} // namespace bs
