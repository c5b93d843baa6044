#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace bs
{

// One feed that failed in a sync pass, with the sentence stored as its error.
struct SyncFailure {
    qint64 feedId = 0;
    QString feedTitle; // title, or the address when it has none
    QString message;
};

// Where a sync pass stands; SyncEngine emits it after each feed and when the pass ends. The
// CLI draws a bar from it, the GUI a status bar.
struct SyncProgress {
    int feedsDone = 0;
    int feedsTotal = 0;
    qint64 bytes = 0;           // decoded bytes received
    int errors = 0;             // feeds that failed (failures holds why)
    qint64 currentFeed = 0;     // the feed just handled (0 before the first)
    QString currentFeedTitle;   // its title, or its address when it has none
    qint64 articlesAdded = 0;   // new articles stored
    qint64 articlesRemoved = 0; // articles retention deleted after the pass
    bool cancelled = false;     // the pass was cancelled (feeds not yet done stay as they were)
    QList<SyncFailure> failures;
};

} // namespace bs

Q_DECLARE_METATYPE(bs::SyncProgress)
