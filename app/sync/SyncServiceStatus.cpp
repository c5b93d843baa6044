// SyncService's writes besides syncing: read/starred state, "mark all read", labels, saved
// pages and the bookmark export. Each runs on the worker thread with the engine's writer
// connection; results come back as queued signals on the service's (the GUI's) thread.

#include "feeds/BookmarkFile.h"
#include "offline/PageSaver.h"
#include "store/BookmarkStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/LabelStore.h"
#include "store/SqlQuery.h"
#include "sync/SyncService.h"

#include <QSaveFile>
#include <QSet>

namespace bs
{

namespace
{

// The feeds these articles belong to (unknown ids are skipped).
QList<qint64> feedsOf(Database &db, const QList<qint64> &articleIds)
{
    QSet<qint64> feeds;
    SqlQuery q(db);
    q.prepare(QStringLiteral("SELECT feed_id FROM articles WHERE id = ?"));
    for (qint64 id : articleIds) {
        q.bind(id);
        if (q.exec() && q.next())
            feeds.insert(q.value(0).toLongLong());
        q.finish();
    }
    return QList<qint64>(feeds.cbegin(), feeds.cend());
}

// The feeds whose articles a scope can cover.
QList<qint64> feedsOf(Database &db, const ReadScope &scope)
{
    switch (scope.kind) {
    case ReadScope::Kind::Feed:
        return {scope.id};
    case ReadScope::Kind::Folder:
        return FeedStore(db).feedIdsInFolder(scope.id);
    case ReadScope::Kind::Articles:
        return feedsOf(db, scope.articleIds);
    case ReadScope::Kind::All:
    case ReadScope::Kind::Label:
    case ReadScope::Kind::Starred:
    case ReadScope::Kind::Today:
        break;
    }
    QList<qint64> all;
    for (const Feed &feed : FeedStore(db).feeds())
        all << feed.id;
    return all;
}

// The unread count of each feed named, read after a change (on the writer).
QList<std::pair<qint64, qint64>> unreadCountsOf(Database &db, const QList<qint64> &feedIds)
{
    StatusStore status(db);
    QList<std::pair<qint64, qint64>> counts;
    if (feedIds.size() > 16) {
        // One grouped query rather than one per feed; a feed without unread articles is absent.
        const QHash<qint64, qint64> unread = status.unreadCounts();
        for (qint64 feedId : feedIds)
            counts.append({feedId, unread.value(feedId)});
        return counts;
    }
    for (qint64 feedId : feedIds) {
        const qint64 unread = status.unreadCount(feedId);
        if (unread >= 0)
            counts.append({feedId, unread});
    }
    return counts;
}

// The saver of pages lives on the worker as the engine's child, made on first use.
PageSaver *pageSaverOf(SyncEngine *engine)
{
    if (auto *saver = engine->findChild<PageSaver *>(QString(), Qt::FindDirectChildrenOnly))
        return saver;
    return new PageSaver(*engine->writer(), *engine->network(), engine->downloader(), engine);
}

} // namespace

void SyncService::write(std::function<void(SyncEngine *, Database &)> work)
{
    post([this, work = std::move(work)](SyncEngine *engine) {
        Database *db = engine->writer(); // opens the engine when it is not yet
        if (!db) {
            reply([this] { emit writeFailed(tr("The profile's database is not open.")); });
            return;
        }
        work(engine, *db);
    });
}

void SyncService::reply(std::function<void()> report)
{
    QMetaObject::invokeMethod(this, std::move(report), Qt::QueuedConnection);
}

void SyncService::emitUnreadCounts(const QList<std::pair<qint64, qint64>> &counts)
{
    for (const auto &[feedId, unread] : counts)
        emit unreadCountChanged(feedId, unread);
}

void SyncService::setRead(const QList<qint64> &articleIds, bool read)
{
    if (articleIds.isEmpty())
        return;
    write([this, articleIds, read](SyncEngine *, Database &db) {
        const int changed = StatusStore(db).setRead(articleIds, read);
        if (changed < 0) {
            reply([this, error = db.lastError()] { emit writeFailed(error); });
            return;
        }
        // The counts first, so that a listener of readChanged sees them applied.
        const auto counts = changed > 0 ? unreadCountsOf(db, feedsOf(db, articleIds))
                                        : decltype(unreadCountsOf(db, {})){};
        reply([this, articleIds, read, changed, counts] {
            emitUnreadCounts(counts);
            emit readChanged(articleIds, read, changed);
        });
    });
}

void SyncService::setStarred(const QList<qint64> &articleIds, bool starred)
{
    if (articleIds.isEmpty())
        return;
    write([this, articleIds, starred](SyncEngine *, Database &db) {
        const int changed = StatusStore(db).setStarred(articleIds, starred);
        if (changed < 0) {
            reply([this, error = db.lastError()] { emit writeFailed(error); });
            return;
        }
        reply([this, articleIds, starred, changed] {
            emit starredChanged(articleIds, starred, changed);
        });
    });
}

void SyncService::markRead(const ReadScope &scope)
{
    write([this, scope](SyncEngine *, Database &db) {
        const int changed = StatusStore(db).markRead(scope);
        if (changed < 0) {
            const QString error = db.lastError();
            reply([this, scope, error] {
                emit writeFailed(error);
                emit markedRead(scope, -1);
            });
            return;
        }
        const auto counts = changed > 0 ? unreadCountsOf(db, feedsOf(db, scope))
                                        : decltype(unreadCountsOf(db, {})){};
        reply([this, scope, changed, counts] {
            emitUnreadCounts(counts);
            emit markedRead(scope, changed);
        });
    });
}

void SyncService::assignLabel(const QString &label, const QList<qint64> &articleIds)
{
    write([this, label, articleIds](SyncEngine *, Database &db) {
        LabelStore labels(db);
        bool created = false;
        if (!labels.find(label)) {
            if (!labels.create(label)) {
                reply([this, error = db.lastError()] { emit writeFailed(error); });
                return;
            }
            created = true;
        }
        const int changed = labels.assign(label, articleIds);
        if (changed < 0) {
            const QString error = db.lastError();
            if (created)
                labels.remove(label); // nothing carries it: do not leave it behind
            reply([this, error] { emit writeFailed(error); });
            return;
        }
        reply(
            [this, label, articleIds, changed] { emit labelsChanged(label, articleIds, changed); });
    });
}

void SyncService::unassignLabel(const QString &label, const QList<qint64> &articleIds)
{
    write([this, label, articleIds](SyncEngine *, Database &db) {
        const int changed = LabelStore(db).unassign(label, articleIds);
        if (changed < 0) {
            reply([this, error = db.lastError()] { emit writeFailed(error); });
            return;
        }
        reply(
            [this, label, articleIds, changed] { emit labelsChanged(label, articleIds, changed); });
    });
}

void SyncService::savePage(const QUrl &url)
{
    write([this, url](SyncEngine *engine, Database &) {
        PageSaver *saver = pageSaverOf(engine);
        // One connection per request, dropped when its answer came.
        auto connection = std::make_shared<QMetaObject::Connection>();
        auto request = std::make_shared<int>(0);
        *connection = connect(
            saver, &PageSaver::saved, saver,
            [this, url, connection, request](int number, const QUrl &, const SavedPage &page) {
                if (number != *request)
                    return;
                QObject::disconnect(*connection);
                reply([this, url, page] { emit pageSaved(url, page.id, page.error); });
            });
        *request = saver->save(url);
    });
}

void SyncService::exportBookmarks(const QString &path, bool json)
{
    write([this, path, json](SyncEngine *, Database &db) {
        int withoutAddress = 0;
        const auto bookmarks = BookmarkStore(db).exportAll(&withoutAddress);
        QString error;
        if (!bookmarks) {
            error = db.lastError();
        } else {
            const QByteArray data =
                json ? BookmarkFile::writeJson(*bookmarks, QDateTime::currentDateTimeUtc())
                     : BookmarkFile::writeHtml(*bookmarks);
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() ||
                !file.commit())
                error = tr("Could not write %1: %2").arg(path, file.errorString());
        }
        const int count = bookmarks && error.isEmpty() ? int(bookmarks->size()) : 0;
        reply([this, path, count, error] { emit bookmarksExported(path, count, error); });
    });
}

} // namespace bs
