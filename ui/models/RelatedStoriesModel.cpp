#include "models/RelatedStoriesModel.h"

#include "models/BackgroundReader.h"
#include "search/RelatedStories.h"
#include "store/ArticleStore.h"

#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace bs
{

RelatedStoriesModel::RelatedStoriesModel(Database &reader, BackgroundReader *background,
                                         QObject *parent)
    : QAbstractListModel(parent), m_reader(reader), m_background(background)
{
}

QList<RelatedStoriesModel::Entry> RelatedStoriesModel::lookup(Database &db, qint64 articleId)
{
    QList<Entry> out;
    QString error;
    if (const auto related = RelatedStories(db).related(articleId, kMaxStories, &error);
        related && !related->stories.isEmpty()) {
        out << Entry{Kind::Heading, tr("Similar stories"), {}, 0, {}};
        for (const RelatedStory &story : related->stories)
            out << Entry{Kind::Cached,
                         story.title.isEmpty() ? tr("(untitled)") : story.title,
                         story.feedTitle,
                         story.id,
                         {}};
    }
    const auto page = ArticleStore(db).page(articleId);
    if (page) {
        QList<Entry> links;
        const QJsonArray items = QJsonDocument::fromJson(page->relatedJson.toUtf8()).array();
        for (const QJsonValue &value : items) {
            const QJsonObject item = value.toObject();
            const QUrl url(item.value(QLatin1String("url")).toString());
            // Only web addresses leave the app (to the system browser).
            if (!url.isValid() ||
                (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
                continue;
            const QString title = item.value(QLatin1String("title")).toString().simplified();
            links << Entry{Kind::Page, title.isEmpty() ? url.toString() : title,
                           item.value(QLatin1String("snippet")).toString().simplified(), 0, url};
        }
        if (!links.isEmpty()) {
            out << Entry{Kind::Heading, tr("From the article's page"), {}, 0, {}};
            out << links;
        }
    }
    return out;
}

void RelatedStoriesModel::setArticle(qint64 articleId)
{
    const int generation = ++m_generation;
    m_articleId = articleId;
    if (!m_entries.isEmpty()) {
        beginResetModel();
        m_entries.clear();
        endResetModel();
    }
    if (articleId <= 0) {
        m_loading = false;
        return;
    }
    m_loading = true;
    if (!m_background) {
        apply(articleId, generation, lookup(m_reader, articleId));
        return;
    }
    m_background->run<QList<Entry>>(
        this, [articleId](Database *db) { return db ? lookup(*db, articleId) : QList<Entry>(); },
        [this, articleId, generation](QList<Entry> entries) {
            apply(articleId, generation, std::move(entries));
        });
}

void RelatedStoriesModel::apply(qint64 articleId, int generation, QList<Entry> entries)
{
    if (generation != m_generation)
        return; // the user moved on: a newer lookup is on its way
    m_loading = false;
    if (!entries.isEmpty()) {
        beginResetModel();
        m_entries = std::move(entries);
        endResetModel();
    }
    emit loaded(articleId);
}

int RelatedStoriesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

Qt::ItemFlags RelatedStoriesModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return Qt::NoItemFlags;
    if (m_entries.at(index.row()).kind == Kind::Heading)
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant RelatedStoriesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (e.kind == Kind::Cached && !e.detail.isEmpty())
            return tr("%1 \u2014 %2").arg(e.title, e.detail);
        return e.title;
    case Qt::ToolTipRole:
        if (e.kind == Kind::Page)
            return e.detail.isEmpty() ? e.url.toString()
                                      : tr("%1\n%2").arg(e.detail, e.url.toString());
        if (e.kind == Kind::Cached)
            return e.detail;
        return {};
    case Qt::FontRole:
        if (e.kind == Kind::Heading) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case KindRole:
        return QVariant::fromValue(e.kind);
    case ArticleIdRole:
        return e.articleId;
    case UrlRole:
        return e.url;
    }
    return {};
}

} // namespace bs
