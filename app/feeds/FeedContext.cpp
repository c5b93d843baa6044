// FeedBuilder: where values are stored once an element is complete.

#include "feeds/FeedBuilder.h"
#include "feeds/FeedText.h"
#include "html/Sanitizer.h"

#include <QRegularExpression>
#include <QStringDecoder>

namespace bs
{

namespace
{

bool isHtmlType(const QString &type)
{
    return type == QLatin1String("application/xhtml+xml") || type == QLatin1String("text/html");
}

bool canBeRelativeUri(const QString &e)
{
    static const char *const names[] = {"comments",    "docs",          "href", "icon",
                                        "id",          "link",          "logo", "url",
                                        "wfw_comment", "wfw_commentrss"};
    for (const char *n : names)
        if (e == QLatin1String(n))
            return true;
    return false;
}

bool canContainMarkup(const QString &e)
{
    static const char *const names[] = {"content",  "copyright", "description", "info", "rights",
                                        "subtitle", "summary",   "tagline",     "title"};
    for (const char *n : names)
        if (e == QLatin1String(n))
            return true;
    return false;
}

// Text with no markup, references or control characters comes out of the sanitizer as it
// went in; most titles and many summaries are like that.
bool isPlainText(const QString &text)
{
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u == '<' || u == '&' || (u < 0x20 && u != '\n' && u != '\t' && u != '\r') ||
            c.isSurrogate())
            return false;
    }
    return true;
}

QString fixQueryEntities(QString s)
{
    static const QRegularExpression re(QStringLiteral("&([A-Za-z0-9_]+);"));
    return s.replace(re, QStringLiteral("&\\1"));
}

FeedValue detailOf(const FeedValue &params, const QString &value)
{
    FeedValue d = FeedValue::dict();
    for (const auto &[k, v] : params.items())
        if (k != QLatin1String("base64") && k != QLatin1String("mode"))
            d.setRaw(k, v);
    d.setRaw(QStringLiteral("value"), value);
    return d;
}

} // namespace

QString FeedBuilder::finishText(const QString &elementIn, QString output)
{
    QString element = elementIn;
    if (m_contentParams.get(QStringLiteral("base64")).toBool()) {
        QByteArray encoded = output.toUtf8();
        encoded.removeIf([](char c) { return c == '\n' || c == '\r' || c == ' ' || c == '\t'; });
        const auto decoded =
            QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
        if (decoded) {
            QStringDecoder utf8(QStringDecoder::Utf8);
            const QString text = utf8.decode(*decoded);
            if (!utf8.hasError())
                output = text;
        }
    }
    if (canBeRelativeUri(element) && !output.isEmpty()) {
        if (element != QLatin1String("id") || m_guidIsLink)
            output = resolveUri(output);
    }
    if (!m_version.startsWith(QLatin1String("atom")) &&
        m_contentParams.str(QStringLiteral("type")) == QLatin1String("text/plain") &&
        looksLikeHtml(output))
        m_contentParams.set(QStringLiteral("type"), QStringLiteral("text/html"));
    m_contentParams.remove(QStringLiteral("mode"));
    m_contentParams.remove(QStringLiteral("base64"));

    const QString type = m_contentParams.contains(QStringLiteral("type"))
                             ? m_contentParams.str(QStringLiteral("type"))
                             : QStringLiteral("text/html");
    if (isHtmlType(mapContentType(type)) && canContainMarkup(element) && !isPlainText(output)) {
        // One HTML pass: the sanitizer resolves relative URLs itself when given a base.
        const QUrl base = m_options.resolveRelativeUris ? QUrl(m_baseUri) : QUrl();
        if (m_options.sanitize)
            output = sanitizeHtml(output, base);
        else if (m_options.resolveRelativeUris)
            output = resolveRelativeUrls(output, base);
    }
    if (m_options.encoding == QLatin1String("utf-8"))
        output = fixDoubleEncodedUtf8(output);
    output = fixWindows1252(std::move(output));

    if (element == QLatin1String("category") || element == QLatin1String("tags") ||
        element == QLatin1String("itunes_keywords"))
        return output;
    if (element == QLatin1String("title") && m_titleDepth > -1 && m_titleDepth <= m_depth)
        return output;

    if (m_inEntry && !m_inSource) {
        FeedValue &entry = m_entries.last();
        if (element == QLatin1String("content")) {
            entry.setDefault(element, FeedValue::list()).append(detailOf(m_contentParams, output));
        } else if (element == QLatin1String("link")) {
            if (!m_inImage) {
                output.replace(QLatin1String("&amp;"), QLatin1String("&"));
                output = fixQueryEntities(output);
                if (m_isEntryLink || entry.str(element).isEmpty())
                    entry.set(element, output);
                if (!output.isEmpty())
                    entry.setDefault(QStringLiteral("links"), FeedValue::list())
                        .last()
                        .set(QStringLiteral("href"), output);
            }
        } else {
            if (element == QLatin1String("description"))
                element = QStringLiteral("summary");
            const auto old = m_entryPropertyDepth.constFind(element);
            if (old == m_entryPropertyDepth.constEnd() || m_depth <= old.value()) {
                m_entryPropertyDepth.insert(element, m_depth);
                entry.set(element, output);
            }
            if (m_inContent)
                entry.set(element + QStringLiteral("_detail"), detailOf(m_contentParams, output));
        }
    } else if (m_inFeed || m_inSource) {
        FeedValue &ctx = context();
        if (element == QLatin1String("description"))
            element = QStringLiteral("subtitle");
        ctx.set(element, output);
        if (element == QLatin1String("link")) {
            output = fixQueryEntities(output);
            ctx.set(element, output);
            ctx.setDefault(QStringLiteral("links"), FeedValue::list())
                .last()
                .set(QStringLiteral("href"), output);
        } else if (m_inContent) {
            ctx.set(element + QStringLiteral("_detail"), detailOf(m_contentParams, output));
        }
    }
    return output;
}

FeedValue &FeedBuilder::context()
{
    if (m_inSource)
        return m_sourceData;
    if (m_inImage && m_feed.contains(QStringLiteral("image")))
        return *m_feed.find(QStringLiteral("image"));
    if (m_inTextInput) {
        if (!m_feed.find(QStringLiteral("textinput")))
            m_feed.set(QStringLiteral("textinput"), FeedValue::dict());
        return *m_feed.find(QStringLiteral("textinput"));
    }
    if (m_inEntry && m_entries.size() > 0)
        return m_entries.last();
    return m_feed;
}

void FeedBuilder::save(const QString &key, FeedValue value, bool overwrite)
{
    FeedValue &ctx = context();
    if (overwrite)
        ctx.set(key, std::move(value));
    else
        ctx.setDefault(key, std::move(value));
}

void FeedBuilder::saveDate(const QString &key, const QString &value)
{
    save(key, parsedFeedDate(value, m_options.zonelessZone), true);
}

void FeedBuilder::saveAuthor(const QString &key, const QString &value, const QString &prefix)
{
    FeedValue &ctx = context();
    ctx.setDefault(prefix + QStringLiteral("_detail"), FeedValue::dict()).set(key, value);
    syncAuthorDetail(prefix);
    FeedValue &list = ctx.setDefault(prefix + QStringLiteral("s"), FeedValue::list());
    if (list.size() == 0)
        list.append(FeedValue::dict());
    list.last().set(key, value);
}

void FeedBuilder::saveContributor(const QString &key, const QString &value)
{
    FeedValue &list = context().setDefault(QStringLiteral("contributors"), FeedValue::list());
    if (list.size() == 0)
        list.append(FeedValue::dict());
    list.last().set(key, value);
}

void FeedBuilder::syncAuthorDetail(const QString &key)
{
    FeedValue &ctx = context();
    const FeedValue *list = ctx.find(key + QStringLiteral("s"));
    const FeedValue detail = list && list->size() > 0 ? list->elements().back() : FeedValue::dict();
    if (detail.size() > 0) {
        const QString name = detail.str(QStringLiteral("name"));
        const QString email = detail.str(QStringLiteral("email"));
        if (!name.isEmpty() && !email.isEmpty())
            ctx.set(key, QStringLiteral("%1 (%2)").arg(name, email));
        else if (!name.isEmpty())
            ctx.set(key, name);
        else if (!email.isEmpty())
            ctx.set(key, email);
        return;
    }
    QString author = ctx.str(key);
    if (author.isEmpty())
        return;
    static const QRegularExpression emailRe(QStringLiteral(
        "(([a-zA-Z0-9_.+-]+)@((\\[[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.)|(([a-zA-Z0-9-]+\\.)+))"
        "([a-zA-Z]{2,4}|[0-9]{1,3})(\\]?))(\\?subject=\\S+)?"));
    QString email;
    const auto m = emailRe.match(author);
    if (m.hasMatch()) {
        email = m.captured(0);
        author.replace(email, QString());
        author.replace(QLatin1String("()"), QString());
        author.replace(QLatin1String("<>"), QString());
        author.replace(QLatin1String("&lt;&gt;"), QString());
        author = author.trimmed();
        if (author.startsWith(QLatin1Char('(')))
            author.remove(0, 1);
        if (author.endsWith(QLatin1Char(')')))
            author.chop(1);
        author = author.trimmed();
    }
    if (author.isEmpty() && email.isEmpty())
        return;
    // The new details go to the last of the list; the first one also becomes *_detail.
    FeedValue detailValue = FeedValue::dict();
    if (!author.isEmpty())
        detailValue.set(QStringLiteral("name"), author);
    if (!email.isEmpty())
        detailValue.set(QStringLiteral("email"), email);
    if (FeedValue *all = ctx.find(key + QStringLiteral("s")); all && all->size() > 0)
        for (const auto &[k, v] : detailValue.items())
            all->last().set(k, v);
    if (!ctx.contains(key + QStringLiteral("_detail")))
        ctx.set(key + QStringLiteral("_detail"), detailValue);
}

void FeedBuilder::addTag(const QString &term, const QString &scheme, const QString &label,
                         bool hasScheme, bool hasLabel)
{
    FeedValue &tags = context().setDefault(QStringLiteral("tags"), FeedValue::list());
    if (term.isEmpty() && scheme.isEmpty() && label.isEmpty())
        return;
    FeedValue tag = FeedValue::dict();
    tag.set(QStringLiteral("term"), term.isNull() ? FeedValue() : FeedValue(term));
    tag.set(QStringLiteral("scheme"),
            hasScheme || !scheme.isNull() ? FeedValue(scheme) : FeedValue());
    tag.set(QStringLiteral("label"), hasLabel || !label.isNull() ? FeedValue(label) : FeedValue());
    for (const FeedValue &existing : tags.elements())
        if (existing == tag)
            return;
    tags.append(std::move(tag));
}

} // namespace bs
