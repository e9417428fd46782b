#include "domain/customer.h"

#include "domain/enumnames_p.h"

using namespace Qt::StringLiterals;

namespace Concord::Domain {

namespace {

constexpr Internal::EnumNameTable<ContactKind, 3> contactKindNames { {
    { ContactKind::Email, "email"_L1 },
    { ContactKind::Phone, "phone"_L1 },
    { ContactKind::Address, "address"_L1 },
} };

constexpr Internal::EnumNameTable<MatchMethod, 5> matchMethodNames { {
    { MatchMethod::Manual, "manual"_L1 },
    { MatchMethod::Created, "created"_L1 },
    { MatchMethod::StoredLink, "stored_link"_L1 },
    { MatchMethod::Email, "email"_L1 },
    { MatchMethod::Phone, "phone"_L1 },
} };

constexpr Internal::EnumNameTable<CustomerState, 3> customerStateNames { {
    { CustomerState::Active, "active"_L1 },
    { CustomerState::Merged, "merged"_L1 },
    { CustomerState::Archived, "archived"_L1 },
} };

constexpr Internal::EnumNameTable<CandidateState, 4> candidateStateNames { {
    { CandidateState::Open, "open"_L1 },
    { CandidateState::Proposed, "proposed"_L1 },
    { CandidateState::Dismissed, "dismissed"_L1 },
    { CandidateState::Merged, "merged"_L1 },
} };

constexpr Internal::EnumNameTable<MergeState, 5> mergeStateNames { {
    { MergeState::Proposed, "proposed"_L1 },
    { MergeState::Approved, "approved"_L1 },
    { MergeState::Rejected, "rejected"_L1 },
    { MergeState::Executed, "executed"_L1 },
    { MergeState::Undone, "undone"_L1 },
} };

} // namespace

QString toString(ContactKind kind)
{
    return Internal::enumToString(contactKindNames, kind);
}

Result<ContactKind> parseContactKind(const QString &text)
{
    return Internal::parseEnum(contactKindNames, text, "contact kind"_L1);
}

QString toString(MatchMethod method)
{
    return Internal::enumToString(matchMethodNames, method);
}

Result<MatchMethod> parseMatchMethod(const QString &text)
{
    return Internal::parseEnum(matchMethodNames, text, "match method"_L1);
}

QString toString(CustomerState state)
{
    return Internal::enumToString(customerStateNames, state);
}

Result<CustomerState> parseCustomerState(const QString &text)
{
    return Internal::parseEnum(customerStateNames, text, "customer state"_L1);
}

QString toString(CandidateState state)
{
    return Internal::enumToString(candidateStateNames, state);
}

Result<CandidateState> parseCandidateState(const QString &text)
{
    return Internal::parseEnum(candidateStateNames, text, "duplicate candidate state"_L1);
}

QString toString(MergeState state)
{
    return Internal::enumToString(mergeStateNames, state);
}

Result<MergeState> parseMergeState(const QString &text)
{
    return Internal::parseEnum(mergeStateNames, text, "merge state"_L1);
}

} // namespace Concord::Domain
