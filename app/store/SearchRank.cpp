#include "store/SearchRank.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace bs::SearchRank
{

namespace
{

// Per-query data, computed on the first row and kept as FTS5 auxiliary data.
struct QueryData {
    int phrases = 0;
    double averageLength = 0; // tokens per row
    double *idf = nullptr;    // one per phrase
    double *frequency = nullptr;
};

void freeQueryData(void *p)
{
    sqlite3_free(p);
}

struct Count {
    sqlite3_int64 hits = 0;
    sqlite3_int64 cap = 0;
    sqlite3_int64 lastRowid = 0;
};

int countHit(const Fts5ExtensionApi *api, Fts5Context *fts, void *context)
{
    auto *count = static_cast<Count *>(context);
    if (++count->hits >= count->cap) {
        count->lastRowid = api->xRowid(fts);
        return SQLITE_DONE; // ends xQueryPhrase with SQLITE_OK
    }
    return SQLITE_OK;
}

int queryData(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_int64 cap,
              sqlite3_int64 minRowid, sqlite3_int64 maxRowid, QueryData **out)
{
    auto *data = static_cast<QueryData *>(api->xGetAuxdata(fts, 0));
    if (data) {
        *out = data;
        return SQLITE_OK;
    }
    const int phrases = api->xPhraseCount(fts);
    const size_t bytes = sizeof(QueryData) + sizeof(double) * 2 * size_t(std::max(phrases, 1));
    data = static_cast<QueryData *>(sqlite3_malloc64(bytes));
    if (!data)
        return SQLITE_NOMEM;
    std::memset(static_cast<void *>(data), 0, bytes);
    data->phrases = phrases;
    data->idf = reinterpret_cast<double *>(&data[1]);
    data->frequency = &data->idf[std::max(phrases, 1)];
    sqlite3_int64 rows = 0, tokens = 0;
    int rc = api->xRowCount(fts, &rows);
    if (rc == SQLITE_OK)
        rc = api->xColumnTotalSize(fts, -1, &tokens);
    if (rc == SQLITE_OK)
        data->averageLength = rows > 0 ? double(tokens) / double(rows) : 1.0;
    for (int i = 0; rc == SQLITE_OK && i < phrases; ++i) {
        if (cap <= 0) {
            data->idf[i] = 1.0;
            continue;
        }
        Count count{0, cap, 0};
        rc = api->xQueryPhrase(fts, i, &count, countHit);
        if (rc != SQLITE_OK)
            break;
        double hits = double(count.hits);
        if (count.hits >= count.cap && maxRowid > minRowid) {
            // The phrase's rows are walked in rowid order: the cap-th one lies this far in.
            const double seen =
                double(std::clamp(count.lastRowid, minRowid, maxRowid) - minRowid + 1) /
                double(maxRowid - minRowid + 1);
            hits =
                std::clamp(hits / std::max(seen, 1e-9), hits, double(std::max(rows, count.hits)));
        }
        double idf = std::log((double(rows) - hits + 0.5) / (hits + 0.5));
        if (idf <= 0.0)
            idf = 1e-6; // as bm25
        data->idf[i] = idf;
    }
    if (rc != SQLITE_OK) {
        sqlite3_free(data);
        return rc;
    }
    rc = api->xSetAuxdata(fts, data, freeQueryData); // frees the data itself when it fails
    if (rc != SQLITE_OK)
        return rc;
    *out = data;
    return SQLITE_OK;
}

// bm25 as FTS5's fts5Bm25Function computes it (k1 1.2, b 0.75; score negated so that smaller
// is better), with the capped document frequencies above.
void bm25(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *result, int argc,
          sqlite3_value **argv)
{
    constexpr double k1 = 1.2;
    constexpr double b = 0.75;
    constexpr int kFixedArguments = 3; // cap, minRowid, maxRowid
    if (argc < kFixedArguments) {
        sqlite3_result_error(result, "bs_bm25: needs cap, minRowid and maxRowid", -1);
        return;
    }
    QueryData *data = nullptr;
    int rc = queryData(api, fts, sqlite3_value_int64(argv[0]), sqlite3_value_int64(argv[1]),
                       sqlite3_value_int64(argv[2]), &data);
    const int weights = argc - kFixedArguments;
    int instances = 0;
    if (rc == SQLITE_OK) {
        std::fill(data->frequency, data->frequency + data->phrases, 0.0);
        rc = api->xInstCount(fts, &instances);
    }
    for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
        int phrase = 0, column = 0, offset = 0;
        rc = api->xInst(fts, i, &phrase, &column, &offset);
        if (rc == SQLITE_OK) {
            const double w =
                weights > column ? sqlite3_value_double(argv[kFixedArguments + column]) : 1.0;
            data->frequency[phrase] += w;
        }
    }
    int length = 0;
    if (rc == SQLITE_OK)
        rc = api->xColumnSize(fts, -1, &length);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(result, rc);
        return;
    }
    const double d = double(length);
    double score = 0.0;
    for (int i = 0; i < data->phrases; ++i) {
        const double f = data->frequency[i];
        score +=
            data->idf[i] * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + b * d / data->averageLength)));
    }
    sqlite3_result_double(result, -1.0 * score);
}

void rowCount(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *result, int,
              sqlite3_value **)
{
    sqlite3_int64 rows = 0;
    const int rc = api->xRowCount(fts, &rows);
    if (rc != SQLITE_OK)
        sqlite3_result_error_code(result, rc);
    else
        sqlite3_result_int64(result, rows);
}

} // namespace

bool registerOn(fts5_api *api)
{
    return api && api->xCreateFunction(api, kFunction, nullptr, bm25, nullptr) == SQLITE_OK &&
           api->xCreateFunction(api, kRowsFunction, nullptr, rowCount, nullptr) == SQLITE_OK;
}

} // namespace bs::SearchRank
