#pragma once

#include <QString>

namespace bs::test
{

// What must never survive sanitizing, whatever the input: dangerous elements (script, style,
// iframe, object, embed, form controls, meta, link, base, frame, svg, applet), event handler
// attributes, and attribute values a browser would read as javascript:, vbscript: or data:text
// URLs (after decoding references and dropping white space). Text may mention all of these:
// every '<' in sanitized output starts a tag, and '>' and '"' in attribute values are escaped.
// Returns the first offending tag, or an empty string.
QString activeHtmlContent(const QString &sanitizedHtml);

} // namespace bs::test

// QVERIFY that sanitized output holds nothing active.
#define BS_VERIFY_NOTHING_ACTIVE(out)                                                              \
    do {                                                                                           \
        const QString found_ = bs::test::activeHtmlContent(out);                                   \
        QVERIFY2(found_.isEmpty(), qPrintable(found_ + QStringLiteral(" in ") + (out)));           \
    } while (false)
