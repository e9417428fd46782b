#pragma once

#include "common/error.h"
#include "seed/tutoringroster.h"

#include <QDate>
#include <QString>

namespace Concord::Sandbox {

class QuickBooksEmulator;

// What the tutoring seed put into the emulator, for summaries and tests.
struct TutoringSeedSummary {
    int customers = 0;          // including the duplicate records
    int duplicateRecords = 0;   // second records for a parent who already has one
    int invoices = 0;
    int paidInvoices = 0;
    int partiallyPaidInvoices = 0;
    int overdueInvoices = 0;
    QString itemId;             // the first service's Item ("1-Hour Math Tutoring")
    QString termId;             // "Net 7"
};

// The QuickBooks side of the demo business (TutoringRoster): one Item per
// service, a Net 7 term, one customer per parent (and a second one for the
// QuickBooksTwin families — the duplicates Concord must find; none for the
// Cal.com-only TypoEmailNewFamily), one
// per-session invoice for every session held or missed, paid, partly paid or
// unpaid as the roster says. Deterministic. `realmId` must exist.
[[nodiscard]] Result<TutoringSeedSummary> seedQuickBooksTutoring(QuickBooksEmulator &qbo, const QString &realmId,
                                                                 const TutoringRoster &roster, const QDate &today);
// The same with TutoringRoster::build(today).
[[nodiscard]] Result<TutoringSeedSummary> seedQuickBooksTutoring(QuickBooksEmulator &qbo, const QString &realmId,
                                                                 const QDate &today);

} // namespace Concord::Sandbox
