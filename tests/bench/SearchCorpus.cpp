#include "SearchCorpus.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace bs::bench
{

namespace
{

constexpr int kEnglishWords = 20000;
constexpr int kChineseWords = 8000;
constexpr int kIdeographs = 3000;
constexpr int kStopwordRanks = 100;

std::vector<double> zipfCumulative(int n, double s)
{
    std::vector<double> out(n);
    double sum = 0;
    for (int r = 0; r < n; ++r) {
        sum += 1.0 / std::pow(r + 1, s);
        out[r] = sum;
    }
    for (double &v : out)
        v /= sum;
    return out;
}

} // namespace

SearchCorpus::SearchCorpus(quint32 seed) : m_random(seed)
{
    static const char *const syllables[] = {
        "ka",  "ri",  "to",  "me",  "sa",  "lo",  "ne",  "vi",  "da",  "pu",  "ter", "son", "lan",
        "mor", "bel", "cas", "din", "fal", "gor", "hin", "jus", "kel", "lum", "nor", "pra", "quin",
        "ros", "sel", "tam", "ul",  "ven", "wes", "yor", "zan", "ble", "cra", "dro", "fli", "gra",
        "pli", "str", "tha", "ing", "ed",  "er",  "al",  "en",  "ion", "ous", "ly"};
    constexpr int nSyllables = int(std::size(syllables));
    QSet<QString> seen;
    while (m_english.size() < kEnglishWords) {
        const int parts = 1 + int(m_random.bounded(4));
        QString w;
        for (int p = 0; p < parts; ++p)
            w += QLatin1String(syllables[m_random.bounded(nSyllables)]);
        if (w.size() >= 2 && !seen.contains(w)) {
            seen.insert(w);
            m_english << w;
        }
    }
    // Ideographs from the unified block, most common first by a fixed shuffle.
    std::vector<char32_t> ideographs;
    for (char32_t c = 0x4E00; ideographs.size() < size_t(kIdeographs); c += 1 + m_random.bounded(6))
        ideographs.push_back(c);
    std::shuffle(ideographs.begin(), ideographs.end(), m_random);
    const std::vector<double> charWeights = zipfCumulative(kIdeographs, 0.9);
    QSet<QString> seenZh;
    while (m_chinese.size() < kChineseWords) {
        const int length = 1 + int(m_random.bounded(3));
        QString w;
        for (int i = 0; i < length; ++i) {
            const char32_t c = ideographs[zipf(charWeights)];
            w += QString::fromUcs4(&c, 1);
        }
        if (!seenZh.contains(w)) {
            seenZh.insert(w);
            m_chinese << w;
        }
    }
    m_englishWeights = zipfCumulative(kEnglishWords, 1.0);
    m_chineseWeights = zipfCumulative(kChineseWords, 1.0);
}

int SearchCorpus::zipf(const std::vector<double> &cumulative)
{
    const double u = m_random.generateDouble();
    return int(std::lower_bound(cumulative.begin(), cumulative.end(), u) - cumulative.begin());
}

QString SearchCorpus::englishText(int words)
{
    QString out;
    out.reserve(words * 8);
    for (int i = 0; i < words; ++i) {
        if (i)
            out += QLatin1Char(' ');
        out += m_english[zipf(m_englishWeights)];
    }
    return out;
}

QString SearchCorpus::chineseText(int characters)
{
    QString out;
    int sinceStop = 0;
    while (out.size() < characters) {
        const QString &w = m_chinese[zipf(m_chineseWeights)];
        out += w;
        sinceStop += int(w.size());
        if (sinceStop >= 20) {
            out += QChar(0x3002); // 。
            sinceStop = 0;
        }
    }
    return out;
}

Article SearchCorpus::make(qint64 feedId, int index, Shape shape, int words)
{
    Article a;
    a.feedId = feedId;
    a.guid = QStringLiteral("urn:bench:%1").arg(index);
    a.url = QUrl(QStringLiteral("https://bench.example.test/%1.html").arg(index));
    a.author = QStringLiteral("Reporter %1").arg(index % 53);
    a.published = QDateTime::fromSecsSinceEpoch(1600000000 + qint64(index) * 300, Qt::UTC);
    const bool chinese = isChinese(index);
    a.language = chinese ? QStringLiteral("zh") : QStringLiteral("en");
    // A Chinese text of n "words" is about 2n characters, as translations run.
    if (chinese)
        a.title = chineseText(14 + int(m_random.bounded(10)));
    else
        a.title = englishText(8 + int(m_random.bounded(5)));
    QString body;
    const int paragraphs = shape == Shape::Bodies ? 5 : 1;
    for (int p = 0; p < paragraphs; ++p)
        body += QStringLiteral("<p>") +
                (chinese ? chineseText(2 * words / paragraphs) : englishText(words / paragraphs)) +
                QStringLiteral("</p>");
    if (shape == Shape::Bodies)
        a.content = body;
    else
        a.summary = body;
    return a;
}

QString SearchCorpus::queryWord()
{
    while (true) {
        const int rank = zipf(m_englishWeights);
        if (rank >= kStopwordRanks)
            return m_english[rank];
    }
}

QString SearchCorpus::englishRun(int words)
{
    return englishText(words);
}

QString SearchCorpus::chineseRun(int characters)
{
    // Cut from generated text at a random place, skipping the full stops.
    QString text = chineseText(characters + 40);
    text.remove(QChar(0x3002));
    const int start = int(m_random.bounded(int(text.size()) - characters));
    return text.mid(start, characters);
}

} // namespace bs::bench
