// SyncService: read-state changes the GUI asks for, run on the worker's writer connection.

#include "store/StatusStore.h"
#include "sync/SyncService.h"

namespace bs
{

void SyncService::markRead(const ReadScope &scope)
{
    post([this, scope](SyncEngine *engine) {
        Database *db = engine->writer();
        const int changed = db ? StatusStore(*db).markRead(scope) : -1;
        // Back on the owner's thread (dropped if the service is gone by then).
        QMetaObject::invokeMethod(
            this, [this, changed] { emit markedRead(changed); }, Qt::QueuedConnection);
    });
}

} // namespace bs
