// FeedBuilder: GeoRSS (simple and GML) locations, and Podlove Simple Chapters.

#include "feeds/FeedBuilder.h"

#include <QRegularExpression>

namespace bs
{

using A = FeedBuilder::Attributes;

namespace
{

// (lon, lat) tuples from "lat lon lat lon ..." text, as GeoJSON orders them.
bool coordinates(const QString &text, bool swap, int dims, QList<FeedValue> *out)
{
    QString t = text;
    t.replace(QLatin1Char(','), QLatin1Char(' '));
    const QStringList parts = t.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QList<double> numbers;
    for (const QString &p : parts) {
        bool ok = false;
        numbers.append(p.toDouble(&ok));
        if (!ok)
            return false;
    }
    const int step = dims == 3 ? 3 : 2;
    for (qsizetype i = 0; i + step <= numbers.size(); i += step) {
        FeedValue tuple = FeedValue::list();
        tuple.append(swap ? numbers[i + 1] : numbers[i]);
        tuple.append(swap ? numbers[i] : numbers[i + 1]);
        if (dims == 3)
            tuple.append(numbers[i + 2]);
        out->append(std::move(tuple));
    }
    return true;
}

FeedValue geometry(const QString &type, FeedValue coords)
{
    FeedValue g = FeedValue::dict();
    g.setRaw(QStringLiteral("type"), type);
    g.setRaw(QStringLiteral("coordinates"), std::move(coords));
    return g;
}

FeedValue point(const QString &text, bool swap = true, int dims = 2)
{
    QList<FeedValue> c;
    if (!coordinates(text, swap, dims, &c) || c.isEmpty())
        return {};
    return geometry(QStringLiteral("Point"), c.first());
}

FeedValue line(const QString &text, bool swap = true, int dims = 2)
{
    QList<FeedValue> c;
    if (!coordinates(text, swap, dims, &c))
        return {};
    FeedValue list = FeedValue::list();
    for (FeedValue &v : c)
        list.append(std::move(v));
    return geometry(QStringLiteral("LineString"), std::move(list));
}

FeedValue polygon(const QString &text, bool swap = true, int dims = 2)
{
    QList<FeedValue> c;
    if (!coordinates(text, swap, dims, &c) || c.size() < 4)
        return {};
    FeedValue ring = FeedValue::list();
    for (FeedValue &v : c)
        ring.append(std::move(v));
    FeedValue rings = FeedValue::list();
    rings.append(std::move(ring));
    return geometry(QStringLiteral("Polygon"), std::move(rings));
}

// Geographic (latitude-first) EPSG coordinate systems lie in 3819..4999; projected ones
// (UTM and the like) keep their axis order.
bool swapFor(const QString &srsName)
{
    if (!srsName.contains(QLatin1String("EPSG")))
        return true;
    const int code = srsName.section(QLatin1Char(':'), -1).toInt();
    return code >= 3819 && code <= 4999;
}

// (swap lat/lon, dimensions) for the GML geometry being read, from its srsName/srsDimension.
std::pair<bool, int> gmlAxes(const FeedValue &where)
{
    const int dims = where.contains(QStringLiteral("srsDimension"))
                         ? int(where.get(QStringLiteral("srsDimension")).toInt())
                         : 2;
    return {swapFor(where.str(QStringLiteral("srsName"))), dims};
}

} // namespace

void FeedBuilder::saveWhere(const FeedValue &g)
{
    FeedValue &where = context().setDefault(QStringLiteral("where"), FeedValue::dict());
    for (const auto &[k, v] : g.items())
        where.setRaw(k, v);
}

void FeedBuilder::start_georss_geometry(A &)
{
    push(QStringLiteral("geometry"), false);
    context().set(QStringLiteral("where"), FeedValue::dict());
}
void FeedBuilder::end_georss_geometry() {}
void FeedBuilder::start_georss_point(A &a)
{
    start_georss_geometry(a);
}
void FeedBuilder::end_georss_point()
{
    const FeedValue g = point(pop(QStringLiteral("geometry")));
    if (!g.isNull())
        saveWhere(g);
}
void FeedBuilder::start_georss_line(A &a)
{
    start_georss_geometry(a);
}
void FeedBuilder::end_georss_line()
{
    const FeedValue g = line(pop(QStringLiteral("geometry")));
    if (!g.isNull())
        saveWhere(g);
}
void FeedBuilder::start_georss_polygon(A &a)
{
    start_georss_geometry(a);
}
void FeedBuilder::end_georss_polygon()
{
    const FeedValue g = polygon(pop(QStringLiteral("geometry")));
    if (!g.isNull())
        saveWhere(g);
}
void FeedBuilder::start_georss_box(A &a)
{
    start_georss_geometry(a);
}
void FeedBuilder::end_georss_box()
{
    QList<FeedValue> c;
    if (!coordinates(pop(QStringLiteral("geometry")), true, 2, &c))
        return;
    FeedValue list = FeedValue::list();
    for (FeedValue &v : c)
        list.append(std::move(v));
    saveWhere(geometry(QStringLiteral("Box"), std::move(list)));
}

void FeedBuilder::start_where(A &)
{
    push(QStringLiteral("where"), false);
    context().set(QStringLiteral("where"), FeedValue::dict());
}
void FeedBuilder::end_where()
{
    pop(QStringLiteral("where"));
}

void FeedBuilder::gmlSrs(const A &attrs)
{
    bool ok = false;
    int dims = attr(attrs, QStringLiteral("srsdimension")).toInt(&ok);
    if (!ok)
        dims = 2;
    FeedValue &where = context().setDefault(QStringLiteral("where"), FeedValue::dict());
    const QString name = attr(attrs, QStringLiteral("srsname"));
    where.setRaw(QStringLiteral("srsName"), name.isNull() ? FeedValue() : FeedValue(name));
    where.setRaw(QStringLiteral("srsDimension"), dims);
}

void FeedBuilder::start_gml_point(A &attrs)
{
    gmlSrs(attrs);
    m_inGeometry = QStringLiteral("point");
    push(QStringLiteral("geometry"), false);
}
void FeedBuilder::end_gml_point()
{
    m_inGeometry.clear();
    pop(QStringLiteral("geometry"));
}
void FeedBuilder::start_gml_linestring(A &attrs)
{
    gmlSrs(attrs);
    m_inGeometry = QStringLiteral("linestring");
    push(QStringLiteral("geometry"), false);
}
void FeedBuilder::end_gml_linestring()
{
    end_gml_point();
}
void FeedBuilder::start_gml_polygon(A &attrs)
{
    gmlSrs(attrs);
    push(QStringLiteral("geometry"), false);
}
void FeedBuilder::end_gml_polygon()
{
    end_gml_point();
}
void FeedBuilder::start_gml_exterior(A &)
{
    push(QStringLiteral("geometry"), false);
}
void FeedBuilder::end_gml_exterior()
{
    end_gml_point();
}
void FeedBuilder::start_gml_linearring(A &)
{
    m_inGeometry = QStringLiteral("polygon");
    push(QStringLiteral("geometry"), false);
}
void FeedBuilder::end_gml_linearring()
{
    end_gml_point();
}

void FeedBuilder::start_gml_pos(A &)
{
    push(QStringLiteral("pos"), false);
}
void FeedBuilder::end_gml_pos()
{
    const QString text = pop(QStringLiteral("pos"));
    const auto [swap, dims] = gmlAxes(context().get(QStringLiteral("where")));
    const FeedValue g = point(text, swap, dims);
    if (!g.isNull())
        saveWhere(g);
}
void FeedBuilder::start_gml_poslist(A &)
{
    push(QStringLiteral("pos"), false);
}
void FeedBuilder::end_gml_poslist()
{
    const QString text = pop(QStringLiteral("pos"));
    const auto [swap, dims] = gmlAxes(context().get(QStringLiteral("where")));
    FeedValue g;
    if (m_inGeometry == QLatin1String("linestring"))
        g = line(text, swap, dims);
    else if (m_inGeometry == QLatin1String("polygon")) {
        const FeedValue ring = line(text, swap, dims);
        FeedValue rings = FeedValue::list();
        rings.append(ring.get(QStringLiteral("coordinates")));
        g = geometry(QStringLiteral("Polygon"), std::move(rings));
    }
    if (!g.isNull())
        saveWhere(g);
}

void FeedBuilder::start_psc_chapters(A &attrs)
{
    FeedValue &ctx = context();
    if (ctx.contains(QStringLiteral("psc_chapters")))
        return;
    m_pscChapters = true;
    FeedValue chapters = attributesToDict(attrs);
    chapters.setRaw(QStringLiteral("chapters"), FeedValue::list());
    ctx.set(QStringLiteral("psc_chapters"), std::move(chapters));
}
void FeedBuilder::end_psc_chapters()
{
    m_pscChapters = false;
}

void FeedBuilder::start_psc_chapter(A &attrs)
{
    if (!m_pscChapters)
        return;
    static const QRegularExpression format(
        QStringLiteral("^((\\d{2}):)?(\\d{2}):(\\d{2})(\\.(\\d{3}))?$"));
    FeedValue chapter = attributesToDict(attrs);
    const auto m = format.match(attr(attrs, QStringLiteral("start")));
    FeedValue start;
    if (m.hasMatch())
        start = m.captured(2).toInt() * 3600.0 + m.captured(3).toInt() * 60.0 +
                m.captured(4).toInt() + m.captured(6).toInt() / 1000.0;
    chapter.setRaw(QStringLiteral("start_parsed"), start);
    FeedValue *chapters = context().find(QStringLiteral("psc_chapters"));
    if (chapters)
        if (FeedValue *list = chapters->find(QStringLiteral("chapters")))
            list->append(std::move(chapter));
}
void FeedBuilder::end_psc_chapter() {}

} // namespace bs
