#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

namespace bs
{

// One story of a list page: what a page feed turns into an article.
struct PageListItem {
    QString title;
    QUrl url;            // absolute (the page URL and <base href> resolved)
    QDateTime published; // as the page shows it (offset kept); invalid when it shows none
    QString snippet;     // the teaser text beside the link, when there is one
    QUrl image;          // the item's picture, when there is one

    // {title, url, published (ISO 8601 or null), snippet, image}
    QJsonObject toJson() const;
};

// A list of stories found on a page: the items, the CSS selector that addresses them (each
// match is one item), and how much it looks like the page's main list of articles.
struct PageList {
    double score = 0;
    QString selector; // CSS: tag, .class, #id, [attr="v"], :nth-of-type(n), ' ' and '>'
    QList<PageListItem> items;

    // {score, selector, items: [...]}
    QJsonObject toJson() const;
};

// What the list finder read out of a page.
struct PageListsResult {
    QList<PageList> lists; // best first
    QString title;         // the page's title (site name left as it is)
    QString encoding;      // the character encoding the page was read in
    QString error;         // set when the page could not be read or holds no list of stories

    bool ok() const { return error.isEmpty(); }
};

struct PageListOptions {
    // Relative dates ("3小时前", "2 hours ago") and years left out ("09-21") count from here.
    QDateTime now = QDateTime::currentDateTimeUtc();
    // At most this many lists are returned.
    int maxLists = 8;
};

// Finds a page's lists of articles and ranks them, best first. `bytes` are the page as served,
// `url` where it came from, `contentType` the HTTP Content-Type when known (decodeHtmlPage
// decides the encoding). Fails (error set, no lists) on empty, binary or oversized input and on
// a page without any list of stories (an article, an error page, a list built by JavaScript).
PageListsResult findPageLists(const QByteArray &bytes, const QUrl &url,
                              const QString &contentType = {}, const PageListOptions &options = {});

// Reads the items a stored selector addresses on a page (a page feed's sync). Fails when the
// page cannot be read, the selector is not valid, or it matches no item with a link.
PageListsResult readPageList(const QByteArray &bytes, const QUrl &url, const QString &selector,
                             const QString &contentType = {}, const PageListOptions &options = {});

// Checks a selector's syntax (the CSS subset above); returns the reason when it is not valid.
QString pageSelectorError(const QString &selector);

} // namespace bs
