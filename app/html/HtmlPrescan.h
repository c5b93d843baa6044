#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace bs
{

// The WHATWG Encoding Standard's "get an encoding": the lower-case name of the encoding a
// label stands for ("gb2312" => "gbk", "latin1" and "us-ascii" => "windows-1252",
// "utf-16" => "utf-16le", "iso-2022-kr" => "replacement"), or empty for an unknown label.
QByteArray whatwgEncodingForLabel(QByteArrayView label);

struct MetaCharset {
    QByteArray encoding;     // WHATWG name, utf-16* already turned into utf-8; empty if none
    QByteArray unknownLabel; // the first label that named no encoding, for messages
};

// The WHATWG HTML "prescan a byte stream to determine its encoding" over the first `limit`
// bytes: the first <meta charset> or <meta http-equiv="content-type" content="...charset=...">
// outside comments whose label is known. Tags, attributes and comments are skipped as the
// standard says, so a "charset=" in a script or an attribute value does not count.
MetaCharset prescanMetaCharset(QByteArrayView bytes, qsizetype limit = 1024);

} // namespace bs
