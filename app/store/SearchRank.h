#pragma once

struct fts5_api;

namespace bs::SearchRank
{

// bs_bm25(fts, cap, minRowid, maxRowid, w0, w1, ...): FTS5's bm25() with one difference. bm25
// learns each phrase's document frequency by walking every row that holds the phrase, once per
// query; for a phrase as common as "the" (or a phrase of two such words) that walk alone costs
// as much as the search. bs_bm25 stops counting at `cap` rows and estimates the rest from how
// far into the rowid range [minRowid, maxRowid] the cap-th row lies (rows are spread evenly
// over time). Below the cap the count, and so the score, is exactly bm25's; above it the IDF is
// already small (log((N - df) / df)), so the estimate shifts weights between very common
// terms only. The weights w0... are bm25's column weights. With cap 0 nothing is counted and
// every IDF is 1: for a query of one phrase the IDF only scales every score alike, and the
// caller can apply it afterwards from the number of matches it saw (SearchEngine does), which
// saves the walk over the phrase's rows.
inline constexpr char kFunction[] = "bs_bm25";
// bs_rows(fts): the number of rows in the index (what bm25 takes as N).
inline constexpr char kRowsFunction[] = "bs_rows";

// Registers bs_bm25 and bs_rows with an FTS5 API (one connection).
bool registerOn(fts5_api *api);

} // namespace bs::SearchRank
