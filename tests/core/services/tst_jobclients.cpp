// Services::clientNamesForJobs on a real SQLite store: every entity type the
// sync engine queues is named by its client (a merged client by the one it
// was merged into), unknown and unnamed records get no entry, and more ids
// than one query takes are answered in chunks.
#include "../store/storetestsupport.h"

#include "common/clock.h"
#include "services/jobclients.h"
#include "store/appointmentrepository.h"
#include "store/billingrepository.h"
#include "store/customerrepository.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;
using namespace Concord::StoreTest;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 3, 28), QTime(12, 0), Qt::UTC);

OutboxJob job(const QString &entityType, const QString &entityId)
{
    OutboxJob j;
    j.entityType = entityType;
    j.entityId = entityId;
    return j;
}

} // namespace

class TestJobClients : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void namesEveryKindOfJob();
    void manyJobsInChunks();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store::Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    QString m_dan;
    QString m_ana;
    QString m_anaDuplicate;
    qint64 m_appointment = 0;
    qint64 m_invoice = 0;

    QString customer(const QString &id, const QString &name);
};

QString TestJobClients::customer(const QString &id, const QString &name)
{
    Store::CustomerRepository customers(*m_db, *m_clock);
    Customer c;
    c.id = id;
    c.displayName = name;
    auto created = customers.create(c);
    if (!created)
        qFatal("customer: %s", outcome(created).constData());
    return created->id;
}

void TestJobClients::initTestCase()
{
    quietStoreLog();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto db = openMigrated(*m_dir);
    STORE_VERIFY_OK(db);
    m_db = std::move(*db);
    m_clock = std::make_unique<ManualClock>(kNow);

    m_dan = customer(u"cus_dan"_s, u"Dan Wu"_s);
    m_ana = customer(u"cus_ana"_s, u"Ana Lima"_s);
    m_anaDuplicate = customer(u"cus_ana2"_s, u"Ana B. Lima"_s);
    // The duplicate was merged into Ana: jobs queued for it are Ana's now.
    auto merged = m_db->exec(u"UPDATE customers SET state = 'merged', merged_into = ? WHERE id = ?"_s,
                             {m_ana, m_anaDuplicate});
    STORE_VERIFY_OK(merged);

    Store::AppointmentRepository appointments(*m_db, *m_clock);
    Appointment a;
    a.customerId = m_dan;
    a.calcomUid = u"uid-1"_s;
    a.start = *ZonedInstant::fromUtc(kNow.addDays(1), u"America/New_York"_s);
    a.durationMinutes = 60;
    a.status = AppointmentStatus::Booked;
    auto appointment = appointments.insert(a);
    STORE_VERIFY_OK(appointment);
    m_appointment = *appointment;

    Store::BillingRepository billing(*m_db, *m_clock);
    Invoice inv;
    inv.customerId = m_ana;
    inv.quickbooksId = u"qb-1"_s;
    inv.docNumber = u"1001"_s;
    inv.txnDate = kNow.date();
    inv.dueDate = kNow.date().addDays(14);
    inv.total = *Money::fromMinor(6500, u"USD"_s);
    inv.balance = inv.total;
    inv.tax = *Money::fromMinor(0, u"USD"_s);
    inv.discount = inv.tax;
    inv.deposit = inv.tax;
    inv.status = MoneyStatus::Invoiced;
    auto invoice = billing.saveInvoice(inv);
    STORE_VERIFY_OK(invoice);
    m_invoice = *invoice;
}

void TestJobClients::namesEveryKindOfJob()
{
    const QString appt = QString::number(m_appointment);
    const QList<OutboxJob> jobs = {
        job(u"customer"_s, m_dan),
        job(u"customer"_s, m_anaDuplicate),
        job(u"appointment"_s, appt),
        job(u"invoice"_s, QString::number(m_invoice)),
        job(u"invoice-plan"_s, u"session/"_s + appt),
        job(u"invoice-plan"_s, u"fee/"_s + appt),
        job(u"invoice-plan"_s, u"monthly/cus_ana/2026-03/11"_s),
        // Nobody: an unknown customer, a deleted appointment, an id that is
        // not a number, a plan key of another shape, a kind without a client.
        job(u"customer"_s, u"cus_gone"_s),
        job(u"appointment"_s, u"999999"_s),
        job(u"invoice"_s, u"not-a-number"_s),
        job(u"invoice-plan"_s, u"weekly/cus_dan"_s),
        job(u"task"_s, u"42"_s),
    };
    auto names = Services::clientNamesForJobs(*m_db, jobs);
    STORE_VERIFY_OK(names);
    const QHash<QString, QString> expected = {
        { u"customer/cus_dan"_s, u"Dan Wu"_s },
        { u"customer/cus_ana2"_s, u"Ana Lima"_s },
        { u"appointment/"_s + appt, u"Dan Wu"_s },
        { u"invoice/"_s + QString::number(m_invoice), u"Ana Lima"_s },
        { u"invoice-plan/session/"_s + appt, u"Dan Wu"_s },
        { u"invoice-plan/fee/"_s + appt, u"Dan Wu"_s },
        { u"invoice-plan/monthly/cus_ana/2026-03/11"_s, u"Ana Lima"_s },
    };
    QCOMPARE(*names, expected);
    QCOMPARE(Services::jobClientKey(jobs.at(2)), u"appointment/"_s + appt);
}

void TestJobClients::manyJobsInChunks()
{
    // 1,200 customer jobs naming 801 different ids (two queries), every third Dan.
    QList<OutboxJob> jobs;
    for (int i = 0; i < 1200; ++i)
        jobs << job(u"customer"_s, i % 3 == 0 ? m_dan : u"cus_unknown_%1"_s.arg(i));
    auto names = Services::clientNamesForJobs(*m_db, jobs);
    STORE_VERIFY_OK(names);
    QCOMPARE(names->size(), 1);
    QCOMPARE(names->value(u"customer/cus_dan"_s), u"Dan Wu"_s);
    // No jobs: no query, no names.
    auto none = Services::clientNamesForJobs(*m_db, {});
    STORE_VERIFY_OK(none);
    QVERIFY(none->isEmpty());
}

QTEST_GUILESS_MAIN(TestJobClients)
#include "tst_jobclients.moc"
