#include "ReaderContent.h"

#include "ReaderScheme.h"

#include <QSet>

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

#include <memory>

namespace bs
{
namespace
{

struct DocFree {
    void operator()(xmlDoc *doc) const { xmlFreeDoc(doc); }
};
struct BufferFree {
    void operator()(xmlBuffer *buffer) const { xmlBufferFree(buffer); }
};

QString name(const xmlChar *text)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(text)).toLower();
}

QString value(xmlAttr *attr)
{
    xmlChar *text = xmlNodeListGetString(attr->doc, attr->children, 1);
    const QString out = QString::fromUtf8(reinterpret_cast<const char *>(text));
    xmlFree(text);
    return out;
}

void setValue(xmlNode *element, xmlAttr *attr, const QString &text)
{
    xmlSetProp(element, attr->name, reinterpret_cast<const xmlChar *>(text.toUtf8().constData()));
}

// Elements that run code, embed other documents, fetch, or submit: dropped with their content.
const QSet<QString> &droppedElements()
{
    static const QSet<QString> names{
        QStringLiteral("script"),   QStringLiteral("style"),    QStringLiteral("iframe"),
        QStringLiteral("frame"),    QStringLiteral("frameset"), QStringLiteral("object"),
        QStringLiteral("embed"),    QStringLiteral("applet"),   QStringLiteral("link"),
        QStringLiteral("meta"),     QStringLiteral("base"),     QStringLiteral("template"),
        QStringLiteral("form"),     QStringLiteral("input"),    QStringLiteral("button"),
        QStringLiteral("textarea"), QStringLiteral("select"),   QStringLiteral("param"),
        QStringLiteral("portal"),   QStringLiteral("svg"),      QStringLiteral("math"),
        QStringLiteral("noembed"),  QStringLiteral("xml"),      QStringLiteral("title"),
        QStringLiteral("head"),     QStringLiteral("dialog"),   QStringLiteral("fencedframe")};
    return names;
}

// Attributes that hold a URL something could fetch or navigate to.
const QSet<QString> &urlAttributes()
{
    static const QSet<QString> names{
        QStringLiteral("href"),       QStringLiteral("src"),        QStringLiteral("srcset"),
        QStringLiteral("poster"),     QStringLiteral("background"), QStringLiteral("data"),
        QStringLiteral("action"),     QStringLiteral("formaction"), QStringLiteral("lowsrc"),
        QStringLiteral("dynsrc"),     QStringLiteral("longdesc"),   QStringLiteral("ping"),
        QStringLiteral("cite"),       QStringLiteral("srcdoc"),     QStringLiteral("manifest"),
        QStringLiteral("codebase"),   QStringLiteral("archive"),    QStringLiteral("classid"),
        QStringLiteral("profile"),    QStringLiteral("icon"),       QStringLiteral("xlink:href"),
        QStringLiteral("imagesrcset")};
    return names;
}

bool styleCanFetch(const QString &style)
{
    const QString s = style.toLower();
    for (const char *word :
         {"url", "image", "import", "\\", "expression", "behavior", "binding", "src", "&#", "/*"})
        if (s.contains(QLatin1String(word)))
            return true;
    return false;
}

class Rewriter
{
public:
    explicit Rewriter(const ReaderContentPolicy &policy) : m_policy(policy) {}

    // One media URL as the page should load it; empty: remove it.
    QString media(const QString &raw, bool imageElement) const
    {
        const QString trimmed = raw.trimmed();
        if (trimmed.isEmpty())
            return {};
        if (imageElement && trimmed.startsWith(QLatin1String("data:image/"), Qt::CaseInsensitive) &&
            !trimmed.startsWith(QLatin1String("data:image/svg"), Qt::CaseInsensitive))
            return trimmed;
        const QUrl url = m_policy.base.resolved(QUrl(trimmed));
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
            return {};
        const bool cached = m_policy.isCached && m_policy.isCached(url);
        if (m_policy.allowRemoteImages && !cached)
            return url.toString(QUrl::FullyEncoded);
        return readerMediaUrl(url).toString(QUrl::FullyEncoded);
    }

    QString srcset(const QString &raw) const
    {
        QStringList out;
        int i = 0;
        const int n = int(raw.size());
        while (i < n) {
            while (i < n && (raw[i].isSpace() || raw[i] == QLatin1Char(',')))
                ++i;
            int start = i;
            while (i < n && !raw[i].isSpace())
                ++i;
            QString url = raw.mid(start, i - start);
            bool ended = false;
            while (url.endsWith(QLatin1Char(','))) {
                url.chop(1);
                ended = true;
            }
            QString descriptor;
            if (!ended) {
                start = i;
                while (i < n && raw[i] != QLatin1Char(','))
                    ++i;
                descriptor = raw.mid(start, i - start).trimmed();
            }
            if (url.isEmpty())
                continue;
            const QString local = media(url, false);
            if (!local.isEmpty())
                out << (descriptor.isEmpty() ? local : local + QLatin1Char(' ') + descriptor);
        }
        return out.join(QStringLiteral(", "));
    }

    QString link(const QString &raw) const
    {
        const QString trimmed = raw.trimmed();
        if (trimmed.isEmpty())
            return {}; // a removed target (the sanitizer's empty href) is no link to the page
        if (trimmed.startsWith(QLatin1Char('#')))
            return trimmed;
        const QUrl url = m_policy.base.resolved(QUrl(trimmed));
        const QString scheme = url.scheme().toLower();
        if (url.isValid() && (scheme == QLatin1String("http") || scheme == QLatin1String("https") ||
                              scheme == QLatin1String("mailto")))
            return url.toString(QUrl::FullyEncoded);
        return {};
    }

    void element(xmlNode *node) const
    {
        const QString tag = name(node->name);
        xmlAttr *attr = node->properties;
        while (attr) {
            xmlAttr *next = attr->next;
            const QString attribute = name(attr->name);
            QString replacement;
            bool keep = true;
            if (attribute.startsWith(QLatin1String("on")) || attribute == QLatin1String("target") ||
                attribute == QLatin1String("formtarget")) {
                keep = false;
            } else if (attribute == QLatin1String("style")) {
                keep = !styleCanFetch(value(attr));
            } else if (urlAttributes().contains(attribute)) {
                keep = false;
                const bool isImg = tag == QLatin1String("img");
                if (attribute == QLatin1String("href") &&
                    (tag == QLatin1String("a") || tag == QLatin1String("area")))
                    replacement = link(value(attr));
                else if (attribute == QLatin1String("src") &&
                         (isImg || tag == QLatin1String("source") ||
                          tag == QLatin1String("video") || tag == QLatin1String("audio") ||
                          tag == QLatin1String("track")))
                    replacement = media(value(attr), isImg);
                else if (attribute == QLatin1String("srcset") &&
                         (isImg || tag == QLatin1String("source")))
                    replacement = srcset(value(attr));
                else if (attribute == QLatin1String("poster") && tag == QLatin1String("video"))
                    replacement = media(value(attr), false);
                if (!replacement.isEmpty()) {
                    setValue(node, attr, replacement);
                    keep = true;
                }
            }
            if (!keep)
                xmlRemoveProp(attr);
            attr = next;
        }
    }

private:
    const ReaderContentPolicy &m_policy;
};

xmlNode *findBody(xmlNode *node)
{
    for (; node; node = node->next) {
        if (node->type != XML_ELEMENT_NODE)
            continue;
        if (name(node->name) == QLatin1String("body"))
            return node;
        if (xmlNode *inner = findBody(node->children))
            return inner;
    }
    return nullptr;
}

} // namespace

QString rewriteReaderContent(const QString &html, const ReaderContentPolicy &policy)
{
    const QByteArray wrapped =
        QByteArrayLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                          "</head><body>") +
        html.toUtf8() + QByteArrayLiteral("</body></html>");
    std::unique_ptr<xmlDoc, DocFree> doc(htmlReadMemory(
        wrapped.constData(), int(wrapped.size()), nullptr, "UTF-8",
        HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING));
    if (!doc)
        return {};
    xmlNode *body = findBody(xmlDocGetRootElement(doc.get()));
    if (!body)
        return {};

    const Rewriter rewriter(policy);
    // Iterative pre-order walk; a dropped element is unlinked before its subtree is visited.
    xmlNode *node = body->children;
    while (node && node != body) {
        xmlNode *following = nullptr;
        const bool dropped =
            (node->type == XML_ELEMENT_NODE && droppedElements().contains(name(node->name))) ||
            node->type == XML_COMMENT_NODE || node->type == XML_PI_NODE;
        if (dropped) {
            following = node->next;
            xmlNode *up = node->parent;
            xmlUnlinkNode(node);
            xmlFreeNode(node);
            if (!following) {
                while (up && up != body && !up->next)
                    up = up->parent;
                following = (up && up != body) ? up->next : nullptr;
            }
            node = following;
            continue;
        }
        if (node->type == XML_ELEMENT_NODE)
            rewriter.element(node);
        if (node->children) {
            node = node->children;
            continue;
        }
        while (node && node != body && !node->next)
            node = node->parent;
        node = (node && node != body) ? node->next : nullptr;
    }

    std::unique_ptr<xmlBuffer, BufferFree> buffer(xmlBufferCreate());
    for (xmlNode *child = body->children; child; child = child->next)
        htmlNodeDump(buffer.get(), doc.get(), child);
    return QString::fromUtf8(reinterpret_cast<const char *>(xmlBufferContent(buffer.get())),
                             xmlBufferLength(buffer.get()));
}

QString guessCjkLanguage(const QString &text)
{
    int han = 0, kana = 0, hangul = 0;
    for (const char32_t c : QStringView(text).toUcs4()) {
        if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff))
            ++kana;
        else if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff))
            ++hangul;
        else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf))
            ++han;
    }
    if (kana > 0)
        return QStringLiteral("ja");
    if (hangul > 0 && hangul >= han)
        return QStringLiteral("ko");
    if (han > 0)
        return QStringLiteral("zh");
    return {};
}

bool isRightToLeft(const QString &language, const QString &text)
{
    static const QSet<QString> rtl{QStringLiteral("ar"), QStringLiteral("he"), QStringLiteral("iw"),
                                   QStringLiteral("fa"), QStringLiteral("ur"), QStringLiteral("yi"),
                                   QStringLiteral("ps"), QStringLiteral("sd"), QStringLiteral("ug"),
                                   QStringLiteral("dv"), QStringLiteral("ckb")};
    const QString primary =
        language.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
    if (!primary.isEmpty() && primary != QLatin1String("und"))
        return rtl.contains(primary);
    return text.isRightToLeft();
}

} // namespace bs
