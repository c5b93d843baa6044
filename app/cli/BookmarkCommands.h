#pragma once

#include <QStringList>

namespace bs
{

class CliContext;

// `broadsheet-cli saved-search add|list|run|rename|update|remove ...`
int savedSearchCommand(CliContext &ctx, const QStringList &arguments);
// `broadsheet-cli bookmarks export [--format html|json] [FILE]` and `bookmarks import FILE`
int bookmarksCommand(CliContext &ctx, const QStringList &arguments);

} // namespace bs
