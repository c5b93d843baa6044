#include "dialogs/AboutDialog.h"

#include "store/Database.h"
#include "store/SqlQuery.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTextDocument>
#include <QVBoxLayout>

#ifndef BROADSHEET_RELEASE_DATE
#error "BROADSHEET_RELEASE_DATE comes from the top-level CMakeLists.txt"
#endif
#ifndef BROADSHEET_HOMEPAGE
#error "BROADSHEET_HOMEPAGE comes from the top-level CMakeLists.txt"
#endif

namespace bs
{

AboutDialog::AboutDialog(const QString &profileDirectory, const QString &sqliteVersion,
                         QWidget *parent)
    : QDialog(parent), m_facts(new QLabel)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Broadsheet"));

    auto *icon = new QLabel;
    icon->setPixmap(QIcon(QStringLiteral(":/icons/broadsheet.svg")).pixmap(96, 96));
    icon->setAlignment(Qt::AlignTop);

    auto *title = new QLabel(tr("<h2>Broadsheet %1</h2><p>A desktop news reader: feeds read "
                                "offline, searched in any language, saved for later.</p>")
                                 .arg(version().toHtmlEscaped()));
    title->setWordWrap(true);

    const QString rows =
        QStringLiteral("<table cellspacing=\"4\">") +
        QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
            .arg(tr("Version:"), tr("%1 (released %2)").arg(version(), releaseDate())) +
        QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
            .arg(tr("Qt:"),
                 tr("%1 (built with %2)")
                     .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR))) +
        QStringLiteral("<tr><td>%1</td><td>%2</td></tr>").arg(tr("SQLite:"), sqliteVersion) +
        QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
            .arg(tr("Profile:"), QDir::toNativeSeparators(profileDirectory).toHtmlEscaped()) +
        QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
            .arg(tr("License:"), licenseText().toHtmlEscaped()) +
        QStringLiteral("<tr><td>%1</td><td><a href=\"%2\">%2</a></td></tr>")
            .arg(tr("Homepage:"), homepage().toHtmlEscaped()) +
        QStringLiteral("</table>");
    m_facts->setText(rows);
    m_facts->setObjectName(QStringLiteral("aboutFacts"));
    m_facts->setTextFormat(Qt::RichText);
    m_facts->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_facts->setOpenExternalLinks(true);
    m_facts->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(m_facts);
    text->addStretch(1);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

QString AboutDialog::factsText() const
{
    QTextDocument doc;
    doc.setHtml(m_facts->text());
    return doc.toPlainText();
}

QString AboutDialog::version()
{
    return QStringLiteral(BROADSHEET_VERSION);
}

QString AboutDialog::releaseDate()
{
    return QStringLiteral(BROADSHEET_RELEASE_DATE);
}

QString AboutDialog::homepage()
{
    return QStringLiteral(BROADSHEET_HOMEPAGE);
}

QString AboutDialog::licenseText()
{
    return tr("No license has been chosen yet; all rights reserved by the Broadsheet authors.");
}

QString AboutDialog::sqliteVersion(Database &db)
{
    SqlQuery query(db);
    if (query.exec(QStringLiteral("SELECT sqlite_version()")) && query.next())
        return query.value(0).toString();
    return tr("unknown");
}

void addAboutActions(QMainWindow *window, Database &reader)
{
    QMenu *help = window->menuBar()->findChild<QMenu *>(QStringLiteral("helpMenu"));
    if (!help) {
        help = window->menuBar()->addMenu(AboutDialog::tr("&Help"));
        help->setObjectName(QStringLiteral("helpMenu"));
    } else if (!help->actions().isEmpty()) {
        help->addSeparator();
    }
    QAction *about = help->addAction(AboutDialog::tr("&About Broadsheet"));
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    const QString profile = QFileInfo(reader.path()).absolutePath();
    QObject::connect(about, &QAction::triggered, window, [window, &reader, profile] {
        AboutDialog dialog(profile, AboutDialog::sqliteVersion(reader), window);
        dialog.exec();
    });
    QAction *aboutQt = help->addAction(AboutDialog::tr("About &Qt"));
    aboutQt->setObjectName(QStringLiteral("aboutQtAction"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    QObject::connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

} // namespace bs
