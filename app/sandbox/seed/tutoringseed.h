#pragma once

#include "common/error.h"

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
    QString itemId;             // "1-Hour Math Tutoring"
    QString termId;             // "Net 7"
};

// The demo business of the product spec: a private tutoring company with 50
// students (billed to a parent), weekly 1-hour sessions at $65, per-session
// invoices over the last four weeks — most paid, some partially paid, some
// overdue — and a few parents who exist twice in QuickBooks (the duplicates
// Concord must find). Deterministic: the same `today` gives the same data.
// `realmId` must exist in the emulator.
[[nodiscard]] Result<TutoringSeedSummary> seedQuickBooksTutoring(QuickBooksEmulator &qbo, const QString &realmId,
                                                                 const QDate &today);

} // namespace Concord::Sandbox
