#include "sync/mappingvalidation.h"

#include "domain/decimal.h"
#include "domain/money.h"
#include "domain/status.h"
#include "domain/zonedtime.h"
#include "identity/normalize.h"
#include "sync/deliverypolicy.h"

#include <QDate>
#include <QHash>
#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace Concord::Sync {

namespace {

using Domain::FieldMapping;
using Domain::System;
using Severity = MappingProblem::Severity;

struct FieldInfo {
    QLatin1StringView name;
    ValueType type;
};

// product.md §3: only fields that affect money, timing or follow-up.
constexpr FieldInfo kFields[] = {
    {"customer_id"_L1, ValueType::Reference},
    {"email"_L1, ValueType::Email},
    {"phone"_L1, ValueType::Phone},
    {"appointment_time"_L1, ValueType::DateTime},
    {"timezone"_L1, ValueType::TimeZone},
    {"service_type"_L1, ValueType::Reference},
    {"duration"_L1, ValueType::Minutes},
    {"staff_owner"_L1, ValueType::Email},
    {"invoice_number"_L1, ValueType::Text},
    {"due_date"_L1, ValueType::Date},
    {"tax"_L1, ValueType::Amount},
    {"discount"_L1, ValueType::Amount},
    {"deposit"_L1, ValueType::Amount},
    {"payment_status"_L1, ValueType::MoneyStatus},
    {"invoice_link"_L1, ValueType::Url},
};

// What values of a type are, for explanations.
QString typeWords(ValueType type)
{
    switch (type) {
    case ValueType::Any: return u"any value"_s;
    case ValueType::Text: return u"text"_s;
    case ValueType::Reference: return u"a record id"_s;
    case ValueType::Email: return u"an email address"_s;
    case ValueType::Phone: return u"a phone number"_s;
    case ValueType::Minutes: return u"a number of minutes"_s;
    case ValueType::Decimal: return u"a decimal number"_s;
    case ValueType::Amount: return u"an amount of money"_s;
    case ValueType::MinorUnits: return u"an amount in cents"_s;
    case ValueType::Date: return u"a date"_s;
    case ValueType::DateTime: return u"a date and time"_s;
    case ValueType::TimeZone: return u"a time zone"_s;
    case ValueType::Url: return u"a web link"_s;
    case ValueType::MoneyStatus: return u"a payment status"_s;
    }
    return u"a value"_s;
}

QString canonicalField(const QString &field)
{
    return field.trimmed().toLower();
}

const FieldInfo *fieldInfo(const QString &field)
{
    const QString name = canonicalField(field);
    for (const FieldInfo &f : kFields) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

QString transformName(const FieldMapping &m)
{
    // The store writes an empty transform as "identity".
    const QString t = m.transform.trimmed();
    return t.isEmpty() ? u"identity"_s : t;
}

Result<QJsonValue> refuse(const QString &transform, const QJsonValue &value, const QString &why)
{
    QString shown;
    if (value.isString())
        shown = u"'%1'"_s.arg(value.toString());
    else if (value.isDouble())
        shown = QString::number(value.toDouble(), 'g', 17);
    else if (value.isNull() || value.isUndefined())
        shown = u"an empty value"_s;
    else if (value.isBool())
        shown = value.toBool() ? u"true"_s : u"false"_s;
    else
        shown = u"a JSON object or list"_s;
    return fail(ErrorCode::InvalidArgument, u"%1 cannot be turned by '%2' into the value needed: %3"_s.arg(
                                                shown, transform, why));
}

// A whole number written as a JSON number or numeric text, exactly.
std::optional<qint64> wholeNumber(const QJsonValue &value)
{
    auto d = Domain::Decimal::fromJson(value);
    if (!d)
        return std::nullopt;
    const Domain::Decimal n = d->normalized();
    if (n.scale() != 0)
        return std::nullopt;
    return n.mantissa();
}

// Why the sync engine cannot apply `transform` to `field` (known, and the
// transform's input fits its type); empty when it can. The engine computes
// each field itself and then applies the row's transform to that value
// (FieldMappingSet::carried): any pure transform works on a plain value. Three
// fields are not plain values but lookups and invoice arithmetic the engine
// does in one built-in way; and money fields are read from QuickBooks as
// amounts, never as cents.
QString engineRefusal(const QString &field, const TransformInfo &transform, ValueType fieldType)
{
    static const std::map<QString, QString> builtIn{{u"service_type"_s, u"event_type_to_item"_s},
                                                    {u"duration"_s, u"minutes_to_hours"_s},
                                                    {u"staff_owner"_s, u"staff_email_to_owner"_s}};
    if (const auto it = builtIn.find(field); it != builtIn.end()) {
        if (transform.name == it->second)
            return {};
        return u"The sync engine carries '%1' in one way only, with '%2' (it builds the invoice line or looks the "
               u"record up itself), so it cannot apply '%3'; choose '%2'."_s.arg(field, it->second, transform.name);
    }
    QStringList usable;
    const QList<TransformInfo> all = knownTransforms();
    for (const TransformInfo &t : all) {
        if (t.pure && accepts(t.input, fieldType) && !(t.input == ValueType::MinorUnits && fieldType == ValueType::Amount))
            usable << t.name;
    }
    if (!transform.pure) {
        return u"'%1' is a lookup the sync engine does only for its own field, so it cannot apply it to '%2'; "
               u"choose one of: %3."_s.arg(transform.name, field, usable.join(u", "_s));
    }
    if (transform.input == ValueType::MinorUnits && fieldType == ValueType::Amount) {
        return u"The sync engine reads '%1' as an amount (65.00), not as cents, so it cannot apply '%2'; choose one "
               u"of: %3."_s.arg(field, transform.name, usable.join(u", "_s));
    }
    return {};
}

} // namespace

QString toString(ValueType type)
{
    switch (type) {
    case ValueType::Any: return u"any"_s;
    case ValueType::Text: return u"text"_s;
    case ValueType::Reference: return u"reference"_s;
    case ValueType::Email: return u"email"_s;
    case ValueType::Phone: return u"phone"_s;
    case ValueType::Minutes: return u"minutes"_s;
    case ValueType::Decimal: return u"decimal"_s;
    case ValueType::Amount: return u"amount"_s;
    case ValueType::MinorUnits: return u"minor_units"_s;
    case ValueType::Date: return u"date"_s;
    case ValueType::DateTime: return u"date_time"_s;
    case ValueType::TimeZone: return u"time_zone"_s;
    case ValueType::Url: return u"url"_s;
    case ValueType::MoneyStatus: return u"money_status"_s;
    }
    return {};
}

QList<TransformInfo> knownTransforms()
{
    return {
        {u"identity"_s, u"Carries the value unchanged."_s, ValueType::Any, ValueType::Any, true},
        {u"lowercase"_s, u"Lower-cases text (trimmed)."_s, ValueType::Text, ValueType::Text, true},
        {u"email"_s, u"Normalizes an email address: trimmed, lower case, \"Name <a@b.c>\" reduced to the address."_s,
         ValueType::Email, ValueType::Email, true},
        {u"e164"_s, u"Writes a phone number in international E.164 form (+13125550123)."_s, ValueType::Phone,
         ValueType::Phone, true},
        {u"minutes_to_hours"_s, u"Turns minutes into hours as an exact decimal (90 → 1.5)."_s, ValueType::Minutes,
         ValueType::Decimal, true},
        {u"cents_to_amount"_s, u"Turns an integer of cents into an amount (6500 → 65.00)."_s, ValueType::MinorUnits,
         ValueType::Amount, true},
        {u"amount"_s, u"Carries an amount of money exactly, with the currency's decimals (65 → 65.00)."_s,
         ValueType::Amount, ValueType::Amount, true},
        {u"iso_date"_s, u"Checks a calendar date and writes it as YYYY-MM-DD."_s, ValueType::Date, ValueType::Date,
         true},
        {u"utc_datetime"_s, u"Writes an instant in UTC (2026-03-28T15:00:00.000Z)."_s, ValueType::DateTime,
         ValueType::DateTime, true},
        {u"iana_zone"_s, u"Checks an IANA time zone id (America/New_York)."_s, ValueType::TimeZone,
         ValueType::TimeZone, true},
        {u"https_url"_s, u"Checks a secure web link (https)."_s, ValueType::Url, ValueType::Url, true},
        {u"money_status"_s, u"Checks a payment status name (invoiced, paid, overdue, …)."_s, ValueType::MoneyStatus,
         ValueType::MoneyStatus, true},
        {u"event_type_to_item"_s, u"Looks up the QuickBooks item of a Cal.com event type (Services)."_s,
         ValueType::Reference, ValueType::Reference, false},
        {u"staff_email_to_owner"_s, u"Looks up the HubSpot owner of a staff member by email (Staff)."_s,
         ValueType::Email, ValueType::Reference, false},
    };
}

std::optional<TransformInfo> transformInfo(const QString &name)
{
    const QString n = name.trimmed();
    const QList<TransformInfo> all = knownTransforms();
    for (const TransformInfo &t : all) {
        if (t.name == n)
            return t;
    }
    return std::nullopt;
}

bool accepts(ValueType input, ValueType field)
{
    if (input == ValueType::Any || input == field)
        return true;
    switch (input) {
    case ValueType::Text:
        return field == ValueType::Reference || field == ValueType::Email || field == ValueType::Url
            || field == ValueType::MoneyStatus;
    case ValueType::MinorUnits:
        return field == ValueType::Amount;
    default:
        return false;
    }
}

Result<QJsonValue> applyTransform(const QString &name, const QJsonValue &value, const TransformOptions &options)
{
    const std::optional<TransformInfo> info = transformInfo(name);
    if (!info)
        return fail(ErrorCode::InvalidArgument, u"'%1' is not a transform Concord knows"_s.arg(name));
    if (!info->pure) {
        return fail(ErrorCode::Unsupported,
                    u"'%1' looks the value up in Concord's own tables; the sync engine applies it"_s.arg(info->name));
    }
    const QString t = info->name;
    if (t == u"identity"_s)
        return value;

    // Every other transform reads one scalar.
    if (value.isNull() || value.isUndefined() || value.isObject() || value.isArray())
        return refuse(t, value, u"it needs a single value"_s);

    if (t == u"lowercase"_s) {
        if (!value.isString())
            return refuse(t, value, u"it needs text"_s);
        return QJsonValue(value.toString().trimmed().toLower());
    }
    if (t == u"email"_s) {
        const Identity::NormalizedEmail email = Identity::normalizeEmail(value.toString());
        if (!value.isString() || email.isEmpty())
            return refuse(t, value, u"it is not an email address"_s);
        return QJsonValue(email.address);
    }
    if (t == u"e164"_s) {
        if (!value.isString())
            return refuse(t, value, u"phone numbers must be text (a number loses its leading zeros and '+')"_s);
        const Identity::NormalizedPhone phone =
            Identity::PhoneNormalizer(options.defaultRegion).normalize(value.toString());
        if (phone.e164.isEmpty())
            return refuse(t, value, u"it is not a complete phone number (area code missing?)"_s);
        return QJsonValue(phone.e164);
    }
    if (t == u"minutes_to_hours"_s) {
        const std::optional<qint64> minutes = wholeNumber(value);
        if (!minutes || *minutes < 0 || *minutes > 1'000'000)
            return refuse(t, value, u"it needs a whole, non-negative number of minutes"_s);
        // hours = minutes / 60, exact only when it ends within four decimals
        // (i.e. minutes divisible by 3); 50 minutes = 0.8333… is refused
        // rather than rounded, as the invoice plan bills it per session.
        const qint64 scaled = *minutes * 10000;
        if (scaled % 60 != 0)
            return refuse(t, value, u"%1 minutes is not an exact decimal number of hours"_s.arg(*minutes));
        auto hours = Domain::Decimal::fromParts(scaled / 60, 4);
        if (!hours)
            return std::unexpected(hours.error());
        return QJsonValue(hours->normalized().toString());
    }
    if (t == u"cents_to_amount"_s) {
        const std::optional<qint64> cents = wholeNumber(value);
        if (!cents)
            return refuse(t, value, u"it needs a whole number of cents"_s);
        auto money = Domain::Money::fromMinor(*cents, options.currency);
        if (!money)
            return std::unexpected(money.error());
        return QJsonValue(money->toDecimalString());
    }
    if (t == u"amount"_s) {
        auto decimal = Domain::Decimal::fromJson(value, u"amount"_s);
        if (!decimal)
            return refuse(t, value, decimal.error().message);
        auto money = decimal->toMoney(options.currency, u"amount"_s);
        if (!money)
            return refuse(t, value, money.error().message);
        return QJsonValue(money->toDecimalString());
    }
    if (t == u"iso_date"_s) {
        const QDate date = QDate::fromString(value.toString().trimmed(), Qt::ISODate);
        if (!value.isString() || !date.isValid())
            return refuse(t, value, u"it is not a date written YYYY-MM-DD"_s);
        return QJsonValue(date.toString(Qt::ISODate));
    }
    if (t == u"utc_datetime"_s) {
        // HubSpot writes instants as epoch milliseconds, the others as ISO text.
        Result<Domain::ZonedInstant> instant = fail(ErrorCode::InvalidArgument, u"not whole milliseconds"_s);
        if (!value.isDouble())
            instant = Domain::ZonedInstant::parseIso(value.toString(), u"UTC"_s);
        else if (const std::optional<qint64> ms = wholeNumber(value))
            instant = Domain::ZonedInstant::fromMSecsSinceEpoch(*ms, u"UTC"_s);
        if (!instant)
            return refuse(t, value, instant.error().message);
        return QJsonValue(instant->toIsoUtc());
    }
    if (t == u"iana_zone"_s) {
        const QString zone = value.toString().trimmed();
        if (!value.isString() || !Domain::ZonedInstant::isKnownZone(zone))
            return refuse(t, value, u"it is not an IANA time zone id such as America/New_York"_s);
        return QJsonValue(zone);
    }
    if (t == u"https_url"_s) {
        const QUrl url(value.toString().trimmed(), QUrl::StrictMode);
        // Plain http only on this computer (the sandbox's emulators), as
        // everywhere in Concord (architecture.md, configuration).
        const QHostAddress host(url.host());
        const bool loopback = url.scheme() == u"http"_s
            && (url.host() == u"localhost"_s || (!host.isNull() && host.isLoopback()));
        if (!value.isString() || !url.isValid() || (url.scheme() != u"https"_s && !loopback) || url.host().isEmpty())
            return refuse(t, value, u"it is not a secure (https) web link"_s);
        return QJsonValue(url.toString());
    }
    if (t == u"money_status"_s) {
        auto status = Domain::parseMoneyStatus(value.toString());
        if (!value.isString() || !status)
            return refuse(t, value, u"it is not a payment status (invoiced, deposit_paid, partially_paid, paid, "
                                    u"overdue, voided, refunded)"_s);
        return QJsonValue(Domain::toString(*status));
    }
    return fail(ErrorCode::Internal, u"transform '%1' is listed but not implemented"_s.arg(t));
}

QStringList knownFields()
{
    QStringList names;
    for (const FieldInfo &f : kFields)
        names << QString(f.name);
    return names;
}

std::optional<ValueType> fieldType(const QString &field)
{
    if (const FieldInfo *f = fieldInfo(field))
        return f->type;
    return std::nullopt;
}

QList<MappingProblem> validateFieldMappings(const QList<FieldMapping> &mappings)
{
    QList<MappingProblem> problems;
    using Part = MappingProblem::Part;
    const auto report = [&problems](int row, const FieldMapping &m, Part part, QString why,
                                    Severity severity = Severity::Error) {
        problems.append(MappingProblem{row, m.field, std::move(why), severity, part});
    };

    // Rows per field, for the rules that look across rows.
    std::map<QString, QList<int>> rowsByField;
    for (int i = 0; i < mappings.size(); ++i) {
        const QString field = canonicalField(mappings.at(i).field);
        if (!field.isEmpty())
            rowsByField[field].append(i);
    }

    for (int i = 0; i < mappings.size(); ++i) {
        const FieldMapping &m = mappings.at(i);
        const QString field = canonicalField(m.field);
        if (field.isEmpty()) {
            report(i, m, Part::Field, u"This row has no field name; say which field it carries."_s);
            continue;
        }
        const QString src = shortName(m.sourceSystem);
        const QString dst = shortName(m.targetSystem);
        const QString owner = shortName(m.authoritativeSystem);

        // One authority per field.
        QList<System> authorities;
        for (int j : rowsByField[field]) {
            if (!authorities.contains(mappings.at(j).authoritativeSystem))
                authorities.append(mappings.at(j).authoritativeSystem);
        }
        if (authorities.size() > 1) {
            QStringList names;
            for (System s : std::as_const(authorities))
                names << shortName(s);
            report(i, m, Part::Authority,
                   u"'%1' has more than one system of record (%2); a field has exactly one — choose it and use "
                   u"it on every row of this field."_s.arg(field, names.join(u", "_s)));
        }

        if (m.sourceSystem == m.targetSystem) {
            report(i, m, Part::Target, u"This row carries '%1' from %2 into %2 itself; choose another target."_s.arg(field, src));
        } else if (m.targetSystem == m.authoritativeSystem) {
            report(i, m, Part::Target,
                   u"This row would write '%1' into %2, its system of record; Concord never writes a field into "
                   u"its own system of record from elsewhere. Change the field in %2 instead, or make another "
                   u"system its authority."_s.arg(field, dst));
        } else if (m.sourceSystem != m.authoritativeSystem) {
            report(i, m, Part::Source,
                   u"This row reads '%1' from %2, but %3 is its system of record; carry it from %3 so a stale "
                   u"copy never overwrites the real value."_s.arg(field, src, owner));
        }

        // Two rows writing the same field into the same system (the store
        // refuses it too, with a less helpful message).
        for (int j : rowsByField[field]) {
            if (j != i && mappings.at(j).targetSystem == m.targetSystem) {
                report(i, m, Part::Target, u"Another row also writes '%1' into %2; keep only one."_s.arg(field, dst));
                break;
            }
        }

        const QString transform = transformName(m);
        const std::optional<TransformInfo> info = transformInfo(transform);
        const FieldInfo *known = fieldInfo(field);
        if (!info) {
            QStringList names;
            const QList<TransformInfo> all = knownTransforms();
            for (const TransformInfo &t : all)
                names << t.name;
            report(i, m, Part::Transform, u"'%1' is not a transform Concord knows; choose one of: %2."_s.arg(transform,
                                                                                            names.join(u", "_s)));
        } else if (known && !accepts(info->input, known->type)) {
            QStringList fitting;
            const QList<TransformInfo> all = knownTransforms();
            for (const TransformInfo &t : all) {
                if (accepts(t.input, known->type))
                    fitting << t.name;
            }
            report(i, m, Part::Transform,
                   u"The transform '%1' expects %2, but '%3' holds %4; choose one that fits (%5)."_s.arg(
                       info->name, typeWords(info->input), field, typeWords(known->type), fitting.join(u", "_s)));
        } else if (known) {
            // A row the engine would carry differently from what it says is a
            // silent failure: refused here, so the editor never stores one.
            if (const QString why = engineRefusal(field, *info, known->type); !why.isEmpty())
                report(i, m, Part::Transform, why);
        }

        if (!known) {
            report(i, m, Part::Field,
                   u"'%1' is not a field that affects money, timing or follow-up; Concord is meant to sync only "
                   u"those (%2)."_s.arg(field, knownFields().join(u", "_s)),
                   Severity::Warning);
        }
    }
    return problems;
}

QStringList taskPlaceholders()
{
    return {u"{customer}"_s, u"{service}"_s, u"{start}"_s, u"{invoice}"_s, u"{balance}"_s, u"{due_date}"_s};
}

QList<MappingProblem> validateStatusMappings(const QList<Domain::StatusMapping> &mappings,
                                             const QStringList &knownStages)
{
    using Domain::StatusAction;
    using Domain::StatusDomain;
    using Part = MappingProblem::Part;
    QList<MappingProblem> problems;
    const auto report = [&problems](int row, const QString &status, Part part, QString why,
                                    Severity severity = Severity::Error) {
        problems.append(MappingProblem{row, status, std::move(why), severity, part});
    };
    const auto actionWords = [](StatusAction action) {
        switch (action) {
        case StatusAction::None: return u"does nothing"_s;
        case StatusAction::DealStage: return u"moves the deal to a stage"_s;
        case StatusAction::CreateTask: return u"creates a task"_s;
        case StatusAction::CloseTasks: return u"closes the open tasks"_s;
        }
        return QString();
    };

    // The canonical status name per row ("No-show" → "no_show"), empty when
    // the domain has no such status; rows are compared by it.
    QStringList canonical;
    canonical.reserve(mappings.size());
    for (const Domain::StatusMapping &m : mappings) {
        QString name;
        if (m.domain == StatusDomain::Appointment) {
            if (auto s = Domain::parseAppointmentStatus(m.status))
                name = Domain::toString(*s);
        } else if (auto s = Domain::parseMoneyStatus(m.status)) {
            name = Domain::toString(*s);
        }
        canonical.append(name);
    }
    const QStringList placeholders = taskPlaceholders();
    static const QRegularExpression placeholder(u"\\{[^{}]*\\}"_s);

    for (int i = 0; i < mappings.size(); ++i) {
        const Domain::StatusMapping &m = mappings.at(i);
        const QString shown = canonical.at(i).isEmpty() ? m.status.trimmed() : canonical.at(i);
        if (canonical.at(i).isEmpty()) {
            const bool appointment = m.domain == StatusDomain::Appointment;
            report(i, shown, Part::Status,
                   shown.isEmpty()
                       ? u"This row has no status; choose the status it is about."_s
                       : u"'%1' is not %2 status; choose one of: %3."_s.arg(
                             shown, appointment ? u"an appointment"_s : u"a payment"_s,
                             appointment ? u"booked, rescheduled, completed, no_show, canceled"_s
                                         : u"invoiced, deposit_paid, partially_paid, paid, overdue, voided, refunded"_s));
        }
        const QString value = m.targetValue.trimmed();
        const bool needsHubSpot = m.action != StatusAction::None;
        if (needsHubSpot && m.targetSystem != System::HubSpot) {
            report(i, shown, Part::Target,
                   u"Only HubSpot has deals and tasks: this row %1 in %2. Choose HubSpot as the target."_s.arg(
                       actionWords(m.action), shortName(m.targetSystem)));
        }
        if (m.action == StatusAction::DealStage) {
            if (value.isEmpty()) {
                report(i, shown, Part::Value,
                       u"This row moves the deal to a stage but names none; choose the deal stage."_s);
            } else if (!knownStages.isEmpty() && !knownStages.contains(value)) {
                report(i, shown, Part::Value,
                       u"'%1' is not a stage of the HubSpot pipeline Concord knows (%2); HubSpot refuses a stage "
                       u"it does not have."_s.arg(value, knownStages.join(u", "_s)),
                       Severity::Warning);
            }
        } else if (m.action == StatusAction::CreateTask) {
            if (value.isEmpty()) {
                report(i, shown, Part::Value,
                       u"This row creates a task but gives it no subject; write the subject (it may use %1)."_s.arg(
                           placeholders.join(u", "_s)));
            } else {
                QStringList unknown;
                for (auto it = placeholder.globalMatch(value); it.hasNext();) {
                    const QString name = it.next().captured();
                    if (!placeholders.contains(name) && !unknown.contains(name))
                        unknown << name;
                }
                if (!unknown.isEmpty()) {
                    report(i, shown, Part::Value,
                           u"The task subject uses %1, which Concord cannot fill in; it can fill in %2."_s.arg(
                               unknown.join(u", "_s), placeholders.join(u", "_s)),
                           Severity::Warning);
                }
            }
        } else if (!value.isEmpty()) {
            report(i, shown, Part::Value,
                   u"This row %1, so its value '%2' is not used."_s.arg(actionWords(m.action), value),
                   Severity::Warning);
        }

        // The store keeps one row per status, target and action.
        if (!canonical.at(i).isEmpty()) {
            for (int j = 0; j < mappings.size(); ++j) {
                const Domain::StatusMapping &o = mappings.at(j);
                if (j == i || o.domain != m.domain || canonical.at(j) != canonical.at(i)
                    || o.targetSystem != m.targetSystem || o.action != m.action)
                    continue;
                report(i, shown, Part::Action,
                       m.action == StatusAction::DealStage
                           ? u"Another row also moves the deal to a stage for '%1'; a status moves the deal to one "
                             u"stage — keep one of the rows."_s.arg(shown)
                           : u"Another row also says '%1' %2 in %3; keep one of the rows."_s.arg(
                                 shown, actionWords(m.action), shortName(m.targetSystem)));
                break;
            }
        }
    }
    return problems;
}

bool hasErrors(const QList<MappingProblem> &problems)
{
    return std::any_of(problems.cbegin(), problems.cend(),
                       [](const MappingProblem &p) { return p.severity == Severity::Error; });
}

Result<System> authorityFor(const QString &field, const QList<FieldMapping> &mappings)
{
    const QString name = canonicalField(field);
    std::optional<System> authority;
    for (const FieldMapping &m : mappings) {
        if (!m.enabled || canonicalField(m.field) != name)
            continue;
        if (authority && *authority != m.authoritativeSystem) {
            return fail(ErrorCode::Conflict,
                        u"the mappings of '%1' name both %2 and %3 as its system of record"_s.arg(
                            name, shortName(*authority), shortName(m.authoritativeSystem)));
        }
        authority = m.authoritativeSystem;
    }
    if (!authority)
        return fail(ErrorCode::NotFound, u"no enabled mapping carries '%1'"_s.arg(name));
    return *authority;
}

bool wrongPlaceEdit(const QString &field, System changedInSystem, const QList<FieldMapping> &mappings)
{
    const Result<System> authority = authorityFor(field, mappings);
    if (!authority) {
        // Disagreeing mappings: Concord cannot tell which copy is right, so a
        // person decides. Unmapped: nothing is carried, nothing to flag.
        return authority.error().code == ErrorCode::Conflict;
    }
    return changedInSystem != *authority;
}

} // namespace Concord::Sync
