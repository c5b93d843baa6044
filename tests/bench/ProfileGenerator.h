#pragma once

#include <QString>

namespace bs::bench
{

// Builds a large profile quickly for the desktop benchmarks: the schema through
// Database::openWriter (the app's migrations), then bulk INSERTs with prepared statements in big
// transactions straight into folders, feeds, articles, article_content and article_status, and
// the search index filled from its external content with FTS5's 'rebuild' (the index then holds
// what ArticleStore would have added: title, author, feed title, summary text, text).
//
// Articles: titles and summaries from SearchCorpus (Zipf-shaped words, every tenth one Chinese),
// a pool of authors, publication times spread over two years (ids grow with time, as a sync
// stores them). Status: read when id % 10 < 3 (30%), starred when id % 97 == 0. Feeds never fall
// due (next fetch years away, addresses on a .invalid host) and keep their articles forever, so
// an app started on the profile neither fetches nor purges.
//
// A generated profile carries a marker in its settings table; reusable() accepts it when the
// marker matches these options, migrating an older schema first (as the app does on start).
class ProfileGenerator
{
public:
    struct Options {
        int articles = 1000000;
        int feeds = 1000;
        int folders = 20;
        int summaryWords = 30;
        quint32 seed = 11;
    };

    explicit ProfileGenerator(Options options) : m_options(options) {}

    // Creates the database at `path` (which must not exist). False with `error` on failure.
    bool generate(const QString &path, QString *error);
    // True when `path` holds a profile this generator wrote with the same options (migrated to
    // this build's schema when it was older).
    bool reusable(const QString &path) const;
    // Puts the generated read state back (id % 10 < 3 read, the rest unread), e.g. after a
    // benchmark marked everything read. Needs the writer; returns false on error.
    static bool restoreReadState(const QString &path, QString *error);

    QString marker() const;
    static bool isGeneratedRead(qint64 articleId) { return articleId % 10 < 3; }
    static bool isGeneratedStarred(qint64 articleId) { return articleId % 97 == 0; }

private:
    Options m_options;
};

} // namespace bs::bench
