// BillingRepository (core/store/billingrepository.h): invoices with lines,
// payments with applications, credits, balances — amounts exact to the minor
// unit, saves atomic.

#include "storetestsupport.h"

#include "common/clock.h"
#include "domain/appointment.h"
#include "domain/billing.h"
#include "domain/customer.h"
#include "domain/money.h"
#include "store/appointmentrepository.h"
#include "store/billingrepository.h"
#include "store/customerrepository.h"
#include "store/database.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::Store;
using namespace Concord::StoreTest;

namespace {

Money parsed(const QString &text, const QString &currency)
{
    auto m = Money::parse(text, currency);
    Q_ASSERT(m.has_value()); // test inputs only
    return *m;
}

InvoiceLine line(qint64 appointmentId, const QString &item, const QString &description, qint64 quantityMilli,
                 const Money &rate, const Money &amount, const QDate &serviceDate, const QString &taxCode)
{
    InvoiceLine l;
    l.appointmentId = appointmentId;
    l.itemId = item;
    l.description = description;
    l.quantityMilli = quantityMilli;
    l.rate = rate;
    l.amount = amount;
    l.serviceDate = serviceDate;
    l.taxCode = taxCode;
    return l;
}

// An open invoice with every field set, in USD unless told.
Invoice makeInvoice(const QString &customerId, const QString &quickbooksId, qint64 balanceMinor,
                    const QString &currency = u"USD"_s)
{
    Invoice i;
    i.customerId = customerId;
    i.quickbooksId = quickbooksId;
    i.docNumber = u"INV-"_s + (quickbooksId.isEmpty() ? u"local"_s : quickbooksId);
    i.txnDate = QDate(2025, 3, 1);
    i.dueDate = QDate(2025, 3, 8);
    i.total = money(balanceMinor, currency);
    i.balance = money(balanceMinor, currency);
    i.tax = money(0, currency);
    i.discount = money(0, currency);
    i.deposit = money(0, currency);
    i.status = MoneyStatus::Invoiced;
    i.syncToken = u"0"_s;
    i.invoiceLink = u"https://qbo.example/i/"_s + quickbooksId;
    i.remoteUpdatedAt = utc(u"2025-03-01T08:00:00.000Z"_s);
    i.lines = {line(0, u"7"_s, u"Session"_s, 1000, money(balanceMinor, currency), money(balanceMinor, currency),
                    QDate(2025, 3, 1), u"NON"_s)};
    return i;
}

Payment makePayment(const QString &customerId, const QString &quickbooksId, qint64 amountMinor)
{
    Payment p;
    p.customerId = customerId;
    p.quickbooksId = quickbooksId;
    p.txnDate = QDate(2025, 3, 5);
    p.amount = money(amountMinor);
    p.unapplied = money(0);
    p.syncToken = u"0"_s;
    p.remoteUpdatedAt = utc(u"2025-03-05T12:00:00.000Z"_s);
    return p;
}

Credit makeCredit(CreditKind kind, const QString &customerId, const QString &quickbooksId, qint64 invoiceId,
                  qint64 amountMinor)
{
    Credit c;
    c.kind = kind;
    c.customerId = customerId;
    c.quickbooksId = quickbooksId;
    c.invoiceId = invoiceId;
    c.txnDate = QDate(2025, 3, 9);
    c.amount = money(amountMinor);
    c.remoteUpdatedAt = utc(u"2025-03-09T10:00:00.000Z"_s);
    return c;
}

// What saveInvoice() stores for `input`: ids, numbering and timestamps filled in.
Invoice asStored(Invoice input, qint64 id, const Invoice &read, const QDateTime &createdAt, const QDateTime &updatedAt)
{
    input.id = id;
    input.createdAt = createdAt;
    input.updatedAt = updatedAt;
    for (qsizetype i = 0; i < input.lines.size(); ++i) {
        input.lines[i].id = i < read.lines.size() ? read.lines.at(i).id : -1;
        input.lines[i].invoiceId = id;
        if (input.lines[i].lineNumber == 0)
            input.lines[i].lineNumber = int(i + 1);
    }
    return input;
}

} // namespace

class TestBillingRepository : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { quietStoreLog(); }
    void init();
    void cleanup();

    void invoiceRoundTripIsExact_data();
    void invoiceRoundTripIsExact();
    void invoiceWithOnlyRequiredFields();
    void resaveByQuickBooksIdReplacesLines();
    void resaveByRowIdAssignsQuickBooksId();
    void explicitLineNumbersAreKept();
    void mixedCurrencyIsRefused_data();
    void mixedCurrencyIsRefused();
    void saveInvoiceRefusals_data();
    void saveInvoiceRefusals();
    void invoiceLookups();

    void paymentWithApplicationsRoundTrip();
    void paymentResaveReplacesApplications();
    void paymentWithOnlyRequiredFields();
    void savePaymentRefusals_data();
    void savePaymentRefusals();

    void creditsUpsertByKindAndQuickBooksId();
    void saveCreditRefusals_data();
    void saveCreditRefusals();

    void balances_data();
    void balances();
    void reassignCustomerMovesAllBillingRecords();

private:
    Invoice savedInvoice(const Invoice &input); // saves, then reads back (fails the test on error)

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<BillingRepository> m_repo;
    QString m_a; // customers, ids ascending
    QString m_b;
    QString m_c;
    qint64 m_appointment = 0;
    qint64 m_otherAppointment = 0;
};

void TestBillingRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto db = openMigrated(*m_dir);
    STORE_VERIFY_OK(db);
    m_db = std::move(*db);
    m_clock = std::make_unique<ManualClock>(fixedStart());
    m_repo = std::make_unique<BillingRepository>(*m_db, *m_clock);

    CustomerRepository customers(*m_db, *m_clock);
    QStringList ids;
    for (const QString &name : {u"Avery"_s, u"Blake"_s, u"Casey"_s}) {
        Customer c;
        c.id = u"cus_%1"_s.arg(ids.size() + 1, 32, 10, QLatin1Char('0'));
        c.displayName = name;
        auto stored = customers.create(c);
        STORE_VERIFY_OK(stored);
        ids << stored->id;
    }
    m_a = ids.at(0);
    m_b = ids.at(1);
    m_c = ids.at(2);

    AppointmentRepository appointments(*m_db, *m_clock);
    for (qint64 *id : {&m_appointment, &m_otherAppointment}) {
        Appointment a;
        a.customerId = m_a;
        auto start = ZonedInstant::fromUtc(utc(u"2025-03-01T15:00:00.000Z"_s), u"America/New_York"_s);
        STORE_VERIFY_OK(start);
        a.start = *start;
        a.durationMinutes = 90;
        auto inserted = appointments.insert(a);
        STORE_VERIFY_OK(inserted);
        *id = *inserted;
    }
}

void TestBillingRepository::cleanup()
{
    m_repo.reset();
    m_db.reset();
    m_clock.reset();
    m_dir.reset();
}

Invoice TestBillingRepository::savedInvoice(const Invoice &input)
{
    auto id = m_repo->saveInvoice(input);
    if (!id) {
        QTest::qFail(outcome(id).constData(), __FILE__, __LINE__);
        return {};
    }
    auto read = m_repo->invoice(*id);
    if (!read) {
        QTest::qFail(outcome(read).constData(), __FILE__, __LINE__);
        return {};
    }
    return *read;
}

// ---------------------------------------------------------------------------
// Invoices

void TestBillingRepository::invoiceRoundTripIsExact_data()
{
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("rate");      // per hour
    QTest::addColumn<QString>("amount");    // 1.5 hours, as QuickBooks computed it
    QTest::addColumn<QString>("fee");
    QTest::addColumn<QString>("discount");  // a negative line
    QTest::addColumn<QString>("tax");
    QTest::addColumn<QString>("total");
    QTest::addColumn<QString>("deposit");
    QTest::addColumn<QString>("balance");

    QTest::newRow("USD, cents") << u"USD"_s << u"85.00"_s << u"127.50"_s << u"15.00"_s << u"-10.01"_s << u"9.87"_s
                                << u"142.36"_s << u"40.00"_s << u"102.36"_s;
    QTest::newRow("JPY, no minor unit") << u"JPY"_s << u"8500"_s << u"12750"_s << u"1500"_s << u"-1001"_s << u"987"_s
                                        << u"14236"_s << u"4000"_s << u"10236"_s;
    QTest::newRow("BHD, three decimals") << u"BHD"_s << u"85.125"_s << u"127.688"_s << u"15.001"_s << u"-10.010"_s
                                         << u"9.999"_s << u"142.678"_s << u"40.000"_s << u"102.678"_s;
    QTest::newRow("USD, beyond 32 bits") << u"USD"_s << u"30000000.00"_s << u"45000000.00"_s << u"0.01"_s
                                         << u"-0.02"_s << u"0.00"_s << u"44999999.99"_s << u"0.00"_s
                                         << u"44999999.99"_s;
}

void TestBillingRepository::invoiceRoundTripIsExact()
{
    QFETCH(QString, currency);
    QFETCH(QString, rate);
    QFETCH(QString, amount);
    QFETCH(QString, fee);
    QFETCH(QString, discount);
    QFETCH(QString, tax);
    QFETCH(QString, total);
    QFETCH(QString, deposit);
    QFETCH(QString, balance);

    Invoice input;
    input.customerId = m_a;
    input.quickbooksId = u"130"_s;
    input.docNumber = u"1042"_s;
    input.txnDate = QDate(2025, 3, 1);
    input.dueDate = QDate(2025, 3, 31);
    input.total = parsed(total, currency);
    input.balance = parsed(balance, currency);
    input.tax = parsed(tax, currency);
    input.discount = parsed(discount, currency).negated();
    input.deposit = parsed(deposit, currency);
    input.status = MoneyStatus::DepositPaid;
    input.syncToken = u"3"_s;
    input.invoiceLink = u"https://qbo.example/i/130"_s;
    input.remoteUpdatedAt = utc(u"2025-03-01T08:15:30.250Z"_s);
    input.lines = {
        line(m_appointment, u"7"_s, u"Therapy, 1.5 h"_s, 1500, parsed(rate, currency), parsed(amount, currency),
             QDate(2025, 3, 1), u"TAX"_s),
        line(0, u"9"_s, u"Late cancellation fee"_s, 1000, parsed(fee, currency), parsed(fee, currency), QDate(),
             u"NON"_s),
        line(0, QString(), u"Loyalty discount"_s, 1000, parsed(discount, currency), parsed(discount, currency),
             QDate(), QString()),
    };
    auto id = m_repo->saveInvoice(input);
    STORE_VERIFY_OK(id);
    auto read = m_repo->invoice(*id);
    STORE_VERIFY_OK(read);

    const Invoice expected = asStored(input, *id, *read, fixedStart(), fixedStart());
    QCOMPARE(dump(*read), dump(expected));
    // Money compares exactly, not just as text.
    QVERIFY(read->total == input.total);
    QVERIFY(read->balance == input.balance);
    QVERIFY(read->lines.at(0).amount == parsed(amount, currency));
    QVERIFY(read->lines.at(2).amount.isNegative());
    QCOMPARE(read->total.toDecimalString(), total);
}

void TestBillingRepository::invoiceWithOnlyRequiredFields()
{
    Invoice input;
    input.customerId = m_a;
    input.total = money(5000);
    InvoiceLine l;
    l.amount = money(5000);
    input.lines = {l};
    auto id = m_repo->saveInvoice(input);
    STORE_VERIFY_OK(id);
    auto read = m_repo->invoice(*id);
    STORE_VERIFY_OK(read);

    // Unset amounts come back as zero in the invoice's currency.
    Invoice expected = asStored(input, *id, *read, fixedStart(), fixedStart());
    expected.balance = money(0);
    expected.tax = money(0);
    expected.discount = money(0);
    expected.deposit = money(0);
    expected.lines[0].rate = money(0);
    QCOMPARE(dump(*read), dump(expected));
}

void TestBillingRepository::resaveByQuickBooksIdReplacesLines()
{
    Invoice first = makeInvoice(m_a, u"130"_s, 30000);
    first.lines = {line(m_appointment, u"7"_s, u"Session 1"_s, 1000, money(10000), money(10000), QDate(2025, 3, 1), u"NON"_s),
                   line(m_otherAppointment, u"7"_s, u"Session 2"_s, 1000, money(10000), money(10000), QDate(2025, 3, 2), u"NON"_s),
                   line(0, u"9"_s, u"Fee"_s, 1000, money(10000), money(10000), QDate(), u"NON"_s)};
    const Invoice stored = savedInvoice(first);

    m_clock->advanceSecs(7200);
    Invoice update = makeInvoice(m_a, u"130"_s, 20000); // id 0: found by QuickBooks id
    update.balance = money(5000);
    update.status = MoneyStatus::PartiallyPaid;
    update.syncToken = u"1"_s;
    update.lines = {line(m_otherAppointment, u"7"_s, u"Session 2 (corrected)"_s, 2000, money(5000), money(10000), QDate(2025, 3, 2), u"TAX"_s),
                    line(0, u"9"_s, u"Fee"_s, 1000, money(10000), money(10000), QDate(), u"NON"_s)};
    auto id = m_repo->saveInvoice(update);
    STORE_VERIFY_OK(id);
    QCOMPARE(*id, stored.id);

    auto read = m_repo->invoice(*id);
    STORE_VERIFY_OK(read);
    const Invoice expected = asStored(update, stored.id, *read, stored.createdAt, fixedStart().addSecs(7200));
    QCOMPARE(dump(*read), dump(expected));
    QCOMPARE(rowCount(*m_db, u"invoice_lines"_s), qint64(2));
    auto count = m_repo->invoiceCount();
    STORE_VERIFY_OK(count);
    QCOMPARE(*count, qint64(1));
    // The first appointment is on no invoice any more.
    auto none = m_repo->invoiceForAppointment(m_appointment);
    STORE_VERIFY_ERROR(none, ErrorCode::NotFound);
}

void TestBillingRepository::resaveByRowIdAssignsQuickBooksId()
{
    const Invoice local = savedInvoice(makeInvoice(m_a, QString(), 7500)); // created in Concord first
    QCOMPARE(local.quickbooksId, QString());

    m_clock->advanceSecs(60);
    Invoice remote = makeInvoice(m_a, u"131"_s, 7500);
    remote.id = local.id;
    auto id = m_repo->saveInvoice(remote);
    STORE_VERIFY_OK(id);
    QCOMPARE(*id, local.id);
    auto read = m_repo->invoiceByQuickBooksId(u"131"_s);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(asStored(remote, local.id, *read, local.createdAt, fixedStart().addSecs(60))));
    auto count = m_repo->invoiceCount();
    STORE_VERIFY_OK(count);
    QCOMPARE(*count, qint64(1));
}

void TestBillingRepository::explicitLineNumbersAreKept()
{
    Invoice input = makeInvoice(m_a, u"132"_s, 2000);
    input.lines = {line(0, u"1"_s, u"second on paper"_s, 1000, money(1000), money(1000), QDate(), u"NON"_s),
                   line(0, u"2"_s, u"first on paper"_s, 1000, money(1000), money(1000), QDate(), u"NON"_s)};
    input.lines[0].lineNumber = 20;
    input.lines[1].lineNumber = 10;
    const Invoice read = savedInvoice(input);
    // Read back in line-number order.
    QList<InvoiceLine> expectedLines = {input.lines.at(1), input.lines.at(0)};
    for (qsizetype i = 0; i < expectedLines.size(); ++i) {
        expectedLines[i].id = read.lines.value(i).id;
        expectedLines[i].invoiceId = read.id;
    }
    QCOMPARE(dumpAll(read.lines), dumpAll(expectedLines));
}

void TestBillingRepository::mixedCurrencyIsRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<bool>("existing"); // re-save of a stored invoice, or a new one

    for (bool existing : {false, true}) {
        for (const char *field : {"balance", "tax", "discount", "deposit", "line rate", "line amount"}) {
            QTest::addRow("%s, %s", field, existing ? "re-save" : "new")
                << QString::fromLatin1(field) << existing;
        }
    }
}

void TestBillingRepository::mixedCurrencyIsRefused()
{
    QFETCH(QString, field);
    QFETCH(bool, existing);
    const Invoice stored = savedInvoice(makeInvoice(m_a, u"140"_s, 10000));
    const QStringList before = snapshot(*m_db);

    Invoice input = makeInvoice(m_a, existing ? u"140"_s : u"141"_s, 10000);
    const Money euros = money(100, u"EUR"_s);
    if (field == u"balance"_s)
        input.balance = euros;
    else if (field == u"tax"_s)
        input.tax = euros;
    else if (field == u"discount"_s)
        input.discount = euros;
    else if (field == u"deposit"_s)
        input.deposit = euros;
    else if (field == u"line rate"_s)
        input.lines[0].rate = euros;
    else if (field == u"line amount"_s)
        input.lines[0].amount = euros;
    auto refused = m_repo->saveInvoice(input);
    STORE_VERIFY_ERROR(refused, ErrorCode::InvalidArgument);
    const QString message = refused.error().message;
    QVERIFY2(message.contains(u"USD"_s) && message.contains(u"EUR"_s), qPrintable(message));
    QCOMPARE(snapshot(*m_db), before);
    auto read = m_repo->invoice(stored.id);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(stored));
}

void TestBillingRepository::saveInvoiceRefusals_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("expectedCode");

    const QString invalid = errorCodeName(ErrorCode::InvalidArgument);
    const QString conflict = errorCodeName(ErrorCode::Conflict);
    QTest::newRow("no customer") << u"customer="_s << invalid;
    QTest::newRow("no currency") << u"total="_s << invalid;
    QTest::newRow("customer does not exist") << u"customer=cus_missing"_s << errorCodeName(ErrorCode::InvalidArgument);
    QTest::newRow("line of a missing appointment") << u"appointment=9999"_s << errorCodeName(ErrorCode::InvalidArgument);
    QTest::newRow("two lines with one number") << u"linenumbers=same"_s << conflict;
    QTest::newRow("row id that does not exist") << u"id=9999"_s << errorCodeName(ErrorCode::NotFound);
    QTest::newRow("QuickBooks id of another row") << u"quickbooks=150"_s << conflict;
}

void TestBillingRepository::saveInvoiceRefusals()
{
    QFETCH(QString, change);
    QFETCH(QString, expectedCode);
    const Invoice other = savedInvoice(makeInvoice(m_b, u"150"_s, 10000));
    const Invoice mine = savedInvoice(makeInvoice(m_a, u"151"_s, 10000));
    const QStringList before = snapshot(*m_db);

    Invoice input = makeInvoice(m_a, u"152"_s, 10000);
    input.lines << line(0, u"9"_s, u"Fee"_s, 1000, money(500), money(500), QDate(), u"NON"_s);
    const QString key = change.section(u'=', 0, 0);
    const QString value = change.section(u'=', 1);
    if (key == u"customer"_s) {
        input.customerId = value;
    } else if (key == u"total"_s) {
        input = makeInvoice(m_a, u"152"_s, 0);
        input.total = Money();
        input.balance = Money();
        input.tax = Money();
        input.discount = Money();
        input.deposit = Money();
        input.lines.clear();
    } else if (key == u"appointment"_s) {
        input.lines[1].appointmentId = value.toLongLong();
    } else if (key == u"linenumbers"_s) {
        input.lines[0].lineNumber = 2; // the second line is numbered 2 automatically
    } else if (key == u"id"_s) {
        input.id = value.toLongLong();
    } else if (key == u"quickbooks"_s) {
        input = mine;           // re-save my invoice...
        input.quickbooksId = value; // ...claiming the other invoice's QuickBooks id
    }
    auto refused = m_repo->saveInvoice(input);
    QCOMPARE(codeOf(refused), expectedCode);
    QCOMPARE(snapshot(*m_db), before);
    QCOMPARE(m_db->transactionDepth(), 0);
    Q_UNUSED(other);
}

void TestBillingRepository::invoiceLookups()
{
    Invoice later = makeInvoice(m_a, u"161"_s, 2000);
    later.txnDate = QDate(2025, 3, 20);
    later.lines[0].appointmentId = m_appointment;
    Invoice earlier = makeInvoice(m_a, u"160"_s, 1000);
    earlier.txnDate = QDate(2025, 3, 2);
    earlier.lines[0].appointmentId = m_appointment; // re-billed later: the newest invoice wins
    Invoice otherCustomer = makeInvoice(m_b, u"162"_s, 3000);
    const Invoice first = savedInvoice(earlier);
    const Invoice second = savedInvoice(later);
    const Invoice third = savedInvoice(otherCustomer);

    auto byQb = m_repo->invoiceByQuickBooksId(u"161"_s);
    STORE_VERIFY_OK(byQb);
    QCOMPARE(dump(*byQb), dump(second));
    auto missing = m_repo->invoiceByQuickBooksId(u"999"_s);
    STORE_VERIFY_ERROR(missing, ErrorCode::NotFound);
    QVERIFY2(missing.error().message.contains(u"999"_s), qPrintable(missing.error().message));

    // By customer: ordered by transaction date, without lines.
    auto forA = m_repo->invoicesForCustomer(m_a);
    STORE_VERIFY_OK(forA);
    Invoice firstHeader = first;
    firstHeader.lines.clear();
    Invoice secondHeader = second;
    secondHeader.lines.clear();
    QCOMPARE(dumpAll(*forA), dumpAll(QList<Invoice>{firstHeader, secondHeader}));

    auto forAppointment = m_repo->invoiceForAppointment(m_appointment);
    STORE_VERIFY_OK(forAppointment);
    QCOMPARE(dump(*forAppointment), dump(second));
    auto unbilled = m_repo->invoiceForAppointment(m_otherAppointment);
    STORE_VERIFY_ERROR(unbilled, ErrorCode::NotFound);
    auto noRow = m_repo->invoice(9999);
    STORE_VERIFY_ERROR(noRow, ErrorCode::NotFound);
    auto count = m_repo->invoiceCount();
    STORE_VERIFY_OK(count);
    QCOMPARE(*count, qint64(3));
    Q_UNUSED(third);
}

// ---------------------------------------------------------------------------
// Payments

void TestBillingRepository::paymentWithApplicationsRoundTrip()
{
    const Invoice i1 = savedInvoice(makeInvoice(m_a, u"170"_s, 10000));
    const Invoice i2 = savedInvoice(makeInvoice(m_a, u"171"_s, 5025));

    Payment input = makePayment(m_a, u"P-1"_s, 20000);
    input.unapplied = money(4975);
    input.applications = {{i2.id, money(5025)}, {i1.id, money(10000)}};
    auto id = m_repo->savePayment(input);
    STORE_VERIFY_OK(id);

    Payment expected = input;
    expected.id = *id;
    expected.applications = {{i1.id, money(10000)}, {i2.id, money(5025)}}; // by invoice id
    auto read = m_repo->paymentByQuickBooksId(u"P-1"_s);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(expected));

    // A second, earlier payment touching only the first invoice.
    Payment deposit = makePayment(m_a, u"P-0"_s, 1000);
    deposit.txnDate = QDate(2025, 2, 20);
    deposit.applications = {{i1.id, money(1000)}};
    auto depositId = m_repo->savePayment(deposit);
    STORE_VERIFY_OK(depositId);
    deposit.id = *depositId;

    auto forI1 = m_repo->paymentsForInvoice(i1.id);
    STORE_VERIFY_OK(forI1);
    QCOMPARE(dumpAll(*forI1), dumpAll(QList<Payment>{deposit, expected})); // by date
    auto forI2 = m_repo->paymentsForInvoice(i2.id);
    STORE_VERIFY_OK(forI2);
    QCOMPARE(dumpAll(*forI2), QStringList{dump(expected)});
    auto none = m_repo->paymentsForInvoice(9999);
    STORE_VERIFY_OK(none);
    QCOMPARE(dumpAll(*none), QStringList());
    auto missing = m_repo->paymentByQuickBooksId(u"P-404"_s);
    STORE_VERIFY_ERROR(missing, ErrorCode::NotFound);
}

void TestBillingRepository::paymentResaveReplacesApplications()
{
    const Invoice i1 = savedInvoice(makeInvoice(m_a, u"170"_s, 10000));
    const Invoice i2 = savedInvoice(makeInvoice(m_a, u"171"_s, 10000));
    Payment input = makePayment(m_a, u"P-1"_s, 20000);
    input.applications = {{i1.id, money(10000)}, {i2.id, money(10000)}};
    auto id = m_repo->savePayment(input);
    STORE_VERIFY_OK(id);

    // QuickBooks moved part of the payment off the second invoice.
    Payment edited = makePayment(m_a, u"P-1"_s, 20000);
    edited.unapplied = money(4000);
    edited.syncToken = u"2"_s;
    edited.applications = {{i2.id, money(6000)}, {i1.id, money(10000)}};
    auto again = m_repo->savePayment(edited);
    STORE_VERIFY_OK(again);
    QCOMPARE(*again, *id);

    Payment expected = edited;
    expected.id = *id;
    expected.applications = {{i1.id, money(10000)}, {i2.id, money(6000)}};
    auto read = m_repo->paymentByQuickBooksId(u"P-1"_s);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(expected));
    QCOMPARE(rowCount(*m_db, u"payments"_s), qint64(1));
    QCOMPARE(rowCount(*m_db, u"payment_applications"_s), qint64(2));

    // And an unapplied-only payment clears its applications.
    Payment cleared = makePayment(m_a, u"P-1"_s, 20000);
    cleared.unapplied = money(20000);
    again = m_repo->savePayment(cleared);
    STORE_VERIFY_OK(again);
    QCOMPARE(rowCount(*m_db, u"payment_applications"_s), qint64(0));
}

void TestBillingRepository::paymentWithOnlyRequiredFields()
{
    Payment input;
    input.customerId = m_a;
    input.quickbooksId = u"P-min"_s;
    input.amount = money(100);
    auto id = m_repo->savePayment(input);
    STORE_VERIFY_OK(id);
    Payment expected = input;
    expected.id = *id;
    expected.unapplied = money(0);
    auto read = m_repo->paymentByQuickBooksId(u"P-min"_s);
    STORE_VERIFY_OK(read);
    QCOMPARE(dump(*read), dump(expected));
}

void TestBillingRepository::savePaymentRefusals_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("expectedCode");

    const QString invalid = errorCodeName(ErrorCode::InvalidArgument);
    const QString conflict = errorCodeName(ErrorCode::Conflict);
    QTest::newRow("no QuickBooks id") << u"quickbooks"_s << invalid;
    QTest::newRow("no customer") << u"customer"_s << invalid;
    QTest::newRow("unapplied in another currency") << u"unapplied"_s << invalid;
    QTest::newRow("application in another currency") << u"application"_s << invalid;
    QTest::newRow("applied to a missing invoice") << u"invoice"_s << errorCodeName(ErrorCode::InvalidArgument);
    QTest::newRow("customer does not exist") << u"missing customer"_s << errorCodeName(ErrorCode::InvalidArgument);
    QTest::newRow("one invoice applied twice") << u"twice"_s << conflict;
}

void TestBillingRepository::savePaymentRefusals()
{
    QFETCH(QString, change);
    QFETCH(QString, expectedCode);
    const Invoice invoice = savedInvoice(makeInvoice(m_a, u"170"_s, 10000));
    Payment existing = makePayment(m_a, u"P-1"_s, 10000);
    existing.applications = {{invoice.id, money(10000)}};
    auto existingId = m_repo->savePayment(existing);
    STORE_VERIFY_OK(existingId);
    const QStringList before = snapshot(*m_db);

    Payment input = makePayment(m_a, u"P-2"_s, 500);
    input.applications = {{invoice.id, money(500)}};
    if (change == u"quickbooks"_s)
        input.quickbooksId.clear();
    else if (change == u"customer"_s)
        input.customerId.clear();
    else if (change == u"unapplied"_s)
        input.unapplied = money(1, u"EUR"_s);
    else if (change == u"application"_s)
        input.applications[0].amount = money(500, u"EUR"_s);
    else if (change == u"invoice"_s)
        input.applications << PaymentApplication{9999, money(1)};
    else if (change == u"missing customer"_s)
        input.customerId = u"cus_missing"_s;
    else if (change == u"twice"_s)
        input.applications << PaymentApplication{invoice.id, money(1)};
    auto refused = m_repo->savePayment(input);
    QCOMPARE(codeOf(refused), expectedCode);
    QCOMPARE(snapshot(*m_db), before);
    QCOMPARE(m_db->transactionDepth(), 0);
}

// ---------------------------------------------------------------------------
// Credits

void TestBillingRepository::creditsUpsertByKindAndQuickBooksId()
{
    const Invoice invoice = savedInvoice(makeInvoice(m_a, u"180"_s, 10000));
    Credit memo = makeCredit(CreditKind::CreditMemo, m_a, u"55"_s, invoice.id, 2500);
    auto memoId = m_repo->saveCredit(memo);
    STORE_VERIFY_OK(memoId);
    memo.id = *memoId;
    // Same QuickBooks id, other kind: a different document.
    Credit refund = makeCredit(CreditKind::RefundReceipt, m_a, u"55"_s, invoice.id, 7500);
    refund.txnDate = QDate(2025, 3, 8);
    auto refundId = m_repo->saveCredit(refund);
    STORE_VERIFY_OK(refundId);
    QVERIFY(*refundId != *memoId);
    refund.id = *refundId;

    auto credits = m_repo->creditsForInvoice(invoice.id);
    STORE_VERIFY_OK(credits);
    QCOMPARE(dumpAll(*credits), dumpAll(QList<Credit>{refund, memo})); // by date

    // Re-saving the memo updates it in place.
    Credit memoAgain = makeCredit(CreditKind::CreditMemo, m_a, u"55"_s, invoice.id, 3000);
    memoAgain.remoteUpdatedAt = utc(u"2025-03-10T10:00:00.000Z"_s);
    auto sameId = m_repo->saveCredit(memoAgain);
    STORE_VERIFY_OK(sameId);
    QCOMPARE(*sameId, *memoId);
    memoAgain.id = *memoId;
    credits = m_repo->creditsForInvoice(invoice.id);
    STORE_VERIFY_OK(credits);
    QCOMPARE(dumpAll(*credits), dumpAll(QList<Credit>{refund, memoAgain}));
    QCOMPARE(rowCount(*m_db, u"credits"_s), qint64(2));
}

void TestBillingRepository::saveCreditRefusals_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("expectedCode");

    const QString invalid = errorCodeName(ErrorCode::InvalidArgument);
    QTest::newRow("no customer") << u"customer"_s << invalid;
    QTest::newRow("no QuickBooks id") << u"quickbooks"_s << invalid;
    QTest::newRow("no amount") << u"amount"_s << invalid;
    QTest::newRow("missing invoice") << u"invoice"_s << errorCodeName(ErrorCode::InvalidArgument);
}

void TestBillingRepository::saveCreditRefusals()
{
    QFETCH(QString, change);
    QFETCH(QString, expectedCode);
    const QStringList before = snapshot(*m_db);
    Credit c = makeCredit(CreditKind::CreditMemo, m_a, u"56"_s, 0, 100);
    if (change == u"customer"_s)
        c.customerId.clear();
    else if (change == u"quickbooks"_s)
        c.quickbooksId.clear();
    else if (change == u"amount"_s)
        c.amount = Money();
    else if (change == u"invoice"_s)
        c.invoiceId = 9999;
    auto refused = m_repo->saveCredit(c);
    QCOMPARE(codeOf(refused), expectedCode);
    QCOMPARE(snapshot(*m_db), before);
}

// ---------------------------------------------------------------------------
// Balances

void TestBillingRepository::balances_data()
{
    QTest::addColumn<QDate>("today");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QStringList>("expected"); // "customer outstanding overdue open", largest first

    // Fixture (see balances()): A 100.00 due 03-10, 50.00 due 03-20, 10.00 due
    // 03-15; B 300.00 no due date, EUR 9.99 due 03-01; C 160.00 due 03-14.
    QTest::newRow("on the 15th") << QDate(2025, 3, 15) << u"USD"_s
                                 << QStringList{u"B 300.00 0.00 1"_s, u"A 160.00 100.00 3"_s, u"C 160.00 160.00 1"_s};
    QTest::newRow("the day after a due date") << QDate(2025, 3, 16) << u"USD"_s
                                              << QStringList{u"B 300.00 0.00 1"_s, u"A 160.00 110.00 3"_s,
                                                             u"C 160.00 160.00 1"_s};
    QTest::newRow("before anything is due") << QDate(2025, 3, 1) << u"USD"_s
                                            << QStringList{u"B 300.00 0.00 1"_s, u"A 160.00 0.00 3"_s,
                                                           u"C 160.00 0.00 1"_s};
    QTest::newRow("after everything is due") << QDate(2025, 4, 1) << u"USD"_s
                                             << QStringList{u"B 300.00 0.00 1"_s, u"A 160.00 160.00 3"_s,
                                                            u"C 160.00 160.00 1"_s};
    QTest::newRow("euros") << QDate(2025, 3, 15) << u"EUR"_s << QStringList{u"B 9.99 9.99 1"_s};
    QTest::newRow("a currency nobody owes") << QDate(2025, 3, 15) << u"GBP"_s << QStringList();
}

void TestBillingRepository::balances()
{
    QFETCH(QDate, today);
    QFETCH(QString, currency);
    QFETCH(QStringList, expected);

    struct Row {
        QString customer;
        qint64 balance;
        QDate due;
        MoneyStatus status;
        QString currency;
    };
    const QList<Row> rows = {
        {m_a, 10000, QDate(2025, 3, 10), MoneyStatus::Overdue, u"USD"_s},
        {m_a, 5000, QDate(2025, 3, 20), MoneyStatus::Invoiced, u"USD"_s},
        {m_a, 1000, QDate(2025, 3, 15), MoneyStatus::PartiallyPaid, u"USD"_s},
        {m_a, 0, QDate(2025, 3, 1), MoneyStatus::Paid, u"USD"_s},
        {m_a, 3000, QDate(2025, 3, 1), MoneyStatus::Voided, u"USD"_s},   // voided: not owed
        {m_a, 2000, QDate(2025, 3, 1), MoneyStatus::Refunded, u"USD"_s}, // refunded: not owed
        {m_b, 30000, QDate(), MoneyStatus::Invoiced, u"USD"_s},
        {m_b, 999, QDate(2025, 3, 1), MoneyStatus::Overdue, u"EUR"_s},
        {m_c, 16000, QDate(2025, 3, 14), MoneyStatus::DepositPaid, u"USD"_s},
    };
    int n = 0;
    for (const Row &r : rows) {
        Invoice i = makeInvoice(r.customer, u"B-%1"_s.arg(++n), r.balance + 500, r.currency);
        i.balance = money(r.balance, r.currency);
        i.dueDate = r.due;
        i.status = r.status;
        savedInvoice(i);
    }
    const QHash<QString, QString> letter = {{m_a, u"A"_s}, {m_b, u"B"_s}, {m_c, u"C"_s}};

    auto result = m_repo->balances(today, currency);
    STORE_VERIFY_OK(result);
    QStringList actual;
    for (const CustomerBalance &b : std::as_const(*result)) {
        QCOMPARE(b.outstanding.currency(), currency);
        QCOMPARE(b.overdue.currency(), currency);
        actual << u"%1 %2 %3 %4"_s.arg(letter.value(b.customerId, b.customerId), b.outstanding.toDecimalString(),
                                       b.overdue.toDecimalString(), QString::number(b.openInvoices));
    }
    QCOMPARE(actual, expected);
}

void TestBillingRepository::reassignCustomerMovesAllBillingRecords()
{
    const Invoice fromA = savedInvoice(makeInvoice(m_a, u"190"_s, 1000));
    const Invoice ofC = savedInvoice(makeInvoice(m_c, u"191"_s, 2000));
    Payment payment = makePayment(m_a, u"P-9"_s, 1000);
    payment.applications = {{fromA.id, money(1000)}};
    auto paymentId = m_repo->savePayment(payment);
    STORE_VERIFY_OK(paymentId);
    Credit credit = makeCredit(CreditKind::CreditMemo, m_a, u"77"_s, fromA.id, 100);
    auto creditId = m_repo->saveCredit(credit);
    STORE_VERIFY_OK(creditId);

    auto ok = m_repo->reassignCustomer(m_a, m_b);
    STORE_VERIFY_OK(ok);
    QCOMPARE(m_db->transactionDepth(), 0);

    Invoice movedHeader = fromA;
    movedHeader.customerId = m_b;
    movedHeader.lines.clear();
    auto forB = m_repo->invoicesForCustomer(m_b);
    STORE_VERIFY_OK(forB);
    QCOMPARE(dumpAll(*forB), QStringList{dump(movedHeader)});
    auto forA = m_repo->invoicesForCustomer(m_a);
    STORE_VERIFY_OK(forA);
    QCOMPARE(dumpAll(*forA), QStringList());
    auto forC = m_repo->invoicesForCustomer(m_c);
    STORE_VERIFY_OK(forC);
    Invoice cHeader = ofC;
    cHeader.lines.clear();
    QCOMPARE(dumpAll(*forC), QStringList{dump(cHeader)});

    auto movedPayment = m_repo->paymentByQuickBooksId(u"P-9"_s);
    STORE_VERIFY_OK(movedPayment);
    QCOMPARE(movedPayment->customerId, m_b);
    auto credits = m_repo->creditsForInvoice(fromA.id);
    STORE_VERIFY_OK(credits);
    credit.id = *creditId;
    credit.customerId = m_b;
    QCOMPARE(dumpAll(*credits), QStringList{dump(credit)});
}

QTEST_GUILESS_MAIN(TestBillingRepository)
#include "tst_billingrepository.moc"
