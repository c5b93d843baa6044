#include "sync/SyncService.h"

namespace bs
{

SyncService::SyncService(QString databasePath, FetchPolicy policy, QObject *parent)
    : QObject(parent), m_engine(new SyncEngine(std::move(databasePath), std::move(policy)))
{
    qRegisterMetaType<bs::PageListsResult>();
    m_thread.setObjectName(QStringLiteral("sync"));
    m_engine->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);

    // The engine emits on the worker thread; these connections queue onto this object's thread.
    connect(m_engine, &SyncEngine::feedSynced, this, &SyncService::feedSynced);
    connect(m_engine, &SyncEngine::unreadCountChanged, this, &SyncService::unreadCountChanged);
    connect(m_engine, &SyncEngine::articleContentChanged, this,
            &SyncService::articleContentChanged);
    connect(m_engine, &SyncEngine::downloadsFinished, this, &SyncService::downloadsFinished);
    connect(m_engine, &SyncEngine::progressChanged, this,
            [this](const SyncEngine::Progress &progress) {
                if (progress.feedsDone < progress.feedsTotal)
                    m_syncing = true;
                emit progressChanged(progress);
            });
    connect(m_engine, &SyncEngine::finished, this, [this](const SyncEngine::Progress &progress) {
        m_syncing = false;
        emit finished(progress);
    });
    connect(m_engine, &SyncEngine::failed, this, [this](const QString &error) {
        m_syncing = false;
        emit failed(error);
    });

    m_thread.start();
    SyncEngine *engine = m_engine;
    QMetaObject::invokeMethod(
        m_engine, [engine] { engine->open(); }, Qt::QueuedConnection);
}

SyncService::~SyncService()
{
    // Cancel, then stop the loop, in this order on the worker; the engine is deleted there.
    SyncEngine *engine = m_engine;
    QMetaObject::invokeMethod(
        m_engine,
        [this, engine] {
            engine->cancel();
            // The page saver's and page previews' fetches use the engine's network stack:
            // they go first.
            delete engine->findChild<PageSaver *>(QString(), Qt::FindDirectChildrenOnly);
            dropPageCache();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
}

void SyncService::setAutoSync(int checkMs)
{
    m_autoSync.stop();
    disconnect(&m_autoSync, nullptr, this, nullptr);
    if (checkMs <= 0)
        return;
    connect(&m_autoSync, &QTimer::timeout, this, [this] {
        if (!m_syncing)
            syncDue();
    });
    m_autoSync.start(checkMs);
    // A first check soon after start-up, not a whole period later.
    QTimer::singleShot(std::min(checkMs, 3000), this, [this] {
        if (!m_syncing && m_autoSync.isActive())
            syncDue();
    });
}

void SyncService::syncAll()
{
    m_syncing = true;
    emit syncStarted();
    post([](SyncEngine *engine) { engine->syncAll(); });
}

void SyncService::syncFeeds(const QList<qint64> &feedIds)
{
    m_syncing = true;
    emit syncStarted();
    post([feedIds](SyncEngine *engine) { engine->syncFeeds(feedIds); });
}

void SyncService::syncFolder(qint64 folderId)
{
    m_syncing = true;
    emit syncStarted();
    post([folderId](SyncEngine *engine) { engine->syncFolder(folderId); });
}

void SyncService::syncDue()
{
    m_syncing = true; // until the engine reports finished, even when nothing was due
    post([](SyncEngine *engine) { engine->syncDue(); });
}

void SyncService::touchMedia(const QList<qint64> &mediaIds)
{
    if (!mediaIds.isEmpty())
        post([mediaIds](SyncEngine *engine) { engine->touchMedia(mediaIds); });
}

void SyncService::cancel()
{
    post([](SyncEngine *engine) { engine->cancel(); });
}

void SyncService::post(std::function<void(SyncEngine *)> call)
{
    SyncEngine *engine = m_engine;
    QMetaObject::invokeMethod(
        m_engine, [engine, call = std::move(call)] { call(engine); }, Qt::QueuedConnection);
}

} // namespace bs
