#pragma once

#include <QDateTime>
#include <QString>
#include <QStringView>
#include <QUrl>

namespace bs::pages
{

// How the dates of one page are read: the fetch time (for "3小时前", "yesterday" and dates
// without a year) and the page's zone offset (seconds east of UTC) for times it writes without
// one. dayFirst: "01/02/2024" is 1 February (false: 2 January, the US order).
struct DateContext {
    QDateTime now;
    int offsetSecs = 0;
    bool dayFirst = true;
};

// A date found in a list item's text.
struct TextDate {
    QDateTime when; // in the page's offset; a date without a time is 12:00 UTC that day
    qsizetype position = -1;
    qsizetype length = 0;
    bool valid() const { return when.isValid(); }
};

// The first date written in `text`: 2024-09-21, 2024/9/21, 2024.09.21, 2024年9月21日, 9月21日,
// 21.09.2024, 09/21/2024, "Sep 21, 2024", "21 September 2024", "21 de septiembre de 2024",
// "21 сентября 2024" and other month names (English, German, French, Spanish, Portuguese,
// Italian, Dutch, Polish, Russian, Arabic, Hebrew), "09-21" (this year), an optional time
// after it, and relative forms ("3小时前", "昨天 14:20", "2 hours ago", "vor 2 Stunden",
// "2 часа назад", "3시간 전", "il y a 2 heures", "hace 2 horas"). Arabic-Indic and full-width
// digits count. Dates later than a day after `now` are refused (a year-less date falls back a
// year).
TextDate findDate(QStringView text, const DateContext &context);

// A date in an address: /2024/09/21/, /2024-09-21/, /20240921/, t20240921_, /202409/21/.
QDate dateInUrl(const QUrl &url);

// A machine-readable date (a <time datetime> value, ISO 8601 or RFC 822).
QDateTime parseMachineDate(QStringView text, const DateContext &context);

// A date-only value as stored: 12:00 UTC that day (the same day in every zone within ±12 h).
QDateTime dayOnly(const QDate &date);

} // namespace bs::pages
