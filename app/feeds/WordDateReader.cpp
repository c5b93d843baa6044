#include "feeds/DateReaders.h"

namespace bs::datereaders
{

namespace names = datenames;

namespace
{

// A number with a word right after it: "2004년", "05月", "1st".
bool readMarkedNumber(DateFields &f, int value, int digits, QStringView suffix)
{
    bool korean = false;
    switch (names::marker(suffix, &korean)) {
    case names::Marker::Year:
        if (f.year != 0 || (digits != 4 && digits != 2))
            return false;
        f.year = fullYear(value, digits);
        break;
    case names::Marker::Month:
        if (f.month != 0 || digits > 2)
            return false;
        f.month = value;
        break;
    case names::Marker::Day:
        if (f.day != 0 || digits > 2)
            return false;
        f.day = value;
        break;
    default: {
        static constexpr char16_t kOrdinals[][3] = {u"st", u"nd", u"rd", u"th"};
        bool ordinal = false;
        for (const char16_t *o : kOrdinals)
            ordinal = ordinal || suffix.compare(QStringView(o), Qt::CaseInsensitive) == 0;
        if (!ordinal || f.day != 0 || digits > 2)
            return false;
        f.day = value;
        return true;
    }
    }
    f.korean = f.korean || korean;
    return true;
}

// A number standing alone: a 4-digit year, the day, or a 2-digit year once the month is known.
bool readNumber(Scanner &sc, DateFields &f, int value, int digits)
{
    if (sc.eat(u'/')) { // Perforce: 2006/09/15
        if (digits != 4 || f.year != 0 || f.month != 0 || f.day != 0)
            return false;
        f.year = value;
        const int m = sc.digits(&f.month);
        if (m < 1 || m > 2 || !sc.eat(u'/'))
            return false;
        const int d = sc.digits(&f.day);
        return d == 1 || d == 2;
    }
    if (isWordChar(sc.peek()))
        return readMarkedNumber(f, value, digits, sc.word());
    if (digits == 4 && f.year == 0)
        f.year = value;
    else if ((digits == 1 || digits == 2) && f.day == 0)
        f.day = value;
    else if (digits == 2 && f.month != 0 && f.year == 0)
        f.year = fullYear(value, 2);
    else
        return false;
    return true;
}

} // namespace

// RFC 822 and relatives, read token by token: the fields may come in the orders
// "Thu, 01 Jan 2004 19:48:21 GMT", "Thu Aug 30 2012 17:26:16 +0200", "Sun Jan  4 16:29:06 2004",
// "Sun Jul 15 01:16:00 +0000 2012", "Sunday, 06-Nov-94 08:49:37 GMT", "2004년 05월 28일 01:31:15".
Outcome readWords(QStringView text, DateFields &f)
{
    Scanner sc(text);
    bool weekdaySeen = false;
    bool spaced = true;
    for (;;) {
        spaced = sc.skipSpaces() || spaced;
        if (sc.atEnd())
            break;
        const char16_t c = sc.peek();
        const qsizetype mark = sc.pos();
        if (c == u',') {
            sc.skip();
            spaced = true;
            continue;
        }
        if (c == u'(') {
            sc.skip();
            if (!sc.skipComment())
                return Outcome::Invalid;
            spaced = true;
            continue;
        }
        if (isDigit(c)) {
            int value = 0;
            const int digits = sc.digits(&value);
            if (sc.peek() == u':') {
                sc.seek(mark);
                if (f.hasTime || f.hasZone || !readTime(sc, f, false))
                    return Outcome::Invalid;
            } else if (!readNumber(sc, f, value, digits)) {
                return Outcome::Invalid;
            }
        } else if (c == u'-' && !f.hasTime && !f.hasZone) { // date separator, as in RFC 850
            sc.skip();
            spaced = true;
            continue;
        } else if (c == u'+' || c == u'-') {
            if (!f.hasTime || !readZone(sc, f, spaced))
                return Outcome::Invalid;
        } else if (isWordChar(c)) {
            const QStringView word = sc.word();
            bool korean = false;
            const int month = f.month == 0 ? names::month(word) : 0;
            if (month != 0) {
                f.month = month;
            } else if (!weekdaySeen && !f.complete() && !f.hasTime && names::isWeekday(word)) {
                weekdaySeen = true;
            } else if (const names::Marker m = names::marker(word, &korean);
                       names::isMeridiem(m) && f.meridiem == names::Marker::None) {
                f.meridiem = m;
                f.korean = f.korean || korean;
            } else {
                sc.seek(mark);
                if (!(f.hasTime || f.complete()) || !readZone(sc, f, spaced))
                    return Outcome::Invalid;
            }
            sc.eat(u'.'); // "Dec.", "Sept."
        } else {
            return Outcome::Invalid;
        }
        spaced = false;
    }
    return f.complete() ? Outcome::Parsed : Outcome::Invalid;
}

} // namespace bs::datereaders
