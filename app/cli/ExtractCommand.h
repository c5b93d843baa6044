#pragma once

#include <QStringList>

namespace bs
{

class CliContext;

// `broadsheet-cli extract FILE|URL [--url BASE] [--content-type TYPE] [--json]`: the article a
// web page holds (a file, or an http/https address fetched once).
int extractCommand(CliContext &ctx, const QStringList &arguments);

} // namespace bs
