// parseFeedDate: one row per form feeds write, the rejections, and zoneless text in a zone.

#include "feeds/FeedDate.h"

#include <QtTest>

using namespace bs;

namespace
{

QDateTime utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

void row(const char *text, const QDateTime &expected, bool zoneless = false)
{
    QTest::newRow(text) << QString::fromUtf8(text) << expected << zoneless;
}

} // namespace

class TestFeedDate : public QObject
{
    Q_OBJECT
private slots:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        QTest::addColumn<bool>("zoneless");

        // RFC 822 / 1123 / 2822
        row("Tue, 10 Jun 2003 04:00:00 GMT", utc(2003, 6, 10, 4));
        row("10 Jun 2003 04:00:00 +0200", utc(2003, 6, 10, 2));
        row("Fri, 21 Nov 1997 09:55:06 -0600", utc(1997, 11, 21, 15, 55, 6));
        row("Sat, 07 Sep 02 00:00:01 GMT", utc(2002, 9, 7, 0, 0, 1));
        row("Tue, 07 Sep 99 12:00:00 GMT", utc(1999, 9, 7, 12));
        row("Wed, 02 Oct 1996 08:00:00 EST", utc(1996, 10, 2, 13));
        row("Wed, 02 Oct 1996 08:00:00 EDT", utc(1996, 10, 2, 12));
        row("Mon, 05 Feb 2024 10:00 PDT", utc(2024, 2, 5, 17));
        row("Mon, 05 Feb 2024 10:00 CST", utc(2024, 2, 5, 16));
        row("Mon, 05 Feb 2024 10:00 MDT", utc(2024, 2, 5, 16));
        row("Mon, 05 Feb 2024", utc(2024, 2, 5), true);
        row("Mon, 05 Feb 2024 10:00:00", utc(2024, 2, 5, 10), true);
        row("Tuesday, 6 August 2024 08:30:00 CEST", utc(2024, 8, 6, 6, 30));
        row("Tue,2 Jul 2024 09:00:00 +0000", utc(2024, 7, 2, 9));
        row("Tue, 2 Jul, 2024 09:00:00 GMT", utc(2024, 7, 2, 9));
        row("Tue,  2 Jul 2024 09:00:00 UT", utc(2024, 7, 2, 9));
        row("Tue, 2 Jul 2024 09:00:00 UTC", utc(2024, 7, 2, 9));
        row("Tue, 2 Jul 2024 09:00:00 Etc/UTC", utc(2024, 7, 2, 9));
        row("Tue, 2 Jul 2024 09:00:00 GMT+08:00", utc(2024, 7, 2, 1));
        row("Tue, 2 Jul 2024 09:00:00 GMT+8", utc(2024, 7, 2, 1));
        row("Tue, 2 Jul 2024 09:00:00 UTC-0530", utc(2024, 7, 2, 14, 30));
        row("Tue, 2 Jul 2024 09:00:00 -03:30", utc(2024, 7, 2, 12, 30));
        row("Tue, 2 Jul 2024 09:00:00 -0000", utc(2024, 7, 2, 9));
        row("Tue, 2 Jul 2024 09:00:00 ET", utc(2024, 7, 2, 14));
        row("Tue, 2 Jul 2024 09:00:00 PT", utc(2024, 7, 2, 17));
        row("Tue, 2 Jul 2024 09:00:00 AT", utc(2024, 7, 2, 13));
        row("Wed, 03 Jan 2024 10:00:00 MET", utc(2024, 1, 3, 9));
        row("Wed, 03 Jan 2024 10:00:00 MEST", utc(2024, 1, 3, 8));
        row("Wed, 03 Jan 2024 10:00:00 JST", utc(2024, 1, 3, 1));
        row("Wed, 03 Jan 2024 10:00:00 Z", utc(2024, 1, 3, 10));
        row("Wed, 03 Jan 2024 10:00:00 A", utc(2024, 1, 3, 11)); // RFC 822: A is -1
        row("Wed, 03 Jan 2024 10:00:00 N", utc(2024, 1, 3, 9));  // N is +1
        row("Wed, 03 Jan 2024 10:00:00 M", utc(2024, 1, 3, 22)); // M is -12
        row("Wed, 03 Jan 2024 10:00:00 Y", utc(2024, 1, 2, 22)); // Y is +12
        row("Wed, 03 Jan 2024 10:00:00 GMT (Greenwich)", utc(2024, 1, 3, 10));
        row("Wed, 03 Jan 2024 10:00:00 +0100 CET", utc(2024, 1, 3, 9));
        row("Wed, 03 Jan 2024 10:00:00 -0500 (EST)", utc(2024, 1, 3, 15));
        row("Wed, 03 Jan 2024 10:00:00 XYZT", utc(2024, 1, 3, 10)); // unknown: UTC
        row("Dec. 25, 2023 18:00:00 EST", utc(2023, 12, 25, 23));
        row("Sunday, 06-Nov-94 08:49:37 GMT", utc(1994, 11, 6, 8, 49, 37)); // RFC 850
        row("Thu Aug 01 2024 09:15:00 GMT+0200 (Central European Summer Time)",
            utc(2024, 8, 1, 7, 15));
        row("Thu Aug 01 2024 09:15:00 +0200", utc(2024, 8, 1, 7, 15));
        row("Fri, 01 Jan 0200 00:30:00 +0100", utc(199, 12, 31, 23, 30));
        row("Sat, 31 Dec 2016 23:59:60 GMT", utc(2016, 12, 31, 23, 59, 59)); // leap second
        row("Mon, 01 Jan 2024 01:02:03.456 GMT", utc(2024, 1, 1, 1, 2, 3, 456));

        // asctime and Twitter's variant
        row("Mon Jan  1 00:00:00 2024", utc(2024, 1, 1), true);
        row("Wed Mar 13 17:45:02 +0100 2024", utc(2024, 3, 13, 16, 45, 2));

        // Perforce and slashed dates
        row("Tue, 2024/03/12 07:05:09 PST", utc(2024, 3, 12, 15, 5, 9));
        row("2024/09/22 11:23:59", utc(2024, 9, 22, 11, 23, 59), true);

        // W3C-DTF / ISO 8601 / RFC 3339
        row("2024-03-12T07:05:09Z", utc(2024, 3, 12, 7, 5, 9));
        row("2024-03-12t07:05:09z", utc(2024, 3, 12, 7, 5, 9));
        row("2024-03-12T07:05:09.250+05:30", utc(2024, 3, 12, 1, 35, 9, 250));
        row("2024-03-12T07:05:09.123456Z", utc(2024, 3, 12, 7, 5, 9, 123));
        row("2024-03-12T07:05:09,5Z", utc(2024, 3, 12, 7, 5, 9, 500));
        row("2024-03-12T07:05Z", utc(2024, 3, 12, 7, 5));
        row("2024-03-12T07:05:09+0100", utc(2024, 3, 12, 6, 5, 9));
        row("2024-03-12T07:05:09+01", utc(2024, 3, 12, 6, 5, 9));
        row("2024-03-12 07:05:09 +0000", utc(2024, 3, 12, 7, 5, 9));
        row("2024-03-12 07:05:09 GMT", utc(2024, 3, 12, 7, 5, 9));
        row("2024-03-12T23:50:00-00:20", utc(2024, 3, 13, 0, 10));
        row("1999-12-31T23:59:59+14:00", utc(1999, 12, 31, 9, 59, 59));
        row("2024-02-29T20:00:00-05:00", utc(2024, 3, 1, 1));
        row("2024-03-12", utc(2024, 3, 12), true);
        row("2024-03", utc(2024, 3, 1), true);
        row("2024", utc(2024, 1, 1), true);
        row("20240312T070509Z", utc(2024, 3, 12, 7, 5, 9));
        row("20240312", utc(2024, 3, 12), true);
        row("2024-072", utc(2024, 3, 12), true);
        row("2024072", utc(2024, 3, 12), true);
        row("2023-072T10:00Z", utc(2023, 3, 13, 10));
        row("24-03-12", utc(2024, 3, 12), true);
        row("240312", utc(2024, 3, 12), true);
        row("-2403", utc(2024, 3, 1), true);
        row("-24-03", utc(2024, 3, 1), true);
        row("07335", utc(2007, 12, 1), true);
        row("2007-011-05T10:00:00Z", utc(2007, 11, 5, 10)); // three-digit month, as feedparser
        row("2024-03-12 07:05:09.5", utc(2024, 3, 12, 7, 5, 9, 500), true);
        row("2024-03-12 11:05:09 PM", utc(2024, 3, 12, 23, 5, 9), true);
        row("2024-03-12 12:05:09 AM", utc(2024, 3, 12, 0, 5, 9), true);
        row("  2024-03-12T07:05:09Z\n", utc(2024, 3, 12, 7, 5, 9));

        // Chinese portals: no zone
        row("2024-09-22 11:23:59", utc(2024, 9, 22, 11, 23, 59), true);
        row("2024-09-22 11:23", utc(2024, 9, 22, 11, 23), true);
        row("2024年09月22日 11:23", utc(2024, 9, 22, 11, 23), true);

        // Korean (KST implied)
        row("2024-03-12 오전 09:15:00", utc(2024, 3, 12, 0, 15));
        row("2024-03-12 오후 12:30:00", utc(2024, 3, 12, 3, 30));
        row("2024-03-12 오후 8:30:00", utc(2024, 3, 12, 11, 30));
        row("2024-03-12 오전 12:10:00", utc(2024, 3, 11, 15, 10));
        row("2023년 12월 01일  08:00:00", utc(2023, 11, 30, 23));

        // Greek and Hungarian month names
        row("Παρ, 20 Δεκ 2024 18:00:00 +0200", utc(2024, 12, 20, 16));
        row("Τρί, 05 Μάρ 2024 10:00:00 GMT", utc(2024, 3, 5, 10));
        row("Δευ, 06 Μαΐου 2024 10:00:00 GMT", utc(2024, 5, 6, 10));
        row("2023-március-5T18:30+01:00", utc(2023, 3, 5, 17, 30));
        row("2023-december-24T8:00Z", utc(2023, 12, 24, 8));
        row("24 szept 2023 10:00:00 CET", utc(2023, 9, 24, 9));
    }
    void parses()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        QFETCH(bool, zoneless);
        const FeedDate date = parseFeedDate(text);
        QVERIFY2(date.utc.isValid(), "rejected");
        QCOMPARE(date.utc, expected);
        QCOMPARE(date.utc.timeSpec(), Qt::UTC);
        QCOMPARE(date.zoneless, zoneless);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("text");
        const char *const texts[] = {
            "",
            "   ",
            "yesterday",
            "not a date at all",
            "2024-03-12T25:00:00Z",
            "2024-03-12T10:60:00Z",
            "2024-03-12T10:00:61Z",
            "2024-02-30",
            "2023-02-29T00:00:00Z",
            "2023-366",
            "2024-13",
            "0000-01-01",
            "2024-03-12T10:00:00+05:00junk",
            "2024-03-12T10:00:00Zjunk",
            "2024-03-12T10:00:00+24:00",
            "2024-03-12T10:00:00+05:75",
            "2024-03-12T10:00:00+5:7",
            "2024-03-12T10:xx:00Z",
            "2024-03-12T10:00:00 (unclosed",
            "2024-03-12-07",
            "2024-03-12T",
            "2024-03-12 13:00:00 PM",
            "2024-03T10:00Z",
            "12345",
            "123",
            "1709000000",
            "Mon, 32 Jan 2024 10:00:00 GMT",
            "Mon, 01 Foo 2024 10:00:00 GMT",
            "Mon, Jan 2024 10:00:00 GMT",
            "Mon, 01 Jan 10:00:00 GMT",
            "Mon, 01 Jan 2024 10:00:00 +0a00",
            "Mon, 01 Jan 2024 10:00:00 +",
            "Mon, 01 Jan 2024 1:2:3:4 GMT",
            "Mon, 01 Jan 2024 10:00:00 GMT EST",
            "Mon, 01 Jan 2024 10:00:00 +0100 +0100",
            "Mon, 01 Jan 2024 10:00:00 +0100 NOPE",
            "Mon, 01 Jan 2024 10:00:00 J",
            "Mon, 01 Jan 2024 10:00:00 Etc/GMT+5",
            "Mon, 01 Jan 2024 10:00:00 lowercase",
            "Mon, 01 Jan 2024 10:00:00 TOOLONG",
            "Mon, 01 Jan 2024 10:00:00 10:00:00",
            "Mon, 01 Jan 2024 24:00:00 GMT",
            "Mon, 01 Jan 2024 10:00:00 GMT 2025",
            "Mon, 01 Jan 123 10:00:00 GMT",
            "Mon, 01 Jan 2024 10:00:00 @",
            "2024년 13월 01일 08:00:00",
        };
        for (const char *text : texts)
            QTest::newRow(*text ? text : "(empty)") << QString::fromUtf8(text);
    }
    void rejects()
    {
        QFETCH(QString, text);
        const FeedDate date = parseFeedDate(text);
        QVERIFY2(!date.utc.isValid(), qPrintable(date.utc.toString(Qt::ISODate)));
    }

    void zonelessTextTakesTheGivenZone()
    {
        const QTimeZone shanghai("Asia/Shanghai");
        QVERIFY(shanghai.isValid());
        FeedDate date = parseFeedDate(u"2024-09-22 11:23:59", shanghai);
        QVERIFY(date.zoneless);
        QCOMPARE(date.utc, utc(2024, 9, 22, 3, 23, 59));
        QCOMPARE(date.utc.timeSpec(), Qt::UTC);

        date = parseFeedDate(u"2024-09-22", shanghai);
        QVERIFY(date.zoneless);
        QCOMPARE(date.utc, utc(2024, 9, 21, 16));

        // Summer time of the given zone applies.
        const QTimeZone berlin("Europe/Berlin");
        QCOMPARE(parseFeedDate(u"2024-07-01 12:00:00", berlin).utc, utc(2024, 7, 1, 10));
        QCOMPARE(parseFeedDate(u"2024-01-01 12:00:00", berlin).utc, utc(2024, 1, 1, 11));
        QVERIFY(parseFeedDate(u"2024-03-31 02:30:00", berlin).utc.isValid()); // in the gap
    }
    void zoneInTheTextWins()
    {
        const QTimeZone shanghai("Asia/Shanghai");
        FeedDate date = parseFeedDate(u"2024-09-22T11:23:59Z", shanghai);
        QVERIFY(!date.zoneless);
        QCOMPARE(date.utc, utc(2024, 9, 22, 11, 23, 59));
        date = parseFeedDate(u"2024-03-12 오전 09:15:00", shanghai); // Korean: KST
        QVERIFY(!date.zoneless);
        QCOMPARE(date.utc, utc(2024, 3, 12, 0, 15));
    }
    void invalidZoneCountsAsUtc()
    {
        const FeedDate date = parseFeedDate(u"2024-09-22 11:23:59", QTimeZone());
        QVERIFY(date.zoneless);
        QCOMPARE(date.utc, utc(2024, 9, 22, 11, 23, 59));
    }
    void emptyIsInvalid()
    {
        const FeedDate date = parseFeedDate(QStringView());
        QVERIFY(!date.utc.isValid());
        QVERIFY(!date.zoneless);
    }
};

QTEST_GUILESS_MAIN(TestFeedDate)
#include "test_feed_date.moc"
