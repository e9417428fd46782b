// Drives `concord-cli mode` and `concord-cli invoice create` (issue 9) through
// the real binary: the mode shown (text and JSON), changed by an owner and
// audited, refused for anyone else, bad usage; and the manual invoice trigger:
// queued once, idempotent, refused without a billing role — with the store
// checked after each run.
#include "domain/appointment.h"
#include "domainprinters.h"
#include "review/integrationmode.h"
#include "security/auditlog.h"
#include "store/appointmentrepository.h"
#include "store/customerrepository.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/userrepository.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Domain;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestModeCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_config;
    QString m_storePath;
    qint64 m_appointment = 0;

    Run cli(const QStringList &args, const QString &user)
    {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"USER"_s, user);
        e.remove(u"USERNAME"_s);
        p.setProcessEnvironment(e);
        p.start(QStringLiteral(CONCORD_BINARY_DIR "/app/cli/concord-cli"),
                args + QStringList { u"--config"_s, m_config });
        if (!p.waitForStarted(10000))
            return {};
        p.closeWriteChannel();
        p.waitForFinished(60000);
        return { p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                 QString::fromUtf8(p.readAllStandardError()) };
    }

    std::unique_ptr<Store::Database> store()
    {
        auto db = Store::Database::open(u"sqlite://"_s + m_storePath);
        if (!db || !Store::migrate(**db))
            qFatal("cannot open the test store");
        return std::move(*db);
    }

    qint64 scalar(const QString &sql)
    {
        auto v = store()->scalar(sql);
        return v ? v->toLongLong() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QLoggingCategory::setFilterRules(u"concord.core.store.info=false"_s);
    }

    // A fresh store per test: an owner, a bookkeeper, a viewer, and one held
    // session of a service priced in QuickBooks.
    void init()
    {
        static int n = 0;
        ++n;
        m_storePath = m_dir.filePath(u"store-%1.sqlite"_s.arg(n));
        m_config = m_dir.filePath(u"concord-%1.ini"_s.arg(n));
        QFile f(m_config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[store]\nurl=sqlite://" + m_storePath.toUtf8()
                + "\n[sync]\nbusiness_time_zone=America/New_York\n");
        f.close();

        auto db = store();
        Store::UserRepository users(*db);
        for (const auto &[name, role] :
             { std::pair { u"olivia"_s, Role::Owner }, std::pair { u"bea"_s, Role::Bookkeeper },
               std::pair { u"vic"_s, Role::Viewer } }) {
            User u;
            u.username = name;
            u.displayName = name;
            u.role = role;
            QVERIFY_OK(users.create(u));
        }
        Customer c;
        c.displayName = u"Sam Lee"_s;
        auto customer = Store::CustomerRepository(*db).create(c);
        QVERIFY_OK(customer);
        Store::AppointmentRepository appointments(*db);
        Service s;
        s.name = u"Math Tutoring"_s;
        s.calcomEventTypeId = u"11"_s;
        s.quickbooksItemId = u"1"_s;
        s.rateMinor = 6500;
        auto service = appointments.upsertService(s);
        QVERIFY_OK(service);
        Appointment a;
        a.customerId = customer->id;
        a.calcomUid = u"uid-1"_s;
        auto start = ZonedInstant::fromUtc(QDateTime(QDate(2026, 3, 2), QTime(15, 0), Qt::UTC),
                                           u"America/New_York"_s);
        QVERIFY_OK(start);
        a.start = *start;
        a.serviceId = *service;
        a.status = AppointmentStatus::Completed;
        auto id = appointments.insert(a);
        QVERIFY_OK(id);
        m_appointment = *id;
    }

    void showsTheDefaultMode()
    {
        const Run text = cli({ u"mode"_s }, u"vic"_s);
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.startsWith(u"mode: full\n"_s), qPrintable(text.out));
        QVERIFY2(text.out.contains(u"set: never (the default)"_s), qPrintable(text.out));
        const Run json = cli({ u"mode"_s, u"show"_s, u"--json"_s }, u"vic"_s);
        QCOMPARE(json.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(o.value(u"mode"_s).toString(), u"full"_s);
        QCOMPARE(o.value(u"version"_s).toInt(), 0);
    }

    void anOwnerSwitchesToLightAndBack()
    {
        const qint64 audits = Security::AuditLog(*store()).count().value_or(-1);
        const Run light = cli({ u"mode"_s, u"light"_s, u"--json"_s }, u"olivia"_s);
        QVERIFY2(light.exitCode == 0, qPrintable(light.err));
        const QJsonObject o = QJsonDocument::fromJson(light.out.toUtf8()).object();
        QCOMPARE(o.value(u"mode"_s).toString(), u"light"_s);
        QCOMPARE(o.value(u"version"_s).toInt(), 1);
        QCOMPARE(o.value(u"updatedBy"_s).toString(), u"olivia"_s);
        {
            auto db = store();
            auto mode = Review::integrationMode(*db);
            QVERIFY_OK(mode);
            QCOMPARE(Store::toString(mode->mode), u"light"_s);
            auto last = Security::AuditLog(*db).recent(1);
            QVERIFY_OK(last);
            QCOMPARE(last->first().action, u"integration_mode.set"_s);
            QCOMPARE(last->first().actor, u"olivia"_s);
        }
        const Run text = cli({ u"mode"_s }, u"bea"_s);
        QVERIFY2(text.out.contains(u"set: by olivia at "_s), qPrintable(text.out));
        QVERIFY2(text.out.contains(u"Create invoice now"_s), qPrintable(text.out));
        const Run full = cli({ u"mode"_s, u"full"_s }, u"olivia"_s);
        QCOMPARE(full.exitCode, 0);
        QVERIFY2(full.out.startsWith(u"mode: full\nversion: 2\n"_s), qPrintable(full.out));
        QCOMPARE(Security::AuditLog(*store()).count().value_or(-1), audits + 2);
    }

    void onlyAnOwnerChangesTheMode_data()
    {
        QTest::addColumn<QString>("user");
        QTest::newRow("bookkeeper") << u"bea"_s;
        QTest::newRow("viewer") << u"vic"_s;
        QTest::newRow("not a Concord user") << u"mallory"_s;
    }

    void onlyAnOwnerChangesTheMode()
    {
        QFETCH(QString, user);
        const Run r = cli({ u"mode"_s, u"light"_s }, user);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(u"concord-cli: error: "_s), qPrintable(r.err));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM app_settings"_s), 0);
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("unknown mode") << QStringList { u"mode"_s, u"medium"_s };
        QTest::newRow("two words") << QStringList { u"mode"_s, u"full"_s, u"light"_s };
        QTest::newRow("invoice without id") << QStringList { u"invoice"_s, u"create"_s };
        QTest::newRow("invoice bad id")
            << QStringList { u"invoice"_s, u"create"_s, u"--appointment"_s, u"x"_s };
        QTest::newRow("invoice unknown verb")
            << QStringList { u"invoice"_s, u"void"_s, u"--appointment"_s, u"1"_s };
    }

    void badUsage()
    {
        QFETCH(QStringList, args);
        const Run r = cli(args, u"olivia"_s);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith(u"concord-cli: "_s), qPrintable(r.err));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox_jobs"_s), 0);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM app_settings"_s), 0);
    }

    void invoiceCreateQueuesOnce()
    {
        const QString id = QString::number(m_appointment);
        const Run first =
            cli({ u"invoice"_s, u"create"_s, u"--appointment"_s, id, u"--json"_s }, u"bea"_s);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const QJsonObject o = QJsonDocument::fromJson(first.out.toUtf8()).object();
        QCOMPARE(o.value(u"state"_s).toString(), u"queued"_s);
        QCOMPARE(o.value(u"planKey"_s).toString(), u"session/"_s + id);
        QVERIFY(o.value(u"jobId"_s).toInteger() > 0);
        QCOMPARE(
            scalar(
                u"SELECT COUNT(*) FROM outbox_jobs WHERE idempotency_key = 'quickbooks/invoice/session/%1'"_s
                    .arg(id)),
            1);
        const Run again = cli({ u"invoice"_s, u"create"_s, u"--appointment"_s, id }, u"olivia"_s);
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains(u"already queued"_s), qPrintable(again.out));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox_jobs"_s), 1);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'invoice.create_now'"_s),
                 1);
    }

    void invoiceCreateNeedsABillingRole()
    {
        const Run r =
            cli({ u"invoice"_s, u"create"_s, u"--appointment"_s, QString::number(m_appointment) },
                u"vic"_s);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"may not"_s), qPrintable(r.err));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox_jobs"_s), 0);
        const Run missing =
            cli({ u"invoice"_s, u"create"_s, u"--appointment"_s, u"4242"_s }, u"bea"_s);
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM outbox_jobs"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestModeCli)
#include "tst_modecli.moc"
