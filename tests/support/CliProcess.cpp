#include "CliProcess.h"

#include <QProcess>

namespace bs::test
{

CliRun runCli(const QString &cli, const QString &profile, const QStringList &args)
{
    QStringList all;
    if (!profile.isEmpty())
        all << QStringLiteral("--profile") << profile;
    all += args;
    QProcess p;
    p.start(cli, all);
    p.waitForFinished(30000);
    CliRun run;
    run.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.outBytes = p.readAllStandardOutput();
    run.out = QString::fromUtf8(run.outBytes);
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

} // namespace bs::test
