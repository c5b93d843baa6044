// Writing a CSS selector a person can read for a list the finder chose.

#include "html/ExtractorDom.h"
#include "pages/CssSelector.h"
#include "pages/ListFinder.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace bs::pages
{

using namespace dom;

namespace
{

constexpr int kMaxSteps = 12;

bool stableName(const QString &name)
{
    static const QRegularExpression generated(QStringLiteral(
        "\\d{3,}|^[a-z]{1,3}-[a-f0-9]{5,}$|^css-|^sc-|^jsx-|[A-Z][a-z]+_[a-zA-Z0-9]{5}$"));
    return isPlainIdentifier(name) && !generated.match(name).hasMatch();
}

QStringList stableClasses(const xmlNode *n)
{
    QStringList out;
    if (!n->properties)
        return out;
    for (const QString &c :
         attr(n, "class").simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts))
        if (stableName(c) && !out.contains(c))
            out.append(c);
    return out;
}

// tag.class.class for nodes of one kind: the classes they all share (at most two).
QString commonStep(const std::vector<xmlNode *> &nodes)
{
    QString tagName = QString::fromUtf8(tag(nodes.front()));
    QStringList shared = stableClasses(nodes.front());
    for (xmlNode *n : nodes) {
        if (QString::fromUtf8(tag(n)) != tagName)
            tagName = QStringLiteral("*");
        const QStringList mine = stableClasses(n);
        shared.removeIf([&mine](const QString &c) { return !mine.contains(c); });
    }
    QString step = tagName;
    for (qsizetype i = 0; i < shared.size() && i < 2; ++i)
        step += QLatin1Char('.') + shared.at(i);
    return step;
}

QString stepFor(xmlNode *n, bool *anchored)
{
    const QString id = attr(n, "id").trimmed();
    if (!id.isEmpty() && stableName(id)) {
        *anchored = true;
        return QString::fromUtf8(tag(n)) + QLatin1Char('#') + id;
    }
    return commonStep({n});
}

int nthOfType(const xmlNode *n)
{
    int index = 1;
    for (const xmlNode *s = n->prev; s; s = s->prev)
        if (isElement(s) && std::strcmp(tag(s), tag(n)) == 0)
            ++index;
    return index;
}

bool sameElements(std::vector<xmlNode *> found, std::vector<xmlNode *> wanted)
{
    std::sort(found.begin(), found.end());
    std::sort(wanted.begin(), wanted.end());
    return found == wanted;
}

// The selector matches the members, and what else it matches adds no story.
bool fits(xmlDoc *doc, const QString &selector, const std::vector<xmlNode *> &members,
          const QSet<QUrl> &urls, const PageContext &context)
{
    const std::vector<xmlNode *> found = selectElements(doc, selector);
    if (found.size() < members.size())
        return false;
    if (sameElements(found, members))
        return true;
    const QSet<xmlNode *> wanted(members.begin(), members.end());
    std::vector<xmlNode *> extra;
    for (xmlNode *n : found)
        if (!wanted.contains(n))
            extra.push_back(n);
    if (extra.size() > members.size())
        return false;
    // Extra matches may only hold links to the list's own stories (a cheap look at their
    // links, not a full read).
    for (xmlNode *e : extra)
        for (xmlNode *n = e; n; n = next(n, e))
            if (is(n, "a")) {
                const QUrl target = linkTarget(n, context);
                if (target.isValid() && !urls.contains(target))
                    return false;
            }
    return true;
}

} // namespace

QString selectorFor(xmlDoc *doc, const std::vector<xmlNode *> &members,
                    const QList<PageListItem> &items, const PageContext &context)
{
    if (members.empty())
        return {};
    // The chain from the items up: items, their container(s), then single ancestors.
    std::vector<xmlNode *> containers;
    for (xmlNode *m : members)
        if (m->parent &&
            std::find(containers.begin(), containers.end(), m->parent) == containers.end())
            containers.push_back(m->parent);
    QStringList chain; // innermost first
    chain.append(commonStep(members));
    bool anchored = false;
    xmlNode *above = nullptr;
    if (containers.size() == 1) {
        chain.append(stepFor(containers.front(), &anchored));
        above = containers.front()->parent;
    } else {
        chain.append(commonStep(containers));
        above = containers.front()->parent;
        for (xmlNode *c : containers)
            if (c->parent != above)
                above = nullptr;
    }
    std::vector<xmlNode *> ancestors;
    for (xmlNode *n = above;
         n && isElement(n) && !is(n, "html") && chain.size() < kMaxSteps && !anchored;
         n = n->parent) {
        ancestors.push_back(n);
        chain.append(stepFor(n, &anchored));
        if (is(n, "body"))
            break;
    }
    QSet<QUrl> urls;
    for (const PageListItem &i : items)
        urls.insert(i.url);
    const auto join = [&chain](qsizetype steps) {
        QStringList parts = chain.mid(0, steps);
        std::reverse(parts.begin(), parts.end());
        return parts.join(QStringLiteral(" > "));
    };
    const auto named = [](const QString &step) {
        return step.contains(QLatin1Char('.')) || step.contains(QLatin1Char('#'));
    };
    for (qsizetype steps = 2; steps <= chain.size(); ++steps) {
        // A chain of bare tags ("div > ul > li") rarely stands for one list on a real page:
        // go on to a named ancestor before asking libxml2.
        bool anyName = false;
        for (qsizetype i = 0; i < steps; ++i)
            anyName = anyName || named(chain.at(i));
        if (!anyName && steps < chain.size())
            continue;
        const QString selector = join(steps);
        if (fits(doc, selector, members, urls, context))
            return selector;
    }
    // Positions where names do not tell the boxes apart.
    if (containers.size() == 1) {
        chain[1] += QStringLiteral(":nth-of-type(%1)").arg(nthOfType(containers.front()));
        for (size_t i = 0; i < ancestors.size(); ++i) {
            const QString selector = join(qsizetype(i) + 2);
            if (fits(doc, selector, members, urls, context))
                return selector;
            if (!chain[qsizetype(i) + 2].contains(QLatin1Char('#')) && !is(ancestors[i], "body"))
                chain[qsizetype(i) + 2] +=
                    QStringLiteral(":nth-of-type(%1)").arg(nthOfType(ancestors[i]));
        }
        const QString selector = join(chain.size());
        if (fits(doc, selector, members, urls, context))
            return selector;
    }
    return join(chain.size());
}

} // namespace bs::pages
