#include "seed/tutoringseed.h"

#include "quickbooks/qboformat.h"
#include "quickbooks/quickbooksemulator.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QStringList>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Concord::Sandbox {

namespace {

QString money(qint64 cents)
{
    return u"%1.%2"_s.arg(cents / 100).arg(cents % 100, 2, 10, QChar(u'0'));
}

Error seedError(const QString &what, const QboFault &fault)
{
    return Error::make(ErrorCode::Internal, u"the tutoring seed could not create %1"_s.arg(what),
                       QString::fromUtf8(QJsonDocument(fault.toJson()).toJson(QJsonDocument::Compact)));
}

} // namespace

Result<TutoringSeedSummary> seedQuickBooksTutoring(QuickBooksEmulator &qbo, const QString &realmId, const QDate &today)
{
    return seedQuickBooksTutoring(qbo, realmId, TutoringRoster::build(today), today);
}

Result<TutoringSeedSummary> seedQuickBooksTutoring(QuickBooksEmulator &qbo, const QString &realmId,
                                                   const TutoringRoster &roster, const QDate &today)
{
    if (!qbo.hasRealm(realmId))
        return fail(ErrorCode::InvalidArgument, u"the emulator has no realm %1"_s.arg(realmId));
    TutoringSeedSummary summary;

    QStringList itemIds;
    for (const TutoringRoster::Service &service : roster.services) {
        auto item = qbo.seed(realmId, u"Item"_s,
                             QJsonObject{{u"Name"_s, service.name},
                                         {u"Type"_s, u"Service"_s},
                                         {u"UnitPrice"_s, QboFormat::amount(service.priceCents)},
                                         {u"IncomeAccountRef"_s, QJsonObject{{u"value"_s, u"1"_s}}}});
        if (!item)
            return std::unexpected(seedError(u"the item %1"_s.arg(service.name), item.error()));
        itemIds.append(item->value(u"Id"_s).toString());
    }
    summary.itemId = itemIds.value(0);
    auto term = qbo.seed(realmId, u"Term"_s,
                         QJsonObject{{u"Name"_s, u"Net 7"_s}, {u"Type"_s, u"STANDARD"_s}, {u"DueDays"_s, 7}});
    if (!term)
        return std::unexpected(seedError(u"the Net 7 term"_s, term.error()));
    summary.termId = term->value(u"Id"_s).toString();

    const QLocale english(QLocale::English, QLocale::UnitedStates);
    const QTimeZone business(roster.businessTimeZone.toUtf8());
    QHash<int, QString> customerIds; // family index → Customer Id
    for (const TutoringRoster::Family &f : roster.families) {
        if (!TutoringRoster::isKnownEverywhere(f))
            continue; // booked in Cal.com only: QuickBooks has never heard of them
        const QString display = u"%1 %2"_s.arg(f.parentGiven, f.parentFamily);
        // Two parents share a name in a 50-family roster; QuickBooks needs
        // unique DisplayNames, so the office added the student's name.
        const bool sharedName = std::any_of(roster.families.cbegin(), roster.families.cbegin() + f.index,
                                            [&](const TutoringRoster::Family &other) {
                                                return other.parentGiven == f.parentGiven
                                                    && other.parentFamily == f.parentFamily;
                                            });
        QJsonObject customer{{u"DisplayName"_s, sharedName ? display + u" (%1)"_s.arg(f.studentName) : display},
                             {u"GivenName"_s, f.parentGiven},
                             {u"FamilyName"_s, f.parentFamily},
                             {u"PrimaryEmailAddr"_s, QJsonObject{{u"Address"_s, f.parentEmail}}},
                             {u"PrimaryPhone"_s, QJsonObject{{u"FreeFormNumber"_s, f.parentPhone}}},
                             {u"Notes"_s, u"Parent of %1 (student %2)"_s.arg(f.studentName).arg(f.index + 1)}};
        auto created = qbo.seed(realmId, u"Customer"_s, customer);
        if (!created)
            return std::unexpected(seedError(u"customer %1"_s.arg(display), created.error()));
        ++summary.customers;
        customerIds.insert(f.index, created->value(u"Id"_s).toString());

        // Entered a second time at the front desk: same person, email typed
        // in capitals, phone written differently.
        if (f.quirk == TutoringRoster::Quirk::QuickBooksTwin) {
            QJsonObject twin{{u"DisplayName"_s, display + u" - front desk"_s},
                             {u"GivenName"_s, f.parentGiven},
                             {u"FamilyName"_s, f.parentFamily},
                             {u"PrimaryEmailAddr"_s, QJsonObject{{u"Address"_s, f.parentEmail.toUpper()}}},
                             {u"PrimaryPhone"_s, QJsonObject{{u"FreeFormNumber"_s, QString(f.parentPhone).remove(u'(').remove(u')').replace(u' ', u'.')}}}};
            if (auto dup = qbo.seed(realmId, u"Customer"_s, twin); !dup)
                return std::unexpected(seedError(u"a duplicate of %1"_s.arg(display), dup.error()));
            ++summary.customers;
            ++summary.duplicateRecords;
        }
    }

    // One per-session invoice for every session held (or no-show), due in 7
    // days, paid as the roster says.
    for (const TutoringRoster::Session &s : roster.sessions) {
        if (!s.invoiced)
            continue;
        const TutoringRoster::Family &f = roster.families.at(s.family);
        const TutoringRoster::Service &service = roster.services.at(f.service);
        const QDateTime heldUtc = s.state == TutoringRoster::SessionState::Rescheduled ? s.movedToUtc : s.startUtc;
        const QDate session = heldUtc.toTimeZone(business).date();
        const QString description = u"%1 – %2 – $%3"_s.arg(service.name, english.toString(session, u"MMMM d, yyyy"_s),
                                                             QString::number(service.priceCents / 100));
        const QJsonObject line{
            {u"DetailType"_s, u"SalesItemLineDetail"_s},
            {u"Amount"_s, QboFormat::amount(service.priceCents)},
            {u"Description"_s, description},
            {u"SalesItemLineDetail"_s, QJsonObject{{u"ItemRef"_s, QJsonObject{{u"value"_s, itemIds.at(f.service)}}},
                                                  {u"Qty"_s, 1},
                                                  {u"UnitPrice"_s, QboFormat::amount(service.priceCents)},
                                                  {u"ServiceDate"_s, session.toString(Qt::ISODate)},
                                                  {u"TaxCodeRef"_s, QJsonObject{{u"value"_s, u"NON"_s}}}}}};
        const QString customerId = customerIds.value(f.index);
        if (customerId.isEmpty())
            return fail(ErrorCode::InvalidArgument,
                        u"the roster invoices %1 %2, who is not in QuickBooks"_s.arg(f.parentGiven, f.parentFamily));
        auto invoice = qbo.seed(realmId, u"Invoice"_s,
                                QJsonObject{{u"CustomerRef"_s, QJsonObject{{u"value"_s, customerId}}},
                                            {u"TxnDate"_s, session.toString(Qt::ISODate)},
                                            {u"DueDate"_s, session.addDays(7).toString(Qt::ISODate)},
                                            {u"SalesTermRef"_s, QJsonObject{{u"value"_s, summary.termId}}},
                                            {u"BillEmail"_s, QJsonObject{{u"Address"_s, f.parentEmail}}},
                                            {u"PrivateNote"_s, u"Session %1"_s.arg(heldUtc.toString(Qt::ISODate))},
                                            {u"Line"_s, QJsonArray{line}}});
        if (!invoice)
            return std::unexpected(seedError(u"an invoice for %1 %2"_s.arg(f.parentGiven, f.parentFamily),
                                             invoice.error()));
        ++summary.invoices;
        const bool overdue = session.addDays(7) < today;
        if (s.paidCents > 0) {
            const QString invoiceId = invoice->value(u"Id"_s).toString();
            if (auto paid = qbo.recordPayment(realmId, customerId, s.paidCents, {{invoiceId, s.paidCents}}); !paid)
                return std::unexpected(seedError(u"a payment of %1 for %2 %3"_s.arg(money(s.paidCents), f.parentGiven,
                                                                                     f.parentFamily),
                                                 paid.error()));
        }
        if (s.paidCents >= service.priceCents) {
            ++summary.paidInvoices;
        } else {
            if (s.paidCents > 0)
                ++summary.partiallyPaidInvoices;
            if (overdue)
                ++summary.overdueInvoices;
        }
    }
    return summary;
}

} // namespace Concord::Sandbox
