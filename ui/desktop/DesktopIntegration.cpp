#include "desktop/DesktopIntegration.h"

#include "Icons.h"
#include "MainWindow.h"
#include "Preferences.h"
#include "desktop/NewArticleBatcher.h"
#include "desktop/WindowState.h"
#include "models/FeedTreeModel.h"
#include "store/FeedStore.h"
#include "sync/SyncService.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFontMetricsF>
#include <QMenu>
#include <QPainter>

namespace bs
{

namespace
{

bool boolPref(const char *key, bool fallback)
{
    return prefs::open()->value(QLatin1String(key), fallback).toBool();
}

// The "All articles" row's count, else the sum of the feed rows.
qint64 unreadIn(const QAbstractItemModel &model, const QModelIndex &parent, bool *foundAll)
{
    qint64 sum = 0;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        const auto kind = index.data(FeedTreeModel::ViewKindRole).value<FeedTreeModel::ViewKind>();
        if (!parent.isValid() && kind == FeedTreeModel::ViewKind::All &&
            index.data(FeedTreeModel::UnreadRole).isValid()) {
            *foundAll = true;
            return index.data(FeedTreeModel::UnreadRole).toLongLong();
        }
        if (kind == FeedTreeModel::ViewKind::Feed)
            sum += index.data(FeedTreeModel::UnreadRole).toLongLong();
        else if (kind == FeedTreeModel::ViewKind::Folder)
            sum += unreadIn(model, index, foundAll);
    }
    return sum;
}

} // namespace

DesktopIntegration::DesktopIntegration(MainWindow *window, Database &reader, SyncService *sync,
                                       Options options, QObject *parent)
    : QObject(parent), m_window(window), m_sync(sync), m_options(options),
      m_batcher(new NewArticleBatcher(
          [&reader](qint64 feedId) {
              const auto feed = FeedStore(reader).feed(feedId);
              return feed ? (feed->title.isEmpty() ? feed->url.toString() : feed->title)
                          : QString();
          },
          this)),
      m_baseIcon(bundledIcon(QStringLiteral("tray")))
{
    window->installEventFilter(this);
    if (m_sync) {
        connect(m_sync, &SyncService::feedSynced, m_batcher,
                [this](qint64 feedId, const QList<qint64> &added) {
                    m_batcher->feedSynced(feedId, added);
                });
        connect(m_sync, &SyncService::finished, m_batcher, &NewArticleBatcher::finished);
        connect(m_sync, &SyncService::failed, m_batcher, &NewArticleBatcher::finished);
    }
    connect(m_batcher, &NewArticleBatcher::batchReady, this, &DesktopIntegration::notify);

    // The unread count follows the feed tree (which re-reads counts as feeds sync).
    m_unreadTimer.setSingleShot(true);
    m_unreadTimer.setInterval(0);
    connect(&m_unreadTimer, &QTimer::timeout, this, &DesktopIntegration::updateUnread);
    QAbstractItemModel *model = window->feedModel();
    connect(model, &QAbstractItemModel::modelReset, &m_unreadTimer, qOverload<>(&QTimer::start));
    connect(model, &QAbstractItemModel::layoutChanged, &m_unreadTimer, qOverload<>(&QTimer::start));
    connect(model, &QAbstractItemModel::dataChanged, &m_unreadTimer, qOverload<>(&QTimer::start));
    connect(model, &QAbstractItemModel::rowsInserted, &m_unreadTimer, qOverload<>(&QTimer::start));
    connect(model, &QAbstractItemModel::rowsRemoved, &m_unreadTimer, qOverload<>(&QTimer::start));
    connect(qApp, &QCoreApplication::aboutToQuit, this, [this] {
        m_quitting = true;
        saveWindowState();
    });

    if (m_options.trayAvailable && boolPref(prefs::kTrayIcon, true))
        createTray();
    updateUnread();
}

DesktopIntegration::~DesktopIntegration() = default;

void DesktopIntegration::createTray()
{
    m_tray = new QSystemTrayIcon(m_baseIcon, this);
    m_menu = new QMenu(m_window);
    m_showHide = m_menu->addAction(tr("&Hide Broadsheet"), this, &DesktopIntegration::toggleWindow);
    m_menu->addSeparator();
    if (QAction *sync = m_window->syncAction())
        m_menu->addAction(sync);
    m_menu->addSeparator();
    m_menu->addAction(tr("&Quit"), this, &DesktopIntegration::quit);
    m_tray->setContextMenu(m_menu);
    connect(m_menu, &QMenu::aboutToShow, this, &DesktopIntegration::updateShowHideText);
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger)
                    toggleWindow();
            });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &DesktopIntegration::raiseWindow);
    updateShowHideText();
    m_tray->show();
}

void DesktopIntegration::start()
{
    WindowState::restore(*m_window, *prefs::open());
    if (m_tray) {
        // Hidden in the tray, the app keeps running; it ends by Quit (or closing the window
        // from the program, e.g. File > Quit).
        QApplication::setQuitOnLastWindowClosed(false);
        if (boolPref(prefs::kStartMinimized, false)) {
            updateShowHideText();
            return;
        }
    }
    m_window->show();
    updateShowHideText();
}

void DesktopIntegration::raiseWindow()
{
    if (!m_window)
        return;
    if (m_window->isMinimized())
        m_window->showNormal();
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    updateShowHideText();
}

void DesktopIntegration::toggleWindow()
{
    if (!m_window)
        return;
    if (m_window->isVisible() && !m_window->isMinimized()) {
        saveWindowState();
        m_window->hide();
        updateShowHideText();
    } else {
        raiseWindow();
    }
}

void DesktopIntegration::quit()
{
    m_quitting = true;
    saveWindowState();
    QCoreApplication::quit();
}

void DesktopIntegration::updateShowHideText()
{
    if (m_showHide && m_window)
        m_showHide->setText(m_window->isVisible() ? tr("&Hide Broadsheet")
                                                  : tr("&Show Broadsheet"));
}

void DesktopIntegration::updateUnread()
{
    if (!m_window)
        return;
    bool foundAll = false;
    const qint64 count = unreadIn(*m_window->feedModel(), {}, &foundAll);
    if (count == m_unread)
        return;
    m_unread = count;
    if (!m_tray)
        return;
    m_tray->setIcon(badgedIcon(m_baseIcon, count));
    m_tray->setToolTip(count > 0 ? tr("Broadsheet: %n unread article(s)", nullptr, int(count))
                                 : tr("Broadsheet: no unread articles"));
}

void DesktopIntegration::notify(int articles, int feeds, const QStringList &named)
{
    if (!boolPref(prefs::kNotifications, true))
        return;
    if (m_window && m_window->isActiveWindow())
        return; // the person is looking at the list already
    if (!m_tray || !m_tray->isVisible())
        return; // nowhere to show it
    const QString title = tr("New articles");
    const QString message = NewArticleBatcher::message(articles, feeds, named);
    m_tray->showMessage(title, message, m_baseIcon, 10000);
    emit notificationShown(title, message);
}

void DesktopIntegration::saveWindowState()
{
    if (m_window)
        WindowState::save(*m_window, *prefs::open());
}

bool DesktopIntegration::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_window)
        return QObject::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::Close: {
        auto *close = static_cast<QCloseEvent *>(event);
        // The window manager's close button hides to the tray; a close from the program
        // (File > Quit) and quitting end the app.
        if (!m_quitting && m_tray && m_tray->isVisible() && close->spontaneous()) {
            close->ignore();
            saveWindowState();
            m_window->hide();
            updateShowHideText();
            auto settings = prefs::open();
            if (!settings->value(QLatin1String(prefs::kTrayHintShown), false).toBool()) {
                settings->setValue(QLatin1String(prefs::kTrayHintShown), true);
                const QString title = tr("Broadsheet is still running");
                const QString message = tr("Broadsheet keeps syncing in the system tray. Click "
                                           "the tray icon to bring the window back, or choose "
                                           "Quit from its menu.");
                m_tray->showMessage(title, message, m_baseIcon, 10000);
                emit notificationShown(title, message);
            }
            return true;
        }
        saveWindowState();
        if (!m_quitting && !QApplication::quitOnLastWindowClosed())
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        break;
    }
    case QEvent::Show:
    case QEvent::Hide:
        updateShowHideText();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

QString DesktopIntegration::badgeText(qint64 count)
{
    return count > 99 ? QStringLiteral("99+") : QString::number(count);
}

QIcon DesktopIntegration::badgedIcon(const QIcon &base, qint64 count)
{
    if (count <= 0)
        return base;
    const QString text = badgeText(count);
    QIcon result;
    for (int size : {16, 22, 24, 32, 48, 64}) {
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        const QPixmap pixmap = base.pixmap(QSize(size, size), 1.0);
        if (!pixmap.isNull())
            painter.drawPixmap(QRect(0, 0, size, size), pixmap);
        QFont font = QGuiApplication::font();
        font.setBold(true);
        font.setPixelSize(std::max(7, int(size * (text.size() > 2 ? 0.36 : 0.46))));
        const QFontMetricsF metrics(font);
        const qreal height = std::min<qreal>(size, metrics.height() + size * 0.06);
        const qreal width =
            std::min<qreal>(size, std::max(height, metrics.horizontalAdvance(text) + size * 0.16));
        const QRectF badge(size - width, size - height, width, height);
        painter.setPen(QPen(QColor(255, 255, 255), std::max(1.0, size / 24.0)));
        painter.setBrush(QColor(0x15, 0x65, 0xc0));
        painter.drawRoundedRect(badge.adjusted(0.5, 0.5, -0.5, -0.5), height / 2, height / 2);
        painter.setPen(Qt::white);
        painter.setFont(font);
        painter.drawText(badge, Qt::AlignCenter, text);
        painter.end();
        result.addPixmap(QPixmap::fromImage(image));
    }
    return result;
}

} // namespace bs
