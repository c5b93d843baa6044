#include "store/SearchTokenizer.h"

#include "html/HtmlText.h"
#include "store/SearchRank.h"

#include <sqlite3.h>

#include <new>

namespace bs::SearchTokenizer
{

namespace
{

using TokenCallback = int (*)(void *, int, const char *, int, int, int);

// One tokenizer instance: unicode61 (remove_diacritics 2) for everything that is not CJK.
struct Instance {
    fts5_tokenizer words{};
    Fts5Tokenizer *wordsInstance = nullptr;
};

struct Offsets {
    void *context;
    TokenCallback sink;
    int base;
};

int shiftedToken(void *ctx, int flags, const char *token, int length, int start, int end)
{
    auto *o = static_cast<Offsets *>(ctx);
    return o->sink(o->context, flags, token, length, start + o->base, end + o->base);
}

// Decodes one UTF-8 sequence at text[i] (i < n). Returns its length; *cp is the code point,
// or U+FFFD-like 0xFFFFFFFF for an invalid byte (length 1).
int decode(const unsigned char *text, int i, int n, char32_t *cp)
{
    const unsigned char b = text[i];
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    int length = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if ((b & 0xE0) == 0xC0) {
        length = 2;
        value = b & 0x1F;
        minimum = 0x80;
    } else if ((b & 0xF0) == 0xE0) {
        length = 3;
        value = b & 0x0F;
        minimum = 0x800;
    } else if ((b & 0xF8) == 0xF0) {
        length = 4;
        value = b & 0x07;
        minimum = 0x10000;
    } else {
        *cp = 0xFFFFFFFF;
        return 1;
    }
    if (i + length > n) {
        *cp = 0xFFFFFFFF;
        return 1;
    }
    for (int k = 1; k < length; ++k) {
        const unsigned char c = text[i + k];
        if ((c & 0xC0) != 0x80) {
            *cp = 0xFFFFFFFF;
            return 1;
        }
        value = (value << 6) | (c & 0x3F);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        *cp = 0xFFFFFFFF;
        return 1;
    }
    *cp = value;
    return length;
}

int create(void *ctx, const char **, int, Fts5Tokenizer **out)
{
    auto *api = static_cast<fts5_api *>(ctx);
    auto *instance = new (std::nothrow) Instance;
    if (!instance)
        return SQLITE_NOMEM;
    void *wordsContext = nullptr;
    int rc = api->xFindTokenizer(api, "unicode61", &wordsContext, &instance->words);
    if (rc == SQLITE_OK) {
        const char *args[] = {"remove_diacritics", "2"};
        rc = instance->words.xCreate(wordsContext, args, 2, &instance->wordsInstance);
    }
    if (rc != SQLITE_OK) {
        delete instance;
        return rc;
    }
    *out = reinterpret_cast<Fts5Tokenizer *>(instance);
    return SQLITE_OK;
}

void destroy(Fts5Tokenizer *tokenizer)
{
    auto *instance = reinterpret_cast<Instance *>(tokenizer);
    if (instance->wordsInstance)
        instance->words.xDelete(instance->wordsInstance);
    delete instance;
}

int tokenizeWords(Instance *instance, void *ctx, int flags, const char *text, int from, int to,
                  TokenCallback sink)
{
    if (to <= from)
        return SQLITE_OK;
    Offsets offsets{ctx, sink, from};
    return instance->words.xTokenize(instance->wordsInstance, &offsets, flags, text + from,
                                     to - from, shiftedToken);
}

int stopAtFirstToken(void *ctx, int, const char *, int, int, int)
{
    *static_cast<bool *>(ctx) = true;
    return SQLITE_DONE; // any code but SQLITE_OK ends the scan
}

// Whether text[from, n) yields any token (unicode61 treats CJK characters as letters too).
bool followedByToken(Instance *instance, const char *text, int from, int n)
{
    if (from >= n)
        return false;
    bool found = false;
    instance->words.xTokenize(instance->wordsInstance, &found, FTS5_TOKENIZE_QUERY, text + from,
                              n - from, stopAtFirstToken);
    return found;
}

int tokenizeText(Fts5Tokenizer *tokenizer, void *ctx, int flags, const char *text, int n,
                 TokenCallback sink)
{
    auto *instance = reinterpret_cast<Instance *>(tokenizer);
    const auto *bytes = reinterpret_cast<const unsigned char *>(text);
    const bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
    // snippet() and highlight() skip colocated tokens: for them the bigrams are wasted work.
    const bool aux = (flags & FTS5_TOKENIZE_AUX) != 0;
    int wordsFrom = 0;
    int i = 0;
    while (i < n) {
        if (bytes[i] < 0x80) { // ASCII is never CJK: the common case stays one pass
            ++i;
            continue;
        }
        char32_t cp = 0;
        int length = decode(bytes, i, n, &cp);
        if (!isCjk(cp)) {
            i += length;
            continue;
        }
        int rc = tokenizeWords(instance, ctx, flags, text, wordsFrom, i, sink);
        if (rc != SQLITE_OK)
            return rc;
        // The CJK run: characters [runStart, i) so far; prev is the last one.
        int prevStart = i;
        int prevEnd = i + length;
        i = prevEnd;
        bool single = true;
        while (i < n) {
            length = decode(bytes, i, n, &cp);
            if (!isCjk(cp))
                break;
            if (query) {
                rc = sink(ctx, 0, text + prevStart, i + length - prevStart, prevStart, i + length);
            } else {
                rc = sink(ctx, 0, text + prevStart, prevEnd - prevStart, prevStart, prevEnd);
                if (rc == SQLITE_OK && !aux)
                    rc = sink(ctx, FTS5_TOKEN_COLOCATED, text + prevStart, i + length - prevStart,
                              prevStart, i + length);
            }
            if (rc != SQLITE_OK)
                return rc;
            single = false;
            prevStart = i;
            prevEnd = i + length;
            i = prevEnd;
        }
        // The last character of the run stands alone. A query needs it only when it is the
        // whole run, or when more tokens follow (they must keep their positions); a run ending
        // the query is matched by its bigrams alone, which keeps the long doclists of single
        // characters out of 2- and 3-character queries.
        if (!query || single || followedByToken(instance, text, i, n)) {
            rc = sink(ctx, 0, text + prevStart, prevEnd - prevStart, prevStart, prevEnd);
            if (rc != SQLITE_OK)
                return rc;
        }
        wordsFrom = i;
    }
    return tokenizeWords(instance, ctx, flags, text, wordsFrom, n, sink);
}

fts5_api *fts5Api(sqlite3 *db)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) != SQLITE_OK)
        return nullptr;
    sqlite3_bind_pointer(statement, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(statement);
    sqlite3_finalize(statement);
    return api;
}

void plainTextFunction(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    if (argc != 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_text(context, "", 0, SQLITE_STATIC);
        return;
    }
    const auto *html = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
    const int bytes = sqlite3_value_bytes(argv[0]);
    const QByteArray text = htmlToPlainText(QString::fromUtf8(html, bytes)).toUtf8();
    sqlite3_result_text(context, text.constData(), int(text.size()), SQLITE_TRANSIENT);
}

int collectToken(void *ctx, int flags, const char *token, int length, int start, int end)
{
    auto *out = static_cast<QList<Token> *>(ctx);
    out->append(Token{QByteArray(token, length), start, end, (flags & FTS5_TOKEN_COLOCATED) != 0});
    return SQLITE_OK;
}

} // namespace

bool isCjk(char32_t c)
{
    if (c < 0x1100)
        return false;
    return (c >= 0x1100 && c <= 0x11FF)       // Hangul Jamo
           || (c >= 0x2E80 && c <= 0x2FDF)    // CJK and Kangxi radicals
           || (c >= 0x3005 && c <= 0x3007)    // 々 〆 〇
           || (c >= 0x3021 && c <= 0x3029)    // Hangzhou numerals
           || (c >= 0x3031 && c <= 0x3035)    // kana repeat marks
           || (c >= 0x3041 && c <= 0x309F)    // Hiragana
           || (c >= 0x30A0 && c <= 0x30FA)    // Katakana (not the middle dot)
           || (c >= 0x30FC && c <= 0x30FF)    // prolonged sound mark, iteration marks
           || (c >= 0x3130 && c <= 0x318F)    // Hangul compatibility Jamo
           || (c >= 0x31F0 && c <= 0x31FF)    // Katakana phonetic extensions
           || (c >= 0x3400 && c <= 0x4DBF)    // CJK extension A
           || (c >= 0x4E00 && c <= 0x9FFF)    // CJK unified ideographs
           || (c >= 0xA960 && c <= 0xA97F)    // Hangul Jamo extended A
           || (c >= 0xAC00 && c <= 0xD7FF)    // Hangul syllables, Jamo extended B
           || (c >= 0xF900 && c <= 0xFAFF)    // CJK compatibility ideographs
           || (c >= 0xFF66 && c <= 0xFF9F)    // halfwidth Katakana
           || (c >= 0x20000 && c <= 0x3134F); // extensions B to G
}

bool registerOn(sqlite3 *db, QString *error)
{
    static fts5_tokenizer tokenizer{create, destroy, tokenizeText};
    fts5_api *api = db ? fts5Api(db) : nullptr;
    if (!api || api->iVersion < 2) {
        if (error)
            *error = QStringLiteral("This SQLite has no FTS5 (needed for search).");
        return false;
    }
    if (api->xCreateTokenizer(api, kName, api, &tokenizer, nullptr) != SQLITE_OK ||
        !SearchRank::registerOn(api) ||
        sqlite3_create_function_v2(db, "bs_plain_text", 1,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                   plainTextFunction, nullptr, nullptr, nullptr) != SQLITE_OK) {
        if (error)
            *error = QStringLiteral("Cannot register the search tokenizer: %1")
                         .arg(QString::fromUtf8(sqlite3_errmsg(db)));
        return false;
    }
    return true;
}

std::optional<QList<Token>> tokenize(sqlite3 *db, QByteArrayView utf8, bool forQuery)
{
    fts5_api *api = fts5Api(db);
    if (!api)
        return std::nullopt;
    void *context = nullptr;
    fts5_tokenizer functions{};
    if (api->xFindTokenizer(api, kName, &context, &functions) != SQLITE_OK)
        return std::nullopt;
    Fts5Tokenizer *instance = nullptr;
    if (functions.xCreate(context, nullptr, 0, &instance) != SQLITE_OK)
        return std::nullopt;
    QList<Token> tokens;
    const int rc = functions.xTokenize(instance, &tokens,
                                       forQuery ? FTS5_TOKENIZE_QUERY : FTS5_TOKENIZE_DOCUMENT,
                                       utf8.data(), int(utf8.size()), collectToken);
    functions.xDelete(instance);
    if (rc != SQLITE_OK)
        return std::nullopt;
    return tokens;
}

} // namespace bs::SearchTokenizer
