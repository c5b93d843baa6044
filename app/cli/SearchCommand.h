#pragma once

#include "search/SearchEngine.h"

#include <QStringList>

namespace bs
{

class CliContext;

// `broadsheet-cli search QUERY [--json] [--limit N] [--offset N] [--sort relevance|date]
// [--feed ID | --folder ID | --bookmarks]`.
int searchCommand(CliContext &ctx, const QStringList &arguments);

// Prints hits as `search` does: a JSON array of {id, title, feed, published, snippet, score},
// or lines of ID, published, feed, title with the snippet below.
void printSearchHits(CliContext &ctx, const QList<SearchHit> &hits, bool json);

} // namespace bs
