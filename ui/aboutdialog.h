#pragma once

#include <QDialog>

class QLabel;

namespace Concord::Ui {

// Help ▸ About: what Concord is, which version, on which Qt, under which licence.
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    [[nodiscard]] QString versionText() const;
    [[nodiscard]] QString qtText() const;

private:
    QLabel *m_version = nullptr;
    QLabel *m_qt = nullptr;
};

} // namespace Concord::Ui
