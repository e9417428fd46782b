#include "store/rulesrepository.h"

#include "domain/status.h"
#include "store/advisorylock.h"
#include "store/database.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;
using namespace Concord::Domain;

namespace Concord::Store {

namespace {

const QString kFieldColumns =
    u"id, field, source_system, target_system, source_path, target_path, transform, authoritative_system, enabled, "
    "version, updated_by, updated_at"_s;
const QString kStatusColumns = u"id, domain, status, target_system, action, target_value, version, updated_by, updated_at"_s;
const QString kTaxColumns =
    u"id, service_id, location, customer_id, tax_code, priority, enabled, version, updated_by, updated_at"_s;
const QString kDiscountColumns =
    u"id, service_id, location, customer_id, percent_basis_points, amount_minor, currency, description, priority, "
    "enabled, version, updated_by, updated_at"_s;
const QString kPolicyColumns =
    u"id, service_id, customer_id, mode, monthly_grouping, deposit_basis_points, payment_term_days, cancellation, "
    "late_cancel_window_hours, late_fee_minor, block_threshold_minor, block_action, currency, version, updated_by, "
    "updated_at"_s;

FieldMapping fieldFromRow(const QSqlQuery &q)
{
    FieldMapping m;
    m.id = q.value(0).toLongLong();
    m.field = q.value(1).toString();
    m.sourceSystem = parseSystem(q.value(2).toString()).value_or(System::CalCom);
    m.targetSystem = parseSystem(q.value(3).toString()).value_or(System::HubSpot);
    m.sourcePath = q.value(4).toString();
    m.targetPath = q.value(5).toString();
    m.transform = q.value(6).toString();
    m.authoritativeSystem = parseSystem(q.value(7).toString()).value_or(System::CalCom);
    m.enabled = q.value(8).toBool();
    m.version = q.value(9).toInt();
    m.updatedBy = q.value(10).toString();
    m.updatedAt = Sql::toDateTime(q.value(11));
    return m;
}

StatusMapping statusFromRow(const QSqlQuery &q)
{
    StatusMapping m;
    m.id = q.value(0).toLongLong();
    m.domain = parseStatusDomain(q.value(1).toString()).value_or(StatusDomain::Appointment);
    m.status = q.value(2).toString();
    m.targetSystem = parseSystem(q.value(3).toString()).value_or(System::HubSpot);
    m.action = parseStatusAction(q.value(4).toString()).value_or(StatusAction::None);
    m.targetValue = q.value(5).toString();
    m.version = q.value(6).toInt();
    m.updatedBy = q.value(7).toString();
    m.updatedAt = Sql::toDateTime(q.value(8));
    return m;
}

TaxRule taxFromRow(const QSqlQuery &q)
{
    TaxRule r;
    r.id = q.value(0).toLongLong();
    r.serviceId = q.value(1).toLongLong();
    r.location = q.value(2).toString();
    r.customerId = q.value(3).toString();
    r.taxCode = q.value(4).toString();
    r.priority = q.value(5).toInt();
    r.enabled = q.value(6).toBool();
    r.version = q.value(7).toInt();
    r.updatedBy = q.value(8).toString();
    r.updatedAt = Sql::toDateTime(q.value(9));
    return r;
}

DiscountRule discountFromRow(const QSqlQuery &q)
{
    DiscountRule r;
    r.id = q.value(0).toLongLong();
    r.serviceId = q.value(1).toLongLong();
    r.location = q.value(2).toString();
    r.customerId = q.value(3).toString();
    r.percentBasisPoints = q.value(4).toInt();
    r.amountMinor = q.value(5).toLongLong();
    r.currency = q.value(6).toString();
    r.description = q.value(7).toString();
    r.priority = q.value(8).toInt();
    r.enabled = q.value(9).toBool();
    r.version = q.value(10).toInt();
    r.updatedBy = q.value(11).toString();
    r.updatedAt = Sql::toDateTime(q.value(12));
    return r;
}

InvoicePolicy policyFromRow(const QSqlQuery &q)
{
    InvoicePolicy p;
    p.id = q.value(0).toLongLong();
    p.serviceId = q.value(1).toLongLong();
    p.customerId = q.value(2).toString();
    p.mode = parseInvoiceMode(q.value(3).toString()).value_or(InvoiceMode::PerSession);
    p.grouping = parseMonthlyGrouping(q.value(4).toString()).value_or(MonthlyGrouping::PerClient);
    p.depositBasisPoints = q.value(5).toInt();
    p.paymentTermDays = q.value(6).toInt();
    p.cancellation = parseCancellationPolicy(q.value(7).toString()).value_or(CancellationPolicy::VoidOrCredit);
    p.lateCancelWindowHours = q.value(8).toInt();
    p.lateFeeMinor = q.value(9).toLongLong();
    p.blockThresholdMinor = q.value(10).toLongLong();
    p.blockAction = parseBookingBlockAction(q.value(11).toString()).value_or(BookingBlockAction::Hold);
    p.currency = q.value(12).toString();
    p.version = q.value(13).toInt();
    p.updatedBy = q.value(14).toString();
    p.updatedAt = Sql::toDateTime(q.value(15));
    return p;
}

Status validateField(const FieldMapping &m)
{
    if (m.field.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, u"a field mapping needs a field name"_s);
    if (m.sourceSystem == m.targetSystem)
        return fail(ErrorCode::InvalidArgument, u"field '%1' maps %2 onto itself"_s.arg(m.field, displayName(m.sourceSystem)));
    // One authority per field (product spec §3/§4): the authority is where the
    // value comes from; Concord never writes a field into its own authority.
    if (m.authoritativeSystem == m.targetSystem)
        return fail(ErrorCode::InvalidArgument,
                    u"field '%1' would be written into %2, which is its authoritative system"_s.arg(
                        m.field, displayName(m.targetSystem)));
    return {};
}

Status validatePolicy(const InvoicePolicy &p)
{
    if (p.depositBasisPoints < 0 || p.depositBasisPoints > 10000)
        return fail(ErrorCode::InvalidArgument, u"a deposit must be between 0 % and 100 %"_s);
    if (p.paymentTermDays < 0 || p.paymentTermDays > 365)
        return fail(ErrorCode::InvalidArgument, u"payment terms must be between 0 and 365 days"_s);
    if (p.lateFeeMinor < 0 || p.blockThresholdMinor < 0)
        return fail(ErrorCode::InvalidArgument, u"fees and thresholds cannot be negative"_s);
    if (p.lateCancelWindowHours < 0)
        return fail(ErrorCode::InvalidArgument, u"the late-cancellation window cannot be negative"_s);
    return {};
}

template<typename T>
Result<T> reload(Result<QList<T>> rows, qint64 id, const QString &what)
{
    return Sql::single(std::move(rows), u"no %1 with id %2"_s.arg(what).arg(id));
}

} // namespace

RulesRepository::RulesRepository(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{
}

Result<qint64> RulesRepository::save(const QString &table, const QString &what, qint64 id, int version,
                                     const QStringList &columns, const QVariantList &values, const QString &updatedBy)
{
    if (updatedBy.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"a %1 change needs the name of who made it"_s.arg(what));
    const QVariant now = Sql::fromDateTime(m_clock.nowUtc());
    if (id == 0) {
        QStringList marks;
        marks.fill(u"?"_s, columns.size() + 2);
        auto newId = m_db.tolerating([&] { return m_db.insert(u"INSERT INTO %1 (%2, updated_by, updated_at) VALUES (%3) RETURNING id"_s.arg(
                                     table, columns.join(u", "_s), marks.join(u", "_s)),
                                 values + QVariantList{updatedBy, now}); });
        if (!newId && newId.error().code == ErrorCode::Conflict) {
            Error e = newId.error();
            e.message = u"an equivalent %1 already exists"_s.arg(what);
            return std::unexpected(e);
        }
        return newId;
    }
    QStringList sets;
    for (const QString &c : columns)
        sets << c + u" = ?"_s;
    auto changed = m_db.update(u"UPDATE %1 SET %2, updated_by = ?, updated_at = ?, version = version + 1 "
                               "WHERE id = ? AND version = ?"_s.arg(table, sets.join(u", "_s)),
                               values + QVariantList{updatedBy, now, id, version});
    if (!changed)
        return std::unexpected(changed.error());
    if (*changed == 0) {
        auto current = m_db.select<QString>(u"SELECT updated_by || ' (version ' || version || ')' FROM %1 WHERE id = ?"_s.arg(table),
                                            {id}, [](const QSqlQuery &q) { return q.value(0).toString(); });
        if (!current)
            return std::unexpected(current.error());
        if (current->isEmpty())
            return fail(ErrorCode::NotFound, u"no %1 with id %2 (deleted meanwhile?)"_s.arg(what).arg(id));
        return fail(ErrorCode::Conflict,
                    u"this %1 was changed by %2 after you opened it (your version %3); reload to see their change"_s
                        .arg(what, current->first())
                        .arg(version));
    }
    return id;
}

Status RulesRepository::lockForEditing()
{
    if (m_db.transactionDepth() == 0)
        return fail(ErrorCode::Internal, u"locking the rules and mappings for editing needs a transaction"_s);
    if (m_db.engine() == Engine::PostgreSQL)
        return m_db.exec(u"SELECT pg_advisory_xact_lock(?)"_s, {LockKeys::kRulesEdit});
    // A write that changes nothing still takes SQLite's write lock.
    return m_db.exec(u"UPDATE field_mappings SET version = version WHERE id < 0"_s);
}

Status RulesRepository::remove(const QString &table, const QString &what, qint64 id, int version)
{
    auto changed = m_db.update(u"DELETE FROM %1 WHERE id = ? AND version = ?"_s.arg(table), {id, version});
    if (!changed)
        return std::unexpected(changed.error());
    if (*changed == 0) {
        auto exists = m_db.scalar(u"SELECT version FROM %1 WHERE id = ?"_s.arg(table), {id});
        if (!exists && exists.error().code == ErrorCode::NotFound)
            return fail(ErrorCode::NotFound, u"no %1 with id %2"_s.arg(what).arg(id));
        return fail(ErrorCode::Conflict, u"this %1 was changed by someone else; reload before deleting"_s.arg(what));
    }
    return {};
}

Result<FieldMapping> RulesRepository::saveFieldMapping(FieldMapping m)
{
    if (auto ok = validateField(m); !ok)
        return std::unexpected(ok.error());
    auto id = save(u"field_mappings"_s, u"field mapping"_s, m.id, m.version,
                   {u"field"_s, u"source_system"_s, u"target_system"_s, u"source_path"_s, u"target_path"_s,
                    u"transform"_s, u"authoritative_system"_s, u"enabled"_s},
                   {m.field, toString(m.sourceSystem), toString(m.targetSystem), m.sourcePath, m.targetPath,
                    m.transform.isEmpty() ? u"identity"_s : m.transform, toString(m.authoritativeSystem),
                    m.enabled ? 1 : 0},
                   m.updatedBy);
    if (!id)
        return std::unexpected(id.error());
    return fieldMapping(*id);
}

Result<FieldMapping> RulesRepository::fieldMapping(qint64 id) const
{
    return reload(m_db.select<FieldMapping>(u"SELECT "_s + kFieldColumns + u" FROM field_mappings WHERE id = ?"_s, {id},
                                            fieldFromRow),
                  id, u"field mapping"_s);
}

Result<QList<FieldMapping>> RulesRepository::fieldMappings() const
{
    return m_db.select<FieldMapping>(u"SELECT "_s + kFieldColumns + u" FROM field_mappings ORDER BY field, target_system"_s,
                                     {}, fieldFromRow);
}

Status RulesRepository::deleteFieldMapping(qint64 id, int version)
{
    return remove(u"field_mappings"_s, u"field mapping"_s, id, version);
}

Result<StatusMapping> RulesRepository::saveStatusMapping(StatusMapping m)
{
    // Stored by its canonical name, whatever spelling came in, so lookups
    // and the UNIQUE constraint see one value per status.
    if (m.domain == StatusDomain::Appointment) {
        auto status = parseAppointmentStatus(m.status);
        if (!status)
            return fail(ErrorCode::InvalidArgument, u"'%1' is not an appointment status"_s.arg(m.status));
        m.status = toString(*status);
    } else {
        auto status = parseMoneyStatus(m.status);
        if (!status)
            return fail(ErrorCode::InvalidArgument, u"'%1' is not a money status"_s.arg(m.status));
        m.status = toString(*status);
    }
    if (m.action != StatusAction::None && m.action != StatusAction::CloseTasks && m.targetValue.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, u"the %1 action for status '%2' needs a target value"_s.arg(
                                                    toString(m.action), m.status));
    auto id = save(u"status_mappings"_s, u"status mapping"_s, m.id, m.version,
                   {u"domain"_s, u"status"_s, u"target_system"_s, u"action"_s, u"target_value"_s},
                   {toString(m.domain), m.status, toString(m.targetSystem), toString(m.action), m.targetValue},
                   m.updatedBy);
    if (!id)
        return std::unexpected(id.error());
    return reload(m_db.select<StatusMapping>(u"SELECT "_s + kStatusColumns + u" FROM status_mappings WHERE id = ?"_s,
                                             {*id}, statusFromRow),
                  *id, u"status mapping"_s);
}

Result<QList<StatusMapping>> RulesRepository::statusMappings() const
{
    return m_db.select<StatusMapping>(u"SELECT "_s + kStatusColumns
                                          + u" FROM status_mappings ORDER BY domain, status, target_system, id"_s,
                                      {}, statusFromRow);
}

Status RulesRepository::deleteStatusMapping(qint64 id, int version)
{
    return remove(u"status_mappings"_s, u"status mapping"_s, id, version);
}

Result<TaxRule> RulesRepository::saveTaxRule(TaxRule r)
{
    if (r.taxCode.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, u"a tax rule needs a QuickBooks tax code"_s);
    auto id = save(u"tax_rules"_s, u"tax rule"_s, r.id, r.version,
                   {u"service_id"_s, u"location"_s, u"customer_id"_s, u"tax_code"_s, u"priority"_s, u"enabled"_s},
                   {Sql::nullIfZero(r.serviceId), r.location, Sql::nullIfEmpty(r.customerId), r.taxCode, r.priority,
                    r.enabled ? 1 : 0},
                   r.updatedBy);
    if (!id)
        return std::unexpected(id.error());
    return reload(m_db.select<TaxRule>(u"SELECT "_s + kTaxColumns + u" FROM tax_rules WHERE id = ?"_s, {*id}, taxFromRow),
                  *id, u"tax rule"_s);
}

Result<QList<TaxRule>> RulesRepository::taxRules() const
{
    return m_db.select<TaxRule>(u"SELECT "_s + kTaxColumns + u" FROM tax_rules ORDER BY priority DESC, id"_s, {},
                                taxFromRow);
}

Status RulesRepository::deleteTaxRule(qint64 id, int version)
{
    return remove(u"tax_rules"_s, u"tax rule"_s, id, version);
}

Result<DiscountRule> RulesRepository::saveDiscountRule(DiscountRule r)
{
    if ((r.percentBasisPoints == 0) == (r.amountMinor == 0))
        return fail(ErrorCode::InvalidArgument, u"a discount is either a percentage or a fixed amount (exactly one)"_s);
    if (r.percentBasisPoints < 0 || r.percentBasisPoints > 10000 || r.amountMinor < 0)
        return fail(ErrorCode::InvalidArgument, u"a discount must be between 0 % and 100 %, or a positive amount"_s);
    auto id = save(u"discount_rules"_s, u"discount rule"_s, r.id, r.version,
                   {u"service_id"_s, u"location"_s, u"customer_id"_s, u"percent_basis_points"_s, u"amount_minor"_s,
                    u"currency"_s, u"description"_s, u"priority"_s, u"enabled"_s},
                   {Sql::nullIfZero(r.serviceId), r.location, Sql::nullIfEmpty(r.customerId), r.percentBasisPoints,
                    r.amountMinor, r.currency, r.description, r.priority, r.enabled ? 1 : 0},
                   r.updatedBy);
    if (!id)
        return std::unexpected(id.error());
    return reload(m_db.select<DiscountRule>(u"SELECT "_s + kDiscountColumns + u" FROM discount_rules WHERE id = ?"_s,
                                            {*id}, discountFromRow),
                  *id, u"discount rule"_s);
}

Result<QList<DiscountRule>> RulesRepository::discountRules() const
{
    return m_db.select<DiscountRule>(u"SELECT "_s + kDiscountColumns + u" FROM discount_rules ORDER BY priority DESC, id"_s,
                                     {}, discountFromRow);
}

Status RulesRepository::deleteDiscountRule(qint64 id, int version)
{
    return remove(u"discount_rules"_s, u"discount rule"_s, id, version);
}

Result<InvoicePolicy> RulesRepository::saveInvoicePolicy(InvoicePolicy p)
{
    if (auto ok = validatePolicy(p); !ok)
        return std::unexpected(ok.error());
    auto id = save(u"invoice_policies"_s, u"invoice policy"_s, p.id, p.version,
                   {u"service_id"_s, u"customer_id"_s, u"mode"_s, u"monthly_grouping"_s, u"deposit_basis_points"_s,
                    u"payment_term_days"_s, u"cancellation"_s, u"late_cancel_window_hours"_s, u"late_fee_minor"_s,
                    u"block_threshold_minor"_s, u"block_action"_s, u"currency"_s},
                   {Sql::nullIfZero(p.serviceId), Sql::nullIfEmpty(p.customerId), toString(p.mode), toString(p.grouping),
                    p.depositBasisPoints, p.paymentTermDays, toString(p.cancellation), p.lateCancelWindowHours,
                    p.lateFeeMinor, p.blockThresholdMinor, toString(p.blockAction), p.currency},
                   p.updatedBy);
    if (!id)
        return std::unexpected(id.error());
    return reload(m_db.select<InvoicePolicy>(u"SELECT "_s + kPolicyColumns + u" FROM invoice_policies WHERE id = ?"_s,
                                             {*id}, policyFromRow),
                  *id, u"invoice policy"_s);
}

Result<QList<InvoicePolicy>> RulesRepository::invoicePolicies() const
{
    return m_db.select<InvoicePolicy>(u"SELECT "_s + kPolicyColumns + u" FROM invoice_policies ORDER BY id"_s, {},
                                      policyFromRow);
}

Status RulesRepository::deleteInvoicePolicy(qint64 id, int version)
{
    return remove(u"invoice_policies"_s, u"invoice policy"_s, id, version);
}

} // namespace Concord::Store
