#include "mappingspage.h"

#include "fieldmappingmodel.h"
#include "mappingdelegate.h"
#include "mappingtext.h"
#include "pageheader.h"
#include "security/permissions.h"
#include "statusmappingmodel.h"

#include <QAction>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace Concord::Ui {

using Domain::Role;
using Security::Permission;
using Tab = MappingsPage::Tab;
using Severity = Sync::MappingProblem::Severity;

namespace {

// Where a problem list entry points.
enum ProblemData { TabData = Qt::UserRole + 1, RowData, ColumnData };

void styleBanner(QWidget *banner, const QString &objectName, Theme::Tone tone)
{
    banner->setObjectName(objectName);
    banner->setStyleSheet(QStringLiteral("#%1 { background: %2; color: %3; border: 1px solid %4;"
                                         " border-radius: 6px; }"
                                         " #%1 QLabel { color: %3; }")
                              .arg(objectName, Theme::toneBackground(tone).name(),
                                   Theme::toneText(tone).name(), Theme::toneColor(tone).name()));
}

QTableView *makeTable(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setItemDelegate(new MappingItemDelegate(view));
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                          | QAbstractItemView::SelectedClicked);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setShowGrid(false);
    view->setTabKeyNavigation(false); // Tab leaves the table; arrows move inside it
    // Row numbers: the problem list names rows by them.
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 14);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    QHeaderView *columns = view->horizontalHeader();
    columns->setHighlightSections(false);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return view;
}

} // namespace

MappingsPage::MappingsPage(QWidget *parent)
    : QWidget(parent)
    , m_fieldModel(new FieldMappingModel(this))
    , m_statusModel(new StatusMappingModel(this))
    , m_stack(new QUndoStack(this))
    , m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("mappingsPage"));
    m_fieldModel->setUndoStack(m_stack);
    m_statusModel->setUndoStack(m_stack);
    m_confirmer = [](QWidget *parent, const QString &title, const QString &question) {
        QMessageBox box(QMessageBox::Warning, title, question, QMessageBox::NoButton, parent);
        QPushButton *drop = box.addButton(tr("Discard and reload"), QMessageBox::DestructiveRole);
        QPushButton *cancel = box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(cancel); // Enter must not drop anyone's work
        box.exec();
        return box.clickedButton() == drop;
    };

    auto *header = new PageHeader(
        tr("Mappings"),
        tr("Which fields Concord carries between Cal.com, HubSpot and QuickBooks, which "
           "system owns each, and what a status does in HubSpot. Edits take effect "
           "together when you apply them."),
        this);
    auto *reloadButton =
        new QPushButton(Theme::icon(QStringLiteral("refresh")), tr("Reload"), this);
    reloadButton->setObjectName(QStringLiteral("reloadButton"));
    reloadButton->setToolTip(tr("Read the mappings as they are stored now"));
    connect(reloadButton, &QPushButton::clicked, this, &MappingsPage::reload);
    header->addTrailingWidget(reloadButton);

    m_notice = new QLabel(this);
    m_notice->setWordWrap(true);
    m_notice->setContentsMargins(12, 8, 12, 8);
    styleBanner(m_notice, QStringLiteral("roleNotice"), Theme::Tone::Info);
    m_notice->hide();

    m_banner = new QFrame(this);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bannerReload = new QPushButton(tr("Reload…"), m_banner);
    m_bannerReload->setObjectName(QStringLiteral("bannerReloadButton"));
    m_bannerReload->setToolTip(
        tr("Load the mappings as they are stored now; asks before dropping your edits"));
    connect(m_bannerReload, &QPushButton::clicked, this, &MappingsPage::reload);
    auto *dismiss = new QToolButton(m_banner);
    dismiss->setText(QStringLiteral("×"));
    dismiss->setAutoRaise(true);
    dismiss->setToolTip(tr("Dismiss"));
    dismiss->setAccessibleName(tr("Dismiss"));
    connect(dismiss, &QToolButton::clicked, this, &MappingsPage::hideBanner);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(12, 8, 6, 8);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_bannerReload, 0, Qt::AlignVCenter);
    bannerLayout->addWidget(dismiss, 0, Qt::AlignTop);
    m_banner->hide();

    // Undo/redo for both tabs: one stack, since Apply sends both as one batch.
    m_undoAction = new QAction(tr("Undo"), this);
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    m_undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_undoAction, &QAction::triggered, m_stack, &QUndoStack::undo);
    m_redoAction = new QAction(tr("Redo"), this);
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_redoAction->setShortcuts(
        { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y) });
    m_redoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_redoAction, &QAction::triggered, m_stack, &QUndoStack::redo);
    addAction(m_undoAction);
    addAction(m_redoAction);
    m_undoButton = new QToolButton(this);
    m_undoButton->setObjectName(QStringLiteral("undoButton"));
    m_undoButton->setDefaultAction(m_undoAction);
    m_undoButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_redoButton = new QToolButton(this);
    m_redoButton->setObjectName(QStringLiteral("redoButton"));
    m_redoButton->setDefaultAction(m_redoAction);
    m_redoButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_changes = new QLabel(this);
    m_changes->setObjectName(QStringLiteral("fieldLabel"));
    m_discardButton = new QPushButton(tr("&Discard"), this);
    m_discardButton->setObjectName(QStringLiteral("discardButton"));
    connect(m_discardButton, &QPushButton::clicked, this, &MappingsPage::discard);
    m_applyButton = new QPushButton(tr("A&pply changes"), this);
    m_applyButton->setObjectName(QStringLiteral("applyButton"));
    m_applyButton->setDefault(true);
    connect(m_applyButton, &QPushButton::clicked, this, &MappingsPage::apply);

    auto *bar = new QHBoxLayout;
    bar->setSpacing(6);
    bar->addWidget(m_undoButton);
    bar->addWidget(m_redoButton);
    bar->addSpacing(12);
    bar->addWidget(m_changes, 1);
    bar->addWidget(m_discardButton);
    bar->addWidget(m_applyButton);

    m_tabs->setObjectName(QStringLiteral("mappingTabs"));
    m_tabs->setIconSize(QSize(8, 8)); // the problem dots
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createTab(Tab::Fields), tr("Fields"));
    m_tabs->addTab(createTab(Tab::Statuses), tr("Statuses"));
    connect(m_tabs, &QTabWidget::currentChanged, this, &MappingsPage::updateActions);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 20);
    layout->setSpacing(12);
    layout->addWidget(header);
    layout->addWidget(m_notice);
    layout->addWidget(m_banner);
    layout->addLayout(bar);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(createProblemPanel());

    connect(m_stack, &QUndoStack::indexChanged, this, &MappingsPage::updateActions);
    connect(m_stack, &QUndoStack::cleanChanged, this, &MappingsPage::updateActions);
    connect(m_fieldModel, &FieldMappingModel::problemsChanged, this, &MappingsPage::updateProblems);
    connect(m_statusModel, &StatusMappingModel::problemsChanged, this,
            &MappingsPage::updateProblems);
    // An undone or redone change shows its row.
    connect(m_fieldModel, &FieldMappingModel::rowTouched, this, [this](int row) {
        const int column = m_fieldView->currentIndex().isValid()
            ? m_fieldView->currentIndex().column()
            : int(FieldMappingModel::Field);
        showCell(Tab::Fields, row, column);
    });
    connect(m_statusModel, &StatusMappingModel::rowTouched, this, [this](int row) {
        const int column = m_statusView->currentIndex().isValid()
            ? m_statusView->currentIndex().column()
            : int(StatusMappingModel::Status);
        showCell(Tab::Statuses, row, column);
    });

    sizeColumns();
    updateNotice();
    updateProblems();
}

MappingsPage::~MappingsPage()
{
    // The children go one by one after this (the undo stack clears itself,
    // the tabs let go of their pages): none may call back into a half-gone page.
    for (QObject *sender : std::initializer_list<QObject *> {
             m_stack, m_tabs, m_fieldModel, m_statusModel, m_fieldView->selectionModel(),
             m_statusView->selectionModel(), m_problemList })
        disconnect(sender, nullptr, this, nullptr);
}

QWidget *MappingsPage::createTab(Tab tab)
{
    const bool fields = tab == Tab::Fields;
    auto *page = new QWidget(m_tabs);
    auto *help = new QLabel(
        fields ? tr("Each row carries one field from one system into another. A field has one "
                    "system of record: Concord reads it there and never writes it back into "
                    "it. Double-click a cell to change it.")
               : tr("What an appointment or payment status does in HubSpot: move the deal to a "
                    "stage of the pipeline, create a task for the deal's owner, or close the "
                    "open tasks. Double-click a cell to change it."),
        page);
    help->setObjectName(QStringLiteral("fieldLabel"));
    help->setWordWrap(true);

    auto *add = new QPushButton(fields ? tr("&Add field") : tr("&Add status"), page);
    auto *remove = new QPushButton(tr("&Remove"), page);
    add->setObjectName(fields ? QStringLiteral("addFieldMapping")
                              : QStringLiteral("addStatusMapping"));
    remove->setObjectName(fields ? QStringLiteral("removeFieldMapping")
                                 : QStringLiteral("removeStatusMapping"));
    add->setAccessibleName(fields ? tr("Add a field mapping") : tr("Add a status mapping"));
    remove->setAccessibleName(fields ? tr("Remove the selected field mappings")
                                     : tr("Remove the selected status mappings"));

    QTableView *view = fields
        ? makeTable(page, QStringLiteral("fieldMappingTable"), tr("Field mappings"))
        : makeTable(page, QStringLiteral("statusMappingTable"), tr("Status mappings"));
    if (fields) {
        view->setModel(m_fieldModel);
        m_fieldView = view;
        m_addField = add;
        m_removeField = remove;
        connect(add, &QPushButton::clicked, this, [this] {
            const QModelIndex cell = m_fieldModel->addMapping();
            if (cell.isValid()) {
                showCell(Tab::Fields, cell.row(), cell.column());
                m_fieldView->edit(cell);
            }
        });
    } else {
        view->setModel(m_statusModel);
        m_statusView = view;
        m_addStatus = add;
        m_removeStatus = remove;
        connect(add, &QPushButton::clicked, this, [this] {
            const QModelIndex cell = m_statusModel->addMapping();
            if (cell.isValid()) {
                showCell(Tab::Statuses, cell.row(), cell.column());
                m_statusView->edit(cell);
            }
        });
    }
    connect(remove, &QPushButton::clicked, this, [this, tab] { removeSelected(tab); });
    view->installEventFilter(this);
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MappingsPage::updateActions);
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MappingsPage::updateActions);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    buttons->addWidget(help, 1);
    buttons->addSpacing(12);
    buttons->addWidget(add, 0, Qt::AlignBottom);
    buttons->addWidget(remove, 0, Qt::AlignBottom);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 12, 0, 0);
    layout->setSpacing(10);
    layout->addLayout(buttons);
    layout->addWidget(view, 1);
    return page;
}

QWidget *MappingsPage::createProblemPanel()
{
    auto *panel = new QWidget(this);
    m_problemTitle = new QLabel(panel);
    m_problemTitle->setObjectName(QStringLiteral("paneTitle"));
    m_noProblems = new QLabel(panel);
    m_noProblems->setObjectName(QStringLiteral("noProblems"));
    m_noProblems->setWordWrap(true);
    m_noProblems->setContentsMargins(12, 8, 12, 8);
    styleBanner(m_noProblems, QStringLiteral("noProblems"), Theme::Tone::Good);
    m_noProblems->setText(
        tr("No problems: every field has one system of record, every transform fits its field's "
           "values, and every status does something HubSpot can do."));
    m_problemList = new QListWidget(panel);
    m_problemList->setObjectName(QStringLiteral("problemList"));
    m_problemList->setAccessibleName(tr("Problems"));
    m_problemList->setWordWrap(true);
    m_problemList->setTextElideMode(Qt::ElideNone);
    m_problemList->setUniformItemSizes(false);
    m_problemList->setSpacing(2);
    m_problemList->setIconSize(QSize(10, 10));
    m_problemTitle->setBuddy(m_problemList);
    auto *noProblems = new QWidget(panel);
    auto *noProblemsLayout = new QVBoxLayout(noProblems);
    noProblemsLayout->setContentsMargins(0, 0, 0, 0);
    noProblemsLayout->addWidget(m_noProblems);
    noProblemsLayout->addStretch(1);
    // One height whether there are problems or not, so the table does not
    // jump while someone edits it: about four problems tall.
    m_problemStack = new QStackedWidget(panel);
    m_problemStack->addWidget(noProblems);
    m_problemStack->addWidget(m_problemList);
    m_problemStack->setFixedHeight(m_problemList->fontMetrics().height() * 6 + 12);
    const auto open = [this](QListWidgetItem *item) {
        if (item)
            showCell(Tab(item->data(TabData).toInt()), item->data(RowData).toInt(),
                     item->data(ColumnData).toInt());
    };
    connect(m_problemList, &QListWidget::itemClicked, this, open);
    connect(m_problemList, &QListWidget::itemActivated, this, open);

    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_problemTitle);
    layout->addWidget(m_problemStack);
    return panel;
}

void MappingsPage::sizeColumns()
{
    const QFontMetrics metrics = m_fieldView->fontMetrics();
    QFont headerFont = m_fieldView->horizontalHeader()->font();
    headerFont.setWeight(QFont::DemiBold); // as the style sheet draws section titles
    const QFontMetrics headerMetrics(headerFont);
    // From the font, not pixels: wide enough for a typical value and the title.
    const auto fit = [&](QTableView *view, int column, const QString &sample) {
        const QString title = view->model()->headerData(column, Qt::Horizontal).toString();
        view->horizontalHeader()->resizeSection(
            column,
            std::max(metrics.horizontalAdvance(sample) + 20,
                     headerMetrics.horizontalAdvance(title) + 22));
    };
    using F = FieldMappingModel;
    QHeaderView *f = m_fieldView->horizontalHeader();
    f->setSectionResizeMode(QHeaderView::Interactive);
    fit(m_fieldView, F::Enabled, QString());
    fit(m_fieldView, F::Field, QStringLiteral("appointment_time"));
    fit(m_fieldView, F::Type, tr("Amount of money"));
    fit(m_fieldView, F::Source, tr("QuickBooks"));
    fit(m_fieldView, F::Target, tr("QuickBooks"));
    // The longest transform names are cut a little ("staff_e…_owner"); the
    // tooltip describes each in words anyway.
    fit(m_fieldView, F::Transform, QStringLiteral("money_status"));
    fit(m_fieldView, F::Authority, tr("QuickBooks"));
    // The two paths share what is left, so the table never scrolls sideways
    // at the window's usual width (System of record, the column that matters
    // most, sat off-screen at 1180 px). A long path is cut in the middle,
    // where "deal.conc…_due_date" still says which property it is; the
    // cell's tooltip and editor hold all of it.
    f->setStretchLastSection(false);
    for (const int path : {int(F::SourcePath), int(F::TargetPath)})
        f->setSectionResizeMode(path, QHeaderView::Stretch);
    m_fieldView->setTextElideMode(Qt::ElideMiddle);
    m_statusView->setTextElideMode(Qt::ElideMiddle);
    m_fixedFieldWidth = 0;
    for (const int column : {int(F::Enabled), int(F::Field), int(F::Source), int(F::Target), int(F::Transform),
                             int(F::Authority)})
        m_fixedFieldWidth += f->sectionSize(column);
    m_pathWidth = metrics.horizontalAdvance(QStringLiteral("deal.concord_inv")) + 16;
    m_fieldView->viewport()->installEventFilter(this);
    fitFieldColumns();

    using S = StatusMappingModel;
    QHeaderView *s = m_statusView->horizontalHeader();
    s->setSectionResizeMode(QHeaderView::Interactive);
    fit(m_statusView, S::Kind, tr("Appointment"));
    fit(m_statusView, S::Status, tr("Partially paid"));
    fit(m_statusView, S::Target, tr("QuickBooks"));
    fit(m_statusView, S::Action, tr("Move the deal to"));
    s->setStretchLastSection(true);
}

QTableView *MappingsPage::view(Tab tab) const
{
    return tab == Tab::Fields ? m_fieldView : m_statusView;
}

QPushButton *MappingsPage::addButton(Tab tab) const
{
    return tab == Tab::Fields ? m_addField : m_addStatus;
}

QPushButton *MappingsPage::removeButton(Tab tab) const
{
    return tab == Tab::Fields ? m_removeField : m_removeStatus;
}

void MappingsPage::setConfirmer(Confirmer confirmer)
{
    m_confirmer = std::move(confirmer);
}

bool MappingsPage::hasUnsavedChanges() const
{
    if (m_applied)
        return false; // applied; the tables only wait for the stored rows
    return m_fieldModel->hasChanges() || m_statusModel->hasChanges();
}

Services::MappingBatch MappingsPage::pendingBatch() const
{
    Services::MappingBatch batch;
    batch.fields = m_fieldModel->changedMappings();
    batch.statuses = m_statusModel->changedMappings();
    batch.deletedFields = m_fieldModel->deletedMappings();
    batch.deletedStatuses = m_statusModel->deletedMappings();
    return batch;
}

QString MappingsPage::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_bannerText->text();
}

QString MappingsPage::noticeText() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

QString MappingsPage::changesText() const
{
    return m_changes->text();
}

void MappingsPage::setData(const Services::MappingsData &data)
{
    const bool take = !m_loaded || m_applied || m_reloadAsked || !hasUnsavedChanges();
    if (m_applying || !take) {
        // Never replace what the person typed behind their back.
        m_held = data;
        if (!m_applying) {
            showBanner(tr("The mappings were changed meanwhile (by someone else, or by Concord). "
                          "Your edits are "
                          "kept and not applied; Reload shows the current mappings (your edits are "
                          "dropped, so "
                          "note them first)."),
                       Theme::Tone::Warning, true);
        }
        return;
    }
    load(data);
}

void MappingsPage::load(const Services::MappingsData &data)
{
    const bool keepBanner = m_applied; // "Applied …" stays until dismissed
    m_data = data;
    m_held.reset();
    m_applied = false;
    m_reloadAsked = false;
    m_applying = false;
    m_fieldModel->setReadOnly(false);
    m_statusModel->setReadOnly(false);
    m_fieldModel->setSnapshot(data);
    m_statusModel->setSnapshot(data);
    // The old commands point at rows that are gone.
    m_stack->clear();
    m_loaded = true;
    if (!keepBanner)
        hideBanner();
    updateActions();
}

void MappingsPage::setActor(Role role, const QString &username)
{
    m_role = role;
    m_username = username;
    m_fieldModel->setRole(role);
    m_statusModel->setRole(role);
    updateNotice();
    updateActions();
}

void MappingsPage::updateNotice()
{
    QString text;
    if (!Security::roleHas(m_role, Permission::EditMappings)) {
        text = tr("You can look at the mappings but not change them: only %1 can.")
                   .arg(MappingText::whoMay(Permission::EditMappings));
    } else if (!Security::roleHas(m_role, Permission::EditBilling)) {
        text = tr("You can change booking-side mappings. Billing-side ones (those touching "
                  "QuickBooks, and payment "
                  "statuses) are read-only for you: only %1 can change them.")
                   .arg(MappingText::whoMay(Permission::EditBilling));
    } else if (!Security::roleHas(m_role, Permission::EditBookings)) {
        text = tr("You can change billing-side mappings (those touching QuickBooks, and payment "
                  "statuses). The "
                  "others are read-only for you: only %1 can change them.")
                   .arg(MappingText::whoMay(Permission::EditBookings));
    }
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

bool MappingsPage::blockedByErrors() const
{
    // A tab without changes does not block: a problem stored earlier must
    // not hold back an unrelated edit (core judges the same way).
    return (m_fieldModel->hasChanges() && m_fieldModel->hasErrors())
        || (m_statusModel->hasChanges() && m_statusModel->hasErrors());
}

void MappingsPage::updateActions()
{
    const bool mayEdit = Security::roleHas(m_role, Permission::EditMappings);
    const bool busy = m_applying || m_applied;
    const int changes = m_fieldModel->changeCount() + m_statusModel->changeCount();
    const bool dirty = hasUnsavedChanges();

    if (m_applying)
        m_changes->setText(tr("Applying your changes…"));
    else if (m_applied)
        m_changes->setText(tr("Applied; loading the stored mappings…"));
    else if (dirty)
        m_changes->setText(tr("Changes not applied yet: %1").arg(changes));
    else
        m_changes->setText(m_loaded ? tr("No changes") : tr("Loading…"));

    const QString undoText = m_stack->undoText();
    const QString redoText = m_stack->redoText();
    m_undoAction->setEnabled(!busy && m_stack->canUndo());
    m_redoAction->setEnabled(!busy && m_stack->canRedo());
    m_undoAction->setToolTip(m_stack->canUndo() ? tr("Undo: %1 (Ctrl+Z)").arg(undoText)
                                                : tr("Nothing to undo"));
    m_redoAction->setToolTip(m_stack->canRedo() ? tr("Redo: %1 (Ctrl+Shift+Z)").arg(redoText)
                                                : tr("Nothing to redo"));

    const bool blocked = blockedByErrors();
    m_applyButton->setEnabled(mayEdit && dirty && !blocked && !busy);
    if (!mayEdit)
        m_applyButton->setToolTip(MappingText::lockReason(m_role, Permission::EditMappings));
    else if (busy)
        m_applyButton->setToolTip(tr("Wait for the answer to the last apply"));
    else if (!dirty)
        m_applyButton->setToolTip(tr("Nothing to apply: no changes"));
    else if (blocked)
        m_applyButton->setToolTip(
            tr("Fix the problems marked in red first (listed below the table)"));
    else
        m_applyButton->setToolTip(
            tr("Save all your changes together; if any cannot be saved, none is"));
    m_discardButton->setEnabled(dirty && !busy);
    m_discardButton->setToolTip(
        dirty ? tr("Undo every change not applied yet (Redo brings them back)")
              : tr("Nothing to discard"));

    for (Tab tab : { Tab::Fields, Tab::Statuses }) {
        const bool fields = tab == Tab::Fields;
        QPushButton *add = addButton(tab);
        QPushButton *remove = removeButton(tab);
        const bool canAdd =
            m_loaded && !busy && (fields ? m_fieldModel->canAdd() : m_statusModel->canAdd());
        add->setEnabled(canAdd);
        if (!mayEdit)
            add->setToolTip(MappingText::lockReason(m_role, Permission::EditMappings));
        else
            add->setToolTip(fields
                                ? tr("Add a field mapping (then choose its field)")
                                : tr("Add a status mapping (then choose its status and action)"));

        const QList<int> rows = selectedRows(tab);
        QString locked;
        int removable = 0;
        for (int row : rows) {
            const QString why =
                fields ? m_fieldModel->lockReason(row) : m_statusModel->lockReason(row);
            if (why.isEmpty())
                ++removable;
            else if (locked.isEmpty())
                locked = why;
        }
        remove->setEnabled(!busy && removable > 0);
        if (rows.isEmpty())
            remove->setToolTip(tr("Select the rows to remove first"));
        else if (removable == 0)
            remove->setToolTip(locked);
        else
            remove->setToolTip(tr("Remove the selected rows (Del)"));
    }
}

void MappingsPage::updateProblems()
{
    m_problemList->clear();
    int errors = 0;
    int warnings = 0;
    const auto add = [&](Tab tab, const Sync::MappingProblem &p, const QString &row, int column) {
        const bool error = p.severity == Severity::Error;
        (error ? errors : warnings) += 1;
        //: A problem: "Fields, row 3 (phone: HubSpot → QuickBooks): The transform …"
        const QString text = tr("%1, row %2 (%3): %4")
                                 .arg(tab == Tab::Fields ? tr("Fields") : tr("Statuses"))
                                 .arg(p.row + 1)
                                 .arg(row, p.explanation);
        auto *item = new QListWidgetItem(
            QIcon(Theme::dot(error ? Theme::Tone::Bad : Theme::Tone::Warning, 10)), text);
        item->setToolTip(error
                             ? tr("Must be fixed before applying. Click to show the row.")
                             : tr("A warning: applying is still possible. Click to show the row."));
        item->setData(TabData, int(tab));
        item->setData(RowData, p.row);
        item->setData(ColumnData, column);
        m_problemList->addItem(item);
    };
    for (const Sync::MappingProblem &p : m_fieldModel->problems())
        add(Tab::Fields, p, MappingText::fieldRow(m_fieldModel->mapping(p.row)),
            m_fieldModel->columnOf(p.part));
    for (const Sync::MappingProblem &p : m_statusModel->problems())
        add(Tab::Statuses, p, MappingText::statusRow(m_statusModel->mapping(p.row)),
            m_statusModel->columnOf(p.part));

    // Counts without plural nouns: "1 to fix" reads right in every language's
    // source form.
    if (errors + warnings == 0)
        m_problemTitle->setText(tr("Problems"));
    else if (warnings == 0)
        m_problemTitle->setText(tr("Problems: %1 to fix before applying").arg(errors));
    else if (errors == 0)
        m_problemTitle->setText(
            tr("Problems: %1 to consider (applying is still possible)").arg(warnings));
    else
        m_problemTitle->setText(
            tr("Problems: %1 to fix before applying, %2 to consider").arg(errors).arg(warnings));
    m_problemStack->setCurrentIndex(errors + warnings == 0 ? 0 : 1);

    // The tabs say where the problems are.
    const auto tabIcon = [](const QList<Sync::MappingProblem> &problems) {
        if (problems.isEmpty())
            return QIcon();
        return QIcon(
            Theme::dot(Sync::hasErrors(problems) ? Theme::Tone::Bad : Theme::Tone::Warning, 8));
    };
    m_tabs->setTabIcon(int(Tab::Fields), tabIcon(m_fieldModel->problems()));
    m_tabs->setTabIcon(int(Tab::Statuses), tabIcon(m_statusModel->problems()));
    updateActions();
}

QList<int> MappingsPage::selectedRows(Tab tab) const
{
    QList<int> rows;
    const QModelIndexList selected = view(tab)->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    return rows;
}

void MappingsPage::removeSelected(Tab tab)
{
    if (m_applying || m_applied)
        return;
    const QList<int> rows = selectedRows(tab);
    if (tab == Tab::Fields)
        m_fieldModel->removeMappings(rows);
    else
        m_statusModel->removeMappings(rows);
}

void MappingsPage::showCell(Tab tab, int row, int column)
{
    QTableView *table = view(tab);
    QAbstractItemModel *model = table->model();
    if (row < 0 || row >= model->rowCount())
        return;
    if (m_tabs->currentIndex() != int(tab))
        m_tabs->setCurrentIndex(int(tab));
    const QModelIndex target = model->index(row, std::clamp(column, 0, model->columnCount() - 1));
    if (table->currentIndex() != target) {
        table->selectionModel()->setCurrentIndex(
            target, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    table->scrollTo(target);
}

void MappingsPage::apply()
{
    if (!m_applyButton->isEnabled())
        return;
    const Services::MappingBatch batch = pendingBatch();
    if (batch.isEmpty())
        return;
    m_applying = true;
    m_fieldModel->setReadOnly(true);
    m_statusModel->setReadOnly(true);
    showBanner(tr("Applying your changes…"), Theme::Tone::Info, false);
    updateActions();
    Q_EMIT applyRequested(batch);
}

void MappingsPage::showApplied(const QString &message)
{
    m_applying = false;
    m_applied = true;
    m_stack->setClean();
    showBanner(message.isEmpty() ? tr("Your changes were applied.") : message, Theme::Tone::Good,
               false);
    if (m_held) {
        const Services::MappingsData newer = *m_held;
        load(newer);
        return;
    }
    updateActions();
}

void MappingsPage::showFailure(const QString &message)
{
    m_applying = false;
    m_applied = false;
    m_fieldModel->setReadOnly(false);
    m_statusModel->setReadOnly(false);
    //: After why an apply failed: the person's work is not lost.
    showBanner(tr("%1\nYour edits are still here and nothing was applied.").arg(message),
               Theme::Tone::Bad, true);
    updateActions();
}

void MappingsPage::discard()
{
    if (m_applying || m_applied || !hasUnsavedChanges())
        return;
    // Undo back to the stored rows, so Redo can bring the edits back.
    if (m_stack->cleanIndex() >= 0)
        m_stack->setIndex(m_stack->cleanIndex());
    if (hasUnsavedChanges()) // the clean state was not the stored one
        load(m_data);
    updateActions();
}

void MappingsPage::reload()
{
    if (hasUnsavedChanges() && !m_applying) {
        const int changes = m_fieldModel->changeCount() + m_statusModel->changeCount();
        if (!m_confirmer(this, tr("Discard your changes?"),
                         tr("You have changes that are not applied yet (%1). Reloading shows the "
                            "mappings as they "
                            "are stored now and drops them.")
                             .arg(changes))) {
            return;
        }
    }
    m_reloadAsked = true;
    if (m_held && !m_applying) {
        const Services::MappingsData newer = *m_held;
        load(newer);
    }
    Q_EMIT reloadRequested();
}

void MappingsPage::showBanner(const QString &text, Theme::Tone tone, bool offerReload)
{
    styleBanner(m_banner, QStringLiteral("mappingsBanner"), tone);
    m_bannerText->setText(text);
    m_bannerReload->setVisible(offerReload);
    m_banner->show();
}

void MappingsPage::hideBanner()
{
    m_banner->hide();
    m_bannerText->clear();
}

void MappingsPage::fitFieldColumns()
{
    // "Values" says what the field holds, which its row's field name and the
    // Type problems also say: in a narrow window it gives its room to the
    // paths rather than push them down to a few letters.
    const int room = m_fieldView->viewport()->width() - m_fixedFieldWidth;
    const int typeWidth = m_fieldView->horizontalHeader()->sectionSize(FieldMappingModel::Type);
    const bool showType = room - typeWidth >= 2 * m_pathWidth;
    if (m_fieldView->isColumnHidden(FieldMappingModel::Type) == showType)
        m_fieldView->setColumnHidden(FieldMappingModel::Type, !showType);
}

bool MappingsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize && m_fieldView && watched == m_fieldView->viewport())
        fitFieldColumns();
    if (event->type() == QEvent::KeyPress && (watched == m_fieldView || watched == m_statusView)) {
        auto *key = static_cast<QKeyEvent *>(event);
        // An open editor gets its own keys: this is the table's Delete.
        if (key->key() == Qt::Key_Delete && key->modifiers() == Qt::NoModifier) {
            removeSelected(watched == m_fieldView ? Tab::Fields : Tab::Statuses);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Concord::Ui
