#pragma once

#include <QDateTime>
#include <QList>

namespace bs
{

class FeedValue;
struct Feed;

// When each feed is fetched next. Pure functions over what the store knows, so they are
// tested without a network or a clock.
//
// The interval of a feed:
//  1. the feed's own override (feeds.fetch_interval) when set: the person chose it;
//  2. otherwise adapted from the application default (setting sync.interval_minutes, 60):
//     - the observed posting rate when the feed has at least three distinct publication
//       times among its newest articles: half the median gap between them (two looks per
//       typical gap), and a feed that has gone quiet slows down with the time since its
//       newest item;
//     - else sy:updatePeriod / sy:updateFrequency when the feed gives them;
//     - else the default itself;
//  3. clamped to [minIntervalSecs, maxIntervalSecs] (10 min .. 24 h; an override may go up to
//     maxTtlSecs);
//  4. never shorter than the feed's RSS <ttl> (itself honoured up to maxTtlSecs, 7 days, so a
//     broken ttl cannot stop a feed for good).
// A failing feed backs off instead: 15 min doubling per consecutive error up to a day, or
// later when the server sent Retry-After (honoured up to maxTtlSecs).
struct SchedulePolicy {
    int defaultIntervalSecs = 3600;
    int minIntervalSecs = 10 * 60;
    int maxIntervalSecs = 24 * 3600;
    int maxTtlSecs = 7 * 24 * 3600;
    int firstBackoffSecs = 15 * 60;
    int maxBackoffSecs = 24 * 3600;
    // How many of a feed's newest publication times the observed rate looks at.
    int sampleSize = 20;
};

// What a feed document says about its own schedule, in seconds (0: nothing said).
struct ScheduleHints {
    int ttlSecs = 0;          // RSS <ttl> (minutes in the feed)
    int updatePeriodSecs = 0; // sy:updatePeriod divided by sy:updateFrequency
};

namespace Scheduler
{

// Reads `ttl`, `sy_updateperiod` and `sy_updatefrequency` from a parsed feed's feed values.
ScheduleHints hints(const FeedValue &feedValues);

// The typical gap between posts, in seconds, from publication times (any order); 0 when
// fewer than three distinct times. A feed whose newest item is older than the gap counts as
// posting at least as slowly as half that age.
qint64 observedGapSecs(const QList<QDateTime> &published, const QDateTime &now);

// The interval for a feed (override, ttl and update period read from it).
int intervalSecs(const Feed &feed, qint64 observedGapSecs, const SchedulePolicy &policy);

QDateTime nextAfterSuccess(const QDateTime &now, int intervalSecs);
// errorCount counts this failure (1 for the first).
QDateTime nextAfterFailure(const QDateTime &now, int errorCount, const QDateTime &retryAfter,
                           const SchedulePolicy &policy);

// True when a feed should be fetched by a "due" sync.
bool isDue(const Feed &feed, const QDateTime &now);

} // namespace Scheduler

} // namespace bs
