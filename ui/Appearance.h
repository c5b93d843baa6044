#pragma once

#include <QPalette>
#include <QString>

namespace bs
{

class ReaderView;

// The look the Preferences choose (prefs::kTheme, kFontSize, kRemoteContent), applied to the
// whole application and to the reader view.
namespace appearance
{

enum class Theme { System, Light, Dark };

Theme themeFromString(const QString &text); // "system", "light", "dark"; else System
QString themeToString(Theme theme);

// A dark palette for the whole application.
QPalette darkPalette();
// Sets the application palette: the one it started with (System), the style's standard light
// palette, or darkPalette(). Widgets, and the reader view through its palette, follow.
void applyTheme(Theme theme);

// The reader's text size in pixels for a size in percent of the default (prefs::kFontSize).
int readerFontPx(int percent);

// Applies the saved theme to the application and the saved text size and remote-content
// choice to the reader view (at start-up; view may be null).
void applySaved(ReaderView *view);

} // namespace appearance
} // namespace bs
