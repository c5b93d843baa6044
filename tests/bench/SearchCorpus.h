#pragma once

#include "model/Article.h"

#include <QRandomGenerator>
#include <QStringList>

#include <vector>

namespace bs::bench
{

// Deterministic synthetic articles for the search benchmark, with word frequencies shaped like
// real text (Zipf's law) so that posting lists have realistic lengths:
// - English: a vocabulary of 20,000 made-up words built from syllables, drawn with Zipf
//   weights (s = 1); titles of 8-12 words.
// - Chinese (every tenth article): a vocabulary of 8,000 words of 1-3 characters built from
//   3,000 CJK ideographs drawn with Zipf weights, the words themselves drawn with Zipf weights
//   and written without spaces, with a full stop every ~20 characters.
class SearchCorpus
{
public:
    enum class Shape {
        Bodies,   // title + ~`words`-word body in content (HTML paragraphs)
        Summaries // title + ~`words`-word summary, no content
    };

    explicit SearchCorpus(quint32 seed = 7);

    Article make(qint64 feedId, int index, Shape shape, int words);

    // A word as queries pick it: frequency-weighted, but never one of the 100 most common
    // (people rarely search for "the").
    QString queryWord();
    // Consecutive text from a generated document: n English words, or n CJK characters.
    QString englishRun(int words);
    QString chineseRun(int characters);

    static bool isChinese(int index) { return index % 10 == 9; }

private:
    int zipf(const std::vector<double> &cumulative);
    QString englishText(int words);
    QString chineseText(int characters);

    QRandomGenerator m_random;
    QStringList m_english;
    QStringList m_chinese;
    std::vector<double> m_englishWeights;
    std::vector<double> m_chineseWeights;
};

} // namespace bs::bench
