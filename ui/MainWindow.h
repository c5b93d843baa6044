#pragma once

#include <QMainWindow>

class QTreeView;
class QTableView;
class QTextBrowser;
class QSplitter;

namespace bs
{

class Database;
class ArticleListModel;
class FeedTreeModel;

// The main window: feed tree, article list and article pane over a read-only connection.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(Database &reader, QWidget *parent = nullptr);

    FeedTreeModel *feedModel() const { return m_feedModel; }
    ArticleListModel *articleModel() const { return m_articleModel; }
    QTreeView *feedView() const { return m_feedView; }
    QTableView *articleView() const { return m_articleView; }

private:
    void showFeed(const QModelIndex &index);
    void showArticle(const QModelIndex &index);

    Database &m_reader;
    FeedTreeModel *m_feedModel;
    ArticleListModel *m_articleModel;
    QTreeView *m_feedView;
    QTableView *m_articleView;
    QTextBrowser *m_articlePane;
};

} // namespace bs
