#include "store/appointmentrepository.h"

#include "store/database.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;
using namespace Concord::Domain;

namespace Concord::Store {

namespace {

const QString kColumns =
    u"id, customer_id, calcom_uid, start_at, time_zone, duration_minutes, staff_id, service_id, status, "
    "source_version, rescheduled_from_id, title, created_at, updated_at"_s;

Appointment fromRow(const QSqlQuery &q)
{
    Appointment a;
    a.id = q.value(0).toLongLong();
    a.customerId = q.value(1).toString();
    a.calcomUid = q.value(2).toString();
    // A zone stored by an older tzdata may be unknown now: keep the UTC instant
    // under UTC rather than losing the row.
    auto start = ZonedInstant::fromMSecsSinceEpoch(q.value(3).toLongLong(), q.value(4).toString());
    a.start = start ? *start : *ZonedInstant::fromMSecsSinceEpoch(q.value(3).toLongLong(), u"UTC"_s);
    a.durationMinutes = q.value(5).toInt();
    a.staffId = q.value(6).toLongLong();
    a.serviceId = q.value(7).toLongLong();
    a.status = parseAppointmentStatus(q.value(8).toString()).value_or(AppointmentStatus::Booked);
    a.sourceVersion = q.value(9).toString();
    a.rescheduledFromId = q.value(10).toLongLong();
    a.title = q.value(11).toString();
    a.createdAt = Sql::toDateTime(q.value(12));
    a.updatedAt = Sql::toDateTime(q.value(13));
    return a;
}

StaffMember staffFromRow(const QSqlQuery &q)
{
    StaffMember s;
    s.id = q.value(0).toLongLong();
    s.email = q.value(1).toString();
    s.displayName = q.value(2).toString();
    s.calcomUserId = q.value(3).toString();
    s.hubspotOwnerId = q.value(4).toString();
    s.active = q.value(5).toBool();
    return s;
}

Service serviceFromRow(const QSqlQuery &q)
{
    Service s;
    s.id = q.value(0).toLongLong();
    s.name = q.value(1).toString();
    s.calcomEventTypeId = q.value(2).toString();
    s.quickbooksItemId = q.value(3).toString();
    s.defaultDurationMinutes = q.value(4).toInt();
    s.rateMinor = q.value(5).toLongLong();
    s.currency = q.value(6).toString();
    s.location = q.value(7).toString();
    s.active = q.value(8).toBool();
    return s;
}

const QString kServiceColumns =
    u"id, name, calcom_event_type_id, quickbooks_item_id, default_duration_minutes, rate_minor, currency, location, "
    "active"_s;

Status validate(const Appointment &a)
{
    if (a.customerId.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"an appointment needs a customer"_s);
    if (!a.start.isValid())
        return fail(ErrorCode::InvalidArgument, u"an appointment needs a start time and time zone"_s);
    if (a.durationMinutes <= 0)
        return fail(ErrorCode::InvalidArgument, u"an appointment's duration must be positive (got %1 minutes)"_s.arg(
                                                    a.durationMinutes));
    return {};
}

// Source versions are the scheduler's update timestamps. Compared as
// instants when both parse ("…:00Z" vs "…:00.500Z" differ in format, not in
// time order); as plain strings otherwise.
bool isOlder(const QString &incoming, const QString &stored)
{
    if (incoming.isEmpty() || stored.isEmpty())
        return false;
    const QDateTime a = QDateTime::fromString(incoming, Qt::ISODateWithMs);
    const QDateTime b = QDateTime::fromString(stored, Qt::ISODateWithMs);
    if (a.isValid() && b.isValid())
        return a < b;
    return incoming < stored;
}

} // namespace

AppointmentRepository::AppointmentRepository(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{
}

namespace {

const QString kInsertHead =
    u"INSERT INTO appointments (customer_id, calcom_uid, start_at, time_zone, duration_minutes, staff_id, service_id, "
    "status, source_version, rescheduled_from_id, title, created_at, updated_at)"_s;
constexpr int kInsertColumns = 13;

void appendInsertValues(const Appointment &a, const QVariant &now, QVariantList &out)
{
    out << a.customerId << Sql::nullIfEmpty(a.calcomUid) << a.start.toMSecsSinceEpoch() << a.start.zoneId()
        << a.durationMinutes << Sql::nullIfZero(a.staffId) << Sql::nullIfZero(a.serviceId) << toString(a.status)
        << a.sourceVersion << Sql::nullIfZero(a.rescheduledFromId) << a.title << now << now;
}

} // namespace

Result<qint64> AppointmentRepository::insert(Appointment a)
{
    if (auto ok = validate(a); !ok)
        return std::unexpected(ok.error());
    QVariantList values;
    appendInsertValues(a, Sql::fromDateTime(m_clock.nowUtc()), values);
    return m_db.insert(kInsertHead + u" VALUES ("_s + Database::placeholders(kInsertColumns) + u") RETURNING id"_s,
                       values);
}

Result<QList<qint64>> AppointmentRepository::insertMany(const QList<Appointment> &appointments)
{
    const QVariant now = Sql::fromDateTime(m_clock.nowUtc());
    for (const Appointment &a : appointments) {
        if (auto ok = validate(a); !ok)
            return std::unexpected(ok.error());
    }
    Transaction tx(m_db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    auto ids = m_db.insertRows(kInsertHead, kInsertColumns, appointments.size(),
                               [&](qsizetype i, QVariantList &binds) { appendInsertValues(appointments.at(i), now, binds); });
    if (!ids)
        return ids;
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return ids;
}

Result<QList<Appointment>> AppointmentRepository::getMany(const QList<qint64> &requested) const
{
    QList<qint64> ids = requested; // each id once (see CustomerRepository::getMany)
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    constexpr int kChunk = 500;
    QList<Appointment> out;
    out.reserve(ids.size());
    for (qsizetype start = 0; start < ids.size(); start += kChunk) {
        const QList<qint64> chunk = ids.mid(start, kChunk);
        QVariantList binds;
        binds.reserve(chunk.size());
        for (qint64 id : chunk)
            binds.append(id);
        auto rows = m_db.select<Appointment>(u"SELECT "_s + kColumns + u" FROM appointments WHERE id IN ("_s
                                                 + Database::placeholders(int(chunk.size())) + u") ORDER BY id"_s,
                                             binds, fromRow);
        if (!rows)
            return std::unexpected(rows.error());
        out += *rows;
    }
    std::sort(out.begin(), out.end(), [](const Appointment &a, const Appointment &b) { return a.id < b.id; });
    return out;
}

Result<Appointment> AppointmentRepository::get(qint64 id) const
{
    return Sql::single(m_db.select<Appointment>(u"SELECT "_s + kColumns + u" FROM appointments WHERE id = ?"_s, {id}, fromRow),
                  u"no appointment with id %1"_s.arg(id));
}

Result<Appointment> AppointmentRepository::findByCalcomUid(const QString &uid) const
{
    return Sql::single(m_db.select<Appointment>(u"SELECT "_s + kColumns + u" FROM appointments WHERE calcom_uid = ?"_s,
                                           {uid}, fromRow),
                  u"no appointment with Cal.com booking uid %1"_s.arg(uid));
}

Result<Appointment> AppointmentRepository::applyUpdate(const Appointment &incoming)
{
    if (auto ok = validate(incoming); !ok)
        return std::unexpected(ok.error());
    auto stored = get(incoming.id);
    if (!stored)
        return stored;
    if (isOlder(incoming.sourceVersion, stored->sourceVersion))
        return stored; // an older event arrived late: the stored state is newer
    auto moved = transition(stored->status, incoming.status);
    if (!moved)
        return std::unexpected(moved.error());
    if (auto ok = m_db.exec(u"UPDATE appointments SET calcom_uid = ?, start_at = ?, time_zone = ?, duration_minutes = ?, "
                            "staff_id = ?, service_id = ?, status = ?, source_version = ?, title = ?, updated_at = ? "
                            "WHERE id = ?"_s,
                            {Sql::nullIfEmpty(incoming.calcomUid), incoming.start.toMSecsSinceEpoch(),
                             incoming.start.zoneId(), incoming.durationMinutes, Sql::nullIfZero(incoming.staffId),
                             Sql::nullIfZero(incoming.serviceId), toString(*moved), incoming.sourceVersion,
                             incoming.title, Sql::fromDateTime(m_clock.nowUtc()), incoming.id});
        !ok) {
        return std::unexpected(ok.error());
    }
    return get(incoming.id);
}

Result<QList<Appointment>> AppointmentRepository::forCustomer(const QString &customerId) const
{
    return m_db.select<Appointment>(u"SELECT "_s + kColumns
                                        + u" FROM appointments WHERE customer_id = ? ORDER BY start_at, id"_s,
                                    {customerId}, fromRow);
}

Result<QList<Appointment>> AppointmentRepository::between(const QDateTime &fromUtc, const QDateTime &toUtc) const
{
    return m_db.select<Appointment>(u"SELECT "_s + kColumns
                                        + u" FROM appointments WHERE start_at >= ? AND start_at < ? ORDER BY start_at, id"_s,
                                    {fromUtc.toMSecsSinceEpoch(), toUtc.toMSecsSinceEpoch()}, fromRow);
}

Result<int> AppointmentRepository::reassignCustomer(const QString &fromCustomer, const QString &toCustomer)
{
    return m_db.update(u"UPDATE appointments SET customer_id = ?, updated_at = ? WHERE customer_id = ?"_s,
                       {toCustomer, Sql::fromDateTime(m_clock.nowUtc()), fromCustomer});
}

Result<qint64> AppointmentRepository::count() const
{
    return m_db.countRows(u"appointments"_s);
}

Result<qint64> AppointmentRepository::upsertStaff(StaffMember staff)
{
    staff.email = staff.email.trimmed().toLower();
    if (!staff.email.contains(u'@'))
        return fail(ErrorCode::InvalidArgument, u"a staff member needs an email address (got '%1')"_s.arg(staff.email));
    auto existing = staffByEmail(staff.email);
    if (existing) {
        if (auto ok = m_db.exec(u"UPDATE staff SET display_name = ?, calcom_user_id = ?, hubspot_owner_id = ?, active = ? "
                                "WHERE id = ?"_s,
                                {staff.displayName, Sql::nullIfEmpty(staff.calcomUserId),
                                 Sql::nullIfEmpty(staff.hubspotOwnerId), staff.active ? 1 : 0, existing->id});
            !ok) {
            return std::unexpected(ok.error());
        }
        return existing->id;
    }
    if (existing.error().code != ErrorCode::NotFound)
        return std::unexpected(existing.error());
    return m_db.insert(u"INSERT INTO staff (email, display_name, calcom_user_id, hubspot_owner_id, active) "
                       "VALUES (?, ?, ?, ?, ?) RETURNING id"_s,
                       {staff.email, staff.displayName, Sql::nullIfEmpty(staff.calcomUserId),
                        Sql::nullIfEmpty(staff.hubspotOwnerId), staff.active ? 1 : 0});
}

Result<StaffMember> AppointmentRepository::staffByEmail(const QString &email) const
{
    return Sql::single(m_db.select<StaffMember>(u"SELECT id, email, display_name, calcom_user_id, hubspot_owner_id, active "
                                           "FROM staff WHERE email = ?"_s,
                                           {email.trimmed().toLower()}, staffFromRow),
                  u"no staff member with email %1"_s.arg(email));
}

Result<QList<StaffMember>> AppointmentRepository::allStaff() const
{
    return m_db.select<StaffMember>(u"SELECT id, email, display_name, calcom_user_id, hubspot_owner_id, active "
                                    "FROM staff ORDER BY display_name, email"_s,
                                    {}, staffFromRow);
}

Result<qint64> AppointmentRepository::upsertService(const Service &s)
{
    if (s.name.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, u"a service needs a name"_s);
    if (s.defaultDurationMinutes <= 0 || s.rateMinor < 0)
        return fail(ErrorCode::InvalidArgument, u"service '%1' needs a positive duration and a non-negative rate"_s.arg(s.name));
    const QVariantList values = {s.name, Sql::nullIfEmpty(s.calcomEventTypeId), Sql::nullIfEmpty(s.quickbooksItemId),
                                 s.defaultDurationMinutes, s.rateMinor, s.currency, s.location, s.active ? 1 : 0};
    qint64 existingId = s.id;
    if (existingId == 0 && !s.calcomEventTypeId.isEmpty()) {
        auto v = m_db.scalar(u"SELECT id FROM services WHERE calcom_event_type_id = ?"_s, {s.calcomEventTypeId});
        if (v)
            existingId = v->toLongLong();
        else if (v.error().code != ErrorCode::NotFound)
            return std::unexpected(v.error());
    }
    if (existingId != 0) {
        auto changed = m_db.update(u"UPDATE services SET name = ?, calcom_event_type_id = ?, quickbooks_item_id = ?, "
                                   "default_duration_minutes = ?, rate_minor = ?, currency = ?, location = ?, active = ? "
                                   "WHERE id = ?"_s,
                                   values + QVariantList{existingId});
        if (!changed)
            return std::unexpected(changed.error());
        if (*changed == 0)
            return fail(ErrorCode::NotFound, u"no service with id %1"_s.arg(existingId));
        return existingId;
    }
    return m_db.insert(u"INSERT INTO services (name, calcom_event_type_id, quickbooks_item_id, default_duration_minutes, "
                       "rate_minor, currency, location, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
                       values);
}

Result<Service> AppointmentRepository::service(qint64 id) const
{
    return Sql::single(m_db.select<Service>(u"SELECT "_s + kServiceColumns + u" FROM services WHERE id = ?"_s, {id},
                                       serviceFromRow),
                  u"no service with id %1"_s.arg(id));
}

Result<QList<Service>> AppointmentRepository::allServices() const
{
    return m_db.select<Service>(u"SELECT "_s + kServiceColumns + u" FROM services ORDER BY name, id"_s, {},
                                serviceFromRow);
}

} // namespace Concord::Store
