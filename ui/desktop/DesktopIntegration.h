#pragma once

#include <QIcon>
#include <QObject>
#include <QPointer>
#include <QSystemTrayIcon>
#include <QTimer>

class QAction;
class QMenu;

namespace bs
{

class Database;
class MainWindow;
class NewArticleBatcher;
class SyncService;

// The main window's life on the desktop: the tray icon (unread count in its tooltip and drawn
// on the icon; menu Show/Hide, Sync Now, Quit; a click toggles the window), closing to the
// tray, starting minimized to the tray, one batched notification per sync pass that added
// articles, and the window's geometry and splitters saved when it closes or the app quits.
// Preferences: prefs::kTrayIcon, kStartMinimized, kNotifications (read when used).
class DesktopIntegration : public QObject
{
    Q_OBJECT
public:
    struct Options {
        // Whether the desktop has a system tray (QSystemTrayIcon::isSystemTrayAvailable()).
        bool trayAvailable = false;
    };

    // `reader` is the GUI's read-only connection (feed titles for notifications).
    DesktopIntegration(MainWindow *window, Database &reader, SyncService *sync, Options options,
                       QObject *parent = nullptr);
    ~DesktopIntegration() override;

    // Restores the saved window state and shows the window, or leaves it in the tray when
    // starting minimized is on and the tray is there.
    void start();

    // The tray icon, or nullptr when there is no tray or it is turned off.
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    QMenu *trayMenu() const { return m_menu; }
    QAction *showHideAction() const { return m_showHide; }
    NewArticleBatcher *batcher() const { return m_batcher; }
    // The "All articles" unread count the tray shows.
    qint64 unreadTotal() const { return m_unread; }

    // Brings the window up and to the front (another start of the app asked for it).
    void raiseWindow();
    void toggleWindow();
    void quit();

    // `base` with the count drawn in a badge at its lower right (no badge for 0).
    static QIcon badgedIcon(const QIcon &base, qint64 count);
    // The badge's text: the count up to 99, then "99+".
    static QString badgeText(qint64 count);

signals:
    // A notification was shown (title, message); for the log and for tests.
    void notificationShown(const QString &title, const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createTray();
    void updateUnread();
    void updateShowHideText();
    void notify(int articles, int feeds, const QStringList &named);
    void saveWindowState();

    QPointer<MainWindow> m_window;
    SyncService *m_sync;
    Options m_options;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_showHide = nullptr;
    NewArticleBatcher *m_batcher;
    QIcon m_baseIcon;
    qint64 m_unread = -1;
    bool m_quitting = false;
    QTimer m_unreadTimer;
};

} // namespace bs
