#pragma once

#include "model/Feed.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace bs
{

// A feed's properties: address, title (empty: the feed's own), update interval (the default or
// a fixed one), full-article download (off / on / automatic), how long its articles are kept
// (the default, a number of days, or forever), and its fetch state read-only (last fetch, next
// fetch, last error). editedFeed() is what SyncService::updateFeed takes.
class FeedPropertiesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit FeedPropertiesDialog(const Feed &feed, QWidget *parent = nullptr);

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

    enum RetentionMode { RetentionDefault = 0, RetentionDays = 1, RetentionForever = 2 };

private:
    Feed m_feed;
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
};

} // namespace bs
