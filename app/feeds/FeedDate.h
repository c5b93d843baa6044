#pragma once

#include <QDateTime>
#include <QStringView>
#include <QTimeZone>

namespace bs
{

struct FeedDate {
    QDateTime utc;         // invalid when the text could not be parsed
    bool zoneless = false; // the text carried no zone; `utc` assumed the zone given below
};

// Parses a date as feeds write them. Never throws; unparseable text gives an invalid utc.
//
// Accepted: RFC 822/1123/2822 (with or without weekday, 2-digit years, obsolete, military and
// common named zones, "GMT+08:00", missing seconds or time, full month names), RFC 850,
// asctime and its Twitter variant, JavaScript's Date.toString, W3C-DTF / ISO 8601 / RFC 3339
// (partial, ordinal, basic and 2-digit-year forms, fractions, a space for the T), Perforce
// "2006/09/15", Korean (Nate, OnBlog; these imply KST), CJK "2024年09月22日", Greek and Hungarian
// month names. Two-digit years follow RFC 2822: 00-49 are 20xx, 50-99 are 19xx. A zone name that
// is unknown but looks like one (3-5 capitals after a space) counts as UTC, as feedparser does.
FeedDate parseFeedDate(QStringView text, const QTimeZone &zonelessZone = QTimeZone::utc());

} // namespace bs
