#pragma once

#include "feeds/FeedLinks.h"
#include "pages/PageLists.h"

#include <QDialog>
#include <QUrl>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace bs
{

class Database;
class FolderChoice;
class SyncService;

// Subscribing to a feed: the address of a feed or of a site, discovery on the sync worker
// (FeedDiscovery through SyncService::discover; the GUI thread does no network work), a list
// to choose from when the site has several feeds, a folder (or a new one). A direct feed
// address is added without a choice. Add runs discovery first; when it found exactly one
// feed, or once a feed is chosen, the feed is added through SyncService::addFeed and the
// dialog closes when the worker confirms (errors stay in the dialog). Cancel stops a
// discovery that is running, and closes the dialog otherwise.
//
// A site without a feed can be followed as a page feed: when discovery finds no feed but the
// page holds lists of stories (SyncService::pageListsFound), the dialog says so and lists them
// (each with its number of stories, its first titles and its selector), best first and chosen,
// with a preview of the chosen list's first stories; Add subscribes to it
// (SyncService::addPageFeed). "Follow the page's list" asks for the lists even when the site
// has a feed. A page without any list shows why (the finder's error).
class AddFeedDialog : public QDialog
{
    Q_OBJECT
public:
    AddFeedDialog(SyncService &sync, Database &reader, QWidget *parent = nullptr);

    // Prefills the address (a feed:// or site URL handed over by the desktop, for example).
    void setUrl(const QUrl &url);
    void setFolder(qint64 folderId);

    // The feed added (valid after the dialog was accepted).
    qint64 addedFeedId() const { return m_addedId; }
    bool isBusy() const { return m_busy; }

    // For tests.
    QLineEdit *urlEdit() const { return m_url; }
    QTreeWidget *feedList() const { return m_list; }
    FolderChoice *folderChoice() const { return m_folder; }
    QLineEdit *newFolderEdit() const { return m_newFolder; }
    QLabel *messageLabel() const { return m_message; }
    QProgressBar *busyIndicator() const { return m_busyBar; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *cancelButton() const { return m_cancel; }
    QCheckBox *followPageBox() const { return m_followPage; }
    QWidget *pagePanel() const { return m_pagePanel; }
    QLabel *pageNote() const { return m_pageNote; }
    QTreeWidget *pageListView() const { return m_pageLists; }
    QTreeWidget *pagePreview() const { return m_pagePreview; }

public slots:
    // What the Add button does: discover, or add the chosen feed.
    void addOrDiscover();
    void reject() override;

private:
    void discovered(const QUrl &url, const QList<DiscoveredFeed> &feeds, const QString &error);
    void buildPagePanel();
    void pageListsFound(const QUrl &url, const PageListsResult &result);
    void noPageLists(const QString &why);
    void showPageLists(const QUrl &url, const PageListsResult &result);
    void showListPreview();
    void clearChoices();
    void addChosen(const DiscoveredFeed &feed);
    void addChosenList(const PageList &list);
    // The folder chosen, or false (and an error shown) when a new folder has no name.
    bool chosenFolder(qint64 *folderId, QString *newFolder);
    void setBusy(bool busy, const QString &message);
    void showError(const QString &message);
    QUrl typedUrl() const;

    SyncService &m_sync;
    Database &m_reader;
    QLineEdit *m_url;
    QTreeWidget *m_list;
    FolderChoice *m_folder;
    QLineEdit *m_newFolder;
    QLabel *m_message;
    QProgressBar *m_busyBar;
    QDialogButtonBox *m_buttons;
    QPushButton *m_add;
    QPushButton *m_cancel;
    QCheckBox *m_followPage;
    QWidget *m_pagePanel;
    QLabel *m_pageNote;
    QTreeWidget *m_pageLists;
    QTreeWidget *m_pagePreview;

    // AwaitingLists: discovery answered and the page's lists are to follow (pageListsFound).
    enum class State { Idle, Discovering, AwaitingLists, Choosing, ChoosingList, Adding };
    State m_state = State::Idle;
    bool m_busy = false;
    QUrl m_discovering; // the address being discovered
    QUrl m_choicesFor;  // the address the list shows feeds of
    QUrl m_adding;      // the feed address being added
    bool m_addingPage = false;
    bool m_siteHasFeeds = false;  // the discovery found feeds (the page's lists were asked for)
    PageListsResult m_pageResult; // the lists shown
    qint64 m_addedId = 0;
};

} // namespace bs
