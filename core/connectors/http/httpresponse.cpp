#include "connectors/http/httpresponse.h"

namespace Concord::Connectors {

QString HttpResponse::requestId() const
{
    static constexpr QByteArrayView names[] = {"intuit_tid", "X-HubSpot-Correlation-Id",
                                               "X-Request-Id", "X-Correlation-Id"};
    for (const QByteArrayView name : names) {
        const QByteArray value = headers.value(name);
        if (!value.isEmpty())
            return QString::fromLatin1(value);
    }
    return {};
}

} // namespace Concord::Connectors
