#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QTableWidget;

namespace bs
{

// The keyboard shortcuts help (F1 or ?): one row per action, its name and its keys, read from
// the actions themselves so the table cannot drift from what the keys do.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    // An action's name as the table shows it: without mnemonics and ellipsis.
    static QString nameOf(const QAction *action);

private:
    QTableWidget *m_table;
};

} // namespace bs
