#include "ReaderView.h"

#include "ReaderInterceptor.h"
#include "ReaderSchemeHandler.h"
#include "html/HtmlText.h"
#include "store/ArticleStore.h"
#include "store/Database.h"

#include <QAction>
#include <QCoreApplication>
#include <QEvent>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QScrollBar>
#include <QStackedLayout>
#include <QTextBrowser>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineSettings>
#include <QWebEngineView>

#include <algorithm>
#include <cmath>
#include <unistd.h>

namespace bs
{
namespace
{

bool deferWebEngine = false; // ReaderView::setDeferWebEngine

// The key and the platform's standard keys for the same thing, each once (a repeated key makes
// the shortcut ambiguous).
QList<QKeySequence> shortcuts(const QKeySequence &key, QKeySequence::StandardKey standard)
{
    QList<QKeySequence> keys{key};
    for (const QKeySequence &other : QKeySequence::keyBindings(standard))
        if (!keys.contains(other))
            keys << other;
    return keys;
}

// Whether the web engine can start: its helper process is where Qt will look for it (a missing
// one is a fatal error inside Qt, so it is checked first), it can sandbox, and the user did not
// turn it off.
bool webEngineAvailable()
{
    if (!qEnvironmentVariableIsEmpty("BROADSHEET_DISABLE_WEBENGINE"))
        return false;
    // Chromium cannot sandbox its renderers for root and then ends the whole process; rather
    // than render feed HTML in an unsandboxed renderer, root gets the plain-text pane unless the
    // sandbox was turned off on purpose (QTWEBENGINE_DISABLE_SANDBOX=1, as `make run` does).
    if (::geteuid() == 0 && qEnvironmentVariableIsEmpty("QTWEBENGINE_DISABLE_SANDBOX") &&
        !qEnvironmentVariable("QTWEBENGINE_CHROMIUM_FLAGS").contains(QLatin1String("--no-sandbox")))
        return false;
    const QString configured = qEnvironmentVariable("QTWEBENGINEPROCESS_PATH");
    if (!configured.isEmpty())
        return QFileInfo(configured).isExecutable();
    const QStringList places{QLibraryInfo::path(QLibraryInfo::LibraryExecutablesPath),
                             QCoreApplication::applicationDirPath(),
                             QCoreApplication::applicationDirPath() +
                                 QStringLiteral("/../libexec")};
    for (const QString &dir : places)
        if (QFileInfo(dir + QStringLiteral("/QtWebEngineProcess")).isExecutable())
            return true;
    return false;
}

} // namespace

ReaderView::ReaderView(Database &reader, QWidget *parent) : QWidget(parent), m_reader(reader)
{
    m_stack = new QStackedLayout(this);
    m_stack->setContentsMargins(0, 0, 0, 0);
    m_fallback = new QTextBrowser;
    m_fallback->setOpenLinks(false);
    m_stack->addWidget(m_fallback);
    m_options.dark = paletteIsDark();
    createActions();
    if (webEngineAvailable()) {
        if (deferWebEngine) {
            m_webEnginePending = true;
            m_fallback->viewport()->installEventFilter(this);
        } else {
            createWebEngine();
        }
    }
}

void ReaderView::setDeferWebEngine(bool defer)
{
    deferWebEngine = defer;
}

bool ReaderView::eventFilter(QObject *watched, QEvent *event)
{
    if (m_webEnginePending && watched == m_fallback->viewport() && event->type() == QEvent::Paint) {
        m_fallback->viewport()->removeEventFilter(this);
        // After this paint (the whole window's) is over.
        QMetaObject::invokeMethod(
            this, [this] { createDeferredWebEngine(); }, Qt::QueuedConnection);
    }
    return QWidget::eventFilter(watched, event);
}

void ReaderView::createDeferredWebEngine()
{
    if (!m_webEnginePending)
        return;
    m_webEnginePending = false;
    m_fallback->viewport()->removeEventFilter(this);
    createWebEngine();
    if (m_articleId != 0)
        showArticle(m_articleId);
}

ReaderView::~ReaderView()
{
    // The page must go before its profile, and the profile before its handler and interceptor.
    delete m_view;
    delete m_page;
    delete m_profile;
    delete m_handler;
    delete m_interceptor;
}

void ReaderView::createActions()
{
    m_zoomIn = new QAction(tr("&Larger Text"), this);
    m_zoomIn->setShortcuts(shortcuts(QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence::ZoomIn));
    m_zoomOut = new QAction(tr("S&maller Text"), this);
    m_zoomOut->setShortcuts(
        shortcuts(QKeySequence(Qt::CTRL | Qt::Key_Minus), QKeySequence::ZoomOut));
    m_zoomReset = new QAction(tr("&Actual Size"), this);
    m_zoomReset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_darkAction = new QAction(tr("&Dark Reader"), this);
    m_darkAction->setCheckable(true);
    m_darkAction->setChecked(m_options.dark);
    m_remoteImagesAction = new QAction(tr("Load &Remote Images"), this);
    m_remoteImagesAction->setCheckable(true);
    m_remoteImagesAction->setToolTip(
        tr("Load images that are not in the offline cache from the web (reveals your reading "
           "to their servers)"));
    for (QAction *action : {m_zoomIn, m_zoomOut, m_zoomReset, m_darkAction, m_remoteImagesAction}) {
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
    }
    connect(m_zoomIn, &QAction::triggered, this, [this] {
        setFontSize(
            std::max(m_options.fontSizePx + 1, int(std::lround(m_options.fontSizePx * 1.1))));
    });
    connect(m_zoomOut, &QAction::triggered, this, [this] {
        setFontSize(
            std::min(m_options.fontSizePx - 1, int(std::lround(m_options.fontSizePx / 1.1))));
    });
    connect(m_zoomReset, &QAction::triggered, this,
            [this] { setFontSize(ReaderOptions::defaultFontSizePx); });
    connect(m_darkAction, &QAction::triggered, this,
            [this](bool dark) { setTheme(dark ? Theme::Dark : Theme::Light); });
    connect(m_remoteImagesAction, &QAction::triggered, this, &ReaderView::setAllowRemoteImages);
}

void ReaderView::createWebEngine()
{
    // No storage name: off the record, nothing written to disk (cookies, cache, storage).
    m_profile = new QWebEngineProfile;
    m_profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    m_profile->setSpellCheckEnabled(false);
    m_profile->setHttpUserAgent(QStringLiteral("Broadsheet reader"));

    QWebEngineSettings *s = m_profile->settings();
    s->setAttribute(QWebEngineSettings::JavascriptEnabled, false);
    s->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    s->setAttribute(QWebEngineSettings::JavascriptCanAccessClipboard, false);
    s->setAttribute(QWebEngineSettings::JavascriptCanPaste, false);
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    s->setAttribute(QWebEngineSettings::AutoLoadImages, true);
    s->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    s->setAttribute(QWebEngineSettings::PdfViewerEnabled, false);
    s->setAttribute(QWebEngineSettings::LocalStorageEnabled, false);
    s->setAttribute(QWebEngineSettings::HyperlinkAuditingEnabled, false);
    s->setAttribute(QWebEngineSettings::DnsPrefetchEnabled, false);
    s->setAttribute(QWebEngineSettings::WebGLEnabled, false);
    s->setAttribute(QWebEngineSettings::Accelerated2dCanvasEnabled, false);
    s->setAttribute(QWebEngineSettings::FullScreenSupportEnabled, false);
    s->setAttribute(QWebEngineSettings::ScreenCaptureEnabled, false);
    s->setAttribute(QWebEngineSettings::AllowRunningInsecureContent, false);
    s->setAttribute(QWebEngineSettings::AllowGeolocationOnInsecureOrigins, false);
    s->setAttribute(QWebEngineSettings::AllowWindowActivationFromJavaScript, false);
    s->setAttribute(QWebEngineSettings::NavigateOnDropEnabled, false);
    s->setAttribute(QWebEngineSettings::PlaybackRequiresUserGesture, true);
    s->setAttribute(QWebEngineSettings::WebRTCPublicInterfacesOnly, true);
    s->setAttribute(QWebEngineSettings::AutoLoadIconsForPage, false);
    s->setAttribute(QWebEngineSettings::TouchIconsEnabled, false);
    s->setAttribute(QWebEngineSettings::ErrorPageEnabled, false);
    s->setAttribute(QWebEngineSettings::FocusOnNavigationEnabled, false);
    s->setUnknownUrlSchemePolicy(QWebEngineSettings::DisallowUnknownUrlSchemes);

    m_handler = new ReaderSchemeHandler(m_reader, m_options);
    m_handler->setMediaResolver(m_resolver);
    m_profile->installUrlSchemeHandler(readerScheme, m_handler);
    m_interceptor = new ReaderInterceptor;
    m_interceptor->setAllowRemoteImages(m_options.allowRemoteImages);
    m_profile->setUrlRequestInterceptor(m_interceptor);

    m_page = new ReaderPage(m_profile);
    if (m_opener)
        m_page->setLinkOpener(m_opener);
    m_page->setBackgroundColor(m_options.dark ? QColor(0x1e, 0x1f, 0x22)
                                              : QColor(0xfb, 0xfa, 0xf7));
    m_view = new QWebEngineView;
    m_view->setPage(m_page);
    m_view->setContextMenuPolicy(Qt::NoContextMenu);
    m_stack->addWidget(m_view);
    m_stack->setCurrentWidget(m_view);

    connect(m_page, &QWebEnginePage::loadFinished, this, [this](bool ok) {
        if (m_articleId != 0 && readerArticleId(m_page->url()) == m_articleId)
            emit articleLoaded(m_articleId, ok);
    });
    connect(m_page, &QWebEnginePage::renderProcessTerminated, this,
            [this](QWebEnginePage::RenderProcessTerminationStatus status, int) {
                if (status != QWebEnginePage::NormalTerminationStatus)
                    switchToFallback();
            });
}

void ReaderView::switchToFallback()
{
    if (!m_view)
        return;
    m_stack->setCurrentWidget(m_fallback);
    m_view->hide();
    showFallbackText();
}

void ReaderView::setMediaResolver(ReaderMediaResolver resolver)
{
    m_resolver = std::move(resolver);
    if (m_handler)
        m_handler->setMediaResolver(m_resolver);
}

void ReaderView::setLinkOpener(ReaderPage::LinkOpener opener)
{
    m_opener = std::move(opener);
    if (m_page)
        m_page->setLinkOpener(m_opener);
}

void ReaderView::showArticle(qint64 articleId)
{
    if (articleId != 0)
        createDeferredWebEngine();
    m_articleId = articleId;
    if (!m_view || m_stack->currentWidget() != m_view) {
        showFallbackText();
        return;
    }
    const QUrl url = articleId ? readerArticleUrl(articleId) : readerBlankUrl();
    m_page->expect(url);
    m_page->load(url);
}

void ReaderView::scrollPage(std::function<void(bool moved)> done)
{
    if (!m_view || m_stack->currentWidget() != m_view) {
        QScrollBar *bar = m_fallback->verticalScrollBar();
        const int before = bar->value();
        if (m_articleId != 0)
            bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
        done(bar->value() != before);
        return;
    }
    if (m_articleId == 0) {
        done(false);
        return;
    }
    // The page runs no script of its own; this runs in the application's isolated world, which
    // shares the document (and its scrolling) with the page.
    const QString script =
        QStringLiteral("(function(){var s=document.scrollingElement||document.documentElement;"
                       "if(!s)return false;var before=s.scrollTop;"
                       "s.scrollTop=before+Math.max(40,Math.round(window.innerHeight*0.9));"
                       "return s.scrollTop>before;})()");
    m_page->runJavaScript(
        script, QWebEngineScript::ApplicationWorld,
        [done = std::move(done)](const QVariant &moved) { done(moved.toBool()); });
}

void ReaderView::showFallbackText()
{
    const auto article = m_articleId ? ArticleStore(m_reader).article(m_articleId) : std::nullopt;
    if (!article) {
        m_fallback->clear();
        return;
    }
    const QString body = !article->fullText.isEmpty()
                             ? article->fullText
                             : (!article->content.isEmpty() ? article->content : article->summary);
    // Plain text only: nothing of the feed's markup is interpreted here.
    m_fallback->setPlainText(article->title + QStringLiteral("\n\n") + htmlToPlainText(body));
}

void ReaderView::setTheme(Theme theme)
{
    m_theme = theme;
    m_options.dark = theme == Theme::Dark || (theme == Theme::FollowPalette && paletteIsDark());
    m_darkAction->setChecked(m_options.dark);
    applyStyle();
}

void ReaderView::setFontSize(int px)
{
    m_options.fontSizePx =
        std::clamp(px, ReaderOptions::minFontSizePx, ReaderOptions::maxFontSizePx);
    applyStyle();
}

void ReaderView::setAllowRemoteImages(bool allow)
{
    if (m_options.allowRemoteImages == allow)
        return;
    m_options.allowRemoteImages = allow;
    m_remoteImagesAction->setChecked(allow);
    if (m_interceptor)
        m_interceptor->setAllowRemoteImages(allow);
    if (m_articleId && m_view)
        m_page->triggerAction(QWebEnginePage::Reload); // the page's image URLs change
}

void ReaderView::applyStyle()
{
    if (!m_page)
        return;
    m_page->setBackgroundColor(m_options.dark ? QColor(0x1e, 0x1f, 0x22)
                                              : QColor(0xfb, 0xfa, 0xf7));
    // The page runs no script of its own; this runs in the application's isolated world.
    const QString script =
        QStringLiteral("(function(){var h=document.documentElement;if(!h)return false;"
                       "h.setAttribute('data-theme','%1');"
                       "h.style.setProperty('--reader-font-size','%2px');return true;})()")
            .arg(m_options.dark ? QStringLiteral("dark") : QStringLiteral("light"))
            .arg(m_options.fontSizePx);
    m_page->runJavaScript(script, QWebEngineScript::ApplicationWorld);
}

bool ReaderView::paletteIsDark() const
{
    return palette().color(QPalette::Window).lightness() < 128;
}

void ReaderView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_theme == Theme::FollowPalette)
        setTheme(Theme::FollowPalette);
    QWidget::changeEvent(event);
}

} // namespace bs
