#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>

namespace bs
{

class Database;

// A thread with its own read-only connection for the GUI's slower reads (related stories,
// saved searches' live counts), so the GUI thread never waits on them. Jobs run one at a time
// in the order posted; each job's answer comes back on the GUI thread, and is dropped when the
// object that asked has gone. The connection is opened on the thread on first use and closed
// there.
class BackgroundReader : public QObject
{
    Q_OBJECT
public:
    explicit BackgroundReader(QString databasePath, QObject *parent = nullptr);
    ~BackgroundReader() override;

    // Runs job(connection) on the thread (the connection is null when it cannot be opened),
    // then done(result) on this object's thread, unless receiver was deleted meanwhile.
    template <typename Result>
    void run(QObject *receiver, std::function<Result(Database *)> job,
             std::function<void(Result)> done)
    {
        post([this, receiver = QPointer<QObject>(receiver), job = std::move(job),
              done = std::move(done)](Database *db) {
            auto result = std::make_shared<Result>(job(db));
            deliver([receiver, done, result] {
                if (receiver)
                    done(std::move(*result));
            });
        });
    }

private:
    void post(std::function<void(Database *)> job);
    void deliver(std::function<void()> answer);

    QString m_path;
    QThread m_thread;
    QObject *m_worker = nullptr;    // lives on m_thread
    std::unique_ptr<Database> m_db; // opened, used and closed on m_thread only
    bool m_openFailed = false;
};

} // namespace bs
