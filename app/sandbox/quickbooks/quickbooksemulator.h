#pragma once

#include "quickbooks/qboauth.h"
#include "quickbooks/qbofault.h"
#include "quickbooks/qbohttpserver.h"
#include "quickbooks/qboratelimiter.h"
#include "quickbooks/qborealm.h"
#include "quickbooks/qboreply.h"
#include "quickbooks/qbowebhooksender.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <expected>
#include <memory>

class QHttpServerRequest;

namespace Concord {
class Clock;
}

namespace Concord::Sandbox {

// A protocol-faithful QuickBooks Online Accounting API v3 on 127.0.0.1
// (quickbooks.md §10 checklist): /v3/company/{realm}/… with QBO's JSON shapes
// and Faults, Bearer tokens from its own OAuth endpoints, per-realm throttles,
// requestid replay, CDC, batch, PDF/send, and signed outgoing webhooks. An
// admin API (/__admin/…, and the C++ methods below) seeds state, injects
// faults, reads the request log and performs the business actions a person
// does in QBO.
//
// Lives on the thread that created it; all methods must be called there.
// Typical test use:
//   QuickBooksEmulator qbo;  qbo.listen();
//   qbo.addRealm(u"9130"_s);  auto t = qbo.issueTokens(u"9130"_s);
//   qbo.seed(u"9130"_s, u"Customer"_s, {{u"DisplayName"_s, u"Acme"_s}});
//   … requests to qbo.baseUrl() with "Authorization: Bearer " + t.accessToken …
class QuickBooksEmulator : public QObject
{
    Q_OBJECT
public:
    using Result = std::expected<QJsonObject, QboFault>;

    // A gateway fault for the next `count` requests whose path (with query)
    // contains `pathContains`. status > 0 answers with a Fault of that status
    // (faultCode or a code matching the status); delayMs delays the answer;
    // drop closes the connection without an answer (after delayMs).
    struct FaultRule {
        QString pathContains;
        int count = 1;
        int httpStatus = 0;
        QString faultCode;
        int delayMs = 0;
        bool drop = false;
        // With drop: execute the request first, then close the connection
        // without an answer — a response lost on the way back (the client
        // must retry with the same requestid and get the replayed answer).
        bool afterExecuting = false;
    };

    struct LogEntry {
        QString method;
        QString path;
        QString query;
        QString requestId;
        QString realmId;
        int status = 0; // 0 = dropped / not answered yet
    };

    explicit QuickBooksEmulator(QObject *parent = nullptr);
    ~QuickBooksEmulator() override;

    // Listens on 127.0.0.1 (port 0 = any free port). False if the port is taken.
    [[nodiscard]] bool listen(quint16 port = 0);
    [[nodiscard]] quint16 port() const { return m_port; }
    // http://127.0.0.1:<port> — API paths are /v3/company/{realm}/…
    [[nodiscard]] QUrl baseUrl() const;
    [[nodiscard]] QUrl tokenUrl() const;  // …/oauth2/v1/tokens/bearer
    [[nodiscard]] QUrl revokeUrl() const; // …/v2/oauth2/tokens/revoke

    // Time for MetaData, token expiry and CDC windows. Not owned; default: system clock.
    void setClock(const Clock *clock);
    // Emulated seconds per real second for throttle windows and webhook retry
    // delays (e.g. 60 makes the 500/min window last one real second).
    void setTimeScale(double scale);
    // Extra real ms before every API answer (not the /__admin/ API), on top
    // of injected fault delays: a slow service for benchmarks. 0 = none.
    void setApiDelay(int ms);
    [[nodiscard]] int apiDelay() const;

    // --- seeding and state ---
    void addRealm(const QString &realmId, int utcOffsetSecs = -7 * 3600);
    [[nodiscard]] bool hasRealm(const QString &realmId) const;
    QboAuth::Tokens issueTokens(const QString &realmId);
    QString createAuthorizationCode(const QString &realmId);
    [[nodiscard]] QboAuth &auth() { return *m_auth; }
    // Creates an entity through the same rules as the API (TaxCode/TaxRate,
    // CompanyInfo and Preferences are stored as given).
    Result seed(const QString &realmId, const QString &entity, const QJsonObject &object);
    // Convenience: a TaxRate with RateValue = percent ("10", "8.5").
    QJsonObject seedTaxRate(const QString &realmId, const QString &name, const QString &percent);
    // Convenience: a TaxCode whose SalesTaxRateList references these TaxRate ids.
    QJsonObject seedTaxCode(const QString &realmId, const QString &name, const QStringList &taxRateIds);
    // Forgets realms, tokens, faults, log, replay cache and throttle windows.
    void reset();
    [[nodiscard]] QJsonObject entity(const QString &realmId, const QString &entity, const QString &id) const;
    [[nodiscard]] QList<QJsonObject> entities(const QString &realmId, const QString &entity) const;

    // --- gateway behaviour ---
    void injectFault(const FaultRule &rule);
    void clearFaults();
    [[nodiscard]] QList<LogEntry> requestLog() const { return m_log; }
    void clearLog() { m_log.clear(); }
    void setThrottlingEnabled(bool enabled);
    void setThrottleLimits(const QboRateLimiter::Limits &limits);
    // Answer 429 with the XML IntuitResponse body QBO really sends (default: JSON Fault).
    void setThrottleXml(bool xml) { m_throttleXml = xml; }
    // A reused requestid with a different request: false (default) replays the
    // first response anyway, as Intuit documents ("does not re-execute and does
    // not error"); true answers 400 Fault 600 "Duplicate Request ID".
    void setRejectRequestIdReuse(bool reject) { m_rejectReuse = reject; }

    // --- webhooks ---
    void setWebhook(const QUrl &url, const QByteArray &verifierToken,
                    QboWebhookSender::Format format = QboWebhookSender::Format::Legacy);
    [[nodiscard]] QboWebhookSender *webhooks() const { return m_webhooks; }

    // --- business actions a person does in the QBO UI ---
    // Receives a payment of `totalCents` and applies `applications` (invoice id → cents).
    Result recordPayment(const QString &realmId, const QString &customerId, qint64 totalCents,
                         const QList<QPair<QString, qint64>> &applications);
    Result voidInvoice(const QString &realmId, const QString &invoiceId);
    Result editCustomer(const QString &realmId, const QString &customerId, const QJsonObject &changes);
    Result deleteTransaction(const QString &realmId, const QString &entity, const QString &id);

Q_SIGNALS:
    void requestHandled(const QString &method, const QString &path, int status);

private:
    struct Cached {
        QByteArray fingerprint;
        QboReply reply;
    };

    [[nodiscard]] QString nowEnvelope(const QString &realmId) const;
    [[nodiscard]] qint64 emulatedMs() const;
    [[nodiscard]] QboReply faultReply(const QboFault &fault, const QString &realmId) const;
    [[nodiscard]] QboReply jsonReply(const QJsonObject &object, int status = 200) const;
    [[nodiscard]] QboReply envelopeReply(const QString &key, const QJsonValue &value,
                                         const QString &realmId) const;
    [[nodiscard]] QboReply resultReply(const QString &key, const Result &result, const QString &realmId) const;

    // Routing. `plan` decides what to answer; the server writes it.
    QboHttpServer::Plan plan(const QHttpServerRequest &request);
    QboReply handleAdmin(const QString &method, const QStringList &path, const QByteArray &body);
    QboReply handleApi(const QString &method, const QString &realmId, const QStringList &rest,
                       const QUrlQuery &query, const QByteArray &body, const QByteArray &accept);
    QboReply handleBatch(const QString &realmId, const QByteArray &body);
    QJsonObject batchItem(QboRealm &realm, const QJsonObject &item);
    void flushChanges(QboRealm &realm);

    const Clock *m_clock;
    QElapsedTimer m_realTime;
    double m_timeScale = 1.0;
    QboHttpServer *m_server = nullptr;
    quint16 m_port = 0;
    std::unique_ptr<QboAuth> m_auth;
    QboRateLimiter m_limiter;
    QboWebhookSender *m_webhooks = nullptr;
    QHash<QString, std::shared_ptr<QboRealm>> m_realms;
    QList<FaultRule> m_faults;
    QList<LogEntry> m_log;
    QHash<QString, Cached> m_replay; // realm + '\n' + requestid
    bool m_throttleXml = false;
    bool m_rejectReuse = false;
    bool m_dropAfterExecuting = false; // set by plan() for the request being planned
};

} // namespace Concord::Sandbox
