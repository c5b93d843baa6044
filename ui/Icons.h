#pragma once

#include <QIcon>
#include <QString>

namespace bs
{

// The application's action icons. `icon("star")` is the desktop theme's icon for that action
// when the theme has one (a desktop theme wins), else the bundled SVG `:/icons/star.svg`,
// drawn at the requested size and device pixel ratio (sharp on HiDPI screens) in the
// palette's text colour, so it reads on light and dark palettes alike.
// Names: sync, cancel, star, star-filled, mark-read, add-feed, folder, feed, search,
// open-in-browser, tray (and broadsheet, the application icon).
QIcon icon(const QString &name);

// The bundled icon alone, without the theme lookup (the tray draws on it; tests use it).
QIcon bundledIcon(const QString &name);

// The freedesktop icon-naming-spec name tried first for one of the names above ("" for none).
QString themeIconName(const QString &name);

} // namespace bs
