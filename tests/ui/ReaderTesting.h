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

namespace bs::test
{

// Runs a script in the application's isolated world (the page's own scripts are off) and
// waits for its result; an invalid QVariant when it timed out.
inline QVariant evalInPage(QWebEnginePage *page, const QString &script, int timeoutMs = 10000)
{
    QVariant result;
    bool done = false;
    QEventLoop loop;
    page->runJavaScript(script, QWebEngineScript::ApplicationWorld, [&](const QVariant &value) {
        result = value;
        done = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!done)
        loop.exec();
    return result;
}

inline QString pageText(QWebEnginePage *page, int timeoutMs = 10000)
{
    QString result;
    bool done = false;
    QEventLoop loop;
    page->toPlainText([&](const QString &text) {
        result = text;
        done = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!done)
        loop.exec();
    return result;
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
