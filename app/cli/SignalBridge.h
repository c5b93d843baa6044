#pragma once

#include <QObject>

#include <initializer_list>

class QSocketNotifier;

namespace bs
{

// Turns POSIX signals (SIGINT, SIGTERM) into a Qt signal on the event loop. The handler only
// write()s the signal number to a pipe (async-signal-safe); a QSocketNotifier on the other end
// emits raised() from the event loop. The handler is one-shot (SA_RESETHAND): a second Ctrl-C
// while the first is being handled ends the process the default way. One bridge at a time;
// the previous handlers come back when it is destroyed.
class SignalBridge : public QObject
{
    Q_OBJECT
public:
    explicit SignalBridge(std::initializer_list<int> signalNumbers, QObject *parent = nullptr);
    ~SignalBridge() override;

    bool isActive() const { return m_notifier != nullptr; }

signals:
    void raised(int signalNumber);

private:
    void readPipe();

    QSocketNotifier *m_notifier = nullptr;
    QList<int> m_signals;
};

} // namespace bs
