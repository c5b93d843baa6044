#pragma once

#include "net/FetchResult.h"

#include <QStringList>

#include <optional>

class QCommandLineParser;

namespace bs
{

class CliContext;

// `broadsheet-cli extract FILE|URL [--url BASE] [--content-type TYPE] [--json]`: the article a
// web page holds (a file, or an http/https address fetched once).
int extractCommand(CliContext &ctx, const QStringList &arguments);

// One GET through the sync worker's Fetcher (redirects, decoding, size cap, timeouts), waiting
// in a local event loop.
FetchResult fetchWebPage(const QUrl &url);

// A web page as a verb reads it: the bytes of FILE or of an http(s) address fetched once, the
// address it came from (the final one after redirects, a file's URL, or --url BASE), and its
// Content-Type (the served one, or --content-type TYPE). The parser must have the "url" and
// "content-type" options. Prints the error and sets *exitCode (1, or 2 for a usage error) when
// the page cannot be read.
struct PageInput {
    QByteArray bytes;
    QUrl url;
    QString contentType;
};
std::optional<PageInput> readPageInput(CliContext &ctx, const QCommandLineParser &parser,
                                       const QString &source, int *exitCode);

} // namespace bs
