// AddFeedDialog: following a site's page when it has no feed (or when asked to): the page's
// lists of stories, each with its first titles, and a preview of the chosen one.

#include "AddFeedDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace bs
{

namespace
{

// How many stories of the chosen list the preview shows.
constexpr int kPreviewItems = 12;

QString itemTitle(const PageListItem &item)
{
    return item.title.isEmpty() ? item.url.toDisplayString() : item.title;
}

// Where a candidate row keeps its parts (the display text holds all three, one a line).
constexpr int kSelectorRole = Qt::UserRole;
constexpr int kHeadRole = Qt::UserRole + 1;
constexpr int kTitlesRole = Qt::UserRole + 2;

// Draws a candidate list as three lines: its story count in bold, its first titles, and its
// selector in a smaller, dimmer monospace; each elided to the row.
class CandidateDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
        const bool selected = opt.state & QStyle::State_Selected;
        const QColor text =
            opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
        QRect rect = opt.rect.adjusted(kPad, kPad, -kPad, -kPad);
        painter->save();
        const auto line = [&](const QFont &font, const QColor &color, const QString &value) {
            const QFontMetrics metrics(font);
            painter->setFont(font);
            painter->setPen(color);
            painter->drawText(QRect(rect.topLeft(), QSize(rect.width(), metrics.height())),
                              Qt::AlignLeft | Qt::AlignVCenter,
                              metrics.elidedText(value, Qt::ElideRight, rect.width()));
            rect.setTop(rect.top() + metrics.height());
        };
        QFont bold = opt.font;
        bold.setBold(true);
        line(bold, text, index.data(kHeadRole).toString());
        line(opt.font, text, index.data(kTitlesRole).toString());
        QColor dim = text;
        dim.setAlphaF(0.7f);
        line(selectorFont(opt.font), dim, index.data(kSelectorRole).toString());
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        const QFontMetrics metrics(option.font);
        return {metrics.averageCharWidth() * 30,
                2 * metrics.height() + QFontMetrics(selectorFont(option.font)).height() + 2 * kPad};
    }

private:
    static constexpr int kPad = 4;
    static QFont selectorFont(const QFont &base)
    {
        QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        font.setPointSizeF(base.pointSizeF() * 0.9);
        return font;
    }
};

} // namespace

void AddFeedDialog::buildPagePanel()
{
    m_followPage->setToolTip(tr("Broadsheet reads the site's page at every update and follows "
                                "one of its lists of stories, even when the site has a feed"));
    m_pageNote->setWordWrap(true);
    m_pageNote->setTextFormat(Qt::PlainText);
    // One column, one candidate a row: its count, its first titles, its selector (elided).
    m_pageLists->setObjectName(QStringLiteral("pageLists"));
    m_pageLists->setColumnCount(1);
    m_pageLists->setHeaderHidden(true);
    m_pageLists->setRootIsDecorated(false);
    m_pageLists->setWordWrap(false);
    m_pageLists->setTextElideMode(Qt::ElideRight);
    m_pageLists->setAlternatingRowColors(true);
    m_pageLists->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_pageLists->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_pageLists->setItemDelegate(new CandidateDelegate(m_pageLists));
    m_pagePreview->setObjectName(QStringLiteral("pagePreview"));
    m_pagePreview->setColumnCount(2);
    m_pagePreview->setHeaderLabels({tr("Story"), tr("Date")});
    m_pagePreview->setRootIsDecorated(false);
    m_pagePreview->setSelectionMode(QAbstractItemView::NoSelection);
    m_pagePreview->setFocusPolicy(Qt::NoFocus);
    m_pagePreview->header()->setStretchLastSection(false);
    m_pagePreview->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_pagePreview->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto *lists = new QWidget;
    auto *listsLayout = new QVBoxLayout(lists);
    listsLayout->setContentsMargins(0, 0, 0, 0);
    auto *listsLabel = new QLabel(tr("&Lists of stories on the page:"));
    listsLabel->setBuddy(m_pageLists);
    listsLayout->addWidget(listsLabel);
    listsLayout->addWidget(m_pageLists);
    auto *preview = new QWidget;
    auto *previewLayout = new QVBoxLayout(preview);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(new QLabel(tr("First stories of the chosen list:")));
    previewLayout->addWidget(m_pagePreview);
    auto *split = new QSplitter(Qt::Horizontal);
    split->setChildrenCollapsible(false);
    split->addWidget(lists);
    split->addWidget(preview);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto *pageLayout = new QVBoxLayout(m_pagePanel);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addWidget(m_pageNote);
    pageLayout->addWidget(split, 1);
    m_pagePanel->hide();
}

void AddFeedDialog::pageListsFound(const QUrl &url, const PageListsResult &result)
{
    if (m_state != State::AwaitingLists || url != m_discovering)
        return; // the site's feeds are used, or an answer for another dialog
    if (result.lists.isEmpty())
        noPageLists(result.error.isEmpty() ? tr("The page holds no list of stories.")
                                           : result.error);
    else
        showPageLists(url, result);
}

void AddFeedDialog::noPageLists(const QString &why)
{
    m_state = State::Idle;
    const QString address = m_discovering.toDisplayString();
    if (why.isEmpty()) // the address answered with something other than a web page
        showError(m_siteHasFeeds
                      ? tr("%1 is a feed, not a web page with a list of stories. Clear “Follow "
                           "the page's list of stories” to subscribe to it.")
                            .arg(address)
                      : tr("No feed was found at %1. Check the address, or try the address of "
                           "the site's home page or of the feed itself.")
                            .arg(address));
    else if (m_siteHasFeeds)
        showError(tr("Broadsheet found no list of stories to follow on %1: %2").arg(address, why));
    else
        showError(tr("No feed was found at %1, and Broadsheet found no list of stories on the "
                     "page to follow instead: %2")
                      .arg(address, why));
}

void AddFeedDialog::showPageLists(const QUrl &url, const PageListsResult &result)
{
    m_state = State::ChoosingList;
    m_choicesFor = url;
    m_pageResult = result;
    const QString site = result.title.isEmpty() ? url.toDisplayString() : result.title;
    m_pageNote->setText(
        m_siteHasFeeds
            ? tr("Broadsheet will follow a list of stories on the page of “%1” instead of "
                 "its feed: it reads the page at every update and adds the list's new "
                 "stories as articles. The list that looks most like the page's main stories "
                 "is chosen; check its first stories on the right.")
                  .arg(site)
            : tr("“%1” publishes no feed. Broadsheet will follow a list of stories on its "
                 "page instead: it reads the page at every update and adds the list's new "
                 "stories as articles. The list that looks most like the page's main stories "
                 "is chosen; check its first stories on the right.")
                  .arg(site));
    m_pageLists->clear();
    for (int i = 0; i < result.lists.size(); ++i) {
        const PageList &list = result.lists.at(i);
        QStringList titles;
        for (int t = 0; t < list.items.size() && t < 3; ++t)
            titles << itemTitle(list.items.at(t));
        QString head = tr("%n stories", "", int(list.items.size()));
        if (i == 0)
            head = tr("%1 (best match)").arg(head);
        // Three lines: how many stories, the first titles, the selector.
        auto *item = new QTreeWidgetItem(m_pageLists, {head + QLatin1Char('\n') +
                                                       titles.join(QStringLiteral(" · ")) +
                                                       QLatin1Char('\n') + list.selector});
        item->setToolTip(0, tr("Selector: %1").arg(list.selector) + QStringLiteral("\n\n") +
                                titles.join(QLatin1Char('\n')));
        item->setData(0, kSelectorRole, list.selector);
        item->setData(0, kHeadRole, head);
        item->setData(0, kTitlesRole, titles.join(QStringLiteral(" · ")));
    }
    m_pagePanel->show();
    m_pageLists->setCurrentItem(m_pageLists->topLevelItem(0));
    m_pageLists->setFocus();
    m_message->setStyleSheet(QString());
    m_message->setText(tr("Choose a list and press Add."));
    m_message->show();
    resize(std::max(width(), 820), std::max(height(), 560));
}

void AddFeedDialog::showListPreview()
{
    m_pagePreview->clear();
    const int row = m_pageLists->indexOfTopLevelItem(m_pageLists->currentItem());
    if (row < 0 || row >= m_pageResult.lists.size())
        return;
    const PageList &list = m_pageResult.lists.at(row);
    for (int i = 0; i < list.items.size() && i < kPreviewItems; ++i) {
        const PageListItem &story = list.items.at(i);
        auto *item = new QTreeWidgetItem(
            m_pagePreview,
            {itemTitle(story),
             story.published.isValid()
                 ? QLocale().toString(story.published.toLocalTime(), QLocale::ShortFormat)
                 : QString()});
        item->setToolTip(0, story.url.toDisplayString());
    }
}

} // namespace bs
