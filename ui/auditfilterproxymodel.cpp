#include "auditfilterproxymodel.h"

#include "auditlogmodel.h"
#include "localtimedelegate.h"

#include <QDateTime>

namespace Concord::Ui {

AuditFilterProxyModel::AuditFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortLocaleAware(true);
}

void AuditFilterProxyModel::setFilterText(const QString &text)
{
    const QString simplified = text.simplified();
    if (simplified == m_text)
        return;
    m_text = simplified;
    m_words = m_text.isEmpty() ? QStringList() : m_text.split(QLatin1Char(' '));
    invalidateFilter();
}

bool AuditFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const QAbstractItemModel *model = sourceModel();
    const auto text = [&](int column) {
        const QVariant value = model->index(sourceRow, column, sourceParent).data();
        // Match the time as the user sees it, not as stored (UTC).
        if (value.metaType() == QMetaType::fromType<QDateTime>())
            return LocalTimeDelegate::format(value.toDateTime());
        return value.toString();
    };
    QString haystack;
    for (int column = 0; column < AuditLogModel::ColumnCount; ++column) {
        haystack += text(column);
        haystack += QLatin1Char('\n');
    }
    for (const QString &word : m_words) {
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace Concord::Ui
