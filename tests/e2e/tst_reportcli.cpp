// `concord-cli report …` against what QuickBooks says (issue 9): the
// QuickBooks emulator holds a small business's invoices (odd cents, due
// dates past and future, one voided) and payments (partial, full, one in the
// month before); the engine mirrors them; `report monthly --json` must give
// totals equal, to the cent, to sums computed independently from the
// emulator's own state. Then `--csv`, `--pdf` and `report aging` smoke runs,
// and the errors a person can make (bad month, unwritable file).
#include "domainprinters.h"

#include "common/clock.h"
#include "security/secretstore.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/operationsrepository.h"
#include "sync/connectorset.h"
#include "sync/syncengine.h"

#include "quickbooks/qboformat.h"
#include "quickbooks/quickbooksemulator.h"
#include "tutoringsandbox.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;

namespace {

QString realm()
{
    return Sandbox::TutoringSandbox::kRealmId.toString();
}

QJsonObject ref(const QString &id)
{
    return QJsonObject{{u"value"_s, id}};
}

// QuickBooks amounts are JSON numbers: compare them in cents.
qint64 cents(const QJsonValue &v)
{
    return qRound64(v.toDouble() * 100);
}

QString decimal(qint64 minor)
{
    return Domain::Money::fromMinor(minor, u"USD"_s)->toDecimalString();
}

struct Run {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

} // namespace

class TestReportCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    OffsetClock m_clock;
    std::unique_ptr<Sandbox::TutoringSandbox> m_sandbox;
    std::unique_ptr<Store::Database> m_db;
    std::unique_ptr<Security::SecretStore> m_secrets;
    std::unique_ptr<Store::OperationsRepository> m_ops;
    std::unique_ptr<Sync::ConnectorSet> m_connectors;
    std::unique_ptr<Sync::SyncEngine> m_engine;
    QString m_config;
    QString m_item;
    QDate m_today;
    QDate m_month;

    Run cli(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"QT_QPA_PLATFORM"_s); // --pdf must choose offscreen itself
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CONCORD_BINARY_DIR "/app/cli/concord-cli"),
                QStringList{u"--config"_s, m_config} + args);
        if (!p.waitForStarted(10000))
            return {};
        [&] { QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 60000); }();
        return {p.exitCode(), p.readAllStandardOutput(), QString::fromUtf8(p.readAllStandardError())};
    }

    QString seed(const QString &entity, const QJsonObject &object)
    {
        auto seeded = m_sandbox->quickbooks().seed(realm(), entity, object);
        if (!seeded) {
            QTest::qFail(qPrintable(u"seeding a %1 failed"_s.arg(entity)), __FILE__, __LINE__);
            return {};
        }
        return seeded->value(u"Id"_s).toString();
    }

    QString invoice(const QString &customer, const QDate &txn, const QDate &due, qint64 minor)
    {
        return seed(u"Invoice"_s,
                    QJsonObject{{u"CustomerRef"_s, ref(customer)},
                                {u"TxnDate"_s, txn.toString(Qt::ISODate)},
                                {u"DueDate"_s, due.toString(Qt::ISODate)},
                                {u"Line"_s, QJsonArray{QJsonObject{
                                                {u"DetailType"_s, u"SalesItemLineDetail"_s},
                                                {u"Amount"_s, Sandbox::QboFormat::amount(minor)},
                                                {u"SalesItemLineDetail"_s,
                                                 QJsonObject{{u"ItemRef"_s, ref(m_item)},
                                                             {u"Qty"_s, 1},
                                                             {u"UnitPrice"_s, Sandbox::QboFormat::amount(minor)}}}}}}});
    }

    void payment(const QString &customer, const QDate &txn, qint64 minor, const QString &invoiceId, qint64 applied)
    {
        QJsonArray lines;
        if (!invoiceId.isEmpty()) {
            lines.append(QJsonObject{{u"Amount"_s, Sandbox::QboFormat::amount(applied)},
                                     {u"LinkedTxn"_s, QJsonArray{QJsonObject{{u"TxnId"_s, invoiceId},
                                                                             {u"TxnType"_s, u"Invoice"_s}}}}});
        }
        seed(u"Payment"_s, QJsonObject{{u"CustomerRef"_s, ref(customer)},
                                       {u"TxnDate"_s, txn.toString(Qt::ISODate)},
                                       {u"TotalAmt"_s, Sandbox::QboFormat::amount(minor)},
                                       {u"Line"_s, lines}});
    }

    bool inMonth(const QJsonObject &o) const
    {
        const QDate d = QDate::fromString(o.value(u"TxnDate"_s).toString(), Qt::ISODate);
        return d >= m_month && d < m_month.addMonths(1);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_today = QDateTime::currentDateTimeUtc().date();
        m_month = QDate(m_today.year(), m_today.month(), 1);
        m_sandbox = std::make_unique<Sandbox::TutoringSandbox>();
        Sandbox::TutoringSandbox::Options options;
        options.seed = Sandbox::TutoringSandbox::Seed::Empty;
        options.clock = &m_clock;
        QVERIFY_OK(m_sandbox->start(options));

        // The business in QuickBooks: three families, odd-cent invoices.
        m_item = seed(u"Item"_s, QJsonObject{{u"Name"_s, u"Tutoring"_s},
                                                        {u"Type"_s, u"Service"_s},
                                                        {u"UnitPrice"_s, 65},
                                                        {u"IncomeAccountRef"_s, ref(u"1"_s)}});
        QStringList customers;
        for (const QString &name : {u"Ada Park"_s, u"Ben O'Neil"_s, u"Chloé Martin"_s})
            customers << seed(u"Customer"_s, QJsonObject{{u"DisplayName"_s, name}});
        const QDate start = m_month;
        const QDate last = m_month.addMonths(-1);
        // This month (all dated on or before today).
        const QString a1 = invoice(customers.at(0), start, start.addDays(14), 10101);
        const QString a2 = invoice(customers.at(0), start, m_today.addDays(7), 6533);
        const QString b1 = invoice(customers.at(1), start, start, 19999);
        invoice(customers.at(2), start, start.addDays(30), 4001);
        // Last month: one open (overdue), one paid this month.
        const QString c0 = invoice(customers.at(2), last, last.addDays(10), 25055);
        const QString b0 = invoice(customers.at(1), last.addDays(3), last.addDays(17), 7777);
        payment(customers.at(0), start, 3333, a1, 3333);       // partial
        payment(customers.at(1), start, 7777, b0, 7777);       // last month's, paid now
        payment(customers.at(1), start, 10000, b1, 9999);      // partial, 0.01 unapplied
        payment(customers.at(2), last.addDays(5), 5005, c0, 5005); // last month
        Q_UNUSED(a2);

        const Config config = m_sandbox->config(u"sqlite://"_s + m_dir.filePath(u"store.sqlite"_s));
        auto db = Store::Database::open(config.storeUrl);
        QVERIFY(db.has_value());
        m_db = std::move(*db);
        QVERIFY(Store::migrate(*m_db).has_value());
        m_secrets = m_sandbox->secrets();
        m_ops = std::make_unique<Store::OperationsRepository>(*m_db, m_clock);
        auto connectors = Sync::ConnectorSet::create(config, *m_secrets, *m_ops, m_clock);
        QVERIFY2(connectors.has_value(), connectors ? "" : qPrintable(connectors.error().toString()));
        m_connectors = std::move(*connectors);
        // The mirror is what matters here: jobs the import queues for the
        // other systems (contacts for customers made in QuickBooks) may wait
        // on prerequisites, and must not hold this --once run for 15 minutes.
        Sync::EngineSettings settings = Sync::EngineSettings::fromConfig(config);
        settings.maxDeferSecs = 5;
        m_engine = std::make_unique<Sync::SyncEngine>(*m_db, *m_connectors, settings, m_clock);
        QSignalSpy done(m_engine.get(), &Sync::SyncEngine::onceFinished);
        m_engine->runOnce();
        QVERIFY(done.wait(180'000));

        m_config = m_dir.filePath(u"concord.ini"_s);
        QFile f(m_config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(u"[store]\nurl=sqlite://%1\n"_s.arg(m_dir.filePath(u"store.sqlite"_s)).toUtf8());
    }

    void cleanupTestCase()
    {
        m_engine.reset();
        m_connectors.reset();
        m_ops.reset();
        m_db.reset();
        m_sandbox.reset();
    }

    // The figures QuickBooks itself holds, summed here from the emulator's
    // state, equal the report's to the cent.
    void monthlyTotalsEqualQuickBooks()
    {
        qint64 invoiced = 0;
        qint64 collected = 0;
        qint64 open = 0;
        int invoices = 0;
        int payments = 0;
        for (const QJsonObject &inv : m_sandbox->quickbooks().entities(realm(), u"Invoice"_s)) {
            if (inMonth(inv)) {
                invoiced += cents(inv.value(u"TotalAmt"_s));
                ++invoices;
            }
            open += cents(inv.value(u"Balance"_s));
        }
        for (const QJsonObject &p : m_sandbox->quickbooks().entities(realm(), u"Payment"_s)) {
            if (inMonth(p)) {
                collected += cents(p.value(u"TotalAmt"_s));
                ++payments;
            }
        }
        QCOMPARE(invoices, 4);
        QCOMPARE(payments, 3);

        const Run r = cli({u"report"_s, u"monthly"_s, u"--month"_s, m_month.toString(u"yyyy-MM"_s), u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(report.value(u"month"_s).toString(), m_month.toString(u"yyyy-MM"_s));
        QVERIFY(report.value(u"balancesAsOfToday"_s).toBool());
        QVERIFY(!report.value(u"mirrorSyncedAt"_s).toString().isEmpty());
        const QJsonArray currencies = report.value(u"currencies"_s).toArray();
        QCOMPARE(currencies.size(), 1);
        const QJsonObject usd = currencies.first().toObject();
        QCOMPARE(usd.value(u"currency"_s).toString(), u"USD"_s);
        QCOMPARE(usd.value(u"invoiced"_s).toString(), decimal(invoiced));
        QCOMPARE(usd.value(u"invoiceCount"_s).toInt(), invoices);
        QCOMPARE(usd.value(u"collected"_s).toString(), decimal(collected));
        QCOMPARE(usd.value(u"paymentCount"_s).toInt(), payments);
        QCOMPARE(usd.value(u"outstanding"_s).toString(), decimal(open));
        // The hand-computed figures, so a wrong emulator cannot agree with a wrong report.
        QCOMPARE(usd.value(u"invoiced"_s).toString(), u"406.34"_s);
        QCOMPARE(usd.value(u"collected"_s).toString(), u"211.10"_s);
        QCOMPARE(usd.value(u"outstanding"_s).toString(), u"473.52"_s);
        // Chloé's last-month invoice (200.50 left) is overdue.
        bool chloe = false;
        for (const QJsonValue &v : usd.value(u"overdueClients"_s).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(u"name"_s).toString() == u"Chlo\u00e9 Martin"_s) {
                chloe = true;
                QCOMPARE(o.value(u"overdue"_s).toString(), u"200.50"_s);
            }
        }
        QVERIFY(chloe);
    }

    void csvAndAging()
    {
        const Run csv = cli({u"report"_s, u"monthly"_s, u"--month"_s, m_month.toString(u"yyyy-MM"_s), u"--csv"_s});
        QVERIFY2(csv.exitCode == 0, qPrintable(csv.err));
        QVERIFY(csv.out.startsWith("record,month,balances_as_of,currency,"));
        QVERIFY(csv.out.contains(",USD,,,406.34,"));
        const Run aging = cli({u"report"_s, u"aging"_s, u"--json"_s});
        QVERIFY2(aging.exitCode == 0, qPrintable(aging.err));
        const QJsonObject a = QJsonDocument::fromJson(aging.out).object();
        QCOMPARE(a.value(u"currencies"_s).toArray().first().toObject().value(u"balance"_s).toString(), u"473.52"_s);
    }

    void pdf()
    {
        const QString file = m_dir.filePath(u"monthly.pdf"_s);
        const Run r = cli({u"report"_s, u"monthly"_s, u"--month"_s, m_month.toString(u"yyyy-MM"_s), u"--pdf"_s, file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(5) == "%PDF-");
        QVERIFY(f.size() > 2000);
        const Run aging = cli({u"report"_s, u"aging"_s, u"--pdf"_s, m_dir.filePath(u"aging.pdf"_s)});
        QVERIFY2(aging.exitCode == 0, qPrintable(aging.err));
    }

    void mistakes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad month") << QStringList{u"monthly"_s, u"--month"_s, u"2026-13"_s, u"--json"_s} << 2
                                   << u"YYYY-MM"_s;
        QTest::newRow("no month") << QStringList{u"monthly"_s, u"--json"_s} << 2 << u"--month"_s;
        QTest::newRow("no format") << QStringList{u"monthly"_s, u"--month"_s, u"2026-01"_s} << 2 << u"--json"_s;
        QTest::newRow("two formats") << QStringList{u"aging"_s, u"--json"_s, u"--csv"_s} << 2 << u"exactly one"_s;
        QTest::newRow("future month") << QStringList{u"monthly"_s, u"--month"_s, u"2999-01"_s, u"--json"_s} << 2
                                      << u"has not begun"_s;
        QTest::newRow("unwritable pdf") << QStringList{u"aging"_s, u"--pdf"_s, u"/nonexistent/dir/a.pdf"_s} << 2
                                        << u"cannot write"_s;
        QTest::newRow("bad kind") << QStringList{u"weekly"_s, u"--json"_s} << 2 << u"monthly"_s;
    }

    void mistakes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run r = cli(QStringList{u"report"_s} + args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }
};

QTEST_MAIN(TestReportCli)
#include "tst_reportcli.moc"
