#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Concord::QuickBooks {

// One change QuickBooks notified, in one shape for both payload formats
// (legacy eventNotifications and CloudEvents).
struct WebhookEvent {
    QString realmId;    // company id (legacy realmId, CloudEvents intuitaccountid)
    QString entityName; // QuickBooks entity name, e.g. "Invoice"
    QString entityId;
    QString operation;  // Create | Update | Delete | Merge | Void | Emailed (legacy spelling)
    QString deletedId;  // legacy Merge events: the id merged away
    QDateTime time;     // UTC; order events by this, delivery order is not guaranteed
    // Stable across redeliveries of the same event: the CloudEvents id, or
    // realm/entity/id/operation/time for legacy events.
    QString dedupeKey;

    friend bool operator==(const WebhookEvent &, const WebhookEvent &) = default;
};

// Checks `intuit-signature` = base64(HMAC-SHA256(key = verifier token as
// UTF-8, message = the raw body bytes)), comparing in constant time. Any
// failure (missing header, not base64, wrong length, mismatch, no token) is an
// Unauthorized error; it is logged without the token or the signature.
[[nodiscard]] Status verifyWebhookSignature(const QByteArray &body, const QByteArray &signatureHeader,
                                            const QString &verifierToken);

// Parses either payload format into events. Does NOT verify: use
// receiveWebhook() for anything that came over the network.
[[nodiscard]] Result<QList<WebhookEvent>> parseWebhookPayload(const QByteArray &body);

// Verifies, then parses. A bad signature never yields events.
[[nodiscard]] Result<QList<WebhookEvent>> receiveWebhook(const QByteArray &body,
                                                         const QByteArray &signatureHeader,
                                                         const QString &verifierToken);

} // namespace Concord::QuickBooks
