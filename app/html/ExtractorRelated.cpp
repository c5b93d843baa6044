// A page's own related-stories list, found by pages/RelatedFinder (headed or named related
// blocks, portal lists with "[详细]" links, in-body "Read more:" teasers) and taken out of the
// document so that it does not read as article text.

#include "html/ExtractorDom.h"
#include "html/ExtractorParts.h"
#include "pages/ListItems.h"
#include "pages/RelatedFinder.h"

namespace bs::extract
{

QList<RelatedLink> takeRelated(xmlNode *body, const QUrl &base, const QString &title,
                               double *confidence)
{
    QList<RelatedLink> stories;
    if (!body)
        return stories;
    pages::PageContext context;
    context.base = base;
    context.siteKey = pages::siteKeyOf(base.host());
    context.dates.now = QDateTime::currentDateTimeUtc();
    context.minSnippetMass = 8;
    const std::vector<pages::RelatedBlock> blocks = pages::findRelatedBlocks(body, context, title);
    double weighted = 0;
    for (const pages::RelatedBlock &b : blocks) {
        for (const PageListItem &i : b.items)
            stories.append(RelatedLink{i.title, i.url, i.snippet});
        weighted += b.confidence * double(b.items.size());
    }
    if (confidence)
        *confidence = stories.isEmpty() ? 0 : weighted / double(stories.size());
    for (const pages::RelatedBlock &b : blocks)
        if (!b.inText)
            for (xmlNode *root : b.roots)
                dom::remove(root);
    return stories;
}

} // namespace bs::extract
