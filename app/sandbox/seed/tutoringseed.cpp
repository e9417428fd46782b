#include "seed/tutoringseed.h"

#include "quickbooks/quickbooksemulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Concord::Sandbox {

namespace {

// Fixed name lists: deterministic and plausible, no random generator.
const QStringList kGiven = {u"Dana"_s,   u"Marcus"_s, u"Priya"_s,  u"Elena"_s,  u"Tom"_s,    u"Aisha"_s, u"Kenji"_s,
                            u"Grace"_s,  u"Luis"_s,   u"Nora"_s,   u"Owen"_s,   u"Fatima"_s, u"Ben"_s,   u"Chloe"_s,
                            u"Diego"_s,  u"Hannah"_s, u"Ivan"_s,   u"Julia"_s,  u"Kwame"_s,  u"Lena"_s,  u"Mateo"_s,
                            u"Olivia"_s, u"Rahul"_s,  u"Sofia"_s,  u"Tariq"_s};
const QStringList kFamily = {u"Whitfield"_s, u"O'Brien"_s, u"Nakamura"_s, u"Garcia"_s,   u"Okafor"_s,
                             u"Novak"_s,     u"Chen"_s,    u"Haddad"_s,   u"Lindqvist"_s, u"Moreau"_s};
const QStringList kStudents = {u"Ava"_s, u"Leo"_s,  u"Mia"_s, u"Noah"_s, u"Zoe"_s,
                               u"Eli"_s, u"Ivy"_s, u"Max"_s, u"Ruby"_s, u"Sam"_s};

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
    if (!qbo.hasRealm(realmId))
        return fail(ErrorCode::InvalidArgument, u"the emulator has no realm %1"_s.arg(realmId));
    TutoringSeedSummary summary;

    auto item = qbo.seed(realmId, u"Item"_s,
                         QJsonObject{{u"Name"_s, u"1-Hour Math Tutoring"_s},
                                     {u"Type"_s, u"Service"_s},
                                     {u"UnitPrice"_s, 65},
                                     {u"IncomeAccountRef"_s, QJsonObject{{u"value"_s, u"1"_s}}}});
    if (!item)
        return std::unexpected(seedError(u"the tutoring item"_s, item.error()));
    summary.itemId = item->value(u"Id"_s).toString();
    auto term = qbo.seed(realmId, u"Term"_s,
                         QJsonObject{{u"Name"_s, u"Net 7"_s}, {u"Type"_s, u"STANDARD"_s}, {u"DueDays"_s, 7}});
    if (!term)
        return std::unexpected(seedError(u"the Net 7 term"_s, term.error()));
    summary.termId = term->value(u"Id"_s).toString();

    const QLocale english(QLocale::English, QLocale::UnitedStates);
    for (int i = 0; i < 50; ++i) {
        const QString given = kGiven.at(i % kGiven.size());
        const QString family = kFamily.at((i * 7 + i / kGiven.size()) % kFamily.size());
        const QString student = kStudents.at(i % kStudents.size());
        const QString display = u"%1 %2"_s.arg(given, family);
        const QString email = u"%1.%2%3@example.com"_s.arg(given.toLower(), QString(family).remove(u'\'').toLower())
                                  .arg(i);
        const QString phone = u"(555) %1-%2"_s.arg(200 + i, 3, 10, QChar(u'0')).arg(1000 + i * 37, 4, 10, QChar(u'0'));
        QJsonObject customer{{u"DisplayName"_s, i < kGiven.size() * 2 ? display : display + u" (%1)"_s.arg(student)},
                             {u"GivenName"_s, given},
                             {u"FamilyName"_s, family},
                             {u"PrimaryEmailAddr"_s, QJsonObject{{u"Address"_s, email}}},
                             {u"PrimaryPhone"_s, QJsonObject{{u"FreeFormNumber"_s, phone}}},
                             {u"Notes"_s, u"Parent of %1 (student %2)"_s.arg(student).arg(i + 1)}};
        auto created = qbo.seed(realmId, u"Customer"_s, customer);
        if (!created)
            return std::unexpected(seedError(u"customer %1"_s.arg(display), created.error()));
        ++summary.customers;
        const QString customerId = created->value(u"Id"_s).toString();

        // Every seventh parent was entered a second time at the front desk:
        // same person, email typed in capitals, phone written differently.
        if (i % 7 == 3) {
            QJsonObject twin{{u"DisplayName"_s, display + u" - front desk"_s},
                             {u"GivenName"_s, given},
                             {u"FamilyName"_s, family},
                             {u"PrimaryEmailAddr"_s, QJsonObject{{u"Address"_s, email.toUpper()}}},
                             {u"PrimaryPhone"_s, QJsonObject{{u"FreeFormNumber"_s, QString(phone).remove(u'(').remove(u')').replace(u' ', u'.')}}}};
            if (auto dup = qbo.seed(realmId, u"Customer"_s, twin); !dup)
                return std::unexpected(seedError(u"a duplicate of %1"_s.arg(display), dup.error()));
            ++summary.customers;
            ++summary.duplicateRecords;
        }

        // Four weekly sessions, one per-session invoice each, due in 7 days.
        for (int week = 4; week >= 1; --week) {
            const QDate session = today.addDays(-7 * week - (i % 5));
            const QString description =
                u"1-Hour Math Tutoring – %1 – $65"_s.arg(english.toString(session, u"MMMM d, yyyy"_s));
            const QJsonObject line{
                {u"DetailType"_s, u"SalesItemLineDetail"_s},
                {u"Amount"_s, 65},
                {u"Description"_s, description},
                {u"SalesItemLineDetail"_s, QJsonObject{{u"ItemRef"_s, QJsonObject{{u"value"_s, summary.itemId}}},
                                                      {u"Qty"_s, 1},
                                                      {u"UnitPrice"_s, 65},
                                                      {u"ServiceDate"_s, session.toString(Qt::ISODate)},
                                                      {u"TaxCodeRef"_s, QJsonObject{{u"value"_s, u"NON"_s}}}}}};
            auto invoice = qbo.seed(realmId, u"Invoice"_s,
                                    QJsonObject{{u"CustomerRef"_s, QJsonObject{{u"value"_s, customerId}}},
                                                {u"TxnDate"_s, session.toString(Qt::ISODate)},
                                                {u"DueDate"_s, session.addDays(7).toString(Qt::ISODate)},
                                                {u"SalesTermRef"_s, QJsonObject{{u"value"_s, summary.termId}}},
                                                {u"BillEmail"_s, QJsonObject{{u"Address"_s, email}}},
                                                {u"Line"_s, QJsonArray{line}}});
            if (!invoice)
                return std::unexpected(seedError(u"an invoice for %1"_s.arg(display), invoice.error()));
            ++summary.invoices;
            const QString invoiceId = invoice->value(u"Id"_s).toString();
            const bool overdue = session.addDays(7) < today;
            // Most parents pay; every ninth leaves the older sessions unpaid,
            // every eleventh pays part of one.
            if (i % 9 == 4 && week >= 2) {
                if (overdue)
                    ++summary.overdueInvoices;
                continue;
            }
            const qint64 cents = (i % 11 == 6 && week == 2) ? 4000 : 6500;
            if (week == 1 && i % 3 == 0) {
                if (overdue)
                    ++summary.overdueInvoices;
                continue; // the newest session is not paid yet
            }
            if (auto paid = qbo.recordPayment(realmId, customerId, cents, {{invoiceId, cents}}); !paid)
                return std::unexpected(seedError(u"a payment of %1 for %2"_s.arg(money(cents), display), paid.error()));
            if (cents == 6500) {
                ++summary.paidInvoices;
            } else {
                ++summary.partiallyPaidInvoices;
                if (overdue)
                    ++summary.overdueInvoices;
            }
        }
    }
    return summary;
}

} // namespace Concord::Sandbox
