#include "desktop/SingleInstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QStandardPaths>

#include <unistd.h>

namespace bs
{

namespace
{

constexpr qint64 kMaxMessage = 64 * 1024;

} // namespace

SingleInstance::SingleInstance(const QString &profileDirectory, QObject *parent)
    : QObject(parent), m_name(serverNameFor(profileDirectory))
{
    // No socket options: with any of them Qt creates the socket elsewhere and renames it over
    // the name, which would take the name from a running instance. The socket file gets the
    // umask's permissions (connecting needs write access: the user's own by default).
    connect(&m_server, &QLocalServer::newConnection, this, &SingleInstance::acceptConnection);
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverNameFor(const QString &profileDirectory)
{
    QFileInfo info(profileDirectory);
    QString path = info.canonicalFilePath();
    if (path.isEmpty())
        path = QDir::cleanPath(info.absoluteFilePath());
    const QByteArray key = QByteArray::number(qulonglong(::getuid())) + '\0' + path.toUtf8();
    const QByteArray hash = QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex();
    const QString name = QStringLiteral("broadsheet-") + QString::fromLatin1(hash.left(24));
    // In the user's own runtime directory (mode 0700) when there is one, so no other user can
    // take the name; else Qt's default place (the temporary directory).
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (!runtime.isEmpty() && QFileInfo(runtime).isDir()) {
        const QString path = QDir(runtime).filePath(name);
        if (QFile::encodeName(path).size() < 100) // sockaddr_un's path limit, with room
            return path;
    }
    return name;
}

bool SingleInstance::sendToRunning(const QStringList &arguments, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    const QByteArray message =
        QJsonDocument(QJsonArray::fromStringList(arguments)).toJson(QJsonDocument::Compact) + '\n';
    socket.write(message);
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    // The running instance answers once it has taken the message.
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    }
    return socket.readLine().trimmed() == "ok";
}

bool SingleInstance::listen(QString *error)
{
    if (m_server.listen(m_name))
        return true;
    if (m_server.serverError() == QAbstractSocket::AddressInUseError) {
        // Either another instance is running, or one crashed and left its socket file.
        QLocalSocket probe;
        probe.connectToServer(m_name);
        if (probe.waitForConnected(1000)) {
            probe.disconnectFromServer();
            if (error)
                *error = tr("Broadsheet is already running with this profile.");
            return false;
        }
        QLocalServer::removeServer(m_name);
        if (m_server.listen(m_name))
            return true;
    }
    if (error)
        *error = m_server.errorString();
    return false;
}

QUrl SingleInstance::feedUrlFromArgument(const QString &argument)
{
    QString text = argument.trimmed();
    if (text.startsWith(QLatin1String("feed:"), Qt::CaseInsensitive)) {
        text = text.mid(5);
        if (text.startsWith(QLatin1String("//")))
            text.prepend(QLatin1String("http:"));
    }
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return {};
    return url;
}

void SingleInstance::handleArguments(const QStringList &arguments)
{
    emit activationRequested();
    for (const QString &argument : arguments) {
        const QUrl url = feedUrlFromArgument(argument);
        if (url.isValid())
            emit feedUrlRequested(url);
    }
}

void SingleInstance::acceptConnection()
{
    while (QLocalSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine()) {
                if (socket->bytesAvailable() > kMaxMessage)
                    socket->abort();
                return;
            }
            const QByteArray line = socket->readLine(kMaxMessage);
            socket->write("ok\n");
            socket->flush();
            socket->disconnectFromServer();
            QStringList arguments;
            const QJsonDocument doc = QJsonDocument::fromJson(line);
            for (const QJsonValue &value : doc.array())
                arguments.append(value.toString());
            handleArguments(arguments);
        });
    }
}

} // namespace bs
