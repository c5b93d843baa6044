#pragma once

#include <QByteArray>

namespace bs
{

// libxml2's HTML parser (2.9) ends a <script> at the first "</" followed by a letter, as HTML 4
// said; browsers end it only at "</script". A script that writes markup ('<a href=x>...</a>')
// then spills its rest into the page as text and elements, and the page after it can be lost.
// And it stops reading at a NUL byte, which a browser reads as U+FFFD.
//
// This returns the page with every "</" inside a script's text written "<\/" (the same string
// for JavaScript) and NUL bytes as U+FFFD, so the parser reads the page as a browser does. A
// page with neither comes back unchanged (no copy).
QByteArray parserSafeHtml(const QByteArray &html);

} // namespace bs
