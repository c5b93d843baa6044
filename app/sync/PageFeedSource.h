#pragma once

#include "model/Feed.h"
#include "net/FetchResult.h"
#include "sync/FeedMerger.h"

#include <QList>
#include <QUrl>

#include <functional>

namespace bs
{

// A page feed's answer read into what the merge writes: the stories its selector addresses on
// the page become articles keyed by their address (guid = URL, so a story that moves down the
// list is the same article), with the list's title, teaser, picture and date (none: the date
// comes from the story's page when it is downloaded, else it is the time first seen).
//
// When the selector finds nothing (the site was redesigned), the page's lists are found again
// and the one that holds stories the feed already has (else, whose addresses share their
// place on the site, else the best) is followed from then on: its selector goes into
// MergeSource::pageSelector and a notice says so. Only when the page shows no list at all is
// the answer an error, with the reason.
// `knownUrls` gives the feed's newest article addresses; it is asked only when the list has to
// be found again.
MergeSource readPageFeed(const Feed &feed, const FetchResult &fetch,
                         const std::function<QList<QUrl>()> &knownUrls, const QDateTime &now);

} // namespace bs
