#include "verificationbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QToolButton>

namespace Concord::Ui {

using Security::AuditVerification;

VerificationBanner::VerificationBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_showEntry(new QPushButton(tr("Show entry"), this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("verificationBanner"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setText(QStringLiteral("×"));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss"));
    m_showEntry->setCursor(Qt::PointingHandCursor);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(14, 10, 8, 10);
    layout->setSpacing(10);
    // The dot sits on the first line of text, however many lines follow.
    m_icon->setFixedHeight(m_text->fontMetrics().height());
    m_icon->setAlignment(Qt::AlignCenter);
    m_icon->setContentsMargins(0, 2, 0, 0); // optical centre on the x-height, not the line box
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_showEntry, 0, Qt::AlignVCenter);
    layout->addWidget(m_close, 0, Qt::AlignTop);

    connect(m_close, &QToolButton::clicked, this, &VerificationBanner::dismiss);
    connect(m_showEntry, &QPushButton::clicked, this, [this] {
        if (m_brokenSeq > 0)
            Q_EMIT showEntryRequested(m_brokenSeq);
    });
    dismiss();
}

void VerificationBanner::setRunning()
{
    m_brokenSeq = 0;
    present(State::Running, Theme::Tone::Info, tr("Verifying the audit chain…"));
}

void VerificationBanner::setResult(const AuditVerification &result)
{
    const QLocale locale;
    if (result.ok) {
        m_brokenSeq = 0;
        const QString text = result.entriesChecked == 0
            ? tr("The audit log is empty: there is nothing to verify yet.")
            : tr("Audit chain intact: all %Ln entries check out.", nullptr,
                 int(result.entriesChecked));
        present(State::Intact, Theme::Tone::Good, text);
        return;
    }
    m_brokenSeq = result.firstBrokenSeq;
    QString reason = result.reason.trimmed();
    if (reason.endsWith(QLatin1Char('.')))
        reason.chop(1); // the sentence below supplies its own full stop
    if (reason.isEmpty())
        reason = tr("no reason given");
    present(State::Broken, Theme::Tone::Bad,
            tr("Audit chain broken at entry #%1: %2. The entries before it check out; "
               "this entry and every later one can no longer be trusted.")
                .arg(locale.toString(result.firstBrokenSeq), reason));
}

void VerificationBanner::setFailed(const QString &message)
{
    m_brokenSeq = 0;
    present(State::Failed, Theme::Tone::Warning,
            tr("Could not verify the audit chain: %1").arg(message));
}

void VerificationBanner::dismiss()
{
    m_state = State::Hidden;
    m_brokenSeq = 0;
    setVisible(false);
}

QString VerificationBanner::text() const
{
    return m_state == State::Hidden ? QString() : m_text->text();
}

void VerificationBanner::present(State state, Theme::Tone tone, const QString &text)
{
    m_state = state;
    m_tone = tone;
    m_text->setText(text);
    m_icon->setPixmap(Theme::dot(tone, 12));
    m_showEntry->setVisible(state == State::Broken && m_brokenSeq > 0);
    m_close->setVisible(state != State::Running);
    // Per-widget sheet: the tone changes at run time, the application sheet cannot follow.
    setStyleSheet(QStringLiteral("QFrame#verificationBanner { background: %1; border: 1px solid %2;"
                                 " border-radius: 6px; }"
                                 " QFrame#verificationBanner QLabel { color: %3; }")
                      .arg(Theme::toneBackground(tone).name(), Theme::toneColor(tone).name(),
                           Theme::toneText(tone).name()));
    setVisible(true);
}

} // namespace Concord::Ui
