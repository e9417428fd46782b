#pragma once

#include "domain/user.h"
#include "services/mappingsdata.h"
#include "theme.h"

#include <QWidget>

#include <functional>
#include <optional>

class QAction;
class QFrame;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QToolButton;
class QUndoStack;

namespace Concord::Ui {

class FieldMappingModel;
class StatusMappingModel;

// "Mappings": the field mapping editor (which field goes from which system
// to which, through which transform, and which system owns it) and the
// status mapping editor (what an appointment or payment status does in
// HubSpot), one tab each.
//
// Edits happen in the tables (combo boxes for systems, fields, transforms,
// statuses, actions and deal stages) and with Add/Remove; every one is a
// QUndoCommand on one undo stack shared by both tabs (Undo Ctrl+Z, Redo
// Ctrl+Shift+Z; the buttons' tooltips say what they would undo or redo).
// After each edit both tables are validated again — Sync::validateFieldMappings
// and validateStatusMappings on the edited copy, plus what the role may not
// change — and every problem is listed below the tables in plain words with
// its row (clicking one shows the row) and marked in its cell.
//
// "Apply" (enabled when something changed and no error is left on a tab
// with changes) sends every change as one Services::MappingBatch, each
// changed or deleted mapping with the version it was read at; core applies
// it all or nothing (AdminCommands::applyMappings). "Discard" undoes every
// unapplied edit (Redo brings them back).
//
// Data flow: lives on the GUI thread and never touches the store. The
// composition root pushes setData() and setActor(), connects
// applyRequested() to the Backend, and answers each with showApplied() —
// then a fresh setData() — or showFailure(). A failure (a stale version:
// someone else changed a mapping; a refusal) keeps the person's edits. A
// setData() that arrives while the person has unapplied edits they did not
// ask to drop is held back (a notice offers Reload) so nothing they typed is
// lost silently; after reloadRequested() or showApplied() it is taken.
//
// Permissions: EditMappings plus the side's own (billing-side: QuickBooks or
// payment statuses, EditBilling; booking-side, EditBookings). Rows of a side
// the role may not change are read-only with the reason as their tooltip.
class MappingsPage : public QWidget {
    Q_OBJECT
public:
    enum class Tab { Fields, Statuses };
    Q_ENUM(Tab)

    // Asks the person to confirm dropping unapplied edits (Reload): true to
    // go ahead. Tests inject one that answers at once.
    using Confirmer =
        std::function<bool(QWidget *parent, const QString &title, const QString &question)>;

    explicit MappingsPage(QWidget *parent = nullptr);
    ~MappingsPage() override;

    // Whether there are edits not applied yet (for the window to ask before leaving).
    [[nodiscard]] bool hasUnsavedChanges() const;
    // What Apply would send now.
    [[nodiscard]] Services::MappingBatch pendingBatch() const;
    // An apply was sent and its answer has not come yet.
    [[nodiscard]] bool isApplying() const { return m_applying; }
    [[nodiscard]] bool hasLoaded() const { return m_loaded; }
    [[nodiscard]] Domain::Role role() const { return m_role; }
    void setConfirmer(Confirmer confirmer);

    [[nodiscard]] FieldMappingModel *fieldModel() const { return m_fieldModel; }
    [[nodiscard]] StatusMappingModel *statusModel() const { return m_statusModel; }
    [[nodiscard]] QUndoStack *undoStack() const { return m_stack; }
    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }
    [[nodiscard]] QTableView *view(Tab tab) const;
    [[nodiscard]] QPushButton *addButton(Tab tab) const;
    [[nodiscard]] QPushButton *removeButton(Tab tab) const;
    [[nodiscard]] QToolButton *undoButton() const { return m_undoButton; }
    [[nodiscard]] QToolButton *redoButton() const { return m_redoButton; }
    [[nodiscard]] QPushButton *applyButton() const { return m_applyButton; }
    [[nodiscard]] QPushButton *discardButton() const { return m_discardButton; }
    [[nodiscard]] QListWidget *problemList() const { return m_problemList; }
    // The result banner (applied, failed, applying; newer data held back);
    // empty when hidden.
    [[nodiscard]] QString bannerText() const;
    // What the role may change, when it may not change everything; empty otherwise.
    [[nodiscard]] QString noticeText() const;
    // "3 changes not applied", "No changes".
    [[nodiscard]] QString changesText() const;

public Q_SLOTS:
    void setData(const Concord::Services::MappingsData &data);
    // The signed-in person; until set, the page is read-only (Viewer).
    void setActor(Concord::Domain::Role role, const QString &username);
    // The answer to applyRequested(): it was applied (`message` says what).
    // The undo stack is marked clean; the next setData() replaces the tables.
    void showApplied(const QString &message);
    // The answer to applyRequested(): nothing was applied (`message` says
    // why and what to do). The edits stay.
    void showFailure(const QString &message);

    // Sends the batch (when Apply is enabled).
    void apply();
    // Undoes every unapplied edit.
    void discard();
    // Asks for the mappings as stored, after confirming when edits would be lost.
    void reload();
    // Shows the tab, selects the row and makes the cell current.
    void showCell(Concord::Ui::MappingsPage::Tab tab, int row, int column);

Q_SIGNALS:
    void reloadRequested();
    void applyRequested(const Concord::Services::MappingBatch &batch);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *createTab(Tab tab);
    QWidget *createProblemPanel();
    void load(const Services::MappingsData &data);
    void updateActions();
    void updateProblems();
    void updateNotice();
    void showBanner(const QString &text, Theme::Tone tone, bool offerReload);
    void hideBanner();
    void removeSelected(Tab tab);
    void sizeColumns();
    void fitFieldColumns();
    [[nodiscard]] QList<int> selectedRows(Tab tab) const;
    [[nodiscard]] bool blockedByErrors() const;

    FieldMappingModel *m_fieldModel = nullptr;
    StatusMappingModel *m_statusModel = nullptr;
    QUndoStack *m_stack = nullptr;
    Confirmer m_confirmer;

    Services::MappingsData m_data; // what the tables started from
    std::optional<Services::MappingsData> m_held; // newer data not shown yet (see setData)
    Domain::Role m_role = Domain::Role::Viewer;
    QString m_username;
    bool m_loaded = false;
    bool m_applying = false;
    bool m_applied = false; // showApplied() came; the next setData() is taken
    bool m_reloadAsked = false; // reloadRequested() was emitted; the next setData() is taken

    QTabWidget *m_tabs = nullptr;
    QTableView *m_fieldView = nullptr;
    int m_fixedFieldWidth = 0; // every field column but the paths and Values
    int m_pathWidth = 0;       // what a path column needs to stay readable
    QTableView *m_statusView = nullptr;
    QPushButton *m_addField = nullptr;
    QPushButton *m_removeField = nullptr;
    QPushButton *m_addStatus = nullptr;
    QPushButton *m_removeStatus = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QToolButton *m_undoButton = nullptr;
    QToolButton *m_redoButton = nullptr;
    QPushButton *m_applyButton = nullptr;
    QPushButton *m_discardButton = nullptr;
    QLabel *m_changes = nullptr;
    QLabel *m_notice = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QPushButton *m_bannerReload = nullptr;
    QLabel *m_problemTitle = nullptr;
    QLabel *m_noProblems = nullptr;
    QListWidget *m_problemList = nullptr;
    QStackedWidget *m_problemStack = nullptr;
};

} // namespace Concord::Ui
