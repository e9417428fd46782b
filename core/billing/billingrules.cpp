#include "billing/billingrules.h"

using namespace Qt::StringLiterals;

namespace Concord::Billing {

namespace {

// Specificity of a rule for `scope`, or -1 when it does not apply. Client
// (8) outranks everything; service (2) + location (1) = 3 outranks service
// alone, which outranks location alone.
template<typename Rule>
int specificity(const Rule &rule, const RuleScope &scope)
{
    if (!rule.enabled)
        return -1;
    if (!rule.customerId.isEmpty() && rule.customerId != scope.customerId)
        return -1;
    if (rule.serviceId != 0 && rule.serviceId != scope.serviceId)
        return -1;
    if (!rule.location.isEmpty() && rule.location.compare(scope.location, Qt::CaseInsensitive) != 0)
        return -1;
    return (rule.customerId.isEmpty() ? 0 : 8) + (rule.serviceId == 0 ? 0 : 2) + (rule.location.isEmpty() ? 0 : 1);
}

template<typename Rule>
std::optional<Rule> bestRule(const QList<Rule> &rules, const RuleScope &scope)
{
    std::optional<Rule> best;
    int bestScore = -1;
    for (const Rule &r : rules) {
        const int score = specificity(r, scope);
        if (score < 0)
            continue;
        const bool better = !best || score > bestScore || (score == bestScore && r.priority > best->priority)
            || (score == bestScore && r.priority == best->priority && r.id < best->id);
        if (better) {
            best = r;
            bestScore = score;
        }
    }
    return best;
}

} // namespace

std::optional<Domain::TaxRule> taxRuleFor(const QList<Domain::TaxRule> &rules, const RuleScope &scope)
{
    return bestRule(rules, scope);
}

std::optional<Domain::DiscountRule> discountRuleFor(const QList<Domain::DiscountRule> &rules, const RuleScope &scope)
{
    return bestRule(rules, scope);
}

bool isTaxable(const Domain::TaxRule &rule)
{
    return !rule.taxCode.isEmpty() && rule.taxCode != kNonTaxable;
}

Result<Domain::Money> discountOnLine(const Domain::DiscountRule &rule, const Domain::Money &amount)
{
    if (rule.percentBasisPoints > 0)
        return amount.multiply(rule.percentBasisPoints, 10000, Domain::Rounding::HalfUp);
    auto fixed = Domain::Money::fromMinor(rule.amountMinor, rule.currency);
    if (!fixed)
        return std::unexpected(fixed.error());
    if (fixed->currency() != amount.currency())
        return fail(ErrorCode::InvalidArgument, u"discount rule %1 is in %2, the line in %3"_s.arg(rule.id).arg(
                                                     fixed->currency(), amount.currency()));
    return fixed->minorUnits() > amount.minorUnits() ? amount : *fixed;
}

} // namespace Concord::Billing
