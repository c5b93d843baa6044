#include "pages/ListDates.h"

#include "feeds/FeedDate.h"

#include <QHash>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <array>

namespace bs::pages
{

namespace
{

// Arabic-Indic, extended Arabic-Indic and full-width digits as ASCII (one unit each, so
// positions stay the same).
QString asciiDigits(QStringView text)
{
    QString out = text.toString();
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if (u >= 0x0660 && u <= 0x0669)
            c = QChar(u - 0x0660 + '0');
        else if (u >= 0x06F0 && u <= 0x06F9)
            c = QChar(u - 0x06F0 + '0');
        else if (u >= 0xFF10 && u <= 0xFF19)
            c = QChar(u - 0xFF10 + '0');
        else if (u == 0xFF1A)
            c = QLatin1Char(':');
        else if (u == 0xFF0D || u == 0x2010 || u == 0x2011)
            c = QLatin1Char('-');
    }
    return out;
}

bool hasAsciiDigit(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(),
                       [](QChar c) { return c.unicode() >= '0' && c.unicode() <= '9'; });
}

const QHash<QString, int> &monthNames()
{
    static const QHash<QString, int> names = [] {
        QHash<QString, int> h;
        const auto add = [&h](int month, std::initializer_list<const char *> words) {
            for (const char *w : words)
                h.insert(QString::fromUtf8(w), month);
        };
        // English, German, French, Spanish, Portuguese, Italian, Dutch, Polish, Russian,
        // Ukrainian, Turkish, Arabic (Egyptian and Levantine), Hebrew.
        add(1, {"january",  "jan",     "januar",       "jänner",  "janvier", "janv",
                "enero",    "ene",     "janeiro",      "gennaio", "gen",     "januari",
                "stycznia", "styczeń", "января",       "январь",  "янв",     "січня",
                "ocak",     "يناير",   "كانون الثاني", "ינואר"});
        add(2,
            {"february",  "feb",    "februar",  "février",  "fevrier", "févr", "fevr",    "febrero",
             "fevereiro", "fev",    "febbraio", "februari", "lutego",  "luty", "февраля", "февраль",
             "фев",       "лютого", "şubat",    "subat",    "فبراير",  "شباط", "פברואר"});
        add(3, {"march", "mar",     "märz",  "maerz", "mrz",   "mär",    "mars",  "marzo",
                "março", "marco",   "maart", "mrt",   "marca", "marzec", "марта", "март",
                "мар",   "березня", "mart",  "مارس",  "آذار",  "מרץ"});
        add(4, {"april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecień",
                "апреля", "апрель", "апр", "квітня", "nisan", "أبريل", "ابريل", "إبريل", "نيسان",
                "אפריל"});
        add(5, {"may", "mai", "mayo", "maio", "maggio", "mag", "mei", "maja", "maj", "мая", "май",
                "травня", "mayıs", "mayis", "مايو", "أيار", "ايار", "מאי"});
        add(6, {"june", "jun", "juni", "juin", "junio", "junho", "giugno", "giu", "czerwca",
                "czerwiec", "июня", "июнь", "июн", "червня", "haziran", "يونيو", "حزيران", "יוני"});
        add(7,
            {"july", "jul", "juli", "juillet", "juil", "julio", "julho", "luglio", "lug", "lipca",
             "lipiec", "июля", "июль", "июл", "липня", "temmuz", "يوليو", "تموز", "יולי"});
        add(8, {"august", "aug", "août", "aout", "agosto", "ago", "augustus", "sierpnia",
                "sierpień", "августа", "август", "авг", "серпня", "ağustos", "agustos", "أغسطس",
                "اغسطس", "آب", "אוגוסט"});
        add(9, {"september", "sep",       "sept",     "septembre", "septiembre", "setiembre",
                "setembro",  "settembre", "września", "wrzesień",  "сентября",   "сентябрь",
                "сен",       "сент",      "вересня",  "eylül",     "eylul",      "سبتمبر",
                "أيلول",     "ايلول",     "ספטמבר"});
        add(10,
            {"october", "oct",  "oktober",      "okt",         "octobre",     "octubre", "outubro",
             "ottobre", "ott",  "października", "październik", "октября",     "октябрь", "окт",
             "жовтня",  "ekim", "أكتوبر",       "اكتوبر",      "تشرين الأول", "אוקטובר"});
        add(11, {"november", "nov", "novembre", "noviembre", "novembro", "listopada", "listopad",
                 "ноября", "ноябрь", "ноя", "листопада", "kasım", "kasim", "نوفمبر", "تشرين الثاني",
                 "נובמבר"});
        add(12, {"december", "dec",       "dezember",    "dez",      "décembre", "decembre",
                 "déc",      "diciembre", "dic",         "dezembro", "dicembre", "grudnia",
                 "grudzień", "декабря",   "декабрь",     "дек",      "грудня",   "aralık",
                 "aralik",   "ديسمبر",    "كانون الأول", "דצמבר"});
        return h;
    }();
    return names;
}

// Words that read as a month only beside a year ("set", "out" are common words elsewhere).
bool needsYear(const QString &word)
{
    return word == QLatin1String("set") || word == QLatin1String("out") ||
           word == QLatin1String("mar") || word == QLatin1String("may") ||
           word == QLatin1String("mai") || word == QLatin1String("gen") ||
           word == QLatin1String("ago") || word == QLatin1String("dic") ||
           word == QLatin1String("mag") || word == QLatin1String("ott");
}

int monthOf(QString word)
{
    word = word.toLower();
    if (word.endsWith(QLatin1Char('.')))
        word.chop(1);
    const auto &names = monthNames();
    auto it = names.constFind(word);
    if (it != names.cend())
        return *it;
    // Hebrew "בספטמבר" (in September), Arabic "بسبتمبر".
    if (word.size() > 3 && (word.startsWith(QChar(0x05D1)) || word.startsWith(QChar(0x0628)))) {
        it = names.constFind(word.mid(1));
        if (it != names.cend())
            return *it;
    }
    return 0;
}

struct Candidate {
    QDate date;
    int hour = -1;
    int minute = 0;
    qsizetype position = -1;
    qsizetype length = 0;
    bool yearGiven = true;
};

const QRegularExpression &timeAfter()
{
    static const QRegularExpression re(QStringLiteral(
        "^[\\s,]*(?:at\\s+|um\\s+|à\\s+|a las\\s+|в\\s+|T)?(\\d{1,2}):(\\d{2})(?::\\d{2})?"
        "(?:\\s*([AaPp])\\.?[Mm]\\.?)?"));
    return re;
}

void readTime(const QString &text, Candidate &c)
{
    const QRegularExpressionMatch m =
        timeAfter().match(QStringView(text).mid(c.position + c.length));
    if (!m.hasMatch())
        return;
    int hour = m.capturedView(1).toInt();
    const int minute = m.capturedView(2).toInt();
    const QStringView meridiem = m.capturedView(3);
    if (!meridiem.isEmpty()) {
        const bool pm = meridiem.compare(QLatin1String("p"), Qt::CaseInsensitive) == 0;
        if (hour == 12)
            hour = pm ? 12 : 0;
        else if (pm)
            hour += 12;
    }
    if (hour > 23 || minute > 59)
        return;
    c.hour = hour;
    c.minute = minute;
    c.length += m.capturedLength(0);
}

bool plausibleYear(int year, const DateContext &context)
{
    const int now = context.now.isValid() ? context.now.date().year() : 2100;
    return year >= 1990 && year <= now + 1;
}

QDate makeDate(int year, int month, int day)
{
    return QDate(year, month, day); // invalid when out of range
}

void consider(Candidate &best, Candidate c)
{
    if (!c.date.isValid())
        return;
    if (best.position < 0 || c.position < best.position)
        best = c;
}

// Dates with a year given: numeric, CJK and month-name forms.
Candidate fullDates(const QString &text, const DateContext &context)
{
    static const QRegularExpression ymd(
        QStringLiteral("(?<![\\d.])((?:19|20)\\d{2})\\s*(?:[-/.]|年|년\\s*)\\s*(\\d{1,2})\\s*(?:[-/"
                       ".]|月|월\\s*)\\s*"
                       "(\\d{1,2})(?:\\s*[日일])?(?![\\d])"));
    static const QRegularExpression dmy(
        QStringLiteral("(?<![\\d.])(\\d{1,2})([./-])(\\d{1,2})\\2((?:19|20)\\d{2})(?!\\d)"));
    static const QRegularExpression dayMonthYear(
        QStringLiteral("(?<![\\d])(\\d{1,2})(?:st|nd|rd|th|er|\\.|º)?\\s*(?:de\\s+)?(\\p{L}+\\.?(?:"
                       "\\s(?:الثاني|الأول))?)"
                       ",?\\s*(?:de\\s+|del\\s+)?((?:19|20)\\d{2})?(?![\\d])"));
    static const QRegularExpression monthDayYear(
        QStringLiteral("(?<!\\p{L})(\\p{L}+\\.?)\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s*((?:"
                       "19|20)\\d{2})(?!\\d))?"));
    static const QRegularExpression dmyShort(
        QStringLiteral("(?<![\\d.:/])(\\d{1,2})([./])(\\d{1,2})\\2(\\d{2})(?![\\d.:/])"));
    // Taiwan's Minguo years (115.03.19 is 2026-03-19) on Chinese pages.
    static const QRegularExpression minguo(
        QStringLiteral("(?<![\\d.])(1[01]\\d)([./-])(\\d{1,2})\\2(\\d{1,2})(?![\\d.])"));
    Candidate best;
    if (context.offsetSecs == 8 * 3600)
        for (auto it = minguo.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            const QDate date = makeDate(1911 + m.capturedView(1).toInt(), m.capturedView(3).toInt(),
                                        m.capturedView(4).toInt());
            consider(best, Candidate{date, -1, 0, m.capturedStart(0), m.capturedLength(0)});
            break;
        }
    for (auto it = dmyShort.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const int year = 2000 + m.capturedView(4).toInt();
        if (!plausibleYear(year, context))
            continue;
        const int a = m.capturedView(1).toInt();
        const int b = m.capturedView(3).toInt();
        const bool dayFirst = m.capturedView(2) == QLatin1String(".") || context.dayFirst || a > 12;
        const QDate date = dayFirst ? makeDate(year, b, a) : makeDate(year, a, b);
        consider(best, Candidate{date, -1, 0, m.capturedStart(0), m.capturedLength(0)});
        break;
    }
    for (auto it = ymd.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const int year = m.capturedView(1).toInt();
        if (!plausibleYear(year, context))
            continue;
        Candidate c{makeDate(year, m.capturedView(2).toInt(), m.capturedView(3).toInt()), -1, 0,
                    m.capturedStart(0), m.capturedLength(0)};
        consider(best, c);
        break;
    }
    for (auto it = dmy.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const int year = m.capturedView(4).toInt();
        if (!plausibleYear(year, context))
            continue;
        int a = m.capturedView(1).toInt();
        int b = m.capturedView(3).toInt();
        const bool slash = m.capturedView(2) == QLatin1String("/");
        int day = a, month = b;
        if (a > 12 || (!slash && b <= 12) || (slash && context.dayFirst && b <= 12))
            day = a, month = b;
        else
            day = b, month = a;
        Candidate c{makeDate(year, month, day), -1, 0, m.capturedStart(0), m.capturedLength(0)};
        consider(best, c);
        break;
    }
    // Month names: the first match whose word is a month (day and month in either order).
    const auto monthName = [&](const QRegularExpression &re, int dayGroup, int wordGroup) {
        for (auto it = re.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            const QString word = m.captured(wordGroup);
            const int month = monthOf(word);
            if (!month)
                continue;
            const bool hasYear = m.capturedLength(3) > 0;
            if (!hasYear && needsYear(word.toLower()))
                continue;
            const int year = hasYear ? m.capturedView(3).toInt() : context.now.date().year();
            if (hasYear && !plausibleYear(year, context))
                continue;
            consider(best, Candidate{makeDate(year, month, m.capturedView(dayGroup).toInt()), -1, 0,
                                     m.capturedStart(0), m.capturedLength(0), hasYear});
            return;
        }
    };
    monthName(dayMonthYear, 1, 2);
    monthName(monthDayYear, 2, 1);
    return best;
}

// Month and day without a year: 9月21日, 09-21, 09/21 (dayFirst: 21/09), [09-21].
Candidate shortDates(const QString &text, const DateContext &context)
{
    static const QRegularExpression cjk(
        QStringLiteral("(?<!\\d)(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})\\s*[日일]"));
    static const QRegularExpression numeric(
        QStringLiteral("(?<![\\d.:/-])(\\d{2})([-/.])(\\d{2})(?![\\d.:/-]|\\2\\d)"));
    const int year = context.now.date().year();
    Candidate best;
    if (const auto m = cjk.match(text); m.hasMatch())
        consider(best,
                 Candidate{makeDate(year, m.capturedView(1).toInt(), m.capturedView(2).toInt()), -1,
                           0, m.capturedStart(0), m.capturedLength(0), false});
    for (auto it = numeric.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        int a = m.capturedView(1).toInt();
        int b = m.capturedView(3).toInt();
        int month = a, day = b;
        if (m.capturedView(2) != QLatin1String("-") && context.dayFirst)
            month = b, day = a;
        const QDate date = makeDate(year, month, day);
        if (!date.isValid())
            continue;
        consider(best, Candidate{date, -1, 0, m.capturedStart(0), m.capturedLength(0), false});
        break;
    }
    return best;
}

struct Relative {
    qint64 seconds = -1; // how long ago
    qsizetype position = -1;
    qsizetype length = 0;
    int dayShift = 0; // yesterday: -1 (with an optional time after it)
    bool dayWord = false;
};

qint64 unitSeconds(QStringView unit)
{
    const QString u = unit.toString().toLower();
    const auto starts = [&u](const char *p) { return u.startsWith(QString::fromUtf8(p)); };
    if (starts("秒") || starts("초") || starts("sec") || starts("sek") || starts("сек") ||
        starts("seg") || starts("ثان"))
        return 1;
    if (starts("分") || starts("분") || starts("min") || starts("мин") || starts("دقي") ||
        starts("דק"))
        return 60;
    if (starts("小时") || starts("小時") || starts("時間") || starts("시간") || starts("hour") ||
        starts("hr") || starts("stund") || starts("heure") || starts("hora") || starts("ora") ||
        starts("uur") || starts("час") || starts("godzin") || starts("ساع") || starts("שע"))
        return 3600;
    if (starts("天") || starts("日") || starts("일") || starts("day") || starts("tag") ||
        starts("jour") || starts("día") || starts("dia") || starts("dag") || starts("giorn") ||
        starts("дн") || starts("ден") || starts("dni") || starts("dzie") || starts("يوم") ||
        starts("أيام") || starts("ימ"))
        return 86400;
    if (starts("周") || starts("週") || starts("주") || starts("week") || starts("woche") ||
        starts("semaine") || starts("semana") || starts("недел") || starts("tydz"))
        return 7 * 86400;
    if (starts("个月") || starts("か月") || starts("ヶ月") || starts("개월") || starts("month") ||
        starts("monat") || starts("mois") || starts("mes") || starts("месяц"))
        return 30 * 86400;
    return -1;
}

Relative relativeDate(const QString &text)
{
    static const QRegularExpression numberFirst(
        QStringLiteral(
            "(\\d+)\\s*(秒|分钟|分鐘|分|小时|小時|時間|个小时|天|日|周|週|个月|か月|ヶ月|초|분|"
            "시간|일|주|개월)\\s*(?:前|전|之前|以前)"
            "|(\\d+)\\s+(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\\s+ago"
            "|(\\d+)\\s+(минут[уы]?|час(?:а|ов)?|дн(?:я|ей)|день|недел[юьи]|секунд[уы]?)\\s+назад"
            "|(\\d+)\\s+(godzin[ęy]?|minut[ęy]?|dni|dzień)\\s+temu"
            "|(\\d+)\\s+(uur|minuten|dagen|dag)\\s+geleden"
            "|(\\d+)\\s+(ore|ora|minuti|giorni)\\s+fa"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression unitLater(
        QStringLiteral("(?:vor|il y a|hace|há|منذ|לפני)\\s+(\\d+)\\s+(\\p{L}+)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression justNow(
        QStringLiteral("刚刚|剛剛|方才|just now|gerade eben|à l'instant|방금|たった今"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression dayWords(
        QStringLiteral("(今天|今日|昨天|昨日|前天|오늘|어제|\\btoday\\b|\\byesterday\\b|"
                       "\\bheute\\b|\\bgestern\\b|"
                       "aujourd'hui|\\bhier\\b|\\bhoy\\b|\\bayer\\b|сегодня|вчера)"),
        QRegularExpression::CaseInsensitiveOption);
    // Words that carry their number: "לפני שעתיים" (two hours ago), "منذ ساعتين", "an hour ago".
    static const QRegularExpression worded(
        QStringLiteral(
            "(?:לפני\\s+(שעתיים|שעה|יומיים|דקה)|منذ\\s+(ساعتين|ساعة|يومين|دقيقة)|"
            "\\ban?\\s+(hour|minute|day|week)\\s+ago|vor\\s+(einer|einem)\\s+(Stunde|Minute|Tag))"),
        QRegularExpression::CaseInsensitiveOption);
    Relative r;
    if (const auto m = worded.match(text); m.hasMatch()) {
        const QString w = m.captured(0).toLower();
        qint64 seconds = 3600;
        if (w.contains(QStringLiteral("שעתיים")) || w.contains(QStringLiteral("ساعتين")))
            seconds = 7200;
        else if (w.contains(QStringLiteral("יומיים")) || w.contains(QStringLiteral("يومين")))
            seconds = 2 * 86400;
        else if (w.contains(QStringLiteral("דקה")) || w.contains(QStringLiteral("دقيقة")) ||
                 w.contains(QStringLiteral("minute")))
            seconds = 60;
        else if (w.contains(QStringLiteral("day")) || w.contains(QStringLiteral("tag")))
            seconds = 86400;
        else if (w.contains(QStringLiteral("week")))
            seconds = 7 * 86400;
        r.seconds = seconds;
        r.position = m.capturedStart(0);
        r.length = m.capturedLength(0);
        return r;
    }
    const bool digits = hasAsciiDigit(text);
    if (const auto m = digits ? numberFirst.match(text) : QRegularExpressionMatch(); m.hasMatch()) {
        for (int group = 1; group + 1 <= m.lastCapturedIndex(); group += 2) {
            if (m.capturedLength(group) == 0)
                continue;
            const qint64 unit = unitSeconds(m.capturedView(group + 1));
            if (unit > 0) {
                r.seconds = m.capturedView(group).toLongLong() * unit;
                r.position = m.capturedStart(0);
                r.length = m.capturedLength(0);
                return r;
            }
        }
    }
    if (const auto m = digits ? unitLater.match(text) : QRegularExpressionMatch(); m.hasMatch()) {
        const qint64 unit = unitSeconds(m.capturedView(2));
        if (unit > 0) {
            r.seconds = m.capturedView(1).toLongLong() * unit;
            r.position = m.capturedStart(0);
            r.length = m.capturedLength(0);
            return r;
        }
    }
    if (const auto m = justNow.match(text); m.hasMatch()) {
        r.seconds = 0;
        r.position = m.capturedStart(0);
        r.length = m.capturedLength(0);
        return r;
    }
    if (const auto m = dayWords.match(text); m.hasMatch()) {
        const QString w = m.captured(1).toLower();
        static const QStringList yesterday = {
            QStringLiteral("昨天"),      QStringLiteral("昨日"),    QStringLiteral("어제"),
            QStringLiteral("yesterday"), QStringLiteral("gestern"), QStringLiteral("hier"),
            QStringLiteral("ayer"),      QStringLiteral("вчера")};
        r.dayShift = w == QStringLiteral("前天") ? -2 : (yesterday.contains(w) ? -1 : 0);
        r.dayWord = true;
        r.position = m.capturedStart(0);
        r.length = m.capturedLength(0);
    }
    return r;
}

QDateTime inOffset(const QDate &date, int hour, int minute, int offsetSecs)
{
    return QDateTime(date, QTime(hour, minute), QTimeZone(offsetSecs));
}

} // namespace

QDateTime dayOnly(const QDate &date)
{
    return date.isValid() ? QDateTime(date, QTime(12, 0), QTimeZone::utc()) : QDateTime();
}

TextDate findDate(QStringView raw, const DateContext &context)
{
    TextDate out;
    if (raw.isEmpty())
        return out;
    const QString text = asciiDigits(raw);
    const QDateTime now = context.now.isValid() ? context.now : QDateTime::currentDateTimeUtc();
    const QDateTime localNow = now.toOffsetFromUtc(context.offsetSecs);
    const QDate latest = localNow.date().addDays(1);

    // Every written date holds a digit; without one only the relative words can match.
    const bool digits = hasAsciiDigit(text);
    Candidate c;
    if (digits)
        c = fullDates(text, context);
    if (digits && !c.date.isValid())
        c = shortDates(text, context);
    if (c.date.isValid() && c.date > latest && !c.yearGiven)
        c.date = c.date.addYears(-1);
    if (c.date.isValid() && c.date <= latest) {
        readTime(text, c);
        out.when =
            c.hour >= 0 ? inOffset(c.date, c.hour, c.minute, context.offsetSecs) : dayOnly(c.date);
        out.position = c.position;
        out.length = c.length;
        return out;
    }
    const Relative r = relativeDate(text);
    if (r.seconds >= 0) {
        out.when = localNow.addSecs(-r.seconds);
        out.position = r.position;
        out.length = r.length;
    } else if (r.dayWord) {
        Candidate t{localNow.date().addDays(r.dayShift), -1, 0, r.position, r.length};
        readTime(text, t);
        out.when =
            t.hour >= 0 ? inOffset(t.date, t.hour, t.minute, context.offsetSecs) : dayOnly(t.date);
        out.position = t.position;
        out.length = t.length;
    }
    return out;
}

QDate dateInUrl(const QUrl &url)
{
    static const QRegularExpression re(QStringLiteral(
        "(?<!\\d)((?:19|20)\\d{2})[-/_]?(0[1-9]|1[0-2])[-/_]?(0[1-9]|[12]\\d|3[01])(?!\\d)"));
    const QString path = url.path() + QLatin1Char('?') + url.query();
    for (auto it = re.globalMatch(path); it.hasNext();) {
        const auto m = it.next();
        const QDate date(m.capturedView(1).toInt(), m.capturedView(2).toInt(),
                         m.capturedView(3).toInt());
        if (date.isValid() && date.year() >= 1995 && date <= QDate::currentDate().addDays(2))
            return date;
    }
    return {};
}

QDateTime parseMachineDate(QStringView text, const DateContext &context)
{
    const QString t = text.trimmed().toString();
    if (t.isEmpty())
        return {};
    static const QRegularExpression dateOnlyRe(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    if (const auto m = dateOnlyRe.match(t); m.hasMatch())
        return dayOnly(
            QDate(m.capturedView(1).toInt(), m.capturedView(2).toInt(), m.capturedView(3).toInt()));
    const FeedDate parsed = parseFeedDate(t, QTimeZone(context.offsetSecs));
    if (!parsed.utc.isValid())
        return {};
    return parsed.utc.toOffsetFromUtc(context.offsetSecs);
}

} // namespace bs::pages
