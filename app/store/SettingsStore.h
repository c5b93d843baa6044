#pragma once

#include <QString>

namespace bs
{

class Database;

// Application settings kept in the profile (table `settings`, key → text), so the GUI, the
// CLI and the sync worker read the same values. Writes need the writer connection.
class SettingsStore
{
public:
    // Keys the core reads.
    static constexpr const char *kSyncIntervalMinutes = "sync.interval_minutes"; // default 60
    static constexpr const char *kRetentionDays = "retention.days";              // default 90
    static constexpr const char *kRetentionLastRun = "retention.last_run";       // epoch secs
    static constexpr const char *kMediaBudgetMb = "media.budget_mb";             // default 512
    static constexpr const char *kMediaMaxImageMb = "media.max_image_mb";        // default 5

    explicit SettingsStore(Database &db) : m_db(db) {}

    QString value(const QString &key, const QString &fallback = {});
    qint64 number(const QString &key, qint64 fallback);
    bool setValue(const QString &key, const QString &value);

private:
    Database &m_db;
};

} // namespace bs
