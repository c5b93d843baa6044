// libFuzzer target: any bytes through the page list finder, and the first line of the input as
// a CSS selector through the selector translator and readPageList.

#include "pages/PageLists.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QUrl url(QStringLiteral("http://a.test/list/"));
    bs::PageListOptions options;
    options.now = QDateTime(QDate(2025, 3, 10), QTime(12, 0), Qt::UTC);
    const bs::PageListsResult found = bs::findPageLists(bytes, url, {}, options);
    const QString selector = QString::fromUtf8(bytes.left(bytes.indexOf('\n')).left(200));
    (void)bs::pageSelectorError(selector);
    (void)bs::readPageList(bytes, url, selector, {}, options);
    if (!found.lists.isEmpty())
        (void)bs::readPageList(bytes, url, found.lists.first().selector, {}, options);
    return 0;
}
