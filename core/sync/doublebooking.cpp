#include "sync/doublebooking.h"

#include <QSet>

#include <algorithm>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;

namespace Concord::Sync {

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;

// One comparable slot: instants as UTC milliseconds, so zones and DST play no
// part in the comparison.
struct Span {
    qint64 staffId = 0;
    qint64 startMs = 0;
    qint64 endMs = 0;
    qint64 paddedStartMs = 0;
    qint64 paddedEndMs = 0;
    int index = 0; // into the caller's list
};

struct Found {
    qint64 staffId = 0;
    int first = 0;  // index into the caller's list
    int second = 0;
    qint64 firstStartMs = 0;
    qint64 secondStartMs = 0;
    qint64 overlapMs = 0;
    qint64 paddedOverlapMs = 0;
    qint64 gapMs = 0;
    int neededMinutes = 0;
};

int minutesUp(qint64 ms)
{
    return int((std::max<qint64>(ms, 0) + kMinuteMs - 1) / kMinuteMs);
}

QString minutesText(qint64 n)
{
    return n == 1 ? u"1 minute"_s : u"%1 minutes"_s.arg(n);
}

// "2026-03-28 10:00–11:00 America/New_York": local wall times in the slot's
// own zone (the end may show another offset across a DST change, as it should).
QString localRange(const StaffSlot &slot)
{
    const QDateTime start = slot.start.local();
    const QDateTime end = slot.start.addSecs(qint64(slot.minutes) * 60).local();
    const QString endText = end.date() == start.date() ? end.toString(u"HH:mm"_s)
                                                       : end.toString(u"yyyy-MM-dd HH:mm"_s);
    return u"%1–%2 %3"_s.arg(start.toString(u"yyyy-MM-dd HH:mm"_s), endText, slot.start.zoneId());
}

QString describe(const Found &f, const StaffSlot &a, const StaffSlot &b)
{
    const QString first = u"appointment %1 (%2)"_s.arg(a.appointmentId, localRange(a));
    const QString second = u"appointment %1 (%2)"_s.arg(b.appointmentId, localRange(b));
    if (f.overlapMs > 0) {
        return u"Staff %1 is double-booked: %2 overlaps %3 by %4."_s.arg(f.staffId)
            .arg(first, second, minutesText(minutesUp(f.overlapMs)));
    }
    return u"Staff %1 has too little time between %2 and %3: %4 apart, %5 needed."_s.arg(f.staffId)
        .arg(first, second, minutesText(f.gapMs / kMinuteMs), minutesText(f.neededMinutes));
}

} // namespace

QList<DoubleBooking> findDoubleBookings(const QList<StaffSlot> &bookings, const BufferRules &buffers)
{
    // A slot another slot was rescheduled from has moved: it is the same
    // appointment at its old time and must not conflict with anything.
    QSet<QString> movedAway;
    for (const StaffSlot &s : bookings) {
        if (!s.rescheduledFromId.isEmpty())
            movedAway.insert(s.rescheduledFromId);
    }

    std::vector<Span> spans;
    spans.reserve(size_t(bookings.size()));
    for (int i = 0; i < bookings.size(); ++i) {
        const StaffSlot &s = bookings.at(i);
        if (s.status == Domain::AppointmentStatus::Canceled || s.staffId == 0 || s.minutes <= 0
            || !s.start.isValid() || movedAway.contains(s.appointmentId)) {
            continue;
        }
        const Buffer buffer = buffers.forStaff(s.staffId);
        Span span;
        span.staffId = s.staffId;
        span.startMs = s.start.toMSecsSinceEpoch();
        span.endMs = span.startMs + qint64(s.minutes) * kMinuteMs;
        span.paddedStartMs = span.startMs - qint64(std::max(0, buffer.beforeMinutes)) * kMinuteMs;
        span.paddedEndMs = span.endMs + qint64(std::max(0, buffer.afterMinutes)) * kMinuteMs;
        span.index = i;
        spans.push_back(span);
    }

    // Per staff, by start (one staff member has one buffer, so padded and
    // real starts sort alike); ties by id so "first" is deterministic.
    const auto order = [&bookings](const Span &s) {
        return std::tie(s.staffId, s.paddedStartMs, s.startMs, bookings.at(s.index).appointmentId);
    };
    std::sort(spans.begin(), spans.end(), [&order](const Span &x, const Span &y) { return order(x) < order(y); });

    // Sweep: `active` holds the earlier bookings of this staff member whose
    // buffered interval has not ended yet; each of them overlaps the next slot.
    std::vector<Found> found;
    std::vector<Span> active;
    qint64 currentStaff = 0;
    for (const Span &x : spans) {
        if (x.staffId != currentStaff) {
            active.clear();
            currentStaff = x.staffId;
        }
        std::erase_if(active, [&x](const Span &a) { return a.paddedEndMs <= x.paddedStartMs; });
        const StaffSlot &xs = bookings.at(x.index);
        const Buffer buffer = buffers.forStaff(x.staffId);
        for (const Span &a : active) {
            const StaffSlot &as = bookings.at(a.index);
            if (as.appointmentId == xs.appointmentId)
                continue; // the same appointment listed twice is not a double-booking
            Found f;
            f.staffId = x.staffId;
            f.first = a.index;
            f.second = x.index;
            f.firstStartMs = a.startMs;
            f.secondStartMs = x.startMs;
            f.overlapMs = std::max<qint64>(0, std::min(a.endMs, x.endMs) - std::max(a.startMs, x.startMs));
            f.paddedOverlapMs = std::min(a.paddedEndMs, x.paddedEndMs) - x.paddedStartMs;
            f.gapMs = std::max<qint64>(0, x.startMs - a.endMs);
            f.neededMinutes = std::max(0, buffer.afterMinutes) + std::max(0, buffer.beforeMinutes);
            found.push_back(f);
        }
        active.push_back(x);
    }

    std::sort(found.begin(), found.end(), [&bookings](const Found &p, const Found &q) {
        return std::tie(p.staffId, p.firstStartMs, p.secondStartMs, bookings.at(p.first).appointmentId,
                        bookings.at(p.second).appointmentId)
            < std::tie(q.staffId, q.firstStartMs, q.secondStartMs, bookings.at(q.first).appointmentId,
                       bookings.at(q.second).appointmentId);
    });

    QList<DoubleBooking> result;
    result.reserve(qsizetype(found.size()));
    for (const Found &f : found) {
        const StaffSlot &a = bookings.at(f.first);
        const StaffSlot &b = bookings.at(f.second);
        DoubleBooking d;
        d.staffId = f.staffId;
        d.firstId = a.appointmentId;
        d.secondId = b.appointmentId;
        d.overlapMinutes = minutesUp(f.overlapMs);
        d.shortByMinutes = std::max(1, minutesUp(f.paddedOverlapMs));
        d.message = describe(f, a, b);
        result.append(d);
    }
    return result;
}

} // namespace Concord::Sync
