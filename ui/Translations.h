#pragma once

#include <QLocale>

namespace bs
{

// Installs the translators for a locale on the application: Broadsheet's own strings (the .qm
// files embedded as :/i18n/broadsheet_<lang>.qm, built from translations/*.ts) and Qt's own
// (qtbase_<lang>.qm from QLibraryInfo::TranslationsPath, when present). Translators installed
// by an earlier call are removed first. Returns whether Broadsheet's own translation was found.
bool installTranslators(const QLocale &locale);

} // namespace bs
