#pragma once

#include <QLocalServer>
#include <QObject>
#include <QStringList>
#include <QUrl>

namespace bs
{

// One app per profile: the first start listens on a local socket whose name is derived from
// the profile directory (and the user), so two profiles can run at once. A second start with
// the same profile hands its arguments to the first (sendToRunning) and exits; the first
// raises its window (activationRequested) and opens the add-feed flow for a feed address among
// them (feedUrlRequested), as a browser's "subscribe" link passes one.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(const QString &profileDirectory, QObject *parent = nullptr);
    ~SingleInstance() override;

    // The local socket for a profile directory (stable for a user and a path): a path in the
    // user's runtime directory ($XDG_RUNTIME_DIR), else a name in the temporary directory.
    static QString serverNameFor(const QString &profileDirectory);
    QString serverName() const { return m_name; }

    // Hands the arguments to an instance already running on this profile. True when it took
    // them (this process should then exit 0); false when none answers within timeoutMs.
    bool sendToRunning(const QStringList &arguments, int timeoutMs = 3000);

    // Becomes the instance of this profile. A socket file left by an instance that crashed is
    // removed (after checking that nobody answers on it). False when another instance answers
    // or the socket cannot be created (*error says why).
    bool listen(QString *error = nullptr);
    bool isListening() const { return m_server.isListening(); }

    // The feed address in a command-line argument: http(s)://..., feed://... (http), or
    // feed:https://...; an invalid QUrl for anything else.
    static QUrl feedUrlFromArgument(const QString &argument);

    // Acts on arguments as if another start had sent them (the first start's own arguments).
    void handleArguments(const QStringList &arguments);

signals:
    void activationRequested();
    void feedUrlRequested(const QUrl &url);

private:
    void acceptConnection();

    QString m_name;
    QLocalServer m_server;
};

} // namespace bs
