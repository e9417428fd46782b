#include "clicontext.h"
#include "commands.h"

using namespace Qt::StringLiterals;

namespace Concord::Cli {

// PLACEHOLDER until the HubSpot connector lands (issue 4): replaced wholesale.
int runHubSpot(const QStringList &)
{
    return reportError(Error::make(ErrorCode::Unsupported, u"concord-cli hubspot is not available yet"_s));
}

} // namespace Concord::Cli
