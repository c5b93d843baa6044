#include "feeds/FeedEncoding.h"
namespace bs
{
DecodedDocument decodeFeed(const QByteArray &bytes, const QString &)
{
    return {bytes, QStringLiteral("utf-8"), false, {}};
}
} // namespace bs
