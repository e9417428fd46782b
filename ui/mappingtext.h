#pragma once

#include "domain/rules.h"
#include "domain/system.h"
#include "domain/user.h"
#include "security/permissions.h"
#include "sync/mappingvalidation.h"

#include <QCoreApplication>
#include <QString>

namespace Concord::Ui {

// The mapping editor's wording, shared by its two models, its commands
// (undo texts) and the page, so a system, a status or a permission reason
// reads the same everywhere.
class MappingText {
    Q_DECLARE_TR_FUNCTIONS(Concord::Ui::MappingText)
public:
    // "Cal.com", "HubSpot", "QuickBooks".
    [[nodiscard]] static QString system(Domain::System system);
    // "Email address", "Number of minutes", …
    [[nodiscard]] static QString valueType(Sync::ValueType type);
    // "Appointment", "Payment".
    [[nodiscard]] static QString domain(Domain::StatusDomain domain);
    // "No-show", "Deposit paid"; an unknown name as it is.
    [[nodiscard]] static QString status(Domain::StatusDomain domain, const QString &status);
    // "Nothing", "Move the deal to", "Create a task", "Close open tasks".
    [[nodiscard]] static QString action(Domain::StatusAction action);

    // "email: HubSpot → QuickBooks" (a row in undo texts and the problem list).
    [[nodiscard]] static QString fieldRow(const Domain::FieldMapping &mapping);
    // "Payment · paid → Move the deal to".
    [[nodiscard]] static QString statusRow(const Domain::StatusMapping &mapping);

    // Who holds a permission, from the role matrix: "a bookkeeper or owner".
    [[nodiscard]] static QString whoMay(Security::Permission permission);
    // Why `role` may not change a mapping of `side` (EditBilling or
    // EditBookings), or may not edit mappings at all; empty when it may.
    [[nodiscard]] static QString lockReason(Domain::Role role, Security::Permission side);
    // "billing-side" / "booking-side".
    [[nodiscard]] static QString sideName(Security::Permission side);
};

} // namespace Concord::Ui
