#include "sync/Scheduler.h"

#include "feeds/FeedValue.h"
#include "model/Feed.h"

#include <algorithm>

namespace bs::Scheduler
{

namespace
{

int periodSecs(const QString &period)
{
    const QString p = period.trimmed().toLower();
    if (p == QLatin1String("hourly"))
        return 3600;
    if (p == QLatin1String("daily"))
        return 24 * 3600;
    if (p == QLatin1String("weekly"))
        return 7 * 24 * 3600;
    if (p == QLatin1String("monthly"))
        return 30 * 24 * 3600;
    if (p == QLatin1String("yearly"))
        return 365 * 24 * 3600;
    return 0;
}

} // namespace

ScheduleHints hints(const FeedValue &feedValues)
{
    ScheduleHints h;
    if (!feedValues.isDict())
        return h;
    bool ok = false;
    const qint64 ttlMinutes = feedValues.str(QStringLiteral("ttl")).trimmed().toLongLong(&ok);
    if (ok && ttlMinutes > 0)
        h.ttlSecs = int(std::min<qint64>(ttlMinutes, 366LL * 24 * 60) * 60);
    const QString periodText = feedValues.str(QStringLiteral("sy_updateperiod"));
    const QString frequencyText = feedValues.str(QStringLiteral("sy_updatefrequency"));
    int period = periodSecs(periodText);
    if (period == 0 && !frequencyText.trimmed().isEmpty())
        period = 24 * 3600; // the module's default period
    if (period > 0) {
        qint64 frequency = frequencyText.trimmed().toLongLong(&ok);
        if (!ok || frequency < 1)
            frequency = 1;
        h.updatePeriodSecs = int(std::max<qint64>(1, period / frequency));
    }
    return h;
}

qint64 observedGapSecs(const QList<QDateTime> &published, const QDateTime &now)
{
    QList<qint64> times;
    times.reserve(published.size());
    for (const QDateTime &t : published)
        if (t.isValid())
            times.append(t.toSecsSinceEpoch());
    std::sort(times.begin(), times.end(), std::greater<>());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    if (times.size() < 3)
        return 0;
    QList<qint64> gaps;
    for (qsizetype i = 1; i < times.size(); ++i)
        gaps.append(times[i - 1] - times[i]);
    std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 2, gaps.end());
    const qint64 median = gaps[gaps.size() / 2];
    const qint64 quiet = (now.toSecsSinceEpoch() - times.first()) / 2;
    return std::max(median, quiet);
}

int intervalSecs(const Feed &feed, qint64 observedGap, const SchedulePolicy &policy)
{
    qint64 interval = 0;
    if (feed.fetchIntervalSecs > 0) {
        interval = std::clamp<qint64>(feed.fetchIntervalSecs, policy.minIntervalSecs,
                                      std::max(policy.maxIntervalSecs, policy.maxTtlSecs));
    } else {
        if (observedGap > 0)
            interval = observedGap / 2;
        else if (feed.updatePeriodSecs > 0)
            interval = feed.updatePeriodSecs;
        else
            interval = policy.defaultIntervalSecs;
        interval = std::clamp<qint64>(interval, policy.minIntervalSecs, policy.maxIntervalSecs);
    }
    if (feed.ttlSecs > 0)
        interval = std::max<qint64>(interval, std::min(feed.ttlSecs, policy.maxTtlSecs));
    return int(interval);
}

QDateTime nextAfterSuccess(const QDateTime &now, int intervalSecs)
{
    return now.addSecs(intervalSecs);
}

QDateTime nextAfterFailure(const QDateTime &now, int errorCount, const QDateTime &retryAfter,
                           const SchedulePolicy &policy)
{
    const int doublings = std::clamp(errorCount - 1, 0, 20);
    const qint64 secs =
        std::min<qint64>(qint64(policy.firstBackoffSecs) << doublings, policy.maxBackoffSecs);
    const QDateTime next = now.addSecs(secs);
    if (!retryAfter.isValid() || retryAfter <= next)
        return next;
    // A server cannot park a feed for longer than a week.
    return std::min(retryAfter, now.addSecs(policy.maxTtlSecs));
}

bool isDue(const Feed &feed, const QDateTime &now)
{
    return !feed.disabled && (!feed.nextFetch.isValid() || feed.nextFetch <= now);
}

} // namespace bs::Scheduler
