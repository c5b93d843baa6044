#pragma once

#include "feeds/FeedValue.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <functional>

namespace bs
{

// Turns a stream of XML events (elements with namespace-mapped names, attributes, text) into a
// feed result shaped like feedparser's: `feed`, `entries`, `version`, `namespaces`. Formats and
// extensions differ in where an element may appear and what it means; the rules follow what
// feedparser established over twenty years of real feeds, so that our results match its test
// suite. XML parsing itself is FeedParser's job.
class FeedBuilder
{
public:
    using Attributes = QList<std::pair<QString, QString>>; // lower-case names, in order

    struct Options {
        QString baseUri;  // from Content-Location / the feed URL
        QString language; // from Content-Language
        bool sanitize = true;
        bool resolveRelativeUris = true;
        QString encoding;
        QTimeZone zonelessZone = QTimeZone::utc();
    };

    explicit FeedBuilder(Options options);

    // name is "prefix:local" for namespaced elements (prefix mapped to the well-known one for
    // known namespaces) or "local"; lower case.
    void startElement(const QString &name, Attributes attributes);
    void endElement(const QString &name);
    void characters(const QString &text);
    // Declares a namespace in scope (prefix may be empty for the default namespace).
    void declareNamespace(const QString &prefix, const QString &uri);
    // Maps a namespace URI to the prefix feeds are read with ("" for the core formats).
    QString knownPrefix(const QString &namespaceUri) const;
    bool isKnownNamespace(const QString &namespaceUri) const;

    QString version() const { return m_version; }
    void setVersion(const QString &v) { m_version = v; }
    FeedValue &feed() { return m_feed; }
    FeedValue &entries() { return m_entries; }
    FeedValue namespaces() const;

private:
    struct Element {
        QString name;
        bool expectingText;
        QStringList pieces;
    };
    using Handler = void (FeedBuilder::*)(Attributes &);
    using EndHandler = void (FeedBuilder::*)();
    friend struct FeedHandlerTable;

    // (canonical prefix, local name) of "prefix:local".
    std::pair<QString, QString> splitName(const QString &tag) const;
    // The element stack.
    void push(const QString &element, bool expectingText);
    QString pop(const QString &element, bool stripWhitespace = true);
    void pushContent(const QString &tag, const Attributes &attrs, const QString &defaultType,
                     bool expectingText);
    QString popContent(const QString &tag);
    void handleData(const QString &text, bool escape);
    void trackNamespace(const QString &prefix, const QString &uri);

    // Where values go.
    FeedValue &context();
    void save(const QString &key, FeedValue value, bool overwrite = false);
    void saveAuthor(const QString &key, const QString &value,
                    const QString &prefix = QStringLiteral("author"));
    void saveContributor(const QString &key, const QString &value);
    void syncAuthorDetail(const QString &key = QStringLiteral("author"));
    void addTag(const QString &term, const QString &scheme, const QString &label,
                bool hasScheme = false, bool hasLabel = false);
    void saveDate(const QString &key, const QString &value);
    QString resolveUri(const QString &uri) const;
    static QString attr(const Attributes &attrs, const QString &name, bool *found = nullptr);
    static void setAttr(Attributes &attrs, const QString &name, const QString &value);
    static FeedValue attributesToDict(const Attributes &attrs);
    static void enforceHref(Attributes &attrs);
    bool isBase64(const Attributes &attrs) const;
    QString finishText(const QString &element, QString output);

    // Element handlers (FeedHandlers.cpp).
#define BS_HANDLER(name)                                                                           \
    void start_##name(Attributes &attrs);                                                          \
    void end_##name();
    BS_HANDLER(rss)
    BS_HANDLER(channel)
    BS_HANDLER(feed)
    BS_HANDLER(image)
    BS_HANDLER(textinput)
    BS_HANDLER(author)
    BS_HANDLER(contributor)
    BS_HANDLER(name)
    BS_HANDLER(width)
    BS_HANDLER(height)
    BS_HANDLER(url)
    BS_HANDLER(email)
    BS_HANDLER(subtitle)
    BS_HANDLER(rights)
    BS_HANDLER(item)
    BS_HANDLER(language)
    BS_HANDLER(webmaster)
    BS_HANDLER(published)
    BS_HANDLER(updated)
    BS_HANDLER(created)
    BS_HANDLER(expirationdate)
    BS_HANDLER(category)
    BS_HANDLER(cloud)
    BS_HANDLER(link)
    BS_HANDLER(guid)
    BS_HANDLER(title)
    BS_HANDLER(description)
    BS_HANDLER(abstract)
    BS_HANDLER(info)
    BS_HANDLER(generator)
    BS_HANDLER(summary)
    BS_HANDLER(enclosure)
    BS_HANDLER(source)
    BS_HANDLER(content)
    BS_HANDLER(body)
    BS_HANDLER(content_encoded)
    BS_HANDLER(newlocation)
    BS_HANDLER(dc_contributor)
    BS_HANDLER(dcterms_valid)
    BS_HANDLER(itunes_owner)
    BS_HANDLER(itunes_category)
    BS_HANDLER(itunes_image)
    BS_HANDLER(itunes_keywords)
    BS_HANDLER(itunes_block)
    BS_HANDLER(itunes_explicit)
    BS_HANDLER(media_category)
    BS_HANDLER(media_keywords)
    BS_HANDLER(media_title)
    BS_HANDLER(media_group)
    BS_HANDLER(media_rating)
    BS_HANDLER(media_credit)
    BS_HANDLER(media_restriction)
    BS_HANDLER(media_license)
    BS_HANDLER(media_content)
    BS_HANDLER(media_thumbnail)
    BS_HANDLER(media_player)
    BS_HANDLER(cc_license)
    BS_HANDLER(creativecommons_license)
    BS_HANDLER(tags)
    BS_HANDLER(psc_chapters)
    BS_HANDLER(psc_chapter)
    BS_HANDLER(georss_geometry)
    BS_HANDLER(georss_point)
    BS_HANDLER(georss_line)
    BS_HANDLER(georss_polygon)
    BS_HANDLER(georss_box)
    BS_HANDLER(where)
    BS_HANDLER(gml_point)
    BS_HANDLER(gml_linestring)
    BS_HANDLER(gml_polygon)
    BS_HANDLER(gml_exterior)
    BS_HANDLER(gml_linearring)
    BS_HANDLER(gml_pos)
    BS_HANDLER(gml_poslist)
#undef BS_HANDLER
    void saveWhere(const FeedValue &geometry);
    void gmlSrs(const Attributes &attrs);
    void cdfCommon(const Attributes &attrs);
    bool dispatchStart(const QString &key, Attributes &attrs);
    bool dispatchEnd(const QString &key);

    Options m_options;
    FeedValue m_feed = FeedValue::dict();
    FeedValue m_entries = FeedValue::list();
    FeedValue m_sourceData = FeedValue::dict();
    FeedValue m_contentParams = FeedValue::dict();
    QString m_version;
    QHash<QString, QString> m_namespacesInUse; // canonical prefix -> uri
    QHash<QString, QString> m_namespaceMap;    // prefix in document -> canonical prefix

    QList<Element> m_stack;
    QStringList m_baseStack;
    QStringList m_langStack;
    QString m_baseUri;
    QString m_lang;
    QString m_summaryKey;
    QHash<QString, int> m_entryPropertyDepth;

    int m_inFeed = 0;
    int m_inEntry = 0;
    int m_inContent = 0;
    int m_inTextInput = 0;
    int m_inImage = 0;
    int m_inAuthor = 0;
    int m_inContributor = 0;
    int m_inPublisher = 0;
    int m_inSource = 0;
    int m_svgOK = 0;
    int m_titleDepth = -1;
    int m_depth = 0;
    bool m_hasContent = false;
    bool m_guidIsLink = false;
    bool m_isEntryLink = false;
    bool m_pscChapters = false;
    QString m_inGeometry; // "", "point", "linestring", "polygon"
    friend struct FeedGeoHandlers;
};

} // namespace bs
