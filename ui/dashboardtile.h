#pragma once

#include "theme.h"

#include <QFrame>

class QLabel;

namespace Concord::Ui {

// One figure on the dashboard ("$412.75 / Outstanding / 4 open invoices"):
// like StatTile, but the value is text (an amount of money is formatted by
// the caller, exactly, from Domain::Money) and a short detail line says what
// the number is made of. A tone colours the value when it asks for attention.
class DashboardTile : public QFrame {
    Q_OBJECT
public:
    DashboardTile(const QString &caption, QWidget *parent = nullptr);

    void setValue(const QString &value, const QString &detail = {});
    // Neutral keeps the normal text colour; Bad/Warning colour the value.
    void setTone(Theme::Tone tone);

    [[nodiscard]] QString valueText() const;
    [[nodiscard]] QString detailText() const;
    [[nodiscard]] QString caption() const;
    [[nodiscard]] Theme::Tone tone() const { return m_tone; }

private:
    void updateAccessibleName();

    QLabel *m_value = nullptr;
    QLabel *m_caption = nullptr;
    QLabel *m_detail = nullptr;
    Theme::Tone m_tone = Theme::Tone::Neutral;
};

} // namespace Concord::Ui
