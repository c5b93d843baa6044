#include "feeds/FeedLinks.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace bs
{

namespace
{

const xmlChar *x(const char *text)
{
    return reinterpret_cast<const xmlChar *>(text);
}

QString property(xmlNode *node, const char *name)
{
    xmlChar *value = xmlGetProp(node, x(name));
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(value));
    xmlFree(value);
    return text;
}

QString contentText(xmlNode *node)
{
    xmlChar *content = xmlNodeGetContent(node);
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(content)).simplified();
    xmlFree(content);
    return text;
}

xmlNode *childNamed(xmlNode *parent, const char *name)
{
    for (xmlNode *n = parent ? parent->children : nullptr; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && xmlStrcasecmp(n->name, x(name)) == 0)
            return n;
    }
    return nullptr;
}

QByteArray mimeOf(const QByteArray &contentType)
{
    return contentType.split(';').value(0).trimmed().toLower();
}

QString feedTypeOfMime(const QByteArray &mime)
{
    if (mime == "application/rss+xml" || mime == "application/rdf+xml")
        return QStringLiteral("rss");
    if (mime == "application/atom+xml")
        return QStringLiteral("atom");
    if (mime == "application/feed+json" || mime == "application/json")
        return QStringLiteral("json");
    return {};
}

// The name of the first element, skipping the XML declaration, comments, the doctype and
// white space; empty when the body does not start like XML within its first few kilobytes.
QByteArray firstElementName(const QByteArray &body)
{
    const QByteArray head = body.left(8192);
    qsizetype i = head.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (i < head.size()) {
        while (i < head.size() && QChar::isSpace(uchar(head[i])))
            ++i;
        if (i >= head.size() || head[i] != '<')
            return {};
        if (head.sliced(i).startsWith("<?") || head.sliced(i).startsWith("<!")) {
            const QByteArray close = head.sliced(i).startsWith("<!--") ? "-->" : ">";
            const qsizetype end = head.indexOf(close, i);
            if (end < 0)
                return {};
            i = end + close.size();
            continue;
        }
        qsizetype end = i + 1;
        while (end < head.size() && !QChar::isSpace(uchar(head[end])) && head[end] != '>' &&
               head[end] != '/')
            ++end;
        return head.sliced(i + 1, end - i - 1).toLower();
    }
    return {};
}

QString sniffXmlFeed(const QByteArray &body, QString *title)
{
    QByteArray name = firstElementName(body);
    name = name.mid(name.indexOf(':') + 1); // rdf:RDF, atom:feed
    QString type;
    if (name == "rss" || name == "rdf")
        type = QStringLiteral("rss");
    else if (name == "feed")
        type = QStringLiteral("atom");
    else
        return {};
    // The title: parsed without entity substitution, DTD loading or network.
    xmlDocPtr doc = xmlReadMemory(body.constData(), int(body.size()), nullptr, nullptr,
                                  XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR |
                                      XML_PARSE_NOWARNING);
    if (doc) {
        xmlNode *root = xmlDocGetRootElement(doc);
        xmlNode *channel = type == QLatin1String("rss") ? childNamed(root, "channel") : root;
        if (xmlNode *t = childNamed(channel, "title"))
            *title = contentText(t);
        xmlFreeDoc(doc);
    }
    return type;
}

QString sniffJsonFeed(const QByteArray &body, QString *title)
{
    const QByteArray trimmed = body.trimmed();
    if (!trimmed.startsWith('{'))
        return {};
    const QJsonObject feed = QJsonDocument::fromJson(trimmed).object();
    if (!feed.value(QLatin1String("version"))
             .toString()
             .startsWith(QLatin1String("https://jsonfeed.org/version/")))
        return {};
    *title = feed.value(QLatin1String("title")).toString().simplified();
    return QStringLiteral("json");
}

bool isAlternate(const QString &rel)
{
    const QStringList tokens = rel.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return tokens.contains(QLatin1String("alternate"));
}

struct PageLinks {
    QString base;
    QList<xmlNode *> links;
};

void collectLinks(xmlNode *node, PageLinks &page)
{
    for (xmlNode *n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (xmlStrcasecmp(n->name, x("link")) == 0)
            page.links.append(n);
        else if (xmlStrcasecmp(n->name, x("base")) == 0 && page.base.isNull())
            page.base = property(n, "href").trimmed();
        collectLinks(n->children, page);
    }
}

htmlDocPtr readHtml(const QByteArray &html, const QByteArray &charset)
{
    const int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_RECOVER | HTML_PARSE_COMPACT;
    htmlDocPtr doc = htmlReadMemory(html.constData(), int(html.size()), nullptr,
                                    charset.isEmpty() ? nullptr : charset.constData(), options);
    if (!doc && !charset.isEmpty()) // a charset libxml2 does not know: let it guess
        doc = htmlReadMemory(html.constData(), int(html.size()), nullptr, nullptr, options);
    return doc;
}

} // namespace

QByteArray charsetOf(const QByteArray &contentType)
{
    for (const QByteArray &param : contentType.split(';')) {
        const QByteArray p = param.trimmed();
        if (p.toLower().startsWith("charset="))
            return p.mid(8).trimmed().replace('"', QByteArray()).replace('\'', QByteArray());
    }
    return {};
}

QString sniffFeed(const QByteArray &body, const QByteArray &contentType, QString *title)
{
    QString ignored;
    if (!title)
        title = &ignored;
    const QByteArray mime = mimeOf(contentType);
    if (mime == "application/json") // plain JSON is a feed only when it says so
        return sniffJsonFeed(body, title);
    QString type = sniffXmlFeed(body, title);
    if (type.isEmpty())
        type = sniffJsonFeed(body, title);
    if (type.isEmpty())
        type = feedTypeOfMime(mime); // declared as a feed, even if the body is odd
    return type;
}

QList<DiscoveredFeed> feedLinksInPage(const QByteArray &html, const QUrl &pageUrl,
                                      const QByteArray &contentType)
{
    htmlDocPtr doc = readHtml(html, charsetOf(contentType));
    if (!doc)
        return {};
    QList<DiscoveredFeed> feeds = feedLinksInDocument(doc, pageUrl);
    xmlFreeDoc(doc);
    return feeds;
}

QList<DiscoveredFeed> feedLinksInDocument(_xmlDoc *doc, const QUrl &pageUrl)
{
    QList<DiscoveredFeed> feeds;
    if (!doc)
        return feeds;
    PageLinks page;
    collectLinks(xmlDocGetRootElement(doc), page);
    const QUrl base = page.base.isEmpty() ? pageUrl : pageUrl.resolved(QUrl(page.base));
    QSet<QUrl> seen;
    for (xmlNode *link : std::as_const(page.links)) {
        if (!isAlternate(property(link, "rel")))
            continue;
        const QString type = feedTypeOfMime(mimeOf(property(link, "type").toUtf8()));
        const QString href = property(link, "href").trimmed();
        if (type.isEmpty() || href.isEmpty())
            continue;
        const QUrl url = base.resolved(QUrl(href));
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
            continue;
        // WordPress announces its REST API as application/json alternates: not feeds.
        if (type == QLatin1String("json") && url.path().contains(QLatin1String("/wp-json/")))
            continue;
        if (seen.contains(url))
            continue;
        seen.insert(url);
        feeds.append(DiscoveredFeed{url, property(link, "title").simplified(), type});
    }
    return feeds;
}

} // namespace bs
