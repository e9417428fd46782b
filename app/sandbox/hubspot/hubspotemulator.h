#pragma once

#include "hubspot/hsauth.h"
#include "hubspot/hsfiles.h"
#include "hubspot/hsportal.h"
#include "hubspot/hsratelimiter.h"
#include "hubspot/hswebhooksender.h"
#include "hubspot/hshttpserver.h"
#include "quickbooks/qboreply.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <memory>

class QHttpServerRequest;

namespace Concord {
class Clock;
}

namespace Concord::Sandbox {

// A protocol-faithful HubSpot CRM API on 127.0.0.1 (hubspot-calcom.md A13
// checklist): contacts, deals, notes and tasks under both
// /crm/v3/objects/{type} and the date-based /crm/objects/{YYYY-MM}/{type},
// string-valued properties, 201/204, email uniqueness with 409 "Existing
// ID", idProperty=email, batch read/create/update/upsert/archive (≤ 100),
// search with HubSpot's operators, 200 per page, the 10,000 cap and an
// optional indexing lag, merge (new survivor id, old ids resolve to it),
// v4 associations, deal pipelines, private-app and OAuth tokens (1800 s,
// /oauth/v1/token), the 10-s burst, 5/s search and daily limits with
// HubSpot's 429 body and headers, and signed (v1 + v3) outgoing webhooks.
// An admin API (/__admin/…, and the C++ methods below) seeds, injects faults,
// reads the request log and performs what a CRM user does in HubSpot.
//
// Lives on the thread that created it; all methods must be called there.
// The HTTP front is the emulators' shared PlanHttpServer (a plan per
// request: reply, delay or drop).
class HubSpotEmulator : public QObject
{
    Q_OBJECT
public:
    // A gateway fault for the next `count` requests whose path (with query)
    // contains `pathContains`: status > 0 answers with HubSpot's envelope of
    // that status; delayMs delays the answer (real ms); drop closes the
    // connection without an answer. `method` empty = any.
    struct FaultRule {
        QString pathContains;
        int count = 1;
        int httpStatus = 0;
        int delayMs = 0;
        bool drop = false;
        QString method;
    };

    struct LogEntry {
        QString method;
        QString path;
        QString query;
        QByteArray body;
        int status = 0; // 0 = dropped / not answered yet
        bool search = false;
    };

    explicit HubSpotEmulator(QObject *parent = nullptr);
    ~HubSpotEmulator() override;

    [[nodiscard]] bool listen(quint16 port = 0);
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QUrl baseUrl() const;  // http://127.0.0.1:<port>
    [[nodiscard]] QUrl tokenUrl() const; // …/oauth/v1/token

    // Time for records, tokens and webhook timestamps. Not owned; default system clock.
    void setClock(const Clock *clock);
    // Emulated ms per real ms for the rate-limit windows and webhook retries.
    void setTimeScale(double scale);
    // Extra real ms before every API answer (not the /__admin/ API), on top
    // of injected fault delays: a slow service for benchmarks. 0 = none.
    void setApiDelay(int ms);
    [[nodiscard]] int apiDelay() const;

    [[nodiscard]] HubSpotPortal &portal() { return m_portal; }
    // The file manager (Files API v3, hsfiles.h).
    [[nodiscard]] HsFiles &files() { return m_files; }
    [[nodiscard]] HsAuth &auth() { return m_auth; }
    [[nodiscard]] HsRateLimiter &limiter() { return m_limiter; }
    [[nodiscard]] HsWebhookSender *webhooks() const { return m_webhooks; }

    // --- gateway ---
    void injectFault(const FaultRule &rule);
    void clearFaults() { m_faults.clear(); }
    [[nodiscard]] QList<LogEntry> requestLog() const { return m_log; }
    void clearLog() { m_log.clear(); }
    void setThrottlingEnabled(bool enabled) { m_limiter.setEnabled(enabled); }
    // Forgets records, tokens (a new default private-app token is made), faults, log, windows.
    void reset();

    // --- webhooks ---
    void setWebhook(const QUrl &url, const QByteArray &clientSecret);

    // --- seeding (no webhooks: it sets the scene) ---
    HsResult<QJsonObject> seedContact(const QJsonObject &properties, std::optional<qint64> atMs = std::nullopt);
    HsResult<QJsonObject> seedObject(const QString &type, const QJsonObject &body,
                                     std::optional<qint64> atMs = std::nullopt);
    HsResult<QJsonObject> seedAssociation(const QString &fromType, const QString &fromId, const QString &toType,
                                          const QString &toId);
    // A file in the file manager, as a person uploads it in HubSpot (returns the File JSON).
    HsResult<QJsonObject> seedFile(const QString &fileName, const QString &folderPath, const QByteArray &content,
                                   const QString &access = QStringLiteral("PRIVATE"));
    // 50,000 contacts in a blink for benchmarks (HubSpotPortal::bulkCreateContacts).
    void seedBulkContacts(int count, qint64 firstModifiedMs, qint64 stepMs);

    // --- business actions a CRM user does in HubSpot (webhooks sent, source CRM_UI) ---
    HsResult<QJsonObject> editContact(const QString &id, const QJsonObject &properties);
    // A second contact for the same person (another email), as people create by hand.
    HsResult<QJsonObject> createDuplicateContact(const QString &id, const QString &otherEmail);
    HsResult<QJsonObject> mergeContacts(const QString &primaryId, const QString &otherId);
    HsResult<QJsonObject> archiveContact(const QString &id);

    // State, as the API would show it (every property).
    [[nodiscard]] QJsonObject record(const QString &type, const QString &id) const;
    [[nodiscard]] QList<QJsonObject> records(const QString &type) const;

Q_SIGNALS:
    void requestHandled(const QString &method, const QString &path, int status);

private:
    [[nodiscard]] qint64 emulatedMs() const;
    [[nodiscard]] QboReply jsonReply(const QJsonObject &body, int status = 200) const;
    [[nodiscard]] QboReply errorReply(const HsError &error) const;
    [[nodiscard]] QboReply portalReply(const HsResult<HubSpotPortal::Reply> &result) const;
    void flushEvents();

    HsHttpServer::Plan plan(const QHttpServerRequest &request);
    QboReply handleApi(const QString &method, const QStringList &segments, const QUrlQuery &query,
                       const QByteArray &body);
    QboReply handleObjects(const QString &method, const QString &type, const QStringList &rest,
                           const QUrlQuery &query, const QByteArray &body);
    QboReply handleFiles(const QString &method, const QStringList &segments, const QUrlQuery &query,
                         const QByteArray &contentType, const QByteArray &body);
    QboReply handleAdmin(const QString &method, const QStringList &path, const QByteArray &body);

    const Clock *m_clock;
    QElapsedTimer m_realTime;
    double m_timeScale = 1.0;
    HsHttpServer *m_server = nullptr;
    quint16 m_port = 0;
    HubSpotPortal m_portal;
    HsFiles m_files;
    HsAuth m_auth;
    HsRateLimiter m_limiter;
    HsWebhookSender *m_webhooks = nullptr;
    QList<FaultRule> m_faults;
    QList<LogEntry> m_log;
};

} // namespace Concord::Sandbox
