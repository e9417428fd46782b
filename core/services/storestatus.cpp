#include "services/storestatus.h"

#include "security/auditlog.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/operationsrepository.h"
#include "store/outboxrepository.h"
#include "store/syncstaterepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Concord::Services {

namespace {

// The window `status` reports latency over: "the last day" is what an office
// manager compares with the promise (product.md §6).
constexpr int kLatencyWindowHours = 24;

} // namespace

Result<StoreStatus> collectStatus(Store::Database &db, const Clock &clock)
{
    StoreStatus s;
    s.url = db.url().redacted();
    s.engine = db.engineDescription();
    s.teamMode = db.engine() == Store::Engine::PostgreSQL;
    s.knownSchemaVersion = Store::latestSchemaVersion();
    auto version = Store::schemaVersion(db);
    if (!version)
        return std::unexpected(version.error());
    s.schemaVersion = *version;

    for (auto [table, field] : {std::pair{u"customers"_s, &s.customers}, std::pair{u"appointments"_s, &s.appointments},
                                std::pair{u"invoices"_s, &s.invoices}, std::pair{u"audit_log"_s, &s.auditEntries},
                                std::pair{u"users"_s, &s.users}}) {
        auto n = db.countRows(table);
        if (!n)
            return std::unexpected(n.error());
        *field = *n;
    }
    auto jobs = Store::OutboxRepository(db).counts();
    if (!jobs)
        return std::unexpected(jobs.error());
    s.pendingJobs = jobs->pending + jobs->inFlight;
    s.failedJobs = jobs->failed;
    s.inFlightJobs = jobs->inFlight;
    s.succeededJobs = jobs->succeeded;
    s.dismissedJobs = jobs->dismissed;
    auto flags = Store::SyncStateRepository(db, clock).openFlags();
    if (!flags)
        return std::unexpected(flags.error());
    s.openFlags = flags->size();
    s.latencySince = clock.nowUtc().addSecs(-qint64(kLatencyWindowHours) * 3600);
    auto latencies = Store::OperationsRepository(db, clock).latenciesByKindSince(s.latencySince);
    if (!latencies)
        return std::unexpected(latencies.error());
    s.latency = Sync::summarizeByKind(*latencies);
    auto webhooks = Store::OperationsRepository(db, clock).inboundSummarySince(s.latencySince);
    if (!webhooks)
        return std::unexpected(webhooks.error());
    s.webhooks = *webhooks;
    auto connections = Store::OperationsRepository(db).connections();
    if (!connections)
        return std::unexpected(connections.error());
    s.connections = *connections;
    s.open = true;
    return s;
}

QByteArray statusToJson(const StoreStatus &s)
{
    QJsonArray connections;
    for (const Domain::Connection &c : s.connections) {
        connections.append(QJsonObject{
            {u"system"_s, Domain::toString(c.system)},
            {u"state"_s, Domain::toString(c.state)},
            {u"account"_s, c.accountLabel},
            {u"baseUrl"_s, c.baseUrl},
            {u"refreshExpiresAt"_s, c.refreshExpiresAt.isValid() ? QJsonValue(c.refreshExpiresAt.toString(Qt::ISODate))
                                                                  : QJsonValue()},
            {u"lastError"_s, c.lastError},
        });
    }
    QJsonArray kinds;
    for (const Sync::LatencySummary &l : s.latency) {
        kinds.append(QJsonObject{
            {u"kind"_s, l.kind},
            {u"count"_s, l.count},
            {u"p50Ms"_s, l.p50Ms},
            {u"p95Ms"_s, l.p95Ms},
            {u"targetMs"_s, l.targetMs > 0 ? QJsonValue(l.targetMs) : QJsonValue()},
            {u"withinTarget"_s, l.withinTarget},
        });
    }
    const QJsonObject root{
        {u"store"_s, QJsonObject{{u"open"_s, s.open},
                                 {u"url"_s, s.url},
                                 {u"engine"_s, s.engine},
                                 {u"teamMode"_s, s.teamMode},
                                 {u"schemaVersion"_s, s.schemaVersion},
                                 {u"knownSchemaVersion"_s, s.knownSchemaVersion},
                                 {u"error"_s, s.error}}},
        {u"counts"_s, QJsonObject{{u"customers"_s, s.customers},
                                  {u"appointments"_s, s.appointments},
                                  {u"invoices"_s, s.invoices},
                                  {u"pendingJobs"_s, s.pendingJobs},
                                  {u"failedJobs"_s, s.failedJobs},
                                  {u"auditEntries"_s, s.auditEntries},
                                  {u"users"_s, s.users},
                                  {u"openFlags"_s, s.openFlags}}},
        {u"outbox"_s, QJsonObject{{u"pending"_s, s.pendingJobs - s.inFlightJobs},
                                  {u"inFlight"_s, s.inFlightJobs},
                                  {u"failed"_s, s.failedJobs},
                                  {u"succeeded"_s, s.succeededJobs},
                                  {u"dismissed"_s, s.dismissedJobs}}},
        {u"latency"_s, QJsonObject{{u"since"_s, s.latencySince.isValid()
                                                   ? QJsonValue(s.latencySince.toString(Qt::ISODateWithMs))
                                                   : QJsonValue()},
                                   {u"windowHours"_s, kLatencyWindowHours},
                                   {u"kinds"_s, kinds}}},
        {u"connections"_s, connections},
        {u"webhooks"_s, [&] {
             QJsonArray out;
             for (const auto &w : s.webhooks)
                 out.append(QJsonObject{
                     {u"system"_s, Domain::toString(w.system)},
                     {u"received"_s, w.received},
                     {u"unreadable"_s, w.unreadable},
                     {u"unprocessed"_s, w.unprocessed},
                     {u"lastReceivedAt"_s, w.lastReceivedAt.isValid() ? QJsonValue(w.lastReceivedAt.toString(Qt::ISODateWithMs))
                                                                      : QJsonValue()},
                 });
             return out;
         }()},
        {u"version"_s, QStringLiteral(CONCORD_VERSION)},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace Concord::Services
