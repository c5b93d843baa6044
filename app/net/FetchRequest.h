#pragma once

#include "net/HttpCacheInfo.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace bs
{

// One thing to download: usually a feed, with what the last fetch left behind.
struct FetchRequest {
    QUrl url;
    HttpCacheInfo validators;       // sent as If-None-Match / If-Modified-Since
    QByteArray previousContentHash; // SHA-1 of the last body; an equal body gives Unchanged
    QString user;                   // basic auth when not empty
    QString password;
    int feedId = 0; // opaque tag, handed back in the result
};

} // namespace bs
