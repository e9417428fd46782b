#pragma once

#include "common/config.h"
#include "common/error.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Concord::Store {
class Database;
}

// The seed's go/no-go decision checklist (product.md §10; issue 9), answered
// from live configuration and measured health rather than from a form: eight
// questions, each Yes / No / Unknown with the evidence read from the store and
// what would make it yes. Six or more yes: the full integration fits; three or
// fewer: Concord recommends the lighter setup (Review::IntegrationMode::Light);
// four or five: borderline, naming the questions to fix.
//
// Pure reads: evaluate() never writes. Thread affinity: the thread that owns
// `db`.
namespace Concord::Review {

// --- Thresholds (each with why) -------------------------------------------
// Latency is judged on the last week: long enough to include a Monday's
// bookings and a billing run, short enough that last month's outage no longer
// counts against a fixed setup.
inline constexpr int kLatencyWindowDays = 7;
// Below this many measured deliveries a p95 is one or two values: the answer
// is Unknown ("not measured yet"), never a Yes drawn from luck.
inline constexpr int kMinLatencySamples = 20;
// Share of active customers that must be linked in every connected system.
// Not 100 %: a client booked a minute ago waits for their remote record.
inline constexpr int kLinkedSharePermille = 950;
// A duplicate candidate or a merge proposal nobody decided in two weeks means
// the identity is being split in practice (the weekly review should catch it).
inline constexpr int kStaleIdentityDays = 14;
// A failed sync left for more than three days is unattended: the weekly
// review plus a weekend is the longest it may reasonably wait.
inline constexpr int kDeadJobMaxDays = 3;
// An expired cached PDF still present a day after its expiry means the
// retention rule is not enforced (the engine purges hourly).
inline constexpr int kPurgeGraceDays = 1;
// Booking changes "under 1 minute", invoice and payment status "under 5
// minutes" (product.md §6; Sync::latencyTargetMs); judged strictly on p95.
inline constexpr qint64 kBookingTargetMs = 60 * 1000;
inline constexpr qint64 kMoneyTargetMs = 5 * 60 * 1000;

enum class Answer { Yes, No, Unknown };
[[nodiscard]] QString toString(Answer a); // "yes" | "no" | "unknown"

enum class Question {
    Identity, // 1. one customer identity survives across the systems
    BookingLatency, // 2. booking changes sync in under 1 minute (measured)
    MoneyLatency, // 3. invoice and payment status in under 5 minutes (measured)
    StateMapping, // 4. reschedule, cancel, refund and overdue all map
    FailedSyncs, // 5. failed syncs show in a log with a retry path
    Attachments, // 6. attachment duplication has a clear rule
    TimeAndStaff, // 7. time zones, buffers and staff resources are handled
    Ownership, // 8. one person owns the mapping and reviews it on schedule
};
inline constexpr int kQuestionCount = 8;
[[nodiscard]] QString questionId(Question q); // "identity", "booking_latency", …
[[nodiscard]] QString questionText(Question q); // the seed's wording

struct ChecklistAnswer {
    Question question = Question::Identity;
    Answer answer = Answer::Unknown;
    QStringList evidence; // what was measured/read, one fact per line
    QString toMakeYes; // empty when the answer is yes

    [[nodiscard]] QJsonObject toJson() const;
};

enum class Verdict {
    FullFits, // 6+ yes
    Borderline, // 4–5 yes
    Lighter, // 3 or fewer yes: the lighter setup is recommended
};
[[nodiscard]] QString toString(Verdict v); // "full" | "borderline" | "light"
// 6+ → FullFits, ≤ 3 → Lighter, else Borderline.
[[nodiscard]] Verdict verdictFor(int yesCount);

struct DecisionChecklist {
    QDateTime evaluatedAt; // UTC
    QList<ChecklistAnswer> answers; // kQuestionCount, in Question order
    int yesCount = 0;
    Verdict verdict = Verdict::Lighter;
    QString verdictText; // one or two sentences; borderline names the questions to fix

    [[nodiscard]] QJsonObject toJson() const;
};

// Builds the verdict from answers (yesCount, verdict, verdictText).
[[nodiscard]] DecisionChecklist summarize(QList<ChecklistAnswer> answers,
                                          const QDateTime &evaluatedAt);

// Answers the eight questions from the store (connections, identity map,
// sync log latencies, status mappings, retry queue, attachments, staff and
// services, review schedules) and `config` (business time zone, PDF rule).
// `now` is UTC; "today" is taken in the business time zone.
[[nodiscard]] Result<DecisionChecklist> evaluate(const Store::Database &db, const Config &config,
                                                 const QDateTime &now);

} // namespace Concord::Review

Q_DECLARE_METATYPE(Concord::Review::DecisionChecklist)
