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
    <name>bs::AboutDialog</name>
    <message>
        <source>About Broadsheet</source>
        <translation>关于 Broadsheet</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Broadsheet %1&lt;/h2&gt;&lt;p&gt;A desktop news reader: feeds read offline, searched in any language, saved for later.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Broadsheet %1&lt;/h2&gt;&lt;p&gt;一款桌面新闻阅读器：订阅源可离线阅读、以任何语言搜索、保存以便稍后阅读。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>%1 (released %2)</source>
        <translation>%1（发布于 %2）</translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation>Qt：</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1（使用 %2 构建）</translation>
    </message>
    <message>
        <source>SQLite:</source>
        <translation>SQLite：</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>配置文件：</translation>
    </message>
    <message>
        <source>License:</source>
        <translation>许可证：</translation>
    </message>
    <message>
        <source>Homepage:</source>
        <translation>主页：</translation>
    </message>
    <message>
        <source>No license has been chosen yet; all rights reserved by the Broadsheet authors.</source>
        <translation>尚未选择许可证；Broadsheet 作者保留所有权利。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Broadsheet</source>
        <translation>关于 Broadsheet(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>bs::AddFeedDialog</name>
    <message>
        <source>Add Feed</source>
        <translation>添加订阅源</translation>
    </message>
    <message>
        <source>https://example.org/ or https://example.org/feed.xml</source>
        <translation>https://example.org/ 或 https://example.org/feed.xml</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Name of the new folder</source>
        <translation>新文件夹的名称</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>Could not add the feed: %1</source>
        <translation>无法添加订阅源：%1</translation>
    </message>
    <message>
        <source>Choose one of the feeds above.</source>
        <translation>请从上方选择一个订阅源。</translation>
    </message>
    <message>
        <source>“%1” is not a web address.</source>
        <translation>“%1”不是网址。</translation>
    </message>
    <message>
        <source>Give the new folder a name.</source>
        <translation>请为新文件夹命名。</translation>
    </message>
    <message>
        <source>Looking for feeds at %1…</source>
        <translation>正在 %1 查找订阅源…</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>No feed was found at %1. Check the address, or try the address of the site&apos;s home page or of the feed itself.</source>
        <translation>在 %1 未找到订阅源。请检查地址，或尝试使用网站首页或订阅源本身的地址。</translation>
    </message>
    <message numerus="yes">
        <source>This site has %n feeds. Choose one and press Add.</source>
        <translation>
            <numerusform>此网站有 %n 个订阅源。请选择一个，然后点击“添加”。</numerusform>
        </translation>
    </message>
    <message>
        <source>Adding %1…</source>
        <translation>正在添加 %1…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Follow the page&apos;s list of stories, not its feed</source>
        <translation>关注网页上的文章列表，而不是其订阅源</translation>
    </message>
    <message>
        <source>Choose one of the lists above.</source>
        <translation>请从上方选择一个列表。</translation>
    </message>
    <message>
        <source>Broadsheet reads the site&apos;s page at every update and follows one of its lists of stories, even when the site has a feed</source>
        <translation>即使网站有订阅源，Broadsheet 也会在每次更新时读取网站的网页，并关注其中的一个文章列表</translation>
    </message>
    <message>
        <source>Story</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>&amp;Lists of stories on the page:</source>
        <translation>网页上的文章列表(&amp;L)：</translation>
    </message>
    <message>
        <source>First stories of the chosen list:</source>
        <translation>所选列表的前几篇文章：</translation>
    </message>
    <message>
        <source>The page holds no list of stories.</source>
        <translation>该网页没有文章列表。</translation>
    </message>
    <message>
        <source>%1 is a feed, not a web page with a list of stories. Clear “Follow the page&apos;s list of stories” to subscribe to it.</source>
        <translation>%1 是订阅源，而不是含有文章列表的网页。取消勾选“关注网页上的文章列表”即可订阅它。</translation>
    </message>
    <message>
        <source>Broadsheet found no list of stories to follow on %1: %2</source>
        <translation>Broadsheet 在 %1 上未找到可关注的文章列表：%2</translation>
    </message>
    <message>
        <source>No feed was found at %1, and Broadsheet found no list of stories on the page to follow instead: %2</source>
        <translation>在 %1 未找到订阅源，Broadsheet 也未在该网页上找到可代替关注的文章列表：%2</translation>
    </message>
    <message>
        <source>Broadsheet will follow a list of stories on the page of “%1” instead of its feed: it reads the page at every update and adds the list&apos;s new stories as articles. The list that looks most like the page&apos;s main stories is chosen; check its first stories on the right.</source>
        <translation>Broadsheet 将关注“%1”网页上的一个文章列表，而不是其订阅源：每次更新时读取该网页，并将列表中的新文章添加为文章。已选中最像网页主要文章的列表；请在右侧核对其前几篇文章。</translation>
    </message>
    <message>
        <source>“%1” publishes no feed. Broadsheet will follow a list of stories on its page instead: it reads the page at every update and adds the list&apos;s new stories as articles. The list that looks most like the page&apos;s main stories is chosen; check its first stories on the right.</source>
        <translation>“%1”没有发布订阅源。Broadsheet 将改为关注其网页上的一个文章列表：每次更新时读取该网页，并将列表中的新文章添加为文章。已选中最像网页主要文章的列表；请在右侧核对其前几篇文章。</translation>
    </message>
    <message numerus="yes">
        <source>%n stories</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (best match)</source>
        <translation>%1（最佳匹配）</translation>
    </message>
    <message>
        <source>Selector: %1</source>
        <translation>选择器：%1</translation>
    </message>
    <message>
        <source>Choose a list and press Add.</source>
        <translation>请选择一个列表，然后点击“添加”。</translation>
    </message>
</context>
<context>
    <name>bs::ArticleActions</name>
    <message>
        <source>New Label</source>
        <translation>新建标签</translation>
    </message>
    <message>
        <source>Label name:</source>
        <translation>标签名称：</translation>
    </message>
    <message>
        <source>Save Page for Later</source>
        <translation>保存网页以便稍后阅读</translation>
    </message>
    <message>
        <source>Address of the web page to keep for offline reading:</source>
        <translation>要保存以供离线阅读的网页地址：</translation>
    </message>
    <message>
        <source>Export Bookmarks</source>
        <translation>导出书签</translation>
    </message>
    <message>
        <source>Bookmark file (*.html);;JSON (*.json)</source>
        <translation>书签文件 (*.html);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Mark All Read</source>
        <translation>全部标为已读</translation>
    </message>
    <message>
        <source>&amp;Mark Read / Unread</source>
        <translation>标为已读/未读(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Star / Unstar</source>
        <translation>加星标/取消星标(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Open in Browser</source>
        <translation>在浏览器中打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Copy Link</source>
        <translation>复制链接(&amp;C)</translation>
    </message>
    <message>
        <source>Save &amp;Page for Later…</source>
        <translation>保存网页以便稍后阅读(&amp;P)…</translation>
    </message>
    <message>
        <source>Mark &amp;All Read</source>
        <translation>全部标为已读(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Export Bookmarks…</source>
        <translation>导出书签(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Next Article</source>
        <translation>下一篇文章(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Article</source>
        <translation>上一篇文章(&amp;P)</translation>
    </message>
    <message>
        <source>Next &amp;Feed</source>
        <translation>下一个订阅源(&amp;F)</translation>
    </message>
    <message>
        <source>Previous F&amp;eed</source>
        <translation>上一个订阅源(&amp;E)</translation>
    </message>
    <message>
        <source>Scroll Down, then Next &amp;Unread</source>
        <translation>向下滚动，然后转到下一篇未读(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Leave Search</source>
        <translation>退出搜索</translation>
    </message>
    <message>
        <source>Mark the selected articles read, or unread when read (M)</source>
        <translation>将所选文章标为已读，若已读则标为未读 (M)</translation>
    </message>
    <message>
        <source>Mark every article of the feed, folder or view read</source>
        <translation>将此订阅源、文件夹或视图中的所有文章标为已读</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>标签(&amp;L)</translation>
    </message>
    <message numerus="yes">
        <source>Label “%1”: %n article(s) changed.</source>
        <translation>
            <numerusform>标签“%1”：已更改 %n 篇文章。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked %n article(s) read.</source>
        <translation>
            <numerusform>已将 %n 篇文章标为已读。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not save the page: %1</source>
        <translation>无法保存网页：%1</translation>
    </message>
    <message>
        <source>Saved for offline reading: %1</source>
        <translation>已保存以供离线阅读：%1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n bookmark(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 个书签导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not export the bookmarks: %1</source>
        <translation>无法导出书签：%1</translation>
    </message>
    <message>
        <source>Could not change the articles: %1</source>
        <translation>无法更改文章：%1</translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation>文章(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>The article has no web address.</source>
        <translation>这篇文章没有网址。</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n link(s).</source>
        <translation>
            <numerusform>已复制 %n 个链接。</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is not a web address (http:// or https://).</source>
        <translation>“%1”不是网址（http:// 或 https://）。</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>正在保存 %1…</translation>
    </message>
    <message>
        <source>There is nothing unread here.</source>
        <translation>这里没有未读内容。</translation>
    </message>
    <message numerus="yes">
        <source>Mark %n article(s) as read?</source>
        <translation>
            <numerusform>将 %n 篇文章标为已读？</numerusform>
        </translation>
    </message>
    <message>
        <source>Marking articles read…</source>
        <translation>正在将文章标为已读…</translation>
    </message>
    <message>
        <source>Exporting bookmarks…</source>
        <translation>正在导出书签…</translation>
    </message>
    <message>
        <source>&amp;New Label…</source>
        <translation>新建标签(&amp;N)…</translation>
    </message>
    <message>
        <source>No more unread articles.</source>
        <translation>没有更多未读文章了。</translation>
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
    <message>
        <source>Starred</source>
        <translation>已加星标</translation>
    </message>
    <message>
        <source>Click to show the oldest or the newest first</source>
        <translation>点击切换为最旧或最新的优先显示</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>订阅源</translation>
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
    <name>bs::FeedPropertiesDialog</name>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Feed Properties</source>
        <translation>订阅源属性</translation>
    </message>
    <message>
        <source>The feed&apos;s own title</source>
        <translation>订阅源自带的标题</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>The default interval (Preferences), adapted to how often the feed posts</source>
        <translation>默认间隔（见首选项），并根据订阅源的更新频率自动调整</translation>
    </message>
    <message>
        <source>Off: the feed&apos;s text only</source>
        <translation>关闭：仅使用订阅源中的文本</translation>
    </message>
    <message>
        <source>On: download every article&apos;s page</source>
        <translation>开启：下载每篇文章的网页</translation>
    </message>
    <message>
        <source>Automatic: when the feed has only summaries</source>
        <translation>自动：订阅源只有摘要时下载</translation>
    </message>
    <message>
        <source>Keep for</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Keep forever</source>
        <translation>永久保留</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Starred, labelled and noted articles are always kept.</source>
        <translation>已加星标、已加标签和带有笔记的文章将始终保留。</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>At the next check</source>
        <translation>下次检查时</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>unknown time</source>
        <translation>时间未知</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>Update every:</source>
        <translation>更新间隔：</translation>
    </message>
    <message>
        <source>Full &amp;articles:</source>
        <translation>完整文章(&amp;A)：</translation>
    </message>
    <message>
        <source>Retention:</source>
        <translation>保留期限：</translation>
    </message>
    <message>
        <source>Last fetch:</source>
        <translation>上次获取：</translation>
    </message>
    <message>
        <source>Next fetch:</source>
        <translation>下次获取：</translation>
    </message>
    <message>
        <source>Last error:</source>
        <translation>最近的错误：</translation>
    </message>
    <message>
        <source>A CSS selector matching one element per story on the page (tags, .class, #id, [attribute], :nth-of-type(), &apos; &apos; and &apos;&gt;&apos;)</source>
        <translation>为网页上的每篇文章匹配一个元素的 CSS 选择器（标签、.class、#id、[属性]、:nth-of-type()、&apos; &apos; 和 &apos;&gt;&apos;）</translation>
    </message>
    <message>
        <source>A page feed: Broadsheet reads this web page at every update and turns the stories of one of its lists into articles.</source>
        <translation>网页订阅源：Broadsheet 在每次更新时读取此网页，并将其中一个列表的文章转为文章。</translation>
    </message>
    <message>
        <source>&amp;List of stories:</source>
        <translation>文章列表(&amp;L)：</translation>
    </message>
    <message>
        <source>Reading the page…</source>
        <translation>正在读取网页…</translation>
    </message>
    <message>
        <source>The selector matches no story on the page.</source>
        <translation>该选择器在网页上未匹配到任何文章。</translation>
    </message>
    <message numerus="yes">
        <source>The selector matches %n stories on the page. The first:</source>
        <translation>
            <numerusform>该选择器在网页上匹配到 %n 篇文章。前几篇：</numerusform>
        </translation>
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
    <message>
        <source>Unread</source>
        <translation>未读</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>已加星标</translation>
    </message>
    <message>
        <source>Saved pages</source>
        <translation>已保存的网页</translation>
    </message>
    <message numerus="yes">
        <source>Label: %n article(s)</source>
        <translation>
            <numerusform>标签：%n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
%2 articles, %3 unread</source>
        <translation>%1
%2 篇文章，%3 篇未读</translation>
    </message>
    <message>
        <source>Page feed: %1</source>
        <translation>网页订阅源：%1</translation>
    </message>
</context>
<context>
    <name>bs::FeedTreeView</name>
    <message>
        <source>&amp;Move To</source>
        <translation>移动到(&amp;M)</translation>
    </message>
    <message>
        <source>Top Level</source>
        <translation>顶层</translation>
    </message>
    <message>
        <source>&amp;Sync This Feed</source>
        <translation>同步此订阅源(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Properties…</source>
        <translation>属性(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Delete Feed…</source>
        <translation>删除订阅源(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;New Folder…</source>
        <translation>新建文件夹(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Sync This Folder</source>
        <translation>同步此文件夹(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Add Feed Here…</source>
        <translation>在此添加订阅源(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;New Subfolder…</source>
        <translation>新建子文件夹(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Delete Folder…</source>
        <translation>删除文件夹(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Add Feed…</source>
        <translation>添加订阅源(&amp;A)…</translation>
    </message>
    <message>
        <source>Rename Feed</source>
        <translation>重命名订阅源</translation>
    </message>
    <message>
        <source>Title (leave empty for the feed&apos;s own title):</source>
        <translation>标题（留空则使用订阅源自带的标题）：</translation>
    </message>
    <message>
        <source>Rename Folder</source>
        <translation>重命名文件夹</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Delete Feed</source>
        <translation>删除订阅源</translation>
    </message>
    <message>
        <source>Delete “%1” and all its articles, including starred ones?</source>
        <translation>删除“%1”及其所有文章（包括已加星标的文章）？</translation>
    </message>
    <message>
        <source>Delete Folder</source>
        <translation>删除文件夹</translation>
    </message>
    <message>
        <source>Delete the folder “%1”?</source>
        <translation>删除文件夹“%1”？</translation>
    </message>
    <message>
        <source>&amp;Delete Folder</source>
        <translation>删除文件夹(&amp;D)</translation>
    </message>
    <message numerus="yes">
        <source>The folder “%1” holds %n feed(s). Delete them too, or keep them and move them up a level?</source>
        <translation>
            <numerusform>文件夹“%1”中有 %n 个订阅源。要一并删除它们，还是保留并将它们移到上一级？</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Keep the Feeds</source>
        <translation>保留订阅源(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Delete Folder and Feeds</source>
        <translation>删除文件夹及订阅源(&amp;D)</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>新建文件夹</translation>
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
    <name>bs::FolderChoice</name>
    <message>
        <source>Top level</source>
        <translation>顶层</translation>
    </message>
    <message>
        <source>New folder…</source>
        <translation>新建文件夹…</translation>
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
    <message>
        <source>Fetch every feed now (F5 or R)</source>
        <translation>立即获取所有订阅源 (F5 或 R)</translation>
    </message>
    <message>
        <source>&amp;Add Feed…</source>
        <translation>添加订阅源(&amp;A)…</translation>
    </message>
    <message>
        <source>Subscribe to a feed or a site</source>
        <translation>订阅一个订阅源或网站</translation>
    </message>
    <message>
        <source>New &amp;Folder…</source>
        <translation>新建文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Import Subscriptions (OPML)…</source>
        <translation>导入订阅 (OPML)(&amp;I)…</translation>
    </message>
    <message>
        <source>Import Subscriptions</source>
        <translation>导入订阅</translation>
    </message>
    <message>
        <source>OPML files (*.opml *.xml);;All files (*)</source>
        <translation>OPML 文件 (*.opml *.xml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Export Subscriptions (OPML)…</source>
        <translation>导出订阅 (OPML)(&amp;E)…</translation>
    </message>
    <message>
        <source>Export Subscriptions</source>
        <translation>导出订阅</translation>
    </message>
    <message>
        <source>OPML files (*.opml)</source>
        <translation>OPML 文件 (*.opml)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message numerus="yes">
        <source>Imported %1: %n feed(s) added</source>
        <translation>
            <numerusform>已导入 %1：添加了 %n 个订阅源</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n folder(s) created</source>
        <translation>
            <numerusform>，创建了 %n 个文件夹</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n already subscribed</source>
        <translation>
            <numerusform>，%n 个已订阅</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n invalid skipped.</source>
        <translation>
            <numerusform>，跳过 %n 个无效项。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n feed(s) to %1</source>
        <translation>
            <numerusform>已将 %n 个订阅源导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>全部文章</translation>
    </message>
    <message>
        <source>Unread only</source>
        <translation>仅未读</translation>
    </message>
    <message>
        <source>Starred only</source>
        <translation>仅已加星标</translation>
    </message>
    <message>
        <source>Which articles of the view the list shows</source>
        <translation>列表中显示当前视图的哪些文章</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>Related stories: similar cached articles and the links the article&apos;s page lists</source>
        <translation>相关报道：已缓存的相似文章，以及文章网页中列出的链接</translation>
    </message>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>搜索 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search: %1</source>
        <translation>搜索：%1</translation>
    </message>
    <message>
        <source>Saved search: %1</source>
        <translation>已保存的搜索：%1</translation>
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
    <name>bs::RelatedStoriesModel</name>
    <message>
        <source>Similar stories</source>
        <translation>相似报道</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>From the article&apos;s page</source>
        <translation>来自文章网页</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
</context>
<context>
    <name>bs::ScreenshotTour</name>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Add Feed</source>
        <translation>添加订阅源</translation>
    </message>
</context>
<context>
    <name>bs::SettingsDialog</name>
    <message>
        <source>Load remote images and media in articles</source>
        <translation>加载文章中的远程图片和媒体</translation>
    </message>
    <message>
        <source>Notify me of new articles</source>
        <translation>有新文章时通知我</translation>
    </message>
    <message>
        <source>Show an icon in the system tray</source>
        <translation>在系统托盘中显示图标</translation>
    </message>
    <message>
        <source>Start minimized to the tray</source>
        <translation>启动时最小化到托盘</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>How often feeds are checked, unless a feed has its own interval; adapted to how often each feed posts</source>
        <translation>检查订阅源的频率（订阅源自行设置了间隔的除外）；会根据各订阅源的更新频率自动调整</translation>
    </message>
    <message>
        <source>Keep for</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Keep forever</source>
        <translation>永久保留</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Automatic: when the feed has only summaries</source>
        <translation>自动：订阅源只有摘要时下载</translation>
    </message>
    <message>
        <source>On: download every article&apos;s page</source>
        <translation>开启：下载每篇文章的网页</translation>
    </message>
    <message>
        <source>Off: the feed&apos;s text only</source>
        <translation>关闭：仅使用订阅源中的文本</translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation>订阅源</translation>
    </message>
    <message>
        <source>&amp;Check feeds every:</source>
        <translation>检查订阅源间隔(&amp;C)：</translation>
    </message>
    <message>
        <source>Read articles:</source>
        <translation>已读文章：</translation>
    </message>
    <message>
        <source>&amp;Full articles for new feeds:</source>
        <translation>新订阅源的完整文章(&amp;F)：</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Off: only what the offline cache holds is shown</source>
        <translation>关闭：仅显示离线缓存中的内容</translation>
    </message>
    <message>
        <source>At once</source>
        <translation>立即</translation>
    </message>
    <message>
        <source>After</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>阅读</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>Article &amp;text size:</source>
        <translation>文章文字大小(&amp;T)：</translation>
    </message>
    <message>
        <source>Mark as read when selected:</source>
        <translation>选中时标为已读：</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>桌面</translation>
    </message>
</context>
<context>
    <name>bs::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
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
