// The embedded sandbox as its users see it (concord-cli sandbox, concord
// --demo, the sync engine's end-to-end tests): three seeded emulators reached
// through the real clients, built from config() and secrets() exactly as
// production builds them from a configuration file and a keychain.

#include "calcom/calcomemulator.h"
#include "common/clock.h"
#include "connectors/calcom/calcomclient.h"
#include "connectors/http/httpexecutor.h"
#include "connectors/http/ratelimiter.h"
#include "connectors/hubspot/apiversion.h"
#include "connectors/hubspot/hubspotclient.h"
#include "connectors/oauth/oauthsettings.h"
#include "connectors/oauth/tokenmanager.h"
#include "connectors/quickbooks/customer.h"
#include "connectors/quickbooks/invoice.h"
#include "connectors/quickbooks/querybuilder.h"
#include "connectors/quickbooks/quickbooksclient.h"
#include "domainprinters.h"
#include "hubspot/hubspotemulator.h"
#include "planhttpserver.h"
#include "quickbooks/qboreply.h"
#include "quickbooks/quickbooksemulator.h"
#include "security/secretnames.h"
#include "security/secretstore.h"
#include "tutoringsandbox.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using Concord::Sandbox::TutoringRoster;
using Concord::Sandbox::TutoringSandbox;

// Waits (event loop running, no sleep) for a QFuture<Result<T>> and verifies it succeeded.
#define AWAIT_OK(future)                                                                           \
    do {                                                                                           \
        QTRY_VERIFY_WITH_TIMEOUT((future).isFinished(), 20000);                                    \
        QVERIFY_OK((future).result());                                                             \
    } while (false)

namespace {

const QDate Today(2026, 3, 10); // a Tuesday; the roster's "today", fixed

// The three clients wired as the CLI's openSession() wires them: settings
// from the Config, credentials from the SecretStore, one executor and one
// rate limiter on this thread.
struct Clients {
    explicit Clients(const Config &config, Security::SecretStore &secrets)
        : executor(&network, Clock::system())
        , limiter(Clock::system())
        , tokens(Connectors::OAuth::OAuthSettings::quickBooks(config.quickbooksClientId,
                                                              config.quickbooksTokenUrl),
                 executor, secrets, Clock::system())
        , quickbooks(QuickBooks::QuickBooksClientSettings::fromConfig(config), executor, limiter,
                     tokens, Clock::system())
        , hubspot(HubSpot::HubSpotClientSettings::fromConfig(config), executor, limiter, secrets,
                  Clock::system())
    {
        // Cal.com's key is read once, up front, as the CLI does.
        const Result<QString> key =
            Security::waitForResult(secrets.read(Security::SecretName::CalcomApiKey.toString()));
        calcom = std::make_unique<Calcom::CalcomClient>(
            Calcom::CalcomClientSettings::fromConfig(config), key.value_or(QString()), executor,
            limiter, Clock::system());
    }

    QNetworkAccessManager network;
    Connectors::HttpExecutor executor;
    Connectors::RateLimiter limiter;
    Connectors::OAuth::TokenManager tokens;
    QuickBooks::QuickBooksClient quickbooks;
    HubSpot::HubSpotClient hubspot;
    std::unique_ptr<Calcom::CalcomClient> calcom;
};

TutoringSandbox::Options optionsFor(TutoringSandbox::Seed seed)
{
    TutoringSandbox::Options options;
    options.seed = seed;
    options.today = Today;
    return options;
}

} // namespace

class TestTutoringSandbox : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tutoringSeedAnswersThroughTheRealClients()
    {
        TutoringSandbox sandbox;
        QVERIFY_OK(sandbox.start(optionsFor(TutoringSandbox::Seed::Tutoring)));
        QCOMPARE(sandbox.today(), Today);
        const TutoringRoster roster = TutoringRoster::build(Today);
        QCOMPARE(sandbox.roster().sessions.size(), roster.sessions.size());

        QTemporaryDir dir;
        const Config config = sandbox.config(u"sqlite://"_s + dir.filePath(u"t.sqlite"_s));
        QCOMPARE(config.quickbooksBaseUrl, sandbox.quickbooks().baseUrl());
        QCOMPARE(config.quickbooksRealmId, u"9130357766012345"_s);
        QCOMPARE(config.hubspotBaseUrl, sandbox.hubspot().baseUrl());
        QCOMPARE(config.calcomBaseUrl, sandbox.calcom().baseUrl());
        QCOMPARE(config.businessTimeZone, roster.businessTimeZone);
        for (const QUrl &url :
             { config.quickbooksBaseUrl, config.quickbooksTokenUrl, config.hubspotBaseUrl,
               config.hubspotTokenUrl, config.calcomBaseUrl })
            QVERIFY_OK(Config::validateBaseUrl(url, u"sandbox"_s));
        const auto secrets = sandbox.secrets();
        QCOMPARE(secrets->backendName(), u"memory"_s);
        Clients clients(config, *secrets);

        // QuickBooks: one customer per parent plus the twins, one invoice per
        // session held or missed — the new family (Cal.com only) excepted.
        const auto known = std::count_if(roster.families.cbegin(), roster.families.cend(),
                                         [](const auto &f) { return TutoringRoster::isKnownEverywhere(f); });
        QCOMPARE(known, roster.families.size() - 1);
        const auto twins =
            std::count_if(roster.families.cbegin(), roster.families.cend(), [](const auto &f) {
                return f.quirk == TutoringRoster::Quirk::QuickBooksTwin;
            });
        const auto invoiced = std::count_if(roster.sessions.cbegin(), roster.sessions.cend(),
                                            [](const auto &s) { return s.invoiced; });
        auto company = clients.quickbooks.companyInfo();
        AWAIT_OK(company);
        auto customers = clients.quickbooks.count(
            QuickBooks::QueryBuilder::count(QuickBooks::Customer::kEntityName.toString()));
        AWAIT_OK(customers);
        QCOMPARE(*customers.result(), int(known + twins));
        QCOMPARE(*customers.result(), sandbox.seedReport().quickbooks->customers);
        auto invoices = clients.quickbooks.count(
            QuickBooks::QueryBuilder::count(QuickBooks::Invoice::kEntityName.toString()));
        AWAIT_OK(invoices);
        QCOMPARE(*invoices.result(), int(invoiced));

        // HubSpot: a contact per parent plus the second contacts; a plain
        // family reads back as the roster has it.
        const auto secondContacts =
            std::count_if(roster.families.cbegin(), roster.families.cend(), [](const auto &f) {
                return f.quirk == TutoringRoster::Quirk::HubSpotSecondContact;
            });
        auto all = clients.hubspot.search(HubSpot::ObjectType::Contacts, HubSpot::SearchRequest {});
        AWAIT_OK(all);
        QCOMPARE(all.result()->total, int(known + secondContacts));
        const auto plain =
            std::find_if(roster.families.cbegin(), roster.families.cend(),
                         [](const auto &f) { return f.quirk == TutoringRoster::Quirk::None; });
        QVERIFY(plain != roster.families.cend());
        auto found = clients.hubspot.findContactsByEmail(plain->parentEmail);
        AWAIT_OK(found);
        QCOMPARE(int(found.result()->size()), 1);
        QCOMPARE(found.result()->first().firstName, plain->parentGiven);
        QCOMPARE(found.result()->first().lastName, plain->parentFamily);

        // Cal.com: a booking per session, two for a reschedule (the old one
        // cancelled, pointing at the new one).
        const auto count = [&roster](TutoringRoster::SessionState state) {
            return int(std::count_if(roster.sessions.cbegin(), roster.sessions.cend(),
                                     [state](const auto &s) { return s.state == state; }));
        };
        const int rescheduled = count(TutoringRoster::SessionState::Rescheduled);
        const int canceled = count(TutoringRoster::SessionState::Canceled);
        QVERIFY(rescheduled > 0);
        auto me = clients.calcom->me();
        AWAIT_OK(me);
        auto bookings = clients.calcom->bookingChangesSince(Today.addYears(-1).startOfDay(Qt::UTC));
        AWAIT_OK(bookings);
        const QList<Calcom::Booking> rows = bookings.result()->bookings;
        QCOMPARE(int(rows.size()), int(roster.sessions.size()) + rescheduled);
        QCOMPARE(int(std::count_if(
                     rows.cbegin(), rows.cend(),
                     [](const auto &b) { return b.status == Calcom::BookingStatus::Cancelled; })),
                 canceled + rescheduled);
        QCOMPARE(int(std::count_if(rows.cbegin(), rows.cend(),
                                   [](const auto &b) { return !b.rescheduledFromUid.isEmpty(); })),
                 rescheduled);
        QCOMPARE(int(rows.size()), sandbox.seedReport().calcom->bookings);
        // The new family's bookings reach the client with the address as typed.
        const auto &newcomer = roster.families.last();
        QCOMPARE(newcomer.quirk, TutoringRoster::Quirk::TypoEmailNewFamily);
        QCOMPARE(int(std::count_if(rows.cbegin(), rows.cend(),
                                   [&](const auto &b) {
                                       return !b.attendees.isEmpty() && b.attendees.first().email == newcomer.parentEmail;
                                   })),
                 int(std::count_if(roster.sessions.cbegin(), roster.sessions.cend(),
                                   [&](const auto &s) { return s.family == newcomer.index; })));
    }

    void secretsHoldTheSandboxCredentialsUnderTheClientsNames()
    {
        TutoringSandbox sandbox;
        QVERIFY_OK(sandbox.start(optionsFor(TutoringSandbox::Seed::Empty)));
        const auto secrets = sandbox.secrets();
        const TutoringSandbox::Endpoints &e = sandbox.endpoints();
        const QList<std::pair<QStringView, QString>> expected = {
            { Security::SecretName::QuickBooksClientSecret, e.quickbooksClientSecret },
            { Security::SecretName::QuickBooksRefreshToken, e.quickbooksRefreshToken },
            { Security::SecretName::HubSpotToken, e.hubspotPrivateAppToken },
            { Security::SecretName::CalcomApiKey, e.calcomApiKey },
            // What the webhook receiver verifies the emulators' deliveries with.
            { Security::SecretName::QuickBooksWebhookVerifier, TutoringSandbox::kQuickBooksWebhookVerifier.toString() },
            { Security::SecretName::HubSpotClientSecret, sandbox.hubspot().auth().clientSecret() },
            { Security::SecretName::CalcomWebhookSecret, TutoringSandbox::kCalcomWebhookSecret.toString() },
        };
        for (const auto &[name, value] : expected) {
            QVERIFY(!value.isEmpty());
            const Result<QString> read = Security::waitForResult(secrets->read(name.toString()));
            QVERIFY_OK(read);
            QCOMPARE(*read, value);
        }
        // Not set: the sandbox's HubSpot uses a private-app token, no OAuth.
        const Result<QString> missing = Security::waitForResult(
            secrets->read(Security::SecretName::HubSpotRefreshToken.toString()));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        // Each call gives its own store: a rotation in one leaves the other alone.
        QVERIFY_OK(
            Security::waitForResult(secrets->write(u"quickbooks_refresh_token"_s, u"rotated"_s)));
        QCOMPARE(*Security::waitForResult(sandbox.secrets()->read(
                     Security::SecretName::QuickBooksRefreshToken.toString())),
                 e.quickbooksRefreshToken);
    }

    void apiDelayIsAddedToEveryCall()
    {
        TutoringSandbox sandbox;
        sandbox.setApiDelay(150); // before start(): applied by it
        QVERIFY_OK(sandbox.start(optionsFor(TutoringSandbox::Seed::Empty)));
        QCOMPARE(sandbox.apiDelay(), 150);
        QCOMPARE(sandbox.quickbooks().apiDelay(), 150);
        QCOMPARE(sandbox.hubspot().apiDelay(), 150);
        QCOMPARE(sandbox.calcom().apiDelay(), 150);
        const Config config = sandbox.config(u"sqlite:///unused.sqlite"_s);
        const auto secrets = sandbox.secrets();
        Clients clients(config, *secrets);

        QElapsedTimer timer;
        timer.start();
        auto me = clients.calcom->me();
        AWAIT_OK(me);
        QVERIFY2(timer.elapsed() >= 150,
                 qPrintable(u"Cal.com answered in %1 ms"_s.arg(timer.elapsed())));
        timer.restart();
        auto account = clients.hubspot.accountInfo();
        AWAIT_OK(account);
        QVERIFY2(timer.elapsed() >= 150,
                 qPrintable(u"HubSpot answered in %1 ms"_s.arg(timer.elapsed())));
        timer.restart();
        auto company = clients.quickbooks.companyInfo(); // a token refresh, then the call
        AWAIT_OK(company);
        QVERIFY2(timer.elapsed() >= 300,
                 qPrintable(u"QuickBooks answered in %1 ms"_s.arg(timer.elapsed())));

        sandbox.setApiDelay(0);
        QCOMPARE(sandbox.quickbooks().apiDelay(), 0);
    }

    void adminPathsAreNotDelayed_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("admin");
        QTest::newRow("admin root") << u"/__admin"_s << true;
        QTest::newRow("admin action") << u"/__admin/actions/payment"_s << true;
        QTest::newRow("look-alike") << u"/__administrator"_s << false;
        QTest::newRow("api") << u"/v3/company/1/query"_s << false;
        QTest::newRow("token") << u"/oauth2/v1/tokens/bearer"_s << false;
    }

    void adminPathsAreNotDelayed()
    {
        QFETCH(QString, path);
        QFETCH(bool, admin);
        QCOMPARE(Sandbox::PlanHttpServer<Sandbox::QboReply>::isAdminPath(path), admin);
    }

    void emptySeedHasNoData()
    {
        TutoringSandbox sandbox;
        QVERIFY_OK(sandbox.start(optionsFor(TutoringSandbox::Seed::Empty)));
        QVERIFY(sandbox.roster().families.isEmpty());
        QVERIFY(!sandbox.seedReport().quickbooks && !sandbox.seedReport().hubspot
                && !sandbox.seedReport().calcom);
        const Config config = sandbox.config(u"sqlite:///unused.sqlite"_s);
        const auto secrets = sandbox.secrets();
        Clients clients(config, *secrets);

        auto customers = clients.quickbooks.count(
            QuickBooks::QueryBuilder::count(QuickBooks::Customer::kEntityName.toString()));
        AWAIT_OK(customers);
        QCOMPARE(*customers.result(), 0);
        auto invoices = clients.quickbooks.count(
            QuickBooks::QueryBuilder::count(QuickBooks::Invoice::kEntityName.toString()));
        AWAIT_OK(invoices);
        QCOMPARE(*invoices.result(), 0);
        auto contacts =
            clients.hubspot.search(HubSpot::ObjectType::Contacts, HubSpot::SearchRequest {});
        AWAIT_OK(contacts);
        QCOMPARE(contacts.result()->total, 0);
        auto me = clients.calcom->me(); // the key works: someone owns it
        AWAIT_OK(me);
        auto bookings = clients.calcom->bookingChangesSince(Today.addYears(-1).startOfDay(Qt::UTC));
        AWAIT_OK(bookings);
        QVERIFY(bookings.result()->bookings.isEmpty());
    }

    void portsFileKeepsTheCliContract()
    {
        TutoringSandbox sandbox;
        QVERIFY_OK(sandbox.start(optionsFor(TutoringSandbox::Seed::Tutoring)));
        QTemporaryDir dir;
        const QString path = dir.filePath(u"ports.json"_s);
        QVERIFY_OK(sandbox.writePortsFile(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject ports = QJsonDocument::fromJson(file.readAll()).object();
        // The keys other tools read (`concord-cli sandbox --ports-file`).
        const QStringList keys = { u"calcom"_s,
                                   u"calcomApiKey"_s,
                                   u"hubspot"_s,
                                   u"hubspotPrivateAppToken"_s,
                                   u"hubspotToken"_s,
                                   u"quickbooks"_s,
                                   u"quickbooksAccessToken"_s,
                                   u"quickbooksClientId"_s,
                                   u"quickbooksClientSecret"_s,
                                   u"quickbooksRealmId"_s,
                                   u"quickbooksRefreshToken"_s,
                                   u"quickbooksToken"_s };
        QCOMPARE(ports.keys(), keys);
        const TutoringSandbox::Endpoints &e = sandbox.endpoints();
        QCOMPARE(ports.value(u"quickbooks"_s).toString(), e.quickbooks.toString());
        QCOMPARE(ports.value(u"quickbooksRealmId"_s).toString(), u"9130357766012345"_s);
        QCOMPARE(ports.value(u"hubspot"_s).toString(), e.hubspot.toString());
        QCOMPARE(ports.value(u"calcom"_s).toString(), e.calcom.toString());
        QCOMPARE(ports.value(u"calcomApiKey"_s).toString(), e.calcomApiKey);
        QCOMPARE(QUrl(ports.value(u"quickbooks"_s).toString()).host(), u"127.0.0.1"_s);

        QVERIFY(!sandbox.writePortsFile(dir.filePath(u"no/such/folder/ports.json"_s)));
    }

    void givenPortTakenIsAnError()
    {
        TutoringSandbox first;
        QVERIFY_OK(first.start(optionsFor(TutoringSandbox::Seed::Empty)));
        TutoringSandbox::Options options = optionsFor(TutoringSandbox::Seed::Empty);
        options.quickbooksPort = first.quickbooks().port();
        TutoringSandbox second;
        // QHttpServer reports it too; the error value is what callers see.
        QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(u"listen failed"_s));
        const Status started = second.start(options);
        QVERIFY(!started);
        QVERIFY2(started.error().message.contains(
                     u"cannot listen on 127.0.0.1:%1"_s.arg(options.quickbooksPort)),
                 qPrintable(started.error().message));
    }
};

QTEST_GUILESS_MAIN(TestTutoringSandbox)
#include "tst_tutoringsandbox.moc"
