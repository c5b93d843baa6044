<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <source>Read the original at %1</source>
        <translation>在 %1 阅读原文</translation>
    </message>
</context>
<context>
    <name>bs::ArticleListModel</name>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>bs::DesktopIntegration</name>
    <message>
        <source>&amp;Hide Broadsheet</source>
        <translation>隐藏 Broadsheet(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Show Broadsheet</source>
        <translation>显示 Broadsheet(&amp;S)</translation>
    </message>
    <message numerus="yes">
        <source>Broadsheet: %n unread article(s)</source>
        <translation>
            <numerusform>Broadsheet：%n 篇未读文章</numerusform>
        </translation>
    </message>
    <message>
        <source>Broadsheet: no unread articles</source>
        <translation>Broadsheet：没有未读文章</translation>
    </message>
    <message>
        <source>New articles</source>
        <translation>新文章</translation>
    </message>
    <message>
        <source>Broadsheet is still running</source>
        <translation>Broadsheet 仍在运行</translation>
    </message>
    <message>
        <source>Broadsheet keeps syncing in the system tray. Click the tray icon to bring the window back, or choose Quit from its menu.</source>
        <translation>Broadsheet 会在系统托盘中继续同步。点击托盘图标可以重新打开窗口，或在托盘菜单中选择“退出”。</translation>
    </message>
</context>
<context>
    <name>bs::FeedTreeModel</name>
    <message>
        <source>Feeds</source>
        <translation>订阅源</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>全部文章</translation>
    </message>
</context>
<context>
    <name>bs::FirstRun</name>
    <message>
        <source>Broadsheet Demo</source>
        <translation>Broadsheet 示例</translation>
    </message>
</context>
<context>
    <name>bs::MainWindow</name>
    <message>
        <source>Broadsheet</source>
        <translation>Broadsheet</translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <source>Fetch every feed now (F5, or R in the lists)</source>
        <translation>立即获取所有订阅源（F5，或在列表中按 R）</translation>
    </message>
    <message>
        <source>&amp;Cancel Sync</source>
        <translation>取消同步(&amp;C)</translation>
    </message>
    <message>
        <source>Stop the sync that is running</source>
        <translation>停止正在进行的同步</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>F&amp;eeds</source>
        <translation>订阅(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>配置文件：%1</translation>
    </message>
    <message>
        <source>%v / %m feeds</source>
        <translation>%v / %m 个订阅源</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Syncing… %1 of %2 feeds, %3 with errors</source>
        <translation>正在同步… %1 / %2 个订阅源，%3 个出错</translation>
    </message>
    <message>
        <source>Syncing… %1 of %2 feeds</source>
        <translation>正在同步… %1 / %2 个订阅源</translation>
    </message>
    <message>
        <source>Sync cancelled at %1: %2 of %3 feeds</source>
        <translation>同步已于 %1 取消：完成 %2 / %3 个订阅源</translation>
    </message>
    <message>
        <source>Synced %1 feeds at %2</source>
        <translation>%2 已同步 %1 个订阅源</translation>
    </message>
    <message>
        <source>, %1 with errors</source>
        <translation>，%1 个出错</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>同步失败</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>最近的错误：%1</translation>
    </message>
</context>
<context>
    <name>bs::NewArticleBatcher</name>
    <message>
        <source>Feed %1</source>
        <translation>订阅源 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n new article(s) in %1</source>
        <translation>
            <numerusform>%1 有 %n 篇新文章</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>, …</source>
        <translation> 等</translation>
    </message>
    <message numerus="yes">
        <source>%n new article(s) in %1 feeds: %2</source>
        <translation>
            <numerusform>%1 个订阅源有 %n 篇新文章：%2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bs::ReaderView</name>
    <message>
        <source>&amp;Larger Text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;maller Text</source>
        <translation>缩小文字(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Dark Reader</source>
        <translation>深色阅读(&amp;D)</translation>
    </message>
    <message>
        <source>Load &amp;Remote Images</source>
        <translation>加载远程图片(&amp;R)</translation>
    </message>
    <message>
        <source>Load images that are not in the offline cache from the web (reveals your reading to their servers)</source>
        <translation>从网络加载不在离线缓存中的图片（图片所在的服务器会因此知道你在读什么）</translation>
    </message>
</context>
<context>
    <name>bs::SingleInstance</name>
    <message>
        <source>Broadsheet is already running with this profile.</source>
        <translation>Broadsheet 已在使用此配置文件运行。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Subscribe</source>
        <translation>订阅</translation>
    </message>
    <message>
        <source>Subscribe to %1?</source>
        <translation>订阅 %1？</translation>
    </message>
</context>
</TS>
