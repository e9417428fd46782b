#include "connectors/oauth/tokenresponse.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace Concord::Connectors::OAuth {

namespace {

// Seconds as a JSON number or a numeric string (some servers quote them).
std::optional<qint64> seconds(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (number >= 0 && number < 1e15)
            return qint64(number);
        return std::nullopt;
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 number = value.toString().toLongLong(&ok);
        if (ok && number >= 0)
            return number;
    }
    return std::nullopt;
}

} // namespace

Result<TokenResponse> TokenResponse::parse(QByteArrayView body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray(), &parseError);
    if (!document.isObject()) {
        return fail(ErrorCode::Network, u"the token endpoint answered something that is not a "
                                        "JSON object"_s,
                    parseError.errorString());
    }
    const QJsonObject object = document.object();
    TokenResponse response;
    response.accessToken = object.value("access_token"_L1).toString();
    response.tokenType = object.value("token_type"_L1).toString();
    response.refreshToken = object.value("refresh_token"_L1).toString();
    response.idToken = object.value("id_token"_L1).toString();
    response.scope = object.value("scope"_L1).toString();
    if (response.accessToken.isEmpty())
        return fail(ErrorCode::Network, u"the token endpoint sent no access_token"_s);
    if (!response.tokenType.isEmpty() && response.tokenType.compare(u"bearer"_s, Qt::CaseInsensitive) != 0) {
        return fail(ErrorCode::Network,
                    u"the token endpoint sent a '%1' token; only bearer tokens are supported"_s.arg(
                        response.tokenType));
    }
    const std::optional<qint64> expiresIn = seconds(object.value("expires_in"_L1));
    if (!expiresIn || *expiresIn <= 0)
        return fail(ErrorCode::Network, u"the token endpoint sent no usable expires_in"_s);
    response.expiresInSecs = *expiresIn;
    response.refreshTokenExpiresInSecs = seconds(object.value("x_refresh_token_expires_in"_L1));
    response.refreshTokenHardExpiresInSecs =
        seconds(object.value("x_refresh_token_hard_expires_in"_L1));
    return response;
}

Error TokenResponse::parseError(int httpStatus, QByteArrayView body, const QString &requestId)
{
    Error error;
    error.httpStatus = httpStatus;
    error.requestId = requestId;
    const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray());
    const QJsonObject object = document.object();
    const QString code = object.value("error"_L1).toString();
    const QString description = object.value("error_description"_L1).toString();
    error.remoteCode = code;
    error.detail = description.isEmpty() ? QString::fromUtf8(body.first(std::min<qsizetype>(body.size(), 200))).simplified()
                                         : description;
    if (httpStatus == 429) {
        error.code = ErrorCode::Throttled;
        error.retryable = true;
        error.message = u"the token endpoint asked us to slow down (HTTP 429)"_s;
        return error;
    }
    if (httpStatus >= 500 || (code.isEmpty() && httpStatus != 400 && httpStatus != 401)) {
        error.code = ErrorCode::Network;
        error.retryable = true;
        error.message = u"the token endpoint failed (HTTP %1)"_s.arg(httpStatus);
        return error;
    }
    error.code = ErrorCode::Unauthorized;
    error.retryable = false;
    if (code == u"invalid_grant") {
        error.message = u"the authorization was refused (invalid_grant): reconnect the account"_s;
    } else if (code == u"invalid_client" || code == u"unauthorized_client") {
        error.message = u"the client id or secret was refused (%1)"_s.arg(code);
    } else {
        error.message = u"the token endpoint refused the request (%1, HTTP %2)"_s.arg(
            code.isEmpty() ? u"no error code"_s : code).arg(httpStatus);
    }
    return error;
}

} // namespace Concord::Connectors::OAuth
