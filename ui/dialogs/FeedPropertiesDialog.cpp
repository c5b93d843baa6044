#include "FeedPropertiesDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>

namespace bs
{

namespace
{

QString when(const QDateTime &time, const QString &never)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : never;
}

} // namespace

FeedPropertiesDialog::FeedPropertiesDialog(const Feed &feed, QWidget *parent)
    : QDialog(parent), m_feed(feed), m_url(new QLineEdit(feed.url.toString())),
      m_title(new QLineEdit(feed.title)), m_defaultInterval(new QCheckBox(tr("Default"))),
      m_interval(new QSpinBox), m_fullText(new QComboBox), m_retentionMode(new QComboBox),
      m_retentionDays(new QSpinBox), m_lastFetch(new QLabel), m_nextFetch(new QLabel),
      m_lastError(new QLabel)
{
    setWindowTitle(tr("Feed Properties"));
    setMinimumWidth(480);

    m_title->setPlaceholderText(tr("The feed's own title"));
    m_title->setClearButtonEnabled(true);

    m_interval->setRange(10, 24 * 60);
    m_interval->setSuffix(tr(" min"));
    m_interval->setValue(feed.fetchIntervalSecs > 0 ? std::max(10, feed.fetchIntervalSecs / 60)
                                                    : 60);
    m_defaultInterval->setToolTip(
        tr("The default interval (Preferences), adapted to how often the feed posts"));
    m_defaultInterval->setChecked(feed.fetchIntervalSecs <= 0);
    m_interval->setEnabled(feed.fetchIntervalSecs > 0);
    connect(m_defaultInterval, &QCheckBox::toggled, m_interval,
            [this](bool on) { m_interval->setEnabled(!on); });
    auto *interval = new QHBoxLayout;
    interval->addWidget(m_defaultInterval);
    interval->addWidget(m_interval, 1);

    m_fullText->addItem(tr("Off: the feed's text only"), int(FullTextMode::Off));
    m_fullText->addItem(tr("On: download every article's page"), int(FullTextMode::On));
    m_fullText->addItem(tr("Automatic: when the feed has only summaries"),
                        int(FullTextMode::Automatic));
    m_fullText->setCurrentIndex(m_fullText->findData(int(feed.fullText)));

    m_retentionMode->addItem(tr("Default"), int(RetentionDefault));
    m_retentionMode->addItem(tr("Keep for"), int(RetentionDays));
    m_retentionMode->addItem(tr("Keep forever"), int(RetentionForever));
    m_retentionDays->setRange(1, 36500);
    m_retentionDays->setSuffix(tr(" days"));
    m_retentionDays->setValue(feed.retentionDays > 0 ? feed.retentionDays : 90);
    m_retentionMode->setCurrentIndex(feed.retentionDays > 0   ? RetentionDays
                                     : feed.retentionDays < 0 ? RetentionForever
                                                              : RetentionDefault);
    m_retentionDays->setEnabled(feed.retentionDays > 0);
    connect(m_retentionMode, &QComboBox::currentIndexChanged, m_retentionDays,
            [this](int index) { m_retentionDays->setEnabled(index == RetentionDays); });
    auto *retention = new QHBoxLayout;
    retention->addWidget(m_retentionMode);
    retention->addWidget(m_retentionDays, 1);
    auto *retentionNote = new QLabel(tr("Starred, labelled and noted articles are always kept."));
    retentionNote->setWordWrap(true);
    retentionNote->setEnabled(false);

    m_lastFetch->setText(when(feed.lastFetch, tr("Never")));
    m_nextFetch->setText(when(feed.nextFetch, tr("At the next check")));
    m_lastError->setTextFormat(Qt::PlainText);
    m_lastError->setWordWrap(true);
    m_lastError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_lastError->setText(
        feed.lastError.isEmpty()
            ? tr("None")
            : tr("%1 (%2)").arg(feed.lastError, when(feed.lastErrorAt, tr("unknown time"))));

    auto *form = new QFormLayout;
    form->addRow(tr("&Address:"), m_url);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("Update every:"), interval);
    form->addRow(tr("Full &articles:"), m_fullText);
    form->addRow(tr("Retention:"), retention);
    form->addRow(QString(), retentionNote);
    form->addRow(tr("Last fetch:"), m_lastFetch);
    form->addRow(tr("Next fetch:"), m_nextFetch);
    form->addRow(tr("Last error:"), m_lastError);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

Feed FeedPropertiesDialog::editedFeed() const
{
    Feed feed = m_feed;
    feed.url = QUrl::fromUserInput(m_url->text().trimmed());
    feed.title = m_title->text().trimmed();
    feed.fetchIntervalSecs = m_defaultInterval->isChecked() ? 0 : m_interval->value() * 60;
    feed.fullText = static_cast<FullTextMode>(m_fullText->currentData().toInt());
    switch (m_retentionMode->currentIndex()) {
    case RetentionDays:
        feed.retentionDays = m_retentionDays->value();
        break;
    case RetentionForever:
        feed.retentionDays = -1;
        break;
    default:
        feed.retentionDays = 0;
        break;
    }
    return feed;
}

} // namespace bs
