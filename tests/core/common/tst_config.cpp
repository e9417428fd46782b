// Config::load and Config::validateBaseUrl against real INI files in a
// temporary directory; every rejected file must give one line naming the
// file, the [group] key and what was expected.

#include "common/config.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Concord;
using namespace Qt::StringLiterals;

namespace {

QString codeOf(const Result<Config> &result)
{
    return result ? u"ok"_s : errorCodeName(result.error().code);
}

// Field of a loaded config by its INI spelling, for table-driven checks.
QString field(const Config &config, const QString &name)
{
    if (name == u"store/url")
        return config.storeUrl;
    if (name == u"quickbooks/base_url")
        return config.quickbooksBaseUrl.toString();
    if (name == u"quickbooks/realm_id")
        return config.quickbooksRealmId;
    if (name == u"quickbooks/token_url")
        return config.quickbooksTokenUrl.toString();
    if (name == u"quickbooks/client_id")
        return config.quickbooksClientId;
    if (name == u"quickbooks/minor_version")
        return QString::number(config.quickbooksMinorVersion);
    if (name == u"hubspot/base_url")
        return config.hubspotBaseUrl.toString();
    if (name == u"hubspot/token_url")
        return config.hubspotTokenUrl.toString();
    if (name == u"hubspot/client_id")
        return config.hubspotClientId;
    if (name == u"hubspot/auth")
        return config.hubspotAuth;
    if (name == u"hubspot/api_version")
        return config.hubspotApiVersion;
    if (name == u"hubspot/burst_limit")
        return QString::number(config.hubspotBurstLimit);
    if (name == u"calcom/base_url")
        return config.calcomBaseUrl.toString();
    if (name == u"webhooks/listen")
        return config.webhooksListen;
    if (name == u"webhooks/public_url")
        return config.webhooksPublicUrl;
    if (name == u"sync/default_region")
        return config.defaultRegion;
    if (name == u"sync/business_time_zone")
        return config.businessTimeZone;
    if (name == u"sync/pdf_cache")
        return config.pdfCacheEnabled ? u"true"_s : u"false"_s;
    if (name == u"sync/pdf_cache_dir")
        return config.pdfCacheDir;
    if (name == u"sync/pdf_retention_days")
        return QString::number(config.pdfRetentionDays);
    if (name == u"sync/lease_secs")
        return QString::number(config.syncLeaseSecs);
    if (name == u"secrets/backend")
        return config.secretsBackend;
    return u"<no such field %1>"_s.arg(name);
}

} // namespace

class TestConfig : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void defaults();
    void missingDefaultFileGivesDefaults();
    void defaultPathIsRead();
    void explicitMissingFileIsAnError();
    void directoryIsAnError();
    void fullFile();
    void partialFileKeepsDefaults();
    void accepted_data();
    void accepted();
    void rejected_data();
    void rejected();
    void formatError_data();
    void formatError();
    void everyProblemIsReported();
    void unknownGroupFarFromKnownIsTolerated();
    void validateBaseUrl_data();
    void validateBaseUrl();

private:
    // Writes `content` to a new file in the temp dir and returns its path.
    QString writeIni(const QByteArray &content);

    QTemporaryDir m_dir;
    int m_files = 0;
};

void TestConfig::initTestCase()
{
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
    // Default paths under ~/.qttest, never the user's real configuration.
    QStandardPaths::setTestModeEnabled(true);
}

QString TestConfig::writeIni(const QByteArray &content)
{
    // A fresh name per file: QSettings caches parsed files by path.
    const QString path = m_dir.filePath(u"concord-%1.ini"_s.arg(++m_files));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(content);
    return path;
}

void TestConfig::defaults()
{
    const Config config = Config::defaults();
    QVERIFY(config.sourcePath.isEmpty());
    QVERIFY2(config.storeUrl.startsWith(u"sqlite:///"_s), qPrintable(config.storeUrl));
    QVERIFY(config.storeUrl.endsWith(u"/concord.sqlite"_s));
    QCOMPARE(config.storeUrl, Config::defaultStoreUrl());
    QCOMPARE(config.quickbooksBaseUrl, QUrl(u"https://quickbooks.api.intuit.com"_s));
    QCOMPARE(config.quickbooksTokenUrl,
             QUrl(u"https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer"_s));
    QCOMPARE(config.quickbooksMinorVersion, 75);
    QCOMPARE(config.hubspotBaseUrl, QUrl(u"https://api.hubapi.com"_s));
    QCOMPARE(config.hubspotTokenUrl, QUrl(u"https://api.hubapi.com/oauth/v1/token"_s));
    QCOMPARE(config.calcomBaseUrl, QUrl(u"https://api.cal.com"_s));
    QVERIFY(config.webhooksListen.isEmpty());
    QVERIFY(config.webhooksPublicUrl.isEmpty());
    QCOMPARE(config.defaultRegion, u"US"_s);
    QCOMPARE(config.businessTimeZone, u"UTC"_s);
    QCOMPARE(config.pdfCacheEnabled, false);
    QCOMPARE(config.pdfCacheDir,
             QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/invoices"_s);
    QCOMPARE(config.pdfCacheDir, Config::defaultPdfCacheDir());
    QVERIFY2(QDir::isAbsolutePath(config.pdfCacheDir), qPrintable(config.pdfCacheDir));
    QCOMPARE(config.pdfRetentionDays, 365);
    QCOMPARE(config.secretsBackend, u"auto"_s);
    QVERIFY(Config::defaultPath().endsWith(u"/concord.ini"_s));

    // The defaults pass their own validation.
    for (const QUrl &url :
         { config.quickbooksBaseUrl, config.quickbooksTokenUrl, config.hubspotBaseUrl,
           config.hubspotTokenUrl, config.calcomBaseUrl }) {
        QVERIFY2(Config::validateBaseUrl(url, u"default"_s), qPrintable(url.toString()));
    }
}

void TestConfig::missingDefaultFileGivesDefaults()
{
    QFile::remove(Config::defaultPath());
    QVERIFY(!QFile::exists(Config::defaultPath()));
    const Result<Config> config = Config::load();
    QCOMPARE(codeOf(config), u"ok"_s);
    QVERIFY(config->sourcePath.isEmpty());
    QCOMPARE(config->storeUrl, Config::defaultStoreUrl());
}

void TestConfig::defaultPathIsRead()
{
    const QString path = Config::defaultPath();
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("[secrets]\nbackend=env\n");
    }
    const Result<Config> config = Config::load();
    QFile::remove(path);
    QCOMPARE(codeOf(config), u"ok"_s);
    QCOMPARE(config->secretsBackend, u"env"_s);
    QCOMPARE(config->sourcePath, QFileInfo(path).absoluteFilePath());
}

void TestConfig::explicitMissingFileIsAnError()
{
    const QString path = m_dir.filePath(u"does-not-exist.ini"_s);
    const Result<Config> config = Config::load(path);
    QCOMPARE(codeOf(config), errorCodeName(ErrorCode::InvalidConfig));
    QCOMPARE(config.error().message, u"%1: no such configuration file"_s.arg(path));
}

void TestConfig::directoryIsAnError()
{
    const Result<Config> config = Config::load(m_dir.path());
    QCOMPARE(codeOf(config), errorCodeName(ErrorCode::InvalidConfig));
    QVERIFY2(config.error().message.startsWith(m_dir.path() + u": "_s),
             qPrintable(config.error().message));
}

void TestConfig::fullFile()
{
    const QString path = writeIni(R"(; every key Concord reads
[store]
url=sqlite:///var/lib/concord/concord.sqlite

[quickbooks]
base_url=https://sandbox-quickbooks.api.intuit.com
realm_id=9130347596876886
token_url=https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer
client_id=ABcdEF123
minor_version=70

[hubspot]
base_url=http://127.0.0.1:8791
token_url=http://localhost:8791/oauth/v1/token
client_id=0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0

[calcom]
base_url=http://[::1]:8792/v2

[webhooks]
listen=0.0.0.0:8790

[sync]
default_region=gb
business_time_zone=Europe/London
pdf_cache=yes
pdf_cache_dir=/var/cache/concord/invoices
pdf_retention_days=90

[secrets]
backend=Keychain
)");
    QVERIFY(!path.isEmpty());
    const Result<Config> loaded = Config::load(path);
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().toString()));
    const Config &config = *loaded;
    QCOMPARE(config.sourcePath, path);
    QCOMPARE(config.storeUrl, u"sqlite:///var/lib/concord/concord.sqlite"_s);
    QCOMPARE(config.quickbooksBaseUrl, QUrl(u"https://sandbox-quickbooks.api.intuit.com"_s));
    QCOMPARE(config.quickbooksRealmId, u"9130347596876886"_s);
    QCOMPARE(config.quickbooksTokenUrl,
             QUrl(u"https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer"_s));
    QCOMPARE(config.quickbooksClientId, u"ABcdEF123"_s);
    QCOMPARE(config.quickbooksMinorVersion, 70);
    QCOMPARE(config.hubspotBaseUrl, QUrl(u"http://127.0.0.1:8791"_s));
    QCOMPARE(config.hubspotTokenUrl, QUrl(u"http://localhost:8791/oauth/v1/token"_s));
    QCOMPARE(config.hubspotClientId, u"0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"_s);
    QCOMPARE(config.calcomBaseUrl, QUrl(u"http://[::1]:8792/v2"_s));
    QCOMPARE(config.webhooksListen, u"0.0.0.0:8790"_s);
    QCOMPARE(config.defaultRegion, u"GB"_s);
    QCOMPARE(config.businessTimeZone, u"Europe/London"_s);
    QCOMPARE(config.pdfCacheEnabled, true);
    QCOMPARE(config.pdfCacheDir, u"/var/cache/concord/invoices"_s);
    QCOMPARE(config.pdfRetentionDays, 90);
    QCOMPARE(config.secretsBackend, u"keychain"_s);
}

void TestConfig::partialFileKeepsDefaults()
{
    const QString path = writeIni("[calcom]\nbase_url=https://cal.example.org\n");
    const Result<Config> config = Config::load(path);
    QCOMPARE(codeOf(config), u"ok"_s);
    const Config defaults = Config::defaults();
    QCOMPARE(config->calcomBaseUrl, QUrl(u"https://cal.example.org"_s));
    QCOMPARE(config->storeUrl, defaults.storeUrl);
    QCOMPARE(config->quickbooksBaseUrl, defaults.quickbooksBaseUrl);
    QCOMPARE(config->hubspotTokenUrl, defaults.hubspotTokenUrl);
    QCOMPARE(config->quickbooksMinorVersion, defaults.quickbooksMinorVersion);
    QCOMPARE(config->secretsBackend, defaults.secretsBackend);
}

void TestConfig::accepted_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");

    QTest::newRow("postgresql") << QByteArray(
        "[store]\nurl=postgresql://concord@db.internal:5433/concord\n")
                                << u"store/url"_s
                                << u"postgresql://concord@db.internal:5433/concord"_s;
    QTest::newRow("postgres alias") << QByteArray("[store]\nurl=postgres://concord@db/concord\n")
                                    << u"store/url"_s << u"postgres://concord@db/concord"_s;
    QTest::newRow("http on 127.x")
        << QByteArray("[quickbooks]\nbase_url=http://127.8.9.10:9000/qbo\n")
        << u"quickbooks/base_url"_s << u"http://127.8.9.10:9000/qbo"_s;
    QTest::newRow("listen ipv6") << QByteArray("[webhooks]\nlisten=\"[::1]:8790\"\n")
                                 << u"webhooks/listen"_s << u"[::1]:8790"_s;
    QTest::newRow("listen hostname") << QByteArray("[webhooks]\nlisten=localhost:65535\n")
                                     << u"webhooks/listen"_s << u"localhost:65535"_s;
    QTest::newRow("listen empty = off")
        << QByteArray("[webhooks]\nlisten=\n") << u"webhooks/listen"_s << QString();
    QTest::newRow("public url")
        << QByteArray("[webhooks]\npublic_url=https://hooks.example.org/concord\n")
        << u"webhooks/public_url"_s << u"https://hooks.example.org/concord"_s;
    QTest::newRow("public url loopback http")
        << QByteArray("[webhooks]\npublic_url=http://127.0.0.1:8790\n") << u"webhooks/public_url"_s
        << u"http://127.0.0.1:8790"_s;
    QTest::newRow("public url empty = none")
        << QByteArray("[webhooks]\npublic_url=\n") << u"webhooks/public_url"_s << QString();
    QTest::newRow("region lower case")
        << QByteArray("[sync]\ndefault_region=fr\n") << u"sync/default_region"_s << u"FR"_s;
    QTest::newRow("zone") << QByteArray("[sync]\nbusiness_time_zone=America/New_York\n")
                          << u"sync/business_time_zone"_s << u"America/New_York"_s;
    QTest::newRow("zone UTC") << QByteArray("[sync]\nbusiness_time_zone=UTC\n")
                              << u"sync/business_time_zone"_s << u"UTC"_s;
    QTest::newRow("minor low") << QByteArray("[quickbooks]\nminor_version=1\n")
                               << u"quickbooks/minor_version"_s << u"1"_s;
    QTest::newRow("minor high") << QByteArray("[quickbooks]\nminor_version=200\n")
                                << u"quickbooks/minor_version"_s << u"200"_s;
    QTest::newRow("backend env") << QByteArray("[secrets]\nbackend=env\n") << u"secrets/backend"_s
                                 << u"env"_s;
    QTest::newRow("blanks trimmed")
        << QByteArray("[secrets]\nbackend =  auto  \n") << u"secrets/backend"_s << u"auto"_s;
    // [hubspot]
    QTest::newRow("hubspot default auth") << QByteArray("[hubspot]\n") << u"hubspot/auth"_s << u"private_app"_s;
    QTest::newRow("hubspot oauth") << QByteArray("[hubspot]\nauth=OAuth\n") << u"hubspot/auth"_s << u"oauth"_s;
    QTest::newRow("hubspot private-app spelling")
        << QByteArray("[hubspot]\nauth=private-app\n") << u"hubspot/auth"_s << u"private_app"_s;
    QTest::newRow("hubspot default version") << QByteArray("[hubspot]\n") << u"hubspot/api_version"_s << u"v3"_s;
    QTest::newRow("hubspot V3") << QByteArray("[hubspot]\napi_version=V3\n") << u"hubspot/api_version"_s << u"v3"_s;
    QTest::newRow("hubspot dated") << QByteArray("[hubspot]\napi_version=2026-03\n") << u"hubspot/api_version"_s
                                   << u"2026-03"_s;
    QTest::newRow("hubspot september") << QByteArray("[hubspot]\napi_version=2027-09\n")
                                       << u"hubspot/api_version"_s << u"2027-09"_s;
    QTest::newRow("hubspot default burst") << QByteArray("[hubspot]\n") << u"hubspot/burst_limit"_s << u"100"_s;
    QTest::newRow("hubspot professional burst")
        << QByteArray("[hubspot]\nburst_limit=190\n") << u"hubspot/burst_limit"_s << u"190"_s;
    // [sync] PDF cache
    QTest::newRow("pdf cache off by default") << QByteArray("[sync]\n") << u"sync/pdf_cache"_s << u"false"_s;
    QTest::newRow("pdf cache true") << QByteArray("[sync]\npdf_cache=true\n") << u"sync/pdf_cache"_s << u"true"_s;
    QTest::newRow("pdf cache Yes") << QByteArray("[sync]\npdf_cache=Yes\n") << u"sync/pdf_cache"_s << u"true"_s;
    QTest::newRow("pdf cache on") << QByteArray("[sync]\npdf_cache=on\n") << u"sync/pdf_cache"_s << u"true"_s;
    QTest::newRow("pdf cache 1") << QByteArray("[sync]\npdf_cache=1\n") << u"sync/pdf_cache"_s << u"true"_s;
    QTest::newRow("pdf cache FALSE") << QByteArray("[sync]\npdf_cache=FALSE\n") << u"sync/pdf_cache"_s
                                     << u"false"_s;
    QTest::newRow("pdf cache 0") << QByteArray("[sync]\npdf_cache=0\n") << u"sync/pdf_cache"_s << u"false"_s;
    QTest::newRow("pdf dir") << QByteArray("[sync]\npdf_cache_dir=/var/cache/concord/invoices\n")
                             << u"sync/pdf_cache_dir"_s << u"/var/cache/concord/invoices"_s;
    QTest::newRow("pdf dir trailing slash") << QByteArray("[sync]\npdf_cache_dir=/srv/pdf//\n")
                                            << u"sync/pdf_cache_dir"_s << u"/srv/pdf"_s;
    QTest::newRow("pdf retention default") << QByteArray("[sync]\n") << u"sync/pdf_retention_days"_s << u"365"_s;
    QTest::newRow("pdf retention forever") << QByteArray("[sync]\npdf_retention_days=0\n")
                                           << u"sync/pdf_retention_days"_s << u"0"_s;
    QTest::newRow("pdf retention 30") << QByteArray("[sync]\npdf_retention_days=30\n")
                                      << u"sync/pdf_retention_days"_s << u"30"_s;
    QTest::newRow("pdf retention max") << QByteArray("[sync]\npdf_retention_days=36500\n")
                                       << u"sync/pdf_retention_days"_s << u"36500"_s;
    QTest::newRow("lease default") << QByteArray("[sync]\n") << u"sync/lease_secs"_s << u"300"_s;
    QTest::newRow("lease min") << QByteArray("[sync]\nlease_secs=5\n") << u"sync/lease_secs"_s << u"5"_s;
    QTest::newRow("lease max") << QByteArray("[sync]\nlease_secs=3600\n") << u"sync/lease_secs"_s << u"3600"_s;
}

void TestConfig::accepted()
{
    QFETCH(QByteArray, ini);
    QFETCH(QString, field);
    QFETCH(QString, expected);

    const Result<Config> config = Config::load(writeIni(ini));
    QVERIFY2(config, qPrintable(config ? QString() : config.error().toString()));
    QCOMPARE(::field(*config, field), expected);
}

void TestConfig::rejected_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QString>("where"); // "[group] key" (or what stands for it)
    QTest::addColumn<QString>("reason"); // what was expected
    QTest::addColumn<QString>("hidden"); // must not appear (secrets); empty = no check

    // [store]
    QTest::newRow("store relative")
        << QByteArray("[store]\nurl=sqlite://data/concord.sqlite\n") << u"[store] url"_s
        << u"sqlite path 'data/concord.sqlite' is relative"_s << QString();
    QTest::newRow("store dot path")
        << QByteArray("[store]\nurl=sqlite:///./concord.sqlite\n") << u"[store] url"_s
        << u"must be absolute without '.', '..' or '~'"_s << QString();
    QTest::newRow("store tilde") << QByteArray("[store]\nurl=sqlite:///~/concord.sqlite\n")
                                 << u"[store] url"_s
                                 << u"must be absolute without '.', '..' or '~'"_s << QString();
    QTest::newRow("store no file") << QByteArray("[store]\nurl=sqlite:///\n") << u"[store] url"_s
                                   << u"names no file"_s << QString();
    QTest::newRow("store scheme")
        << QByteArray("[store]\nurl=mysql://db/concord\n") << u"[store] url"_s
        << u"expected sqlite:///absolute/path.sqlite or postgresql://user@host:port/database, got 'mysql://db/concord'"_s
        << QString();
    QTest::newRow("store plain path")
        << QByteArray("[store]\nurl=/var/lib/concord.sqlite\n") << u"[store] url"_s
        << u"expected sqlite:///absolute/path.sqlite"_s << QString();
    QTest::newRow("store empty") << QByteArray("[store]\nurl=\n") << u"[store] url"_s
                                 << u"got an empty value"_s << QString();
    QTest::newRow("store password")
        << QByteArray("[store]\nurl=postgresql://concord:hunter2@db/concord\n") << u"[store] url"_s
        << u"must not contain a password"_s << u"hunter2"_s;
    QTest::newRow("store no database")
        << QByteArray("[store]\nurl=postgresql://concord@db\n") << u"[store] url"_s
        << u"must name one database"_s << QString();

    // Base URLs
    QTest::newRow("http remote")
        << QByteArray("[quickbooks]\nbase_url=http://quickbooks.api.intuit.com\n")
        << u"[quickbooks] base_url"_s
        << u"plain http is only allowed for loopback hosts (127.0.0.0/8, ::1, localhost)"_s
        << QString();
    QTest::newRow("loopback lookalike")
        << QByteArray("[hubspot]\ntoken_url=http://127.0.0.1.nip.io/token\n")
        << u"[hubspot] token_url"_s << u"plain http is only allowed for loopback"_s << QString();
    QTest::newRow("ftp") << QByteArray("[quickbooks]\ntoken_url=ftp://oauth.example.com/token\n")
                         << u"[quickbooks] token_url"_s << u"expected an absolute https:// URL"_s
                         << QString();
    QTest::newRow("no scheme") << QByteArray("[hubspot]\nbase_url=api.hubapi.com\n")
                               << u"[hubspot] base_url"_s << u"expected an absolute https:// URL"_s
                               << QString();
    QTest::newRow("empty url") << QByteArray("[calcom]\nbase_url=\n") << u"[calcom] base_url"_s
                               << u"expected an absolute https:// URL, got an empty value"_s
                               << QString();
    QTest::newRow("credentials in url")
        << QByteArray("[calcom]\nbase_url=https://me:s3cret@api.cal.com\n")
        << u"[calcom] base_url"_s << u"must not contain a user name or password"_s << u"s3cret"_s;
    QTest::newRow("query in url") << QByteArray(
        "[calcom]\nbase_url=\"https://api.cal.com/v2?apiKey=abc\"\n")
                                  << u"[calcom] base_url"_s
                                  << u"must not have a query or fragment"_s << QString();

    // Other values
    QTest::newRow("minor not a number")
        << QByteArray("[quickbooks]\nminor_version=latest\n") << u"[quickbooks] minor_version"_s
        << u"expected a whole number from 1 to 200, got 'latest'"_s << QString();
    QTest::newRow("minor zero") << QByteArray("[quickbooks]\nminor_version=0\n")
                                << u"[quickbooks] minor_version"_s
                                << u"expected a whole number from 1 to 200, got '0'"_s << QString();
    QTest::newRow("minor huge") << QByteArray("[quickbooks]\nminor_version=75000\n")
                                << u"[quickbooks] minor_version"_s
                                << u"expected a whole number from 1 to 200"_s << QString();
    QTest::newRow("realm with blank")
        << QByteArray("[quickbooks]\nrealm_id=9130 3475\n") << u"[quickbooks] realm_id"_s
        << u"expected an id without spaces"_s << QString();
    QTest::newRow("list value") << QByteArray("[hubspot]\nclient_id=a,b\n")
                                << u"[hubspot] client_id"_s
                                << u"expected a single value, got a comma-separated list"_s
                                << QString();
    QTest::newRow("listen no port")
        << QByteArray("[webhooks]\nlisten=127.0.0.1\n") << u"[webhooks] listen"_s
        << u"expected host:port with a port from 1 to 65535"_s << QString();
    QTest::newRow("listen port 0") << QByteArray("[webhooks]\nlisten=127.0.0.1:0\n")
                                   << u"[webhooks] listen"_s << u"got port 0"_s << QString();
    QTest::newRow("listen port too big")
        << QByteArray("[webhooks]\nlisten=127.0.0.1:65536\n") << u"[webhooks] listen"_s
        << u"got port 65536"_s << QString();
    QTest::newRow("listen bare ipv6")
        << QByteArray("[webhooks]\nlisten=::1:8790\n") << u"[webhooks] listen"_s
        << u"put IPv6 addresses in brackets"_s << QString();
    QTest::newRow("public url plain http")
        << QByteArray("[webhooks]\npublic_url=http://hooks.example.org\n")
        << u"[webhooks] public_url"_s << u"plain http is only allowed for loopback hosts"_s
        << QString();
    QTest::newRow("public url not a url")
        << QByteArray("[webhooks]\npublic_url=hooks.example.org\n") << u"[webhooks] public_url"_s
        << u"expected an absolute https:// URL"_s << QString();
    QTest::newRow("public url query")
        << QByteArray("[webhooks]\npublic_url=\"https://hooks.example.org/?token=abc\"\n")
        << u"[webhooks] public_url"_s << u"must not have a query or fragment"_s << QString();
    QTest::newRow("listen host name")
        << QByteArray("[webhooks]\nlisten=hooks.example.org:8790\n") << u"[webhooks] listen"_s
        << u"the host must be an IP address (or localhost), got 'hooks.example.org'"_s << QString();
    QTest::newRow("listen bracketed ipv4")
        << QByteArray("[webhooks]\nlisten=\"[1.2.3.4]:80\"\n") << u"[webhooks] listen"_s
        << u"is not an IPv6 address"_s << QString();
    QTest::newRow("region three letters")
        << QByteArray("[sync]\ndefault_region=USA\n") << u"[sync] default_region"_s
        << u"expected a two-letter ISO 3166 region code"_s << QString();
    QTest::newRow("region unknown") << QByteArray("[sync]\ndefault_region=XX\n")
                                    << u"[sync] default_region"_s << u"got 'XX'"_s << QString();
    QTest::newRow("zone unknown") << QByteArray("[sync]\nbusiness_time_zone=Mars/Olympus_Mons\n")
                                  << u"[sync] business_time_zone"_s
                                  << u"expected an IANA time zone id"_s << QString();
    QTest::newRow("zone offset") << QByteArray("[sync]\nbusiness_time_zone=UTC+02:00\n")
                                 << u"[sync] business_time_zone"_s
                                 << u"expected an IANA time zone id"_s << QString();
    QTest::newRow("zone empty") << QByteArray("[sync]\nbusiness_time_zone=\n")
                                << u"[sync] business_time_zone"_s
                                << u"expected an IANA time zone id"_s << QString();
    QTest::newRow("backend unknown")
        << QByteArray("[secrets]\nbackend=vault\n") << u"[secrets] backend"_s
        << u"expected auto, keychain or env, got 'vault'"_s << QString();

    // Structure
    QTest::newRow("typo key") << QByteArray(
        "[quickbooks]\nbse_url=https://quickbooks.api.intuit.com\n")
                              << u"[quickbooks] bse_url"_s
                              << u"unknown key (did you mean base_url?)"_s << QString();
    QTest::newRow("secret in config")
        << QByteArray("[hubspot]\naccess_token=pat-na1-abcdef\n") << u"[hubspot] access_token"_s
        << u"unknown key (known keys: base_url, token_url, client_id, auth, api_version, burst_limit, search_lag_seconds)"_s
        << u"pat-na1-abcdef"_s;
    QTest::newRow("key in sub-group")
        << QByteArray("[sync]\nregion/default=US\n") << u"[sync] region/default"_s
        << u"unknown key"_s << QString();
    QTest::newRow("typo group") << QByteArray(
        "[quickbook]\nbase_url=https://quickbooks.api.intuit.com\n")
                                << u"[quickbook]"_s
                                << u"unknown group (did you mean [quickbooks]?)"_s << QString();
    QTest::newRow("capitalised group")
        << QByteArray("[Store]\nurl=sqlite:///tmp/x.sqlite\n") << u"[Store]"_s
        << u"unknown group (did you mean [store]?)"_s << QString();
    QTest::newRow("key outside group")
        << QByteArray("url=sqlite:///tmp/x.sqlite\n") << u"url"_s
        << u"key outside any group (expected it under one of [store], [quickbooks]"_s << QString();
    // [hubspot]
    QTest::newRow("hubspot auth") << QByteArray("[hubspot]\nauth=apikey\n") << u"[hubspot] auth"_s
                                  << u"expected private_app"_s << QString();
    QTest::newRow("hubspot april version") << QByteArray("[hubspot]\napi_version=2026-04\n")
                                           << u"[hubspot] api_version"_s << u"March or September"_s << QString();
    QTest::newRow("hubspot old version") << QByteArray("[hubspot]\napi_version=2025-09\n")
                                         << u"[hubspot] api_version"_s << u"got '2025-09'"_s << QString();
    QTest::newRow("hubspot v4") << QByteArray("[hubspot]\napi_version=v4\n") << u"[hubspot] api_version"_s
                                << u"expected v3 or a HubSpot date version"_s << QString();
    QTest::newRow("hubspot burst zero") << QByteArray("[hubspot]\nburst_limit=0\n") << u"[hubspot] burst_limit"_s
                                        << u"from 1 to 250"_s << QString();
    QTest::newRow("hubspot burst huge") << QByteArray("[hubspot]\nburst_limit=1000\n") << u"[hubspot] burst_limit"_s
                                        << u"got '1000'"_s << QString();
    QTest::newRow("hubspot burst text") << QByteArray("[hubspot]\nburst_limit=lots\n") << u"[hubspot] burst_limit"_s
                                        << u"got 'lots'"_s << QString();
    // [sync] PDF cache
    QTest::newRow("pdf cache word") << QByteArray("[sync]\npdf_cache=sometimes\n") << u"[sync] pdf_cache"_s
                                    << u"expected true or false, got 'sometimes'"_s << QString();
    QTest::newRow("pdf cache empty") << QByteArray("[sync]\npdf_cache=\n") << u"[sync] pdf_cache"_s
                                     << u"expected true or false, got ''"_s << QString();
    QTest::newRow("pdf dir relative") << QByteArray("[sync]\npdf_cache_dir=cache/invoices\n")
                                      << u"[sync] pdf_cache_dir"_s
                                      << u"folder 'cache/invoices' is relative; expected an absolute folder"_s
                                      << QString();
    QTest::newRow("pdf dir tilde") << QByteArray("[sync]\npdf_cache_dir=~/invoices\n") << u"[sync] pdf_cache_dir"_s
                                   << u"folder '~/invoices' is relative"_s << QString();
    QTest::newRow("pdf dir dot dot") << QByteArray("[sync]\npdf_cache_dir=/var/cache/../invoices\n")
                                     << u"[sync] pdf_cache_dir"_s
                                     << u"must be absolute without '.', '..' or '~'"_s << QString();
    QTest::newRow("pdf dir resource") << QByteArray("[sync]\npdf_cache_dir=:/invoices\n")
                                      << u"[sync] pdf_cache_dir"_s << u"is relative"_s << QString();
    QTest::newRow("pdf dir empty") << QByteArray("[sync]\npdf_cache_dir=\n") << u"[sync] pdf_cache_dir"_s
                                   << u"expected an absolute folder such as /var/cache/concord/invoices, got an empty value"_s
                                   << QString();
    QTest::newRow("pdf retention negative") << QByteArray("[sync]\npdf_retention_days=-1\n")
                                            << u"[sync] pdf_retention_days"_s
                                            << u"expected whole days from 0 to 36500 (0 = keep forever), got '-1'"_s
                                            << QString();
    QTest::newRow("pdf retention text") << QByteArray("[sync]\npdf_retention_days=a year\n")
                                        << u"[sync] pdf_retention_days"_s << u"got 'a year'"_s << QString();
    QTest::newRow("pdf retention fraction") << QByteArray("[sync]\npdf_retention_days=1.5\n")
                                            << u"[sync] pdf_retention_days"_s << u"got '1.5'"_s << QString();
    QTest::newRow("pdf retention huge") << QByteArray("[sync]\npdf_retention_days=99999999999\n")
                                        << u"[sync] pdf_retention_days"_s << u"got '99999999999'"_s << QString();
    QTest::newRow("lease too short") << QByteArray("[sync]\nlease_secs=4\n") << u"[sync] lease_secs"_s
                                     << u"expected whole seconds from 5 to 3600 (default 300), got '4'"_s << QString();
    QTest::newRow("lease too long") << QByteArray("[sync]\nlease_secs=3601\n") << u"[sync] lease_secs"_s
                                    << u"got '3601'"_s << QString();
    QTest::newRow("lease text") << QByteArray("[sync]\nlease_secs=five minutes\n") << u"[sync] lease_secs"_s
                                << u"got 'five minutes'"_s << QString();
    QTest::newRow("pdf key typo") << QByteArray("[sync]\npdf_retension_days=30\n") << u"[sync] pdf_retension_days"_s
                                  << u"unknown key (did you mean pdf_retention_days?)"_s << QString();
}

void TestConfig::rejected()
{
    QFETCH(QByteArray, ini);
    QFETCH(QString, where);
    QFETCH(QString, reason);
    QFETCH(QString, hidden);

    const QString path = writeIni(ini);
    QVERIFY(!path.isEmpty());
    const Result<Config> config = Config::load(path);
    QCOMPARE(codeOf(config), errorCodeName(ErrorCode::InvalidConfig));
    const QString message = config.error().message;
    QVERIFY2(message.startsWith(path + u": "_s + where + u": "_s), qPrintable(message));
    QVERIFY2(message.contains(reason), qPrintable(message));
    QVERIFY2(!message.contains(u'\n'), qPrintable(message));
    QVERIFY2(config.error().detail.isEmpty(),
             qPrintable(config.error().detail)); // one problem only
    if (!hidden.isEmpty())
        QVERIFY2(!config.error().toString().contains(hidden), qPrintable(message));
}

void TestConfig::formatError_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::newRow("unclosed group") << QByteArray("[store\nurl=sqlite:///tmp/x.sqlite\n");
    QTest::newRow("line without =") << QByteArray("[store]\nurl sqlite:///tmp/x.sqlite\n");
}

void TestConfig::formatError()
{
    QFETCH(QByteArray, ini);
    const QString path = writeIni(ini);
    const Result<Config> config = Config::load(path);
    QCOMPARE(codeOf(config), errorCodeName(ErrorCode::InvalidConfig));
    QCOMPARE(
        config.error().message,
        u"%1: is not a valid INI file (expected [group] lines and key=value lines)"_s.arg(path));
}

void TestConfig::everyProblemIsReported()
{
    const QString path =
        writeIni("[quickbooks]\nbse_url=x\nminor_version=0\n[secrets]\nbackend=vault\n");
    const Result<Config> config = Config::load(path);
    QCOMPARE(codeOf(config), errorCodeName(ErrorCode::InvalidConfig));
    // The first problem is the message; the others are in the detail.
    QCOMPARE(
        config.error().message,
        u"%1: [quickbooks] bse_url: unknown key (did you mean base_url?) (and 2 more)"_s.arg(path));
    QVERIFY2(config.error().detail.contains(u"%1: [quickbooks] minor_version: "_s.arg(path)),
             qPrintable(config.error().detail));
    QVERIFY2(config.error().detail.contains(u"%1: [secrets] backend: "_s.arg(path)),
             qPrintable(config.error().detail));
}

void TestConfig::unknownGroupFarFromKnownIsTolerated()
{
    const QString path = writeIni("[MainWindow]\ngeometry=abc\n");
    QTest::ignoreMessage(QtWarningMsg,
                         qPrintable(u"%1: [MainWindow]: unknown group, ignored"_s.arg(path)));
    const Result<Config> config = Config::load(path);
    QCOMPARE(codeOf(config), u"ok"_s);
}

void TestConfig::validateBaseUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("reason"); // empty: accepted

    QTest::newRow("https") << u"https://api.hubapi.com"_s << QString();
    QTest::newRow("https with path") << u"https://example.org/emulator/qbo/"_s << QString();
    QTest::newRow("http 127.0.0.1") << u"http://127.0.0.1:8080"_s << QString();
    QTest::newRow("http 127.255.255.254") << u"http://127.255.255.254"_s << QString();
    QTest::newRow("http ::1") << u"http://[::1]:9000/"_s << QString();
    QTest::newRow("http localhost") << u"http://localhost:9000"_s << QString();
    QTest::newRow("http LOCALHOST") << u"http://LOCALHOST:9000"_s << QString();
    QTest::newRow("http remote") << u"http://example.com"_s
                                 << u"plain http is only allowed for loopback"_s;
    QTest::newRow("http 128.0.0.1")
        << u"http://128.0.0.1"_s << u"plain http is only allowed for loopback"_s;
    QTest::newRow("http 10.0.0.1")
        << u"http://10.0.0.1"_s << u"plain http is only allowed for loopback"_s;
    QTest::newRow("http ::2") << u"http://[::2]"_s << u"plain http is only allowed for loopback"_s;
    QTest::newRow("http localhost.evil")
        << u"http://localhost.evil.example"_s << u"plain http is only allowed for loopback"_s;
    QTest::newRow("ws") << u"ws://127.0.0.1"_s
                        << u"expected an absolute https:// URL with a host"_s;
    QTest::newRow("no host") << u"https:///path"_s
                             << u"expected an absolute https:// URL with a host"_s;
    QTest::newRow("relative") << u"/v3/company"_s
                              << u"expected an absolute https:// URL with a host"_s;
    QTest::newRow("empty") << QString() << u"expected an absolute https:// URL with a host"_s;
    QTest::newRow("user info") << u"https://user@api.cal.com"_s
                               << u"must not contain a user name or password"_s;
    QTest::newRow("fragment") << u"https://api.cal.com/#x"_s
                              << u"must not have a query or fragment"_s;
}

void TestConfig::validateBaseUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, reason);

    const Status status = Config::validateBaseUrl(QUrl(url), u"[calcom] base_url"_s);
    if (reason.isEmpty()) {
        QVERIFY2(status, qPrintable(status ? QString() : status.error().message));
    } else {
        QVERIFY(!status);
        QCOMPARE(status.error().code, ErrorCode::InvalidConfig);
        QVERIFY2(status.error().message.startsWith(u"[calcom] base_url: "_s),
                 qPrintable(status.error().message));
        QVERIFY2(status.error().message.contains(reason), qPrintable(status.error().message));
    }
}

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
