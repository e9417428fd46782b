#include "domain/system.h"

namespace Concord::Domain {

QString toString(System system)
{
    switch (system) {
    case System::QuickBooks: return QStringLiteral("quickbooks");
    case System::HubSpot: return QStringLiteral("hubspot");
    case System::CalCom: return QStringLiteral("calcom");
    }
    return {};
}

Result<System> parseSystem(const QString &text)
{
    const QString t = text.trimmed().toLower();
    for (System s : allSystems()) {
        if (toString(s) == t)
            return s;
    }
    return fail(ErrorCode::InvalidArgument,
                QStringLiteral("unknown system '%1' (expected quickbooks, hubspot or calcom)").arg(text));
}

QList<System> allSystems()
{
    return {System::QuickBooks, System::HubSpot, System::CalCom};
}

QString displayName(System system)
{
    switch (system) {
    case System::QuickBooks: return QStringLiteral("QuickBooks Online");
    case System::HubSpot: return QStringLiteral("HubSpot");
    case System::CalCom: return QStringLiteral("Cal.com");
    }
    return {};
}

} // namespace Concord::Domain
