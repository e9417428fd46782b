#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "domain/appointment.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Concord::Store {

class Database;

// Appointments, plus the staff and service catalog they refer to.
// Thread affinity: the thread that owns `db`.
class AppointmentRepository
{
public:
    explicit AppointmentRepository(Database &db, const Clock &clock = Clock::system());

    // Inserts; returns the new id. The start must be a valid ZonedInstant.
    [[nodiscard]] Result<qint64> insert(Domain::Appointment appointment);
    // Batch insert (imports): multi-row statements, all or nothing; the new
    // ids in input order.
    [[nodiscard]] Result<QList<qint64>> insertMany(const QList<Domain::Appointment> &appointments);
    [[nodiscard]] Result<Domain::Appointment> get(qint64 id) const;
    // Batch get: the appointments among `ids` that exist, ordered by id.
    [[nodiscard]] Result<QList<Domain::Appointment>> getMany(const QList<qint64> &ids) const;
    [[nodiscard]] Result<Domain::Appointment> findByCalcomUid(const QString &uid) const;
    // Writes the scheduler's newer state. Out-of-order protection: when both
    // the stored and the incoming sourceVersion are set and the incoming one
    // is older (compared as ISO-8601 instants when both parse, else as
    // strings), nothing is written and the stored appointment is returned
    // unchanged. The status move is
    // checked by the appointment state machine (IllegalTransition).
    [[nodiscard]] Result<Domain::Appointment> applyUpdate(const Domain::Appointment &incoming);
    // For a customer, ordered by start.
    [[nodiscard]] Result<QList<Domain::Appointment>> forCustomer(const QString &customerId) const;
    // Starting in [fromUtc, toUtc), ordered by start.
    [[nodiscard]] Result<QList<Domain::Appointment>> between(const QDateTime &fromUtc, const QDateTime &toUtc) const;
    // Moves a merged customer's appointments to the survivor.
    [[nodiscard]] Result<int> reassignCustomer(const QString &fromCustomer, const QString &toCustomer);
    [[nodiscard]] Result<qint64> count() const;

    // Catalog. Staff email is the join key (stored lower-case).
    [[nodiscard]] Result<qint64> upsertStaff(Domain::StaffMember staff);
    [[nodiscard]] Result<Domain::StaffMember> staffByEmail(const QString &email) const;
    [[nodiscard]] Result<QList<Domain::StaffMember>> allStaff() const;
    [[nodiscard]] Result<qint64> upsertService(const Domain::Service &service); // by calcomEventTypeId, else insert
    [[nodiscard]] Result<Domain::Service> service(qint64 id) const;
    [[nodiscard]] Result<QList<Domain::Service>> allServices() const;

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace Concord::Store
