#include "desktop/WindowState.h"

#include "Preferences.h"

#include <QMainWindow>
#include <QSettings>
#include <QSplitter>

namespace bs
{

namespace WindowState
{

void save(const QMainWindow &window, QSettings &settings)
{
    settings.setValue(QLatin1String(prefs::kGeometry), window.saveGeometry());
    settings.setValue(QLatin1String(prefs::kWindowState), window.saveState());
    settings.beginGroup(QLatin1String(prefs::kSplitters));
    for (const QSplitter *splitter : window.findChildren<QSplitter *>()) {
        if (!splitter->objectName().isEmpty())
            settings.setValue(splitter->objectName(), splitter->saveState());
    }
    settings.endGroup();
    settings.sync();
}

void restore(QMainWindow &window, QSettings &settings)
{
    const QByteArray geometry = settings.value(QLatin1String(prefs::kGeometry)).toByteArray();
    if (!geometry.isEmpty())
        window.restoreGeometry(geometry);
    const QByteArray state = settings.value(QLatin1String(prefs::kWindowState)).toByteArray();
    if (!state.isEmpty())
        window.restoreState(state);
    settings.beginGroup(QLatin1String(prefs::kSplitters));
    for (QSplitter *splitter : window.findChildren<QSplitter *>()) {
        if (splitter->objectName().isEmpty())
            continue;
        const QByteArray saved = settings.value(splitter->objectName()).toByteArray();
        if (!saved.isEmpty())
            splitter->restoreState(saved);
    }
    settings.endGroup();
}

} // namespace WindowState

} // namespace bs
