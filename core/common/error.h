#pragma once

#include <QMetaType>
#include <QString>

#include <expected>

namespace Concord {

// Broad classes of failure. The class decides what the sync engine and the
// retry queue do next, so keep it about *handling*, not about origin.
enum class ErrorCode {
    Ok = 0,
    InvalidArgument,   // caller passed something malformed (user input, CLI, config)
    InvalidConfig,     // configuration file or value is wrong
    NotFound,          // the record asked for does not exist
    Conflict,          // unique key, stale version, concurrent edit
    PermissionDenied,  // the actor's role lacks the permission
    IllegalTransition, // a state machine refused a move
    Storage,           // the database failed (I/O, SQL error, driver)
    SchemaTooNew,      // the database was written by a newer Concord
    Integrity,         // stored data is inconsistent (broken audit chain, corrupt row)
    Secrets,           // keychain / secret backend failure
    Network,           // transient remote failure: transport, timeout, 5xx (retry with backoff)
    Unsupported,       // valid request this build cannot serve yet
    Internal,          // a bug in Concord
    // Remote API classes (connectors). Each decides what the retry queue does:
    Throttled,         // 429 / QuickBooks 3001: wait (retryAfterMs), then retry
    Unauthorized,      // 401 / QuickBooks 3200: refresh the token once, then park the connection
    StaleObject,       // QuickBooks 5010: re-read, re-apply the change, retry
    DuplicateName,     // QuickBooks 6240: disambiguate deterministically, never a second record
    RemoteValidation,  // the remote system refused the data: needs a person
};

// An error as a value: what failed, in words a person can act on, plus the
// technical detail kept for the error log.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;   // one line for the user; never contains secrets
    QString detail;    // technical detail (driver text, SQL state, body excerpt)
    int httpStatus = 0;
    QString requestId; // remote request/transaction id (e.g. intuit_tid), when there was one
    QString remoteCode; // the remote system's own error code ("5010", "invalid_grant", …)
    qint64 retryAfterMs = 0; // how long to wait before retrying (throttling); 0 = use backoff
    bool retryable = false; // whether retrying the same request may succeed

    [[nodiscard]] QString toString() const;

    // Needed so Result<T> (std::expected, whose operator== GCC 12 declares
    // unconstrained) can travel in Qt signals and QFutures.
    friend bool operator==(const Error &, const Error &) = default;

    static Error make(ErrorCode code, QString message, QString detail = {});
};

[[nodiscard]] QString errorCodeName(ErrorCode code);

template<typename T>
using Result = std::expected<T, Error>;

// A result with nothing to return on success.
using Status = std::expected<void, Error>;

[[nodiscard]] inline std::unexpected<Error> fail(ErrorCode code, QString message,
                                                 QString detail = {})
{
    return std::unexpected(Error::make(code, std::move(message), std::move(detail)));
}

} // namespace Concord

Q_DECLARE_METATYPE(Concord::Error)
