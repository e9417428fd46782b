#pragma once

#include "domain/operations.h"
#include "domain/user.h"
#include "review/reviewschedule.h"
#include "review/weeklyreview.h"
#include "theme.h"

#include <QHash>
#include <QList>
#include <QWidget>

#include <functional>

class QDialog;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;
class QTreeWidget;

namespace Concord::Ui {

class ReviewsModel;

// "Reviews": who reviews sync health and when (weekly, monthly, quarterly:
// owner, next due, due/overdue in colour and words, last completed by whom),
// and what this week's review finds — failed syncs and their age, duplicate
// candidates new since the last weekly review, canceled appointments that
// still look open. The monthly reconciliation, quarterly audit and go/no-go
// checklist come from elsewhere and are added as tabs (addReviewSection()).
//
// Threading: GUI thread only; never touches SQL or the network. It shows the
// snapshots pushed with setSchedule()/setWeeklyFindings()/setUsers() and asks
// through signals: loadRequested() (first shown, Refresh),
// refreshWeeklyRequested() ("Check again"), assignOwnerRequested() and
// completeRequested() (after the person confirmed in a dialog). The answers
// are a fresh snapshot plus showDone()/showFailure().
//
// Permission-aware (setActor()): "Assign owner…" needs
// Permission::ScheduleReviews (owners); "Complete review…" needs
// Permission::CompleteReviews and the review's named owner or an owner-role
// user — the rule Review::ReviewCommands enforces. Disabled buttons say why
// in their tooltip.
class ReviewsPage : public QWidget
{
    Q_OBJECT

public:
    enum class Section { FailedSyncs, NewDuplicates, CanceledStillOpen };
    Q_ENUM(Section)

    // Presents each dialog the page opens; WA_DeleteOnClose is set and
    // finished() connected first. Default: window-modal QDialog::open() (no
    // nested event loop); tests answer the dialog in place.
    using DialogPresenter = std::function<void(QDialog *dialog)>;

    explicit ReviewsPage(QWidget *parent = nullptr);

    // Adds another review's view as a tab after "Schedule & weekly".
    void addReviewSection(QWidget *view, const QString &title);

    [[nodiscard]] ReviewsModel *model() const { return m_model; }
    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }
    [[nodiscard]] QTableView *scheduleView() const { return m_table; }
    [[nodiscard]] QPushButton *refreshButton() const { return m_refresh; }
    [[nodiscard]] QPushButton *assignButton() const { return m_assign; }
    [[nodiscard]] QPushButton *completeButton() const { return m_complete; }
    [[nodiscard]] QPushButton *checkAgainButton() const { return m_checkAgain; }
    [[nodiscard]] QTreeWidget *sectionTree(Section section) const;

    void setDialogPresenter(DialogPresenter presenter);

    // The cadence of the selected row (weekly when nothing is selected).
    [[nodiscard]] Domain::ReviewCadence currentCadence() const;
    void selectCadence(Domain::ReviewCadence cadence);

    // "Failed syncs · 2"; whether the section shows its empty sentence, and it.
    [[nodiscard]] QString sectionTitle(Section section) const;
    [[nodiscard]] bool isSectionEmpty(Section section) const;
    [[nodiscard]] QString sectionEmptyText(Section section) const;
    [[nodiscard]] QString hubspotNoteText() const;
    // The banner's text; empty when hidden.
    [[nodiscard]] QString messageText() const;

    // Why the actor may not assign/complete the current review; empty when they may.
    [[nodiscard]] QString assignBlockedReason() const;
    [[nodiscard]] QString completeBlockedReason() const;

    // The plain-text summary the completion dialog shows for `cadence`: for
    // weekly, weeklySummary() of the findings; for the others what
    // setReviewSummary() gave.
    [[nodiscard]] QString summaryFor(Domain::ReviewCadence cadence) const;
    [[nodiscard]] static QString weeklySummary(const Review::WeeklyFindings &findings);
    // "3 days", "5 hours", "12 minutes": how long a failed sync has waited.
    [[nodiscard]] static QString ageText(qint64 seconds);

public Q_SLOTS:
    void setSchedule(const Concord::Review::ReviewScheduleView &view);
    void setWeeklyFindings(const Concord::Review::WeeklyFindings &findings);
    void setUsers(const QList<Concord::Domain::User> &users);
    void setActor(Concord::Domain::Role role, const QString &username);
    // The monthly/quarterly findings in words, for the completion dialog.
    void setReviewSummary(Concord::Domain::ReviewCadence cadence, const QString &summary);
    void showFailure(const QString &message);
    void showDone(const QString &message);
    // The actions as the buttons run them: each opens its dialog.
    void assignOwner();
    void completeReview();

Q_SIGNALS:
    void loadRequested();
    void refreshWeeklyRequested();
    void assignOwnerRequested(Concord::Domain::ReviewCadence cadence, qint64 userId);
    void completeRequested(Concord::Domain::ReviewCadence cadence, const QString &note);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *createScheduleTab();
    QWidget *createSection(Section section, const QString &title, const QString &emptyText,
                           const QStringList &headers);
    void updateActions();
    void present(Theme::Tone tone, const QString &text);
    void presentDialog(QDialog *dialog);
    void fitScheduleTable();
    void fitTree(QTreeWidget *tree);
    struct SectionWidgets;
    static void showList(const SectionWidgets &w, bool hasRows, const QString &emptyText);

    // Rows a findings list shows before it scrolls.
    static constexpr int kMaxSectionRows = 8;

    struct SectionWidgets {
        QLabel *title = nullptr;
        QLabel *empty = nullptr;
        QTreeWidget *tree = nullptr;
    };

    ReviewsModel *m_model = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_assign = nullptr;
    QPushButton *m_complete = nullptr;
    QPushButton *m_checkAgain = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_weeklyMeta = nullptr;
    QLabel *m_hubspotNote = nullptr;
    QHash<int, SectionWidgets> m_sections;
    QHash<int, QString> m_sectionNames;
    QHash<int, QString> m_emptyTexts;
    DialogPresenter m_presenter;

    Domain::Role m_role = Domain::Role::Viewer; // least privilege until told
    QString m_username;
    QList<Domain::User> m_users;
    Review::WeeklyFindings m_findings;
    bool m_hasFindings = false;
    QHash<int, QString> m_summaries; // by int(ReviewCadence): monthly, quarterly
    bool m_requestedLoad = false;
};

} // namespace Concord::Ui
