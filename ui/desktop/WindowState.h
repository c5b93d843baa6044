#pragma once

class QMainWindow;
class QSettings;

namespace bs
{

// The main window's geometry, its state (toolbars, docks) and the state of every QSplitter in
// it that has an objectName (prefs::kGeometry, kWindowState, and one entry per splitter under
// kSplitters). Splitters without a name are left alone.
namespace WindowState
{

void save(const QMainWindow &window, QSettings &settings);
// Restores what save() wrote; a missing or unreadable entry leaves that part as it is. Call it
// before the window is shown.
void restore(QMainWindow &window, QSettings &settings);

} // namespace WindowState

} // namespace bs
