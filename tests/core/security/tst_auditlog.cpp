#include "common/clock.h"
#include "domainprinters.h"
#include "security/auditlog.h"
#include "store/database.h"
#include "store/migrations.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Security;

class TestAuditLog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_run = 0; // one fresh store per test row
    std::unique_ptr<Store::Database> m_db;
    ManualClock m_clock{QDateTime(QDate(2026, 3, 28), QTime(15, 0), Qt::UTC)};
    const Actor m_owner = Actor::user(u"olivia"_s, Domain::Role::Owner);

    // Writes `n` entries with distinct content, one second apart.
    QList<AuditEntry> writeEntries(int n)
    {
        AuditLog log(*m_db, m_clock);
        QList<AuditEntry> out;
        for (int i = 1; i <= n; ++i) {
            m_clock.advanceSecs(1);
            auto e = log.append(m_owner, u"rule.tax.update"_s, u"tax_rule"_s, QString::number(i),
                                QJsonObject{{u"taxCode"_s, u"TAX"_s}}, QJsonObject{{u"taxCode"_s, u"NON%1"_s.arg(i)}});
            if (!e)
                qFatal("append failed: %s", qPrintable(e.error().toString()));
            out.append(*e);
        }
        return out;
    }

    // Tampering means going around Concord: drop the append-only triggers first,
    // as someone with raw file access could.
    void dropGuards()
    {
        QVERIFY(m_db->execDirect(u"DROP TRIGGER audit_log_no_update"_s));
        QVERIFY(m_db->execDirect(u"DROP TRIGGER audit_log_no_delete"_s));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(u"audit-%1-%2.sqlite"_s.arg(QString::fromLatin1(QTest::currentTestFunction())).arg(++m_run));
        auto db = Store::Database::open(u"sqlite://"_s + path);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().toString()));
        m_db = std::move(*db);
        QVERIFY(Store::migrate(*m_db));
    }

    void cleanup() { m_db.reset(); }

    void appendChainsEntries()
    {
        const QList<AuditEntry> written = writeEntries(3);
        QCOMPARE(written.at(0).seq, 1);
        QCOMPARE(written.at(0).prevHash, AuditLog::genesisHash());
        QCOMPARE(written.at(1).prevHash, written.at(0).hash);
        QCOMPARE(written.at(2).prevHash, written.at(1).hash);
        QCOMPARE(written.at(0).hash.size(), 64);

        // What was stored is exactly what append returned (newest first).
        auto stored = AuditLog(*m_db, m_clock).recent(10);
        QVERIFY(stored);
        QCOMPARE(stored->size(), 3);
        for (int i = 0; i < 3; ++i) {
            const AuditEntry &a = stored->at(2 - i);
            const AuditEntry &b = written.at(i);
            QCOMPARE(a.seq, b.seq);
            QCOMPARE(a.at, b.at);
            QCOMPARE(a.actor, u"olivia"_s);
            QCOMPARE(a.actorRole, u"owner"_s);
            QCOMPARE(a.action, u"rule.tax.update"_s);
            QCOMPARE(a.entityType, u"tax_rule"_s);
            QCOMPARE(a.entityId, QString::number(i + 1));
            QCOMPARE(a.beforeJson, QByteArray(R"({"taxCode":"TAX"})"));
            QCOMPARE(a.afterJson, u"{\"taxCode\":\"NON%1\"}"_s.arg(i + 1).toUtf8());
            QCOMPARE(a.prevHash, b.prevHash);
            QCOMPARE(a.hash, b.hash);
            QCOMPARE(AuditLog::computeHash(a), a.hash);
        }
        auto v = AuditLog(*m_db).verify();
        QVERIFY(v);
        QVERIFY(v->ok);
        QCOMPARE(v->entriesChecked, 3);
        QCOMPARE(v->firstBrokenSeq, 0);
        QCOMPARE(v->headHash, written.last().hash);
    }

    void emptyLogVerifies()
    {
        auto v = AuditLog(*m_db).verify();
        QVERIFY(v);
        QVERIFY(v->ok);
        QCOMPARE(v->entriesChecked, 0);
        QCOMPARE(v->headHash, AuditLog::genesisHash());
    }

    void storeRefusesUpdateAndDelete()
    {
        writeEntries(2);
        auto upd = m_db->exec(u"UPDATE audit_log SET actor = 'mallory' WHERE seq = 1"_s);
        QVERIFY(!upd);
        QVERIFY(upd.error().detail.contains(u"append-only"_s));
        QVERIFY(!m_db->exec(u"DELETE FROM audit_log WHERE seq = 2"_s));
        auto v = AuditLog(*m_db).verify();
        QVERIFY(v && v->ok);
        QCOMPARE(v->entriesChecked, 2);
    }

    void tamperingIsCaught_data()
    {
        QTest::addColumn<QString>("tamper");
        QTest::addColumn<qint64>("brokenSeq");
        QTest::addColumn<QString>("reasonContains");
        QTest::addColumn<qint64>("checkedBefore");

        QTest::newRow("after json edited") << u"UPDATE audit_log SET after_json = '{\"taxCode\":\"ZERO\"}' WHERE seq = 3"_s
                                          << qint64(3) << u"altered"_s << qint64(2);
        QTest::newRow("actor rewritten") << u"UPDATE audit_log SET actor = 'mallory' WHERE seq = 2"_s << qint64(2)
                                         << u"altered"_s << qint64(1);
        QTest::newRow("time moved") << u"UPDATE audit_log SET at = at - 86400000 WHERE seq = 4"_s << qint64(4)
                                    << u"altered"_s << qint64(3);
        QTest::newRow("row deleted") << u"DELETE FROM audit_log WHERE seq = 3"_s << qint64(3) << u"missing"_s
                                     << qint64(2);
        // Recomputing the edited row's own hash does not help: the next link breaks.
        QTest::newRow("row rehashed") << u"UPDATE audit_log SET hash = 'f' || substr(hash, 2) WHERE seq = 2"_s
                                      << qint64(2) << u"altered"_s << qint64(1);
        QTest::newRow("first row") << u"UPDATE audit_log SET entity_id = '99' WHERE seq = 1"_s << qint64(1)
                                   << u"altered"_s << qint64(0);
    }

    void tamperingIsCaught()
    {
        QFETCH(QString, tamper);
        QFETCH(qint64, brokenSeq);
        QFETCH(QString, reasonContains);
        QFETCH(qint64, checkedBefore);
        writeEntries(5);
        dropGuards();
        QVERIFY(m_db->exec(tamper));
        auto v = AuditLog(*m_db).verify();
        QVERIFY(v);
        QVERIFY(!v->ok);
        QCOMPARE(v->firstBrokenSeq, brokenSeq);
        QVERIFY2(v->reason.contains(reasonContains), qPrintable(v->reason));
        QCOMPARE(v->entriesChecked, checkedBefore);
    }

    void forgedRowWithValidOwnHashBreaksNextLink()
    {
        const QList<AuditEntry> written = writeEntries(4);
        dropGuards();
        // The forger rewrites entry 2 and recomputes its hash correctly…
        AuditEntry forged = written.at(1);
        forged.afterJson = R"({"taxCode":"FORGED"})";
        forged.hash = AuditLog::computeHash(forged);
        QVERIFY(m_db->exec(u"UPDATE audit_log SET after_json = ?, hash = ? WHERE seq = 2"_s,
                           {QString::fromUtf8(forged.afterJson), QString::fromLatin1(forged.hash)}));
        // …but entry 3 still points at the old hash.
        auto v = AuditLog(*m_db).verify();
        QVERIFY(v);
        QVERIFY(!v->ok);
        QCOMPARE(v->firstBrokenSeq, 3);
        QVERIFY2(v->reason.contains(u"does not point at"_s), qPrintable(v->reason));
    }

    void hashCoversEveryField()
    {
        AuditEntry base;
        base.seq = 7;
        base.at = QDateTime::fromMSecsSinceEpoch(1'774'710'000'123, Qt::UTC);
        base.actor = u"a"_s;
        base.actorRole = u"owner"_s;
        base.action = u"x"_s;
        base.entityType = u"t"_s;
        base.entityId = u"1"_s;
        base.beforeJson = "{}";
        base.afterJson = "{}";
        base.prevHash = AuditLog::genesisHash();
        const QByteArray h = AuditLog::computeHash(base);
        QList<AuditEntry> variants(10, base);
        variants[0].seq = 8;
        variants[1].at = base.at.addMSecs(1);
        variants[2].actor = u"b"_s;
        variants[3].actorRole = u"viewer"_s;
        variants[4].action = u"y"_s;
        variants[5].entityType = u"u"_s;
        variants[6].entityId = u"2"_s;
        variants[7].beforeJson = "{ }";
        variants[8].afterJson = "[]";
        variants[9].prevHash = QByteArray(64, 'f');
        for (const AuditEntry &v : std::as_const(variants))
            QVERIFY(AuditLog::computeHash(v) != h);
        // Field boundaries matter: moving a character between fields changes the hash.
        AuditEntry shifted = base;
        shifted.entityType = u"t1"_s;
        shifted.entityId = QString();
        QVERIFY(AuditLog::computeHash(shifted) != h);
    }

    void appendRefusesAnonymous()
    {
        auto e = AuditLog(*m_db).append(Actor{}, u"x"_s, u"t"_s, u"1"_s, {}, {});
        QVERIFY(!e);
        QCOMPARE(e.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(*AuditLog(*m_db).count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
