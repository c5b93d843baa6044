#include "feeds/DateReaders.h"

#include <QDate>

namespace bs::datereaders
{

namespace names = datenames;

namespace
{

bool setOrdinal(DateFields &f, int dayOfYear)
{
    const QDate date = QDate(f.year, 1, 1).addDays(dayOfYear - 1);
    if (dayOfYear < 1 || date.year() != f.year)
        return false;
    f.month = date.month();
    f.day = date.day();
    return true;
}

// After "YYYY-" or "YY-": MM, MM-DD, DDD, a month name ("2004-július-13") or feedparser's
// "2003-012-31" (a month written with three digits).
Outcome readIsoMonthDay(Scanner &sc, DateFields &f, bool *partial)
{
    if (isWordChar(sc.peek())) {
        f.month = names::month(sc.word());
        if (f.month == 0 || !sc.eat(u'-'))
            return Outcome::NotThisForm;
        const int n = sc.digits(&f.day);
        return n == 1 || n == 2 ? Outcome::Parsed : Outcome::NotThisForm;
    }
    int value = 0;
    const bool leadingZero = sc.peek() == u'0';
    const int n = sc.digits(&value);
    if (n == 3 && !(leadingZero && sc.peek() == u'-'))
        return setOrdinal(f, value) ? Outcome::Parsed : Outcome::Invalid;
    if (n != 2 && n != 3)
        return Outcome::NotThisForm;
    f.month = value;
    if (n == 2 && !sc.eat(u'-')) {
        *partial = true;
        f.day = 1;
        return Outcome::Parsed;
    }
    sc.eat(u'-');
    return sc.digits(&f.day) == 2 ? Outcome::Parsed : Outcome::NotThisForm;
}

// The date part of ISO 8601. `partial`: the text gave no day, so no time may follow.
Outcome readIsoDate(Scanner &sc, DateFields &f, bool *partial)
{
    int value = 0;
    if (sc.eat(u'-')) { // ISO 8601:1988 truncated -YYMM and -YY-MM
        *partial = true;
        f.day = 1;
        const int n = sc.digits(&value);
        if (n == 4) {
            f.year = fullYear(value / 100, 2);
            f.month = value % 100;
            return Outcome::Parsed;
        }
        f.year = fullYear(value, 2);
        return n == 2 && sc.eat(u'-') && sc.digits(&f.month) == 2 ? Outcome::Parsed
                                                                  : Outcome::NotThisForm;
    }
    const bool leadingZero = sc.peek() == u'0';
    switch (sc.digits(&value)) {
    case 8: // YYYYMMDD
        f.year = value / 10000;
        f.month = value / 100 % 100;
        f.day = value % 100;
        return Outcome::Parsed;
    case 7: // YYYYDDD
        f.year = value / 1000;
        return setOrdinal(f, value % 1000) ? Outcome::Parsed : Outcome::Invalid;
    case 6: // YYMMDD
        f.year = fullYear(value / 10000, 2);
        f.month = value / 100 % 100;
        f.day = value % 100;
        return Outcome::Parsed;
    case 5: // YYDDD. Five unsigned digits could also be a year past 9999, which is not a date;
            // only the zero-padded form ("03335") cannot be one.
        if (!leadingZero)
            return Outcome::NotThisForm;
        f.year = fullYear(value / 1000, 2);
        return setOrdinal(f, value % 1000) ? Outcome::Parsed : Outcome::Invalid;
    case 4:
        f.year = value;
        if (sc.eat(u'-'))
            return readIsoMonthDay(sc, f, partial);
        *partial = true;
        f.month = 1;
        f.day = 1;
        return Outcome::Parsed;
    case 2: // YY-MM-DD, YY-DDD
        f.year = fullYear(value, 2);
        if (!sc.eat(u'-'))
            return Outcome::NotThisForm;
        if (const Outcome r = readIsoMonthDay(sc, f, partial); r != Outcome::Parsed || !*partial)
            return r;
        return Outcome::NotThisForm; // YY-MM is too little to tell
    default:
        return Outcome::NotThisForm;
    }
}

// What may follow an ISO time: AM/PM, one zone, an RFC 822 comment, spaces.
Outcome readIsoTail(Scanner &sc, DateFields &f)
{
    for (;;) {
        const bool spaced = sc.skipSpaces();
        if (sc.atEnd())
            return Outcome::Parsed;
        if (sc.eat(u'(')) {
            if (!sc.skipComment())
                return Outcome::Invalid;
            continue;
        }
        const qsizetype mark = sc.pos();
        bool korean = false;
        const names::Marker m = names::marker(sc.word(), &korean);
        if (names::isMeridiem(m) && f.meridiem == names::Marker::None && spaced) {
            f.meridiem = m;
            continue;
        }
        sc.seek(mark);
        if (!readZone(sc, f, spaced))
            return Outcome::Invalid;
    }
}

} // namespace

Outcome readIso(QStringView text, DateFields &f)
{
    Scanner sc(text);
    bool partial = false;
    if (const Outcome r = readIsoDate(sc, f, &partial); r != Outcome::Parsed)
        return r;
    if (sc.atEnd())
        return Outcome::Parsed;
    if (partial)
        return Outcome::NotThisForm;
    const bool afterT = sc.eat(u'T') || sc.eat(u't');
    if (!afterT) {
        if (!sc.skipSpaces())
            return Outcome::NotThisForm;
        // Nate: "2004-05-25 오후 11:23:17"
        const qsizetype mark = sc.pos();
        bool korean = false;
        const names::Marker m = names::marker(sc.word(), &korean);
        if (korean && names::isMeridiem(m) && sc.skipSpaces()) {
            f.meridiem = m;
            f.korean = true;
        } else {
            sc.seek(mark);
        }
    }
    if (!readTime(sc, f, afterT))
        return Outcome::Invalid;
    return readIsoTail(sc, f);
}

} // namespace bs::datereaders
