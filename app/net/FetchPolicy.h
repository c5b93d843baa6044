#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace bs
{

// Limits and politeness of a Fetcher. The defaults suit a feed reader's background sync.
struct FetchPolicy {
    // Abort when no byte arrives for this long (connecting, waiting for the head, or between
    // pieces of the body).
    int transferTimeoutMs = 30'000;
    // One attempt (with its redirects) gives up after this long even while data trickles in.
    int totalTimeoutMs = 120'000;
    qint64 maxBodyBytes = 32 * 1024 * 1024; // decoded bytes
    int maxRedirects = 10;
    int perHostConcurrency = 2;
    int globalConcurrency = 8;
    // Extra attempts after a transient failure (timeout, reset, cut body, 500/502/503/504),
    // waiting retryBaseDelayMs * 2^n, with ±50% jitter, before each.
    int retries = 2;
    int retryBaseDelayMs = 1'000;
    // A request whose host asked (Retry-After) to wait longer than this fails at once with
    // retryAfter set, instead of waiting in the queue.
    int maxHostWaitMs = 120'000;
    QByteArray userAgent = defaultUserAgent();

    static QByteArray defaultUserAgent()
    {
        return QByteArrayLiteral("Broadsheet/" BROADSHEET_VERSION
                                 " (+https://broadsheet.invalid; desktop feed reader)");
    }
};

} // namespace bs
