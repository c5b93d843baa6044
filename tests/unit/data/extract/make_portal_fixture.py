#!/usr/bin/env python3
"""Writes portal-b.html: a GBK-encoded page laid out like a Chinese news portal (navigation,
breadcrumb, date and source line, article, share bar, related stories with [详细] links, a
ranking box, footer) carrying an English article. The text is the project's own. Run it again
after changing the text; test_extractor checks the result."""
import os

PARAGRAPHS = [
    "The riverside town of Larchmouth opened its new public library on Saturday, turning a disused grain warehouse on the east bank into a reading hall that stays open until midnight.",
    "Mayor Ilse Varga cut the ribbon in front of a crowd of about four hundred residents, many of whom had campaigned for a decade to save the warehouse from demolition.",
    "\u201cA town that reads late is a town that thinks late,\u201d Varga told the crowd, drawing laughter and applause from the front rows.",
    "The building keeps its original timber beams and loading doors, which now open onto a terrace above the water where readers can sit in the summer months.",
    "Architects from the regional cooperative Tessel & Brand said the largest challenge was the floor, which had to be strengthened to carry the weight of some ninety thousand books.",
    "Inside, the ground floor holds newspapers, a children\u2019s corner and a repair caf\u00e9 where volunteers mend bicycles, radios and lamps every Thursday evening.",
    "The upper floor is given to quiet study, with long oak tables salvaged from a closed school in the neighbouring valley.",
    "Librarian Oskar Meelis, who moved from the old branch library on Mill Street, said loans had tripled in the first week of a trial opening in the spring.",
    "The project cost 6.2 million in local currency, two thirds of it raised through a bond that residents could buy in small amounts at the post office.",
    "Critics on the town council had argued that the money would have been better spent on roads, and two members voted against the final budget last year.",
    "Supporters answered that the library would bring visitors into the old harbour district, where several shops have closed since the ferry service ended.",
    "A caf\u00e9 owner across the square said she had already hired two more staff to cope with the evening trade since the doors opened.",
    "The library will also lend tools, sewing machines and musical instruments, an idea borrowed from similar schemes in the north of the country.",
    "Meelis said the night opening would be reviewed after six months, once staff had a clearer idea of who used the hall after ten o\u2019clock.",
    "The old branch on Mill Street will become an archive for the town\u2019s shipping records, some of which date back more than two centuries.",
    "Volunteers have begun scanning the ledgers, and the first collection of crew lists is expected to go online before the end of the year.",
    "For now, the warehouse is the busiest building on the waterfront, and the bell that once marked the end of a shift now marks closing time.",
]
BYLINE = "By Petra Lindqvist & Harbour Desk (desk@larchmouth.example)"
RELATED = [
    ("河畔步道完成翻修 周末迎来首批游客", "/news/2025/0314/201.html", "经过半年施工,河畔步道于本周末重新开放,沿线新增照明与座椅,市民反映良好..."),
    ("老码头集市恢复夜间营业", "/news/2025/0314/202.html", "老码头集市自下月起恢复夜间营业,摊位数量较去年增加三成,主办方提醒注意交通安排..."),
    ("Ferry route study published", "/news/2025/0314/203.html", "A study of a restored ferry route across the estuary finds demand on weekends but not on weekdays..."),
    ("少年合唱团赴邻市交流演出", "/news/2025/0314/204.html", "本市少年合唱团一行三十人赴邻市参加交流演出,曲目包括本地民歌与原创作品..."),
    ("Grain warehouse beams dated", "/news/2025/0314/205.html", "Tree-ring tests on the warehouse timbers place the felling of the oak in the winter of 1841..."),
    ("春季植树活动报名开启", "/news/2025/0314/206.html", "春季植树活动即日起接受报名,活动地点设在东岸新区,每位参与者可领取一株树苗..."),
]


def page():
    paras = "\n".join(f"<p>{p.replace('&', '&amp;')}</p>" for p in PARAGRAPHS)
    related = "\n".join(
        f'<li><a href="{u}" target="_blank">{t}</a><p class="summary">{s}<a href="{u}">[详细]</a></p></li>'
        for t, u, s in RELATED)
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>Larchmouth opens late-night library in old warehouse_本地新闻_河口在线</title>
<meta name="description" content="The riverside town of Larchmouth opened its new public library on Saturday." />
<link rel="alternate" type="application/rss+xml" title="本地新闻 RSS" href="/rss/local.xml" />
<script type="text/javascript">var tracker = {{site: "hekou"}}; document.write("<div>统计</div>");</script>
<style>.nav li {{ float: left; }}</style>
</head>
<body>
<div id="toolbar"><a href="/">河口在线首页</a> | <a href="/member/login.php">会员登录</a> | <a href="/member/reg.php">免费注册</a></div>
<div class="menu"><ul><li><a href="/">首页</a></li><li><a href="/news/">新闻</a></li><li><a href="/life/">生活</a></li><li><a href="/travel/">旅游</a></li></ul></div>
<div class="banner"><a href="/ad/2"><img src="/ad/top_960x80.jpg" width="960" height="80" alt="" /></a></div>
<div class="wrap">
 <div class="crumb">您的位置:<a href="/">首页</a> &gt; <a href="/news/local/">本地新闻</a> &gt; 正文</div>
 <div class="main-left">
  <div class="news-body">
   <h1>Larchmouth opens late-night library in old warehouse</h1>
   <div class="news-info"><span class="pubtime">2025-03-14 08:05:30</span> <span class="column">[<a href="/news/local/">本地新闻</a>]</span> <span>来源:Larchmouth Evening Post</span> <span class="views">点击:<em>1024</em></span></div>
   <div class="news-text">
<p><img data-original="/uploads/2025/03/library-hall.jpg" src="/images/grey.gif" alt="reading hall" /></p>
{paras}
<p>{BYLINE.replace('&', '&amp;')}</p>
   </div>
   <div class="share-bar">分享到: <a href="#">微博</a> <a href="#">朋友圈</a></div>
  </div>
  <div class="relnews">
   <h3>相关新闻</h3>
   <ul>
{related}
   </ul>
  </div>
 </div>
 <div class="main-right">
  <div class="box"><h3>点击排行</h3><ol><li><a href="/news/2025/0301/90.html">东岸新区规划公示</a></li><li><a href="/news/2025/0302/91.html">春季花展开幕</a></li><li><a href="/news/2025/0303/92.html">河口大桥夜景</a></li></ol></div>
 </div>
</div>
<div id="footer"><p>版权所有 &copy; 2025 河口在线 保留所有权利</p><p><a href="/about/">关于本站</a> | <a href="/contact/">联系我们</a></p></div>
</body>
</html>
"""


if __name__ == "__main__":
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "portal-b.html")
    with open(out, "wb") as f:
        f.write(page().encode("gbk"))
