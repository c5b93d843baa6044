#pragma once

#include <QStringView>

// Word tables for parseFeedDate: month, weekday, meridiem and zone names.
namespace bs::datenames
{

// 1-12 for a month name or an abbreviation of at least three letters (English, Hungarian,
// Greek; case and accents ignored), else 0.
int month(QStringView word);

// A weekday name or an abbreviation of at least three letters (English, Greek).
bool isWeekday(QStringView word);

enum class Marker { None, Am, Pm, Year, Month, Day };

// Words that mark a number or a time: AM/PM, Korean 오전/오후, the CJK and Korean
// year/month/day suffixes. `korean` tells a Korean word (the text then implies KST).
Marker marker(QStringView word, bool *korean);

inline bool isMeridiem(Marker m)
{
    return m == Marker::Am || m == Marker::Pm;
}

// Seconds east of UTC for a zone name: RFC 822 (including military letters, with RFC 822's
// signs), the lenient US forms feedparser accepts (AT, ET, CT, MT, PT) and common
// abbreviations. False when the name is unknown.
bool zoneOffset(QStringView name, int *seconds);

// GMT, UT, UTC, Z: names that may be followed by an offset ("GMT+8", "UTC-05:00").
bool isUniversalZone(QStringView name);

} // namespace bs::datenames
