#pragma once

#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace Concord::Ui {

// The title block every page starts with: a large title, one line saying what
// the page is for, and room on the right for the page's own buttons.
class PageHeader : public QWidget {
    Q_OBJECT
public:
    PageHeader(const QString &title, const QString &subtitle, QWidget *parent = nullptr);

    // Adds a widget (usually a button) to the right-hand side, in order.
    void addTrailingWidget(QWidget *widget);

    [[nodiscard]] QString title() const;

private:
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QHBoxLayout *m_trailing = nullptr;
};

} // namespace Concord::Ui
