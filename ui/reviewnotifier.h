#pragma once

#include "review/reviewschedule.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

class QSystemTrayIcon;

namespace Concord::Ui {

// Tells a person once when a review falls due and once when it becomes
// overdue. Feed it every schedule snapshot (setSchedule()); it compares with
// what it already announced — per cadence, due date and state — so a refresh,
// or a second snapshot a minute later, never repeats a message. Completing a
// review moves the due date, so the next one is announced again in its turn.
// A review without an owner is announced as due/overdue too (someone must
// take it), with "no owner yet" in the text.
//
// Where the message goes: reviewAnnounced() always (the main window shows it
// in its status bar or a banner), and QSystemTrayIcon::showMessage() when a
// tray icon was given and the system has a tray (offscreen there is none).
//
// Threading: GUI thread.
class ReviewNotifier : public QObject
{
    Q_OBJECT

public:
    explicit ReviewNotifier(QObject *parent = nullptr);

    // The tray icon to show desktop notifications with (not owned); null = none.
    void setTrayIcon(QSystemTrayIcon *tray);
    // Whether announcements also go to the tray (a tray icon was given and
    // QSystemTrayIcon::isSystemTrayAvailable()).
    [[nodiscard]] bool usesTray() const;

    // What was announced: "weekly/2026-03-09/due", … (for tests and logs).
    [[nodiscard]] QStringList announced() const;
    // The title and text of the announcement for `entry` (Due or Overdue timing).
    [[nodiscard]] static QString titleFor(const Review::ScheduleEntry &entry);
    [[nodiscard]] static QString messageFor(const Review::ScheduleEntry &entry);

public Q_SLOTS:
    void setSchedule(const Concord::Review::ReviewScheduleView &view);

Q_SIGNALS:
    // One per review that became due or overdue since the last snapshot.
    void reviewAnnounced(Concord::Domain::ReviewCadence cadence, const QString &title, const QString &message,
                         bool overdue);

private:
    QPointer<QSystemTrayIcon> m_tray;
    QSet<QString> m_announced;
};

} // namespace Concord::Ui
