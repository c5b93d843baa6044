#include "ScreenshotTour.h"

#include "Appearance.h"

#include "MainWindow.h"
#include "models/ArticleListModel.h"
#include "models/FeedTreeModel.h"
#include "reader/ReaderView.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPalette>
#include <QPixmap>
#include <QRegularExpression>
#include <QScreen>
#include <QStyleFactory>
#include <QTableView>
#include <QTimer>
#include <QTreeView>

#include <cstdio>
#include <memory>

namespace bs
{

namespace
{

constexpr int kSettleMs = 800;           // layout and paint after a change
constexpr int kArticleTimeoutMs = 15000; // the reader's page load, at most
constexpr int kTourTimeoutMs = 180000;   // the whole tour, at most

bool hasHan(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF))
            return true;
    }
    return false;
}

bool hasLatinLetter(const QString &text)
{
    for (const QChar c : text) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
            (c >= QLatin1Char('A') && c <= QLatin1Char('Z')))
            return true;
    }
    return false;
}

// Menu text without its mnemonic marker and ellipsis: "&Add Feed…" -> "Add Feed".
QString plainText(QString text)
{
    text.remove(QLatin1Char('&'));
    text.remove(QChar(0x2026));
    text.remove(QLatin1String("..."));
    return text.trimmed();
}

void sendKey(QWidget *widget, int key)
{
    QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier);
    QApplication::sendEvent(widget, &press);
    QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier);
    QApplication::sendEvent(widget, &release);
}

} // namespace

ScreenshotTour::ScreenshotTour(MainWindow *window, const QString &directory, QObject *parent)
    : QObject(parent), m_window(window), m_directory(directory)
{
}

void ScreenshotTour::start()
{
    if (!QDir().mkpath(m_directory)) {
        std::fprintf(stderr, "screenshot tour: cannot create %s\n", qPrintable(m_directory));
        emit finished(1);
        return;
    }
    m_steps = {[this] { sceneEnglish(); }, [this] { sceneChinese(); }, [this] { sceneSearch(); },
               [this] { sceneAddFeed(); }, [this] { sceneAbout(); },   [this] { sceneDark(); }};
    auto *watchdog = new QTimer(this);
    watchdog->setSingleShot(true);
    connect(watchdog, &QTimer::timeout, this, [this] {
        std::fprintf(stderr, "screenshot tour: gave up after %d s\n", kTourTimeoutMs / 1000);
        m_steps.clear();
        emit finished(m_failures + 1);
    });
    watchdog->start(kTourTimeoutMs);
    after(1500, [this] { next(); }); // the first paint, the feed tree and the first list page
}

void ScreenshotTour::next()
{
    if (!m_window || m_steps.isEmpty()) {
        std::fprintf(stderr, "screenshot tour: %lld saved, %lld skipped, %d failed\n",
                     static_cast<long long>(m_saved.size()),
                     static_cast<long long>(m_skipped.size()), m_failures);
        emit finished(m_failures);
        return;
    }
    const Step step = m_steps.takeFirst();
    step();
}

void ScreenshotTour::after(int ms, Step step)
{
    QTimer::singleShot(ms, this, std::move(step));
}

void ScreenshotTour::selectAllArticles()
{
    FeedTreeModel *tree = m_window->feedModel();
    for (int row = 0; row < tree->rowCount(); ++row) {
        const QModelIndex index = tree->index(row, 0);
        if (index.data(FeedTreeModel::ViewKindRole).value<FeedTreeModel::ViewKind>() ==
            FeedTreeModel::ViewKind::All) {
            m_window->feedView()->setCurrentIndex(index);
            return;
        }
    }
}

bool ScreenshotTour::openArticle(bool chinese, QString *title)
{
    ArticleListModel *list = m_window->articleModel();
    for (int row = 0; row < 500; ++row) {
        if (row >= list->rowCount()) {
            if (!list->canFetchMore({}))
                break;
            list->fetchMore({});
            if (row >= list->rowCount())
                break;
        }
        const QModelIndex index = list->index(row, ArticleListModel::Title);
        const QString text = index.data(Qt::DisplayRole).toString();
        if (text.isEmpty() || hasHan(text) != chinese || (!chinese && !hasLatinLetter(text)))
            continue;
        if (title)
            *title = text;
        m_window->articleView()->setCurrentIndex(index);
        m_window->articleView()->scrollTo(index);
        return true;
    }
    return false;
}

void ScreenshotTour::whenArticleShown(Step step)
{
    ReaderView *reader = m_window->readerView();
    auto done = std::make_shared<bool>(false);
    auto go = [this, done, step] {
        if (*done)
            return;
        *done = true;
        after(kSettleMs, step);
    };
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(reader, &ReaderView::articleLoaded, this, [go, connection] {
        QObject::disconnect(*connection);
        go();
    });
    QTimer::singleShot(kArticleTimeoutMs, this, [go, connection] {
        QObject::disconnect(*connection);
        go();
    });
}

QLineEdit *ScreenshotTour::findSearchField() const
{
    const auto edits = m_window->findChildren<QLineEdit *>();
    for (QLineEdit *edit : edits) {
        if (edit->objectName().contains(QLatin1String("search"), Qt::CaseInsensitive))
            return edit;
    }
    for (QLineEdit *edit : edits) {
        if (edit->isVisible() &&
            edit->placeholderText().contains(tr("Search"), Qt::CaseInsensitive))
            return edit;
    }
    return nullptr;
}

QAction *ScreenshotTour::findAddFeedAction() const
{
    const auto actions = m_window->findChildren<QAction *>();
    for (QAction *action : actions) {
        if (action->objectName().contains(QLatin1String("addFeed"), Qt::CaseInsensitive))
            return action;
    }
    for (QAction *action : actions) {
        if (plainText(action->text()).compare(tr("Add Feed"), Qt::CaseInsensitive) == 0 ||
            plainText(action->text()).compare(QLatin1String("Add Feed"), Qt::CaseInsensitive) == 0)
            return action;
    }
    return nullptr;
}

void ScreenshotTour::save(QWidget *widget, const QString &name)
{
    // The window as the X server shows it (WebEngine's page included); a widget grab where the
    // platform cannot read the screen (offscreen).
    QPixmap pixmap;
    if (widget->isWindow() && widget->screen())
        pixmap = widget->screen()->grabWindow(widget->winId());
    if (pixmap.isNull() || pixmap.size().isEmpty())
        pixmap = widget->grab();
    const QString path = QDir(m_directory).filePath(name + QStringLiteral(".png"));
    if (pixmap.isNull() || !pixmap.save(path, "PNG")) {
        std::fprintf(stderr, "screenshot tour: FAILED to save %s\n", qPrintable(path));
        ++m_failures;
        return;
    }
    std::fprintf(stderr, "screenshot tour: saved %s (%dx%d)\n", qPrintable(path), pixmap.width(),
                 pixmap.height());
    m_saved << name;
}

void ScreenshotTour::skip(const QString &scene, const QString &why)
{
    std::fprintf(stderr, "screenshot tour: skipped %s: %s\n", qPrintable(scene), qPrintable(why));
    m_skipped << scene;
}

void ScreenshotTour::sceneEnglish()
{
    selectAllArticles();
    if (!openArticle(false, &m_englishTitle)) {
        skip(QStringLiteral("main-window"), QStringLiteral("no article with an English title"));
        save(m_window, QStringLiteral("main-window"));
        next();
        return;
    }
    whenArticleShown([this] {
        save(m_window, QStringLiteral("main-window"));
        next();
    });
}

void ScreenshotTour::sceneChinese()
{
    selectAllArticles();
    if (!openArticle(true, nullptr)) {
        skip(QStringLiteral("chinese-article"), QStringLiteral("no article with a Chinese title"));
        next();
        return;
    }
    whenArticleShown([this] {
        save(m_window, QStringLiteral("chinese-article"));
        next();
    });
}

void ScreenshotTour::sceneSearch()
{
    QLineEdit *field = findSearchField();
    if (!field) {
        skip(QStringLiteral("search"), QStringLiteral("the window has no search field"));
        next();
        return;
    }
    // A word of the English article's title, so the search finds something.
    QString word;
    const auto words = m_englishTitle.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &w : words) {
        QString letters = w;
        letters.remove(QRegularExpression(QStringLiteral("[^\\p{L}]")));
        if (letters.size() > word.size())
            word = letters;
    }
    if (word.isEmpty())
        word = QStringLiteral("news");
    field->setFocus();
    field->setText(word);
    sendKey(field, Qt::Key_Return);
    after(1500, [this, field = QPointer<QLineEdit>(field)] {
        save(m_window, QStringLiteral("search"));
        if (field) {
            field->clear();
            sendKey(field, Qt::Key_Escape);
        }
        after(500, [this] { next(); });
    });
}

void ScreenshotTour::sceneAddFeed()
{
    QAction *action = findAddFeedAction();
    if (!action) {
        skip(QStringLiteral("add-feed"), QStringLiteral("the window has no Add Feed action"));
        next();
        return;
    }
    captureDialog(action, QStringLiteral("add-feed"));
}

void ScreenshotTour::sceneAbout()
{
    auto *action = m_window->findChild<QAction *>(QStringLiteral("aboutAction"));
    if (!action) {
        skip(QStringLiteral("about"), QStringLiteral("the window has no About action"));
        next();
        return;
    }
    captureDialog(action, QStringLiteral("about"));
}

void ScreenshotTour::captureDialog(QAction *action, const QString &name)
{
    // The dialog may run its own event loop (exec): look for it from a timer, which that loop
    // runs too.
    auto tries = std::make_shared<int>(0);
    auto look = std::make_shared<std::function<void()>>();
    *look = [this, tries, look, name] {
        QWidget *dialog = QApplication::activeModalWidget();
        if (!dialog) {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (qobject_cast<QDialog *>(w) && w->isVisible()) {
                    dialog = w;
                    break;
                }
            }
        }
        if (!dialog) {
            if (++*tries < 25) {
                after(200, *look);
                return;
            }
            skip(name, QStringLiteral("no dialog appeared"));
            next();
            return;
        }
        after(kSettleMs, [this, name, dialog = QPointer<QWidget>(dialog)] {
            if (dialog) {
                save(dialog, name);
                if (auto *d = qobject_cast<QDialog *>(dialog.data()))
                    d->reject();
                else
                    dialog->close();
            }
            after(500, [this] { next(); });
        });
    };
    QTimer::singleShot(0, action, &QAction::trigger);
    after(300, *look);
}

void ScreenshotTour::sceneDark()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    appearance::applyTheme(appearance::Theme::Dark); // as Preferences ▸ Theme ▸ Dark
    // Another article first, so that opening the English one loads its page in the dark theme.
    selectAllArticles();
    after(kSettleMs, [this] {
        if (!openArticle(true, nullptr) && !openArticle(false, nullptr)) {
            save(m_window, QStringLiteral("dark-theme"));
            next();
            return;
        }
        after(kSettleMs, [this] {
            if (!openArticle(false, nullptr)) {
                save(m_window, QStringLiteral("dark-theme"));
                next();
                return;
            }
            whenArticleShown([this] {
                save(m_window, QStringLiteral("dark-theme"));
                next();
            });
        });
    });
}

} // namespace bs
