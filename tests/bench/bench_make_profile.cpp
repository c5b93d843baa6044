// Generates a large profile for the desktop benchmarks (see ProfileGenerator), or says that the
// one in DIR is current.
//
//   bench_make_profile DIR [--articles N] [--feeds F] [--force]

#include "ProfileGenerator.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2 || args.at(1).startsWith(QLatin1Char('-'))) {
        std::fprintf(stderr,
                     "usage: bench_make_profile DIR [--articles N] [--feeds F] [--force]\n");
        return 2;
    }
    bs::bench::ProfileGenerator::Options options;
    bool force = false;
    for (int i = 2; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--articles") && i + 1 < args.size())
            options.articles = args.at(++i).toInt();
        else if (args.at(i) == QLatin1String("--feeds") && i + 1 < args.size())
            options.feeds = args.at(++i).toInt();
        else if (args.at(i) == QLatin1String("--force"))
            force = true;
    }
    const QDir dir(args.at(1));
    QDir().mkpath(dir.path());
    const QString path = dir.filePath(QStringLiteral("broadsheet.sqlite"));
    bs::bench::ProfileGenerator generator(options);
    if (!force && generator.reusable(path)) {
        std::printf("%s is current (%s)\n", qPrintable(path), qPrintable(generator.marker()));
        return 0;
    }
    for (const QString &name : dir.entryList({QStringLiteral("broadsheet.sqlite*")}, QDir::Files))
        QFile::remove(dir.filePath(name));
    QElapsedTimer t;
    t.start();
    QString error;
    if (!generator.generate(path, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    std::printf("%d articles in %d feeds: %.1f s, %.0f MB (%s)\n", options.articles, options.feeds,
                double(t.nsecsElapsed()) / 1e9, double(QFileInfo(path).size()) / 1e6,
                qPrintable(path));
    return 0;
}
