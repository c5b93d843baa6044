#pragma once

#include <QString>

namespace bs
{

// A profile is one folder holding the database and the media cache. The default lives in the
// XDG data directory ($XDG_DATA_HOME/broadsheet, usually ~/.local/share/broadsheet);
// `--profile DIR` on either executable points elsewhere (tests, portable use).
class Profile
{
public:
    explicit Profile(const QString &directory);
    static QString defaultDirectory();
    // The directory given on the command line, or the default when empty.
    static Profile fromOption(const QString &directoryOption);

    QString directory() const { return m_directory; }
    QString databasePath() const;
    QString mediaDirectory() const;
    // Creates the folders; explains what went wrong when it cannot.
    bool ensureExists(QString *error) const;

private:
    QString m_directory;
};

} // namespace bs
