#pragma once

#include "feeds/Opml.h"

#include <QStringList>

#include <optional>

namespace bs
{

class Database;

struct OpmlImportCounts {
    int foldersCreated = 0;
    int feedsAdded = 0;
    int duplicatesSkipped = 0; // already subscribed, or listed twice in the file
    int invalidSkipped = 0;    // not an http(s) address
    QStringList problems;      // one sentence per invalid feed
};

namespace OpmlImport
{

// Adds an OPML document's folders and feeds to the profile in one transaction. Folders are
// matched by name under their parent and created when missing (nesting is kept); a feed whose
// URL is already subscribed, or appears twice, is skipped; feed:// addresses become http://.
// On failure nothing is written: nullopt, and writer.lastError() says why.
std::optional<OpmlImportCounts> apply(Database &writer, const OpmlDocument &document);

} // namespace OpmlImport

namespace OpmlExport
{

// The profile's folders (nested) and feeds as an OPML document; works on any connection.
OpmlDocument fromStore(Database &db);

} // namespace OpmlExport

} // namespace bs
