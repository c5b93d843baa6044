#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace bs
{

class Database;
class ReaderView;
class SyncService;

// Preferences. The sync interval and retention days are database settings (SettingsStore,
// read by the sync worker) and are written through SyncService::setSetting; the rest are the
// app's preferences file (Preferences.h). Theme, text size and remote content apply at once
// (and are put back on Cancel); everything is saved on OK.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(Database &reader, SyncService *sync, ReaderView *readerView,
                   QWidget *parent = nullptr);

    void accept() override;
    void reject() override;

    // For tests.
    QSpinBox *syncInterval() const { return m_syncInterval; }
    QComboBox *retentionMode() const { return m_retentionMode; }
    QSpinBox *retentionDays() const { return m_retentionDays; }
    QComboBox *fullTextDefault() const { return m_fullText; }
    QCheckBox *remoteContent() const { return m_remote; }
    QComboBox *theme() const { return m_theme; }
    QSpinBox *fontSize() const { return m_fontSize; }
    QComboBox *markReadMode() const { return m_markReadMode; }
    QSpinBox *markReadDelay() const { return m_markReadDelay; }
    QCheckBox *notifications() const { return m_notifications; }
    QCheckBox *trayIcon() const { return m_tray; }
    QCheckBox *startMinimized() const { return m_startMinimized; }

    enum MarkReadMode { MarkAtOnce = 0, MarkAfterDelay = 1, MarkNever = 2 };
    enum RetentionMode { RetentionDays = 0, RetentionForever = 1 };

private:
    void applyLive(); // theme, text size, remote content, without saving
    void applyStored();

    Database &m_reader;
    SyncService *m_sync;
    ReaderView *m_readerView;
    qint64 m_storedInterval = 60;
    qint64 m_storedRetention = 90;
    QString m_storedTheme;
    int m_storedFontSize = 100;
    bool m_storedRemote = false;

    QSpinBox *m_syncInterval;
    QComboBox *m_retentionMode;
    QSpinBox *m_retentionDays;
    QComboBox *m_fullText;
    QCheckBox *m_remote;
    QComboBox *m_theme;
    QSpinBox *m_fontSize;
    QComboBox *m_markReadMode;
    QSpinBox *m_markReadDelay;
    QCheckBox *m_notifications;
    QCheckBox *m_tray;
    QCheckBox *m_startMinimized;
};

} // namespace bs
