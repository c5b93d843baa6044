#pragma once

#include <QComboBox>

namespace bs
{

class Database;

// A combo box of the profile's folders (indented by depth, "Top level" first), optionally with
// a "New folder…" entry at the end. The item data is the folder id (0: top level, -1: new).
class FolderChoice : public QComboBox
{
    Q_OBJECT
public:
    static constexpr qint64 kNewFolder = -1;

    explicit FolderChoice(QWidget *parent = nullptr) : QComboBox(parent) {}
    // Fills the list from the store; excludeSubtree leaves out a folder and its subfolders
    // (moving a folder cannot put it inside itself).
    void load(Database &reader, bool offerNewFolder, qint64 excludeSubtree = 0);
    qint64 folderId() const { return currentData().toLongLong(); }
    void selectFolder(qint64 folderId);
};

} // namespace bs
