#include "feeds/FeedValue.h"

#include <QJsonArray>
#include <QJsonObject>

namespace bs
{

namespace
{
const FeedValue::Dict kEmptyDict;
const FeedValue::List kEmptyList;
} // namespace

QString FeedValue::canonicalKey(const QString &key)
{
    static const std::pair<const char *, const char *> aliases[] = {
        {"channel", "feed"},
        {"items", "entries"},
        {"guid", "id"},
        {"date", "updated"},
        {"date_parsed", "updated_parsed"},
        {"description", "summary"},
        {"description_detail", "summary_detail"},
        {"url", "href"},
        {"modified", "updated"},
        {"modified_parsed", "updated_parsed"},
        {"issued", "published"},
        {"issued_parsed", "published_parsed"},
        {"copyright", "rights"},
        {"copyright_detail", "rights_detail"},
        {"tagline", "subtitle"},
        {"tagline_detail", "subtitle_detail"},
    };
    for (const auto &[alias, canonical] : aliases)
        if (key == QLatin1String(alias))
            return QString::fromLatin1(canonical);
    return key;
}

QString FeedValue::toString() const
{
    if (const auto *s = std::get_if<QString>(&m_v))
        return *s;
    if (const auto *i = std::get_if<qint64>(&m_v))
        return QString::number(*i);
    if (const auto *b = std::get_if<bool>(&m_v))
        return *b ? QStringLiteral("1") : QStringLiteral("0");
    return {};
}

qint64 FeedValue::toInt() const
{
    if (const auto *i = std::get_if<qint64>(&m_v))
        return *i;
    if (const auto *s = std::get_if<QString>(&m_v))
        return s->toLongLong();
    if (const auto *b = std::get_if<bool>(&m_v))
        return *b;
    return 0;
}

bool FeedValue::toBool() const
{
    if (const auto *b = std::get_if<bool>(&m_v))
        return *b;
    if (const auto *i = std::get_if<qint64>(&m_v))
        return *i != 0;
    if (const auto *s = std::get_if<QString>(&m_v))
        return !s->isEmpty();
    return isList() ? !elements().empty() : isDict() && !items().empty();
}

const FeedValue *FeedValue::find(const QString &key) const
{
    const auto *d = std::get_if<Dict>(&m_v);
    if (!d)
        return nullptr;
    for (const auto &item : *d)
        if (item.first == key)
            return &item.second;
    const QString k = canonicalKey(key);
    if (k != key)
        for (const auto &item : *d)
            if (item.first == k)
                return &item.second;
    return nullptr;
}

FeedValue *FeedValue::find(const QString &key)
{
    return const_cast<FeedValue *>(std::as_const(*this).find(key));
}

FeedValue FeedValue::get(const QString &key) const
{
    const FeedValue *v = find(key);
    return v ? *v : FeedValue();
}

FeedValue &FeedValue::set(const QString &key, FeedValue value)
{
    if (!isDict())
        m_v = Dict{};
    if (FeedValue *existing = find(key)) {
        *existing = std::move(value);
        return *existing;
    }
    auto &d = std::get<Dict>(m_v);
    d.emplace_back(canonicalKey(key), std::move(value));
    return d.back().second;
}

FeedValue &FeedValue::setRaw(const QString &key, FeedValue value)
{
    auto &d = items();
    for (auto &item : d)
        if (item.first == key) {
            item.second = std::move(value);
            return item.second;
        }
    d.emplace_back(key, std::move(value));
    return d.back().second;
}

FeedValue &FeedValue::setDefault(const QString &key, FeedValue value)
{
    if (FeedValue *existing = find(key))
        return *existing;
    return set(key, std::move(value));
}

void FeedValue::remove(const QString &key)
{
    auto *d = std::get_if<Dict>(&m_v);
    if (!d)
        return;
    const QString k = canonicalKey(key);
    std::erase_if(*d, [&](const auto &item) { return item.first == k; });
}

const FeedValue::Dict &FeedValue::items() const
{
    const auto *d = std::get_if<Dict>(&m_v);
    return d ? *d : kEmptyDict;
}

FeedValue::Dict &FeedValue::items()
{
    if (!isDict())
        m_v = Dict{};
    return std::get<Dict>(m_v);
}

const FeedValue::List &FeedValue::elements() const
{
    const auto *l = std::get_if<List>(&m_v);
    return l ? *l : kEmptyList;
}

FeedValue::List &FeedValue::elements()
{
    if (!isList())
        m_v = List{};
    return std::get<List>(m_v);
}

FeedValue &FeedValue::append(FeedValue value)
{
    List &l = elements();
    l.push_back(std::move(value));
    return l.back();
}

FeedValue &FeedValue::last()
{
    List &l = elements();
    if (l.empty())
        l.push_back(dict());
    return l.back();
}

qsizetype FeedValue::size() const
{
    if (const auto *l = std::get_if<List>(&m_v))
        return qsizetype(l->size());
    if (const auto *d = std::get_if<Dict>(&m_v))
        return qsizetype(d->size());
    if (const auto *s = std::get_if<QString>(&m_v))
        return s->size();
    return 0;
}

QJsonValue FeedValue::toJson() const
{
    return std::visit(
        [](const auto &v) -> QJsonValue {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
                return QJsonValue(QJsonValue::Null);
            } else if constexpr (std::is_same_v<T, List>) {
                QJsonArray a;
                for (const FeedValue &e : v)
                    a.append(e.toJson());
                return a;
            } else if constexpr (std::is_same_v<T, Dict>) {
                QJsonObject o;
                for (const auto &[k, e] : v)
                    o.insert(k, e.toJson());
                return o;
            } else {
                return QJsonValue(v);
            }
        },
        m_v);
}

FeedValue FeedValue::fromJson(const QJsonValue &json)
{
    switch (json.type()) {
    case QJsonValue::Bool:
        return json.toBool();
    case QJsonValue::Double: {
        const double d = json.toDouble();
        if (d == double(qint64(d)))
            return qint64(d);
        return d;
    }
    case QJsonValue::String:
        return json.toString();
    case QJsonValue::Array: {
        FeedValue l = list();
        for (const QJsonValue &e : json.toArray())
            l.append(fromJson(e));
        return l;
    }
    case QJsonValue::Object: {
        FeedValue d = dict();
        const QJsonObject o = json.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            d.items().emplace_back(it.key(), fromJson(it.value()));
        return d;
    }
    default:
        return {};
    }
}

} // namespace bs
