#include "feeds/OpmlImport.h"

#include "store/Database.h"
#include "store/FeedStore.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace bs
{

namespace
{

constexpr int kMaxDepth = 64;

// feed://host/x and feed:https://host/x are how some pages hand out feed links.
QUrl normalizedFeedUrl(const QUrl &url)
{
    if (url.scheme().compare(QLatin1String("feed"), Qt::CaseInsensitive) != 0)
        return url;
    const QString text = url.toString();
    const QString rest = text.mid(5); // after "feed:"
    if (rest.startsWith(QLatin1String("//")))
        return QUrl(QStringLiteral("http:") + rest);
    return QUrl(rest);
}

bool isWebUrl(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && !url.host().isEmpty() &&
           (scheme == QLatin1String("http") || scheme == QLatin1String("https"));
}

class Importer
{
public:
    explicit Importer(Database &db) : m_store(db) {}

    bool folder(const OpmlFolder &folder, qint64 folderId, int depth)
    {
        if (depth > kMaxDepth)
            return true;
        for (const OpmlFeed &feed : folder.feeds) {
            if (!addFeed(feed, folderId))
                return false;
        }
        for (const OpmlFolder &sub : folder.folders) {
            qint64 id = folderId;
            if (!sub.title.trimmed().isEmpty()) {
                if (!m_store.findFolder(sub.title.trimmed(), folderId))
                    ++m_counts.foldersCreated;
                const auto created = m_store.folderId(sub.title.trimmed(), folderId);
                if (!created)
                    return false;
                id = *created;
            }
            if (!this->folder(sub, id, depth + 1))
                return false;
        }
        return true;
    }

    OpmlImportCounts counts() const { return m_counts; }

private:
    bool addFeed(const OpmlFeed &opml, qint64 folderId)
    {
        const QUrl url = normalizedFeedUrl(opml.xmlUrl);
        if (!isWebUrl(url)) {
            ++m_counts.invalidSkipped;
            m_counts.problems << QStringLiteral("Skipped '%1': '%2' is not an http or https "
                                                "feed address.")
                                     .arg(opml.title, opml.xmlUrl.toString());
            return true;
        }
        const QString key = url.toString();
        if (m_seen.contains(key) || m_store.feedByUrl(url)) {
            ++m_counts.duplicatesSkipped;
            return true;
        }
        m_seen.insert(key);
        Feed feed;
        feed.url = url;
        feed.title = opml.title;
        feed.folderId = folderId;
        feed.description = opml.description;
        if (isWebUrl(opml.htmlUrl))
            feed.siteUrl = opml.htmlUrl;
        if (!m_store.addFeed(feed))
            return false;
        ++m_counts.feedsAdded;
        return true;
    }

    FeedStore m_store;
    QSet<QString> m_seen;
    OpmlImportCounts m_counts;
};

// Children and feeds per folder id (0: top level), each list in store order (by position).
struct Tree {
    QHash<qint64, QList<Folder>> folders;
    QHash<qint64, QList<Feed>> feeds;
};

void exportFolder(OpmlFolder &into, qint64 folderId, const Tree &tree, int depth)
{
    if (depth > kMaxDepth)
        return;
    for (const Folder &sub : tree.folders.value(folderId)) {
        OpmlFolder folder;
        folder.title = sub.name;
        exportFolder(folder, sub.id, tree, depth + 1);
        into.folders.append(folder);
    }
    for (const Feed &f : tree.feeds.value(folderId))
        into.feeds.append(
            OpmlFeed{f.title, f.url, f.siteUrl, QStringLiteral("rss"), f.description});
}

} // namespace

std::optional<OpmlImportCounts> OpmlImport::apply(Database &writer, const OpmlDocument &document)
{
    if (!writer.requireWriter())
        return std::nullopt;
    Transaction transaction(writer);
    if (!transaction.isActive())
        return std::nullopt;
    Importer importer(writer);
    if (!importer.folder(document.root, 0, 0) || !transaction.commit())
        return std::nullopt;
    return importer.counts();
}

OpmlDocument OpmlExport::fromStore(Database &db)
{
    FeedStore store(db);
    const QList<Folder> folders = store.folders();
    QSet<qint64> folderIds;
    for (const Folder &f : folders)
        folderIds.insert(f.id);
    // A folder or feed whose parent is gone is exported at the top level rather than lost.
    Tree tree;
    for (const Folder &f : folders)
        tree.folders[folderIds.contains(f.parentId) && f.parentId != f.id ? f.parentId : 0].append(
            f);
    for (const Feed &f : store.feeds()) {
        if (FeedStore::isBuiltIn(f))
            continue;
        tree.feeds[folderIds.contains(f.folderId) ? f.folderId : 0].append(f);
    }
    OpmlDocument document;
    document.title = QStringLiteral("Broadsheet subscriptions");
    document.dateCreated = QDateTime::currentDateTimeUtc();
    exportFolder(document.root, 0, tree, 0);
    return document;
}

} // namespace bs
