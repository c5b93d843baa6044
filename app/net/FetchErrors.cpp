#include "net/FetchErrors.h"

#include <QLocale>

namespace bs
{

QString describeHttpStatus(int status, const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return QStringLiteral("The server answered %1.").arg(status);
    return QStringLiteral("The server answered %1 %2.").arg(status).arg(reason.trimmed());
}

QString describeNetworkError(QNetworkReply::NetworkError error, const QString &qtMessage)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("The server refused the connection.");
    case QNetworkReply::RemoteHostClosedError:
        return QStringLiteral("The server closed the connection before answering.");
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("The server's name could not be found (%1).").arg(qtMessage);
    case QNetworkReply::TimeoutError:
        return QStringLiteral("The connection timed out.");
    case QNetworkReply::SslHandshakeFailedError:
        return QStringLiteral("TLS error: %1").arg(qtMessage);
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return QStringLiteral("The network is not available (%1).").arg(qtMessage);
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return QStringLiteral("The proxy failed: %1.").arg(qtMessage);
    default:
        return QStringLiteral("The download failed: %1.").arg(qtMessage);
    }
}

QString describeCount(qint64 count)
{
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(count);
}

QString describeCutBody(qint64 received, qint64 expected)
{
    if (expected < 0)
        return QStringLiteral("The connection was closed before the whole body arrived (%1 bytes).")
            .arg(describeCount(received));
    return QStringLiteral("The connection was closed before the whole body arrived (%1 of %2 "
                          "bytes).")
        .arg(describeCount(received), describeCount(expected));
}

QString describeDuration(int milliseconds)
{
    return QStringLiteral("%1 s").arg(QString::number(milliseconds / 1000.0, 'g', 3));
}

QString describeSize(qint64 bytes)
{
    constexpr qint64 kMiB = 1024 * 1024;
    if (bytes >= kMiB)
        return QStringLiteral("%1 MB").arg(QString::number(double(bytes) / kMiB, 'g', 4));
    return QStringLiteral("%1 KB").arg(QString::number(double(bytes) / 1024, 'g', 4));
}

bool isTransientStatus(int status)
{
    return status == 500 || status == 502 || status == 503 || status == 504;
}

bool isTransientNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownNetworkError:
        return true;
    default:
        return false;
    }
}

QDateTime parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return {};
    bool isNumber = false;
    const qint64 seconds = text.toLongLong(&isNumber);
    if (isNumber)
        return seconds >= 0 ? now.toUTC().addSecs(seconds) : QDateTime();
    // IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT"; RFC 2822 forms with a numeric zone too.
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(text),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (when.isValid()) {
        when.setTimeSpec(Qt::UTC);
        return when;
    }
    when = QDateTime::fromString(QString::fromLatin1(text), Qt::RFC2822Date);
    return when.isValid() ? when.toUTC() : QDateTime();
}

} // namespace bs
