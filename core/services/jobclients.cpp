#include "services/jobclients.h"

#include "store/database.h"

#include <QSet>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Concord::Services {

namespace {

// SQLite's default limit on bound parameters is 32,766 but older builds had
// 999; chunks of 500 stay under both, and under PostgreSQL's 65,535.
constexpr qsizetype kChunk = 500;

// Runs `sqlTemplate` (with "%1" for the placeholders) over `ids` in chunks;
// each row is (key id as text, client name).
Status namesByIds(const Store::Database &db, const QString &sqlTemplate, const QVariantList &ids,
                  QHash<QString, QString> &out)
{
    for (qsizetype from = 0; from < ids.size(); from += kChunk) {
        const QVariantList binds = ids.mid(from, kChunk);
        const QStringList marks(binds.size(), u"?"_s);
        auto rows = db.select<std::pair<QString, QString>>(sqlTemplate.arg(marks.join(u',')), binds,
                                                           [](const QSqlQuery &q) {
                                                               return std::pair { q.value(0).toString(),
                                                                                  q.value(1).toString() };
                                                           });
        if (!rows)
            return std::unexpected(rows.error());
        for (const auto &[id, name] : std::as_const(*rows))
            out.insert(id, name);
    }
    return {};
}

QVariantList textBinds(const QSet<QString> &ids)
{
    QVariantList binds;
    binds.reserve(ids.size());
    for (const QString &id : ids)
        binds << id;
    return binds;
}

// Appointment and invoice ids are integers in the store: bound as integers
// so the primary key answers (an id that is not a number names nothing).
QVariantList integerBinds(const QSet<QString> &ids)
{
    QVariantList binds;
    binds.reserve(ids.size());
    for (const QString &id : ids) {
        bool ok = false;
        const qlonglong value = id.toLongLong(&ok);
        if (ok)
            binds << value;
    }
    return binds;
}

// The customer a plan key names directly, or the appointment it names.
struct PlanSubject {
    QString customerId;
    QString appointmentId;
};

PlanSubject planSubject(const QString &key)
{
    const QStringList parts = key.split(u'/');
    if (parts.size() >= 2 && (parts.first() == u"session"_s || parts.first() == u"fee"_s))
        return { {}, parts.at(1) };
    if (parts.size() >= 3 && parts.first() == u"monthly"_s)
        return { parts.at(1), {} };
    return {};
}

// A merged customer's name is the survivor's: that is who the job is for now.
const QString kClientName = u"COALESCE(m.display_name, c.display_name)"_s;
const QString kClientJoin = u"LEFT JOIN customers m ON m.id = c.merged_into"_s;

} // namespace

QString jobClientKey(const Domain::OutboxJob &job)
{
    return job.entityType + u'/' + job.entityId;
}

Result<QHash<QString, QString>> clientNamesForJobs(const Store::Database &db, const QList<Domain::OutboxJob> &jobs)
{
    QSet<QString> customers;
    QSet<QString> appointments;
    QSet<QString> invoices;
    for (const Domain::OutboxJob &job : jobs) {
        if (job.entityId.isEmpty())
            continue;
        if (job.entityType == u"customer"_s) {
            customers.insert(job.entityId);
        } else if (job.entityType == u"appointment"_s) {
            appointments.insert(job.entityId);
        } else if (job.entityType == u"invoice"_s) {
            invoices.insert(job.entityId);
        } else if (job.entityType == u"invoice-plan"_s) {
            const PlanSubject subject = planSubject(job.entityId);
            if (!subject.customerId.isEmpty())
                customers.insert(subject.customerId);
            if (!subject.appointmentId.isEmpty())
                appointments.insert(subject.appointmentId);
        }
    }

    QHash<QString, QString> byCustomer;
    QHash<QString, QString> byAppointment;
    QHash<QString, QString> byInvoice;
    if (Status ok = namesByIds(db,
                               u"SELECT c.id, "_s + kClientName + u" FROM customers c "_s + kClientJoin
                                   + u" WHERE c.id IN (%1)"_s,
                               textBinds(customers), byCustomer);
        !ok)
        return std::unexpected(ok.error());
    if (Status ok = namesByIds(db,
                               u"SELECT a.id, "_s + kClientName
                                   + u" FROM appointments a JOIN customers c ON c.id = a.customer_id "_s + kClientJoin
                                   + u" WHERE a.id IN (%1)"_s,
                               integerBinds(appointments), byAppointment);
        !ok)
        return std::unexpected(ok.error());
    if (Status ok = namesByIds(db,
                               u"SELECT i.id, "_s + kClientName
                                   + u" FROM invoices i JOIN customers c ON c.id = i.customer_id "_s + kClientJoin
                                   + u" WHERE i.id IN (%1)"_s,
                               integerBinds(invoices), byInvoice);
        !ok)
        return std::unexpected(ok.error());

    QHash<QString, QString> names;
    for (const Domain::OutboxJob &job : jobs) {
        QString name;
        if (job.entityType == u"customer"_s) {
            name = byCustomer.value(job.entityId);
        } else if (job.entityType == u"appointment"_s) {
            name = byAppointment.value(job.entityId);
        } else if (job.entityType == u"invoice"_s) {
            name = byInvoice.value(job.entityId);
        } else if (job.entityType == u"invoice-plan"_s) {
            const PlanSubject subject = planSubject(job.entityId);
            name = subject.customerId.isEmpty() ? byAppointment.value(subject.appointmentId)
                                                : byCustomer.value(subject.customerId);
        }
        if (!name.isEmpty())
            names.insert(jobClientKey(job), name);
    }
    return names;
}

} // namespace Concord::Services
