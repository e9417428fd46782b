#include "connectors/quickbooks/webhook.h"

#include "common/logging.h"
#include "connectors/quickbooks/jsonio_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

using namespace Qt::StringLiterals;

namespace Concord::QuickBooks {

namespace {

constexpr qsizetype kSha256Length = 32;

// The entity names webhooks can report (quickbooks.md §7.1), to map the
// lower-case CloudEvents spelling ("creditmemo") back to QuickBooks' own.
constexpr QStringView kEntityNames[] = {
    u"Account",     u"Bill",           u"BillPayment",  u"Budget",       u"Class",
    u"CreditMemo",  u"Currency",       u"Customer",     u"Department",   u"Deposit",
    u"Employee",    u"Estimate",       u"Invoice",      u"Item",         u"JournalCode",
    u"JournalEntry", u"Payment",       u"PaymentMethod", u"Preferences", u"Purchase",
    u"PurchaseOrder", u"RefundReceipt", u"SalesReceipt", u"TaxAgency",   u"Term",
    u"TimeActivity", u"Transfer",      u"Vendor",       u"VendorCredit",
};

QString entityNameFromLower(const QString &lower)
{
    for (QStringView name : kEntityNames) {
        if (name.compare(lower, Qt::CaseInsensitive) == 0)
            return name.toString();
    }
    // Unknown (newer) entity: capitalise, the best guess at QuickBooks' spelling.
    return lower.isEmpty() ? lower : lower.front().toUpper() + lower.mid(1);
}

// CloudEvents past-tense event names → legacy operation names. Only
// created/updated are confirmed (quickbooks.md §12); the rest follow the same
// pattern and unknown names pass through capitalised.
QString operationFromEventName(const QString &event)
{
    static const QList<QPair<QString, QString>> map = {
        { u"created"_s, u"Create"_s }, { u"updated"_s, u"Update"_s }, { u"deleted"_s, u"Delete"_s },
        { u"merged"_s, u"Merge"_s },   { u"voided"_s, u"Void"_s },    { u"emailed"_s, u"Emailed"_s },
    };
    for (const auto &[from, to] : map) {
        if (from.compare(event, Qt::CaseInsensitive) == 0)
            return to;
    }
    return event.isEmpty() ? event : event.front().toUpper() + event.mid(1);
}

Error payloadError(const QString &detail)
{
    return Error::make(ErrorCode::RemoteValidation,
                       u"A QuickBooks notification could not be read"_s, detail);
}

Error signatureError(const QString &why)
{
    // Never log the token, the expected value or the received value.
    qCWarning(lcQuickBooks) << "rejected a webhook notification:" << why;
    return Error::make(ErrorCode::Unauthorized,
                       u"A QuickBooks notification was rejected because its signature is not valid"_s,
                       why);
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

Result<QList<WebhookEvent>> parseLegacy(const QJsonObject &root)
{
    QList<WebhookEvent> events;
    const QJsonArray notifications = root.value(u"eventNotifications").toArray();
    for (qsizetype n = 0; n < notifications.size(); ++n) {
        const QJsonObject notification = notifications.at(n).toObject();
        const QString realm = notification.value(u"realmId").toString();
        if (realm.isEmpty())
            return std::unexpected(payloadError(u"eventNotifications[%1] has no realmId"_s.arg(n)));
        const QJsonArray entities =
            notification.value(u"dataChangeEvent").toObject().value(u"entities").toArray();
        for (qsizetype i = 0; i < entities.size(); ++i) {
            const QJsonObject e = entities.at(i).toObject();
            WebhookEvent event;
            event.realmId = realm;
            event.entityName = e.value(u"name").toString();
            event.entityId = e.value(u"id").toString();
            event.operation = e.value(u"operation").toString();
            event.deletedId = e.value(u"deletedId").toString();
            const QString lastUpdated = e.value(u"lastUpdated").toString();
            event.time = Internal::parseTimestamp(lastUpdated);
            if (event.entityName.isEmpty() || event.entityId.isEmpty() || event.operation.isEmpty())
                return std::unexpected(payloadError(
                    u"eventNotifications[%1].dataChangeEvent.entities[%2] lacks name, id or operation"_s
                        .arg(n)
                        .arg(i)));
            event.dedupeKey = u"%1/%2/%3/%4/%5"_s.arg(realm, event.entityName, event.entityId,
                                                      event.operation, lastUpdated);
            events.append(event);
        }
    }
    return events;
}

Result<QList<WebhookEvent>> parseCloudEvents(const QJsonArray &array)
{
    QList<WebhookEvent> events;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject e = array.at(i).toObject();
        // type = namespace.entity.event.version, e.g. qbo.invoice.updated.v1
        const QStringList type = e.value(u"type").toString().split(u'.');
        if (type.size() < 3)
            return std::unexpected(payloadError(u"event %1 has an unreadable type"_s.arg(i)));
        WebhookEvent event;
        event.realmId = e.value(u"intuitaccountid").toString();
        event.entityName = entityNameFromLower(type.at(1));
        event.entityId = e.value(u"intuitentityid").toString();
        event.operation = operationFromEventName(type.at(2));
        event.time = Internal::parseTimestamp(e.value(u"time").toString());
        event.dedupeKey = e.value(u"id").toString();
        if (event.realmId.isEmpty() || event.entityId.isEmpty() || event.dedupeKey.isEmpty())
            return std::unexpected(
                payloadError(u"event %1 lacks intuitaccountid, intuitentityid or id"_s.arg(i)));
        events.append(event);
    }
    return events;
}

} // namespace

Status verifyWebhookSignature(const QByteArray &body, const QByteArray &signatureHeader,
                              const QString &verifierToken)
{
    if (verifierToken.isEmpty())
        return std::unexpected(signatureError(u"no verifier token is configured"_s));
    const QByteArray header = signatureHeader.trimmed();
    if (header.isEmpty())
        return std::unexpected(signatureError(u"the intuit-signature header is missing"_s));
    const auto decoded =
        QByteArray::fromBase64Encoding(header, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != kSha256Length)
        return std::unexpected(signatureError(u"the intuit-signature header is not a base64 SHA-256 value"_s));
    const QByteArray expected =
        QMessageAuthenticationCode::hash(body, verifierToken.toUtf8(), QCryptographicHash::Sha256);
    if (!constantTimeEqual(expected, decoded.decoded))
        return std::unexpected(signatureError(u"the signature does not match the body"_s));
    return {};
}

Result<QList<WebhookEvent>> parseWebhookPayload(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (doc.isArray())
        return parseCloudEvents(doc.array());
    if (doc.isObject() && doc.object().contains(u"eventNotifications"))
        return parseLegacy(doc.object());
    return std::unexpected(payloadError(parseError.error != QJsonParseError::NoError
                                            ? parseError.errorString()
                                            : u"neither eventNotifications nor a CloudEvents list"_s));
}

Result<QList<WebhookEvent>> receiveWebhook(const QByteArray &body, const QByteArray &signatureHeader,
                                           const QString &verifierToken)
{
    if (auto ok = verifyWebhookSignature(body, signatureHeader, verifierToken); !ok)
        return std::unexpected(ok.error());
    return parseWebhookPayload(body);
}

} // namespace Concord::QuickBooks
