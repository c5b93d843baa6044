#pragma once

#include "model/Article.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <functional>

namespace bs
{

// What the reader page looks like; shared by the view and its scheme handler.
struct ReaderOptions {
    bool dark = false;
    int fontSizePx = 17;
    bool allowRemoteImages = false;

    static constexpr int defaultFontSizePx = 17;
    static constexpr int minFontSizePx = 10;
    static constexpr int maxFontSizePx = 40;
};

// The page's Content-Security-Policy: nothing runs, nothing is framed or submitted; images and
// media from the reader scheme (and data: images), remote ones only when allowed.
QString readerContentSecurityPolicy(const ReaderOptions &options);

// The article page, from the template and style sheet in the resources (:/reader/): title,
// feed, author, date, link to the original, and the content (full text, else content, else
// summary) rewritten by rewriteReaderContent. lang/dir come from the article's language or
// its text. Every text of the article is escaped; nothing of it is read as a template field.
QByteArray readerDocument(const Article &article, const QString &feedTitle,
                          const ReaderOptions &options,
                          const std::function<bool(const QUrl &)> &isCached);

// An empty page in the reader's colours.
QByteArray readerBlankDocument(const ReaderOptions &options);

// Replaces each {{name}} of the template by its value, in one pass over the template.
QString fillTemplate(const QString &templ, const QHash<QString, QString> &values);

} // namespace bs
