#include "text/CjkSniffer.h"

#include "text/Charset.h"

#include <bitset>

namespace bs::charset
{

namespace
{

// About the 600 most frequent hanzi of modern Chinese text, most frequent first.
const char16_t CommonHans[] =
    u"的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而"
    u"子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没"
    u"动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与"
    u"长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应"
    u"战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给"
    u"世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系"
    u"气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管"
    u"期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界"
    u"达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉"
    u"格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济"
    u"车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流"
    u"备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官"
    u"火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广"
    u"显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽"
    u"推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音"
    u"跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围"
    u"江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值";

// The same characters in traditional form.
const char16_t CommonHant[] =
    u"的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而"
    u"子那得於著下自之年過發後作裡用道行所然家種事成方多經麼去法學如都同現當沒"
    u"動面起看定天分還進好小部其些主樣理心她本前開但因只從想實日軍者意無力它與"
    u"長把機十民第公此已工使情明性知全三又關點正業外將兩高間由問很最重並物手應"
    u"戰向頭文體政美相見被利什二等產或新己制身果加西斯月話合回特代內信表化老給"
    u"世位次度門任常先海通教兒原東聲提立及比員解水名真論處走義各入幾口認條平系"
    u"氣題活爾更別打女變四神總何電數安少報才結反受目太量再感建務做接必場件計管"
    u"期市直德資命山金指克許統區保至隊形社便空決治展馬科司五基眼書非則聽白卻界"
    u"達光放強即像難且權思王象完設式色路記南品住告類求據程北邊死張該交規萬取拉"
    u"格望覺術領共確傳師觀清今切院讓識候帶導爭運笑飛風步改收根乾造言聯持組每濟"
    u"車親極林服快辦議往元英士證近失轉夫令準布始怎呢存未遠叫台單影具羅字愛擊流"
    u"備兵連調深商算質團集百需價花黨華城石級整府離況亞請技際約示復病息究線似官"
    u"火斷精滿支視消越器容照須九增研寫稱企八功嗎包片史委乎查輕易早曾除農找裝廣"
    u"顯吧阿李標談吃圖念六引歷首醫局突專費號盡另周較注語僅考落青隨選列武紅響雖"
    u"推勢參希古眾構房半節土投某案黑維革劃敵致陳律足態護七興派孩驗責營星夠章音"
    u"跟志底站嚴巴例防族供效續施留講型料終答緊黃絕奇察母京段依批群項故按河米圍"
    u"江織害鬥雙境客紀採舉殺攻父蘇密低朝友訴止細願千值";

// Frequent kanji of Japanese news text (kana are counted by range).
const char16_t CommonKanji[] =
    u"日一国人年大十二本中長出三時行見月分後前生五間上東四今金九入学高円子外八"
    u"六下来気小七山話女北午百書先名川千水半男西電校語土木聞食車何南万毎白天母"
    u"火右読友左休父雨会社者事自発用業方地理合同内目部新作動手実代意対問場立明"
    u"当関的法通成定全力体政経物市度化回野主性数私元題最員表開記選情報思連不世"
    u"界米首相都道府県党議院決権約近強機能以無所結果在安株価件警察調査容疑逮捕";

// Frequent hangul syllables of Korean text.
const char16_t CommonHangul[] =
    u"이다의는에하고을가서지로한기도사리자어일시나인수대정있게를과들그국아적만"
    u"부것라으여해상보전제장관년동주우소성원방연없요내면문경중진실후회화신생학"
    u"계선무발공세비개미구물치안영현재위터분명되었습니말때통러또했며데할및까음"
    u"르등용운행모바날간오두차많같거처번산교식조강결금형민점단활작감본드트스크"
    u"프레마배함받각별알저더씨께님네예왜좀잘싶않못였던울령";

enum class Script { Hans, Hant, Japanese, Korean };

using CharSet = std::bitset<0x10000>;

CharSet makeSet(std::initializer_list<std::u16string_view> lists)
{
    CharSet set;
    for (std::u16string_view list : lists)
        for (char16_t c : list)
            set.set(c);
    // CJK symbols and punctuation, full-width ASCII forms: every language here writes them.
    for (char16_t c = 0x3000; c <= 0x303F; ++c)
        set.set(c);
    for (char16_t c = 0xFF01; c <= 0xFF5E; ++c)
        set.set(c);
    return set;
}

const CharSet &commonCharacters(Script script)
{
    static const CharSet hans = makeSet({CommonHans});
    static const CharSet hant = makeSet({CommonHant});
    static const CharSet japanese = [] {
        CharSet set = makeSet({CommonKanji});
        for (char16_t c = 0x3041; c <= 0x30FF; ++c) // hiragana, katakana, prolonged sound mark
            set.set(c);
        return set;
    }();
    static const CharSet korean = makeSet({CommonHangul});
    switch (script) {
    case Script::Hans:
        return hans;
    case Script::Hant:
        return hant;
    case Script::Japanese:
        return japanese;
    case Script::Korean:
        break;
    }
    return korean;
}

struct Candidate {
    const char *name;
    Script script;
};

constexpr Candidate Candidates[] = {
    {"gbk", Script::Hans},        {"big5", Script::Hant},     {"shift_jis", Script::Japanese},
    {"euc-jp", Script::Japanese}, {"euc-kr", Script::Korean},
};

constexpr qsizetype SampleSize = 64 * 1024;
constexpr qsizetype MinCharacters = 4;
constexpr double MinScore = 0.3;
constexpr double MinLead = 0.1;

} // namespace

QByteArray sniffCjkEncoding(QByteArrayView bytes)
{
    if (isAscii(bytes) || isValidUtf8(bytes))
        return {};
    // Cut the sample after an ASCII byte so that no character is split.
    QByteArrayView sample = bytes.first(std::min(bytes.size(), SampleSize));
    if (sample.size() < bytes.size()) {
        qsizetype cut = sample.size();
        while (cut > 0 && static_cast<unsigned char>(sample[cut - 1]) >= 0x80)
            --cut;
        if (cut > 0)
            sample = sample.first(cut);
    }
    double best = 0, second = 0;
    const char *bestName = nullptr;
    for (const Candidate &candidate : Candidates) {
        const Decoded decoded = decode(sample, codecForLabel(candidate.name));
        if (decoded.nonAscii < MinCharacters || decoded.errors * 50 > decoded.nonAscii)
            continue;
        const CharSet &common = commonCharacters(candidate.script);
        qsizetype hits = 0;
        for (QChar c : decoded.text)
            hits += c.unicode() > 0x7F && common.test(c.unicode());
        const double score = double(hits - 5 * decoded.errors) / double(decoded.nonAscii);
        if (score > best) {
            second = best;
            best = score;
            bestName = candidate.name;
        } else if (score > second) {
            second = score;
        }
    }
    if (!bestName || best < MinScore || best - second < MinLead)
        return {};
    return QByteArray(bestName);
}

} // namespace bs::charset
