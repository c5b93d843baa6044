#include "net/BodyDecoder.h"

#include <brotli/decode.h>
#include <zlib.h>
#include <zstd.h>

namespace bs
{

namespace
{

constexpr qsizetype kOutStep = 64 * 1024;

} // namespace

struct BodyDecoder::Zlib {
    z_stream stream{};
    bool ready = false;
    ~Zlib()
    {
        if (ready)
            inflateEnd(&stream);
    }
};

struct BodyDecoder::Brotli {
    BrotliDecoderState *state = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
    ~Brotli() { BrotliDecoderDestroyInstance(state); }
};

struct BodyDecoder::Zstd {
    ZSTD_DStream *stream = ZSTD_createDStream();
    ~Zstd() { ZSTD_freeDStream(stream); }
};

QByteArray BodyDecoder::acceptEncoding()
{
    return QByteArrayLiteral("gzip, deflate, br, zstd");
}

BodyDecoder::Coding BodyDecoder::codingOf(const QByteArray &contentEncoding)
{
    const QByteArray name = contentEncoding.trimmed().toLower();
    if (name.isEmpty() || name == "identity")
        return Coding::Identity;
    if (name == "gzip" || name == "x-gzip")
        return Coding::Gzip;
    if (name == "deflate")
        return Coding::Deflate;
    if (name == "br")
        return Coding::Brotli;
    if (name == "zstd")
        return Coding::Zstd;
    return Coding::Unsupported;
}

BodyDecoder::BodyDecoder(Coding coding) : m_coding(coding)
{
    switch (coding) {
    case Coding::Gzip:
        m_zlib = std::make_unique<Zlib>();
        // 15 + 32: the gzip or zlib header, whichever comes.
        m_zlib->ready = inflateInit2(&m_zlib->stream, 15 + 32) == Z_OK;
        break;
    case Coding::Deflate:
        m_zlib = std::make_unique<Zlib>(); // initialised when the first two bytes tell the format
        break;
    case Coding::Brotli:
        m_brotli = std::make_unique<Brotli>();
        break;
    case Coding::Zstd:
        m_zstd = std::make_unique<Zstd>();
        break;
    case Coding::Identity:
    case Coding::Unsupported:
        break;
    }
}

BodyDecoder::~BodyDecoder() = default;

bool BodyDecoder::fail(const QString &error)
{
    m_error = error;
    return false;
}

bool BodyDecoder::decode(QByteArrayView in, QByteArray &out, qint64 maxOut)
{
    if (!m_error.isEmpty())
        return false;
    switch (m_coding) {
    case Coding::Identity:
        out.append(in);
        return true;
    case Coding::Gzip:
    case Coding::Deflate:
        return decodeZlib(in, out, maxOut);
    case Coding::Brotli:
        return decodeBrotli(in, out, maxOut);
    case Coding::Zstd:
        return decodeZstd(in, out, maxOut);
    case Coding::Unsupported:
        break;
    }
    return fail(QStringLiteral("The server used a content coding Broadsheet cannot read."));
}

bool BodyDecoder::isComplete() const
{
    return m_coding == Coding::Identity || m_complete;
}

bool BodyDecoder::decodeZlib(QByteArrayView in, QByteArray &out, qint64 maxOut)
{
    if (!m_zlib->ready && m_coding == Coding::Deflate) {
        // HTTP's "deflate" is the zlib format, but some servers send raw deflate.
        m_pending.append(in);
        if (m_pending.size() < 2)
            return true;
        const auto cmf = uchar(m_pending[0]);
        const auto flg = uchar(m_pending[1]);
        const bool zlibHeader = (cmf & 0x0f) == 8 && (cmf * 256 + flg) % 31 == 0;
        m_zlib->ready = inflateInit2(&m_zlib->stream, zlibHeader ? 15 : -15) == Z_OK;
        in = m_pending;
    }
    if (!m_zlib->ready)
        return fail(QStringLiteral("Could not start decompressing the body."));
    z_stream &z = m_zlib->stream;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
    z.avail_in = uInt(in.size());
    bool nextMember = false;
    while (out.size() <= maxOut) {
        if (m_complete) {
            // Another gzip member may follow (RFC 1952 allows several); other bytes after the
            // end of the stream are ignored.
            if (z.avail_in == 0 || m_coding != Coding::Gzip || inflateReset(&z) != Z_OK)
                break;
            m_complete = false;
            nextMember = true;
        }
        const qsizetype before = out.size();
        out.resize(before + kOutStep);
        z.next_out = reinterpret_cast<Bytef *>(out.data() + before);
        z.avail_out = uInt(kOutStep);
        const int result = inflate(&z, Z_NO_FLUSH);
        out.resize(before + (kOutStep - qsizetype(z.avail_out)));
        if (result == Z_STREAM_END) {
            m_complete = true;
            nextMember = false;
            continue;
        }
        if (result == Z_DATA_ERROR && nextMember) {
            m_complete = true; // trailing garbage after a whole member
            break;
        }
        if (result != Z_OK && result != Z_BUF_ERROR)
            return fail(QStringLiteral("The compressed body is damaged (%1).")
                            .arg(QString::fromLatin1(z.msg ? z.msg : "zlib error")));
        if (result == Z_BUF_ERROR || (z.avail_in == 0 && z.avail_out > 0))
            break; // everything given is decoded
    }
    m_pending.clear();
    return true;
}

bool BodyDecoder::decodeBrotli(QByteArrayView in, QByteArray &out, qint64 maxOut)
{
    if (!m_brotli->state)
        return fail(QStringLiteral("Could not start decompressing the body."));
    size_t availIn = size_t(in.size());
    auto nextIn = reinterpret_cast<const uint8_t *>(in.data());
    while (out.size() <= maxOut) {
        const qsizetype before = out.size();
        out.resize(before + kOutStep);
        size_t availOut = size_t(kOutStep);
        auto nextOut = reinterpret_cast<uint8_t *>(out.data() + before);
        const BrotliDecoderResult result = BrotliDecoderDecompressStream(
            m_brotli->state, &availIn, &nextIn, &availOut, &nextOut, nullptr);
        out.resize(before + (kOutStep - qsizetype(availOut)));
        if (result == BROTLI_DECODER_RESULT_SUCCESS) {
            m_complete = true;
            return true; // bytes after the end are ignored
        }
        if (result == BROTLI_DECODER_RESULT_ERROR)
            return fail(QStringLiteral("The compressed body is damaged (%1).")
                            .arg(QString::fromLatin1(BrotliDecoderErrorString(
                                BrotliDecoderGetErrorCode(m_brotli->state)))));
        if (result == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT)
            return true;
        // NEEDS_MORE_OUTPUT: go round again.
    }
    return true;
}

bool BodyDecoder::decodeZstd(QByteArrayView in, QByteArray &out, qint64 maxOut)
{
    if (!m_zstd->stream)
        return fail(QStringLiteral("Could not start decompressing the body."));
    ZSTD_inBuffer input{in.data(), size_t(in.size()), 0};
    while (out.size() <= maxOut) {
        const qsizetype before = out.size();
        out.resize(before + kOutStep);
        ZSTD_outBuffer output{out.data() + before, size_t(kOutStep), 0};
        const size_t result = ZSTD_decompressStream(m_zstd->stream, &output, &input);
        out.resize(before + qsizetype(output.pos));
        if (ZSTD_isError(result))
            return fail(QStringLiteral("The compressed body is damaged (%1).")
                            .arg(QString::fromLatin1(ZSTD_getErrorName(result))));
        m_complete = result == 0; // 0: a frame ended here
        // Done when the input is used up and the decoder did not fill the output.
        if (input.pos == input.size && output.pos < output.size)
            return true;
    }
    return true;
}

} // namespace bs
