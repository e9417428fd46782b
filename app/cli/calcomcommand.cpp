#include "clicontext.h"
#include "commands.h"

using namespace Qt::StringLiterals;

namespace Concord::Cli {

// PLACEHOLDER until the Calcom connector lands (issue 4): replaced wholesale.
int runCalcom(const QStringList &)
{
    return reportError(Error::make(ErrorCode::Unsupported, u"concord-cli calcom is not available yet"_s));
}

} // namespace Concord::Cli
