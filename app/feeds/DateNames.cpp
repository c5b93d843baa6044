#include "feeds/DateNames.h"

#include <QString>

#include <string_view>

namespace bs::datenames
{

namespace
{

constexpr qsizetype kMaxWord = 24;

// Lower case without accents, so that "Ιούλ" reads "ιουλ" and "július" reads "julius".
// Returns the length, or -1 when the word is too long to be a name.
qsizetype fold(QStringView word, char16_t (&out)[kMaxWord])
{
    qsizetype n = 0;
    for (const QChar ch : word) {
        char32_t c = ch.unicode();
        if (c < 0x80) {
            if (c >= u'A' && c <= u'Z')
                c += u'a' - u'A';
        } else if (c < 0x400) { // Latin and Greek; Hangul and CJK stay as written
            if (QChar::isMark(c))
                continue; // accents of decomposed text
            c = QChar::toLower(c);
            while (QChar::decompositionTag(c) == QChar::Canonical)
                c = QChar::decomposition(c).at(0).unicode(); // rare: accented letters only
            if (c == U'ς')
                c = U'σ';
        }
        if (n == kMaxWord)
            return -1;
        out[n++] = char16_t(c);
    }
    return n;
}

struct Name {
    std::u16string_view text;
    int value;
};

// Nominative and genitive Greek forms both, since abbreviations are prefixes of either.
constexpr Name kMonths[] = {
    {u"january", 1},     {u"february", 2},    {u"march", 3},       {u"april", 4},
    {u"may", 5},         {u"june", 6},        {u"july", 7},        {u"august", 8},
    {u"september", 9},   {u"october", 10},    {u"november", 11},   {u"december", 12},
    {u"januar", 1},      {u"februar", 2},     {u"marcius", 3},     {u"aprilis", 4},
    {u"majus", 5},       {u"junius", 6},      {u"julius", 7},      {u"augusztus", 8},
    {u"szeptember", 9},  {u"oktober", 10},    {u"ιανουαριος", 1},  {u"ιανουαριου", 1},
    {u"φεβρουαριος", 2}, {u"φεβρουαριου", 2}, {u"μαρτιος", 3},     {u"μαρτιου", 3},
    {u"απριλιος", 4},    {u"απριλιου", 4},    {u"μαιος", 5},       {u"μαιου", 5},
    {u"ιουνιος", 6},     {u"ιουνιου", 6},     {u"ιουλιος", 7},     {u"ιουλιου", 7},
    {u"αυγουστος", 8},   {u"αυγουστου", 8},   {u"σεπτεμβριος", 9}, {u"σεπτεμβριου", 9},
    {u"οκτωβριος", 10},  {u"οκτωβριου", 10},  {u"νοεμβριος", 11},  {u"νοεμβριου", 11},
    {u"δεκεμβριος", 12}, {u"δεκεμβριου", 12},
};

constexpr std::u16string_view kWeekdays[] = {
    u"monday",  u"tuesday", u"wednesday", u"thursday", u"friday",    u"saturday", u"sunday",
    u"δευτερα", u"τριτη",   u"τεταρτη",   u"πεμπτη",   u"παρασκευη", u"σαββατο",  u"κυριακη",
};

// A name written in full or cut to three letters or more ("Sept", "Ιούλ", "márc").
bool abbreviates(std::u16string_view word, std::u16string_view name)
{
    return word.size() >= 3 && word[0] == name[0] && name.starts_with(word);
}

struct Zone {
    std::string_view name;
    int minutes;
};

// Upper case. Where an abbreviation is ambiguous, the reading of RFC 822 and feedparser wins
// (CST is US Central, not China; IST is India).
constexpr Zone kZones[] = {
    {"UT", 0},      {"UTC", 0},     {"GMT", 0},    {"UCT", 0},    {"WET", 0},    {"WEST", 60},
    {"BST", 60},    {"CET", 60},    {"CEST", 120}, {"MET", 60},   {"MEST", 120}, {"MEZ", 60},
    {"MESZ", 120},  {"EET", 120},   {"EEST", 180}, {"MSK", 180},  {"IST", 330},  {"PKT", 300},
    {"ICT", 420},   {"WIB", 420},   {"BJT", 480},  {"HKT", 480},  {"SGT", 480},  {"PHT", 480},
    {"AWST", 480},  {"JST", 540},   {"KST", 540},  {"ACST", 570}, {"ACDT", 630}, {"AEST", 600},
    {"AEDT", 660},  {"NZST", 720},  {"NZDT", 780}, {"AT", -240},  {"AST", -240}, {"ADT", -180},
    {"ET", -300},   {"EST", -300},  {"EDT", -240}, {"CT", -360},  {"CST", -360}, {"CDT", -300},
    {"MT", -420},   {"MST", -420},  {"MDT", -360}, {"PT", -480},  {"PST", -480}, {"PDT", -420},
    {"AKST", -540}, {"AKDT", -480}, {"HST", -600}, {"NST", -210}, {"NDT", -150},
};

// ASCII upper case of a short word into `out`; false when it is longer or not ASCII letters.
bool upperAscii(QStringView word, char (&out)[6], qsizetype *length)
{
    if (word.isEmpty() || word.size() > 5)
        return false;
    for (qsizetype i = 0; i < word.size(); ++i) {
        char16_t c = word[i].unicode();
        if (c >= u'a' && c <= u'z')
            c -= u'a' - u'A';
        if (c < u'A' || c > u'Z')
            return false;
        out[i] = char(c);
    }
    *length = word.size();
    return true;
}

} // namespace

int month(QStringView word)
{
    char16_t buffer[kMaxWord];
    const qsizetype n = fold(word, buffer);
    if (n < 3)
        return 0;
    const std::u16string_view folded(buffer, size_t(n));
    for (const Name &m : kMonths)
        if (abbreviates(folded, m.text))
            return m.value;
    return 0;
}

bool isWeekday(QStringView word)
{
    char16_t buffer[kMaxWord];
    const qsizetype n = fold(word, buffer);
    if (n < 3)
        return false;
    const std::u16string_view folded(buffer, size_t(n));
    for (const std::u16string_view day : kWeekdays)
        if (abbreviates(folded, day))
            return true;
    return false;
}

Marker marker(QStringView word, bool *korean)
{
    *korean = false;
    if (word.size() == 2 && word.compare(u"am", Qt::CaseInsensitive) == 0)
        return Marker::Am;
    if (word.size() == 2 && word.compare(u"pm", Qt::CaseInsensitive) == 0)
        return Marker::Pm;
    struct Cjk {
        std::u16string_view text;
        Marker marker;
        bool korean;
    };
    static constexpr Cjk kCjk[] = {
        {u"오전", Marker::Am, true},   {u"오후", Marker::Pm, true}, {u"년", Marker::Year, true},
        {u"월", Marker::Month, true},  {u"일", Marker::Day, true},  {u"年", Marker::Year, false},
        {u"月", Marker::Month, false}, {u"日", Marker::Day, false},
    };
    const std::u16string_view w(word.utf16(), size_t(word.size()));
    for (const Cjk &c : kCjk) {
        if (w == c.text) {
            *korean = c.korean;
            return c.marker;
        }
    }
    return Marker::None;
}

bool zoneOffset(QStringView name, int *seconds)
{
    char upper[6];
    qsizetype n = 0;
    if (!upperAscii(name, upper, &n))
        return false;
    if (n == 1) { // RFC 822 military zones, with RFC 822's signs: A is -1, N is +1
        const char c = upper[0];
        if (c == 'J')
            return false;
        const int hours = c == 'Z'   ? 0
                          : c < 'J'  ? -(c - 'A' + 1)
                          : c <= 'M' ? -(c - 'A')
                                     : c - 'N' + 1;
        *seconds = hours * 3600;
        return true;
    }
    const std::string_view key(upper, size_t(n));
    for (const Zone &z : kZones) {
        if (z.name == key) {
            *seconds = z.minutes * 60;
            return true;
        }
    }
    return false;
}

bool isUniversalZone(QStringView name)
{
    return name.compare(u"GMT", Qt::CaseInsensitive) == 0 ||
           name.compare(u"UTC", Qt::CaseInsensitive) == 0 ||
           name.compare(u"UT", Qt::CaseInsensitive) == 0;
}

} // namespace bs::datenames
