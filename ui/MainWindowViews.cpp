// The main window's panes: layout, the article list's header and filter, the search field and
// the related stories pane.

#include "MainWindow.h"

#include "models/ArticleListModel.h"
#include "models/FeedTreeModel.h"
#include "models/RelatedStoriesModel.h"
#include "reader/ReaderView.h"
#include "search/SearchQuery.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QDesktopServices>
#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>

namespace bs
{

void MainWindow::createPanes()
{
    m_feedView->setObjectName(QStringLiteral("feedTree"));
    m_feedView->setModel(m_feedModel);
    m_feedView->setHeaderHidden(true);
    m_feedView->setDragDropMode(QAbstractItemView::DragDrop);
    m_feedView->setDefaultDropAction(Qt::MoveAction);

    m_articleView->setObjectName(QStringLiteral("articleList"));
    m_articleView->setModel(m_articleModel);
    m_articleView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_articleView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_articleView->verticalHeader()->hide();
    m_articleView->verticalHeader()->setDefaultSectionSize(m_articleView->fontMetrics().height() +
                                                           8);
    m_articleView->setWordWrap(false);
    m_articleView->setShowGrid(false);
    QHeaderView *header = m_articleView->horizontalHeader();
    header->setSectionResizeMode(ArticleListModel::Title, QHeaderView::Stretch);
    header->setSectionResizeMode(ArticleListModel::Feed, QHeaderView::Interactive);
    header->resizeSection(ArticleListModel::Feed, 110);
    header->setSectionResizeMode(ArticleListModel::Author, QHeaderView::Interactive);
    header->resizeSection(ArticleListModel::Author, 90);
    header->setSectionResizeMode(ArticleListModel::Published, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ArticleListModel::Star, QHeaderView::Fixed);
    header->resizeSection(ArticleListModel::Star, m_articleView->fontMetrics().height() + 12);
    // Only the date sorts (keyset paging on its index); a click elsewhere keeps the date order.
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(ArticleListModel::Published, Qt::DescendingOrder);
    connect(header, &QHeaderView::sortIndicatorChanged, this,
            [this, header](int section, Qt::SortOrder order) {
                if (section != ArticleListModel::Published) {
                    const QSignalBlocker block(header);
                    header->setSortIndicator(ArticleListModel::Published,
                                             m_articleModel->sortOrder());
                    return;
                }
                m_articleModel->setSortOrder(order);
            });
    // Search results keep their own order (relevance, or a saved search's): no date arrow then.
    connect(m_articleModel, &QAbstractItemModel::modelReset, header,
            [this, header] { header->setSortIndicatorShown(!m_articleModel->isSearch()); });

    m_articleFilter = new QComboBox;
    m_articleFilter->setObjectName(QStringLiteral("articleFilter"));
    m_articleFilter->addItem(tr("All articles"),
                             QVariant::fromValue(ArticleListModel::Filter::All));
    m_articleFilter->addItem(tr("Unread only"),
                             QVariant::fromValue(ArticleListModel::Filter::Unread));
    m_articleFilter->addItem(tr("Starred only"),
                             QVariant::fromValue(ArticleListModel::Filter::Starred));
    m_articleFilter->setToolTip(tr("Which articles of the view the list shows"));
    connect(m_articleFilter, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_articleModel->setFilter(
            m_articleFilter->itemData(index).value<ArticleListModel::Filter>());
    });
    auto *listBar = new QHBoxLayout;
    listBar->setContentsMargins(4, 2, 4, 2);
    auto *filterLabel = new QLabel(tr("&Show:"));
    filterLabel->setBuddy(m_articleFilter);
    listBar->addWidget(filterLabel);
    listBar->addWidget(m_articleFilter);
    listBar->addStretch(1);
    auto *listPane = new QWidget;
    listPane->setObjectName(QStringLiteral("articlePane"));
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(0);
    listLayout->addLayout(listBar);
    listLayout->addWidget(m_articleView, 1);

    m_relatedView = new QListView;
    m_relatedView->setObjectName(QStringLiteral("relatedStories"));
    m_relatedView->setModel(m_relatedModel);
    m_relatedView->setUniformItemSizes(true);
    m_relatedView->setTextElideMode(Qt::ElideRight);
    m_relatedView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_relatedView->setToolTip(tr("Related stories: similar cached articles and the links the "
                                 "article's page lists"));
    connect(m_relatedView, &QListView::activated, this, &MainWindow::openRelated);

    auto *reader = new QSplitter(Qt::Vertical);
    reader->setObjectName(QStringLiteral("readerSplitter"));
    reader->addWidget(m_articlePane);
    reader->addWidget(m_relatedView);
    reader->setStretchFactor(0, 4);
    reader->setStretchFactor(1, 1);
    reader->setSizes({600, 150});

    auto *main = new QSplitter(Qt::Horizontal);
    main->setObjectName(QStringLiteral("mainSplitter"));
    main->addWidget(m_feedView);
    main->addWidget(listPane);
    main->addWidget(reader);
    main->setStretchFactor(0, 1);
    main->setStretchFactor(1, 2);
    main->setStretchFactor(2, 3);
    main->setSizes({220, 560, 500});
    setCentralWidget(main);
}

void MainWindow::createSearchField(QToolBar *toolbar)
{
    m_searchField = new QLineEdit;
    m_searchField->setObjectName(QStringLiteral("searchField"));
    m_searchField->setPlaceholderText(tr("Search (Ctrl+F)"));
    m_searchField->setClearButtonEnabled(true);
    m_searchField->setMaximumWidth(360);
    m_searchField->setMinimumWidth(200);
    m_searchField->setToolTip(SearchQuery::syntaxHelp());
    m_searchField->installEventFilter(this);
    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    toolbar->addWidget(m_searchField);

    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(250);
    connect(&m_searchTimer, &QTimer::timeout, this, &MainWindow::runSearch);
    connect(m_searchField, &QLineEdit::textEdited, this, [this] { m_searchTimer.start(); });
    // Enter searches at once.
    connect(m_searchField, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer.stop();
        runSearch();
    });
    // The clear button, or text set by code, counts as typing too.
    connect(m_searchField, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            m_searchTimer.start();
    });
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_searchField &&
        (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        // Esc belongs to the field while it has the focus: no window shortcut takes it.
        event->accept();
        if (event->type() == QEvent::KeyPress)
            leaveSearch();
        return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::leaveSearch()
{
    m_searchTimer.stop();
    {
        const QSignalBlocker block(m_searchField);
        m_searchField->clear();
    }
    if (m_articleModel->isSearch())
        showFeed(m_feedView->currentIndex());
    statusBar()->clearMessage();
    m_articleView->setFocus();
}

void MainWindow::runSearch()
{
    const QString text = m_searchField->text().trimmed();
    if (text.isEmpty()) {
        if (m_articleModel->isSearch())
            showFeed(m_feedView->currentIndex()); // back to the view searched from
        statusBar()->clearMessage();
        return;
    }
    // Inside the feed or folder selected, else everywhere.
    SearchOptions options;
    options.snippets = false;
    options.limit = m_articleModel->query().limit;
    const QModelIndex current = m_feedView->currentIndex();
    const auto kind = current.data(FeedTreeModel::ViewKindRole).value<FeedTreeModel::ViewKind>();
    if (current.isValid() && kind == FeedTreeModel::ViewKind::Feed) {
        options.scope = SearchOptions::Scope::Feed;
        options.scopeId = current.data(FeedTreeModel::ViewIdRole).toLongLong();
    } else if (current.isValid() && kind == FeedTreeModel::ViewKind::Folder) {
        options.scope = SearchOptions::Scope::Folder;
        options.scopeId = current.data(FeedTreeModel::ViewIdRole).toLongLong();
    }
    QString error;
    if (!m_articleModel->setSearch(text, options, &error)) {
        statusBar()->showMessage(tr("Search: %1").arg(error));
        return; // the list stays as it was
    }
    statusBar()->clearMessage();
}

void MainWindow::showFeed(const QModelIndex &index)
{
    // Choosing a view leaves a search.
    if (!m_searchField->text().isEmpty()) {
        m_searchTimer.stop();
        const QSignalBlocker block(m_searchField);
        m_searchField->clear();
    }
    ArticleQuery query;
    using Kind = FeedTreeModel::ViewKind;
    const qint64 id = index.data(FeedTreeModel::ViewIdRole).toLongLong();
    switch (index.isValid() ? index.data(FeedTreeModel::ViewKindRole).value<Kind>() : Kind::All) {
    case Kind::All:
        break;
    case Kind::Unread:
        query.unreadOnly = true;
        break;
    case Kind::Today:
        query.since = FeedTreeModel::startOfToday();
        break;
    case Kind::Starred:
        query.starredOnly = true;
        break;
    case Kind::SavedPages:
        query.savedPages = true;
        break;
    case Kind::Label:
        query.labelId = id;
        break;
    case Kind::Folder:
        query.folderId = id;
        break;
    case Kind::Feed:
        query.feedId = id;
        break;
    case Kind::SavedSearch: {
        m_articleModel->setQuery(query); // searched from everywhere
        SearchOptions options;
        options.snippets = false;
        options.limit = query.limit;
        options.sort = SearchOptions::Sort(index.data(FeedTreeModel::SearchSortRole).toInt());
        QString error;
        if (!m_articleModel->setSearch(index.data(FeedTreeModel::QueryRole).toString(), options,
                                       &error))
            statusBar()->showMessage(tr("Saved search: %1").arg(error));
        return;
    }
    }
    m_articleModel->setQuery(query);
}

void MainWindow::openRelated(const QModelIndex &index)
{
    switch (index.data(RelatedStoriesModel::KindRole).value<RelatedStoriesModel::Kind>()) {
    case RelatedStoriesModel::Kind::Cached: {
        // Read it here; the list stays the first article's, to try the others.
        const qint64 id = index.data(RelatedStoriesModel::ArticleIdRole).toLongLong();
        m_shownArticle = id;
        m_articlePane->showArticle(id);
        break;
    }
    case RelatedStoriesModel::Kind::Page: {
        const QUrl url = index.data(RelatedStoriesModel::UrlRole).toUrl();
        if (m_openExternal)
            m_openExternal(url);
        else
            QDesktopServices::openUrl(url);
        break;
    }
    case RelatedStoriesModel::Kind::Heading:
        break;
    }
}

} // namespace bs
