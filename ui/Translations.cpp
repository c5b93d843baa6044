#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>
#include <vector>

namespace bs
{

bool installTranslators(const QLocale &locale)
{
    static std::vector<std::unique_ptr<QTranslator>> installed;
    for (const auto &translator : installed)
        QCoreApplication::removeTranslator(translator.get());
    installed.clear();

    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)) &&
        QCoreApplication::installTranslator(qt.get()))
        installed.push_back(std::move(qt));

    auto own = std::make_unique<QTranslator>();
    const bool found = own->load(locale, QStringLiteral("broadsheet"), QStringLiteral("_"),
                                 QStringLiteral(":/i18n"));
    if (found && QCoreApplication::installTranslator(own.get()))
        installed.push_back(std::move(own));
    return found;
}

} // namespace bs
