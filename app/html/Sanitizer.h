#pragma once
#include <QString>
#include <QUrl>
namespace bs {
QString resolveRelativeUrls(const QString &html, const QUrl &base);
QString sanitizeHtml(const QString &html, const QUrl &base = {});
}
