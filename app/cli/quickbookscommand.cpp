#include "clicontext.h"
#include "commands.h"

#include "common/clock.h"
#include "connectors/oauth/tokenmanager.h"
#include "connectors/quickbooks/quickbooksclient.h"
#include "security/secretstore.h"
#include "services/connectionrecorder.h"
#include "services/servicesession.h"
#include "store/operationsrepository.h"

#include <QCommandLineOption>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace Qt::StringLiterals;
using namespace Concord::QuickBooks;

namespace Concord::Cli {

namespace {

// Everything a QuickBooks call needs, wired as the sync thread wires it
// (Services::ServiceSession: executor, rate limiter, token manager over the
// configured secret store, client) plus the store's record of the connection
// (the refresh token's age lives there, not in the keychain).
// Members are destroyed bottom-up: the session (and its recorder) before the store.
struct QuickBooksSession {
    std::unique_ptr<Store::Database> db;
    std::unique_ptr<Store::OperationsRepository> operations;
    std::unique_ptr<Security::SecretStore> secrets;
    std::unique_ptr<Services::ServiceSession> service;
};

Result<std::unique_ptr<QuickBooksSession>> openSession(const Config &config, bool needRealm)
{
    if (config.quickbooksClientId.isEmpty())
        return fail(ErrorCode::InvalidConfig, u"[quickbooks] client_id is not set in %1"_s.arg(config.sourcePath));
    if (needRealm && config.quickbooksRealmId.isEmpty())
        return fail(ErrorCode::InvalidConfig,
                    u"[quickbooks] realm_id is not set in %1 (run 'concord-cli quickbooks connect' first)"_s.arg(
                        config.sourcePath));
    auto session = std::make_unique<QuickBooksSession>();
    auto db = openStore(config);
    if (!db)
        return std::unexpected(db.error());
    session->db = std::move(*db);
    session->operations = std::make_unique<Store::OperationsRepository>(*session->db);
    auto secrets = Security::SecretStore::create(config.secretsBackend, Services::keychainService());
    if (!secrets)
        return std::unexpected(secrets.error());
    session->secrets = std::move(*secrets);
    auto service = Services::ServiceSession::open(Domain::System::QuickBooks, config, *session->secrets,
                                                  session->operations.get(), Clock::system(), false);
    if (!service)
        return std::unexpected(service.error());
    session->service = std::move(*service);
    return session;
}

int printJson(const QJsonValue &value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out(QString::fromUtf8(doc.toJson(QJsonDocument::Indented)));
    return ExitOk;
}

QJsonArray customersJson(const QList<Customer> &customers)
{
    QJsonArray array;
    for (const Customer &c : customers)
        array.append(c.toJson());
    return array;
}

// The CLI may block on a future: it has no window to keep responsive.
template<typename T>
Result<T> await(QFuture<Result<T>> future)
{
    return Security::waitForResult(std::move(future), std::chrono::minutes(5));
}

} // namespace

int runQuickBooks(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"action"_s, u"test | find-customer | query STATEMENT | changes | connect"_s);
    parser.addOption(QCommandLineOption(u"email"_s, u"find-customer: by email address."_s, u"address"_s));
    parser.addOption(QCommandLineOption(u"phone"_s, u"find-customer: by phone number."_s, u"number"_s));
    parser.addOption(QCommandLineOption(u"name"_s, u"find-customer: by DisplayName."_s, u"name"_s));
    parser.addOption(QCommandLineOption(u"since"_s, u"changes: ISO 8601 time (within 30 days)."_s, u"time"_s));
    parser.addOption(QCommandLineOption(u"entities"_s, u"changes: comma-separated entity names."_s, u"list"_s,
                                        u"Customer,Invoice,Payment,CreditMemo,RefundReceipt"_s));
    if (int rc = parseSubcommand(parser, args,
                                 u"Read-only QuickBooks Online admin commands (JSON output), and connect."_s);
        rc >= 0) {
        return rc;
    }
    const QStringList words = parser.positionalArguments();
    const QString usage =
        u"usage: concord-cli quickbooks test | find-customer (--email E | --phone P | --name N) | query \"SELECT …\" | "
        "changes --since ISO8601 | connect"_s;
    if (words.isEmpty())
        return usageError(usage);
    const QString action = words.first();

    auto config = loadConfig(parser);
    if (!config)
        return reportError(config.error());

    if (action == u"connect"_s) {
        if (words.size() != 1)
            return usageError(usage);
        auto session = openSession(*config, false);
        if (!session)
            return reportError(session.error());
        auto granted = await((*session)->service->tokens()->authorize([](const QUrl &url) {
            // Core has no GUI: the command prints the address and asks the
            // desktop to open it; either way the user can paste it.
            err(u"Open this address to connect QuickBooks:\n  %1\n"_s.arg(url.toString()));
            QProcess::startDetached(u"xdg-open"_s, {url.toString()});
        }));
        if (!granted)
            return reportError(granted.error());
        const QString realm = granted->value(u"realmId"_s);
        (*session)->service->recorder()->setAccount(realm, config->quickbooksBaseUrl.toString());
        if (auto recorded = (*session)->service->recorder()->recordSuccess(); !recorded)
            return reportError(recorded.error());
        return printJson(QJsonObject{{u"connected"_s, true}, {u"realmId"_s, realm},
                                     {u"next"_s, u"set [quickbooks] realm_id=%1 in %2"_s.arg(realm, config->sourcePath)}});
    }

    auto session = openSession(*config, true);
    if (!session)
        return reportError(session.error());
    QuickBooksClient &qbo = *(*session)->service->quickBooks();

    if (action == u"test"_s && words.size() == 1) {
        auto info = await(qbo.companyInfo());
        if (!info)
            return reportError(info.error());
        if (auto recorded = (*session)->service->recorder()->recordSuccess(); !recorded)
            return reportError(recorded.error());
        return printJson(QJsonObject{{u"ok"_s, true},
                                     {u"realmId"_s, config->quickbooksRealmId},
                                     {u"baseUrl"_s, config->quickbooksBaseUrl.toString()},
                                     {u"companyName"_s, info->companyName}});
    }
    if (action == u"find-customer"_s && words.size() == 1) {
        const int given = int(parser.isSet(u"email"_s)) + int(parser.isSet(u"phone"_s)) + int(parser.isSet(u"name"_s));
        if (given != 1)
            return usageError(u"find-customer needs exactly one of --email, --phone, --name"_s);
        if (parser.isSet(u"name"_s)) {
            auto found = await(qbo.findCustomerByDisplayName(parser.value(u"name"_s)));
            if (!found)
                return reportError(found.error());
            return printJson(*found ? customersJson({**found}) : QJsonArray());
        }
        auto found = parser.isSet(u"email"_s) ? await(qbo.findCustomersByEmail(parser.value(u"email"_s)))
                                              : await(qbo.findCustomersByPhone(parser.value(u"phone"_s)));
        if (!found)
            return reportError(found.error());
        return printJson(customersJson(*found));
    }
    if (action == u"query"_s && words.size() == 2) {
        auto answer = await(qbo.queryStatement(words.at(1)));
        if (!answer)
            return reportError(answer.error());
        QJsonObject response{{u"entity"_s, answer->entityName},
                             {u"startPosition"_s, answer->startPosition},
                             {u"maxResults"_s, answer->maxResults}};
        if (answer->totalCount)
            response.insert(u"totalCount"_s, *answer->totalCount);
        QJsonArray rows;
        for (const QJsonObject &row : std::as_const(answer->entities))
            rows.append(row);
        response.insert(u"rows"_s, rows);
        return printJson(response);
    }
    if (action == u"changes"_s && words.size() == 1) {
        const QDateTime since = QDateTime::fromString(parser.value(u"since"_s), Qt::ISODateWithMs);
        if (!since.isValid() || since.timeSpec() == Qt::LocalTime)
            return usageError(u"changes needs --since as ISO 8601 with a zone, e.g. 2026-11-01T00:00:00Z"_s);
        auto changes = await(qbo.changesSince(parser.value(u"entities"_s).split(u',', Qt::SkipEmptyParts), since));
        if (!changes)
            return reportError(changes.error());
        QJsonObject byEntity;
        for (auto it = changes->changes.changed.cbegin(); it != changes->changes.changed.cend(); ++it) {
            QJsonArray rows;
            for (const QJsonObject &row : it.value())
                rows.append(row);
            byEntity.insert(it.key(), rows);
        }
        QJsonArray deleted;
        for (const auto &stub : std::as_const(changes->changes.deleted))
            deleted.append(QJsonObject{{u"entity"_s, stub.entityName}, {u"id"_s, stub.id},
                                       {u"lastUpdated"_s, stub.lastUpdatedTime.toString(Qt::ISODate)}});
        return printJson(QJsonObject{{u"fullComparisonNeeded"_s, changes->fullComparisonNeeded},
                                     {u"mayBeTruncated"_s, changes->mayBeTruncated},
                                     {u"time"_s, changes->changes.time.toString(Qt::ISODateWithMs)},
                                     {u"changed"_s, byEntity},
                                     {u"deleted"_s, deleted}});
    }
    return usageError(usage);
}

} // namespace Concord::Cli
