#pragma once

#include "common/error.h"
#include "domain/money.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Concord::Calcom {

// An event type (cal-api-version 2024-06-14): what Concord calls a service —
// "Math tutoring, 60 min". Only the fields Concord uses; the rest is ignored.
struct EventType {
    qint64 id = 0;
    QString slug;
    QString title;
    QString description;
    int lengthInMinutes = 0;
    std::optional<qint64> ownerId; // the user's id; empty for team event types
    std::optional<qint64> teamId; // team event types
    bool hidden = false;
    // Bookings start as "pending" until a host confirms: the 2024-06-14
    // output carries a non-null `confirmationPolicy`; older shapes a
    // `requiresConfirmation` flag. Both are read.
    bool requiresConfirmation = false;
    // Paid event types: Cal.com stores the price in the currency's minor
    // units (BOOKING_PAID: "price": 1000, "currency": "USD" = $10.00).
    // Unset when the event type is free (price 0 or absent).
    std::optional<Domain::Money> price;

    [[nodiscard]] static Result<EventType> fromJson(const QJsonObject &object);

    friend bool operator==(const EventType &, const EventType &) = default;
};

// Price as Cal.com writes it (integer minor units + lower- or upper-case ISO
// code) → Money. Zero or absent → nullopt; a bad currency → error.
[[nodiscard]] Result<std::optional<Domain::Money>>
priceFromMinorUnits(std::optional<qint64> minorUnits, const QString &currency);

} // namespace Concord::Calcom
