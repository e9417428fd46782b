#pragma once

#include <QStringList>

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

} // namespace Concord::Cli
