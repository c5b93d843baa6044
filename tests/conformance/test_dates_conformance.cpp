// feedparser's date vectors (tests/test_date_parsers.py, BSD-2-Clause), read at run time from
// the shared corpus. Every vector goes through parseFeedDate, whichever feedparser function it
// was written for; "expected_utc": null means the text must be rejected.

#include "feeds/FeedDate.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cstdio>

using namespace bs;

namespace
{

// feedparser's UTC time tuple: year, month, day, hour, minute, second, weekday (Monday 0),
// day of the year, isdst (always 0).
QList<int> timeTuple(const QDateTime &utc)
{
    const QDate d = utc.date();
    const QTime t = utc.time();
    return {d.year(),   d.month(),         d.day(),       t.hour(), t.minute(),
            t.second(), d.dayOfWeek() - 1, d.dayOfYear(), 0};
}

QList<int> expectedTuple(const QJsonValue &value)
{
    QList<int> tuple;
    for (const QJsonValue &field : value.toArray())
        tuple << field.toInt();
    return tuple;
}

QString describe(const QList<int> &tuple)
{
    if (tuple.isEmpty())
        return QStringLiteral("rejected");
    QStringList fields;
    for (int field : tuple)
        fields << QString::number(field);
    return fields.join(QLatin1Char(','));
}

} // namespace

class TestDatesConformance : public QObject
{
    Q_OBJECT
private slots:
    void feedparserDates()
    {
        const QString path = QStringLiteral(BROADSHEET_CORPUS_DIR "/feedparser/dates.json");
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            QSKIP(qPrintable(QStringLiteral("corpus not found: %1").arg(path)));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
        QVERIFY2(doc.isObject(), qPrintable(error.errorString()));
        const QJsonArray vectors = doc.object().value(QStringLiteral("vectors")).toArray();
        QVERIFY(!vectors.isEmpty());
        QCOMPARE(vectors.size(), doc.object().value(QStringLiteral("count")).toInt());

        int passed = 0;
        QStringList failures;
        for (const QJsonValue &entry : vectors) {
            const QJsonObject vector = entry.toObject();
            const QString input = vector.value(QStringLiteral("input")).toString();
            const QList<int> expected = expectedTuple(vector.value(QStringLiteral("expected_utc")));
            const FeedDate date = parseFeedDate(input);
            const QList<int> actual = date.utc.isValid() ? timeTuple(date.utc) : QList<int>();
            if (actual == expected)
                ++passed;
            else
                failures << QStringLiteral("  %1 \"%2\": expected %3, got %4")
                                .arg(vector.value(QStringLiteral("parser")).toString(), input,
                                     describe(expected), describe(actual));
        }
        std::printf("dates.json: %d/%d\n", passed, int(vectors.size()));
        std::fflush(stdout);
        QVERIFY2(failures.isEmpty(),
                 qPrintable(QStringLiteral("mismatches:\n") + failures.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestDatesConformance)
#include "test_dates_conformance.moc"
