#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Concord::QuickBooks {

// One entry of a QuickBooks Fault's Error list.
struct FaultEntry {
    QString code;    // "5010"; XML gives it as an attribute, JSON as "code"
    QString message; // QuickBooks' short Message
    QString detail;  // QuickBooks' Detail (the useful text)
    QString element; // the offending field, often empty

    friend bool operator==(const FaultEntry &, const FaultEntry &) = default;
};

// A parsed Fault: {"Fault":{"Error":[…],"type":"ValidationFault"}} or its XML
// form <IntuitResponse><Fault type=…><Error code=…><Message/><Detail/>.
struct Fault {
    QString type; // ValidationFault | SystemFault | AuthenticationFault | SERVICE | …
    QList<FaultEntry> errors;

    friend bool operator==(const Fault &, const Fault &) = default;
};

// Reads the Fault of a JSON object that holds one (top-level body or a batch
// item); keys are matched case-insensitively because the 401 gateway writes
// {"fault":{"error":[{"message",…}]}}. Returns nothing when there is no Fault.
[[nodiscard]] std::optional<Fault> faultFromJson(const QJsonObject &object);
// Reads a Fault from an XML body (throttle faults arrive as XML even when JSON
// was asked for). Nothing when the body is not an Intuit fault.
[[nodiscard]] std::optional<Fault> faultFromXml(const QByteArray &body);

// Classifies a fault into Concord's error classes (see ErrorCode):
//   HTTP 429 or code 3001            → Throttled, retryAfterMs 60 000 (Intuit: wait 60 s)
//   HTTP 401, codes 3200/3100/120    → Unauthorized
//   5010                             → StaleObject
//   6240                             → DuplicateName
//   610                              → NotFound
//   HTTP 5xx or code 10000           → Network (retryable)
//   anything else (4000, 4001, 2020, 2050, 6000, …) → RemoteValidation
// remoteCode = the first entry's code, detail = its Detail (all entries, one
// per line, when there are several), requestId = the intuit_tid value.
[[nodiscard]] Error errorFromFault(const Fault &fault, int httpStatus, const QString &requestId = {});

// The whole path from an HTTP error response to an Error: JSON Fault, XML
// Fault, and bodies that are neither (an HTML gateway page, nothing at all),
// which are classified by HTTP status alone with a message saying so.
[[nodiscard]] Error errorFromResponse(int httpStatus, const QByteArray &body,
                                      const QString &requestId = {});

} // namespace Concord::QuickBooks
