#pragma once

// Reading one story out of a list item element (internal to app/pages).

#include "pages/ListDates.h"
#include "pages/PageLists.h"

#include <libxml/tree.h>

#include <QUrl>

namespace bs::pages
{

// What every item of one page is read against.
struct PageContext {
    QUrl base;       // the page URL with <base href> applied
    QString siteKey; // the page's registrable domain ("example.cn" for news.example.cn)
    DateContext dates;
    // A teaser shorter than this text mass is dropped (page lists: metadata lines are no teaser).
    qsizetype minSnippetMass = 40;
};

// How the item looked, for scoring (PageListItem has what a reader sees).
struct ItemFeatures {
    int links = 0;           // distinct link targets in the item
    double titleWeight = 0;  // words in the title (a CJK character counts half)
    bool dateShown = false;  // the item's text or a <time> shows a date
    bool articleUrl = false; // the URL looks like an article's (see urlLooksLikeArticle)
    bool navigationUrl = false;
    bool sameSite = false;
    bool headingTitle = false; // the title link is (in) a heading: a story's own headline
};

struct ReadItem {
    PageListItem item; // url invalid when the element holds no usable link
    ItemFeatures features;
};

// The story an item element holds: the title link (a heading's link, else the longest link
// text; the link's title attribute when the text is cut with "..."), its URL, the date shown
// (a <time datetime>, else a date in the text, else one in the URL), the teaser text beside
// the link (or in the element after a heading/<dt>), and its picture (src or a lazy-loading
// data-src).
ReadItem readItem(xmlNode *element, const PageContext &context);

// Where a link leads, absolute and without its fragment; invalid for javascript:, mailto:,
// in-page anchors and the page itself.
QUrl linkTarget(const xmlNode *a, const PageContext &context);
// A "more" link's text ("[详细]", "Read more »", "weiterlesen", "»"), not a story's title.
bool isMoreLink(const QString &text);
// Words in a title: spaced words, CJK characters count half each.
double titleWeight(const QString &title);
// The registrable domain of a host: the last two labels, three under "com.cn"-like suffixes.
QString siteKeyOf(const QString &host);
// An address that looks like a story's page: a date, a long number, a .html file, or a long
// slug, on a path of its own. Navigation: the site root, tag/category/author/search/login
// pages, pagination.
bool urlLooksLikeArticle(const QUrl &url);
bool urlLooksLikeNavigation(const QUrl &url);
// The text mass of a string: CJK characters count three (one CJK character carries about as
// much as three Latin letters).
qsizetype textMass(QStringView text);

} // namespace bs::pages
