#include "feeds/FeedBuilder.h"

#include "feeds/FeedText.h"

#include <QUrl>

namespace bs
{

namespace
{

const char *const kNamespaces[][2] = {
    {"", ""},
    {"http://backend.userland.com/rss", ""},
    {"http://blogs.law.harvard.edu/tech/rss", ""},
    {"http://purl.org/rss/1.0/", ""},
    {"http://my.netscape.com/rdf/simple/0.9/", ""},
    {"http://example.com/newformat#", ""},
    {"http://example.com/necho", ""},
    {"http://purl.org/echo/", ""},
    {"uri/of/echo/namespace#", ""},
    {"http://purl.org/pie/", ""},
    {"http://purl.org/atom/ns#", ""},
    {"http://www.w3.org/2005/atom", ""},
    {"http://purl.org/rss/1.0/modules/rss091#", ""},
    {"http://webns.net/mvcb/", "admin"},
    {"http://purl.org/rss/1.0/modules/aggregation/", "ag"},
    {"http://purl.org/rss/1.0/modules/annotate/", "annotate"},
    {"http://media.tangent.org/rss/1.0/", "audio"},
    {"http://backend.userland.com/blogchannelmodule", "blogChannel"},
    {"http://creativecommons.org/ns#license", "cc"},
    {"http://web.resource.org/cc/", "cc"},
    {"http://cyber.law.harvard.edu/rss/creativecommonsrssmodule.html", "creativeCommons"},
    {"http://backend.userland.com/creativecommonsrssmodule", "creativeCommons"},
    {"http://purl.org/rss/1.0/modules/company", "co"},
    {"http://purl.org/rss/1.0/modules/content/", "content"},
    {"http://my.theinfo.org/changed/1.0/rss/", "cp"},
    {"http://purl.org/dc/elements/1.1/", "dc"},
    {"http://purl.org/dc/terms/", "dcterms"},
    {"http://purl.org/rss/1.0/modules/email/", "email"},
    {"http://purl.org/rss/1.0/modules/event/", "ev"},
    {"http://rssnamespace.org/feedburner/ext/1.0", "feedburner"},
    {"http://freshmeat.net/rss/fm/", "fm"},
    {"http://xmlns.com/foaf/0.1/", "foaf"},
    {"http://www.w3.org/2003/01/geo/wgs84_pos#", "geo"},
    {"http://www.georss.org/georss", "georss"},
    {"http://www.opengis.net/gml", "gml"},
    {"http://postneo.com/icbm/", "icbm"},
    {"http://purl.org/rss/1.0/modules/image/", "image"},
    {"http://www.itunes.com/dtds/podcast-1.0.dtd", "itunes"},
    {"http://example.com/dtds/podcast-1.0.dtd", "itunes"},
    {"http://purl.org/rss/1.0/modules/link/", "l"},
    {"http://search.yahoo.com/mrss", "media"},
    {"http://search.yahoo.com/mrss/", "media"},
    {"http://madskills.com/public/xml/rss/module/pingback/", "pingback"},
    {"http://prismstandard.org/namespaces/1.2/basic/", "prism"},
    {"http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf"},
    {"http://www.w3.org/2000/01/rdf-schema#", "rdfs"},
    {"http://purl.org/rss/1.0/modules/reference/", "ref"},
    {"http://purl.org/rss/1.0/modules/richequiv/", "reqv"},
    {"http://purl.org/rss/1.0/modules/search/", "search"},
    {"http://purl.org/rss/1.0/modules/slash/", "slash"},
    {"http://schemas.xmlsoap.org/soap/envelope/", "soap"},
    {"http://purl.org/rss/1.0/modules/servicestatus/", "ss"},
    {"http://hacks.benhammersley.com/rss/streaming/", "str"},
    {"http://purl.org/rss/1.0/modules/subscription/", "sub"},
    {"http://purl.org/rss/1.0/modules/syndication/", "sy"},
    {"http://schemas.pocketsoap.com/rss/mydescmodule/", "szf"},
    {"http://purl.org/rss/1.0/modules/taxonomy/", "taxo"},
    {"http://purl.org/rss/1.0/modules/threading/", "thr"},
    {"http://purl.org/rss/1.0/modules/textinput/", "ti"},
    {"http://madskills.com/public/xml/rss/module/trackback/", "trackback"},
    {"http://wellformedweb.org/commentapi/", "wfw"},
    {"http://purl.org/rss/1.0/modules/wiki/", "wiki"},
    {"http://www.w3.org/1999/xhtml", "xhtml"},
    {"http://www.w3.org/1999/xlink", "xlink"},
    {"http://www.w3.org/xml/1998/namespace", "xml"},
    {"http://podlove.org/simple-chapters", "psc"},
};

const QHash<QString, QString> &namespaceTable()
{
    static const QHash<QString, QString> table = [] {
        QHash<QString, QString> t;
        for (const auto &ns : kNamespaces)
            t.insert(QString::fromLatin1(ns[0]), QString::fromLatin1(ns[1]));
        return t;
    }();
    return table;
}

bool inSet(const QString &s, std::initializer_list<const char *> set)
{
    for (const char *e : set)
        if (s == QLatin1String(e))
            return true;
    return false;
}

QString xmlEscape(QString s, bool quotes)
{
    s.replace(QLatin1Char('&'), QLatin1String("&amp;"));
    s.replace(QLatin1Char('<'), QLatin1String("&lt;"));
    s.replace(QLatin1Char('>'), QLatin1String("&gt;"));
    if (quotes)
        s.replace(QLatin1Char('"'), QLatin1String("&quot;"));
    return s;
}

} // namespace

FeedBuilder::FeedBuilder(Options options) : m_options(std::move(options))
{
    m_baseUri = m_options.baseUri;
    m_lang = m_options.language;
    if (!m_lang.isEmpty())
        m_feed.set(QStringLiteral("language"),
                   QString(m_lang).replace(QLatin1Char('_'), QLatin1Char('-')));
}

QString FeedBuilder::knownPrefix(const QString &namespaceUri) const
{
    QString lower = namespaceUri.toLower();
    if (lower.contains(QLatin1String("backend.userland.com/rss")))
        return QString();
    return namespaceTable().value(lower);
}

bool FeedBuilder::isKnownNamespace(const QString &namespaceUri) const
{
    const QString lower = namespaceUri.toLower();
    return lower.contains(QLatin1String("backend.userland.com/rss")) ||
           namespaceTable().contains(lower);
}

void FeedBuilder::declareNamespace(const QString &prefix, const QString &uri)
{
    if (!uri.isEmpty())
        trackNamespace(prefix, uri);
}

void FeedBuilder::trackNamespace(const QString &prefix, const QString &uriIn)
{
    QString uri = uriIn;
    QString lower = uri.toLower();
    if (m_version.isEmpty()) {
        if (prefix.isEmpty() && lower == QLatin1String("http://my.netscape.com/rdf/simple/0.9/"))
            m_version = QStringLiteral("rss090");
        else if (lower == QLatin1String("http://purl.org/rss/1.0/"))
            m_version = QStringLiteral("rss10");
        else if (lower == QLatin1String("http://www.w3.org/2005/atom"))
            m_version = QStringLiteral("atom10");
    }
    if (lower.contains(QLatin1String("backend.userland.com/rss"))) {
        uri = QStringLiteral("http://backend.userland.com/rss");
        lower = uri;
    }
    const auto it = namespaceTable().constFind(lower);
    if (it != namespaceTable().constEnd()) {
        if (!prefix.isEmpty()) // a default namespace never renames un-prefixed elements
            m_namespaceMap.insert(prefix, it.value());
        m_namespacesInUse.insert(it.value(), uri);
    } else {
        m_namespacesInUse.insert(prefix, uri);
    }
}

FeedValue FeedBuilder::namespaces() const
{
    FeedValue d = FeedValue::dict();
    for (auto it = m_namespacesInUse.constBegin(); it != m_namespacesInUse.constEnd(); ++it)
        d.setRaw(it.key(), it.value());
    return d;
}

QString FeedBuilder::attr(const Attributes &attrs, const QString &name, bool *found)
{
    for (const auto &[k, v] : attrs)
        if (k == name) {
            if (found)
                *found = true;
            return v;
        }
    if (found)
        *found = false;
    return QString();
}

void FeedBuilder::setAttr(Attributes &attrs, const QString &name, const QString &value)
{
    for (auto &[k, v] : attrs)
        if (k == name) {
            v = value;
            return;
        }
    attrs.append({name, value});
}

FeedValue FeedBuilder::attributesToDict(const Attributes &attrs)
{
    FeedValue d = FeedValue::dict();
    for (const auto &[k, v] : attrs)
        d.setRaw(k, v);
    return d;
}

void FeedBuilder::enforceHref(Attributes &attrs)
{
    bool found = false;
    QString href = attr(attrs, QStringLiteral("url"), &found);
    if (!found)
        href = attr(attrs, QStringLiteral("uri"), &found);
    if (!found)
        href = attr(attrs, QStringLiteral("href"), &found);
    if (!href.isEmpty()) {
        attrs.removeIf([](const auto &kv) {
            return kv.first == QLatin1String("url") || kv.first == QLatin1String("uri");
        });
        setAttr(attrs, QStringLiteral("href"), href);
    }
}

QString FeedBuilder::resolveUri(const QString &uri) const
{
    return joinUrl(m_baseUri, uri);
}

std::pair<QString, QString> FeedBuilder::splitName(const QString &tag) const
{
    const qsizetype colon = tag.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return {QString(), tag};
    const QString prefix = tag.left(colon);
    return {m_namespaceMap.value(prefix, prefix), tag.mid(colon + 1)};
}

void FeedBuilder::startElement(const QString &tagIn, Attributes attrs)
{
    QString tag = tagIn;
    ++m_depth;
    for (auto &[k, v] : attrs) {
        k = k.toLower();
        if (k == QLatin1String("rel") || k == QLatin1String("type"))
            v = v.toLower();
    }

    // xml:base and xml:lang
    bool hasBase = false;
    QString base = attr(attrs, QStringLiteral("xml:base"), &hasBase);
    if (!hasBase)
        base = attr(attrs, QStringLiteral("base"), &hasBase);
    if (base.isEmpty())
        base = m_baseUri;
    if (!m_baseUri.isEmpty()) {
        const QString safe = makeSafeAbsoluteUri(m_baseUri, base);
        if (!safe.isEmpty())
            m_baseUri = safe;
    } else {
        m_baseUri = joinUrl(m_baseUri, base);
    }
    bool hasLang = false;
    QString lang = attr(attrs, QStringLiteral("xml:lang"), &hasLang);
    if (!hasLang)
        lang = attr(attrs, QStringLiteral("lang"), &hasLang);
    if (hasLang && lang.isEmpty())
        lang = QString(); // explicitly unset
    else if (!hasLang)
        lang = m_lang;
    if (!lang.isEmpty() && inSet(tag, {"feed", "rss", "rdf:rdf"}))
        m_feed.set(QStringLiteral("language"),
                   QString(lang).replace(QLatin1Char('_'), QLatin1Char('-')));
    m_lang = lang;
    m_baseStack.append(m_baseUri);
    m_langStack.append(lang);

    // Inline content.
    const QString type = m_contentParams.str(QStringLiteral("type"));
    if (m_inContent &&
        !(type.isEmpty() ? QStringLiteral("xml") : type).endsWith(QLatin1String("xml"))) {
        if (tag == QLatin1String("xhtml:div") || tag == QLatin1String("div"))
            return; // escaped markup wrapped in a div (TypePad)
        m_contentParams.set(QStringLiteral("type"), QStringLiteral("application/xhtml+xml"));
    }
    if (m_inContent &&
        m_contentParams.str(QStringLiteral("type")) == QLatin1String("application/xhtml+xml")) {
        const qsizetype colon = tag.indexOf(QLatin1Char(':'));
        if (colon >= 0) {
            const QString prefix = tag.left(colon);
            tag = tag.mid(colon + 1);
            const QString ns = m_namespacesInUse.value(prefix);
            if (tag == QLatin1String("math") &&
                ns == QLatin1String("http://www.w3.org/1998/Math/MathML"))
                attrs.append({QStringLiteral("xmlns"), ns});
            if (tag == QLatin1String("svg") && ns == QLatin1String("http://www.w3.org/2000/svg"))
                attrs.append({QStringLiteral("xmlns"), ns});
        }
        if (tag == QLatin1String("svg"))
            ++m_svgOK;
        QString markup = QLatin1Char('<') + tag;
        for (const auto &[k, v] : attrs)
            markup += QLatin1Char(' ') + k + QStringLiteral("=\"") + xmlEscape(v, true) +
                      QLatin1Char('"');
        markup += QLatin1Char('>');
        handleData(markup, false);
        return;
    }

    const auto [prefix, suffix] = splitName(tag);
    const QString key = prefix.isEmpty() ? suffix : prefix + QLatin1Char('_') + suffix;

    if (prefix.isEmpty() && !inSet(tag, {"title", "link", "description", "name"}))
        m_inTextInput = 0;
    if (prefix.isEmpty() &&
        !inSet(tag, {"title", "link", "description", "url", "href", "width", "height"}))
        m_inImage = 0;

    if (dispatchStart(key, attrs))
        return;
    if (attrs.isEmpty())
        push(key, true);
    else
        context().setRaw(key, attributesToDict(attrs));
}

void FeedBuilder::endElement(const QString &tag)
{
    const auto [prefix, suffix] = splitName(tag);
    const QString key = prefix.isEmpty() ? suffix : prefix + QLatin1Char('_') + suffix;
    if (suffix == QLatin1String("svg") && m_svgOK)
        --m_svgOK;
    if (m_svgOK || !dispatchEnd(key))
        pop(key);

    const QString type = m_contentParams.str(QStringLiteral("type"));
    if (m_inContent &&
        !(type.isEmpty() ? QStringLiteral("xml") : type).endsWith(QLatin1String("xml"))) {
        if (tag == QLatin1String("xhtml:div") || tag == QLatin1String("div"))
            return;
        m_contentParams.set(QStringLiteral("type"), QStringLiteral("application/xhtml+xml"));
    }
    if (m_inContent &&
        m_contentParams.str(QStringLiteral("type")) == QLatin1String("application/xhtml+xml"))
        handleData(QStringLiteral("</") + suffix + QLatin1Char('>'), false);

    if (!m_baseStack.isEmpty()) {
        m_baseStack.removeLast();
        if (!m_baseStack.isEmpty() && !m_baseStack.last().isEmpty())
            m_baseUri = m_baseStack.last();
    }
    if (!m_langStack.isEmpty()) {
        m_langStack.removeLast();
        if (!m_langStack.isEmpty())
            m_lang = m_langStack.last();
    }
    --m_depth;
}

void FeedBuilder::characters(const QString &text)
{
    handleData(text, true);
}

void FeedBuilder::handleData(const QString &text, bool escape)
{
    if (m_stack.isEmpty())
        return;
    if (escape &&
        m_contentParams.str(QStringLiteral("type")) == QLatin1String("application/xhtml+xml"))
        m_stack.last().pieces.append(xmlEscape(text, false));
    else
        m_stack.last().pieces.append(text);
}

void FeedBuilder::push(const QString &element, bool expectingText)
{
    m_stack.append(Element{element, expectingText, {}});
}

void FeedBuilder::pushContent(const QString &tag, const Attributes &attrs,
                              const QString &defaultType, bool expectingText)
{
    ++m_inContent;
    if (!m_lang.isEmpty())
        m_lang.replace(QLatin1Char('_'), QLatin1Char('-'));
    bool hasType = false;
    const QString type = attr(attrs, QStringLiteral("type"), &hasType);
    m_contentParams = FeedValue::dict();
    m_contentParams.set(QStringLiteral("type"), mapContentType(hasType ? type : defaultType));
    m_contentParams.set(QStringLiteral("language"),
                        m_lang.isEmpty() ? FeedValue() : FeedValue(m_lang));
    m_contentParams.set(QStringLiteral("base"), m_baseUri);
    m_contentParams.setRaw(QStringLiteral("base64"), isBase64(attrs));
    push(tag, expectingText);
}

bool FeedBuilder::isBase64(const Attributes &attrs) const
{
    if (attr(attrs, QStringLiteral("mode")) == QLatin1String("base64"))
        return true;
    const QString type = m_contentParams.str(QStringLiteral("type"));
    if (type.startsWith(QLatin1String("text/")) || type.endsWith(QLatin1String("+xml")) ||
        type.endsWith(QLatin1String("/xml")))
        return false;
    return true;
}

QString FeedBuilder::popContent(const QString &tag)
{
    const QString value = pop(tag);
    --m_inContent;
    m_contentParams = FeedValue::dict();
    return value;
}

QString FeedBuilder::pop(const QString &element, bool stripWhitespace)
{
    if (m_stack.isEmpty() || m_stack.last().name != element)
        return QString();
    Element e = m_stack.takeLast();
    QStringList &pieces = e.pieces;

    const QString type = m_contentParams.str(QStringLiteral("type"));
    if (m_version == QLatin1String("atom10") && type == QLatin1String("application/xhtml+xml")) {
        // Drop an enclosing <div> when everything else is nested inside it.
        while (pieces.size() > 1 && pieces.last().trimmed().isEmpty())
            pieces.removeLast();
        while (pieces.size() > 1 && pieces.first().trimmed().isEmpty())
            pieces.removeFirst();
        if (!pieces.isEmpty() &&
            (pieces.first() == QLatin1String("<div>") ||
             pieces.first().startsWith(QLatin1String("<div "))) &&
            pieces.last() == QLatin1String("</div>")) {
            int depth = 0;
            bool brokeOut = false;
            for (qsizetype i = 0; i + 1 < pieces.size(); ++i) {
                const QString &piece = pieces.at(i);
                if (piece.startsWith(QLatin1String("</"))) {
                    if (--depth == 0) {
                        brokeOut = true;
                        break;
                    }
                } else if (piece.startsWith(QLatin1Char('<')) &&
                           !piece.endsWith(QLatin1String("/>"))) {
                    ++depth;
                }
            }
            if (!brokeOut)
                pieces = pieces.mid(1, pieces.size() - 2);
        }
    }

    QString output = pieces.join(QString());
    if (stripWhitespace)
        output = output.trimmed();
    if (!e.expectingText)
        return output;
    return finishText(element, std::move(output));
}

} // namespace bs
