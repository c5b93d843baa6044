#pragma once

#include <QList>
#include <QString>

namespace bs
{

class Database;

// Numbered, forward-only schema migrations. The schema version lives in PRAGMA user_version;
// each migration runs in its own transaction together with the version bump.
namespace Migrations
{

int latestVersion();
// Every version a migration brings a database to, in order (numbers need not be contiguous).
QList<int> versions();
// Brings the writer connection's database from its current version up to targetVersion.
bool migrate(Database &db, int targetVersion, QString *error);

} // namespace Migrations
} // namespace bs
