#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QNetworkReply>
#include <QString>

namespace bs
{

// Sentences for what went wrong with a fetch, and which failures are worth another try.

// "The server answered 404 Not Found."
QString describeHttpStatus(int status, const QString &reason);
// A network-level failure (no usable HTTP answer): refused, host not found, TLS, reset, ...
QString describeNetworkError(QNetworkReply::NetworkError error, const QString &qtMessage);
// "The connection was closed before the whole body arrived (3,000 of 100,000 bytes)."
// expected < 0: unknown length.
QString describeCutBody(qint64 received, qint64 expected);
// "30 s", "0.3 s"
QString describeDuration(int milliseconds);
// "32 MB" (MiB, as people say it), "512 KB" below one MiB.
QString describeSize(qint64 bytes);
// "3,000"
QString describeCount(qint64 count);

// Failures that may well pass on their own: 500, 502, 503, 504.
bool isTransientStatus(int status);
// Resets, timeouts and other failures of the connection rather than of the request.
bool isTransientNetworkError(QNetworkReply::NetworkError error);

// Retry-After (RFC 9110 10.2.3): delay-seconds or an HTTP date; invalid when neither.
QDateTime parseRetryAfter(const QByteArray &value, const QDateTime &now);

} // namespace bs
