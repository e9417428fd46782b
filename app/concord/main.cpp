// concord: the desktop GUI's composition root. It reads the configuration,
// picks the store, starts the long-lived "sync" thread with the Backend on it,
// and wires the Backend to the MainWindow with queued connections: the GUI
// thread only ever sees value types (architecture.md, "Threads"). --demo
// also runs the embedded sandbox (the three emulators) on a thread of its own.
#include "demosync.h"
#include "sandboxthread.h"
#include "windowcapture.h"

#include "auditpage.h"
#include "common/config.h"
#include "common/error.h"
#include "backendbridge.h"
#include "mainwindow.h"
#include "security/auditentry.h"
#include "security/forwardingsecretstore.h"
#include "security/secretstore.h"
#include "security/signin.h"
#include "services/backend.h"
#include "services/servicesession.h"
#include "services/storestatus.h"
#include "signindialog.h"
#include "store/database.h"
#include "theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QTranslator>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>

using Concord::Services::Backend;
using Concord::Ui::MainWindow;

namespace {

// Exit codes shared with concord-cli (architecture.md, "Command line").
constexpr int kExitOk = 0;
constexpr int kExitBadInput = 2;
// A screenshot is taken even if the data never arrives, after this long (ms).
constexpr int kScreenshotTimeoutMs = 20'000;

void printError(const QString &message)
{
    std::fprintf(stderr, "concord: %s\n", qPrintable(message));
}

QStringList argumentsOf(int argc, char **argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    return args;
}

// The options, defined once and used both for the early look at the command
// line (before any application object exists) and for the real parse.
void defineOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "main",
        "Concord keeps a service business's CRM (HubSpot), scheduler (Cal.com) and "
        "billing (QuickBooks Online) in agreement."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        { QStringLiteral("config"),
          QCoreApplication::translate(
              "main", "Read the configuration from <file> instead of the per-user concord.ini."),
          QCoreApplication::translate("main", "file") });
    parser.addOption(
        { QStringLiteral("demo"),
          QCoreApplication::translate(
              "main",
              "Try Concord without touching real accounts: start local stand-ins for "
              "QuickBooks, HubSpot and Cal.com holding a sample tutoring business, and "
              "a fresh store in a temporary folder. Everything is removed on exit.") });
    parser.addOption({ QStringLiteral("lang"),
                       QCoreApplication::translate(
                           "main",
                           "Show Concord in language <code> (for example en or fr) instead of the "
                           "system's."),
                       QCoreApplication::translate("main", "code") });

    // For reproducible documentation screenshots; not part of the user interface.
    QCommandLineOption screenshot(QStringLiteral("screenshot"), QString(), QStringLiteral("file"));
    screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(screenshot);
    QCommandLineOption screenshotAfter(QStringLiteral("screenshot-after"), QString(), QStringLiteral("ms"));
    screenshotAfter.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(screenshotAfter);
    QCommandLineOption page(QStringLiteral("page"), QString(), QStringLiteral("n"),
                            QStringLiteral("1"));
    page.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(page);
}

// --help, --version and usage errors only print, so they must work without a
// display (over ssh, in a package check): those get a QCoreApplication.
bool onlyPrints(const QStringList &args)
{
    static const QStringList printing = { QStringLiteral("-h"), QStringLiteral("--help"),
                                          QStringLiteral("-?"), QStringLiteral("--help-all"),
                                          QStringLiteral("-v"), QStringLiteral("--version") };
    for (const QString &arg : args.mid(1)) {
        if (arg == QLatin1String("--"))
            break;
        if (printing.contains(arg))
            return true;
    }
    // Qt's own options (-style, -platform, …) are only understood once a
    // QApplication exists; a command line with a single-dash word may hold
    // one, so only a line without any is known to be wrong this early.
    const bool mayHoldQtOption =
        std::any_of(args.cbegin() + 1, args.cend(), [](const QString &arg) {
            return arg.size() > 2 && arg.startsWith(QLatin1Char('-'))
                && !arg.startsWith(QLatin1String("--"));
        });
    if (mayHoldQtOption)
        return false;
    QCommandLineParser probe;
    defineOptions(probe);
    return !probe.parse(args) || !probe.positionalArguments().isEmpty();
}

// The language comes from --lang when given, else from the system. It is
// needed before the parser is built, so that --help is translated too.
QLocale chooseLocale(const QStringList &args)
{
    QString code;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("--lang") && i + 1 < args.size())
            code = args.at(i + 1);
        else if (arg.startsWith(QLatin1String("--lang=")))
            code = arg.mid(7);
    }
    return code.isEmpty() ? QLocale::system() : QLocale(code);
}

void installTranslators(QCoreApplication &app, const QLocale &locale)
{
    // Qt's own strings (standard buttons, context menus), when the system has them.
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    // Concord's own, embedded into concord_ui from translations/. English is
    // the source language, but its plural forms ("1 entry") live in
    // concord_en.qm: it is the fallback for any language without a translation.
    auto *own = new QTranslator(&app);
    const QString i18n = QStringLiteral(":/i18n");
    if (own->load(locale, QStringLiteral("concord"), QStringLiteral("_"), i18n)
        || own->load(QStringLiteral("concord_en"), i18n))
        QCoreApplication::installTranslator(own);
    else
        delete own;
}

void registerMetaTypes()
{
    // Everything that crosses between the sync thread and the GUI thread.
    qRegisterMetaType<Concord::Services::StoreStatus>();
    qRegisterMetaType<Concord::Security::AuditEntry>();
    qRegisterMetaType<QList<Concord::Security::AuditEntry>>();
    qRegisterMetaType<Concord::Security::AuditVerification>();
    qRegisterMetaType<Concord::Error>();
}

} // namespace

int main(int argc, char *argv[])
{
    const QStringList rawArgs = argumentsOf(argc, argv);
    std::unique_ptr<QCoreApplication> app;
    if (onlyPrints(rawArgs))
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
    // Same names as concord-cli, so both find the same config and store.
    QCoreApplication::setOrganizationName(QStringLiteral("Concord"));
    QCoreApplication::setApplicationName(QStringLiteral("concord"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CONCORD_VERSION));

    const QLocale locale = chooseLocale(rawArgs);
    QLocale::setDefault(locale);
    installTranslators(*app, locale);

    QCommandLineParser parser;
    defineOptions(parser);
    if (!parser.parse(QCoreApplication::arguments())) {
        printError(parser.errorText());
        printError(QCoreApplication::translate("main", "try 'concord --help'"));
        return kExitBadInput;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(kExitOk); // exits
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion(); // exits
    if (!parser.positionalArguments().isEmpty()) {
        printError(QCoreApplication::translate("main", "unexpected argument '%1'")
                       .arg(parser.positionalArguments().constFirst()));
        return kExitBadInput;
    }

    // From here on app is a QApplication.
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Concord"));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.concord.Concord"));
    // Keep the user's choice when they picked a style (-style, QT_STYLE_OVERRIDE).
    const bool styleChosen = qEnvironmentVariableIsSet("QT_STYLE_OVERRIDE")
        || std::any_of(rawArgs.cbegin(), rawArgs.cend(),
                       [](const QString &arg) { return arg.startsWith(QLatin1String("-style")); });
    if (!styleChosen)
        Concord::Ui::Theme::apply(*static_cast<QApplication *>(app.get()));
    else
        Concord::Ui::Theme::initResources();

    auto config = Concord::Config::load(parser.value(QStringLiteral("config")));
    if (!config) {
        const QString message = config.error().message;
        printError(message);
        QMessageBox::critical(
            nullptr, QCoreApplication::translate("main", "Concord cannot start"),
            QCoreApplication::translate("main", "The configuration could not be read:\n\n%1")
                .arg(message));
        return kExitBadInput;
    }

    // --demo: a throw-away store; the folder lives until main() returns.
    std::optional<QTemporaryDir> demoFolder;
    QString storeUrl;
    if (parser.isSet(QStringLiteral("demo"))) {
        demoFolder.emplace(QDir::tempPath() + QStringLiteral("/concord-demo-XXXXXX"));
        if (!demoFolder->isValid()) {
            printError(QCoreApplication::translate("main", "cannot create a temporary folder: %1")
                           .arg(demoFolder->errorString()));
            return kExitBadInput;
        }
        storeUrl = QStringLiteral("sqlite://")
            + demoFolder->filePath(QStringLiteral("concord-demo.sqlite"));
    } else {
        // Store::Database::open creates an SQLite store's folder when missing
        // (on the sync thread, reporting failure like any other open error).
        storeUrl =
            config->storeUrl.isEmpty() ? Concord::Config::defaultStoreUrl() : config->storeUrl;
    }

    // Team mode: the person named in [store] url signs in as themself
    // (docs/team-users.md). CONCORD_STORE_PASSWORD, when set, stands in for
    // the dialog (kiosks, screenshots); without either, libpq's ~/.pgpass.
    QString signInUser;
    QString signInPassword;
    if (const auto url = Concord::Store::StoreUrl::parse(storeUrl); url && Concord::Security::needsSignIn(*url)) {
        signInPassword = qEnvironmentVariable(Concord::Security::kStorePasswordVariable);
        if (signInPassword.isEmpty()) {
            const QString server = QStringLiteral("%1:%2/%3").arg(url->host).arg(url->port).arg(url->database);
            // Tried here, on the GUI thread, so a refusal stays in the dialog;
            // the Backend then opens its own connection with the same credential.
            Concord::Ui::SignInDialog signIn(server, url->user, [&url](const QString &user, const QString &password) {
                auto db = Concord::Store::Database::open(Concord::Security::signedIn(*url, user, password),
                                                         QStringLiteral("concord-sign-in"));
                return db ? QString() : Concord::Security::describeSignInFailure(db.error());
            });
            if (signIn.exec() != QDialog::Accepted)
                return kExitOk;
            signInUser = signIn.user();
            signInPassword = signIn.password();
        }
    }

    registerMetaTypes();
    MainWindow window;

    // The sync thread: the Backend is created here, then lives there. It has
    // no parent (an object cannot move with a parent) and is deleted on its
    // own thread when the thread finishes (deferred deletes run at that point).
    QThread syncThread;
    syncThread.setObjectName(QStringLiteral("sync"));
    auto *backend = new Backend;
    backend->moveToThread(&syncThread);
    QObject::connect(&syncThread, &QThread::finished, backend, &QObject::deleteLater);

    Concord::Ui::connectBackend(window, backend);

    const QString screenshotPath = parser.value(QStringLiteral("screenshot"));
    if (!screenshotPath.isEmpty()) {
        // Shows page N (as Ctrl+N does) and captures it once its data is in:
        // the status for the overview; on the audit page the entries and a
        // chain verification, so the banner shows too.
        const int page = parser.value(QStringLiteral("page")).toInt() - 1;
        window.setCurrentPage(page);
        auto *capture = new Concord::App::WindowCapture(&window, screenshotPath, &window);
        QObject::connect(capture, &Concord::App::WindowCapture::finished, app.get(),
                         [](bool ok) { QCoreApplication::exit(ok ? kExitOk : 1); });
        const int after = parser.value(QStringLiteral("screenshot-after")).toInt();
        if (after > 0) {
            // The demo's live sync: capture once it has carried a while.
            QTimer::singleShot(after, capture, &Concord::App::WindowCapture::captureSoon);
        } else if (window.currentPage() == window.auditPage()) {
            QObject::connect(
                backend, &Backend::auditLoaded, &window,
                [&window] { window.auditPage()->requestVerification(); }, Qt::QueuedConnection);
            QObject::connect(backend, &Backend::auditVerified, capture,
                             &Concord::App::WindowCapture::captureSoon, Qt::QueuedConnection);
        } else {
            QObject::connect(backend, &Backend::opened, capture,
                             &Concord::App::WindowCapture::captureSoon, Qt::QueuedConnection);
        }
        if (after <= 0) {
            QObject::connect(backend, &Backend::errorOccurred, capture,
                             &Concord::App::WindowCapture::captureSoon, Qt::QueuedConnection);
            QTimer::singleShot(kScreenshotTimeoutMs, capture,
                               &Concord::App::WindowCapture::captureSoon);
        }
    }

    // Connected before the thread starts, so no answer can come first.
    syncThread.start();
    const auto openStore = [backend, storeUrl, signInUser, signInPassword] {
        QMetaObject::invokeMethod(
            backend,
            [backend, storeUrl, signInUser, signInPassword] {
                backend->openAs(storeUrl, signInUser, signInPassword);
            },
            Qt::QueuedConnection);
    };

    // --demo: the store opens once the stand-ins answer (or failed to start),
    // so the demo's first picture, and a --screenshot, show them running. The
    // GUI keeps its event loop meanwhile; seeding takes about a second.
    std::unique_ptr<Concord::Sandbox::SandboxThread> demo;
    if (demoFolder) {
        demo = std::make_unique<Concord::Sandbox::SandboxThread>(storeUrl);
        window.statusBar()->showMessage(QCoreApplication::translate(
            "main", "Starting the local stand-ins for QuickBooks, HubSpot and Cal.com…"));
        QObject::connect(
            demo.get(), &Concord::Sandbox::SandboxThread::ready, &window,
            [&window, backend, openStore, &demoFolder](Concord::Config demoConfig,
                                                           std::shared_ptr<Concord::Security::SecretStore> secrets) {
                window.statusBar()->clearMessage();
                openStore();
                // Settings the demo's user changes (a base URL) stay in its
                // temporary folder, never in the real concord.ini.
                demoConfig.sourcePath = demoFolder->filePath(QStringLiteral("concord-demo.ini"));
                Concord::App::startDemoSync(demoConfig, std::move(secrets), backend);
            });
        QObject::connect(
            demo.get(), &Concord::Sandbox::SandboxThread::failed, &window,
            [&window, openStore](const Concord::Error &error) {
                const QString message =
                    QCoreApplication::translate("main", "The demo's stand-ins could not start: %1")
                        .arg(error.message);
                printError(message);
                window.statusBar()->showMessage(message);
                openStore(); // the store works without them
            });
        // The receiver listens on the sync thread; the emulators learn where.
        QObject::connect(backend, &Backend::webhooksListening, demo.get(), &Concord::Sandbox::SandboxThread::setWebhookTarget);
        demo->start();
    } else {
        openStore();
        // The settings page connects and disconnects through this desktop's
        // secret store; the keychain answers on this (GUI) thread, so the
        // Backend gets a forwarder to it.
        auto secrets = Concord::Security::SecretStore::create(config->secretsBackend,
                                                              Concord::Services::keychainService());
        if (!secrets) {
            printError(secrets.error().message);
        } else {
            auto forwarding = std::make_shared<Concord::Security::ForwardingSecretStore>(
                std::shared_ptr<Concord::Security::SecretStore>(std::move(*secrets)));
            QMetaObject::invokeMethod(
                backend, [backend, cfg = *config, forwarding] { backend->setEnvironment(cfg, forwarding); },
                Qt::QueuedConnection);
        }
    }

    // The layout the user left (not for documentation screenshots, which
    // must look the same on every machine).
    QSettings settings;
    const bool keepLayout = screenshotPath.isEmpty();
    if (keepLayout)
        window.restoreLayout(settings);
    window.show();
    const int exitCode = QCoreApplication::exec();
    if (keepLayout)
        window.saveLayout(settings);

    // Orderly shutdown: close the database on the thread that opened it, then
    // stop the thread and wait for it (the Backend is deleted as it finishes).
    // The sandbox goes last: the sync thread talks to it until it stops.
    QMetaObject::invokeMethod(backend, &Backend::close, Qt::BlockingQueuedConnection);
    syncThread.quit();
    syncThread.wait();
    demo.reset();
    return exitCode;
}
