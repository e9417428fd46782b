#pragma once

#include "common/error.h"
#include "connectors/calcom/booking.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace Concord::Calcom {

// The success envelope {"status":"success","data":…}: the data, or an error
// when the body is not that envelope.
[[nodiscard]] Result<QJsonValue> dataOf(const QByteArray &body);

// One page of GET /v2/bookings, in either paging dialect:
// - 2026-05-01 (cursor): "pagination":{"nextCursor":"…"|null,"hasMore":bool}
// - 2024-08-13 (offset): "pagination":{"totalItems","remainingItems",
//   "returnedItems","itemsPerPage","currentPage","totalPages","hasNextPage",…}
struct BookingPage {
    QList<Booking> bookings;
    QString nextCursor; // cursor dialect; empty when there is none
    bool hasMore = false; // either dialect
    std::optional<qint64> totalItems; // offset dialect only

    [[nodiscard]] static Result<BookingPage> fromResponse(const QByteArray &body);
};

} // namespace Concord::Calcom
