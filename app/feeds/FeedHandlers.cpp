// FeedBuilder: what each known element means (RSS, Atom, RDF, CDF and the common extensions).

#include "feeds/FeedBuilder.h"
#include "feeds/FeedText.h"

namespace bs
{

using A = FeedBuilder::Attributes;

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

} // namespace bs
