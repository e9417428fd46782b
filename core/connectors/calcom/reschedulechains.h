#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace Concord::Calcom {

// Reschedule links between booking uids, as learnt from bookings
// (rescheduledFromUid / rescheduledToUid) and BOOKING_RESCHEDULED webhooks
// (rescheduleUid → uid). Cal.com makes a new booking for every move, so a
// session moved twice is A → B → C; Concord keys the appointment by the
// origin A and shows it at C's time (never "A cancelled, a stranger booked C").
//
// Pure value, not thread-safe. Cycles (which Cal.com cannot produce) and
// chains longer than kMaxChain stop the walk instead of looping.
class RescheduleChains {
public:
    static constexpr int kMaxChain = 64;

    // Records fromUid → toUid. A uid has at most one successor and one
    // predecessor; a conflicting link replaces the old one.
    void link(const QString &fromUid, const QString &toUid);

    // The first booking of the chain `uid` is in (uid itself when unlinked).
    [[nodiscard]] QString originOf(const QString &uid) const;
    // The newest booking of the chain (uid itself when it was not moved).
    [[nodiscard]] QString latestOf(const QString &uid) const;
    // The whole chain, origin first.
    [[nodiscard]] QStringList chainOf(const QString &uid) const;
    [[nodiscard]] qsizetype size() const { return m_next.size(); }

private:
    QHash<QString, QString> m_next; // from → to
    QHash<QString, QString> m_previous; // to → from
};

} // namespace Concord::Calcom
