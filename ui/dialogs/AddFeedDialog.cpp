#include "AddFeedDialog.h"

#include "FolderChoice.h"
#include "Preferences.h"
#include "sync/SyncService.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace bs
{

namespace
{

FullTextMode fullTextDefault()
{
    const QString mode = prefs::open()
                             ->value(QLatin1String(prefs::kFullTextDefault), QStringLiteral("auto"))
                             .toString();
    if (mode == QLatin1String("on"))
        return FullTextMode::On;
    if (mode == QLatin1String("off"))
        return FullTextMode::Off;
    return FullTextMode::Automatic;
}

QString typeName(const QString &type)
{
    if (type == QLatin1String("atom"))
        return QStringLiteral("Atom");
    if (type == QLatin1String("json"))
        return QStringLiteral("JSON Feed");
    if (type == QLatin1String("rss"))
        return QStringLiteral("RSS");
    return type;
}

} // namespace

AddFeedDialog::AddFeedDialog(SyncService &sync, Database &reader, QWidget *parent)
    : QDialog(parent), m_sync(sync), m_reader(reader), m_url(new QLineEdit),
      m_list(new QTreeWidget), m_folder(new FolderChoice), m_newFolder(new QLineEdit),
      m_message(new QLabel), m_busyBar(new QProgressBar),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel)),
      m_followPage(new QCheckBox(tr("Follow the page's list of stories, not its feed"))),
      m_pagePanel(new QWidget), m_pageNote(new QLabel), m_pageLists(new QTreeWidget),
      m_pagePreview(new QTreeWidget)
{
    setWindowTitle(tr("Add Feed"));
    setMinimumWidth(560);

    m_url->setPlaceholderText(tr("https://example.org/ or https://example.org/feed.xml"));
    m_url->setClearButtonEnabled(true);
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Title"), tr("Type"), tr("Address")});
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->hide();
    m_folder->load(reader, true);
    m_newFolder->setPlaceholderText(tr("Name of the new folder"));
    m_newFolder->hide();
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumHeight(8);
    m_busyBar->hide();
    m_add = m_buttons->addButton(tr("&Add"), QDialogButtonBox::AcceptRole);
    m_add->setDefault(true);
    m_cancel = m_buttons->button(QDialogButtonBox::Cancel);

    buildPagePanel();

    auto *form = new QFormLayout;
    form->addRow(tr("&Address:"), m_url);
    form->addRow(tr("&Folder:"), m_folder);
    form->addRow(QString(), m_newFolder);
    form->addRow(QString(), m_followPage);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_pagePanel, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_busyBar);
    layout->addWidget(m_buttons);

    connect(m_add, &QPushButton::clicked, this, &AddFeedDialog::addOrDiscover);
    connect(m_cancel, &QPushButton::clicked, this, &AddFeedDialog::reject);
    connect(m_url, &QLineEdit::textChanged, this, [this] {
        // A new address: the choices shown were for the old one.
        if ((m_state == State::Choosing || m_state == State::ChoosingList) &&
            typedUrl() != m_choicesFor)
            clearChoices();
        m_add->setEnabled(!m_busy && !m_url->text().trimmed().isEmpty());
    });
    connect(m_folder, &QComboBox::currentIndexChanged, this, [this] {
        const bool makeNew = m_folder->folderId() == FolderChoice::kNewFolder;
        m_newFolder->setVisible(makeNew);
        if (makeNew)
            m_newFolder->setFocus();
    });
    connect(m_followPage, &QCheckBox::toggled, this, [this] {
        // The choice shown was made for the other way of following the site.
        if (m_state == State::Choosing || m_state == State::ChoosingList)
            clearChoices();
    });
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &AddFeedDialog::addOrDiscover);
    connect(m_pageLists, &QTreeWidget::currentItemChanged, this, &AddFeedDialog::showListPreview);
    connect(m_pageLists, &QTreeWidget::itemDoubleClicked, this, &AddFeedDialog::addOrDiscover);
    connect(&m_sync, &SyncService::discovered, this, &AddFeedDialog::discovered);
    connect(&m_sync, &SyncService::pageListsFound, this, &AddFeedDialog::pageListsFound);
    connect(&m_sync, &SyncService::feedAdded, this, [this](qint64 id, const QUrl &url) {
        if (m_state != State::Adding || url != m_adding)
            return;
        m_addedId = id;
        setBusy(false, {});
        m_state = State::Idle;
        accept();
    });
    connect(&m_sync, &SyncService::feedAddFailed, this,
            [this](const QUrl &url, const QString &error) {
                if (m_state != State::Adding)
                    return;
                Q_UNUSED(url);
                m_state = m_addingPage                      ? State::ChoosingList
                          : m_list->topLevelItemCount() > 1 ? State::Choosing
                                                            : State::Idle;
                setBusy(false, {});
                showError(tr("Could not add the feed: %1").arg(error));
            });
    m_add->setEnabled(false);
}

void AddFeedDialog::setUrl(const QUrl &url)
{
    m_url->setText(url.toString());
}

void AddFeedDialog::setFolder(qint64 folderId)
{
    m_folder->selectFolder(folderId);
}

QUrl AddFeedDialog::typedUrl() const
{
    const QString text = m_url->text().trimmed();
    if (text.startsWith(QLatin1String("feed:")))
        return QUrl(text);
    return QUrl::fromUserInput(text);
}

void AddFeedDialog::addOrDiscover()
{
    if (m_busy)
        return;
    if (m_state == State::Choosing) {
        const QTreeWidgetItem *item = m_list->currentItem();
        if (!item) {
            showError(tr("Choose one of the feeds above."));
            return;
        }
        addChosen(DiscoveredFeed{item->data(0, Qt::UserRole).toUrl(), item->text(0),
                                 item->data(1, Qt::UserRole).toString()});
        return;
    }
    if (m_state == State::ChoosingList) {
        const int row = m_pageLists->indexOfTopLevelItem(m_pageLists->currentItem());
        if (row < 0 || row >= m_pageResult.lists.size()) {
            showError(tr("Choose one of the lists above."));
            return;
        }
        addChosenList(m_pageResult.lists.at(row));
        return;
    }
    const QUrl url = typedUrl();
    if (!url.isValid() || url.host().isEmpty()) {
        showError(tr("“%1” is not a web address.").arg(m_url->text().trimmed()));
        return;
    }
    if (m_folder->folderId() == FolderChoice::kNewFolder &&
        m_newFolder->text().trimmed().isEmpty()) {
        showError(tr("Give the new folder a name."));
        m_newFolder->setFocus();
        return;
    }
    clearChoices();
    m_state = State::Discovering;
    m_discovering = url;
    setBusy(true, tr("Looking for feeds at %1…").arg(url.toDisplayString()));
    m_sync.discover(url);
}

void AddFeedDialog::discovered(const QUrl &url, const QList<DiscoveredFeed> &feeds,
                               const QString &error)
{
    if (m_state != State::Discovering || url != m_discovering)
        return; // cancelled, or an answer for another dialog
    setBusy(false, {});
    m_state = State::Idle;
    if (!error.isEmpty()) {
        showError(tr("Could not read %1: %2").arg(url.toDisplayString(), error));
        return;
    }
    m_siteHasFeeds = !feeds.isEmpty();
    if (feeds.isEmpty() || m_followPage->isChecked()) {
        // The page's lists come next when the address answered with a web page; when it did
        // not, nothing follows and the wait ends here.
        m_state = State::AwaitingLists;
        QTimer::singleShot(0, this, [this, url] {
            if (m_state == State::AwaitingLists && url == m_discovering)
                noPageLists({});
        });
        return;
    }
    if (feeds.size() == 1) {
        addChosen(feeds.first());
        return;
    }
    m_state = State::Choosing;
    m_choicesFor = url;
    for (const DiscoveredFeed &feed : feeds) {
        auto *item = new QTreeWidgetItem(
            m_list, {feed.title.isEmpty() ? feed.url.toDisplayString() : feed.title,
                     typeName(feed.type), feed.url.toDisplayString()});
        item->setData(0, Qt::UserRole, feed.url);
        item->setData(1, Qt::UserRole, feed.type);
    }
    m_list->setCurrentItem(m_list->topLevelItem(0));
    m_list->show();
    m_list->setFocus();
    m_message->setStyleSheet(QString());
    m_message->setText(
        tr("This site has %n feeds. Choose one and press Add.", "", int(feeds.size())));
    m_message->show();
}

void AddFeedDialog::clearChoices()
{
    m_state = State::Idle;
    m_list->clear();
    m_list->hide();
    m_pageLists->clear();
    m_pagePreview->clear();
    m_pagePanel->hide();
    m_pageResult = {};
    m_message->hide();
}

bool AddFeedDialog::chosenFolder(qint64 *folderId, QString *newFolder)
{
    *folderId = m_folder->folderId();
    newFolder->clear();
    if (*folderId == FolderChoice::kNewFolder) {
        *folderId = 0;
        *newFolder = m_newFolder->text().trimmed();
        if (newFolder->isEmpty()) {
            showError(tr("Give the new folder a name."));
            return false;
        }
    }
    return true;
}

void AddFeedDialog::addChosen(const DiscoveredFeed &feed)
{
    qint64 folderId = 0;
    QString newFolder;
    if (!chosenFolder(&folderId, &newFolder))
        return;
    m_state = State::Adding;
    m_adding = feed.url;
    m_addingPage = false;
    setBusy(true,
            tr("Adding %1…").arg(feed.title.isEmpty() ? feed.url.toDisplayString() : feed.title));
    m_sync.addFeed(feed.url, feed.title, folderId, fullTextDefault(), newFolder);
}

void AddFeedDialog::addChosenList(const PageList &list)
{
    qint64 folderId = 0;
    QString newFolder;
    if (!chosenFolder(&folderId, &newFolder))
        return;
    m_state = State::Adding;
    m_adding = m_choicesFor;
    m_addingPage = true;
    const QString title = m_pageResult.title.trimmed();
    setBusy(true, tr("Adding %1…").arg(title.isEmpty() ? m_adding.toDisplayString() : title));
    m_sync.addPageFeed(m_adding, list.selector, title, folderId, fullTextDefault(), newFolder);
}

void AddFeedDialog::reject()
{
    if (m_state == State::Discovering) {
        // Cancel stops the discovery; the dialog stays for another try.
        m_sync.cancelDiscovery();
        m_state = State::Idle;
        setBusy(false, {});
        m_message->setStyleSheet(QString());
        m_message->setText(tr("Stopped."));
        m_message->show();
        return;
    }
    QDialog::reject();
}

void AddFeedDialog::setBusy(bool busy, const QString &message)
{
    m_busy = busy;
    m_busyBar->setVisible(busy);
    m_url->setReadOnly(busy);
    m_folder->setEnabled(!busy);
    m_newFolder->setEnabled(!busy);
    m_followPage->setEnabled(!busy);
    m_list->setEnabled(!busy);
    m_pagePanel->setEnabled(!busy);
    m_add->setEnabled(!busy && !m_url->text().trimmed().isEmpty());
    m_message->setStyleSheet(QString());
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void AddFeedDialog::showError(const QString &message)
{
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_message->setText(message);
    m_message->show();
}

} // namespace bs
