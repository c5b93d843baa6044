#pragma once

#include "store/Database.h"
#include "store/Profile.h"

#include <QTextStream>

class QCommandLineParser;

#include <memory>

namespace bs
{

// What every CLI command gets: the profile, its database (opened on first use), and the
// output streams. Errors go to stderr as one sentence a person understands.
class CliContext
{
public:
    explicit CliContext(Profile profile);

    const Profile &profile() const { return m_profile; }
    // The writer connection (creating and migrating the database), or null after printing why.
    Database *writer();
    // A read-only connection; when the profile has no database yet, it is created first.
    Database *reader();

    // Closes the connections this context opened (before handing the profile to a worker).
    void closeDatabases();

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    int fail(const QString &message);  // prints "broadsheet-cli: message", returns 1
    int usage(const QString &message); // prints the message and a help hint, returns 2
    // Parses a command's own options; prints a usage error and returns false when they are
    // wrong.
    bool parseOptions(QCommandLineParser &parser, const char *verb, const QStringList &arguments);

private:
    Profile m_profile;
    std::unique_ptr<Database> m_writer;
    std::unique_ptr<Database> m_reader;
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace bs
