// FeedBuilder: text constructs and content (title, description, summary, content, source, ...).

#include "feeds/FeedBuilder.h"
#include "feeds/FeedText.h"

namespace bs
{

using A = FeedBuilder::Attributes;

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
