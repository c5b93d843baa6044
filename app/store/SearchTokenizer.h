#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

struct sqlite3;

namespace bs::SearchTokenizer
{

// The FTS5 tokenizer the search index uses, registered as "broadsheet" on every connection
// Database opens (before any FTS use; a connection without it cannot read or write
// article_fts).
//
// - Text outside CJK runs goes to FTS5's own unicode61 tokenizer with remove_diacritics 2:
//   words, case-folded, accents removed ("Café" and "cafe" are one token).
// - A run of CJK characters (Han, Hiragana, Katakana, Hangul) becomes, at each character's
//   position, the character itself (a unigram) and, colocated with it, the character with its
//   successor (a bigram), as Lucene's CJK analyzer does. A query of one character matches the
//   unigram; a query of n >= 2 characters becomes the phrase of its n-1 bigrams (which match
//   exactly where the characters stand together), followed by the unigram of its last
//   character only when more tokens follow in the same phrase, so that they keep their
//   positions. Highlights start and end on character boundaries because the unigram comes first
//   at each position; FTS5 ends a highlight at the last matched position's first token, one
//   character short of a bigram, which SearchEngine completes.
// - Bytes that are not valid UTF-8 are handed to unicode61 as they are (it never reads past
//   its input); nothing reads outside the text.
inline constexpr char kName[] = "broadsheet";

// Registers the tokenizer, the ranking function bs_bm25 (SearchRank.h), and the SQL function
// bs_plain_text(html) that migrations use, on one connection.
bool registerOn(sqlite3 *db, QString *error);

// True for the code points the tokenizer treats as CJK (bigrammed rather than split on
// spaces).
bool isCjk(char32_t codePoint);

struct Token {
    QByteArray text;
    int start = 0; // byte offsets into the input
    int end = 0;
    bool colocated = false; // same position as the token before it
    bool operator==(const Token &) const = default;
};

// Runs the tokenizer registered on db over utf8, as the index (forQuery false) or a query
// (forQuery true) would. For tests and diagnostics.
std::optional<QList<Token>> tokenize(sqlite3 *db, QByteArrayView utf8, bool forQuery);

} // namespace bs::SearchTokenizer
