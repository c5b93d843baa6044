#pragma once

#include "pages/ListItems.h"

#include <libxml/tree.h>

#include <vector>

namespace bs::pages
{

// One block of related stories on an article page, and the elements it occupies (the
// extractor takes them out of the text).
struct RelatedBlock {
    std::vector<xmlNode *> roots;
    QList<PageListItem> items;
    bool inText = false; // a teaser inside the article's text: listed, but left in the text
    // How surely the page presents it as related: a plain related heading 0.9, an in-text
    // teaser 0.8, a related name 0.75, portal "[详细]" items 0.7, a weak heading that matches
    // the article's topic or a story card 0.6.
    double confidence = 0;
};

// The page's own related stories: groups of repeated items (two or more) and single in-body
// teasers ("Read more: <link>", "Lesen Sie auch: <link>", "相关阅读：<link>") that the page
// presents as related — by a heading (相关新闻, 延伸阅读, Related articles, More on this story,
// Mehr zum Thema, Материалы по теме, 関連記事, Artigos relacionados, ...) or by class and id
// names (related, xgxw, ...), or portal-style items each with a snippet and a "[详细]"/"more"
// link — whose items lead to article-like pages with headline-length titles. Blocks in
// navigation, headers and footers, and boxes named or headed most read / trending / latest /
// popular / editors' picks / sponsored / tags / comments never count. Blocks in page order; a
// block inside an earlier one is left out.
// `title` (the article's) tells a block under a weak heading ("You may like", "Das könnte Sie
// auch interessieren") that is about this story from a rail of the site's latest ones.
std::vector<RelatedBlock> findRelatedBlocks(xmlNode *body, const PageContext &context,
                                            const QString &title = {});

} // namespace bs::pages
