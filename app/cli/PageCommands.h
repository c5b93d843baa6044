#pragma once

#include <QStringList>

namespace bs
{

class CliContext;

// `broadsheet-cli page-lists FILE|URL [--url BASE] [--json] [--now WHEN] [--limit N]`: a web
// page's lists of stories, best first (pages/PageLists.h).
int pageListsCommand(CliContext &ctx, const QStringList &arguments);

// `broadsheet-cli add-feed URL [--folder NAME] [--title TITLE] [--page] [--selector CSS]
// [--no-check]`: subscribes to a feed, or to the page's list of stories when the address is a
// page that offers no feed (or --page / --selector ask for it). The address is checked first;
// nothing is stored when that fails.
int addFeedCommand(CliContext &ctx, const QStringList &arguments);

} // namespace bs
