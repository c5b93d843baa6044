#pragma once

#include "net/FetchPolicy.h"
#include "net/FetchResult.h"

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QTimeZone>

#include <memory>

class QNetworkAccessManager;

namespace bs
{

class Database;
class Fetcher;

// The background sync worker. It owns the profile's single writer connection, its own
// QNetworkAccessManager and Fetcher, and lives on the thread that calls open() (move it to a
// QThread and invoke open() there; the GUI then talks to it only through queued calls).
// Each feed's answer is parsed and merged in one transaction; what changed is reported.
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    struct Progress {
        int feedsDone = 0;
        int feedsTotal = 0;
        qint64 bytes = 0;
        int errors = 0;
        qint64 currentFeed = 0;
    };

    explicit SyncEngine(QString databasePath, FetchPolicy policy = {}, QObject *parent = nullptr);
    ~SyncEngine() override;

    // Dates without a zone in feeds are read in this zone (default: the system's).
    void setZonelessZone(const QTimeZone &zone) { m_zone = zone; }

public slots:
    // Opens the writer connection and the network stack on the current thread.
    bool open();
    // Fetches every enabled feed (or just these), whether due or not.
    void syncAll();
    void syncFeeds(const QList<qint64> &feedIds);
    void cancel();

signals:
    void feedSynced(qint64 feedId, const QList<qint64> &added, const QList<qint64> &updated,
                    const QString &error);
    void progressChanged(const bs::SyncEngine::Progress &progress);
    void finished(const bs::SyncEngine::Progress &progress);
    void failed(const QString &error);

private:
    void handle(const FetchResult &result);
    void finishIfDone();

    QString m_path;
    FetchPolicy m_policy;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    std::unique_ptr<Database> m_db;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Fetcher> m_fetcher;
    QSet<qint64> m_pending;
    Progress m_progress;
};

} // namespace bs

Q_DECLARE_METATYPE(bs::SyncEngine::Progress)
