#include "reviewdialogs.h"

#include "reviewsmodel.h"
#include "roletext.h"
#include "security/permissions.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Concord::Domain;

namespace Concord::Ui {

QList<User> AssignOwnerDialog::eligible(const QList<User> &users)
{
    QList<User> out;
    for (const User &u : users) {
        if (u.active && Security::roleHas(u.role, Security::Permission::CompleteReviews))
            out.append(u);
    }
    std::sort(out.begin(), out.end(), [](const User &a, const User &b) {
        return QString::localeAwareCompare(a.displayName, b.displayName) < 0;
    });
    return out;
}

AssignOwnerDialog::AssignOwnerDialog(ReviewCadence cadence, const QList<User> &users, qint64 currentOwnerId,
                                     QWidget *parent)
    : QDialog(parent)
    , m_cadence(cadence)
    , m_current(currentOwnerId)
{
    setObjectName(QStringLiteral("assignOwnerDialog"));
    setWindowTitle(tr("Assign owner"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Who does the %1 review? They see it when it falls due and sign it off; an "
                                "owner can stand in.")
                                 .arg(ReviewsModel::cadenceText(cadence).toLower()),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_combo = new QComboBox(this);
    m_combo->setObjectName(QStringLiteral("ownerCombo"));
    m_combo->addItem(tr("Nobody"), qint64(0));
    for (const User &u : eligible(users))
        m_combo->addItem(tr("%1 (%2)").arg(u.displayName.isEmpty() ? u.username : u.displayName,
                                          RoleText::noun(u.role)),
                         u.id);
    const int current = m_combo->findData(currentOwnerId);
    m_combo->setCurrentIndex(current >= 0 ? current : 0);
    form->addRow(tr("&Owner:"), m_combo);
    layout->addLayout(form);

    auto *note = new QLabel(tr("Only people who may complete reviews (%1) are listed.")
                                .arg(RoleText::whoMay(Security::Permission::CompleteReviews)),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(note);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_confirm = buttons->addButton(tr("Assign"), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    m_confirm->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto update = [this] { m_confirm->setEnabled(selectedUserId() != m_current); };
    connect(m_combo, &QComboBox::currentIndexChanged, this, update);
    update();
}

qint64 AssignOwnerDialog::selectedUserId() const
{
    return m_combo->currentData().toLongLong();
}

CompleteReviewDialog::CompleteReviewDialog(ReviewCadence cadence, const QString &dueText, const QString &summary,
                                           QWidget *parent)
    : QDialog(parent)
    , m_cadence(cadence)
{
    setObjectName(QStringLiteral("completeReviewDialog"));
    setWindowTitle(tr("Complete %1 review").arg(ReviewsModel::cadenceText(cadence).toLower()));
    setMinimumWidth(460);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("<b>%1 review, due %2.</b> Completing it records you, now, and what was found in "
                                "the audit log, and moves the next due date on.")
                                 .arg(ReviewsModel::cadenceText(cadence), dueText.toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *foundTitle = new QLabel(tr("What this review found:"), this);
    layout->addWidget(foundTitle);
    m_summary = new QLabel(summary.isEmpty() ? tr("No findings were loaded for this review.") : summary, this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setContentsMargins(12, 6, 12, 6);
    m_summary->setFrameShape(QFrame::StyledPanel);
    layout->addWidget(m_summary);

    auto *noteLabel = new QLabel(tr("&Note for the audit log (optional):"), this);
    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("noteEdit"));
    m_note->setPlaceholderText(tr("What you did about it, what is left, who follows up."));
    m_note->setTabChangesFocus(true);
    m_note->setFixedHeight(m_note->fontMetrics().lineSpacing() * 5 + 12);
    noteLabel->setBuddy(m_note);
    layout->addWidget(noteLabel);
    layout->addWidget(m_note);
    m_noteHint = new QLabel(this);
    m_noteHint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_noteHint);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_confirm = buttons->addButton(tr("Complete review"), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    m_confirm->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_note, &QPlainTextEdit::textChanged, this, &CompleteReviewDialog::updateConfirm);
    updateConfirm();
}

QString CompleteReviewDialog::note() const
{
    return m_note->toPlainText().trimmed();
}

QString CompleteReviewDialog::summaryText() const
{
    return m_summary->text();
}

void CompleteReviewDialog::updateConfirm()
{
    const int length = int(note().size());
    const bool fits = length <= kMaxNoteLength;
    m_confirm->setEnabled(fits);
    m_noteHint->setText(fits ? tr("%1 of %2 characters").arg(length).arg(kMaxNoteLength)
                             : tr("Too long: %1 of %2 characters").arg(length).arg(kMaxNoteLength));
}

} // namespace Concord::Ui
