#include "store/Profile.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace bs
{

Profile::Profile(const QString &directory)
    : m_directory(QDir::cleanPath(QDir(directory).absolutePath()))
{
}

QString Profile::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/broadsheet");
}

Profile Profile::fromOption(const QString &directoryOption)
{
    return Profile(directoryOption.isEmpty() ? defaultDirectory() : directoryOption);
}

QString Profile::databasePath() const
{
    return m_directory + QStringLiteral("/broadsheet.sqlite");
}

QString Profile::mediaDirectory() const
{
    return m_directory + QStringLiteral("/media");
}

bool Profile::ensureExists(QString *error) const
{
    const QFileInfo info(m_directory);
    if (info.exists() && !info.isDir()) {
        if (error)
            *error =
                QStringLiteral("The profile path %1 is a file, not a folder.").arg(m_directory);
        return false;
    }
    if (!QDir().mkpath(m_directory) || !QDir().mkpath(mediaDirectory())) {
        if (error)
            *error = QStringLiteral("Cannot create the profile folder %1 (check permissions and "
                                    "free space).")
                         .arg(m_directory);
        return false;
    }
    return true;
}

} // namespace bs
