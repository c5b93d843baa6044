// ArticleActions: keyboard navigation through articles and feeds, Space reading on, the
// search field keys, marking the shown article read, and the shortcuts help.

#include "ArticleActions.h"

#include "MainWindow.h"
#include "Preferences.h"
#include "dialogs/ShortcutsDialog.h"
#include "models/ArticleListModel.h"
#include "models/FeedTreeModel.h"
#include "models/FeedTreeWalk.h"
#include "offline/PageSaver.h"
#include "reader/ReaderView.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/LabelStore.h"
#include "store/SqlQuery.h"
#include "sync/SyncService.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QStatusBar>
#include <QTableView>
#include <QTreeView>

#include <algorithm>
#include <climits>

namespace bs
{

using treewalk::kindOf;
using treewalk::treeOrder;

namespace
{
constexpr int kUnreadSearchPages = 25; // list pages Space reads through for the next unread
} // namespace

bool ArticleActions::moveToRow(int row)
{
    QTableView *list = m_window->articleView();
    ArticleListModel *model = m_window->articleModel();
    if (row < 0 || row >= model->rowCount())
        return false;
    const QModelIndex index = model->index(row, 0);
    list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                       QItemSelectionModel::Rows);
    list->scrollTo(index);
    return true;
}

void ArticleActions::nextArticle()
{
    ArticleListModel *model = m_window->articleModel();
    const QModelIndex current = m_window->articleView()->currentIndex();
    const int row = current.isValid() ? current.row() + 1 : 0;
    if (row >= model->rowCount() && model->canFetchMore({}))
        model->fetchMore({});
    moveToRow(row);
}

void ArticleActions::previousArticle()
{
    const QModelIndex current = m_window->articleView()->currentIndex();
    moveToRow(current.isValid() ? current.row() - 1 : 0);
}

void ArticleActions::moveFeed(int step)
{
    QTreeView *tree = m_window->feedView();
    const QList<QModelIndex> rows = treeOrder(m_window->feedModel());
    qsizetype at = rows.indexOf(tree->currentIndex().siblingAtColumn(0));
    if (at < 0)
        at = step > 0 ? -1 : rows.size();
    for (qsizetype i = at + step; i >= 0 && i < rows.size(); i += step) {
        if (kindOf(rows.at(i)) != FeedTreeModel::ViewKind::Feed)
            continue;
        for (QModelIndex parent = rows.at(i).parent(); parent.isValid(); parent = parent.parent())
            tree->expand(parent);
        tree->setCurrentIndex(rows.at(i));
        tree->scrollTo(rows.at(i));
        return;
    }
}

void ArticleActions::nextFeed()
{
    moveFeed(1);
}

void ArticleActions::previousFeed()
{
    moveFeed(-1);
}

void ArticleActions::readOn()
{
    QPointer<ArticleActions> self(this);
    m_window->readerView()->scrollPage([self](bool moved) {
        if (self && !moved)
            self->selectNextUnread();
    });
}

bool ArticleActions::selectNextUnread()
{
    ArticleListModel *model = m_window->articleModel();
    const auto firstUnreadFrom = [model](int start) {
        int pages = 0;
        for (int r = std::max(start, 0);; ++r) {
            if (r >= model->rowCount()) {
                if (!model->canFetchMore({}) || pages++ >= kUnreadSearchPages)
                    return -1;
                model->fetchMore({});
                if (r >= model->rowCount())
                    return -1;
            }
            if (!model->index(r, 0).data(ArticleListModel::ReadRole).toBool())
                return r;
        }
    };
    const QModelIndex current = m_window->articleView()->currentIndex();
    int row = firstUnreadFrom(current.isValid() ? current.row() + 1 : 0);
    if (row >= 0)
        return moveToRow(row);

    // None left here: the next feed (in tree order, wrapping) that has unread articles.
    QTreeView *tree = m_window->feedView();
    const QList<QModelIndex> rows = treeOrder(m_window->feedModel());
    const qsizetype at = rows.indexOf(tree->currentIndex().siblingAtColumn(0));
    for (qsizetype n = 1; n <= rows.size(); ++n) {
        const QModelIndex feed = rows.at((std::max<qsizetype>(at, 0) + n) % rows.size());
        if (kindOf(feed) != FeedTreeModel::ViewKind::Feed ||
            feed.data(FeedTreeModel::UnreadRole).toLongLong() <= 0 || feed == tree->currentIndex())
            continue;
        for (QModelIndex parent = feed.parent(); parent.isValid(); parent = parent.parent())
            tree->expand(parent);
        tree->setCurrentIndex(feed);
        row = firstUnreadFrom(0);
        if (row >= 0)
            return moveToRow(row);
    }
    showMessage(tr("No more unread articles."));
    return false;
}

void ArticleActions::focusSearch()
{
    if (!m_searchField)
        return;
    m_searchField->setFocus(Qt::ShortcutFocusReason);
    m_searchField->selectAll();
}

void ArticleActions::leaveSearch()
{
    if (!m_searchField)
        return;
    m_searchField->clear();
    m_window->articleView()->setFocus(Qt::ShortcutFocusReason);
}

void ArticleActions::articleSelected(const QModelIndex &index)
{
    if (!index.isValid())
        return; // the list is being re-read; the current row comes back
    const QModelIndex row = index.siblingAtColumn(0);
    const qint64 id = row.data(ArticleListModel::ArticleIdRole).toLongLong();
    // The same article put back after the list was re-read (a sync, or a status change such
    // as marking it unread by hand) is not a new choice.
    if (id == 0 || std::exchange(m_lastSelected, id) == id ||
        row.data(ArticleListModel::ReadRole).toBool())
        return;
    if (id == m_markPending && m_markTimer.isActive())
        return;
    m_markTimer.stop();
    m_markPending = 0;
    const int delay =
        prefs::open()->value(prefs::kMarkReadDelayMs, prefs::kMarkReadDelayMsDefault).toInt();
    if (delay < 0)
        return;
    if (delay == 0) {
        markShownRead(id);
        return;
    }
    m_markPending = id;
    m_markTimer.start(delay);
}

void ArticleActions::markShownRead(qint64 articleId)
{
    // Only while it is still the article on screen.
    if (articleId == 0 || !m_sync || m_window->readerView()->articleId() != articleId)
        return;
    ++m_readWrites;
    m_sync->setRead({articleId}, true);
}

QList<QAction *> ArticleActions::shortcutActions() const
{
    QList<QAction *> out;
    const auto take = [&out](QAction *action) {
        if (!action->isSeparator() && !action->shortcuts().isEmpty() && !out.contains(action))
            out << action;
    };
    // Menu order first, then actions that live only on widgets.
    std::function<void(const QList<QAction *> &)> walk = [&](const QList<QAction *> &actions) {
        for (QAction *action : actions) {
            if (action->menu())
                walk(action->menu()->actions());
            else
                take(action);
        }
    };
    walk(m_window->menuBar()->actions());
    for (QAction *action : m_window->findChildren<QAction *>())
        take(action);
    return out;
}

void ArticleActions::showShortcuts()
{
    auto *dialog = new ShortcutsDialog(shortcutActions(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

} // namespace bs
