#include "cli/ExtractCommand.h"

#include "cli/CliContext.h"
#include "html/Extractor.h"
#include "net/Fetcher.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkAccessManager>

namespace bs
{

namespace
{

bool isWebAddress(const QString &text)
{
    return text.startsWith(QLatin1String("http://"), Qt::CaseInsensitive) ||
           text.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
}

void printText(CliContext &ctx, const ExtractedArticle &a)
{
    QTextStream &out = ctx.out();
    out << a.title << Qt::endl;
    if (!a.byline.isEmpty())
        out << "By: " << a.byline << Qt::endl;
    if (a.published.isValid())
        out << "Published: " << a.published.toUTC().toString(Qt::ISODate) << Qt::endl;
    if (!a.siteName.isEmpty())
        out << "Site: " << a.siteName << Qt::endl;
    if (!a.source.isEmpty())
        out << "Source: " << a.source << Qt::endl;
    if (!a.category.isEmpty())
        out << "Category: " << a.category << Qt::endl;
    if (!a.leadImage.isEmpty())
        out << "Image: " << a.leadImage.toString() << Qt::endl;
    out << Qt::endl << a.text << Qt::endl;
    if (!a.related.isEmpty()) {
        out << Qt::endl << "Related:" << Qt::endl;
        for (const RelatedLink &r : a.related) {
            out << "- " << r.title << " <" << r.url.toString() << '>' << Qt::endl;
            if (!r.snippet.isEmpty())
                out << "  " << r.snippet << Qt::endl;
        }
    }
    if (!a.feeds.isEmpty()) {
        out << Qt::endl << "Feeds:" << Qt::endl;
        for (const DiscoveredFeed &f : a.feeds)
            out << "- " << f.url.toString() << " (" << f.type << ") " << f.title << Qt::endl;
    }
}

} // namespace

FetchResult fetchWebPage(const QUrl &url)
{
    QNetworkAccessManager network;
    Fetcher fetcher(network);
    FetchResult result;
    QEventLoop loop;
    QObject::connect(&fetcher, &Fetcher::finished, &loop,
                     [&](const FetchResult &r) { result = r; });
    QObject::connect(&fetcher, &Fetcher::idle, &loop, &QEventLoop::quit);
    FetchRequest request;
    request.url = url;
    fetcher.enqueue(request);
    loop.exec();
    return result;
}

std::optional<PageInput> readPageInput(CliContext &ctx, const QCommandLineParser &parser,
                                       const QString &source, int *exitCode)
{
    const auto failed = [exitCode](int code) {
        *exitCode = code;
        return std::nullopt;
    };
    PageInput page;
    page.contentType = parser.value(QStringLiteral("content-type"));
    if (isWebAddress(source)) {
        page.url = QUrl(source, QUrl::StrictMode);
        if (!page.url.isValid() || page.url.host().isEmpty())
            return failed(ctx.fail(QStringLiteral("'%1' is not a web address.").arg(source)));
        const FetchResult fetched = fetchWebPage(page.url);
        if (fetched.outcome != FetchResult::Fetched)
            return failed(ctx.fail(fetched.error.isEmpty()
                                       ? QStringLiteral("Could not fetch %1 (HTTP %2).")
                                             .arg(source)
                                             .arg(fetched.httpStatus)
                                       : fetched.error));
        page.bytes = fetched.body;
        if (page.contentType.isEmpty())
            page.contentType = fetched.contentType;
        if (fetched.finalUrl.isValid())
            page.url = fetched.finalUrl;
    } else {
        QFile file(source);
        if (!file.open(QIODevice::ReadOnly))
            return failed(
                ctx.fail(QStringLiteral("Cannot read %1: %2.").arg(source, file.errorString())));
        page.bytes = file.readAll();
        page.url = QUrl::fromLocalFile(QFileInfo(file).absoluteFilePath());
    }
    if (parser.isSet(QStringLiteral("url"))) {
        page.url = QUrl(parser.value(QStringLiteral("url")));
        if (!page.url.isValid() || page.url.isRelative())
            return failed(ctx.usage(QStringLiteral("--url takes an absolute address.")));
    }
    return page;
}

int extractCommand(CliContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("url"),
                      QStringLiteral("The address the page came from (resolves relative links)."),
                      QStringLiteral("BASE")});
    parser.addOption({QStringLiteral("content-type"),
                      QStringLiteral("The HTTP Content-Type the page was served with."),
                      QStringLiteral("TYPE")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object.")});
    if (!ctx.parseOptions(parser, "extract", arguments))
        return 2;
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("extract takes one file or http(s) address."));
    const QString source = parser.positionalArguments().first();
    int exitCode = 0;
    const std::optional<PageInput> page = readPageInput(ctx, parser, source, &exitCode);
    if (!page)
        return exitCode;
    const QByteArray &bytes = page->bytes;
    const QUrl &url = page->url;
    const QString &contentType = page->contentType;

    const ExtractedArticle article = extractArticle(bytes, url, contentType);
    if (!article.ok())
        return ctx.fail(QStringLiteral("%1: %2").arg(source, article.error));
    if (parser.isSet(QStringLiteral("json"))) {
        ctx.out() << QString::fromUtf8(
            QJsonDocument(article.toJson()).toJson(QJsonDocument::Indented));
        ctx.out().flush();
    } else {
        printText(ctx, article);
    }
    return 0;
}

} // namespace bs
