#pragma once

#include "domain/customer.h"
#include "domain/user.h"
#include "security/permissions.h"
#include "services/duplicatescan.h"
#include "services/identitydata.h"
#include "theme.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>

class QAction;
class QComboBox;
class QDialog;
class QFrame;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QToolButton;
class QUndoGroup;

namespace Concord::Ui {

class DuplicateComparisonView;
class DuplicateListModel;
class DuplicateMergeDraft;
class IdentityMapModel;
class IdentityMapProxyModel;

// "Clients and duplicates": the identity map (every client with its record
// in HubSpot, QuickBooks and Cal.com) and the duplicate review, where an
// office manager compares two records side by side, chooses the surviving
// value of each field and proposes the merge, and an owner approves or
// rejects it — after being told plainly what cannot be undone remotely — or
// undoes an executed merge in Concord.
//
// Threading and data flow: GUI thread only; never touches the store. It
// shows the snapshots pushed with setIdentityMap() / setDuplicateReview()
// and asks for everything through signals, each after the person confirmed
// it in a dialog: proposeRequested, decisionRequested, undoRequested. While
// one runs the page is busy (actions disabled, a progress bar) until
// showDone() or showFailure(). After showDone() it asks for fresh data itself
// (duplicatesRequested, and identityMapRequested when a merge ran or was
// undone). The composition root runs the requests through AdminCommands /
// MergeWorkflow on the sync thread, which check the permission again and audit.
//
// Merge choices are QUndoCommands, one undo stack per candidate (a
// QUndoGroup follows the selected one; Ctrl+Z / Ctrl+Shift+Z); "Propose
// merge" sends the whole draft as one proposal.
//
// "Scan for duplicates" asks core to run the whole customer list through the
// identity engine (scanRequested). While it runs, the banner shows the stage
// in words with a determinate progress bar and a Cancel button
// (scanCancelRequested: the composition root calls the Backend's
// thread-safe cancelLongWork(), since the sync thread is busy scanning);
// showScanProgress() moves the bar; showScanFinished() puts the result line
// in the banner and reads the review and the clients again; a failure comes
// through showFailure(). Scanning needs Permission::ProposeMerge.
//
// Permission-aware: Propose needs Permission::ProposeMerge; Approve, Reject
// and Undo merge need Permission::ApproveMerge, and Approve is refused to the
// person who proposed (four eyes, as AdminCommands::decideMerge enforces).
// A refused action stays visible, disabled, with the reason as its tooltip.
class CustomersPage : public QWidget {
    Q_OBJECT
public:
    enum class Tab { Clients, Duplicates };
    Q_ENUM(Tab)

    // Presents each dialog the page opens (propose, approve, reject, undo).
    // The page has connected to the dialog's signals and set
    // WA_DeleteOnClose before it calls the presenter. The default opens it
    // window-modal with QDialog::open(); tests answer it in place.
    using DialogPresenter = std::function<void(QDialog *dialog)>;

    explicit CustomersPage(QWidget *parent = nullptr);
    ~CustomersPage() override;

    void setDialogPresenter(DialogPresenter presenter);

    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }
    [[nodiscard]] Tab currentTab() const;
    void setCurrentTab(Tab tab);
    // Shows client `customerId` on the Clients tab (filters cleared, row
    // selected); remembered until the identity map arrives when it has not
    // yet. False when the loaded map has no such client.
    bool showClient(const QString &customerId);
    [[nodiscard]] Domain::Role role() const { return m_role; }
    [[nodiscard]] QString username() const { return m_username; }
    [[nodiscard]] bool isBusy() const { return m_busy; }
    [[nodiscard]] bool hasIdentityMap() const { return m_mapLoaded; }
    [[nodiscard]] bool hasDuplicateReview() const { return m_reviewLoaded; }
    // The banner's text (an action's outcome, an error, or what is running); empty when hidden.
    [[nodiscard]] QString messageText() const;

    // Clients tab.
    [[nodiscard]] IdentityMapModel *identityModel() const { return m_mapModel; }
    [[nodiscard]] IdentityMapProxyModel *identityProxy() const { return m_mapProxy; }
    [[nodiscard]] QTableView *clientsView() const { return m_clientsView; }
    [[nodiscard]] QLineEdit *clientSearch() const { return m_search; }
    [[nodiscard]] QComboBox *linkFilter() const { return m_linkFilter; }
    [[nodiscard]] QString clientsCountText() const;
    [[nodiscard]] QString clientsPlaceholderText() const;
    [[nodiscard]] bool isShowingClientsPlaceholder() const;

    // Duplicates tab.
    [[nodiscard]] DuplicateListModel *duplicateModel() const { return m_listModel; }
    [[nodiscard]] QTableView *duplicatesView() const { return m_listView; }
    [[nodiscard]] DuplicateComparisonView *comparison() const { return m_comparison; }
    [[nodiscard]] QString duplicatesPlaceholderText() const;
    [[nodiscard]] bool isShowingDuplicatesPlaceholder() const;
    [[nodiscard]] QUndoGroup *undoGroup() const { return m_undoGroup; }
    [[nodiscard]] QAction *undoChoiceAction() const { return m_undoAction; }
    [[nodiscard]] QAction *redoChoiceAction() const { return m_redoAction; }
    [[nodiscard]] QPushButton *proposeButton() const { return m_propose; }
    [[nodiscard]] QPushButton *approveButton() const { return m_approve; }
    [[nodiscard]] QPushButton *rejectButton() const { return m_reject; }
    [[nodiscard]] QPushButton *undoMergeButton() const { return m_undoMerge; }
    [[nodiscard]] QPushButton *refreshButton() const { return m_refresh; }
    // The duplicate scan: its button, and the banner's Cancel and progress
    // bar (determinate 0..1000 while a scan runs, else a busy indicator).
    [[nodiscard]] QPushButton *scanButton() const { return m_scan; }
    [[nodiscard]] QPushButton *scanCancelButton() const { return m_scanCancel; }
    [[nodiscard]] QProgressBar *progressBar() const { return m_progress; }
    [[nodiscard]] bool isScanning() const { return m_pending == Pending::Scan; }
    // The review item shown on the right ("candidate/12"), or empty.
    [[nodiscard]] QString currentItemKey() const { return m_currentKey; }
    [[nodiscard]] const Services::DuplicateReviewItem *currentItem() const;
    // The draft of the shown candidate (nullptr for a proposal).
    [[nodiscard]] DuplicateMergeDraft *currentDraft() const;
    // What the merge does (or did), as shown, in plain text.
    [[nodiscard]] QString planText() const;
    [[nodiscard]] QString detailTitle() const;
    [[nodiscard]] QString detailStatus() const;
    [[nodiscard]] QString permissionNoteText() const;

    // Why an action cannot be taken on the shown item by the current actor,
    // in words; empty when it can.
    [[nodiscard]] QString proposeBlockedReason() const;
    [[nodiscard]] QString approveBlockedReason() const;
    [[nodiscard]] QString rejectBlockedReason() const;
    [[nodiscard]] QString undoBlockedReason() const;
    [[nodiscard]] QString scanBlockedReason() const;
    // "Comparing names, emails and phones", … (for the banner and tests).
    [[nodiscard]] static QString scanStageText(Services::DuplicateScanStage stage);
    // "Only an owner or office manager can propose merges." (from the role matrix).
    [[nodiscard]] static QString permissionReason(Security::Permission permission);

public Q_SLOTS:
    void setIdentityMap(const Concord::Services::IdentityMapData &data);
    void setDuplicateReview(const Concord::Services::DuplicateReviewData &data);
    void setActor(Concord::Domain::Role role, const QString &username);
    // The last request failed: shown in the banner; the page is no longer busy.
    void showFailure(const QString &message);
    // The last request succeeded: shown in the banner; fresh data is requested.
    void showDone(const QString &message);
    // Emits the request for the tab shown (the composition root calls it
    // when the page is shown; switching to a tab never loaded does too).
    void requestVisibleData();
    // Shows the Duplicates tab with the item `key`; false when it is not listed.
    bool selectItem(const QString &key);
    // The running scan moved (ignored when none runs, or when it would go back).
    void showScanProgress(const Concord::Services::DuplicateScanProgress &progress);
    // The scan ended: the result line, then fresh data is requested.
    void showScanFinished(const Concord::Services::DuplicateScanReport &report);
    // As the button runs it: busy, then scanRequested().
    void scanForDuplicates();
    // As the banner's Cancel runs it: scanCancelRequested(), once.
    void cancelScan();

    // The actions as the buttons run them: each asks in a dialog, then emits.
    void proposeCurrent();
    void approveCurrent();
    void rejectCurrent();
    void undoCurrentMerge();

Q_SIGNALS:
    void identityMapRequested();
    void duplicatesRequested();
    void proposeRequested(const Concord::Domain::MergeProposal &proposal);
    void decisionRequested(qint64 proposalId, bool approve, const QString &note);
    void undoRequested(qint64 proposalId);
    void scanRequested();
    void scanCancelRequested();

private:
    enum class Pending { None, Propose, Approve, Reject, Undo, Scan };

    QWidget *createClientsTab();
    QWidget *createDuplicatesTab();
    QWidget *createDetailPane();
    void applyClientFilters();
    void updateClientsCount();
    void updateTabTitles();
    void updateDuplicatesPlaceholder();
    void showCurrentItem();
    void updatePlan();
    void updateActions();
    void setBusy(Pending pending, const QString &text);
    void updateScanButton();
    void present(Theme::Tone tone, const QString &text);
    void hideBanner();
    void presentDialog(QDialog *dialog);
    [[nodiscard]] DuplicateMergeDraft *draftFor(const Services::DuplicateReviewItem &item);
    [[nodiscard]] QString busyReason() const;

    DialogPresenter m_presenter;
    Domain::Role m_role = Domain::Role::Viewer; // least privilege until told
    QString m_username;
    bool m_busy = false;
    Pending m_pending = Pending::None;
    bool m_mapLoaded = false;
    bool m_reviewLoaded = false;
    bool m_mapLoading = false;
    bool m_reviewLoading = false;

    QTabWidget *m_tabs = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_scan = nullptr;
    QPushButton *m_scanCancel = nullptr;
    int m_scanProgress = 0; // of 1000, while a scan runs
    QFrame *m_banner = nullptr;
    QLabel *m_bannerDot = nullptr;
    QLabel *m_bannerText = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_bannerClose = nullptr;

    IdentityMapModel *m_mapModel = nullptr;
    IdentityMapProxyModel *m_mapProxy = nullptr;
    QTableView *m_clientsView = nullptr;
    QLineEdit *m_search = nullptr;
    QString m_clientToShow; // showClient() before the map arrived
    QComboBox *m_linkFilter = nullptr;
    QLabel *m_clientsCount = nullptr;
    QStackedWidget *m_clientsStack = nullptr;
    QLabel *m_clientsPlaceholder = nullptr;

    DuplicateListModel *m_listModel = nullptr;
    QTableView *m_listView = nullptr;
    QStackedWidget *m_duplicatesStack = nullptr;
    QLabel *m_duplicatesPlaceholder = nullptr;
    QLabel *m_listNote = nullptr;
    QScrollArea *m_detailScroll = nullptr;
    QLabel *m_detailTitle = nullptr;
    QLabel *m_detailStatus = nullptr;
    DuplicateComparisonView *m_comparison = nullptr;
    QLabel *m_planTitle = nullptr;
    QLabel *m_plan = nullptr;
    QString m_planPlain;
    QUndoGroup *m_undoGroup = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QToolButton *m_undoButton = nullptr;
    QToolButton *m_redoButton = nullptr;
    QPushButton *m_propose = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_reject = nullptr;
    QPushButton *m_undoMerge = nullptr;
    QLabel *m_permissionNote = nullptr;

    QString m_currentKey;
    QHash<QString, DuplicateMergeDraft *> m_drafts; // by item key; candidates only
};

} // namespace Concord::Ui
