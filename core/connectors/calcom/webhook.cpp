#include "connectors/calcom/webhook.h"

#include "common/logging.h"
#include "connectors/calcom/calcomjson_p.h"
#include "connectors/calcom/eventtype.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

using namespace Qt::StringLiterals;

namespace Concord::Calcom {

using Internal::JsonReader;

namespace {

struct TriggerName {
    WebhookTrigger trigger;
    QStringView name;
};
constexpr TriggerName kTriggers[] = {
    { WebhookTrigger::BookingCreated, u"BOOKING_CREATED" },
    { WebhookTrigger::BookingRequested, u"BOOKING_REQUESTED" },
    { WebhookTrigger::BookingRescheduled, u"BOOKING_RESCHEDULED" },
    { WebhookTrigger::BookingCancelled, u"BOOKING_CANCELLED" },
    { WebhookTrigger::BookingRejected, u"BOOKING_REJECTED" },
    { WebhookTrigger::BookingPaymentInitiated, u"BOOKING_PAYMENT_INITIATED" },
    { WebhookTrigger::BookingPaid, u"BOOKING_PAID" },
    { WebhookTrigger::BookingNoShowUpdated, u"BOOKING_NO_SHOW_UPDATED" },
    { WebhookTrigger::BookingReassigned, u"BOOKING_REASSIGNED" },
    { WebhookTrigger::MeetingStarted, u"MEETING_STARTED" },
    { WebhookTrigger::MeetingEnded, u"MEETING_ENDED" },
};

constexpr qsizetype kSha256HexLength = 64;

Error payloadError(const QString &detail)
{
    return Error::make(ErrorCode::RemoteValidation, u"A Cal.com webhook could not be read"_s,
                       detail);
}

Error signatureError(const QString &why)
{
    qCWarning(lcCalcom) << "rejected a webhook:" << why;
    return Error::make(ErrorCode::Unauthorized,
                       u"A Cal.com webhook was rejected because its signature is not valid"_s, why);
}

bool constantTimeEqual(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

bool isHex(const QByteArray &text)
{
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

WebhookPerson personFrom(const JsonReader &r)
{
    WebhookPerson p;
    p.id = r.integer(u"id").value_or(0);
    p.name = r.string(u"name");
    p.email = r.string(u"email");
    p.username = r.string(u"username");
    p.timeZone = r.string(u"timeZone");
    p.locale = r.has(u"language") ? r.child(u"language").string(u"locale") : r.string(u"locale");
    p.phoneNumber = r.string(u"phoneNumber");
    if (const auto offset = r.integer(u"utcOffset"))
        p.utcOffsetMinutes = int(*offset);
    p.noShow = r.boolean(u"noShow");
    return p;
}

// The booking fields shared by wrapped payloads and flat MEETING_* rows.
void readBookingFields(const JsonReader &r, WebhookEvent &e, bool flat)
{
    e.uid = r.string(u"uid");
    if (e.uid.isEmpty())
        e.uid = r.string(u"bookingUid"); // BOOKING_NO_SHOW_UPDATED
    e.bookingId =
        r.integer(flat ? u"id" : u"bookingId").value_or(r.integer(u"bookingId").value_or(0));
    e.eventTypeId = r.integer(u"eventTypeId").value_or(0);
    e.eventTypeSlug = r.string(u"type");
    e.title = r.string(u"title");
    e.start = r.dateTime(u"startTime");
    e.end = r.dateTime(u"endTime");
    e.lengthMinutes = int(r.integer(u"length").value_or(0));
    if (e.lengthMinutes == 0 && e.start.isValid() && e.end.isValid())
        e.lengthMinutes = int(e.start.secsTo(e.end) / 60);
    e.status = bookingStatusFromString(r.string(u"status"));
    e.location = r.string(u"location");
    e.organizer = personFrom(r.child(flat ? u"user" : u"organizer"));
    if (flat && e.organizer.id == 0)
        e.organizer.id = r.integer(u"userId").value_or(0);
    for (const JsonReader &a : r.array(u"attendees"))
        e.attendees.append(personFrom(a));
    e.iCalUid = r.string(u"iCalUID");
    if (const auto sequence = r.integer(u"iCalSequence"))
        e.iCalSequence = int(*sequence);
    e.requiresConfirmation = r.boolean(u"requiresConfirmation").value_or(false);
    e.rescheduledFromUid = r.string(u"rescheduleUid");
    e.rescheduledFromId = r.integer(u"rescheduleId").value_or(0);
    e.rescheduledFromStart = r.dateTime(u"rescheduleStartTime");
    e.rescheduledFromEnd = r.dateTime(u"rescheduleEndTime");
    e.cancellationReason = r.string(u"cancellationReason");
    e.rejectionReason = r.string(u"rejectionReason");
    e.paymentId = r.integer(u"paymentId");
    e.message = r.string(u"message");
    e.addedHostUserIds = r.integers(u"addedHostUserIds");
    e.removedHostUserIds = r.integers(u"removedHostUserIds");
    e.idempotencyKey = r.string(u"idempotencyKey");
    e.updatedAt = r.dateTime(u"updatedAt");
}

} // namespace

WebhookTrigger webhookTriggerFromString(QStringView name)
{
    for (const TriggerName &t : kTriggers) {
        if (t.name == name)
            return t.trigger;
    }
    return WebhookTrigger::Other;
}

QString webhookTriggerName(WebhookTrigger trigger)
{
    for (const TriggerName &t : kTriggers) {
        if (t.trigger == trigger)
            return t.name.toString();
    }
    return {};
}

QString WebhookEvent::dedupeKey() const
{
    if (trigger == WebhookTrigger::MeetingStarted || trigger == WebhookTrigger::MeetingEnded) {
        if (!idempotencyKey.isEmpty())
            return triggerName + u'|' + idempotencyKey;
        return triggerName + u'|' + uid + u'|' + Internal::formatInstant(start);
    }
    return triggerName + u'|' + uid + u'|' + Internal::formatInstant(createdAt);
}

QDateTime WebhookEvent::occurredAt() const
{
    if (createdAt.isValid())
        return createdAt;
    if (updatedAt.isValid())
        return updatedAt;
    return trigger == WebhookTrigger::MeetingEnded ? end : start;
}

QByteArray webhookSignature(const QString &secret, const QByteArray &body)
{
    return QMessageAuthenticationCode::hash(body, secret.toUtf8(), QCryptographicHash::Sha256)
        .toHex();
}

Status verifyWebhookSignature(const QByteArray &body, const QByteArray &signatureHeader,
                              const QString &secret)
{
    if (secret.isEmpty())
        return std::unexpected(signatureError(u"no webhook secret is configured"_s));
    const QByteArray received = signatureHeader.trimmed().toLower();
    if (received.isEmpty())
        return std::unexpected(signatureError(u"no X-Cal-Signature-256 header"_s));
    if (received == kNoSecretSignature)
        return std::unexpected(signatureError(u"the webhook was sent without a secret"_s));
    if (received.size() != kSha256HexLength || !isHex(received))
        return std::unexpected(signatureError(u"the signature is not 64 hex digits"_s));
    if (!constantTimeEqual(webhookSignature(secret, body), received))
        return std::unexpected(signatureError(u"the signature does not match the body"_s));
    return {};
}

Result<WebhookEvent> parseWebhookPayload(const QByteArray &body, const QString &version)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return std::unexpected(payloadError(u"not a JSON object: "_s + parseError.errorString()));
    const JsonReader root(doc.object(), QString());
    WebhookEvent e;
    e.version = version;
    e.triggerName = root.string(u"triggerEvent");
    if (e.triggerName.isEmpty())
        return std::unexpected(payloadError(u"no triggerEvent"_s));
    e.trigger = webhookTriggerFromString(e.triggerName);
    e.createdAt = root.dateTime(u"createdAt");
    const bool flat = !root.has(u"payload");
    if (flat) {
        // MEETING_STARTED / MEETING_ENDED: the booking row at the top level;
        // its createdAt is the booking's, not the event's.
        readBookingFields(root, e, true);
        e.createdAt = {};
    } else {
        const JsonReader payload = root.child(u"payload");
        readBookingFields(payload, e, false);
        const auto minor = payload.integer(u"price");
        const QString currency = payload.string(u"currency");
        if (payload.ok()) {
            auto price = priceFromMinorUnits(minor, currency);
            if (!price)
                return std::unexpected(payloadError(u"payload.price: "_s + price.error().message));
            e.price = *price;
        }
    }
    if (!root.ok())
        return std::unexpected(payloadError(root.error().detail));
    if (e.uid.isEmpty() && e.trigger != WebhookTrigger::Other)
        return std::unexpected(payloadError(u"%1 without a booking uid"_s.arg(e.triggerName)));
    return e;
}

Result<WebhookEvent> receiveWebhook(const QByteArray &body, const QByteArray &signatureHeader,
                                    const QString &secret, const QString &version)
{
    if (Status ok = verifyWebhookSignature(body, signatureHeader, secret); !ok)
        return std::unexpected(ok.error());
    return parseWebhookPayload(body, version);
}

} // namespace Concord::Calcom
