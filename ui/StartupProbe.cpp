#include "StartupProbe.h"

#include <QAbstractItemView>
#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QPointer>
#include <QTimer>

#include <cstdio>
#include <ctime>
#include <sys/resource.h>
#include <unistd.h>

namespace bs
{

namespace
{

class FirstPaintFilter : public QObject
{
public:
    FirstPaintFilter(QAbstractItemView *view) : QObject(view), m_view(view) {}

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done && m_view->model() &&
            m_view->model()->rowCount() > 0) {
            m_done = true;
            // Read the clock once this paint is over (the rows are drawn by then).
            QTimer::singleShot(0, this, [] {
                // The process's CPU time too (every thread): what the start cost apart from
                // waiting for a busy machine.
                rusage usage{};
                getrusage(RUSAGE_SELF, &usage);
                const double cpuMs =
                    double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
                    double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
                std::printf("broadsheet-first-paint-ms %.1f cpu-ms %.1f\n", msSinceProcessStart(),
                            cpuMs);
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        (void)watched;
        return false;
    }

private:
    QPointer<QAbstractItemView> m_view;
    bool m_done = false;
};

} // namespace

double msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    // Field 22 (starttime, clock ticks since boot) is the 20th after the command name.
    if (fields.size() < 20)
        return -1;
    const double startSecs = fields.at(19).toDouble() / double(sysconf(_SC_CLK_TCK));
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return (double(now.tv_sec) + double(now.tv_nsec) / 1e9 - startSecs) * 1000.0;
}

void installStartupProbe(QAbstractItemView *view)
{
    if (qEnvironmentVariableIsEmpty("BROADSHEET_STARTUP_PROBE") || !view)
        return;
    view->viewport()->installEventFilter(new FirstPaintFilter(view));
}

} // namespace bs
