#include "feeds/FeedParser.h"

#include "feeds/FeedBuilder.h"
#include "feeds/FeedEncoding.h"
#include "feeds/FeedText.h"
#include "feeds/JsonFeedParser.h"

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include <mutex>

namespace bs
{

namespace
{

// Real feeds stay far below this; anything larger is refused before parsing.
constexpr qsizetype kMaxFeedBytes = 64 * 1024 * 1024;

// External entities and DTDs are never loaded, whatever a document declares.
xmlParserInputPtr refuseExternalEntity(const char *, const char *, xmlParserCtxtPtr)
{
    return nullptr;
}

void initLibxml()
{
    static std::once_flag once;
    std::call_once(once, [] {
        xmlInitParser();
        xmlSetExternalEntityLoader(refuseExternalEntity);
    });
}

QString fromXml(const xmlChar *s)
{
    return s ? QString::fromUtf8(reinterpret_cast<const char *>(s)) : QString();
}

struct ReaderErrors {
    QString first;
    int count = 0;
    bool rootClosed = false; // the document's root element ended: nothing was cut off
};

void collectError(void *arg, const xmlError *error)
{
    auto *errors = static_cast<ReaderErrors *>(arg);
    if (!error || error->level == XML_ERR_WARNING)
        return;
    ++errors->count;

    if (errors->first.isEmpty())
        errors->first = QStringLiteral("line %1: %2")
                            .arg(error->line)
                            .arg(QString::fromUtf8(error->message ? error->message : "").trimmed());
}

// Rewrites HTML named entities (undeclared in XML) as numeric references so that a second,
// recovering pass keeps the characters they stand for, as browsers and feedparser do.
QByteArray numericEntities(const QByteArray &in)
{
    QByteArray out;
    out.reserve(in.size() + 64);
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        if (c != '&') {
            out.append(c);
            continue;
        }
        qsizetype j = i + 1;
        while (j < in.size() && j - i < 40 && (std::isalnum(uchar(in.at(j))) || in.at(j) == '#'))
            ++j;
        const QByteArray name = in.mid(i + 1, j - i - 1);
        const bool terminated = j < in.size() && in.at(j) == ';';
        if (!terminated || name.isEmpty()) {
            out.append("&amp;"); // a stray ampersand
            continue;
        }
        if (name.startsWith("#X")) { // XML wants a lower-case x
            out.append("&#x");
            i += 2;
            continue;
        }
        if (name.startsWith('#') || name == "lt" || name == "gt" || name == "amp" ||
            name == "quot" || name == "apos") {
            out.append(c);
            continue;
        }
        if (const char32_t cp = htmlEntityCodePoint(QString::fromLatin1(name))) {
            out.append("&#" + QByteArray::number(uint(cp)) + ';');
            i = j;
            continue;
        }
        out.append("&amp;"); // an entity nobody defined: keep it as text
    }
    return out;
}

void readXml(const QByteArray &utf8, FeedBuilder &builder, bool recover, ReaderErrors &errors)
{
    initLibxml();
    const int options = XML_PARSE_NONET | XML_PARSE_NOENT | XML_PARSE_NOCDATA |
                        (recover ? XML_PARSE_RECOVER : 0) | XML_PARSE_NOWARNING;
    xmlTextReaderPtr reader =
        xmlReaderForMemory(utf8.constData(), int(utf8.size()), nullptr, "UTF-8", options);
    if (!reader) {
        errors.first = QStringLiteral("the document could not be read");
        ++errors.count;
        return;
    }
    xmlTextReaderSetStructuredErrorHandler(
        reader, [](void *arg, xmlErrorPtr e) { collectError(arg, e); }, &errors);
    int ret;
    while ((ret = xmlTextReaderRead(reader)) == 1) {
        switch (xmlTextReaderNodeType(reader)) {
        case XML_READER_TYPE_ELEMENT: {
            FeedBuilder::Attributes attrs;
            // Namespace declarations first: they decide the names below.
            if (xmlTextReaderHasAttributes(reader)) {
                while (xmlTextReaderMoveToNextAttribute(reader) == 1) {
                    if (xmlTextReaderIsNamespaceDecl(reader)) {
                        const QString prefix = fromXml(xmlTextReaderConstPrefix(reader));
                        builder.declareNamespace(prefix.isEmpty()
                                                     ? QString()
                                                     : fromXml(xmlTextReaderConstLocalName(reader)),
                                                 fromXml(xmlTextReaderConstValue(reader)));
                        continue;
                    }
                    const QString ns = fromXml(xmlTextReaderConstNamespaceUri(reader));
                    const QString known = ns.isEmpty() ? QString() : builder.knownPrefix(ns);
                    const QString name = known.isEmpty()
                                             ? fromXml(xmlTextReaderConstName(reader))
                                             : known + QLatin1Char(':') +
                                                   fromXml(xmlTextReaderConstLocalName(reader));
                    attrs.append({name.toLower(), fromXml(xmlTextReaderConstValue(reader))});
                }
                xmlTextReaderMoveToElement(reader);
            }
            const QString ns = fromXml(xmlTextReaderConstNamespaceUri(reader));
            const QString local = fromXml(xmlTextReaderConstLocalName(reader)).toLower();
            const QString given = fromXml(xmlTextReaderConstPrefix(reader));
            QString prefix = builder.isKnownNamespace(ns) ? builder.knownPrefix(ns) : given;
            if (local == QLatin1String("math") &&
                ns == QLatin1String("http://www.w3.org/1998/Math/MathML"))
                attrs.prepend({QStringLiteral("xmlns"), ns});
            if (local == QLatin1String("svg") && ns == QLatin1String("http://www.w3.org/2000/svg"))
                attrs.prepend({QStringLiteral("xmlns"), ns});
            const QString name =
                prefix.isEmpty() ? local : prefix.toLower() + QLatin1Char(':') + local;
            const bool empty = xmlTextReaderIsEmptyElement(reader);
            builder.startElement(name, std::move(attrs));
            if (empty)
                builder.endElement(name);
            if (empty && xmlTextReaderDepth(reader) == 0)
                errors.rootClosed = true;
            break;
        }
        case XML_READER_TYPE_END_ELEMENT: {
            const QString ns = fromXml(xmlTextReaderConstNamespaceUri(reader));
            const QString local = fromXml(xmlTextReaderConstLocalName(reader)).toLower();
            const QString given = fromXml(xmlTextReaderConstPrefix(reader));
            const QString prefix = builder.isKnownNamespace(ns) ? builder.knownPrefix(ns) : given;
            builder.endElement(prefix.isEmpty() ? local
                                                : prefix.toLower() + QLatin1Char(':') + local);
            if (xmlTextReaderDepth(reader) == 0)
                errors.rootClosed = true;
            break;
        }
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
            builder.characters(fromXml(xmlTextReaderConstValue(reader)));
            break;
        default:
            break;
        }
    }
    if (ret < 0 && errors.first.isEmpty()) {
        errors.first = QStringLiteral("the document ends before it is complete");
        ++errors.count;
    }
    xmlFreeTextReader(reader);
}

} // namespace

ParsedFeed parseFeed(const QByteArray &bytes, const FeedSource &source)
{
    ParsedFeed result;
    if (bytes.size() > kMaxFeedBytes) {
        result.bozo = true;
        result.bozoReason = QStringLiteral("The document is too large (%1 MB; feeds are read up to "
                                           "%2 MB).")
                                .arg(bytes.size() / (1024 * 1024))
                                .arg(kMaxFeedBytes / (1024 * 1024));
        return result;
    }
    const DecodedDocument doc = decodeFeed(bytes, source.contentType);
    result.encoding = doc.encoding;
    if (doc.bozo) {
        result.bozo = true;
        result.bozoReason = doc.bozoReason;
    }

    // Content-Location gives the base when it is a safe URL; javascript: and the like never are.
    QString base = source.url.toString();
    if (!source.contentLocation.isEmpty()) {
        const QString location = makeSafeAbsoluteUri(base.isEmpty() ? source.contentLocation : base,
                                                     source.contentLocation);
        if (!location.isEmpty() && !QUrl(location).scheme().isEmpty())
            base = location;
    }

    // JSON Feed: a document whose first significant character opens an object.
    for (char c : doc.utf8) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
            continue;
        if (c == '{')
            return parseJsonFeed(doc.utf8, source, std::move(result));
        break;
    }

    FeedBuilder::Options options;
    options.baseUri = base;
    options.language = source.contentLanguage;
    options.encoding = doc.encoding;
    options.zonelessZone = source.zonelessZone;

    auto build = [&](const QByteArray &utf8, bool recover, ReaderErrors &errors) {
        FeedBuilder builder(options);
        readXml(utf8, builder, recover, errors);
        result.version = builder.version();
        // Netscape's RSS 0.91 announces itself only in its DOCTYPE.
        if (result.version == QLatin1String("rss091u") &&
            utf8.left(4096).contains("Netscape Communications//DTD RSS 0.91"))
            result.version = QStringLiteral("rss091n");
        result.feed = std::move(builder.feed());
        result.entries = std::move(builder.entries());
        result.namespaces = builder.namespaces();
    };

    ReaderErrors errors;
    build(doc.utf8, true, errors);
    result.truncated = !errors.rootClosed;
    if (errors.count > 0) {
        // Recover what a lenient reader would: HTML entities, stray ampersands.
        ReaderErrors second;
        build(numericEntities(doc.utf8), true, second);
        result.bozo = true;
        if (result.bozoReason.isEmpty())
            result.bozoReason =
                QStringLiteral("The document is not well-formed XML (%1).").arg(errors.first);
    }
    if (doc.utf8.trimmed().isEmpty()) {
        result.bozo = true;
        result.bozoReason = QStringLiteral("The document is empty.");
    }
    return result;
}

} // namespace bs
