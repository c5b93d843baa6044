#pragma once

#include "model/Article.h"
#include "model/Feed.h"

#include <QRandomGenerator>

namespace bs::test
{

// Deterministic synthetic articles: ~10-word titles, bodies of `words` words in <p> paragraphs,
// every tenth article in Chinese.
class ArticleGenerator
{
public:
    explicit ArticleGenerator(quint32 seed = 42) : m_random(seed) {}
    Article make(qint64 feedId, int index, int words = 300);

private:
    QString englishWords(int n);
    QString chineseText(int characters);
    QRandomGenerator m_random;
};

} // namespace bs::test
