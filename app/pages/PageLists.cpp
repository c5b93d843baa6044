#include "pages/PageLists.h"

#include "html/ExtractorDom.h"
#include "html/HtmlParse.h"
#include "html/PageCharset.h"
#include "pages/CssSelector.h"
#include "pages/ListFinder.h"

#include <QJsonArray>

#include <memory>

namespace bs
{

using namespace dom;
using namespace pages;

namespace
{

// As article pages are capped (ArticleDownloader): a list page larger than this is refused.
constexpr qsizetype kMaxPageBytes = 8 * 1024 * 1024;

struct ParsedPage {
    HtmlDocPtr doc;
    xmlNode *body = nullptr;
    PageContext context;
};

QString pageTitle(xmlDoc *doc)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    for (xmlNode *n = root; n; n = next(n, root))
        if (is(n, "title"))
            return innerText(n);
    return {};
}

// Where the page's zoneless times are read: China for Chinese pages, Japan and Korea for
// theirs, else as written (UTC).
void readZone(xmlDoc *doc, const QUrl &url, const QString &encoding, DateContext &dates)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    const QString lang = root ? attr(root, "lang").toLower() : QString();
    const QString host = url.host().toLower();
    const QString enc = encoding.toLower();
    if (lang.startsWith(QLatin1String("zh")) || enc == QLatin1String("gbk") ||
        enc == QLatin1String("gb18030") || enc == QLatin1String("big5") ||
        host.endsWith(QLatin1String(".cn")) || host.endsWith(QLatin1String(".tw")) ||
        host.endsWith(QLatin1String(".hk")))
        dates.offsetSecs = 8 * 3600;
    else if (lang.startsWith(QLatin1String("ja")) || lang.startsWith(QLatin1String("ko")) ||
             enc == QLatin1String("shift_jis") || enc == QLatin1String("euc-jp") ||
             enc == QLatin1String("euc-kr") || host.endsWith(QLatin1String(".jp")) ||
             host.endsWith(QLatin1String(".kr")))
        dates.offsetSecs = 9 * 3600;
    // 09/21/2024 is the US order; most of the world writes the day first.
    dates.dayFirst = !(lang == QLatin1String("en") || lang.startsWith(QLatin1String("en-us")) ||
                       (lang.isEmpty() && host.endsWith(QLatin1String(".com"))));
}

bool parsePage(const QByteArray &bytes, const QUrl &url, const QString &contentType,
               const PageListOptions &options, ParsedPage &page, PageListsResult &out)
{
    if (bytes.trimmed().isEmpty()) {
        out.error = QStringLiteral("The page is empty.");
        return false;
    }
    if (bytes.size() > kMaxPageBytes) {
        out.error = QStringLiteral("The page is larger than %1 MiB; not reading it.")
                        .arg(kMaxPageBytes >> 20);
        return false;
    }
    const DecodedDocument decoded = decodeHtmlPage(bytes, contentType);
    out.encoding = decoded.encoding;
    if (looksBinary(decoded.utf8)) {
        out.error = QStringLiteral("The address holds binary data, not a web page.");
        return false;
    }
    page.doc = parseHtml(parserSafeHtml(decoded.utf8));
    page.body = page.doc ? bodyOf(page.doc.get()) : nullptr;
    if (!page.body) {
        out.error = QStringLiteral("The page could not be read as HTML.");
        return false;
    }
    out.title = pageTitle(page.doc.get());
    page.context.base = baseOf(page.doc.get(), url);
    page.context.siteKey = siteKeyOf(url.host());
    page.context.dates.now = options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc();
    readZone(page.doc.get(), url, decoded.encoding, page.context.dates);
    return true;
}

QJsonValue isoOrNull(const QDateTime &when)
{
    return when.isValid() ? QJsonValue(when.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject PageListItem::toJson() const
{
    return QJsonObject{{QStringLiteral("title"), title},
                       {QStringLiteral("url"), url.toString()},
                       {QStringLiteral("published"), isoOrNull(published)},
                       {QStringLiteral("snippet"), snippet},
                       {QStringLiteral("image"), image.isValid() ? QJsonValue(image.toString())
                                                                 : QJsonValue(QJsonValue::Null)}};
}

QJsonObject PageList::toJson() const
{
    QJsonArray array;
    for (const PageListItem &i : items)
        array.append(i.toJson());
    return QJsonObject{{QStringLiteral("score"), std::round(score * 100) / 100},
                       {QStringLiteral("selector"), selector},
                       {QStringLiteral("items"), array}};
}

PageListsResult findPageLists(const QByteArray &bytes, const QUrl &url, const QString &contentType,
                              const PageListOptions &options)
{
    PageListsResult out;
    ParsedPage page;
    if (!parsePage(bytes, url, contentType, options, page, out))
        return out;
    constexpr double kMinScore = 6;
    const std::vector<ListCandidate> found = findListCandidates(
        page.doc.get(), page.body, page.context, std::max(1, options.maxLists), kMinScore / 3);
    const bool none = found.empty() || found.front().score < kMinScore;
    if (looksLikeArticle(page.body, none ? nullptr : &found.front())) {
        out.error = QStringLiteral("The page is an article, not a list of stories: follow the "
                                   "site's section or home page instead.");
        return out;
    }
    if (none) {
        out.error = QStringLiteral(
            "The page shows no list of stories (it may be an error page, or a page that builds "
            "its list with JavaScript).");
        return out;
    }
    for (const ListCandidate &c : found) {
        if (c.score < kMinScore / 3)
            break;
        out.lists.append(PageList{c.score, c.selector, c.items});
    }
    return out;
}

PageListsResult readPageList(const QByteArray &bytes, const QUrl &url, const QString &selector,
                             const QString &contentType, const PageListOptions &options)
{
    PageListsResult out;
    const QString syntax = pageSelectorError(selector);
    if (!syntax.isEmpty()) {
        out.error = syntax;
        return out;
    }
    ParsedPage page;
    if (!parsePage(bytes, url, contentType, options, page, out))
        return out;
    const std::vector<xmlNode *> elements = selectElements(page.doc.get(), selector);
    if (elements.empty()) {
        out.error = QStringLiteral("The selector %1 matches nothing on the page (has the site "
                                   "changed its layout?).")
                        .arg(selector);
        return out;
    }
    PageList list;
    list.selector = selector;
    list.items = itemsOf(elements, page.context);
    if (list.items.isEmpty()) {
        out.error = QStringLiteral("The selector %1 matches %2 element(s), but none holds a "
                                   "link to a story.")
                        .arg(selector)
                        .arg(elements.size());
        return out;
    }
    list.score = double(list.items.size());
    out.lists.append(list);
    return out;
}

QString pageSelectorError(const QString &selector)
{
    QString error;
    if (selector.trimmed().isEmpty())
        return QStringLiteral("The selector is empty.");
    if (cssToXPath(selector, &error).isEmpty())
        return error.isEmpty() ? QStringLiteral("Not a valid selector: %1").arg(selector) : error;
    return {};
}

} // namespace bs
