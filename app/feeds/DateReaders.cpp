#include "feeds/DateReaders.h"

namespace bs::datereaders
{

namespace names = datenames;

namespace
{

// After the sign: hh, h, hhmm, hh:mm or h:mm.
bool readOffset(Scanner &sc, bool negative, int *seconds)
{
    int value = 0;
    int hours = 0;
    int minutes = 0;
    const int n = sc.digits(&value);
    if (n == 1 || n == 2) {
        hours = value;
        if (sc.eat(u':') && sc.digits(&minutes) != 2)
            return false;
    } else if (n == 4) {
        hours = value / 100;
        minutes = value % 100;
    } else {
        return false;
    }
    if (hours > 23 || minutes > 59)
        return false;
    *seconds = (negative ? -1 : 1) * (hours * 3600 + minutes * 60);
    return true;
}

} // namespace

bool readTime(Scanner &sc, DateFields &f, bool basic)
{
    int value = 0;
    const int n = sc.digits(&value);
    bool withSeconds = false;
    if (n == 1 || n == 2) {
        f.hour = value;
        if (!sc.eat(u':'))
            return false;
        const int m = sc.digits(&f.minute);
        if (m < 1 || m > 2)
            return false;
        if (sc.eat(u':')) {
            const int s = sc.digits(&f.second);
            if (s < 1 || s > 2)
                return false;
            withSeconds = true;
        }
    } else if (basic && (n == 4 || n == 6)) {
        withSeconds = n == 6;
        if (withSeconds) {
            f.second = value % 100;
            value /= 100;
        }
        f.hour = value / 100;
        f.minute = value % 100;
    } else {
        return false;
    }
    if (withSeconds && (sc.peek() == u'.' || sc.peek() == u',') && isDigit(sc.peek(1))) {
        sc.skip();
        int scale = 100;
        while (isDigit(sc.peek())) {
            f.msec += (sc.peek() - u'0') * scale;
            scale /= 10;
            sc.skip();
        }
    }
    f.hasTime = true;
    return sc.peek() != u':'; // "1:2:3:4"
}

bool readZone(Scanner &sc, DateFields &f, bool spaced)
{
    const char16_t sign = sc.peek();
    if (sign == u'+' || sign == u'-') {
        if (f.hasZone)
            return false;
        f.hasZone = f.numericZone = true;
        sc.skip();
        return readOffset(sc, sign == u'-', &f.offsetSeconds);
    }
    const QStringView name = sc.word();
    if (f.hasZone) { // "+0100 CET": the name repeats the offset, which wins
        int ignored = 0;
        return f.numericZone && spaced && names::zoneOffset(name, &ignored);
    }
    f.hasZone = true;
    if (name.compare(u"Etc", Qt::CaseInsensitive) == 0 && sc.eat(u'/'))
        return names::isUniversalZone(sc.word()); // Etc/GMT+5 means UTC-5: not accepted
    if (names::zoneOffset(name, &f.offsetSeconds)) {
        const char16_t next = sc.peek();
        if (names::isUniversalZone(name) && (next == u'+' || next == u'-') && isDigit(sc.peek(1))) {
            sc.skip();
            return readOffset(sc, next == u'-', &f.offsetSeconds);
        }
        return true;
    }
    if (!spaced || name.size() < 3 || name.size() > 5)
        return false;
    for (const QChar c : name)
        if (c.unicode() < u'A' || c.unicode() > u'Z')
            return false;
    f.offsetSeconds = 0;
    return true;
}

} // namespace bs::datereaders
