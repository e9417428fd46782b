#pragma once

#include "common/error.h"
#include "connectors/http/httpheaders.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

#include <chrono>

namespace Concord::Connectors {

// What the server answered. Pure value.
struct HttpResponse {
    int status = 0;
    HttpHeaders headers;
    QByteArray body;
    // Real (monotonic) time from sending the request to the last body byte.
    std::chrono::milliseconds elapsed{0};

    [[nodiscard]] bool isSuccess() const { return status >= 200 && status < 300; }

    // The server's request/transaction id, from the first header present of
    // intuit_tid (QuickBooks), X-HubSpot-Correlation-Id, X-Request-Id,
    // X-Correlation-Id; empty when none.
    [[nodiscard]] QString requestId() const;
};

} // namespace Concord::Connectors

Q_DECLARE_METATYPE(Concord::Connectors::HttpResponse)

// GCC 12's std::expected declares operator== without constraints, so Qt's
// meta-type system (moc registers HttpJob::finished's argument) believes
// Result<HttpResponse> is comparable and instantiates a comparison that
// HttpResponse does not have. State the truth for the types our signals carry.
template<>
struct QTypeTraits::has_operator_equal<Concord::Result<Concord::Connectors::HttpResponse>>
    : std::false_type {};
