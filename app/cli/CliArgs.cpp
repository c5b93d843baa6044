#include "cli/CliArgs.h"

#include "cli/CliContext.h"

namespace bs
{

std::optional<CliArgs> CliArgs::read(CliContext &ctx, const QString &verb,
                                     const QStringList &arguments, const QStringList &flags,
                                     const QStringList &valued)
{
    CliArgs out;
    bool optionsEnded = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments[i];
        if (optionsEnded || !arg.startsWith(QLatin1String("--"))) {
            out.words << arg;
            continue;
        }
        if (arg == QLatin1String("--")) {
            optionsEnded = true;
            continue;
        }
        QString name = arg.mid(2);
        std::optional<QString> value;
        if (const qsizetype eq = name.indexOf(QLatin1Char('=')); eq >= 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
        }
        if (flags.contains(name) && !value) {
            out.flags.insert(name);
        } else if (valued.contains(name)) {
            if (!value) {
                if (i + 1 >= arguments.size()) {
                    ctx.usage(QStringLiteral("%1: --%2 needs a value.").arg(verb, name));
                    return std::nullopt;
                }
                value = arguments[++i];
            }
            out.values.insert(name, *value);
        } else {
            ctx.usage(QStringLiteral("%1: unknown option --%2 (a word starting with -- goes "
                                     "after --).")
                          .arg(verb, name));
            return std::nullopt;
        }
    }
    return out;
}

std::optional<QList<qint64>> readArticleIds(CliContext &ctx, const QStringList &words)
{
    if (words.isEmpty()) {
        ctx.usage(QStringLiteral("name at least one article id."));
        return std::nullopt;
    }
    QList<qint64> ids;
    for (const QString &w : words) {
        bool ok = false;
        const qint64 id = w.toLongLong(&ok);
        if (!ok || id <= 0) {
            ctx.usage(QStringLiteral("'%1' is not an article id (a positive number).").arg(w));
            return std::nullopt;
        }
        ids.append(id);
    }
    return ids;
}

QUrl webUrl(const QString &text)
{
    const QString t = text.trimmed();
    return QUrl(t.contains(QLatin1String("://")) ? t : QStringLiteral("https://") + t,
                QUrl::StrictMode);
}

} // namespace bs
