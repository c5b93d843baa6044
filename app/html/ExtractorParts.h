#pragma once

// The pieces of the extractor (internal to app/html): metadata, the portal date line and
// byline, the related-stories list, and the article scoring pass.

#include "html/Extractor.h"

#include <libxml/tree.h>

#include <QDateTime>
#include <QString>
#include <QUrl>

namespace bs::extract
{

struct PageMetadata {
    QString title; // from JSON-LD / meta tags, else the cleaned <title>
    QString byline;
    QString excerpt;
    QString siteName;
    QString publishedText;
    QDateTime published;
    QUrl leadImage;
    QString lang;
    QString dir;
};

// The page's metadata. `base` resolves image URLs.
PageMetadata readMetadata(xmlDoc *doc, const QUrl &base);
// <title> without the site name ("Story - Site", "Story | Site", "Story_Channel_Site").
QString cleanedDocumentTitle(xmlDoc *doc);
// How alike two texts are, 0..1 (share of b's words that are also in a).
double textSimilarity(const QString &a, const QString &b);

// A portal's date line ("2013-05-06 09:33  来源: ...", "[category]"), removed from the tree.
struct DateLine {
    QString dateText;
    QDateTime published; // UTC; a date without zone is read as China time on CJK pages
    QString category;
    QString source;
    QString author;
};
DateLine takeDateLine(xmlNode *body, bool cjkPage);

// A byline written as the article's last paragraph: "(责任编辑: X)", "By X (mail)", "作者: X".
// Returns the name and removes that paragraph, or returns empty.
QString takeEndByline(xmlNode *article);

// The page's related-stories lists; the blocks they came from are removed from the tree.
// *confidence (when given): how surely the stories are the page's related ones, 0..1 (their
// blocks' confidence, weighted by their number of stories; 0 without any).
QList<RelatedLink> takeRelated(xmlNode *body, const QUrl &base, const QString &title = {},
                               double *confidence = nullptr);

enum GrabFlag {
    StripUnlikely = 1,
    WeightClasses = 2,
    CleanConditionally = 4,
};

struct Grabbed {
    xmlNode *article = nullptr; // a <div> in doc, unlinked from the page
    QString byline;             // a byline element found on the way
    QString dir;                // dir attribute of the chosen block or its ancestors
    qsizetype textLength = 0;
};

// The scoring pass over the body of doc. `title` lets headings that repeat it go.
Grabbed grabArticle(xmlDoc *doc, int flags, const QString &title);

// Pre-pass shared by every attempt: scripts, styles, comments and forms of hidden content go;
// lazy images get their real src; <font> becomes <span>.
void prepareDocument(xmlDoc *doc);

// Plain text: paragraphs separated by blank lines.
QString articleText(xmlNode *article);

} // namespace bs::extract
