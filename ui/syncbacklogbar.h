#pragma once

#include "domain/user.h"
#include "services/syncbacklog.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace Concord::Ui {

// The status bar's backlog bar: while the sync engine has changes to carry
// (an initial import, a large burst), "Carrying changes: 240 of 603" with a
// determinate progress bar, and a "Pause sync" button that turns into
// "Resume sync". Hidden when there is no backlog and sync is not paused
// (paused, it stays, so the way back is always on screen).
//
// Threading and data flow: GUI thread only; shows the SyncBacklog pushed
// with setBacklog() (the Backend reads the outbox on the sync thread, at most
// about once a second) and asks through pauseRequested()/resumeRequested().
// After asking, the button waits (disabled) for the next setBacklog() or
// showFailure(). Pausing and resuming need Permission::ManageRetryQueue:
// for other roles the button is disabled with the reason as its tooltip.
class SyncBacklogBar : public QWidget {
    Q_OBJECT
public:
    explicit SyncBacklogBar(QWidget *parent = nullptr);

    [[nodiscard]] const Services::SyncBacklog &backlog() const { return m_backlog; }
    [[nodiscard]] QString text() const;
    [[nodiscard]] QProgressBar *progressBar() const { return m_progress; }
    [[nodiscard]] QToolButton *pauseButton() const { return m_button; }
    // Why the current role may not pause or resume; empty when it may.
    [[nodiscard]] QString blockedReason() const;

public Q_SLOTS:
    void setBacklog(const Concord::Services::SyncBacklog &backlog);
    void setRole(Concord::Domain::Role role);
    // A pause or resume was refused: said in the tooltip and the label, and
    // the button works again.
    void showFailure(const QString &message);
    // As the button runs them.
    void pause();
    void resume();

Q_SIGNALS:
    void pauseRequested();
    void resumeRequested();

private:
    void present();

    Services::SyncBacklog m_backlog;
    Domain::Role m_role = Domain::Role::Viewer; // least privilege until told
    bool m_asked = false;                        // waiting for the answer to a pause/resume
    QString m_failure;
    QLabel *m_label = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_button = nullptr;
};

} // namespace Concord::Ui
