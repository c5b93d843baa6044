#include "store/Database.h"

#include "store/Migrations.h"
#include "store/SearchTokenizer.h"
#include "store/SqlQuery.h"

#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>

#include <atomic>
#include <sqlite3.h>

namespace bs
{

namespace
{
QString nextConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("broadsheet-%1").arg(counter.fetch_add(1));
}
} // namespace

Database::Database(const QString &path, bool writer)
    : m_path(path), m_connectionName(nextConnectionName()), m_writer(writer),
      m_thread(QThread::currentThread())
{
}

Database::~Database()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

std::unique_ptr<Database> Database::openWriter(const QString &path, QString *error)
{
    return openWriterAtVersion(path, Migrations::latestVersion(), error);
}

std::unique_ptr<Database> Database::openWriterAtVersion(const QString &path, int targetVersion,
                                                        QString *error)
{
    std::unique_ptr<Database> db(new Database(path, true));
    db->m_writerLock = std::make_unique<QLockFile>(path + QStringLiteral(".writer-lock"));
    db->m_writerLock->setStaleLockTime(0);
    if (!db->m_writerLock->tryLock(0)) {
        qint64 pid = 0;
        QString host, app;
        db->m_writerLock->getLockInfo(&pid, &host, &app);
        if (error)
            *error = QStringLiteral("The profile database %1 is already open for writing by "
                                    "another Broadsheet process (pid %2). Close it and try again.")
                         .arg(path)
                         .arg(pid);
        return nullptr;
    }
    if (!db->open(error))
        return nullptr;
    if (!Migrations::migrate(*db, targetVersion, error))
        return nullptr;
    return db;
}

std::unique_ptr<Database> Database::openReader(const QString &path, QString *error)
{
    if (!QFileInfo::exists(path)) {
        if (error)
            *error = QStringLiteral("No database at %1.").arg(path);
        return nullptr;
    }
    std::unique_ptr<Database> db(new Database(path, false));
    if (!db->open(error))
        return nullptr;
    const int version = db->schemaVersion();
    if (version > Migrations::latestVersion()) {
        if (error)
            *error = QStringLiteral("The database %1 was written by a newer Broadsheet "
                                    "(schema %2; this build knows up to %3).")
                         .arg(path)
                         .arg(version)
                         .arg(Migrations::latestVersion());
        return nullptr;
    }
    return db;
}

bool Database::open(QString *error)
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_path);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000");
    if (!m_writer)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    m_db.setConnectOptions(options);
    if (!m_db.open()) {
        if (error)
            *error = QStringLiteral("Cannot open the database %1: %2")
                         .arg(m_path, m_db.lastError().text());
        return false;
    }
    // The search index's tokenizer: every connection needs it before touching article_fts.
    if (!SearchTokenizer::registerOn(handle(), error)) {
        if (error)
            *error = QStringLiteral("Cannot set up the database %1: %2").arg(m_path, *error);
        return false;
    }
    QStringList pragmas = {
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA busy_timeout = 10000"),
        QStringLiteral("PRAGMA temp_store = MEMORY"),
        QStringLiteral("PRAGMA cache_size = -16000"),
    };
    if (m_writer) {
        // auto_vacuum only takes effect before the first table exists; later migrations
        // rely on it for incremental vacuum.
        pragmas.prepend(QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL"));
        pragmas << QStringLiteral("PRAGMA journal_mode = WAL")
                << QStringLiteral("PRAGMA synchronous = NORMAL");
    } else {
        pragmas << QStringLiteral("PRAGMA query_only = ON");
    }
    for (const QString &pragma : pragmas) {
        SqlQuery q(*this);
        if (!q.exec(pragma)) {
            if (error)
                *error =
                    QStringLiteral("Cannot set up the database %1: %2").arg(m_path, q.errorText());
            return false;
        }
    }
    return true;
}

QSqlDatabase &Database::sql()
{
    Q_ASSERT_X(QThread::currentThread() == m_thread, "bs::Database",
               "a connection is used only on the thread that opened it");
    return m_db;
}

sqlite3 *Database::handle()
{
    const QVariant v = sql().driver()->handle();
    if (v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3 *const *>(v.data());
    return nullptr;
}

bool Database::requireWriter()
{
    if (m_writer)
        return true;
    m_lastError = QStringLiteral("This connection is read-only; changes go through the writer "
                                 "connection.");
    return false;
}

int Database::schemaVersion()
{
    SqlQuery q(*this);
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

Transaction::Transaction(Database &db) : m_db(db)
{
    Q_ASSERT_X(db.isWriter(), "bs::Transaction", "write transactions need the writer connection");
    SqlQuery q(db);
    m_active = q.exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (!m_active)
        db.setLastError(q.errorText());
}

Transaction::~Transaction()
{
    if (m_active) {
        SqlQuery q(m_db);
        q.exec(QStringLiteral("ROLLBACK"));
    }
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    SqlQuery q(m_db);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        m_db.setLastError(q.errorText());
        return false;
    }
    m_active = false;
    return true;
}

} // namespace bs
