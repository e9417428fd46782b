#include "sync/webhookreceiver.h"

#include "connectors/calcom/webhook.h"
#include "connectors/hubspot/webhookevent.h"
#include "connectors/hubspot/webhooksignature.h"
#include "connectors/quickbooks/webhook.h"
#include "security/secretnames.h"
#include "security/secretstore.h"
#include "store/database.h"
#include "sync/syncengine.h"

#include <QCryptographicHash>
#include <QFutureWatcher>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QRegularExpression>
#include <QTcpServer>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace Concord::Domain;

namespace Concord::Sync {

namespace {

Q_LOGGING_CATEGORY(lcWebhooks, "concord.sync.webhooks", QtInfoMsg)

using StatusCode = QHttpServerResponder::StatusCode;

// Distinct refusal causes logged at warning level; beyond this (a flood of
// different garbage) they are only counted.
constexpr qsizetype kMaxLoggedCauses = 256;
// The longest error text put in a 400 answer.
constexpr qsizetype kMaxAnswerChars = 300;

QString pathFor(System system)
{
    return u"/webhooks/"_s + toString(system);
}

QString secretNameFor(System system)
{
    switch (system) {
    case System::QuickBooks:
        return Security::SecretName::QuickBooksWebhookVerifier.toString();
    case System::HubSpot:
        return Security::SecretName::HubSpotClientSecret.toString();
    case System::CalCom:
        return Security::SecretName::CalcomWebhookSecret.toString();
    }
    return {};
}

// A JSON answer. Senders only look at the status; the body helps whoever
// tests the endpoint by hand.
QHttpServerResponse answer(const QJsonObject &body, StatusCode status)
{
    return QHttpServerResponse(body, status);
}

QHttpServerResponse errorAnswer(const QString &text, StatusCode status)
{
    return answer(QJsonObject { { u"error"_s, text.left(kMaxAnswerChars) } }, status);
}

QString errorText(const Error &error)
{
    return error.detail.isEmpty() ? error.message : error.message + u": "_s + error.detail;
}

QString methodName(QHttpServerRequest::Method method)
{
    const char *key = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(method));
    return key ? QString::fromLatin1(key).toUpper() : u"UNKNOWN"_s;
}

// The first of a comma-separated header value (X-Forwarded-* after several
// proxies: "client-facing, next, …").
QByteArray firstValue(const QByteArray &header)
{
    const qsizetype comma = header.indexOf(',');
    return (comma < 0 ? header : header.left(comma)).trimmed();
}

// "host:port" → address and port. Only addresses: resolving a host name
// would block the sync thread.
Result<std::pair<QHostAddress, quint16>> parseHostPort(const QString &hostPort)
{
    static const QRegularExpression pattern(
        u"^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+):([0-9]{1,5})$"_s);
    const QString expected = u"expected host:port such as 127.0.0.1:8790 or [::1]:8790"_s;
    const QRegularExpressionMatch match = pattern.match(hostPort.trimmed());
    if (!match.hasMatch())
        return fail(ErrorCode::InvalidConfig,
                    u"cannot listen for webhooks on '%1': %2"_s.arg(hostPort, expected));
    QString host = match.captured(1);
    const int port = match.captured(2).toInt();
    if (port > 65535)
        return fail(
            ErrorCode::InvalidConfig,
            u"cannot listen for webhooks on '%1': port %2 is above 65535"_s.arg(hostPort).arg(
                port));
    if (host.startsWith(u'['))
        host = host.mid(1, host.size() - 2);
    QHostAddress address;
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        address = QHostAddress(QHostAddress::LocalHost);
    else
        address = QHostAddress(host);
    if (address.isNull())
        return fail(ErrorCode::InvalidConfig,
                    u"cannot listen for webhooks on '%1': '%2' is not an IP address (use one, e.g. "
                    "127.0.0.1, or localhost; host names are not resolved)"_s.arg(hostPort, host));
    return std::pair { address, quint16(port) };
}

// One stored event: its dedupe key and its own body.
struct Incoming {
    QString dedupeKey;
    QByteArray body;
};

QByteArray compact(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

// QuickBooks bodies one event each, in parser order: a one-element
// CloudEvents array, or eventNotifications with one notification holding one
// entity (its other fields kept).
QList<QByteArray> quickBooksEventBodies(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    QList<QByteArray> out;
    if (doc.isArray()) {
        const QJsonArray events = doc.array();
        for (const QJsonValue &event : events)
            out << compact(QJsonArray { event });
        return out;
    }
    const QJsonArray notifications = doc.object().value(u"eventNotifications").toArray();
    for (const QJsonValue &n : notifications) {
        QJsonObject notification = n.toObject();
        QJsonObject change = notification.value(u"dataChangeEvent").toObject();
        const QJsonArray entities = change.value(u"entities").toArray();
        for (const QJsonValue &entity : entities) {
            change.insert(u"entities"_s, QJsonArray { entity });
            notification.insert(u"dataChangeEvent"_s, change);
            out << QJsonDocument(
                       QJsonObject { { u"eventNotifications"_s, QJsonArray { notification } } })
                       .toJson(QJsonDocument::Compact);
        }
    }
    return out;
}

// HubSpot bodies one event each: one-element arrays (an object alone, which
// the parser also accepts, is kept as it came).
QList<QByteArray> hubSpotEventBodies(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isArray())
        return { body };
    QList<QByteArray> out;
    const QJsonArray events = doc.array();
    for (const QJsonValue &event : events)
        out << compact(QJsonArray { event });
    return out;
}

// Pairs keys with per-event bodies; should the split ever disagree with the
// parser, every event keeps the whole body rather than a wrong one.
QList<Incoming> withBodies(const QStringList &keys, const QList<QByteArray> &bodies,
                           const QByteArray &whole)
{
    QList<Incoming> out;
    for (qsizetype i = 0; i < keys.size(); ++i)
        out.append({ keys.at(i), bodies.size() == keys.size() ? bodies.at(i) : whole });
    return out;
}

} // namespace

// Why a request is refused: the HTTP status, the cause (for the log and
// counters(); never a secret or a signature) and what the sender is told.
struct WebhookReceiver::Refusal {
    StatusCode status;
    QString cause;
    QString answer;
};

WebhookReceiver::WebhookReceiver(Store::Database &db, Security::SecretStore &secrets,
                                 const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_secretStore(secrets)
    , m_clock(clock)
    , m_operations(db, clock)
{
    for (System system : allSystems())
        m_secrets.insert(system, Secret {});
}

// The server (a child, or the intake thread's) goes with the receiver.
WebhookReceiver::~WebhookReceiver()
{
    if (m_intakeContext)
        close();
}

QUrl WebhookReceiver::localUrl() const
{
    if (!m_server)
        return {};
    QMutexLocker lock(&m_mutex);
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(m_boundHost);
    url.setPort(m_port);
    return url;
}

Result<std::unique_ptr<WebhookReceiver>> WebhookReceiver::startFor(SyncEngine &engine, Store::Database &db,
                                                                   Security::SecretStore &secrets, const Clock &clock,
                                                                   const QString &listen, const QUrl &publicUrl)
{
    auto receiver = std::make_unique<WebhookReceiver>(db, secrets, clock);
    receiver->setPublicUrl(publicUrl);
    if (auto port = receiver->listen(listen); !port)
        return std::unexpected(port.error());
    connect(receiver.get(), &WebhookReceiver::changed, &engine, &SyncEngine::webhookHint);
    return receiver;
}

Result<quint16> WebhookReceiver::listen(const QString &hostPort)
{
    if (m_server)
        return fail(ErrorCode::InvalidArgument,
                    u"the webhook receiver already listens on %1; close it first"_s.arg(m_address));
    const auto address = parseHostPort(hostPort);
    if (!address)
        return std::unexpected(address.error());

    // PostgreSQL: an intake thread with its own connection (see the header).
    if (m_db.engine() == Store::Engine::PostgreSQL) {
        m_intakeThread = std::make_unique<QThread>();
        m_intakeThread->setObjectName(u"webhook-intake"_s);
        m_intakeContext = new QObject;
        m_intakeContext->moveToThread(m_intakeThread.get());
        m_intakeThread->start();
        Status opened;
        QMetaObject::invokeMethod(
            m_intakeContext,
            [this, &opened] {
                auto db = Store::Database::open(m_db.url());
                if (!db) {
                    opened = std::unexpected(db.error());
                    return;
                }
                m_intakeDb = std::move(*db);
                m_intakeOperations = std::make_unique<Store::OperationsRepository>(*m_intakeDb, m_clock);
            },
            Qt::BlockingQueuedConnection);
        if (!opened) {
            stopIntake();
            return fail(ErrorCode::InvalidConfig,
                        u"cannot listen for webhooks on %1: the store refused a connection for them: %2"_s.arg(
                            hostPort, opened.error().message));
        }
    }

    // On the thread that will serve: the server's sockets live there.
    QString reason;
    auto build = [&] {
        auto *server = new QHttpServer(m_intakeContext ? m_intakeContext : this);
        // Bound here rather than by QHttpServer::listen(), which cannot say
        // why it failed.
        auto *tcp = new QTcpServer(server);
        if (!tcp->listen(address->first, address->second)) {
            reason = tcp->errorString();
            delete server;
            return;
        }
        for (System system : allSystems()) {
            server->route(pathFor(system), [this, system](const QHttpServerRequest &request) {
                return handle(system, request);
            });
        }
        server->setMissingHandler(
            [](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                // Scanners probe every address: not worth a warning.
                qCDebug(lcWebhooks).noquote() << "no webhook path" << request.url().path();
                responder.write(
                    QJsonDocument(QJsonObject { { u"error"_s,
                                                  u"no such webhook path; use /webhooks/quickbooks, "
                                                  "/webhooks/hubspot or /webhooks/calcom"_s } }),
                    StatusCode::NotFound);
            });
        server->bind(tcp);
        QMutexLocker lock(&m_mutex);
        m_server = server;
        m_port = tcp->serverPort();
        const QHostAddress bound = tcp->serverAddress();
        m_boundHost = bound.toString();
        m_address = (bound.protocol() == QAbstractSocket::IPv6Protocol ? u"[%1]:%2"_s : u"%1:%2"_s)
                        .arg(bound.toString())
                        .arg(m_port);
    };
    if (m_intakeContext)
        QMetaObject::invokeMethod(m_intakeContext, build, Qt::BlockingQueuedConnection);
    else
        build();
    if (!m_server) {
        stopIntake();
        return fail(
            ErrorCode::InvalidConfig,
            u"cannot listen for webhooks on %1: %2 ([webhooks] listen)"_s.arg(hostPort, reason));
    }
    qCInfo(lcWebhooks).noquote() << "listening for webhooks on" << m_address
                                 << (m_intakeThread ? "(own thread and connection)" : "");
    reloadSecrets();
    return m_port;
}

void WebhookReceiver::close()
{
    if (!m_server) {
        stopIntake();
        return;
    }
    if (m_intakeContext) {
        // Between two requests of the intake thread: the server and its
        // connections go there, now.
        QMetaObject::invokeMethod(
            m_intakeContext,
            [this] {
                const QList<QTcpServer *> servers = m_server->servers();
                for (QTcpServer *tcp : servers)
                    tcp->close();
                delete m_server.data();
            },
            Qt::BlockingQueuedConnection);
    } else {
        // The listening sockets close now (the port is free at once); the
        // server and its connections go when control returns to the event
        // loop, since close() may be reached from one of its own requests.
        const QList<QTcpServer *> servers = m_server->servers();
        for (QTcpServer *tcp : servers)
            tcp->close();
        m_server->deleteLater();
    }
    m_server.clear();
    stopIntake();
    QMutexLocker lock(&m_mutex);
    qCInfo(lcWebhooks).noquote() << "stopped listening for webhooks on" << m_address;
    m_port = 0;
    m_address.clear();
}

void WebhookReceiver::stopIntake()
{
    if (!m_intakeThread)
        return;
    // The connection is closed on the thread that opened it.
    QMetaObject::invokeMethod(
        m_intakeContext,
        [this] {
            m_intakeOperations.reset();
            m_intakeDb.reset();
            delete m_intakeContext;
        },
        Qt::BlockingQueuedConnection);
    m_intakeContext = nullptr;
    m_intakeThread->quit();
    m_intakeThread->wait();
    m_intakeThread.reset();
}

void WebhookReceiver::setPublicUrl(const QUrl &url)
{
    QMutexLocker lock(&m_mutex);
    m_publicUrl = url.isValid() && !url.isEmpty() ? url.adjusted(QUrl::StripTrailingSlash) : QUrl();
}

void WebhookReceiver::reloadSecrets()
{
    const quint64 generation = ++m_secretGeneration;
    m_secretsAwaited = int(allSystems().size());
    for (System system : allSystems()) {
        QFuture<Result<QString>> future = m_secretStore.read(secretNameFor(system));
        if (future.isFinished()) { // the environment and memory stores answer at once
            takeSecret(system, generation,
                       future.resultCount() > 0
                           ? future.result()
                           : Result<QString>(
                               fail(ErrorCode::Secrets, u"the secret store abandoned the read"_s)));
            continue;
        }
        // A watcher, not QFuture::then(this, …): it dies with the receiver,
        // so an answer after that reaches nobody.
        auto *watcher = new QFutureWatcher<Result<QString>>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, system, generation] {
            const QFuture<Result<QString>> done = watcher->future();
            takeSecret(system, generation,
                       !done.isCanceled() && done.resultCount() > 0
                           ? done.result()
                           : Result<QString>(
                               fail(ErrorCode::Secrets, u"the secret store abandoned the read"_s)));
            watcher->deleteLater();
        });
        watcher->setFuture(future);
    }
}

void WebhookReceiver::takeSecret(System system, quint64 generation, const Result<QString> &read)
{
    if (generation != m_secretGeneration)
        return; // a newer reload is under way
    Secret secret;
    if (read && !read->isEmpty()) {
        secret.state = Secret::State::Set;
        secret.value = *read;
    } else if (read || read.error().code == ErrorCode::NotFound) {
        secret.state = Secret::State::NotSet;
    } else {
        secret.state = Secret::State::Failed;
        secret.problem = read.error().message;
    }
    {
        QMutexLocker lock(&m_mutex);
        m_secrets.insert(system, secret);
    }
    const QString name = secretNameFor(system);
    switch (secret.state) {
    case Secret::State::Set:
        qCDebug(lcWebhooks).noquote()
            << displayName(system) << "webhooks: secret" << name << "read";
        break;
    case Secret::State::NotSet:
        qCInfo(lcWebhooks).noquote() << displayName(system) << "webhooks will be refused:" << name
                                     << "is not set in the secret store";
        break;
    case Secret::State::Failed:
    case Secret::State::Loading:
        qCWarning(lcWebhooks).noquote()
            << displayName(system) << "webhooks will be refused: the secret store"
            << "could not give" << name << "-" << secret.problem;
        break;
    }
    if (--m_secretsAwaited == 0)
        Q_EMIT secretsLoaded();
}

bool WebhookReceiver::hasLoadedSecrets() const
{
    QMutexLocker lock(&m_mutex);
    return std::none_of(m_secrets.cbegin(), m_secrets.cend(),
                        [](const Secret &s) { return s.state == Secret::State::Loading; });
}

WebhookCounters WebhookReceiver::counters(System system) const
{
    QMutexLocker lock(&m_mutex);
    return m_counters.value(system);
}

QHttpServerResponse WebhookReceiver::refuse(System system, const Refusal &refusal)
{
    QMutexLocker lock(&m_mutex);
    WebhookCounters &counters = m_counters[system];
    ++counters.rejected;
    counters.lastProblem = refusal.cause;
    // Once per cause: numbers (ages, sizes, offsets) do not make a new one.
    static const QRegularExpression digits(u"\\d+"_s);
    const QString key = u"%1|%2|%3"_s.arg(toString(system))
                            .arg(int(refusal.status))
                            .arg(QString(refusal.cause).replace(digits, u"#"_s));
    const QString line = u"%1 webhook refused (HTTP %2): %3"_s.arg(displayName(system))
                             .arg(int(refusal.status))
                             .arg(refusal.cause);
    if (!m_loggedCauses.contains(key) && m_loggedCauses.size() < kMaxLoggedCauses) {
        m_loggedCauses.insert(key);
        qCWarning(lcWebhooks).noquote() << line << "- counted, not logged again for this cause";
    } else {
        qCDebug(lcWebhooks).noquote() << line;
    }
    lock.unlock();
    QHttpServerResponse response = errorAnswer(refusal.answer, refusal.status);
    if (refusal.status == StatusCode::MethodNotAllowed)
        response.setHeader("Allow", "POST");
    if (refusal.status == StatusCode::ServiceUnavailable)
        response.setHeader("Retry-After", "5");
    return response;
}

QByteArray WebhookReceiver::signedUri(const QHttpServerRequest &request) const
{
    QMutexLocker lock(&m_mutex);
    const QUrl url = request.url();
    QByteArray pathAndQuery = url.path(QUrl::FullyEncoded).toUtf8();
    if (url.hasQuery())
        pathAndQuery += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    if (m_publicUrl.isValid())
        return m_publicUrl.toEncoded() + pathAndQuery;
    QByteArray scheme = firstValue(request.value("X-Forwarded-Proto")).toLower();
    if (scheme != "https" && scheme != "http")
        scheme = "http"; // this server speaks plain HTTP
    QByteArray host = firstValue(request.value("X-Forwarded-Host"));
    if (host.isEmpty())
        host = request.value("Host").trimmed();
    if (host.isEmpty()) // HTTP/1.0 without Host: the address it reached
        host = m_address.toUtf8();
    return scheme + "://" + host + pathAndQuery;
}

QHttpServerResponse WebhookReceiver::keepUnreadable(System system, const QByteArray &body, const Error &error,
                                                    const QDateTime &now)
{
    // Intuit delivers notifications one at a time, in order, and retries one
    // that is not answered 200 for hours before the next may follow: a 400
    // would hold back every later QuickBooks webhook. The delivery is signed
    // (it is Intuit's), so it is kept as received with the reason, marked
    // failed, and acknowledged; the poll it triggers reads QuickBooks' changes
    // from the CDC cursor, so nothing it announced is lost.
    const QString reason = errorText(error);
    InboundEvent event;
    event.system = system;
    event.dedupeKey = u"unreadable/"_s
        + QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
    event.receivedAt = now;
    event.body = body;
    auto id = requestOperations().storeInbound(event);
    if (id && id->has_value()) {
        if (Status ok = requestOperations().markInboundProcessed(**id, reason); !ok)
            id = std::unexpected(ok.error());
    }
    if (!id) {
        return refuse(system,
                      { StatusCode::InternalServerError,
                        u"an unreadable delivery could not be kept: "_s + errorText(id.error()),
                        u"could not store the delivery; retry later"_s });
    }
    {
        QMutexLocker lock(&m_mutex);
        WebhookCounters &counters = m_counters[system];
        ++counters.rejected;
        counters.lastProblem = reason;
        counters.lastReceivedAt = now;
    }
    qCWarning(lcWebhooks).noquote() << displayName(system)
                                    << "webhook kept but not readable (acknowledged so later ones are not held "
                                       "back; polling catches up):"
                                    << reason;
    QMetaObject::invokeMethod(
        this, [this, system] { Q_EMIT changed(system); }, Qt::QueuedConnection);
    return answer(QJsonObject { { u"stored"_s, 0 }, { u"repeats"_s, 0 }, { u"unreadable"_s, reason } },
                  StatusCode::Ok);
}

QHttpServerResponse WebhookReceiver::handle(System system, const QHttpServerRequest &request)
{
    if (request.method() != QHttpServerRequest::Method::Post) {
        return refuse(system,
                      { StatusCode::MethodNotAllowed,
                        u"a %1 request (webhooks are POSTed)"_s.arg(methodName(request.method())),
                        u"method not allowed: webhooks are POSTed"_s });
    }
    const QByteArray body = request.body();
    if (body.size() > kMaxBodyBytes) {
        return refuse(system,
                      { StatusCode::PayloadTooLarge,
                        u"a body of %1 bytes (more than 1 MiB)"_s.arg(body.size()),
                        u"body larger than 1 MiB"_s });
    }

    const Secret secret = [&] {
        QMutexLocker lock(&m_mutex);
        return m_secrets.value(system);
    }();
    const QString secretName = secretNameFor(system);
    switch (secret.state) {
    case Secret::State::Set:
        break;
    case Secret::State::Loading:
        return refuse(system,
                      { StatusCode::ServiceUnavailable,
                        u"a delivery arrived before the secret store answered"_s,
                        u"starting: try again shortly"_s });
    case Secret::State::NotSet:
        return refuse(system,
                      { StatusCode::Unauthorized,
                        u"no secret to verify it with (%1 is not set)"_s.arg(secretName),
                        u"signature not verified"_s });
    case Secret::State::Failed:
        return refuse(system,
                      { StatusCode::Unauthorized,
                        u"the secret store could not give %1: %2"_s.arg(secretName, secret.problem),
                        u"signature not verified"_s });
    }

    const QDateTime now = m_clock.nowUtc();
    QList<Incoming> incoming;
    // A verified request that cannot be read: 400, with why.
    auto unreadable = [&](const Error &error) {
        return refuse(system, { StatusCode::BadRequest, errorText(error), errorText(error) });
    };
    auto unverified = [&](const Error &error) {
        return refuse(system,
                      { StatusCode::Unauthorized, errorText(error), u"signature not verified"_s });
    };
    switch (system) {
    case System::QuickBooks: {
        auto events =
            QuickBooks::receiveWebhook(body, request.value("intuit-signature"), secret.value);
        if (!events && events.error().code == ErrorCode::Unauthorized)
            return unverified(events.error());
        if (!events)
            return keepUnreadable(system, body, events.error(), now);
        QStringList keys;
        for (const QuickBooks::WebhookEvent &e : std::as_const(*events))
            keys << e.dedupeKey;
        incoming = withBodies(keys, quickBooksEventBodies(body), body);
        break;
    }
    case System::HubSpot: {
        const QByteArray secretBytes = secret.value.toUtf8();
        if (Status ok =
                HubSpot::WebhookSignature::verifyV3(secretBytes, "POST", signedUri(request), body,
                                                    request.value("X-HubSpot-Request-Timestamp"),
                                                    request.value("X-HubSpot-Signature-v3"), now);
            !ok) {
            return unverified(ok.error());
        }
        auto events = HubSpot::WebhookEvent::parseDelivery(body);
        if (!events)
            return unreadable(events.error());
        QStringList keys;
        for (const HubSpot::WebhookEvent &e : std::as_const(*events))
            keys << e.dedupeKey();
        incoming = withBodies(keys, hubSpotEventBodies(body), body);
        break;
    }
    case System::CalCom: {
        auto event = Calcom::receiveWebhook(
            body, request.value(Calcom::kSignatureHeader.toByteArray()), secret.value,
            QString::fromLatin1(request.value("x-cal-webhook-version")).trimmed());
        if (!event)
            return event.error().code == ErrorCode::Unauthorized ? unverified(event.error())
                                                                 : unreadable(event.error());
        incoming = { Incoming { event->dedupeKey(), body } };
        break;
    }
    }

    // Every event of the request, or none: a failure makes the sender retry
    // the whole delivery.
    int stored = 0;
    int repeats = 0;
    {
        Store::Transaction tx(requestDb());
        Status ok = tx.started();
        for (qsizetype i = 0; ok && i < incoming.size(); ++i) {
            InboundEvent event;
            event.system = system;
            event.dedupeKey = incoming.at(i).dedupeKey;
            event.receivedAt = now;
            event.body = incoming.at(i).body;
            auto id = requestOperations().storeInbound(event);
            if (!id)
                ok = std::unexpected(id.error());
            else if (id->has_value())
                ++stored;
            else
                ++repeats;
        }
        if (ok)
            ok = tx.commit();
        if (!ok) {
            return refuse(system,
                          { StatusCode::InternalServerError,
                            u"the events could not be stored: "_s + errorText(ok.error()),
                            u"could not store the delivery; retry later"_s });
        }
    }

    {
        QMutexLocker lock(&m_mutex);
        WebhookCounters &counters = m_counters[system];
        counters.accepted += stored;
        counters.repeats += repeats;
        counters.lastReceivedAt = now;
    }
    qCDebug(lcWebhooks).noquote() << displayName(system) << "webhook:" << stored << "new and"
                                  << repeats << "repeated event(s)";
    if (stored > 0) {
        // After the answer is written: a slow slot must not hold the sender.
        QMetaObject::invokeMethod(
            this, [this, system] { Q_EMIT changed(system); }, Qt::QueuedConnection);
    }
    return answer(QJsonObject { { u"stored"_s, stored }, { u"repeats"_s, repeats } },
                  StatusCode::Ok);
}

} // namespace Concord::Sync
