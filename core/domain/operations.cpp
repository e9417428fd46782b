#include "domain/operations.h"

#include "domain/enumnames_p.h"

using namespace Qt::StringLiterals;

namespace Concord::Domain {

namespace {

constexpr Internal::EnumNameTable<JobState, 5> jobStateNames { {
    { JobState::Pending, "pending"_L1 },
    { JobState::InFlight, "in_flight"_L1 },
    { JobState::Succeeded, "succeeded"_L1 },
    { JobState::Failed, "failed"_L1 },
    { JobState::Dismissed, "dismissed"_L1 },
} };

constexpr Internal::EnumNameTable<ConnectionState, 6> connectionStateNames { {
    { ConnectionState::NotConfigured, "not_configured"_L1 },
    { ConnectionState::Connected, "connected"_L1 },
    { ConnectionState::Expiring, "expiring"_L1 },
    { ConnectionState::Expired, "expired"_L1 },
    { ConnectionState::Error, "error"_L1 },
    { ConnectionState::Disconnected, "disconnected"_L1 },
} };

constexpr Internal::EnumNameTable<ReviewCadence, 3> reviewCadenceNames { {
    { ReviewCadence::Weekly, "weekly"_L1 },
    { ReviewCadence::Monthly, "monthly"_L1 },
    { ReviewCadence::Quarterly, "quarterly"_L1 },
} };

} // namespace

QString toString(JobState state)
{
    return Internal::enumToString(jobStateNames, state);
}

Result<JobState> parseJobState(const QString &text)
{
    return Internal::parseEnum(jobStateNames, text, "job state"_L1);
}

QString toString(ConnectionState state)
{
    return Internal::enumToString(connectionStateNames, state);
}

Result<ConnectionState> parseConnectionState(const QString &text)
{
    return Internal::parseEnum(connectionStateNames, text, "connection state"_L1);
}

QString toString(ReviewCadence cadence)
{
    return Internal::enumToString(reviewCadenceNames, cadence);
}

Result<ReviewCadence> parseReviewCadence(const QString &text)
{
    return Internal::parseEnum(reviewCadenceNames, text, "review cadence"_L1);
}

} // namespace Concord::Domain
