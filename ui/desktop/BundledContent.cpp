#include "desktop/BundledContent.h"

#include <QCoreApplication>
#include <QFile>

namespace bs
{

namespace
{

QByteArray readResource(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

FirstRunContent bundledFirstRunContent()
{
    FirstRunContent content;
    content.opml = readResource(QStringLiteral(":/first-run/default-subscriptions.opml"));
    content.demo.url = FirstRun::demoFeedUrl();
    content.demo.title = QCoreApplication::translate("bs::FirstRun", "Broadsheet Demo");
    content.demo.document = readResource(QStringLiteral(":/first-run/demo-feed.xml"));
    return content;
}

} // namespace bs
