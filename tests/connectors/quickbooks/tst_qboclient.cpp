// Contract tests of QuickBooksClient's operations against the QuickBooks
// emulator: every call, then the emulator's state afterwards.

#include "qboclientfixture.h"

#include "connectors/quickbooks/requestid.h"

#include <QRegularExpression>
#include <QSet>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::QuickBooks;
using Concord::Test::dec;
using Concord::Test::kRealm;
using Concord::Test::ref;
using Concord::Test::usd;

namespace {
Customer named(const QString &displayName)
{
    Customer c;
    c.displayName = displayName;
    return c;
}
} // namespace

class TestQboClient : public QObject, public Concord::Test::QboClientFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUpWorld(); }
    void cleanup() { tearDownWorld(); }

    void requestIdIsStableAndBounded();
    void companyInfoAndCommonParameters();
    void createCustomerAndReadBack();
    void findCustomers();
    void sparseUpdateAndDeactivate();
    void referenceData();
    void queryPagingAndCount();
    void invoiceLifecycle();
    void invoiceDeleteAndVoidPayment();
    void paymentsForInvoice();
    void creditMemoAndRefundReceipt();
    void batchOfThirtyWithItemFault();
    void changeDataCapture();
    void changeDataCaptureBeyondWindow();
    void writesNeedAnIdempotencyKey();
};

void TestQboClient::requestIdIsStableAndBounded()
{
    const QString a = requestIdFor(kRealm, u"outbox-17"_s, u"create/customer"_s, u"0"_s);
    QCOMPARE(a, requestIdFor(kRealm, u"outbox-17"_s, u"create/customer"_s, u"0"_s));
    QCOMPARE(a.size(), kRequestIdLength);
    QVERIFY(a.size() <= 36); // fits batch requests too
    QVERIFY(QRegularExpression(u"^[a-z2-7]+$"_s).match(a).hasMatch());
    // Every input matters.
    const QSet<QString> all{a,
                            requestIdFor(kRealm, u"outbox-17"_s, u"create/customer"_s, u"1"_s),
                            requestIdFor(kRealm, u"outbox-18"_s, u"create/customer"_s, u"0"_s),
                            requestIdFor(kRealm, u"outbox-17"_s, u"update/customer/1"_s, u"0"_s),
                            requestIdFor(u"other"_s, u"outbox-17"_s, u"create/customer"_s, u"0"_s)};
    QCOMPARE(all.size(), 5);
}

void TestQboClient::companyInfoAndCommonParameters()
{
    auto info = m_client->companyInfo();
    AWAIT_OK(info);
    QVERIFY(!info.result()->id.isEmpty());
    QVERIFY(!info.result()->companyName.isEmpty());

    auto customer = m_client->createCustomer(u"k-common"_s, named(u"Common Params"_s));
    AWAIT_OK(customer);
    const auto log = apiLog();
    QCOMPARE(log.size(), 2);
    for (const auto &entry : log)
        QVERIFY2(QUrlQuery(entry.query).queryItemValue(u"minorversion"_s) == u"75"_s, qPrintable(entry.query));
    QCOMPARE(log.at(0).method, u"GET"_s);
    QCOMPARE(log.at(0).path, u"/v3/company/%1/companyinfo/%1"_s.arg(kRealm));
    QVERIFY(log.at(0).requestId.isEmpty()); // reads carry none
    QCOMPARE(log.at(1).requestId, m_client->requestIdFor(u"k-common"_s, u"create/customer"_s, u"0"_s));
}

void TestQboClient::createCustomerAndReadBack()
{
    Customer dana;
    dana.displayName = u"Dana Whitfield"_s;
    dana.givenName = u"Dana"_s;
    dana.familyName = u"Whitfield"_s;
    dana.primaryEmail = u"dana@example.com"_s;
    dana.primaryPhone = u"(415) 444-6538"_s;
    dana.billAddr.line1 = u"12 Harbour Lane"_s;
    dana.billAddr.city = u"Sausalito"_s;
    dana.billAddr.postalCode = u"94965"_s;
    dana.notes = u"prefers evenings"_s;
    auto created = m_client->createCustomer(u"job-1"_s, dana);
    AWAIT_OK(created);
    const CustomerCreation c = *created.result();
    QVERIFY(!c.alreadyExisted);
    QVERIFY(!c.customer.id.isEmpty());
    QCOMPARE(c.customer.syncToken, u"0"_s);

    // The emulator holds exactly this customer, field for field.
    const QList<Customer> all = stored<Customer>(u"Customer");
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first(), c.customer);
    QCOMPARE(all.first().displayName, dana.displayName);
    QCOMPARE(all.first().primaryEmail, dana.primaryEmail);
    QCOMPARE(all.first().primaryPhone, dana.primaryPhone);
    QCOMPARE(all.first().billAddr.city, dana.billAddr.city);
    QCOMPARE(all.first().notes, dana.notes);

    auto read = m_client->read<Customer>(c.customer.id);
    AWAIT_OK(read);
    QCOMPARE(*read.result(), c.customer);
}

void TestQboClient::findCustomers()
{
    const QString obrien = seedCustomer(u"Siobhan O'Brien"_s, u"siobhan@example.ie"_s, u"+1 415 555 0101"_s);
    const QString other = seedCustomer(u"Ann Other"_s, u"ann@example.com"_s, u"415.555.0199"_s);
    const QString mobileOnly = m_qbo->seed(kRealm, u"Customer"_s,
                                           QJsonObject{{u"DisplayName"_s, u"Mo Bile"_s},
                                                       {u"Mobile"_s, QJsonObject{{u"FreeFormNumber"_s, u"(415) 555-0101"_s}}}})
                                   ->value(u"Id"_s).toString();
    QVERIFY(!obrien.isEmpty() && !other.isEmpty() && !mobileOnly.isEmpty());

    auto byEmail = m_client->findCustomersByEmail(u"SIOBHAN@example.ie"_s);
    AWAIT_OK(byEmail);
    QCOMPARE(byEmail.result()->size(), 1);
    QCOMPARE(byEmail.result()->first().id, obrien);

    auto byName = m_client->findCustomerByDisplayName(u"Siobhan O'Brien"_s);
    AWAIT_OK(byName);
    QVERIFY(byName.result()->has_value());
    QCOMPARE(byName.result()->value().id, obrien);
    // The apostrophe went out escaped (QBO: backslash before the quote).
    QVERIFY(apiLog().last().query.contains(u"O\\'Brien"_s) || apiLog().last().query.contains(u"O%5C%27Brien"_s));

    auto none = m_client->findCustomerByDisplayName(u"Nobody"_s);
    AWAIT_OK(none);
    QVERIFY(!none.result()->has_value());

    auto byPhone = m_client->findCustomersByPhone(u"415-555-0101"_s);
    AWAIT_OK(byPhone);
    QStringList ids;
    const QList<Customer> byPhoneFound = *byPhone.result();
    for (const Customer &c : byPhoneFound)
        ids << c.id;
    ids.sort();
    QStringList expected{obrien, mobileOnly};
    expected.sort();
    QCOMPARE(ids, expected);
}

void TestQboClient::sparseUpdateAndDeactivate()
{
    const QString id = seedCustomer(u"Lee Park"_s, u"lee@example.com"_s);
    auto updated = m_client->updateCustomer(u"job-up"_s, id, u"0"_s,
                                            QJsonObject{{u"CompanyName"_s, u"Park Tutoring"_s}, {u"Notes"_s, u"VIP"_s}});
    AWAIT_OK(updated);
    QCOMPARE(updated.result()->syncToken, u"1"_s);
    QCOMPARE(updated.result()->companyName, u"Park Tutoring"_s);
    // Sparse: the untouched fields are still there.
    const QJsonObject afterUpdate = m_qbo->entity(kRealm, u"Customer"_s, id);
    QCOMPARE(afterUpdate.value(u"PrimaryEmailAddr"_s).toObject().value(u"Address"_s).toString(), u"lee@example.com"_s);
    QCOMPARE(afterUpdate.value(u"Notes"_s).toString(), u"VIP"_s);
    QCOMPARE(*Customer::fromJson(afterUpdate), *updated.result());

    // Empty SyncToken: the client reads it first.
    auto deactivated = m_client->deactivateCustomer(u"job-deact"_s, id, QString());
    AWAIT_OK(deactivated);
    const QJsonObject after = m_qbo->entity(kRealm, u"Customer"_s, id);
    QCOMPARE(after.value(u"Active"_s).toBool(true), false);
    QVERIFY(after.value(u"DisplayName"_s).toString().startsWith(u"Lee Park"_s));
    QCOMPARE(*Customer::fromJson(after), *deactivated.result());
    QCOMPARE(deactivated.result()->active, std::optional<bool>(false));
}

void TestQboClient::referenceData()
{
    const QString itemId = seedItem(u"Tutoring hour"_s, 60);
    const QJsonObject rate = m_qbo->seedTaxRate(kRealm, u"City tax"_s, u"8.5"_s);
    const QJsonObject code = m_qbo->seedTaxCode(kRealm, u"City"_s, {rate.value(u"Id"_s).toString()});
    QVERIFY(m_qbo->seed(kRealm, u"Term"_s, QJsonObject{{u"Name"_s, u"Net 15"_s}, {u"DueDays"_s, 15}}).has_value());

    auto items = m_client->items();
    auto codes = m_client->taxCodes();
    auto rates = m_client->taxRates();
    auto terms = m_client->terms();
    AWAIT_OK(items);
    AWAIT_OK(codes);
    AWAIT_OK(rates);
    AWAIT_OK(terms);
    QCOMPARE(*items.result(), stored<Item>(u"Item"));
    QCOMPARE(*codes.result(), stored<TaxCode>(u"TaxCode"));
    QCOMPARE(*rates.result(), stored<TaxRate>(u"TaxRate"));
    QCOMPARE(*terms.result(), stored<Term>(u"Term"));
    QCOMPARE(rates.result()->first().rateValue, std::optional(dec("8.5")));
    QCOMPARE(codes.result()->first().salesTaxRates.first().taxRateRef.value, rate.value(u"Id"_s).toString());

    auto item = m_client->read<Item>(itemId);
    AWAIT_OK(item);
    QCOMPARE(item.result()->name, u"Tutoring hour"_s);
    QCOMPARE(item.result()->unitPrice, std::optional(dec("60")));
    auto taxCode = m_client->read<TaxCode>(code.value(u"Id"_s).toString());
    AWAIT_OK(taxCode);
    QCOMPARE(taxCode.result()->name, u"City"_s);

    QueryBuilder byName = QueryBuilder::select(u"Term"_s);
    byName.where(u"Name"_s, QueryOperator::Equal, u"Net 15"_s);
    auto term = m_client->query<Term>(byName);
    AWAIT_OK(term);
    QCOMPARE(term.result()->items.size(), 1);
    QCOMPARE(term.result()->items.first().dueDays, std::optional(15));
}

void TestQboClient::queryPagingAndCount()
{
    for (int i = 1; i <= 25; ++i)
        QVERIFY(!seedCustomer(u"Pupil %1"_s.arg(i, 2, 10, QLatin1Char('0'))).isEmpty());
    m_qbo->clearLog();

    auto all = m_client->queryAll<Customer>(QueryBuilder::select(u"Customer"_s).orderBy(u"DisplayName"_s), 10);
    AWAIT_OK(all);
    QCOMPARE(all.result()->size(), 25);
    QCOMPARE(all.result()->first().displayName, u"Pupil 01"_s);
    QCOMPARE(all.result()->last().displayName, u"Pupil 25"_s);
    const auto log = apiLog();
    QCOMPARE(log.size(), 3); // 10 + 10 + 5 (short page ends the walk)
    QVERIFY(log.at(0).query.contains(u"STARTPOSITION 1 "_s) || log.at(0).query.contains(u"STARTPOSITION%201"_s));
    QVERIFY(log.at(2).query.contains(u"STARTPOSITION 21"_s) || log.at(2).query.contains(u"STARTPOSITION%2021"_s));

    auto page = m_client->query<Customer>(
        QueryBuilder::select(u"Customer"_s).orderBy(u"DisplayName"_s).startPosition(11).maxResults(5));
    AWAIT_OK(page);
    QCOMPARE(page.result()->items.size(), 5);
    QCOMPARE(page.result()->startPosition, 11);
    QCOMPARE(page.result()->items.first().displayName, u"Pupil 11"_s);

    auto total = m_client->count(QueryBuilder::count(u"Customer"_s));
    AWAIT_OK(total);
    QCOMPARE(*total.result(), 25);
}

namespace {

Invoice tutoringInvoice(const QString &customerId, const QString &itemId, const QString &termId,
                        const QString &taxCodeId)
{
    Invoice invoice;
    invoice.customerRef.value = customerId;
    invoice.txnDate = QDate(2026, 3, 10);
    invoice.salesTermRef.value = termId;
    invoice.dueDate = QDate(2026, 3, 25);
    invoice.deposit = usd(2000);
    invoice.customerMemo = u"Thank you for learning with us"_s;
    invoice.privateNote = u"March block"_s;
    invoice.billEmail = u"parent@example.com"_s;
    invoice.txnTaxDetail.txnTaxCodeRef.value = taxCodeId;

    SalesLine hours;
    hours.description = u"Maths tutoring"_s;
    hours.amount = usd(18000); // 3 × 60.00
    hours.detailType = LineDetailType::SalesItem;
    hours.salesItem.itemRef.value = itemId;
    hours.salesItem.qty = dec("3");
    hours.salesItem.unitPrice = dec("60");
    hours.salesItem.serviceDate = QDate(2026, 3, 3);
    hours.salesItem.taxCodeRef.value = u"TAX"_s;

    SalesLine book;
    book.description = u"Workbook"_s;
    book.amount = usd(1550);
    book.detailType = LineDetailType::SalesItem;
    book.salesItem.itemRef.value = itemId;
    book.salesItem.qty = dec("1");
    book.salesItem.unitPrice = dec("15.50");
    book.salesItem.serviceDate = QDate(2026, 3, 5);
    book.salesItem.taxCodeRef.value = u"NON"_s;

    SalesLine discount;
    discount.detailType = LineDetailType::Discount;
    discount.discount.percentBased = true;
    discount.discount.discountPercent = dec("10");

    invoice.lines = {hours, book, discount};
    return invoice;
}

} // namespace

void TestQboClient::invoiceLifecycle()
{
    const QString customerId = seedCustomer(u"Pat Parent"_s, u"parent@example.com"_s);
    const QString itemId = seedItem(u"Tutoring hour"_s, 60);
    const QString termId = m_qbo->seed(kRealm, u"Term"_s, QJsonObject{{u"Name"_s, u"Net 15"_s}, {u"DueDays"_s, 15}})
                               ->value(u"Id"_s).toString();
    const QJsonObject rate = m_qbo->seedTaxRate(kRealm, u"City tax"_s, u"10"_s);
    const QString taxCodeId = m_qbo->seedTaxCode(kRealm, u"City"_s, {rate.value(u"Id"_s).toString()})
                                  .value(u"Id"_s).toString();

    auto created = m_client->createInvoice(u"inv-job-1"_s, tutoringInvoice(customerId, itemId, termId, taxCodeId));
    AWAIT_OK(created);
    const Invoice invoice = *created.result();
    const QList<Invoice> all = stored<Invoice>(u"Invoice");
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first(), invoice);
    // QuickBooks' arithmetic, read exactly: 180.00 + 15.50 = 195.50; −10 % =
    // 19.55 → 175.95; tax 10 % of the taxable 180.00 = 18.00 (before discount)
    // → 193.95; balance = total − deposit 20.00.
    QCOMPARE(invoice.lines.size(), 4); // the server adds a SubTotal line
    QCOMPARE(invoice.lines.at(0).salesItem.qty, std::optional(dec("3")));
    QCOMPARE(invoice.lines.at(0).salesItem.serviceDate, QDate(2026, 3, 3));
    QCOMPARE(invoice.lines.at(0).salesItem.taxCodeRef.value, u"TAX"_s);
    QCOMPARE(invoice.lines.at(1).salesItem.unitPrice, std::optional(dec("15.5")));
    QCOMPARE(invoice.dueDate, QDate(2026, 3, 25));
    QCOMPARE(invoice.salesTermRef.value, termId);
    QCOMPARE(invoice.deposit, std::optional(usd(2000)));
    QCOMPARE(invoice.customerMemo, u"Thank you for learning with us"_s);
    QVERIFY(invoice.totalAmt.has_value());
    QVERIFY(invoice.balance.has_value());
    QCOMPARE(invoice.balance->minorUnits(), invoice.totalAmt->minorUnits() - 2000);
    const QJsonObject raw = m_qbo->entity(kRealm, u"Invoice"_s, invoice.id);
    QCOMPARE(*Domain::Money::parse(QString::number(raw.value(u"TotalAmt"_s).toDouble(), 'f', 2), u"USD"_s),
             *invoice.totalAmt);

    // Read with the customer-facing link.
    auto read = m_client->readInvoice(invoice.id);
    AWAIT_OK(read);
    QVERIFY(!read.result()->invoiceLink.isEmpty());
    QCOMPARE(read.result()->id, invoice.id);
    QVERIFY(apiLog().last().query.contains(u"include=invoiceLink"_s));

    // Sparse update of the memo and due date.
    auto updated = m_client->updateInvoice(
        u"inv-job-2"_s, invoice.id, invoice.syncToken,
        QJsonObject{{u"CustomerMemo"_s, QJsonObject{{u"value"_s, u"Updated memo"_s}}}, {u"DueDate"_s, u"2026-03-31"_s}});
    AWAIT_OK(updated);
    QCOMPARE(updated.result()->customerMemo, u"Updated memo"_s);
    QCOMPARE(updated.result()->dueDate, QDate(2026, 3, 31));
    QCOMPARE(updated.result()->lines, invoice.lines); // untouched
    QCOMPARE(stored<Invoice>(u"Invoice").first(), *updated.result());

    // PDF bytes.
    auto pdf = m_client->invoicePdf(invoice.id);
    AWAIT_OK(pdf);
    QVERIFY(pdf.result()->startsWith("%PDF"));

    // Send to a given address.
    auto sent = m_client->sendInvoice(u"inv-job-3"_s, invoice.id, u"pat+billing@example.com"_s);
    AWAIT_OK(sent);
    QCOMPARE(sent.result()->emailStatus, u"EmailSent"_s);
    QCOMPARE(sent.result()->billEmail, u"pat+billing@example.com"_s);
    QCOMPARE(sent.result()->deliveryType, u"Email"_s);
    QCOMPARE(stored<Invoice>(u"Invoice").first(), *sent.result());
    QCOMPARE(QUrlQuery(apiLog().last().query).queryItemValue(u"sendTo"_s, QUrl::FullyDecoded),
             u"pat+billing@example.com"_s);

    // Void: record kept, amounts zero.
    auto voided = m_client->voidInvoice(u"inv-job-4"_s, invoice.id, sent.result()->syncToken);
    AWAIT_OK(voided);
    QVERIFY(voided.result()->totalAmt->isZero());
    QVERIFY(voided.result()->privateNote.startsWith(u"Voided"_s));
    QCOMPARE(stored<Invoice>(u"Invoice").size(), 1);
    QCOMPARE(stored<Invoice>(u"Invoice").first(), *voided.result());
}

void TestQboClient::invoiceDeleteAndVoidPayment()
{
    const QString customerId = seedCustomer(u"Del Ete"_s);
    const QString itemId = seedItem(u"Lesson"_s, 40);
    Invoice invoice;
    invoice.customerRef.value = customerId;
    SalesLine line;
    line.amount = usd(4000);
    line.salesItem.itemRef.value = itemId;
    invoice.lines = {line};

    auto keep = m_client->createInvoice(u"del-1"_s, invoice);
    auto drop = m_client->createInvoice(u"del-2"_s, invoice);
    AWAIT_OK(keep);
    AWAIT_OK(drop);
    QCOMPARE(stored<Invoice>(u"Invoice").size(), 2);

    auto deleted = m_client->deleteInvoice(u"del-3"_s, drop.result()->id, drop.result()->syncToken);
    AWAIT(deleted);
    QVERIFY_OK(deleted.result());
    const QList<Invoice> left = stored<Invoice>(u"Invoice");
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.first(), *keep.result());

    // A payment voided through the client.
    const auto payment = m_qbo->recordPayment(kRealm, customerId, 4000, {{keep.result()->id, 4000}});
    QVERIFY(payment.has_value());
    const QString paymentId = payment->value(u"Id"_s).toString();
    auto voided = m_client->voidPayment(u"del-4"_s, paymentId, payment->value(u"SyncToken"_s).toString());
    AWAIT_OK(voided);
    QVERIFY(voided.result()->totalAmt->isZero());
    QCOMPARE(*Payment::fromJson(m_qbo->entity(kRealm, u"Payment"_s, paymentId)), *voided.result());
}

void TestQboClient::paymentsForInvoice()
{
    const QString customerId = seedCustomer(u"Part Payer"_s);
    const QString itemId = seedItem(u"Lesson"_s, 50);
    Invoice invoice;
    invoice.customerRef.value = customerId;
    SalesLine line;
    line.amount = usd(10000);
    line.salesItem.itemRef.value = itemId;
    line.salesItem.qty = dec("2");
    line.salesItem.unitPrice = dec("50");
    invoice.lines = {line};
    auto created = m_client->createInvoice(u"pay-1"_s, invoice);
    AWAIT_OK(created);
    const QString invoiceId = created.result()->id;

    auto none = m_client->paymentsForInvoice(invoiceId);
    AWAIT_OK(none);
    QVERIFY(none.result()->isEmpty());

    // Two partial payments; the second also pays something else (unapplied).
    QVERIFY(m_qbo->recordPayment(kRealm, customerId, 3000, {{invoiceId, 3000}}).has_value());
    QVERIFY(m_qbo->recordPayment(kRealm, customerId, 5000, {{invoiceId, 4550}}).has_value());

    auto payments = m_client->paymentsForInvoice(invoiceId);
    AWAIT_OK(payments);
    const QList<Payment> list = *payments.result();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list, stored<Payment>(u"Payment"));
    QCOMPARE(QuickBooksClient::amountAppliedTo(list.at(0), invoiceId), std::optional(usd(3000)));
    QCOMPARE(QuickBooksClient::amountAppliedTo(list.at(1), invoiceId), std::optional(usd(4550)));
    QCOMPARE(list.at(1).totalAmt, std::optional(usd(5000)));
    QCOMPARE(list.at(1).unappliedAmt, std::optional(usd(450)));

    auto read = m_client->readInvoice(invoiceId, false);
    AWAIT_OK(read);
    QCOMPARE(read.result()->balance, std::optional(usd(10000 - 3000 - 4550)));

    auto one = m_client->read<Payment>(list.at(0).id);
    AWAIT_OK(one);
    QCOMPARE(*one.result(), list.at(0));
}

void TestQboClient::creditMemoAndRefundReceipt()
{
    const QString customerId = seedCustomer(u"Re Fund"_s);
    const QString itemId = seedItem(u"Lesson"_s, 50);
    SalesLine line;
    line.description = u"Cancelled lesson"_s;
    line.amount = usd(5000);
    line.salesItem.itemRef.value = itemId;

    CreditMemo memo;
    memo.customerRef.value = customerId;
    memo.lines = {line};
    auto credit = m_client->create<CreditMemo>(u"cm-1"_s, memo);
    AWAIT_OK(credit);
    QCOMPARE(credit.result()->remainingCredit, std::optional(usd(5000)));
    QCOMPARE(stored<CreditMemo>(u"CreditMemo"), QList<CreditMemo>{*credit.result()});
    auto creditRead = m_client->read<CreditMemo>(credit.result()->id);
    AWAIT_OK(creditRead);
    QCOMPARE(*creditRead.result(), *credit.result());

    RefundReceipt refund;
    refund.customerRef.value = customerId;
    refund.lines = {line};
    refund.depositToAccountRef.value = u"35"_s;
    refund.paymentType = u"Cash"_s;
    auto refunded = m_client->create<RefundReceipt>(u"rr-1"_s, refund);
    AWAIT_OK(refunded);
    QCOMPARE(refunded.result()->totalAmt, std::optional(usd(5000)));
    QCOMPARE(stored<RefundReceipt>(u"RefundReceipt"), QList<RefundReceipt>{*refunded.result()});
    auto refundRead = m_client->read<RefundReceipt>(refunded.result()->id);
    AWAIT_OK(refundRead);
    QCOMPARE(*refundRead.result(), *refunded.result());
}

void TestQboClient::batchOfThirtyWithItemFault()
{
    seedCustomer(u"Taken Name"_s);
    BatchRequest batch;
    for (int i = 1; i <= 29; ++i) {
        QVERIFY_OK(batch.add(u"c%1"_s.arg(i), BatchOperation::Create, u"Customer"_s,
                             named(u"Batch Pupil %1"_s.arg(i)).toJson()));
    }
    QVERIFY_OK(batch.add(u"dup"_s, BatchOperation::Create, u"Customer"_s, named(u"Taken Name"_s).toJson()));
    QVERIFY(batch.isFull());
    QCOMPARE(batch.size(), 30);

    QList<qint64> batchDispatches;
    connect(m_limiter.get(), &Connectors::RateLimiter::dispatched, this,
            [&](const QString &, const QString &rateClass, qint64 at) {
                if (rateClass == u"batch"_s)
                    batchDispatches << at;
            });
    auto response = m_client->batch(u"batch-job-1"_s, batch);
    AWAIT_OK(response);
    QCOMPARE(batchDispatches.size(), 1); // counted in the "batch" budget
    QCOMPARE(response.result()->items.size(), 30);
    const BatchItemResponse *dup = response.result()->item(u"dup"_s);
    QVERIFY(dup);
    QVERIFY(dup->isError());
    QCOMPARE(dup->error->code, ErrorCode::DuplicateName);
    QCOMPARE(dup->error->remoteCode, u"6240"_s);

    // The emulator holds the seeded customer and exactly the 29 created.
    QMap<QString, Customer> byName;
    for (const Customer &c : stored<Customer>(u"Customer"))
        byName.insert(c.displayName, c);
    QCOMPARE(byName.size(), 30);
    for (int i = 1; i <= 29; ++i) {
        const BatchItemResponse *item = response.result()->item(u"c%1"_s.arg(i));
        QVERIFY(item && !item->isError());
        const auto customer = entityFromJson<Customer>(item->entity);
        QVERIFY_OK(customer);
        QCOMPARE(byName.value(u"Batch Pupil %1"_s.arg(i)), *customer);
    }
    const auto log = apiLog();
    QCOMPARE(log.last().requestId, m_client->requestIdFor(u"batch-job-1"_s, u"batch"_s));
    QVERIFY(log.last().requestId.size() <= 36);

    // Same key again (a retry after a restart): replayed, nothing new.
    auto again = m_client->batch(u"batch-job-1"_s, batch);
    AWAIT_OK(again);
    QCOMPARE(stored<Customer>(u"Customer").size(), 30);

    // Query-only batches carry no requestid.
    BatchRequest queries;
    QVERIFY_OK(queries.addQuery(u"q1"_s, u"SELECT COUNT(*) FROM Customer"_s));
    auto counted = m_client->batch(QString(), queries);
    AWAIT_OK(counted);
    QVERIFY(apiLog().last().requestId.isEmpty());
    QCOMPARE(counted.result()->item(u"q1"_s)->query->totalCount, std::optional(30));
}

void TestQboClient::changeDataCapture()
{
    const QString itemId = seedItem(u"Lesson"_s, 50);
    m_clock->advanceSecs(3600);
    const QDateTime since = m_clock->nowUtc();
    m_clock->advanceSecs(60);

    auto customer = m_client->createCustomer(u"cdc-1"_s, named(u"Cdc Person"_s));
    AWAIT_OK(customer);
    const QString customerId = customer.result()->customer.id;
    Invoice invoice;
    invoice.customerRef.value = customerId;
    SalesLine line;
    line.amount = usd(5000);
    line.salesItem.itemRef.value = itemId;
    invoice.lines = {line};
    auto kept = m_client->createInvoice(u"cdc-2"_s, invoice);
    auto gone = m_client->createInvoice(u"cdc-3"_s, invoice);
    AWAIT_OK(kept);
    AWAIT_OK(gone);
    QVERIFY(m_qbo->recordPayment(kRealm, customerId, 1000, {{kept.result()->id, 1000}}).has_value());
    CreditMemo memo;
    memo.customerRef.value = customerId;
    memo.lines = {line};
    auto credit = m_client->create<CreditMemo>(u"cdc-4"_s, memo);
    AWAIT_OK(credit);
    RefundReceipt refund;
    refund.customerRef.value = customerId;
    refund.lines = {line};
    refund.depositToAccountRef.value = u"35"_s;
    auto refunded = m_client->create<RefundReceipt>(u"cdc-5"_s, refund);
    AWAIT_OK(refunded);
    auto deleted = m_client->deleteInvoice(u"cdc-6"_s, gone.result()->id, gone.result()->syncToken);
    AWAIT(deleted);
    QVERIFY_OK(deleted.result());
    m_clock->advanceSecs(60);

    auto cdc = m_client->changesSince({u"Customer"_s, u"Invoice"_s, u"Payment"_s, u"CreditMemo"_s, u"RefundReceipt"_s},
                                      since);
    AWAIT_OK(cdc);
    const CdcResult result = *cdc.result();
    QVERIFY(!result.fullComparisonNeeded);
    QVERIFY(!result.mayBeTruncated);
    QVERIFY(result.changes.time.isValid());

    const auto customers = result.changes.changedAs<Customer>();
    QVERIFY_OK(customers);
    QCOMPARE(*customers, stored<Customer>(u"Customer"));
    const auto invoices = result.changes.changedAs<Invoice>();
    QVERIFY_OK(invoices);
    QCOMPARE(*invoices, stored<Invoice>(u"Invoice")); // the kept one, with its payment applied
    const auto payments = result.changes.changedAs<Payment>();
    QVERIFY_OK(payments);
    QCOMPARE(*payments, stored<Payment>(u"Payment"));
    const auto credits = result.changes.changedAs<CreditMemo>();
    QVERIFY_OK(credits);
    QCOMPARE(*credits, stored<CreditMemo>(u"CreditMemo"));
    const auto refunds = result.changes.changedAs<RefundReceipt>();
    QVERIFY_OK(refunds);
    QCOMPARE(*refunds, stored<RefundReceipt>(u"RefundReceipt"));
    QCOMPARE(result.changes.deleted.size(), 1);
    QCOMPARE(result.changes.deleted.first().entityName, u"Invoice"_s);
    QCOMPARE(result.changes.deleted.first().id, gone.result()->id);

    // Seed data from before `since` is not reported.
    QCOMPARE(result.changes.changed.value(u"Item"_s).size(), 0);
}

void TestQboClient::changeDataCaptureBeyondWindow()
{
    m_clock->advanceSecs(40LL * 86400);
    m_qbo->clearLog();
    // By our clock: no request at all.
    auto old = m_client->changesSince({u"Customer"_s}, m_clock->nowUtc().addDays(-31));
    AWAIT_OK(old);
    QVERIFY(old.result()->fullComparisonNeeded);
    QVERIFY(old.result()->changes.changed.isEmpty());
    QVERIFY(apiLog().isEmpty());

    // Our clock lags QBO's by two days: QBO refuses (4001), same signal.
    ManualClock lagging(m_clock->nowUtc().addDays(-2));
    auto client = makeClient(clientSettings(), &lagging);
    auto refused = client->changesSince({u"Customer"_s}, m_clock->nowUtc().addDays(-31));
    AWAIT_OK(refused);
    QVERIFY(refused.result()->fullComparisonNeeded);
    QCOMPARE(apiLog().size(), 1);
    QCOMPARE(apiLog().first().status, 400);

    // Within the window: an ordinary answer.
    auto recent = m_client->changesSince({u"Customer"_s}, m_clock->nowUtc().addDays(-29));
    AWAIT_OK(recent);
    QVERIFY(!recent.result()->fullComparisonNeeded);
}

void TestQboClient::writesNeedAnIdempotencyKey()
{
    auto create = m_client->createCustomer(QString(), named(u"No Key"_s));
    AWAIT(create);
    QVERIFY(!create.result().has_value());
    QCOMPARE(create.result().error().code, ErrorCode::InvalidArgument);
    auto update = m_client->updateCustomer(QString(), u"1"_s, u"0"_s, QJsonObject{{u"Notes"_s, u"x"_s}});
    AWAIT(update);
    QCOMPARE(update.result().error().code, ErrorCode::InvalidArgument);
    auto cdc = m_client->changesSince({u"TaxRate"_s}, m_clock->nowUtc());
    AWAIT(cdc);
    QCOMPARE(cdc.result().error().code, ErrorCode::InvalidArgument);
    QVERIFY(apiLog().isEmpty());
    QVERIFY(stored<Customer>(u"Customer").isEmpty());
}

QTEST_GUILESS_MAIN(TestQboClient)
#include "tst_qboclient.moc"
