#pragma once

#include "common/error.h"

#include <QString>
#include <QUrl>

namespace Concord {

// Concord's configuration (INI, read with QSettings; contract in
// architecture.md). Pure value; secrets are never part of it (SecretStore).
struct Config {
    QString sourcePath;             // file it came from; empty for built-in defaults

    // [store]
    QString storeUrl;               // "sqlite:///abs/path.sqlite" or "postgresql://user@host:port/db"

    // [quickbooks]
    QUrl quickbooksBaseUrl;         // default https://quickbooks.api.intuit.com
    QString quickbooksRealmId;
    QUrl quickbooksTokenUrl;        // default https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer
    QString quickbooksClientId;
    int quickbooksMinorVersion = 75;

    // [hubspot]
    QUrl hubspotBaseUrl;            // default https://api.hubapi.com
    QUrl hubspotTokenUrl;           // default https://api.hubapi.com/oauth/v1/token
    QString hubspotClientId;
    QString hubspotAuth = QStringLiteral("private_app"); // private_app (HUBSPOT_TOKEN) | oauth
    QString hubspotApiVersion = QStringLiteral("v3");    // v3 | YYYY-03 | YYYY-09 (date-based object paths)
    int hubspotBurstLimit = 100;                          // requests per 10 s: 100 Free/Starter, 190 Pro/Enterprise
    int hubspotSearchLagSecs = 30;                        // how long a new record takes to show in search

    // [calcom]
    QUrl calcomBaseUrl;             // default https://api.cal.com

    // [webhooks]
    QString webhooksListen;         // "127.0.0.1:8790"; empty = no receiver
    QString webhooksPublicUrl;      // public_url: the receiver's base as senders call it behind a proxy
                                    // ("https://hooks.example.org"; HubSpot signs <base>/webhooks/hubspot);
                                    // optional, empty = rebuilt from each request's Host/X-Forwarded-* headers

    // [sync]
    QString defaultRegion = QStringLiteral("US"); // phone numbers without a country code
    QString businessTimeZone = QStringLiteral("UTC");
    // Optional local copies of QuickBooks invoice PDFs (the CRM only ever gets
    // the QuickBooks link): content-addressed files under pdfCacheDir.
    bool pdfCacheEnabled = false;   // pdf_cache (true/false)
    QString pdfCacheDir;            // pdf_cache_dir: absolute folder; default defaultPdfCacheDir()
    int pdfRetentionDays = 365;     // pdf_retention_days: 0 = keep forever, at most 36500
    int syncLeaseSecs = 300;        // lease_secs: how long a claimed outbox job stays a worker's without
                                    // word from it (5 to 3600); renewed every third of it while delivering

    // [syncd] (read by concord-syncd only)
    QString syncdHealthListen = QStringLiteral("127.0.0.1:8791"); // health_listen: /healthz and /readyz;
                                                                   // empty = no health endpoint
    int syncdShutdownGraceSecs = 20; // shutdown_grace_secs: how long deliveries in flight may finish
                                     // after SIGTERM before their claims are released (0 to 3600)
    QString syncdWorker;             // worker: the outbox worker name, stable per service;
                                     // empty = "concord-syncd@<host name>"

    // [secrets]
    QString secretsBackend = QStringLiteral("auto"); // auto | keychain | env

    // Default config path: <AppConfigLocation>/concord.ini.
    [[nodiscard]] static QString defaultPath();
    // Default store: sqlite:///<AppDataLocation>/concord.sqlite.
    [[nodiscard]] static QString defaultStoreUrl();
    // Default PDF cache folder: <CacheLocation>/invoices.
    [[nodiscard]] static QString defaultPdfCacheDir();
    [[nodiscard]] static Config defaults();

    // Loads and validates. An empty `path` means the default path, where a
    // missing file simply yields defaults; an explicit path that does not exist
    // or cannot be parsed is an InvalidConfig error. Every error message names
    // the file, the [group] key and what was expected, on one line.
    [[nodiscard]] static Result<Config> load(const QString &path = {});

    // Validates a base URL: http(s), host present; plain http only for
    // loopback hosts (127.0.0.0/8, ::1, localhost).
    [[nodiscard]] static Status validateBaseUrl(const QUrl &url, const QString &what);

    // Writes `[group] key=value` into the INI file at `path` (defaultPath()
    // when empty; the file and its folder are created when missing), keeping
    // every other line as it was — comments, order, other tools' groups —
    // which QSettings would not. Only keys Concord reads (an unknown one is
    // InvalidArgument); one line of plain text (no line breaks). The file as
    // written must still load with load(): otherwise it is put back as it was
    // and the error says why. Returns the absolute path written.
    // Thread-safe for different files; two writers of one file race (last wins).
    [[nodiscard]] static Result<QString> setValue(const QString &path, const QString &group,
                                                  const QString &key, const QString &value);
};

} // namespace Concord
