#pragma once

#include "net/FetchResult.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace bs
{

class ArticleDownloader;
class Database;
class Fetcher;

// "Save page for later": a web page becomes a starred article of the built-in "Saved pages"
// feed, read offline like any other (extracted full text, search index, images in the media
// cache). The guid is the address asked for, so saving it again updates the same article.
// `broadsheet-cli save` and the app's worker (SyncService::savePage) share this.
struct SavedPage {
    qint64 id = 0; // 0 when it failed
    bool inserted = false;
    QString title;
    QUrl url;      // where the page was found (after redirects)
    QString error; // a sentence for a person when it failed
};

// The address as a web address (http or https with a host), or an invalid QUrl.
QUrl savablePageAddress(const QString &text);

// Checks the fetched page (HTML), extracts it and stores it with its full text, starred, in one
// article of the "Saved pages" feed. Needs the writer. Its images are not fetched here: queue
// them with ArticleDownloader::enqueueMedia(id).
SavedPage storeSavedPage(Database &writer, const QUrl &requested, const FetchResult &fetched);

// Fetches and stores pages asynchronously on the caller's thread and network stack (the sync
// worker's), then queues their images on the given downloader (may be null).
class PageSaver : public QObject
{
    Q_OBJECT
public:
    PageSaver(Database &writer, QNetworkAccessManager &network, ArticleDownloader *downloader,
              QObject *parent = nullptr);
    ~PageSaver() override;

    // Returns the request's number; saved() reports it once (an address that is not http(s)
    // from the event loop, without fetching).
    int save(const QUrl &url);
    void cancel();

signals:
    void saved(int request, const QUrl &requested, const bs::SavedPage &result);

private:
    void fetched(const FetchResult &result);

    Database &m_db;
    ArticleDownloader *m_downloader;
    std::unique_ptr<Fetcher> m_fetcher;
    QHash<int, QUrl> m_requests; // fetch tag -> address asked for
    int m_nextTag = 1;
};

} // namespace bs
