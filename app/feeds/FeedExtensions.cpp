// FeedBuilder: Dublin Core, iTunes, Media RSS and Creative Commons elements.

#include "feeds/FeedBuilder.h"

namespace bs
{

using A = FeedBuilder::Attributes;

void FeedBuilder::start_dc_contributor(A &)
{
    m_inContributor = 1;
    context()
        .setDefault(QStringLiteral("contributors"), FeedValue::list())
        .append(FeedValue::dict());
    push(QStringLiteral("name"), false);
}
void FeedBuilder::end_dc_contributor()
{
    end_name();
    m_inContributor = 0;
}

void FeedBuilder::start_dcterms_valid(A &)
{
    push(QStringLiteral("validity"), true);
}
void FeedBuilder::end_dcterms_valid()
{
    const QStringList parts = pop(QStringLiteral("validity")).split(QLatin1Char(';'));
    for (const QString &part : parts) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq < 0)
            continue;
        const QString key = part.left(eq);
        const QString value = part.mid(eq + 1);
        if (key == QLatin1String("start") || key == QLatin1String("end")) {
            const QString name = QStringLiteral("validity_") + key;
            save(name, value, true);
            saveDate(name + QStringLiteral("_parsed"), value);
        }
    }
}

void FeedBuilder::start_itunes_owner(A &)
{
    m_inPublisher = 1;
    push(QStringLiteral("publisher"), false);
}
void FeedBuilder::end_itunes_owner()
{
    pop(QStringLiteral("publisher"));
    m_inPublisher = 0;
    syncAuthorDetail(QStringLiteral("publisher"));
}

void FeedBuilder::start_itunes_category(A &attrs)
{
    addTag(attr(attrs, QStringLiteral("text")), QStringLiteral("http://www.itunes.com/"),
           QString());
    push(QStringLiteral("category"), true);
}
void FeedBuilder::end_itunes_category()
{
    end_category();
}

void FeedBuilder::start_itunes_image(A &attrs)
{
    push(QStringLiteral("itunes_image"), false);
    QString href = attr(attrs, QStringLiteral("href"));
    if (href.isEmpty())
        href = attr(attrs, QStringLiteral("url"));
    if (!href.isEmpty()) {
        FeedValue image = FeedValue::dict();
        image.set(QStringLiteral("href"), href);
        context().set(QStringLiteral("image"), std::move(image));
    }
}
void FeedBuilder::end_itunes_image()
{
    pop(QStringLiteral("itunes_image"));
}

void FeedBuilder::start_itunes_keywords(A &) {}
void FeedBuilder::end_itunes_keywords()
{
    for (const QString &term : pop(QStringLiteral("itunes_keywords")).split(QLatin1Char(',')))
        if (!term.trimmed().isEmpty())
            addTag(term.trimmed(), QStringLiteral("http://www.itunes.com/"), QString());
}

void FeedBuilder::start_itunes_block(A &) {}
void FeedBuilder::end_itunes_block()
{
    const QString value = pop(QStringLiteral("itunes_block"), false);
    context().set(QStringLiteral("itunes_block"),
                  value == QLatin1String("yes") || value == QLatin1String("Yes") ? 1 : 0);
}

void FeedBuilder::start_itunes_explicit(A &) {}
void FeedBuilder::end_itunes_explicit()
{
    const QString value = pop(QStringLiteral("itunes_explicit"), false);
    // yes/true: explicit; clean/no/false: not; anything else (other case, spaces): unknown.
    const QString &lower = value;
    FeedValue v;
    if (lower == QLatin1String("yes") || lower == QLatin1String("true"))
        v = true;
    else if (lower == QLatin1String("clean") || lower == QLatin1String("no") ||
             lower == QLatin1String("false"))
        v = false;
    context().set(QStringLiteral("itunes_explicit"), v);
}

void FeedBuilder::start_media_category(A &attrs)
{
    bool has = false;
    attr(attrs, QStringLiteral("scheme"), &has);
    if (!has)
        attrs.append({QStringLiteral("scheme"),
                      QStringLiteral("http://search.yahoo.com/mrss/category_schema")});
    start_category(attrs);
}
void FeedBuilder::end_media_category()
{
    end_category();
}

void FeedBuilder::start_media_keywords(A &) {}
void FeedBuilder::end_media_keywords()
{
    for (const QString &term : pop(QStringLiteral("media_keywords")).split(QLatin1Char(',')))
        if (!term.trimmed().isEmpty())
            addTag(term.trimmed(), QString(), QString());
}

void FeedBuilder::start_media_title(A &attrs)
{
    start_title(attrs);
}
void FeedBuilder::end_media_title()
{
    const int depth = m_titleDepth;
    end_title();
    m_titleDepth = depth;
}

void FeedBuilder::start_media_group(A &) {}
void FeedBuilder::end_media_group() {}

void FeedBuilder::start_media_rating(A &attrs)
{
    context().setDefault(QStringLiteral("media_rating"), attributesToDict(attrs));
    push(QStringLiteral("rating"), true);
}
void FeedBuilder::end_media_rating()
{
    const QString rating = pop(QStringLiteral("rating"));
    if (!rating.trimmed().isEmpty())
        context()
            .setDefault(QStringLiteral("media_rating"), FeedValue::dict())
            .setRaw(QStringLiteral("content"), rating);
}

void FeedBuilder::start_media_credit(A &attrs)
{
    context()
        .setDefault(QStringLiteral("media_credit"), FeedValue::list())
        .append(attributesToDict(attrs));
    push(QStringLiteral("credit"), true);
}
void FeedBuilder::end_media_credit()
{
    const QString credit = pop(QStringLiteral("credit"));
    if (!credit.trimmed().isEmpty())
        context()
            .setDefault(QStringLiteral("media_credit"), FeedValue::list())
            .last()
            .setRaw(QStringLiteral("content"), credit);
}

void FeedBuilder::start_media_restriction(A &attrs)
{
    context().setDefault(QStringLiteral("media_restriction"), attributesToDict(attrs));
    push(QStringLiteral("restriction"), true);
}
void FeedBuilder::end_media_restriction()
{
    const QString restriction = pop(QStringLiteral("restriction"));
    if (restriction.trimmed().isEmpty())
        return;
    FeedValue codes = FeedValue::list();
    for (const QString &code : restriction.split(QLatin1Char(' ')))
        codes.append(code.trimmed().toLower());
    context()
        .setDefault(QStringLiteral("media_restriction"), FeedValue::dict())
        .setRaw(QStringLiteral("content"), std::move(codes));
}

void FeedBuilder::start_media_license(A &attrs)
{
    context().setDefault(QStringLiteral("media_license"), attributesToDict(attrs));
    push(QStringLiteral("license"), true);
}
void FeedBuilder::end_media_license()
{
    const QString license = pop(QStringLiteral("license"));
    if (!license.trimmed().isEmpty())
        context()
            .setDefault(QStringLiteral("media_license"), FeedValue::dict())
            .setRaw(QStringLiteral("content"), license);
}

void FeedBuilder::start_media_content(A &attrs)
{
    context()
        .setDefault(QStringLiteral("media_content"), FeedValue::list())
        .append(attributesToDict(attrs));
}
void FeedBuilder::end_media_content() {}

void FeedBuilder::start_media_thumbnail(A &attrs)
{
    FeedValue &list = context().setDefault(QStringLiteral("media_thumbnail"), FeedValue::list());
    push(QStringLiteral("url"), true);
    list.append(attributesToDict(attrs));
}
void FeedBuilder::end_media_thumbnail()
{
    const QString url = pop(QStringLiteral("url"));
    FeedValue &list = context().setDefault(QStringLiteral("media_thumbnail"), FeedValue::list());
    if (!url.trimmed().isEmpty() && list.size() > 0 && !list.last().contains(QStringLiteral("url")))
        list.last().setRaw(QStringLiteral("url"), url);
}

void FeedBuilder::start_media_player(A &attrs)
{
    push(QStringLiteral("media_player"), false);
    context().set(QStringLiteral("media_player"), attributesToDict(attrs));
}
void FeedBuilder::end_media_player()
{
    const QString value = pop(QStringLiteral("media_player"));
    context()
        .setDefault(QStringLiteral("media_player"), FeedValue::dict())
        .setRaw(QStringLiteral("content"), value);
}

void FeedBuilder::start_cc_license(A &attrs)
{
    const QString value = attr(attrs, QStringLiteral("rdf:resource"));
    if (value.isEmpty())
        return;
    FeedValue link = FeedValue::dict();
    link.set(QStringLiteral("rel"), QStringLiteral("license"));
    link.set(QStringLiteral("href"), value);
    context().setDefault(QStringLiteral("links"), FeedValue::list()).append(std::move(link));
}
void FeedBuilder::end_cc_license() {}

void FeedBuilder::start_creativecommons_license(A &)
{
    push(QStringLiteral("license"), true);
}
void FeedBuilder::end_creativecommons_license()
{
    const QString value = pop(QStringLiteral("license"));
    FeedValue &ctx = context();
    FeedValue link = FeedValue::dict();
    link.set(QStringLiteral("rel"), QStringLiteral("license"));
    if (!value.isEmpty())
        link.set(QStringLiteral("href"), value);
    ctx.setDefault(QStringLiteral("links"), FeedValue::list()).append(std::move(link));
    ctx.remove(QStringLiteral("license"));
}

void FeedBuilder::start_tags(A &)
{
    push(QStringLiteral("tags"), true);
}
void FeedBuilder::end_tags()
{
    for (const QString &term : pop(QStringLiteral("tags")).split(QLatin1Char(',')))
        addTag(term.trimmed(), QString(), QString());
}

} // namespace bs
