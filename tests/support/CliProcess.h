#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace bs::test
{

// One run of broadsheet-cli as a separate process.
struct CliRun {
    int code = -1;       // the exit code; -1 when the process crashed or did not finish
    QByteArray outBytes; // standard output as written
    QString out;         // the same, decoded as UTF-8
    QString err;
};

// Runs `cli [--profile PROFILE] ARGS...` (no --profile when profile is empty) and waits up to
// 30 s for it.
CliRun runCli(const QString &cli, const QString &profile, const QStringList &args);

} // namespace bs::test
