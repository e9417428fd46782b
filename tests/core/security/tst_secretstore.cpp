// Secret store tests, against a REAL Secret Service (gnome-keyring on a
// private D-Bus session) — run them through the wrapper:
//
//   tests/run-with-keyring.sh ctest -R secretstore --output-on-failure
//
// Without the wrapper the test fails on purpose: it never touches a real
// user's keyring. CONCORD_TEST_NO_KEYRING=1 skips the keychain cases (and runs
// the rest) where no secret service can exist.

#include "security/envsecretstore.h"
#include "security/keychainsecretstore.h"
#include "security/layeredsecretstore.h"
#include "security/secretnames.h"
#include "security/secretstore.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QProcessEnvironment>
#include <QScopeGuard>
#include <QTest>
#include <QUuid>

#include <chrono>
#include <memory>

using namespace Concord;
using namespace Concord::Security;
using namespace Qt::StringLiterals;

namespace {

// D-Bus round trips take milliseconds; the bound only guards against a hang.
constexpr int kTimeoutMs = 15000;

// "ok" or the error code's name, so QCOMPARE prints something readable.
template<typename T> QString codeOf(const Result<T> &result)
{
    return result ? u"ok"_s : errorCodeName(result.error().code);
}

QString randomSuffix()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Collects every Qt message (all categories, all levels) while alive, and
// still forwards them to Qt Test's own handler.
class LogCapture {
public:
    LogCapture()
    {
        s_lines.clear();
        s_previous = qInstallMessageHandler(&LogCapture::handle);
    }
    ~LogCapture() { qInstallMessageHandler(s_previous); }
    LogCapture(const LogCapture &) = delete;
    LogCapture &operator=(const LogCapture &) = delete;

    static QStringList lines()
    {
        QMutexLocker lock(&s_mutex);
        return s_lines;
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        {
            QMutexLocker lock(&s_mutex);
            s_lines.append(QString::fromUtf8(context.category ? context.category : "") + u": "_s
                           + message);
        }
        if (s_previous)
            s_previous(type, context, message);
    }

    static inline QMutex s_mutex;
    static inline QStringList s_lines;
    static inline QtMessageHandler s_previous = nullptr;
};

} // namespace

// Waits (event loop running, bounded) until a future has its one result.
#define AWAIT(future)                                                                              \
    QTRY_VERIFY_WITH_TIMEOUT((future).isFinished(), kTimeoutMs);                                   \
    QCOMPARE((future).resultCount(), 1)

#define REQUIRE_KEYCHAIN()                                                                         \
    if (m_skipKeychain)                                                                            \
    QSKIP("CONCORD_TEST_NO_KEYRING=1: keychain cases skipped")

class TestSecretStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void canonicalName_data();
    void canonicalName();
    void unknownNameListsValidNames();
    void unknownNameDoesNotEchoTokens();
    void knownNamesAndEnvironmentVariables();

    void keychainRoundTrip();
    void keychainMissingIsNotFound();
    void keychainRefusesBadInput();
    void keychainServicesAreSeparate();

    void envReadsAndRefusesWrites();
    void layeredPrecedence();
    void factory_data();
    void factory();

    void valuesNeverLogged();
    void waitForResultHelper();

private:
    // Removes every known name from `service`, waiting for each.
    void removeAll(const QString &service);

    bool m_skipKeychain = false;
    bool m_keychainReady = false; // initTestCase proved the service usable
    QString m_service; // this run's own keychain service
    QString m_otherService; // a second one, to show services are separate
};

void TestSecretStore::initTestCase()
{
    m_service = u"ConcordTest-"_s + randomSuffix();
    m_otherService = m_service + u"-other"_s;

    if (qEnvironmentVariable("CONCORD_TEST_NO_KEYRING") == u"1") {
        m_skipKeychain = true;
        qInfo("CONCORD_TEST_NO_KEYRING=1: keychain cases will be skipped");
        return;
    }
    if (qEnvironmentVariable("CONCORD_TEST_KEYRING_SANDBOX") != u"1") {
        QFAIL("no private secret service: run this test under tests/run-with-keyring.sh "
              "(it never uses your own keyring), or set CONCORD_TEST_NO_KEYRING=1 to skip the "
              "keychain cases");
    }

    // A usable service answers a write and a delete (a read alone is not
    // enough: D-Bus may activate a keyring daemon whose collection is locked).
    KeychainSecretStore probe(m_service);
    const auto unusable = [](const QString &why) {
        return u"no usable secret service (%1); run this test under tests/run-with-keyring.sh, "
               "or set CONCORD_TEST_NO_KEYRING=1 to skip the keychain cases"_s.arg(why);
    };
    QFuture<Status> written = probe.write(SecretName::HubSpotToken.toString(), u"probe"_s);
    QTRY_VERIFY2_WITH_TIMEOUT(written.isFinished(), qPrintable(unusable(u"no answer"_s)),
                              kTimeoutMs);
    QCOMPARE(written.resultCount(), 1);
    if (!written.result())
        QFAIL(qPrintable(unusable(written.result().error().toString())));
    QFuture<Status> removed = probe.remove(SecretName::HubSpotToken.toString());
    QTRY_VERIFY2_WITH_TIMEOUT(removed.isFinished(), qPrintable(unusable(u"no answer"_s)),
                              kTimeoutMs);
    QCOMPARE(removed.resultCount(), 1);
    if (!removed.result())
        QFAIL(qPrintable(unusable(removed.result().error().toString())));
    m_keychainReady = true;
}

void TestSecretStore::cleanupTestCase()
{
    if (!m_keychainReady)
        return;
    removeAll(m_service);
    removeAll(m_otherService);
}

void TestSecretStore::removeAll(const QString &service)
{
    KeychainSecretStore store(service);
    const QStringList names = knownSecretNames();
    for (const QString &name : names) {
        QFuture<Status> removed = store.remove(name);
        AWAIT(removed);
        QCOMPARE(codeOf(removed.result()), u"ok"_s);
    }
}

void TestSecretStore::canonicalName_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // empty: must be rejected

    QTest::newRow("canonical") << u"QUICKBOOKS_CLIENT_SECRET"_s << u"QUICKBOOKS_CLIENT_SECRET"_s;
    QTest::newRow("lower case") << u"quickbooks_client_secret"_s << u"QUICKBOOKS_CLIENT_SECRET"_s;
    QTest::newRow("env prefix") << u"CONCORD_QUICKBOOKS_CLIENT_SECRET"_s
                                << u"QUICKBOOKS_CLIENT_SECRET"_s;
    QTest::newRow("env prefix, lower") << u"concord_hubspot_token"_s << u"HUBSPOT_TOKEN"_s;
    QTest::newRow("dashes, blanks") << u"  calcom-api-key "_s << u"CALCOM_API_KEY"_s;
    QTest::newRow("mixed case") << u"HubSpot_Refresh_Token"_s << u"HUBSPOT_REFRESH_TOKEN"_s;
    QTest::newRow("webhook verifier")
        << u"quickbooks_webhook_verifier"_s << u"QUICKBOOKS_WEBHOOK_VERIFIER"_s;
    QTest::newRow("hubspot client secret")
        << u"HUBSPOT_CLIENT_SECRET"_s << u"HUBSPOT_CLIENT_SECRET"_s;
    QTest::newRow("calcom webhook secret")
        << u"CONCORD_CALCOM_WEBHOOK_SECRET"_s << u"CALCOM_WEBHOOK_SECRET"_s;
    QTest::newRow("refresh token")
        << u"quickbooks_refresh_token"_s << u"QUICKBOOKS_REFRESH_TOKEN"_s;
    QTest::newRow("typo") << u"HUBSPOT_TOKN"_s << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("prefix only") << u"CONCORD_"_s << QString();
    QTest::newRow("longer than a name") << u"QUICKBOOKS_CLIENT_SECRET_2"_s << QString();
    QTest::newRow("double prefix") << u"CONCORD_CONCORD_HUBSPOT_TOKEN"_s << QString();
    QTest::newRow("inner blank") << u"HUBSPOT TOKEN"_s << QString();
}

void TestSecretStore::canonicalName()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);

    const Result<QString> canonical = canonicalSecretName(input);
    if (expected.isEmpty()) {
        QCOMPARE(codeOf(canonical), errorCodeName(ErrorCode::InvalidArgument));
    } else {
        QCOMPARE(codeOf(canonical), u"ok"_s);
        QCOMPARE(*canonical, expected);
        QVERIFY(isKnownSecretName(*canonical));
    }
}

void TestSecretStore::unknownNameListsValidNames()
{
    const Result<QString> canonical = canonicalSecretName(u"HUBSPOT_TOKN");
    QVERIFY(!canonical);
    QCOMPARE(codeOf(canonical), errorCodeName(ErrorCode::InvalidArgument));
    const QString message = canonical.error().message;
    QVERIFY2(message.contains(u"'HUBSPOT_TOKN'"_s), qPrintable(message));
    const QStringList names = knownSecretNames();
    for (const QString &name : names)
        QVERIFY2(message.contains(name), qPrintable(name + u" missing from: "_s + message));
}

void TestSecretStore::unknownNameDoesNotEchoTokens()
{
    // Someone pastes a token where the name belongs.
    const QString token = u"pat-na1-0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"_s;
    const Result<QString> canonical = canonicalSecretName(token);
    QVERIFY(!canonical);
    QVERIFY2(!canonical.error().toString().contains(token),
             qPrintable(canonical.error().toString()));
    QVERIFY(!canonical.error().toString().contains(u"pat-na1"_s));
}

void TestSecretStore::knownNamesAndEnvironmentVariables()
{
    const QStringList expected {
        u"QUICKBOOKS_CLIENT_SECRET"_s,
        u"QUICKBOOKS_REFRESH_TOKEN"_s,
        u"QUICKBOOKS_WEBHOOK_VERIFIER"_s,
        u"HUBSPOT_TOKEN"_s,
        u"HUBSPOT_CLIENT_SECRET"_s,
        u"HUBSPOT_REFRESH_TOKEN"_s,
        u"CALCOM_API_KEY"_s,
        u"CALCOM_WEBHOOK_SECRET"_s,
    };
    QCOMPARE(knownSecretNames(), expected);
    for (const QString &name : expected) {
        QCOMPARE(secretEnvironmentVariable(name), u"CONCORD_"_s + name);
        QVERIFY2(!secretDescription(name).isEmpty(), qPrintable(name));
    }
    QCOMPARE(secretEnvironmentVariable(SecretName::CalcomApiKey), u"CONCORD_CALCOM_API_KEY"_s);
    QVERIFY(!isKnownSecretName(u"hubspot_token")); // canonical spelling only
    QVERIFY(secretDescription(u"NOPE").isEmpty());
}

void TestSecretStore::keychainRoundTrip()
{
    REQUIRE_KEYCHAIN();
    KeychainSecretStore store(m_service);
    QCOMPARE(store.service(), m_service);
    QCOMPARE(store.backendName(), u"keychain"_s);
    const QString name = SecretName::QuickBooksRefreshToken.toString();
    const QString first = u"refresh-1-"_s + randomSuffix();
    // Non-ASCII survives the trip (stored as UTF-8 text).
    const QString second = u"refresh-2-pässwörd-✓-🔑-"_s + randomSuffix();

    QFuture<Status> written = store.write(name, first);
    QVERIFY(!written.isFinished()); // the keychain answers from the event loop, never inline
    AWAIT(written);
    QCOMPARE(codeOf(written.result()), u"ok"_s);

    QFuture<Result<QString>> read = store.read(name);
    AWAIT(read);
    QCOMPARE(codeOf(read.result()), u"ok"_s);
    QCOMPARE(*read.result(), first);

    // Overwrite, then read back without waiting in between: jobs run in order.
    QFuture<Status> overwritten = store.write(u"concord_quickbooks_refresh_token"_s, second);
    QFuture<Result<QString>> reread = store.read(name);
    AWAIT(overwritten);
    QCOMPARE(codeOf(overwritten.result()), u"ok"_s);
    AWAIT(reread);
    QCOMPARE(codeOf(reread.result()), u"ok"_s);
    QCOMPARE(*reread.result(), second);

    QFuture<Result<QString>> where = store.locate(name);
    AWAIT(where);
    QCOMPARE(codeOf(where.result()), u"ok"_s);
    QCOMPARE(*where.result(), u"keychain"_s);
    QFuture<Result<bool>> present = store.contains(name);
    AWAIT(present);
    QCOMPARE(codeOf(present.result()), u"ok"_s);
    QCOMPARE(*present.result(), true);

    QFuture<Status> removed = store.remove(name);
    AWAIT(removed);
    QCOMPARE(codeOf(removed.result()), u"ok"_s);

    QFuture<Result<QString>> gone = store.read(name);
    AWAIT(gone);
    QCOMPARE(codeOf(gone.result()), errorCodeName(ErrorCode::NotFound));
    QFuture<Result<bool>> absent = store.contains(name);
    AWAIT(absent);
    QCOMPARE(codeOf(absent.result()), u"ok"_s);
    QCOMPARE(*absent.result(), false);

    // Removing what is not there is fine.
    QFuture<Status> removedAgain = store.remove(name);
    AWAIT(removedAgain);
    QCOMPARE(codeOf(removedAgain.result()), u"ok"_s);
}

void TestSecretStore::keychainMissingIsNotFound()
{
    REQUIRE_KEYCHAIN();
    KeychainSecretStore store(m_service);
    QFuture<Result<QString>> missing = store.read(SecretName::CalcomWebhookSecret.toString());
    AWAIT(missing);
    const Result<QString> result = missing.result();
    QCOMPARE(codeOf(result), errorCodeName(ErrorCode::NotFound)); // not ErrorCode::Secrets
    QVERIFY2(result.error().message.contains(u"CALCOM_WEBHOOK_SECRET"_s),
             qPrintable(result.error().message));
    QVERIFY2(result.error().detail.contains(m_service), qPrintable(result.error().detail));

    QFuture<Result<QString>> where = store.locate(SecretName::CalcomWebhookSecret.toString());
    AWAIT(where);
    QCOMPARE(codeOf(where.result()), u"ok"_s);
    QVERIFY(where.result()->isEmpty());
}

void TestSecretStore::keychainRefusesBadInput()
{
    REQUIRE_KEYCHAIN();
    KeychainSecretStore store(m_service);

    // Refused at once, before any keychain job exists.
    QFuture<Result<QString>> unknownRead = store.read(u"HUBSPOT_TOKN"_s);
    QVERIFY(unknownRead.isFinished());
    QCOMPARE(codeOf(unknownRead.result()), errorCodeName(ErrorCode::InvalidArgument));
    QVERIFY(unknownRead.result().error().message.contains(u"HUBSPOT_TOKEN"_s)); // lists valid names

    QFuture<Status> unknownWrite = store.write(u"NOT_A_SECRET"_s, u"x"_s);
    QVERIFY(unknownWrite.isFinished());
    QCOMPARE(codeOf(unknownWrite.result()), errorCodeName(ErrorCode::InvalidArgument));

    QFuture<Status> unknownRemove = store.remove(u"NOT_A_SECRET"_s);
    QVERIFY(unknownRemove.isFinished());
    QCOMPARE(codeOf(unknownRemove.result()), errorCodeName(ErrorCode::InvalidArgument));

    QFuture<Status> empty = store.write(SecretName::HubSpotToken.toString(), QString());
    QVERIFY(empty.isFinished());
    QCOMPARE(codeOf(empty.result()), errorCodeName(ErrorCode::InvalidArgument));
}

void TestSecretStore::keychainServicesAreSeparate()
{
    REQUIRE_KEYCHAIN();
    KeychainSecretStore mine(m_service);
    KeychainSecretStore other(m_otherService);
    const QString name = SecretName::HubSpotClientSecret.toString();

    QFuture<Status> written = mine.write(name, u"mine-"_s + randomSuffix());
    AWAIT(written);
    QCOMPARE(codeOf(written.result()), u"ok"_s);

    QFuture<Result<QString>> elsewhere = other.read(name);
    AWAIT(elsewhere);
    QCOMPARE(codeOf(elsewhere.result()), errorCodeName(ErrorCode::NotFound));

    QFuture<Status> removed = mine.remove(name);
    AWAIT(removed);
    QCOMPARE(codeOf(removed.result()), u"ok"_s);
}

void TestSecretStore::envReadsAndRefusesWrites()
{
    QProcessEnvironment environment;
    environment.insert(u"CONCORD_HUBSPOT_TOKEN"_s, u"env-token"_s);
    environment.insert(u"CONCORD_CALCOM_API_KEY"_s, QString()); // set but empty = not set
    environment.insert(u"HUBSPOT_TOKEN"_s, u"unprefixed"_s); // not ours
    EnvSecretStore store(environment);
    QCOMPARE(store.backendName(), u"env"_s);

    QFuture<Result<QString>> token = store.read(u"hubspot_token"_s);
    QVERIFY(token.isFinished());
    QCOMPARE(codeOf(token.result()), u"ok"_s);
    QCOMPARE(*token.result(), u"env-token"_s);

    QFuture<Result<QString>> empty = store.read(SecretName::CalcomApiKey.toString());
    QCOMPARE(codeOf(empty.result()), errorCodeName(ErrorCode::NotFound));
    QVERIFY2(empty.result().error().detail.contains(u"CONCORD_CALCOM_API_KEY"_s),
             qPrintable(empty.result().error().detail));

    QFuture<Result<QString>> unset = store.read(SecretName::QuickBooksClientSecret.toString());
    QCOMPARE(codeOf(unset.result()), errorCodeName(ErrorCode::NotFound));

    QFuture<Result<QString>> unknown = store.read(u"NOPE"_s);
    QCOMPARE(codeOf(unknown.result()), errorCodeName(ErrorCode::InvalidArgument));

    QFuture<Status> written = store.write(u"hubspot_token"_s, u"new-value"_s);
    QVERIFY(written.isFinished());
    QCOMPARE(codeOf(written.result()), errorCodeName(ErrorCode::Unsupported));
    QCOMPARE(
        written.result().error().message,
        u"environment secrets are read-only; set CONCORD_HUBSPOT_TOKEN in the service's environment"_s);
    QVERIFY(!written.result().error().toString().contains(u"new-value"_s));

    QFuture<Status> removed = store.remove(SecretName::CalcomApiKey.toString());
    QCOMPARE(codeOf(removed.result()), errorCodeName(ErrorCode::Unsupported));
    QVERIFY(removed.result().error().message.contains(u"CONCORD_CALCOM_API_KEY"_s));

    QFuture<Result<QString>> where = store.locate(SecretName::HubSpotToken.toString());
    QCOMPARE(codeOf(where.result()), u"ok"_s);
    QCOMPARE(*where.result(), u"env"_s);

    // The snapshot is taken at construction.
    qputenv("CONCORD_HUBSPOT_REFRESH_TOKEN", "from-process");
    EnvSecretStore process;
    qunsetenv("CONCORD_HUBSPOT_REFRESH_TOKEN");
    QFuture<Result<QString>> fromProcess = process.read(SecretName::HubSpotRefreshToken.toString());
    QCOMPARE(codeOf(fromProcess.result()), u"ok"_s);
    QCOMPARE(*fromProcess.result(), u"from-process"_s);
}

void TestSecretStore::layeredPrecedence()
{
    REQUIRE_KEYCHAIN();
    const QString both = SecretName::HubSpotToken.toString(); // env and keychain
    const QString keychainOnly = SecretName::CalcomApiKey.toString(); // keychain only
    const QString neither = SecretName::QuickBooksWebhookVerifier.toString();

    KeychainSecretStore keychain(m_service);
    QFuture<Status> seedBoth = keychain.write(both, u"keychain-token"_s);
    QFuture<Status> seedKeychainOnly = keychain.write(keychainOnly, u"keychain-key"_s);
    AWAIT(seedBoth);
    AWAIT(seedKeychainOnly);
    QCOMPARE(codeOf(seedBoth.result()), u"ok"_s);
    QCOMPARE(codeOf(seedKeychainOnly.result()), u"ok"_s);

    QProcessEnvironment environment;
    environment.insert(u"CONCORD_HUBSPOT_TOKEN"_s, u"env-token"_s);
    LayeredSecretStore layered(std::make_unique<EnvSecretStore>(environment),
                               std::make_unique<KeychainSecretStore>(m_service));
    QCOMPARE(layered.backendName(), u"env+keychain"_s);

    QFuture<Result<QString>> envWins = layered.read(both);
    AWAIT(envWins);
    QCOMPARE(codeOf(envWins.result()), u"ok"_s);
    QCOMPARE(*envWins.result(), u"env-token"_s);

    QFuture<Result<QString>> fallsThrough = layered.read(keychainOnly);
    AWAIT(fallsThrough);
    QCOMPARE(codeOf(fallsThrough.result()), u"ok"_s);
    QCOMPARE(*fallsThrough.result(), u"keychain-key"_s);

    QFuture<Result<QString>> missing = layered.read(neither);
    AWAIT(missing);
    QCOMPARE(codeOf(missing.result()), errorCodeName(ErrorCode::NotFound));
    const QString detail = missing.result().error().detail;
    QVERIFY2(detail.contains(u"CONCORD_QUICKBOOKS_WEBHOOK_VERIFIER"_s)
                 && detail.contains(m_service),
             qPrintable(detail));

    QFuture<Result<QString>> whereBoth = layered.locate(both);
    QFuture<Result<QString>> whereKeychain = layered.locate(keychainOnly);
    QFuture<Result<QString>> whereNeither = layered.locate(neither);
    AWAIT(whereBoth);
    AWAIT(whereKeychain);
    AWAIT(whereNeither);
    QCOMPARE(*whereBoth.result(), u"env"_s);
    QCOMPARE(*whereKeychain.result(), u"keychain"_s);
    QCOMPARE(*whereNeither.result(), QString());

    // Writes land in the keychain; the environment still wins on read.
    const QString newValue = u"written-through-layers-"_s + randomSuffix();
    QTest::ignoreMessage(
        QtWarningMsg,
        "secret HUBSPOT_TOKEN was written to the keychain, but CONCORD_HUBSPOT_TOKEN "
        "in the environment still takes precedence");
    QFuture<Status> written = layered.write(both, newValue);
    AWAIT(written);
    QCOMPARE(codeOf(written.result()), u"ok"_s);
    QFuture<Result<QString>> inKeychain = keychain.read(both);
    AWAIT(inKeychain);
    QCOMPARE(*inKeychain.result(), newValue);
    QFuture<Result<QString>> stillEnv = layered.read(both);
    AWAIT(stillEnv);
    QCOMPARE(*stillEnv.result(), u"env-token"_s);

    // Removal also goes to the keychain.
    QFuture<Status> removed = layered.remove(keychainOnly);
    AWAIT(removed);
    QCOMPARE(codeOf(removed.result()), u"ok"_s);
    QFuture<Result<QString>> removedRead = layered.read(keychainOnly);
    AWAIT(removedRead);
    QCOMPARE(codeOf(removedRead.result()), errorCodeName(ErrorCode::NotFound));

    QFuture<Status> cleanup = keychain.remove(both);
    AWAIT(cleanup);
    QCOMPARE(codeOf(cleanup.result()), u"ok"_s);
}

void TestSecretStore::factory_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("expected"); // backendName(), or empty for an error

    QTest::newRow("auto") << u"auto"_s << u"env+keychain"_s;
    QTest::newRow("keychain") << u"keychain"_s << u"keychain"_s;
    QTest::newRow("env") << u"env"_s << u"env"_s;
    QTest::newRow("case and blanks") << u" Keychain "_s << u"keychain"_s;
    QTest::newRow("unknown") << u"vault"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestSecretStore::factory()
{
    QFETCH(QString, backend);
    QFETCH(QString, expected);

    // Constructing stores touches no backend, so this runs without a keyring.
    const Result<std::unique_ptr<SecretStore>> store = SecretStore::create(backend, m_service);
    if (expected.isEmpty()) {
        QCOMPARE(codeOf(store), errorCodeName(ErrorCode::InvalidConfig));
        QVERIFY2(store.error().message.contains(u"expected auto, keychain or env"_s),
                 qPrintable(store.error().message));
        QVERIFY(store.error().message.contains(u"'%1'"_s.arg(backend)));
    } else {
        QCOMPARE(codeOf(store), u"ok"_s);
        QVERIFY(*store);
        QCOMPARE((*store)->backendName(), expected);
    }
    QCOMPARE(SecretStore::defaultKeychainService(), u"Concord"_s);
}

void TestSecretStore::valuesNeverLogged()
{
    REQUIRE_KEYCHAIN();
    // Every level of every Concord category, so debug lines are checked too.
    QLoggingCategory::setFilterRules(u"concord.*=true"_s);
    const auto restoreRules = qScopeGuard([] { QLoggingCategory::setFilterRules(QString()); });

    const QString value = u"never-log-me-"_s + randomSuffix();
    QList<Error> errors;
    {
        LogCapture capture;

        KeychainSecretStore keychain(m_service);
        const QString name = SecretName::QuickBooksClientSecret.toString();
        QFuture<Status> written = keychain.write(name, value);
        AWAIT(written);
        QCOMPARE(codeOf(written.result()), u"ok"_s);
        QFuture<Result<QString>> read = keychain.read(name);
        AWAIT(read);
        QCOMPARE(*read.result(), value);
        QFuture<Result<QString>> where = keychain.locate(name);
        AWAIT(where);

        // The environment holds it too: the layered write warns about
        // precedence, naming the variable but never the value.
        QProcessEnvironment environment;
        environment.insert(u"CONCORD_QUICKBOOKS_CLIENT_SECRET"_s, value);
        LayeredSecretStore layered(std::make_unique<EnvSecretStore>(environment),
                                   std::make_unique<KeychainSecretStore>(m_service));
        QFuture<Status> shadowed = layered.write(name, value);
        AWAIT(shadowed);
        QCOMPARE(codeOf(shadowed.result()), u"ok"_s);
        QFuture<Result<QString>> layeredRead = layered.read(name);
        AWAIT(layeredRead);
        QCOMPARE(*layeredRead.result(), value);

        EnvSecretStore env(environment);
        QFuture<Status> refused = env.write(name, value);
        QVERIFY(!refused.result());
        errors.append(refused.result().error());

        QFuture<Status> removed = keychain.remove(name);
        AWAIT(removed);
        QCOMPARE(codeOf(removed.result()), u"ok"_s);
        QFuture<Result<QString>> gone = keychain.read(name);
        AWAIT(gone);
        QVERIFY(!gone.result());
        errors.append(gone.result().error());

        const Result<QString> pasted = canonicalSecretName(value);
        QVERIFY(!pasted);
        errors.append(pasted.error());

        const QStringList lines = LogCapture::lines();
        // The capture works and the stores did log (names and outcomes) ...
        QVERIFY2(lines.size() >= 4, qPrintable(lines.join(u'\n')));
        QVERIFY2(lines.join(u'\n').contains(u"QUICKBOOKS_CLIENT_SECRET"_s),
                 qPrintable(lines.join(u'\n')));
        QVERIFY2(lines.join(u'\n').contains(u"takes precedence"_s), qPrintable(lines.join(u'\n')));
        // ... but never the value.
        for (const QString &line : lines)
            QVERIFY2(!line.contains(value), "a secret value reached the log");
    }
    for (const Error &error : errors)
        QVERIFY2(!error.toString().contains(value), "a secret value reached an error message");
}

void TestSecretStore::waitForResultHelper()
{
    using namespace std::chrono_literals;

    // Already finished (environment).
    QProcessEnvironment environment;
    environment.insert(u"CONCORD_HUBSPOT_TOKEN"_s, u"env-token"_s);
    EnvSecretStore env(environment);
    const Result<QString> token = waitForResult(env.read(SecretName::HubSpotToken.toString()));
    QCOMPARE(codeOf(token), u"ok"_s);
    QCOMPARE(*token, u"env-token"_s);

    // Abandoned: the promise goes away unfinished.
    QFuture<Result<QString>> abandoned;
    {
        QPromise<Result<QString>> promise;
        promise.start();
        abandoned = promise.future();
    }
    const Result<QString> fromAbandoned = waitForResult(abandoned);
    QCOMPARE(codeOf(fromAbandoned), errorCodeName(ErrorCode::Secrets));

    // Never answered: the timeout turns into an error.
    QPromise<Status> silent;
    silent.start();
    const Status timedOut = waitForResult(silent.future(), 50ms);
    QCOMPARE(codeOf(timedOut), errorCodeName(ErrorCode::Secrets));
    QVERIFY2(timedOut.error().message.contains(u"did not answer"_s),
             qPrintable(timedOut.error().message));
    silent.finish();

    // A real keychain round trip, the way the CLI does it.
    REQUIRE_KEYCHAIN();
    KeychainSecretStore keychain(m_service);
    const QString name = SecretName::HubSpotRefreshToken.toString();
    QCOMPARE(codeOf(waitForResult(keychain.write(name, u"cli-value"_s))), u"ok"_s);
    const Result<QString> read = waitForResult(keychain.read(name));
    QCOMPARE(codeOf(read), u"ok"_s);
    QCOMPARE(*read, u"cli-value"_s);
    QCOMPARE(codeOf(waitForResult(keychain.remove(name))), u"ok"_s);
    QCOMPARE(codeOf(waitForResult(keychain.read(name))), errorCodeName(ErrorCode::NotFound));
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
