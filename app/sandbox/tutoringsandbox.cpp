#include "tutoringsandbox.h"

#include "calcom/calcomemulator.h"
#include "hubspot/hubspotemulator.h"
#include "quickbooks/quickbooksemulator.h"
#include "security/memorysecretstore.h"
#include "security/secretnames.h"

#include <QLoggingCategory>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Concord::Sandbox {

namespace {

Q_LOGGING_CATEGORY(lcSandbox, "concord.sandbox", QtInfoMsg)

} // namespace

TutoringSandbox::TutoringSandbox(QObject *parent)
    : QObject(parent)
{
}

// The emulators are destroyed (their servers closed) before QObject's
// destructor would look at the children: unique_ptr members go first.
TutoringSandbox::~TutoringSandbox() = default;

Status TutoringSandbox::start()
{
    return start(Options {});
}

Status TutoringSandbox::start(const Options &options)
{
    if (m_quickbooks)
        return fail(ErrorCode::Internal, u"the sandbox was already started"_s);
    m_options = options;
    if (!m_options.today.isValid())
        m_options.today = QDate::currentDate();

    // Parented as well as owned, so a thread change before start() would
    // carry them along; the unique_ptrs delete them first on destruction.
    m_quickbooks = std::make_unique<QuickBooksEmulator>(this);
    m_hubspot = std::make_unique<HubSpotEmulator>(this);
    m_calcom = std::make_unique<CalcomEmulator>(this);
    if (m_options.clock) {
        // Before the realm exists: QuickBooks' realms and tokens keep the
        // clock they were made with.
        m_quickbooks->setClock(m_options.clock);
        m_hubspot->setClock(m_options.clock);
        m_calcom->setClock(m_options.clock);
    }
    setApiDelay(m_apiDelayMs);
    setTimeScale(m_timeScale);

    if (!m_quickbooks->listen(m_options.quickbooksPort)) {
        return fail(ErrorCode::Unsupported,
                    u"the QuickBooks emulator cannot listen on 127.0.0.1:%1"_s.arg(
                        m_options.quickbooksPort));
    }
    if (!m_hubspot->listen(m_options.hubspotPort)) {
        return fail(
            ErrorCode::Unsupported,
            m_options.hubspotPort
                ? u"the HubSpot emulator cannot listen on 127.0.0.1:%1"_s.arg(m_options.hubspotPort)
                : u"the HubSpot emulator cannot listen on 127.0.0.1"_s);
    }
    if (!m_calcom->listen(m_options.calcomPort)) {
        return fail(
            ErrorCode::Unsupported,
            m_options.calcomPort
                ? u"the Cal.com emulator cannot listen on 127.0.0.1:%1"_s.arg(m_options.calcomPort)
                : u"the Cal.com emulator cannot listen on 127.0.0.1"_s);
    }

    const QString realm = kRealmId.toString();
    m_quickbooks->addRealm(realm);
    m_quickbooks->auth().setClientCredentials(kClientId.toString(), kClientSecret.toString());
    const auto tokens = m_quickbooks->issueTokens(realm);

    m_endpoints = Endpoints {};
    m_endpoints.calcomApiKey = kCalcomApiKey.toString();
    if (Status seeded = m_options.seed == Seed::Tutoring ? seedTutoring() : seedEmpty(); !seeded)
        return seeded;

    m_endpoints.quickbooks = m_quickbooks->baseUrl();
    m_endpoints.quickbooksToken = m_quickbooks->tokenUrl();
    m_endpoints.quickbooksRealmId = realm;
    m_endpoints.quickbooksClientId = kClientId.toString();
    m_endpoints.quickbooksClientSecret = kClientSecret.toString();
    m_endpoints.quickbooksRefreshToken = tokens.refreshToken;
    m_endpoints.quickbooksAccessToken = tokens.accessToken;
    m_endpoints.hubspot = m_hubspot->baseUrl();
    m_endpoints.hubspotToken = m_hubspot->tokenUrl();
    m_endpoints.hubspotPrivateAppToken = m_hubspot->auth().defaultPrivateAppToken();
    m_endpoints.calcom = m_calcom->baseUrl();
    m_started = true;
    qCInfo(lcSandbox).noquote() << "sandbox running:" << m_endpoints.quickbooks.toString()
                                << m_endpoints.hubspot.toString() << m_endpoints.calcom.toString()
                                << "seed"
                                << (m_options.seed == Seed::Tutoring ? "tutoring" : "empty")
                                << "today" << m_options.today.toString(Qt::ISODate);
    return {};
}

Status TutoringSandbox::seedTutoring()
{
    // One roster for all three: the same people, sessions and money everywhere.
    m_roster = TutoringRoster::build(m_options.today, m_options.newFamily);
    auto books =
        seedQuickBooksTutoring(*m_quickbooks, kRealmId.toString(), m_roster, m_options.today);
    if (!books)
        return std::unexpected(books.error());
    m_report.quickbooks = *books;
    auto crm = seedHubSpotTutoring(*m_hubspot, m_roster);
    if (!crm)
        return std::unexpected(crm.error());
    m_report.hubspot = *crm;
    auto scheduler = seedCalcomTutoring(*m_calcom, m_roster, kCalcomApiKey.toString());
    if (!scheduler)
        return std::unexpected(scheduler.error());
    m_report.calcom = *scheduler;
    m_endpoints.calcomApiKey = scheduler->apiKey; // the owner's, as the seed made it
    return {};
}

Status TutoringSandbox::seedEmpty()
{
    // Empty, but usable: one Cal.com user who owns the API key.
    CalUser user;
    user.username = u"owner"_s;
    user.email = u"owner@sandbox.example"_s;
    user.name = u"Sandbox Owner"_s;
    const qint64 owner = m_calcom->addUser(user);
    m_calcom->addApiKey(kCalcomApiKey.toString(), owner);
    return {};
}

QuickBooksEmulator &TutoringSandbox::quickbooks()
{
    Q_ASSERT_X(m_quickbooks, "TutoringSandbox::quickbooks", "start() first");
    return *m_quickbooks;
}

HubSpotEmulator &TutoringSandbox::hubspot()
{
    Q_ASSERT_X(m_hubspot, "TutoringSandbox::hubspot", "start() first");
    return *m_hubspot;
}

CalcomEmulator &TutoringSandbox::calcom()
{
    Q_ASSERT_X(m_calcom, "TutoringSandbox::calcom", "start() first");
    return *m_calcom;
}

Config TutoringSandbox::config(const QString &storeUrl) const
{
    Config config = Config::defaults();
    config.storeUrl = storeUrl;
    config.quickbooksBaseUrl = m_endpoints.quickbooks;
    config.quickbooksRealmId = m_endpoints.quickbooksRealmId;
    config.quickbooksTokenUrl = m_endpoints.quickbooksToken;
    config.quickbooksClientId = m_endpoints.quickbooksClientId;
    config.hubspotBaseUrl = m_endpoints.hubspot;
    config.hubspotTokenUrl = m_endpoints.hubspotToken;
    config.hubspotAuth = u"private_app"_s;
    config.calcomBaseUrl = m_endpoints.calcom;
    config.defaultRegion = u"US"_s; // the roster's phone numbers are US numbers
    if (!m_roster.businessTimeZone.isEmpty())
        config.businessTimeZone = m_roster.businessTimeZone;
    return config;
}

std::unique_ptr<Security::SecretStore> TutoringSandbox::secrets() const
{
    using namespace Security;
    auto store = std::make_unique<MemorySecretStore>();
    const bool started = m_started;
    const std::pair<QStringView, QString> values[] = {
        { SecretName::QuickBooksClientSecret, m_endpoints.quickbooksClientSecret },
        { SecretName::QuickBooksRefreshToken, m_endpoints.quickbooksRefreshToken },
        { SecretName::HubSpotToken, m_endpoints.hubspotPrivateAppToken },
        { SecretName::CalcomApiKey, m_endpoints.calcomApiKey },
        { SecretName::QuickBooksWebhookVerifier,
          started ? kQuickBooksWebhookVerifier.toString() : QString() },
        { SecretName::HubSpotClientSecret, started ? m_hubspot->auth().clientSecret() : QString() },
        { SecretName::CalcomWebhookSecret, started ? kCalcomWebhookSecret.toString() : QString() },
    };
    for (const auto &[name, value] : values) {
        if (value.isEmpty())
            continue; // not started: nothing to hand out
        // MemorySecretStore answers at once; a refusal here is a bug.
        const Status written = store->write(name.toString(), value).result();
        Q_ASSERT_X(written.has_value(), "TutoringSandbox::secrets",
                   "the memory store refused a known name");
    }
    return store;
}

void TutoringSandbox::setWebhookTarget(const QUrl &receiverBase)
{
    Q_ASSERT_X(m_started, "TutoringSandbox::setWebhookTarget", "start() first");
    if (!m_started)
        return;
    m_webhookTarget = receiverBase;
    if (m_calcomWebhookId != 0) {
        m_calcom->webhooks()->removeSubscription(m_calcomWebhookId);
        m_calcomWebhookId = 0;
    }
    if (!receiverBase.isValid() || receiverBase.isEmpty()) {
        // An invalid URL leaves both senders unconfigured: nothing is sent.
        m_quickbooks->setWebhook(QUrl(), QByteArray());
        m_hubspot->setWebhook(QUrl(), QByteArray());
        qCInfo(lcSandbox) << "sandbox webhooks off";
        return;
    }
    const auto target = [&receiverBase](QStringView system) {
        QUrl url = receiverBase.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
        url.setPath(url.path() + u"/webhooks/"_s + system.toString());
        return url;
    };
    m_quickbooks->setWebhook(target(u"quickbooks"), kQuickBooksWebhookVerifier.toUtf8());
    m_hubspot->setWebhook(target(u"hubspot"), m_hubspot->auth().clientSecret().toUtf8());
    // Every booking trigger Cal.com has (hubspot-calcom.md B5), not only the
    // ones the emulator sends today.
    static const QStringList bookingTriggers = {
        u"BOOKING_CREATED"_s,          u"BOOKING_PAYMENT_INITIATED"_s, u"BOOKING_PAID"_s,
        u"BOOKING_RESCHEDULED"_s,      u"BOOKING_REQUESTED"_s,         u"BOOKING_CANCELLED"_s,
        u"BOOKING_REJECTED"_s,         u"BOOKING_NO_SHOW_UPDATED"_s,   u"BOOKING_LOCATION_UPDATED"_s,
        u"BOOKING_REASSIGNED"_s,
    };
    m_calcomWebhookId =
        m_calcom->addWebhook(target(u"calcom"), kCalcomWebhookSecret.toString(), bookingTriggers);
    qCInfo(lcSandbox).noquote() << "sandbox webhooks go to" << target(u"quickbooks").toString()
                                << target(u"hubspot").toString() << target(u"calcom").toString();
}

Status TutoringSandbox::writePortsFile(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_endpoints.toJson()) < 0
        || !file.commit()) {
        return fail(
            ErrorCode::InvalidArgument,
            u"cannot write the ports file %1: %2"_s.arg(file.fileName(), file.errorString()));
    }
    return {};
}

void TutoringSandbox::setApiDelay(int ms)
{
    m_apiDelayMs = ms > 0 ? ms : 0;
    if (!m_quickbooks)
        return; // applied by start()
    m_quickbooks->setApiDelay(m_apiDelayMs);
    m_hubspot->setApiDelay(m_apiDelayMs);
    m_calcom->setApiDelay(m_apiDelayMs);
}

void TutoringSandbox::setTimeScale(double scale)
{
    m_timeScale = scale;
    if (!m_quickbooks)
        return; // applied by start()
    m_quickbooks->setTimeScale(scale);
    m_hubspot->setTimeScale(scale);
    m_calcom->setTimeScale(scale);
}

} // namespace Concord::Sandbox
