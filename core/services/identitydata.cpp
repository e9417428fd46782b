#include "services/identitydata.h"

#include "common/logging.h"
#include "store/customerrepository.h"
#include "store/database.h"
#include "store/identityrepository.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Concord::Domain;

namespace Concord::Services {

namespace {

// Customer ids per IN (…) list: well under SQLite's and PostgreSQL's bind
// limits, and the same chunk the customer repository uses.
constexpr int kInChunk = 500;

template<typename T>
std::unexpected<Error> failWith(const Result<T> &r)
{
    return std::unexpected(r.error());
}

QJsonObject parseObject(const QString &json)
{
    if (json.isEmpty())
        return {};
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

ExternalLink linkFromRow(const QSqlQuery &q)
{
    ExternalLink l;
    l.id = q.value(0).toLongLong();
    l.customerId = q.value(1).toString();
    l.system = parseSystem(q.value(2).toString()).value_or(System::QuickBooks);
    l.externalId = q.value(3).toString();
    l.method = parseMatchMethod(q.value(4).toString()).value_or(MatchMethod::Manual);
    l.confidencePermille = q.value(5).toInt();
    l.evidenceJson = q.value(6).toString();
    l.linkedAt = Store::Sql::toDateTime(q.value(7));
    l.linkedBy = q.value(8).toString();
    return l;
}

// Every link of `ids`, in batches, ordered by customer, system, then id (the
// oldest record of a system first).
Result<QHash<QString, QList<ExternalLink>>> linksOf(Store::Database &db, const QStringList &ids)
{
    QHash<QString, QList<ExternalLink>> out;
    for (qsizetype start = 0; start < ids.size(); start += kInChunk) {
        const QStringList chunk = ids.mid(start, kInChunk);
        auto rows = db.select<ExternalLink>(
            u"SELECT id, customer_id, system, external_id, method, confidence_permille, evidence_json, linked_at, "
            "linked_by FROM external_links WHERE customer_id IN ("_s
                + Store::Database::placeholders(int(chunk.size())) + u") ORDER BY customer_id, system, id"_s,
            QVariantList(chunk.cbegin(), chunk.cend()), linkFromRow);
        if (!rows)
            return failWith(rows);
        for (const ExternalLink &l : std::as_const(*rows))
            out[l.customerId].append(l);
    }
    return out;
}

QString firstOf(const Customer &c, ContactKind kind)
{
    // Contacts arrive primary first (CustomerRepository::getMany).
    QString first;
    for (const ContactPoint &p : c.contacts) {
        if (p.kind != kind)
            continue;
        if (p.isPrimary)
            return p.value;
        if (first.isEmpty())
            first = p.value;
    }
    return first;
}

ReviewCustomer reviewCustomer(const Customer &c, const QList<ExternalLink> &links)
{
    ReviewCustomer r;
    r.customer = c;
    r.links = links;
    r.email = firstOf(c, ContactKind::Email);
    r.phone = firstOf(c, ContactKind::Phone);
    r.address = firstOf(c, ContactKind::Address);
    return r;
}

// The customer a merge should keep unless a person says otherwise: the one
// more systems already know (fewer remote records change), then the older.
QString suggestSurvivor(const QList<ReviewCustomer> &customers)
{
    const ReviewCustomer *best = nullptr;
    for (const ReviewCustomer &c : customers) {
        if (!best) {
            best = &c;
            continue;
        }
        const auto key = [](const ReviewCustomer &r) { return r.links.size(); };
        if (key(c) != key(*best)) {
            if (key(c) > key(*best))
                best = &c;
            continue;
        }
        if (c.customer.createdAt != best->customer.createdAt) {
            if (c.customer.createdAt.isValid()
                && (!best->customer.createdAt.isValid() || c.customer.createdAt < best->customer.createdAt))
                best = &c;
            continue;
        }
        if (c.customer.id < best->customer.id)
            best = &c;
    }
    return best ? best->customer.id : QString();
}

QDateTime lastChange(const MergeProposal &p)
{
    return p.decidedAt.isValid() ? p.decidedAt : p.proposedAt;
}

bool newestFirst(const MergeProposal &a, const MergeProposal &b)
{
    const QDateTime ta = lastChange(a);
    const QDateTime tb = lastChange(b);
    if (ta != tb)
        return ta > tb;
    return a.id > b.id;
}

int scoreFrom(const ReviewEvidence &e)
{
    if (e.decision.isEmpty())
        return 0;
    return int(qBound(0.0, e.probability * 1000.0, 1000.0) + 0.5);
}

} // namespace

int IdentityMapRow::linkedSystems() const
{
    return int(std::count_if(links.cbegin(), links.cend(), [](const IdentityLinkCell &c) { return c.isLinked(); }));
}

Result<IdentityMapData> collectIdentityMap(Store::Database &db)
{
    QElapsedTimer timer;
    timer.start();
    // One read transaction: the rows, links and counts are one moment's picture.
    Store::Transaction tx(db);
    if (!tx.started())
        return std::unexpected(tx.started().error());

    IdentityMapData data;
    {
        auto q = db.query(u"SELECT id, display_name, company_name FROM customers WHERE state = 'active' ORDER BY id"_s);
        if (!q)
            return failWith(q);
        while (q->next()) {
            IdentityMapRow row;
            row.customerId = q->value(0).toString();
            row.displayName = q->value(1).toString();
            row.companyName = q->value(2).toString();
            data.rows.append(std::move(row));
        }
    }
    const qsizetype n = data.rows.size();

    // Finds the row of a contact's or link's customer. Rows of one customer
    // usually follow each other, and imports write customers, contacts and
    // links in the same order: the row after the last one found is tried
    // first, the hash (built on the first miss) only after.
    QHash<QString, qsizetype> rowOf;
    const auto rowFor = [&](qsizetype &cursor, const QString &customerId) -> qsizetype {
        for (qsizetype i = cursor; i < qMin(cursor + 2, n); ++i) {
            if (data.rows.at(i).customerId == customerId)
                return cursor = i;
        }
        if (rowOf.isEmpty()) {
            rowOf.reserve(n);
            for (qsizetype i = 0; i < n; ++i)
                rowOf.insert(data.rows.at(i).customerId, i);
        }
        const qsizetype row = rowOf.value(customerId, -1); // -1: not active
        if (row >= 0)
            cursor = row;
        return row;
    };

    // The primary contact of each kind, else the oldest.
    {
        struct Pick {
            qint64 id = 0;
            bool primary = false;
        };
        QList<std::array<Pick, 2>> picked(n); // [email, phone]
        // In id order, which SQLite reads without sorting.
        auto q = db.query(u"SELECT customer_id, kind, value, is_primary, id FROM contact_points ORDER BY id"_s);
        if (!q)
            return failWith(q);
        const QString email = toString(ContactKind::Email);
        const QString phone = toString(ContactKind::Phone);
        qsizetype cursor = 0;
        while (q->next()) {
            const QString kind = q->value(1).toString();
            const bool isEmail = kind == email;
            if (!isEmail && kind != phone)
                continue; // addresses are not shown in the map
            const qsizetype row = rowFor(cursor, q->value(0).toString());
            if (row < 0)
                continue; // a merged or archived customer's
            Pick &pick = picked[row][isEmail ? 0 : 1];
            const bool primary = q->value(3).toInt() != 0;
            const qint64 id = q->value(4).toLongLong();
            if (pick.id != 0 && !(primary && !pick.primary) && !(primary == pick.primary && id < pick.id))
                continue;
            pick = {id, primary};
            (isEmail ? data.rows[row].email : data.rows[row].phone) = q->value(2).toString();
        }
    }

    // Links: the oldest record per system is shown, later ones counted.
    {
        QList<std::array<qint64, 3>> shownLink(n, std::array<qint64, 3>{});
        auto q = db.query(u"SELECT customer_id, system, external_id, method, confidence_permille, linked_at, linked_by, "
                          "id FROM external_links ORDER BY id"_s);
        if (!q)
            return failWith(q);
        qsizetype cursor = 0;
        while (q->next()) {
            const qsizetype row = rowFor(cursor, q->value(0).toString());
            if (row < 0)
                continue;
            auto system = parseSystem(q->value(1).toString());
            if (!system) {
                qCWarning(lcIdentity) << "identity map: skipping a link in an unknown system" << q->value(1).toString();
                continue;
            }
            IdentityLinkCell &cell = data.rows[row].links[size_t(*system)];
            qint64 &shown = shownLink[row][size_t(*system)];
            const qint64 id = q->value(7).toLongLong();
            if (shown != 0) {
                ++cell.moreRecords;
                if (id > shown)
                    continue;
            }
            shown = id;
            cell.externalId = q->value(2).toString();
            cell.method = parseMatchMethod(q->value(3).toString()).value_or(MatchMethod::Manual);
            cell.confidencePermille = q->value(4).toInt();
            cell.linkedAt = Store::Sql::toDateTime(q->value(5));
            cell.linkedBy = q->value(6).toString();
        }
    }

    IdentityMapCounts &counts = data.counts;
    counts.customers = n;
    for (const IdentityMapRow &row : std::as_const(data.rows)) {
        const int linked = row.linkedSystems();
        for (size_t s = 0; s < row.links.size(); ++s) {
            if (row.links[s].isLinked())
                ++counts.linked[s];
        }
        if (linked == int(row.links.size()))
            ++counts.linkedEverywhere;
        else if (linked == 0)
            ++counts.unlinked;
    }
    const auto count = [&db](const QString &sql) -> Result<qint64> {
        auto v = db.scalar(sql);
        if (!v)
            return failWith(v);
        return v->toLongLong();
    };
    auto merged = count(u"SELECT COUNT(*) FROM customers WHERE state = 'merged'"_s);
    auto open = count(u"SELECT COUNT(*) FROM duplicate_candidates WHERE state = 'open'"_s);
    auto pending = count(u"SELECT COUNT(*) FROM merge_proposals WHERE state = 'proposed'"_s);
    for (const auto *r : {&merged, &open, &pending}) {
        if (!*r)
            return failWith(*r);
    }
    counts.merged = *merged;
    counts.openCandidates = *open;
    counts.pendingProposals = *pending;
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    qCDebug(lcIdentity) << "identity map:" << n << "customers read in" << timer.elapsed() << "ms";
    return data;
}

ReviewEvidence ReviewEvidence::fromJson(const QString &json)
{
    const QJsonObject o = parseObject(json);
    ReviewEvidence e;
    e.idA = o.value(u"a"_s).toString();
    e.idB = o.value(u"b"_s).toString();
    e.decision = o.value(u"decision"_s).toString();
    e.probability = o.value(u"probability"_s).toDouble();
    e.reason = o.value(u"reason"_s).toString();
    e.storedLink = o.value(u"storedLink"_s).toBool();
    e.identifierAgrees = o.value(u"identifierAgrees"_s).toBool();
    e.nameOnly = o.value(u"nameOnly"_s).toBool();
    e.contradiction = o.value(u"contradiction"_s).toBool();
    e.namesSwapped = o.value(u"namesSwapped"_s).toBool();
    for (const QJsonValue &v : o.value(u"fields"_s).toArray()) {
        const QJsonObject f = v.toObject();
        ReviewEvidenceField field;
        field.comparison = f.value(u"field"_s).toString();
        field.level = f.value(u"level"_s).toString();
        field.agrees = f.value(u"agrees"_s).toBool();
        field.weight = f.value(u"weight"_s).toDouble();
        field.valueA = f.value(u"a"_s).toString();
        field.valueB = f.value(u"b"_s).toString();
        if (!field.comparison.isEmpty())
            e.fields.append(field);
    }
    return e;
}

QList<ReviewEvidenceField> ReviewEvidence::forField(const QString &field) const
{
    QStringList comparisons;
    if (field == u"displayName"_s)
        comparisons = {u"name"_s};
    else if (field == u"givenName"_s)
        comparisons = {u"given_name"_s};
    else if (field == u"familyName"_s)
        comparisons = {u"family_name"_s};
    else if (field == u"email"_s || field == u"phone"_s)
        comparisons = {field};
    else if (field == u"address"_s)
        comparisons = {u"address"_s, u"city"_s, u"postcode"_s};
    QList<ReviewEvidenceField> out;
    for (const ReviewEvidenceField &f : fields) {
        if (comparisons.contains(f.comparison))
            out.append(f);
    }
    return out;
}

QString ReviewCustomer::value(const QString &field) const
{
    if (field == u"displayName"_s)
        return customer.displayName;
    if (field == u"givenName"_s)
        return customer.givenName;
    if (field == u"familyName"_s)
        return customer.familyName;
    if (field == u"email"_s)
        return email;
    if (field == u"phone"_s)
        return phone;
    return {};
}

QList<ExternalLink> ReviewCustomer::linksIn(System system) const
{
    QList<ExternalLink> out;
    for (const ExternalLink &l : links) {
        if (l.system == system)
            out.append(l);
    }
    return out;
}

QString DuplicateReviewItem::key() const
{
    return kind == ReviewKind::Proposal ? u"proposal/%1"_s.arg(proposalId) : u"candidate/%1"_s.arg(candidateId);
}

QStringList DuplicateReviewItem::customerIds() const
{
    QStringList ids;
    for (const ReviewCustomer &c : customers)
        ids.append(c.customer.id);
    return ids;
}

const ReviewCustomer *DuplicateReviewItem::customer(const QString &id) const
{
    for (const ReviewCustomer &c : customers) {
        if (c.customer.id == id)
            return &c;
    }
    return nullptr;
}

QStringList DuplicateReviewItem::remoteStepsKeptOnUndo() const
{
    QStringList out;
    for (const Identity::MergeStep &step : plan.steps) {
        if (step.action != Identity::MergeStep::Action::MoveLink)
            out.append(step.description);
    }
    return out;
}

const DuplicateReviewItem *DuplicateReviewData::item(const QString &key) const
{
    for (const DuplicateReviewItem &i : items) {
        if (i.key() == key)
            return &i;
    }
    return nullptr;
}

Result<DuplicateReviewData> collectDuplicateReview(Store::Database &db)
{
    QElapsedTimer timer;
    timer.start();
    Store::Transaction tx(db);
    if (!tx.started())
        return std::unexpected(tx.started().error());
    Store::IdentityRepository identity(db);
    Store::CustomerRepository customers(db);

    QList<MergeProposal> pending;
    QList<MergeProposal> executed;
    QList<MergeProposal> history;
    for (const MergeState state :
         {MergeState::Proposed, MergeState::Approved, MergeState::Executed, MergeState::Rejected, MergeState::Undone}) {
        auto rows = identity.proposals(state); // oldest first
        if (!rows)
            return failWith(rows);
        switch (state) {
        case MergeState::Proposed:
        case MergeState::Approved:
            pending += *rows;
            break;
        case MergeState::Executed:
            executed += *rows;
            break;
        case MergeState::Rejected:
        case MergeState::Undone:
            history += *rows;
            break;
        }
    }
    std::sort(executed.begin(), executed.end(), newestFirst);
    std::sort(history.begin(), history.end(), newestFirst);
    if (history.size() > DuplicateReviewData::kHistoryLimit)
        history.resize(DuplicateReviewData::kHistoryLimit);

    // Open candidates whose two customers are both still active (a merge
    // settles its own pair, not a third customer's pair with the merged
    // one), highest score first.
    auto open = db.select<DuplicateCandidate>(
        u"SELECT d.id, d.customer_a, d.customer_b, d.score_permille, d.evidence_json, d.found_at "
        "FROM duplicate_candidates d JOIN customers a ON a.id = d.customer_a JOIN customers b ON b.id = d.customer_b "
        "WHERE d.state = 'open' AND a.state = 'active' AND b.state = 'active' "
        "ORDER BY d.score_permille DESC, d.id"_s,
        {}, [](const QSqlQuery &q) {
            DuplicateCandidate c;
            c.id = q.value(0).toLongLong();
            c.customerA = q.value(1).toString();
            c.customerB = q.value(2).toString();
            c.scorePermille = q.value(3).toInt();
            c.evidenceJson = q.value(4).toString();
            c.state = CandidateState::Open;
            c.foundAt = Store::Sql::toDateTime(q.value(5));
            return c;
        });
    if (!open)
        return failWith(open);

    DuplicateReviewData data;
    data.openCandidates = open->size();

    // A pending proposal settles the open candidates whose two customers it
    // merges: they are reviewed as that proposal, not twice.
    QHash<qint64, DuplicateCandidate> settledBy; // proposal id → its strongest candidate
    QList<DuplicateCandidate> candidates;
    for (const DuplicateCandidate &c : std::as_const(*open)) {
        bool settled = false;
        for (const MergeProposal &p : std::as_const(pending)) {
            const QStringList ids = QStringList(p.mergedIds) << p.survivorId;
            if (ids.contains(c.customerA) && ids.contains(c.customerB)) {
                if (!settledBy.contains(p.id))
                    settledBy.insert(p.id, c); // candidates arrive strongest first
                settled = true;
            }
        }
        if (!settled)
            candidates.append(c);
    }
    if (candidates.size() > DuplicateReviewData::kMaxOpenCandidates) {
        candidates.resize(DuplicateReviewData::kMaxOpenCandidates);
        data.truncated = true;
    }

    // Everyone the items show, read in batches.
    QStringList ids;
    QSet<QString> seen;
    const auto want = [&](const QString &id) {
        if (!id.isEmpty() && !seen.contains(id)) {
            seen.insert(id);
            ids.append(id);
        }
    };
    for (const QList<MergeProposal> *list : {&pending, &executed, &history}) {
        for (const MergeProposal &p : *list) {
            want(p.survivorId);
            for (const QString &id : p.mergedIds)
                want(id);
        }
    }
    for (const DuplicateCandidate &c : std::as_const(candidates)) {
        want(c.customerA);
        want(c.customerB);
    }
    auto loaded = customers.getMany(ids);
    if (!loaded)
        return failWith(loaded);
    auto links = linksOf(db, ids);
    if (!links)
        return failWith(links);
    QHash<QString, ReviewCustomer> byId;
    for (const Customer &c : std::as_const(*loaded))
        byId.insert(c.id, reviewCustomer(c, links->value(c.id)));

    const auto proposalItem = [&](const MergeProposal &p) {
        DuplicateReviewItem item;
        item.kind = ReviewKind::Proposal;
        item.proposalId = p.id;
        item.proposal = p;
        item.fieldChoices = parseObject(p.fieldChoicesJson);
        item.suggestedSurvivorId = p.survivorId;
        item.evidenceJson = p.evidenceJson;
        const auto settled = settledBy.constFind(p.id);
        if (settled != settledBy.cend()) {
            item.candidateId = settled->id;
            item.foundAt = settled->foundAt;
            item.scorePermille = settled->scorePermille;
            if (parseObject(item.evidenceJson).isEmpty())
                item.evidenceJson = settled->evidenceJson;
        }
        item.evidence = ReviewEvidence::fromJson(item.evidenceJson);
        if (item.scorePermille == 0)
            item.scorePermille = scoreFrom(item.evidence);

        QStringList missing;
        const QStringList everyone = QStringList{p.survivorId} + p.mergedIds;
        for (const QString &id : everyone) {
            if (byId.contains(id))
                item.customers.append(byId.value(id));
            else
                missing.append(id);
        }

        const QJsonObject execution = parseObject(p.executionJson);
        if (p.state == MergeState::Executed || p.state == MergeState::Undone) {
            auto stored = Identity::MergePlan::fromJson(execution.value(u"plan"_s).toObject());
            if (stored && !execution.value(u"plan"_s).toObject().isEmpty()) {
                item.plan = *stored;
                item.hasPlan = true;
            } else {
                item.planProblem = stored ? u"no record of what this merge did was kept"_s : stored.error().message;
            }
        }
        if (p.state == MergeState::Executed) {
            const QJsonArray moved = execution.value(u"movedLinks"_s).toArray();
            item.canUndo = execution.contains(u"movedLinks"_s);
            // Show each side as it was before the merge: the links it
            // brought, the survivor's names before the chosen ones.
            if (!item.customers.isEmpty() && item.customers.first().customer.id == p.survivorId) {
                ReviewCustomer &survivor = item.customers.first();
                for (const QJsonValue &v : moved) {
                    const QJsonObject m = v.toObject();
                    const qint64 linkId = m.value(u"linkId"_s).toString().toLongLong();
                    const QString from = m.value(u"from"_s).toString();
                    for (qsizetype i = 0; i < survivor.links.size(); ++i) {
                        if (survivor.links.at(i).id != linkId)
                            continue;
                        for (ReviewCustomer &other : item.customers) {
                            if (other.customer.id == from && from != p.survivorId) {
                                ExternalLink link = survivor.links.takeAt(i);
                                link.customerId = from;
                                other.links.append(link);
                                break;
                            }
                        }
                        break;
                    }
                }
                const QJsonObject before = execution.value(u"survivorBefore"_s).toObject();
                if (!before.isEmpty()) {
                    survivor.customer.displayName = before.value(u"displayName"_s).toString(survivor.customer.displayName);
                    survivor.customer.givenName = before.value(u"givenName"_s).toString(survivor.customer.givenName);
                    survivor.customer.familyName = before.value(u"familyName"_s).toString(survivor.customer.familyName);
                }
            }
        }
        if (!missing.isEmpty()) {
            item.planProblem = u"customer %1 is no longer in the store"_s.arg(missing.join(u", "_s));
        } else if (p.state == MergeState::Proposed || p.state == MergeState::Approved) {
            auto planned = previewMerge(item, p.survivorId, item.fieldChoices);
            if (planned) {
                item.plan = *planned;
                item.hasPlan = true;
            } else {
                item.planProblem = planned.error().message;
            }
        }
        return item;
    };

    for (const MergeProposal &p : std::as_const(pending))
        data.items.append(proposalItem(p));
    for (const DuplicateCandidate &c : std::as_const(candidates)) {
        if (!byId.contains(c.customerA) || !byId.contains(c.customerB))
            continue; // cannot happen with the foreign keys; nothing to compare otherwise
        DuplicateReviewItem item;
        item.kind = ReviewKind::Candidate;
        item.candidateId = c.id;
        item.scorePermille = c.scorePermille;
        item.foundAt = c.foundAt;
        item.evidenceJson = c.evidenceJson;
        item.evidence = ReviewEvidence::fromJson(c.evidenceJson);
        item.customers = {byId.value(c.customerA), byId.value(c.customerB)};
        item.suggestedSurvivorId = suggestSurvivor(item.customers);
        data.items.append(item);
    }
    for (const MergeProposal &p : std::as_const(executed))
        data.items.append(proposalItem(p));
    for (const MergeProposal &p : std::as_const(history))
        data.items.append(proposalItem(p));

    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    qCDebug(lcIdentity) << "duplicate review:" << data.items.size() << "items read in" << timer.elapsed() << "ms";
    return data;
}

Result<Identity::MergePlan> previewMerge(const DuplicateReviewItem &item, const QString &survivorId,
                                         const QJsonObject &fieldChoices)
{
    const ReviewCustomer *survivor = item.customer(survivorId);
    if (!survivor)
        return fail(ErrorCode::InvalidArgument, u"%1 is not one of the customers under review"_s.arg(survivorId));
    QList<Customer> merged;
    QList<ExternalLink> links = survivor->links;
    for (const ReviewCustomer &c : item.customers) {
        if (c.customer.id == survivorId)
            continue;
        merged.append(c.customer);
        links += c.links;
    }
    return Identity::planMerge(survivor->customer, merged, links, fieldChoices);
}

MergeProposal proposalFor(const DuplicateReviewItem &item, const QString &survivorId, const QJsonObject &fieldChoices)
{
    MergeProposal p;
    p.survivorId = survivorId;
    for (const ReviewCustomer &c : item.customers) {
        if (c.customer.id != survivorId)
            p.mergedIds.append(c.customer.id);
    }
    const ReviewCustomer *survivor = item.customer(survivorId);
    QJsonObject choices;
    for (const QString &field : Identity::kSurvivorFields) {
        const QJsonValue v = fieldChoices.value(field);
        if (!v.isString())
            continue;
        if (survivor && survivor->value(field) == v.toString())
            continue;
        choices.insert(field, v);
    }
    p.fieldChoicesJson = QString::fromUtf8(QJsonDocument(choices).toJson(QJsonDocument::Compact));
    p.evidenceJson = item.evidenceJson.isEmpty() ? u"{}"_s : item.evidenceJson;
    p.state = MergeState::Proposed;
    return p;
}

} // namespace Concord::Services
