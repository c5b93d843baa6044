#pragma once

// The pieces parseFeedDate is made of; nothing outside app/feeds/ needs them. Two readers fill
// DateFields from the text: readIso (W3C-DTF, ISO 8601, RFC 3339 and their lenient cousins) and
// readWords (RFC 822 and every format that names the month or orders the fields differently).
// parseFeedDate checks the ranges and converts to UTC.

#include "feeds/DateNames.h"

#include <QChar>
#include <QStringView>

namespace bs::datereaders
{

struct DateFields {
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int msec = 0;
    bool hasTime = false;
    bool hasZone = false;
    bool numericZone = false; // the zone was written as an offset
    int offsetSeconds = 0;
    datenames::Marker meridiem = datenames::Marker::None;
    bool korean = false; // Korean words: the text implies KST
    bool complete() const { return year != 0 && month != 0 && day != 0; }
};

enum class Outcome {
    Parsed,
    Invalid,     // the text has this shape but is wrong
    NotThisForm, // try the other reader
};

inline bool isDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}

inline bool isSpace(char16_t c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || (c >= 0x80 && QChar::isSpace(c));
}

inline bool isWordChar(char16_t c)
{
    if (c < 0x80)
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
    return QChar::isLetter(c) || QChar::isMark(c);
}

// Two-digit years as RFC 2822 section 4.3 reads them.
inline int fullYear(int value, int digits)
{
    return digits == 2 ? value + (value < 50 ? 2000 : 1900) : value;
}

class Scanner
{
public:
    explicit Scanner(QStringView text) : m_text(text) {}

    bool atEnd() const { return m_pos >= m_text.size(); }
    qsizetype pos() const { return m_pos; }
    void seek(qsizetype pos) { m_pos = pos; }
    char16_t peek(qsizetype ahead = 0) const
    {
        return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead].unicode() : u'\0';
    }
    void skip() { ++m_pos; }
    bool eat(char16_t c)
    {
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }
    bool skipSpaces()
    {
        const qsizetype from = m_pos;
        while (!atEnd() && isSpace(peek()))
            ++m_pos;
        return m_pos != from;
    }
    // A run of ASCII digits: returns how many, and their value when there are at most nine.
    int digits(int *value)
    {
        int n = 0;
        int v = 0;
        while (isDigit(peek())) {
            if (n < 9)
                v = v * 10 + (peek() - u'0');
            ++n;
            ++m_pos;
        }
        *value = v;
        return n;
    }
    QStringView word()
    {
        const qsizetype from = m_pos;
        while (!atEnd() && isWordChar(peek()))
            ++m_pos;
        return m_text.sliced(from, m_pos - from);
    }
    // An RFC 822 comment, "(CEST)"; nesting is not needed by any feed seen so far.
    bool skipComment()
    {
        while (!atEnd() && peek() != u')')
            ++m_pos;
        return eat(u')');
    }

private:
    QStringView m_text;
    qsizetype m_pos = 0;
};

// hh:mm[:ss][.fff] with one or two digits each; hhmm[ss][.fff] too when `basic` (after a T).
bool readTime(Scanner &sc, DateFields &f, bool basic);

// A numeric offset or a zone name ("GMT", "Etc/GMT", "GMT-01:01", "EST", "Z"). An unknown name
// counts as UTC when it stands apart (`spaced`) and looks like an abbreviation (3-5 capitals).
// A second zone is refused, except a known name after an offset ("-0500 EST").
bool readZone(Scanner &sc, DateFields &f, bool spaced);

// Texts that start with a digit or '-'. NotThisForm sends the text on to readWords.
Outcome readIso(QStringView text, DateFields &f);

// Everything else, token by token.
Outcome readWords(QStringView text, DateFields &f);

} // namespace bs::datereaders
