#pragma once

// Shared helpers for the store tests (tests/core/store/tst_*.cpp): opening a
// migrated store in a temporary folder, whole-database snapshots for "nothing
// changed" assertions, and one-line dumps of every domain struct so a
// QCOMPARE of two dumps names the exact field that differs.
//
// Every store test runs on both engines (core_tst_foo on SQLite,
// core_tst_foo_pg on PostgreSQL, see teststore.h): storeUrlIn()/openMigrated()
// hand out a fresh SQLite file or a fresh PostgreSQL database, and the
// snapshot helpers read either engine's catalog.
//
// Header-only on purpose: each tst_*.cpp is its own executable.

#include "common/clock.h"
#include "common/error.h"
#include "domain/appointment.h"
#include "domain/billing.h"
#include "domain/customer.h"
#include "domain/money.h"
#include "domain/operations.h"
#include "domain/rules.h"
#include "domain/user.h"
#include "store/billingrepository.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/outboxrepository.h"
#include "teststore.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlRecord>
#include <QSqlQuery>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>
#include <optional>

namespace Concord::StoreTest {

using namespace Qt::StringLiterals;

// ---------------------------------------------------------------------------
// Results

// "ok", or "<code>: message (detail)" — for QVERIFY2 messages.
template<typename R>
QByteArray outcome(const R &result)
{
    if (result.has_value())
        return "ok";
    return (errorCodeName(result.error().code) + u": "_s + result.error().toString()).toUtf8();
}

// "ok" or the error code's name, so QCOMPARE prints something readable.
template<typename R>
QString codeOf(const R &result)
{
    return result.has_value() ? u"ok"_s : errorCodeName(result.error().code);
}

} // namespace Concord::StoreTest

// Fails the test (with the error's full text) unless `result` succeeded.
#define STORE_VERIFY_OK(result) \
    QVERIFY2((result).has_value(), ::Concord::StoreTest::outcome(result).constData())

// Fails the test unless `result` failed with `code`.
#define STORE_VERIFY_ERROR(result, code) \
    QCOMPARE(::Concord::StoreTest::codeOf(result), ::Concord::errorCodeName(code))

namespace Concord::StoreTest {

// The store logs every migration at info level; one line per test row only
// buries the failures.
inline void quietStoreLog()
{
    QLoggingCategory::setFilterRules(u"concord.core.store.info=false"_s);
}

// ---------------------------------------------------------------------------
// A fixed, millisecond-precise start for every ManualClock in these tests.
inline QDateTime fixedStart()
{
    return QDateTime(QDate(2025, 1, 15), QTime(9, 30, 0, 123), Qt::UTC);
}

using Test::onPostgres;
using Test::testEngineName;

// The store URL for `file` in `dir` on the engine under test: a SQLite file,
// or a new PostgreSQL database standing for that file (the same one again for
// the same dir and file, so "reopening the file" works on both engines).
inline QString storeUrlIn(const QTemporaryDir &dir, const QString &file = u"store.sqlite"_s)
{
    return Test::testStoreUrl(dir, file);
}

// Opens the store for `file` in `dir` (see storeUrlIn) and migrates it.
// Errors are returned so the caller can QVERIFY them with their text.
inline Result<std::unique_ptr<Store::Database>> openMigrated(const QTemporaryDir &dir,
                                                             const QString &file = u"store.sqlite"_s)
{
    // On PostgreSQL the database starts as a copy of a migrated template;
    // migrate() then checks the version and has nothing to do.
    auto db = Store::Database::open(Test::testStoreUrl(dir, file, true));
    if (!db)
        return db;
    if (auto ok = Store::migrate(**db); !ok)
        return std::unexpected(ok.error());
    return db;
}

// ---------------------------------------------------------------------------
// Whole-database snapshots

inline QString cellText(const QVariant &v)
{
    if (v.isNull())
        return u"NULL"_s;
    if (v.typeId() == QMetaType::QByteArray)
        return u"x'"_s + QString::fromLatin1(v.toByteArray().toHex()) + u"'"_s;
    return v.toString();
}

// Every row of `table`, one "c1 | c2 | …" line per row: in rowid (insertion)
// order on SQLite; on PostgreSQL, which has no stable row order, sorted by
// every column left to right (the id first, where the table has one).
inline QStringList tableRows(const Store::Database &db, const QString &table)
{
    QSqlQuery q(db.handle());
    QString sql = u"SELECT * FROM \"%1\" ORDER BY rowid"_s.arg(table);
    if (db.engine() == Store::Engine::PostgreSQL) {
        QSqlQuery probe(db.handle());
        if (!probe.exec(u"SELECT * FROM \"%1\" LIMIT 0"_s.arg(table)))
            return {u"<cannot read %1: %2>"_s.arg(table, probe.lastError().text())};
        QStringList order;
        for (int i = 1; i <= probe.record().count(); ++i)
            order << QString::number(i);
        sql = u"SELECT * FROM \"%1\" ORDER BY %2"_s.arg(table, order.join(u", "_s));
    }
    if (!q.exec(sql))
        return {u"<cannot read %1: %2>"_s.arg(table, q.lastError().text())};
    QStringList rows;
    while (q.next()) {
        QStringList cells;
        for (int i = 0; i < q.record().count(); ++i)
            cells << cellText(q.value(i));
        rows << cells.join(u" | "_s);
    }
    return rows;
}

inline QStringList tableNames(const Store::Database &db)
{
    QSqlQuery q(db.handle());
    QStringList names;
    const QString sql = db.engine() == Store::Engine::SQLite
        ? u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"_s
        : u"SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
          "AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE \"C\""_s;
    if (!q.exec(sql))
        return {u"<cannot list tables: %1>"_s.arg(q.lastError().text())};
    while (q.next())
        names << q.value(0).toString();
    return names;
}

// The schema (every table, index and trigger with its SQL; on PostgreSQL the
// columns with their types, defaults and nullability instead of the CREATE
// TABLE text, which PostgreSQL does not keep).
inline QStringList schemaObjects(const Store::Database &db)
{
    QSqlQuery q(db.handle());
    QStringList out;
    if (db.engine() == Store::Engine::PostgreSQL) {
        const QString sql = uR"(
            SELECT 'column', table_name || '.' || column_name, table_name,
                   data_type || ' ' || is_nullable || ' ' || COALESCE(column_default, '')
              FROM information_schema.columns WHERE table_schema = current_schema()
            UNION ALL
            SELECT 'index', indexname, tablename, indexdef FROM pg_indexes WHERE schemaname = current_schema()
            UNION ALL
            SELECT 'trigger', t.tgname, c.relname, pg_get_triggerdef(t.oid)
              FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal
            ORDER BY 1, 2)"_s;
        if (!q.exec(sql))
            return {u"<cannot read the PostgreSQL catalog: %1>"_s.arg(q.lastError().text())};
    } else if (!q.exec(u"SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"_s)) {
        return {u"<cannot read sqlite_master: %1>"_s.arg(q.lastError().text())};
    }
    while (q.next()) {
        out << u"%1 %2 on %3: %4"_s.arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                        q.value(3).toString().simplified());
    }
    return out;
}

// Schema plus every row of every table: equal snapshots mean nothing changed.
inline QStringList snapshot(const Store::Database &db)
{
    QStringList out = schemaObjects(db);
    const QStringList tables = tableNames(db);
    for (const QString &table : tables) {
        const QStringList rows = tableRows(db, table);
        for (const QString &row : rows)
            out << table + u": "_s + row;
    }
    return out;
}

inline qint64 rowCount(const Store::Database &db, const QString &table)
{
    QSqlQuery q(db.handle());
    if (!q.exec(u"SELECT COUNT(*) FROM \"%1\""_s.arg(table)) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

// ---------------------------------------------------------------------------
// Values

inline Domain::Money money(qint64 minor, const QString &currency = u"USD"_s)
{
    auto m = Domain::Money::fromMinor(minor, currency);
    Q_ASSERT(m.has_value()); // test inputs only
    return *m;
}

inline QDateTime utc(const QString &iso)
{
    QDateTime dt = QDateTime::fromString(iso, Qt::ISODateWithMs);
    Q_ASSERT(dt.isValid());
    return dt.toUTC();
}

// ---------------------------------------------------------------------------
// One-line dumps of whole values

inline QString str(const QString &s)
{
    return u"'"_s + s + u"'"_s;
}
inline QString str(const QDateTime &dt)
{
    return dt.isValid() ? dt.toUTC().toString(Qt::ISODateWithMs) : u"<invalid>"_s;
}
inline QString str(const QDate &d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : u"<invalid>"_s;
}
inline QString str(const Domain::Money &m)
{
    return m.isValid() ? m.toString() : u"<no currency %1>"_s.arg(m.minorUnits());
}
inline QString str(const Domain::ZonedInstant &z)
{
    return z.isValid() ? z.toIsoUtc() + u"@"_s + z.zoneId() : u"<invalid>"_s;
}
inline QString str(bool b)
{
    return b ? u"true"_s : u"false"_s;
}
inline QString str(qint64 n)
{
    return QString::number(n);
}
inline QString str(int n)
{
    return QString::number(n);
}

// name=value pairs joined into "Type{a=1, b='x'}".
class Dump
{
public:
    explicit Dump(const QString &type) : m_type(type) {}
    template<typename V>
    Dump &f(const QString &name, const V &value)
    {
        m_parts << name + u"="_s + str(value);
        return *this;
    }
    Dump &raw(const QString &name, const QString &text)
    {
        m_parts << name + u"="_s + text;
        return *this;
    }
    operator QString() const { return m_type + u"{"_s + m_parts.join(u", "_s) + u"}"_s; }

private:
    QString m_type;
    QStringList m_parts;
};

// Forward declarations, so dumpAll() finds every overload.
inline QString dump(const Domain::ContactPoint &p);
inline QString dump(const Domain::Customer &c);
inline QString dump(const Domain::ExternalLink &l);
inline QString dump(const Domain::DuplicateCandidate &c);
inline QString dump(const Domain::MergeProposal &p);
inline QString dump(const Domain::Appointment &a);
inline QString dump(const Domain::StaffMember &s);
inline QString dump(const Domain::Service &s);
inline QString dump(const Domain::InvoiceLine &l);
inline QString dump(const Domain::Invoice &i);
inline QString dump(const Domain::PaymentApplication &a);
inline QString dump(const Domain::Payment &p);
inline QString dump(const Domain::Credit &c);
inline QString dump(const Store::CustomerBalance &b);
inline QString dump(const Domain::FieldMapping &m);
inline QString dump(const Domain::StatusMapping &m);
inline QString dump(const Domain::TaxRule &r);
inline QString dump(const Domain::DiscountRule &r);
inline QString dump(const Domain::InvoicePolicy &p);
inline QString dump(const Domain::OutboxJob &j);
inline QString dump(const Store::OutboxCounts &c);
inline QString dump(const Domain::SyncLogEntry &e);
inline QString dump(const Domain::SyncCursor &c);
inline QString dump(const Domain::Connection &c);
inline QString dump(const Domain::InboundEvent &e);
inline QString dump(const Domain::Attachment &a);
inline QString dump(const Domain::ReviewSchedule &s);
inline QString dump(const Domain::ReviewRun &r);
inline QString dump(const Domain::User &u);

template<typename T>
QStringList dumpAll(const QList<T> &values)
{
    QStringList out;
    for (const T &v : values)
        out << dump(v);
    return out;
}

inline QString dump(const Domain::ContactPoint &p)
{
    return Dump(u"ContactPoint"_s)
        .f(u"id"_s, p.id)
        .f(u"customerId"_s, p.customerId)
        .raw(u"kind"_s, toString(p.kind))
        .f(u"value"_s, p.value)
        .f(u"normalized"_s, p.normalized)
        .f(u"isPrimary"_s, p.isPrimary)
        .raw(u"sourceSystem"_s, p.sourceSystem ? toString(*p.sourceSystem) : u"<none>"_s);
}

inline QString dump(const Domain::Customer &c)
{
    return Dump(u"Customer"_s)
        .f(u"id"_s, c.id)
        .f(u"displayName"_s, c.displayName)
        .f(u"givenName"_s, c.givenName)
        .f(u"familyName"_s, c.familyName)
        .f(u"companyName"_s, c.companyName)
        .f(u"timeZone"_s, c.timeZone)
        .raw(u"state"_s, toString(c.state))
        .f(u"mergedInto"_s, c.mergedInto)
        .f(u"createdAt"_s, c.createdAt)
        .f(u"updatedAt"_s, c.updatedAt)
        .f(u"version"_s, c.version)
        .raw(u"contacts"_s, u"["_s + dumpAll(c.contacts).join(u"; "_s) + u"]"_s);
}

inline QString dump(const Domain::ExternalLink &l)
{
    return Dump(u"ExternalLink"_s)
        .f(u"id"_s, l.id)
        .f(u"customerId"_s, l.customerId)
        .raw(u"system"_s, toString(l.system))
        .f(u"externalId"_s, l.externalId)
        .raw(u"method"_s, toString(l.method))
        .f(u"confidencePermille"_s, l.confidencePermille)
        .f(u"evidenceJson"_s, l.evidenceJson)
        .f(u"linkedAt"_s, l.linkedAt)
        .f(u"linkedBy"_s, l.linkedBy);
}

inline QString dump(const Domain::DuplicateCandidate &c)
{
    return Dump(u"DuplicateCandidate"_s)
        .f(u"id"_s, c.id)
        .f(u"customerA"_s, c.customerA)
        .f(u"customerB"_s, c.customerB)
        .f(u"scorePermille"_s, c.scorePermille)
        .f(u"evidenceJson"_s, c.evidenceJson)
        .raw(u"state"_s, toString(c.state))
        .f(u"foundAt"_s, c.foundAt);
}

inline QString dump(const Domain::MergeProposal &p)
{
    return Dump(u"MergeProposal"_s)
        .f(u"id"_s, p.id)
        .f(u"survivorId"_s, p.survivorId)
        .raw(u"mergedIds"_s, u"["_s + QStringList(p.mergedIds).join(u","_s) + u"]"_s)
        .f(u"fieldChoicesJson"_s, p.fieldChoicesJson)
        .f(u"evidenceJson"_s, p.evidenceJson)
        .raw(u"state"_s, toString(p.state))
        .f(u"proposedBy"_s, p.proposedBy)
        .f(u"proposedAt"_s, p.proposedAt)
        .f(u"decidedBy"_s, p.decidedBy)
        .f(u"decidedAt"_s, p.decidedAt)
        .f(u"note"_s, p.note)
        .f(u"executionJson"_s, p.executionJson);
}

inline QString dump(const Domain::Appointment &a)
{
    return Dump(u"Appointment"_s)
        .f(u"id"_s, a.id)
        .f(u"customerId"_s, a.customerId)
        .f(u"calcomUid"_s, a.calcomUid)
        .f(u"start"_s, a.start)
        .f(u"durationMinutes"_s, a.durationMinutes)
        .f(u"staffId"_s, a.staffId)
        .f(u"serviceId"_s, a.serviceId)
        .raw(u"status"_s, toString(a.status))
        .f(u"sourceVersion"_s, a.sourceVersion)
        .f(u"rescheduledFromId"_s, a.rescheduledFromId)
        .f(u"title"_s, a.title)
        .f(u"createdAt"_s, a.createdAt)
        .f(u"updatedAt"_s, a.updatedAt);
}

inline QString dump(const Domain::StaffMember &s)
{
    return Dump(u"StaffMember"_s)
        .f(u"id"_s, s.id)
        .f(u"email"_s, s.email)
        .f(u"displayName"_s, s.displayName)
        .f(u"calcomUserId"_s, s.calcomUserId)
        .f(u"hubspotOwnerId"_s, s.hubspotOwnerId)
        .f(u"active"_s, s.active);
}

inline QString dump(const Domain::Service &s)
{
    return Dump(u"Service"_s)
        .f(u"id"_s, s.id)
        .f(u"name"_s, s.name)
        .f(u"calcomEventTypeId"_s, s.calcomEventTypeId)
        .f(u"quickbooksItemId"_s, s.quickbooksItemId)
        .f(u"defaultDurationMinutes"_s, s.defaultDurationMinutes)
        .f(u"rateMinor"_s, s.rateMinor)
        .f(u"currency"_s, s.currency)
        .f(u"location"_s, s.location)
        .f(u"active"_s, s.active);
}

inline QString dump(const Domain::InvoiceLine &l)
{
    return Dump(u"InvoiceLine"_s)
        .f(u"id"_s, l.id)
        .f(u"invoiceId"_s, l.invoiceId)
        .f(u"lineNumber"_s, l.lineNumber)
        .f(u"appointmentId"_s, l.appointmentId)
        .f(u"itemId"_s, l.itemId)
        .f(u"description"_s, l.description)
        .f(u"quantityMilli"_s, l.quantityMilli)
        .f(u"rate"_s, l.rate)
        .f(u"amount"_s, l.amount)
        .f(u"serviceDate"_s, l.serviceDate)
        .f(u"taxCode"_s, l.taxCode);
}

inline QString dump(const Domain::Invoice &i)
{
    return Dump(u"Invoice"_s)
        .f(u"id"_s, i.id)
        .f(u"customerId"_s, i.customerId)
        .f(u"quickbooksId"_s, i.quickbooksId)
        .f(u"docNumber"_s, i.docNumber)
        .f(u"txnDate"_s, i.txnDate)
        .f(u"dueDate"_s, i.dueDate)
        .f(u"total"_s, i.total)
        .f(u"balance"_s, i.balance)
        .f(u"tax"_s, i.tax)
        .f(u"discount"_s, i.discount)
        .f(u"deposit"_s, i.deposit)
        .raw(u"status"_s, toString(i.status))
        .f(u"syncToken"_s, i.syncToken)
        .f(u"invoiceLink"_s, i.invoiceLink)
        .f(u"remoteUpdatedAt"_s, i.remoteUpdatedAt)
        .f(u"createdAt"_s, i.createdAt)
        .f(u"updatedAt"_s, i.updatedAt)
        .raw(u"lines"_s, u"["_s + dumpAll(i.lines).join(u"; "_s) + u"]"_s);
}

inline QString dump(const Domain::PaymentApplication &a)
{
    return Dump(u"PaymentApplication"_s).f(u"invoiceId"_s, a.invoiceId).f(u"amount"_s, a.amount);
}

inline QString dump(const Domain::Payment &p)
{
    return Dump(u"Payment"_s)
        .f(u"id"_s, p.id)
        .f(u"customerId"_s, p.customerId)
        .f(u"quickbooksId"_s, p.quickbooksId)
        .f(u"txnDate"_s, p.txnDate)
        .f(u"amount"_s, p.amount)
        .f(u"unapplied"_s, p.unapplied)
        .f(u"syncToken"_s, p.syncToken)
        .f(u"remoteUpdatedAt"_s, p.remoteUpdatedAt)
        .raw(u"applications"_s, u"["_s + dumpAll(p.applications).join(u"; "_s) + u"]"_s);
}

inline QString dump(const Domain::Credit &c)
{
    return Dump(u"Credit"_s)
        .f(u"id"_s, c.id)
        .raw(u"kind"_s, toString(c.kind))
        .f(u"customerId"_s, c.customerId)
        .f(u"quickbooksId"_s, c.quickbooksId)
        .f(u"invoiceId"_s, c.invoiceId)
        .f(u"txnDate"_s, c.txnDate)
        .f(u"amount"_s, c.amount)
        .f(u"remoteUpdatedAt"_s, c.remoteUpdatedAt);
}

inline QString dump(const Store::CustomerBalance &b)
{
    return Dump(u"CustomerBalance"_s)
        .f(u"customerId"_s, b.customerId)
        .f(u"outstanding"_s, b.outstanding)
        .f(u"overdue"_s, b.overdue)
        .f(u"openInvoices"_s, b.openInvoices);
}

inline QString dump(const Domain::FieldMapping &m)
{
    return Dump(u"FieldMapping"_s)
        .f(u"id"_s, m.id)
        .f(u"field"_s, m.field)
        .raw(u"sourceSystem"_s, toString(m.sourceSystem))
        .raw(u"targetSystem"_s, toString(m.targetSystem))
        .f(u"sourcePath"_s, m.sourcePath)
        .f(u"targetPath"_s, m.targetPath)
        .f(u"transform"_s, m.transform)
        .raw(u"authoritativeSystem"_s, toString(m.authoritativeSystem))
        .f(u"enabled"_s, m.enabled)
        .f(u"version"_s, m.version)
        .f(u"updatedBy"_s, m.updatedBy)
        .f(u"updatedAt"_s, m.updatedAt);
}

inline QString dump(const Domain::StatusMapping &m)
{
    return Dump(u"StatusMapping"_s)
        .f(u"id"_s, m.id)
        .raw(u"domain"_s, toString(m.domain))
        .f(u"status"_s, m.status)
        .raw(u"targetSystem"_s, toString(m.targetSystem))
        .raw(u"action"_s, toString(m.action))
        .f(u"targetValue"_s, m.targetValue)
        .f(u"version"_s, m.version)
        .f(u"updatedBy"_s, m.updatedBy)
        .f(u"updatedAt"_s, m.updatedAt);
}

inline QString dump(const Domain::TaxRule &r)
{
    return Dump(u"TaxRule"_s)
        .f(u"id"_s, r.id)
        .f(u"serviceId"_s, r.serviceId)
        .f(u"location"_s, r.location)
        .f(u"customerId"_s, r.customerId)
        .f(u"taxCode"_s, r.taxCode)
        .f(u"priority"_s, r.priority)
        .f(u"enabled"_s, r.enabled)
        .f(u"version"_s, r.version)
        .f(u"updatedBy"_s, r.updatedBy)
        .f(u"updatedAt"_s, r.updatedAt);
}

inline QString dump(const Domain::DiscountRule &r)
{
    return Dump(u"DiscountRule"_s)
        .f(u"id"_s, r.id)
        .f(u"serviceId"_s, r.serviceId)
        .f(u"location"_s, r.location)
        .f(u"customerId"_s, r.customerId)
        .f(u"percentBasisPoints"_s, r.percentBasisPoints)
        .f(u"amountMinor"_s, r.amountMinor)
        .f(u"currency"_s, r.currency)
        .f(u"description"_s, r.description)
        .f(u"priority"_s, r.priority)
        .f(u"enabled"_s, r.enabled)
        .f(u"version"_s, r.version)
        .f(u"updatedBy"_s, r.updatedBy)
        .f(u"updatedAt"_s, r.updatedAt);
}

inline QString dump(const Domain::InvoicePolicy &p)
{
    return Dump(u"InvoicePolicy"_s)
        .f(u"id"_s, p.id)
        .f(u"serviceId"_s, p.serviceId)
        .f(u"customerId"_s, p.customerId)
        .raw(u"mode"_s, toString(p.mode))
        .raw(u"grouping"_s, toString(p.grouping))
        .f(u"depositBasisPoints"_s, p.depositBasisPoints)
        .f(u"paymentTermDays"_s, p.paymentTermDays)
        .raw(u"cancellation"_s, toString(p.cancellation))
        .f(u"lateCancelWindowHours"_s, p.lateCancelWindowHours)
        .f(u"lateFeeMinor"_s, p.lateFeeMinor)
        .f(u"blockThresholdMinor"_s, p.blockThresholdMinor)
        .raw(u"blockAction"_s, toString(p.blockAction))
        .f(u"currency"_s, p.currency)
        .f(u"version"_s, p.version)
        .f(u"updatedBy"_s, p.updatedBy)
        .f(u"updatedAt"_s, p.updatedAt);
}

inline QString dump(const Domain::OutboxJob &j)
{
    return Dump(u"OutboxJob"_s)
        .f(u"id"_s, j.id)
        .raw(u"targetSystem"_s, toString(j.targetSystem))
        .f(u"operation"_s, j.operation)
        .f(u"entityType"_s, j.entityType)
        .f(u"entityId"_s, j.entityId)
        .raw(u"payloadJson"_s, QString::fromUtf8(j.payloadJson))
        .f(u"idempotencyKey"_s, j.idempotencyKey)
        .raw(u"state"_s, toString(j.state))
        .f(u"attempts"_s, j.attempts)
        .f(u"nextAttemptAt"_s, j.nextAttemptAt)
        .f(u"sourceChangedAt"_s, j.sourceChangedAt)
        .f(u"lastErrorCode"_s, j.lastErrorCode)
        .f(u"lastErrorMessage"_s, j.lastErrorMessage)
        .f(u"lastErrorDetail"_s, j.lastErrorDetail)
        .f(u"lastHttpStatus"_s, j.lastHttpStatus)
        .f(u"lastRequestId"_s, j.lastRequestId)
        .f(u"claimedBy"_s, j.claimedBy)
        .f(u"leaseUntil"_s, j.leaseUntil)
        .f(u"createdAt"_s, j.createdAt)
        .f(u"updatedAt"_s, j.updatedAt);
}

inline QString dump(const Store::OutboxCounts &c)
{
    return Dump(u"OutboxCounts"_s)
        .f(u"pending"_s, c.pending)
        .f(u"inFlight"_s, c.inFlight)
        .f(u"failed"_s, c.failed)
        .f(u"succeeded"_s, c.succeeded)
        .f(u"dismissed"_s, c.dismissed);
}

inline QString dump(const Domain::SyncLogEntry &e)
{
    return Dump(u"SyncLogEntry"_s)
        .f(u"id"_s, e.id)
        .f(u"at"_s, e.at)
        .raw(u"system"_s, toString(e.system))
        .f(u"direction"_s, e.direction)
        .f(u"entityType"_s, e.entityType)
        .f(u"entityId"_s, e.entityId)
        .f(u"externalId"_s, e.externalId)
        .f(u"action"_s, e.action)
        .f(u"outcome"_s, e.outcome)
        .f(u"latencyMs"_s, e.latencyMs)
        .f(u"requestId"_s, e.requestId)
        .f(u"message"_s, e.message);
}

inline QString dump(const Domain::SyncCursor &c)
{
    return Dump(u"SyncCursor"_s)
        .raw(u"system"_s, toString(c.system))
        .f(u"resource"_s, c.resource)
        .f(u"value"_s, c.value)
        .f(u"updatedAt"_s, c.updatedAt);
}

inline QString dump(const Domain::Connection &c)
{
    return Dump(u"Connection"_s)
        .raw(u"system"_s, toString(c.system))
        .raw(u"state"_s, toString(c.state))
        .f(u"accountLabel"_s, c.accountLabel)
        .f(u"baseUrl"_s, c.baseUrl)
        .f(u"accessExpiresAt"_s, c.accessExpiresAt)
        .f(u"refreshIssuedAt"_s, c.refreshIssuedAt)
        .f(u"refreshExpiresAt"_s, c.refreshExpiresAt)
        .f(u"lastOkAt"_s, c.lastOkAt)
        .f(u"lastError"_s, c.lastError)
        .f(u"updatedAt"_s, c.updatedAt);
}

inline QString dump(const Domain::InboundEvent &e)
{
    return Dump(u"InboundEvent"_s)
        .f(u"id"_s, e.id)
        .raw(u"system"_s, toString(e.system))
        .f(u"dedupeKey"_s, e.dedupeKey)
        .f(u"receivedAt"_s, e.receivedAt)
        .raw(u"body"_s, QString::fromLatin1(e.body.toHex()))
        .f(u"processedAt"_s, e.processedAt)
        .f(u"error"_s, e.error);
}

inline QString dump(const Domain::Attachment &a)
{
    return Dump(u"Attachment"_s)
        .f(u"id"_s, a.id)
        .f(u"sha256Hex"_s, a.sha256Hex)
        .f(u"invoiceId"_s, a.invoiceId)
        .f(u"mimeType"_s, a.mimeType)
        .f(u"sizeBytes"_s, a.sizeBytes)
        .f(u"storagePath"_s, a.storagePath)
        .f(u"fetchedAt"_s, a.fetchedAt)
        .f(u"expiresAt"_s, a.expiresAt);
}

inline QString dump(const Domain::ReviewSchedule &s)
{
    return Dump(u"ReviewSchedule"_s)
        .f(u"id"_s, s.id)
        .raw(u"cadence"_s, toString(s.cadence))
        .f(u"ownerUserId"_s, s.ownerUserId)
        .f(u"nextDue"_s, s.nextDue)
        .f(u"lastCompletedAt"_s, s.lastCompletedAt);
}

inline QString dump(const Domain::ReviewRun &r)
{
    return Dump(u"ReviewRun"_s)
        .f(u"id"_s, r.id)
        .f(u"scheduleId"_s, r.scheduleId)
        .f(u"completedByUserId"_s, r.completedByUserId)
        .f(u"completedAt"_s, r.completedAt)
        .f(u"findingsJson"_s, r.findingsJson);
}

inline QString dump(const Domain::User &u)
{
    return Dump(u"User"_s)
        .f(u"id"_s, u.id)
        .f(u"username"_s, u.username)
        .f(u"displayName"_s, u.displayName)
        .raw(u"role"_s, toString(u.role))
        .f(u"active"_s, u.active)
        .f(u"createdAt"_s, u.createdAt)
        .f(u"lastSignInAt"_s, u.lastSignInAt)
        .f(u"version"_s, u.version);
}

} // namespace Concord::StoreTest
