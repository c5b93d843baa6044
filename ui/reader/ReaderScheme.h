#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

namespace bs
{

// The reader view's own URL scheme. Pages: bsreader://article/<id>; cached media:
// bsreader://media?u=<percent-encoded original URL>.
inline constexpr char readerScheme[] = "bsreader";

// Registers the scheme with Qt WebEngine (and asks Qt to share OpenGL contexts, which
// WebEngine needs). Must run before the QApplication is created; once per process.
//
// Flags: SecureScheme | LocalScheme, nothing else. Local: Chromium treats its pages like
// file pages, so the profile's LocalContentCanAccessRemoteUrls/FileUrls settings (both off)
// apply and web pages cannot load it. Not LocalAccessAllowed (it would reach file:// and
// other local schemes), not CorsEnabled/FetchApiAllowed (nothing fetches), not
// ContentSecurityPolicyIgnored (the page's own CSP is one of the doors), not
// ServiceWorkersAllowed. Secure: no mixed-content downgrades.
void registerReaderScheme();

// A cached image (or other media) as the media resolver hands it over: either the bytes or
// the path of a file holding them.
struct ReaderMedia {
    QByteArray data;
    QString filePath; // used when data is empty
    QString mimeType;
};

// Finds the cached copy of a remote media URL; nullopt when it is not cached.
using ReaderMediaResolver = std::function<std::optional<ReaderMedia>(const QUrl &original)>;

QUrl readerArticleUrl(qint64 articleId);
QUrl readerMediaUrl(const QUrl &original);
// The article id of a bsreader://article/<id> URL, 0 when it is not one.
qint64 readerArticleId(const QUrl &url);
// The original URL inside a bsreader://media URL; invalid when it is not one.
QUrl readerMediaOriginal(const QUrl &url);

} // namespace bs
