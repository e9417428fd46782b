#pragma once

#include "planhttpserver.h"

#include <QByteArray>
#include <QList>
#include <QPair>

namespace Concord::Sandbox {

// One HTTP answer the Cal.com emulator has decided on, before it is written.
struct CalReply {
    int status = 200;
    QByteArray contentType = "application/json; charset=utf-8";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> extraHeaders;
};

// The HTTP front of the Cal.com emulator (see PlanHttpServer).
using CalHttpServer = PlanHttpServer<CalReply>;

} // namespace Concord::Sandbox
