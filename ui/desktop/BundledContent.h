#pragma once

#include "feeds/FirstRun.h"

namespace bs
{

// What a new profile starts with, from the application's resources (:/first-run/): the
// default subscriptions (default-subscriptions.opml) and the demo feed (demo-feed.xml, stored
// as broadsheet://demo).
FirstRunContent bundledFirstRunContent();

} // namespace bs
