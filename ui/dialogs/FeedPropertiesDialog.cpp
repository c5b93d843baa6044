#include "FeedPropertiesDialog.h"

#include "sync/SyncService.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
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

constexpr int kPreviewDelayMs = 300;
constexpr int kPreviewItems = 8;

} // namespace

FeedPropertiesDialog::FeedPropertiesDialog(const Feed &feed, SyncService *sync, QWidget *parent)
    : QDialog(parent), m_feed(feed), m_sync(sync), m_url(new QLineEdit(feed.url.toString())),
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
    if (feed.kind == FeedKind::Page)
        addPageRows(form);
    form->addRow(tr("Update every:"), interval);
    form->addRow(tr("Full &articles:"), m_fullText);
    form->addRow(tr("Retention:"), retention);
    form->addRow(QString(), retentionNote);
    form->addRow(tr("Last fetch:"), m_lastFetch);
    form->addRow(tr("Next fetch:"), m_nextFetch);
    form->addRow(tr("Last error:"), m_lastError);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    if (m_selector)
        selectorEdited(); // checks it, and previews it at once
}

void FeedPropertiesDialog::addPageRows(QFormLayout *form)
{
    m_selector = new QLineEdit(m_feed.pageSelector);
    m_selector->setObjectName(QStringLiteral("pageSelector"));
    m_selector->setToolTip(tr("A CSS selector matching one element per story on the page "
                              "(tags, .class, #id, [attribute], :nth-of-type(), ' ' and '>')"));
    m_selectorStatus = new QLabel;
    m_selectorStatus->setTextFormat(Qt::PlainText);
    m_selectorStatus->setWordWrap(true);
    m_preview = new QListWidget;
    m_preview->setObjectName(QStringLiteral("selectorPreview"));
    m_preview->setSelectionMode(QAbstractItemView::NoSelection);
    m_preview->setFocusPolicy(Qt::NoFocus);
    m_preview->setTextElideMode(Qt::ElideRight);
    m_preview->setFixedHeight(m_preview->fontMetrics().height() * 7);
    auto *note = new QLabel(tr("A page feed: Broadsheet reads this web page at every update and "
                               "turns the stories of one of its lists into articles."));
    note->setWordWrap(true);
    note->setEnabled(false);
    form->addRow(QString(), note);
    form->addRow(tr("&List of stories:"), m_selector);
    form->addRow(QString(), m_selectorStatus);
    form->addRow(QString(), m_preview);

    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(kPreviewDelayMs);
    connect(&m_previewTimer, &QTimer::timeout, this, &FeedPropertiesDialog::requestPreview);
    connect(m_selector, &QLineEdit::textChanged, this, &FeedPropertiesDialog::selectorEdited);
    connect(m_url, &QLineEdit::textChanged, this, &FeedPropertiesDialog::selectorEdited);
    if (m_sync)
        connect(m_sync, &SyncService::selectorPreview, this, &FeedPropertiesDialog::showPreview);
}

void FeedPropertiesDialog::selectorEdited()
{
    m_previewTimer.stop();
    m_previewUrl.clear();
    m_previewSelector.clear();
    const QString bad = pageSelectorError(m_selector->text().trimmed());
    m_ok->setEnabled(bad.isEmpty());
    m_preview->clear();
    if (!bad.isEmpty()) {
        setStatus(bad, true); // the reason says it is not a valid selector
        return;
    }
    if (!m_sync) {
        setStatus(QString(), false);
        return;
    }
    setStatus(tr("Reading the page…"), false);
    m_previewTimer.start();
}

void FeedPropertiesDialog::requestPreview()
{
    m_previewUrl = QUrl::fromUserInput(m_url->text().trimmed());
    m_previewSelector = m_selector->text().trimmed();
    m_sync->previewSelector(m_previewUrl, m_previewSelector);
}

void FeedPropertiesDialog::showPreview(const QUrl &url, const QString &selector,
                                       const PageListsResult &result)
{
    if (url != m_previewUrl || selector != m_previewSelector)
        return; // an answer for an older selector, or for another dialog
    m_preview->clear();
    if (!result.ok() || result.lists.isEmpty() || result.lists.first().items.isEmpty()) {
        setStatus(result.error.isEmpty() ? tr("The selector matches no story on the page.")
                                         : result.error,
                  true);
        return;
    }
    const PageList &list = result.lists.first();
    setStatus(
        tr("The selector matches %n stories on the page. The first:", "", int(list.items.size())),
        false);
    for (int i = 0; i < list.items.size() && i < kPreviewItems; ++i) {
        const PageListItem &story = list.items.at(i);
        QString text = story.title.isEmpty() ? story.url.toDisplayString() : story.title;
        if (story.published.isValid())
            text += QStringLiteral("  (%1)").arg(when(story.published, QString()));
        auto *item = new QListWidgetItem(text, m_preview);
        item->setToolTip(story.url.toDisplayString());
    }
}

void FeedPropertiesDialog::setStatus(const QString &text, bool error)
{
    m_selectorStatus->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
    m_selectorStatus->setText(text);
}

Feed FeedPropertiesDialog::editedFeed() const
{
    Feed feed = m_feed;
    feed.url = QUrl::fromUserInput(m_url->text().trimmed());
    feed.title = m_title->text().trimmed();
    feed.fetchIntervalSecs = m_defaultInterval->isChecked() ? 0 : m_interval->value() * 60;
    feed.fullText = static_cast<FullTextMode>(m_fullText->currentData().toInt());
    if (m_selector)
        feed.pageSelector = m_selector->text().trimmed();
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
