#pragma once

#include "planhttpserver.h"
#include "quickbooks/qboreply.h"

namespace Concord::Sandbox {

// The HTTP front of the QuickBooks emulator (see PlanHttpServer).
using QboHttpServer = PlanHttpServer<QboReply>;

} // namespace Concord::Sandbox
