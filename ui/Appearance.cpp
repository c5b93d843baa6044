#include "Appearance.h"

#include "Preferences.h"
#include "reader/ReaderDocument.h"
#include "reader/ReaderView.h"

#include <QApplication>
#include <QStyle>

#include <cmath>

namespace bs::appearance
{

namespace
{

// The palette the application had before the first change: what "follow the system" means.
QPalette &systemPalette()
{
    static QPalette palette = QApplication::palette();
    return palette;
}

} // namespace

Theme themeFromString(const QString &text)
{
    if (text == QLatin1String("light"))
        return Theme::Light;
    if (text == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

QString themeToString(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

QPalette darkPalette()
{
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80);
    const QColor highlight(0x3d, 0x6f, 0xb4);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, window.lighter(150));
    p.setColor(QPalette::Midlight, window.lighter(125));
    p.setColor(QPalette::Mid, window.darker(120));
    p.setColor(QPalette::Dark, window.darker(150));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7a, 0xb7, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xf2));
    for (QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::HighlightedText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

void applyTheme(Theme theme)
{
    const QPalette original = systemPalette(); // captured before the first change
    switch (theme) {
    case Theme::Dark:
        QApplication::setPalette(darkPalette());
        break;
    case Theme::Light:
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case Theme::System:
        QApplication::setPalette(original);
        break;
    }
}

int readerFontPx(int percent)
{
    return int(
        std::lround(ReaderOptions::defaultFontSizePx * std::clamp(percent, 25, 400) / 100.0));
}

void applySaved(ReaderView *view)
{
    const auto settings = prefs::open();
    applyTheme(themeFromString(settings->value(QLatin1String(prefs::kTheme)).toString()));
    if (!view)
        return;
    view->setTheme(ReaderView::Theme::FollowPalette);
    view->setFontSize(readerFontPx(
        settings->value(QLatin1String(prefs::kFontSize), prefs::kFontSizeDefault).toInt()));
    view->setAllowRemoteImages(
        settings->value(QLatin1String(prefs::kRemoteContent), false).toBool());
}

} // namespace bs::appearance
