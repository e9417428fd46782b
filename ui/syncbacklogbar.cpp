#include "syncbacklogbar.h"

#include "roletext.h"
#include "security/permissions.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

namespace Concord::Ui {

using Services::SyncRunState;

namespace {
// The bar works on a 0..kScale range: QProgressBar's int would overflow for
// no real outbox, but a range that never changes keeps the bar from jumping.
constexpr int kScale = 1000;
} // namespace

SyncBacklogBar::SyncBacklogBar(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_button(new QToolButton(this))
{
    setObjectName(QStringLiteral("syncBacklogBar"));
    m_label->setObjectName(QStringLiteral("syncBacklogText"));
    m_progress->setObjectName(QStringLiteral("syncBacklogProgress"));
    m_progress->setRange(0, kScale);
    m_progress->setTextVisible(false);
    m_progress->setFixedWidth(110);
    m_progress->setMaximumHeight(m_label->fontMetrics().height() - 2);
    m_progress->setAccessibleName(tr("Changes carried"));
    m_button->setObjectName(QStringLiteral("syncPauseButton"));
    m_button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_button->setAutoRaise(false);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 1, 8, 1);
    layout->setSpacing(8);
    layout->addWidget(m_label);
    layout->addWidget(m_progress, 0, Qt::AlignVCenter);
    layout->addWidget(m_button, 0, Qt::AlignVCenter);

    connect(m_button, &QToolButton::clicked, this, [this] {
        if (m_backlog.state == SyncRunState::Paused)
            resume();
        else
            pause();
    });
    present();
}

QString SyncBacklogBar::text() const
{
    return m_label->text();
}

QString SyncBacklogBar::blockedReason() const
{
    if (Security::roleHas(m_role, Security::Permission::ManageRetryQueue))
        return {};
    return tr("Only %1 can pause or resume sync.").arg(RoleText::whoMay(Security::Permission::ManageRetryQueue));
}

void SyncBacklogBar::setBacklog(const Services::SyncBacklog &backlog)
{
    // A new state answers the pause or resume asked for.
    if (backlog.state != m_backlog.state)
        m_asked = false;
    m_backlog = backlog;
    m_failure.clear();
    present();
}

void SyncBacklogBar::setRole(Domain::Role role)
{
    m_role = role;
    present();
}

void SyncBacklogBar::showFailure(const QString &message)
{
    m_asked = false;
    m_failure = message;
    present();
}

void SyncBacklogBar::pause()
{
    if (m_asked || !blockedReason().isEmpty() || m_backlog.state != SyncRunState::Running)
        return;
    m_asked = true;
    present();
    Q_EMIT pauseRequested();
}

void SyncBacklogBar::resume()
{
    if (m_asked || !blockedReason().isEmpty() || m_backlog.state != SyncRunState::Paused)
        return;
    m_asked = true;
    present();
    Q_EMIT resumeRequested();
}

void SyncBacklogBar::present()
{
    const SyncRunState state = m_backlog.state;
    const bool paused = state == SyncRunState::Paused || state == SyncRunState::Pausing;
    setVisible(paused || (state == SyncRunState::Running && m_backlog.hasWork()));

    const QLocale locale;
    const QString done = locale.toString(m_backlog.done);
    const QString total = locale.toString(m_backlog.total);
    QString text;
    switch (state) {
    case SyncRunState::Off:
    case SyncRunState::Running:
        //: Status bar, while the sync engine works through a backlog: "240 of 603"
        text = tr("Carrying changes: %1 of %2").arg(done, total);
        break;
    case SyncRunState::Pausing:
        text = tr("Pausing: finishing the changes on their way…");
        break;
    case SyncRunState::Paused:
        text = m_backlog.hasWork()
            //: Status bar: sync paused by a person; "363" changes wait in the queue
            ? tr("Sync paused: %1 changes waiting").arg(locale.toString(m_backlog.outstanding()))
            : tr("Sync paused");
        break;
    }
    if (!m_failure.isEmpty())
        text = tr("Not done: %1").arg(m_failure);
    m_label->setText(text);
    m_label->setToolTip(m_failure.isEmpty()
                            ? tr("Changes Concord carries between HubSpot, QuickBooks and Cal.com since this "
                                 "backlog began: %1 done, %2 still to carry")
                                  .arg(done, locale.toString(m_backlog.outstanding()))
                            : m_failure);

    m_progress->setVisible(m_backlog.hasWork());
    m_progress->setValue(m_backlog.total > 0 ? int(m_backlog.done * kScale / m_backlog.total) : 0);
    m_progress->setToolTip(tr("%1 of %2 changes carried").arg(done, total));

    const bool resumes = state == SyncRunState::Paused;
    m_button->setText(resumes ? tr("Resume sync") : tr("Pause sync"));
    m_button->setVisible(state != SyncRunState::Off);
    const QString blocked = blockedReason();
    m_button->setEnabled(blocked.isEmpty() && !m_asked && state != SyncRunState::Pausing);
    m_button->setToolTip(!blocked.isEmpty() ? blocked
                         : resumes ? tr("Start carrying changes again")
                                   : tr("Stop carrying changes for now; they wait in the queue and nothing is "
                                        "lost"));
    m_button->setAccessibleDescription(blocked);
}

} // namespace Concord::Ui
