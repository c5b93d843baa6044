#pragma once

#include <QSettings>
#include <QString>

#include <memory>

namespace bs
{

// The desktop app's own preferences (window state, reader display, desktop habits) live in an
// INI file inside the profile, so that `--profile DIR` keeps everything of a profile in one
// place and tests never touch the user's settings. What the sync worker reads (interval,
// retention, media budget) stays in the database's settings table (SettingsStore).
namespace prefs
{

// Keys and their defaults.
inline constexpr const char *kMarkReadDelayMs = "reader/markReadDelayMs"; // 0 at once, <0 never
inline constexpr int kMarkReadDelayMsDefault = 0;
inline constexpr const char *kTheme = "appearance/theme";   // "system", "light" or "dark"
inline constexpr const char *kFontSize = "reader/fontSize"; // percent of the default size
inline constexpr int kFontSizeDefault = 100;
inline constexpr const char *kRemoteContent = "reader/remoteContent";    // bool, default false
inline constexpr const char *kFullTextDefault = "feeds/fullTextDefault"; // "auto", "on", "off"
inline constexpr const char *kNotifications = "desktop/notifications";   // bool, default true
inline constexpr const char *kTrayIcon = "desktop/trayIcon";             // bool, default true
inline constexpr const char *kStartMinimized = "desktop/startMinimized"; // bool, default false
inline constexpr const char *kGeometry = "window/geometry";              // QByteArray
inline constexpr const char *kWindowState = "window/state";              // QByteArray
inline constexpr const char *kSplitters = "window/splitters"; // group of QByteArray states

// bool: the "still running in the tray" hint was shown once.
inline constexpr const char *kTrayHintShown = "desktop/trayHintShown";

// The file every QSettings of the app reads; main() points it at the profile.
inline QString &filePath()
{
    static QString path;
    return path;
}
inline void setFilePath(const QString &path)
{
    filePath() = path;
}

// A settings object on the profile's file (or an in-memory-like temporary default when no
// profile was set, e.g. in a widget test that did not call setFilePath).
inline std::unique_ptr<QSettings> open()
{
    if (filePath().isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(filePath(), QSettings::IniFormat);
}

} // namespace prefs
} // namespace bs
