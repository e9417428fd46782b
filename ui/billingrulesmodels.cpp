#include "billingrulesmodels.h"

#include "billing/billingrules.h"
#include "domain/decimal.h"
#include "domain/money.h"
#include "theme.h"

#include <QLocale>

#include <algorithm>
#include <limits>

namespace Concord::Ui {

using Domain::DiscountRule;
using Domain::InvoicePolicy;
using Domain::TaxRule;
using namespace BillingRulesRoles;

namespace {

// " · " joins the parts of a scope; the parts themselves never contain it.
const QString kSeparator = QStringLiteral(" · ");

QVariant alignLeft()
{
    return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
}

QVariant alignRight()
{
    return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
}

// Scope sorts by specificity (default first, client rules last), then by its
// wording, so rules of one kind stay together.
QString scopeSortKey(int specificity, const QString &text)
{
    return QStringLiteral("%1 %2").arg(specificity, 2, 10, QLatin1Char('0')).arg(text.toLower());
}

// A switched-off rule stays listed but reads as inactive.
QVariant mutedIfDisabled(bool enabled)
{
    return enabled ? QVariant() : QVariant(Theme::mutedText());
}

QString scopeToolTip(qint64 serviceId, const QString &location, const QString &customerId)
{
    //: %1 = kind of rule ("service rule"), %2 = how the most specific rule is chosen
    return BillingRulesText::tr("A %1. %2")
        .arg(BillingRulesText::specificityName(serviceId, location, customerId),
             BillingRulesText::precedenceHelp());
}

template<typename Rule> int rowForIdIn(const QList<Rule> &rules, qint64 id)
{
    for (int row = 0; row < rules.size(); ++row) {
        if (rules.at(row).id == id)
            return row;
    }
    return -1;
}

} // namespace

// --- BillingRulesSnapshot -------------------------------------------------

QString BillingRulesSnapshot::serviceName(qint64 serviceId) const
{
    for (const Domain::Service &service : services) {
        if (service.id == serviceId)
            return service.name;
    }
    //: A service the rule names but that is no longer known to Concord
    return BillingRulesText::tr("Service #%1").arg(serviceId);
}

QString BillingRulesSnapshot::customerName(const QString &customerId) const
{
    for (const NamedId &customer : customers) {
        if (customer.id == customerId)
            return customer.name.isEmpty() ? customer.id : customer.name;
    }
    //: A client the rule names but that is no longer known to Concord
    return BillingRulesText::tr("Client %1").arg(customerId);
}

QString BillingRulesSnapshot::taxCodeName(const QString &taxCode) const
{
    for (const NamedId &code : taxCodes) {
        if (code.id == taxCode)
            return code.name;
    }
    if (taxCode == Billing::kNonTaxable)
        return BillingRulesText::tr("Not taxable");
    return {};
}

bool BillingRulesSnapshot::isKnownTaxCode(const QString &taxCode) const
{
    return taxCode == Billing::kNonTaxable
        || std::any_of(taxCodes.cbegin(), taxCodes.cend(),
                       [&taxCode](const NamedId &code) { return code.id == taxCode; });
}

QStringList BillingRulesSnapshot::knownLocations() const
{
    QStringList all;
    for (const Domain::Service &service : services)
        all << service.location.trimmed();
    for (const TaxRule &rule : taxRules)
        all << rule.location.trimmed();
    for (const DiscountRule &rule : discountRules)
        all << rule.location.trimmed();
    all.removeAll(QString());
    std::sort(all.begin(), all.end(), [](const QString &a, const QString &b) {
        return a.compare(b, Qt::CaseInsensitive) < 0;
    });
    QStringList unique;
    for (const QString &location : std::as_const(all)) {
        if (unique.isEmpty() || unique.constLast().compare(location, Qt::CaseInsensitive) != 0)
            unique << location;
    }
    return unique;
}

// --- BillingRulesText -----------------------------------------------------

QString BillingRulesText::scope(const BillingRulesSnapshot &names, qint64 serviceId,
                                const QString &location, const QString &customerId)
{
    const QString client =
        customerId.isEmpty() ? tr("All clients") : names.customerName(customerId);
    const QString service = serviceId == 0 ? tr("All services") : names.serviceName(serviceId);
    const QString place = location.trimmed().isEmpty() ? tr("All locations") : location.trimmed();
    return QStringList { client, service, place }.join(kSeparator);
}

QString BillingRulesText::policyScope(const BillingRulesSnapshot &names,
                                      const InvoicePolicy &policy)
{
    const QString client =
        policy.customerId.isEmpty() ? tr("All clients") : names.customerName(policy.customerId);
    const QString service =
        policy.serviceId == 0 ? tr("All services") : names.serviceName(policy.serviceId);
    return client + kSeparator + service;
}

QString BillingRulesText::specificityName(qint64 serviceId, const QString &location,
                                          const QString &customerId)
{
    if (!customerId.isEmpty())
        return tr("client rule");
    const bool hasLocation = !location.trimmed().isEmpty();
    if (serviceId != 0 && hasLocation)
        return tr("service and location rule");
    if (serviceId != 0)
        return tr("service rule");
    if (hasLocation)
        return tr("location rule");
    return tr("default rule");
}

int BillingRulesText::specificity(qint64 serviceId, const QString &location,
                                  const QString &customerId)
{
    // The same ranks as core/billing/billingrules.cpp.
    return (customerId.isEmpty() ? 0 : 8) + (serviceId == 0 ? 0 : 2)
        + (location.trimmed().isEmpty() ? 0 : 1);
}

QString BillingRulesText::precedenceHelp()
{
    return tr("The most specific rule wins: a client's own rule, then service and location, then "
              "service, then location, then the default. Priority breaks ties (higher first).");
}

QString BillingRulesText::taxCode(const BillingRulesSnapshot &names, const QString &code)
{
    if (code.isEmpty())
        return {};
    const QString name = names.taxCodeName(code);
    //: %1 = QuickBooks tax code name, %2 = its id ("Sales tax (TAX)")
    return name.isEmpty() || name == code ? code : tr("%1 (%2)").arg(name, code);
}

QString BillingRulesText::percent(int basisPoints)
{
    const auto value = Domain::Decimal::fromParts(basisPoints, 2);
    const QString number = value ? value->normalized().toString() : QString::number(basisPoints);
    //: A percentage; %1 is the number ("12.5")
    return tr("%1 %").arg(number);
}

QString BillingRulesText::money(qint64 minorUnits, const QString &currency)
{
    const auto amount = Domain::Money::fromMinor(minorUnits, currency);
    return amount ? amount->format(QLocale()) : QString::number(minorUnits);
}

QString BillingRulesText::discount(const DiscountRule &rule)
{
    if (rule.percentBasisPoints > 0)
        //: A discount; %1 is a percentage ("10 %")
        return tr("%1 off").arg(percent(rule.percentBasisPoints));
    //: A discount; %1 is an amount ("$5.00")
    return tr("%1 off").arg(money(rule.amountMinor, rule.currency));
}

QString BillingRulesText::invoicing(const InvoicePolicy &policy)
{
    if (policy.mode == Domain::InvoiceMode::PerSession)
        return tr("Per session");
    return policy.grouping == Domain::MonthlyGrouping::PerService
        ? tr("Monthly, per client and service")
        : tr("Monthly, per client");
}

QString BillingRulesText::deposit(const InvoicePolicy &policy)
{
    return policy.depositBasisPoints > 0 ? percent(policy.depositBasisPoints) : tr("None");
}

QString BillingRulesText::paymentTerms(const InvoicePolicy &policy)
{
    if (policy.paymentTermDays == 0)
        return tr("On receipt");
    if (policy.paymentTermDays == 1)
        return tr("1 day");
    return tr("%1 days").arg(policy.paymentTermDays);
}

QString BillingRulesText::cancellation(const InvoicePolicy &policy)
{
    switch (policy.cancellation) {
    case Domain::CancellationPolicy::VoidOrCredit:
        return tr("Void or credit");
    case Domain::CancellationPolicy::Refund:
        return tr("Void or refund");
    case Domain::CancellationPolicy::LateFee:
        //: %1 = fee ("$20.00"), %2 = hours before the session
        return tr("Late fee %1 within %2 h")
            .arg(money(policy.lateFeeMinor, policy.currency))
            .arg(policy.lateCancelWindowHours);
    }
    return {};
}

QString BillingRulesText::bookingBlock(const InvoicePolicy &policy)
{
    if (policy.blockThresholdMinor <= 0)
        return tr("Never");
    const QString threshold = money(policy.blockThresholdMinor, policy.currency);
    //: %1 = overdue balance threshold ("$500.00")
    return policy.blockAction == Domain::BookingBlockAction::Decline
        ? tr("Decline above %1").arg(threshold)
        : tr("Hold above %1").arg(threshold);
}

QString BillingRulesText::policySummary(const InvoicePolicy &policy)
{
    QStringList parts { invoicing(policy) };
    if (policy.depositBasisPoints > 0)
        parts << tr("%1 deposit").arg(percent(policy.depositBasisPoints));
    if (policy.paymentTermDays == 0)
        parts << tr("due on receipt");
    else if (policy.paymentTermDays == 1)
        parts << tr("due in 1 day");
    else
        parts << tr("due in %1 days").arg(policy.paymentTermDays);
    return parts.join(kSeparator);
}

QString BillingRulesText::modeName(Domain::InvoiceMode mode)
{
    switch (mode) {
    case Domain::InvoiceMode::PerSession:
        return tr("One invoice per session");
    case Domain::InvoiceMode::MonthlySummary:
        return tr("A monthly summary invoice, one line per session");
    }
    return {};
}

QString BillingRulesText::groupingName(Domain::MonthlyGrouping grouping)
{
    switch (grouping) {
    case Domain::MonthlyGrouping::PerClient:
        return tr("One invoice per client");
    case Domain::MonthlyGrouping::PerService:
        return tr("One invoice per client and service");
    }
    return {};
}

QString BillingRulesText::cancellationName(Domain::CancellationPolicy policy)
{
    switch (policy) {
    case Domain::CancellationPolicy::VoidOrCredit:
        return tr("Void the unpaid invoice, credit what was paid");
    case Domain::CancellationPolicy::Refund:
        return tr("Void the unpaid invoice, refund what was paid");
    case Domain::CancellationPolicy::LateFee:
        return tr("Void or credit, plus a late-cancellation fee");
    }
    return {};
}

QString BillingRulesText::blockActionName(Domain::BookingBlockAction action)
{
    switch (action) {
    case Domain::BookingBlockAction::Hold:
        return tr("Hold new bookings for review");
    case Domain::BookingBlockAction::Decline:
        return tr("Decline new bookings");
    }
    return {};
}

QString BillingRulesText::enabled(bool enabled)
{
    return enabled ? tr("Yes") : tr("No");
}

// --- TaxRulesModel --------------------------------------------------------

TaxRulesModel::TaxRulesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TaxRulesModel::setSnapshot(const BillingRulesSnapshot &snapshot)
{
    beginResetModel();
    m_snapshot = snapshot;
    endResetModel();
}

int TaxRulesModel::rowForId(qint64 id) const
{
    return rowForIdIn(m_snapshot.taxRules, id);
}

int TaxRulesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_snapshot.taxRules.size());
}

int TaxRulesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant TaxRulesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TaxRule &r = m_snapshot.taxRules.at(index.row());
    const QString scope =
        BillingRulesText::scope(m_snapshot, r.serviceId, r.location, r.customerId);

    switch (role) {
    case IdRole:
        return r.id;
    case VersionRole:
        return r.version;
    case Qt::DisplayRole:
    case SortRole:
        switch (Column(index.column())) {
        case Scope:
            return role == SortRole ? scopeSortKey(
                       BillingRulesText::specificity(r.serviceId, r.location, r.customerId), scope)
                                    : scope;
        case TaxCode:
            return BillingRulesText::taxCode(m_snapshot, r.taxCode);
        case Priority:
            return r.priority;
        case Enabled:
            return role == SortRole ? QVariant(r.enabled ? 1 : 0)
                                    : QVariant(BillingRulesText::enabled(r.enabled));
        case EditedBy:
            return r.updatedBy;
        case EditedAt:
            return r.updatedAt;
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case Scope:
            return scopeToolTip(r.serviceId, r.location, r.customerId);
        case TaxCode:
            return Billing::isTaxable(r)
                ? tr("Taxable: QuickBooks computes the tax from this code's rates.")
                : tr("Not taxable.");
        case EditedAt:
            return r.updatedAt.toUTC().toString(Qt::ISODate);
        default:
            return {};
        }
    case Qt::ForegroundRole:
        return mutedIfDisabled(r.enabled);
    case Qt::TextAlignmentRole:
        return index.column() == Priority ? alignRight() : alignLeft();
    default:
        return {};
    }
}

QVariant TaxRulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case Scope:
            return tr("Applies to");
        case TaxCode:
            return tr("QuickBooks tax code");
        case Priority:
            return tr("Priority");
        case Enabled:
            return tr("Enabled");
        case EditedBy:
            return tr("Edited by");
        case EditedAt:
            return tr("Edited at");
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Scope:
            return BillingRulesText::precedenceHelp();
        case Priority:
            return tr("Breaks ties between equally specific rules: higher first");
        case EditedAt:
            return tr("When the rule last changed, in this computer's time zone");
        default:
            return {};
        }
    }
    return {};
}

// --- DiscountRulesModel ---------------------------------------------------

DiscountRulesModel::DiscountRulesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void DiscountRulesModel::setSnapshot(const BillingRulesSnapshot &snapshot)
{
    beginResetModel();
    m_snapshot = snapshot;
    endResetModel();
}

int DiscountRulesModel::rowForId(qint64 id) const
{
    return rowForIdIn(m_snapshot.discountRules, id);
}

int DiscountRulesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_snapshot.discountRules.size());
}

int DiscountRulesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant DiscountRulesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DiscountRule &r = m_snapshot.discountRules.at(index.row());
    const QString scope =
        BillingRulesText::scope(m_snapshot, r.serviceId, r.location, r.customerId);

    // Percentages (at most 10 000 basis points) sort before fixed amounts.
    constexpr qint64 kAmountsAfter = 10'001;

    switch (role) {
    case IdRole:
        return r.id;
    case VersionRole:
        return r.version;
    case Qt::DisplayRole:
    case SortRole:
        switch (Column(index.column())) {
        case Scope:
            return role == SortRole ? scopeSortKey(
                       BillingRulesText::specificity(r.serviceId, r.location, r.customerId), scope)
                                    : scope;
        case Discount:
            if (role == SortRole)
                return r.percentBasisPoints > 0 ? qint64(r.percentBasisPoints)
                                                : kAmountsAfter + r.amountMinor;
            return BillingRulesText::discount(r);
        case Description:
            return r.description;
        case Priority:
            return r.priority;
        case Enabled:
            return role == SortRole ? QVariant(r.enabled ? 1 : 0)
                                    : QVariant(BillingRulesText::enabled(r.enabled));
        case EditedBy:
            return r.updatedBy;
        case EditedAt:
            return r.updatedAt;
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case Scope:
            return scopeToolTip(r.serviceId, r.location, r.customerId);
        case Description:
            return r.description;
        case EditedAt:
            return r.updatedAt.toUTC().toString(Qt::ISODate);
        default:
            return {};
        }
    case Qt::ForegroundRole:
        return mutedIfDisabled(r.enabled);
    case Qt::TextAlignmentRole:
        return index.column() == Priority ? alignRight() : alignLeft();
    default:
        return {};
    }
}

QVariant DiscountRulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case Scope:
            return tr("Applies to");
        case Discount:
            return tr("Discount");
        case Description:
            return tr("On the invoice");
        case Priority:
            return tr("Priority");
        case Enabled:
            return tr("Enabled");
        case EditedBy:
            return tr("Edited by");
        case EditedAt:
            return tr("Edited at");
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Scope:
            return BillingRulesText::precedenceHelp();
        case Description:
            return tr("The discount line's description on the QuickBooks invoice");
        case Priority:
            return tr("Breaks ties between equally specific rules: higher first");
        case EditedAt:
            return tr("When the rule last changed, in this computer's time zone");
        default:
            return {};
        }
    }
    return {};
}

// --- InvoicePoliciesModel -------------------------------------------------

InvoicePoliciesModel::InvoicePoliciesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void InvoicePoliciesModel::setSnapshot(const BillingRulesSnapshot &snapshot)
{
    beginResetModel();
    m_snapshot = snapshot;
    endResetModel();
}

int InvoicePoliciesModel::rowForId(qint64 id) const
{
    return rowForIdIn(m_snapshot.invoicePolicies, id);
}

int InvoicePoliciesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_snapshot.invoicePolicies.size());
}

int InvoicePoliciesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant InvoicePoliciesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const InvoicePolicy &p = m_snapshot.invoicePolicies.at(index.row());
    const QString scope = BillingRulesText::policyScope(m_snapshot, p);

    switch (role) {
    case IdRole:
        return p.id;
    case VersionRole:
        return p.version;
    case SortRole:
        switch (Column(index.column())) {
        case Scope:
            // Policies rank client (2) over service (1) over the default.
            return scopeSortKey((p.customerId.isEmpty() ? 0 : 2) + (p.serviceId == 0 ? 0 : 1),
                                scope);
        case Deposit:
            return p.depositBasisPoints;
        case PaymentTerms:
            return p.paymentTermDays;
        case BookingBlock:
            return p.blockThresholdMinor > 0 ? p.blockThresholdMinor
                                             : std::numeric_limits<qint64>::max();
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Scope:
            return scope;
        case Invoicing:
            return BillingRulesText::invoicing(p);
        case Deposit:
            return BillingRulesText::deposit(p);
        case PaymentTerms:
            return BillingRulesText::paymentTerms(p);
        case Cancellation:
            return BillingRulesText::cancellation(p);
        case BookingBlock:
            return BillingRulesText::bookingBlock(p);
        case EditedBy:
            return p.updatedBy;
        case EditedAt:
            return p.updatedAt;
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case Scope:
            return tr("A client's own policy beats a service's, which beats the default.");
        case Invoicing:
            return p.mode == Domain::InvoiceMode::MonthlySummary
                //: %1 = "A monthly summary invoice, …", %2 = "One invoice per client"
                ? tr("%1. %2").arg(BillingRulesText::modeName(p.mode), BillingRulesText::groupingName(p.grouping))
                : BillingRulesText::modeName(p.mode);
        case Cancellation:
            return BillingRulesText::cancellationName(p.cancellation);
        case BookingBlock:
            return p.blockThresholdMinor > 0
                ? tr("%1 when the client's overdue balance is above %2.")
                      .arg(BillingRulesText::blockActionName(p.blockAction),
                           BillingRulesText::money(p.blockThresholdMinor, p.currency))
                : tr("Bookings are never blocked for an overdue balance.");
        case EditedAt:
            return p.updatedAt.toUTC().toString(Qt::ISODate);
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        return alignLeft();
    default:
        return {};
    }
}

QVariant InvoicePoliciesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case Scope:
            return tr("Applies to");
        case Invoicing:
            return tr("Invoicing");
        case Deposit:
            return tr("Deposit");
        case PaymentTerms:
            return tr("Payment due");
        case Cancellation:
            return tr("Cancellation");
        case BookingBlock:
            return tr("Booking block");
        case EditedBy:
            return tr("Edited by");
        case EditedAt:
            return tr("Edited at");
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Deposit:
            return tr("Share of each invoice taken as a deposit");
        case PaymentTerms:
            return tr("How long after the invoice date payment is due");
        case BookingBlock:
            return tr("What happens to a client's new bookings when their overdue balance is "
                      "above the amount shown");
        case EditedAt:
            return tr("When the policy last changed, in this computer's time zone");
        default:
            return {};
        }
    }
    return {};
}

} // namespace Concord::Ui
