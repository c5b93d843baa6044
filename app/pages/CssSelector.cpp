#include "pages/CssSelector.h"

#include <libxml/xpath.h>

#include <QStringList>

#include <memory>

namespace bs::pages
{

namespace
{

bool identStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_') || c == QLatin1Char('-') || c.unicode() > 0x7f;
}

bool identChar(QChar c)
{
    return identStart(c) || c.isDigit();
}

// XPath string literal for a value (refuses one holding both quote kinds).
bool literal(const QString &value, QString *out)
{
    if (!value.contains(QLatin1Char('\''))) {
        *out = QLatin1Char('\'') + value + QLatin1Char('\'');
        return true;
    }
    if (!value.contains(QLatin1Char('"'))) {
        *out = QLatin1Char('"') + value + QLatin1Char('"');
        return true;
    }
    return false;
}

class Parser
{
public:
    explicit Parser(const QString &css) : m_s(css) {}

    QString run(QString *error)
    {
        QStringList alternatives;
        skipSpace();
        while (true) {
            QString one = selector();
            if (one.isEmpty())
                break;
            alternatives.append(one);
            skipSpace();
            if (atEnd())
                break;
            if (peek() != QLatin1Char(',')) {
                fail(QStringLiteral("unexpected '%1'").arg(peek()));
                break;
            }
            ++m_i;
            skipSpace();
        }
        if (m_error.isEmpty() && alternatives.isEmpty())
            fail(QStringLiteral("the selector is empty"));
        if (!m_error.isEmpty()) {
            if (error)
                *error = QStringLiteral("Not a valid selector (%1 at character %2): %3")
                             .arg(m_error)
                             .arg(m_i + 1)
                             .arg(m_s);
            return {};
        }
        return alternatives.join(QStringLiteral(" | "));
    }

private:
    bool atEnd() const { return m_i >= m_s.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_s.at(m_i); }
    void fail(const QString &why)
    {
        if (m_error.isEmpty())
            m_error = why;
    }
    bool skipSpace()
    {
        const qsizetype start = m_i;
        while (!atEnd() && peek().isSpace())
            ++m_i;
        return m_i > start;
    }
    QString ident()
    {
        QString out;
        while (!atEnd()) {
            const QChar c = peek();
            if (c == QLatin1Char('\\') && m_i + 1 < m_s.size()) {
                out += m_s.at(m_i + 1);
                m_i += 2;
            } else if (identChar(c)) {
                out += c;
                ++m_i;
            } else {
                break;
            }
        }
        return out;
    }

    // One complex selector: compounds joined by combinators, as an absolute XPath.
    QString selector()
    {
        QString xpath = QStringLiteral("//");
        bool first = true;
        while (!atEnd() && peek() != QLatin1Char(',')) {
            if (!first) {
                const bool spaced = skipSpace();
                if (atEnd() || peek() == QLatin1Char(','))
                    break;
                if (peek() == QLatin1Char('>')) {
                    ++m_i;
                    skipSpace();
                    xpath += QLatin1Char('/');
                } else if (spaced) {
                    xpath += QStringLiteral("//");
                } else {
                    fail(QStringLiteral("unexpected '%1'").arg(peek()));
                    return {};
                }
            }
            const QString step = compound();
            if (step.isEmpty()) {
                fail(QStringLiteral("expected a tag, #id, .class or [attribute]"));
                return {};
            }
            xpath += step;
            first = false;
        }
        if (first)
            return {};
        return xpath;
    }

    QString compound()
    {
        QString tag;
        QString position;
        QStringList predicates;
        if (peek() == QLatin1Char('*')) {
            tag = QStringLiteral("*");
            ++m_i;
        } else if (identStart(peek())) {
            tag = ident().toLower();
        }
        bool any = !tag.isEmpty();
        while (!atEnd() && m_error.isEmpty()) {
            const QChar c = peek();
            if (c == QLatin1Char('#') || c == QLatin1Char('.')) {
                ++m_i;
                const QString name = ident();
                if (name.isEmpty()) {
                    fail(QStringLiteral("a name must follow '%1'").arg(c));
                    return {};
                }
                QString lit;
                if (!literal(name, &lit)) {
                    fail(QStringLiteral("quotes in a name"));
                    return {};
                }
                predicates.append(c == QLatin1Char('#')
                                      ? QStringLiteral("[@id=%1]").arg(lit)
                                      : QStringLiteral("[contains(concat(' ', "
                                                       "normalize-space(@class), ' '), ' %1 ')]")
                                            .arg(name));
                if (c == QLatin1Char('.') && name.contains(QLatin1Char('\''))) {
                    fail(QStringLiteral("quotes in a class name"));
                    return {};
                }
            } else if (c == QLatin1Char('[')) {
                ++m_i;
                skipSpace();
                const QString name = ident().toLower();
                skipSpace();
                if (name.isEmpty()) {
                    fail(QStringLiteral("an attribute name must follow '['"));
                    return {};
                }
                if (peek() == QLatin1Char(']')) {
                    ++m_i;
                    predicates.append(QStringLiteral("[@%1]").arg(name));
                } else if (peek() == QLatin1Char('=')) {
                    ++m_i;
                    skipSpace();
                    QString value;
                    const QChar quote = peek();
                    if (quote == QLatin1Char('"') || quote == QLatin1Char('\'')) {
                        ++m_i;
                        const qsizetype end = m_s.indexOf(quote, m_i);
                        if (end < 0) {
                            fail(QStringLiteral("an unclosed quote"));
                            return {};
                        }
                        value = m_s.mid(m_i, end - m_i);
                        m_i = end + 1;
                    } else {
                        value = ident();
                    }
                    skipSpace();
                    if (peek() != QLatin1Char(']')) {
                        fail(QStringLiteral("expected ']'"));
                        return {};
                    }
                    ++m_i;
                    QString lit;
                    if (!literal(value, &lit)) {
                        fail(QStringLiteral("both kinds of quotes in a value"));
                        return {};
                    }
                    predicates.append(QStringLiteral("[@%1=%2]").arg(name, lit));
                } else {
                    fail(QStringLiteral("only [attr] and [attr=\"value\"] are supported"));
                    return {};
                }
            } else if (c == QLatin1Char(':')) {
                static const QString nth = QStringLiteral(":nth-of-type(");
                if (!QStringView(m_s).mid(m_i).startsWith(nth, Qt::CaseInsensitive)) {
                    fail(QStringLiteral("only the :nth-of-type(n) pseudo-class is supported"));
                    return {};
                }
                m_i += nth.size();
                const qsizetype end = m_s.indexOf(QLatin1Char(')'), m_i);
                bool ok = false;
                const int n = end < 0 ? 0 : m_s.mid(m_i, end - m_i).trimmed().toInt(&ok);
                if (!ok || n < 1) {
                    fail(QStringLiteral(":nth-of-type takes a positive number"));
                    return {};
                }
                if (tag.isEmpty() || tag == QLatin1String("*")) {
                    fail(QStringLiteral(":nth-of-type needs a tag name before it"));
                    return {};
                }
                m_i = end + 1;
                position = QStringLiteral("[%1]").arg(n);
            } else {
                break;
            }
            any = true;
        }
        if (!any || !m_error.isEmpty())
            return {};
        return (tag.isEmpty() ? QStringLiteral("*") : tag) + position + predicates.join(QString());
    }

    const QString &m_s;
    qsizetype m_i = 0;
    QString m_error;
};

struct ContextFree {
    void operator()(xmlXPathContext *c) const { xmlXPathFreeContext(c); }
};
struct ObjectFree {
    void operator()(xmlXPathObject *o) const { xmlXPathFreeObject(o); }
};

} // namespace

bool isPlainIdentifier(const QString &name)
{
    if (name.isEmpty() || !identStart(name.front()) || name.startsWith(QLatin1String("--")) ||
        (name.front() == QLatin1Char('-') && name.size() > 1 && name.at(1).isDigit()))
        return false;
    for (const QChar c : name)
        if (!identChar(c) || c.unicode() > 0x7f)
            return false;
    return true;
}

QString cssToXPath(const QString &css, QString *error)
{
    return Parser(css).run(error);
}

std::vector<_xmlNode *> selectElements(_xmlDoc *doc, const QString &css, QString *error)
{
    std::vector<_xmlNode *> out;
    const QString xpath = cssToXPath(css, error);
    if (xpath.isEmpty() || !doc)
        return out;
    std::unique_ptr<xmlXPathContext, ContextFree> context(xmlXPathNewContext(doc));
    if (!context)
        return out;
    const QByteArray expr = xpath.toUtf8();
    std::unique_ptr<xmlXPathObject, ObjectFree> result(
        xmlXPathEvalExpression(reinterpret_cast<const xmlChar *>(expr.constData()), context.get()));
    if (!result) {
        if (error)
            *error = QStringLiteral("Not a valid selector: %1").arg(css);
        return out;
    }
    if (result->type != XPATH_NODESET || !result->nodesetval)
        return out;
    const xmlNodeSet *set = result->nodesetval;
    out.reserve(size_t(set->nodeNr));
    for (int i = 0; i < set->nodeNr; ++i)
        if (set->nodeTab[i] && set->nodeTab[i]->type == XML_ELEMENT_NODE)
            out.push_back(set->nodeTab[i]);
    return out;
}

} // namespace bs::pages
