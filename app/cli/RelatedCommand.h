#pragma once

#include <QStringList>

namespace bs
{

class CliContext;

// `broadsheet-cli related ID [--json] [--limit N]`: the cached articles most similar to one
// article, from the local index, with the same story from other feeds grouped as duplicates.
int relatedCommand(CliContext &ctx, const QStringList &arguments);

} // namespace bs
