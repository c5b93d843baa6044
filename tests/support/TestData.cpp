#include "TestData.h"

namespace bs::test
{

namespace
{
const char *const kWords[] = {
    "market",  "city",     "council",   "river",   "budget",    "election", "school",  "bridge",
    "weather", "storm",    "festival",  "music",   "science",   "energy",   "solar",   "harbour",
    "railway", "minister", "summit",    "trade",   "farmers",   "harvest",  "museum",  "library",
    "health",  "hospital", "research",  "ocean",   "climate",   "report",   "village", "mountain",
    "league",  "match",    "season",    "company", "software",  "network",  "police",  "court",
    "border",  "office",   "agreement", "peace",   "talks",     "vote",     "union",   "strike",
    "price",   "housing",  "transport", "airport", "satellite", "launch",   "garden",  "forest"};
// A few hundred common characters in UTF-8, enough for varied Chinese text.
const char kHanzi[] =
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同"
    "工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二"
    "理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那"
    "社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条"
    "只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次"
    "品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几"
    "九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压"
    "志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场"
    "身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温"
    "传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断"
    "深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值"
    "号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆"
    "包火住调满县局照参红细引听该铁价严龙飞";
} // namespace

QString ArticleGenerator::englishWords(int n)
{
    QString out;
    for (int i = 0; i < n; ++i) {
        if (i)
            out += QLatin1Char(' ');
        out += QLatin1String(kWords[m_random.bounded(int(std::size(kWords)))]);
    }
    return out;
}

QString ArticleGenerator::chineseText(int characters)
{
    static const QString hanzi = QString::fromUtf8(kHanzi);
    QString out;
    out.reserve(characters + characters / 20);
    for (int i = 0; i < characters; ++i) {
        out += hanzi.at(m_random.bounded(int(hanzi.size())));
        if (i % 20 == 19)
            out += QChar(0x3002); // 。
    }
    return out;
}

Article ArticleGenerator::make(qint64 feedId, int index, int words)
{
    Article a;
    a.feedId = feedId;
    a.guid = QStringLiteral("urn:test:%1:%2").arg(feedId).arg(index);
    a.url = QUrl(QStringLiteral("https://news.example.test/%1/%2.html").arg(feedId).arg(index));
    const bool chinese = index % 10 == 9;
    QString body;
    if (chinese) {
        a.title = chineseText(16);
        a.language = QStringLiteral("zh");
        for (int p = 0; p < 5; ++p)
            body += QStringLiteral("<p>") + chineseText(words / 5 * 2) + QStringLiteral("</p>");
    } else {
        a.title = englishWords(10);
        a.language = QStringLiteral("en");
        for (int p = 0; p < 5; ++p)
            body += QStringLiteral("<p>") + englishWords(words / 5) + QStringLiteral("</p>");
    }
    a.author = QStringLiteral("Reporter %1").arg(index % 17);
    a.content = body;
    a.published = QDateTime::fromSecsSinceEpoch(1700000000 + qint64(index) * 60, Qt::UTC);
    return a;
}

} // namespace bs::test
