#pragma once

// The list finder's parts (internal to app/pages).

#include "pages/ListItems.h"

#include <libxml/tree.h>

#include <vector>

namespace bs::pages
{

// A group of sibling elements of the same kind (one per story) and what they read as.
struct ListCandidate {
    std::vector<xmlNode *> members;
    QList<PageListItem> items; // distinct URLs, page order
    double score = 0;
    QString selector;
};

// Sibling elements of one kind (one per story) under one container, or under sibling containers
// of one kind (a list cut into blocks): their link-title mass and how many hold a link.
struct SiblingGroup {
    std::vector<xmlNode *> members;
    xmlNode *container = nullptr;
    double mass = 0;
    int linked = 0;
};

// Every group of at least minMembers same-signature siblings with that many links, and the
// runs of such groups in sibling containers merged.
std::vector<SiblingGroup> siblingGroups(xmlNode *body, int minMembers);

// Every group of repeated elements holding links, scored, overlapping groups removed, best
// first, at most `max`; those scoring at least `selectorFloor` get their selector.
std::vector<ListCandidate> findListCandidates(xmlDoc *doc, xmlNode *body,
                                              const PageContext &context, int max,
                                              double selectorFloor = 0);

// The heading a box gives itself: a heading (or a short "title" element) just before the
// container or at the start of its parent; empty when there is none.
QString boxHeading(xmlNode *container);

// The items of these elements, de-duplicated by URL.
QList<PageListItem> itemsOf(const std::vector<xmlNode *> &elements, const PageContext &context);

// A CSS selector that matches these elements (their stories: `items`) and nothing that adds
// another story.
QString selectorFor(xmlDoc *doc, const std::vector<xmlNode *> &members,
                    const QList<PageListItem> &items, const PageContext &context);

// Whether the page reads as one article rather than a list: its prose outweighs the list.
// `best` may be null (no list at all).
bool looksLikeArticle(xmlNode *body, const ListCandidate *best);

} // namespace bs::pages
