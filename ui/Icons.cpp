#include "Icons.h"

#include <QFile>
#include <QGuiApplication>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace bs
{

namespace
{

// Renders an SVG of the resource at any size, replacing `currentColor` with the palette's
// text colour for the icon's mode (so the glyphs follow a dark palette).
class SvgIconEngine final : public QIconEngine
{
public:
    explicit SvgIconEngine(QString path) : m_path(std::move(path))
    {
        QFile file(m_path);
        if (file.open(QIODevice::ReadOnly))
            m_svg = file.readAll();
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        QSvgRenderer renderer(colored(mode));
        renderer.render(painter, rect);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    // `size` is in device pixels already (QIcon::pixmap multiplies by the ratio); the pixmap
    // carries the ratio so it paints at size / scale logical pixels.
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State, qreal scale) override
    {
        const QSize pixels = size;
        if (pixels.isEmpty() || m_svg.isEmpty())
            return {};
        const QColor color = colorFor(mode);
        const QString key = QStringLiteral("bs-icon:%1:%2x%3:%4")
                                .arg(m_path)
                                .arg(pixels.width())
                                .arg(pixels.height())
                                .arg(color.rgba());
        QPixmap pixmap;
        if (QPixmapCache::find(key, &pixmap))
            return pixmap;
        pixmap = QPixmap(pixels);
        pixmap.fill(Qt::transparent);
        {
            QPainter painter(&pixmap);
            QSvgRenderer renderer(colored(mode));
            renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(pixels)));
        }
        pixmap.setDevicePixelRatio(scale);
        QPixmapCache::insert(key, pixmap);
        return pixmap;
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }
    QIconEngine *clone() const override { return new SvgIconEngine(*this); }
    QString key() const override { return QStringLiteral("bs-svg"); }
    bool isNull() override { return m_svg.isEmpty(); }

private:
    static QColor colorFor(QIcon::Mode mode)
    {
        const QPalette palette = QGuiApplication::palette();
        switch (mode) {
        case QIcon::Disabled:
            return palette.color(QPalette::Disabled, QPalette::WindowText);
        case QIcon::Selected:
            return palette.color(QPalette::Active, QPalette::HighlightedText);
        default:
            return palette.color(QPalette::Active, QPalette::WindowText);
        }
    }

    QByteArray colored(QIcon::Mode mode) const
    {
        QByteArray svg = m_svg;
        return svg.replace("currentColor", colorFor(mode).name(QColor::HexRgb).toLatin1());
    }

    QString m_path;
    QByteArray m_svg;
};

} // namespace

QString themeIconName(const QString &name)
{
    static const QHash<QString, QString> names = {
        {QStringLiteral("sync"), QStringLiteral("view-refresh")},
        {QStringLiteral("cancel"), QStringLiteral("process-stop")},
        {QStringLiteral("star"), QStringLiteral("non-starred")},
        {QStringLiteral("star-filled"), QStringLiteral("starred")},
        {QStringLiteral("mark-read"), QStringLiteral("mail-mark-read")},
        {QStringLiteral("add-feed"), QStringLiteral("list-add")},
        {QStringLiteral("folder"), QStringLiteral("folder")},
        {QStringLiteral("feed"), QStringLiteral("application-rss+xml")},
        {QStringLiteral("search"), QStringLiteral("edit-find")},
        {QStringLiteral("open-in-browser"), QStringLiteral("internet-web-browser")},
    };
    return names.value(name);
}

QIcon bundledIcon(const QString &name)
{
    const QString path = QStringLiteral(":/icons/%1.svg").arg(name);
    if (!QFile::exists(path))
        return {};
    return QIcon(new SvgIconEngine(path));
}

QIcon icon(const QString &name)
{
    const QString theme = themeIconName(name);
    const QIcon fallback = bundledIcon(name);
    return theme.isEmpty() ? fallback : QIcon::fromTheme(theme, fallback);
}

} // namespace bs
