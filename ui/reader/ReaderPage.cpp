#include "ReaderPage.h"

#include "ReaderScheme.h"

#include <QDesktopServices>

namespace bs
{

ReaderPage::ReaderPage(QWebEngineProfile *profile, QObject *parent)
    : QWebEnginePage(profile, parent),
      m_opener([](const QUrl &url) { QDesktopServices::openUrl(url); })
{
}

bool ReaderPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    const QString scheme = url.scheme().toLower();
    // The view's own loads and reloads, and in-page anchors of the article it shows.
    if (isMainFrame && scheme == QLatin1String(readerScheme) && m_expected.isValid() &&
        url.adjusted(QUrl::RemoveFragment) == m_expected.adjusted(QUrl::RemoveFragment))
        return true;
    if (type == NavigationTypeLinkClicked && isMainFrame &&
        (scheme == QLatin1String("http") || scheme == QLatin1String("https") ||
         scheme == QLatin1String("mailto"))) {
        if (m_opener)
            m_opener(url);
        return false;
    }
    ++m_refused;
    return false;
}

QWebEnginePage *ReaderPage::createWindow(WebWindowType)
{
    ++m_refused;
    return nullptr;
}

void ReaderPage::javaScriptConsoleMessage(JavaScriptConsoleMessageLevel, const QString &, int,
                                          const QString &)
{
    // The page runs no script; CSP reports of blocked loads are expected and not worth a log line.
}

} // namespace bs
