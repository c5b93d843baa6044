#pragma once
#include <QByteArray>
#include <QString>
namespace bs
{
struct DecodedDocument {
    QByteArray utf8;
    QString encoding;
    bool bozo = false;
    QString bozoReason;
};
DecodedDocument decodeFeed(const QByteArray &bytes, const QString &contentType = {});
} // namespace bs
