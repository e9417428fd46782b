#pragma once

#include "theme.h"

#include <QDialog>

#include <functional>
#include <optional>
#include <utility>

class QBoxLayout;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace Concord::Ui {

// The retry queue's confirmation dialogs (edit and retry, link, dismiss)
// share one shape: the change it is about, what the action does, one field,
// a live problem line, and a confirm button that is only enabled while the
// field is acceptable. Callers give the (translated) words and the check.
class JobActionDialog : public QDialog {
    Q_OBJECT
public:
    // Why the field cannot be confirmed yet, shown under it (an empty text
    // holds the button back silently, e.g. a required field still empty).
    using Problem = std::pair<QString, Theme::Tone>;

    JobActionDialog(const QString &objectName, const QString &title, const QString &subject,
                    const QString &intro, const QString &confirmText, QWidget *parent);

    // One of the two, once: a labelled single line (`label` carries its
    // "&" accelerator), or a JSON editor under `label` (the dialog grows).
    QLineEdit *addLineField(const QString &objectName, const QString &label,
                            const QString &accessibleName, const QString &placeholder);
    QPlainTextEdit *addJsonEditor(const QString &objectName, const QString &label,
                                  const QString &accessibleName, const QString &json);

    // Runs now and on every edit of the field; no problem = confirmable.
    void setCheck(std::function<std::optional<Problem>()> check);
    [[nodiscard]] QPushButton *confirmButton() const { return m_confirm; }

private:
    void runCheck();

    QBoxLayout *m_layout = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_confirm = nullptr;
    std::function<std::optional<Problem>()> m_check;
};

} // namespace Concord::Ui
