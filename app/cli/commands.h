#pragma once

#include <QCoreApplication>
#include <QStringList>

#include <memory>

// One function per `concord-cli` command. `args` starts with the program
// name followed by the command's own words (the command name removed).
namespace Concord::Cli {

int runStatus(const QStringList &args);
int runAudit(const QStringList &args);
int runSecrets(const QStringList &args);
int runSandbox(const QStringList &args);
int runQuickBooks(const QStringList &args);
int runHubSpot(const QStringList &args);
int runCalcom(const QStringList &args);
int runDedupe(const QStringList &args);
int runSync(const QStringList &args);
int runQueue(const QStringList &args);
int runMode(const QStringList &args);    // modecommand.cpp (issue 9)
int runInvoice(const QStringList &args); // modecommand.cpp (issue 9)
int runReport(const QStringList &args);  // reportcommand.cpp (issue 9)

// The application object for this run: a QGuiApplication (offscreen unless
// QT_QPA_PLATFORM is set) only for `report … --pdf`, which renders with
// QtGui; a QCoreApplication for everything else. reportcommand.cpp.
std::unique_ptr<QCoreApplication> createApplication(int &argc, char **argv);

} // namespace Concord::Cli
