#pragma once

// Shared helpers of the QuickBooks connector tests (header-only).

#include "domainprinters.h"
#include "testsupport.h"

#include "domain/money.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace Concord::Test::Qbo {

inline QString qboFixture(const QString &relative)
{
    return QStringLiteral("quickbooks/") + relative;
}

inline QJsonObject readJsonObject(const QString &relative)
{
    const QJsonDocument doc = QJsonDocument::fromJson(readFixture(qboFixture(relative)));
    return doc.object();
}

inline qint64 minor(const std::optional<Concord::Domain::Money> &money)
{
    return money ? money->minorUnits() : std::numeric_limits<qint64>::min();
}

} // namespace Concord::Test::Qbo
