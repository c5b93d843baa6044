// ArticleActions: the label menu and assigning labels to the selected articles.

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

void ArticleActions::fillLabelMenu()
{
    m_labelMenu->clear();
    const QList<qint64> ids = selectedArticles();
    QHash<QString, int> carried; // label name (lower case) -> selected articles carrying it
    LabelStore labels(m_reader);
    for (qint64 id : ids.mid(0, 500))
        for (const Label &label : labels.labelsOf(id))
            ++carried[label.name.toLower()];
    for (const LabelCount &label : labels.list()) {
        QAction *entry = m_labelMenu->addAction(label.name);
        entry->setCheckable(true);
        entry->setChecked(!ids.isEmpty() &&
                          carried.value(label.name.toLower()) >= std::min<int>(ids.size(), 500));
        entry->setEnabled(!ids.isEmpty());
        const QString name = label.name;
        connect(entry, &QAction::triggered, this, [this, name] { toggleLabel(name); });
    }
    if (!m_labelMenu->isEmpty())
        m_labelMenu->addSeparator();
    QAction *create = m_labelMenu->addAction(tr("&New Label…"));
    create->setEnabled(!ids.isEmpty());
    connect(create, &QAction::triggered, this, &ArticleActions::newLabel);
}

void ArticleActions::toggleLabel(const QString &name)
{
    const QList<qint64> ids = selectedArticles();
    if (ids.isEmpty() || !m_sync)
        return;
    bool all = true;
    LabelStore labels(m_reader);
    for (qint64 id : ids) {
        bool has = false;
        for (const Label &label : labels.labelsOf(id))
            has = has || label.name.compare(name, Qt::CaseInsensitive) == 0;
        if (!has) {
            all = false;
            break;
        }
    }
    if (all && labels.find(name))
        m_sync->unassignLabel(name, ids);
    else
        m_sync->assignLabel(name, ids);
}

void ArticleActions::newLabel()
{
    const QString name = m_askLabel(QString()).trimmed();
    if (name.isEmpty())
        return;
    const QString problem = LabelStore::nameProblem(name);
    if (!problem.isEmpty()) {
        showMessage(problem);
        return;
    }
    if (m_sync && !selectedArticles().isEmpty())
        m_sync->assignLabel(name, selectedArticles());
}

} // namespace bs
