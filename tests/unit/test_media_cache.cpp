// MediaCache on real files: type checks, content addressing and dedupe, lookups from the
// writer and from a read-only connection, LRU eviction with starred articles pinned, orphan
// cleanup after articles are deleted, and the stored page of an article in the search index.

#include "offline/ArticleDownloader.h"
#include "offline/MediaCache.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/SqlQuery.h"
#include "store/StatusStore.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

using namespace bs;

namespace
{

// A real image of the given size, encoded as PNG or JPEG; colour makes the bytes differ.
QByteArray image(const char *format, int side, QRgb colour)
{
    QImage img(side, side, QImage::Format_RGB32);
    img.fill(colour);
    for (int i = 0; i < side; ++i)
        img.setPixel(i, (i * 7) % side, qRgb(i % 256, (i * 3) % 256, 0)); // not one flat colour
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    img.save(&buffer, format);
    return bytes;
}

qint64 scalar(Database &db, const QString &sql)
{
    SqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestMediaCache : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    QString m_media;
    std::unique_ptr<Database> m_db;
    int m_round = 0;

    qint64 addArticle(const QString &guid, const QString &summary = QStringLiteral("<p>s</p>"))
    {
        const qint64 feed =
            FeedStore(*m_db)
                .addFeed(Feed{.url = QUrl(QStringLiteral("http://media.test/%1").arg(guid))})
                .value_or(0);
        Article a;
        a.feedId = feed;
        a.guid = guid;
        a.title = QStringLiteral("Article ") + guid;
        a.url = QUrl(QStringLiteral("http://media.test/page/") + guid);
        a.summary = summary;
        return ArticleStore(*m_db).save(a).id;
    }

private slots:
    void init()
    {
        const QString profile = m_dir.filePath(QStringLiteral("p%1").arg(++m_round));
        QVERIFY(QDir().mkpath(profile));
        m_path = profile + QStringLiteral("/broadsheet.sqlite");
        m_media = MediaCache::directoryFor(m_path);
        QCOMPARE(m_media, profile + QStringLiteral("/media"));
        QString error;
        m_db = Database::openWriter(m_path, &error);
        QVERIFY2(m_db, qPrintable(error));
    }
    void cleanup() { m_db.reset(); }

    void sniffsImageTypesFromBytes()
    {
        QCOMPARE(MediaCache::sniffImageType(image("PNG", 4, qRgb(1, 2, 3))),
                 QStringLiteral("image/png"));
        QCOMPARE(MediaCache::sniffImageType(image("JPEG", 8, qRgb(1, 2, 3))),
                 QStringLiteral("image/jpeg"));
        QCOMPARE(MediaCache::sniffImageType("GIF89a\x01\x00"), QStringLiteral("image/gif"));
        QCOMPARE(MediaCache::sniffImageType(QByteArray("RIFF\x10\0\0\0WEBPVP8 ", 16)),
                 QStringLiteral("image/webp"));
        QVERIFY(MediaCache::sniffImageType("<html><body>not an image</body></html>").isEmpty());
        QVERIFY(
            MediaCache::sniffImageType("<svg xmlns=\"http://www.w3.org/2000/svg\"/>").isEmpty());
        QVERIFY(MediaCache::sniffImageType({}).isEmpty());
    }

    void storesContentAddressedAndDedupes()
    {
        const qint64 a1 = addArticle(QStringLiteral("a1"));
        const qint64 a2 = addArticle(QStringLiteral("a2"));
        MediaCache cache(*m_db, m_media);
        const QByteArray png = image("PNG", 16, qRgb(200, 10, 10));
        QString error;
        const auto id1 = cache.store(a1, QUrl(QStringLiteral("http://img.test/one.png")), png,
                                     QStringLiteral("image/png"), 1 << 20, &error);
        QVERIFY2(id1, qPrintable(error));
        // The same bytes under another address (and another declared type): one file.
        const auto id2 = cache.store(a2, QUrl(QStringLiteral("http://cdn.test/copy?x=1&y=2")), png,
                                     QStringLiteral("image/jpeg; q=1"), 1 << 20, &error);
        QVERIFY2(id2, qPrintable(error));
        QVERIFY(*id1 != *id2);

        const QString sha =
            QString::fromLatin1(QCryptographicHash::hash(png, QCryptographicHash::Sha256).toHex());
        const QString file = m_media + QLatin1Char('/') + sha.left(2) + QLatin1Char('/') + sha;
        QVERIFY(QFile::exists(file));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), png);

        const MediaCache::Stats s = cache.stats();
        QCOMPARE(s.entries, 2);
        QCOMPARE(s.files, 1);
        QCOMPARE(s.bytes, png.size());
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM article_media")), 2);
        QCOMPARE(QDir(m_media + QLatin1Char('/') + sha.left(2)).entryList(QDir::Files).size(), 1);

        const auto entry = cache.lookup(QUrl(QStringLiteral("http://cdn.test/copy?x=1&y=2")));
        QVERIFY(entry);
        QCOMPARE(entry->filePath, file);
        QCOMPARE(entry->mimeType, QStringLiteral("image/png")); // from the bytes
        QCOMPARE(entry->size, png.size());
        QVERIFY(!cache.lookup(QUrl(QStringLiteral("http://img.test/missing.png"))));

        // Linking an address cached before does not need the bytes again.
        const qint64 a3 = addArticle(QStringLiteral("a3"));
        QVERIFY(cache.linkExisting(a3, QUrl(QStringLiteral("http://img.test/one.png"))));
        QVERIFY(!cache.linkExisting(a3, QUrl(QStringLiteral("http://img.test/never.png"))));
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM article_media")), 3);
    }

    void refusesWhatIsNotAnAllowedImage()
    {
        const qint64 a = addArticle(QStringLiteral("r"));
        MediaCache cache(*m_db, m_media);
        QString error;
        const QByteArray png = image("PNG", 32, qRgb(1, 100, 1));
        QVERIFY(!cache.store(a, QUrl(QStringLiteral("http://img.test/page")), png,
                             QStringLiteral("text/html"), 1 << 20, &error));
        QVERIFY2(error.contains(QLatin1String("not an image")), qPrintable(error));
        QVERIFY(!cache.store(a, QUrl(QStringLiteral("http://img.test/fake.png")),
                             "<html>an error page</html>", QStringLiteral("image/png"), 1 << 20,
                             &error));
        QVERIFY2(error.contains(QLatin1String("not a PNG")), qPrintable(error));
        QVERIFY(!cache.store(a, QUrl(QStringLiteral("http://img.test/big.png")), png,
                             QStringLiteral("image/png"), png.size() - 1, &error));
        QVERIFY2(error.contains(QLatin1String("larger")), qPrintable(error));
        QCOMPARE(cache.stats().entries, 0);
        QVERIFY(!QDir(m_media).exists() || QDir(m_media).isEmpty());
    }

    void readerLookupsAreTouchedByTheWriter()
    {
        const qint64 a = addArticle(QStringLiteral("t"));
        MediaCache writerCache(*m_db, m_media);
        QString error;
        const QUrl url(QStringLiteral("http://img.test/t.png"));
        const auto id = writerCache.store(a, url, image("PNG", 8, qRgb(5, 5, 5)),
                                          QStringLiteral("image/png"), 1 << 20, &error);
        QVERIFY(id);
        QSqlQuery age(m_db->sql());
        QVERIFY(age.exec(QStringLiteral("UPDATE media_cache SET last_access = 1000")));
        // A touch never moves last_access back.
        QVERIFY(writerCache.touch({*id}, QDateTime::fromSecsSinceEpoch(500, Qt::UTC)));
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT last_access FROM media_cache")), 1000);

        auto reader = Database::openReader(m_path, &error);
        QVERIFY2(reader, qPrintable(error));
        MediaCache readerCache(*reader, m_media);
        const auto entry = readerCache.lookup(url);
        QVERIFY(entry);
        QVERIFY(QFile::exists(entry->filePath));
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT last_access FROM media_cache")), 1000);
        const QList<qint64> accessed = readerCache.takeAccessed();
        QCOMPARE(accessed, QList<qint64>{*id});
        QVERIFY(readerCache.takeAccessed().isEmpty());
        QVERIFY(writerCache.touch(accessed, QDateTime::currentDateTimeUtc()));
        QVERIFY(scalar(*m_db, QStringLiteral("SELECT last_access FROM media_cache")) > 1000);

        // The writer's own lookup touches at once.
        QSqlQuery reset(m_db->sql());
        QVERIFY(reset.exec(QStringLiteral("UPDATE media_cache SET last_access = 1000")));
        QVERIFY(writerCache.lookup(url));
        QVERIFY(scalar(*m_db, QStringLiteral("SELECT last_access FROM media_cache")) > 1000);
    }

    void evictsLeastRecentlyUsedButNeverStarred()
    {
        MediaCache cache(*m_db, m_media);
        QString error;
        struct Item {
            qint64 article;
            qint64 media;
            QByteArray bytes;
        };
        QList<Item> items;
        for (int i = 0; i < 4; ++i) {
            const qint64 a = addArticle(QStringLiteral("e%1").arg(i));
            const QByteArray bytes = image("PNG", 24, qRgb(40 * i, 7, 9));
            const auto id = cache.store(a, QUrl(QStringLiteral("http://img.test/e%1.png").arg(i)),
                                        bytes, QStringLiteral("image/png"), 1 << 20, &error);
            QVERIFY2(id, qPrintable(error));
            items.append(Item{a, *id, bytes});
        }
        // Last used: e0 longest ago, then e2, e3, e1 (not the order they were stored in).
        const int lastAccess[] = {100, 400, 200, 300};
        for (int i = 0; i < 4; ++i) {
            SqlQuery q(*m_db);
            q.prepare(QStringLiteral("UPDATE media_cache SET last_access = ? WHERE id = ?"));
            q.bind(qint64(lastAccess[i])).bind(items[i].media);
            QVERIFY(q.exec());
        }
        // e0 (the oldest) belongs to a starred article: pinned.
        QCOMPARE(StatusStore(*m_db).setStarred({items[0].article}, true), 1);
        const qint64 total = cache.stats().bytes;
        QCOMPARE(cache.stats().pinnedBytes, items[0].bytes.size());
        // Room for all but two: e2 and e3 must go (least recently used, unpinned); e0 and e1
        // stay.
        const qint64 budget = total - items[2].bytes.size() - items[3].bytes.size();
        const MediaCache::Eviction ev = cache.enforceBudget(budget);
        QCOMPARE(ev.entries, 2);
        QCOMPARE(ev.files, 2);
        QCOMPARE(ev.bytes, items[2].bytes.size() + items[3].bytes.size());
        QVERIFY(cache.lookup(QUrl(QStringLiteral("http://img.test/e0.png"))));
        QVERIFY(cache.lookup(QUrl(QStringLiteral("http://img.test/e1.png"))));
        QVERIFY(!cache.lookup(QUrl(QStringLiteral("http://img.test/e2.png"))));
        QVERIFY(!cache.lookup(QUrl(QStringLiteral("http://img.test/e3.png"))));
        for (int i : {2, 3}) {
            const QString sha = QString::fromLatin1(
                QCryptographicHash::hash(items[i].bytes, QCryptographicHash::Sha256).toHex());
            QVERIFY(!QFile::exists(cache.filePath(sha)));
        }
        // A budget of nothing still keeps the pinned image.
        cache.enforceBudget(0);
        QCOMPARE(cache.stats().entries, 1);
        QVERIFY(cache.lookup(QUrl(QStringLiteral("http://img.test/e0.png"))));
    }

    void removesOrphansAfterArticlesGo()
    {
        MediaCache cache(*m_db, m_media);
        QString error;
        const qint64 kept = addArticle(QStringLiteral("kept"));
        const qint64 gone = addArticle(QStringLiteral("gone"));
        const QByteArray shared = image("PNG", 12, qRgb(9, 9, 200));
        const QByteArray own = image("JPEG", 12, qRgb(200, 9, 9));
        QVERIFY(cache.store(kept, QUrl(QStringLiteral("http://img.test/shared.png")), shared,
                            QStringLiteral("image/png"), 1 << 20, &error));
        QVERIFY(cache.store(gone, QUrl(QStringLiteral("http://img.test/shared.png")), shared,
                            QStringLiteral("image/png"), 1 << 20, &error));
        QVERIFY(cache.store(gone, QUrl(QStringLiteral("http://img.test/own.jpg")), own,
                            QStringLiteral("image/jpeg"), 1 << 20, &error));
        // What a process killed between the file's rename and the row's commit leaves, and
        // a temporary file of an interrupted write.
        const QByteArray stray = image("PNG", 6, qRgb(1, 1, 1));
        const QString straySha = QString::fromLatin1(
            QCryptographicHash::hash(stray, QCryptographicHash::Sha256).toHex());
        QVERIFY(QDir().mkpath(QFileInfo(cache.filePath(straySha)).absolutePath()));
        QFile strayFile(cache.filePath(straySha));
        QVERIFY(strayFile.open(QIODevice::WriteOnly));
        strayFile.write(stray);
        strayFile.close();
        QFile temp(cache.filePath(straySha) + QStringLiteral(".XyZ123"));
        QVERIFY(temp.open(QIODevice::WriteOnly));
        temp.close();

        {
            Transaction tx(*m_db);
            QVERIFY(ArticleStore(*m_db).removeInTransaction(gone));
            QVERIFY(tx.commit());
        }
        QCOMPARE(cache.removeOrphans(), 3); // own.jpg, the stray file, the temporary file
        QCOMPARE(cache.stats().entries, 1);
        QVERIFY(cache.lookup(QUrl(QStringLiteral("http://img.test/shared.png"))));
        QVERIFY(!cache.lookup(QUrl(QStringLiteral("http://img.test/own.jpg"))));
        const QString ownSha =
            QString::fromLatin1(QCryptographicHash::hash(own, QCryptographicHash::Sha256).toHex());
        QVERIFY(!QFile::exists(cache.filePath(ownSha)));
        QVERIFY(!QFile::exists(cache.filePath(straySha)));
        QVERIFY(!QFile::exists(temp.fileName()));
        // Every row names a file that exists.
        SqlQuery q(*m_db);
        QVERIFY(q.exec(QStringLiteral("SELECT sha256 FROM media_cache")));
        while (q.next())
            QVERIFY(QFile::exists(cache.filePath(q.value(0).toString())));
    }

    void storedPageIsSearchableAndSurvivesFeedUpdates()
    {
        const qint64 id = addArticle(QStringLiteral("page"), QStringLiteral("<p>Short teaser</p>"));
        ArticleStore store(*m_db);
        ArticlePage page;
        page.fullText = QStringLiteral("<p>The quillwort meadow flooded again this spring.</p>");
        page.leadImage = QStringLiteral("http://img.test/lead.jpg");
        page.lang = QStringLiteral("en");
        page.relatedJson = QStringLiteral("[{\"title\":\"T\",\"url\":\"http://x.test/\","
                                          "\"snippet\":\"S\"}]");
        QVERIFY(store.savePage(id, page));
        auto hits = [&](const QString &word) {
            SqlQuery q(*m_db);
            q.prepare(QStringLiteral("SELECT rowid FROM article_fts WHERE article_fts MATCH ?"));
            q.bind(word);
            QList<qint64> out;
            if (q.exec())
                while (q.next())
                    out.append(q.value(0).toLongLong());
            return out;
        };
        QCOMPARE(hits(QStringLiteral("quillwort")), QList<qint64>{id});
        QCOMPARE(hits(QStringLiteral("teaser")), QList<qint64>{id});
        const auto stored = store.page(id);
        QVERIFY(stored);
        QCOMPARE(stored->leadImage, page.leadImage);
        QCOMPARE(stored->relatedJson, page.relatedJson);
        QVERIFY(stored->extractedAt.isValid());
        QVERIFY(stored->extractError.isEmpty());

        // The feed changes the entry: its new summary is stored, the page stays and is indexed.
        Article changed = *store.article(id);
        changed.summary = QStringLiteral("<p>Changed teaser</p>");
        changed.fullText.clear();
        changed.contentHash.clear();
        QCOMPARE(store.save(changed).outcome, ArticleStore::SaveOutcome::Updated);
        QCOMPARE(store.page(id)->fullText, page.fullText);
        QCOMPARE(store.page(id)->leadImage, page.leadImage);
        QCOMPARE(hits(QStringLiteral("quillwort")), QList<qint64>{id});
        QCOMPARE(hits(QStringLiteral("changed")), QList<qint64>{id});
        QVERIFY(hits(QStringLiteral("short")).isEmpty());
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM article_fts WHERE "
                                              "article_fts MATCH 'meadow'")),
                 1);
        // The index holds exactly what the source view shows (no stale entry).
        QSqlQuery check(m_db->sql());
        QVERIFY(check.exec(QStringLiteral(
            "INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)")));

        QVERIFY(
            store.savePageError(id, QStringLiteral("HTTP 404"), QDateTime::currentDateTimeUtc()));
        QCOMPARE(store.page(id)->extractError, QStringLiteral("HTTP 404"));
        QCOMPARE(store.page(id)->fullText, page.fullText); // a later failure keeps the page
    }

    void automaticModeRule()
    {
        const QString shortSummary = QStringLiteral("<p>Two lines of teaser.</p>");
        const QString longText = QStringLiteral("<p>%1</p>").arg(QString(600, QLatin1Char('w')));
        QVERIFY(ArticleDownloader::wantsFullText(FullTextMode::Automatic, shortSummary, {}));
        QVERIFY(!ArticleDownloader::wantsFullText(FullTextMode::Automatic, shortSummary, longText));
        QVERIFY(!ArticleDownloader::wantsFullText(FullTextMode::Automatic, longText, {}));
        QVERIFY(ArticleDownloader::wantsFullText(FullTextMode::On, longText, longText));
        QVERIFY(!ArticleDownloader::wantsFullText(FullTextMode::Off, shortSummary, {}));
        const QList<QUrl> images = ArticleDownloader::imagesOf(
            QStringLiteral("http://img.test/lead.jpg"),
            QStringLiteral("<p><img alt=\"a\" src=\"http://img.test/a.png?x=1&amp;y=2\" /><img "
                           "src=\"http://img.test/lead.jpg\" /><img src=\"data:image/png;base64,"
                           "AAAA\" /></p>"));
        QCOMPARE(images, (QList<QUrl>{QUrl(QStringLiteral("http://img.test/lead.jpg")),
                                      QUrl(QStringLiteral("http://img.test/a.png?x=1&y=2"))}));
    }
};

QTEST_GUILESS_MAIN(TestMediaCache)
#include "test_media_cache.moc"
