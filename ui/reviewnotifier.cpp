#include "reviewnotifier.h"

#include "reviewsmodel.h"

#include <QLocale>
#include <QSystemTrayIcon>

using namespace Concord::Domain;
using namespace Concord::Review;

namespace Concord::Ui {

namespace {
QString keyOf(const ScheduleEntry &e)
{
    return toString(e.cadence) + u'/' + e.nextDue.toString(Qt::ISODate) + u'/' + toString(e.timing);
}
} // namespace

ReviewNotifier::ReviewNotifier(QObject *parent)
    : QObject(parent)
{
}

void ReviewNotifier::setTrayIcon(QSystemTrayIcon *tray)
{
    m_tray = tray;
}

bool ReviewNotifier::usesTray() const
{
    return m_tray && QSystemTrayIcon::isSystemTrayAvailable();
}

QStringList ReviewNotifier::announced() const
{
    QStringList out(m_announced.begin(), m_announced.end());
    out.sort();
    return out;
}

QString ReviewNotifier::titleFor(const ScheduleEntry &e)
{
    const QString cadence = ReviewsModel::cadenceText(e.cadence);
    return e.timing == ReviewState::Overdue ? tr("%1 review overdue").arg(cadence)
                                            : tr("%1 review due").arg(cadence);
}

QString ReviewNotifier::messageFor(const ScheduleEntry &e)
{
    const QString due = QLocale().toString(e.nextDue, u"ddd d MMM");
    QString who = e.ownerUserId == 0 || e.state == ReviewState::NoOwner
                      ? tr("No owner yet: an owner should name one.")
                      : tr("Owner: %1.").arg(e.ownerDisplayName);
    if (e.timing == ReviewState::Overdue)
        return tr("The %1 review was due %2. %3").arg(ReviewsModel::cadenceText(e.cadence).toLower(), due, who);
    return tr("The %1 review is due %2; it counts as overdue from %3. %4")
        .arg(ReviewsModel::cadenceText(e.cadence).toLower(), due,
             QLocale().toString(e.overdueFrom, u"ddd d MMM"), who);
}

void ReviewNotifier::setSchedule(const ReviewScheduleView &view)
{
    for (const ScheduleEntry &e : view.entries) {
        if (e.timing != ReviewState::Due && e.timing != ReviewState::Overdue)
            continue;
        const QString key = keyOf(e);
        if (m_announced.contains(key))
            continue;
        m_announced.insert(key);
        const bool overdue = e.timing == ReviewState::Overdue;
        const QString title = titleFor(e);
        const QString message = messageFor(e);
        if (usesTray())
            m_tray->showMessage(title, message,
                                overdue ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
        Q_EMIT reviewAnnounced(e.cadence, title, message, overdue);
    }
}

} // namespace Concord::Ui
