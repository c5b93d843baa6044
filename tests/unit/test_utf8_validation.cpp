// The SIMD UTF-8 validator against Qt's and against the byte-at-a-time walker, on random mixes
// of well-formed and ill-formed sequences at every alignment.
#include "text/Charset.h"
#include "text/Utf8Validation.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace bs::charset;

class TestUtf8Validation : public QObject
{
    Q_OBJECT
private slots:
    void knownCases_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("valid");
        QTest::newRow("empty") << QByteArray() << true;
        QTest::newRow("ascii") << QByteArray("plain text") << true;
        QTest::newRow("max") << QByteArray("\xF4\x8F\xBF\xBF") << true;
        QTest::newRow("past max") << QByteArray("\xF4\x90\x80\x80") << false;
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << false;
        QTest::newRow("overlong 2") << QByteArray("\xC1\xBF") << false;
        QTest::newRow("overlong 3") << QByteArray("\xE0\x9F\xBF") << false;
        QTest::newRow("overlong 4") << QByteArray("\xF0\x8F\xBF\xBF") << false;
        QTest::newRow("lone continuation") << QByteArray("a\x80z") << false;
        QTest::newRow("truncated at end") << QByteArray("0123456789abcd\xE4\xB8") << false;
        QTest::newRow("truncated at block end")
            << QByteArray("0123456789abcde\xE4") + QByteArray(16, 'x') << false;
        QTest::newRow("sequence across blocks")
            << QByteArray("0123456789abcde\xE4\xB8\xAD") + QByteArray(16, 'x') << true;
    }
    void knownCases()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, valid);
        QCOMPARE(isValidUtf8Fast(bytes), valid);
        QCOMPARE(utf8Stats(bytes).invalid == 0, valid);
    }
    void agreesWithReferenceOnRandomInput()
    {
        const char *const good[] = {"a",
                                    "\xC3\xA9",
                                    "\xE4\xB8\xAD",
                                    "\xF0\x9F\x98\x80",
                                    "\xEF\xBF\xBF",
                                    "\xF4\x8F\xBF\xBF",
                                    "\xED\x9F\xBF",
                                    "\xC2\x80",
                                    "\xE0\xA0\x80",
                                    "\xF0\x90\x80\x80"};
        const char *const bad[] = {"\x80",
                                   "\xC0\x80",
                                   "\xE0\x80\x80",
                                   "\xED\xA0\x80",
                                   "\xF4\x90\x80\x80",
                                   "\xF5\x80\x80\x80",
                                   "\xFF",
                                   "\xC3",
                                   "\xE4\xB8",
                                   "\xF0\x9F\x98",
                                   "\xF0\x8F\xBF\xBF"};
        QRandomGenerator random(7);
        int invalid = 0;
        for (int i = 0; i < 50000; ++i) {
            QByteArray bytes;
            const int pieces = int(random.bounded(i % 50 == 0 ? 120 : 30));
            for (int k = 0; k < pieces; ++k) {
                const quint32 pick = random.bounded(100);
                if (pick < 2)
                    bytes.append(bad[random.bounded(11)]);
                else if (pick < 3)
                    bytes.append(char(random.bounded(256)));
                else
                    bytes.append(good[random.bounded(10)]);
            }
            const bool reference = QByteArrayView(bytes).isValidUtf8();
            invalid += !reference;
            QCOMPARE(isValidUtf8Fast(bytes), reference);
            QCOMPARE(utf8Stats(bytes).invalid == 0, reference);
        }
        QVERIFY(invalid > 5000 && invalid < 45000); // both kinds were exercised
    }
};

QTEST_GUILESS_MAIN(TestUtf8Validation)
#include "test_utf8_validation.moc"
