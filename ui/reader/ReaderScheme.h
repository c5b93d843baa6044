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
// Flags: SecureScheme only. Secure: no mixed-content downgrade, and the page is a secure
// context. Not LocalScheme: Chromium then refuses a reader page its own media (a local scheme
// may be loaded only by origins granted local access, and granting it, LocalAccessAllowed,
// would open file:// too). Not LocalAccessAllowed, CorsEnabled, ServiceWorkersAllowed or
// ContentSecurityPolicyIgnored (the page's own CSP is one of the doors). The scheme handler is
// installed on the reader's private profile only, so no other page can reach it; file:// and
// the network are closed by the page's CSP, the profile's settings
// (LocalContentCanAccessFileUrls/RemoteUrls off) and the profile's request interceptor.
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
// bsreader://blank/: an empty page in the reader's colours (nothing shown).
QUrl readerBlankUrl();
// The article id of a bsreader://article/<id> URL, 0 when it is not one.
qint64 readerArticleId(const QUrl &url);
// The original URL inside a bsreader://media URL; invalid when it is not one.
QUrl readerMediaOriginal(const QUrl &url);

} // namespace bs
