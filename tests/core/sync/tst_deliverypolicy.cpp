// What the outbox does after a failed delivery: retry when (backoff, jitter,
// Retry-After), or a person's attention with a cause in plain words —
// never neither.

#include "connectors/hubspot/apierror.h"
#include "connectors/quickbooks/fault.h"
#include "domainprinters.h"
#include "sync/deliverypolicy.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Sync;
using Concord::Domain::System;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(Concord::ErrorCode)
Q_DECLARE_METATYPE(Concord::Sync::FailureClass)
Q_DECLARE_METATYPE(Concord::Domain::System)

namespace {

const QDateTime kNow(QDate(2026, 3, 28), QTime(10, 42, 0), Qt::UTC);

Error error(ErrorCode code, const QString &message = u"something went wrong"_s)
{
    return Error::make(code, message);
}

DeliveryPolicy utcPolicy()
{
    DeliveryPolicy p;
    p.displayZone = QTimeZone::utc();
    return p;
}

Connectors::RetryPolicy::RandomSource fixed(double r)
{
    return [r] { return r; };
}

qint64 waitMs(const DeliveryDecision &d)
{
    return d.retryAt ? kNow.msecsTo(*d.retryAt) : -1;
}

// HubSpot's 400 envelope around a message (moc cannot read raw strings
// holding backslashes, so the JSON is built here).
QByteArray hubspotRefusal(const QString &message)
{
    return QJsonDocument(QJsonObject{{u"status"_s, u"error"_s},
                                     {u"message"_s, message},
                                     {u"correlationId"_s, u"c8617a85-58a6-4a95-b619-e7d3594c170c"_s},
                                     {u"category"_s, u"VALIDATION_ERROR"_s}})
        .toJson(QJsonDocument::Compact);
}

QByteArray fixture(const QString &relative)
{
    QFile f(QStringLiteral(CONCORD_SHARED_DIR "/fixtures/") + relative);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace

class TestDeliveryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classifiesEveryErrorCode_data()
    {
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<FailureClass>("cls");
        QTest::newRow("network") << ErrorCode::Network << FailureClass::Transient;
        QTest::newRow("throttled") << ErrorCode::Throttled << FailureClass::Transient;
        QTest::newRow("unauthorized") << ErrorCode::Unauthorized << FailureClass::Auth;
        QTest::newRow("permission") << ErrorCode::PermissionDenied << FailureClass::Auth;
        QTest::newRow("secrets") << ErrorCode::Secrets << FailureClass::Auth;
        QTest::newRow("stale") << ErrorCode::StaleObject << FailureClass::Conflict;
        QTest::newRow("conflict") << ErrorCode::Conflict << FailureClass::Conflict;
        QTest::newRow("validation") << ErrorCode::RemoteValidation << FailureClass::Validation;
        QTest::newRow("duplicate name") << ErrorCode::DuplicateName << FailureClass::Validation;
        QTest::newRow("invalid argument") << ErrorCode::InvalidArgument << FailureClass::Validation;
        QTest::newRow("not found") << ErrorCode::NotFound << FailureClass::NotFound;
        QTest::newRow("storage") << ErrorCode::Storage << FailureClass::Internal;
        QTest::newRow("internal") << ErrorCode::Internal << FailureClass::Internal;
        QTest::newRow("config") << ErrorCode::InvalidConfig << FailureClass::Internal;
    }

    void classifiesEveryErrorCode()
    {
        QFETCH(ErrorCode, code);
        QFETCH(FailureClass, cls);
        QCOMPARE(toString(classify(error(code))), toString(cls));
        QCOMPARE(toString(decideAfterFailure(error(code), System::HubSpot, 1, kNow, utcPolicy(), fixed(0)).cls),
                 toString(cls));
    }

    void classNamesAreStable()
    {
        QCOMPARE(toString(FailureClass::Transient), u"transient"_s);
        QCOMPARE(toString(FailureClass::Auth), u"auth"_s);
        QCOMPARE(toString(FailureClass::Conflict), u"conflict"_s);
        QCOMPARE(toString(FailureClass::Validation), u"validation"_s);
        QCOMPARE(toString(FailureClass::NotFound), u"not_found"_s);
        QCOMPARE(toString(FailureClass::Internal), u"internal"_s);
    }

    // ×4 from 5 s, capped at 1 h; jitter shortens by r × 20 %, never lengthens.
    void transientBacksOffWithBoundedJitter_data()
    {
        QTest::addColumn<int>("attempts");
        QTest::addColumn<double>("random");
        QTest::addColumn<qint64>("expectedMs");
        QTest::newRow("1st, no jitter") << 1 << 0.0 << qint64(5000);
        QTest::newRow("1st, most jitter") << 1 << 0.999 << qint64(5000 - 999);
        QTest::newRow("2nd, half jitter") << 2 << 0.5 << qint64(20000 - 2000);
        QTest::newRow("3rd") << 3 << 0.0 << qint64(80000);
        QTest::newRow("5th") << 5 << 0.25 << qint64(1280000 - 64000);
        QTest::newRow("6th, capped") << 6 << 0.0 << qint64(3600000);
        QTest::newRow("7th, capped, jitter") << 7 << 0.5 << qint64(3600000 - 360000);
    }

    void transientBacksOffWithBoundedJitter()
    {
        QFETCH(int, attempts);
        QFETCH(double, random);
        QFETCH(qint64, expectedMs);
        const DeliveryDecision d =
            decideAfterFailure(error(ErrorCode::Network), System::QuickBooks, attempts, kNow, utcPolicy(), fixed(random));
        QVERIFY(d.retryAt.has_value());
        QVERIFY(!d.needsAttention);
        QCOMPARE(toString(d.cls), toString(FailureClass::Transient));
        QCOMPARE(waitMs(d), expectedMs);
        // The bounds hold whatever the random source says.
        qint64 cap = 5000;
        for (int n = 1; n < attempts; ++n)
            cap = std::min<qint64>(3600000, cap * 4);
        QVERIFY(waitMs(d) <= cap);
        QVERIFY(waitMs(d) >= cap * 8 / 10);
    }

    void jitterStaysInBoundsForAnyRandomValue()
    {
        const DeliveryPolicy policy = utcPolicy();
        for (double r : {0.0, 0.1, 0.33, 0.5, 0.77, 0.999999, 1.0, 5.0, -1.0}) {
            const DeliveryDecision d =
                decideAfterFailure(error(ErrorCode::Network), System::CalCom, 2, kNow, policy, fixed(r));
            QVERIFY2(waitMs(d) >= 16000 && waitMs(d) <= 20000, qPrintable(QString::number(waitMs(d))));
        }
    }

    void retryAfterIsHonouredExactlyEvenAboveTheCap()
    {
        DeliveryPolicy policy = utcPolicy();
        policy.retry.maxDelay = 30s;
        Error throttled = error(ErrorCode::Throttled, u"HubSpot: You have reached your secondly limit"_s);
        throttled.retryAfterMs = 90 * 1000;
        const DeliveryDecision d = decideAfterFailure(throttled, System::HubSpot, 1, kNow, policy, fixed(0.9));
        QCOMPARE(waitMs(d), qint64(90 * 1000)); // neither capped nor jittered
        QCOMPARE(d.cause, u"HubSpot is rate-limiting Concord; will retry at 10:43."_s);
        QVERIFY(!d.needsAttention);
    }

    void quickBooksThrottleWaitsSixtySeconds()
    {
        const QByteArray body = fixture(u"quickbooks/errors/ruby__too_many_requests_error.xml"_s);
        QVERIFY(!body.isEmpty());
        const Error throttled = QuickBooks::errorFromResponse(429, body, u"tid-1"_s);
        QCOMPARE(throttled.code, ErrorCode::Throttled);
        const DeliveryDecision d = decideAfterFailure(throttled, System::QuickBooks, 3, kNow, utcPolicy(), fixed(0.5));
        QCOMPARE(waitMs(d), qint64(60 * 1000));
        QCOMPARE(d.cause, u"QuickBooks is rate-limiting Concord; will retry at 10:43."_s);
    }

    void retryTimeIsWrittenInTheOfficeZone()
    {
        DeliveryPolicy policy;
        policy.displayZone = QTimeZone("America/New_York");
        Error throttled = error(ErrorCode::Throttled);
        throttled.retryAfterMs = 60 * 1000;
        // 10:42 UTC on 28 March 2026 is 06:42 in New York (EDT, UTC−4).
        QCOMPARE(decideAfterFailure(throttled, System::HubSpot, 1, kNow, policy).cause,
                 u"HubSpot is rate-limiting Concord; will retry at 06:43."_s);
        // A retry on another day says which day.
        throttled.retryAfterMs = 20 * 3600 * 1000;
        QCOMPARE(decideAfterFailure(throttled, System::HubSpot, 1, kNow, policy).cause,
                 u"HubSpot is rate-limiting Concord; will retry at 02:42 on 2026-03-29."_s);
    }

    void attemptsExhaustedNeedAttention()
    {
        const DeliveryPolicy policy = utcPolicy(); // 8 attempts in all
        const Error down = error(ErrorCode::Network);
        QVERIFY(decideAfterFailure(down, System::CalCom, 7, kNow, policy, fixed(0)).retryAt.has_value());
        const DeliveryDecision d = decideAfterFailure(down, System::CalCom, 8, kNow, policy, fixed(0));
        QVERIFY(!d.retryAt.has_value());
        QVERIFY(d.needsAttention);
        QCOMPARE(d.cause, u"Concord could not reach Cal.com; Concord tried 8 times and stopped; use Retry now once "
                          u"Cal.com works again."_s);

        // A server's wait does not buy extra attempts either.
        Error throttled = error(ErrorCode::Throttled);
        throttled.retryAfterMs = 60000;
        QVERIFY(decideAfterFailure(throttled, System::QuickBooks, 8, kNow, policy).needsAttention);
    }

    void notRetryableNetworkFailureNeedsAttention()
    {
        Error tls = error(ErrorCode::Network, u"could not reach quickbooks.api.intuit.com: SSL handshake failed"_s);
        tls.retryable = false;
        const DeliveryDecision d = decideAfterFailure(tls, System::QuickBooks, 1, kNow, utcPolicy(), fixed(0));
        QVERIFY(d.needsAttention);
        QVERIFY(!d.retryAt);
        QVERIFY2(d.cause.contains(u"retrying will not"_s), qPrintable(d.cause));
    }

    void staleObjectRetriesQuicklyAndBoundedly()
    {
        const DeliveryPolicy policy = utcPolicy(); // 3 stale retries, 2 s apart
        const Error stale = QuickBooks::errorFromResponse(
            400,
            R"({"Fault":{"Error":[{"Message":"Stale Object Error","Detail":"Stale Object Error : You and Leo were working on this at the same time.","code":"5010","element":""}],"type":"ValidationFault"},"time":"2026-03-28T03:42:00.000-07:00"})",
            u"tid-2"_s);
        QCOMPARE(stale.code, ErrorCode::StaleObject);
        for (int attempt = 1; attempt <= 3; ++attempt) {
            const DeliveryDecision d =
                decideAfterFailure(stale, System::QuickBooks, attempt, kNow, policy, fixed(0.7), u"invoice"_s);
            QCOMPARE(waitMs(d), qint64(2000));
            QCOMPARE(toString(d.cls), toString(FailureClass::Conflict));
            QCOMPARE(d.cause, u"Someone changed the invoice in QuickBooks at the same time as Concord; will retry at "
                              u"10:42."_s);
        }
        const DeliveryDecision d = decideAfterFailure(stale, System::QuickBooks, 4, kNow, policy, fixed(0), u"invoice"_s);
        QVERIFY(d.needsAttention);
        QVERIFY(!d.retryAt);
        QCOMPARE(d.cause, u"Someone changed the invoice in QuickBooks at the same time as Concord; it kept changing "
                          u"after 4 tries; check the invoice in QuickBooks, then retry, edit the change or dismiss it."_s);

        // The overall attempt limit bounds stale retries too.
        DeliveryPolicy short2 = policy;
        short2.retry.maxAttempts = 2;
        QVERIFY(decideAfterFailure(stale, System::QuickBooks, 1, kNow, short2).retryAt.has_value());
        QVERIFY(decideAfterFailure(stale, System::QuickBooks, 2, kNow, short2).needsAttention);
    }

    void unauthorizedRetriesOnceThenAsksToReconnect()
    {
        const Error denied = QuickBooks::errorFromResponse(
            401, R"({"Fault":{"Error":[{"Message":"message=AuthenticationFailed; errorCode=003200; statusCode=401","Detail":"Token expired","code":"3200"}],"type":"AUTHENTICATION"}})",
            u"tid-3"_s);
        QCOMPARE(denied.code, ErrorCode::Unauthorized);
        const DeliveryDecision first = decideAfterFailure(denied, System::QuickBooks, 1, kNow, utcPolicy(), fixed(0));
        QCOMPARE(waitMs(first), qint64(5000)); // the backoff's first step
        QCOMPARE(toString(first.cls), toString(FailureClass::Auth));
        const DeliveryDecision second = decideAfterFailure(denied, System::QuickBooks, 2, kNow, utcPolicy(), fixed(0));
        QVERIFY(second.needsAttention);
        QVERIFY(!second.retryAt);
        QCOMPARE(second.cause, u"QuickBooks no longer accepts Concord's connection; reconnect QuickBooks in Concord's "
                               u"connection settings, then use Retry now."_s);

        DeliveryPolicy never = utcPolicy();
        never.maxAuthRetries = 0;
        QVERIFY(decideAfterFailure(denied, System::QuickBooks, 1, kNow, never).needsAttention);
    }

    void permanentFailuresNeedAttentionAtOnce_data()
    {
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("cause");
        QTest::newRow("validation") << ErrorCode::RemoteValidation
                                    << u"QuickBooks refused the request: Amount is required."_s
                                    << u"QuickBooks refused the invoice: Amount is required; correct the data in the "
                                       u"source system or edit the change, then retry."_s;
        QTest::newRow("duplicate name")
            << ErrorCode::DuplicateName << u"Another customer, vendor or employee in QuickBooks already uses this name"_s
            << u"QuickBooks already has another customer, vendor or employee with this name; rename one of them in "
               u"QuickBooks or link this customer to the existing record."_s;
        QTest::newRow("not found") << ErrorCode::NotFound << u"The record does not exist in QuickBooks any more"_s
                                   << u"The invoice no longer exists in QuickBooks (deleted or made inactive); link it "
                                      u"to an existing QuickBooks record or dismiss the change."_s;
        QTest::newRow("conflict") << ErrorCode::Conflict << u"QuickBooks: the invoice is already voided"_s
                                  << u"QuickBooks refused the invoice because it conflicts with what QuickBooks has "
                                     u"now: the invoice is already voided; check the invoice in QuickBooks, then "
                                     u"retry, edit the change or dismiss it."_s;
        QTest::newRow("permission") << ErrorCode::PermissionDenied << u"HTTP 403"_s
                                    << u"QuickBooks does not allow Concord to change the invoice (the connection lacks "
                                       u"a permission); reconnect QuickBooks in Concord's connection settings, then "
                                       u"use Retry now."_s;
        QTest::newRow("storage") << ErrorCode::Storage << u"database is locked"_s
                                 << u"Concord could not use its own database while sending the invoice to "
                                    u"QuickBooks; this needs a person; the error log has the details."_s;
    }

    void permanentFailuresNeedAttentionAtOnce()
    {
        QFETCH(ErrorCode, code);
        QFETCH(QString, message);
        QFETCH(QString, cause);
        const DeliveryDecision d =
            decideAfterFailure(error(code, message), System::QuickBooks, 1, kNow, utcPolicy(), fixed(0), u"invoice"_s);
        QVERIFY(d.needsAttention);
        QVERIFY(!d.retryAt.has_value());
        QCOMPARE(d.cause, cause);
    }

    void plainCauseNamesTheSystemAndKeepsDetailOut_data()
    {
        QTest::addColumn<System>("system");
        QTest::addColumn<QString>("entity");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("expected");
        QTest::newRow("hubspot") << System::HubSpot << u"deal"_s << u"HubSpot: Property values were not valid"_s
                                 << u"HubSpot refused the deal: Property values were not valid."_s;
        QTest::newRow("calcom") << System::CalCom << u"booking"_s
                                << u"Cal.com refused the request (HTTP 400): start must be in the future"_s
                                << u"Cal.com refused the booking: start must be in the future."_s;
        QTest::newRow("no entity") << System::QuickBooks << QString() << u"Line 1: Item is inactive."_s
                                   << u"QuickBooks refused the change: Line 1: Item is inactive."_s;
        QTest::newRow("no reason") << System::QuickBooks << u"invoice_plan"_s << QString()
                                   << u"QuickBooks refused the invoice plan: no reason given."_s;
    }

    void plainCauseNamesTheSystemAndKeepsDetailOut()
    {
        QFETCH(System, system);
        QFETCH(QString, entity);
        QFETCH(QString, message);
        QFETCH(QString, expected);
        Error e = Error::make(ErrorCode::RemoteValidation, message, u"{\"status\":\"error\",\"category\":\"VALIDATION\"}"_s);
        e.httpStatus = 400;
        e.requestId = u"req-77"_s;
        const QString cause = plainCause(e, system, entity);
        QCOMPARE(cause, expected);
        QVERIFY(!cause.contains(u"req-77"_s));
        QVERIFY(!cause.contains(u"VALIDATION"_s));
    }

    // A mistyped email address, refused by each system in its own words
    // (parsed by the real connectors' error readers), is named with its value.
    void refusedEmailAddressIsNamed_data()
    {
        QTest::addColumn<System>("system");
        QTest::addColumn<Error>("error");
        QTest::addColumn<QString>("cause");
        const QDateTime now = kNow;
        // HubSpot's 400 for POST /crm/v3/objects/contacts, as captured (the
        // address changed): the property results are JSON inside the message.
        const QByteArray hubspot = hubspotRefusal(
            u"Property values were not valid: [{\"isValid\":false,\"message\":\"Email address dan.wu@example,com is "
            u"invalid\",\"error\":\"INVALID_EMAIL\",\"name\":\"email\"}]"_s);
        QTest::newRow("hubspot")
            << System::HubSpot << HubSpot::errorFromResponse(400, hubspot, {}, now)
            << u"HubSpot refused the email address “dan.wu@example,com” for the customer: it is not a valid "
               u"address; correct the address where it was typed, or edit the change with the right one, then retry."_s;
        // A portal in another language words the sentence its own way.
        const QByteArray portuguese = hubspotRefusal(
            u"Property values were not valid: [{\"isValid\":false,\"message\":\"Endereço de e-mail tb.tb@yahoo.comtttt "
            u"inválido\",\"error\":\"INVALID_EMAIL\",\"name\":\"email\"}]"_s);
        QTest::newRow("hubspot, other language")
            << System::HubSpot << HubSpot::errorFromResponse(400, portuguese, {}, now)
            << u"HubSpot refused the email address “tb.tb@yahoo.comtttt” for the customer: it is not a valid "
               u"address; correct the address where it was typed, or edit the change with the right one, then retry."_s;
        // QuickBooks' fault for a Customer whose PrimaryEmailAddr is not RFC 822.
        const QByteArray quickbooks = R"({"Fault":{"Error":[{"Message":"Request has invalid or unsupported property","Detail":"Email Address does not conform to the syntax rules of RFC 822. Supplied value: dan.wu@example,com","code":"2010","element":"PrimaryEmailAddr"}],"type":"ValidationFault"},"time":"2026-03-28T03:42:00.000-07:00"})";
        QTest::newRow("quickbooks")
            << System::QuickBooks << QuickBooks::errorFromResponse(400, quickbooks, u"tid-1"_s)
            << u"QuickBooks refused the email address “dan.wu@example,com” for the customer: it is not a valid "
               u"address; correct the address where it was typed, or edit the change with the right one, then retry."_s;
        // Another property refused: HubSpot's own words, no address guessed.
        const QByteArray unknown = hubspotRefusal(
            u"Property values were not valid: [{\"isValid\":false,\"message\":\"Property \\\"shoe_size\\\" does not "
            u"exist\",\"error\":\"PROPERTY_DOESNT_EXIST\",\"name\":\"shoe_size\"}]"_s);
        QTest::newRow("hubspot, other property")
            << System::HubSpot << HubSpot::errorFromResponse(400, unknown, {}, now)
            << u"HubSpot refused the customer: Property \"shoe_size\" does not exist; correct the data in the source "
               u"system or edit the change, then retry."_s;
    }

    void refusedEmailAddressIsNamed()
    {
        QFETCH(System, system);
        QFETCH(Error, error);
        QFETCH(QString, cause);
        QCOMPARE(error.code, ErrorCode::RemoteValidation);
        const DeliveryDecision d = decideAfterFailure(error, system, 1, kNow, utcPolicy(), fixed(0), u"customer"_s);
        QVERIFY(d.needsAttention); // retrying the same address cannot help
        QVERIFY(d.cls == FailureClass::Validation);
        QCOMPARE(d.cause, cause);
    }

    // Every code, every system, any attempt count: a retry time or a
    // person's attention, with a cause that names the system.
    void nothingIsEverDropped()
    {
        const QList<ErrorCode> codes = {
            ErrorCode::Ok, ErrorCode::InvalidArgument, ErrorCode::InvalidConfig, ErrorCode::NotFound,
            ErrorCode::Conflict, ErrorCode::PermissionDenied, ErrorCode::IllegalTransition, ErrorCode::Storage,
            ErrorCode::SchemaTooNew, ErrorCode::Integrity, ErrorCode::Secrets, ErrorCode::Network,
            ErrorCode::Unsupported, ErrorCode::Internal, ErrorCode::Throttled, ErrorCode::Unauthorized,
            ErrorCode::StaleObject, ErrorCode::DuplicateName, ErrorCode::RemoteValidation};
        const DeliveryPolicy policy = utcPolicy();
        for (ErrorCode code : codes) {
            for (System system : Domain::allSystems()) {
                for (bool retryable : {true, false}) {
                    for (int attempts = 0; attempts <= 10; ++attempts) {
                        Error e = error(code);
                        e.retryable = retryable;
                        const DeliveryDecision d = decideAfterFailure(e, system, attempts, kNow, policy, fixed(0.3));
                        const QByteArray where = errorCodeName(code).toUtf8() + " attempt " + QByteArray::number(attempts);
                        QVERIFY2(d.retryAt.has_value() != d.needsAttention, where.constData());
                        QVERIFY2(d.cause.contains(shortName(system)), qPrintable(d.cause));
                        if (d.retryAt)
                            QVERIFY2(*d.retryAt >= kNow, where.constData());
                        if (attempts >= policy.retry.maxAttempts)
                            QVERIFY2(d.needsAttention, where.constData());
                    }
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestDeliveryPolicy)
#include "tst_deliverypolicy.moc"
