#pragma once

#include "common/clock.h"
#include "domain/operations.h"
#include "domain/user.h"
#include "services/admincommands.h"
#include "theme.h"

#include <QList>
#include <QModelIndexList>
#include <QWidget>

#include <functional>

class QComboBox;
class QDialog;
class QFrame;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace Concord::Ui {

class RetryQueueFilterProxyModel;
class RetryQueueModel;

// "Retry queue": changes Concord could not carry yet, why (in words, with the
// technical detail and the request id), and what a person can do: retry now,
// retry everything shown, edit the data and retry, link the change to a record
// that already exists remotely, or dismiss it with a reason.
//
// Threading: GUI thread only; never touches SQL or the network. It shows a
// snapshot pushed with setJobs() and asks for every action through a signal
// (retryRequested, overrideRequested, linkRequested, dismissRequested,
// refreshRequested), each after the person confirmed it. The composition root
// connects those to Services::AdminCommands on the sync thread (which checks
// the permission again and audits), and answers with a fresh snapshot and
// showRetryOutcomes() / showDone() / showError().
//
// Permission-aware: unless setRole() names a role with
// Permission::ManageRetryQueue, every action is disabled and its tooltip says
// who may do it. Actions a job's state or operation rule out are disabled with
// the reason too (unavailableReason()).
class RetryQueuePage : public QWidget {
    Q_OBJECT
public:
    enum class Action { Retry, Edit, Link, Dismiss };
    Q_ENUM(Action)

    // Presents each dialog the page opens (the retry confirmations, the edit,
    // link and dismiss dialogs). The page has connected to the dialog's
    // finished() and set WA_DeleteOnClose before it calls the presenter. The
    // default opens it window-modal with QDialog::open() (no nested event
    // loop); tests answer the dialog in place instead.
    using DialogPresenter = std::function<void(QDialog *dialog)>;

    // How often relative times ("in 12 min") and the age filter follow the
    // clock (ms). The coarsest unit shown is minutes, so twice a minute is enough.
    static constexpr int kTimeRefreshMs = 30'000;

    explicit RetryQueuePage(const Clock &clock = Clock::system(), QWidget *parent = nullptr);

    [[nodiscard]] RetryQueueModel *model() const { return m_model; }
    [[nodiscard]] RetryQueueFilterProxyModel *proxy() const { return m_proxy; }
    [[nodiscard]] QTableView *view() const { return m_view; }
    [[nodiscard]] QComboBox *systemFilter() const { return m_systemFilter; }
    [[nodiscard]] QComboBox *stateFilter() const { return m_stateFilter; }
    [[nodiscard]] QComboBox *ageFilter() const { return m_ageFilter; }
    [[nodiscard]] QLineEdit *searchEdit() const { return m_search; }
    [[nodiscard]] QPushButton *refreshButton() const { return m_refresh; }
    [[nodiscard]] QPushButton *retryButton() const { return m_retry; }
    [[nodiscard]] QPushButton *retryAllButton() const { return m_retryAll; }
    [[nodiscard]] QPushButton *editButton() const { return m_edit; }
    [[nodiscard]] QPushButton *linkButton() const { return m_link; }
    [[nodiscard]] QPushButton *dismissButton() const { return m_dismiss; }

    void setDialogPresenter(DialogPresenter presenter);

    [[nodiscard]] Domain::Role role() const { return m_role; }
    // Whether the role may act on the queue (and the store is open).
    [[nodiscard]] bool canManage() const;
    // True once a snapshot arrived (even an empty one).
    [[nodiscard]] bool hasLoaded() const { return m_loaded; }
    // Whether the one-sentence state (empty queue, no store) replaces the table.
    [[nodiscard]] bool isShowingPlaceholder() const;
    [[nodiscard]] QString placeholderText() const;
    [[nodiscard]] QString countText() const;
    // The banner's text (an action's outcome or error); empty when hidden.
    [[nodiscard]] QString messageText() const;

    // The job the detail pane shows, or 0.
    [[nodiscard]] qint64 currentJobId() const { return m_currentId; }
    // Selected jobs that can be retried (what "Retry" sends), in view order.
    [[nodiscard]] QList<qint64> selectedRetryableIds() const;
    // Shown jobs that can be retried (what "Retry all shown" sends), in view order.
    [[nodiscard]] QList<qint64> shownRetryableIds() const;

    // The detail pane's texts, for tests and accessibility checks.
    [[nodiscard]] QString detailHeadline() const;
    [[nodiscard]] QString detailCause() const;
    [[nodiscard]] QString detailTechnical() const;
    [[nodiscard]] QString detailRequestId() const;
    [[nodiscard]] QString detailPayload() const;

    // Why `action` cannot be applied to `job` whatever the role (its state or
    // operation rules it out), in words; empty when it can.
    [[nodiscard]] static QString unavailableReason(Action action, const Domain::OutboxJob &job);
    // Who may act, from the role matrix (Security::rolesWith): "Only an owner
    // or office manager can retry failed syncs".
    [[nodiscard]] static QString permissionReason(Action action);
    // What is wrong with `text` as the edited payload of an `operation` job,
    // in words (JSON syntax with line and column, not an object, or what the
    // job runner would miss: Services::validateJobPayload); empty when fine.
    [[nodiscard]] static QString payloadProblem(const QString &operation, const QString &text);
    // The remote id the link dialog asks for: "QuickBooks invoice id".
    // "What · record": the change a dialog is about.
    [[nodiscard]] static QString subjectText(const Domain::OutboxJob &job);
    [[nodiscard]] static QString remoteIdLabel(const QString &operation);

public Q_SLOTS:
    void setJobs(const QList<Concord::Domain::OutboxJob> &jobs);
    // Who the jobs are about (Services::clientNamesForJobs), for the Record column.
    void setClientNames(const QHash<QString, QString> &names);
    void setRole(Concord::Domain::Role role);
    // Without an open store there is nothing to show or act on.
    void setStoreOpen(bool open);
    // Marks the page as waiting for a snapshot (shown in the count line).
    void setLoading();
    // An action or a read failed: shown in the banner.
    void showError(const QString &message);
    // An action succeeded: "Dismissed change #12." in the banner.
    void showDone(const QString &message);
    // The answer to retryRequested: which jobs were retried, which not and why.
    void showRetryOutcomes(const QList<Concord::Services::JobOutcome> &outcomes);
    // Selects the job with `id` (clearing the filters when they hide it).
    // Returns false when the job is not in the snapshot.
    bool selectJob(qint64 id);
    // Relative times and the age filter follow the clock (see kTimeRefreshMs).
    void refreshTimes();

    // The actions as the buttons run them: each asks first, then emits.
    void retrySelected();
    void retryAllShown();
    void editAndRetry();
    void linkToExisting();
    void dismissCurrent();

Q_SIGNALS:
    void retryRequested(const QList<qint64> &ids);
    void overrideRequested(qint64 id, const QByteArray &payloadJson);
    void linkRequested(qint64 id, const QString &remoteId);
    void dismissRequested(qint64 id, const QString &reason);
    void refreshRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *createFilterBar();
    // One row of filters when the page is wide enough, two when it is not.
    void updateFilterLayout();
    QWidget *createDetailPane();
    QWidget *createActionBar();
    void configureTable();
    // Gives the cause column the width the other visible columns leave.
    void fitCauseColumn();
    void setUpTabOrder();
    void applyFilters();
    void updateActions();
    void updateCount();
    void updatePlaceholder();
    void showCurrentJob();
    void present(Theme::Tone tone, const QString &text);
    void hideBanner();
    void confirmRetry(const QList<qint64> &ids, const QString &question, const QString &details);
    void presentDialog(QDialog *dialog);
    [[nodiscard]] const Domain::OutboxJob *currentJob() const;
    [[nodiscard]] QList<qint64> retryableIds(const QModelIndexList &rows) const;

    RetryQueueModel *m_model = nullptr;
    RetryQueueFilterProxyModel *m_proxy = nullptr;
    DialogPresenter m_presenter;
    Domain::Role m_role = Domain::Role::Viewer; // least privilege until told
    bool m_storeOpen = false;
    bool m_loaded = false;
    bool m_loading = false;
    qint64 m_currentId = 0;
    Theme::Tone m_bannerTone = Theme::Tone::Neutral;

    QPushButton *m_refresh = nullptr;
    QPushButton *m_retryAll = nullptr;
    QWidget *m_filterBar = nullptr;
    QWidget *m_filterGroup = nullptr;
    QWidget *m_searchGroup = nullptr;
    QGridLayout *m_filterLayout = nullptr;
    QComboBox *m_systemFilter = nullptr;
    QComboBox *m_stateFilter = nullptr;
    QComboBox *m_ageFilter = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_count = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerDot = nullptr;
    QLabel *m_bannerText = nullptr;
    QToolButton *m_bannerClose = nullptr;
    QStackedWidget *m_content = nullptr;
    QLabel *m_placeholder = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_link = nullptr;
    QPushButton *m_dismiss = nullptr;
    QLabel *m_permissionNote = nullptr;
    QStackedWidget *m_detailStack = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_meta = nullptr;
    QLabel *m_cause = nullptr;
    QPlainTextEdit *m_technical = nullptr;
    QLineEdit *m_requestId = nullptr;
    QPushButton *m_copyRequestId = nullptr;
    QPlainTextEdit *m_payload = nullptr;
    QTimer *m_timeTimer = nullptr;
};

} // namespace Concord::Ui
