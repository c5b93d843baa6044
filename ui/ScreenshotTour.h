#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>

class QAction;
class QLineEdit;
class QWidget;

namespace bs
{

class MainWindow;

// Drives the main window through the scenes of the project's screenshots and saves one PNG per
// scene (`broadsheet --screenshot-tour DIR`, used by packaging/screenshots.sh under Xvfb):
//   main-window.png      an English article open
//   chinese-article.png  an article whose title is Chinese
//   search.png           the search field holding a word of the English article's title
//   add-feed.png         the add-feed dialog
//   about.png            Help ▸ About Broadsheet
//   dark-theme.png       the English article under a dark palette
// Articles are picked from "All articles" by their titles (Han characters or not). A scene whose
// widget or content is missing is skipped with a message on stderr; a scene that fails to save
// counts as a failure. finished() carries the number of failures.
class ScreenshotTour : public QObject
{
    Q_OBJECT
public:
    ScreenshotTour(MainWindow *window, const QString &directory, QObject *parent = nullptr);

    void start();
    QStringList saved() const { return m_saved; }
    QStringList skipped() const { return m_skipped; }

signals:
    void finished(int failures);

private:
    using Step = std::function<void()>;
    void next();
    void after(int ms, Step step);
    void selectAllArticles();
    // Selects the first article (of the first few hundred) whose title has Han characters
    // (chinese) or none; false when there is none.
    bool openArticle(bool chinese, QString *title);
    // Continues when the reader reports the article loaded (or after a timeout).
    void whenArticleShown(Step step);
    QLineEdit *findSearchField() const;
    QAction *findAddFeedAction() const;
    // Triggers the action and saves the dialog it opens, then closes it.
    void captureDialog(QAction *action, const QString &name);
    void save(QWidget *widget, const QString &name);
    void skip(const QString &scene, const QString &why);

    void sceneEnglish();
    void sceneChinese();
    void sceneSearch();
    void sceneAddFeed();
    void sceneAbout();
    void sceneDark();

    QPointer<MainWindow> m_window;
    QString m_directory;
    QList<Step> m_steps;
    QString m_englishTitle;
    QStringList m_saved;
    QStringList m_skipped;
    int m_failures = 0;
};

} // namespace bs
