#pragma once

#include <QUrl>
#include <QWebEnginePage>

#include <functional>

namespace bs
{

// The reader's page: it goes only where the view sends it. A clicked http(s) or mailto link is
// handed to the opener (the system browser through QDesktopServices by default) and the page
// stays; every other navigation (other schemes, frames, form posts, redirects, new windows) is
// refused.
class ReaderPage : public QWebEnginePage
{
    Q_OBJECT
public:
    using LinkOpener = std::function<void(const QUrl &)>;

    ReaderPage(QWebEngineProfile *profile, QObject *parent = nullptr);

    void setLinkOpener(LinkOpener opener) { m_opener = std::move(opener); }
    // The next navigation to this URL is the view's own (load or reload).
    void expect(const QUrl &url) { m_expected = url; }

    // Navigations refused (for the tests and the status bar).
    int refusedNavigations() const { return m_refused; }

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message,
                                  int line, const QString &source) override;

private:
    LinkOpener m_opener;
    QUrl m_expected;
    int m_refused = 0;
};

} // namespace bs
