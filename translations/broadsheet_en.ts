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
    <name>bs::FeedTreeModel</name>
    <message>
        <source>Feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All articles</source>
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
        <source>Fetch every feed now (F5, or R in the lists)</source>
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
