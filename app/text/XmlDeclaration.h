#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace bs
{

// The encoding named by a document's opening processing instruction, found as feedparser
// finds it: on the first line, which starts with "<?", the last `encoding="..."` (either quote,
// white space around '=' allowed) that a "?>" follows. Empty when there is none. `prefix` is
// the start of the document in an ASCII-compatible encoding.
QByteArray xmlDeclarationEncoding(QByteArrayView prefix);

// Whether the XML declaration at the start of `utf8` names an encoding other than UTF-8.
bool xmlDeclarationNeedsRewrite(QByteArrayView utf8);

// Makes the encoding pseudo-attribute of the XML declaration at the start of `utf8` say
// "utf-8", so that an XML parser reads the bytes as UTF-8. Version and standalone are kept.
// Does nothing (and does not detach `utf8`) when there is no declaration, no encoding in it,
// or it already says UTF-8.
void rewriteXmlDeclarationEncoding(QByteArray &utf8);

} // namespace bs
