#include "HttpEncoding.h"

#include <zlib.h>

#ifdef BROADSHEET_TEST_BROTLI
#include <brotli/encode.h>
#endif

namespace bs::test
{

namespace
{

// windowBits 15 gives the zlib wrapper, 15 + 16 the gzip wrapper.
QByteArray deflateWith(const QByteArray &data, int windowBits)
{
    z_stream z{};
    if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&z, uLong(data.size()))) + 32, Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(qsizetype(z.total_out));
    deflateEnd(&z);
    return rc == Z_STREAM_END ? out : QByteArray();
}

} // namespace

QByteArray contentCodingName(ContentCoding coding)
{
    switch (coding) {
    case ContentCoding::Identity:
        return {};
    case ContentCoding::Gzip:
        return QByteArrayLiteral("gzip");
    case ContentCoding::Deflate:
        return QByteArrayLiteral("deflate");
    case ContentCoding::Brotli:
        return QByteArrayLiteral("br");
    }
    return {};
}

bool haveBrotliEncoder()
{
#ifdef BROADSHEET_TEST_BROTLI
    return true;
#else
    return false;
#endif
}

QByteArray encodeBody(const QByteArray &body, ContentCoding coding)
{
    switch (coding) {
    case ContentCoding::Identity:
        return body;
    case ContentCoding::Gzip:
        return deflateWith(body, 15 + 16);
    case ContentCoding::Deflate:
        return deflateWith(body, 15);
    case ContentCoding::Brotli: {
#ifdef BROADSHEET_TEST_BROTLI
        size_t size = BrotliEncoderMaxCompressedSize(size_t(body.size()));
        QByteArray out(qsizetype(size ? size : 64), Qt::Uninitialized);
        size = size_t(out.size());
        if (!BrotliEncoderCompress(BROTLI_DEFAULT_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT,
                                   size_t(body.size()),
                                   reinterpret_cast<const uint8_t *>(body.constData()), &size,
                                   reinterpret_cast<uint8_t *>(out.data())))
            return {};
        out.resize(qsizetype(size));
        return out;
#else
        return {};
#endif
    }
    }
    return {};
}

} // namespace bs::test
