// Labels, notes and saved searches on real SQLite files: every store operation, reopening the
// file, all-or-nothing label assignment, notes keeping articles saved, saved searches with live
// counts, and hostile text (SQL in names, notes and queries) stored as text.

#include "search/SavedSearchStore.h"
#include "search/SearchEngine.h"
#include "search/SearchQuery.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/LabelStore.h"
#include "store/NoteStore.h"
#include "store/SqlQuery.h"
#include "store/StatusStore.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace bs;

namespace
{

const QString kInjection = QStringLiteral("x'); DROP TABLE articles; --");

qint64 scalar(Database &db, const QString &sql)
{
    SqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

QList<qint64> ids(const QList<SearchHit> &hits)
{
    QList<qint64> out;
    for (const SearchHit &h : hits)
        out << h.id;
    return out;
}

QList<qint64> searchIds(Database &db, const QString &text)
{
    QString error;
    const auto query = SearchQuery::parse(text, &error);
    if (!query)
        return {-1};
    SearchOptions options;
    options.limit = 100;
    const auto hits = SearchEngine(db).search(*query, options, &error);
    if (!hits)
        return {-2};
    QList<qint64> out = ids(*hits);
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

class TestBookmarks : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_round = 0;
    QString m_path;
    qint64 m_feed = 0;
    QList<qint64> m_articles; // harbour (day 1), ferry (day 2), budget (day 3), 渡轮 (day 4)

    std::unique_ptr<Database> openNew()
    {
        m_path = m_dir.filePath(QStringLiteral("bookmarks-%1.sqlite").arg(++m_round));
        QString error;
        auto db = Database::openWriter(m_path, &error);
        if (!db) {
            qWarning() << error;
            return db;
        }
        m_feed = FeedStore(*db)
                     .addFeed(Feed{.url = QUrl(QStringLiteral("https://wire.test/rss")),
                                   .title = QStringLiteral("Wire")})
                     .value_or(0);
        m_articles.clear();
        const QStringList titles{
            QStringLiteral("Harbour crane arrives"), QStringLiteral("Ferry timetable changes"),
            QStringLiteral("Budget for the ferry"), QStringLiteral("新渡轮下水")};
        for (int i = 0; i < titles.size(); ++i) {
            Article a;
            a.feedId = m_feed;
            a.guid = QStringLiteral("g%1").arg(i);
            a.url = QUrl(QStringLiteral("https://wire.test/%1").arg(i));
            a.title = titles[i];
            a.content = QStringLiteral("<p>%1 story text</p>").arg(titles[i]);
            a.published = QDateTime(QDate(2024, 6, i + 1), QTime(9, 0), QTimeZone::utc());
            m_articles << ArticleStore(*db).save(a).id;
        }
        return db;
    }

    std::unique_ptr<Database> reopen()
    {
        QString error;
        auto db = Database::openWriter(m_path, &error);
        if (!db)
            qWarning() << error;
        return db;
    }

private slots:
    void labelsCreateRenameDeleteList()
    {
        auto db = openNew();
        QVERIFY(db && m_articles.size() == 4);
        LabelStore labels(*db);
        const auto id = labels.create(QStringLiteral("  Long reads "));
        QVERIFY2(id, qPrintable(db->lastError()));
        QCOMPARE(labels.find(QStringLiteral("long READS"))->name, QStringLiteral("Long reads"));
        // The same name in another case clashes; bad names are refused with a reason.
        QVERIFY(!labels.create(QStringLiteral("LONG READS")));
        QVERIFY2(db->lastError().contains(QLatin1String("already a label 'Long reads'")),
                 qPrintable(db->lastError()));
        for (const QString &bad : {QStringLiteral("   "), QStringLiteral("a,b"),
                                   QString(LabelStore::kMaxNameLength + 1, QLatin1Char('x')),
                                   QStringLiteral("tab\there")}) {
            QVERIFY(!labels.create(bad));
            QVERIFY(!db->lastError().isEmpty());
        }
        QVERIFY(labels.create(QStringLiteral("Ferries")));
        QVERIFY(!labels.rename(QStringLiteral("Ferries"), QStringLiteral("long reads")));
        QVERIFY2(db->lastError().contains(QLatin1String("already a label")),
                 qPrintable(db->lastError()));
        QVERIFY(!labels.rename(QStringLiteral("Nope"), QStringLiteral("Other")));
        QVERIFY2(db->lastError().contains(QLatin1String("no label 'Nope'")),
                 qPrintable(db->lastError()));
        // A change of case only is a rename of the label onto itself.
        QVERIFY2(labels.rename(QStringLiteral("ferries"), QStringLiteral("Boats")),
                 qPrintable(db->lastError()));
        QVERIFY(labels.rename(QStringLiteral("boats"), QStringLiteral("BOATS")));

        QCOMPARE(labels.assign(QStringLiteral("boats"), {m_articles[1], m_articles[2]}), 2);
        QCOMPARE(labels.assign(QStringLiteral("BOATS"), {m_articles[1]}), 0); // already there
        QCOMPARE(labels.assign(QStringLiteral("Long reads"), {m_articles[2]}), 1);
        const QList<LabelCount> list = labels.list();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].name, QStringLiteral("BOATS"));
        QCOMPARE(list[0].articles, 2);
        QCOMPARE(list[1].name, QStringLiteral("Long reads"));
        QCOMPARE(list[1].articles, 1);
        const QList<Label> of = labels.labelsOf(m_articles[2]);
        QCOMPARE(of.size(), 2);
        QCOMPARE(of[0].name, QStringLiteral("BOATS"));
        QCOMPARE(of[1].name, QStringLiteral("Long reads"));
        QCOMPARE(searchIds(*db, QStringLiteral("label:boats")),
                 (QList<qint64>{m_articles[1], m_articles[2]}));

        QCOMPARE(labels.unassign(QStringLiteral("BOATS"), {m_articles[1], m_articles[3]}), 1);
        // Deleting a label removes its assignments, never the articles.
        QVERIFY(labels.remove(QStringLiteral("long reads")));
        QVERIFY(!labels.find(QStringLiteral("Long reads")));
        QVERIFY(!labels.remove(QStringLiteral("Long reads")));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM articles")), 4);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM article_labels")), 1);

        db.reset();
        auto again = reopen();
        QVERIFY(again);
        LabelStore reopened(*again);
        QCOMPARE(reopened.list().size(), 1);
        QCOMPARE(reopened.list()[0].name, QStringLiteral("BOATS"));
        QCOMPARE(reopened.labelsOf(m_articles[2]).size(), 1);
    }

    void assignManyIsAllOrNothing()
    {
        auto db = openNew();
        QVERIFY(db);
        LabelStore labels(*db);
        QVERIFY(labels.create(QStringLiteral("Keep")));
        // One id that is not an article: nothing is assigned, and the message names it.
        QCOMPARE(labels.assign(QStringLiteral("Keep"), {m_articles[0], 987654, m_articles[1]}), -1);
        QVERIFY2(db->lastError().contains(QLatin1String("987654")), qPrintable(db->lastError()));
        QVERIFY2(db->lastError().contains(QLatin1String("nothing was changed")),
                 qPrintable(db->lastError()));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM article_labels")), 0);
        QCOMPARE(labels.assign(QStringLiteral("Missing"), {m_articles[0]}), -1);
        QVERIFY2(db->lastError().contains(QLatin1String("no label 'Missing'")),
                 qPrintable(db->lastError()));
        // All good ids: every one assigned in one call (duplicates in the list are harmless).
        QCOMPARE(labels.assign(QStringLiteral("keep"), m_articles + QList<qint64>{m_articles[0]}),
                 4);
        QCOMPARE(labels.unassign(QStringLiteral("keep"), {m_articles[0], -5}), -1);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM article_labels")), 4);
        // Writes through a reader are refused.
        QString error;
        auto reader = Database::openReader(m_path, &error);
        QVERIFY2(reader, qPrintable(error));
        QVERIFY(!LabelStore(*reader).create(QStringLiteral("Nope")));
        QCOMPARE(LabelStore(*reader).assign(QStringLiteral("keep"), {m_articles[0]}), -1);
    }

    void notesStarAndPersist()
    {
        auto db = openNew();
        QVERIFY(db);
        NoteStore notes(*db);
        StatusStore status(*db);
        QVERIFY(!status.status(m_articles[0])->starred);
        QVERIFY2(notes.set(m_articles[0], QStringLiteral("  Ask the port about the crane.\n")),
                 qPrintable(db->lastError()));
        // A note is on a saved article: setting it starred the article.
        QVERIFY(status.status(m_articles[0])->starred);
        QVERIFY(status.status(m_articles[0])->starredAt.isValid());
        const auto note = notes.note(m_articles[0]);
        QVERIFY(note);
        QCOMPARE(note->text, QStringLiteral("Ask the port about the crane."));
        QVERIFY(note->updatedAt.isValid());
        QVERIFY(notes.set(m_articles[0], QStringLiteral("Second thought\nwith two lines")));
        QVERIFY(!notes.set(m_articles[0], QStringLiteral("   ")));
        QVERIFY(!notes.set(999999, QStringLiteral("nowhere")));
        QVERIFY2(db->lastError().contains(QLatin1String("no article 999999")),
                 qPrintable(db->lastError()));
        QVERIFY(!notes.set(m_articles[1], QString(NoteStore::kMaxLength + 1, QLatin1Char('n'))));
        QVERIFY(!notes.note(m_articles[1]));
        // SQL in a note is text.
        QVERIFY(notes.set(m_articles[1], kInjection));
        QCOMPARE(notes.note(m_articles[1])->text, kInjection);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM articles")), 4);

        db.reset();
        auto again = reopen();
        QVERIFY(again);
        NoteStore reopened(*again);
        QCOMPARE(reopened.note(m_articles[0])->text,
                 QStringLiteral("Second thought\nwith two lines"));
        QCOMPARE(reopened.clear(m_articles[0]), 1);
        QCOMPARE(reopened.clear(m_articles[0]), 0);
        QCOMPARE(reopened.clear(999999), -1);
        QVERIFY(!reopened.note(m_articles[0]));
        // Clearing the note leaves the star.
        QVERIFY(StatusStore(*again).status(m_articles[0])->starred);
    }

    void notedArticlesAreSaved()
    {
        auto db = openNew();
        QVERIFY(db);
        QVERIFY(NoteStore(*db).set(m_articles[2], QStringLiteral("budget figures")));
        QCOMPARE(StatusStore(*db).setStarred({m_articles[2]}, false), 1);
        // Not starred, not labelled, but noted: still saved.
        QCOMPARE(searchIds(*db, QStringLiteral("is:saved")), QList<qint64>{m_articles[2]});
        QCOMPARE(searchIds(*db, QStringLiteral("ferry is:saved")), QList<qint64>{m_articles[2]});
        QCOMPARE(searchIds(*db, QStringLiteral("ferry -is:saved")), QList<qint64>{m_articles[1]});
        QCOMPARE(searchIds(*db, QStringLiteral("is:starred")), QList<qint64>{});
        QString error;
        SearchOptions options;
        options.scope = SearchOptions::Scope::Bookmarks;
        const auto ferry = SearchQuery::parse(QStringLiteral("ferry"), &error);
        QVERIFY2(ferry, qPrintable(error));
        const auto hits = SearchEngine(*db).search(*ferry, options, &error);
        QVERIFY2(hits, qPrintable(error));
        QCOMPARE(ids(*hits), QList<qint64>{m_articles[2]});
    }

    void savedSearchesWithLiveCounts()
    {
        auto db = openNew();
        QVERIFY(db);
        SavedSearchStore searches(*db);
        QVERIFY2(searches.add(QStringLiteral("Ferries"), QStringLiteral("ferry")),
                 qPrintable(db->lastError()));
        QVERIFY(searches.add(QStringLiteral("Saved"), QStringLiteral("is:saved"),
                             SearchOptions::Sort::Date));
        QVERIFY(searches.add(QStringLiteral("渡轮"), QStringLiteral("渡轮 OR crane")));
        // A malformed query is refused with the parser's own sentence.
        QString parserSays;
        QVERIFY(!SearchQuery::parse(QStringLiteral("\"unclosed phrase"), &parserSays));
        QVERIFY(!searches.add(QStringLiteral("Broken"), QStringLiteral("\"unclosed phrase")));
        QCOMPARE(db->lastError(), parserSays);
        QVERIFY(!searches.add(QStringLiteral("Empty"), QStringLiteral("  ")));
        QVERIFY(!searches.add(QStringLiteral("ferries"), QStringLiteral("boat")));
        QVERIFY2(db->lastError().contains(QLatin1String("already a saved search 'Ferries'")),
                 qPrintable(db->lastError()));

        QString error;
        auto counts = searches.listWithCounts(&error);
        QVERIFY2(counts, qPrintable(error));
        QCOMPARE(counts->size(), 3);
        QCOMPARE(counts->at(0).search.name, QStringLiteral("Ferries"));
        QCOMPARE(counts->at(0).total, 2);
        QCOMPARE(counts->at(0).unread, 2);
        QCOMPARE(counts->at(1).search.sort, SearchOptions::Sort::Date);
        QCOMPARE(counts->at(1).total, 0);
        QCOMPARE(counts->at(2).total, 2); // 渡轮 or crane

        // Counts are live: reading, starring and new articles change them at once.
        QCOMPARE(StatusStore(*db).setRead({m_articles[1]}, true), 1);
        QCOMPARE(StatusStore(*db).setStarred({m_articles[0], m_articles[3]}, true), 2);
        Article more;
        more.feedId = m_feed;
        more.guid = QStringLiteral("late");
        more.title = QStringLiteral("Night ferry added");
        more.published = QDateTime(QDate(2024, 6, 9), QTime(9, 0), QTimeZone::utc());
        QVERIFY(ArticleStore(*db).save(more).id > 0);
        counts = searches.listWithCounts(&error);
        QVERIFY2(counts, qPrintable(error));
        QCOMPARE(counts->at(0).total, 3);
        QCOMPARE(counts->at(0).unread, 2);
        QCOMPARE(counts->at(1).total, 2);
        QCOMPARE(counts->at(1).unread, 2);

        // Run: in the search's own order, paged.
        auto hits = searches.run(QStringLiteral("saved"), 1, 0, &error);
        QVERIFY2(hits, qPrintable(error));
        QCOMPARE(ids(*hits), QList<qint64>{m_articles[3]}); // by date: newest first
        hits = searches.run(QStringLiteral("Saved"), 1, 1, &error);
        QCOMPARE(ids(*hits), QList<qint64>{m_articles[0]});
        hits = searches.run(QStringLiteral("Ferries"), 10, 0, &error);
        QCOMPARE(hits->size(), 3);
        QVERIFY(!searches.run(QStringLiteral("Nope"), 10, 0, &error));
        QVERIFY2(error.contains(QLatin1String("no saved search 'Nope'")), qPrintable(error));

        // Rename, update, sort, remove, with clear refusals.
        QVERIFY(!searches.rename(QStringLiteral("Ferries"), QStringLiteral("SAVED")));
        QVERIFY(!searches.rename(QStringLiteral("Nope"), QStringLiteral("Other")));
        QVERIFY2(searches.rename(QStringLiteral("ferries"), QStringLiteral("Boats")),
                 qPrintable(db->lastError()));
        QVERIFY(!searches.updateQuery(QStringLiteral("Boats"), QStringLiteral("OR ferry")));
        QVERIFY(searches.updateQuery(QStringLiteral("Boats"), QStringLiteral("title:ferry")));
        QVERIFY(searches.setSort(QStringLiteral("Boats"), SearchOptions::Sort::Date));
        QVERIFY(searches.remove(QStringLiteral("渡轮")));
        QVERIFY(!searches.remove(QStringLiteral("渡轮")));

        db.reset();
        auto again = reopen();
        QVERIFY(again);
        SavedSearchStore reopened(*again);
        const QList<SavedSearch> list = reopened.list();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].name, QStringLiteral("Boats"));
        QCOMPARE(list[0].query, QStringLiteral("title:ferry"));
        QCOMPARE(list[0].sort, SearchOptions::Sort::Date);
        QVERIFY(list[0].createdAt.isValid());
        counts = reopened.listWithCounts(&error);
        QCOMPARE(counts->at(0).total, 3); // the three ferry titles
    }

    void hostileTextIsStoredAsText()
    {
        auto db = openNew();
        QVERIFY(db);
        LabelStore labels(*db);
        const QString label = QStringLiteral("x'); DROP TABLE articles; --");
        QVERIFY2(labels.create(label), qPrintable(db->lastError()));
        QCOMPARE(labels.assign(label, {m_articles[0]}), 1);
        QCOMPARE(labels.find(label)->name, label);
        QVERIFY(labels.rename(label, QStringLiteral("\" OR 1=1 --")));
        QCOMPARE(labels.list()[0].name, QStringLiteral("\" OR 1=1 --"));
        // A label name with quotes and SQL, searched with label:, is a bound value.
        QVERIFY(labels.create(QStringLiteral("o'neil;--")));
        QCOMPARE(labels.assign(QStringLiteral("O'NEIL;--"), {m_articles[3]}), 1);
        QCOMPARE(searchIds(*db, QStringLiteral("label:o'neil;--")), QList<qint64>{m_articles[3]});

        SavedSearchStore searches(*db);
        QVERIFY2(searches.add(kInjection, QStringLiteral("crane")), qPrintable(db->lastError()));
        QString error;
        QCOMPARE(searches.run(kInjection, 5, 0, &error)->size(), 1);
        // A query full of SQL and FTS5 syntax is only words to match.
        QVERIFY2(searches.add(QStringLiteral("q"), QStringLiteral("crane'; DELETE FROM labels; "
                                                                  "NEAR(a b) x*")),
                 qPrintable(db->lastError()));
        QVERIFY(searches.run(QStringLiteral("q"), 5, 0, &error));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM articles")), 4);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM labels")), 2);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM saved_searches")), 2);
        QCOMPARE(searches.find(kInjection)->name, kInjection);
        // A stored query this build cannot parse (written by hand here) is listed with its
        // problem; the other searches still count.
        SqlQuery q(*db);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO saved_searches(name, query, created_at) "
                                      "VALUES ('Old', 'is:someday', 0)")));
        const auto counts = searches.listWithCounts(&error);
        QVERIFY2(counts, qPrintable(error));
        QCOMPARE(counts->size(), 3);
        for (const SavedSearchCounts &c : *counts) {
            QCOMPARE(c.problem.isEmpty(), c.search.name != QLatin1String("Old"));
            if (c.search.name == kInjection)
                QCOMPARE(c.total, 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestBookmarks)
#include "test_bookmarks.moc"
