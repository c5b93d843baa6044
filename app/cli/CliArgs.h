#pragma once

#include <QHash>
#include <QSet>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace bs
{

class CliContext;

// A verb's arguments read by hand, for verbs whose words may start with a single "-" (a
// query's -word, a note, a name): words, --flags, and --options with a value (--name VALUE or
// --name=VALUE). "--" ends the options; everything after it is words.
struct CliArgs {
    QStringList words;
    QSet<QString> flags;
    QHash<QString, QString> values;

    bool has(const QString &flag) const { return flags.contains(flag) || values.contains(flag); }

    // Prints a usage error and returns nothing on an unknown option or a missing value.
    static std::optional<CliArgs> read(CliContext &ctx, const QString &verb,
                                       const QStringList &arguments, const QStringList &flags,
                                       const QStringList &valued);
};

// Article ids as typed ("12 15"); prints a usage error and returns nothing when one is not a
// positive number.
std::optional<QList<qint64>> readArticleIds(CliContext &ctx, const QStringList &words);

// A web address as people type it: "example.org" means https://example.org (strict parsing).
QUrl webUrl(const QString &text);

} // namespace bs
