#pragma once

#include "common/error.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTime>
#include <QTimeZone>

namespace Concord::Domain {

// What to do with a local wall time that a DST change makes ambiguous or absent.
enum class LocalTimePolicy {
    Strict,        // gaps and overlaps are errors
    Earlier,       // overlap: the first occurrence; gap: shift forward by the gap
    Later,         // overlap: the second occurrence; gap: shift forward by the gap
};

// An instant stored as UTC plus the IANA zone it belongs to (the attendee's or
// the business's). Converting to local time happens only for display and for
// calendar arithmetic ("same time next week" stays at 16:00 across DST).
class ZonedInstant
{
public:
    ZonedInstant() = default;

    // utc must be valid; zoneId must be a known IANA id ("America/New_York").
    [[nodiscard]] static Result<ZonedInstant> fromUtc(const QDateTime &utc, const QString &zoneId);
    [[nodiscard]] static Result<ZonedInstant> fromMSecsSinceEpoch(qint64 msecs, const QString &zoneId);
    // From a local wall time in `zoneId`, resolving DST gaps/overlaps per policy.
    [[nodiscard]] static Result<ZonedInstant> fromLocal(QDate date, QTime time, const QString &zoneId,
                                                        LocalTimePolicy policy = LocalTimePolicy::Strict);
    // Parses ISO 8601 with an offset or 'Z' ("2026-03-28T15:00:00.000Z",
    // "2026-03-28T11:00:00-04:00"); text without an offset is an error.
    [[nodiscard]] static Result<ZonedInstant> parseIso(const QString &text, const QString &zoneId);

    [[nodiscard]] bool isValid() const { return m_utc.isValid() && !m_zoneId.isEmpty(); }
    [[nodiscard]] QDateTime utc() const { return m_utc; }
    [[nodiscard]] qint64 toMSecsSinceEpoch() const { return m_utc.toMSecsSinceEpoch(); }
    [[nodiscard]] const QString &zoneId() const { return m_zoneId; }
    [[nodiscard]] QDateTime local() const;          // in the instant's own zone
    [[nodiscard]] int utcOffsetSeconds() const;     // of the own zone at this instant
    [[nodiscard]] QString toIsoUtc() const;         // "2026-03-28T15:00:00.000Z"

    // Same local wall time `days` calendar days later (DST-safe: a weekly 16:00
    // session stays at 16:00 local across a DST change; the UTC gap changes).
    [[nodiscard]] Result<ZonedInstant> addLocalDays(int days,
                                                    LocalTimePolicy policy = LocalTimePolicy::Later) const;
    // A fixed duration later (UTC arithmetic; may show another local hour across DST).
    [[nodiscard]] ZonedInstant addSecs(qint64 secs) const;
    // The same instant shown in another zone.
    [[nodiscard]] Result<ZonedInstant> inZone(const QString &zoneId) const;

    friend bool operator==(const ZonedInstant &a, const ZonedInstant &b)
    {
        return a.m_utc == b.m_utc && a.m_zoneId == b.m_zoneId;
    }

    [[nodiscard]] static bool isKnownZone(const QString &zoneId);

private:
    QDateTime m_utc;
    QString m_zoneId;
};

} // namespace Concord::Domain

Q_DECLARE_METATYPE(Concord::Domain::ZonedInstant)
