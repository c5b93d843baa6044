// SyncService: managing feeds and folders on the worker's writer connection.

#include "feeds/FeedDiscovery.h"
#include "feeds/Opml.h"
#include "feeds/OpmlImport.h"
#include "pages/PageLists.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/SettingsStore.h"
#include "sync/SyncService.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSaveFile>

namespace bs
{

namespace
{

QString orUnknown(const QString &error)
{
    return error.isEmpty() ? QStringLiteral("unknown error") : error;
}

// feed://host/path is http://host/path; feed:https://... is the address after "feed:".
QUrl normalizedFeedUrl(const QUrl &url)
{
    if (url.scheme() != QLatin1String("feed"))
        return url;
    // feed://host/path, or feed:https://host/path
    const QString rest = url.toString().mid(5);
    return QUrl(rest.startsWith(QLatin1String("//")) ? QStringLiteral("http:") + rest : rest);
}

// A title set by hand is kept through syncs; an empty one hands the title back to the feed:
// the validators and body hash are forgotten so that the next sync reads the whole document
// (a 304 or an unchanged body would not carry the title).
void setHandTitle(Feed &feed, const QString &title)
{
    if (!title.isEmpty()) {
        feed.title = title;
        feed.titleLocked = true;
        return;
    }
    if (feed.titleLocked) {
        feed.titleLocked = false;
        feed.etag.clear();
        feed.lastModified.clear();
        feed.contentHash.clear();
    }
}

} // namespace

void SyncService::postWrite(std::function<QString(Database &)> work,
                            std::function<void()> onSuccess)
{
    post([this, work = std::move(work), onSuccess = std::move(onSuccess)](SyncEngine *engine) {
        Database *db = engine->writer();
        const QString error =
            db ? work(*db) : QStringLiteral("The profile's database is not open for writing.");
        if (error.isEmpty())
            reply(onSuccess);
        else
            reply([this, error] { emit feedError(error); });
    });
}

void SyncService::addFeed(const QUrl &url, const QString &title, qint64 folderId,
                          FullTextMode fullText, const QString &newFolder)
{
    post([this, url, title, folderId, fullText, newFolder](SyncEngine *engine) {
        Feed feed;
        feed.url = normalizedFeedUrl(url);
        feed.title = title.trimmed();
        feed.fullText = fullText;
        feed.folderId = folderId;
        insertFeed(engine, feed, newFolder, url);
    });
}

void SyncService::addPageFeed(const QUrl &url, const QString &selector, const QString &title,
                              qint64 folderId, FullTextMode fullText, const QString &newFolder)
{
    post([this, url, selector, title, folderId, fullText, newFolder](SyncEngine *engine) {
        const QUrl address = normalizedFeedUrl(url);
        // The selector's syntax error reads as a sentence of its own.
        QString error = pageSelectorError(selector.trimmed());
        if (!address.isValid() || address.host().isEmpty() ||
            (address.scheme() != QLatin1String("http") &&
             address.scheme() != QLatin1String("https")))
            error = QStringLiteral("'%1' is not a web address (expected http or https).")
                        .arg(url.toString());
        if (!error.isEmpty()) {
            reply([this, url, error] { emit feedAddFailed(url, error); });
            return;
        }
        Feed feed;
        feed.url = address;
        feed.title = title.trimmed();
        feed.fullText = fullText;
        feed.folderId = folderId;
        feed.kind = FeedKind::Page;
        feed.pageSelector = selector.trimmed();
        insertFeed(engine, feed, newFolder, url);
    });
}

void SyncService::insertFeed(SyncEngine *engine, Feed feed, const QString &newFolder,
                             const QUrl &asked)
{
    Database *db = engine->writer();
    if (!db) {
        reply([this, asked] {
            emit feedAddFailed(asked,
                               QStringLiteral("The profile's database is not open for writing."));
        });
        return;
    }
    const qint64 folderId = feed.folderId;
    QString error;
    std::optional<qint64> id;
    {
        Transaction tx(*db);
        FeedStore store(*db);
        if (!tx.isActive()) {
            error = db->lastError();
        } else if (folderId != 0 && !store.folder(folderId)) {
            error = QStringLiteral("The folder was removed meanwhile.");
        } else if (const auto existing = store.feedByUrl(feed.url)) {
            error =
                QStringLiteral("You are already subscribed to %1 (\"%2\").")
                    .arg(feed.url.toString(),
                         existing->title.isEmpty() ? existing->url.toString() : existing->title);
        } else {
            if (!newFolder.trimmed().isEmpty()) {
                const auto created = store.folderId(newFolder.trimmed(), folderId);
                if (created)
                    feed.folderId = *created;
                else
                    error = orUnknown(db->lastError());
            }
            if (error.isEmpty()) {
                id = store.addFeed(feed);
                if (!id || !tx.commit()) {
                    error = orUnknown(db->lastError());
                    id.reset();
                }
            }
        }
    }
    if (!id) {
        reply([this, asked, error] { emit feedAddFailed(asked, error); });
        return;
    }
    const qint64 feedId = *id;
    const QUrl stored = feed.url;
    reply([this, feedId, stored] {
        emit feedAdded(feedId, stored);
        emit feedsChanged();
        if (m_syncNewFeeds)
            syncFeeds({feedId});
    });
}

void SyncService::updateFeed(const Feed &edited)
{
    const qint64 feedId = edited.id;
    postWrite(
        [edited](Database &db) -> QString {
            Transaction tx(db);
            if (!tx.isActive())
                return orUnknown(db.lastError());
            FeedStore store(db);
            auto feed = store.feed(edited.id);
            if (!feed)
                return QStringLiteral("The feed was removed meanwhile.");
            const QUrl url = normalizedFeedUrl(edited.url);
            if (url != feed->url) {
                if (!url.isValid() || url.host().isEmpty() ||
                    (url.scheme() != QLatin1String("http") &&
                     url.scheme() != QLatin1String("https")))
                    return QStringLiteral("'%1' is not a web address of a feed.")
                        .arg(edited.url.toString());
                if (const auto other = store.feedByUrl(url))
                    return QStringLiteral("Another feed (\"%1\") already has the address %2.")
                        .arg(other->title, url.toString());
                // A new address is fetched afresh: no validators, due now.
                feed->url = url;
                feed->etag.clear();
                feed->lastModified.clear();
                feed->contentHash.clear();
                feed->nextFetch = QDateTime();
            }
            const QString title = edited.title.trimmed();
            if (title != feed->title)
                setHandTitle(*feed, title);
            if (edited.fetchIntervalSecs != feed->fetchIntervalSecs) {
                feed->fetchIntervalSecs = std::max(0, edited.fetchIntervalSecs);
                feed->nextFetch = QDateTime(); // the next check fetches it with the new interval
            }
            if (feed->kind == FeedKind::Page) {
                const QString selector = edited.pageSelector.trimmed();
                if (QString bad = pageSelectorError(selector); !bad.isEmpty())
                    return bad;
                if (selector != feed->pageSelector) {
                    // Another list of the same page: read the page again even when it did not
                    // change (an unchanged body would not be read at all), and soon.
                    feed->pageSelector = selector;
                    feed->etag.clear();
                    feed->lastModified.clear();
                    feed->contentHash.clear();
                    feed->nextFetch = QDateTime();
                }
            }
            feed->fullText = edited.fullText;
            feed->retentionDays = edited.retentionDays;
            if (!store.updateFeed(*feed) || !tx.commit())
                return orUnknown(db.lastError());
            return {};
        },
        [this, feedId] {
            emit feedUpdated(feedId);
            emit feedsChanged();
        });
}

void SyncService::renameFeed(qint64 feedId, const QString &title)
{
    postWrite(
        [feedId, title](Database &db) -> QString {
            Transaction tx(db);
            if (!tx.isActive())
                return orUnknown(db.lastError());
            FeedStore store(db);
            auto feed = store.feed(feedId);
            if (!feed)
                return QStringLiteral("The feed was removed meanwhile.");
            setHandTitle(*feed, title.trimmed());
            if (!store.updateFeed(*feed) || !tx.commit())
                return orUnknown(db.lastError());
            return {};
        },
        [this, feedId] {
            emit feedUpdated(feedId);
            emit feedsChanged();
        });
}

void SyncService::removeFeed(qint64 feedId)
{
    postWrite(
        [feedId](Database &db) -> QString {
            FeedStore store(db);
            const auto feed = store.feed(feedId);
            if (feed && FeedStore::isBuiltIn(*feed))
                return QStringLiteral("\"%1\" is built in and cannot be removed.").arg(feed->title);
            return store.removeFeed(feedId) ? QString() : orUnknown(db.lastError());
        },
        [this] { emit feedsChanged(); });
}

void SyncService::moveFeed(qint64 feedId, qint64 folderId)
{
    postWrite(
        [feedId, folderId](Database &db) -> QString {
            return FeedStore(db).moveFeed(feedId, folderId) ? QString() : orUnknown(db.lastError());
        },
        [this] { emit feedsChanged(); });
}

void SyncService::createFolder(const QString &name, qint64 parentId)
{
    auto id = std::make_shared<qint64>(0);
    postWrite(
        [name, parentId, id](Database &db) -> QString {
            const auto created = FeedStore(db).createFolder(name, parentId);
            if (!created)
                return orUnknown(db.lastError());
            *id = *created;
            return {};
        },
        [this, id, name] {
            emit folderCreated(*id, name.trimmed());
            emit feedsChanged();
        });
}

void SyncService::renameFolder(qint64 folderId, const QString &name)
{
    postWrite(
        [folderId, name](Database &db) -> QString {
            return FeedStore(db).renameFolder(folderId, name) ? QString()
                                                              : orUnknown(db.lastError());
        },
        [this] { emit feedsChanged(); });
}

void SyncService::moveFolder(qint64 folderId, qint64 parentId)
{
    postWrite(
        [folderId, parentId](Database &db) -> QString {
            return FeedStore(db).moveFolder(folderId, parentId) ? QString()
                                                                : orUnknown(db.lastError());
        },
        [this] { emit feedsChanged(); });
}

void SyncService::removeFolder(qint64 folderId, bool deleteFeeds)
{
    postWrite(
        [folderId, deleteFeeds](Database &db) -> QString {
            return FeedStore(db).removeFolder(folderId, deleteFeeds
                                                            ? FeedStore::FolderContents::Delete
                                                            : FeedStore::FolderContents::MoveUp)
                       ? QString()
                       : orUnknown(db.lastError());
        },
        [this] { emit feedsChanged(); });
}

void SyncService::importOpml(const QString &path)
{
    auto counts = std::make_shared<OpmlImportCounts>();
    postWrite(
        [path, counts](Database &db) -> QString {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return QStringLiteral("Cannot read %1: %2.").arg(path, file.errorString());
            QString error;
            const auto document = parseOpml(file.readAll(), &error);
            if (!document)
                return QStringLiteral("%1 is not an OPML file: %2").arg(path, error);
            const auto applied = OpmlImport::apply(db, *document);
            if (!applied)
                return QStringLiteral("Nothing was imported from %1: %2")
                    .arg(path, orUnknown(db.lastError()));
            *counts = *applied;
            return {};
        },
        [this, path, counts] {
            emit opmlImported(path, *counts);
            emit feedsChanged();
            // New feeds have never been fetched, so they are due.
            if (m_syncNewFeeds && counts->feedsAdded > 0 && !m_syncing)
                syncDue();
        });
}

void SyncService::exportOpml(const QString &path)
{
    auto feeds = std::make_shared<int>(0);
    postWrite(
        [path, feeds](Database &db) -> QString {
            const OpmlDocument document = OpmlExport::fromStore(db);
            const QByteArray opml = writeOpml(document);
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(opml) != opml.size() ||
                !file.commit())
                return QStringLiteral("Cannot write %1: %2.").arg(path, file.errorString());
            *feeds = document.root.feedCount();
            return {};
        },
        [this, path, feeds] { emit opmlExported(path, *feeds); });
}

void SyncService::setSetting(const QString &key, const QString &value)
{
    postWrite(
        [key, value](Database &db) -> QString {
            return SettingsStore(db).setValue(key, value) ? QString() : orUnknown(db.lastError());
        },
        [this, key, value] { emit settingChanged(key, value); });
}

void SyncService::discover(const QUrl &url, int timeoutMs)
{
    post([this, url, timeoutMs](SyncEngine *engine) {
        if (!m_discovery) {
            // A network manager of its own, owned by the discovery so that it outlives the
            // discovery's destructor (which aborts its replies); both go with the engine.
            auto *network = new QNetworkAccessManager;
            m_discovery = new FeedDiscovery(*network, engine);
            network->setParent(m_discovery);
        }
        FeedDiscovery *discovery = m_discovery;
        discovery->abort();
        disconnect(discovery, &FeedDiscovery::finished, nullptr, nullptr);
        connect(discovery, &FeedDiscovery::finished, discovery,
                [this, engine, discovery, url](const QList<DiscoveredFeed> &feeds) {
                    const QString error = discovery->errorString();
                    const FeedDiscovery::Page page = discovery->page();
                    keepDiscoveredPage(engine, url, page);
                    if (!page.url.isValid()) {
                        reply([this, url, feeds, error] { emit discovered(url, feeds, error); });
                        return;
                    }
                    // The address answered with a web page: its lists follow at once.
                    const PageListsResult lists = discovery->pageLists();
                    reply([this, url, feeds, error, lists] {
                        emit discovered(url, feeds, error);
                        emit pageListsFound(url, lists);
                    });
                });
        discovery->setTimeout(timeoutMs);
        discovery->start(normalizedFeedUrl(url));
    });
}

void SyncService::cancelDiscovery()
{
    post([this](SyncEngine *) {
        if (m_discovery)
            m_discovery->abort();
    });
}

} // namespace bs
