#pragma once

#include <QString>

namespace bs
{

// The readable plain text of an HTML fragment: what search indexes and snippets read.
// Block elements become line breaks, script/style content is dropped, entities are decoded.
// Parsed with libxml2's HTML parser (no network, no entity expansion beyond HTML's own).
QString htmlToPlainText(const QString &html);

} // namespace bs
