#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace Concord::Sandbox {

// One HTTP answer the emulator has decided on, before it is written (so it can
// be cached for requestid replay, delayed, or logged).
struct QboReply {
    int status = 200;
    QByteArray contentType = "application/json;charset=UTF-8";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> extraHeaders;
};

} // namespace Concord::Sandbox
