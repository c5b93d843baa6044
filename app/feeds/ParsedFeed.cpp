// ParsedFeed: the JSON shape and the typed views of a parse result.

#include "feeds/FeedParser.h"
#include "html/HtmlText.h"

#include <QJsonArray>

namespace bs
{

namespace
{

const char *const kDateKeys[] = {"published", "updated",        "created",
                                 "expired",   "validity_start", "validity_end"};

QDateTime dateOf(const FeedValue &parsed)
{
    const auto &v = parsed.elements();
    if (v.size() < 6)
        return {};
    return QDateTime(QDate(int(v[0].toInt()), int(v[1].toInt()), int(v[2].toInt())),
                     QTime(int(v[3].toInt()), int(v[4].toInt()), int(v[5].toInt())), Qt::UTC);
}

// Rewrites one dictionary (and the dictionaries below it) for output.
QJsonValue shaped(const FeedValue &value)
{
    if (value.isList()) {
        QJsonArray a;
        for (const FeedValue &e : value.elements())
            a.append(shaped(e));
        return a;
    }
    if (!value.isDict())
        return value.toJson();
    QJsonObject o;
    for (const auto &[k, v] : value.items())
        o.insert(k, shaped(v));
    for (const char *key : kDateKeys) {
        const QString name = QString::fromLatin1(key);
        if (!value.contains(name))
            continue;
        o.insert(name + QStringLiteral("_raw"), value.str(name));
        const QDateTime when = dateOf(value.get(name + QStringLiteral("_parsed")));
        o.insert(name, when.isValid() ? QJsonValue(when.toString(Qt::ISODate))
                                      : QJsonValue(QJsonValue::Null));
    }
    if (value.contains(QStringLiteral("links"))) {
        QJsonArray enclosures;
        const FeedValue links = value.get(QStringLiteral("links"));
        for (const FeedValue &link : links.elements()) {
            const QString rel = link.str(QStringLiteral("rel"));
            if (rel == QLatin1String("enclosure")) {
                QJsonObject e;
                for (const auto &[k, v] : link.items())
                    if (k != QLatin1String("rel"))
                        e.insert(k, v.toJson());
                enclosures.append(e);
            } else if (rel == QLatin1String("license") && link.contains(QStringLiteral("href")) &&
                       !o.contains(QLatin1String("license"))) {
                o.insert(QStringLiteral("license"), link.str(QStringLiteral("href")));
            }
        }
        o.insert(QStringLiteral("enclosures"), enclosures);
    }
    return o;
}

QString plainIfHtml(const FeedValue &owner, const QString &key)
{
    const QString text = owner.str(key);
    const QString type = owner.get(key + QStringLiteral("_detail")).str(QStringLiteral("type"));
    if (type == QLatin1String("text/html") || type == QLatin1String("application/xhtml+xml"))
        return htmlToPlainText(text);
    return text;
}

} // namespace

QJsonObject ParsedFeed::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("bozo"), bozo);
    o.insert(QStringLiteral("bozo_reason"),
             bozo ? QJsonValue(bozoReason) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("encoding"), encoding);
    o.insert(QStringLiteral("version"), version);
    o.insert(QStringLiteral("namespaces"), namespaces.toJson());
    o.insert(QStringLiteral("feed"), shaped(feed));
    o.insert(QStringLiteral("entries"), shaped(entries));
    return o;
}

Feed ParsedFeed::feedInfo() const
{
    Feed f;
    f.title = plainIfHtml(feed, QStringLiteral("title"));
    f.siteUrl = QUrl(feed.str(QStringLiteral("link")));
    f.description = plainIfHtml(feed, QStringLiteral("subtitle"));
    QString icon = feed.str(QStringLiteral("icon"));
    if (icon.isEmpty())
        icon = feed.get(QStringLiteral("image")).str(QStringLiteral("href"));
    f.iconUrl = QUrl(icon);
    return f;
}

QList<Article> ParsedFeed::articles(qint64 feedId, const QDateTime &fetchedAt) const
{
    QList<Article> out;
    out.reserve(entries.size());
    for (const FeedValue &e : entries.elements()) {
        Article a;
        a.feedId = feedId;
        a.guid = e.str(QStringLiteral("id"));
        a.url = QUrl(e.str(QStringLiteral("link")));
        a.title = plainIfHtml(e, QStringLiteral("title"));
        a.author = e.str(QStringLiteral("author"));
        a.published = dateOf(e.get(QStringLiteral("published_parsed")));
        a.updated = dateOf(e.get(QStringLiteral("updated_parsed")));
        if (!a.published.isValid())
            a.published = a.updated;
        a.summary = e.str(QStringLiteral("summary"));
        const FeedValue content = e.get(QStringLiteral("content"));
        for (const FeedValue &c : content.elements()) {
            const QString type = c.str(QStringLiteral("type"));
            QString value = c.str(QStringLiteral("value"));
            if (type == QLatin1String("text/plain"))
                value = value.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>"));
            if (!value.isEmpty()) {
                a.content = value;
                break;
            }
        }
        if (a.content == a.summary)
            a.summary.clear();
        a.language = e.get(QStringLiteral("title_detail")).str(QStringLiteral("language"));
        a.fetchedAt = fetchedAt;
        const FeedValue links = e.get(QStringLiteral("links"));
        for (const FeedValue &link : links.elements()) {
            if (link.str(QStringLiteral("rel")) != QLatin1String("enclosure"))
                continue;
            a.enclosures.append(Enclosure{QUrl(link.str(QStringLiteral("href"))),
                                          link.str(QStringLiteral("type")),
                                          link.str(QStringLiteral("length")).toLongLong(),
                                          link.str(QStringLiteral("title"))});
        }
        out.append(std::move(a));
    }
    return out;
}

} // namespace bs
