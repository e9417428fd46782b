// Sync::WebhookReceiver (core/sync/webhookreceiver.h) on an ephemeral
// loopback port, fed by the real emulators' signed webhooks
// (TutoringSandbox::setWebhookTarget) and by real payloads from
// ../shared/fixtures, storing into a real migrated SQLite store. Every test
// asserts the whole inbound_events table, not only counts. Signatures for
// hand-made requests come from the emulators' own signers, an
// implementation independent of the connectors' verifiers.

#include "calcom/calcomemulator.h"
#include "calcom/calwebhooksender.h"
#include "common/clock.h"
#include "domain/operations.h"
#include "domain/system.h"
#include "domainprinters.h"
#include "hubspot/hswebhooksender.h"
#include "hubspot/hubspotemulator.h"
#include "quickbooks/qbowebhooksender.h"
#include "quickbooks/quickbooksemulator.h"
#include "security/memorysecretstore.h"
#include "security/secretnames.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/operationsrepository.h"
#include "sync/webhookreceiver.h"
#include "testsupport.h"
#include "tutoringsandbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPromise>
#include <QCryptographicHash>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using Concord::Domain::System;
using Concord::Sandbox::TutoringSandbox;
using Concord::Sync::WebhookCounters;
using Concord::Sync::WebhookReceiver;

Q_DECLARE_METATYPE(Concord::Domain::System)

namespace {

// The sandbox's and the receiver's "now" (a Tuesday afternoon).
const QDateTime T0(QDate(2026, 3, 10), QTime(15, 0), Qt::UTC);
const QString T0Text = u"2026-03-10T15:00:00.000Z"_s;
const QString T0Ms = u"1773154800000"_s;

const QString Realm = TutoringSandbox::kRealmId.toString();
const QByteArray Verifier = TutoringSandbox::kQuickBooksWebhookVerifier.toUtf8();
const QString CalSecret = TutoringSandbox::kCalcomWebhookSecret.toString();

struct Reply {
    int status = 0; // 0 = no HTTP answer
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QByteArray allow;
    QByteArray retryAfter;

    [[nodiscard]] QString errorText() const
    {
        return QJsonDocument::fromJson(body).object().value(u"error").toString();
    }
};

QString systemName(System s)
{
    return Domain::toString(s);
}

// Captures every log line while alive (and passes it on).
class LogCapture {
public:
    struct Line {
        QtMsgType type;
        QString category;
        QString text;
    };

    LogCapture()
    {
        s_current = this;
        m_previous = qInstallMessageHandler(&LogCapture::handler);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        s_current = nullptr;
    }

    [[nodiscard]] QStringList warnings(const QString &category) const
    {
        QStringList out;
        for (const Line &l : m_lines) {
            if (l.type == QtWarningMsg && l.category == category)
                out << l.text;
        }
        return out;
    }
    [[nodiscard]] QString all() const
    {
        QStringList out;
        for (const Line &l : m_lines)
            out << l.category + u": "_s + l.text;
        return out.join(u'\n');
    }

private:
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &text)
    {
        if (s_current) {
            s_current->m_lines.append({ type, QString::fromLatin1(context.category), text });
            if (s_current->m_previous)
                s_current->m_previous(type, context, text);
        }
    }

    QList<Line> m_lines;
    QtMessageHandler m_previous = nullptr;
    static inline LogCapture *s_current = nullptr;
};

// A secret store that answers only when told to (a keychain behind D-Bus),
// or fails every read (a locked keychain).
class SlowSecretStore final : public Security::SecretStore {
public:
    QHash<QString, QString> values;
    bool failReads = false;

    [[nodiscard]] QString backendName() const override { return u"slow"_s; }
    [[nodiscard]] QFuture<Result<QString>> read(const QString &name) override
    {
        auto promise = std::make_shared<QPromise<Result<QString>>>();
        promise->start();
        m_pending.append({ promise, name });
        return promise->future();
    }
    [[nodiscard]] QFuture<Status> write(const QString &, const QString &) override
    {
        return finishedFuture(Status(fail(ErrorCode::Unsupported, u"read-only"_s)));
    }
    [[nodiscard]] QFuture<Status> remove(const QString &) override
    {
        return finishedFuture(Status(fail(ErrorCode::Unsupported, u"read-only"_s)));
    }

    [[nodiscard]] int pending() const { return int(m_pending.size()); }
    void answerAll()
    {
        while (!m_pending.isEmpty())
            answerOne();
    }
    void answerOne()
    {
        if (m_pending.isEmpty())
            return;
        const auto [promise, name] = m_pending.takeFirst();
        if (failReads)
            promise->addResult(
                Result<QString>(fail(ErrorCode::Secrets, u"the keychain is locked"_s)));
        else if (values.contains(name))
            promise->addResult(Result<QString>(values.value(name)));
        else
            promise->addResult(Result<QString>(fail(ErrorCode::NotFound, u"not set"_s)));
        promise->finish();
    }

private:
    QList<std::pair<std::shared_ptr<QPromise<Result<QString>>>, QString>> m_pending;
};

} // namespace

class TestWebhookReceiver : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    // Real deliveries from the emulators
    void quickBooksLegacyDeliveryIsStored();
    void quickBooksCloudEventsDeliveryIsStored();
    void hubSpotDeliveryIsStored();
    void calcomDeliveryIsStored();
    void fixturePayloadsAreStored();

    // Redeliveries
    void quickBooksRedeliveryIsARepeat();
    void hubSpotRedeliveryIsARepeat();
    void calcomRedeliveryIsARepeat();

    // Refusals
    void wrongSignatureIsRefused_data();
    void wrongSignatureIsRefused();
    void missingSecretIsRefused_data();
    void missingSecretIsRefused();
    void hubSpotTimestampAge_data();
    void hubSpotTimestampAge();
    void signedGarbageIsRefusedWithWhy_data();
    void signedGarbageIsRefusedWithWhy();
    void unreadableQuickBooksDeliveryIsKeptAndAcknowledged_data();
    void unreadableQuickBooksDeliveryIsKeptAndAcknowledged();
    void unknownPathIs404();
    void onlyPostIsAllowed();
    void bodyOver1MiBIs413();
    void refusalsAreLoggedOncePerCauseWithoutSecrets();

    // The HubSpot URI, the secrets, the life cycle
    void hubSpotUriBehindAProxy();
    void hubSpotTargetWithAQuery();
    void secretsAreReadAsynchronously();
    void failingSecretStoreRefuses();
    void markInboundProcessedBeforeAfterAPoll();
    void listenErrors();
    void closeStopsListening();

private:
    // The receiver on 127.0.0.1:<any> with `secrets` (default: the
    // sandbox's), the sandbox delivering to it.
    void startReceiver(Security::SecretStore *secrets = nullptr, const Clock *clock = nullptr);
    [[nodiscard]] QUrl url(const QString &path) const;
    [[nodiscard]] Reply send(const QByteArray &method, const QString &path, const QByteArray &body,
                             const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    [[nodiscard]] Reply post(const QString &path, const QByteArray &body,
                             const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        return send("POST", path, body, headers);
    }
    // Hand-made, correctly signed deliveries.
    [[nodiscard]] Reply postQuickBooks(const QByteArray &body, const QByteArray &token = Verifier);
    [[nodiscard]] Reply postHubSpot(const QByteArray &body, const QByteArray &signedUri = {},
                                    qint64 timestampMs = 0,
                                    const QList<std::pair<QByteArray, QByteArray>> &extra = {});
    [[nodiscard]] Reply postCalcom(const QByteArray &body, const QString &secret = CalSecret);

    // One change made by a person in the system's emulator (which sends its webhook).
    void causeChange(System system);
    // The system's emulator now signs with `secret`.
    void signWith(System system, const QByteArray &secret);
    [[nodiscard]] std::unique_ptr<QSignalSpy> deliveredSpy(System system);
    [[nodiscard]] std::unique_ptr<QSignalSpy> failedSpy(System system);

    // inbound_events, one line per row in id order:
    // "system | key | received=… | processed=… | body".
    [[nodiscard]] QStringList storedEvents() const;
    [[nodiscard]] static QString row(System system, const QString &key, const QByteArray &body,
                                     const QDateTime &received = T0,
                                     const QDateTime &processed = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store::Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<TutoringSandbox> m_sandbox;
    std::unique_ptr<Security::SecretStore> m_secrets;
    std::unique_ptr<WebhookReceiver> m_receiver;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    QString m_customerId; // QuickBooks
    QString m_contactId; // HubSpot
    qint64 m_eventTypeId = 0; // Cal.com
    int m_bookings = 0;
};

void TestWebhookReceiver::initTestCase()
{
    qRegisterMetaType<Concord::Domain::System>();
    // The emulators and migrations are chatty at info level.
    QLoggingCategory::setFilterRules(
        u"concord.core.store.info=false\nconcord.sandbox.info=false"_s);
}

void TestWebhookReceiver::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto db = Store::Database::open(u"sqlite://"_s + m_dir->filePath(u"store.sqlite"_s));
    QVERIFY_OK(db);
    m_db = std::move(*db);
    QVERIFY_OK(Store::migrate(*m_db));

    m_clock = std::make_unique<ManualClock>(T0);
    m_sandbox = std::make_unique<TutoringSandbox>();
    TutoringSandbox::Options options;
    options.seed = TutoringSandbox::Seed::Empty;
    options.today = T0.date();
    options.clock = m_clock.get();
    QVERIFY_OK(m_sandbox->start(options));
    m_secrets = m_sandbox->secrets();
    m_nam = std::make_unique<QNetworkAccessManager>();

    // Something to change in each system; seeding sends no webhook.
    const auto customer = m_sandbox->quickbooks().seed(
        Realm, u"Customer"_s, QJsonObject { { u"DisplayName"_s, u"Ada Lovelace"_s } });
    QVERIFY(customer.has_value());
    m_customerId = customer->value(u"Id").toString();
    const auto contact = m_sandbox->hubspot().seedContact(
        QJsonObject { { u"email"_s, u"ada@example.org"_s }, { u"firstname"_s, u"Ada"_s } });
    QVERIFY(contact.has_value());
    m_contactId = contact->value(u"id").toString();
    Sandbox::CalUser host;
    host.username = u"tutor"_s;
    host.email = u"tutor@example.org"_s;
    host.name = u"Tess Tutor"_s;
    Sandbox::CalEventType lesson;
    lesson.slug = u"lesson"_s;
    lesson.title = u"Lesson"_s;
    lesson.ownerId = m_sandbox->calcom().addUser(host);
    m_eventTypeId = m_sandbox->calcom().addEventType(lesson);
    m_bookings = 0;
}

void TestWebhookReceiver::cleanup()
{
    m_receiver.reset();
    m_nam.reset();
    m_sandbox.reset();
    m_secrets.reset();
    m_db.reset();
    m_clock.reset();
    m_dir.reset();
}

void TestWebhookReceiver::startReceiver(Security::SecretStore *secrets, const Clock *clock)
{
    m_receiver = std::make_unique<WebhookReceiver>(*m_db, secrets ? *secrets : *m_secrets,
                                                   clock ? *clock : *m_clock);
    const Result<quint16> port = m_receiver->listen(u"127.0.0.1:0"_s);
    QVERIFY_OK(port);
    QVERIFY(*port != 0);
    QCOMPARE(m_receiver->port(), *port);
    QVERIFY(m_receiver->isListening());
    m_sandbox->setWebhookTarget(QUrl(u"http://127.0.0.1:%1"_s.arg(*port)));
}

QUrl TestWebhookReceiver::url(const QString &path) const
{
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_receiver->port()).arg(path));
}

Reply TestWebhookReceiver::send(const QByteArray &method, const QString &path,
                                const QByteArray &body,
                                const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(url(path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_nam->sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    Reply out;
    if (!finished.wait(10000)) {
        reply->abort();
        delete reply;
        out.error = QNetworkReply::TimeoutError;
        return out;
    }
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.error = reply->error();
    out.body = reply->readAll();
    out.allow = reply->rawHeader("Allow");
    out.retryAfter = reply->rawHeader("Retry-After");
    delete reply;
    return out;
}

Reply TestWebhookReceiver::postQuickBooks(const QByteArray &body, const QByteArray &token)
{
    return post(u"/webhooks/quickbooks"_s, body,
                { { "intuit-signature", Sandbox::QboWebhookSender::sign(token, body) } });
}

Reply TestWebhookReceiver::postHubSpot(const QByteArray &body, const QByteArray &signedUri,
                                       qint64 timestampMs,
                                       const QList<std::pair<QByteArray, QByteArray>> &extra)
{
    const QByteArray uri =
        signedUri.isEmpty() ? url(u"/webhooks/hubspot"_s).toEncoded() : signedUri;
    const QByteArray timestamp =
        QByteArray::number(timestampMs ? timestampMs : m_clock->nowUtc().toMSecsSinceEpoch());
    const QByteArray secret = m_sandbox->hubspot().auth().clientSecret().toUtf8();
    QList<std::pair<QByteArray, QByteArray>> headers = {
        { "X-HubSpot-Signature-v3",
          Sandbox::HsWebhookSender::signatureV3(secret, "POST", uri, body, timestamp) },
        { "X-HubSpot-Request-Timestamp", timestamp },
    };
    headers += extra;
    return post(u"/webhooks/hubspot"_s, body, headers);
}

Reply TestWebhookReceiver::postCalcom(const QByteArray &body, const QString &secret)
{
    return post(u"/webhooks/calcom"_s, body,
                { { "X-Cal-Signature-256", Sandbox::CalWebhookSender::sign(secret, body) },
                  { "x-cal-webhook-version", "2021-10-20" } });
}

void TestWebhookReceiver::causeChange(System system)
{
    switch (system) {
    case System::QuickBooks: {
        const auto edited = m_sandbox->quickbooks().editCustomer(
            Realm, m_customerId, QJsonObject { { u"CompanyName"_s, u"Analytical Engines"_s } });
        QVERIFY(edited.has_value());
        break;
    }
    case System::HubSpot: {
        const auto edited = m_sandbox->hubspot().editContact(
            m_contactId, QJsonObject { { u"firstname"_s, u"Augusta"_s } });
        QVERIFY(edited.has_value());
        break;
    }
    case System::CalCom: {
        Sandbox::CalAttendee client;
        client.name = u"Ada Lovelace"_s;
        client.email = u"ada@example.org"_s;
        client.timeZone = u"Europe/London"_s;
        const auto booked = m_sandbox->calcom().clientBooks(
            m_eventTypeId, T0.addDays(1).addSecs(3600 * m_bookings++), client);
        QVERIFY(booked.has_value());
        break;
    }
    }
}

void TestWebhookReceiver::signWith(System system, const QByteArray &secret)
{
    const QUrl target(
        u"http://127.0.0.1:%1/webhooks/%2"_s.arg(m_receiver->port()).arg(systemName(system)));
    switch (system) {
    case System::QuickBooks:
        m_sandbox->quickbooks().setWebhook(target, secret);
        break;
    case System::HubSpot:
        m_sandbox->hubspot().setWebhook(target, secret);
        break;
    case System::CalCom: {
        Sandbox::CalWebhookSender *sender = m_sandbox->calcom().webhooks();
        const auto subscriptions = sender->subscriptions();
        for (const auto &s : subscriptions)
            sender->removeSubscription(s.id);
        (void)m_sandbox->calcom().addWebhook(target, QString::fromUtf8(secret),
                                             { u"BOOKING_CREATED"_s });
        break;
    }
    }
}

std::unique_ptr<QSignalSpy> TestWebhookReceiver::deliveredSpy(System system)
{
    switch (system) {
    case System::QuickBooks:
        return std::make_unique<QSignalSpy>(m_sandbox->quickbooks().webhooks(),
                                            &Sandbox::QboWebhookSender::delivered);
    case System::HubSpot:
        return std::make_unique<QSignalSpy>(m_sandbox->hubspot().webhooks(),
                                            &Sandbox::HsWebhookSender::delivered);
    case System::CalCom:
        return std::make_unique<QSignalSpy>(m_sandbox->calcom().webhooks(),
                                            &Sandbox::CalWebhookSender::delivered);
    }
    return {};
}

std::unique_ptr<QSignalSpy> TestWebhookReceiver::failedSpy(System system)
{
    switch (system) {
    case System::QuickBooks:
        return std::make_unique<QSignalSpy>(m_sandbox->quickbooks().webhooks(),
                                            &Sandbox::QboWebhookSender::deliveryFailed);
    case System::HubSpot:
        return std::make_unique<QSignalSpy>(m_sandbox->hubspot().webhooks(),
                                            &Sandbox::HsWebhookSender::deliveryFailed);
    case System::CalCom:
        return std::make_unique<QSignalSpy>(m_sandbox->calcom().webhooks(),
                                            &Sandbox::CalWebhookSender::deliveryFailed);
    }
    return {};
}

QStringList TestWebhookReceiver::storedEvents() const
{
    auto rows = m_db->select<QString>(
        u"SELECT system, dedupe_key, received_at, processed_at, body, error FROM inbound_events ORDER BY id"_s,
        {}, [](const QSqlQuery &q) {
            const QDateTime processed = Store::Sql::toDateTime(q.value(3));
            return u"%1 | %2 | received=%3 | processed=%4 | %5%6"_s.arg(
                q.value(0).toString(), q.value(1).toString(),
                Store::Sql::toDateTime(q.value(2)).toString(Qt::ISODateWithMs),
                processed.isValid() ? processed.toString(Qt::ISODateWithMs) : u"-"_s,
                QString::fromUtf8(q.value(4).toByteArray()),
                q.value(5).toString().isEmpty() ? QString()
                                                : u" | error="_s + q.value(5).toString());
        });
    return rows
        ? *rows
        : QStringList { u"<cannot read inbound_events: %1>"_s.arg(rows.error().toString()) };
}

QString TestWebhookReceiver::row(System system, const QString &key, const QByteArray &body,
                                 const QDateTime &received, const QDateTime &processed)
{
    return u"%1 | %2 | received=%3 | processed=%4 | %5"_s.arg(
        systemName(system), key, received.toString(Qt::ISODateWithMs),
        processed.isValid() ? processed.toString(Qt::ISODateWithMs) : u"-"_s,
        QString::fromUtf8(body));
}

// ---------------------------------------------------------------------------
// Real deliveries from the emulators

void TestWebhookReceiver::quickBooksLegacyDeliveryIsStored()
{
    startReceiver();
    QSignalSpy changed(m_receiver.get(), &WebhookReceiver::changed);
    auto delivered = deliveredSpy(System::QuickBooks);
    causeChange(System::QuickBooks);
    QVERIFY(changed.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(delivered->count(), 1,
                              10000); // the sender hears the answer after the signal

    // One entity, in QuickBooks' own legacy shape (realm, name, id,
    // operation, lastUpdated), keyed by all of them.
    const QByteArray body = R"({"eventNotifications":[{"dataChangeEvent":{"entities":[{"id":")"
        + m_customerId.toUtf8() + R"(","lastUpdated":")" + T0Text.toUtf8()
        + R"(","name":"Customer","operation":"Update"}]},"realmId":")" + Realm.toUtf8() + R"("}]})";
    QCOMPARE(
        storedEvents(),
        QStringList { row(System::QuickBooks,
                          u"%1/Customer/%2/Update/%3"_s.arg(Realm, m_customerId, T0Text), body) });
    QCOMPARE(changed.count(), 1);
    QCOMPARE_NAMES(qvariant_cast<System>(changed.at(0).at(0)), System::QuickBooks);
    const WebhookCounters counters = m_receiver->counters(System::QuickBooks);
    QCOMPARE(counters.accepted, 1);
    QCOMPARE(counters.repeats, 0);
    QCOMPARE(counters.rejected, 0);
    QCOMPARE(counters.lastReceivedAt, T0);
    QCOMPARE(counters.lastProblem, QString());
    QCOMPARE(m_receiver->counters(System::HubSpot).accepted, 0);
}

void TestWebhookReceiver::quickBooksCloudEventsDeliveryIsStored()
{
    startReceiver();
    m_sandbox->quickbooks().setWebhook(url(u"/webhooks/quickbooks"_s), Verifier,
                                       Sandbox::QboWebhookSender::Format::CloudEvents);
    QSignalSpy changed(m_receiver.get(), &WebhookReceiver::changed);
    auto delivered = deliveredSpy(System::QuickBooks);
    // A payment applied to an invoice changes the invoice too: one
    // notification, several events.
    const auto item = m_sandbox->quickbooks().seed(
        Realm, u"Item"_s,
        QJsonObject { { u"Name"_s, u"Lesson"_s },
                      { u"Type"_s, u"Service"_s },
                      { u"UnitPrice"_s, 80 },
                      { u"IncomeAccountRef"_s, QJsonObject { { u"value"_s, u"1"_s } } } });
    QVERIFY(item.has_value());
    const QJsonObject itemRef { { u"value"_s, item->value(u"Id").toString() } };
    const auto invoice = m_sandbox->quickbooks().seed(
        Realm, u"Invoice"_s,
        QJsonObject {
            { u"CustomerRef"_s, QJsonObject { { u"value"_s, m_customerId } } },
            { u"Line"_s,
              QJsonArray { QJsonObject {
                  { u"Amount"_s, 80 },
                  { u"DetailType"_s, u"SalesItemLineDetail"_s },
                  { u"SalesItemLineDetail"_s, QJsonObject { { u"ItemRef"_s, itemRef } } } } } } });
    QVERIFY(invoice.has_value());
    const auto paid = m_sandbox->quickbooks().recordPayment(
        Realm, m_customerId, 8000, { { invoice->value(u"Id").toString(), 8000 } });
    QVERIFY(paid.has_value());
    QVERIFY(changed.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(delivered->count(), 1,
                              10000); // the sender hears the answer after the signal

    // Each CloudEvent stored alone, keyed by its own id.
    const QJsonArray sent = QJsonDocument::fromJson(delivered->at(0).at(0).toByteArray()).array();
    QVERIFY(!sent.isEmpty());
    QStringList expected;
    for (const QJsonValue &event : sent) {
        expected << row(System::QuickBooks, event.toObject().value(u"id").toString(),
                        QJsonDocument(QJsonArray { event }).toJson(QJsonDocument::Compact));
    }
    QCOMPARE(storedEvents(), expected);
    // What it announced: the payment (and whatever else changed), as CloudEvents types.
    bool sawPayment = false;
    for (const QJsonValue &event : sent) {
        QCOMPARE(event.toObject().value(u"intuitaccountid").toString(), Realm);
        sawPayment |= event.toObject().value(u"type").toString() == u"qbo.payment.created.v1"_s;
    }
    QVERIFY(sawPayment);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_receiver->counters(System::QuickBooks).accepted, qint64(sent.size()));
}

void TestWebhookReceiver::hubSpotDeliveryIsStored()
{
    startReceiver();
    QSignalSpy changed(m_receiver.get(), &WebhookReceiver::changed);
    auto delivered = deliveredSpy(System::HubSpot);
    causeChange(System::HubSpot);
    QVERIFY(changed.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(delivered->count(), 1,
                              10000); // the sender hears the answer after the signal

    // subscriptionId/eventId/objectId/occurredAt; attemptNumber is not part of the key.
    const QByteArray body =
        R"([{"appId":1160452,"attemptNumber":0,"changeSource":"CRM_UI","eventId":3816279340,)"
        R"("objectId":)"
        + m_contactId.toUtf8() + R"(,"occurredAt":)" + T0Ms.toUtf8()
        + R"(,"portalId":62515,"propertyName":"firstname","propertyValue":"Augusta","sourceId":"userId:45678",)"
          R"("subscriptionId":2002,"subscriptionType":"contact.propertyChange"}])";
    QCOMPARE(storedEvents(),
             QStringList {
                 row(System::HubSpot, u"2002/3816279340/%1/%2"_s.arg(m_contactId, T0Ms), body) });
    QCOMPARE(changed.count(), 1);
    QCOMPARE_NAMES(qvariant_cast<System>(changed.at(0).at(0)), System::HubSpot);
    QCOMPARE(m_receiver->counters(System::HubSpot).accepted, 1);
}

void TestWebhookReceiver::calcomDeliveryIsStored()
{
    startReceiver();
    QSignalSpy changed(m_receiver.get(), &WebhookReceiver::changed);
    auto delivered = deliveredSpy(System::CalCom);
    causeChange(System::CalCom);
    QVERIFY(changed.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(delivered->count(), 1,
                              10000); // the sender hears the answer after the signal

    // The whole body, keyed by trigger, booking uid and createdAt.
    const QByteArray body = delivered->at(0).at(1).toByteArray();
    const QJsonObject sent = QJsonDocument::fromJson(body).object();
    QCOMPARE(sent.value(u"triggerEvent").toString(), u"BOOKING_CREATED"_s);
    QCOMPARE(sent.value(u"createdAt").toString(), T0Text);
    const QString uid = sent.value(u"payload").toObject().value(u"uid").toString();
    QVERIFY(!uid.isEmpty());
    const auto deliveries = m_sandbox->calcom().webhooks()->deliveries();
    QCOMPARE(deliveries.size(), 1);
    QCOMPARE(deliveries.first().lastStatus, 200);
    QCOMPARE(
        storedEvents(),
        QStringList { row(System::CalCom, u"BOOKING_CREATED|%1|%2"_s.arg(uid, T0Text), body) });
    QCOMPARE_NAMES(qvariant_cast<System>(changed.at(0).at(0)), System::CalCom);
    QCOMPARE(m_receiver->counters(System::CalCom).accepted, 1);
}

void TestWebhookReceiver::fixturePayloadsAreStored()
{
    // Real payloads with their published signatures and keys.
    Security::MemorySecretStore secrets;
    QVERIFY_OK(Security::waitForResult(
        secrets.write(Security::SecretName::QuickBooksWebhookVerifier.toString(),
                      u"00faeec4-08d0-4996-bb37-698ae19f0149"_s)));
    QVERIFY_OK(Security::waitForResult(secrets.write(
        Security::SecretName::CalcomWebhookSecret.toString(), u"whsec_example_secret"_s)));
    startReceiver(&secrets);

    // Intuit's .NET SDK test vector: legacy payload, two entities.
    const QJsonObject vector =
        QJsonDocument::fromJson(
            Test::readFixture(u"quickbooks/webhooks/dotnet-sdk__signature-test-vector.json"_s))
            .object();
    const QByteArray legacy =
        Test::readFixture(u"quickbooks/webhooks/dotnet-sdk__legacy-eventNotifications.raw.json"_s);
    QVERIFY(!legacy.isEmpty());
    Reply r =
        post(u"/webhooks/quickbooks"_s, legacy,
             { { "intuit-signature", vector.value(u"intuit-signature").toString().toLatin1() } });
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray(R"({"repeats":0,"stored":2})"));

    // The SDK's CloudEvents sample (with data.alternative_ids), signed with the same token.
    const QByteArray cloud =
        Test::readFixture(u"quickbooks/webhooks/dotnet-sdk__cloudevents.raw.json"_s);
    r = postQuickBooks(cloud, "00faeec4-08d0-4996-bb37-698ae19f0149");
    QCOMPARE(r.status, 200);

    // Cal.com's published test vector (a BOOKING_NO_SHOW_UPDATED body).
    const QJsonObject calVector =
        QJsonDocument::fromJson(Test::readFixture(u"calcom/signature-test-vectors.json"_s))
            .object()
            .value(u"vectors")
            .toArray()
            .at(1)
            .toObject();
    const QByteArray noShow = calVector.value(u"body").toString().toUtf8();
    r = post(u"/webhooks/calcom"_s, noShow,
             { { "X-Cal-Signature-256",
                 calVector.value(u"x-cal-signature-256").toString().toLatin1() } });
    QCOMPARE(r.status, 200);

    const QByteArray vendor =
        R"({"eventNotifications":[{"dataChangeEvent":{"entities":[{"id":"40",)"
        R"("lastUpdated":"2016-10-05T03:09:04.000Z","name":"Vendor","operation":"Update"}]},)"
        R"("realmId":"1269959970"}]})";
    const QByteArray customer =
        R"({"eventNotifications":[{"dataChangeEvent":{"entities":[{"id":"43",)"
        R"("lastUpdated":"2016-10-05T03:07:04.000Z","name":"Customer","operation":"Create"}]},)"
        R"("realmId":"1269959970"}]})";
    const QByteArray cloudEvent =
        QJsonDocument(QJsonDocument::fromJson(cloud).array()).toJson(QJsonDocument::Compact);
    QCOMPARE(storedEvents(),
             (QStringList {
                 row(System::QuickBooks, u"1269959970/Vendor/40/Update/2016-10-05T03:09:04.000Z"_s,
                     vendor),
                 row(System::QuickBooks,
                     u"1269959970/Customer/43/Create/2016-10-05T03:07:04.000Z"_s, customer),
                 row(System::QuickBooks, u"d1a3aedd-9670-41bf-a4f9-c148a1cc4e03"_s, cloudEvent),
                 row(System::CalCom,
                     u"BOOKING_NO_SHOW_UPDATED|5vQFqxDFMjdgKGMijqtqRw|2025-12-01T12:34:34.774Z"_s,
                     noShow),
             }));
    // The stored CloudEvent is the sample's event, field for field.
    QCOMPARE(QJsonDocument::fromJson(cloudEvent), QJsonDocument::fromJson(cloud));
    QCOMPARE(m_receiver->counters(System::QuickBooks).accepted, 3);
    QCOMPARE(m_receiver->counters(System::CalCom).accepted, 1);
}

// ---------------------------------------------------------------------------
// Redeliveries

void TestWebhookReceiver::quickBooksRedeliveryIsARepeat()
{
    startReceiver();
    QSignalSpy changed(m_receiver.get(), &WebhookReceiver::changed);
    auto delivered = deliveredSpy(System::QuickBooks);
    causeChange(System::QuickBooks);
    QVERIFY(changed.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(delivered->count(), 1, 10000);
    const QStringList stored = storedEvents();
    QCOMPARE(stored.size(), 1);

    // Intuit retries the same notification (same body, same signature), later.
    m_clock->advanceSecs(10);
    const Reply again = postQuickBooks(delivered->at(0).at(0).toByteArray());
    QCOMPARE(again.status, 200);
    QCOMPARE(again.body, QByteArray(R"({"repeats":1,"stored":0})"));
    QCOMPARE(storedEvents(), stored);
    QCOMPARE(changed.count(), 1);
    const WebhookCounters counters = m_receiver->counters(System::QuickBooks);
    QCOMPARE(counters.accepted, 1);
    QCOMPARE(counters.repeats, 1);
    QCOMPARE(counters.lastReceivedAt, T0.addSecs(10));
}

void TestWebhookReceiver::hubSpotRedeliveryIsARepeat()
{
    startReceiver();
    // HubSpot's at-least-once delivery: every delivery sent twice.
    m_sandbox->hubspot().webhooks()->setChaos({ .duplicate = true, .reverse = false });
    QSignalSpy changed(m_receiver.get(), &WebhookReceiver::changed);
    auto delivered = deliveredSpy(System::HubSpot);
    causeChange(System::HubSpot);
    QTRY_COMPARE_WITH_TIMEOUT(delivered->count(), 2, 10000);
    QCOMPARE(delivered->at(0).at(0).toByteArray(), delivered->at(1).at(0).toByteArray());

    QCOMPARE(storedEvents().size(), 1);
    QVERIFY(storedEvents().first().startsWith(
        u"hubspot | 2002/3816279340/%1/%2 |"_s.arg(m_contactId, T0Ms)));
    QCOMPARE(changed.count(), 1);
    const WebhookCounters counters = m_receiver->counters(System::HubSpot);
    QCOMPARE(counters.accepted, 1);
    QCOMPARE(counters.repeats, 1);
    QCOMPARE(counters.rejected, 0);
}

void TestWebhookReceiver::calcomRedeliveryIsARepeat()
{
    startReceiver();
    m_sandbox->calcom().webhooks()->setDuplicateDelivery(true);
    QSignalSpy changed(m_receiver.get(), &WebhookReceiver::changed);
    auto delivered = deliveredSpy(System::CalCom);
    causeChange(System::CalCom);
    QTRY_COMPARE_WITH_TIMEOUT(delivered->count(), 2, 10000);

    const QByteArray body = delivered->at(0).at(1).toByteArray();
    QCOMPARE(delivered->at(1).at(1).toByteArray(), body);
    const QString uid = QJsonDocument::fromJson(body)
                            .object()
                            .value(u"payload")
                            .toObject()
                            .value(u"uid")
                            .toString();
    QCOMPARE(
        storedEvents(),
        QStringList { row(System::CalCom, u"BOOKING_CREATED|%1|%2"_s.arg(uid, T0Text), body) });
    for (const auto &d : m_sandbox->calcom().webhooks()->deliveries())
        QCOMPARE(d.lastStatus, 200); // a repeat is acknowledged too
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_receiver->counters(System::CalCom).repeats, 1);
}

// ---------------------------------------------------------------------------
// Refusals

void TestWebhookReceiver::wrongSignatureIsRefused_data()
{
    QTest::addColumn<System>("system");
    QTest::addColumn<QString>("problem");
    QTest::newRow("quickbooks") << System::QuickBooks << u"the signature does not match the body"_s;
    QTest::newRow("hubspot") << System::HubSpot << u"signature does not match"_s;
    QTest::newRow("calcom") << System::CalCom << u"the signature does not match the body"_s;
}

void TestWebhookReceiver::wrongSignatureIsRefused()
{
    QFETCH(System, system);
    QFETCH(QString, problem);
    startReceiver();
    signWith(system, "an-old-secret");
    QSignalSpy changed(m_receiver.get(), &WebhookReceiver::changed);
    auto failed = failedSpy(system);
    auto delivered = deliveredSpy(system);
    causeChange(system);
    QVERIFY(failed->wait(10000));

    // HTTP 401 to the sender (deliveryFailed's status argument).
    const int statusArg = system == System::CalCom ? 1 : 0;
    QCOMPARE(failed->at(0).at(statusArg).toInt(), 401);
    QCOMPARE(delivered->count(), 0);
    QCOMPARE(storedEvents(), QStringList());
    QCOMPARE(changed.count(), 0);
    const WebhookCounters counters = m_receiver->counters(system);
    QCOMPARE(counters.accepted, 0);
    QCOMPARE(counters.rejected, 1);
    QVERIFY2(counters.lastProblem.contains(problem), qPrintable(counters.lastProblem));
    QVERIFY(!counters.lastReceivedAt.isValid());
}

void TestWebhookReceiver::missingSecretIsRefused_data()
{
    QTest::addColumn<System>("system");
    QTest::addColumn<QString>("secretName");
    QTest::newRow("quickbooks") << System::QuickBooks << u"QUICKBOOKS_WEBHOOK_VERIFIER"_s;
    QTest::newRow("hubspot") << System::HubSpot << u"HUBSPOT_CLIENT_SECRET"_s;
    QTest::newRow("calcom") << System::CalCom << u"CALCOM_WEBHOOK_SECRET"_s;
}

void TestWebhookReceiver::missingSecretIsRefused()
{
    QFETCH(System, system);
    QFETCH(QString, secretName);
    // The emulators sign correctly; the receiver has no key to check with:
    // unverifiable means refused, never trusted.
    Security::MemorySecretStore empty;
    startReceiver(&empty);
    QVERIFY(m_receiver->hasLoadedSecrets());
    QSignalSpy changed(m_receiver.get(), &WebhookReceiver::changed);
    auto failed = failedSpy(system);
    causeChange(system);
    QVERIFY(failed->wait(10000));
    QCOMPARE(failed->at(0).at(system == System::CalCom ? 1 : 0).toInt(), 401);
    QCOMPARE(storedEvents(), QStringList());
    QCOMPARE(changed.count(), 0);
    const WebhookCounters counters = m_receiver->counters(system);
    QCOMPARE(counters.rejected, 1);
    QCOMPARE(counters.lastProblem,
             u"no secret to verify it with (%1 is not set)"_s.arg(secretName));
}

void TestWebhookReceiver::hubSpotTimestampAge_data()
{
    QTest::addColumn<int>("receiverAheadSecs");
    QTest::addColumn<int>("status");
    QTest::newRow("4 min 59 s old") << 299 << 200;
    QTest::newRow("5 min 1 s old") << 301 << 401;
    QTest::newRow("an hour old") << 3600 << 401;
    QTest::newRow("5 min 1 s ahead") << -301 << 401;
}

void TestWebhookReceiver::hubSpotTimestampAge()
{
    QFETCH(int, receiverAheadSecs);
    QFETCH(int, status);
    // HubSpot stamps with its clock (the sandbox's); the receiver's differs.
    ManualClock receiverClock(T0.addSecs(receiverAheadSecs));
    startReceiver(nullptr, &receiverClock);
    auto delivered = deliveredSpy(System::HubSpot);
    auto failed = failedSpy(System::HubSpot);
    causeChange(System::HubSpot);
    QTRY_COMPARE_WITH_TIMEOUT(delivered->count() + failed->count(), 1, 10000);
    if (status == 200) {
        QTRY_COMPARE_WITH_TIMEOUT(delivered->count(), 1,
                                  10000); // the sender hears the answer after the signal
        QCOMPARE(storedEvents().size(), 1);
        QCOMPARE(m_receiver->counters(System::HubSpot).lastReceivedAt, receiverClock.nowUtc());
    } else {
        QCOMPARE(failed->at(0).at(0).toInt(), 401);
        QCOMPARE(storedEvents(), QStringList());
        QVERIFY2(m_receiver->counters(System::HubSpot).lastProblem.contains(u"timestamp"_s),
                 qPrintable(m_receiver->counters(System::HubSpot).lastProblem));
    }
}

void TestWebhookReceiver::signedGarbageIsRefusedWithWhy_data()
{
    QTest::addColumn<System>("system");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("why");
    QTest::newRow("hubspot not json") << System::HubSpot << QByteArray("[{") << u"not JSON"_s;
    QTest::newRow("hubspot event without type")
        << System::HubSpot << QByteArray(R"([{"eventId":1,"objectId":2}])") << u"HubSpot"_s;
    QTest::newRow("calcom no trigger")
        << System::CalCom << QByteArray(R"({"payload":{"uid":"x"}})") << u"no triggerEvent"_s;
    QTest::newRow("calcom not an object")
        << System::CalCom << QByteArray("[]") << u"not a JSON object"_s;
}

void TestWebhookReceiver::signedGarbageIsRefusedWithWhy()
{
    QFETCH(System, system);
    QFETCH(QByteArray, body);
    QFETCH(QString, why);
    startReceiver();
    QSignalSpy changed(m_receiver.get(), &WebhookReceiver::changed);
    const Reply r = system == System::QuickBooks ? postQuickBooks(body)
        : system == System::HubSpot              ? postHubSpot(body)
                                                 : postCalcom(body);
    QCOMPARE(r.status, 400);
    QVERIFY2(r.errorText().contains(why), r.body.constData());
    QCOMPARE(storedEvents(), QStringList());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_receiver->counters(system).rejected, 1);
    QCOMPARE(m_receiver->counters(system).lastProblem, r.errorText());
}

// QuickBooks delivers in order and holds back later notifications until one
// is answered 200: a signed body Concord cannot read is kept (failed, with
// the reason), acknowledged, and its system polled.
void TestWebhookReceiver::unreadableQuickBooksDeliveryIsKeptAndAcknowledged_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("why");
    QTest::newRow("quickbooks not json")
        << QByteArray("eventNotifications?") << u"could not be read"_s;
    QTest::newRow("quickbooks no realm")
        << QByteArray(R"({"eventNotifications":[{"dataChangeEvent":{"entities":[]}}]})")
        << u"eventNotifications[0] has no realmId"_s;
    QTest::newRow("quickbooks cloudevent without id")
        << QByteArray(
               R"([{"type":"qbo.invoice.updated.v1","intuitaccountid":"1","intuitentityid":"2"}])")
        << u"lacks intuitaccountid, intuitentityid or id"_s;
}

void TestWebhookReceiver::unreadableQuickBooksDeliveryIsKeptAndAcknowledged()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, why);
    startReceiver();
    QSignalSpy changed(m_receiver.get(), &WebhookReceiver::changed);
    const Reply r = postQuickBooks(body);
    QCOMPARE(r.status, 200);
    const QJsonObject answer = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(answer.value(u"stored"_s).toInt(), 0);
    QVERIFY2(answer.value(u"unreadable"_s).toString().contains(why), r.body.constData());
    const QString key =
        u"unreadable/"_s + QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
    QCOMPARE(storedEvents(), QStringList{row(System::QuickBooks, key, body, T0, T0) + u" | error="_s
                                         + answer.value(u"unreadable"_s).toString()});
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(m_receiver->counters(System::QuickBooks).rejected, 1);
    QCOMPARE(m_receiver->counters(System::QuickBooks).lastProblem, answer.value(u"unreadable"_s).toString());
    // Sent again (Intuit retries what it thinks failed): kept once.
    QCOMPARE(postQuickBooks(body).status, 200);
    QCOMPARE(storedEvents().size(), 1);
}

void TestWebhookReceiver::unknownPathIs404()
{
    startReceiver();
    for (const QString &path : { u"/webhooks/stripe"_s, u"/webhooks"_s, u"/"_s,
                                 u"/webhooks/quickbooks/extra"_s, u"/webhooks/QuickBooks"_s }) {
        const Reply r = post(path, "{}", { { "intuit-signature", "x" } });
        QCOMPARE(r.status, 404);
        QVERIFY2(r.errorText().contains(u"no such webhook path"_s), r.body.constData());
    }
    QCOMPARE(storedEvents(), QStringList());
    for (System s : Domain::allSystems())
        QCOMPARE(m_receiver->counters(s).rejected, 0);
}

void TestWebhookReceiver::onlyPostIsAllowed()
{
    startReceiver();
    const QByteArray body = R"({"triggerEvent":"BOOKING_CREATED","payload":{"uid":"abc"}})";
    const QList<QByteArray> methods = { "GET", "PUT", "DELETE", "PATCH" };
    for (const QByteArray &method : methods) {
        // Even correctly signed.
        const Reply r =
            send(method, u"/webhooks/calcom"_s, method == "GET" ? QByteArray() : body,
                 { { "X-Cal-Signature-256", Sandbox::CalWebhookSender::sign(CalSecret, body) } });
        QCOMPARE(r.status, 405);
        QCOMPARE(r.allow, QByteArray("POST"));
    }
    QCOMPARE(storedEvents(), QStringList());
    QCOMPARE(m_receiver->counters(System::CalCom).rejected, 4);
    QCOMPARE(m_receiver->counters(System::CalCom).lastProblem,
             u"a PATCH request (webhooks are POSTed)"_s);
}

void TestWebhookReceiver::bodyOver1MiBIs413()
{
    startReceiver();
    // Signed, so only the size can be the reason.
    QByteArray tooLarge(WebhookReceiver::kMaxBodyBytes + 1, ' ');
    Reply r = postQuickBooks(tooLarge);
    QCOMPARE(r.status, 413);
    QCOMPARE(r.errorText(), u"body larger than 1 MiB"_s);
    QCOMPARE(m_receiver->counters(System::QuickBooks).rejected, 1);
    // Exactly 1 MiB is read (and refused for what it is: not a booking event).
    const QByteArray exactly(WebhookReceiver::kMaxBodyBytes, ' ');
    r = postCalcom(exactly);
    QCOMPARE(r.status, 400);
    QCOMPARE(storedEvents(), QStringList());
}

void TestWebhookReceiver::refusalsAreLoggedOncePerCauseWithoutSecrets()
{
    startReceiver();
    const QByteArray body = R"({"triggerEvent":"BOOKING_CREATED","payload":{"uid":"abc"}})";
    const QByteArray wrongQbo = Sandbox::QboWebhookSender::sign("not-the-verifier", body);
    const QByteArray wrongCal = Sandbox::CalWebhookSender::sign(u"not-the-secret"_s, body);
    LogCapture log;
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(post(u"/webhooks/quickbooks"_s, body, { { "intuit-signature", wrongQbo } }).status,
                 401);
        QCOMPARE(post(u"/webhooks/quickbooks"_s, body).status, 401); // no header at all
        QCOMPARE(post(u"/webhooks/calcom"_s, body, { { "X-Cal-Signature-256", wrongCal } }).status,
                 401);
        QCOMPARE(postHubSpot("[]", {}, T0.addSecs(-3600).toMSecsSinceEpoch()).status, 401); // stale
        m_clock->advanceSecs(1); // another age: still the same cause
    }
    const QStringList lines = log.warnings(u"concord.sync.webhooks"_s);
    QCOMPARE(lines.size(), 4);
    QVERIFY2(lines.at(0).startsWith(u"QuickBooks Online webhook refused (HTTP 401): "_s),
             qPrintable(lines.at(0)));
    QVERIFY2(lines.at(0).contains(u"does not match"_s), qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).contains(u"header is missing"_s), qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).startsWith(u"Cal.com webhook refused (HTTP 401): "_s),
             qPrintable(lines.at(2)));
    QVERIFY2(lines.at(3).startsWith(u"HubSpot webhook refused (HTTP 401): "_s),
             qPrintable(lines.at(3)));
    QVERIFY2(lines.at(3).contains(u"more than 5 minutes"_s), qPrintable(lines.at(3)));
    // Nothing anywhere in the log gives a key or a signature away.
    const QString everything = log.all();
    for (const QString &secret :
         { QString::fromUtf8(Verifier), CalSecret, m_sandbox->hubspot().auth().clientSecret(),
           QString::fromLatin1(wrongQbo), QString::fromLatin1(wrongCal) }) {
        QVERIFY2(!everything.contains(secret), qPrintable(u"the log shows %1"_s.arg(secret)));
    }
    QCOMPARE(m_receiver->counters(System::QuickBooks).rejected, 6);
    QCOMPARE(m_receiver->counters(System::CalCom).rejected, 3);
    QCOMPARE(m_receiver->counters(System::HubSpot).rejected, 3);
    QCOMPARE(storedEvents(), QStringList());
}

// ---------------------------------------------------------------------------
// The HubSpot URI, the secrets, the life cycle

void TestWebhookReceiver::hubSpotUriBehindAProxy()
{
    startReceiver();
    const QByteArray event =
        R"([{"eventId":7,"subscriptionId":2002,"portalId":62515,"appId":1160452,)"
        R"("occurredAt":1773154800000,"subscriptionType":"contact.propertyChange",)"
        R"("attemptNumber":0,"objectId":501,"propertyName":"firstname","propertyValue":"Ada"}])";
    const QByteArray publicUri = "https://hooks.example.org/webhooks/hubspot";

    // A proxy in front: the URI HubSpot called comes from X-Forwarded-*.
    Reply r = postHubSpot(event, publicUri, 0,
                          { { "X-Forwarded-Proto", "https" },
                            { "X-Forwarded-Host", "hooks.example.org, 10.0.0.2" } });
    QCOMPARE(r.status, 200);
    // Signed over the public URI, but nothing says so: refused.
    r = postHubSpot(event, publicUri);
    QCOMPARE(r.status, 401);

    // With the public URL configured (a path prefix the proxy strips), the
    // forwarded headers no longer matter.
    m_receiver->setPublicUrl(QUrl(u"https://hooks.example.org/concord/"_s));
    QCOMPARE(m_receiver->publicUrl(), QUrl(u"https://hooks.example.org/concord"_s));
    r = postHubSpot(event, "https://hooks.example.org/concord/webhooks/hubspot", 0,
                    { { "X-Forwarded-Host", "elsewhere.example.org" } });
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray(R"({"repeats":1,"stored":0})"));
    // … and the emulator's loopback URI is now the wrong one.
    auto failed = failedSpy(System::HubSpot);
    causeChange(System::HubSpot);
    QVERIFY(failed->wait(10000));
    QCOMPARE(failed->at(0).at(0).toInt(), 401);

    QCOMPARE(storedEvents(),
             QStringList { row(System::HubSpot, u"2002/7/501/1773154800000"_s,
                               QJsonDocument(QJsonDocument::fromJson(event).array())
                                   .toJson(QJsonDocument::Compact)) });
}

void TestWebhookReceiver::hubSpotTargetWithAQuery()
{
    startReceiver();
    // HubSpot signs the target URL with its query, as configured.
    m_sandbox->hubspot().setWebhook(
        QUrl(u"http://127.0.0.1:%1/webhooks/hubspot?tenant=north&key=a%2Fb"_s.arg(
            m_receiver->port())),
        m_sandbox->hubspot().auth().clientSecret().toUtf8());
    auto delivered = deliveredSpy(System::HubSpot);
    auto failed = failedSpy(System::HubSpot);
    causeChange(System::HubSpot);
    QTRY_COMPARE_WITH_TIMEOUT(delivered->count() + failed->count(), 1, 10000);
    QCOMPARE(failed->count(), 0);
    QCOMPARE(storedEvents().size(), 1);
}

void TestWebhookReceiver::secretsAreReadAsynchronously()
{
    SlowSecretStore keychain;
    keychain.values.insert(Security::SecretName::CalcomWebhookSecret.toString(), CalSecret);
    startReceiver(&keychain);
    QVERIFY(!m_receiver->hasLoadedSecrets());
    QCOMPARE(keychain.pending(), 3);

    // Until the keychain answers: "try again shortly", nothing stored.
    const QByteArray body =
        R"({"triggerEvent":"BOOKING_CANCELLED","createdAt":"2026-03-10T14:59:00.000Z",)"
        R"("payload":{"uid":"bk-1","status":"CANCELLED"}})";
    Reply r = postCalcom(body);
    QCOMPARE(r.status, 503);
    QCOMPARE(r.retryAfter, QByteArray("5"));
    QCOMPARE(storedEvents(), QStringList());

    QSignalSpy loaded(m_receiver.get(), &WebhookReceiver::secretsLoaded);
    keychain.answerAll();
    QVERIFY(loaded.wait(5000));
    QVERIFY(m_receiver->hasLoadedSecrets());
    r = postCalcom(body);
    QCOMPARE(r.status, 200);
    QCOMPARE(storedEvents(),
             QStringList {
                 row(System::CalCom, u"BOOKING_CANCELLED|bk-1|2026-03-10T14:59:00.000Z"_s, body) });
    // QuickBooks has no verifier in this keychain.
    QCOMPARE(postQuickBooks(R"({"eventNotifications":[]})").status, 401);

    // A reload keeps the values in use until the new answers arrive, and
    // announces itself once all three are in.
    m_receiver->reloadSecrets();
    QVERIFY(m_receiver->hasLoadedSecrets());
    QCOMPARE(keychain.pending(), 3);
    keychain.answerOne();
    QCOMPARE(postCalcom(body).status, 200); // the event loop ran: that answer is in
    QCOMPARE(loaded.count(), 1);
    keychain.answerAll();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(loaded.count(), 2);
}

void TestWebhookReceiver::failingSecretStoreRefuses()
{
    SlowSecretStore keychain;
    keychain.failReads = true;
    startReceiver(&keychain);
    QSignalSpy loaded(m_receiver.get(), &WebhookReceiver::secretsLoaded);
    keychain.answerAll();
    QVERIFY(loaded.wait(5000));
    const Reply r = postCalcom(R"({"triggerEvent":"BOOKING_CREATED","payload":{"uid":"abc"}})");
    QCOMPARE(r.status, 401);
    QCOMPARE(m_receiver->counters(System::CalCom).lastProblem,
             u"the secret store could not give CALCOM_WEBHOOK_SECRET: the keychain is locked"_s);
    QCOMPARE(storedEvents(), QStringList());
}

void TestWebhookReceiver::markInboundProcessedBeforeAfterAPoll()
{
    startReceiver();
    QSignalSpy changed(m_receiver.get(), &WebhookReceiver::changed);
    causeChange(System::QuickBooks);
    QVERIFY(changed.wait(10000));
    causeChange(System::CalCom);
    QVERIFY(changed.wait(10000));
    QCOMPARE_NAMES(qvariant_cast<System>(changed.at(0).at(0)), System::QuickBooks);
    QCOMPARE_NAMES(qvariant_cast<System>(changed.at(1).at(0)), System::CalCom);

    // The engine's QuickBooks poll starts 5 s later; meanwhile (at +3 s and
    // +8 s) more changes arrive.
    m_clock->advanceSecs(3);
    causeChange(System::QuickBooks);
    QVERIFY(changed.wait(10000));
    const QDateTime pollStart = T0.addSecs(5);
    m_clock->advanceSecs(5);
    causeChange(System::QuickBooks);
    QVERIFY(changed.wait(10000));
    QStringList before = storedEvents();
    QCOMPARE(before.size(), 4);

    // The poll finished at +20 s: what it covered is processed.
    m_clock->advanceSecs(12);
    Store::OperationsRepository operations(*m_db, *m_clock);
    QVERIFY_OK(operations.markInboundProcessedBefore(System::QuickBooks, pollStart));
    QStringList expected = before;
    const QString done = u"processed="_s + T0.addSecs(20).toString(Qt::ISODateWithMs);
    for (int i : { 0, 2 })
        expected[i].replace(u"processed=-"_s, done);
    QCOMPARE(storedEvents(), expected);
    QVERIFY(expected.at(2).contains(u"received="_s + T0.addSecs(3).toString(Qt::ISODateWithMs)));
    QVERIFY(expected.at(3).contains(u"received="_s + T0.addSecs(8).toString(Qt::ISODateWithMs)));
    auto count = operations.unprocessedInboundCount(System::QuickBooks);
    QVERIFY_OK(count);
    QCOMPARE(*count, 1);
    count = operations.unprocessedInboundCount(System::CalCom);
    QVERIFY_OK(count);
    QCOMPARE(*count, 1);
}

void TestWebhookReceiver::listenErrors()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost));
    WebhookReceiver receiver(*m_db, *m_secrets, *m_clock);

    const QString inUse = u"127.0.0.1:%1"_s.arg(taken.serverPort());
    Result<quint16> r = receiver.listen(inUse);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::InvalidConfig);
    QVERIFY2(r.error().message.startsWith(u"cannot listen for webhooks on %1: "_s.arg(inUse)),
             qPrintable(r.error().message));
    QVERIFY2(r.error().message.contains(u"already in use"_s, Qt::CaseInsensitive),
             qPrintable(r.error().message));
    QVERIFY(!receiver.isListening());

    r = receiver.listen(u"hooks.example.org:8790"_s);
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(u"'hooks.example.org' is not an IP address"_s),
             qPrintable(r.error().message));
    r = receiver.listen(u"8790"_s);
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(u"expected host:port"_s), qPrintable(r.error().message));
    r = receiver.listen(u"192.0.2.1:8790"_s); // TEST-NET-1: not an address of this machine
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(u"not available"_s, Qt::CaseInsensitive),
             qPrintable(r.error().message));

    r = receiver.listen(u"[::1]:0"_s);
    if (!r)
        QSKIP("no IPv6 loopback here");
    QVERIFY(*r != 0);
    const Result<quint16> again = receiver.listen(u"127.0.0.1:0"_s);
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(again.error().message.contains(u"[::1]:%1"_s.arg(*r)),
             qPrintable(again.error().message));
}

void TestWebhookReceiver::closeStopsListening()
{
    startReceiver();
    const quint16 port = m_receiver->port();
    QCOMPARE(postCalcom("{}").status, 400);
    m_receiver->close();
    QVERIFY(!m_receiver->isListening());
    QCOMPARE(m_receiver->port(), quint16(0));

    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/webhooks/calcom"_s.arg(port)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    std::unique_ptr<QNetworkReply> reply(m_nam->post(request, QByteArray("{}")));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->error(), QNetworkReply::ConnectionRefusedError);

    // The port is free again at once.
    const Result<quint16> again = m_receiver->listen(u"127.0.0.1:%1"_s.arg(port));
    QVERIFY_OK(again);
    QCOMPARE(*again, port);
    QCOMPARE(postCalcom(R"({"triggerEvent":"BOOKING_CREATED","payload":{"uid":"abc"}})").status,
             200);
    QCOMPARE(storedEvents().size(), 1);
}

QTEST_GUILESS_MAIN(TestWebhookReceiver)
#include "tst_webhookreceiver.moc"
