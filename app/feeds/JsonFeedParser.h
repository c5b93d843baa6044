#pragma once

#include "feeds/FeedParser.h"

namespace bs
{

// JSON Feed 1.0 / 1.1 into the same result shape as the XML formats.
ParsedFeed parseJsonFeed(const QByteArray &utf8, const FeedSource &source, ParsedFeed result);

} // namespace bs
