// SyncService's entry points for the desktop's first run and subscribe links: the writes run
// on the worker, which owns the writer connection; the answer comes back queued.
#include "store/Database.h"
#include "store/FeedStore.h"
#include "sync/SyncService.h"

namespace bs
{

void SyncService::runFirstRun(const FirstRunContent &content)
{
    // The destructor waits for the worker, so the service outlives this call; a report still
    // queued when the service goes is dropped with it.
    SyncService *service = this;
    post([service, content](SyncEngine *engine) {
        FirstRunReport report;
        if (Database *writer = engine->writer())
            report = FirstRun::run(*writer, content);
        else
            report.error = QStringLiteral("The profile's database could not be opened.");
        QMetaObject::invokeMethod(
            service, [service, report] { emit service->firstRunFinished(report); },
            Qt::QueuedConnection);
    });
}

void SyncService::subscribe(const QUrl &url)
{
    SyncService *service = this;
    post([service, url](SyncEngine *engine) {
        qint64 id = 0;
        QString error;
        if (Database *writer = engine->writer()) {
            Feed feed;
            feed.url = url;
            if (const auto added = FeedStore(*writer).addFeed(feed))
                id = *added;
            else
                error = writer->lastError();
        } else {
            error = QStringLiteral("The profile's database could not be opened.");
        }
        QMetaObject::invokeMethod(
            service, [service, id, error] { emit service->subscribed(id, error); },
            Qt::QueuedConnection);
        if (id != 0)
            engine->syncFeeds({id});
    });
}

} // namespace bs
