#pragma once

#include <QString>

namespace bs
{

class Database;

// Numbered, forward-only schema migrations. The schema version lives in PRAGMA user_version;
// each migration runs in its own transaction together with the version bump.
namespace Migrations
{

int latestVersion();
// Brings the writer connection's database from its current version up to targetVersion.
bool migrate(Database &db, int targetVersion, QString *error);

} // namespace Migrations
} // namespace bs
