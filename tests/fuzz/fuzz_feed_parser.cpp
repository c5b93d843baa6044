// libFuzzer target: any bytes through the feed parser (and so through the sanitizer, the
// date parser and the encoding detection). Build with the `fuzz` preset; run with
//   build/fuzz/tests/fuzz/fuzz_feed_parser -max_total_time=600 corpus/

#include "feeds/FeedParser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const bs::ParsedFeed feed = bs::parseFeed(bytes);
    (void)feed.toJson();
    (void)feed.articles(1);
    return 0;
}
