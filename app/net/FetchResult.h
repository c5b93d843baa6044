#pragma once

#include "net/HttpCacheInfo.h"

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QUrl>

namespace bs
{

// How one FetchRequest ended, after redirects and retries.
struct FetchResult {
    enum Outcome {
        Fetched,     // 200 with a new body: parse it
        NotModified, // 304: the stored copy is current
        Unchanged,   // 200, but the body hashes to previousContentHash: skip parsing
        Gone,        // 410: the feed is gone for good; stop fetching it
        Failed,      // see error (and retryAfter)
    };

    int feedId = 0;
    QUrl url; // as requested
    Outcome outcome = Failed;
    int httpStatus = 0; // of the last response; 0 when none arrived
    QByteArray body;    // decoded (gzip/deflate/br/zstd undone); only for Fetched
    QString contentType;
    QString contentLocation;
    QString contentLanguage;
    HttpCacheInfo newValidators; // what to store for the next conditional GET
    QUrl finalUrl;               // after redirects
    // Every redirect on the way was permanent (301/308): the caller should store finalUrl as
    // the feed's address. Any 302/303/307 in the chain makes it false.
    bool permanentRedirect = false;
    QString error;          // a sentence for a person; empty unless Failed
    QDateTime retryAfter;   // from Retry-After on 429/503 (UTC); invalid when none
    QByteArray contentHash; // SHA-1 of body (raw bytes, 20 of them)
    qint64 bytes = 0;       // decoded body size
    int attempts = 0;       // requests made, counting retries (not redirects)

    bool ok() const { return outcome != Failed && outcome != Gone; }
};

} // namespace bs

Q_DECLARE_METATYPE(bs::FetchResult)
