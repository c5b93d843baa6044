#pragma once

#include <QString>
#include <QUrl>

#include <functional>

namespace bs
{

// How an article's HTML is made safe and local for the reader page.
struct ReaderContentPolicy {
    QUrl base;                      // the article's URL: relative references resolve against it
    bool allowRemoteImages = false; // uncached http(s) images keep their remote URL
    // Whether the media cache holds a copy of this (absolute http(s)) URL.
    std::function<bool(const QUrl &)> isCached;
};

// Rewrites an article's HTML fragment for the reader page (libxml2's HTML parser, no network):
// - elements that run, embed or fetch (script, iframe, object, embed, link, meta, base, form
//   controls, ...) are dropped with their content; inline event handlers (on*) go;
// - <img src/srcset>, <source src/srcset>, <video poster>, audio/video/track src point at the
//   reader's media scheme (bsreader://media?u=...), so a cached copy is shown and an uncached
//   remote one is answered 404 by the scheme, unless remote images are allowed and it is not
//   cached (then the remote URL stays, for the interceptor to let through);
// - links keep http(s) and mailto targets only (javascript:, data:, file: are removed) and lose
//   target=; any other URL-bearing attribute is removed; style attributes that could fetch
//   (url(), image-set, @import, escapes) are removed.
// The stored content is sanitized already; this pass is the reader's own defence.
QString rewriteReaderContent(const QString &html, const ReaderContentPolicy &policy);

// Whether text is written right to left: the language (ar, he, fa, ur, ...) when known, else
// the first strong directional character of the text.
bool isRightToLeft(const QString &language, const QString &text);

// A language for text whose article names none, from its script, so that the page's CSS picks
// the right CJK font: "ja" with kana, "ko" with hangul, "zh" with Han alone; else empty.
QString guessCjkLanguage(const QString &text);

} // namespace bs
