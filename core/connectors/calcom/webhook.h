#pragma once

#include "common/error.h"
#include "connectors/calcom/booking.h"
#include "domain/money.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Concord::Calcom {

// The triggers Concord reads (hubspot-calcom.md B5). Others parse as Other
// with the name kept in WebhookEvent::triggerName.
enum class WebhookTrigger {
    Other,
    BookingCreated,
    BookingRequested, // created, waiting for a host's confirmation
    BookingRescheduled, // payload uid = the NEW booking, rescheduleUid = the old one
    BookingCancelled,
    BookingRejected, // a host declined a requested booking
    BookingPaymentInitiated,
    BookingPaid,
    BookingNoShowUpdated,
    BookingReassigned,
    MeetingStarted, // flat payload
    MeetingEnded, // flat payload
};

[[nodiscard]] WebhookTrigger webhookTriggerFromString(QStringView name);
[[nodiscard]] QString webhookTriggerName(WebhookTrigger trigger);

struct WebhookPerson {
    qint64 id = 0; // organizer: Cal.com user id; attendee (flat MEETING_*): attendee row id
    QString name;
    QString email;
    QString username;
    QString timeZone; // IANA
    QString locale; // language.locale, or locale (flat payloads)
    QString phoneNumber; // E.164 or empty
    // Minutes east of UTC that Cal.com computed (for the booking start in
    // fixed versions, for "now" in older ones — cal.diy#28519): informative
    // only; Concord derives offsets from timeZone itself.
    std::optional<int> utcOffsetMinutes;
    std::optional<bool> noShow;

    friend bool operator==(const WebhookPerson &, const WebhookPerson &) = default;
};

// One webhook delivery, in one shape for the wrapped ({triggerEvent,
// createdAt, payload}) and the flat (MEETING_*) payloads.
struct WebhookEvent {
    WebhookTrigger trigger = WebhookTrigger::Other;
    QString triggerName; // as sent ("BOOKING_CREATED")
    QDateTime createdAt; // UTC; when Cal.com produced the event (wrapped payloads)
    QString version; // x-cal-webhook-version when known ("2021-10-20")

    QString uid; // the booking (BOOKING_NO_SHOW_UPDATED: bookingUid)
    qint64 bookingId = 0;
    qint64 eventTypeId = 0;
    QString eventTypeSlug; // payload "type"
    QString title;
    QDateTime start; // UTC
    QDateTime end; // UTC
    int lengthMinutes = 0;
    BookingStatus status = BookingStatus::Unknown; // upper case on the wire
    QString location;
    WebhookPerson organizer;
    QList<WebhookPerson> attendees;
    QString iCalUid;
    std::optional<int> iCalSequence;
    bool requiresConfirmation = false;

    // BOOKING_RESCHEDULED: the booking it replaces.
    QString rescheduledFromUid; // payload rescheduleUid
    qint64 rescheduledFromId = 0;
    QDateTime rescheduledFromStart;
    QDateTime rescheduledFromEnd;
    QString cancellationReason;
    QString rejectionReason;
    // Paid bookings; price in minor units as Cal.com sends it.
    std::optional<qint64> paymentId;
    std::optional<Domain::Money> price;
    // BOOKING_NO_SHOW_UPDATED
    QString message;
    // BOOKING_REASSIGNED
    QList<qint64> addedHostUserIds;
    QList<qint64> removedHostUserIds;
    // MEETING_* (flat): the row's idempotencyKey and updatedAt.
    QString idempotencyKey;
    QDateTime updatedAt;

    // Stable across redeliveries of this event, different for distinct
    // events: MEETING_* → trigger + idempotencyKey (or uid + start when
    // absent); others → trigger + uid + createdAt (hubspot-calcom.md B5:
    // "Receivers must be idempotent on (triggerEvent, uid, createdAt)").
    [[nodiscard]] QString dedupeKey() const;
    // When the event happened, for ordering: createdAt, else updatedAt
    // (flat payloads), else end for MEETING_ENDED / start for MEETING_STARTED.
    [[nodiscard]] QDateTime occurredAt() const;

    friend bool operator==(const WebhookEvent &, const WebhookEvent &) = default;
};

// The header Cal.com signs with, and the value it sends when the webhook
// has no secret.
inline constexpr QByteArrayView kSignatureHeader = "X-Cal-Signature-256";
inline constexpr QByteArrayView kNoSecretSignature = "no-secret-provided";

// hex(HMAC-SHA256(key = secret as UTF-8, message = the raw body)), lower case.
[[nodiscard]] QByteArray webhookSignature(const QString &secret, const QByteArray &body);

// Checks X-Cal-Signature-256 against the raw body bytes, in constant time
// (hex compared case-insensitively). Any failure — no secret configured,
// header missing, "no-secret-provided", not 64 hex digits, mismatch — is an
// Unauthorized error, logged without the secret or the signatures.
[[nodiscard]] Status verifyWebhookSignature(const QByteArray &body,
                                            const QByteArray &signatureHeader,
                                            const QString &secret);

// Parses a payload (wrapped or flat). Does NOT verify: use receiveWebhook()
// for anything from the network. `version` is the x-cal-webhook-version
// header value when the caller has it.
[[nodiscard]] Result<WebhookEvent> parseWebhookPayload(const QByteArray &body,
                                                       const QString &version = {});

// Verifies, then parses. A bad signature never yields an event.
[[nodiscard]] Result<WebhookEvent> receiveWebhook(const QByteArray &body,
                                                  const QByteArray &signatureHeader,
                                                  const QString &secret,
                                                  const QString &version = {});

} // namespace Concord::Calcom
