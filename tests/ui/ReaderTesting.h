#pragma once

// Helpers for tests that drive the reader view's web page.

#include "reader/ReaderScheme.h"

#include <QApplication>
#include <QEventLoop>
#include <QTimer>
#include <QVariant>
#include <QWebEnginePage>
#include <QWebEngineScript>
#include <QtTest>

#include <functional>

namespace bs::test
{

// Starts an asynchronous page call and waits for its callback; T{} when it timed out.
template <typename T, typename Start> T waitForPageCallback(Start start, int timeoutMs)
{
    T result{};
    bool done = false;
    QEventLoop loop;
    start([&](const T &value) {
        result = value;
        done = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!done)
        loop.exec();
    return result;
}

// Runs a script in the application's isolated world (the page's own scripts are off) and
// waits for its result; an invalid QVariant when it timed out.
inline QVariant evalInPage(QWebEnginePage *page, const QString &script, int timeoutMs = 10000)
{
    return waitForPageCallback<QVariant>(
        [&](const std::function<void(const QVariant &)> &done) {
            page->runJavaScript(script, QWebEngineScript::ApplicationWorld, done);
        },
        timeoutMs);
}

inline QString pageText(QWebEnginePage *page, int timeoutMs = 10000)
{
    return waitForPageCallback<QString>(
        [&](const std::function<void(const QString &)> &done) { page->toPlainText(done); },
        timeoutMs);
}

} // namespace bs::test

// QTEST_MAIN with the reader scheme registered before the application exists.
#define BROADSHEET_READER_TEST_MAIN(TestObject)                                                    \
    int main(int argc, char **argv)                                                                \
    {                                                                                              \
        bs::registerReaderScheme();                                                                \
        QApplication app(argc, argv);                                                              \
        app.setAttribute(Qt::AA_Use96Dpi, true);                                                   \
        TestObject tc;                                                                             \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&tc, argc, argv);                                                      \
    }
