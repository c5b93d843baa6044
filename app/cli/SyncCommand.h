#pragma once

#include <QStringList>

namespace bs
{

class CliContext;
struct SyncProgress;

// `broadsheet-cli sync [--feed ID]... [--folder NAME]... [--due] [--progress]`
int syncCommand(CliContext &ctx, const QStringList &arguments);
// `broadsheet-cli purge [--dry-run]`: retention by hand.
int purgeCommand(CliContext &ctx, const QStringList &arguments);

// `broadsheet-cli config [KEY [VALUE]]`: the sync and retention settings.
int configCommand(CliContext &ctx, const QStringList &arguments);

// The one-line progress bar drawn on a terminal, at most `width` characters:
// `[#####.....] 12/40 feeds  1.2 MB  3 errors  Current feed`.
QString progressBarLine(const SyncProgress &progress, int width);
QString humanBytes(qint64 bytes);

} // namespace bs
