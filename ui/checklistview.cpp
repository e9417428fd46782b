#include "checklistview.h"

#include "pageheader.h"
#include "theme.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace Concord::Ui {

using Review::Answer;
using Review::IntegrationMode;
using Review::Verdict;

namespace {

Theme::Tone toneOf(Answer a)
{
    switch (a) {
    case Answer::Yes:
        return Theme::Tone::Good;
    case Answer::No:
        return Theme::Tone::Bad;
    case Answer::Unknown:
        return Theme::Tone::Neutral;
    }
    return Theme::Tone::Neutral;
}

Theme::Tone toneOf(Verdict v)
{
    switch (v) {
    case Verdict::FullFits:
        return Theme::Tone::Good;
    case Verdict::Borderline:
        return Theme::Tone::Warning;
    case Verdict::Lighter:
        return Theme::Tone::Info;
    }
    return Theme::Tone::Neutral;
}

// Colour and words: the mark never relies on colour alone.
QString markText(Answer a)
{
    switch (a) {
    case Answer::Yes:
        return ChecklistView::tr("✓ Yes");
    case Answer::No:
        return ChecklistView::tr("✗ No");
    case Answer::Unknown:
        return ChecklistView::tr("? Unknown");
    }
    return {};
}

QString bannerStyle(const QString &name, Theme::Tone tone)
{
    return QStringLiteral("QFrame#%1 { background: %2; border: 1px solid %3; border-radius: 6px; }"
                          " QFrame#%1 QLabel { color: %4; }")
        .arg(name, Theme::toneBackground(tone).name(), Theme::toneColor(tone).name(),
             Theme::toneText(tone).name());
}

QString roleWords(Domain::Role role)
{
    switch (role) {
    case Domain::Role::Owner:
        return ChecklistView::tr("an owner");
    case Domain::Role::OfficeManager:
        return ChecklistView::tr("an office manager");
    case Domain::Role::Bookkeeper:
        return ChecklistView::tr("a bookkeeper");
    case Domain::Role::Viewer:
        return ChecklistView::tr("a viewer");
    }
    return {};
}

} // namespace

ChecklistView::ChecklistView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("checklistView"));
    m_confirm = [this](const QString &title, const QString &text) {
        return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel)
            == QMessageBox::Yes;
    };

    auto *header = new PageHeader(tr("Decision checklist"),
                                  tr("The eight go/no-go questions, answered from the live "
                                     "configuration and measured sync health."),
                                  this);
    m_evaluate =
        new QPushButton(Theme::icon(QStringLiteral("refresh")), tr("&Evaluate again"), this);
    m_evaluate->setObjectName(QStringLiteral("evaluateButton"));
    m_evaluate->setToolTip(tr("Read the configuration and the last week's sync health again"));
    header->addTrailingWidget(m_evaluate);

    m_failure = new QFrame(this);
    m_failure->setObjectName(QStringLiteral("checklistFailure"));
    m_failure->setStyleSheet(bannerStyle(QStringLiteral("checklistFailure"), Theme::Tone::Bad));
    m_failureText = new QLabel(m_failure);
    m_failureText->setWordWrap(true);
    m_failureText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *failureLayout = new QHBoxLayout(m_failure);
    failureLayout->setContentsMargins(14, 8, 14, 8);
    failureLayout->addWidget(m_failureText, 1);
    m_failure->setVisible(false);

    m_verdict = new QFrame(this);
    m_verdict->setObjectName(QStringLiteral("checklistVerdict"));
    m_verdictText = new QLabel(m_verdict);
    m_verdictText->setObjectName(QStringLiteral("verdictText"));
    m_verdictText->setWordWrap(true);
    QFont verdictFont = m_verdictText->font();
    verdictFont.setPointSizeF(verdictFont.pointSizeF() * 1.15);
    verdictFont.setBold(true);
    m_verdictText->setFont(verdictFont);
    m_evaluatedAt = new QLabel(m_verdict);
    m_evaluatedAt->setObjectName(QStringLiteral("evaluatedAt"));
    auto *verdictLayout = new QVBoxLayout(m_verdict);
    verdictLayout->setContentsMargins(16, 12, 16, 12);
    verdictLayout->setSpacing(4);
    verdictLayout->addWidget(m_verdictText);
    verdictLayout->addWidget(m_evaluatedAt);
    m_verdict->setVisible(false);

    auto *modeRow = new QFrame(this);
    modeRow->setObjectName(QStringLiteral("modeRow"));
    m_modeText = new QLabel(modeRow);
    m_modeText->setObjectName(QStringLiteral("modeText"));
    m_modeText->setWordWrap(true);
    m_modeText->setText(tr("Integration mode: not read yet."));
    m_modeButton = new QPushButton(modeRow);
    m_modeButton->setObjectName(QStringLiteral("modeButton"));
    auto *modeLayout = new QHBoxLayout(modeRow);
    modeLayout->setContentsMargins(0, 0, 0, 0);
    modeLayout->addWidget(m_modeText, 1);
    modeLayout->addWidget(m_modeButton, 0, Qt::AlignTop);

    m_placeholder = new QLabel(
        tr("Not evaluated yet. Choose “Evaluate again” to answer the eight questions."), this);
    m_placeholder->setObjectName(QStringLiteral("checklistPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);

    auto *cards = new QWidget;
    cards->setObjectName(QStringLiteral("checklistCards"));
    m_cardsLayout = new QVBoxLayout(cards);
    m_cardsLayout->setContentsMargins(0, 0, 8, 0);
    m_cardsLayout->setSpacing(8);
    m_cardsLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("checklistScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(cards);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 20);
    layout->setSpacing(12);
    layout->addWidget(header);
    layout->addWidget(m_failure);
    layout->addWidget(m_verdict);
    layout->addWidget(modeRow);
    layout->addWidget(m_placeholder, 1);
    layout->addWidget(scroll, 3);

    scroll->setVisible(false); // until the first checklist: the placeholder has the room
    connect(m_evaluate, &QPushButton::clicked, this, &ChecklistView::evaluateRequested);
    connect(m_modeButton, &QPushButton::clicked, this, &ChecklistView::requestModeChange);
    updateModeButton();
}

QString ChecklistView::confirmText(IntegrationMode mode)
{
    if (mode == IntegrationMode::Light)
        return tr(
            "Switch to the lighter setup?\n\n"
            "• Bookings keep flowing one way from Cal.com to HubSpot (contact, deal, tasks).\n"
            "• Edits made in HubSpot are no longer read back: they do not reach Cal.com, "
            "QuickBooks "
            "or Concord, and deal stages moved by hand are no longer put back.\n"
            "• QuickBooks invoices are no longer created automatically: use “Create invoice now” "
            "on "
            "the Appointments page. Payments and refunds are still read from QuickBooks.\n"
            "• Changes already queued are still delivered (dismiss them in the retry queue if "
            "unwanted).\n\n"
            "Every desktop and sync worker follows from its next cycle. The change is audited.");
    return tr("Switch to full integration?\n\n"
              "• HubSpot contacts and deals are read again; deal stages moved by hand are flagged "
              "and put back.\n"
              "• Held sessions without an invoice get one automatically, by the invoice policy — "
              "including "
              "sessions of the last 120 days not yet invoiced.\n\n"
              "Every desktop and sync worker follows from its next cycle. The change is audited.");
}

void ChecklistView::setChecklist(const Review::DecisionChecklist &checklist)
{
    m_checklist = checklist;
    m_failure->setVisible(false);
    m_placeholder->setVisible(false);
    if (auto *scroll = findChild<QScrollArea *>(QStringLiteral("checklistScroll")))
        scroll->setVisible(true);
    m_verdict->setVisible(true);
    m_verdict->setStyleSheet(
        bannerStyle(QStringLiteral("checklistVerdict"), toneOf(checklist.verdict)));
    m_verdictText->setText(checklist.verdictText);
    m_evaluatedAt->setText(
        tr("Evaluated %1")
            .arg(QLocale().toString(checklist.evaluatedAt.toLocalTime(), QLocale::ShortFormat)));

    clearCards();
    int index = 0;
    for (const Review::ChecklistAnswer &a : checklist.answers) {
        Card c;
        c.frame = new QFrame;
        c.frame->setObjectName(QStringLiteral("checklistCard"));
        c.frame->setFrameShape(QFrame::StyledPanel);
        c.frame->setAccessibleName(QStringLiteral("%1. %2 %3")
                                       .arg(QString::number(int(a.question) + 1),
                                            Review::questionText(a.question), markText(a.answer)));
        const Theme::Tone tone = toneOf(a.answer);
        c.mark = new QLabel(markText(a.answer), c.frame);
        c.mark->setObjectName(QStringLiteral("answerMark"));
        c.mark->setAlignment(Qt::AlignCenter);
        // One width for every mark (the widest, bold), so the questions line up.
        QFont markFont = c.mark->font();
        markFont.setBold(true);
        const QFontMetrics fm(markFont);
        int widest = 0;
        for (Answer each : { Answer::Yes, Answer::No, Answer::Unknown })
            widest = std::max(widest, fm.horizontalAdvance(markText(each)));
        c.mark->setFixedWidth(widest + 24); // padding 6 px and border 1 px each side, plus air
        c.mark->setStyleSheet(
            QStringLiteral("QLabel { background: %1; color: %2; border: 1px solid %3;"
                           " border-radius: 4px; padding: 3px 6px; font-weight: bold; }")
                .arg(Theme::toneBackground(tone).name(), Theme::toneText(tone).name(),
                     Theme::toneColor(tone).name()));
        c.question = new QLabel(QStringLiteral("%1. %2").arg(QString::number(int(a.question) + 1),
                                                             Review::questionText(a.question)),
                                c.frame);
        c.question->setWordWrap(true);
        QFont bold = c.question->font();
        bold.setBold(true);
        c.question->setFont(bold);
        QStringList lines;
        for (const QString &e : a.evidence)
            lines << QStringLiteral("• ") + e;
        c.evidence = new QLabel(lines.join(u'\n'), c.frame);
        c.evidence->setWordWrap(true);
        c.evidence->setTextInteractionFlags(Qt::TextSelectableByMouse);
        c.toMakeYes = new QLabel(
            a.toMakeYes.isEmpty() ? QString() : tr("To make it yes: %1").arg(a.toMakeYes), c.frame);
        c.toMakeYes->setWordWrap(true);
        c.toMakeYes->setVisible(!a.toMakeYes.isEmpty());
        c.toMakeYes->setStyleSheet(
            QStringLiteral("QLabel { color: %1; }").arg(Theme::toneText(Theme::Tone::Info).name()));

        auto *text = new QVBoxLayout;
        text->setSpacing(4);
        text->addWidget(c.question);
        text->addWidget(c.evidence);
        text->addWidget(c.toMakeYes);
        auto *row = new QHBoxLayout(c.frame);
        row->setContentsMargins(12, 10, 12, 10);
        row->setSpacing(12);
        row->addWidget(c.mark, 0, Qt::AlignTop);
        row->addLayout(text, 1);
        m_cardsLayout->insertWidget(index++, c.frame);
        m_cards.append(c);
    }
}

void ChecklistView::clearCards()
{
    for (const Card &c : std::as_const(m_cards))
        delete c.frame;
    m_cards.clear();
}

void ChecklistView::setMode(const Review::IntegrationModeState &state)
{
    m_mode = state;
    // describe() starts with the mode's name ("Lighter setup: …").
    QString text = tr("Current mode — %1").arg(Review::describe(state.mode));
    if (state.version > 0)
        text += u' '
            + tr("Set by %1 on %2.")
                  .arg(state.updatedBy,
                       QLocale().toString(state.updatedAt.toLocalTime(), QLocale::ShortFormat));
    m_modeText->setText(text);
    updateModeButton();
}

void ChecklistView::setActor(Domain::Role role, const QString &username)
{
    m_role = role;
    m_username = username;
    updateModeButton();
}

void ChecklistView::showFailure(const QString &message)
{
    m_failureText->setText(message);
    m_failure->setVisible(!message.isEmpty());
}

void ChecklistView::updateModeButton()
{
    const bool light = m_mode && m_mode->mode == IntegrationMode::Light;
    m_modeButton->setText(light ? tr("Switch to full integration…")
                                : tr("Switch to the lighter setup…"));
    const bool owner = m_role == Domain::Role::Owner;
    m_modeButton->setEnabled(owner && m_mode.has_value());
    if (!owner)
        m_modeButton->setToolTip(tr("Only an owner may change the integration mode (you are %1).")
                                     .arg(roleWords(m_role)));
    else if (!m_mode)
        m_modeButton->setToolTip(tr("The current mode has not been read yet."));
    else
        m_modeButton->setToolTip(
            light ? tr("Carry changes both ways again and invoice by policy")
                  : tr("Push bookings one way to HubSpot and invoice only on request"));
}

void ChecklistView::requestModeChange()
{
    if (!m_mode || m_role != Domain::Role::Owner)
        return;
    const IntegrationMode target =
        m_mode->mode == IntegrationMode::Light ? IntegrationMode::Full : IntegrationMode::Light;
    const QString title = target == IntegrationMode::Light ? tr("Switch to the lighter setup")
                                                           : tr("Switch to full integration");
    if (!m_confirm || !m_confirm(title, confirmText(target)))
        return;
    Q_EMIT modeChangeRequested(target, m_mode->version);
}

QString ChecklistView::verdictText() const
{
    return m_verdict->isVisible() || m_checklist ? m_verdictText->text() : QString();
}

QString ChecklistView::modeText() const
{
    return m_modeText->text();
}

QString ChecklistView::failureText() const
{
    return m_failure->isHidden() ? QString() : m_failureText->text();
}

QString ChecklistView::placeholderText() const
{
    return m_placeholder->isHidden() ? QString() : m_placeholder->text();
}

QString ChecklistView::answerText(int index) const
{
    if (index < 0 || index >= m_cards.size())
        return {};
    const Card &c = m_cards.at(index);
    QStringList parts { c.mark->text(), c.question->text(), c.evidence->text() };
    if (!c.toMakeYes->text().isEmpty())
        parts << c.toMakeYes->text();
    return parts.join(u'\n');
}

} // namespace Concord::Ui
