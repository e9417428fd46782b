#include "retryqueuedialogs.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Concord::Ui {

JobActionDialog::JobActionDialog(const QString &objectName, const QString &title, const QString &subject,
                                 const QString &intro, const QString &confirmText, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(objectName);
    setWindowTitle(title);
    auto *subjectLabel = new QLabel(subject, this);
    subjectLabel->setObjectName(QStringLiteral("cardTitle"));
    auto *introLabel = new QLabel(intro, this);
    introLabel->setWordWrap(true);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("payloadProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_confirm = buttons->button(QDialogButtonBox::Ok);
    m_confirm->setText(confirmText);
    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_layout = new QVBoxLayout(this);
    m_layout->setSpacing(8);
    m_layout->addWidget(subjectLabel);
    m_layout->addWidget(introLabel);
    m_layout->addSpacing(4);
    // The field goes here (index 3), then the problem line and the buttons.
    m_layout->addWidget(m_problem);
    m_layout->addWidget(buttons);
}

QLineEdit *JobActionDialog::addLineField(const QString &objectName, const QString &label,
                                         const QString &accessibleName, const QString &placeholder)
{
    auto *field = new QLineEdit(this);
    field->setObjectName(objectName);
    field->setAccessibleName(accessibleName);
    field->setPlaceholderText(placeholder);
    auto *fieldLabel = new QLabel(label, this);
    fieldLabel->setBuddy(field);
    auto *form = new QFormLayout;
    form->addRow(fieldLabel, field);
    m_layout->insertLayout(4, form);
    m_layout->insertStretch(5, 1);
    connect(field, &QLineEdit::textChanged, this, &JobActionDialog::runCheck);
    resize(520, sizeHint().height());
    field->setFocus();
    return field;
}

QPlainTextEdit *JobActionDialog::addJsonEditor(const QString &objectName, const QString &label,
                                               const QString &accessibleName, const QString &json)
{
    auto *editor = new QPlainTextEdit(this);
    editor->setObjectName(objectName);
    editor->setAccessibleName(accessibleName);
    editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    editor->setTabChangesFocus(true);
    editor->setPlainText(json);
    auto *editorLabel = new QLabel(label, this);
    editorLabel->setBuddy(editor);
    m_layout->insertWidget(4, editorLabel);
    m_layout->insertWidget(5, editor, 1);
    connect(editor, &QPlainTextEdit::textChanged, this, &JobActionDialog::runCheck);
    resize(620, 480);
    editor->setFocus();
    return editor;
}

void JobActionDialog::setCheck(std::function<std::optional<Problem>()> check)
{
    m_check = std::move(check);
    runCheck();
}

void JobActionDialog::runCheck()
{
    const std::optional<Problem> problem = m_check ? m_check() : std::nullopt;
    const QString text = problem ? problem->first : QString();
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    if (problem)
        m_problem->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::toneText(problem->second).name()));
    m_confirm->setEnabled(!problem);
}

} // namespace Concord::Ui
