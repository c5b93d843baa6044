#include "feeds/BookmarkFile.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QUrl>

namespace bs::BookmarkFile
{

namespace
{

// HTML-escapes text for an element or a double-quoted attribute. Line breaks and tabs become
// character references (an HTML reader would fold them into spaces); other control
// characters are dropped.
QString escape(const QString &text)
{
    const QString escaped = text.toHtmlEscaped(); // & < > "
    QString out;
    out.reserve(escaped.size() + 16);
    for (QChar c : escaped) {
        const char16_t u = c.unicode();
        if (u == '\n' || u == '\r' || u == '\t')
            out += QStringLiteral("&#%1;").arg(int(u));
        else if (u >= 0x20 && u != 0x7f)
            out += c;
    }
    return out;
}

QString seconds(const QDateTime &when)
{
    return when.isValid() ? QString::number(when.toSecsSinceEpoch()) : QString();
}

QJsonValue isoOrNull(const QDateTime &when)
{
    return when.isValid() ? QJsonValue(when.toUTC().toString(Qt::ISODate))
                          : QJsonValue(QJsonValue::Null);
}

QDateTime fromIso(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    QDateTime when = QDateTime::fromString(value.toString(), Qt::ISODate);
    return when.isValid() ? when.toUTC() : QDateTime();
}

// A browser's ADD_DATE: seconds since the epoch (milliseconds and microseconds accepted).
QDateTime fromEpochText(const QString &text)
{
    bool ok = false;
    qint64 n = text.trimmed().toLongLong(&ok);
    if (!ok || n <= 0)
        return {};
    if (n > 100'000'000'000'000LL)
        n /= 1'000'000;
    else if (n > 100'000'000'000LL)
        n /= 1000;
    return QDateTime::fromSecsSinceEpoch(n, QTimeZone::utc());
}

QStringList splitTags(const QString &tags)
{
    QStringList out;
    for (const QString &t : tags.split(QLatin1Char(','))) {
        const QString tag = t.trimmed();
        if (!tag.isEmpty() && !out.contains(tag, Qt::CaseInsensitive))
            out << tag;
    }
    return out;
}

// Text with HTML character references decoded: numeric ones, and the named ones bookmark
// files use; any other '&' stays as written.
QString decodeReferences(QStringView text)
{
    if (!text.contains(QLatin1Char('&')))
        return text.toString();
    static const QHash<QString, char32_t> named{
        {QStringLiteral("amp"), '&'},       {QStringLiteral("lt"), '<'},
        {QStringLiteral("gt"), '>'},        {QStringLiteral("quot"), '"'},
        {QStringLiteral("apos"), '\''},     {QStringLiteral("nbsp"), 0xA0},
        {QStringLiteral("copy"), 0xA9},     {QStringLiteral("reg"), 0xAE},
        {QStringLiteral("hellip"), 0x2026}, {QStringLiteral("mdash"), 0x2014},
        {QStringLiteral("ndash"), 0x2013}};
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        const qsizetype semi = c == QLatin1Char('&') ? text.indexOf(QLatin1Char(';'), i) : -1;
        if (semi < 0 || semi - i > 12) {
            out += c;
            continue;
        }
        const QStringView name = text.sliced(i + 1, semi - i - 1);
        char32_t code = 0;
        if (name.startsWith(QLatin1Char('#'))) {
            bool ok = false;
            const bool hex =
                name.size() > 1 && (name[1] == QLatin1Char('x') || name[1] == QLatin1Char('X'));
            const uint n = name.sliced(hex ? 2 : 1).toUInt(&ok, hex ? 16 : 10);
            if (ok && n > 0 && n <= 0x10FFFF && (n < 0xD800 || n > 0xDFFF))
                code = n;
        } else {
            code = named.value(name.toString(), 0);
        }
        if (!code) {
            out += c;
            continue;
        }
        out += QString::fromUcs4(&code, 1);
        i = semi;
    }
    return out;
}

struct Tag {
    QString name; // lower case, without '/'
    bool closing = false;
    QHash<QString, QString> attributes; // lower-case names, decoded values
};

// Reads the tag that starts at text[at] == '<'; returns the index after its '>', or -1 when
// this '<' does not open a tag (then it is text).
qsizetype readTag(const QString &text, qsizetype at, Tag *tag)
{
    qsizetype i = at + 1;
    const qsizetype n = text.size();
    tag->closing = i < n && text[i] == QLatin1Char('/');
    if (tag->closing)
        ++i;
    if (i >= n || !text[i].isLetter())
        return -1;
    const qsizetype nameStart = i;
    while (i < n && !text[i].isSpace() && text[i] != QLatin1Char('>') &&
           text[i] != QLatin1Char('/'))
        ++i;
    tag->name = text.sliced(nameStart, i - nameStart).toLower();
    tag->attributes.clear();
    while (i < n && text[i] != QLatin1Char('>')) {
        if (text[i].isSpace() || text[i] == QLatin1Char('/')) {
            ++i;
            continue;
        }
        const qsizetype attrStart = i;
        while (i < n && !text[i].isSpace() && text[i] != QLatin1Char('=') &&
               text[i] != QLatin1Char('>'))
            ++i;
        const QString name = text.sliced(attrStart, i - attrStart).toLower();
        while (i < n && text[i].isSpace())
            ++i;
        QString value;
        if (i < n && text[i] == QLatin1Char('=')) {
            ++i;
            while (i < n && text[i].isSpace())
                ++i;
            if (i < n && (text[i] == QLatin1Char('"') || text[i] == QLatin1Char('\''))) {
                const QChar quote = text[i];
                const qsizetype end = text.indexOf(quote, i + 1);
                if (end < 0)
                    return n; // an attribute never closed: the rest of the file is inside it
                value = decodeReferences(QStringView(text).sliced(i + 1, end - i - 1));
                i = end + 1;
            } else {
                const qsizetype valueStart = i;
                while (i < n && !text[i].isSpace() && text[i] != QLatin1Char('>'))
                    ++i;
                value = decodeReferences(QStringView(text).sliced(valueStart, i - valueStart));
            }
        }
        if (!name.isEmpty() && !tag->attributes.contains(name))
            tag->attributes.insert(name, value);
    }
    return i < n ? i + 1 : n;
}

// A Netscape bookmark file read by a small linear scanner instead of an HTML tree: browsers
// write <DT> without end tags, which an HTML parser nests one inside the other (libxml2 then
// stops at 256 levels). Each <A HREF> is an entry, its text the title; the text of a <DD>
// right after it is its note (up to the next <DT>, <DL>, </DL>, <H3> or <DD>). Folders are
// not read.
std::optional<BookmarkDocument> parseHtml(const QByteArray &data, QString *error)
{
    const QString text = QString::fromUtf8(data);
    BookmarkDocument out;
    enum class State { Outside, InTitle, AfterEntry, InNote };
    State state = State::Outside;
    Tag anchor;
    QString title, note;
    bool tooMany = false;
    const auto finish = [&]() {
        if (state == State::Outside)
            return;
        const QString href = anchor.attributes.value(QStringLiteral("href")).trimmed();
        if (href.isEmpty()) {
            ++out.invalidEntries;
        } else if (!isImportableAddress(href)) {
            ++out.skippedAddresses;
        } else if (out.bookmarks.size() >= kMaxBookmarks) {
            tooMany = true;
        } else {
            Bookmark b;
            b.url = href;
            b.title = decodeReferences(title).trimmed();
            b.starred = true;
            b.starredAt = fromEpochText(anchor.attributes.value(QStringLiteral("add_date")));
            b.labels = splitTags(anchor.attributes.value(QStringLiteral("tags")));
            b.note = decodeReferences(note).trimmed();
            if (!b.note.isEmpty())
                b.noteUpdated =
                    fromEpochText(anchor.attributes.value(QStringLiteral("last_modified")));
            out.bookmarks.append(b);
        }
        state = State::Outside;
        title.clear();
        note.clear();
    };
    Tag tag;
    qsizetype i = 0;
    while (i < text.size() && !tooMany) {
        const qsizetype lt = text.indexOf(QLatin1Char('<'), i);
        const qsizetype textEnd = lt < 0 ? text.size() : lt;
        if (state == State::InTitle)
            title += QStringView(text).sliced(i, textEnd - i);
        else if (state == State::InNote)
            note += QStringView(text).sliced(i, textEnd - i);
        if (lt < 0)
            break;
        if (QStringView(text).sliced(lt).startsWith(QLatin1String("<!--"))) {
            const qsizetype end = text.indexOf(QLatin1String("-->"), lt + 4);
            i = end < 0 ? text.size() : end + 3;
            continue;
        }
        if (lt + 1 < text.size() &&
            (text[lt + 1] == QLatin1Char('!') || text[lt + 1] == QLatin1Char('?'))) {
            const qsizetype end = text.indexOf(QLatin1Char('>'), lt);
            i = end < 0 ? text.size() : end + 1;
            continue;
        }
        const qsizetype after = readTag(text, lt, &tag);
        if (after < 0) { // a '<' that opens no tag is text
            if (state == State::InTitle)
                title += QLatin1Char('<');
            else if (state == State::InNote)
                note += QLatin1Char('<');
            i = lt + 1;
            continue;
        }
        i = after;
        const QString &name = tag.name;
        if (name == QLatin1String("a") && !tag.closing) {
            finish();
            anchor = tag;
            state = State::InTitle;
        } else if (name == QLatin1String("a") && state == State::InTitle) {
            state = State::AfterEntry;
        } else if (name == QLatin1String("dd") && !tag.closing && state == State::AfterEntry) {
            state = State::InNote;
        } else if (name == QLatin1String("dt") || name == QLatin1String("dl") ||
                   name == QLatin1String("dd") || name == QLatin1String("h3") ||
                   name == QLatin1String("h1") || name == QLatin1String("hr")) {
            finish();
        }
        // Any other tag (inline markup in a title or note) is dropped; its text stays.
    }
    if (!tooMany)
        finish();
    if (tooMany) {
        if (error)
            *error = QStringLiteral("The file holds more than %1 bookmarks; split it to import "
                                    "it.")
                         .arg(kMaxBookmarks);
        return std::nullopt;
    }
    if (out.bookmarks.isEmpty() && out.skippedAddresses == 0 && out.invalidEntries == 0 &&
        !data.left(4096).toLower().contains("netscape-bookmark-file")) {
        if (error)
            *error = QStringLiteral("The HTML file holds no bookmarks (<A HREF=...> entries).");
        return std::nullopt;
    }
    return out;
}

std::optional<BookmarkDocument> parseJson(const QByteArray &data, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(data, &parseError);
    if (json.isNull()) {
        if (error)
            *error = QStringLiteral("The JSON bookmark file is malformed at byte %1: %2.")
                         .arg(parseError.offset)
                         .arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject root = json.object();
    if (!json.isObject() || !root.value(QLatin1String("bookmarks")).isArray()) {
        if (error)
            *error = QStringLiteral("The JSON file is not a bookmark file (expected an object "
                                    "with a \"bookmarks\" array).");
        return std::nullopt;
    }
    const int version = root.value(QLatin1String("version")).toInt(kJsonVersion);
    if (version > kJsonVersion) {
        if (error)
            *error = QStringLiteral("The bookmark file has version %1; this build reads "
                                    "version %2.")
                         .arg(version)
                         .arg(kJsonVersion);
        return std::nullopt;
    }
    const QJsonArray entries = root.value(QLatin1String("bookmarks")).toArray();
    if (entries.size() > kMaxBookmarks) {
        if (error)
            *error = QStringLiteral("The file holds more than %1 bookmarks; split it to import "
                                    "it.")
                         .arg(kMaxBookmarks);
        return std::nullopt;
    }
    BookmarkDocument out;
    for (const QJsonValue &value : entries) {
        const QJsonObject e = value.toObject();
        const QString url = e.value(QLatin1String("url")).toString().trimmed();
        if (!value.isObject() || url.isEmpty()) {
            ++out.invalidEntries;
            continue;
        }
        if (!isImportableAddress(url)) {
            ++out.skippedAddresses;
            continue;
        }
        Bookmark b;
        b.url = url;
        b.title = e.value(QLatin1String("title")).toString().trimmed();
        b.feed = e.value(QLatin1String("feed")).toString();
        b.published = fromIso(e.value(QLatin1String("published")));
        b.starredAt = fromIso(e.value(QLatin1String("starred_at")));
        for (const QJsonValue &label : e.value(QLatin1String("labels")).toArray())
            if (label.isString() && !label.toString().trimmed().isEmpty() &&
                !b.labels.contains(label.toString().trimmed(), Qt::CaseInsensitive))
                b.labels << label.toString().trimmed();
        b.note = e.value(QLatin1String("note")).toString().trimmed();
        // An entry that carries nothing else is a plain bookmark: starred.
        b.starred = b.starredAt.isValid() || (b.labels.isEmpty() && b.note.isEmpty());
        out.bookmarks.append(b);
    }
    return out;
}

} // namespace

bool isImportableAddress(const QString &url)
{
    const QUrl u(url.trimmed(), QUrl::TolerantMode);
    const QString scheme = u.scheme().toLower();
    return u.isValid() && (scheme == QLatin1String("http") || scheme == QLatin1String("https")) &&
           !u.host().isEmpty();
}

QByteArray writeHtml(const QList<Bookmark> &bookmarks)
{
    QString out;
    out += QLatin1String("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n"
                         "<!-- Broadsheet bookmarks: starred, labelled and noted articles. -->\n"
                         "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=UTF-8\">\n"
                         "<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n<DL><p>\n");
    for (const Bookmark &b : bookmarks) {
        const QDateTime added = b.starred && b.starredAt.isValid() ? b.starredAt : b.published;
        const QDateTime modified =
            !b.note.isEmpty() && b.noteUpdated.isValid() ? b.noteUpdated : added;
        out += QLatin1String("    <DT><A HREF=\"") + escape(b.url) + QLatin1Char('"');
        if (added.isValid())
            out += QLatin1String(" ADD_DATE=\"") + seconds(added) + QLatin1Char('"');
        if (modified.isValid())
            out += QLatin1String(" LAST_MODIFIED=\"") + seconds(modified) + QLatin1Char('"');
        if (!b.labels.isEmpty())
            out += QLatin1String(" TAGS=\"") + escape(b.labels.join(QLatin1Char(','))) +
                   QLatin1Char('"');
        out += QLatin1Char('>') + escape(b.title.isEmpty() ? b.url : b.title) +
               QLatin1String("</A>\n");
        if (!b.note.isEmpty())
            out += QLatin1String("    <DD>") + escape(b.note) + QLatin1Char('\n');
    }
    out += QLatin1String("</DL><p>\n");
    return out.toUtf8();
}

QByteArray writeJson(const QList<Bookmark> &bookmarks, const QDateTime &exported)
{
    QJsonArray entries;
    for (const Bookmark &b : bookmarks) {
        entries.append(QJsonObject{
            {QStringLiteral("url"), b.url},
            {QStringLiteral("title"), b.title},
            {QStringLiteral("feed"), b.feed},
            {QStringLiteral("published"), isoOrNull(b.published)},
            {QStringLiteral("starred_at"), isoOrNull(b.starred ? b.starredAt : QDateTime())},
            {QStringLiteral("labels"), QJsonArray::fromStringList(b.labels)},
            {QStringLiteral("note"),
             b.note.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(b.note)}});
    }
    const QJsonObject root{{QStringLiteral("version"), kJsonVersion},
                           {QStringLiteral("exported"), isoOrNull(exported)},
                           {QStringLiteral("bookmarks"), entries}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<Format> detect(const QByteArray &data)
{
    qsizetype i = data.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (i < data.size() &&
           (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t'))
        ++i;
    if (i < data.size() && data[i] == '{')
        return Format::Json;
    const QByteArray head = data.mid(i, 4096).toLower();
    if (head.startsWith('<') && (head.contains("netscape-bookmark-file") || head.contains("<dl") ||
                                 head.contains("<html") || head.contains("<dt")))
        return Format::Html;
    return std::nullopt;
}

std::optional<BookmarkDocument> parse(const QByteArray &data, QString *error)
{
    if (data.size() > kMaxFileBytes) {
        if (error)
            *error = QStringLiteral("The file is %1 MB; bookmark files up to %2 MB are read.")
                         .arg(data.size() / (1024 * 1024))
                         .arg(kMaxFileBytes / (1024 * 1024));
        return std::nullopt;
    }
    const auto format = detect(data);
    if (!format) {
        if (error)
            *error = QStringLiteral("This is neither a Netscape bookmark file (HTML) nor a "
                                    "Broadsheet bookmark file (JSON).");
        return std::nullopt;
    }
    const QByteArray body = data.startsWith("\xEF\xBB\xBF") ? data.mid(3) : data;
    return *format == Format::Json ? parseJson(body, error) : parseHtml(body, error);
}

} // namespace bs::BookmarkFile
