#pragma once

#include <QStringList>

namespace bs
{

class CliContext;

// `broadsheet-cli save URL [--json]`: fetches a web page, extracts the article and stores it,
// starred, in the built-in "Saved pages" feed with its images cached; the same URL again
// updates the saved copy.
int saveCommand(CliContext &ctx, const QStringList &arguments);
// `broadsheet-cli feed-set ID --full-text off|on|auto`: a feed's full-article download mode.
int feedSetCommand(CliContext &ctx, const QStringList &arguments);
// `broadsheet-cli media [--json] [--clean]`: the media cache's size, count and budget.
int mediaCommand(CliContext &ctx, const QStringList &arguments);

} // namespace bs
