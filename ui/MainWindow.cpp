#include "MainWindow.h"

#include "html/HtmlText.h"
#include "models/ArticleListModel.h"
#include "models/FeedTreeModel.h"
#include "store/ArticleStore.h"
#include "store/Database.h"

#include <QHeaderView>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTextBrowser>
#include <QTreeView>

namespace bs
{

MainWindow::MainWindow(Database &reader, QWidget *parent)
    : QMainWindow(parent), m_reader(reader), m_feedModel(new FeedTreeModel(reader, this)),
      m_articleModel(new ArticleListModel(reader, this)), m_feedView(new QTreeView),
      m_articleView(new QTableView), m_articlePane(new QTextBrowser)
{
    setWindowTitle(tr("Broadsheet"));
    resize(1200, 760);

    m_feedView->setModel(m_feedModel);
    m_feedView->setHeaderHidden(true);
    m_articleView->setModel(m_articleModel);
    m_articleView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_articleView->verticalHeader()->hide();
    m_articleView->horizontalHeader()->setSectionResizeMode(ArticleListModel::Title,
                                                            QHeaderView::Stretch);
    m_articleView->horizontalHeader()->setSectionResizeMode(ArticleListModel::Author,
                                                            QHeaderView::ResizeToContents);
    m_articleView->horizontalHeader()->setSectionResizeMode(ArticleListModel::Published,
                                                            QHeaderView::ResizeToContents);
    m_articleView->verticalHeader()->setDefaultSectionSize(m_articleView->fontMetrics().height() +
                                                           8);
    m_articleView->setWordWrap(false);
    m_articleView->setShowGrid(false);
    m_articlePane->setOpenExternalLinks(true);

    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(m_articleView);
    right->addWidget(m_articlePane);
    right->setStretchFactor(1, 2);
    auto *main = new QSplitter(Qt::Horizontal);
    main->addWidget(m_feedView);
    main->addWidget(right);
    main->setStretchFactor(1, 3);
    setCentralWidget(main);

    connect(m_feedView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showFeed(current); });
    connect(m_articleView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showArticle(current); });

    m_feedModel->reload();
    m_feedView->expandAll();
    m_articleModel->setQuery(ArticleQuery{});
    statusBar()->showMessage(tr("Profile: %1").arg(reader.path()));
}

void MainWindow::showFeed(const QModelIndex &index)
{
    ArticleQuery query;
    query.feedId = index.data(FeedTreeModel::FeedIdRole).toLongLong();
    m_articleModel->setQuery(query);
}

void MainWindow::showArticle(const QModelIndex &index)
{
    const qint64 id = index.siblingAtColumn(0).data(ArticleListModel::ArticleIdRole).toLongLong();
    const auto article = ArticleStore(m_reader).article(id);
    if (!article) {
        m_articlePane->clear();
        return;
    }
    // Placeholder pane until the WebEngine reader view lands: the article as plain text, so
    // that no feed markup is interpreted here.
    const QString body = article->fullText.isEmpty()
                             ? (article->content.isEmpty() ? article->summary : article->content)
                             : article->fullText;
    m_articlePane->setPlainText(article->title + QStringLiteral("\n\n") + htmlToPlainText(body));
}

} // namespace bs
