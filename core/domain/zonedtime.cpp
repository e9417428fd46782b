#include "domain/zonedtime.h"

#include <QHash>
#include <QReadWriteLock>

#include <QList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Concord::Domain {

namespace {

constexpr qint64 kMSecsPerSec = 1000;
constexpr qint64 kSecsPerDay = 86400;

QTimeZone zoneFor(const QString &zoneId)
{
    return QTimeZone(zoneId.toUtf8());
}

Status checkZone(const QString &zoneId)
{
    if (ZonedInstant::isKnownZone(zoneId))
        return {};
    return fail(
        ErrorCode::InvalidArgument,
        u"unknown time zone '%1' (expected an IANA id such as America/New_York)"_s.arg(zoneId));
}

// QTimeZone opens whatever file the id names under the zoneinfo directory, so
// on its own it also accepts "America/../Europe/Paris", "localtime",
// "posixrules" and "right/Europe/Paris". Stored ids must be canonical IANA
// names: slash-separated parts of ASCII letters, digits, '_', '-' and '+',
// each starting with an upper-case letter ("America/Port-au-Prince",
// "Etc/GMT+5", "EST5EDT").
bool hasIanaShape(const QString &zoneId)
{
    if (zoneId.isEmpty())
        return false;
    bool partStart = true;
    for (QChar c : zoneId) {
        if (c == u'/') {
            if (partStart)
                return false; // empty part: leading, trailing or doubled '/'
            partStart = true;
            continue;
        }
        const bool upper = c >= u'A' && c <= u'Z';
        if (partStart && !upper)
            return false;
        const bool allowed = upper || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')
            || c == u'_' || c == u'-' || c == u'+';
        if (!allowed)
            return false;
        partStart = false;
    }
    return !partStart;
}

QString describeLocal(QDate date, QTime time)
{
    return u"%1 %2"_s.arg(date.toString(Qt::ISODate), time.toString(u"HH:mm"_s));
}

} // namespace

bool ZonedInstant::isKnownZone(const QString &zoneId)
{
    // Constructing a QTimeZone reads tzdata from disk; every stored
    // appointment passes through here, so remember each id's verdict. Ids come
    // from a finite set (tzdata, plus the occasional invalid one from input),
    // so the cache stays small; it is shared by all threads.
    static QReadWriteLock lock;
    static QHash<QString, bool> known;
    {
        QReadLocker read(&lock);
        const auto it = known.constFind(zoneId);
        if (it != known.constEnd())
            return it.value();
    }
    const bool valid = hasIanaShape(zoneId) && zoneFor(zoneId).isValid();
    QWriteLocker write(&lock);
    if (known.size() < 4096) // bound: hostile input cannot grow it without limit
        known.insert(zoneId, valid);
    return valid;
}

Result<ZonedInstant> ZonedInstant::fromUtc(const QDateTime &utc, const QString &zoneId)
{
    if (!utc.isValid())
        return fail(ErrorCode::InvalidArgument, u"invalid date-time for zone %1"_s.arg(zoneId));
    if (auto ok = checkZone(zoneId); !ok)
        return std::unexpected(ok.error());
    ZonedInstant instant;
    instant.m_utc = utc.toUTC();
    instant.m_zoneId = zoneId;
    return instant;
}

Result<ZonedInstant> ZonedInstant::fromMSecsSinceEpoch(qint64 msecs, const QString &zoneId)
{
    return fromUtc(QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC), zoneId);
}

Result<ZonedInstant> ZonedInstant::fromLocal(QDate date, QTime time, const QString &zoneId,
                                             LocalTimePolicy policy)
{
    if (!date.isValid() || !time.isValid()) {
        return fail(ErrorCode::InvalidArgument,
                    u"invalid local date or time for zone %1"_s.arg(zoneId));
    }
    if (auto ok = checkZone(zoneId); !ok)
        return std::unexpected(ok.error());
    const QTimeZone zone = zoneFor(zoneId);

    // Work in plain numbers rather than trusting QDateTime(date, time, zone):
    // Qt's handling of a wall time inside a DST gap or overlap differs between
    // versions (6.4 returns an invalid value for a gap and silently picks one
    // side of an overlap). `wall` is the local time read as if it were UTC; an
    // instant u shows that wall time exactly when u + offset(u) == wall.
    const qint64 wall = QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch();
    auto offsetAt = [&zone](qint64 msecs) {
        return qint64(zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC)))
            * kMSecsPerSec;
    };

    // Offsets in force around that wall time. A day either side reaches past
    // any one transition, and a zone's transitions are months apart.
    QList<qint64> offsets = { offsetAt(wall - kSecsPerDay * kMSecsPerSec), offsetAt(wall),
                              offsetAt(wall + kSecsPerDay * kMSecsPerSec) };
    std::sort(offsets.begin(), offsets.end());
    offsets.erase(std::unique(offsets.begin(), offsets.end()), offsets.end());

    // Round-trip each candidate: keep the instants that map back to the wall time.
    QList<qint64> matches;
    for (qint64 offset : offsets) {
        const qint64 candidate = wall - offset;
        if (offsetAt(candidate) == offset && !matches.contains(candidate))
            matches.append(candidate);
    }
    std::sort(matches.begin(), matches.end());

    qint64 chosen = 0;
    if (matches.size() == 1) {
        chosen = matches.front();
    } else if (matches.size() > 1) {
        // Overlap: clocks went back, so the wall time happened twice.
        if (policy == LocalTimePolicy::Strict) {
            return fail(ErrorCode::InvalidArgument,
                        u"%1 happens twice in %2 (clocks go back for daylight saving); "
                        u"say which occurrence is meant"_s.arg(describeLocal(date, time), zoneId));
        }
        chosen = policy == LocalTimePolicy::Earlier ? matches.front() : matches.back();
    } else {
        // Gap: clocks jumped forward over this wall time. Reading it with the
        // offset from before the jump (the smaller one: clocks only skip when
        // the offset grows) lands the same distance past the jump, which is
        // "shift forward by the gap": 02:30 in a 02:00→03:00 gap becomes 03:30.
        if (policy == LocalTimePolicy::Strict) {
            return fail(ErrorCode::InvalidArgument,
                        u"%1 does not exist in %2 (clocks skip it for daylight saving)"_s.arg(
                            describeLocal(date, time), zoneId));
        }
        chosen = wall - offsets.front();
    }

    return fromMSecsSinceEpoch(chosen, zoneId);
}

Result<ZonedInstant> ZonedInstant::parseIso(const QString &text, const QString &zoneId)
{
    if (auto ok = checkZone(zoneId); !ok)
        return std::unexpected(ok.error());
    const QString trimmed = text.trimmed();
    const QDateTime parsed = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!parsed.isValid()) {
        return fail(ErrorCode::InvalidArgument, u"'%1' is not an ISO 8601 date-time"_s.arg(text));
    }
    // Without an offset Qt reads the text as the machine's local time, which
    // would make the stored instant depend on where Concord runs.
    if (parsed.timeSpec() != Qt::UTC && parsed.timeSpec() != Qt::OffsetFromUTC) {
        return fail(
            ErrorCode::InvalidArgument,
            u"'%1' has no UTC offset (expected a trailing Z or an offset such as -04:00)"_s.arg(
                text));
    }
    return fromUtc(parsed, zoneId);
}

QDateTime ZonedInstant::local() const
{
    if (!isValid())
        return {};
    return m_utc.toTimeZone(zoneFor(m_zoneId));
}

int ZonedInstant::utcOffsetSeconds() const
{
    if (!isValid())
        return 0;
    return zoneFor(m_zoneId).offsetFromUtc(m_utc);
}

QString ZonedInstant::toIsoUtc() const
{
    if (!m_utc.isValid())
        return {};
    return m_utc.toString(Qt::ISODateWithMs);
}

Result<ZonedInstant> ZonedInstant::addLocalDays(int days, LocalTimePolicy policy) const
{
    if (!isValid())
        return fail(ErrorCode::InvalidArgument, u"cannot add days to an invalid instant"_s);
    const QDateTime wall = local();
    return fromLocal(wall.date().addDays(days), wall.time(), m_zoneId, policy);
}

ZonedInstant ZonedInstant::addSecs(qint64 secs) const
{
    ZonedInstant moved = *this;
    moved.m_utc = m_utc.addSecs(secs);
    return moved;
}

Result<ZonedInstant> ZonedInstant::inZone(const QString &zoneId) const
{
    if (!m_utc.isValid())
        return fail(ErrorCode::InvalidArgument,
                    u"cannot show an invalid instant in %1"_s.arg(zoneId));
    return fromUtc(m_utc, zoneId);
}

} // namespace Concord::Domain
