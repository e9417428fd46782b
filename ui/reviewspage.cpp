#include "reviewspage.h"

#include "pageheader.h"
#include "reviewdialogs.h"
#include "reviewsmodel.h"
#include "retryqueuemodel.h"
#include "roletext.h"
#include "security/permissions.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableView>
#include <QTimeZone>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Concord::Domain;
using namespace Concord::Review;

namespace Concord::Ui {

namespace {
QString systemName(System s)
{
    switch (s) {
    case System::QuickBooks: return QStringLiteral("QuickBooks");
    case System::HubSpot: return QStringLiteral("HubSpot");
    case System::CalCom: return QStringLiteral("Cal.com");
    default: break;
    }
    return toString(s);
}
} // namespace

ReviewsPage::ReviewsPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new ReviewsModel(this))
{
    setObjectName(QStringLiteral("reviewsPage"));
    m_presenter = [](QDialog *dialog) {
        dialog->setWindowModality(Qt::WindowModal);
        dialog->open();
    };

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(12);
    auto *header = new PageHeader(tr("Reviews"),
                                  tr("One named person checks sync health on a schedule; completing a review "
                                     "is recorded in the audit log."),
                                  this);
    m_refresh = new QPushButton(Theme::icon(QStringLiteral("refresh")), tr("&Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    header->addTrailingWidget(m_refresh);
    layout->addWidget(header);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("reviewsBanner"));
    m_banner->setWordWrap(true);
    m_banner->setVisible(false);
    layout->addWidget(m_banner);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("reviewTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createScheduleTab(), tr("Schedule && weekly"));
    layout->addWidget(m_tabs, 1);

    connect(m_refresh, &QPushButton::clicked, this, &ReviewsPage::loadRequested);
    connect(m_assign, &QPushButton::clicked, this, &ReviewsPage::assignOwner);
    connect(m_complete, &QPushButton::clicked, this, &ReviewsPage::completeReview);
    connect(m_checkAgain, &QPushButton::clicked, this, &ReviewsPage::refreshWeeklyRequested);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ReviewsPage::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ReviewsPage::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ReviewsPage::updateActions);
    fitScheduleTable();
    updateActions();
}

QWidget *ReviewsPage::createScheduleTab()
{
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 12, 0, 0);
    layout->setSpacing(10);

    auto *scheduleTitle = new QLabel(tr("<b>Schedule</b>"), content);
    layout->addWidget(scheduleTitle);
    m_table = new QTableView(content);
    m_table->setObjectName(QStringLiteral("scheduleTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setAccessibleName(tr("Review schedule"));
    layout->addWidget(m_table);

    auto *actions = new QHBoxLayout;
    m_assign = new QPushButton(tr("&Assign owner…"), content);
    m_assign->setObjectName(QStringLiteral("assignButton"));
    m_complete = new QPushButton(tr("&Complete review…"), content);
    m_complete->setObjectName(QStringLiteral("completeButton"));
    actions->addWidget(m_assign);
    actions->addWidget(m_complete);
    actions->addStretch(1);
    layout->addLayout(actions);

    auto *weeklyHeader = new QHBoxLayout;
    auto *weeklyTitle = new QLabel(tr("<b>This week's review</b>"), content);
    m_weeklyMeta = new QLabel(tr("Not loaded yet."), content);
    m_weeklyMeta->setObjectName(QStringLiteral("weeklyMeta"));
    m_weeklyMeta->setForegroundRole(QPalette::PlaceholderText);
    m_checkAgain = new QPushButton(tr("Check a&gain"), content);
    m_checkAgain->setObjectName(QStringLiteral("checkAgainButton"));
    m_checkAgain->setToolTip(tr("Read the store and HubSpot again for the weekly findings."));
    weeklyHeader->addWidget(weeklyTitle);
    weeklyHeader->addSpacing(8);
    weeklyHeader->addWidget(m_weeklyMeta, 1);
    weeklyHeader->addWidget(m_checkAgain);
    layout->addSpacing(8);
    layout->addLayout(weeklyHeader);
    m_hubspotNote = new QLabel(content);
    m_hubspotNote->setObjectName(QStringLiteral("hubspotNote"));
    m_hubspotNote->setWordWrap(true);
    m_hubspotNote->setVisible(false);
    layout->addWidget(m_hubspotNote);

    layout->addWidget(createSection(Section::FailedSyncs, tr("Failed syncs"), tr("No failed syncs: every change arrived."),
                                    {tr("Change"), tr("Client"), tr("Error"), tr("Waiting"), tr("Queued")}));
    layout->addWidget(createSection(Section::NewDuplicates, tr("New duplicate candidates"),
                                    tr("No new duplicate candidates since the last weekly review."),
                                    {tr("Client"), tr("Possible duplicate"), tr("Score"), tr("Found")}));
    layout->addWidget(createSection(Section::CanceledStillOpen, tr("Canceled appointments that still look open"),
                                    tr("No canceled appointment still looks open (last 90 days and future)."),
                                    {tr("Appointment / record"), tr("Where"), tr("Detail"), tr("What to do")}));
    layout->addStretch(1);
    scroll->setWidget(content);
    return scroll;
}

QWidget *ReviewsPage::createSection(Section section, const QString &title, const QString &emptyText,
                                    const QStringList &headers)
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);
    SectionWidgets w;
    w.title = new QLabel(box);
    w.title->setObjectName(QStringLiteral("sectionTitle%1").arg(int(section)));
    w.title->setText(tr("<b>%1</b>").arg(title));
    m_sectionNames.insert(int(section), title);
    // Until the first findings arrive the sentence says so, not "none".
    w.empty = new QLabel(tr("Not checked yet."), box);
    m_emptyTexts.insert(int(section), emptyText);
    w.empty->setObjectName(QStringLiteral("sectionEmpty%1").arg(int(section)));
    w.empty->setContentsMargins(12, 6, 12, 6);
    w.empty->setForegroundRole(QPalette::PlaceholderText);
    w.tree = new QTreeWidget(box);
    w.tree->setObjectName(QStringLiteral("sectionTree%1").arg(int(section)));
    w.tree->setHeaderLabels(headers);
    w.tree->setRootIsDecorated(section == Section::CanceledStillOpen);
    w.tree->setUniformRowHeights(true);
    w.tree->setAlternatingRowColors(true);
    w.tree->header()->setStretchLastSection(true);
    w.tree->setIconSize(QSize(10, 10));
    w.tree->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    w.tree->setVisible(false); // the empty sentence until findings arrive
    layout->addWidget(w.title);
    layout->addWidget(w.empty);
    layout->addWidget(w.tree);
    // As tall as the list needs: the page's stretch takes what is left.
    box->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_sections.insert(int(section), w);
    return box;
}

void ReviewsPage::addReviewSection(QWidget *view, const QString &title)
{
    if (!view)
        return;
    m_tabs->addTab(view, title);
}

QTreeWidget *ReviewsPage::sectionTree(Section section) const
{
    return m_sections.value(int(section)).tree;
}

void ReviewsPage::setDialogPresenter(DialogPresenter presenter)
{
    m_presenter = std::move(presenter);
}

ReviewCadence ReviewsPage::currentCadence() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (const ScheduleEntry *e = m_model->entryAt(current.isValid() ? current.row() : -1))
        return e->cadence;
    return ReviewCadence::Weekly;
}

void ReviewsPage::selectCadence(ReviewCadence cadence)
{
    const int row = m_model->rowFor(cadence);
    if (row < 0)
        return;
    m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

QString ReviewsPage::sectionTitle(Section section) const
{
    QString text = m_sections.value(int(section)).title->text();
    return text.remove(QStringLiteral("<b>")).remove(QStringLiteral("</b>"));
}

bool ReviewsPage::isSectionEmpty(Section section) const
{
    return m_sections.value(int(section)).tree->isHidden();
}

QString ReviewsPage::sectionEmptyText(Section section) const
{
    return m_sections.value(int(section)).empty->text();
}

QString ReviewsPage::hubspotNoteText() const
{
    return m_hubspotNote->isVisible() || !m_hubspotNote->text().isEmpty() ? m_hubspotNote->text() : QString();
}

QString ReviewsPage::messageText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

QString ReviewsPage::ageText(qint64 seconds)
{
    if (seconds >= 2 * 86400)
        return tr("%1 days").arg(seconds / 86400);
    if (seconds >= 3600)
        return seconds < 7200 ? tr("1 hour") : tr("%1 hours").arg(seconds / 3600);
    const qint64 minutes = std::max<qint64>(seconds / 60, 0);
    return minutes == 1 ? tr("1 minute") : tr("%1 minutes").arg(minutes);
}

QString ReviewsPage::weeklySummary(const WeeklyFindings &f)
{
    const QList<CanceledAppointment> open = f.canceledStillOpen();
    QStringList lines;
    lines << tr("Failed syncs: %1").arg(f.failedSyncs.size());
    if (!f.failedSyncs.isEmpty())
        lines.last() += tr(" (oldest waiting %1)").arg(ageText(f.failedSyncs.first().ageSeconds));
    lines << tr("New duplicate candidates: %1").arg(f.newDuplicates.size());
    lines << tr("Canceled appointments that still look open: %1").arg(open.size());
    if (f.hubspot != HubSpotCheck::Checked)
        lines << tr("HubSpot deals and tasks: %1").arg(f.hubspotNote);
    return lines.join(u'\n');
}

QString ReviewsPage::summaryFor(ReviewCadence cadence) const
{
    if (cadence == ReviewCadence::Weekly)
        return m_hasFindings ? weeklySummary(m_findings) : QString();
    return m_summaries.value(int(cadence));
}

void ReviewsPage::setSchedule(const ReviewScheduleView &view)
{
    const ReviewCadence keep = currentCadence();
    m_model->setSchedule(view);
    if (!m_table->selectionModel()->currentIndex().isValid())
        selectCadence(keep);
    fitScheduleTable();
    updateActions();
}

void ReviewsPage::fitScheduleTable()
{
    m_table->resizeRowsToContents();
    int height = m_table->horizontalHeader()->sizeHint().height() + 2 * m_table->frameWidth();
    for (int row = 0; row < m_model->rowCount(); ++row)
        height += m_table->rowHeight(row);
    // Room for the three cadences before the first snapshot arrives.
    for (int row = m_model->rowCount(); row < 3; ++row)
        height += m_table->verticalHeader()->defaultSectionSize();
    m_table->setFixedHeight(height);
}

void ReviewsPage::setWeeklyFindings(const WeeklyFindings &f)
{
    m_findings = f;
    m_hasFindings = true;
    const QLocale locale;
    const QString since = f.since.isValid()
                              ? tr("since the last weekly review on %1")
                                    .arg(locale.toString(f.since.toLocalTime(), u"ddd d MMM"))
                              : tr("no weekly review completed yet");
    m_weeklyMeta->setText(tr("Checked %1, %2.").arg(locale.toString(f.computedAt.toLocalTime(), u"ddd d MMM HH:mm"),
                                                    since));
    const Theme::Tone hsTone = f.hubspot == HubSpotCheck::Checked ? Theme::Tone::Good
                               : f.hubspot == HubSpotCheck::Failed ? Theme::Tone::Bad
                                                                   : Theme::Tone::Warning;
    m_hubspotNote->setText(f.hubspot == HubSpotCheck::Checked
                               ? tr("HubSpot deals and tasks read live (%1).").arg(f.hubspotNote)
                               : tr("HubSpot deals and tasks %1").arg(f.hubspotNote.startsWith(u"not checked")
                                                                           ? tr("were not checked: HubSpot is not "
                                                                                "connected.")
                                                                           : QStringLiteral(": ") + f.hubspotNote));
    m_hubspotNote->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::toneText(hsTone).name()));
    m_hubspotNote->setVisible(true);

    // Failed syncs.
    SectionWidgets w = m_sections.value(int(Section::FailedSyncs));
    w.tree->clear();
    for (const FailedSync &s : f.failedSyncs) {
        const QString record = s.clientName.isEmpty() ? tr("%1 %2").arg(s.entityType, s.entityId)
                                                      : tr("%1 %2 · %3").arg(s.entityType, s.entityId, s.clientName);
        QString what = RetryQueueModel::operationText(s.operation);
        if (what.isEmpty())
            what = tr("%1 · %2").arg(systemName(s.system), s.operation);
        auto *item = new QTreeWidgetItem(w.tree, {what,
                                                  s.clientName.isEmpty() ? record : s.clientName,
                                                  s.errorMessage.isEmpty() ? s.errorCode : s.errorMessage,
                                                  ageText(s.ageSeconds),
                                                  locale.toString(s.queuedAt.toLocalTime(), u"ddd d MMM HH:mm")});
        item->setData(0, Qt::UserRole, s.jobId);
        item->setToolTip(0, tr("Job #%1 (%2), %3 attempts — open the retry queue to retry, edit, link or "
                                "dismiss it.")
                                .arg(s.jobId)
                                .arg(s.operation)
                                .arg(s.attempts));
        item->setToolTip(2, s.errorCode);
        item->setIcon(3, Theme::dot(s.ageSeconds >= 2 * 86400 ? Theme::Tone::Bad : Theme::Tone::Warning, 10));
    }
    w.title->setText(tr("<b>%1</b> · %2").arg(m_sectionNames.value(int(Section::FailedSyncs))).arg(f.failedSyncs.size()));
    showList(w, !f.failedSyncs.isEmpty(), m_emptyTexts.value(int(Section::FailedSyncs)));

    // New duplicates.
    w = m_sections.value(int(Section::NewDuplicates));
    w.tree->clear();
    for (const NewDuplicate &d : f.newDuplicates) {
        auto *item = new QTreeWidgetItem(w.tree, {d.nameA, d.nameB,
                                                  locale.toString(d.scorePermille / 10.0, 'f', 1) + u'%',
                                                  locale.toString(d.foundAt.toLocalTime(), u"ddd d MMM")});
        item->setData(0, Qt::UserRole, d.candidateId);
        item->setToolTip(0, d.customerA);
        item->setToolTip(1, d.customerB);
    }
    w.title->setText(tr("<b>%1</b> · %2").arg(m_sectionNames.value(int(Section::NewDuplicates))).arg(f.newDuplicates.size()));
    showList(w, !f.newDuplicates.isEmpty(), m_emptyTexts.value(int(Section::NewDuplicates)));

    // Canceled appointments still open.
    w = m_sections.value(int(Section::CanceledStillOpen));
    w.tree->clear();
    const QList<CanceledAppointment> open = f.canceledStillOpen();
    for (const CanceledAppointment &c : open) {
        const QTimeZone zone(c.zoneId.toUtf8());
        const QDateTime local = zone.isValid() ? c.startUtc.toTimeZone(zone) : c.startUtc.toLocalTime();
        auto *top = new QTreeWidgetItem(
            w.tree, {tr("%1 · %2").arg(c.clientName, locale.toString(local, u"ddd d MMM HH:mm")),
                     tr("canceled"), c.title, c.items.size() == 1 ? tr("1 open item") : tr("%1 open items").arg(c.items.size())});
        top->setData(0, Qt::UserRole, c.appointmentId);
        top->setToolTip(0, tr("Appointment %1, Cal.com booking %2").arg(c.appointmentId).arg(c.calcomUid));
        for (const OpenItem &i : c.items) {
            QString kind;
            switch (i.kind) {
            case OpenItemKind::OpenInvoice: kind = tr("Open invoice %1").arg(i.recordId); break;
            case OpenItemKind::OpenDeal: kind = tr("Open deal %1").arg(i.recordId); break;
            case OpenItemKind::OpenTask: kind = tr("Open task %1").arg(i.recordId); break;
            case OpenItemKind::Reminder: kind = tr("Reminder %1").arg(i.recordId); break;
            }
            auto *child = new QTreeWidgetItem(top, {kind, systemName(i.system), i.detail, i.action});
            child->setToolTip(3, i.action);
            child->setIcon(0, Theme::dot(Theme::Tone::Bad, 8));
        }
        top->setExpanded(true);
    }
    w.title->setText(tr("<b>%1</b> · %2").arg(m_sectionNames.value(int(Section::CanceledStillOpen))).arg(open.size()));
    showList(w, !open.isEmpty(), m_emptyTexts.value(int(Section::CanceledStillOpen)));
    for (const SectionWidgets &s : std::as_const(m_sections)) {
        for (int c = 0; c < s.tree->columnCount() - 1; ++c)
            s.tree->resizeColumnToContents(c);
        fitTree(s.tree);
    }
}

void ReviewsPage::showList(const SectionWidgets &w, bool hasRows, const QString &emptyText)
{
    w.empty->setText(emptyText);
    w.empty->setVisible(!hasRows);
    w.tree->setVisible(hasRows);
}

void ReviewsPage::fitTree(QTreeWidget *tree)
{
    // As tall as its rows (the page scrolls, not each list), at most
    // kMaxSectionRows before the list scrolls on its own.
    int rows = 0;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *top = tree->topLevelItem(i);
        rows += 1 + (top->isExpanded() ? top->childCount() : 0);
    }
    const int rowHeight = std::max(tree->sizeHintForRow(0), tree->fontMetrics().height() + 4);
    const int shown = std::clamp(rows, 1, kMaxSectionRows);
    tree->setFixedHeight(tree->header()->sizeHint().height() + shown * rowHeight + 2 * tree->frameWidth() + 2);
}

void ReviewsPage::setUsers(const QList<User> &users)
{
    m_users = users;
    updateActions();
}

void ReviewsPage::setActor(Role role, const QString &username)
{
    m_role = role;
    m_username = username;
    updateActions();
}

void ReviewsPage::setReviewSummary(ReviewCadence cadence, const QString &summary)
{
    m_summaries.insert(int(cadence), summary);
}

QString ReviewsPage::assignBlockedReason() const
{
    if (!Security::roleHas(m_role, Security::Permission::ScheduleReviews))
        return tr("Only %1 can name a review's owner.").arg(RoleText::whoMay(Security::Permission::ScheduleReviews));
    if (m_model->rowCount() == 0)
        return tr("The schedule has not loaded yet.");
    return {};
}

QString ReviewsPage::completeBlockedReason() const
{
    if (!Security::roleHas(m_role, Security::Permission::CompleteReviews))
        return tr("Only %1 can complete reviews.").arg(RoleText::whoMay(Security::Permission::CompleteReviews));
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const ScheduleEntry *e = m_model->entryAt(current.isValid() ? current.row() : -1);
    if (!e)
        return tr("Choose a review in the schedule first.");
    if (m_role == Role::Owner)
        return {};
    if (e->ownerUserId == 0)
        return tr("This review has no owner yet: an owner names one first.");
    if (e->ownerUsername != m_username)
        return tr("This review is %1's to complete (or an owner's).").arg(e->ownerDisplayName);
    return {};
}

void ReviewsPage::updateActions()
{
    const QString assignWhy = assignBlockedReason();
    m_assign->setEnabled(assignWhy.isEmpty());
    m_assign->setToolTip(assignWhy.isEmpty() ? tr("Name who does the selected review.") : assignWhy);
    const QString completeWhy = completeBlockedReason();
    m_complete->setEnabled(completeWhy.isEmpty());
    m_complete->setToolTip(completeWhy.isEmpty() ? tr("Record that the selected review was done.") : completeWhy);
}

void ReviewsPage::present(Theme::Tone tone, const QString &text)
{
    m_banner->setText(text);
    // Per-widget sheet: the tone changes at run time.
    m_banner->setStyleSheet(QStringLiteral("QLabel#reviewsBanner { background: %1; border: 1px solid %2; "
                                           "border-radius: 6px; color: %3; padding: 8px 12px; }")
                                .arg(Theme::toneBackground(tone).name(), Theme::toneColor(tone).name(),
                                     Theme::toneText(tone).name()));
    m_banner->setVisible(true);
}

void ReviewsPage::showFailure(const QString &message)
{
    present(Theme::Tone::Bad, message);
}

void ReviewsPage::showDone(const QString &message)
{
    present(Theme::Tone::Good, message);
}

void ReviewsPage::presentDialog(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_presenter(dialog);
}

void ReviewsPage::assignOwner()
{
    if (!assignBlockedReason().isEmpty())
        return;
    const ReviewCadence cadence = currentCadence();
    const int row = m_model->rowFor(cadence);
    const ScheduleEntry *e = m_model->entryAt(row);
    auto *dialog = new AssignOwnerDialog(cadence, m_users, e ? e->ownerUserId : 0, this);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        Q_EMIT assignOwnerRequested(dialog->cadence(), dialog->selectedUserId());
    });
    presentDialog(dialog);
}

void ReviewsPage::completeReview()
{
    if (!completeBlockedReason().isEmpty())
        return;
    const ReviewCadence cadence = currentCadence();
    const ScheduleEntry *e = m_model->entryAt(m_model->rowFor(cadence));
    const QString due = e ? QLocale().toString(e->nextDue, u"ddd d MMM yyyy") : QString();
    auto *dialog = new CompleteReviewDialog(cadence, due, summaryFor(cadence), this);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        Q_EMIT completeRequested(dialog->cadence(), dialog->note());
    });
    presentDialog(dialog);
}

void ReviewsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_requestedLoad) {
        m_requestedLoad = true;
        Q_EMIT loadRequested();
    }
}

} // namespace Concord::Ui
