#include "sync/deliverypolicy.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Concord::Sync {

namespace {

// "invoice_plan" → "invoice plan"; empty → the fallback noun.
QString noun(const QString &entityType, const QString &fallback)
{
    QString n = entityType.trimmed();
    n.replace(u'_', u' ');
    return n.isEmpty() ? fallback : n;
}

QString withoutFinalStop(QString text)
{
    text = text.trimmed();
    while (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

// The remote system's own reason, without the connector's "QuickBooks
// refused the request: " / "HubSpot: " lead-in (connectors word their
// messages differently; the sentence here names the system itself).
QString reasonOf(const Error &error, Domain::System system)
{
    QString text = error.message.trimmed();
    const qsizetype colon = text.indexOf(u": "_s);
    if (colon > 0) {
        const QString lead = text.left(colon);
        if (lead.contains(shortName(system), Qt::CaseInsensitive)
            || lead.contains(Domain::displayName(system), Qt::CaseInsensitive)) {
            text = text.mid(colon + 2).trimmed();
        }
    }
    text = withoutFinalStop(text);
    return text.isEmpty() ? u"no reason given"_s : text;
}

// The email address a system refused for its form, when its answer names
// it; nullopt otherwise (the general sentence then quotes the system).
// - HubSpot: remoteCode INVALID_EMAIL (connectors/hubspot/apierror.h); the
//   address from its sentence "Email address <x> is invalid". HubSpot words
//   that sentence in the portal's language, so otherwise the one word of it
//   that holds an '@'.
// - QuickBooks: a fault whose text says "Email Address does not conform to
//   the syntax rules of RFC 822. Supplied value: <x>" (the fault's Detail,
//   which the connector keeps in the error's detail; wording as reported in
//   intuit/QuickBooks-V3-DotNET-SDK#333).
std::optional<QString> refusedEmail(const Error &error, Domain::System system)
{
    if (error.code != ErrorCode::RemoteValidation)
        return std::nullopt;
    if (system == Domain::System::HubSpot && error.remoteCode == u"INVALID_EMAIL"_s) {
        static const QRegularExpression english(u"Email address (\\S+) is invalid"_s,
                                                QRegularExpression::CaseInsensitiveOption);
        if (const auto m = english.match(error.message); m.hasMatch())
            return m.captured(1);
        const QStringList words = error.message.split(u' ', Qt::SkipEmptyParts);
        const auto at = std::find_if(words.cbegin(), words.cend(), [](const QString &w) { return w.contains(u'@'); });
        if (at != words.cend())
            return *at;
        return std::nullopt;
    }
    if (system == Domain::System::QuickBooks) {
        static const QRegularExpression rfc(u"Email Address does not conform[^\\n]*Supplied value:[ \\t]*([^\\n]+)"_s,
                                            QRegularExpression::CaseInsensitiveOption);
        for (const QString *text : {&error.detail, &error.message}) {
            if (const auto m = rfc.match(*text); m.hasMatch() && !m.captured(1).trimmed().isEmpty())
                return m.captured(1).trimmed();
        }
    }
    return std::nullopt;
}

QString clockTime(const QDateTime &retryAtUtc, const QDateTime &nowUtc, const QTimeZone &zone)
{
    const QDateTime at = zone.isValid() ? retryAtUtc.toTimeZone(zone) : retryAtUtc;
    const QDateTime now = zone.isValid() ? nowUtc.toTimeZone(zone) : nowUtc;
    if (at.date() == now.date())
        return at.toString(u"HH:mm"_s);
    return at.toString(u"HH:mm 'on' yyyy-MM-dd"_s);
}

// What a person should do, by class, once Concord stops retrying.
QString attentionClause(const Error &error, FailureClass cls, Domain::System system,
                        const QString &entityType)
{
    const QString sys = shortName(system);
    switch (cls) {
    case FailureClass::Transient:
        return u"check the %1 connection settings, then use Retry now"_s.arg(sys);
    case FailureClass::Auth:
        if (error.code == ErrorCode::Secrets)
            return u"unlock the keychain or reconnect %1, then use Retry now"_s.arg(sys);
        return u"reconnect %1 in Concord's connection settings, then use Retry now"_s.arg(sys);
    case FailureClass::Conflict:
        return u"check the %1 in %2, then retry, edit the change or dismiss it"_s.arg(
            noun(entityType, u"record"_s), sys);
    case FailureClass::Validation:
        if (error.code == ErrorCode::DuplicateName)
            return u"rename one of them in %1 or link this customer to the existing record"_s.arg(sys);
        if (refusedEmail(error, system))
            return u"correct the address where it was typed, or edit the change with the right one, then retry"_s;
        return u"correct the data in the source system or edit the change, then retry"_s;
    case FailureClass::NotFound:
        return u"link it to an existing %1 record or dismiss the change"_s.arg(sys);
    case FailureClass::Internal:
        return u"this needs a person; the error log has the details"_s;
    }
    return u"this needs a person"_s;
}

} // namespace

QString toString(FailureClass cls)
{
    switch (cls) {
    case FailureClass::Transient: return u"transient"_s;
    case FailureClass::Auth: return u"auth"_s;
    case FailureClass::Conflict: return u"conflict"_s;
    case FailureClass::Validation: return u"validation"_s;
    case FailureClass::NotFound: return u"not_found"_s;
    case FailureClass::Internal: return u"internal"_s;
    }
    return {};
}

FailureClass classify(const Error &error)
{
    switch (error.code) {
    case ErrorCode::Network:
    case ErrorCode::Throttled:
        return FailureClass::Transient;
    case ErrorCode::Unauthorized:
    case ErrorCode::PermissionDenied: // a missing scope: reconnect with the right access
    case ErrorCode::Secrets:          // no token to send: the keychain or the connection
        return FailureClass::Auth;
    case ErrorCode::StaleObject:
    case ErrorCode::Conflict:
        return FailureClass::Conflict;
    case ErrorCode::RemoteValidation:
    case ErrorCode::DuplicateName:
    case ErrorCode::InvalidArgument:
    case ErrorCode::IllegalTransition:
        return FailureClass::Validation;
    case ErrorCode::NotFound:
        return FailureClass::NotFound;
    case ErrorCode::Ok: // a "failure" without a code is a bug in the caller
    case ErrorCode::InvalidConfig:
    case ErrorCode::Storage:
    case ErrorCode::SchemaTooNew:
    case ErrorCode::Integrity:
    case ErrorCode::Unsupported:
    case ErrorCode::Internal:
        return FailureClass::Internal;
    }
    return FailureClass::Internal;
}

QString shortName(Domain::System system)
{
    switch (system) {
    case Domain::System::QuickBooks: return u"QuickBooks"_s;
    case Domain::System::HubSpot: return u"HubSpot"_s;
    case Domain::System::CalCom: return u"Cal.com"_s;
    }
    return Domain::displayName(system);
}

QString plainCause(const Error &error, Domain::System system, const QString &entityType)
{
    const QString sys = shortName(system);
    const QString change = noun(entityType, u"change"_s);
    const QString record = noun(entityType, u"record"_s);
    QString sentence;
    switch (error.code) {
    case ErrorCode::Throttled:
        sentence = u"%1 is rate-limiting Concord"_s.arg(sys);
        break;
    case ErrorCode::Network:
        if (!error.retryable)
            sentence = u"Concord's connection to %1 failed in a way that retrying will not fix"_s.arg(sys);
        else if (error.httpStatus >= 500)
            sentence = u"%1 had a temporary problem on its side"_s.arg(sys);
        else
            sentence = u"Concord could not reach %1"_s.arg(sys);
        break;
    case ErrorCode::Unauthorized:
        sentence = u"%1 no longer accepts Concord's connection"_s.arg(sys);
        break;
    case ErrorCode::PermissionDenied:
        sentence = u"%1 does not allow Concord to change the %2 (the connection lacks a permission)"_s.arg(
            sys, record);
        break;
    case ErrorCode::Secrets:
        sentence = u"Concord could not read the %1 credentials from the keychain"_s.arg(sys);
        break;
    case ErrorCode::StaleObject:
        sentence = u"Someone changed the %1 in %2 at the same time as Concord"_s.arg(record, sys);
        break;
    case ErrorCode::Conflict:
        sentence = u"%1 refused the %2 because it conflicts with what %1 has now: %3"_s.arg(
            sys, change, reasonOf(error, system));
        break;
    case ErrorCode::DuplicateName:
        sentence = u"%1 already has another customer, vendor or employee with this name"_s.arg(sys);
        break;
    case ErrorCode::RemoteValidation:
    case ErrorCode::InvalidArgument:
        if (const auto email = refusedEmail(error, system))
            sentence = u"%1 refused the email address “%2” for the %3: it is not a valid address"_s.arg(
                sys, *email, record);
        else
            sentence = u"%1 refused the %2: %3"_s.arg(sys, change, reasonOf(error, system));
        break;
    case ErrorCode::IllegalTransition:
        sentence = u"Concord did not send the %1 to %2: %3"_s.arg(change, sys, reasonOf(error, system));
        break;
    case ErrorCode::NotFound:
        sentence = u"The %1 no longer exists in %2 (deleted or made inactive)"_s.arg(record, sys);
        break;
    case ErrorCode::Storage:
    case ErrorCode::SchemaTooNew:
    case ErrorCode::Integrity:
        sentence = u"Concord could not use its own database while sending the %1 to %2"_s.arg(change, sys);
        break;
    case ErrorCode::Ok:
    case ErrorCode::InvalidConfig:
    case ErrorCode::Unsupported:
    case ErrorCode::Internal:
        sentence = u"Concord failed while sending the %1 to %2: %3"_s.arg(change, sys, reasonOf(error, system));
        break;
    }
    return sentence + u'.';
}

DeliveryDecision decideAfterFailure(const Error &error, Domain::System system, int attemptsMade,
                                    const QDateTime &nowUtc, const DeliveryPolicy &policy,
                                    const Connectors::RetryPolicy::RandomSource &random,
                                    const QString &entityType)
{
    DeliveryDecision d;
    d.cls = classify(error);
    // The outbox counts from 1; a caller passing 0 has still failed once.
    const int attempts = std::max(1, attemptsMade);
    const bool attemptsLeft = attempts < policy.retry.maxAttempts;

    std::optional<std::chrono::milliseconds> delay;
    switch (error.code) {
    case ErrorCode::Network:
    case ErrorCode::Throttled:
        // All of the backoff maths (and Retry-After) is RetryPolicy's.
        delay = policy.retry.nextDelay(error, attempts, random);
        break;
    case ErrorCode::StaleObject:
        if (attemptsLeft && attempts <= policy.maxStaleRetries)
            delay = std::max(std::chrono::milliseconds(0), policy.staleRetryDelay);
        break;
    case ErrorCode::Unauthorized:
        if (attemptsLeft && attempts <= policy.maxAuthRetries)
            delay = policy.retry.backoff(attempts, random);
        break;
    default:
        break; // a person must act; retrying the same request cannot help
    }

    const QString base = withoutFinalStop(plainCause(error, system, entityType));
    if (delay && nowUtc.isValid()) {
        const QDateTime at = nowUtc.toUTC().addMSecs(delay->count());
        d.retryAt = at;
        d.needsAttention = false;
        d.cause = u"%1; will retry at %2."_s.arg(base, clockTime(at, nowUtc.toUTC(), policy.displayZone));
        return d;
    }

    d.needsAttention = true;
    // Would have retried, but the attempts ran out: say so, so the person
    // knows a plain "Retry now" may well work.
    QString clause;
    if (d.cls == FailureClass::Transient && error.retryable && policy.retry.retryOn.contains(error.code)
        && !attemptsLeft) {
        clause = u"Concord tried %1 times and stopped; use Retry now once %2 works again"_s.arg(attempts).arg(
            shortName(system));
    } else if (error.code == ErrorCode::StaleObject) {
        clause = u"it kept changing after %1 tries; %2"_s.arg(attempts).arg(
            attentionClause(error, d.cls, system, entityType));
    } else {
        clause = attentionClause(error, d.cls, system, entityType);
    }
    d.cause = u"%1; %2."_s.arg(base, clause);
    return d;
}

} // namespace Concord::Sync
