#include "localtimedelegate.h"

#include <QDateTime>

namespace Concord::Ui {

QString LocalTimeDelegate::displayText(const QVariant &value, const QLocale &locale) const
{
    if (value.metaType() == QMetaType::fromType<QDateTime>())
        return format(value.toDateTime());
    return QStyledItemDelegate::displayText(value, locale);
}

QString LocalTimeDelegate::format(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace Concord::Ui
