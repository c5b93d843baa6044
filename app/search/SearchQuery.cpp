#include "search/SearchQuery.h"

#include <QTimeZone>

namespace bs
{

namespace
{

constexpr int kMaxLength = 2000;
constexpr int kMaxTerms = 64;

// One lexical item of the query, before OR groups are formed.
struct Item {
    enum Kind { TermItem, FilterItem, OrItem } kind = TermItem;
    SearchQuery::Term term;
    SearchQuery::Filter filter{SearchQuery::FilterKind::Unread, {}, {}, false};
    bool negated = false;
    QString written; // as typed, for messages
};

bool isSpace(QChar c)
{
    return c.isSpace();
}

std::optional<QDateTime> parseDate(const QString &value, const QDateTime &now)
{
    const QDate today = now.toUTC().date();
    QDate day;
    if (value.compare(QLatin1String("today"), Qt::CaseInsensitive) == 0) {
        day = today;
    } else if (value.compare(QLatin1String("yesterday"), Qt::CaseInsensitive) == 0) {
        day = today.addDays(-1);
    } else if (value.size() >= 2 && value.back().isLetter()) {
        bool ok = false;
        const int n = value.left(value.size() - 1).toInt(&ok);
        if (!ok || n < 0 || n > 100000)
            return std::nullopt;
        // An age is measured from now, to the second.
        switch (value.back().toLower().unicode()) {
        case 'd':
            return now.toUTC().addDays(-n);
        case 'w':
            return now.toUTC().addDays(-7 * qint64(n));
        case 'm':
            return now.toUTC().addMonths(-n);
        case 'y':
            return now.toUTC().addYears(-n);
        default:
            return std::nullopt;
        }
    } else {
        if (value.size() != 10)
            return std::nullopt;
        day = QDate::fromString(value, QStringLiteral("yyyy-MM-dd"));
    }
    if (!day.isValid())
        return std::nullopt;
    // before:D is strictly before the day starts; after:D includes the day.
    return QDateTime(day, QTime(0, 0), QTimeZone::utc());
}

QString ftsString(const SearchQuery::Term &t)
{
    QString out;
    if (t.field == SearchQuery::Field::Title)
        out = QStringLiteral("title : ");
    else if (t.field == SearchQuery::Field::Author)
        out = QStringLiteral("author : ");
    QString text = t.text;
    text.replace(QLatin1Char('"'), QLatin1String("\"\""));
    out += QLatin1Char('"') + text + QLatin1Char('"');
    if (t.prefix)
        out += QLatin1String(" *");
    return out;
}

QString ftsGroup(const SearchQuery::Group &g)
{
    QStringList parts;
    for (const SearchQuery::Term &t : g)
        parts << ftsString(t);
    return QLatin1Char('(') + parts.join(QLatin1String(" OR ")) + QLatin1Char(')');
}

class Parser
{
public:
    Parser(const QString &text, const QDateTime &now) : m_text(text), m_now(now) {}

    bool run(QList<Item> *items, QString *error)
    {
        while (true) {
            skipSpaces();
            if (m_pos >= m_text.size())
                return true;
            Item item;
            if (!readItem(&item, error))
                return false;
            if (item.kind == Item::TermItem && item.term.text.isEmpty())
                continue; // a lone "-" or "*"
            items->append(item);
        }
    }

private:
    void skipSpaces()
    {
        while (m_pos < m_text.size() && isSpace(m_text[m_pos]))
            ++m_pos;
    }

    // "..." starting at m_pos (on the quote); sets *prefix when a '*' follows the quote.
    bool readPhrase(QString *out, bool *prefix, QString *error)
    {
        const qsizetype open = m_pos;
        const qsizetype close = m_text.indexOf(QLatin1Char('"'), open + 1);
        if (close < 0) {
            *error = QStringLiteral("The quote at character %1 is never closed; put a \" at the "
                                    "end of the phrase.")
                         .arg(open + 1);
            return false;
        }
        *out = m_text.mid(open + 1, close - open - 1).trimmed();
        m_pos = close + 1;
        if (m_pos < m_text.size() && m_text[m_pos] == QLatin1Char('*')) {
            *prefix = true;
            ++m_pos;
        }
        return true;
    }

    QString readWord()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && !isSpace(m_text[m_pos]) &&
               m_text[m_pos] != QLatin1Char('"'))
            ++m_pos;
        return m_text.mid(start, m_pos - start);
    }

    bool readItem(Item *item, QString *error)
    {
        if (m_text[m_pos] == QLatin1Char('-') && m_pos + 1 < m_text.size() &&
            !isSpace(m_text[m_pos + 1])) {
            item->negated = true;
            ++m_pos;
        }
        if (m_text[m_pos] == QLatin1Char('"')) {
            bool prefix = false;
            QString phrase;
            if (!readPhrase(&phrase, &prefix, error))
                return false;
            item->term = {phrase, SearchQuery::Field::Any, prefix};
            item->written = QLatin1Char('"') + phrase + QLatin1Char('"');
            return true;
        }
        const QString word = readWord();
        item->written = word;
        if (word == QLatin1String("OR") && !item->negated) {
            item->kind = Item::OrItem;
            return true;
        }
        const qsizetype colon = word.indexOf(QLatin1Char(':'));
        if (colon > 0) {
            const QString name = word.left(colon).toLower();
            static const QStringList known = {QStringLiteral("title"),  QStringLiteral("author"),
                                              QStringLiteral("feed"),   QStringLiteral("folder"),
                                              QStringLiteral("is"),     QStringLiteral("label"),
                                              QStringLiteral("before"), QStringLiteral("after")};
            if (known.contains(name))
                return readOperator(name, word.mid(colon + 1), item, error);
        }
        setWord(word, item);
        return true;
    }

    static void setWord(QString word, Item *item)
    {
        bool prefix = false;
        while (word.endsWith(QLatin1Char('*'))) {
            word.chop(1);
            prefix = true;
        }
        item->term = {word, SearchQuery::Field::Any, prefix && !word.isEmpty()};
    }

    bool readOperator(const QString &name, QString value, Item *item, QString *error)
    {
        bool quoted = false;
        bool prefix = false;
        if (value.isEmpty() && m_pos < m_text.size() && m_text[m_pos] == QLatin1Char('"')) {
            if (!readPhrase(&value, &prefix, error))
                return false;
            quoted = true;
        }
        if (value.isEmpty()) {
            *error = QStringLiteral("%1: needs a value, as in %2.")
                         .arg(name, name == QLatin1String("is") ? QStringLiteral("is:unread")
                                    : name == QLatin1String("before")
                                        ? QStringLiteral("before:2024-01-31")
                                    : name == QLatin1String("after")
                                        ? QStringLiteral("after:7d")
                                        : name + QStringLiteral(":\"some words\""));
            return false;
        }
        item->written = name + QLatin1Char(':') + value;
        if (name == QLatin1String("title") || name == QLatin1String("author")) {
            if (!quoted)
                setWord(value, item);
            else
                item->term = {value, SearchQuery::Field::Any, prefix};
            item->term.field = name == QLatin1String("title") ? SearchQuery::Field::Title
                                                              : SearchQuery::Field::Author;
            if (item->term.text.isEmpty()) {
                *error = QStringLiteral("%1: needs a word or a \"phrase\".").arg(name);
                return false;
            }
            return true;
        }
        item->kind = Item::FilterItem;
        item->filter.negated = item->negated;
        using K = SearchQuery::FilterKind;
        if (name == QLatin1String("is")) {
            const QString v = value.toLower();
            if (v == QLatin1String("unread"))
                item->filter.kind = K::Unread;
            else if (v == QLatin1String("read"))
                item->filter.kind = K::Read;
            else if (v == QLatin1String("starred"))
                item->filter.kind = K::Starred;
            else if (v == QLatin1String("saved"))
                item->filter.kind = K::Saved;
            else {
                *error = QStringLiteral("is:%1 is not something an article can be; use is:unread, "
                                        "is:read, is:starred or is:saved.")
                             .arg(value);
                return false;
            }
            return true;
        }
        if (name == QLatin1String("label") || name == QLatin1String("feed") ||
            name == QLatin1String("folder")) {
            item->filter.kind = name == QLatin1String("label")  ? K::Label
                                : name == QLatin1String("feed") ? K::Feed
                                                                : K::Folder;
            item->filter.text = value;
            return true;
        }
        const bool before = name == QLatin1String("before");
        const auto when = parseDate(value, m_now);
        if (!when) {
            *error = QStringLiteral("%1:%2 is not a date; use YYYY-MM-DD (such as 2024-03-31) or "
                                    "an age such as 7d, 2w, 3m, 1y, today or yesterday.")
                         .arg(name, value);
            return false;
        }
        item->filter.kind = before ? K::Before : K::After;
        item->filter.when = *when;
        return true;
    }

    const QString &m_text;
    QDateTime m_now;
    qsizetype m_pos = 0;
};

} // namespace

bool SearchQuery::hasSearchableText(const QString &text)
{
    for (const char32_t c : text.toUcs4()) {
        if (QChar::isLetterOrNumber(c) || QChar::category(c) == QChar::Other_PrivateUse)
            return true;
    }
    return false;
}

std::optional<SearchQuery> SearchQuery::parse(const QString &text, QString *error,
                                              const QDateTime &now)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (text.size() > kMaxLength) {
        *error = QStringLiteral("The query is too long (over %1 characters).").arg(kMaxLength);
        return std::nullopt;
    }
    QList<Item> items;
    if (!Parser(text, now).run(&items, error))
        return std::nullopt;

    SearchQuery q;
    int terms = 0;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const Item &item = items[i];
        if (item.kind == Item::OrItem) {
            *error = QStringLiteral("OR needs a word or phrase on each side (as in cats OR dogs).");
            return std::nullopt;
        }
        const bool orFollows = i + 1 < items.size() && items[i + 1].kind == Item::OrItem;
        if (item.kind == Item::FilterItem) {
            if (orFollows) {
                *error = QStringLiteral("OR joins words and phrases; %1 is a filter and cannot be "
                                        "one side of an OR.")
                             .arg(item.written);
                return std::nullopt;
            }
            q.m_filters.append(item.filter);
            continue;
        }
        if (item.negated) {
            if (orFollows) {
                *error = QStringLiteral("OR joins words and phrases that are wanted; -%1 cannot "
                                        "be one side of an OR.")
                             .arg(item.written);
                return std::nullopt;
            }
            if (hasSearchableText(item.term.text))
                q.m_excluded.append(item.term);
            ++terms;
            continue;
        }
        Group group{item.term};
        while (i + 1 < items.size() && items[i + 1].kind == Item::OrItem) {
            if (i + 2 >= items.size()) {
                *error = QStringLiteral("The query ends with OR; put a word or phrase after it.");
                return std::nullopt;
            }
            const Item &next = items[i + 2];
            if (next.kind != Item::TermItem || next.negated) {
                if (next.kind == Item::OrItem)
                    *error = QStringLiteral("OR OR: put a word or phrase between them.");
                else if (next.kind == Item::FilterItem)
                    *error = QStringLiteral("OR joins words and phrases; %1 is a filter and "
                                            "cannot be one side of an OR.")
                                 .arg(next.written);
                else
                    *error = QStringLiteral("OR joins words and phrases that are wanted; -%1 "
                                            "cannot be one side of an OR.")
                                 .arg(next.written);
                return std::nullopt;
            }
            group.append(next.term);
            i += 2;
        }
        Group kept;
        for (const Term &t : group)
            if (hasSearchableText(t.text))
                kept.append(t);
        terms += int(group.size());
        if (!kept.isEmpty())
            q.m_groups.append(kept);
    }
    if (terms > kMaxTerms) {
        *error = QStringLiteral("The query has too many words (over %1).").arg(kMaxTerms);
        return std::nullopt;
    }
    if (q.m_groups.isEmpty() && q.m_excluded.isEmpty() && q.m_filters.isEmpty()) {
        *error = items.isEmpty()
                     ? QStringLiteral("Type something to search for.")
                     : QStringLiteral("The query has no letters or digits to search for.");
        return std::nullopt;
    }
    return q;
}

SearchQuery SearchQuery::anyOf(const QStringList &terms)
{
    SearchQuery q;
    Group group;
    for (const QString &t : terms)
        if (hasSearchableText(t))
            group.append(Term{t, Field::Any, false});
    if (!group.isEmpty())
        q.m_groups.append(group);
    return q;
}

QString SearchQuery::ftsMatch() const
{
    if (m_groups.isEmpty())
        return {};
    QStringList parts;
    for (const Group &g : m_groups)
        parts << ftsGroup(g);
    QString out = parts.join(QLatin1String(" AND "));
    if (!m_excluded.isEmpty())
        out = QLatin1Char('(') + out + QLatin1String(") NOT ") + ftsGroup(m_excluded);
    return out;
}

QString SearchQuery::ftsExcludedOnly() const
{
    if (!m_groups.isEmpty() || m_excluded.isEmpty())
        return {};
    return ftsGroup(m_excluded);
}

SearchQuery::SqlFilter SearchQuery::sqlFilter() const
{
    SqlFilter out;
    QStringList conditions;
    for (const Filter &f : m_filters) {
        QString c;
        switch (f.kind) {
        case FilterKind::Unread:
            c = QStringLiteral("s.read = 0");
            break;
        case FilterKind::Read:
            c = QStringLiteral("s.read = 1");
            break;
        case FilterKind::Starred:
            c = QStringLiteral("s.starred = 1");
            break;
        case FilterKind::Saved:
            c = QStringLiteral("(s.starred = 1 OR EXISTS (SELECT 1 FROM article_labels al "
                               "WHERE al.article_id = a.id) OR EXISTS (SELECT 1 FROM "
                               "article_notes an WHERE an.article_id = a.id))");
            break;
        case FilterKind::Label:
            c = QStringLiteral("EXISTS (SELECT 1 FROM article_labels al JOIN labels l ON "
                               "l.id = al.label_id WHERE al.article_id = a.id AND "
                               "lower(l.name) = lower(?))");
            out.values << f.text;
            break;
        case FilterKind::Feed: {
            // A feed by id, or every feed whose title contains the text.
            c = QStringLiteral("a.feed_id IN (SELECT id FROM feeds WHERE id = ? OR "
                               "instr(lower(title), lower(?)) > 0)");
            bool numeric = false;
            const qint64 id = f.text.toLongLong(&numeric);
            out.values << (numeric ? id : qint64(-1)) << f.text;
            break;
        }
        case FilterKind::Folder:
            // The folder (by name) and every folder inside it.
            c = QStringLiteral(
                "a.feed_id IN (SELECT id FROM feeds WHERE folder_id IN (WITH RECURSIVE "
                "sub(id) AS (SELECT id FROM folders WHERE lower(name) = lower(?) UNION "
                "SELECT c.id FROM folders c JOIN sub ON c.parent_id = sub.id) "
                "SELECT id FROM sub))");
            out.values << f.text;
            break;
        case FilterKind::Before:
            c = QStringLiteral("a.sort_time < ?");
            out.values << f.when.toSecsSinceEpoch();
            break;
        case FilterKind::After:
            c = QStringLiteral("a.sort_time >= ?");
            out.values << f.when.toSecsSinceEpoch();
            break;
        }
        conditions << (f.negated ? QStringLiteral("NOT (") + c + QLatin1Char(')') : c);
    }
    out.sql = conditions.join(QLatin1String(" AND "));
    return out;
}

QString SearchQuery::syntaxHelp()
{
    return QStringLiteral(
        "Search syntax:\n"
        "  words           every word must match (case and accents do not matter: cafe "
        "finds Café)\n"
        "  word*           words starting with these letters\n"
        "  \"exact phrase\"  the words together, in this order\n"
        "  -word           articles without the word (also -\"phrase\", -title:word)\n"
        "  a OR b          either (OR in capitals; binds closer than the spaces between words)\n"
        "  title:word      in the title (title:\"a phrase\"); author:name likewise\n"
        "  feed:NAME       in feeds whose title contains NAME (or feed:ID)\n"
        "  folder:NAME     in the folder NAME and its subfolders\n"
        "  is:unread is:read is:starred is:saved   (saved: starred, labelled or noted)\n"
        "  label:NAME      with that label\n"
        "  before:DATE after:DATE   DATE is YYYY-MM-DD (UTC) or an age: 7d, 2w, 3m, 1y, today, "
        "yesterday\n"
        "  -is:unread and other filters with - are negated.\n"
        "Chinese, Japanese and Korean text matches any run of characters, one character or "
        "more (青岛, 开城).\n"
        "By relevance, a search with no filter that matches more than 2,000 articles is "
        "ranked among its newest 2,000; add title:, feed:, a date or sort by date to reach "
        "older ones.\n");
}

} // namespace bs
