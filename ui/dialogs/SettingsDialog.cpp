#include "SettingsDialog.h"

#include "Appearance.h"
#include "Preferences.h"
#include "reader/ReaderView.h"
#include "store/SettingsStore.h"
#include "sync/SyncService.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace bs
{

SettingsDialog::SettingsDialog(Database &reader, SyncService *sync, ReaderView *readerView,
                               QWidget *parent)
    : QDialog(parent), m_reader(reader), m_sync(sync), m_readerView(readerView),
      m_syncInterval(new QSpinBox), m_retentionMode(new QComboBox), m_retentionDays(new QSpinBox),
      m_fullText(new QComboBox),
      m_remote(new QCheckBox(tr("Load remote images and media in articles"))),
      m_theme(new QComboBox), m_fontSize(new QSpinBox), m_markReadMode(new QComboBox),
      m_markReadDelay(new QSpinBox),
      m_notifications(new QCheckBox(tr("Notify me of new articles"))),
      m_tray(new QCheckBox(tr("Show an icon in the system tray"))),
      m_startMinimized(new QCheckBox(tr("Start minimized to the tray")))
{
    setWindowTitle(tr("Preferences"));
    setMinimumWidth(460);

    SettingsStore settings(reader);
    m_storedInterval = settings.number(QLatin1String(SettingsStore::kSyncIntervalMinutes), 60);
    m_storedRetention = settings.number(QLatin1String(SettingsStore::kRetentionDays), 90);
    const auto prefs = prefs::open();
    m_storedTheme = prefs->value(QLatin1String(prefs::kTheme), QStringLiteral("system")).toString();
    m_storedFontSize =
        prefs->value(QLatin1String(prefs::kFontSize), prefs::kFontSizeDefault).toInt();
    m_storedRemote = prefs->value(QLatin1String(prefs::kRemoteContent), false).toBool();

    // Syncing and storage (database settings).
    m_syncInterval->setRange(10, 24 * 60);
    m_syncInterval->setSuffix(tr(" min"));
    m_syncInterval->setValue(int(std::clamp<qint64>(m_storedInterval, 10, 24 * 60)));
    m_syncInterval->setToolTip(tr("How often feeds are checked, unless a feed has its own "
                                  "interval; adapted to how often each feed posts"));
    m_retentionMode->addItem(tr("Keep for"), int(RetentionDays));
    m_retentionMode->addItem(tr("Keep forever"), int(RetentionForever));
    m_retentionDays->setRange(1, 36500);
    m_retentionDays->setSuffix(tr(" days"));
    m_retentionDays->setValue(m_storedRetention > 0 ? int(m_storedRetention) : 90);
    m_retentionMode->setCurrentIndex(m_storedRetention > 0 ? RetentionDays : RetentionForever);
    m_retentionDays->setEnabled(m_storedRetention > 0);
    connect(m_retentionMode, &QComboBox::currentIndexChanged, m_retentionDays,
            [this](int index) { m_retentionDays->setEnabled(index == RetentionDays); });
    auto *retention = new QHBoxLayout;
    retention->addWidget(m_retentionMode);
    retention->addWidget(m_retentionDays, 1);
    m_fullText->addItem(tr("Automatic: when the feed has only summaries"), QStringLiteral("auto"));
    m_fullText->addItem(tr("On: download every article's page"), QStringLiteral("on"));
    m_fullText->addItem(tr("Off: the feed's text only"), QStringLiteral("off"));
    m_fullText->setCurrentIndex(
        std::max(0, m_fullText->findData(prefs->value(QLatin1String(prefs::kFullTextDefault),
                                                      QStringLiteral("auto")))));
    auto *feeds = new QGroupBox(tr("Feeds"));
    auto *feedsForm = new QFormLayout(feeds);
    feedsForm->addRow(tr("&Check feeds every:"), m_syncInterval);
    feedsForm->addRow(tr("Read articles:"), retention);
    feedsForm->addRow(tr("&Full articles for new feeds:"), m_fullText);

    // Reading.
    m_theme->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(m_storedTheme)));
    m_fontSize->setRange(50, 250);
    m_fontSize->setSingleStep(10);
    m_fontSize->setSuffix(tr(" %"));
    m_fontSize->setValue(m_storedFontSize);
    m_remote->setChecked(m_storedRemote);
    m_remote->setToolTip(tr("Off: only what the offline cache holds is shown"));
    const int delay =
        prefs->value(QLatin1String(prefs::kMarkReadDelayMs), prefs::kMarkReadDelayMsDefault)
            .toInt();
    m_markReadMode->addItem(tr("At once"), int(MarkAtOnce));
    m_markReadMode->addItem(tr("After"), int(MarkAfterDelay));
    m_markReadMode->addItem(tr("Never"), int(MarkNever));
    m_markReadMode->setCurrentIndex(delay < 0    ? MarkNever
                                    : delay == 0 ? MarkAtOnce
                                                 : MarkAfterDelay);
    m_markReadDelay->setRange(100, 60000);
    m_markReadDelay->setSingleStep(500);
    m_markReadDelay->setSuffix(tr(" ms"));
    m_markReadDelay->setValue(delay > 0 ? delay : 1500);
    m_markReadDelay->setEnabled(delay > 0);
    connect(m_markReadMode, &QComboBox::currentIndexChanged, m_markReadDelay,
            [this](int index) { m_markReadDelay->setEnabled(index == MarkAfterDelay); });
    auto *markRead = new QHBoxLayout;
    markRead->addWidget(m_markReadMode);
    markRead->addWidget(m_markReadDelay, 1);
    auto *reading = new QGroupBox(tr("Reading"));
    auto *readingForm = new QFormLayout(reading);
    readingForm->addRow(tr("&Theme:"), m_theme);
    readingForm->addRow(tr("Article &text size:"), m_fontSize);
    readingForm->addRow(QString(), m_remote);
    readingForm->addRow(tr("Mark as read when selected:"), markRead);

    // Desktop.
    m_notifications->setChecked(prefs->value(QLatin1String(prefs::kNotifications), true).toBool());
    m_tray->setChecked(prefs->value(QLatin1String(prefs::kTrayIcon), true).toBool());
    m_startMinimized->setChecked(
        prefs->value(QLatin1String(prefs::kStartMinimized), false).toBool());
    m_startMinimized->setEnabled(m_tray->isChecked());
    connect(m_tray, &QCheckBox::toggled, m_startMinimized, &QWidget::setEnabled);
    auto *desktop = new QGroupBox(tr("Desktop"));
    auto *desktopLayout = new QVBoxLayout(desktop);
    desktopLayout->addWidget(m_notifications);
    desktopLayout->addWidget(m_tray);
    desktopLayout->addWidget(m_startMinimized);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(feeds);
    layout->addWidget(reading);
    layout->addWidget(desktop);
    layout->addWidget(buttons);

    // What shows at once.
    connect(m_theme, &QComboBox::currentIndexChanged, this, &SettingsDialog::applyLive);
    connect(m_fontSize, &QSpinBox::valueChanged, this, &SettingsDialog::applyLive);
    connect(m_remote, &QCheckBox::toggled, this, &SettingsDialog::applyLive);
}

void SettingsDialog::applyLive()
{
    appearance::applyTheme(appearance::themeFromString(m_theme->currentData().toString()));
    if (!m_readerView)
        return;
    m_readerView->setTheme(ReaderView::Theme::FollowPalette);
    m_readerView->setFontSize(appearance::readerFontPx(m_fontSize->value()));
    m_readerView->setAllowRemoteImages(m_remote->isChecked());
}

void SettingsDialog::applyStored()
{
    appearance::applyTheme(appearance::themeFromString(m_storedTheme));
    if (!m_readerView)
        return;
    m_readerView->setFontSize(appearance::readerFontPx(m_storedFontSize));
    m_readerView->setAllowRemoteImages(m_storedRemote);
}

void SettingsDialog::accept()
{
    auto prefs = prefs::open();
    prefs->setValue(QLatin1String(prefs::kTheme), m_theme->currentData().toString());
    prefs->setValue(QLatin1String(prefs::kFontSize), m_fontSize->value());
    prefs->setValue(QLatin1String(prefs::kRemoteContent), m_remote->isChecked());
    prefs->setValue(QLatin1String(prefs::kFullTextDefault), m_fullText->currentData().toString());
    const int mode = m_markReadMode->currentIndex();
    prefs->setValue(QLatin1String(prefs::kMarkReadDelayMs), mode == MarkNever ? -1
                                                            : mode == MarkAtOnce
                                                                ? 0
                                                                : m_markReadDelay->value());
    prefs->setValue(QLatin1String(prefs::kNotifications), m_notifications->isChecked());
    prefs->setValue(QLatin1String(prefs::kTrayIcon), m_tray->isChecked());
    prefs->setValue(QLatin1String(prefs::kStartMinimized),
                    m_tray->isChecked() && m_startMinimized->isChecked());
    prefs->sync();

    const qint64 interval = m_syncInterval->value();
    const qint64 retention =
        m_retentionMode->currentIndex() == RetentionForever ? -1 : m_retentionDays->value();
    if (m_sync) {
        if (interval != m_storedInterval)
            m_sync->setSetting(QLatin1String(SettingsStore::kSyncIntervalMinutes),
                               QString::number(interval));
        if (retention != m_storedRetention && !(retention < 0 && m_storedRetention <= 0))
            m_sync->setSetting(QLatin1String(SettingsStore::kRetentionDays),
                               QString::number(retention));
    }
    applyLive();
    QDialog::accept();
}

void SettingsDialog::reject()
{
    applyStored();
    QDialog::reject();
}

} // namespace bs
