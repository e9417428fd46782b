#pragma once

#include <QByteArray>
#include <QUrl>

namespace Concord::Sandbox {

// Where the running emulators listen (loopback). Written as JSON by
// `concord-cli sandbox --ports-file F` for other tools and tests.
struct SandboxEndpoints {
    QUrl quickbooks; // API base, e.g. http://127.0.0.1:40123 (paths /v3/company/{realm}/…)
    QUrl quickbooksToken; // OAuth token endpoint
    // Sandbox credentials (not secrets: they open only this emulator).
    QString quickbooksRealmId;
    QString quickbooksClientId;
    QString quickbooksClientSecret;
    QString quickbooksRefreshToken;
    QString quickbooksAccessToken;
    QUrl hubspot;      // API base (paths /crm/v3/…)
    QUrl hubspotToken; // OAuth token endpoint
    QString hubspotPrivateAppToken;
    QUrl calcom;       // API base (paths /v2/…)
    QString calcomApiKey;

    [[nodiscard]] QByteArray toJson() const;
};

} // namespace Concord::Sandbox
