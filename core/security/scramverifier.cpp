#include "security/scramverifier.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Concord::Security {

namespace {

// RFC 4013 SASLprep, the parts that change real passwords: table B.1
// ("commonly mapped to nothing") removed, C.1.2 (non-ASCII spaces) mapped to
// a space, then NFKC. ASCII passwords pass unchanged, as in PostgreSQL.
QString saslPrep(const QString &password)
{
    bool ascii = true;
    for (QChar c : password)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii)
        return password;
    QString mapped;
    mapped.reserve(password.size());
    for (QChar c : password) {
        const char16_t u = c.unicode();
        const bool nothing = u == 0x00AD || u == 0x034F || u == 0x1806 || (u >= 0x180B && u <= 0x180D)
            || (u >= 0x200B && u <= 0x200D) || u == 0x2060 || (u >= 0xFE00 && u <= 0xFE0F) || u == 0xFEFF;
        if (nothing)
            continue;
        const bool space = u == 0x00A0 || u == 0x1680 || (u >= 0x2000 && u <= 0x200A) || u == 0x202F || u == 0x205F
            || u == 0x3000;
        mapped.append(space ? QChar(u' ') : c);
    }
    return mapped.normalized(QString::NormalizationForm_KC);
}

} // namespace

QString scramSha256Verifier(const QString &password, QByteArray salt, int iterations)
{
    if (salt.isEmpty()) {
        salt.resize(16);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), salt.size() / 4);
    }
    const QByteArray salted = QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256,
                                                                 saslPrep(password).toUtf8(), salt, iterations, 32);
    const QByteArray clientKey = QMessageAuthenticationCode::hash("Client Key", salted, QCryptographicHash::Sha256);
    const QByteArray storedKey = QCryptographicHash::hash(clientKey, QCryptographicHash::Sha256);
    const QByteArray serverKey = QMessageAuthenticationCode::hash("Server Key", salted, QCryptographicHash::Sha256);
    return u"SCRAM-SHA-256$%1:%2$%3:%4"_s.arg(QString::number(iterations), QString::fromLatin1(salt.toBase64()),
                                              QString::fromLatin1(storedKey.toBase64()),
                                              QString::fromLatin1(serverKey.toBase64()));
}

} // namespace Concord::Security
