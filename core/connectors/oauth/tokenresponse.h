#pragma once

#include "common/error.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace Concord::Connectors::OAuth {

// A token endpoint's answer (RFC 6749 §5.1, plus Intuit's refresh-token
// lifetimes). Pure value. Never log the token fields.
struct TokenResponse {
    QString accessToken;
    QString tokenType;                // "bearer"
    qint64 expiresInSecs = 0;         // access token lifetime (3600 QuickBooks, 1800 HubSpot)
    QString refreshToken;             // empty when the server did not send one (keep the old)
    std::optional<qint64> refreshTokenExpiresInSecs;     // x_refresh_token_expires_in
    std::optional<qint64> refreshTokenHardExpiresInSecs; // x_refresh_token_hard_expires_in
    QString idToken;
    QString scope;

    // Parses a success body. An unusable body (not JSON, no access_token, a
    // token type other than bearer) is ErrorCode::Network, retryable=false.
    [[nodiscard]] static Result<TokenResponse> parse(QByteArrayView body);

    // The error a token endpoint's refusal stands for. JSON bodies
    // {"error":"invalid_grant","error_description":"…"} give remoteCode =
    // the "error" value and, for 400/401, ErrorCode::Unauthorized (the grant
    // or the client is refused: a person must reconnect or fix the
    // credentials; never retried in a loop). 429 is Throttled and 5xx or an
    // unreadable body is Network, both retryable.
    [[nodiscard]] static Error parseError(int httpStatus, QByteArrayView body,
                                          const QString &requestId = {});
};

} // namespace Concord::Connectors::OAuth
