#include "cli/LabelCommands.h"

#include "cli/CliArgs.h"
#include "cli/CliContext.h"
#include "store/LabelStore.h"
#include "store/NoteStore.h"
#include "store/StatusStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace bs
{

namespace
{

const char kLabelHelp[] =
    "Usage: broadsheet-cli label create NAME\n"
    "       broadsheet-cli label rename OLD NEW\n"
    "       broadsheet-cli label delete NAME\n"
    "       broadsheet-cli label list [--json]\n"
    "       broadsheet-cli label assign NAME ID...\n"
    "       broadsheet-cli label unassign NAME ID...\n\n"
    "Labels sort saved articles into named groups (search them with label:NAME; a labelled\n"
    "article is never purged).\n"
    "  create    a new label; names are at most 100 characters, without commas, and compared\n"
    "            without regard to case\n"
    "  rename    give a label another name (refused when another label has it)\n"
    "  delete    remove the label from every article and delete it; articles stay\n"
    "  list      labels with how many articles carry each; --json prints\n"
    "            [{id, name, articles}]\n"
    "  assign    put the label on these articles, all or nothing: an id that is not an\n"
    "            article changes nothing\n"
    "  unassign  take it off these articles\n";

const char kNoteHelp[] =
    "Usage: broadsheet-cli note ID            print the article's note\n"
    "       broadsheet-cli note ID TEXT...    set the note (the words joined by spaces; put\n"
    "                                         -- before a note that starts with --)\n"
    "       broadsheet-cli note ID --clear    remove the note\n\n"
    "Notes belong to saved articles: setting a note on an article that is not starred stars\n"
    "it; clearing the note leaves the star. A noted article counts as saved (is:saved) and is\n"
    "never purged. A note is at most 65536 characters.\n";

int help(CliContext &ctx, const char *text)
{
    ctx.out() << text;
    ctx.out().flush();
    return 0;
}

int labelList(CliContext &ctx, const CliArgs &args)
{
    if (!args.words.isEmpty())
        return ctx.usage(QStringLiteral("label list takes no names."));
    Database *db = ctx.reader();
    if (!db)
        return 1;
    const QList<LabelCount> labels = LabelStore(*db).list();
    if (args.has(QStringLiteral("json"))) {
        QJsonArray array;
        for (const LabelCount &l : labels)
            array.append(QJsonObject{{QStringLiteral("id"), l.id},
                                     {QStringLiteral("name"), l.name},
                                     {QStringLiteral("articles"), l.articles}});
        ctx.out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        ctx.out().flush();
        return 0;
    }
    for (const LabelCount &l : labels)
        ctx.out() << l.name << '\t' << l.articles << " article(s)" << Qt::endl;
    if (labels.isEmpty())
        ctx.err() << "No labels yet (label create NAME)." << Qt::endl;
    return 0;
}

} // namespace

int labelCommand(CliContext &ctx, const QStringList &arguments)
{
    const auto args = CliArgs::read(ctx, QStringLiteral("label"), arguments,
                                    {QStringLiteral("json"), QStringLiteral("help")}, {});
    if (!args)
        return 2;
    if (args->has(QStringLiteral("help")) ||
        (!args->words.isEmpty() && args->words.first() == QLatin1String("help")))
        return help(ctx, kLabelHelp);
    if (args->words.isEmpty())
        return ctx.usage(QStringLiteral("label needs a subcommand: create, rename, delete, "
                                        "list, assign or unassign ('label --help')."));
    CliArgs rest = *args;
    const QString sub = rest.words.takeFirst();
    if (sub == QLatin1String("list"))
        return labelList(ctx, rest);
    if (args->has(QStringLiteral("json")))
        return ctx.usage(QStringLiteral("--json goes with label list."));
    const QStringList &w = rest.words;
    if (sub == QLatin1String("create") || sub == QLatin1String("delete")) {
        if (w.size() != 1)
            return ctx.usage(
                QStringLiteral("label %1 takes one name (quote a name with spaces).").arg(sub));
        Database *db = ctx.writer();
        if (!db)
            return 1;
        LabelStore labels(*db);
        if (sub == QLatin1String("create")) {
            if (!labels.create(w[0]))
                return ctx.fail(db->lastError());
            ctx.out() << "Created label '" << w[0].trimmed() << "'." << Qt::endl;
        } else {
            if (!labels.remove(w[0]))
                return ctx.fail(db->lastError());
            ctx.out() << "Deleted label '" << w[0].trimmed() << "' (its articles stay)."
                      << Qt::endl;
        }
        return 0;
    }
    if (sub == QLatin1String("rename")) {
        if (w.size() != 2)
            return ctx.usage(QStringLiteral("label rename takes the old and the new name."));
        Database *db = ctx.writer();
        if (!db)
            return 1;
        if (!LabelStore(*db).rename(w[0], w[1]))
            return ctx.fail(db->lastError());
        ctx.out() << "Renamed label '" << w[0].trimmed() << "' to '" << w[1].trimmed() << "'."
                  << Qt::endl;
        return 0;
    }
    if (sub == QLatin1String("assign") || sub == QLatin1String("unassign")) {
        if (w.size() < 2)
            return ctx.usage(
                QStringLiteral("label %1 takes a label name and article ids.").arg(sub));
        const auto ids = readArticleIds(ctx, w.mid(1));
        if (!ids)
            return 2;
        Database *db = ctx.writer();
        if (!db)
            return 1;
        LabelStore labels(*db);
        const int changed = sub == QLatin1String("assign") ? labels.assign(w[0], *ids)
                                                           : labels.unassign(w[0], *ids);
        if (changed < 0)
            return ctx.fail(db->lastError());
        ctx.out() << changed << " article(s) changed." << Qt::endl;
        return 0;
    }
    return ctx.usage(QStringLiteral("label: unknown subcommand '%1' (create, rename, delete, "
                                    "list, assign, unassign).")
                         .arg(sub));
}

int noteCommand(CliContext &ctx, const QStringList &arguments)
{
    const auto args = CliArgs::read(ctx, QStringLiteral("note"), arguments,
                                    {QStringLiteral("clear"), QStringLiteral("help")}, {});
    if (!args)
        return 2;
    if (args->has(QStringLiteral("help")))
        return help(ctx, kNoteHelp);
    if (args->words.isEmpty())
        return ctx.usage(QStringLiteral("note takes an article id ('note --help')."));
    const auto ids = readArticleIds(ctx, args->words.mid(0, 1));
    if (!ids)
        return 2;
    const qint64 id = ids->first();
    const QString text = args->words.mid(1).join(QLatin1Char(' '));
    const bool clear = args->has(QStringLiteral("clear"));
    if (clear && !text.isEmpty())
        return ctx.usage(QStringLiteral("note: --clear takes no text."));
    if (!clear && text.isEmpty()) {
        Database *db = ctx.reader();
        if (!db)
            return 1;
        if (!StatusStore(*db).status(id))
            return ctx.fail(QStringLiteral("There is no article %1.").arg(id));
        const auto note = NoteStore(*db).note(id);
        if (!note) {
            ctx.err() << "Article " << id << " has no note." << Qt::endl;
            return 0;
        }
        ctx.out() << note->text << Qt::endl;
        return 0;
    }
    Database *db = ctx.writer();
    if (!db)
        return 1;
    NoteStore notes(*db);
    if (clear) {
        const int removed = notes.clear(id);
        if (removed < 0)
            return ctx.fail(db->lastError());
        ctx.out() << (removed ? "Note removed." : "The article had no note.") << Qt::endl;
        return 0;
    }
    const auto before = StatusStore(*db).status(id);
    if (!notes.set(id, text))
        return ctx.fail(db->lastError());
    ctx.out() << "Note saved on article " << id
              << (before && !before->starred ? " (now starred)." : ".") << Qt::endl;
    return 0;
}

} // namespace bs
