#pragma once

#include "ReaderDocument.h"
#include "ReaderPage.h"
#include "ReaderScheme.h"

#include <QWidget>

#include <functional>

class QAction;
class QStackedLayout;
class QTextBrowser;
class QWebEngineProfile;
class QWebEngineView;

namespace bs
{

class Database;
class ReaderInterceptor;
class ReaderSchemeHandler;

// Shows one article from the cache in a locked-down web view: its own off-the-record profile,
// the reader scheme as its only source, JavaScript off, no file or remote access, every
// request outside the scheme blocked (remote images only when allowed), links to the system
// browser. Light/dark theme (following the palette unless set), text size (Ctrl+= / Ctrl+- /
// Ctrl+0). When the web engine cannot render (its helper process is missing or dies, or
// BROADSHEET_DISABLE_WEBENGINE is set) the article is shown as plain text instead.
class ReaderView : public QWidget
{
    Q_OBJECT
public:
    enum class Theme { FollowPalette, Light, Dark };

    ReaderView(Database &reader, QWidget *parent = nullptr);
    ~ReaderView() override;

    // Start-up policy for views made from now on: the web engine is created once the view has
    // first been painted (or when an article is shown before that), so a window paints its
    // lists without waiting for the web engine to start. Off by default; the app turns it on.
    static void setDeferWebEngine(bool defer);

    void setMediaResolver(ReaderMediaResolver resolver);
    void setLinkOpener(ReaderPage::LinkOpener opener);

    // Shows the article (0: nothing).
    void showArticle(qint64 articleId);
    qint64 articleId() const { return m_articleId; }
    void clear() { showArticle(0); }
    // Scrolls the article down by about a page. `done` is called once (on this thread, later
    // for the web view) with whether it moved; false at the bottom or with nothing shown.
    void scrollPage(std::function<void(bool moved)> done);

    void setTheme(Theme theme);
    Theme theme() const { return m_theme; }
    bool isDark() const { return m_options.dark; }
    void setFontSize(int px);
    int fontSize() const { return m_options.fontSizePx; }
    void setAllowRemoteImages(bool allow);
    bool allowRemoteImages() const { return m_options.allowRemoteImages; }

    QAction *zoomInAction() const { return m_zoomIn; }
    QAction *zoomOutAction() const { return m_zoomOut; }
    QAction *zoomResetAction() const { return m_zoomReset; }
    QAction *darkThemeAction() const { return m_darkAction; }
    QAction *remoteImagesAction() const { return m_remoteImagesAction; }

    // Null in plain-text fallback mode.
    QWebEngineView *webView() const { return m_view; }
    ReaderPage *page() const { return m_page; }
    QWebEngineProfile *profile() const { return m_profile; }
    ReaderInterceptor *interceptor() const { return m_interceptor; }
    ReaderSchemeHandler *schemeHandler() const { return m_handler; }
    bool usesWebEngine() const { return m_view != nullptr; }
    QTextBrowser *fallbackView() const { return m_fallback; }

signals:
    // The article's page finished loading (ok false: it failed).
    void articleLoaded(qint64 articleId, bool ok);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void createWebEngine();
    void createDeferredWebEngine(); // when one is pending
    void switchToFallback();
    void showFallbackText();
    void applyStyle(); // theme and text size on the shown page, without reloading it
    bool paletteIsDark() const;

    Database &m_reader;
    ReaderOptions m_options;
    Theme m_theme = Theme::FollowPalette;
    qint64 m_articleId = 0;
    bool m_webEnginePending = false; // deferred: created after the first paint

    QStackedLayout *m_stack = nullptr;
    QWebEngineProfile *m_profile = nullptr;
    ReaderSchemeHandler *m_handler = nullptr;
    ReaderInterceptor *m_interceptor = nullptr;
    ReaderPage *m_page = nullptr;
    QWebEngineView *m_view = nullptr;
    QTextBrowser *m_fallback = nullptr;
    ReaderMediaResolver m_resolver;
    ReaderPage::LinkOpener m_opener;

    QAction *m_zoomIn = nullptr;
    QAction *m_zoomOut = nullptr;
    QAction *m_zoomReset = nullptr;
    QAction *m_darkAction = nullptr;
    QAction *m_remoteImagesAction = nullptr;
};

} // namespace bs
