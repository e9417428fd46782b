#include "billing/invoiceplan.h"

#include <QLocale>
#include <QMap>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Concord::Billing {

using Domain::InvoiceMode;
using Domain::InvoicePolicy;
using Domain::Money;

QList<InvoicePolicy> withBuiltInDefault(QList<InvoicePolicy> policies, const QString &currency)
{
    const bool hasDefault = std::any_of(policies.cbegin(), policies.cend(), [](const InvoicePolicy &p) {
        return p.customerId.isEmpty() && p.serviceId == 0;
    });
    if (!hasDefault) {
        InvoicePolicy p; // id 0: not stored
        p.currency = currency;
        policies.append(p);
    }
    return policies;
}

std::optional<InvoicePolicy> policyFor(const QList<InvoicePolicy> &policies, const QString &customerId,
                                       qint64 serviceId)
{
    // Specificity: customer (2) + service (1); a policy naming another
    // customer or service does not apply at all.
    std::optional<InvoicePolicy> best;
    int bestScore = -1;
    for (const InvoicePolicy &p : policies) {
        if (!p.customerId.isEmpty() && p.customerId != customerId)
            continue;
        if (p.serviceId != 0 && p.serviceId != serviceId)
            continue;
        const int score = (p.customerId.isEmpty() ? 0 : 2) + (p.serviceId == 0 ? 0 : 1);
        if (score > bestScore) {
            best = p;
            bestScore = score;
        }
    }
    return best;
}

namespace {

// Hours as a short decimal when there is one (60 → 1, 90 → 1.5, 45 → 0.75);
// otherwise nullopt (50 minutes = 0.8333…: billed as 1 session at the
// prorated amount, so QuickBooks' Qty × UnitPrice = Amount holds exactly).
std::optional<Domain::Decimal> exactHours(int minutes)
{
    // minutes / 60 = minutes × 10^4 / 60 / 10^4 when that division is exact.
    const qint64 scaled = qint64(minutes) * 10000;
    if (scaled % 60 != 0)
        return std::nullopt;
    auto d = Domain::Decimal::fromParts(scaled / 60, 4);
    if (!d)
        return std::nullopt;
    return d->normalized();
}

Result<PlannedLine> lineFor(const Session &s)
{
    if (!s.hourlyRate.isValid())
        return fail(ErrorCode::InvalidArgument, u"session %1 has no rate"_s.arg(s.appointmentId));
    if (s.minutes <= 0)
        return fail(ErrorCode::InvalidArgument, u"session %1 has no length"_s.arg(s.appointmentId));
    auto amount = s.hourlyRate.multiply(s.minutes, 60);
    if (!amount)
        return std::unexpected(amount.error());
    PlannedLine line;
    line.appointmentId = s.appointmentId;
    line.itemRef = s.itemRef;
    line.serviceDate = s.serviceDate;
    line.amount = *amount;
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    line.description = u"%1 – %2"_s.arg(s.serviceName, english.toString(s.serviceDate, u"MMMM d, yyyy"_s));
    if (auto hours = exactHours(s.minutes)) {
        line.quantity = *hours;
        line.rate = s.hourlyRate;
    } else {
        line.quantity = Domain::Decimal::fromInt(1);
        line.rate = *amount;
    }
    return line;
}

Result<Money> sum(const QList<PlannedLine> &lines, const QString &key)
{
    Money total = Money::zero(lines.first().amount.currency());
    for (const PlannedLine &l : lines) {
        auto next = total.add(l.amount);
        if (!next)
            return fail(ErrorCode::InvalidArgument, u"invoice %1 mixes currencies (%2)"_s.arg(key, next.error().message));
        total = *next;
    }
    return total;
}

} // namespace

namespace {

// The invoice's discount from its lines' rules (see planInvoices).
Result<std::optional<PlannedDiscount>> discountFor(const QList<PlannedLine> &lines, const QString &currency)
{
    bool same = true;
    for (const PlannedLine &l : lines) {
        if (!l.discountRule || !lines.first().discountRule || l.discountRule->id != lines.first().discountRule->id) {
            same = false;
            break;
        }
    }
    if (same && lines.first().discountRule && lines.first().discountRule->percentBasisPoints > 0) {
        const Domain::DiscountRule &r = *lines.first().discountRule;
        PlannedDiscount d;
        d.percentBasisPoints = r.percentBasisPoints;
        d.amount = Money::zero(currency);
        d.description = r.description.isEmpty() ? u"Discount"_s : r.description;
        return d;
    }
    Money total = Money::zero(currency);
    QStringList descriptions;
    for (const PlannedLine &l : lines) {
        if (!l.discountRule)
            continue;
        auto share = discountOnLine(*l.discountRule, l.amount);
        if (!share)
            return std::unexpected(share.error());
        auto next = total.add(*share);
        if (!next)
            return std::unexpected(next.error());
        total = *next;
        const QString text = l.discountRule->description.isEmpty() ? u"Discount"_s : l.discountRule->description;
        if (!descriptions.contains(text))
            descriptions << text;
    }
    if (total.isZero())
        return std::optional<PlannedDiscount>();
    PlannedDiscount d;
    d.amount = total;
    d.description = descriptions.join(u"; "_s);
    return d;
}

} // namespace

Result<QList<PlannedInvoice>> planInvoices(const QList<Session> &sessions, const QList<InvoicePolicy> &policies,
                                           const BillingRules &rules)
{
    struct Placed {
        QString baseKey;
        QString taxableCode; // empty: not taxable by rule
        InvoicePolicy policy;
        QDate txnDate;
        PlannedLine line;
        QString customerId;
    };
    QList<Placed> placed;
    QMap<QString, QSet<QString>> taxableCodesOf; // base key → taxable codes on it
    for (const Session &s : sessions) {
        const auto policy = policyFor(policies, s.customerId, s.serviceId);
        if (!policy)
            return fail(ErrorCode::InvalidArgument,
                        u"no invoice policy applies to session %1 (customer %2): add a default policy"_s.arg(
                            s.appointmentId, s.customerId));
        if (!s.serviceDate.isValid())
            return fail(ErrorCode::InvalidArgument, u"session %1 has no date"_s.arg(s.appointmentId));
        auto line = lineFor(s);
        if (!line)
            return std::unexpected(line.error());
        const RuleScope scope{s.customerId, s.serviceId, s.location};
        Placed p;
        if (const auto tax = taxRuleFor(rules.tax, scope)) {
            const bool taxable = isTaxable(*tax);
            line->taxCode = taxable ? u"TAX"_s : kNonTaxable.toString();
            if (taxable)
                p.taxableCode = tax->taxCode;
        }
        line->discountRule = discountRuleFor(rules.discounts, scope);
        if (policy->mode == InvoiceMode::PerSession) {
            p.baseKey = u"session/"_s + s.appointmentId;
            p.txnDate = s.serviceDate;
        } else {
            const QDate first(s.serviceDate.year(), s.serviceDate.month(), 1);
            p.baseKey = u"monthly/%1/%2"_s.arg(s.customerId, first.toString(u"yyyy-MM"_s));
            if (policy->grouping == Domain::MonthlyGrouping::PerService)
                p.baseKey += u"/%1"_s.arg(s.serviceId);
            p.txnDate = first.addMonths(1).addDays(-1);
        }
        p.policy = *policy;
        p.line = *line;
        p.customerId = s.customerId;
        if (!p.taxableCode.isEmpty())
            taxableCodesOf[p.baseKey].insert(p.taxableCode);
        placed.append(p);
    }

    QMap<QString, PlannedInvoice> byKey; // ordered: deterministic output
    QMap<QString, InvoicePolicy> policyOf;
    for (const Placed &p : std::as_const(placed)) {
        // One tax code per QuickBooks invoice: split only when codes differ.
        const bool split = taxableCodesOf.value(p.baseKey).size() > 1 && !p.taxableCode.isEmpty();
        const QString key = split ? u"%1/tax/%2"_s.arg(p.baseKey, p.taxableCode) : p.baseKey;
        PlannedInvoice &invoice = byKey[key];
        if (invoice.key.isEmpty()) {
            invoice.key = key;
            invoice.customerId = p.customerId;
            invoice.mode = p.policy.mode;
            invoice.txnDate = p.txnDate;
            invoice.dueDate = p.txnDate.addDays(p.policy.paymentTermDays);
            policyOf.insert(key, p.policy);
        }
        if (!p.taxableCode.isEmpty())
            invoice.txnTaxCode = p.taxableCode;
        invoice.lines.append(p.line);
    }

    QList<PlannedInvoice> out;
    for (auto it = byKey.begin(); it != byKey.end(); ++it) {
        PlannedInvoice &invoice = it.value();
        std::sort(invoice.lines.begin(), invoice.lines.end(), [](const PlannedLine &a, const PlannedLine &b) {
            return a.serviceDate != b.serviceDate ? a.serviceDate < b.serviceDate : a.appointmentId < b.appointmentId;
        });
        auto total = sum(invoice.lines, invoice.key);
        if (!total)
            return std::unexpected(total.error());
        invoice.total = *total;
        const int bp = policyOf.value(invoice.key).depositBasisPoints;
        if (bp > 0) {
            auto deposit = total->multiply(bp, 10000);
            if (!deposit)
                return std::unexpected(deposit.error());
            invoice.deposit = *deposit;
        } else {
            invoice.deposit = Money::zero(total->currency());
        }
        auto discount = discountFor(invoice.lines, total->currency());
        if (!discount)
            return std::unexpected(discount.error());
        invoice.discount = *discount;
        out.append(invoice);
    }
    return out;
}

CancellationDecision decideCancellation(const InvoicePolicy &policy, const BilledState &billed,
                                        const QDateTime &sessionStartUtc, const QDateTime &canceledAtUtc)
{
    using Action = CancellationDecision::Action;
    CancellationDecision d;
    const QString currency = billed.paid.isValid() ? billed.paid.currency() : policy.currency;
    d.refundOrCredit = Money::zero(currency);
    d.lateFee = Money::zero(currency);
    const bool late = canceledAtUtc.isValid() && sessionStartUtc.isValid()
        && canceledAtUtc.secsTo(sessionStartUtc) < qint64(policy.lateCancelWindowHours) * 3600;
    const bool feeApplies = late && policy.cancellation == Domain::CancellationPolicy::LateFee && policy.lateFeeMinor > 0;
    const bool paid = billed.paid.isValid() && billed.paid.minorUnits() > 0;

    if (!billed.invoiced) {
        d.actions.append(policy.mode == InvoiceMode::MonthlySummary ? Action::RemoveLine : Action::Nothing);
        d.reason = u"nothing was invoiced for the session yet"_s;
    } else if (!paid) {
        d.actions.append(Action::VoidInvoice);
        d.reason = u"the session's invoice is unpaid: it is voided"_s;
    } else {
        d.refundOrCredit = billed.paid;
        if (policy.cancellation == Domain::CancellationPolicy::Refund) {
            d.actions.append(Action::RefundPaid);
            d.reason = u"the session was paid: the payment is refunded"_s;
        } else {
            d.actions.append(Action::CreditPaid);
            d.reason = u"the session was paid: the payment becomes a credit"_s;
        }
    }
    if (feeApplies) {
        d.actions.append(Action::ChargeLateFee);
        d.lateFee = Money::fromMinor(policy.lateFeeMinor, currency).value_or(Money::zero(currency));
        d.reason += u"; canceled less than %1 h before the session: the late-cancellation fee is charged"_s.arg(
            policy.lateCancelWindowHours);
    }
    return d;
}

std::optional<Domain::BookingBlockAction> bookingBlock(const InvoicePolicy &policy, const Money &overdueBalance)
{
    if (policy.blockThresholdMinor <= 0 || !overdueBalance.isValid())
        return std::nullopt;
    if (overdueBalance.minorUnits() > policy.blockThresholdMinor)
        return policy.blockAction;
    return std::nullopt;
}

} // namespace Concord::Billing
