#pragma once

#include "net/FetchResult.h"

#include <QStringList>

namespace bs
{

class CliContext;

// `broadsheet-cli extract FILE|URL [--url BASE] [--content-type TYPE] [--json]`: the article a
// web page holds (a file, or an http/https address fetched once).
int extractCommand(CliContext &ctx, const QStringList &arguments);

// One GET through the sync worker's Fetcher (redirects, decoding, size cap, timeouts), waiting
// in a local event loop.
FetchResult fetchWebPage(const QUrl &url);

} // namespace bs
