#pragma once

#include "planhttpserver.h"
#include "quickbooks/qboreply.h"

namespace Concord::Sandbox {

// The HTTP front of the HubSpot emulator (see PlanHttpServer); it answers
// with the same reply shape as the QuickBooks emulator.
using HsHttpServer = PlanHttpServer<QboReply>;

} // namespace Concord::Sandbox
