#pragma once

#include <QJsonValue>
#include <QString>

#include <memory>
#include <utility>
#include <variant>
#include <vector>

namespace bs
{

// A loosely typed value tree for what a feed says: the parser fills it the way feeds are
// written (any element may turn up anywhere), and typed views (ParsedFeed::articles) read it.
// Dictionaries keep insertion order and map the common alias keys to one canonical key
// (description -> summary, copyright -> rights, guid -> id, ...), like feedparser's result.
class FeedValue
{
public:
    using List = std::vector<FeedValue>;
    using Dict = std::vector<std::pair<QString, FeedValue>>;

    FeedValue() = default; // null
    FeedValue(bool b) : m_v(b) {}
    FeedValue(int i) : m_v(qint64(i)) {}
    FeedValue(qint64 i) : m_v(i) {}
    FeedValue(double d) : m_v(d) {}
    FeedValue(const QString &s) : m_v(s) {}
    FeedValue(const char *) = delete;
    static FeedValue list() { return FeedValue(List{}); }
    static FeedValue dict() { return FeedValue(Dict{}); }

    bool isNull() const { return std::holds_alternative<std::monostate>(m_v); }
    bool isString() const { return std::holds_alternative<QString>(m_v); }
    bool isList() const { return std::holds_alternative<List>(m_v); }
    bool isDict() const { return std::holds_alternative<Dict>(m_v); }
    bool isBool() const { return std::holds_alternative<bool>(m_v); }

    QString toString() const;
    qint64 toInt() const;
    bool toBool() const;

    // Dictionary access. get() returns null when absent; set() replaces or appends.
    const FeedValue *find(const QString &key) const;
    FeedValue *find(const QString &key);
    bool contains(const QString &key) const { return find(key) != nullptr; }
    FeedValue get(const QString &key) const;
    QString str(const QString &key) const { return get(key).toString(); }
    FeedValue &set(const QString &key, FeedValue value);
    // Stores under exactly this key (attribute dictionaries keep the names the feed used).
    FeedValue &setRaw(const QString &key, FeedValue value);
    // Inserts value when the key is absent; returns the stored value either way.
    FeedValue &setDefault(const QString &key, FeedValue value);
    void remove(const QString &key);
    const Dict &items() const;
    Dict &items();

    // List access.
    const List &elements() const;
    List &elements();
    FeedValue &append(FeedValue value);
    FeedValue &last();
    qsizetype size() const;

    bool operator==(const FeedValue &other) const { return m_v == other.m_v; }

    QJsonValue toJson() const;
    static FeedValue fromJson(const QJsonValue &json);
    static QString canonicalKey(const QString &key);

private:
    explicit FeedValue(List l) : m_v(std::move(l)) {}
    explicit FeedValue(Dict d) : m_v(std::move(d)) {}
    std::variant<std::monostate, bool, qint64, double, QString, List, Dict> m_v;
};

} // namespace bs
