#pragma once

#include <QString>

namespace bs
{

// Cleans the value of an HTML style attribute to a small safe subset, with feedparser's rules:
// url(...) is removed; the whole style is dropped (empty result) when anything is left outside
// plain declarations of letters, digits, simple punctuation, quoted names and number lists (so
// expression(), escapes, comments, @rules and the like never pass); of the declarations, only
// allowed properties are kept, and background*/border*/margin*/padding* ones only when every word
// of the value is a known keyword, a colour or a short length. Kept declarations are written as
// "property: value;" joined by spaces. Linear in the length of the input.
QString sanitizeCss(const QString &style);

} // namespace bs
