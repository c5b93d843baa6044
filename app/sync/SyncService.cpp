#include "sync/SyncService.h"

namespace bs
{

SyncService::SyncService(QString databasePath, FetchPolicy policy, QObject *parent)
    : QObject(parent), m_engine(new SyncEngine(std::move(databasePath), std::move(policy)))
{
    m_thread.setObjectName(QStringLiteral("sync"));
    m_engine->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);

    // The engine emits on the worker thread; these connections queue onto this object's thread.
    connect(m_engine, &SyncEngine::feedSynced, this, &SyncService::feedSynced);
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
        [engine] {
            engine->cancel();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
}

void SyncService::syncAll()
{
    request({});
}

void SyncService::syncFeeds(const QList<qint64> &feedIds)
{
    request(feedIds);
}

void SyncService::request(const QList<qint64> &feedIds)
{
    m_syncing = true;
    emit syncStarted();
    SyncEngine *engine = m_engine;
    QMetaObject::invokeMethod(
        m_engine, [engine, feedIds] { engine->syncFeeds(feedIds); }, Qt::QueuedConnection);
}

void SyncService::cancel()
{
    SyncEngine *engine = m_engine;
    QMetaObject::invokeMethod(
        m_engine, [engine] { engine->cancel(); }, Qt::QueuedConnection);
}

} // namespace bs
