#include "services/bookingcommands.h"

#include "domain/status.h"
#include "security/auditlog.h"
#include "store/appointmentrepository.h"
#include "store/database.h"
#include "store/outboxrepository.h"
#include "sync/jobs.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace Concord::Domain;
using Concord::Security::Actor;
using Concord::Security::Permission;

namespace Concord::Services {

namespace {

QJsonObject appointmentJson(const Appointment &a)
{
    return QJsonObject{{u"id"_s, QString::number(a.id)},
                       {u"calcomUid"_s, a.calcomUid},
                       {u"start"_s, a.start.toIsoUtc()},
                       {u"timeZone"_s, a.start.zoneId()},
                       {u"status"_s, toString(a.status)}};
}

} // namespace

BookingCommands::BookingCommands(Store::Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{
}

Result<qint64> BookingCommands::requestCancel(const Actor &actor, qint64 appointmentId, const QString &reason)
{
    if (auto ok = Security::authorize(actor, Permission::EditBookings); !ok)
        return std::unexpected(ok.error());
    Store::AppointmentRepository appointments(m_db, m_clock);
    auto a = appointments.get(appointmentId);
    if (!a)
        return std::unexpected(a.error());
    if (a->status == AppointmentStatus::Canceled)
        return fail(ErrorCode::IllegalTransition, u"appointment %1 is already canceled"_s.arg(appointmentId));
    if (a->calcomUid.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"appointment %1 has no Cal.com booking to cancel"_s.arg(appointmentId));
    Store::Transaction tx(m_db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    Store::OutboxRepository outbox(m_db, m_clock);
    const QString why = reason.trimmed().isEmpty() ? u"Canceled by the office"_s : reason.trimmed();
    auto job = outbox.enqueue(Sync::Jobs::make(System::CalCom, Sync::Jobs::CalcomBookingCancel, u"appointment"_s,
                                               QString::number(appointmentId),
                                               u"calcom/cancel/%1"_s.arg(a->calcomUid),
                                               QJsonObject{{u"uid"_s, a->calcomUid}, {u"reason"_s, why}},
                                               Sync::Jobs::KindAppointment, m_clock.nowUtc()));
    if (!job)
        return std::unexpected(job.error());
    Security::AuditLog audit(m_db, m_clock);
    if (auto e = audit.append(actor, u"appointment.cancel-requested"_s, u"appointment"_s, QString::number(appointmentId),
                              appointmentJson(*a), QJsonObject{{u"reason"_s, why}, {u"job"_s, *job}});
        !e)
        return std::unexpected(e.error());
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return *job;
}

Result<qint64> BookingCommands::requestReschedule(const Actor &actor, qint64 appointmentId, const QDateTime &newStartUtc,
                                                  const QString &reason)
{
    if (auto ok = Security::authorize(actor, Permission::EditBookings); !ok)
        return std::unexpected(ok.error());
    if (!newStartUtc.isValid() || newStartUtc <= m_clock.nowUtc())
        return fail(ErrorCode::InvalidArgument, u"a new start time in the future is needed"_s);
    Store::AppointmentRepository appointments(m_db, m_clock);
    auto a = appointments.get(appointmentId);
    if (!a)
        return std::unexpected(a.error());
    if (a->status == AppointmentStatus::Canceled || a->status == AppointmentStatus::Completed
        || a->status == AppointmentStatus::NoShow)
        return fail(ErrorCode::IllegalTransition,
                    u"appointment %1 is %2 and cannot be moved"_s.arg(appointmentId).arg(toString(a->status)));
    Store::Transaction tx(m_db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    Store::OutboxRepository outbox(m_db, m_clock);
    const QString start = newStartUtc.toUTC().toString(Qt::ISODateWithMs);
    auto job = outbox.enqueue(Sync::Jobs::make(System::CalCom, Sync::Jobs::CalcomBookingReschedule, u"appointment"_s,
                                               QString::number(appointmentId),
                                               u"calcom/reschedule/%1/%2"_s.arg(a->calcomUid, start),
                                               QJsonObject{{u"uid"_s, a->calcomUid},
                                                           {u"start"_s, start},
                                                           {u"reason"_s, reason.trimmed()},
                                                           {u"by"_s, actor.username}},
                                               Sync::Jobs::KindAppointment, m_clock.nowUtc()));
    if (!job)
        return std::unexpected(job.error());
    Security::AuditLog audit(m_db, m_clock);
    if (auto e = audit.append(actor, u"appointment.reschedule-requested"_s, u"appointment"_s,
                              QString::number(appointmentId), appointmentJson(*a),
                              QJsonObject{{u"start"_s, start}, {u"reason"_s, reason.trimmed()}, {u"job"_s, *job}});
        !e)
        return std::unexpected(e.error());
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return *job;
}

} // namespace Concord::Services
