#pragma once

#include "ReaderDocument.h"
#include "ReaderScheme.h"

#include <QWebEngineUrlSchemeHandler>

namespace bs
{

class Database;

// Answers the reader scheme from the profile's read-only connection and the media resolver:
// bsreader://article/<id> is the assembled article page (404 for an unknown id), and
// bsreader://media?u=<original> the cached copy of an image (404 when not cached). Only GET;
// only image, audio and video types are served as media. Runs on the GUI thread.
class ReaderSchemeHandler : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT
public:
    ReaderSchemeHandler(Database &reader, const ReaderOptions &options, QObject *parent = nullptr);

    void setMediaResolver(ReaderMediaResolver resolver) { m_resolver = std::move(resolver); }
    void requestStarted(QWebEngineUrlRequestJob *job) override;

    // How many media requests were answered from the resolver, and how many were not cached.
    int mediaServed() const { return m_mediaServed; }
    int mediaMissing() const { return m_mediaMissing; }

private:
    void serveArticle(QWebEngineUrlRequestJob *job, qint64 id);
    void serveMedia(QWebEngineUrlRequestJob *job, const QUrl &original);

    Database &m_reader;
    const ReaderOptions &m_options;
    ReaderMediaResolver m_resolver;
    int m_mediaServed = 0;
    int m_mediaMissing = 0;
};

} // namespace bs
