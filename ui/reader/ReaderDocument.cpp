#include "ReaderDocument.h"

#include "ReaderContent.h"
#include "html/HtmlText.h"

#include <QFile>
#include <QHash>
#include <QLocale>

namespace bs
{
namespace
{

QString resourceText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

QString readerContentSecurityPolicy(const ReaderOptions &options)
{
    const QString remote = options.allowRemoteImages ? QStringLiteral(" http: https:") : QString();
    return QStringLiteral("default-src 'none'; script-src 'none'; object-src 'none'; "
                          "frame-src 'none'; child-src 'none'; worker-src 'none'; "
                          "connect-src 'none'; font-src 'none'; manifest-src 'none'; "
                          "form-action 'none'; base-uri 'none'; style-src 'unsafe-inline'; "
                          "img-src bsreader: data:%1; media-src bsreader:%1")
        .arg(remote);
}

QByteArray readerBlankDocument(const ReaderOptions &options)
{
    static const QString css = resourceText(QStringLiteral(":/reader/reader.css"));
    return QStringLiteral("<!DOCTYPE html><html data-theme=\"%1\"><head><meta charset=\"utf-8\">"
                          "<meta http-equiv=\"Content-Security-Policy\" content=\"%2\">"
                          "<style>%3</style></head><body></body></html>")
        .arg(options.dark ? QStringLiteral("dark") : QStringLiteral("light"),
             readerContentSecurityPolicy(options).toHtmlEscaped(), css)
        .toUtf8();
}

QString fillTemplate(const QString &templ, const QHash<QString, QString> &values)
{
    QString out;
    out.reserve(templ.size());
    qsizetype i = 0;
    while (i < templ.size()) {
        const qsizetype open = templ.indexOf(QLatin1String("{{"), i);
        if (open < 0) {
            out += QStringView(templ).mid(i);
            break;
        }
        const qsizetype close = templ.indexOf(QLatin1String("}}"), open + 2);
        if (close < 0) {
            out += QStringView(templ).mid(i);
            break;
        }
        out += QStringView(templ).mid(i, open - i);
        const QString key = templ.mid(open + 2, close - open - 2);
        out += values.value(key);
        i = close + 2;
    }
    return out;
}

QByteArray readerDocument(const Article &article, const QString &feedTitle,
                          const ReaderOptions &options,
                          const std::function<bool(const QUrl &)> &isCached)
{
    static const QString templ = resourceText(QStringLiteral(":/reader/article.html"));
    static const QString css = resourceText(QStringLiteral(":/reader/reader.css"));

    const QString body = !article.fullText.isEmpty()
                             ? article.fullText
                             : (!article.content.isEmpty() ? article.content : article.summary);
    const QString content = rewriteReaderContent(
        body, ReaderContentPolicy{.base = article.url,
                                  .allowRemoteImages = options.allowRemoteImages,
                                  .isCached = isCached});

    const QString sample = article.title + QLatin1Char(' ') + htmlToPlainText(body.left(4000));
    const bool rtl = isRightToLeft(article.language, sample);
    QStringList byline;
    if (!article.author.isEmpty())
        byline << escaped(article.author);
    if (article.published.isValid()) {
        const QDateTime local = article.published.toLocalTime();
        byline << QStringLiteral("<time datetime=\"%1\">%2</time>")
                      .arg(article.published.toUTC().toString(Qt::ISODate),
                           escaped(QLocale().toString(local.date(), QLocale::LongFormat) +
                                   QStringLiteral(", ") +
                                   QLocale().toString(local.time(), QLocale::ShortFormat)));
    }
    QString original;
    const QString scheme = article.url.scheme().toLower();
    if (article.url.isValid() &&
        (scheme == QLatin1String("http") || scheme == QLatin1String("https")))
        original =
            QStringLiteral("<p class=\"reader-original\"><a href=\"%1\">%2</a></p>")
                .arg(escaped(article.url.toString(QUrl::FullyEncoded)),
                     escaped(QObject::tr("Read the original at %1").arg(article.url.host())));

    QString language = article.language.trimmed();
    if (language.isEmpty())
        language = guessCjkLanguage(sample.left(400));
    const QHash<QString, QString> values{
        {QStringLiteral("lang"), escaped(language)},
        {QStringLiteral("dir"), rtl ? QStringLiteral("rtl") : QStringLiteral("ltr")},
        {QStringLiteral("theme"), options.dark ? QStringLiteral("dark") : QStringLiteral("light")},
        {QStringLiteral("font_size"), QString::number(options.fontSizePx)},
        {QStringLiteral("csp"), escaped(readerContentSecurityPolicy(options))},
        {QStringLiteral("css"), css},
        {QStringLiteral("title"), escaped(article.title)},
        {QStringLiteral("feed"), escaped(feedTitle)},
        {QStringLiteral("byline"), byline.join(QStringLiteral(" · "))},
        {QStringLiteral("original"), original},
        {QStringLiteral("content"), content},
    };
    return fillTemplate(templ, values).toUtf8();
}

} // namespace bs
