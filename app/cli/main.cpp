// broadsheet-cli: the headless face of Broadsheet. Everything the GUI does to data, this does
// without a display.

#include "cli/CliCommands.h"
#include "cli/CliContext.h"

#include <QCoreApplication>

#include <cstdio>

namespace
{

void printHelp(QTextStream &out)
{
    out << "Usage: broadsheet-cli [--profile DIR] COMMAND [OPTIONS]\n\n"
        << "Broadsheet's command-line tool. The profile (database and media cache) defaults to "
        << bs::Profile::defaultDirectory() << ".\n\nGlobal options:\n"
        << "  --profile DIR   use the profile in DIR (created when missing)\n"
        << "  --version       print the version\n"
        << "  --help          print this help\n\nCommands:\n";
    for (const bs::CliCommand &c : bs::cliCommands())
        out << "  " << QString::fromLatin1(c.name).leftJustified(14) << ' ' << c.arguments
            << "\n      " << c.summary << '\n';
    out << "\nJSON listings (--json) print one array of objects; dates are ISO 8601 UTC.\n"
        << "Errors go to stderr; the exit status is 1 for a failure and 2 for a usage error.\n";
    out.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("broadsheet"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BROADSHEET_VERSION));

    QStringList args = QCoreApplication::arguments().mid(1);
    QString profileDir;
    QTextStream out(stdout);
    QTextStream err(stderr);
    while (!args.isEmpty() && args.first().startsWith(QLatin1Char('-'))) {
        const QString option = args.takeFirst();
        if (option == QLatin1String("--version") || option == QLatin1String("-v")) {
            out << "broadsheet-cli " << BROADSHEET_VERSION << Qt::endl;
            return 0;
        }
        if (option == QLatin1String("--help") || option == QLatin1String("-h")) {
            printHelp(out);
            return 0;
        }
        if (option == QLatin1String("--profile")) {
            if (args.isEmpty()) {
                err << "broadsheet-cli: --profile needs a folder." << Qt::endl;
                return 2;
            }
            profileDir = args.takeFirst();
        } else if (option.startsWith(QLatin1String("--profile="))) {
            profileDir = option.mid(10);
        } else {
            err << "broadsheet-cli: unknown option " << option << ". Run 'broadsheet-cli --help'."
                << Qt::endl;
            return 2;
        }
    }
    if (args.isEmpty()) {
        printHelp(err);
        return 2;
    }
    const QString verb = args.takeFirst();
    for (const bs::CliCommand &c : bs::cliCommands()) {
        if (verb == QLatin1String(c.name)) {
            bs::CliContext context(bs::Profile::fromOption(profileDir));
            return c.run(context, args);
        }
    }
    err << "broadsheet-cli: unknown command '" << verb << "'. Run 'broadsheet-cli --help'."
        << Qt::endl;
    return 2;
}
