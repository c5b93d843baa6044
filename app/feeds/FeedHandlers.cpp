// FeedBuilder: what each known element means (RSS, Atom, RDF, CDF and the common extensions).

#include "feeds/FeedBuilder.h"
#include "feeds/FeedText.h"

namespace bs
{

using A = FeedBuilder::Attributes;

struct FeedHandlerTable {
    using Start = void (FeedBuilder::*)(A &);
    using End = void (FeedBuilder::*)();
    struct Entry {
        Start start = nullptr;
        End end = nullptr;
    };
    static const QHash<QString, Entry> &table()
    {
        static const QHash<QString, Entry> t = [] {
            QHash<QString, Entry> h;
            auto both = [&h](std::initializer_list<const char *> names, Start s, End e) {
                for (const char *n : names)
                    h.insert(QString::fromLatin1(n), Entry{s, e});
            };
            using B = FeedBuilder;
            both({"rss"}, &B::start_rss, nullptr);
            both({"channel"}, &B::start_channel, &B::end_channel);
            both({"feed"}, &B::start_feed, &B::end_feed);
            both({"image"}, &B::start_image, &B::end_image);
            both({"textinput"}, &B::start_textinput, &B::end_textinput);
            both({"author", "managingeditor", "dc_author", "dc_creator", "itunes_author"},
                 &B::start_author, &B::end_author);
            both({"contributor"}, &B::start_contributor, &B::end_contributor);
            both({"name", "itunes_name"}, &B::start_name, &B::end_name);
            both({"width"}, &B::start_width, &B::end_width);
            both({"height"}, &B::start_height, &B::end_height);
            both({"url", "homepage", "uri"}, &B::start_url, &B::end_url);
            both({"email", "itunes_email"}, &B::start_email, &B::end_email);
            both({"subtitle", "tagline", "itunes_subtitle"}, &B::start_subtitle, &B::end_subtitle);
            both({"rights", "copyright", "dc_rights"}, &B::start_rights, &B::end_rights);
            both({"item", "entry"}, &B::start_item, &B::end_item);
            both({"language", "dc_language"}, &B::start_language, &B::end_language);
            both({"webmaster", "dc_publisher"}, &B::start_webmaster, &B::end_webmaster);
            both({"published", "issued", "pubdate", "dcterms_issued"}, &B::start_published,
                 &B::end_published);
            both({"updated", "modified", "lastbuilddate", "dc_date", "dcterms_modified"},
                 &B::start_updated, &B::end_updated);
            both({"created", "dcterms_created"}, &B::start_created, &B::end_created);
            both({"expirationdate"}, &B::start_expirationdate, &B::end_expirationdate);
            both({"category", "keywords", "dc_subject"}, &B::start_category, &B::end_category);
            both({"cloud"}, &B::start_cloud, nullptr);
            both({"link"}, &B::start_link, &B::end_link);
            both({"guid", "id"}, &B::start_guid, &B::end_guid);
            both({"title", "dc_title"}, &B::start_title, &B::end_title);
            both({"description", "dc_description", "media_description"}, &B::start_description,
                 &B::end_description);
            both({"abstract"}, &B::start_abstract, &B::end_abstract);
            both({"info", "feedburner_browserfriendly"}, &B::start_info, &B::end_info);
            both({"generator"}, &B::start_generator, &B::end_generator);
            both({"summary", "itunes_summary"}, &B::start_summary, &B::end_summary);
            both({"enclosure"}, &B::start_enclosure, nullptr);
            both({"source"}, &B::start_source, &B::end_source);
            both({"content"}, &B::start_content, &B::end_content);
            both({"body", "xhtml_body"}, &B::start_body, &B::end_body);
            both({"content_encoded", "fullitem"}, &B::start_content_encoded,
                 &B::end_content_encoded);
            both({"newlocation"}, &B::start_newlocation, &B::end_newlocation);
            both({"dc_contributor"}, &B::start_dc_contributor, &B::end_dc_contributor);
            both({"dcterms_valid"}, &B::start_dcterms_valid, &B::end_dcterms_valid);
            both({"itunes_owner"}, &B::start_itunes_owner, &B::end_itunes_owner);
            both({"itunes_category"}, &B::start_itunes_category, &B::end_itunes_category);
            both({"itunes_image", "itunes_link"}, &B::start_itunes_image, &B::end_itunes_image);
            both({"itunes_keywords"}, nullptr, &B::end_itunes_keywords);
            both({"itunes_block"}, nullptr, &B::end_itunes_block);
            both({"itunes_explicit"}, nullptr, &B::end_itunes_explicit);
            both({"media_category"}, &B::start_media_category, &B::end_media_category);
            both({"media_keywords"}, nullptr, &B::end_media_keywords);
            both({"media_title"}, &B::start_media_title, &B::end_media_title);
            both({"media_group"}, &B::start_media_group, nullptr);
            both({"media_rating"}, &B::start_media_rating, &B::end_media_rating);
            both({"media_credit"}, &B::start_media_credit, &B::end_media_credit);
            both({"media_restriction"}, &B::start_media_restriction, &B::end_media_restriction);
            both({"media_license"}, &B::start_media_license, &B::end_media_license);
            both({"media_content"}, &B::start_media_content, nullptr);
            both({"media_thumbnail"}, &B::start_media_thumbnail, &B::end_media_thumbnail);
            both({"media_player"}, &B::start_media_player, &B::end_media_player);
            both({"cc_license"}, &B::start_cc_license, nullptr);
            both({"creativecommons_license"}, &B::start_creativecommons_license,
                 &B::end_creativecommons_license);
            both({"tags"}, &B::start_tags, &B::end_tags);
            both({"psc_chapters"}, &B::start_psc_chapters, &B::end_psc_chapters);
            both({"psc_chapter"}, &B::start_psc_chapter, nullptr);
            both({"georss_point"}, &B::start_georss_geometry, &B::end_georss_point);
            both({"georss_line"}, &B::start_georss_geometry, &B::end_georss_line);
            both({"georss_polygon"}, &B::start_georss_geometry, &B::end_georss_polygon);
            both({"georss_box"}, &B::start_georss_geometry, &B::end_georss_box);
            both({"where", "georss_where"}, &B::start_where, &B::end_where);
            both({"gml_point"}, &B::start_gml_point, &B::end_gml_point);
            both({"gml_linestring"}, &B::start_gml_linestring, &B::end_gml_point);
            both({"gml_polygon"}, &B::start_gml_polygon, &B::end_gml_point);
            both({"gml_exterior"}, &B::start_gml_exterior, &B::end_gml_point);
            both({"gml_linearring"}, &B::start_gml_linearring, &B::end_gml_point);
            both({"gml_pos"}, &B::start_gml_pos, &B::end_gml_pos);
            both({"gml_poslist"}, &B::start_gml_poslist, &B::end_gml_poslist);
            return h;
        }();
        return t;
    }
};

bool FeedBuilder::dispatchStart(const QString &key, A &attrs)
{
    const auto &t = FeedHandlerTable::table();
    const auto it = t.constFind(key);
    if (it == t.constEnd() || !it->start)
        return false;
    (this->*(it->start))(attrs);
    return true;
}

bool FeedBuilder::dispatchEnd(const QString &key)
{
    const auto &t = FeedHandlerTable::table();
    const auto it = t.constFind(key);
    if (it == t.constEnd() || !it->end)
        return false;
    (this->*(it->end))();
    return true;
}

void FeedBuilder::start_rss(A &attrs)
{
    if (!m_version.isEmpty() && m_version.startsWith(QLatin1String("rss")))
        return;
    const QString v = attr(attrs, QStringLiteral("version"));
    if (v == QLatin1String("0.91"))
        m_version = QStringLiteral("rss091u");
    else if (v == QLatin1String("0.92"))
        m_version = QStringLiteral("rss092");
    else if (v == QLatin1String("0.93"))
        m_version = QStringLiteral("rss093");
    else if (v == QLatin1String("0.94"))
        m_version = QStringLiteral("rss094");
    else if (v.startsWith(QLatin1String("2.")))
        m_version = QStringLiteral("rss20");
    else
        m_version = QStringLiteral("rss");
}
void FeedBuilder::end_rss() {}

void FeedBuilder::cdfCommon(const A &attrs)
{
    bool found = false;
    const QString lastmod = attr(attrs, QStringLiteral("lastmod"), &found);
    A none;
    if (found) {
        start_updated(none);
        m_stack.last().pieces = QStringList{lastmod};
        end_updated();
    }
    const QString href = attr(attrs, QStringLiteral("href"), &found);
    if (found) {
        start_link(none);
        if (!m_stack.isEmpty())
            m_stack.last().pieces = QStringList{href};
        end_link();
    }
}

void FeedBuilder::start_channel(A &attrs)
{
    m_inFeed = 1;
    cdfCommon(attrs);
}
void FeedBuilder::end_channel()
{
    m_inFeed = 0;
}

void FeedBuilder::start_feed(A &attrs)
{
    m_inFeed = 1;
    if (m_version.isEmpty()) {
        const QString v = attr(attrs, QStringLiteral("version"));
        if (v == QLatin1String("0.1"))
            m_version = QStringLiteral("atom01");
        else if (v == QLatin1String("0.2"))
            m_version = QStringLiteral("atom02");
        else if (v == QLatin1String("0.3"))
            m_version = QStringLiteral("atom03");
        else
            m_version = QStringLiteral("atom");
    }
}
void FeedBuilder::end_feed()
{
    m_inFeed = 0;
}

void FeedBuilder::start_image(A &)
{
    if (!m_inEntry)
        context().setDefault(QStringLiteral("image"), FeedValue::dict());
    m_inImage = 1;
    m_titleDepth = -1;
    push(QStringLiteral("image"), false);
}
void FeedBuilder::end_image()
{
    pop(QStringLiteral("image"));
    m_inImage = 0;
}

void FeedBuilder::start_textinput(A &)
{
    context().setDefault(QStringLiteral("textinput"), FeedValue::dict());
    m_inTextInput = 1;
    m_titleDepth = -1;
    push(QStringLiteral("textinput"), false);
}
void FeedBuilder::end_textinput()
{
    pop(QStringLiteral("textinput"));
    m_inTextInput = 0;
}

void FeedBuilder::start_author(A &)
{
    m_inAuthor = 1;
    push(QStringLiteral("author"), true);
    context().setDefault(QStringLiteral("authors"), FeedValue::list()).append(FeedValue::dict());
}
void FeedBuilder::end_author()
{
    pop(QStringLiteral("author"));
    m_inAuthor = 0;
    syncAuthorDetail();
}

void FeedBuilder::start_contributor(A &)
{
    m_inContributor = 1;
    context()
        .setDefault(QStringLiteral("contributors"), FeedValue::list())
        .append(FeedValue::dict());
    push(QStringLiteral("contributor"), false);
}
void FeedBuilder::end_contributor()
{
    pop(QStringLiteral("contributor"));
    m_inContributor = 0;
}

void FeedBuilder::start_name(A &)
{
    push(QStringLiteral("name"), false);
}
void FeedBuilder::end_name()
{
    const QString value = pop(QStringLiteral("name"));
    if (m_inPublisher)
        saveAuthor(QStringLiteral("name"), value, QStringLiteral("publisher"));
    else if (m_inAuthor)
        saveAuthor(QStringLiteral("name"), value);
    else if (m_inContributor)
        saveContributor(QStringLiteral("name"), value);
    else if (m_inTextInput)
        context().set(QStringLiteral("name"), value);
}

void FeedBuilder::start_width(A &)
{
    push(QStringLiteral("width"), false);
}
void FeedBuilder::end_width()
{
    bool ok = false;
    const int value = pop(QStringLiteral("width")).toInt(&ok);
    if (m_inImage)
        context().set(QStringLiteral("width"), ok ? value : 0);
}
void FeedBuilder::start_height(A &)
{
    push(QStringLiteral("height"), false);
}
void FeedBuilder::end_height()
{
    bool ok = false;
    const int value = pop(QStringLiteral("height")).toInt(&ok);
    if (m_inImage)
        context().set(QStringLiteral("height"), ok ? value : 0);
}

void FeedBuilder::start_url(A &)
{
    push(QStringLiteral("href"), true);
}
void FeedBuilder::end_url()
{
    const QString value = pop(QStringLiteral("href"));
    if (m_inAuthor)
        saveAuthor(QStringLiteral("href"), value);
    else if (m_inContributor)
        saveContributor(QStringLiteral("href"), value);
}

void FeedBuilder::start_email(A &)
{
    push(QStringLiteral("email"), false);
}
void FeedBuilder::end_email()
{
    const QString value = pop(QStringLiteral("email"));
    if (m_inPublisher)
        saveAuthor(QStringLiteral("email"), value, QStringLiteral("publisher"));
    else if (m_inAuthor)
        saveAuthor(QStringLiteral("email"), value);
    else if (m_inContributor)
        saveContributor(QStringLiteral("email"), value);
}

void FeedBuilder::start_subtitle(A &attrs)
{
    pushContent(QStringLiteral("subtitle"), attrs, QStringLiteral("text/plain"), true);
}
void FeedBuilder::end_subtitle()
{
    popContent(QStringLiteral("subtitle"));
}

void FeedBuilder::start_rights(A &attrs)
{
    pushContent(QStringLiteral("rights"), attrs, QStringLiteral("text/plain"), true);
}
void FeedBuilder::end_rights()
{
    popContent(QStringLiteral("rights"));
}

void FeedBuilder::start_item(A &attrs)
{
    m_entries.append(FeedValue::dict());
    m_entryPropertyDepth.clear();
    push(QStringLiteral("item"), false);
    m_inEntry = 1;
    m_guidIsLink = false;
    m_titleDepth = -1;
    const QString id = attr(attrs, QStringLiteral("rdf:about"));
    if (!id.isEmpty())
        context().set(QStringLiteral("id"), id);
    cdfCommon(attrs);
}
void FeedBuilder::end_item()
{
    pop(QStringLiteral("item"));
    m_inEntry = 0;
    m_hasContent = false;
}

void FeedBuilder::start_language(A &)
{
    push(QStringLiteral("language"), true);
}
void FeedBuilder::end_language()
{
    m_lang = pop(QStringLiteral("language"));
}

void FeedBuilder::start_webmaster(A &)
{
    push(QStringLiteral("publisher"), true);
}
void FeedBuilder::end_webmaster()
{
    pop(QStringLiteral("publisher"));
    syncAuthorDetail(QStringLiteral("publisher"));
}

void FeedBuilder::start_published(A &)
{
    push(QStringLiteral("published"), true);
}
void FeedBuilder::end_published()
{
    saveDate(QStringLiteral("published_parsed"), pop(QStringLiteral("published")));
}
void FeedBuilder::start_updated(A &)
{
    push(QStringLiteral("updated"), true);
}
void FeedBuilder::end_updated()
{
    saveDate(QStringLiteral("updated_parsed"), pop(QStringLiteral("updated")));
}
void FeedBuilder::start_created(A &)
{
    push(QStringLiteral("created"), true);
}
void FeedBuilder::end_created()
{
    saveDate(QStringLiteral("created_parsed"), pop(QStringLiteral("created")));
}
void FeedBuilder::start_expirationdate(A &)
{
    push(QStringLiteral("expired"), true);
}
void FeedBuilder::end_expirationdate()
{
    saveDate(QStringLiteral("expired_parsed"), pop(QStringLiteral("expired")));
}

void FeedBuilder::start_category(A &attrs)
{
    bool hasScheme = false, hasLabel = false;
    const QString term = attr(attrs, QStringLiteral("term"));
    QString scheme = attr(attrs, QStringLiteral("scheme"), &hasScheme);
    if (!hasScheme)
        scheme = attr(attrs, QStringLiteral("domain"), &hasScheme);
    const QString label = attr(attrs, QStringLiteral("label"), &hasLabel);
    addTag(term, scheme, label, hasScheme, hasLabel);
    push(QStringLiteral("category"), true);
}
void FeedBuilder::end_category()
{
    const QString value = pop(QStringLiteral("category"));
    if (value.isEmpty())
        return;
    FeedValue &tags = context().setDefault(QStringLiteral("tags"), FeedValue::list());
    if (tags.size() > 0 && tags.last().str(QStringLiteral("term")).isEmpty())
        tags.last().set(QStringLiteral("term"), value);
    else
        addTag(value, QString(), QString());
}

void FeedBuilder::start_cloud(A &attrs)
{
    context().set(QStringLiteral("cloud"), attributesToDict(attrs));
}
void FeedBuilder::end_cloud() {}

void FeedBuilder::start_link(A &attrs)
{
    bool hasRel = false;
    QString rel = attr(attrs, QStringLiteral("rel"), &hasRel);
    if (!hasRel) {
        rel = QStringLiteral("alternate");
        attrs.append({QStringLiteral("rel"), rel});
    }
    bool hasType = false;
    attr(attrs, QStringLiteral("type"), &hasType);
    if (!hasType)
        attrs.append({QStringLiteral("type"), rel == QLatin1String("self")
                                                  ? QStringLiteral("application/atom+xml")
                                                  : QStringLiteral("text/html")});
    FeedValue &ctx = context();
    enforceHref(attrs);
    bool hasHref = false;
    const QString href = attr(attrs, QStringLiteral("href"), &hasHref);
    if (hasHref)
        setAttr(attrs, QStringLiteral("href"), resolveUri(href));
    const QString type = attr(attrs, QStringLiteral("type")).toLower();
    if (rel == QLatin1String("alternate") &&
        (type == QLatin1String("text/html") || type == QLatin1String("application/xhtml+xml") ||
         type == QLatin1String("html") || type == QLatin1String("xhtml")))
        m_isEntryLink = true;
    const bool expectingText = m_inFeed || m_inEntry || m_inSource;
    FeedValue &links = ctx.setDefault(QStringLiteral("links"), FeedValue::list());
    if (!(m_inEntry && m_inImage)) {
        FeedValue link = FeedValue::dict();
        for (const auto &[k, v] : attrs)
            link.set(k, v);
        links.append(std::move(link));
    }
    if (hasHref) {
        if (m_isEntryLink)
            ctx.set(QStringLiteral("link"), attr(attrs, QStringLiteral("href")));
    } else {
        push(QStringLiteral("link"), expectingText);
    }
}
void FeedBuilder::end_link()
{
    pop(QStringLiteral("link"));
    m_isEntryLink = false;
}

void FeedBuilder::start_guid(A &attrs)
{
    bool found = false;
    const QString permalink = attr(attrs, QStringLiteral("ispermalink"), &found);
    m_guidIsLink = !found || permalink == QLatin1String("true");
    push(QStringLiteral("id"), true);
}
void FeedBuilder::end_guid()
{
    const QString value = pop(QStringLiteral("id"));
    save(QStringLiteral("guidislink"), m_guidIsLink && !context().contains(QStringLiteral("link")));
    if (m_guidIsLink)
        save(QStringLiteral("link"), value);
}

void FeedBuilder::start_title(A &attrs)
{
    if (m_svgOK) {
        startElement(QStringLiteral("title"), attrs);
        return;
    }
    pushContent(QStringLiteral("title"), attrs, QStringLiteral("text/plain"),
                m_inFeed || m_inEntry || m_inSource);
}
void FeedBuilder::end_title()
{
    if (m_svgOK)
        return;
    const QString value = popContent(QStringLiteral("title"));
    if (!value.isEmpty())
        m_titleDepth = m_depth;
}

void FeedBuilder::start_description(A &attrs)
{
    if (context().contains(QStringLiteral("summary")) && !m_hasContent) {
        m_summaryKey = QStringLiteral("content");
        start_content(attrs);
    } else {
        pushContent(QStringLiteral("description"), attrs, QStringLiteral("text/html"),
                    m_inFeed || m_inEntry || m_inSource);
    }
}
void FeedBuilder::start_abstract(A &attrs)
{
    pushContent(QStringLiteral("description"), attrs, QStringLiteral("text/plain"),
                m_inFeed || m_inEntry || m_inSource);
}
void FeedBuilder::end_description()
{
    if (m_summaryKey == QLatin1String("content"))
        end_content();
    else
        popContent(QStringLiteral("description"));
    m_summaryKey.clear();
}
void FeedBuilder::end_abstract()
{
    end_description();
}

void FeedBuilder::start_info(A &attrs)
{
    pushContent(QStringLiteral("info"), attrs, QStringLiteral("text/plain"), true);
}
void FeedBuilder::end_info()
{
    popContent(QStringLiteral("info"));
}

void FeedBuilder::start_generator(A &attrs)
{
    if (!attrs.isEmpty()) {
        enforceHref(attrs);
        bool has = false;
        const QString href = attr(attrs, QStringLiteral("href"), &has);
        if (has)
            setAttr(attrs, QStringLiteral("href"), resolveUri(href));
    }
    FeedValue detail = FeedValue::dict();
    for (const auto &[k, v] : attrs)
        detail.set(k, v);
    context().set(QStringLiteral("generator_detail"), std::move(detail));
    push(QStringLiteral("generator"), true);
}
void FeedBuilder::end_generator()
{
    const QString value = pop(QStringLiteral("generator"));
    if (FeedValue *detail = context().find(QStringLiteral("generator_detail")))
        detail->set(QStringLiteral("name"), value);
}

void FeedBuilder::start_summary(A &attrs)
{
    if (context().contains(QStringLiteral("summary")) && !m_hasContent) {
        m_summaryKey = QStringLiteral("content");
        start_content(attrs);
    } else {
        m_summaryKey = QStringLiteral("summary");
        pushContent(m_summaryKey, attrs, QStringLiteral("text/plain"), true);
    }
}
void FeedBuilder::end_summary()
{
    if (m_summaryKey == QLatin1String("content"))
        end_content();
    else
        popContent(m_summaryKey.isEmpty() ? QStringLiteral("summary") : m_summaryKey);
    m_summaryKey.clear();
}

void FeedBuilder::start_enclosure(A &attrs)
{
    enforceHref(attrs);
    setAttr(attrs, QStringLiteral("rel"), QStringLiteral("enclosure"));
    FeedValue link = FeedValue::dict();
    for (const auto &[k, v] : attrs)
        link.set(k, v);
    context().setDefault(QStringLiteral("links"), FeedValue::list()).append(std::move(link));
}
void FeedBuilder::end_enclosure() {}

void FeedBuilder::start_source(A &attrs)
{
    bool has = false;
    const QString url = attr(attrs, QStringLiteral("url"), &has);
    if (has)
        m_sourceData.set(QStringLiteral("href"), url);
    push(QStringLiteral("source"), true);
    m_inSource = 1;
    m_titleDepth = -1;
}
void FeedBuilder::end_source()
{
    m_inSource = 0;
    const QString value = pop(QStringLiteral("source"));
    if (!value.isEmpty())
        m_sourceData.set(QStringLiteral("title"), value);
    context().set(QStringLiteral("source"), m_sourceData);
    m_sourceData = FeedValue::dict();
}

void FeedBuilder::start_content(A &attrs)
{
    m_hasContent = true;
    pushContent(QStringLiteral("content"), attrs, QStringLiteral("text/plain"), true);
    const QString src = attr(attrs, QStringLiteral("src"));
    if (!src.isEmpty())
        m_contentParams.set(QStringLiteral("src"), src);
    push(QStringLiteral("content"), true);
}
void FeedBuilder::end_content()
{
    const QString type = m_contentParams.str(QStringLiteral("type"));
    const bool copyToSummary = type == QLatin1String("text/plain") ||
                               type == QLatin1String("text/html") ||
                               type == QLatin1String("application/xhtml+xml");
    const QString value = popContent(QStringLiteral("content"));
    if (copyToSummary)
        save(QStringLiteral("summary"), value);
}

void FeedBuilder::start_body(A &attrs)
{
    pushContent(QStringLiteral("content"), attrs, QStringLiteral("application/xhtml+xml"), true);
}
void FeedBuilder::end_body()
{
    end_content();
}

void FeedBuilder::start_content_encoded(A &attrs)
{
    m_hasContent = true;
    pushContent(QStringLiteral("content"), attrs, QStringLiteral("text/html"), true);
}
void FeedBuilder::end_content_encoded()
{
    end_content();
}

void FeedBuilder::start_newlocation(A &)
{
    push(QStringLiteral("newlocation"), true);
}
void FeedBuilder::end_newlocation()
{
    const QString url = pop(QStringLiteral("newlocation"));
    if (&context() != &m_feed)
        return;
    m_feed.set(QStringLiteral("newlocation"), makeSafeAbsoluteUri(m_baseUri, url.trimmed()));
}

} // namespace bs
