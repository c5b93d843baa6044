// BodyDecoder: every content coding the fetcher offers, fed in pieces, cut short, damaged, and
// stopped at the size cap.

#include "HttpEncoding.h"
#include "net/BodyDecoder.h"

#include <QtTest>

#include <zlib.h>
#include <zstd.h>

using namespace bs;
using namespace bs::test;

namespace
{

QByteArray sampleText()
{
    QByteArray text;
    for (int i = 0; i < 5000; ++i)
        text += "<item><title>Item " + QByteArray::number(i) + " 新闻</title></item>\n";
    return text;
}

QByteArray zstdEncode(const QByteArray &text)
{
    QByteArray packed(qsizetype(ZSTD_compressBound(size_t(text.size()))), Qt::Uninitialized);
    const size_t size =
        ZSTD_compress(packed.data(), size_t(packed.size()), text.constData(), text.size(), 3);
    packed.resize(ZSTD_isError(size) ? 0 : qsizetype(size));
    return packed;
}

QByteArray rawDeflate(const QByteArray &text)
{
    z_stream z{};
    deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(qsizetype(deflateBound(&z, uLong(text.size()))), Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(text.constData()));
    z.avail_in = uInt(text.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    deflate(&z, Z_FINISH);
    out.resize(qsizetype(z.total_out));
    deflateEnd(&z);
    return out;
}

QByteArray encoded(const QString &coding, const QByteArray &text)
{
    if (coding == QLatin1String("gzip"))
        return encodeBody(text, ContentCoding::Gzip);
    if (coding == QLatin1String("deflate"))
        return encodeBody(text, ContentCoding::Deflate);
    if (coding == QLatin1String("raw deflate"))
        return rawDeflate(text);
    if (coding == QLatin1String("br"))
        return encodeBody(text, ContentCoding::Brotli);
    if (coding == QLatin1String("zstd"))
        return zstdEncode(text);
    return text;
}

BodyDecoder::Coding codingFor(const QString &coding)
{
    return BodyDecoder::codingOf(coding == QLatin1String("raw deflate") ? QByteArray("deflate")
                                                                        : coding.toLatin1());
}

} // namespace

class BodyDecoderTest : public QObject
{
    Q_OBJECT

private slots:
    void codings()
    {
        QCOMPARE(BodyDecoder::codingOf(""), BodyDecoder::Coding::Identity);
        QCOMPARE(BodyDecoder::codingOf(" X-GZIP "), BodyDecoder::Coding::Gzip);
        QCOMPARE(BodyDecoder::codingOf("br"), BodyDecoder::Coding::Brotli);
        QCOMPARE(BodyDecoder::codingOf("gzip, br"), BodyDecoder::Coding::Unsupported);
        BodyDecoder unknown(BodyDecoder::Coding::Unsupported);
        QByteArray out;
        QVERIFY(!unknown.decode("abc", out, 100));
        QVERIFY(!unknown.error().isEmpty());
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("coding");
        for (const char *coding : {"identity", "gzip", "deflate", "raw deflate", "br", "zstd"})
            QTest::newRow(coding) << QString::fromLatin1(coding);
    }
    void roundTrip()
    {
        QFETCH(QString, coding);
        if (coding == QLatin1String("br") && !haveBrotliEncoder())
            QSKIP("built without libbrotlienc");
        const QByteArray text = sampleText();
        const QByteArray packed = encoded(coding, text);
        QVERIFY(!packed.isEmpty());
        // In pieces of 1, 7 and 1000 bytes, as they might come off the socket.
        for (const qsizetype piece : {qsizetype(1), qsizetype(7), qsizetype(1000)}) {
            BodyDecoder decoder(codingFor(coding));
            QByteArray out;
            for (qsizetype at = 0; at < packed.size(); at += piece)
                QVERIFY2(decoder.decode(
                             QByteArrayView(packed).sliced(at, qMin(piece, packed.size() - at)),
                             out, 1 << 30),
                         qPrintable(decoder.error()));
            QVERIFY(decoder.isComplete());
            QCOMPARE(out.size(), text.size());
            QCOMPARE(out, text);
        }
    }

    void cutShortIsIncomplete_data() { roundTrip_data(); }
    void cutShortIsIncomplete()
    {
        QFETCH(QString, coding);
        if (coding == QLatin1String("identity"))
            QSKIP("identity has no end of its own");
        if (coding == QLatin1String("br") && !haveBrotliEncoder())
            QSKIP("built without libbrotlienc");
        const QByteArray packed = encoded(coding, sampleText());
        BodyDecoder decoder(codingFor(coding));
        QByteArray out;
        QVERIFY(decoder.decode(packed.left(packed.size() / 2), out, 1 << 30));
        QVERIFY(!decoder.isComplete());
        QVERIFY(out.size() < sampleText().size());
    }

    void damaged()
    {
        QByteArray packed = encodeBody(sampleText(), ContentCoding::Gzip);
        packed[20] = char(packed[20] ^ 0x55);
        packed[21] = char(packed[21] ^ 0x55);
        BodyDecoder decoder(BodyDecoder::Coding::Gzip);
        QByteArray out;
        QVERIFY(!decoder.decode(packed, out, 1 << 30));
        QVERIFY2(decoder.error().contains(QLatin1String("damaged")), qPrintable(decoder.error()));
    }

    void stopsAtTheCap()
    {
        // 64 MB of zeros squeeze into about 64 KB: the decoder must not inflate it all.
        const QByteArray zeros(64 * 1024 * 1024, '\0');
        for (const QString &coding : {QStringLiteral("gzip"), QStringLiteral("zstd")}) {
            const QByteArray packed = encoded(coding, zeros);
            QVERIFY(packed.size() < 1024 * 1024);
            BodyDecoder decoder(codingFor(coding));
            QByteArray out;
            QVERIFY(decoder.decode(packed, out, 1024 * 1024));
            QVERIFY2(out.size() > 1024 * 1024 && out.size() < 2 * 1024 * 1024,
                     qPrintable(QString::number(out.size())));
        }
    }

    void gzipMembersAndTrailingBytes()
    {
        const QByteArray twice = encodeBody("first ", ContentCoding::Gzip) +
                                 encodeBody("second", ContentCoding::Gzip) + "\n\n";
        BodyDecoder decoder(BodyDecoder::Coding::Gzip);
        QByteArray out;
        QVERIFY2(decoder.decode(twice, out, 1 << 20), qPrintable(decoder.error()));
        QCOMPARE(out, QByteArray("first second"));
        QVERIFY(decoder.isComplete());
    }
};

QTEST_GUILESS_MAIN(BodyDecoderTest)
#include "test_body_decoder.moc"
