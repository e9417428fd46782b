#include "clicontext.h"
#include "commands.h"

#include "security/auditlog.h"

using namespace Qt::StringLiterals;

namespace Concord::Cli {

int runAudit(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"verify"_s, u"Walk the hash chain and report the first broken link."_s);
    if (int rc = parseSubcommand(parser, args, u"Check the audit log."_s); rc >= 0)
        return rc;
    const QStringList words = parser.positionalArguments();
    if (words != QStringList{u"verify"_s})
        return usageError(u"usage: concord-cli audit verify [--config FILE]"_s);
    auto db = openStore(parser);
    if (!db)
        return reportError(db.error());
    auto result = Security::AuditLog(**db).verify();
    if (!result)
        return reportError(result.error());
    if (!result->ok) {
        out(u"audit log BROKEN at entry %1: %2\n%3 entries before it verified.\n"_s.arg(result->firstBrokenSeq)
                .arg(result->reason)
                .arg(result->entriesChecked));
        return ExitFailures;
    }
    out(u"audit log OK: %1 entries verified; head %2\n"_s.arg(result->entriesChecked)
            .arg(QString::fromLatin1(result->headHash)));
    return ExitOk;
}

} // namespace Concord::Cli
