#include "connectors/hubspot/apiversion.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Concord::HubSpot {

Result<ApiVersion> ApiVersion::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.compare(u"v3"_s, Qt::CaseInsensitive) == 0)
        return ApiVersion();
    // HubSpot releases a version each March and September, from 2026-03 on.
    static const QRegularExpression date(u"^(\\d{4})-(03|09)$"_s);
    const QRegularExpressionMatch match = date.match(trimmed);
    if (!match.hasMatch() || match.captured(1).toInt() < 2026) {
        return fail(ErrorCode::InvalidArgument,
                    u"expected v3 or a HubSpot date version such as 2026-03 (March or September, "
                    "2026 or later), got '%1'"_s.arg(text));
    }
    ApiVersion version;
    version.m_date = trimmed;
    return version;
}

QString ApiVersion::toString() const
{
    return m_date.isEmpty() ? u"v3"_s : m_date;
}

QString ApiVersion::objectsPath(const QString &objectType) const
{
    if (m_date.isEmpty())
        return u"/crm/v3/objects/"_s + objectType;
    return u"/crm/objects/"_s + m_date + u'/' + objectType;
}

} // namespace Concord::HubSpot
