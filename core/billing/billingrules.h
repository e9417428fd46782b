#pragma once

#include "domain/money.h"
#include "domain/rules.h"

#include <QList>
#include <QString>

#include <optional>

namespace Concord::Billing {

// What a tax or discount rule is matched against: one session's client,
// service and place.
struct RuleScope {
    QString customerId;
    qint64 serviceId = 0;
    QString location;
};

// The bookkeeper's rules, as the planner needs them (disabled ones may be
// included: they never match).
struct BillingRules {
    QList<Domain::TaxRule> tax;
    QList<Domain::DiscountRule> discounts;
};

// The rule that governs `scope`: the most specific enabled one wins —
// client (with or without service/location) > service and location >
// service > location > the default (no scope); a rule naming another client,
// service or place does not apply. Ties go to the higher priority, then to
// the lower id, so the choice never depends on the order rules are listed in.
[[nodiscard]] std::optional<Domain::TaxRule> taxRuleFor(const QList<Domain::TaxRule> &rules, const RuleScope &scope);
[[nodiscard]] std::optional<Domain::DiscountRule> discountRuleFor(const QList<Domain::DiscountRule> &rules,
                                                                  const RuleScope &scope);

// QuickBooks' (US) way of saying "not taxable" on a line.
inline constexpr QStringView kNonTaxable = u"NON";

// Whether a tax rule makes a line taxable: it names a tax code other than
// NON. The code is then the invoice's TxnTaxCodeRef and QuickBooks computes
// the amount from its own rates.
[[nodiscard]] bool isTaxable(const Domain::TaxRule &rule);

// The discount a rule gives on one line of `amount`, as QuickBooks would
// compute a percentage (half up, to the minor unit); a fixed amount never
// exceeds the line. Used only when one invoice's lines fall under different
// discount rules, which QuickBooks cannot express with its single discount
// line.
[[nodiscard]] Result<Domain::Money> discountOnLine(const Domain::DiscountRule &rule, const Domain::Money &amount);

} // namespace Concord::Billing
