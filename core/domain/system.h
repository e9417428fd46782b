#pragma once

#include "common/error.h"

#include <QList>
#include <QString>

namespace Concord::Domain {

// The three external systems Concord keeps in agreement.
enum class System {
    QuickBooks, // billing: invoice numbers, line items, tax, discounts, payment status
    HubSpot,    // CRM: relationship history, follow-up tasks, deal stages
    CalCom,     // scheduler: timing, staff assignment, reschedule/cancel state
};

// Stable names used in the store, config and JSON: "quickbooks", "hubspot", "calcom".
[[nodiscard]] QString toString(System system);
[[nodiscard]] Result<System> parseSystem(const QString &text);
[[nodiscard]] QList<System> allSystems();
// Human name: "QuickBooks Online", "HubSpot", "Cal.com".
[[nodiscard]] QString displayName(System system);

} // namespace Concord::Domain
