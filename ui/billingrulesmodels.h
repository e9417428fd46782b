#pragma once

#include "domain/appointment.h"
#include "domain/rules.h"

#include <QAbstractTableModel>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Concord::Ui {

// An id and the name a person knows it by: a QuickBooks tax code ("TAX",
// "Sales tax"), a client (Concord customer id, display name).
struct NamedId {
    QString id;
    QString name;
};

// Everything the "Tax, discounts and invoicing" page shows, as one immutable
// value pushed from the sync thread: the bookkeeper's rules plus the names
// they refer to (services, clients, QuickBooks tax codes).
struct BillingRulesSnapshot {
    QList<Domain::TaxRule> taxRules;
    QList<Domain::DiscountRule> discountRules;
    QList<Domain::InvoicePolicy> invoicePolicies;
    QList<Domain::Service> services;
    QList<NamedId> taxCodes; // QuickBooks TaxCode ids and names, as QuickBooks lists them
    QList<NamedId> customers; // Concord customer id, display name
    // The QuickBooks company's home currency: what new fixed amounts (discounts,
    // fees, thresholds) are typed in.
    QString currency = QStringLiteral("USD");

    // The name of a service, client or tax code; an id that is not in the
    // snapshot (deleted, not synced yet) is shown as such, never dropped.
    [[nodiscard]] QString serviceName(qint64 serviceId) const;
    [[nodiscard]] QString customerName(const QString &customerId) const;
    [[nodiscard]] QString taxCodeName(const QString &taxCode) const;
    [[nodiscard]] bool isKnownTaxCode(const QString &taxCode) const;
    // Every location a service or a rule names, sorted, without duplicates
    // (compared case-insensitively, as the rules match them).
    [[nodiscard]] QStringList knownLocations() const;
};

// The page's wording for rules, shared by the models, the dialogs and the
// "Which rule applies?" preview so they always say the same thing.
class BillingRulesText {
    Q_DECLARE_TR_FUNCTIONS(Concord::Ui::BillingRulesText)
public:
    // "All clients · Math Tutoring · Brooklyn": client, service, place; an
    // unset part reads "All …".
    [[nodiscard]] static QString scope(const BillingRulesSnapshot &names, qint64 serviceId,
                                       const QString &location, const QString &customerId);
    // Invoice policies have no location: "Ana Ruiz · All services".
    [[nodiscard]] static QString policyScope(const BillingRulesSnapshot &names,
                                             const Domain::InvoicePolicy &policy);
    // What kind of rule the scope makes it: "client rule", "service and
    // location rule", "service rule", "location rule", "default rule".
    [[nodiscard]] static QString specificityName(qint64 serviceId, const QString &location,
                                                 const QString &customerId);
    // The rank Billing::taxRuleFor gives a scope (client 8, service 2,
    // location 1, added up): a higher one wins.
    [[nodiscard]] static int specificity(qint64 serviceId, const QString &location,
                                         const QString &customerId);
    // How the most specific rule is chosen, for tooltips and help lines.
    [[nodiscard]] static QString precedenceHelp();

    // "Sales tax (TAX)"; "Not taxable (NON)"; an unknown code on its own.
    [[nodiscard]] static QString taxCode(const BillingRulesSnapshot &names, const QString &code);
    // Basis points as a percentage: 1250 → "12.5 %", 1000 → "10 %".
    [[nodiscard]] static QString percent(int basisPoints);
    // Minor units in the locale's currency format: 1550, "USD" → "$15.50".
    [[nodiscard]] static QString money(qint64 minorUnits, const QString &currency);
    // "10 % off" or "$5.00 off".
    [[nodiscard]] static QString discount(const Domain::DiscountRule &rule);
    // "Per session"; "Monthly, per client"; "Monthly, per client and service".
    [[nodiscard]] static QString invoicing(const Domain::InvoicePolicy &policy);
    // "25 %" or "None".
    [[nodiscard]] static QString deposit(const Domain::InvoicePolicy &policy);
    // "On receipt"; "14 days".
    [[nodiscard]] static QString paymentTerms(const Domain::InvoicePolicy &policy);
    // "Void or credit"; "Refund"; "Late fee $20.00 within 24 h".
    [[nodiscard]] static QString cancellation(const Domain::InvoicePolicy &policy);
    // "Never"; "Hold above $500.00"; "Decline above $500.00" (overdue balance).
    [[nodiscard]] static QString bookingBlock(const Domain::InvoicePolicy &policy);
    // One line for the preview: "Monthly, per client · 25 % deposit · due in 14 days".
    [[nodiscard]] static QString policySummary(const Domain::InvoicePolicy &policy);

    // Choice labels for the dialogs' combo boxes.
    [[nodiscard]] static QString modeName(Domain::InvoiceMode mode);
    [[nodiscard]] static QString groupingName(Domain::MonthlyGrouping grouping);
    [[nodiscard]] static QString cancellationName(Domain::CancellationPolicy policy);
    [[nodiscard]] static QString blockActionName(Domain::BookingBlockAction action);

    // "Yes" / "No" for the Enabled column.
    [[nodiscard]] static QString enabled(bool enabled);
};

// Roles shared by the three rule models.
namespace BillingRulesRoles {
enum DataRole {
    IdRole = Qt::UserRole + 1, // qint64 id, stable across snapshots
    VersionRole, // int version, for optimistic concurrency on save/delete
    SortRole, // the raw value a column sorts by (see each model)
};
} // namespace BillingRulesRoles

// The bookkeeper's tax rules over an immutable snapshot (a model reset per
// snapshot; read-only: edits go through TaxRuleDialog and the page's signals).
// DisplayRole is text, except Priority (int) and EditedAt (QDateTime in UTC,
// shown in local time by LocalTimeDelegate). SortRole: Scope by specificity
// then wording, Enabled as 0/1, the rest as displayed.
class TaxRulesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Scope, TaxCode, Priority, Enabled, EditedBy, EditedAt, ColumnCount };
    Q_ENUM(Column)

    explicit TaxRulesModel(QObject *parent = nullptr);

    void setSnapshot(const BillingRulesSnapshot &snapshot);
    [[nodiscard]] const Domain::TaxRule &rule(int row) const { return m_snapshot.taxRules.at(row); }
    [[nodiscard]] int rowForId(qint64 id) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    BillingRulesSnapshot m_snapshot;
};

// The discount rules, as TaxRulesModel. SortRole of Discount: percentages by
// basis points before fixed amounts by minor units.
class DiscountRulesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Scope,
        Discount,
        Description,
        Priority,
        Enabled,
        EditedBy,
        EditedAt,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit DiscountRulesModel(QObject *parent = nullptr);

    void setSnapshot(const BillingRulesSnapshot &snapshot);
    [[nodiscard]] const Domain::DiscountRule &rule(int row) const
    {
        return m_snapshot.discountRules.at(row);
    }
    [[nodiscard]] int rowForId(qint64 id) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    BillingRulesSnapshot m_snapshot;
};

// The invoice policies (one per client/service scope), as TaxRulesModel.
// SortRole: Deposit in basis points, PaymentTerms in days, BookingBlock by
// threshold in minor units (never = after every threshold).
class InvoicePoliciesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Scope,
        Invoicing,
        Deposit,
        PaymentTerms,
        Cancellation,
        BookingBlock,
        EditedBy,
        EditedAt,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit InvoicePoliciesModel(QObject *parent = nullptr);

    void setSnapshot(const BillingRulesSnapshot &snapshot);
    [[nodiscard]] const Domain::InvoicePolicy &policy(int row) const
    {
        return m_snapshot.invoicePolicies.at(row);
    }
    [[nodiscard]] int rowForId(qint64 id) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    BillingRulesSnapshot m_snapshot;
};

} // namespace Concord::Ui
