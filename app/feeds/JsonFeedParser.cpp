#include "feeds/JsonFeedParser.h"

#include "feeds/FeedText.h"
#include "html/Sanitizer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace bs
{

namespace
{

FeedValue person(const QJsonObject &o)
{
    FeedValue p = FeedValue::dict();
    if (o.contains(QLatin1String("name")))
        p.set(QStringLiteral("name"), o.value(QLatin1String("name")).toString());
    if (o.contains(QLatin1String("url")))
        p.set(QStringLiteral("href"), o.value(QLatin1String("url")).toString());
    if (o.contains(QLatin1String("avatar")))
        p.setRaw(QStringLiteral("avatar"), o.value(QLatin1String("avatar")).toString());
    return p;
}

void authors(const QJsonObject &o, FeedValue &into)
{
    QJsonArray list = o.value(QLatin1String("authors")).toArray();
    if (list.isEmpty() && o.value(QLatin1String("author")).isObject())
        list.append(o.value(QLatin1String("author")));
    if (list.isEmpty())
        return;
    FeedValue all = FeedValue::list();
    for (const QJsonValue &a : list)
        all.append(person(a.toObject()));
    const FeedValue first = all.elements().front();
    into.set(QStringLiteral("author_detail"), first);
    into.set(QStringLiteral("author"), first.str(QStringLiteral("name")));
    into.set(QStringLiteral("authors"), std::move(all));
}

FeedValue detail(const QString &type, const QString &value, const QString &base)
{
    FeedValue d = FeedValue::dict();
    d.set(QStringLiteral("type"), type);
    d.set(QStringLiteral("language"), FeedValue());
    d.set(QStringLiteral("base"), base);
    d.set(QStringLiteral("value"), value);
    return d;
}

} // namespace

ParsedFeed parseJsonFeed(const QByteArray &utf8, const FeedSource &source, ParsedFeed result)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
    if (!doc.isObject()) {
        result.bozo = true;
        result.bozoReason = QStringLiteral("The JSON feed is not valid JSON: %1 at offset %2.")
                                .arg(error.errorString())
                                .arg(error.offset);
        return result;
    }
    const QJsonObject root = doc.object();
    const QString version = root.value(QLatin1String("version")).toString();
    if (version.contains(QLatin1String("jsonfeed.org/version/1.1")))
        result.version = QStringLiteral("json11");
    else if (version.contains(QLatin1String("jsonfeed.org/version/1")))
        result.version = QStringLiteral("json1");
    else {
        result.bozo = true;
        result.bozoReason = QStringLiteral("The JSON document is not a JSON Feed (no version).");
    }
    const QString base = source.url.toString();
    FeedValue &feed = result.feed;
    const QString title = root.value(QLatin1String("title")).toString();
    feed.set(QStringLiteral("title"), title);
    feed.set(QStringLiteral("title_detail"), detail(QStringLiteral("text/plain"), title, base));
    if (root.contains(QLatin1String("home_page_url")))
        feed.set(QStringLiteral("link"),
                 joinUrl(base, root.value(QLatin1String("home_page_url")).toString()));
    if (root.contains(QLatin1String("feed_url"))) {
        FeedValue link = FeedValue::dict();
        link.set(QStringLiteral("rel"), QStringLiteral("self"));
        link.set(QStringLiteral("type"), QStringLiteral("application/feed+json"));
        link.set(QStringLiteral("href"),
                 joinUrl(base, root.value(QLatin1String("feed_url")).toString()));
        feed.set(QStringLiteral("links"), FeedValue::list()).append(std::move(link));
    }
    if (root.contains(QLatin1String("description")))
        feed.set(QStringLiteral("subtitle"), root.value(QLatin1String("description")).toString());
    if (root.contains(QLatin1String("icon"))) {
        FeedValue image = FeedValue::dict();
        image.set(QStringLiteral("href"), root.value(QLatin1String("icon")).toString());
        feed.set(QStringLiteral("image"), std::move(image));
    }
    if (root.contains(QLatin1String("favicon")))
        feed.set(QStringLiteral("icon"), root.value(QLatin1String("favicon")).toString());
    if (root.contains(QLatin1String("language")))
        feed.set(QStringLiteral("language"), root.value(QLatin1String("language")).toString());
    authors(root, feed);

    for (const QJsonValue &v : root.value(QLatin1String("items")).toArray()) {
        const QJsonObject item = v.toObject();
        FeedValue entry = FeedValue::dict();
        if (item.contains(QLatin1String("id")))
            entry.set(QStringLiteral("id"), item.value(QLatin1String("id")).toVariant().toString());
        if (item.contains(QLatin1String("url")))
            entry.set(QStringLiteral("link"),
                      joinUrl(base, item.value(QLatin1String("url")).toString()));
        if (item.contains(QLatin1String("title"))) {
            const QString t = item.value(QLatin1String("title")).toString();
            entry.set(QStringLiteral("title"), t);
            entry.set(QStringLiteral("title_detail"),
                      detail(QStringLiteral("text/plain"), t, base));
        }
        FeedValue content = FeedValue::list();
        if (item.contains(QLatin1String("content_html"))) {
            const QString html =
                sanitizeHtml(item.value(QLatin1String("content_html")).toString(), QUrl(base));
            content.append(detail(QStringLiteral("text/html"), html, base));
        }
        if (item.contains(QLatin1String("content_text")))
            content.append(detail(QStringLiteral("text/plain"),
                                  item.value(QLatin1String("content_text")).toString(), base));
        if (item.contains(QLatin1String("summary")))
            entry.set(QStringLiteral("summary"), item.value(QLatin1String("summary")).toString());
        else if (content.size() > 0)
            entry.set(QStringLiteral("summary"),
                      content.elements().front().str(QStringLiteral("value")));
        if (content.size() > 0)
            entry.set(QStringLiteral("content"), std::move(content));
        for (const char *key : {"date_published", "date_modified"}) {
            if (!item.contains(QLatin1String(key)))
                continue;
            const QString raw = item.value(QLatin1String(key)).toString();
            const QString name = qstrcmp(key, "date_published") == 0 ? QStringLiteral("published")
                                                                     : QStringLiteral("updated");
            entry.set(name, raw);
            entry.set(name + QStringLiteral("_parsed"), parsedFeedDate(raw, source.zonelessZone));
        }
        authors(item, entry);
        const QJsonArray tags = item.value(QLatin1String("tags")).toArray();
        if (!tags.isEmpty()) {
            FeedValue list = FeedValue::list();
            for (const QJsonValue &t : tags) {
                FeedValue tag = FeedValue::dict();
                tag.set(QStringLiteral("term"), t.toString());
                tag.set(QStringLiteral("scheme"), FeedValue());
                tag.set(QStringLiteral("label"), FeedValue());
                list.append(std::move(tag));
            }
            entry.set(QStringLiteral("tags"), std::move(list));
        }
        FeedValue links = FeedValue::list();
        if (item.contains(QLatin1String("url"))) {
            FeedValue l = FeedValue::dict();
            l.set(QStringLiteral("rel"), QStringLiteral("alternate"));
            l.set(QStringLiteral("type"), QStringLiteral("text/html"));
            l.set(QStringLiteral("href"), entry.str(QStringLiteral("link")));
            links.append(std::move(l));
        }
        for (const QJsonValue &a : item.value(QLatin1String("attachments")).toArray()) {
            const QJsonObject att = a.toObject();
            FeedValue l = FeedValue::dict();
            l.set(QStringLiteral("rel"), QStringLiteral("enclosure"));
            l.set(QStringLiteral("href"),
                  joinUrl(base, att.value(QLatin1String("url")).toString()));
            l.set(QStringLiteral("type"), att.value(QLatin1String("mime_type")).toString());
            if (att.contains(QLatin1String("size_in_bytes")))
                l.set(QStringLiteral("length"),
                      QString::number(att.value(QLatin1String("size_in_bytes")).toInteger()));
            if (att.contains(QLatin1String("title")))
                l.set(QStringLiteral("title"), att.value(QLatin1String("title")).toString());
            links.append(std::move(l));
        }
        if (links.size() > 0)
            entry.set(QStringLiteral("links"), std::move(links));
        if (item.contains(QLatin1String("image"))) {
            FeedValue image = FeedValue::dict();
            image.set(QStringLiteral("href"), item.value(QLatin1String("image")).toString());
            entry.set(QStringLiteral("image"), std::move(image));
        }
        result.entries.append(std::move(entry));
    }
    return result;
}

} // namespace bs
