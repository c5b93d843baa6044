#include "OfflineSite.h"

#include <QBuffer>
#include <QImage>
#include <QRandomGenerator>

namespace bs::test
{

QByteArray offlineFeed(const QList<OfflineItem> &items)
{
    QString out =
        QStringLiteral("<?xml version=\"1.0\"?><rss version=\"2.0\" "
                       "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
                       "<title>Estuary Weekly</title><link>http://estuary.test/</link>");
    for (const OfflineItem &i : items) {
        out += QStringLiteral(
                   "<item><guid isPermaLink=\"false\">%1</guid><title>%2</title><link>%3</link>"
                   "<pubDate>%4</pubDate><description>%5</description>")
                   .arg(i.guid, i.title.toHtmlEscaped(), i.link.toString().toHtmlEscaped(),
                        i.pubDate, i.summary.toHtmlEscaped());
        if (!i.contentHtml.isEmpty())
            out += QStringLiteral("<content:encoded>%1</content:encoded>")
                       .arg(i.contentHtml.toHtmlEscaped());
        out += QStringLiteral("</item>");
    }
    out += QStringLiteral("</channel></rss>");
    return out.toUtf8();
}

QByteArray offlinePage(const QString &title, const QString &word, const QStringList &images,
                       const QString &leadImage)
{
    QString html = QStringLiteral("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                                  "<title>%1 - Estuary Weekly</title>")
                       .arg(title.toHtmlEscaped());
    if (!leadImage.isEmpty())
        html += QStringLiteral("<meta property=\"og:image\" content=\"%1\">").arg(leadImage);
    html += QStringLiteral("</head><body><nav><a href=\"/\">Home</a> <a href=\"/tides\">Tides</a>"
                           "</nav><article><h1>%1</h1>")
                .arg(title.toHtmlEscaped());
    const QString paragraphs[] = {
        QStringLiteral("The harbour pilots met on Tuesday morning, as they do each spring, to "
                       "compare notes on the channel, the shifting sandbanks and the %1 that "
                       "grows along the northern wall."),
        QStringLiteral("Several of them said the tides had been higher than the almanac "
                       "promised, and that the old ferry slip was under water twice in March, "
                       "which nobody could remember happening before."),
        QStringLiteral("The council has promised a survey, a new set of markers and, later in "
                       "the year, a public meeting in the library, where residents will be able "
                       "to see the plans and ask questions about the work."),
        QStringLiteral("Until then the pilots will keep to the marked channel, slow down near the "
                       "slip, and log every crossing, so that the survey has a full season of "
                       "observations to start from."),
    };
    int p = 0;
    for (const QString &text : paragraphs) {
        html += QStringLiteral("<p>") + (p == 0 ? text.arg(word) : text) + QStringLiteral("</p>");
        if (p < images.size())
            html += QStringLiteral("<figure><img src=\"%1\" alt=\"Figure %2\"><figcaption>A view "
                                   "of the channel, figure %2.</figcaption></figure>")
                        .arg(images[p])
                        .arg(p + 1);
        ++p;
    }
    html += QStringLiteral("</article><div class=\"related\"><h3>Related stories</h3><ul>");
    const QString related[] = {QStringLiteral("Ferry timetable changes for summer"),
                               QStringLiteral("Sandbank survey to begin in June"),
                               QStringLiteral("Library hosts harbour history evening")};
    int r = 0;
    for (const QString &t : related) {
        ++r;
        html += QStringLiteral("<li><a href=\"/more/%1.html\">%2</a> A short note on story %1. "
                               "<a href=\"/more/%1.html\">[more]</a></li>")
                    .arg(r)
                    .arg(t);
    }
    html += QStringLiteral("</ul></div><footer>Estuary Weekly, all rights reserved.</footer>"
                           "</body></html>");
    return html.toUtf8();
}

QByteArray testImage(const char *format, int side, int seed, bool noise)
{
    QImage img(side, side, QImage::Format_RGB32);
    img.fill(qRgb(seed * 37 % 256, seed * 91 % 256, seed * 13 % 256));
    QRandomGenerator random(quint32(seed + 1));
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x)
            if (noise || (x + y + seed) % 17 == 0)
                img.setPixel(x, y, random.generate() | 0xff000000u);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    img.save(&buffer, format);
    return bytes;
}

} // namespace bs::test
