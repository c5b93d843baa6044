#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <optional>

namespace bs
{

// A search as a person types it, parsed into a small syntax tree:
//
//   query  := item*            items are ANDed
//   item   := ['-'] term ('OR' term)* | ['-'] filter
//   term   := word | word'*' | "phrase" | "phrase"* | title:term | author:term
//   filter := is:unread|read|starred|saved  label:NAME  feed:NAME|ID  folder:NAME
//             before:DATE  after:DATE      (DATE: YYYY-MM-DD, or an age: 7d, 2w, 3m, 1y,
//                                           today, yesterday; UTC days)
//
// The text part becomes one FTS5 MATCH expression in which every user term is an FTS5 string
// ("..." with quotes doubled), so FTS5 syntax typed by a person is inert; the filters become
// SQL fragments from a fixed set whose values are bound. A query that cannot be understood is
// refused with a sentence saying why, before any SQL runs.
//
// The tree is public so that other features can build queries without text: a saved search
// stores the text and parses it again; "related stories" builds an OR of weighted terms with
// anyOf().
class SearchQuery
{
public:
    enum class Field { Any, Title, Author };
    struct Term {
        QString text;
        Field field = Field::Any;
        bool prefix = false; // word* or "phrase"*
        bool operator==(const Term &) const = default;
    };
    // Terms joined by OR; a single term is a group of one.
    using Group = QList<Term>;

    enum class FilterKind { Unread, Read, Starred, Saved, Label, Feed, Folder, Before, After };
    struct Filter {
        FilterKind kind;
        QString text;   // label, feed or folder name as typed
        QDateTime when; // before/after bound (UTC)
        bool negated = false;
        bool operator==(const Filter &) const = default;
    };

    // Parses text; on failure returns nothing and sets *error to a sentence for a person.
    // now anchors relative dates (7d, today).
    static std::optional<SearchQuery> parse(const QString &text, QString *error,
                                            const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Any of these words or phrases (for "related" lookups).
    static SearchQuery anyOf(const QStringList &terms);

    const QList<Group> &groups() const { return m_groups; }
    const QList<Term> &excluded() const { return m_excluded; }
    const QList<Filter> &filters() const { return m_filters; }
    void addFilter(const Filter &filter) { m_filters.append(filter); }

    // The FTS5 MATCH expression for the wanted terms (with exclusions as NOT); empty when the
    // query names no wanted term.
    QString ftsMatch() const;
    // When there is no wanted term: the FTS5 expression of the excluded terms, which the
    // engine turns into "not among these rows". Empty otherwise.
    QString ftsExcludedOnly() const;

    // SQL conditions over `articles a` and `article_status s` (fixed text, "?" placeholders),
    // joined by AND, and the values to bind to them in order. Empty when there are no filters.
    struct SqlFilter {
        QString sql;
        QVariantList values;
    };
    SqlFilter sqlFilter() const;

    // The query language, for --help and the search field's tooltip.
    static QString syntaxHelp();

    // True when the text holds a character the index keeps (a letter, digit or CJK character).
    static bool hasSearchableText(const QString &text);

private:
    QList<Group> m_groups;
    QList<Term> m_excluded;
    QList<Filter> m_filters;
};

} // namespace bs
