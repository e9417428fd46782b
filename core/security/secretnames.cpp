#include "security/secretnames.h"

#include <QRegularExpression>

#include <array>

using namespace Qt::StringLiterals;

namespace Concord::Security {

namespace {

struct KnownSecret {
    QStringView name;
    QStringView description;
};

constexpr std::array<KnownSecret, 8> knownSecrets { {
    { SecretName::QuickBooksClientSecret, u"QuickBooks Online OAuth client secret" },
    { SecretName::QuickBooksRefreshToken,
      u"QuickBooks Online OAuth refresh token (rotated on use)" },
    { SecretName::QuickBooksWebhookVerifier, u"QuickBooks webhook verifier token (signature key)" },
    { SecretName::HubSpotToken, u"HubSpot private app access token" },
    { SecretName::HubSpotClientSecret, u"HubSpot OAuth client secret (also signs webhooks)" },
    { SecretName::HubSpotRefreshToken, u"HubSpot OAuth refresh token" },
    { SecretName::CalcomApiKey, u"Cal.com API key" },
    { SecretName::CalcomWebhookSecret, u"Cal.com webhook secret (signature key)" },
} };

const KnownSecret *findKnown(QStringView canonicalName)
{
    for (const KnownSecret &known : knownSecrets) {
        if (known.name == canonicalName)
            return &known;
    }
    return nullptr;
}

} // namespace

QStringList knownSecretNames()
{
    QStringList names;
    names.reserve(qsizetype(knownSecrets.size()));
    for (const KnownSecret &known : knownSecrets)
        names.append(known.name.toString());
    return names;
}

bool isKnownSecretName(QStringView canonicalName)
{
    return findKnown(canonicalName) != nullptr;
}

QString secretEnvironmentVariable(QStringView canonicalName)
{
    return SecretEnvironmentPrefix.toString() + canonicalName.toString();
}

QString secretDescription(QStringView canonicalName)
{
    const KnownSecret *known = findKnown(canonicalName);
    return known ? known->description.toString() : QString();
}

Result<QString> canonicalSecretName(QStringView input)
{
    QString name = input.trimmed().toString().toUpper();
    name.replace(u'-', u'_');
    if (name.startsWith(SecretEnvironmentPrefix))
        name.remove(0, SecretEnvironmentPrefix.size());
    if (isKnownSecretName(name))
        return name;

    // Echo the input only when it looks like a name: someone who pastes a
    // token where the name belongs must not see it printed (or logged) back.
    // Names are at most 35 characters with the prefix; tokens are longer.
    const QString trimmed = input.trimmed().toString();
    static const QRegularExpression nameLike(u"^[A-Za-z0-9_-]{1,40}$"_s);
    const QString shown =
        nameLike.match(trimmed).hasMatch() ? u"'%1'"_s.arg(trimmed) : u"(input not shown)"_s;
    return fail(
        ErrorCode::InvalidArgument,
        u"unknown secret name %1; valid names: %2"_s.arg(shown, knownSecretNames().join(u", "_s)));
}

} // namespace Concord::Security
