#include "clicontext.h"
#include "commands.h"

using namespace Qt::StringLiterals;

namespace Concord::Cli {

// PLACEHOLDER until the identity engine lands (issue 5): replaced wholesale.
int runDedupe(const QStringList &)
{
    return reportError(Error::make(ErrorCode::Unsupported, u"concord-cli dedupe is not available yet"_s));
}

} // namespace Concord::Cli
