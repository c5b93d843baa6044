// Help ▸ About Broadsheet: the facts it shows come from the build and the running libraries,
// and the Help menu gets both About entries.

#include "dialogs/AboutDialog.h"
#include "store/Database.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QIcon>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <sqlite3.h>

using namespace bs;

class TestAbout : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_writer;
    std::unique_ptr<Database> m_reader;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        const QString path = m_dir.filePath(QStringLiteral("broadsheet.sqlite"));
        m_writer = Database::openWriter(path, &error);
        QVERIFY2(m_writer, qPrintable(error));
        m_reader = Database::openReader(path, &error);
        QVERIFY2(m_reader, qPrintable(error));
    }

    void sqliteVersionIsTheLibrarys()
    {
        // The connection's SQLite is the library the process loaded.
        QCOMPARE(AboutDialog::sqliteVersion(*m_reader), QString::fromLatin1(sqlite3_libversion()));
    }

    void factsComeFromTheBuildAndTheLibraries()
    {
        AboutDialog dialog(m_dir.path(), AboutDialog::sqliteVersion(*m_reader));
        const QString facts = dialog.factsText();
        QCOMPARE(AboutDialog::version(), QStringLiteral(BROADSHEET_VERSION));
        QVERIFY2(facts.contains(QStringLiteral(BROADSHEET_VERSION)), qPrintable(facts));
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"))
                     .match(AboutDialog::releaseDate())
                     .hasMatch(),
                 qPrintable(AboutDialog::releaseDate()));
        QVERIFY(facts.contains(AboutDialog::releaseDate()));
        QVERIFY(facts.contains(QString::fromLatin1(qVersion())));
        QVERIFY(facts.contains(QString::fromLatin1(sqlite3_libversion())));
        QVERIFY(facts.contains(QDir::toNativeSeparators(m_dir.path())));
        QVERIFY(facts.contains(AboutDialog::licenseText()));
        QVERIFY(AboutDialog::homepage().startsWith(QLatin1String("https://")));
        QVERIFY(facts.contains(AboutDialog::homepage()));
    }

    void appIconIsInTheResources()
    {
        const QIcon icon(QStringLiteral(":/icons/broadsheet.svg"));
        QVERIFY(!icon.isNull());
        for (int size : {16, 32, 256}) {
            const QImage image = icon.pixmap(size, size).toImage();
            QCOMPARE(image.width(), size);
            // Drawn, not blank: the page's dark outline and its light paper are both there.
            bool dark = false;
            bool light = false;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x) {
                    const QColor c = image.pixelColor(x, y);
                    if (c.alpha() > 200 && c.lightness() < 80)
                        dark = true;
                    if (c.alpha() > 200 && c.lightness() > 230)
                        light = true;
                }
            QVERIFY2(dark && light, qPrintable(QString::number(size)));
        }
    }

    void helpMenuGetsBothAboutEntries()
    {
        QMainWindow window;
        // A Help menu another part of the window made is reused, its entries kept.
        QMenu *existing = window.menuBar()->addMenu(QStringLiteral("&Help"));
        existing->setObjectName(QStringLiteral("helpMenu"));
        existing->addAction(QStringLiteral("Keyboard Shortcuts"));
        addAboutActions(&window, *m_reader);
        const auto menus = window.menuBar()->findChildren<QMenu *>(QStringLiteral("helpMenu"));
        QCOMPARE(menus.size(), 1);
        QStringList names;
        for (QAction *a : menus.first()->actions())
            names << (a->isSeparator() ? QStringLiteral("-") : a->objectName());
        QCOMPARE(names, (QStringList{QString(), QStringLiteral("-"), QStringLiteral("aboutAction"),
                                     QStringLiteral("aboutQtAction")}));

        QMainWindow bare;
        addAboutActions(&bare, *m_reader);
        QVERIFY(bare.menuBar()->findChild<QMenu *>(QStringLiteral("helpMenu")));
        QVERIFY(bare.findChild<QAction *>(QStringLiteral("aboutAction")));
    }

    void aboutActionOpensTheDialogOnTheProfile()
    {
        QMainWindow window;
        addAboutActions(&window, *m_reader);
        QString shown;
        QTimer::singleShot(0, this, [&shown] {
            auto *dialog = qobject_cast<AboutDialog *>(QApplication::activeModalWidget());
            if (dialog) {
                shown = dialog->factsText();
                dialog->reject();
            }
        });
        window.findChild<QAction *>(QStringLiteral("aboutAction"))->trigger();
        QVERIFY2(shown.contains(QDir::toNativeSeparators(m_dir.path())), qPrintable(shown));
        QVERIFY(shown.contains(QString::fromLatin1(sqlite3_libversion())));
    }
};

QTEST_MAIN(TestAbout)
#include "test_about.moc"
