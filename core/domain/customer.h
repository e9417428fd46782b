#pragma once

#include "domain/system.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Concord::Domain {

enum class ContactKind { Email, Phone, Address };
[[nodiscard]] QString toString(ContactKind kind);             // "email", "phone", "address"
[[nodiscard]] Result<ContactKind> parseContactKind(const QString &text);

// One way to reach a customer. `normalized` is the matching key (lower-cased
// email, E.164 phone, canonical address); `value` is what the source wrote.
struct ContactPoint {
    qint64 id = 0;
    QString customerId;
    ContactKind kind = ContactKind::Email;
    QString value;
    QString normalized;
    bool isPrimary = false;
    std::optional<System> sourceSystem;
};

// How an external record came to be linked to a Concord customer.
enum class MatchMethod {
    Manual,   // a person linked it (or approved a merge)
    Created,  // Concord created the remote record for this customer
    StoredLink, // carried over from an earlier link (import)
    Email,    // same normalized email
    Phone,    // same normalized phone
};
[[nodiscard]] QString toString(MatchMethod method);
[[nodiscard]] Result<MatchMethod> parseMatchMethod(const QString &text);

// One row of the identity map: Concord customer ↔ a record in one system.
struct ExternalLink {
    qint64 id = 0;
    QString customerId;
    System system = System::QuickBooks;
    QString externalId;       // QuickBooks Customer.Id, HubSpot contact id, Cal.com attendee email/id
    MatchMethod method = MatchMethod::Manual;
    int confidencePermille = 1000; // 0..1000; how sure the link is
    QString evidenceJson;     // which fields agreed and how strongly (JSON object)
    QDateTime linkedAt;       // UTC
    QString linkedBy;         // username or "sync"
};

enum class CustomerState { Active, Merged, Archived };
[[nodiscard]] QString toString(CustomerState state);
[[nodiscard]] Result<CustomerState> parseCustomerState(const QString &text);

// A Concord customer: the stable identity shared by the three systems.
// `id` is a Concord id ("cus_" + 32 hex digits), never reused.
struct Customer {
    QString id;
    QString displayName;
    QString givenName;
    QString familyName;
    QString companyName;
    QString timeZone;         // IANA zone, may be empty when unknown
    CustomerState state = CustomerState::Active;
    QString mergedInto;       // survivor's id when state == Merged
    QDateTime createdAt;      // UTC
    QDateTime updatedAt;      // UTC
    int version = 1;          // optimistic concurrency: bumped on every update
    QList<ContactPoint> contacts; // filled by repositories that load them
};

// A duplicate candidate pair awaiting review, with its evidence.
enum class CandidateState { Open, Proposed, Dismissed, Merged };
[[nodiscard]] QString toString(CandidateState state);
[[nodiscard]] Result<CandidateState> parseCandidateState(const QString &text);

struct DuplicateCandidate {
    qint64 id = 0;
    QString customerA;
    QString customerB;
    int scorePermille = 0;
    QString evidenceJson;
    CandidateState state = CandidateState::Open;
    QDateTime foundAt;
};

// A merge proposed by an office manager and decided by an owner.
enum class MergeState { Proposed, Approved, Rejected, Executed, Undone };
[[nodiscard]] QString toString(MergeState state);
[[nodiscard]] Result<MergeState> parseMergeState(const QString &text);

struct MergeProposal {
    qint64 id = 0;
    QString survivorId;
    QList<QString> mergedIds;
    QString fieldChoicesJson; // field → chosen value / source record
    QString evidenceJson;
    MergeState state = MergeState::Proposed;
    QString proposedBy;
    QDateTime proposedAt;
    QString decidedBy;
    QDateTime decidedAt;
    QString note;
    QString executionJson; // set when executed: the plan and the links moved (for undo)
};

} // namespace Concord::Domain
