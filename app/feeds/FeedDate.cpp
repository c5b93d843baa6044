#include "feeds/FeedDate.h"

#include "feeds/DateReaders.h"

namespace bs
{

namespace
{

using namespace datereaders;
namespace names = datenames;

constexpr qint64 kEpochJulianDay = 2440588; // 1970-01-01
constexpr qint64 kMsecsPerDay = 86400000;

FeedDate finish(DateFields f, const QTimeZone &zonelessZone)
{
    if (f.meridiem != names::Marker::None) {
        if (f.hour < 1 || f.hour > 12)
            return {};
        f.hour = f.hour % 12 + (f.meridiem == names::Marker::Pm ? 12 : 0);
    }
    if (f.hour > 23 || f.minute > 59 || f.second > 60)
        return {};
    if (f.second == 60) // a leap second; QTime has none
        f.second = 59;
    if (f.year < 1 || !QDate::isValid(f.year, f.month, f.day))
        return {};
    if (f.korean && !f.hasZone) {
        f.hasZone = true;
        f.offsetSeconds = 9 * 3600;
    }
    const QDate date(f.year, f.month, f.day);
    const QTime time(f.hour, f.minute, f.second, f.msec);
    static const QTimeZone utc = QTimeZone::utc();
    const bool zoneless = !f.hasZone;
    if (zoneless && zonelessZone.isValid() && zonelessZone != utc) {
        const QDateTime local(date, time, zonelessZone);
        return {local.toUTC(), true};
    }
    const qint64 msecs = (date.toJulianDay() - kEpochJulianDay) * kMsecsPerDay +
                         time.msecsSinceStartOfDay() - qint64(f.offsetSeconds) * 1000;
    return {QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC), zoneless};
}

} // namespace

FeedDate parseFeedDate(QStringView text, const QTimeZone &zonelessZone)
{
    text = text.trimmed();
    if (text.isEmpty())
        return {};
    DateFields fields;
    Outcome outcome = Outcome::NotThisForm;
    if (isDigit(text.front().unicode()) || text.front() == u'-')
        outcome = readIso(text, fields);
    if (outcome == Outcome::NotThisForm) {
        fields = {};
        outcome = readWords(text, fields);
    }
    if (outcome != Outcome::Parsed)
        return {};
    return finish(fields, zonelessZone);
}

} // namespace bs
