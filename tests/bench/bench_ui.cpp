// The desktop reader at 1,000,000 articles (issue 7's performance figures), each part in a
// process of its own so that one does not warm or bloat the next:
//   (a) start-up: the real `broadsheet` binary (offscreen, --no-sync, BROADSHEET_STARTUP_PROBE)
//       on the generated profile; the app prints the ms from its process start to the first
//       paint of the article list with rows, then quits. First run and median of the others.
//   (b) mark all read: SyncService::markRead(ReadScope All) on the worker while MainWindow shows
//       the list and a 5 ms timer on the GUI thread records the longest gap; then the profile's
//       read state is put back.
//   (c) memory: MainWindow on the profile, the article list scrolled through 10,000 rows (the
//       view fetches pages as it reaches the end); VmRSS and VmHWM of this process (the reader
//       pane's web engine renders in helper processes, not counted).
//   (d) GUI stall while 1,000 feeds sync: a loopback feed site (full-article download off),
//       MainWindow + SyncService on a fresh profile, Sync All, a 2 ms GUI timer; longest gap
//       and 99th percentile.
// No figure is asserted: the table shows each one next to its aim. Next to wall-clock figures
// it prints CPU times (the app's until its first paint, the worker thread's for mark all read,
// the GUI thread's within each timer gap): on a machine shared with other work a wall-clock
// figure includes waiting for a core or the disk, the CPU figure does not.
//
//   bench_ui [--articles N] [--dir DIR] [--runs R] [--feeds F] [--items I] [--only a,b,c,d]
//   bench_ui --part startup|markread|rss|sync ...   (one part, printing RESULT lines)
//
// The profile is generated once into DIR (default: bench-profile-N beside this binary) and
// reused while the generator's options and the schema version match.

#include "LoopbackFeedSite.h"
#include "MainWindow.h"
#include "ProfileGenerator.h"
#include "StartupProbe.h"
#include "models/ArticleListModel.h"
#include "models/FeedTreeModel.h"
#include "reader/ReaderScheme.h"
#include "store/ArticleStore.h"
#include "store/Database.h"
#include "store/FeedStore.h"
#include "store/SqlQuery.h"
#include "store/StatusStore.h"
#include "sync/SyncService.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHeaderView>
#include <QMap>
#include <QProcess>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <sys/resource.h>
#include <unistd.h>

using namespace bs;

namespace
{

struct Args {
    int articles = 1000000;
    QString dir;
    int runs = 5;
    int feeds = 1000;
    int items = 30;
    int rows = 10000;
    QString part;
    QString only = QStringLiteral("a,b,c,d");
};

Args parseArgs(const QStringList &args)
{
    Args a;
    for (int i = 1; i < args.size(); ++i) {
        const QString &k = args.at(i);
        const QString v = i + 1 < args.size() ? args.at(i + 1) : QString();
        if (k == QLatin1String("--articles"))
            a.articles = v.toInt(), ++i;
        else if (k == QLatin1String("--dir"))
            a.dir = v, ++i;
        else if (k == QLatin1String("--runs"))
            a.runs = std::max(1, v.toInt()), ++i;
        else if (k == QLatin1String("--feeds"))
            a.feeds = v.toInt(), ++i;
        else if (k == QLatin1String("--items"))
            a.items = v.toInt(), ++i;
        else if (k == QLatin1String("--rows"))
            a.rows = v.toInt(), ++i;
        else if (k == QLatin1String("--part"))
            a.part = v, ++i;
        else if (k == QLatin1String("--only"))
            a.only = v, ++i;
    }
    if (a.dir.isEmpty())
        a.dir = QCoreApplication::applicationDirPath() +
                QStringLiteral("/bench-profile-%1").arg(a.articles);
    return a;
}

void result(const char *key, double value)
{
    std::printf("RESULT %s %.3f\n", key, value);
    std::fflush(stdout);
}

// kB values of /proc/self/status lines such as VmRSS and VmHWM.
double statusMb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return -1;
}

double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1000.0 + double(t.tv_nsec) / 1e6;
}

double processCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

// CPU time (ms) of this process's thread named `name` (the SyncService worker is "sync"), from
// /proc/self/task/*/stat; -1 when there is none.
double namedThreadCpuMs(const QByteArray &name)
{
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        if (!comm.open(QIODevice::ReadOnly) || comm.readAll().trimmed() != name)
            continue;
        QFile stat(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!stat.open(QIODevice::ReadOnly))
            return -1;
        const QByteArray line = stat.readAll();
        const QList<QByteArray> f = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (f.size() < 13)
            return -1;
        // utime and stime: fields 14 and 15, the 12th and 13th after the name.
        return (f.at(11).toDouble() + f.at(12).toDouble()) * 1000.0 / double(sysconf(_SC_CLK_TCK));
    }
    return -1;
}

// A timer on the GUI thread; the gaps between its ticks are how long the thread did not get
// back to its event loop. Each gap also records the CPU time the GUI thread itself used in it:
// on a busy machine a wall-clock gap includes waiting for a core, the CPU part does not.
class Heartbeat
{
public:
    explicit Heartbeat(int intervalMs)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(intervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
    }
    void start()
    {
        m_gaps.clear();
        m_cpuGaps.clear();
        m_clock.start();
        m_last = 0;
        m_lastCpu = threadCpuMs();
        m_timer.start();
    }
    void stop()
    {
        tick(); // the time since the last tick counts too (a stall at the very end)
        m_timer.stop();
    }
    double longest() const { return max(m_gaps); }
    double longestCpu() const { return max(m_cpuGaps); }
    double percentile(double p) const { return percentileOf(m_gaps, p); }
    double percentileCpu(double p) const { return percentileOf(m_cpuGaps, p); }
    size_t ticks() const { return m_gaps.size(); }

private:
    void tick()
    {
        const qint64 now = m_clock.nsecsElapsed();
        const double cpu = threadCpuMs();
        m_gaps.push_back(double(now - m_last) / 1e6);
        m_cpuGaps.push_back(cpu - m_lastCpu);
        m_last = now;
        m_lastCpu = cpu;
    }
    static double max(const std::vector<double> &v)
    {
        return v.empty() ? 0 : *std::max_element(v.begin(), v.end());
    }
    static double percentileOf(std::vector<double> v, double p)
    {
        if (v.empty())
            return 0;
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    double m_lastCpu = 0;
    std::vector<double> m_gaps, m_cpuGaps;
};

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

QString databasePath(const Args &args)
{
    return QDir(args.dir).filePath(QStringLiteral("broadsheet.sqlite"));
}

// ---- parts (each in its own process) ----

int partMemory(const Args &args)
{
    QString error;
    QElapsedTimer t;
    t.start();
    auto reader = Database::openReader(databasePath(args), &error);
    if (!reader) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    // The start-up's store work alone, for attribution.
    {
        QElapsedTimer q;
        q.start();
        const auto counts = StatusStore(*reader).unreadCounts();
        result("unread_counts_ms", double(q.nsecsElapsed()) / 1e6);
        q.restart();
        const auto page = ArticleStore(*reader).list(ArticleQuery{});
        result("first_page_ms", double(q.nsecsElapsed()) / 1e6);
        if (counts.isEmpty() || page.isEmpty())
            return 1;
    }
    t.restart();
    MainWindow window(*reader);
    result("mainwindow_ctor_ms", double(t.nsecsElapsed()) / 1e6);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    QTest::qWait(200);
    result("rss_shown_mb", statusMb("VmRSS"));
    QTableView *view = window.articleView();
    ArticleListModel *model = window.articleModel();
    view->setFocus();
    view->setCurrentIndex(model->index(0, 0));
    QElapsedTimer scroll;
    scroll.start();
    double longestStep = 0;
    int steps = 0;
    // Down the list as a person holding Page Down would, the view fetching pages at the end.
    while (model->rowCount() < args.rows) {
        const int before = model->rowCount();
        QElapsedTimer step;
        step.start();
        for (int i = 0; i < 20; ++i)
            QTest::keyClick(view, Qt::Key_PageDown);
        QCoreApplication::processEvents();
        longestStep = std::max(longestStep, double(step.nsecsElapsed()) / 1e6 / 20);
        ++steps;
        if (model->rowCount() == before && view->currentIndex().row() >= before - 1) {
            // At the end of what is loaded and the view did not fetch: let it try once more.
            QCoreApplication::processEvents();
            if (model->rowCount() == before) {
                std::fprintf(stderr, "the list stopped at %d rows\n", before);
                break;
            }
        }
    }
    // The last rows too.
    while (view->currentIndex().row() < args.rows - 1 &&
           view->currentIndex().row() < model->rowCount() - 1) {
        QTest::keyClick(view, Qt::Key_PageDown);
        QCoreApplication::processEvents();
    }
    QTest::qWait(100);
    result("rows_loaded", model->rowCount());
    result("row_reached", view->currentIndex().row() + 1);
    result("scroll_s", double(scroll.nsecsElapsed()) / 1e9);
    result("page_down_longest_ms", longestStep);
    result("rss_mb", statusMb("VmRSS"));
    result("hwm_mb", statusMb("VmHWM"));
    return model->rowCount() >= args.rows ? 0 : 1;
}

int partMarkRead(const Args &args)
{
    QString error;
    const QString path = databasePath(args);
    qint64 unreadBefore = 0, maxId = 0;
    {
        auto reader = Database::openReader(path, &error);
        if (!reader)
            return 1;
        ArticleQuery unread;
        unread.unreadOnly = true;
        unreadBefore = ArticleStore(*reader).count(unread);
        SqlQuery q(*reader);
        if (q.exec(QStringLiteral("SELECT max(id) FROM articles")) && q.next())
            maxId = q.value(0).toLongLong();
    }
    int changed = -2;
    qint64 unreadAfter = -1;
    double workerMs = 0, workerCpuMs = 0, refreshMs = 0, refreshCpuMs = 0;
    Heartbeat beat(5);
    {
        auto reader = Database::openReader(path, &error);
        SyncService sync(path);
        MainWindow window(*reader, &sync);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return 1;
        QTest::qWait(300); // the worker opened the writer meanwhile
        QObject::connect(&sync, &SyncService::markedRead,
                         [&](const ReadScope &, int n) { changed = n; });
        ReadScope all;
        all.kind = ReadScope::Kind::All;
        all.maxArticleId = maxId;
        beat.start();
        QElapsedTimer t;
        t.start();
        const double cpu0 = processCpuMs();
        const double worker0 = namedThreadCpuMs("sync");
        sync.markRead(all);
        if (!waitFor([&] { return changed != -2; }, 600000))
            return 1;
        workerMs = double(t.nsecsElapsed()) / 1e6;
        workerCpuMs = processCpuMs() - cpu0;
        result("worker_cpu_ms", namedThreadCpuMs("sync") - worker0);
        beat.stop();
        // What the window does afterwards (on the GUI thread): the counts and the list, re-read.
        t.restart();
        const double gui0 = threadCpuMs();
        window.feedModel()->reload();
        result("tree_reload_ms", double(t.nsecsElapsed()) / 1e6);
        window.articleModel()->refresh();
        refreshMs = double(t.nsecsElapsed()) / 1e6;
        refreshCpuMs = threadCpuMs() - gui0;
        ArticleQuery unread;
        unread.unreadOnly = true;
        unreadAfter = ArticleStore(*reader).count(unread);
    }
    result("unread_before", double(unreadBefore));
    result("changed", changed);
    result("unread_after", double(unreadAfter));
    result("mark_read_ms", workerMs);
    result("mark_read_cpu_ms", workerCpuMs);
    result("gui_refresh_ms", refreshMs);
    result("gui_refresh_cpu_ms", refreshCpuMs);
    result("stall_ms", beat.longest());
    result("stall_cpu_ms", beat.longestCpu());
    result("stall_p99_ms", beat.percentile(0.99));
    // Put the profile back for the next run.
    QElapsedTimer restore;
    restore.start();
    if (!bench::ProfileGenerator::restoreReadState(path, &error)) {
        std::fprintf(stderr, "restore: %s\n", qPrintable(error));
        return 1;
    }
    result("restore_s", double(restore.nsecsElapsed()) / 1e9);
    return changed == unreadBefore && unreadAfter == 0 ? 0 : 1;
}

int partSync(const Args &args)
{
    test::LoopbackFeedSite site(
        test::LoopbackFeedSite::Shape{.feeds = args.feeds, .items = args.items});
    if (!site.start())
        return 1;
    site.prepare();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broadsheet.sqlite"));
    QString error;
    {
        auto db = Database::openWriter(path, &error);
        if (!db)
            return 1;
        FeedStore feeds(*db);
        const auto folder = feeds.folderId(QStringLiteral("Loopback"));
        for (int f = 0; f < args.feeds; ++f)
            if (!feeds.addFeed(Feed{.folderId = f % 2 ? *folder : 0,
                                    .url = site.feedUrl(f),
                                    .fullText = FullTextMode::Off}))
                return 1;
    }
    auto reader = Database::openReader(path, &error);
    SyncService sync(path);
    MainWindow window(*reader, &sync);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    QTest::qWait(300);
    qint64 added = 0;
    int feedsDone = -1, errors = 0;
    QObject::connect(&sync, &SyncService::feedSynced,
                     [&](qint64, const QList<qint64> &a, const QList<qint64> &, const QString &e) {
                         added += a.size();
                         errors += e.isEmpty() ? 0 : 1;
                     });
    QObject::connect(&sync, &SyncService::finished,
                     [&](const SyncEngine::Progress &p) { feedsDone = p.feedsDone; });
    Heartbeat beat(2);
    beat.start();
    QElapsedTimer t;
    t.start();
    sync.syncAll();
    if (!waitFor([&] { return feedsDone >= 0; }, 600000))
        return 1;
    const double wall = double(t.nsecsElapsed()) / 1e9;
    QTest::qWait(300); // the last coalesced refresh
    beat.stop();
    result("sync_s", wall);
    result("feeds", feedsDone);
    result("added", double(added));
    result("errors", errors);
    result("ticks", double(beat.ticks()));
    result("stall_ms", beat.longest());
    result("stall_p99_ms", beat.percentile(0.99));
    result("stall_cpu_ms", beat.longestCpu());
    result("stall_cpu_p99_ms", beat.percentileCpu(0.99));
    result("list_rows", window.articleModel()->rowCount());
    return feedsDone == args.feeds && errors == 0 ? 0 : 1;
}

// ---- the driver ----

QMap<QString, double> runPart(const QString &part, const QStringList &extra, bool *ok)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(QCoreApplication::applicationFilePath(),
            QStringList{QStringLiteral("--part"), part} + extra);
    p.waitForFinished(-1);
    QMap<QString, double> out;
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> w = line.split(' ');
        if (w.size() == 3 && w[0] == "RESULT")
            out.insert(QString::fromLatin1(w[1]), w[2].toDouble());
    }
    *ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!*ok)
        std::fprintf(stderr, "part %s failed (exit %d)\n", qPrintable(part), p.exitCode());
    return out;
}

struct StartupRun {
    double appMs = -1;  // as the app measured it (process start time, 10 ms ticks)
    double cpuMs = -1;  // the app's CPU time until then, all threads
    double wallMs = -1; // from QProcess::start to the line
};

StartupRun startOnce(const Args &args, bool withWebEngine)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("BROADSHEET_STARTUP_PROBE"), QStringLiteral("1"));
    if (geteuid() == 0)
        env.insert(QStringLiteral("QTWEBENGINE_DISABLE_SANDBOX"), QStringLiteral("1"));
    if (!withWebEngine)
        env.insert(QStringLiteral("BROADSHEET_DISABLE_WEBENGINE"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    StartupRun run;
    QElapsedTimer t;
    t.start();
    p.start(QStringLiteral(BROADSHEET_APP_PATH),
            {QStringLiteral("--profile"), args.dir, QStringLiteral("--no-sync")});
    QByteArray out;
    while (p.waitForReadyRead(60000)) {
        out += p.readAllStandardOutput();
        const qsizetype at = out.indexOf("broadsheet-first-paint-ms ");
        if (at >= 0 && out.indexOf('\n', at) > at) {
            run.wallMs = double(t.nsecsElapsed()) / 1e6;
            const QList<QByteArray> w = out.mid(at, out.indexOf('\n', at) - at).split(' ');
            run.appMs = w.value(1).toDouble();
            run.cpuMs = w.value(3).toDouble();
            break;
        }
    }
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
    }
    return run;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

void row(const char *name, double measured, const char *unit, double aim)
{
    if (aim > 0)
        std::printf("%-52s %10.1f %-3s %8.0f %-3s %7.2f\n", name, measured, unit, aim, unit,
                    measured / aim);
    else
        std::printf("%-52s %10.1f %-3s %8s %-3s %7s\n", name, measured, unit, "", "", "");
}

int driver(const Args &args)
{
    QDir().mkpath(args.dir);
    bench::ProfileGenerator::Options options;
    options.articles = args.articles;
    bench::ProfileGenerator generator(options);
    const QString path = databasePath(args);
    if (!generator.reusable(path)) {
        for (const QString &name : QDir(args.dir).entryList(QDir::Files | QDir::Hidden))
            QFile::remove(QDir(args.dir).filePath(name));
        std::printf("generating %d articles into %s ...\n", args.articles, qPrintable(args.dir));
        std::fflush(stdout);
        QElapsedTimer t;
        t.start();
        QString error;
        if (!generator.generate(path, &error)) {
            std::fprintf(stderr, "generate: %s\n", qPrintable(error));
            return 1;
        }
        std::printf("generated in %.1f s (%.0f MB)\n\n", double(t.nsecsElapsed()) / 1e9,
                    double(QFileInfo(path).size()) / 1e6);
    } else {
        std::printf("profile reused: %s\n\n", qPrintable(args.dir));
    }
    const QStringList common = {QStringLiteral("--dir"), args.dir, QStringLiteral("--articles"),
                                QString::number(args.articles)};
    bool allOk = true;

    std::vector<double> appMs, wallMs, cpuMs, plainMs;
    StartupRun first;
    if (args.only.contains(QLatin1Char('a'))) {
        first = startOnce(args, true);
        for (int i = 0; i < args.runs; ++i) {
            const StartupRun r = startOnce(args, true);
            appMs.push_back(r.appMs);
            wallMs.push_back(r.wallMs);
            cpuMs.push_back(r.cpuMs);
        }
        for (int i = 0; i < std::max(3, args.runs / 2); ++i)
            plainMs.push_back(startOnce(args, false).appMs);
        allOk = allOk && first.appMs > 0 && median(appMs) > 0;
    }
    QMap<QString, double> mem, mark, sync;
    bool ok = true;
    if (args.only.contains(QLatin1Char('c'))) {
        mem = runPart(QStringLiteral("rss"),
                      common + QStringList{QStringLiteral("--rows"), QString::number(args.rows)},
                      &ok);
        allOk = allOk && ok;
    }
    if (args.only.contains(QLatin1Char('b'))) {
        mark = runPart(QStringLiteral("markread"), common, &ok);
        allOk = allOk && ok;
    }
    if (args.only.contains(QLatin1Char('d'))) {
        sync = runPart(QStringLiteral("sync"),
                       {QStringLiteral("--feeds"), QString::number(args.feeds),
                        QStringLiteral("--items"), QString::number(args.items)},
                       &ok);
        allOk = allOk && ok;
    }

    std::printf("desktop reader on %d articles (%d feeds); %s\n\n", args.articles, options.feeds,
                qPrintable(args.dir));
    std::printf("%-52s %14s %12s %7s\n", "figure", "measured", "aim", "ratio");
    if (!appMs.empty()) {
        row("(a) start -> first painted list, median", median(appMs), "ms", 1000);
        row("    first run (cold-ish)", first.appMs, "ms", 1000);
        row("    median as the launcher saw it (exec->line)", median(wallMs), "ms", 1000);
        row("    median CPU time of the app until then", median(cpuMs), "ms", 1000);
        row("    median with the web engine off", median(plainMs), "ms", 0);
    }
    if (!mark.isEmpty()) {
        row("(b) mark all read, worker (SyncService::markRead)", mark.value("mark_read_ms"), "ms",
            2000);
        row("    CPU time of the worker thread", mark.value("worker_cpu_ms"), "ms", 2000);
        row("    CPU time of the whole process meanwhile", mark.value("mark_read_cpu_ms"), "ms",
            2000);
        row("    longest GUI-thread gap meanwhile (5 ms timer)", mark.value("stall_ms"), "ms", 50);
        row("      GUI-thread CPU in the longest-CPU gap", mark.value("stall_cpu_ms"), "ms", 50);
        row("    GUI re-read afterwards (tree counts + list)", mark.value("gui_refresh_ms"), "ms",
            50);
        row("      its CPU time", mark.value("gui_refresh_cpu_ms"), "ms", 50);
        std::printf("    unread before %.0f, marked %.0f, unread after %.0f; restored in %.1f s\n",
                    mark.value("unread_before"), mark.value("changed"), mark.value("unread_after"),
                    mark.value("restore_s"));
    }
    if (!mem.isEmpty()) {
        row("(c) main-process RSS after scrolling 10,000 rows", mem.value("rss_mb"), "MB", 200);
        row("    peak RSS (VmHWM)", mem.value("hwm_mb"), "MB", 200);
        row("    RSS when first shown", mem.value("rss_shown_mb"), "MB", 0);
        row("    longest Page Down (ms per key, fetches incl.)", mem.value("page_down_longest_ms"),
            "ms", 0);
        row("    unreadCounts() on the reader", mem.value("unread_counts_ms"), "ms", 0);
        row("    first list page (200 rows)", mem.value("first_page_ms"), "ms", 0);
        row("    MainWindow constructor", mem.value("mainwindow_ctor_ms"), "ms", 0);
        std::printf("    rows loaded %.0f, row reached %.0f, in %.1f s\n", mem.value("rows_loaded"),
                    mem.value("row_reached"), mem.value("scroll_s"));
    }
    if (!sync.isEmpty()) {
        row("(d) longest GUI stall during the sync (2 ms timer)", sync.value("stall_ms"), "ms", 50);
        row("    99th percentile gap", sync.value("stall_p99_ms"), "ms", 0);
        row("    GUI-thread CPU in one gap, longest", sync.value("stall_cpu_ms"), "ms", 50);
        row("    GUI-thread CPU in one gap, 99th percentile", sync.value("stall_cpu_p99_ms"), "ms",
            0);
        std::printf("    %.0f feeds x %d items, %.0f new articles, %.0f errors, %.1f s, %.0f "
                    "ticks, list %.0f rows\n",
                    sync.value("feeds"), args.items, sync.value("added"), sync.value("errors"),
                    sync.value("sync_s"), sync.value("ticks"), sync.value("list_rows"));
    }
    return allOk ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QStringList raw;
    for (int i = 0; i < argc; ++i)
        raw << QString::fromLocal8Bit(argv[i]);
    const bool isPart = raw.contains(QStringLiteral("--part"));
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (isPart && geteuid() == 0 && qEnvironmentVariableIsEmpty("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    registerReaderScheme(); // before the QApplication, as the app does
    QApplication app(argc, argv);
    const Args args = parseArgs(raw);
    if (args.part == QLatin1String("rss"))
        return partMemory(args);
    if (args.part == QLatin1String("markread"))
        return partMarkRead(args);
    if (args.part == QLatin1String("sync"))
        return partSync(args);
    return driver(args);
}
