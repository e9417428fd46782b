#pragma once

#include <QFrame>

class QLabel;

namespace Concord::Ui {

// One number with its caption ("128 / Customers") on the overview page.
class StatTile : public QFrame {
    Q_OBJECT
public:
    explicit StatTile(const QString &caption, QWidget *parent = nullptr);

    // Shows `value` in the current locale's digit grouping; a negative value
    // means "not known yet" and shows a dash.
    void setValue(qint64 value);
    // Colours the number when it asks for attention (e.g. failed jobs > 0).
    void setAlert(bool alert);

    [[nodiscard]] QString valueText() const;
    [[nodiscard]] QString caption() const;

private:
    QLabel *m_value = nullptr;
    QLabel *m_caption = nullptr;
};

} // namespace Concord::Ui
