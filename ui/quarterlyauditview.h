#pragma once

#include "domain/user.h"
#include "review/quarterlyaudit.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QAbstractItemModel;

namespace Concord::Ui {

class AuditFindingsModel;
class ChangedMappingsModel;
class DuplicateGroupsModel;
class StatTile;
class UserAccessModel;

// The quarterly review's audit (issue 9): three tabs — field mappings
// (changed since the last review, unused, conflicting authority),
// permissions (who may do what, who has not signed in) and attachment
// storage (the PDF cache against its retention, invoice PDFs copied into
// HubSpot). Read-only: "Run audit" asks for a fresh Review::QuarterlyAudit
// (auditRequested) and the answer arrives through setAudit() or
// showFailure(). Every role may run it (it needs only View); without a
// signed-in actor the button is disabled with the reason in its tooltip.
class QuarterlyAuditView : public QWidget {
    Q_OBJECT
public:
    enum Tab { MappingsTab, PermissionsTab, StorageTab };
    explicit QuarterlyAuditView(QWidget *parent = nullptr);

    // For tests and accessibility checks.
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] QString failureText() const; // empty when no failure is shown
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] bool canRun() const;
    [[nodiscard]] QString tabTitle(Tab tab) const;
    [[nodiscard]] QString storageSummary() const;
    // Each table's model, and whether its empty-state sentence replaces it.
    [[nodiscard]] QAbstractItemModel *changedModel() const;
    [[nodiscard]] QAbstractItemModel *mappingFindingsModel() const;
    [[nodiscard]] QAbstractItemModel *usersModel() const;
    [[nodiscard]] QAbstractItemModel *permissionFindingsModel() const;
    [[nodiscard]] QAbstractItemModel *duplicatesModel() const;
    [[nodiscard]] QAbstractItemModel *storageFindingsModel() const;
    [[nodiscard]] bool isShowingEmptyState(const QAbstractItemModel *model) const;
    [[nodiscard]] QString emptyStateText(const QAbstractItemModel *model) const;
    void setCurrentTab(Tab tab);

public Q_SLOTS:
    void setAudit(const Concord::Review::QuarterlyAudit &audit);
    void setActor(Concord::Domain::Role role, const QString &username);
    // The audit could not be made: shown in the banner; the last audit stays.
    void showFailure(const QString &message);
    // Asks for an audit (what the button does): emits auditRequested() once
    // and shows "Running…" until the answer.
    void requestAudit();

Q_SIGNALS:
    void auditRequested();

private:
    struct Section {
        QAbstractItemModel *model = nullptr;
        QStackedWidget *stack = nullptr;
        QLabel *empty = nullptr;
        QTableView *view = nullptr;
        QString emptyText; // once an audit arrived
    };
    QWidget *section(QWidget *parent, const QString &heading, QAbstractItemModel *model, const QString &emptyText,
                     QList<int> timeColumns = {});
    void updateSections();
    void updateRunButton();
    void setStatus(const QString &text);

    QPushButton *m_run = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_status = nullptr;
    QTabWidget *m_tabs = nullptr;
    StatTile *m_changedTile = nullptr;
    StatTile *m_unusedTile = nullptr;
    StatTile *m_conflictTile = nullptr;
    StatTile *m_usersTile = nullptr;
    StatTile *m_permissionTile = nullptr;
    StatTile *m_cachedTile = nullptr;
    StatTile *m_expiredTile = nullptr;
    StatTile *m_duplicateTile = nullptr;
    QLabel *m_mappingSummary = nullptr;
    QLabel *m_storageSummary = nullptr;
    ChangedMappingsModel *m_changed = nullptr;
    AuditFindingsModel *m_mappingFindings = nullptr;
    UserAccessModel *m_users = nullptr;
    AuditFindingsModel *m_permissionFindings = nullptr;
    DuplicateGroupsModel *m_duplicates = nullptr;
    AuditFindingsModel *m_storageFindings = nullptr;
    QList<Section> m_sections;
    QString m_username;
    Domain::Role m_role = Domain::Role::Viewer;
    bool m_running = false;
    bool m_hasAudit = false;
};

} // namespace Concord::Ui
