#pragma once

#include <QString>

namespace bs
{

// A feed's HTTP validators, as stored with the feed and sent back for a conditional GET
// (If-None-Match / If-Modified-Since). Empty strings: none.
struct HttpCacheInfo {
    QString etag;         // as the server sent it, quotes and W/ included
    QString lastModified; // the Last-Modified header as sent (an HTTP date)

    bool isEmpty() const { return etag.isEmpty() && lastModified.isEmpty(); }
    friend bool operator==(const HttpCacheInfo &, const HttpCacheInfo &) = default;
};

} // namespace bs
