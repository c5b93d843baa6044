// libFuzzer target: any text through the HTML sanitizer and the relative-URL resolver.

#include "html/Sanitizer.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString html = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString resolved =
        bs::resolveRelativeUrls(html, QUrl(QStringLiteral("http://a.test/b/")));
    (void)bs::sanitizeHtml(resolved);
    return 0;
}
