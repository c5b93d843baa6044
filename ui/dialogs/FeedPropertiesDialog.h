#pragma once

#include "model/Feed.h"
#include "pages/PageLists.h"

#include <QDialog>
#include <QTimer>
#include <QUrl>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace bs
{

class SyncService;

// A feed's properties: address, title (empty: the feed's own), update interval (the default or
// a fixed one), full-article download (off / on / automatic), how long its articles are kept
// (the default, a number of days, or forever), and its fetch state read-only (last fetch, next
// fetch, last error). editedFeed() is what SyncService::updateFeed takes.
//
// A page feed also shows its list's CSS selector, editable, with a live preview: 300 ms after
// the selector (or the address) changes, SyncService::previewSelector reads the page on the
// worker and the dialog lists how many stories the selector matches and the first of them, or
// why it matches none. A selector that is not valid is said at once and disables OK.
class FeedPropertiesDialog : public QDialog
{
    Q_OBJECT
public:
    // sync: for a page feed's preview (none without it).
    explicit FeedPropertiesDialog(const Feed &feed, SyncService *sync = nullptr,
                                  QWidget *parent = nullptr);

    Feed editedFeed() const;

    // For tests.
    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *titleEdit() const { return m_title; }
    QCheckBox *defaultInterval() const { return m_defaultInterval; }
    QSpinBox *intervalMinutes() const { return m_interval; }
    QComboBox *fullText() const { return m_fullText; }
    QComboBox *retentionMode() const { return m_retentionMode; }
    QSpinBox *retentionDays() const { return m_retentionDays; }
    QLabel *lastErrorLabel() const { return m_lastError; }
    QLabel *lastFetchLabel() const { return m_lastFetch; }
    QLineEdit *selectorEdit() const { return m_selector; }      // page feeds only
    QLabel *selectorStatus() const { return m_selectorStatus; } // page feeds only
    QListWidget *selectorPreview() const { return m_preview; }  // page feeds only
    QPushButton *okButton() const { return m_ok; }

    enum RetentionMode { RetentionDefault = 0, RetentionDays = 1, RetentionForever = 2 };

private:
    void addPageRows(QFormLayout *form);
    void selectorEdited();
    void requestPreview();
    void showPreview(const QUrl &url, const QString &selector, const PageListsResult &result);
    void setStatus(const QString &text, bool error);

    Feed m_feed;
    SyncService *m_sync;
    QLineEdit *m_url;
    QLineEdit *m_title;
    QCheckBox *m_defaultInterval;
    QSpinBox *m_interval;
    QComboBox *m_fullText;
    QComboBox *m_retentionMode;
    QSpinBox *m_retentionDays;
    QLabel *m_lastFetch;
    QLabel *m_nextFetch;
    QLabel *m_lastError;
    QPushButton *m_ok = nullptr;
    QLineEdit *m_selector = nullptr;
    QLabel *m_selectorStatus = nullptr;
    QListWidget *m_preview = nullptr;
    QTimer m_previewTimer;
    QUrl m_previewUrl; // the preview asked for last
    QString m_previewSelector;
};

} // namespace bs
