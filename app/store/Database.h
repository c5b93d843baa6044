#pragma once

#include <QLockFile>
#include <QSqlDatabase>
#include <QString>

#include <memory>

struct sqlite3;
class QThread;

namespace bs
{

// One SQLite connection to a profile's database.
//
// The threading rule is part of the type: a profile has exactly one writer connection
// (openWriter takes an exclusive lock file next to the database, so a second writer in this or
// any other process is refused), and any number of read-only connections (openReader opens
// SQLite read-only and sets query_only). Each connection belongs to the thread that opened it.
// WAL journaling lets readers page through data while the writer commits.
class Database
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating if needed) and migrates the database; takes the writer lock.
    static std::unique_ptr<Database> openWriter(const QString &path, QString *error);
    // Same, but stops migrating at targetVersion (for tests of migrations).
    static std::unique_ptr<Database> openWriterAtVersion(const QString &path, int targetVersion,
                                                         QString *error);
    // Opens an existing, migrated database read-only.
    static std::unique_ptr<Database> openReader(const QString &path, QString *error);

    bool isWriter() const { return m_writer; }
    QString path() const { return m_path; }
    QSqlDatabase &sql();
    sqlite3 *handle();
    int schemaVersion();

    // A message for the last failed store operation on this connection.
    QString lastError() const { return m_lastError; }
    void setLastError(const QString &message) { m_lastError = message; }
    // True on the writer connection; otherwise records why a write was refused.
    bool requireWriter();

private:
    Database(const QString &path, bool writer);
    bool open(QString *error);

    QString m_path;
    QString m_connectionName;
    bool m_writer;
    QThread *m_thread;
    QSqlDatabase m_db;
    std::unique_ptr<QLockFile> m_writerLock;
    QString m_lastError;
};

// A write transaction on the writer connection (BEGIN IMMEDIATE); rolls back unless committed.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    bool commit();

private:
    Database &m_db;
    bool m_active = false;
};

} // namespace bs
