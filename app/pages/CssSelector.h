#pragma once

#include <QString>

#include <vector>

struct _xmlDoc;
struct _xmlNode;

namespace bs::pages
{

// The CSS subset page feeds store, translated to XPath and evaluated by libxml2 (one matcher):
// type selectors and `*`, `#id`, `.class`, `[attr]`, `[attr="value"]`, `:nth-of-type(n)`,
// the descendant (space) and child (`>`) combinators, and `,` between alternatives. Returns the
// XPath expression, or an empty string with *error set.
QString cssToXPath(const QString &css, QString *error = nullptr);

// The elements `css` matches in `doc`, in document order. *error is set when the selector is
// not valid (the result is then empty).
std::vector<_xmlNode *> selectElements(_xmlDoc *doc, const QString &css, QString *error = nullptr);

// A class name or id that can be written as a CSS identifier without escapes.
bool isPlainIdentifier(const QString &name);

} // namespace bs::pages
