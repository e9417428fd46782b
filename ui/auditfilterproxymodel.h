#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace Concord::Ui {

// Filters an AuditLogModel by free text: every word typed must appear
// (case-insensitively) in the entry's number, local time, actor, role, action,
// entity or summary — so "alice invoice" finds Alice's invoice changes.
class AuditFilterProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit AuditFilterProxyModel(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    [[nodiscard]] QString filterText() const { return m_text; }

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow,
                                        const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QStringList m_words;
};

} // namespace Concord::Ui
