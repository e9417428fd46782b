#include "review/quarterlyaudit.h"
#include "common/logging.h"

#include "connectors/hubspot/hubspotfiles.h"
#include "store/database.h"
#include "store/operationsrepository.h"
#include "store/rulesrepository.h"
#include "store/userrepository.h"
#include "sync/mappingvalidation.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace Concord::Review {

using Domain::System;
using Security::Permission;

namespace {

QString isoMs(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// Entity types whose deliveries carry a field (see UnusedMapping).
QStringList carriersOf(const QString &field)
{
    static const std::map<QString, QStringList> carriers = {
        {u"customer_id"_s, {u"customer"_s}},          {u"email"_s, {u"customer"_s}},
        {u"phone"_s, {u"customer"_s}},                {u"timezone"_s, {u"customer"_s, u"appointment"_s}},
        {u"appointment_time"_s, {u"appointment"_s}},  {u"service_type"_s, {u"appointment"_s}},
        {u"duration"_s, {u"appointment"_s}},          {u"staff_owner"_s, {u"appointment"_s}},
        {u"invoice_number"_s, {u"invoice"_s}},        {u"due_date"_s, {u"invoice"_s}},
        {u"tax"_s, {u"invoice"_s}},                   {u"discount"_s, {u"invoice"_s}},
        {u"deposit"_s, {u"invoice"_s}},               {u"invoice_link"_s, {u"invoice"_s}},
        {u"payment_status"_s, {u"invoice"_s, u"payment"_s}},
    };
    const auto it = carriers.find(field.trimmed().toLower());
    return it == carriers.end() ? QStringList() : it->second;
}

struct AuditRef {
    qint64 seq = 0;
    QString action;
    QString actor;
};

Result<std::optional<AuditRef>> newestAuditEntry(Store::Database &db, const QString &entityType, qint64 id)
{
    auto rows = db.select<AuditRef>(
        u"SELECT seq, action, actor FROM audit_log WHERE entity_type = ? AND entity_id = ? ORDER BY seq DESC LIMIT 1"_s,
        {entityType, QString::number(id)},
        [](const QSqlQuery &q) { return AuditRef{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()}; });
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty())
        return std::optional<AuditRef>();
    return std::optional<AuditRef>(rows->first());
}

QString statusSubject(const Domain::StatusMapping &m)
{
    return toString(m.domain) + u'/' + m.status;
}

bool isEditor(Domain::Role role)
{
    for (Permission p : {Permission::EditBookings, Permission::EditBilling, Permission::EditMappings,
                         Permission::ManageUsers}) {
        if (Security::roleHas(role, p))
            return true;
    }
    return false;
}

QJsonArray stringArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace

QString toString(UnusedMapping::Reason reason)
{
    switch (reason) {
    case UnusedMapping::Reason::Disabled: return u"disabled"_s;
    case UnusedMapping::Reason::UnknownField: return u"unknown_field"_s;
    case UnusedMapping::Reason::NothingCarried: return u"nothing_carried"_s;
    }
    return {};
}

QString toString(PermissionFinding::Kind kind)
{
    using K = PermissionFinding::Kind;
    switch (kind) {
    case K::SeveralOwners: return u"several_owners"_s;
    case K::TooManyEditors: return u"too_many_editors"_s;
    case K::NeverSignedIn: return u"never_signed_in"_s;
    case K::NotSignedInRecently: return u"not_signed_in_recently"_s;
    case K::InactiveWithRole: return u"inactive_with_role"_s;
    case K::DatabaseRoleWithoutUser: return u"database_role_without_user"_s;
    }
    return {};
}

QString describe(PermissionFinding::Kind kind)
{
    using K = PermissionFinding::Kind;
    switch (kind) {
    case K::SeveralOwners: return u"More than one owner"_s;
    case K::TooManyEditors: return u"More people with edit rights than needed"_s;
    case K::NeverSignedIn: return u"Never signed in"_s;
    case K::NotSignedInRecently: return u"Has not signed in recently"_s;
    case K::InactiveWithRole: return u"Deactivated but still holds a role"_s;
    case K::DatabaseRoleWithoutUser: return u"Database login without a Concord user"_s;
    }
    return {};
}

QString humanSize(qint64 bytes)
{
    if (bytes < 1024)
        return u"%1 B"_s.arg(bytes);
    // One decimal, computed in integers (tenths) so the text is exact and stable.
    static const char *const units[] = {"KiB", "MiB", "GiB", "TiB"};
    qint64 unit = 1024;
    int i = 0;
    while (i < 3 && bytes >= unit * 1024) {
        unit *= 1024;
        ++i;
    }
    const qint64 tenths = (bytes * 10 + unit / 2) / unit;
    return u"%1.%2 %3"_s.arg(tenths / 10).arg(tenths % 10).arg(QLatin1StringView(units[i]));
}

// ---- mappings -------------------------------------------------------------------

Result<MappingAudit> auditMappings(Store::Database &db, const QDateTime &nowUtc)
{
    Q_UNUSED(nowUtc);
    MappingAudit audit;

    Store::OperationsRepository ops(db);
    auto schedules = ops.reviewSchedules();
    if (!schedules)
        return std::unexpected(schedules.error());
    for (const Domain::ReviewSchedule &s : *schedules) {
        if (s.cadence != Domain::ReviewCadence::Quarterly)
            continue;
        audit.since = s.lastCompletedAt;
        // The schedule's column is the summary; the runs are the record.
        auto runs = ops.reviewRuns(s.id);
        if (!runs)
            return std::unexpected(runs.error());
        for (const Domain::ReviewRun &r : *runs) {
            if (!audit.since.isValid() || r.completedAt > audit.since)
                audit.since = r.completedAt;
        }
    }

    Store::RulesRepository rules(db);
    auto fields = rules.fieldMappings();
    if (!fields)
        return std::unexpected(fields.error());
    auto statuses = rules.statusMappings();
    if (!statuses)
        return std::unexpected(statuses.error());
    audit.fieldMappingCount = int(fields->size());
    audit.statusMappingCount = int(statuses->size());

    const auto changedSince = [&](const QDateTime &at) { return !audit.since.isValid() || at > audit.since; };
    const auto withAudit = [&](ChangedMapping c, const QString &entityType) -> Result<ChangedMapping> {
        auto ref = newestAuditEntry(db, entityType, c.id);
        if (!ref)
            return std::unexpected(ref.error());
        if (*ref) {
            c.auditSeq = (*ref)->seq;
            c.auditAction = (*ref)->action;
            c.auditActor = (*ref)->actor;
        }
        return c;
    };
    for (const Domain::FieldMapping &m : *fields) {
        if (!changedSince(m.updatedAt))
            continue;
        ChangedMapping c;
        c.kind = ChangedMapping::Kind::Field;
        c.id = m.id;
        c.subject = m.field;
        c.description = u"%1 → %2 (authority %3)%4"_s.arg(
            Domain::displayName(m.sourceSystem), Domain::displayName(m.targetSystem),
            Domain::displayName(m.authoritativeSystem), m.enabled ? QString() : u", disabled"_s);
        c.updatedBy = m.updatedBy;
        c.updatedAt = m.updatedAt;
        auto withRef = withAudit(c, u"field_mapping"_s);
        if (!withRef)
            return std::unexpected(withRef.error());
        audit.changed.append(*withRef);
    }
    for (const Domain::StatusMapping &m : *statuses) {
        if (!changedSince(m.updatedAt))
            continue;
        ChangedMapping c;
        c.kind = ChangedMapping::Kind::Status;
        c.id = m.id;
        c.subject = statusSubject(m);
        c.description = u"%1: %2%3"_s.arg(Domain::displayName(m.targetSystem), toString(m.action),
                                          m.targetValue.isEmpty() ? QString() : u" "_s + m.targetValue);
        c.updatedBy = m.updatedBy;
        c.updatedAt = m.updatedAt;
        auto withRef = withAudit(c, u"status_mapping"_s);
        if (!withRef)
            return std::unexpected(withRef.error());
        audit.changed.append(*withRef);
    }
    std::stable_sort(audit.changed.begin(), audit.changed.end(), [](const ChangedMapping &a, const ChangedMapping &b) {
        if (a.updatedAt != b.updatedAt)
            return a.updatedAt > b.updatedAt;
        return std::pair(int(a.kind), a.id) < std::pair(int(b.kind), b.id);
    });

    // Unused: successful deliveries per (target system, entity type) in the window.
    QSet<QString> delivered;
    {
        auto rows = db.select<QString>(
            u"SELECT DISTINCT system, entity_type FROM sync_log "
            "WHERE direction = 'out' AND outcome = 'ok' AND at >= ?"_s,
            {audit.since.isValid() ? audit.since.toMSecsSinceEpoch() : qint64(0)},
            [](const QSqlQuery &q) { return q.value(0).toString() + u'|' + q.value(1).toString(); });
        if (!rows)
            return std::unexpected(rows.error());
        for (const QString &key : *rows)
            delivered.insert(key);
    }
    const QStringList known = Sync::knownFields();
    for (const Domain::FieldMapping &m : *fields) {
        UnusedMapping u;
        u.id = m.id;
        u.field = m.field;
        u.targetSystem = m.targetSystem;
        if (!m.enabled) {
            u.reason = UnusedMapping::Reason::Disabled;
            u.explanation = u"Disabled: carries nothing. Delete it, or switch it on if the field matters."_s;
        } else if (!known.contains(m.field.trimmed().toLower())) {
            u.reason = UnusedMapping::Reason::UnknownField;
            u.explanation = u"“%1” is not a field Concord carries; the sync engine ignores this row."_s.arg(m.field);
        } else {
            bool carried = false;
            for (const QString &type : carriersOf(m.field))
                carried = carried || delivered.contains(Domain::toString(m.targetSystem) + u'|' + type);
            if (carried)
                continue;
            u.reason = UnusedMapping::Reason::NothingCarried;
            u.explanation = (audit.since.isValid() ? u"No %1 record was delivered to %2 since the last review."_s
                                                   : u"No %1 record has ever been delivered to %2."_s)
                                .arg(carriersOf(m.field).join(u" or "_s), Domain::displayName(m.targetSystem));
        }
        audit.unused.append(u);
    }
    std::stable_sort(audit.unused.begin(), audit.unused.end(), [](const UnusedMapping &a, const UnusedMapping &b) {
        return std::pair(a.field, a.id) < std::pair(b.field, b.id);
    });

    // Conflicting authority: the validator's findings about who owns a field.
    using Part = Sync::MappingProblem::Part;
    const QList<Sync::MappingProblem> problems = Sync::validateFieldMappings(*fields);
    for (const Sync::MappingProblem &p : problems) {
        if (p.severity != Sync::MappingProblem::Severity::Error
            || (p.part != Part::Authority && p.part != Part::Source && p.part != Part::Target))
            continue;
        AuthorityConflict c;
        c.kind = AuthorityConflict::Kind::Field;
        c.subject = p.field;
        if (p.row >= 0 && p.row < fields->size())
            c.mappingIds.append(fields->at(p.row).id);
        c.explanation = p.explanation;
        audit.conflicts.append(c);
    }
    // A status sent two ways to one system: opening and closing tasks at once,
    // or "nothing" next to an action. (Two rows with the same action cannot
    // exist: the table's UNIQUE key forbids it.)
    std::map<std::pair<QString, QString>, QList<const Domain::StatusMapping *>> byStatus;
    for (const Domain::StatusMapping &m : *statuses)
        byStatus[{statusSubject(m), Domain::toString(m.targetSystem)}].append(&m);
    for (const auto &[key, rows] : byStatus) {
        QSet<Domain::StatusAction> actions;
        for (const Domain::StatusMapping *m : rows)
            actions.insert(m->action);
        const bool openAndClose =
            actions.contains(Domain::StatusAction::CreateTask) && actions.contains(Domain::StatusAction::CloseTasks);
        const bool noneAndSomething = actions.contains(Domain::StatusAction::None) && actions.size() > 1;
        if (!openAndClose && !noneAndSomething)
            continue;
        AuthorityConflict c;
        c.kind = AuthorityConflict::Kind::Status;
        c.subject = key.first;
        for (const Domain::StatusMapping *m : rows)
            c.mappingIds.append(m->id);
        std::sort(c.mappingIds.begin(), c.mappingIds.end());
        c.explanation = openAndClose
            ? u"“%1” both creates and closes tasks in %2: each change would undo the other. Keep one."_s.arg(
                  key.first, Domain::displayName(rows.first()->targetSystem))
            : u"“%1” is mapped to do nothing in %2 and, in another row, to act: decide which."_s.arg(
                  key.first, Domain::displayName(rows.first()->targetSystem));
        audit.conflicts.append(c);
    }
    std::stable_sort(audit.conflicts.begin(), audit.conflicts.end(),
                     [](const AuthorityConflict &a, const AuthorityConflict &b) {
                         return std::pair(int(a.kind), a.subject) < std::pair(int(b.kind), b.subject);
                     });
    return audit;
}

// ---- permissions -------------------------------------------------------------------

Result<PermissionAudit> auditPermissions(Store::Database &db, const QDateTime &nowUtc,
                                         const QuarterlyAuditOptions &options)
{
    using K = PermissionFinding::Kind;
    PermissionAudit audit;
    Store::UserRepository repo(db);
    auto all = repo.all();
    if (!all)
        return std::unexpected(all.error());
    QList<Domain::User> users = *all;
    std::sort(users.begin(), users.end(),
              [](const Domain::User &a, const Domain::User &b) { return a.username < b.username; });

    QStringList owners;
    QStringList editors;
    const QDateTime staleBefore = nowUtc.addDays(-options.signInStaleDays);
    for (const Domain::User &u : users) {
        if (!u.active) {
            if (u.role != Domain::Role::Viewer)
                audit.findings.append({K::InactiveWithRole, u.username,
                                       u"%1 is deactivated but still holds the role %2: lower it to viewer so "
                                       "reactivating the account does not restore the rights."_s
                                           .arg(u.username, Domain::toString(u.role))});
            continue;
        }
        UserAccess a;
        a.userId = u.id;
        a.username = u.username;
        a.displayName = u.displayName;
        a.role = u.role;
        a.active = u.active;
        a.lastSignInAt = u.lastSignInAt;
        for (Permission p : Security::allPermissions()) {
            if (Security::roleHas(u.role, p))
                a.permissions.append(p);
        }
        audit.users.append(a);
        if (u.role == Domain::Role::Owner)
            owners.append(u.username);
        if (isEditor(u.role))
            editors.append(u.username);
        if (!u.lastSignInAt.isValid())
            audit.findings.append({K::NeverSignedIn, u.username,
                                   u"%1 has never signed in: remove the account if nobody uses it."_s.arg(u.username)});
        else if (u.lastSignInAt < staleBefore)
            audit.findings.append({K::NotSignedInRecently, u.username,
                                   u"%1 last signed in %2 days ago (limit %3): deactivate the account if it is "
                                   "no longer needed."_s.arg(u.username)
                                       .arg(u.lastSignInAt.daysTo(nowUtc))
                                       .arg(options.signInStaleDays)});
    }
    if (owners.size() > 1)
        audit.findings.append({K::SeveralOwners, owners.join(u", "_s),
                               u"%1 people are owners (%2): the product expects one named owner; make the "
                               "others office managers or bookkeepers."_s.arg(owners.size()).arg(owners.join(u", "_s))});
    if (editors.size() > options.maxEditors)
        audit.findings.append({K::TooManyEditors, editors.join(u", "_s),
                               u"%1 people can change bookings, billing, mappings or users (%2); %3 are enough. "
                               "Giving too many people edit rights erases accountability."_s.arg(editors.size())
                                   .arg(editors.join(u", "_s))
                                   .arg(options.maxEditors)});

    if (db.engine() == Store::Engine::PostgreSQL) {
        audit.databaseRolesChecked = true;
        // Group memberships are cluster-wide; `users` is this database's.
        auto rows = db.select<std::pair<QString, QString>>(
            u"SELECT m.rolname, string_agg(g.rolname, ', ' ORDER BY g.rolname) "
            "FROM pg_auth_members am JOIN pg_roles m ON m.oid = am.member JOIN pg_roles g ON g.oid = am.roleid "
            "WHERE g.rolname LIKE 'concord\\_%' AND m.rolcanlogin AND m.rolname NOT LIKE 'concord\\_%' "
            "AND m.rolname NOT IN (SELECT username FROM users) GROUP BY m.rolname ORDER BY m.rolname"_s,
            {}, [](const QSqlQuery &q) { return std::pair(q.value(0).toString(), q.value(1).toString()); });
        if (!rows)
            return std::unexpected(rows.error());
        for (const auto &[role, groups] : *rows)
            audit.findings.append({K::DatabaseRoleWithoutUser, role,
                                   u"The PostgreSQL login “%1” is in %2 but is no Concord user: it can read (or "
                                   "change) Concord's data without appearing here. Revoke it or create the user."_s
                                       .arg(role, groups)});
    }
    std::stable_sort(audit.findings.begin(), audit.findings.end(),
                     [](const PermissionFinding &a, const PermissionFinding &b) {
                         return std::pair(int(a.kind), a.subject) < std::pair(int(b.kind), b.subject);
                     });
    return audit;
}

// ---- storage ---------------------------------------------------------------------------

Result<StorageAudit> auditStorage(Store::Database &db, const QDateTime &nowUtc, const QuarterlyAuditOptions &options)
{
    StorageAudit audit;
    audit.directory = options.cacheDirectory;
    audit.retentionDays = options.retentionDays;

    struct Row {
        Domain::Attachment a;
        QString docNumber;
        QString customerId;
    };
    auto rows = db.select<Row>(
        u"SELECT a.id, a.sha256, a.invoice_id, a.size_bytes, a.storage_path, a.fetched_at, a.expires_at, "
        "i.doc_number, i.customer_id FROM attachments a LEFT JOIN invoices i ON i.id = a.invoice_id ORDER BY a.id"_s,
        {}, [](const QSqlQuery &q) {
            Row r;
            r.a.id = q.value(0).toLongLong();
            r.a.sha256Hex = q.value(1).toString().toLower();
            r.a.invoiceId = q.value(2).toLongLong();
            r.a.sizeBytes = q.value(3).toLongLong();
            r.a.storagePath = q.value(4).toString();
            r.a.fetchedAt = Store::Sql::toDateTime(q.value(5));
            r.a.expiresAt = Store::Sql::toDateTime(q.value(6));
            r.docNumber = q.value(7).toString();
            r.customerId = q.value(8).toString();
            return r;
        });
    if (!rows)
        return std::unexpected(rows.error());

    QSet<QString> named;
    std::map<QString, const Row *> bySha;
    for (const Row &r : *rows) {
        ++audit.cachedCount;
        audit.cachedBytes += r.a.sizeBytes;
        if (r.a.expiresAt.isValid() && r.a.expiresAt <= nowUtc) {
            ++audit.expiredCount;
            audit.expiredBytes += r.a.sizeBytes;
        }
        if (!audit.oldestFetchedAt.isValid() || r.a.fetchedAt < audit.oldestFetchedAt)
            audit.oldestFetchedAt = r.a.fetchedAt;
        const QString path = QFileInfo(r.a.storagePath).absoluteFilePath();
        named.insert(QDir::cleanPath(path));
        if (!QFileInfo::exists(path))
            audit.missingFiles.append(r.a.storagePath);
        bySha[r.a.sha256Hex] = &r;
    }

    if (!options.cacheDirectory.isEmpty() && QFileInfo(options.cacheDirectory).isDir()) {
        QDirIterator it(options.cacheDirectory, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            const QFileInfo info = it.fileInfo();
            // QSaveFile's temporary files of a write in progress are not orphans.
            if (info.fileName().contains(u".pdf."_s))
                continue;
            if (!named.contains(QDir::cleanPath(info.absoluteFilePath()))) {
                audit.orphanFiles.append(info.absoluteFilePath());
                audit.orphanBytes += info.size();
            }
        }
        audit.orphanFiles.sort();
    }

    if (options.crmFiles) {
        audit.crmScanned = true;
        audit.crmFilesScanned = options.crmFiles->size();
        std::map<QString, QList<CrmFileCopy>> crmBySha;
        for (const CrmFileCopy &f : *options.crmFiles) {
            if (!f.sha256Hex.isEmpty())
                crmBySha[f.sha256Hex.toLower()].append(f);
        }
        for (auto &[sha, copies] : crmBySha) {
            const auto cached = bySha.find(sha);
            const bool ofInvoice = cached != bySha.end();
            if (!ofInvoice && copies.size() < 2)
                continue;
            DuplicateGroup g;
            g.sha256Hex = sha;
            std::sort(copies.begin(), copies.end(),
                      [](const CrmFileCopy &a, const CrmFileCopy &b) { return a.fileId < b.fileId; });
            g.copies = copies;
            qint64 total = 0;
            for (const CrmFileCopy &c : copies)
                total += c.sizeBytes;
            if (ofInvoice) {
                g.invoiceId = cached->second->a.invoiceId;
                g.invoiceNumber = cached->second->docNumber;
                g.customerId = cached->second->customerId;
                g.wastedBytes = total;
                g.advice = u"Invoice %1's PDF is stored in HubSpot %2 time(s). QuickBooks holds the document and "
                           "the CRM needs only its link: keep the link, delete the copies in HubSpot by hand "
                           "(Concord never deletes CRM files)."_s.arg(g.invoiceNumber.isEmpty()
                                                                          ? QString::number(g.invoiceId)
                                                                          : g.invoiceNumber)
                               .arg(copies.size());
            } else {
                g.wastedBytes = total - copies.first().sizeBytes;
                g.advice = u"%1 identical PDFs in HubSpot that match no cached invoice: keep one, delete the "
                           "others in HubSpot by hand (Concord never deletes CRM files)."_s.arg(copies.size());
            }
            audit.wastedBytes += g.wastedBytes;
            audit.duplicates.append(g);
        }
        std::stable_sort(audit.duplicates.begin(), audit.duplicates.end(),
                         [](const DuplicateGroup &a, const DuplicateGroup &b) {
                             // Invoice groups first, by number; then the CRM-only ones by digest.
                             return std::tuple(a.invoiceId == 0, a.invoiceNumber, a.sha256Hex)
                                 < std::tuple(b.invoiceId == 0, b.invoiceNumber, b.sha256Hex);
                         });
    }
    return audit;
}

Result<QuarterlyAudit> runQuarterlyAudit(Store::Database &db, const Security::Actor &actor,
                                         const QuarterlyAuditOptions &options, const QDateTime &nowUtc)
{
    if (auto ok = Security::authorize(actor, Permission::View); !ok)
        return std::unexpected(ok.error());
    QuarterlyAudit audit;
    audit.generatedAt = nowUtc.toUTC();
    auto mappings = auditMappings(db, nowUtc);
    if (!mappings)
        return std::unexpected(mappings.error());
    auto permissions = auditPermissions(db, nowUtc, options);
    if (!permissions)
        return std::unexpected(permissions.error());
    auto storage = auditStorage(db, nowUtc, options);
    if (!storage)
        return std::unexpected(storage.error());
    audit.mappings = std::move(*mappings);
    audit.permissions = std::move(*permissions);
    audit.storage = std::move(*storage);
    qCInfo(lcReview).noquote() << "quarterly audit by" << actor.username << ":" << audit.findingCount()
                                       << "findings";
    return audit;
}

QList<CrmFileCopy> crmCopiesFrom(const QList<HubSpot::FileDigest> &digests)
{
    QList<CrmFileCopy> copies;
    for (const HubSpot::FileDigest &d : digests) {
        CrmFileCopy c;
        c.fileId = d.file.id;
        c.name = d.file.extension.isEmpty() ? d.file.name : d.file.name + u'.' + d.file.extension;
        c.sizeBytes = d.file.size;
        c.sha256Hex = d.sha256Hex;
        c.createdAt = d.file.createdAt;
        c.noteIds = d.noteIds;
        c.attachedTo = d.attachedTo;
        copies.append(c);
    }
    return copies;
}

int QuarterlyAudit::findingCount() const
{
    return int(mappings.unused.size() + mappings.conflicts.size() + permissions.findings.size()
               + storage.duplicates.size() + storage.orphanFiles.size() + storage.missingFiles.size()
               + (storage.expiredCount > 0 ? 1 : 0));
}

QJsonObject QuarterlyAudit::toJson() const
{
    QJsonArray changed;
    for (const ChangedMapping &c : mappings.changed)
        changed.append(QJsonObject{{u"kind"_s, c.kind == ChangedMapping::Kind::Field ? u"field"_s : u"status"_s},
                                   {u"id"_s, c.id},
                                   {u"subject"_s, c.subject},
                                   {u"description"_s, c.description},
                                   {u"updatedBy"_s, c.updatedBy},
                                   {u"updatedAt"_s, isoMs(c.updatedAt)},
                                   {u"auditSeq"_s, c.auditSeq},
                                   {u"auditAction"_s, c.auditAction},
                                   {u"auditActor"_s, c.auditActor}});
    QJsonArray unused;
    for (const UnusedMapping &u : mappings.unused)
        unused.append(QJsonObject{{u"id"_s, u.id},
                                  {u"field"_s, u.field},
                                  {u"targetSystem"_s, Domain::toString(u.targetSystem)},
                                  {u"reason"_s, toString(u.reason)},
                                  {u"explanation"_s, u.explanation}});
    QJsonArray conflicts;
    for (const AuthorityConflict &c : mappings.conflicts) {
        QJsonArray ids;
        for (qint64 id : c.mappingIds)
            ids.append(id);
        conflicts.append(QJsonObject{{u"kind"_s, c.kind == AuthorityConflict::Kind::Field ? u"field"_s : u"status"_s},
                                     {u"subject"_s, c.subject},
                                     {u"mappingIds"_s, ids},
                                     {u"explanation"_s, c.explanation}});
    }
    QJsonArray users;
    for (const UserAccess &u : permissions.users) {
        QStringList perms;
        for (Permission p : u.permissions)
            perms.append(Security::toString(p));
        users.append(QJsonObject{{u"username"_s, u.username},
                                 {u"role"_s, Domain::toString(u.role)},
                                 {u"lastSignInAt"_s, isoMs(u.lastSignInAt)},
                                 {u"permissions"_s, stringArray(perms)}});
    }
    QJsonArray findings;
    for (const PermissionFinding &f : permissions.findings)
        findings.append(QJsonObject{
            {u"kind"_s, toString(f.kind)}, {u"subject"_s, f.subject}, {u"explanation"_s, f.explanation}});
    QJsonArray groups;
    for (const DuplicateGroup &g : storage.duplicates) {
        QJsonArray copies;
        for (const CrmFileCopy &c : g.copies)
            copies.append(QJsonObject{{u"fileId"_s, c.fileId},
                                      {u"name"_s, c.name},
                                      {u"sizeBytes"_s, c.sizeBytes},
                                      {u"noteIds"_s, stringArray(c.noteIds)},
                                      {u"attachedTo"_s, stringArray(c.attachedTo)}});
        groups.append(QJsonObject{{u"sha256"_s, g.sha256Hex},
                                  {u"invoiceId"_s, g.invoiceId},
                                  {u"invoiceNumber"_s, g.invoiceNumber},
                                  {u"customerId"_s, g.customerId},
                                  {u"copies"_s, copies},
                                  {u"wastedBytes"_s, g.wastedBytes},
                                  {u"advice"_s, g.advice}});
    }
    return QJsonObject{
        {u"kind"_s, u"quarterly"_s},
        {u"generatedAt"_s, isoMs(generatedAt)},
        {u"findingCount"_s, findingCount()},
        {u"mappings"_s,
         QJsonObject{{u"since"_s, isoMs(mappings.since)},
                     {u"fieldMappings"_s, mappings.fieldMappingCount},
                     {u"statusMappings"_s, mappings.statusMappingCount},
                     {u"changed"_s, changed},
                     {u"unused"_s, unused},
                     {u"conflicts"_s, conflicts}}},
        {u"permissions"_s, QJsonObject{{u"users"_s, users},
                                       {u"findings"_s, findings},
                                       {u"databaseRolesChecked"_s, permissions.databaseRolesChecked}}},
        {u"storage"_s, QJsonObject{{u"directory"_s, storage.directory},
                                   {u"retentionDays"_s, storage.retentionDays},
                                   {u"cachedCount"_s, storage.cachedCount},
                                   {u"cachedBytes"_s, storage.cachedBytes},
                                   {u"expiredCount"_s, storage.expiredCount},
                                   {u"expiredBytes"_s, storage.expiredBytes},
                                   {u"oldestFetchedAt"_s, isoMs(storage.oldestFetchedAt)},
                                   {u"missingFiles"_s, stringArray(storage.missingFiles)},
                                   {u"orphanFiles"_s, stringArray(storage.orphanFiles)},
                                   {u"orphanBytes"_s, storage.orphanBytes},
                                   {u"crmScanned"_s, storage.crmScanned},
                                   {u"crmFilesScanned"_s, storage.crmFilesScanned},
                                   {u"duplicates"_s, groups},
                                   {u"wastedBytes"_s, storage.wastedBytes}}},
    };
}

} // namespace Concord::Review
