// The search index's FTS5 tokenizer, called directly through the connection it is registered
// on: token lists (text, byte offsets, colocation) for English, accents, Chinese, Japanese,
// Korean, mixed text, emoji, empty input and invalid UTF-8.

#include "store/Database.h"
#include "store/SearchTokenizer.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace bs;
using SearchTokenizer::Token;

namespace
{

// "text" for a token at its own position, "+text" for one colocated with the one before.
QStringList shape(const QList<Token> &tokens)
{
    QStringList out;
    for (const Token &t : tokens)
        out << (t.colocated ? QStringLiteral("+") : QString()) + QString::fromUtf8(t.text);
    return out;
}

QStringList split(const char *spaceSeparated)
{
    return QString::fromUtf8(spaceSeparated).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

class TestSearchTokenizer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

    QList<Token> run(QByteArrayView text, bool query = false)
    {
        const auto tokens = SearchTokenizer::tokenize(m_db->handle(), text, query);
        if (!tokens)
            qFatal("the tokenizer is not registered");
        for (const Token &t : *tokens) {
            // Offsets stay inside the input, and (for valid UTF-8) name the token's own bytes
            // for words that need no folding.
            if (t.start < 0 || t.end > text.size() || t.start >= t.end)
                qFatal("token offsets outside the text");
        }
        return *tokens;
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_db = Database::openWriter(m_dir.filePath(QStringLiteral("t.sqlite")), &error);
        QVERIFY2(m_db, qPrintable(error));
    }

    void englishWords()
    {
        const QList<Token> t = run("The Harbour-Bridge reopens, 2024!");
        QCOMPARE(shape(t), split("the harbour bridge reopens 2024"));
        QCOMPARE(t[1].start, 4);
        QCOMPARE(t[1].end, 11);
        QCOMPARE(t[4].start, 28);
        QCOMPARE(t[4].end, 32);
    }

    void accentsAndCaseFold()
    {
        QCOMPARE(shape(run("Café CRÈME naïve Ångström façade ÉCOLE")),
                 split("cafe creme naive angstrom facade ecole"));
        // Decomposed accents (e + combining acute) fold the same way.
        QCOMPARE(shape(run("cafe\xcc\x81")), split("cafe"));
        // Other alphabets are case-folded; unicode61 removes diacritics from Latin letters only.
        QCOMPARE(shape(run("Straße ΑΘΗΝΑ Москва")), split("straße αθηνα москва"));
    }

    void chineseBigramsWithUnigrams()
    {
        const QList<Token> t = run("开城工业园区");
        QCOMPARE(shape(t), split("开 +开城 城 +城工 工 +工业 业 +业园 园 +园区 区"));
        // A character is three bytes: unigrams cover one, bigrams two.
        QCOMPARE(t[0].start, 0);
        QCOMPARE(t[0].end, 3);
        QCOMPARE(t[1].start, 0);
        QCOMPARE(t[1].end, 6);
        QCOMPARE(t.last().start, 15);
        QCOMPARE(t.last().end, 18);
    }

    void chineseQueries()
    {
        QCOMPARE(shape(run("城", true)), split("城"));
        QCOMPARE(shape(run("开城", true)), split("开城"));
        QCOMPARE(shape(run("工业园区", true)), split("工业 业园 园区"));
        // When more follows, the last character keeps its position for it.
        QCOMPARE(shape(run("青岛，开城", true)), split("青岛 岛 开城"));
        QCOMPARE(shape(run("开城 ", true)), split("开城"));
    }

    void punctuationEndsARun()
    {
        QCOMPARE(shape(run("青岛，开城。")), split("青 +青岛 岛 开 +开城 城"));
    }

    void japanese()
    {
        // Kanji, Hiragana and Katakana form one run; the long vowel mark belongs to it.
        QCOMPARE(shape(run("東京のタワー")),
                 split("東 +東京 京 +京の の +のタ タ +タワ ワ +ワー ー"));
        QCOMPARE(shape(run("すし", true)), split("すし"));
    }

    void korean() { QCOMPARE(shape(run("개성 공단")), split("개 +개성 성 공 +공단 단")); }

    void mixedScripts()
    {
        const QList<Token> t = run("Qingdao 青岛 test-bed 2024年");
        QCOMPARE(shape(t), split("qingdao 青 +青岛 岛 test bed 2024 年"));
        QCOMPARE(t[1].start, 8);
        QCOMPARE(t[3].end, 14);
        // In a query the run keeps one position per character, so what follows lines up.
        QCOMPARE(shape(run("harbour 青岛 bridge", true)), split("harbour 青岛 岛 bridge"));
        // Letters glued to CJK characters are split from them.
        QCOMPARE(shape(run("iPhone手机")), split("iphone 手 +手机 机"));
    }

    void emojiAreSeparators()
    {
        QCOMPARE(shape(run("party🎉time 🎉🎉")), split("party time"));
        // An emoji breaks a CJK run: no bigram across it.
        QCOMPARE(shape(run("青🎉岛")), split("青 岛"));
    }

    void emptyAndBlank()
    {
        QVERIFY(run("").isEmpty());
        QVERIFY(run("   \t\n").isEmpty());
        QVERIFY(run("!?…—", true).isEmpty());
    }

    void invalidUtf8IsSafe()
    {
        // Stray continuation bytes, a cut sequence at the end, an overlong form, a surrogate.
        static constexpr char bytes[] =
            "ab\xff\xfe \xe9\x9d\x92\xe5\xb2\x9b x\xc0\xaf \xed\xa0\x80 \xe9\x9d";
        const QByteArray text(bytes, sizeof(bytes) - 1);
        const QList<Token> t = run(text);
        QVERIFY(shape(t).contains(QStringLiteral("青岛").mid(0, 1)));
        QVERIFY(shape(t).contains(QStringLiteral("+青岛")));
        // Every cut at every byte: no crash, offsets inside (checked in run()).
        for (int n = 0; n <= text.size(); ++n)
            run(QByteArrayView(text.constData(), n));
        for (int n = 0; n <= text.size(); ++n)
            run(QByteArrayView(text.constData(), n), true);
    }
};

QTEST_GUILESS_MAIN(TestSearchTokenizer)
#include "test_search_tokenizer.moc"
