<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QObject</name>
    <message>
        <source>Read the original at %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::AboutDialog</name>
    <message>
        <source>About Broadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Broadsheet %1&lt;/h2&gt;&lt;p&gt;A desktop news reader: feeds read offline, searched in any language, saved for later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (released %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homepage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No license has been chosen yet; all rights reserved by the Broadsheet authors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Broadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::AddFeedDialog</name>
    <message>
        <source>Add Feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://example.org/ or https://example.org/feed.xml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not add the feed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of the feeds above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a web address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the new folder a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for feeds at %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No feed was found at %1. Check the address, or try the address of the site&apos;s home page or of the feed itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This site has %n feeds. Choose one and press Add.</source>
        <translation>
            <numerusform>This site has %n feed. Choose one and press Add.</numerusform>
            <numerusform>This site has %n feeds. Choose one and press Add.</numerusform>
        </translation>
    </message>
    <message>
        <source>Adding %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the page&apos;s list of stories, not its feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of the lists above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broadsheet reads the site&apos;s page at every update and follows one of its lists of stories, even when the site has a feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lists of stories on the page:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First stories of the chosen list:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page holds no list of stories.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a feed, not a web page with a list of stories. Clear “Follow the page&apos;s list of stories” to subscribe to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broadsheet found no list of stories to follow on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No feed was found at %1, and Broadsheet found no list of stories on the page to follow instead: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broadsheet will follow a list of stories on the page of “%1” instead of its feed: it reads the page at every update and adds the list&apos;s new stories as articles. The list that looks most like the page&apos;s main stories is chosen; check its first stories on the right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” publishes no feed. Broadsheet will follow a list of stories on its page instead: it reads the page at every update and adds the list&apos;s new stories as articles. The list that looks most like the page&apos;s main stories is chosen; check its first stories on the right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n stories</source>
        <translation>
            <numerusform>%n story</numerusform>
            <numerusform>%n stories</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (best match)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selector: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a list and press Add.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ArticleActions</name>
    <message>
        <source>New Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Page for Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address of the web page to keep for offline reading:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Bookmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmark file (*.html);;JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark All Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mark Read / Unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Star / Unstar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open in Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;Page for Later…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;All Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Bookmarks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &amp;Feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous F&amp;eed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scroll Down, then Next &amp;Unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the selected articles read, or unread when read (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark every article of the feed, folder or view read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Label “%1”: %n article(s) changed.</source>
        <translation>
            <numerusform>Label “%1”: %n article changed.</numerusform>
            <numerusform>Label “%1”: %n articles changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked %n article(s) read.</source>
        <translation>
            <numerusform>Marked %n article read.</numerusform>
            <numerusform>Marked %n articles read.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not save the page: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved for offline reading: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n bookmark(s) to %1.</source>
        <translation>
            <numerusform>Exported %n bookmark to %1.</numerusform>
            <numerusform>Exported %n bookmarks to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not export the bookmarks: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not change the articles: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The article has no web address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied %n link(s).</source>
        <translation>
            <numerusform>Copied %n link.</numerusform>
            <numerusform>Copied %n links.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is not a web address (http:// or https://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing unread here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Mark %n article(s) as read?</source>
        <translation>
            <numerusform>Mark %n article as read?</numerusform>
            <numerusform>Mark %n articles as read?</numerusform>
        </translation>
    </message>
    <message>
        <source>Marking articles read…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting bookmarks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Label…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No more unread articles.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ArticleListModel</name>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to show the oldest or the newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::DesktopIntegration</name>
    <message>
        <source>&amp;Hide Broadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show Broadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Broadsheet: %n unread article(s)</source>
        <translation>
            <numerusform>Broadsheet: %n unread article</numerusform>
            <numerusform>Broadsheet: %n unread articles</numerusform>
        </translation>
    </message>
    <message>
        <source>Broadsheet: no unread articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broadsheet is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broadsheet keeps syncing in the system tray. Click the tray icon to bring the window back, or choose Quit from its menu.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::FeedPropertiesDialog</name>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed Properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feed&apos;s own title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default interval (Preferences), adapted to how often the feed posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: the feed&apos;s text only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On: download every article&apos;s page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic: when the feed has only summaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep forever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starred, labelled and noted articles are always kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the next check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full &amp;articles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last fetch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next fetch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CSS selector matching one element per story on the page (tags, .class, #id, [attribute], :nth-of-type(), &apos; &apos; and &apos;&gt;&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A page feed: Broadsheet reads this web page at every update and turns the stories of one of its lists into articles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;List of stories:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selector matches no story on the page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The selector matches %n stories on the page. The first:</source>
        <translation>
            <numerusform>The selector matches %n story on the page. The first:</numerusform>
            <numerusform>The selector matches %n stories on the page. The first:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bs::FeedTreeModel</name>
    <message>
        <source>Feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Label: %n article(s)</source>
        <translation>
            <numerusform>Label: %n article</numerusform>
            <numerusform>Label: %n articles</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
%2 articles, %3 unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page feed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::FeedTreeView</name>
    <message>
        <source>&amp;Move To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync This Feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Properties…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Feed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync This Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Feed Here…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Subfolder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Feed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title (leave empty for the feed&apos;s own title):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1” and all its articles, including starred ones?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the folder “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The folder “%1” holds %n feed(s). Delete them too, or keep them and move them up a level?</source>
        <translation>
            <numerusform>The folder “%1” holds %n feed. Delete it too, or keep it and move it up a level?</numerusform>
            <numerusform>The folder “%1” holds %n feeds. Delete them too, or keep them and move them up a level?</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Keep the Feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Folder and Feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::FirstRun</name>
    <message>
        <source>Broadsheet Demo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::FolderChoice</name>
    <message>
        <source>Top level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New folder…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::MainWindow</name>
    <message>
        <source>Broadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the sync that is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;eeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v / %m feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing… %1 of %2 feeds, %3 with errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing… %1 of %2 feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync cancelled at %1: %2 of %3 feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced %1 feeds at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 with errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch every feed now (F5 or R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Feed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribe to a feed or a site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Subscriptions (OPML)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OPML files (*.opml *.xml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Subscriptions (OPML)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OPML files (*.opml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %1: %n feed(s) added</source>
        <translation>
            <numerusform>Imported %1: %n feed added</numerusform>
            <numerusform>Imported %1: %n feeds added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n folder(s) created</source>
        <translation>
            <numerusform>, %n folder created</numerusform>
            <numerusform>, %n folders created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n already subscribed</source>
        <translation>
            <numerusform>, %n already subscribed</numerusform>
            <numerusform>, %n already subscribed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n invalid skipped.</source>
        <translation>
            <numerusform>, %n invalid skipped.</numerusform>
            <numerusform>, %n invalid skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n feed(s) to %1</source>
        <translation>
            <numerusform>Exported %n feed to %1</numerusform>
            <numerusform>Exported %n feeds to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>All articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unread only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starred only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which articles of the view the list shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Related stories: similar cached articles and the links the article&apos;s page lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved search: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::NewArticleBatcher</name>
    <message>
        <source>Feed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new article(s) in %1</source>
        <translation>
            <numerusform>%n new article in %1</numerusform>
            <numerusform>%n new articles in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new article(s) in %1 feeds: %2</source>
        <translation>
            <numerusform>%n new article in %1 feeds: %2</numerusform>
            <numerusform>%n new articles in %1 feeds: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bs::ReaderView</name>
    <message>
        <source>&amp;Larger Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;maller Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load &amp;Remote Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load images that are not in the offline cache from the web (reveals your reading to their servers)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::RelatedStoriesModel</name>
    <message>
        <source>Similar stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the article&apos;s page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ScreenshotTour</name>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Feed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::SettingsDialog</name>
    <message>
        <source>Load remote images and media in articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify me of new articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show an icon in the system tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start minimized to the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often feeds are checked, unless a feed has its own interval; adapted to how often each feed posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep forever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic: when the feed has only summaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On: download every article&apos;s page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: the feed&apos;s text only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check feeds every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read articles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full articles for new feeds:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: only what the offline cache holds is shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article &amp;text size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as read when selected:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::SingleInstance</name>
    <message>
        <source>Broadsheet is already running with this profile.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Subscribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribe to %1?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
