#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QList>
#include <QPointer>
#include <QTranslator>

namespace bs
{

bool installTranslators(const QLocale &locale)
{
    // Owned by the application object; the ones of an earlier call are removed and deleted.
    static QList<QPointer<QTranslator>> installed;
    for (const QPointer<QTranslator> &translator : std::as_const(installed)) {
        if (translator) {
            QCoreApplication::removeTranslator(translator);
            delete translator.data();
        }
    }
    installed.clear();

    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)) &&
        QCoreApplication::installTranslator(qt))
        installed.append(qt);
    else
        delete qt;

    auto *own = new QTranslator(QCoreApplication::instance());
    const bool found = own->load(locale, QStringLiteral("broadsheet"), QStringLiteral("_"),
                                 QStringLiteral(":/i18n"));
    if (found && QCoreApplication::installTranslator(own))
        installed.append(own);
    else
        delete own;
    return found;
}

} // namespace bs
