// Helper for test_crash: writes batches of articles to a profile database forever, starring
// every seventh article of each batch in the same run, and prints "committed N" after each
// commit. The test kills it with SIGKILL at random points.

#include "TestData.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/StatusStore.h"

#include <QCoreApplication>

#include <cstdio>

using namespace bs;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: crash_writer DB\n");
        return 2;
    }
    QString error;
    auto db = Database::openWriter(QString::fromLocal8Bit(argv[1]), &error);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    FeedStore feeds(*db);
    qint64 feedId = 0;
    if (const auto existing = feeds.feedByUrl(QUrl(QStringLiteral("https://example.test/crash"))))
        feedId = existing->id;
    else
        feedId = feeds.addFeed(Feed{.url = QUrl(QStringLiteral("https://example.test/crash"))})
                     .value_or(0);
    ArticleStore articles(*db);
    StatusStore status(*db);
    const qint64 start = articles.count({});
    test::ArticleGenerator gen(quint32(start + 1));
    constexpr int kBatch = 250;
    for (qint64 n = start;; n += kBatch) {
        QList<Article> batch;
        for (qint64 i = n; i < n + kBatch; ++i)
            batch << gen.make(feedId, int(i), 200);
        QList<ArticleStore::SaveResult> results;
        if (!articles.saveAll(batch, &results)) {
            std::fprintf(stderr, "%s\n", qPrintable(db->lastError()));
            return 1;
        }
        QList<qint64> toStar;
        for (int i = 0; i < results.size(); i += 7)
            toStar << results[i].id;
        if (status.setStarred(toStar, true) < 0)
            return 1;
        std::printf("committed %lld\n", static_cast<long long>(n + kBatch));
        std::fflush(stdout);
    }
}
