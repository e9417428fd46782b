#include "connectors/hubspot/webhooksignature.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

using namespace Qt::StringLiterals;

namespace Concord::HubSpot::WebhookSignature {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

QByteArray v1(QByteArrayView secret, QByteArrayView body)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(secret);
    hash.addData(body);
    return hash.result().toHex();
}

QByteArray v2(QByteArrayView secret, QByteArrayView method, QByteArrayView uri, QByteArrayView body)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(secret);
    hash.addData(method);
    hash.addData(uri);
    hash.addData(body);
    return hash.result().toHex();
}

QByteArray v3(QByteArrayView secret, QByteArrayView method, QByteArrayView uri, QByteArrayView body,
              QByteArrayView timestamp)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, secret.toByteArray());
    // Qt 6.4 takes (data, length) here, not a QByteArrayView.
    for (const QByteArrayView part : {method, uri, body, timestamp})
        mac.addData(part.data(), part.size());
    return mac.result().toBase64();
}

QByteArray canonicalUri(QByteArrayView uri)
{
    static constexpr QByteArrayView decoded = ":/?@!$'()*,;";
    QByteArray out;
    out.reserve(uri.size());
    for (qsizetype i = 0; i < uri.size(); ++i) {
        if (uri[i] == '%' && i + 2 < uri.size()) {
            const int hi = hexValue(uri[i + 1]);
            const int lo = hexValue(uri[i + 2]);
            if (hi >= 0 && lo >= 0) {
                const char c = char(hi * 16 + lo);
                if (decoded.contains(c)) {
                    out.append(c);
                    i += 2;
                    continue;
                }
            }
        }
        out.append(uri[i]);
    }
    return out;
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    // The length of a base64 HMAC is public; only the bytes must not leak.
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

Status verifyV3(QByteArrayView secret, QByteArrayView method, QByteArrayView uri, QByteArrayView body,
                QByteArrayView timestampHeader, QByteArrayView signatureHeader, const QDateTime &nowUtc)
{
    if (secret.isEmpty())
        return fail(ErrorCode::InvalidConfig, u"no HubSpot client secret to verify webhooks with"_s);
    if (signatureHeader.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, u"HubSpot webhook without X-HubSpot-Signature-v3"_s);
    bool ok = false;
    const qint64 timestampMs = timestampHeader.trimmed().toLongLong(&ok);
    if (!ok || timestampMs <= 0)
        return fail(ErrorCode::InvalidArgument, u"HubSpot webhook without a readable X-HubSpot-Request-Timestamp"_s);
    const qint64 ageMs = nowUtc.toMSecsSinceEpoch() - timestampMs;
    const qint64 maxMs = std::chrono::duration_cast<std::chrono::milliseconds>(kMaxAge).count();
    if (ageMs > maxMs)
        return fail(ErrorCode::InvalidArgument,
                    u"HubSpot webhook timestamp is %1 s old (more than 5 minutes): refused"_s.arg(ageMs / 1000));
    if (ageMs < -maxMs)
        return fail(ErrorCode::InvalidArgument,
                    u"HubSpot webhook timestamp is %1 s in the future: refused"_s.arg(-ageMs / 1000));
    const QByteArray given = signatureHeader.trimmed().toByteArray();
    const QByteArray canonical = canonicalUri(uri);
    const bool matches = constantTimeEquals(v3(secret, method, canonical, body, timestampHeader.trimmed()), given);
    const bool matchesRaw = canonical != uri
        && constantTimeEquals(v3(secret, method, uri, body, timestampHeader.trimmed()), given);
    if (!matches && !matchesRaw)
        return fail(ErrorCode::InvalidArgument, u"HubSpot webhook signature does not match: refused"_s);
    return {};
}

} // namespace Concord::HubSpot::WebhookSignature
