#pragma once

#include <QStandardItemModel>

namespace bs
{

class Database;

// Folders and feeds with unread counts, read from the store.
class FeedTreeModel : public QStandardItemModel
{
    Q_OBJECT
public:
    enum Role { FeedIdRole = Qt::UserRole + 1, FolderIdRole, UnreadRole };

    FeedTreeModel(Database &reader, QObject *parent = nullptr);
    void reload();

private:
    Database &m_reader;
};

} // namespace bs
