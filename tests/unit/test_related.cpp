// Related stories on a labelled set (tests/data/related_stories.json, written for this
// project): eight stories told four times each by different outlets (two in Chinese), forty
// unrelated articles that share some common words with the stories, and one story article
// copied word for word into another feed. Measures precision@3 of same-story retrieval over
// every story article, checks that copies are grouped and that an article never relates to
// itself, and runs `broadsheet-cli related` as a process on the same profile.

#include "search/RelatedStories.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/SqlQuery.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace bs;

class TestRelated : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_writer;
    std::unique_ptr<Database> m_reader;
    QHash<QString, qint64> m_feeds;   // title -> id
    QHash<qint64, QString> m_storyOf; // article id -> story key (story articles only)
    QHash<QString, QList<qint64>> m_stories;
    qint64 m_original = 0, m_copy = 0;
    int m_saved = 0;

    QString profile() const { return m_dir.filePath(QStringLiteral("profile")); }

    qint64 feedId(const QString &title)
    {
        if (const auto it = m_feeds.constFind(title); it != m_feeds.cend())
            return *it;
        const auto id = FeedStore(*m_writer).addFeed(
            Feed{.url = QUrl(QStringLiteral("https://feed%1.test/rss").arg(m_feeds.size())),
                 .title = title});
        if (!id)
            qFatal("could not add feed %s", qPrintable(title));
        m_feeds.insert(title, *id);
        return *id;
    }

    qint64 save(const QJsonObject &o, const QString &feedTitle = {})
    {
        Article a;
        a.feedId = feedId(feedTitle.isEmpty() ? o[QStringLiteral("feed")].toString() : feedTitle);
        a.guid = QStringLiteral("item-%1").arg(++m_saved);
        a.url = QUrl(QStringLiteral("https://news.test/%1").arg(m_saved));
        a.title = o[QStringLiteral("title")].toString();
        a.content = QStringLiteral("<p>") + o[QStringLiteral("text")].toString().toHtmlEscaped() +
                    QStringLiteral("</p>");
        a.published = QDateTime(QDate(2025, 3, 1), QTime(0, 0), QTimeZone::utc())
                          .addSecs(qint64(m_saved) * 3600);
        const auto r = ArticleStore(*m_writer).save(a);
        if (r.outcome != ArticleStore::SaveOutcome::Inserted)
            qFatal("could not save %s", qPrintable(a.title));
        return r.id;
    }

    RelatedResult related(qint64 id, int limit = 10)
    {
        QString error;
        const auto result = RelatedStories(*m_reader).related(id, limit, &error);
        if (!result)
            qFatal("related(%lld) failed: %s", id, qPrintable(error));
        return *result;
    }

    static bool mentions(const RelatedResult &r, qint64 id)
    {
        if (r.copiesOfArticle.contains(id))
            return true;
        for (const RelatedStory &s : r.stories)
            if (s.id == id || s.duplicates.contains(id))
                return true;
        return false;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(QDir().mkpath(profile()));
        const QString path = profile() + QStringLiteral("/broadsheet.sqlite");
        QString error;
        m_writer = Database::openWriter(path, &error);
        QVERIFY2(m_writer, qPrintable(error));

        QFile file(QStringLiteral(RELATED_DATA));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QJsonObject data = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonArray stories = data[QStringLiteral("stories")].toArray();
        QVERIFY(stories.size() >= 8);
        // Interleave the stories with the unrelated articles so that ids say nothing.
        const QJsonArray unrelated = data[QStringLiteral("unrelated")].toArray();
        QCOMPARE(unrelated.size(), 40);
        qsizetype next = 0;
        for (const QJsonValue &sv : stories) {
            const QJsonObject story = sv.toObject();
            const QString key = story[QStringLiteral("key")].toString();
            const QJsonArray articles = story[QStringLiteral("articles")].toArray();
            QCOMPARE(articles.size(), 4);
            for (const QJsonValue &av : articles) {
                const qint64 id = save(av.toObject());
                m_storyOf.insert(id, key);
                m_stories[key] << id;
                for (int i = 0; i < 2 && next < unrelated.size(); ++i)
                    save(unrelated[next++].toObject());
            }
        }
        while (next < unrelated.size())
            save(unrelated[next++].toObject());

        // The same text carried by a second feed.
        const QJsonObject dup = data[QStringLiteral("duplicate")].toObject();
        const QString dupStory = dup[QStringLiteral("story")].toString();
        const int dupIndex = dup[QStringLiteral("article")].toInt();
        for (const QJsonValue &sv : stories) {
            if (sv.toObject()[QStringLiteral("key")].toString() != dupStory)
                continue;
            m_original = m_stories[dupStory][dupIndex];
            m_copy = save(sv.toObject()[QStringLiteral("articles")].toArray()[dupIndex].toObject(),
                          dup[QStringLiteral("feed")].toString());
        }
        QVERIFY(m_copy > 0);
        m_storyOf.insert(m_copy, dupStory);
        m_stories[dupStory] << m_copy;

        m_reader = Database::openReader(path, &error);
        QVERIFY2(m_reader, qPrintable(error));
    }

    void precisionAtThree()
    {
        double sum = 0;
        int articles = 0;
        for (auto it = m_storyOf.cbegin(); it != m_storyOf.cend(); ++it) {
            const RelatedResult r = related(it.key());
            // Never the article itself.
            for (const RelatedStory &s : r.stories) {
                QVERIFY(s.id != it.key());
                QVERIFY(!s.duplicates.contains(it.key()));
            }
            QVERIFY(!r.copiesOfArticle.contains(it.key()));
            QVERIFY(r.stories.size() <= 10);
            int relevant = 0;
            QStringList shown;
            for (qsizetype i = 0; i < std::min<qsizetype>(3, r.stories.size()); ++i) {
                const RelatedStory &s = r.stories[i];
                bool same = m_storyOf.value(s.id) == it.value();
                for (qint64 d : s.duplicates)
                    same = same || m_storyOf.value(d) == it.value();
                relevant += same ? 1 : 0;
                shown << QStringLiteral("%1%2(%3)")
                             .arg(same ? QString() : QStringLiteral("MISS "), s.title)
                             .arg(s.score, 0, 'f', 2);
            }
            if (relevant < 3)
                qInfo("%s article %lld: %s", qPrintable(it.value()), it.key(),
                      qPrintable(shown.join(QLatin1String(" | "))));
            sum += relevant / 3.0;
            ++articles;
        }
        const double precision = sum / articles;
        qInfo("precision@3 over %d story articles: %.3f", articles, precision);
        QVERIFY(articles >= 33);
        QVERIFY2(precision >= 0.9, qPrintable(QString::number(precision)));
    }

    void copiesAreGrouped()
    {
        // From another article of the same story: the original and its copy make one entry.
        const QString story = m_storyOf.value(m_original);
        const qint64 sibling = m_stories[story][1];
        const RelatedResult r = related(sibling);
        int entries = 0;
        for (const RelatedStory &s : r.stories) {
            if (s.id == m_original) {
                QVERIFY(s.duplicates.contains(m_copy));
                ++entries;
            } else if (s.id == m_copy) {
                QVERIFY(s.duplicates.contains(m_original));
                ++entries;
            } else {
                QVERIFY(!s.duplicates.contains(m_original) && !s.duplicates.contains(m_copy));
            }
        }
        QCOMPARE(entries, 1);
        // Story siblings are not copies of each other.
        for (const RelatedStory &s : r.stories)
            for (qint64 d : s.duplicates)
                QVERIFY(d == m_original || d == m_copy);

        // From the original: the copy is reported as a copy of the article, not as a story.
        const RelatedResult fromOriginal = related(m_original);
        QVERIFY(fromOriginal.copiesOfArticle.contains(m_copy));
        for (const RelatedStory &s : fromOriginal.stories)
            QVERIFY(s.id != m_copy && !s.duplicates.contains(m_copy));
        const RelatedResult fromCopy = related(m_copy);
        QVERIFY(fromCopy.copiesOfArticle.contains(m_original));
        QVERIFY(!fromCopy.stories.isEmpty());
        QCOMPARE(m_storyOf.value(fromCopy.stories.first().id), story);
    }

    void longCopiesAreGrouped()
    {
        // A long text (every article of one story in a row, ~200 words: more terms than are
        // counted for document frequency) carried by two feeds.
        QString text;
        QString title;
        for (qint64 id : m_stories[QStringLiteral("wildfire")]) {
            SqlQuery q(*m_writer);
            q.prepare(QStringLiteral("SELECT title, text FROM article_search_source WHERE id = ?"));
            q.bind(id);
            QVERIFY(q.exec() && q.next());
            if (title.isEmpty())
                title = q.value(0).toString() + QStringLiteral(": the long read");
            text += q.value(1).toString() + QLatin1Char(' ');
        }
        const QJsonObject article{{QStringLiteral("title"), title}, {QStringLiteral("text"), text}};
        const qint64 first = save(article, QStringLiteral("Long Reads"));
        const qint64 second = save(article, QStringLiteral("Weekend Magazine"));
        QVERIFY(text.split(QLatin1Char(' '), Qt::SkipEmptyParts).size() > 150);
        const RelatedResult r = related(first);
        QVERIFY(r.copiesOfArticle.contains(second));
        QVERIFY(!r.stories.isEmpty());
        QCOMPARE(m_storyOf.value(r.stories.first().id), QStringLiteral("wildfire"));
        // From a story article, the two long copies make one entry.
        const RelatedResult fromStory = related(m_stories[QStringLiteral("wildfire")][2]);
        int entries = 0;
        for (const RelatedStory &s : fromStory.stories)
            if ((s.id == first && s.duplicates.contains(second)) ||
                (s.id == second && s.duplicates.contains(first)))
                ++entries;
            else
                QVERIFY(s.id != first && s.id != second);
        QCOMPARE(entries, 1);
    }

    void chineseStoriesFindEachOther()
    {
        for (const QString &key : {QStringLiteral("hangzhou"), QStringLiteral("recall")}) {
            for (qint64 id : m_stories[key]) {
                const RelatedResult r = related(id, 3);
                QCOMPARE(r.stories.size(), 3);
                for (const RelatedStory &s : r.stories)
                    QCOMPARE(m_storyOf.value(s.id), key);
            }
        }
    }

    void limitIsRespected()
    {
        const qint64 id = m_stories[QStringLiteral("rates")].first();
        QCOMPARE(related(id, 2).stories.size(), 2);
        QVERIFY(related(id, 1).stories.size() == 1);
        QVERIFY(!mentions(related(id, 10), id));
    }

    void unknownArticleIsAnError()
    {
        QString error;
        QVERIFY(!RelatedStories(*m_reader).related(987654, 10, &error));
        QVERIFY(error.contains(QLatin1String("987654")));
    }

    void cliJson()
    {
        const qint64 id = m_stories[QStringLiteral("probe")].first();
        QProcess p;
        p.start(QStringLiteral(BROADSHEET_CLI),
                {QStringLiteral("--profile"), profile(), QStringLiteral("related"),
                 QString::number(id), QStringLiteral("--json"), QStringLiteral("--limit"),
                 QStringLiteral("3")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonArray a = QJsonDocument::fromJson(p.readAllStandardOutput()).array();
        QCOMPARE(a.size(), 3);
        for (const QJsonValue &v : a) {
            const QJsonObject o = v.toObject();
            QVERIFY(o[QStringLiteral("id")].toInteger() != id);
            QCOMPARE(m_storyOf.value(o[QStringLiteral("id")].toInteger()), QStringLiteral("probe"));
            QVERIFY(!o[QStringLiteral("title")].toString().isEmpty());
            QVERIFY(!o[QStringLiteral("feed")].toString().isEmpty());
            QVERIFY(o[QStringLiteral("score")].toDouble() > 0);
            QVERIFY(o[QStringLiteral("duplicates")].isArray());
        }
        // The copy grouped in JSON too.
        QProcess q;
        q.start(QStringLiteral(BROADSHEET_CLI),
                {QStringLiteral("--profile"), profile(), QStringLiteral("related"),
                 QString::number(m_stories[m_storyOf.value(m_original)][2]),
                 QStringLiteral("--json")});
        QVERIFY(q.waitForFinished(30000));
        QCOMPARE(q.exitCode(), 0);
        int grouped = 0;
        for (const QJsonValue &v : QJsonDocument::fromJson(q.readAllStandardOutput()).array()) {
            const QJsonObject o = v.toObject();
            const qint64 entry = o[QStringLiteral("id")].toInteger();
            const QJsonArray d = o[QStringLiteral("duplicates")].toArray();
            if ((entry == m_original && d.contains(m_copy)) ||
                (entry == m_copy && d.contains(m_original)))
                ++grouped;
        }
        QCOMPARE(grouped, 1);

        QProcess bad;
        bad.start(QStringLiteral(BROADSHEET_CLI), {QStringLiteral("--profile"), profile(),
                                                   QStringLiteral("related"), QStringLiteral("x")});
        QVERIFY(bad.waitForFinished(30000));
        QCOMPARE(bad.exitCode(), 2);
    }
};

QTEST_GUILESS_MAIN(TestRelated)
#include "test_related.moc"
