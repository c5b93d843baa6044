#pragma once

#include <QString>
#include <QUrl>

namespace bs
{

// Whether a URL (character references already decoded) may stay in an attribute. Relative URLs
// pass; absolute ones only with a scheme on the allowlist (http, https, mailto, ftp, news, ...:
// feedparser's list without file). Before the scheme is read, white space and control characters
// are removed anywhere and letters are folded, as browsers do, so "jav&#x09;ascript:" or
// " JavaScript:" are caught. data: passes only when allowDataImage is set and the value is a
// raster image (data:image/png, gif, jpeg, webp, avif, bmp).
bool isSafeUrl(const QString &url, bool allowDataImage = false);

// Resolves a URL (references decoded) against base as feedparser's relative-URI resolution does:
// surrounding white space is trimmed, extra slashes after "scheme://" are collapsed, absolute
// URLs come back unchanged, and an empty one becomes the base. Returns url trimmed when base is
// not a valid absolute URL.
QString resolveUrl(const QString &url, const QUrl &base);

} // namespace bs
