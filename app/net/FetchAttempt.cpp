#include "net/FetchAttempt.h"

#include "net/FetchErrors.h"
#include "net/FetchQueue.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <utility>

namespace bs
{

namespace
{

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool isWebUrl(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && !url.host().isEmpty() &&
           (scheme == QLatin1String("http") || scheme == QLatin1String("https"));
}

QString headerText(QNetworkReply *reply, const char *name)
{
    return QString::fromLatin1(reply->rawHeader(name)).trimmed();
}

qint64 declaredLength(QNetworkReply *reply)
{
    const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
    return length.isValid() ? length.toLongLong() : -1;
}

} // namespace

FetchAttempt::FetchAttempt(QNetworkAccessManager &network, const FetchRequest &request,
                           const FetchPolicy &policy, QObject *parent)
    : QObject(parent), m_network(network), m_request(request), m_policy(policy)
{
    m_idleTimer.setSingleShot(true);
    m_totalTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] { stop(Stop::Idle); });
    connect(&m_totalTimer, &QTimer::timeout, this, [this] { stop(Stop::Total); });
    m_result.feedId = request.feedId;
    m_result.url = request.url;
}

FetchAttempt::~FetchAttempt()
{
    dropReply();
}

void FetchAttempt::start()
{
    if (!isWebUrl(m_request.url)) {
        m_url = m_request.url;
        // Reported from the event loop, like every other outcome.
        QTimer::singleShot(0, this, [this] {
            finish(FetchResult::Failed,
                   QStringLiteral("'%1' is not a web address (expected http or https).")
                       .arg(m_request.url.toString()));
        });
        return;
    }
    m_sendAuth = !m_request.user.isEmpty();
    m_seen.insert(m_request.url.adjusted(QUrl::RemoveFragment));
    m_totalTimer.start(m_policy.totalTimeoutMs);
    send(m_request.url);
}

void FetchAttempt::abort()
{
    m_done = true;
    m_idleTimer.stop();
    m_totalTimer.stop();
    dropReply();
}

void FetchAttempt::send(const QUrl &url)
{
    m_url = url;
    m_body.clear();
    m_decoder.reset();
    m_rawBytes = 0;
    m_tlsErrors.clear();
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setHeader(QNetworkRequest::UserAgentHeader, m_policy.userAgent);
    request.setRawHeader("Accept", "application/rss+xml, application/atom+xml, "
                                   "application/feed+json, application/rdf+xml, "
                                   "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8");
    // Set by hand, so Qt leaves the body and its Content-Length alone (see BodyDecoder).
    request.setRawHeader("Accept-Encoding", BodyDecoder::acceptEncoding());
    if (!m_request.validators.etag.isEmpty())
        request.setRawHeader("If-None-Match", m_request.validators.etag.toLatin1());
    if (!m_request.validators.lastModified.isEmpty())
        request.setRawHeader("If-Modified-Since", m_request.validators.lastModified.toLatin1());
    if (m_sendAuth) {
        const QByteArray credentials =
            (m_request.user + QLatin1Char(':') + m_request.password).toUtf8().toBase64();
        request.setRawHeader("Authorization", "Basic " + credentials);
    }
    m_reply = m_network.get(request);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &FetchAttempt::headReceived);
    connect(m_reply, &QNetworkReply::readyRead, this, &FetchAttempt::readBody);
    connect(m_reply, &QNetworkReply::downloadProgress, this,
            [this] { m_idleTimer.start(m_policy.transferTimeoutMs); });
    connect(m_reply, &QNetworkReply::finished, this, &FetchAttempt::replyFinished);
#if QT_CONFIG(ssl)
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            m_tlsErrors.append(error.errorString());
    });
#endif
    m_idleTimer.start(m_policy.transferTimeoutMs);
}

void FetchAttempt::headReceived()
{
    m_idleTimer.start(m_policy.transferTimeoutMs);
    if (!m_decoder && prepareDecoder() && declaredLength(m_reply) > m_policy.maxBodyBytes)
        stop(Stop::TooLarge);
}

bool FetchAttempt::prepareDecoder()
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 200 || status >= 300)
        return false;
    m_decoder = std::make_unique<BodyDecoder>(
        BodyDecoder::codingOf(m_reply->rawHeader("Content-Encoding")));
    return true;
}

void FetchAttempt::readBody()
{
    m_idleTimer.start(m_policy.transferTimeoutMs);
    if (!m_decoder) {
        headReceived();
        if (!m_reply)
            return; // stopped from the head
    }
    const Stop reason = consume(m_reply->readAll());
    if (reason != Stop::None)
        stop(reason);
}

FetchAttempt::Stop FetchAttempt::consume(const QByteArray &raw)
{
    if (!m_decoder || raw.isEmpty())
        return Stop::None; // the body of a redirect or an error: not needed
    m_rawBytes += raw.size();
    if (!m_decoder->decode(raw, m_body, m_policy.maxBodyBytes))
        return Stop::Undecodable;
    return m_body.size() > m_policy.maxBodyBytes ? Stop::TooLarge : Stop::None;
}

void FetchAttempt::stop(Stop reason)
{
    if (!m_reply || m_stop != Stop::None)
        return;
    m_stop = reason;
    m_reply->abort(); // finished() follows, synchronously
}

void FetchAttempt::replyFinished()
{
    if (m_done || !m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_idleTimer.stop();
    if (m_stop == Stop::None) {
        if (!m_decoder)
            prepareDecoder();
        m_stop = consume(reply->readAll());
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    m_result.httpStatus = status;
    m_result.bytes = m_body.size();

    switch (m_stop) {
    case Stop::Idle:
        finish(FetchResult::Failed,
               QStringLiteral("Timed out after %1 without data.")
                   .arg(describeDuration(m_policy.transferTimeoutMs)),
               true);
        return;
    case Stop::Total:
        finish(FetchResult::Failed, QStringLiteral("Gave up after %1: the download took too long.")
                                        .arg(describeDuration(m_policy.totalTimeoutMs)));
        return;
    case Stop::TooLarge:
        finish(FetchResult::Failed, QStringLiteral("The response is larger than the %1 limit.")
                                        .arg(describeSize(m_policy.maxBodyBytes)));
        return;
    case Stop::Undecodable:
        finish(FetchResult::Failed, m_decoder->error());
        return;
    case Stop::None:
        break;
    }

    const QNetworkReply::NetworkError error = reply->error();
    if (status == 0 || (error != QNetworkReply::NoError && status < 400)) {
        if (error == QNetworkReply::SslHandshakeFailedError && !m_tlsErrors.isEmpty()) {
            finish(FetchResult::Failed,
                   QStringLiteral("TLS error: %1").arg(m_tlsErrors.join(QStringLiteral("; "))));
        } else if (status != 0 && error == QNetworkReply::RemoteHostClosedError) {
            finish(FetchResult::Failed, describeCutBody(m_rawBytes, declaredLength(reply)), true);
        } else {
            finish(FetchResult::Failed, describeNetworkError(error, reply->errorString()),
                   isTransientNetworkError(error));
        }
        return;
    }
    if (isRedirect(status)) {
        followRedirect(status);
        return;
    }
    m_result.contentType = headerText(reply, "Content-Type");
    m_result.contentLocation = headerText(reply, "Content-Location");
    m_result.contentLanguage = headerText(reply, "Content-Language");
    m_result.newValidators = {headerText(reply, "ETag"), headerText(reply, "Last-Modified")};

    if (status == 304) {
        if (m_result.newValidators.etag.isEmpty())
            m_result.newValidators.etag = m_request.validators.etag;
        if (m_result.newValidators.lastModified.isEmpty())
            m_result.newValidators.lastModified = m_request.validators.lastModified;
        m_body.clear();
        m_result.bytes = 0;
        finish(FetchResult::NotModified);
        return;
    }
    if (status == 410) {
        finish(FetchResult::Gone, QStringLiteral("The server answered 410 Gone: the address "
                                                 "was removed for good."));
        return;
    }
    if (status == 429 || status == 503) {
        m_result.retryAfter =
            parseRetryAfter(reply->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc());
    }
    if (status < 200 || status >= 300) {
        // With a Retry-After the host is held back and the caller asks again later.
        finish(FetchResult::Failed, describeHttpStatus(status, reason),
               isTransientStatus(status) && !m_result.retryAfter.isValid());
        return;
    }
    // Qt 6.4 ends a reply whose connection was reset mid-body without an error now and then,
    // handing over the bytes that came: compare with what the server announced, and make sure
    // a compressed stream got to its end. (A cut chunked identity body cannot be seen.)
    const qint64 declared = declaredLength(reply);
    if (declared >= 0 && m_rawBytes < declared) {
        finish(FetchResult::Failed, describeCutBody(m_rawBytes, declared), true);
        return;
    }
    if (m_decoder && m_rawBytes > 0 && !m_decoder->isComplete()) {
        finish(FetchResult::Failed, describeCutBody(m_rawBytes, -1), true);
        return;
    }
    m_result.contentHash = QCryptographicHash::hash(m_body, QCryptographicHash::Sha1);
    if (!m_request.previousContentHash.isEmpty() &&
        m_result.contentHash == m_request.previousContentHash) {
        m_body.clear();
        finish(FetchResult::Unchanged);
        return;
    }
    finish(FetchResult::Fetched);
}

void FetchAttempt::followRedirect(int status)
{
    const QByteArray location = m_reply->rawHeader("Location").trimmed();
    if (location.isEmpty()) {
        finish(FetchResult::Failed,
               QStringLiteral("The server answered %1 without saying where to go.").arg(status));
        return;
    }
    const QUrl next = m_url.resolved(QUrl(QString::fromUtf8(location), QUrl::TolerantMode));
    if (!isWebUrl(next)) {
        finish(FetchResult::Failed,
               QStringLiteral("Redirected to '%1', which is not a web address.")
                   .arg(QString::fromUtf8(location)));
        return;
    }
    const QUrl key = next.adjusted(QUrl::RemoveFragment);
    if (m_seen.contains(key)) {
        finish(FetchResult::Failed, QStringLiteral("Redirect loop at %1.").arg(next.toString()));
        return;
    }
    if (m_redirects >= m_policy.maxRedirects) {
        finish(FetchResult::Failed, QStringLiteral("More than %1 redirects; the last one to %2.")
                                        .arg(m_policy.maxRedirects)
                                        .arg(next.toString()));
        return;
    }
    m_seen.insert(key);
    ++m_redirects;
    m_permanent = m_permanent && (status == 301 || status == 308);
    // Credentials go only where they were meant to go, and never in the clear after https.
    const bool downgraded = m_url.scheme().toLower() == QLatin1String("https") &&
                            next.scheme().toLower() == QLatin1String("http");
    if (downgraded || FetchQueue::hostKey(next) != FetchQueue::hostKey(m_url))
        m_sendAuth = false;
    dropReply();
    send(next);
}

void FetchAttempt::finish(FetchResult::Outcome outcome, const QString &error, bool transient)
{
    if (m_done)
        return;
    m_done = true;
    m_idleTimer.stop();
    m_totalTimer.stop();
    dropReply();
    m_result.outcome = outcome;
    m_result.error = error;
    m_result.finalUrl = m_url;
    m_result.permanentRedirect = m_redirects > 0 && m_permanent;
    if (outcome == FetchResult::Fetched)
        m_result.body = std::move(m_body);
    m_body = QByteArray();
    emit done(m_result, transient);
}

void FetchAttempt::dropReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    disconnect(reply, nullptr, this, nullptr);
    if (reply->isRunning())
        reply->abort();
    reply->deleteLater();
}

} // namespace bs
