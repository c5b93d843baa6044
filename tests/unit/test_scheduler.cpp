// Scheduler: the pure rules for when a feed is fetched next (hints from the feed document,
// observed posting rate, bounds, ttl floor, backoff and Retry-After).

#include "feeds/FeedParser.h"
#include "model/Feed.h"
#include "sync/Scheduler.h"

#include <QtTest>

using namespace bs;

namespace
{

ParsedFeed rssWith(const QString &channelExtras)
{
    const QString doc =
        QStringLiteral("<?xml version=\"1.0\"?><rss version=\"2.0\" "
                       "xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\"><channel>"
                       "<title>Tide tables</title>%1<item><guid>t1</guid><title>High water"
                       "</title></item></channel></rss>")
            .arg(channelExtras);
    return parseFeed(doc.toUtf8());
}

QList<QDateTime> everyMinutes(const QDateTime &newest, int count, int minutes)
{
    QList<QDateTime> times;
    for (int i = 0; i < count; ++i)
        times.append(newest.addSecs(-qint64(i) * minutes * 60));
    return times;
}

const QDateTime kNow(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);

} // namespace

class TestScheduler : public QObject
{
    Q_OBJECT
private slots:
    void hintsFromTheFeedDocument()
    {
        ScheduleHints h = Scheduler::hints(rssWith(QStringLiteral("<ttl>120</ttl>")).feed);
        QCOMPARE(h.ttlSecs, 7200);
        QCOMPARE(h.updatePeriodSecs, 0);

        h = Scheduler::hints(rssWith(QStringLiteral("<sy:updatePeriod>hourly</sy:updatePeriod>"
                                                    "<sy:updateFrequency>2</sy:updateFrequency>"))
                                 .feed);
        QCOMPARE(h.ttlSecs, 0);
        QCOMPARE(h.updatePeriodSecs, 1800);

        h = Scheduler::hints(
            rssWith(QStringLiteral("<sy:updatePeriod> Weekly </sy:updatePeriod>")).feed);
        QCOMPARE(h.updatePeriodSecs, 7 * 24 * 3600);

        // The module's default period is daily.
        h = Scheduler::hints(
            rssWith(QStringLiteral("<sy:updateFrequency>4</sy:updateFrequency>")).feed);
        QCOMPARE(h.updatePeriodSecs, 6 * 3600);

        h = Scheduler::hints(rssWith(QStringLiteral("<ttl>soon</ttl><sy:updatePeriod>"
                                                    "fortnightly</sy:updatePeriod>"))
                                 .feed);
        QCOMPARE(h.ttlSecs, 0);
        QCOMPARE(h.updatePeriodSecs, 0);
        QCOMPARE(Scheduler::hints(rssWith(QString()).feed).ttlSecs, 0);
    }

    void observedGap()
    {
        QCOMPARE(Scheduler::observedGapSecs({}, kNow), 0);
        // Two distinct times (and duplicates) are not enough to tell a rate.
        QCOMPARE(Scheduler::observedGapSecs({kNow, kNow, kNow.addSecs(-600)}, kNow), 0);
        // Every five minutes, the newest just now: the median gap.
        QCOMPARE(Scheduler::observedGapSecs(everyMinutes(kNow.addSecs(-60), 10, 5), kNow), 300);
        // Order does not matter; one long pause does not move the median.
        QList<QDateTime> mixed = everyMinutes(kNow, 9, 60);
        mixed.append(kNow.addDays(-20));
        std::reverse(mixed.begin(), mixed.end());
        QCOMPARE(Scheduler::observedGapSecs(mixed, kNow), 3600);
        // An hourly feed that went quiet ten days ago counts as posting every five days.
        QCOMPARE(Scheduler::observedGapSecs(everyMinutes(kNow.addDays(-10), 10, 60), kNow),
                 5 * 24 * 3600);
    }

    void intervalFromDefaultHintsAndRate()
    {
        SchedulePolicy policy;
        policy.defaultIntervalSecs = 3600;
        Feed feed;
        QCOMPARE(Scheduler::intervalSecs(feed, 0, policy), 3600);
        // Posting every 5 minutes: twice per gap, but never under the 10-minute floor.
        QCOMPARE(Scheduler::intervalSecs(feed, 300, policy), 600);
        // Every two hours: checked hourly.
        QCOMPARE(Scheduler::intervalSecs(feed, 7200, policy), 3600);
        // Monthly: at most a day.
        QCOMPARE(Scheduler::intervalSecs(feed, 30 * 86400, policy), 86400);
        // sy:updatePeriod without enough dated items.
        feed.updatePeriodSecs = 6 * 3600;
        QCOMPARE(Scheduler::intervalSecs(feed, 0, policy), 6 * 3600);
        // The observed rate beats the document's claim.
        QCOMPARE(Scheduler::intervalSecs(feed, 1200, policy), 600);
        // The default setting moves the plain case.
        feed.updatePeriodSecs = 0;
        policy.defaultIntervalSecs = 4 * 3600;
        QCOMPARE(Scheduler::intervalSecs(feed, 0, policy), 4 * 3600);
    }

    void ttlIsAFloor()
    {
        SchedulePolicy policy;
        Feed feed;
        feed.ttlSecs = 3 * 3600;
        QCOMPARE(Scheduler::intervalSecs(feed, 300, policy), 3 * 3600); // busy, but ttl says 3 h
        QCOMPARE(Scheduler::intervalSecs(feed, 0, policy), 3 * 3600);
        feed.ttlSecs = 600;
        QCOMPARE(Scheduler::intervalSecs(feed, 0, policy), 3600); // a short ttl changes nothing
        // A ttl beyond a day is honoured, up to a week.
        feed.ttlSecs = 2 * 86400;
        QCOMPARE(Scheduler::intervalSecs(feed, 0, policy), 2 * 86400);
        feed.ttlSecs = 365 * 86400;
        QCOMPARE(Scheduler::intervalSecs(feed, 0, policy), policy.maxTtlSecs);
    }

    void overrideWins()
    {
        SchedulePolicy policy;
        Feed feed;
        feed.fetchIntervalSecs = 5 * 3600;
        QCOMPARE(Scheduler::intervalSecs(feed, 300, policy), 5 * 3600); // rate ignored
        feed.fetchIntervalSecs = 60;
        QCOMPARE(Scheduler::intervalSecs(feed, 0, policy), policy.minIntervalSecs);
        feed.fetchIntervalSecs = 3 * 86400;
        QCOMPARE(Scheduler::intervalSecs(feed, 0, policy), 3 * 86400);
        feed.fetchIntervalSecs = 1800;
        feed.ttlSecs = 7200;
        QCOMPARE(Scheduler::intervalSecs(feed, 0, policy), 7200); // still never before the ttl
    }

    void failuresBackOff()
    {
        SchedulePolicy policy;
        QCOMPARE(Scheduler::nextAfterFailure(kNow, 1, {}, policy), kNow.addSecs(15 * 60));
        QCOMPARE(Scheduler::nextAfterFailure(kNow, 2, {}, policy), kNow.addSecs(30 * 60));
        QCOMPARE(Scheduler::nextAfterFailure(kNow, 3, {}, policy), kNow.addSecs(60 * 60));
        QCOMPARE(Scheduler::nextAfterFailure(kNow, 8, {}, policy), kNow.addSecs(86400));
        QCOMPARE(Scheduler::nextAfterFailure(kNow, 500, {}, policy), kNow.addSecs(86400));
        // Retry-After later than the backoff wins; earlier is ignored.
        QCOMPARE(Scheduler::nextAfterFailure(kNow, 1, kNow.addSecs(7200), policy),
                 kNow.addSecs(7200));
        QCOMPARE(Scheduler::nextAfterFailure(kNow, 1, kNow.addSecs(60), policy),
                 kNow.addSecs(15 * 60));
        QCOMPARE(Scheduler::nextAfterFailure(kNow, 1, kNow.addDays(400), policy),
                 kNow.addSecs(policy.maxTtlSecs));
        QCOMPARE(Scheduler::nextAfterSuccess(kNow, 600), kNow.addSecs(600));
    }

    void due()
    {
        Feed feed;
        QVERIFY(Scheduler::isDue(feed, kNow)); // never fetched
        feed.nextFetch = kNow.addSecs(1);
        QVERIFY(!Scheduler::isDue(feed, kNow));
        feed.nextFetch = kNow;
        QVERIFY(Scheduler::isDue(feed, kNow));
        feed.disabled = true;
        QVERIFY(!Scheduler::isDue(feed, kNow));
    }
};

QTEST_GUILESS_MAIN(TestScheduler)
#include "test_scheduler.moc"
