#include "models/BackgroundReader.h"

#include "store/Database.h"

#include <QDebug>

namespace bs
{

BackgroundReader::BackgroundReader(QString databasePath, QObject *parent)
    : QObject(parent), m_path(std::move(databasePath)), m_worker(new QObject)
{
    m_thread.setObjectName(QStringLiteral("background-reader"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

BackgroundReader::~BackgroundReader()
{
    // The jobs already queued run first; then the connection is closed on its own thread.
    QMetaObject::invokeMethod(
        m_worker,
        [this] {
            m_db.reset();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
    delete m_worker;
}

void BackgroundReader::post(std::function<void(Database *)> job)
{
    QMetaObject::invokeMethod(
        m_worker,
        [this, job = std::move(job)] {
            if (!m_db && !m_openFailed) {
                QString error;
                m_db = Database::openReader(m_path, &error);
                if (!m_db) {
                    m_openFailed = true;
                    qWarning() << "background reader:" << error;
                }
            }
            job(m_db.get());
        },
        Qt::QueuedConnection);
}

void BackgroundReader::deliver(std::function<void()> answer)
{
    // Queued to this object (GUI thread); deleting it waits for the thread first, so the
    // object outlives every post made from the thread.
    QMetaObject::invokeMethod(this, std::move(answer), Qt::QueuedConnection);
}

} // namespace bs
