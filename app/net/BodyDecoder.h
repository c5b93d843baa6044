#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

namespace bs
{

// Undoes an HTTP Content-Encoding (gzip, deflate, br, zstd) piece by piece as the body arrives,
// so that the size cap counts decoded bytes while they come (a small compressed body can be
// huge) and a compressed stream that stops early is seen. The Fetcher does this itself rather
// than let Qt do it: Qt 6.4 hides Content-Length of a body it decodes and hands over a cut
// compressed body as complete.
class BodyDecoder
{
public:
    enum class Coding { Identity, Gzip, Deflate, Brotli, Zstd, Unsupported };

    // What the Accept-Encoding header offers: "gzip, deflate, br, zstd".
    static QByteArray acceptEncoding();
    // The coding a Content-Encoding header names ("x-gzip" is gzip; several codings in a row
    // are Unsupported).
    static Coding codingOf(const QByteArray &contentEncoding);

    explicit BodyDecoder(Coding coding = Coding::Identity);
    ~BodyDecoder();
    BodyDecoder(const BodyDecoder &) = delete;
    BodyDecoder &operator=(const BodyDecoder &) = delete;

    Coding coding() const { return m_coding; }
    // Appends what in decodes to out, stopping once out holds more than maxOut bytes. False
    // when the data is not in the coding (error() says why).
    bool decode(QByteArrayView in, QByteArray &out, qint64 maxOut);
    // The stream ended where its coding says it ends (always true for identity).
    bool isComplete() const;
    QString error() const { return m_error; }

private:
    struct Zlib;
    struct Brotli;
    struct Zstd;

    bool decodeZlib(QByteArrayView in, QByteArray &out, qint64 maxOut);
    bool decodeBrotli(QByteArrayView in, QByteArray &out, qint64 maxOut);
    bool decodeZstd(QByteArrayView in, QByteArray &out, qint64 maxOut);
    bool fail(const QString &error);

    Coding m_coding;
    std::unique_ptr<Zlib> m_zlib;
    std::unique_ptr<Brotli> m_brotli;
    std::unique_ptr<Zstd> m_zstd;
    QByteArray m_pending; // deflate: the first bytes, until zlib or raw format is known
    bool m_complete = false;
    QString m_error;
};

} // namespace bs
