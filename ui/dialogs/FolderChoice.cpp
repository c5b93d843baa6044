#include "FolderChoice.h"

#include "store/FeedStore.h"

#include <QHash>

#include <functional>

namespace bs
{

void FolderChoice::load(Database &reader, bool offerNewFolder, qint64 excludeSubtree)
{
    const qint64 selected = count() > 0 ? folderId() : 0;
    clear();
    addItem(tr("Top level"), qint64(0));
    QHash<qint64, QList<Folder>> children;
    for (const Folder &folder : FeedStore(reader).folders())
        children[folder.parentId].append(folder);
    std::function<void(qint64, int)> add = [&](qint64 parentId, int depth) {
        QList<Folder> list = children.value(parentId);
        std::sort(list.begin(), list.end(), [](const Folder &a, const Folder &b) {
            return QString::localeAwareCompare(a.name, b.name) < 0;
        });
        for (const Folder &folder : list) {
            if (folder.id == excludeSubtree)
                continue;
            addItem(QString(depth * 4, QLatin1Char(' ')) + folder.name, folder.id);
            add(folder.id, depth + 1);
        }
    };
    add(0, 1);
    if (offerNewFolder)
        addItem(tr("New folder…"), kNewFolder);
    selectFolder(selected);
}

void FolderChoice::selectFolder(qint64 folderId)
{
    const int index = findData(folderId);
    setCurrentIndex(index >= 0 ? index : 0);
}

} // namespace bs
