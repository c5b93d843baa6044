#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <utility>

// Pieces of a small news site for offline-reading tests (project-owned text): article pages
// with a body, images and a related-stories block, feeds of summaries or full content, and
// real image bytes.
namespace bs::test
{

struct OfflineItem {
    QString guid;
    QString title;
    QUrl link;
    QString summary;     // plain text, escaped into <description>
    QString contentHtml; // when not empty: content:encoded
    QString pubDate = QStringLiteral("Mon, 06 Sep 2021 10:00:00 GMT");
};

QByteArray offlineFeed(const QList<OfflineItem> &items);
// An article page whose body mentions `word`, shows the images (absolute or relative
// addresses), names `leadImage` in og:image, and ends with three related stories.
QByteArray offlinePage(const QString &title, const QString &word, const QStringList &images,
                       const QString &leadImage = {});
// A real PNG/JPEG of side x side pixels; seed changes the bytes; noise makes it compress badly.
QByteArray testImage(const char *format, int side, int seed, bool noise = false);

} // namespace bs::test
