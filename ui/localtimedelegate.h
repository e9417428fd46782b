#pragma once

#include <QStyledItemDelegate>

namespace Concord::Ui {

// Shows a UTC QDateTime in the computer's local time, to the second, in an
// unambiguous year-month-day form (an audit trail is read across locales and
// sorted by eye). The model keeps the UTC value for sorting and tooltips.
class LocalTimeDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    [[nodiscard]] QString displayText(const QVariant &value, const QLocale &locale) const override;

    // The same text for other places that show such a time (detail pane, filter).
    // ISO 8601 in every language on purpose: audit entries and retry times
    // are compared to the second and to other systems' logs, and the form
    // reads the same to an English and a French admin (and sorts as text).
    [[nodiscard]] static QString format(const QDateTime &utc);
};

} // namespace Concord::Ui
