#include "connectors/quickbooks/requestid.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace Concord::QuickBooks {

namespace {

// RFC 4648 base32 alphabet in lower case: only [a-z2-7], nothing QBO or a URL
// could object to.
QString base32(const QByteArray &bytes, int length)
{
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    QString out;
    out.reserve(length);
    quint32 buffer = 0;
    int bits = 0;
    for (const char byte : bytes) {
        buffer = (buffer << 8) | quint8(byte);
        bits += 8;
        while (bits >= 5 && out.size() < length) {
            out.append(QLatin1Char(kAlphabet[(buffer >> (bits - 5)) & 0x1f]));
            bits -= 5;
        }
        if (out.size() >= length)
            break;
    }
    return out;
}

} // namespace

QString requestIdFor(const QString &realmId, const QString &idempotencyKey, const QString &step,
                     const QString &revision)
{
    const QString material = u"concord/qbo/requestid/v1\n"_s + realmId + u'\n' + idempotencyKey
        + u'\n' + step + u'\n' + revision;
    const QByteArray digest = QCryptographicHash::hash(material.toUtf8(), QCryptographicHash::Sha256);
    return base32(digest, kRequestIdLength);
}

} // namespace Concord::QuickBooks
