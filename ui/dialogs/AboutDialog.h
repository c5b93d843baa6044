#pragma once

#include <QDialog>

class QLabel;
class QMainWindow;

namespace bs
{

class Database;

// What the app is and what it runs on: version and release date, the Qt it was built with and
// runs on, the SQLite the cache uses, where the profile lives, the license and the homepage.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    AboutDialog(const QString &profileDirectory, const QString &sqliteVersion,
                QWidget *parent = nullptr);

    // The facts as shown, one per line ("Version: 0.1.0"), for tests and for copying.
    QString factsText() const;

    static QString version();
    static QString releaseDate();
    static QString homepage();
    static QString licenseText();
    // The SQLite library version behind a connection (SELECT sqlite_version()).
    static QString sqliteVersion(Database &db);

private:
    QLabel *m_facts;
};

// Adds Help ▸ About Broadsheet and Help ▸ About Qt to the window's Help menu (found by the
// object name "helpMenu", created at the end of the menu bar when missing).
void addAboutActions(QMainWindow *window, Database &reader);

} // namespace bs
