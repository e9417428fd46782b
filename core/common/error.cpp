#include "common/error.h"

namespace Concord {

Error Error::make(ErrorCode code, QString message, QString detail)
{
    Error e;
    e.code = code;
    e.message = std::move(message);
    e.detail = std::move(detail);
    e.retryable = (code == ErrorCode::Network || code == ErrorCode::Throttled);
    return e;
}

QString Error::toString() const
{
    QString text = message;
    if (!detail.isEmpty())
        text += QStringLiteral(" (%1)").arg(detail);
    if (httpStatus != 0)
        text += QStringLiteral(" [HTTP %1]").arg(httpStatus);
    if (!remoteCode.isEmpty())
        text += QStringLiteral(" [code %1]").arg(remoteCode);
    if (!requestId.isEmpty())
        text += QStringLiteral(" [request %1]").arg(requestId);
    return text;
}

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Ok: return QStringLiteral("ok");
    case ErrorCode::InvalidArgument: return QStringLiteral("invalid-argument");
    case ErrorCode::InvalidConfig: return QStringLiteral("invalid-config");
    case ErrorCode::NotFound: return QStringLiteral("not-found");
    case ErrorCode::Conflict: return QStringLiteral("conflict");
    case ErrorCode::PermissionDenied: return QStringLiteral("permission-denied");
    case ErrorCode::IllegalTransition: return QStringLiteral("illegal-transition");
    case ErrorCode::Storage: return QStringLiteral("storage");
    case ErrorCode::SchemaTooNew: return QStringLiteral("schema-too-new");
    case ErrorCode::Integrity: return QStringLiteral("integrity");
    case ErrorCode::Secrets: return QStringLiteral("secrets");
    case ErrorCode::Network: return QStringLiteral("network");
    case ErrorCode::Unsupported: return QStringLiteral("unsupported");
    case ErrorCode::Internal: return QStringLiteral("internal");
    case ErrorCode::Throttled: return QStringLiteral("throttled");
    case ErrorCode::Unauthorized: return QStringLiteral("unauthorized");
    case ErrorCode::StaleObject: return QStringLiteral("stale-object");
    case ErrorCode::DuplicateName: return QStringLiteral("duplicate-name");
    case ErrorCode::RemoteValidation: return QStringLiteral("remote-validation");
    }
    return QStringLiteral("unknown");
}

} // namespace Concord
