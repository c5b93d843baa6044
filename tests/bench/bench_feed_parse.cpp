// Parse a generated 10,000-item RSS 2.0 feed (~20 MB) and its Atom 1.0 equivalent:
// bs::parseFeed next to a bare QXmlStreamReader tokenizer pass (the floor for reading the XML
// at all) and Debian's python3-feedparser on the same files, in the same run.
//
//   bench_feed_parse [ITEMS]      (default 10000)

#include "feeds/FeedParser.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <algorithm>
#include <cstdio>

using namespace bs;

namespace
{

const char *const kWords[] = {"harbour", "council",  "budget",  "river",  "festival", "railway",
                              "summit",  "election", "science", "museum", "weather",  "market"};

QString words(QRandomGenerator &r, int n)
{
    QString s;
    for (int i = 0; i < n; ++i)
        s += QLatin1String(kWords[r.bounded(int(std::size(kWords)))]) + QLatin1Char(' ');
    return s.trimmed();
}

QString body(QRandomGenerator &r)
{
    QString html;
    for (int p = 0; p < 5; ++p)
        html += QStringLiteral("<p>") + words(r, 30) + QStringLiteral(" <a href=\"/story/") +
                QString::number(r.bounded(100000)) + QStringLiteral("\">more</a> <b>") +
                words(r, 4) + QStringLiteral("</b></p>");
    return html.toHtmlEscaped();
}

QByteArray rss(int items)
{
    QRandomGenerator r(7);
    QString out =
        QStringLiteral("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" "
                       "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Bench"
                       "</title><link>https://bench.example/</link><description>x</description>\n");
    for (int i = 0; i < items; ++i)
        out +=
            QStringLiteral("<item><title>%1</title><link>https://bench.example/%2.html</link>"
                           "<guid>urn:bench:%2</guid><pubDate>Mon, 06 Sep 2021 %3:%4:00 GMT"
                           "</pubDate><dc:creator>Reporter %5</dc:creator><category>%6</category>"
                           "<description>%7</description></item>\n")
                .arg(words(r, 8))
                .arg(i)
                .arg(i % 24, 2, 10, QLatin1Char('0'))
                .arg(i % 60, 2, 10, QLatin1Char('0'))
                .arg(i % 17)
                .arg(QLatin1String(kWords[i % 12]))
                .arg(body(r));
    out += QStringLiteral("</channel></rss>\n");
    return out.toUtf8();
}

QByteArray atom(int items)
{
    QRandomGenerator r(7);
    QString out = QStringLiteral("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://"
                                 "www.w3.org/2005/Atom\"><title>Bench</title><id>urn:bench</id>"
                                 "<updated>2021-09-06T10:00:00Z</updated>\n");
    for (int i = 0; i < items; ++i)
        out += QStringLiteral("<entry><title>%1</title><link rel=\"alternate\" href=\"https://bench"
                              ".example/%2.html\"/><id>urn:bench:%2</id><updated>2021-09-06T%3:%4:"
                              "00Z</updated><author><name>Reporter %5</name></author><category term"
                              "=\"%6\"/><content type=\"html\">%7</content></entry>\n")
                   .arg(words(r, 8))
                   .arg(i)
                   .arg(i % 24, 2, 10, QLatin1Char('0'))
                   .arg(i % 60, 2, 10, QLatin1Char('0'))
                   .arg(i % 17)
                   .arg(QLatin1String(kWords[i % 12]))
                   .arg(body(r));
    out += QStringLiteral("</feed>\n");
    return out.toUtf8();
}

template <typename F> double medianSeconds(int runs, F &&f)
{
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        f();
        t.push_back(timer.nsecsElapsed() / 1e9);
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

qint64 tokenize(const QByteArray &bytes)
{
    QXmlStreamReader xml(bytes);
    qint64 chars = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isCharacters())
            chars += xml.text().size();
        else if (xml.isStartElement())
            chars += xml.attributes().size();
    }
    return chars;
}

double feedparserSeconds(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"),
             QStringLiteral("import feedparser,sys,time\nd=open(sys.argv[1],'rb').read()\n"
                            "t=time.perf_counter()\nr=feedparser.parse(d)\n"
                            "print(time.perf_counter()-t, len(r.entries))"),
             path});
    if (!p.waitForFinished(600000) || p.exitCode() != 0)
        return -1;
    return p.readAllStandardOutput().split(' ').first().toDouble();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int items = argc > 1 ? std::atoi(argv[1]) : 10000;
    QTemporaryDir dir;
    std::printf("| %-8s | %7s | %-26s | %9s | %8s | %s |\n", "format", "MB", "parser", "seconds",
                "MB/s", "entries");
    std::printf(
        "|----------|---------|----------------------------|-----------|----------|---------|\n");
    for (const auto &[name, bytes] :
         {std::pair{"RSS 2.0", rss(items)}, std::pair{"Atom 1.0", atom(items)}}) {
        const QString path = dir.filePath(QString::fromLatin1(name).remove(QLatin1Char(' ')) +
                                          QStringLiteral(".xml"));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
        f.close();
        const double mb = bytes.size() / 1e6;
        qsizetype entries = 0;
        const double ours = medianSeconds(5, [&] { entries = parseFeed(bytes).entries.size(); });
        const double floor = medianSeconds(5, [&] { tokenize(bytes); });
        const double fp =
            qEnvironmentVariableIsSet("BENCH_SKIP_FEEDPARSER") ? -1 : feedparserSeconds(path);
        std::printf("| %-8s | %7.1f | %-26s | %9.3f | %8.1f | %7lld |\n", name, mb, "bs::parseFeed",
                    ours, mb / ours, static_cast<long long>(entries));
        std::printf("| %-8s | %7.1f | %-26s | %9.3f | %8.1f | %7s |\n", name, mb,
                    "QXmlStreamReader tokenizer", floor, mb / floor, "-");
        if (fp > 0)
            std::printf("| %-8s | %7.1f | %-26s | %9.3f | %8.1f | %7s |\n", name, mb,
                        "python3-feedparser 6.0.10", fp, mb / fp, "-");
        std::printf("  %s: %.1fx feedparser (aim >= 50x), %.2fx the tokenizer's time (aim <= 3x)\n",
                    name, fp > 0 ? fp / ours : 0.0, ours / floor);
    }
    return 0;
}
