#pragma once

#include "domain/appointment.h"
#include "domain/rules.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <utility>

namespace Concord::Services {

// What the tax, discount and invoicing editor shows: the bookkeeper's rules
// and the names they refer to. A value sent from the sync thread to the GUI.
struct BillingRulesData {
    QList<Domain::TaxRule> taxRules;
    QList<Domain::DiscountRule> discountRules;
    QList<Domain::InvoicePolicy> invoicePolicies;
    QList<Domain::Service> services;
    // (id, name): QuickBooks tax codes as QuickBooks lists them (empty when
    // QuickBooks is not connected), and Concord's active customers.
    QList<std::pair<QString, QString>> taxCodes;
    QList<std::pair<QString, QString>> customers;
    QString currency = QStringLiteral("USD");
};

} // namespace Concord::Services

Q_DECLARE_METATYPE(Concord::Services::BillingRulesData)
