#include "html/Sanitizer.h"

#include "html/CssSanitizer.h"
#include "html/HtmlReferences.h"
#include "html/SanitizerPolicy.h"
#include "html/UrlPolicy.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <QRegularExpression>

#include <algorithm>
#include <climits>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace bs
{

namespace
{

// The fragment is parsed inside this element so that libxml2 never sees text at the top level
// (where it would wrap it in an implied <p>). It is not written out.
constexpr char kRootTag[] = "<bs-sanitizer-root>";
// libxml2 looks through its whole stack of open elements for every end tag that matches none of
// them, so nesting must be bounded to keep adversarial input linear. When a start tag would go
// deeper, every open element is closed first (see collapseOpenElements()).
constexpr size_t kMaxDepth = 256;

enum class Mode { Sanitize, ResolveOnly };

std::string_view view(const xmlChar *s)
{
    return s ? std::string_view(reinterpret_cast<const char *>(s)) : std::string_view();
}

// The marks of prepareHtmlForParsing() (U+FDD0 to U+FDD2) in UTF-8: 0 for none, else which.
int markAt(const char *p, const char *end)
{
    if (end - p < 3 || p[0] != '\xEF' || p[1] != '\xB7')
        return 0;
    switch (p[2]) {
    case '\x90':
        return kReferenceMark;
    case '\x91':
        return kLiteralAmpersand;
    case '\x92':
        return kLiteralLessThan;
    default:
        return 0;
    }
}

// Appends UTF-8 text with & and < escaped, and > and " too in attribute values (feedparser leaves
// > in text alone, which is harmless there). The reference mark is written back as the '&' of
// the reference it stands for, the literal marks as &amp; and &lt;.
void appendEscaped(QByteArray &out, std::string_view text, bool attribute)
{
    const char *p = text.data();
    const char *const end = p + text.size();
    const char *run = p;
    while (p < end) {
        const char *replacement = nullptr;
        int length = 1;
        switch (*p) {
        case '&':
            replacement = "&amp;";
            break;
        case '<':
            replacement = "&lt;";
            break;
        case '>':
            replacement = attribute ? "&gt;" : nullptr;
            break;
        case '"':
            replacement = attribute ? "&quot;" : nullptr;
            break;
        case '\xEF':
            switch (markAt(p, end)) {
            case kReferenceMark:
                replacement = "&";
                break;
            case kLiteralAmpersand:
                replacement = "&amp;";
                break;
            case kLiteralLessThan:
                replacement = "&lt;";
                break;
            default:
                break;
            }
            length = replacement ? 3 : 1;
            break;
        default:
            break;
        }
        if (replacement) {
            out.append(run, p - run);
            out.append(replacement);
            p += length;
            run = p;
        } else {
            ++p;
        }
    }
    out.append(run, p - run);
}

// Appends UTF-8 as is but for the marks, written back as the characters they stand for (comments
// and script bodies when only resolving URLs).
void appendRaw(QByteArray &out, std::string_view text)
{
    const char *p = text.data();
    const char *const end = p + text.size();
    const char *run = p;
    while (p < end) {
        if (const int mark = markAt(p, end)) {
            out.append(run, p - run);
            out.append(mark == kLiteralLessThan ? '<' : '&');
            p += 3;
            run = p;
        } else {
            ++p;
        }
    }
    out.append(run, p - run);
}

class Rewriter
{
public:
    Rewriter(Mode mode, const QUrl &base)
        : m_mode(mode), m_base(base), m_hasBase(base.isValid() && !base.isRelative())
    {
    }

    QString run(const QString &html);

private:
    void collapseOpenElements();
    void syncDepth(int openInParser);
    struct Frame {
        std::string endTag; // written when the element ends; empty for none
        bool dropped = false;
    };
    struct Attribute {
        std::string_view name;
        std::string_view raw; // UTF-8 from the parser
        QByteArray rewritten;
        bool isRewritten = false;
        std::string_view value() const
        {
            return isRewritten ? std::string_view(rewritten.constData(), size_t(rewritten.size()))
                               : raw;
        }
    };

    void startElement(std::string_view name, const xmlChar **atts);
    void endElement();
    void onEndElement();
    void characters(std::string_view text);
    void cdata(std::string_view text);
    void comment(std::string_view text);
    void writeAttributes(std::string_view element, const xmlChar **atts);
    QString cleanUrl(std::string_view element, std::string_view attribute,
                     const QString &value) const;

    const Mode m_mode;
    const QUrl m_base;
    const bool m_hasBase;
    QByteArray m_out;
    std::vector<Frame> m_stack;
    int m_dropDepth = 0;
    bool m_seenRoot = false;
    std::vector<Attribute> m_attributes; // reused for every element
    htmlParserCtxtPtr m_ctxt = nullptr;
};

void Rewriter::startElement(std::string_view name, const xmlChar **atts)
{
    using htmlpolicy::ElementRule;
    syncDepth(m_ctxt->nameNr - 1); // the parser has pushed this element already
    if (m_stack.size() >= kMaxDepth)
        collapseOpenElements();
    if (!m_seenRoot) {
        m_seenRoot = true;
        m_stack.push_back({});
        return;
    }
    if (m_dropDepth > 0) {
        ++m_dropDepth;
        m_stack.push_back({{}, true});
        return;
    }
    const ElementRule rule =
        m_mode == Mode::Sanitize ? htmlpolicy::elementRule(name) : ElementRule::Keep;
    if (rule == ElementRule::DropWithContent) {
        ++m_dropDepth;
        m_stack.push_back({{}, true});
        return;
    }
    if (rule == ElementRule::Unwrap) {
        m_stack.push_back({});
        return;
    }
    m_out.append('<');
    m_out.append(name.data(), qsizetype(name.size()));
    writeAttributes(name, atts);
    if (htmlpolicy::isVoidElement(name)) {
        m_out.append(" />");
        m_stack.push_back({});
    } else {
        m_out.append('>');
        m_stack.push_back({std::string(name), false});
    }
}

// Called when a start tag would nest deeper than kMaxDepth. libxml2 has just pushed the new
// element on its stack of open elements (ctxt->nameTab, public in libxml2 2.9) and reported it;
// everything between our root and it is closed here, in the output and in libxml2's stack, so
// the new element continues at depth 2. End tags of the closed elements then match nothing and
// are ignored. (Content of a dropped element, such as svg, that was open becomes ordinary
// sanitized content.)
void Rewriter::collapseOpenElements()
{
    while (m_stack.size() > 1)
        endElement();
    htmlParserCtxtPtr ctxt = m_ctxt;
    if (!ctxt || ctxt->nameNr < 2)
        return;
    const xmlChar *current = ctxt->nameTab[ctxt->nameNr - 1];
    for (int i = 2; i < ctxt->nameNr; ++i)
        ctxt->nameTab[i] = nullptr;
    ctxt->nameTab[1] = current;
    ctxt->nameNr = 2;
    ctxt->name = current;
}

// libxml2 drops an element without reporting its end when its start tag is not closed by '>'
// ("<i title=x <u>"); such frames are closed here, so that ours stay in step with the parser's.
void Rewriter::syncDepth(int openInParser)
{
    while (m_stack.size() > size_t(std::max(openInParser, 0)))
        endElement();
}

void Rewriter::endElement()
{
    if (m_stack.empty())
        return;
    const Frame frame = std::move(m_stack.back());
    m_stack.pop_back();
    if (frame.dropped) {
        --m_dropDepth;
    } else if (!frame.endTag.empty()) {
        m_out.append("</");
        m_out.append(frame.endTag.data(), qsizetype(frame.endTag.size()));
        m_out.append('>');
    }
}

void Rewriter::onEndElement()
{
    syncDepth(m_ctxt->nameNr); // the parser pops the element after reporting its end
    endElement();
}

void Rewriter::characters(std::string_view text)
{
    syncDepth(m_ctxt->nameNr);
    if (m_dropDepth == 0)
        appendEscaped(m_out, text, false);
}

void Rewriter::cdata(std::string_view text)
{
    syncDepth(m_ctxt->nameNr);
    if (m_dropDepth > 0)
        return;
    if (m_mode == Mode::ResolveOnly)
        appendRaw(m_out, text);
    else
        appendEscaped(m_out, text, false);
}

void Rewriter::comment(std::string_view text)
{
    if (m_mode != Mode::ResolveOnly || m_dropDepth > 0)
        return;
    m_out.append("<!--");
    appendRaw(m_out, text);
    m_out.append("-->");
}

void Rewriter::writeAttributes(std::string_view element, const xmlChar **atts)
{
    m_attributes.clear();
    for (int i = 0; atts && atts[i]; i += 2) {
        const std::string_view name = view(atts[i]);
        const std::string_view raw = atts[i + 1] ? view(atts[i + 1]) : name;
        if (m_mode == Mode::Sanitize && !htmlpolicy::isAllowedAttribute(name))
            continue;
        Attribute attribute{name, raw, {}, true};
        const bool isUrl = htmlpolicy::isRelativeUrlAttribute(element, name) ||
                           (m_mode == Mode::Sanitize && htmlpolicy::isUrlAttribute(name));
        if (m_mode == Mode::Sanitize && name == "style") {
            attribute.rewritten = sanitizeCss(QString::fromUtf8(raw)).toUtf8();
            if (attribute.rewritten.isEmpty())
                continue;
        } else if (name == "rel" || name == "type") {
            attribute.rewritten = QString::fromUtf8(raw).toLower().toUtf8();
        } else if (isUrl) {
            attribute.rewritten = cleanUrl(element, name, QString::fromUtf8(raw)).toUtf8();
        } else {
            attribute.isRewritten = false;
        }
        m_attributes.push_back(std::move(attribute));
    }
    std::stable_sort(m_attributes.begin(), m_attributes.end(),
                     [](const Attribute &a, const Attribute &b) {
                         return a.name != b.name ? a.name < b.name : a.value() < b.value();
                     });
    for (const Attribute &a : m_attributes) {
        m_out.append(' ');
        m_out.append(a.name.data(), qsizetype(a.name.size()));
        m_out.append("=\"");
        appendEscaped(m_out, a.value(), true);
        m_out.append('"');
    }
}

QString Rewriter::cleanUrl(std::string_view element, std::string_view attribute,
                           const QString &value) const
{
    QString decoded = decodeMarkedReferences(value);
    QString result = value;
    if (m_hasBase && htmlpolicy::isRelativeUrlAttribute(element, attribute)) {
        const QString resolved = resolveUrl(decoded, m_base);
        if (resolved != decoded) {
            result = resolved;
            decoded = resolved;
        }
    }
    if (attribute == "ping") {
        static const QRegularExpression spaces(QStringLiteral("\\s+"));
        const QStringList urls = decoded.split(spaces, Qt::SkipEmptyParts);
        for (const QString &url : urls) {
            if (!isSafeUrl(url))
                return {};
        }
        return result;
    }
    return isSafeUrl(decoded, element == "img" && attribute == "src") ? result : QString();
}

QString Rewriter::run(const QString &html)
{
    static const bool initialized = [] {
        xmlInitParser();
        return true;
    }();
    Q_UNUSED(initialized);

    const QByteArray input = prepareHtmlForParsing(html, kRootTag, m_mode == Mode::Sanitize);
    if (input.size() >= INT_MAX)
        return {};
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(input.constData(), int(input.size()));
    if (!ctxt)
        return {};
    // UTF-8 without conversion; a declared encoding (<meta charset>) cannot switch it.
    xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    if (ctxt->input->encoding)
        xmlFree(const_cast<xmlChar *>(ctxt->input->encoding));
    ctxt->input->encoding = xmlStrdup(reinterpret_cast<const xmlChar *>("UTF-8"));

    htmlSAXHandler sax;
    std::memset(&sax, 0, sizeof sax);
    sax.startElement = [](void *self, const xmlChar *name, const xmlChar **atts) {
        static_cast<Rewriter *>(self)->startElement(view(name), atts);
    };
    sax.endElement = [](void *self, const xmlChar *) {
        static_cast<Rewriter *>(self)->onEndElement();
    };
    sax.characters = [](void *self, const xmlChar *text, int length) {
        static_cast<Rewriter *>(self)->characters(
            std::string_view(reinterpret_cast<const char *>(text), size_t(length)));
    };
    sax.ignorableWhitespace = sax.characters;
    sax.cdataBlock = [](void *self, const xmlChar *text, int length) {
        static_cast<Rewriter *>(self)->cdata(
            std::string_view(reinterpret_cast<const char *>(text), size_t(length)));
    };
    sax.comment = [](void *self, const xmlChar *text) {
        static_cast<Rewriter *>(self)->comment(view(text));
    };
    xmlFree(ctxt->sax);
    ctxt->sax = &sax;
    ctxt->userData = this;
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                 HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED | HTML_PARSE_IGNORE_ENC);

    m_out.reserve(input.size());
    m_ctxt = ctxt;
    htmlParseDocument(ctxt);
    m_ctxt = nullptr;
    ctxt->sax = nullptr;
    ctxt->userData = nullptr;
    if (ctxt->myDoc)
        xmlFreeDoc(ctxt->myDoc);
    htmlFreeParserCtxt(ctxt);

    while (!m_stack.empty())
        endElement();
    return QString::fromUtf8(m_out);
}

} // namespace

QString resolveRelativeUrls(const QString &html, const QUrl &base)
{
    if (!base.isValid() || base.isRelative())
        return html;
    return Rewriter(Mode::ResolveOnly, base).run(html);
}

QString sanitizeHtml(const QString &html, const QUrl &base)
{
    return Rewriter(Mode::Sanitize, base).run(html).trimmed();
}

} // namespace bs
