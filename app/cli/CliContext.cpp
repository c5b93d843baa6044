#include "cli/CliContext.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <cstdio>

namespace bs
{

CliContext::CliContext(Profile profile)
    : m_profile(std::move(profile)), m_out(stdout), m_err(stderr)
{
}

Database *CliContext::writer()
{
    if (m_writer)
        return m_writer.get();
    QString error;
    if (!m_profile.ensureExists(&error)) {
        fail(error);
        return nullptr;
    }
    m_writer = Database::openWriter(m_profile.databasePath(), &error);
    if (!m_writer)
        fail(error);
    return m_writer.get();
}

Database *CliContext::reader()
{
    if (m_writer)
        return m_writer.get();
    if (m_reader)
        return m_reader.get();
    QString error;
    if (!QFileInfo::exists(m_profile.databasePath())) {
        // A fresh profile: create the empty, migrated database so that reads answer "nothing".
        if (!writer())
            return nullptr;
        return m_writer.get();
    }
    m_reader = Database::openReader(m_profile.databasePath(), &error);
    if (!m_reader)
        fail(error);
    return m_reader.get();
}

void CliContext::closeDatabases()
{
    m_reader.reset();
    m_writer.reset();
}

int CliContext::fail(const QString &message)
{
    m_err << "broadsheet-cli: " << message << Qt::endl;
    return 1;
}

int CliContext::usage(const QString &message)
{
    m_err << "broadsheet-cli: " << message << Qt::endl
          << "Run 'broadsheet-cli --help' for the list of commands." << Qt::endl;
    return 2;
}

bool CliContext::parseOptions(QCommandLineParser &parser, const char *verb,
                              const QStringList &arguments)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    QStringList argv{QStringLiteral("broadsheet-cli %1").arg(QLatin1String(verb))};
    argv += arguments;
    if (!parser.parse(argv)) {
        usage(QStringLiteral("%1: %2").arg(QLatin1String(verb), parser.errorText()));
        return false;
    }
    return true;
}

} // namespace bs
