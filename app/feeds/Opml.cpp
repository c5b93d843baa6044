#include "feeds/Opml.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <QLocale>
#include <QRegularExpression>
#include <QXmlStreamWriter>

namespace bs
{

namespace
{

constexpr int kMaxDepth = 64;

bool isAsciiAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool isDigit(char c, bool hex)
{
    return (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
}

// Copies a comment or CDATA section starting at `at` untouched ('&' is literal there); returns
// the position after it, or `at` when none starts there.
qsizetype copyVerbatim(const QByteArray &in, qsizetype at, QByteArray &out)
{
    static const std::pair<QByteArrayView, QByteArrayView> kSections[] = {{"<!--", "-->"},
                                                                          {"<![CDATA[", "]]>"}};
    for (const auto &[open, close] : kSections) {
        if (QByteArrayView(in).sliced(at).startsWith(open)) {
            qsizetype end = in.indexOf(close, at + open.size());
            end = end < 0 ? in.size() : end + close.size();
            out += QByteArrayView(in).sliced(at, end - at);
            return end;
        }
    }
    return at;
}

// Real exports contain HTML named entities (&eacute;, &nbsp;) that XML does not define, and
// bare '&'. Named HTML entities become numeric references, anything else that is not a valid
// reference gets its '&' escaped; the five XML entities and numeric references stay.
// Works on the raw bytes, which is safe for every ASCII-compatible encoding.
QByteArray fixEntities(const QByteArray &in)
{
    QByteArray out;
    out.reserve(in.size() + 64);
    const qsizetype n = in.size();
    qsizetype i = 0;
    while (i < n) {
        const char c = in[i];
        if (c == '<') {
            const qsizetype after = copyVerbatim(in, i, out);
            if (after != i) {
                i = after;
                continue;
            }
        }
        if (c != '&') {
            out += c;
            ++i;
            continue;
        }
        qsizetype j = i + 1;
        if (j < n && in[j] == '#') {
            const bool hex = j + 1 < n && (in[j + 1] == 'x' || in[j + 1] == 'X');
            j += hex ? 2 : 1;
            const qsizetype digits = j;
            while (j < n && isDigit(in[j], hex))
                ++j;
            if (j > digits && j < n && in[j] == ';') {
                out += QByteArrayView(in).sliced(i, j + 1 - i);
                i = j + 1;
            } else {
                out += "&amp;";
                ++i;
            }
            continue;
        }
        while (j < n && isAsciiAlnum(in[j]))
            ++j;
        if (j == i + 1 || j >= n || in[j] != ';') {
            out += "&amp;";
            ++i;
            continue;
        }
        const QByteArray name = in.mid(i + 1, j - i - 1);
        static const QByteArrayView kXml[] = {"amp", "lt", "gt", "quot", "apos"};
        if (std::find(std::begin(kXml), std::end(kXml), name) != std::end(kXml))
            out += '&' + name + ';';
        else if (const htmlEntityDesc *e =
                     htmlEntityLookup(reinterpret_cast<const xmlChar *>(name.constData())))
            out += "&#" + QByteArray::number(e->value) + ';';
        else
            out += "&amp;" + name + ';';
        i = j + 1;
    }
    return out;
}

// UTF-16 and UTF-32 are the encodings the byte-level entity fix must not touch.
bool asciiCompatible(const QByteArray &data)
{
    if (data.startsWith("\xFE\xFF") || data.startsWith("\xFF\xFE"))
        return false;
    return !data.left(4).contains('\0');
}

QString fromXml(const xmlChar *text)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(text));
}

bool isElement(const xmlNode *node, const char *name)
{
    return node->type == XML_ELEMENT_NODE &&
           xmlStrcasecmp(node->name, reinterpret_cast<const xmlChar *>(name)) == 0;
}

xmlNode *child(xmlNode *parent, const char *name)
{
    for (xmlNode *n = parent ? parent->children : nullptr; n; n = n->next) {
        if (isElement(n, name))
            return n;
    }
    return nullptr;
}

// An attribute without namespace, its name compared case-insensitively (xmlurl, XMLURL).
QString attribute(xmlNode *node, const char *name)
{
    for (xmlAttr *a = node->properties; a; a = a->next) {
        if (a->ns || xmlStrcasecmp(a->name, reinterpret_cast<const xmlChar *>(name)) != 0)
            continue;
        xmlChar *value = xmlNodeListGetString(node->doc, a->children, 1);
        const QString text = fromXml(value);
        xmlFree(value);
        return text;
    }
    return {};
}

QString elementText(xmlNode *node)
{
    if (!node)
        return {};
    xmlChar *content = xmlNodeGetContent(node);
    const QString text = fromXml(content).simplified();
    xmlFree(content);
    return text;
}

// RFC 822 dates as OPML heads carry them ("Sat, 12 Feb 2022 13:14:15 GMT", seconds and day
// name optional, zone as offset or name), else ISO 8601. Qt's RFC2822Date wants a numeric zone.
QDateTime parseDate(const QString &text)
{
    static const QRegularExpression rfc822(QStringLiteral(
        R"(^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([A-Za-z]+|[+-]\d{4})?$)"));
    static const char *const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec"};
    static const std::pair<const char *, int> kZones[] = {{"est", -5}, {"edt", -4}, {"cst", -6},
                                                          {"cdt", -5}, {"mst", -7}, {"mdt", -6},
                                                          {"pst", -8}, {"pdt", -7}};
    const QRegularExpressionMatch m = rfc822.match(text.trimmed());
    if (!m.hasMatch()) {
        const QDateTime iso = QDateTime::fromString(text.trimmed(), Qt::ISODate);
        return iso.isValid() ? iso.toUTC() : QDateTime();
    }
    const QString monthName = m.captured(2).toLower();
    int month = 0;
    for (int i = 0; i < 12; ++i) {
        if (monthName == QLatin1String(kMonths[i]))
            month = i + 1;
    }
    int year = m.captured(3).toInt();
    if (m.captured(3).size() == 2)
        year += year < 50 ? 2000 : 1900;
    const QString zone = m.captured(7).toLower();
    int offsetSecs = 0;
    if (zone.startsWith(QLatin1Char('+')) || zone.startsWith(QLatin1Char('-'))) {
        const int hhmm = zone.mid(1).toInt();
        offsetSecs = (hhmm / 100 * 3600 + hhmm % 100 * 60) * (zone.startsWith('-') ? -1 : 1);
    }
    for (const auto &[name, hours] : kZones) {
        if (zone == QLatin1String(name))
            offsetSecs = hours * 3600;
    }
    const QDateTime when(QDate(year, month, m.captured(1).toInt()),
                         QTime(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt()),
                         Qt::OffsetFromUTC, offsetSecs);
    return when.isValid() ? when.toUTC() : QDateTime();
}

// The folder at a path under root, created when missing.
OpmlFolder &folderAt(OpmlFolder &root, const QStringList &path)
{
    OpmlFolder *folder = &root;
    for (const QString &name : path) {
        auto it = std::find_if(folder->folders.begin(), folder->folders.end(),
                               [&](const OpmlFolder &f) { return f.title == name; });
        if (it == folder->folders.end()) {
            folder->folders.append(OpmlFolder{name, {}, {}});
            it = folder->folders.end() - 1;
        }
        folder = &*it;
    }
    return *folder;
}

// The first path of an OPML 2.0 category attribute ("/Tech/Linux,/Tags/x" -> Tech, Linux).
QStringList categoryPath(const QString &category)
{
    QStringList path = category.section(QLatin1Char(','), 0, 0).split(QLatin1Char('/'));
    for (QString &part : path)
        part = part.simplified();
    path.removeAll(QString());
    return path;
}

void readOutlines(xmlNode *parent, OpmlFolder &into, OpmlFolder &root, int depth)
{
    if (depth > kMaxDepth)
        return;
    for (xmlNode *n = parent->children; n; n = n->next) {
        if (!isElement(n, "outline"))
            continue;
        const QString type = attribute(n, "type").trimmed();
        const QString url = attribute(n, "url").trimmed();
        QString xmlUrl = attribute(n, "xmlUrl").trimmed();
        const QString lowerType = type.toLower();
        if (xmlUrl.isEmpty() &&
            (lowerType == QLatin1String("rss") || lowerType == QLatin1String("atom") ||
             lowerType == QLatin1String("feed")))
            xmlUrl = url;
        QString title = attribute(n, "title").simplified();
        if (title.isEmpty())
            title = attribute(n, "text").simplified();

        if (!xmlUrl.isEmpty()) {
            OpmlFeed feed;
            feed.xmlUrl = QUrl(xmlUrl);
            feed.title = title == xmlUrl ? QString() : title;
            feed.htmlUrl = QUrl(attribute(n, "htmlUrl").trimmed());
            feed.type = type;
            feed.description = attribute(n, "description").trimmed();
            OpmlFolder *target = &into;
            if (&into == &root)
                target = &folderAt(root, categoryPath(attribute(n, "category")));
            target->feeds.append(feed);
            readOutlines(n, into, root, depth + 1); // a feed with children: keep them too
            continue;
        }
        if (!url.isEmpty())
            continue; // a link or include outline, not a subscription
        OpmlFolder folder;
        folder.title = title;
        readOutlines(n, folder, root, depth + 1);
        if (!folder.title.isEmpty()) {
            into.folders.append(folder);
        } else { // an unnamed folder: its contents belong to the parent
            into.folders += folder.folders;
            into.feeds += folder.feeds;
        }
    }
}

// Characters XML 1.0 cannot carry (controls, lone surrogates, U+FFFE/FFFF) are dropped.
QString xmlSafe(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            out += text[i];
            out += text[++i];
        } else if ((c >= 0x20 || c == '\t' || c == '\n' || c == '\r') && !QChar::isSurrogate(c) &&
                   c != 0xFFFE && c != 0xFFFF) {
            out += text[i];
        }
    }
    return out;
}

void writeFolder(QXmlStreamWriter &w, const OpmlFolder &folder)
{
    for (const OpmlFolder &sub : folder.folders) {
        w.writeStartElement(QStringLiteral("outline"));
        w.writeAttribute(QStringLiteral("text"), xmlSafe(sub.title));
        w.writeAttribute(QStringLiteral("title"), xmlSafe(sub.title));
        writeFolder(w, sub);
        w.writeEndElement();
    }
    for (const OpmlFeed &feed : folder.feeds) {
        const QString xmlUrl = feed.xmlUrl.toString(QUrl::FullyEncoded);
        w.writeEmptyElement(QStringLiteral("outline"));
        w.writeAttribute(QStringLiteral("type"),
                         feed.type.isEmpty() ? QStringLiteral("rss") : xmlSafe(feed.type));
        w.writeAttribute(QStringLiteral("text"),
                         feed.title.isEmpty() ? xmlUrl : xmlSafe(feed.title));
        if (!feed.title.isEmpty())
            w.writeAttribute(QStringLiteral("title"), xmlSafe(feed.title));
        w.writeAttribute(QStringLiteral("xmlUrl"), xmlUrl);
        if (!feed.htmlUrl.isEmpty())
            w.writeAttribute(QStringLiteral("htmlUrl"), feed.htmlUrl.toString(QUrl::FullyEncoded));
        if (!feed.description.isEmpty())
            w.writeAttribute(QStringLiteral("description"), xmlSafe(feed.description));
    }
}

} // namespace

int OpmlFolder::feedCount() const
{
    int count = int(feeds.size());
    for (const OpmlFolder &f : folders)
        count += f.feedCount();
    return count;
}

std::optional<OpmlDocument> parseOpml(const QByteArray &data, QString *error)
{
    const QByteArray xml = asciiCompatible(data) ? fixEntities(data) : data;
    // No XML_PARSE_NOENT (entity substitution) and no XML_PARSE_DTDLOAD: nothing outside the
    // file is read, and NONET forbids the network on top.
    const int options = XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR |
                        XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
    xmlDocPtr doc = xmlReadMemory(xml.constData(), int(xml.size()), nullptr, nullptr, options);
    const auto fail = [&](const QString &message) -> std::optional<OpmlDocument> {
        if (doc)
            xmlFreeDoc(doc);
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!doc)
        return fail(QStringLiteral("The file is not XML, so not an OPML subscription list."));
    if (doc->intSubset && doc->intSubset->entities)
        return fail(QStringLiteral("The OPML file declares XML entities; it is refused for "
                                   "safety (no feed reader writes them)."));
    xmlNode *opml = xmlDocGetRootElement(doc);
    if (!opml || !isElement(opml, "opml"))
        return fail(QStringLiteral("The file is XML but not OPML (no <opml> root element)."));
    OpmlDocument result;
    xmlNode *head = child(opml, "head");
    result.title = elementText(child(head, "title"));
    result.dateCreated = parseDate(elementText(child(head, "dateCreated")));
    if (xmlNode *body = child(opml, "body"))
        readOutlines(body, result.root, result.root, 0);
    xmlFreeDoc(doc);
    return result;
}

QByteArray writeOpml(const OpmlDocument &document)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.setAutoFormattingIndent(2);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("opml"));
    w.writeAttribute(QStringLiteral("version"), QStringLiteral("2.0"));
    w.writeStartElement(QStringLiteral("head"));
    w.writeTextElement(QStringLiteral("title"), xmlSafe(document.title));
    const QDateTime created =
        document.dateCreated.isValid() ? document.dateCreated : QDateTime::currentDateTimeUtc();
    w.writeTextElement(
        QStringLiteral("dateCreated"),
        QLocale::c().toString(created.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")));
    w.writeEndElement(); // head
    w.writeStartElement(QStringLiteral("body"));
    writeFolder(w, document.root);
    w.writeEndElement(); // body
    w.writeEndElement(); // opml
    w.writeEndDocument();
    return out;
}

} // namespace bs
