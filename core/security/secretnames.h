#pragma once

#include "common/error.h"

#include <QString>
#include <QStringList>
#include <QStringView>

// The secrets Concord knows (architecture.md, "Configuration and secrets").
//
// A secret has one canonical name: upper case with underscores, e.g.
// HUBSPOT_TOKEN. The keychain stores it under that name (as the key, inside
// the store's service); the environment holds it as "CONCORD_" + name.
// Stores accept any spelling canonicalSecretName() accepts and refuse names
// outside this list, so a typo can never create a stray keychain entry.
//
// Everything here is pure and thread-safe.
namespace Concord::Security {

namespace SecretName {
inline constexpr QStringView QuickBooksClientSecret = u"QUICKBOOKS_CLIENT_SECRET";
inline constexpr QStringView QuickBooksRefreshToken = u"QUICKBOOKS_REFRESH_TOKEN";
inline constexpr QStringView QuickBooksWebhookVerifier = u"QUICKBOOKS_WEBHOOK_VERIFIER";
inline constexpr QStringView HubSpotToken = u"HUBSPOT_TOKEN";
inline constexpr QStringView HubSpotClientSecret = u"HUBSPOT_CLIENT_SECRET";
inline constexpr QStringView HubSpotRefreshToken = u"HUBSPOT_REFRESH_TOKEN";
inline constexpr QStringView CalcomApiKey = u"CALCOM_API_KEY";
inline constexpr QStringView CalcomWebhookSecret = u"CALCOM_WEBHOOK_SECRET";
} // namespace SecretName

// Prefix of the environment variable that carries a secret.
inline constexpr QStringView SecretEnvironmentPrefix = u"CONCORD_";

// Every known canonical name, in the order `secrets list` shows them.
[[nodiscard]] QStringList knownSecretNames();

// True for a canonical name in knownSecretNames() (exact spelling).
[[nodiscard]] bool isKnownSecretName(QStringView canonicalName);

// "CONCORD_" + canonicalName. No check that the name is known.
[[nodiscard]] QString secretEnvironmentVariable(QStringView canonicalName);

// One short line on what the secret is for, for `secrets list`; empty for an
// unknown name.
[[nodiscard]] QString secretDescription(QStringView canonicalName);

// Turns user input into a canonical name. Accepts any letter case, '-' for
// '_', surrounding blanks, and the "CONCORD_" environment prefix:
// "quickbooks_client_secret", "CONCORD_QUICKBOOKS_CLIENT_SECRET" and
// "quickbooks-client-secret" all give QUICKBOOKS_CLIENT_SECRET.
// An unknown name is an InvalidArgument error whose message lists the valid ones.
[[nodiscard]] Result<QString> canonicalSecretName(QStringView input);

} // namespace Concord::Security
