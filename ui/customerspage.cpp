#include "customerspage.h"

#include "duplicatecomparisonview.h"
#include "roletext.h"
#include "duplicatelistmodel.h"
#include "duplicatemergedraft.h"
#include "duplicatereviewtext.h"
#include "identitymapmodel.h"
#include "identitymapproxymodel.h"
#include "pageheader.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFontMetrics>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QUndoGroup>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Concord::Ui {

using Domain::MergeState;
using Domain::Role;
using Identity::MergeStep;
using Security::Permission;
using Services::DuplicateReviewItem;
using Services::ReviewKind;

namespace {

constexpr int kBannerDotDiameter = 12;

QString nameOf(const Services::ReviewCustomer &c)
{
    return c.customer.displayName.isEmpty() ? c.customer.id : c.customer.displayName;
}

// "Dana Whitfeld" / "Dana Whitfeld and Eve Stone": the customers merged away.
QString mergedNames(const DuplicateReviewItem &item, const QString &survivorId)
{
    QStringList names;
    for (const Services::ReviewCustomer &c : item.customers) {
        if (c.customer.id != survivorId)
            names.append(nameOf(c));
    }
    if (names.size() <= 1)
        return names.value(0);
    const QString last = names.takeLast();
    return CustomersPage::tr("%1 and %2").arg(names.join(CustomersPage::tr(", ")), last);
}

QString survivorName(const DuplicateReviewItem &item, const QString &survivorId)
{
    const Services::ReviewCustomer *c = item.customer(survivorId);
    return c ? nameOf(*c) : survivorId;
}

QString bulletHtml(const QStringList &lines)
{
    QStringList items;
    for (const QString &line : lines)
        items.append(QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped()));
    return QStringLiteral(
               "<ul style=\"margin-top:2px; margin-bottom:6px; -qt-list-indent:1;\">%1</ul>")
        .arg(items.join(QString()));
}

QString bulletText(const QStringList &lines)
{
    QStringList out;
    for (const QString &line : lines)
        out.append(QStringLiteral("• ") + line);
    return out.join(QLatin1Char('\n'));
}

// The steps of a plan in three groups, by how far they can be undone.
struct PlanGroups {
    QStringList irreversible; // cannot be undone (HubSpot merges, a person's QuickBooks merge)
    QStringList byPerson; // remote changes a person can reverse in that system
    QStringList concordOnly; // the identity map: Undo merge restores these
};

PlanGroups groupSteps(const QList<MergeStep> &steps)
{
    PlanGroups g;
    for (const MergeStep &s : steps) {
        if (!s.undoableRemotely)
            g.irreversible.append(s.description);
        else if (s.action == MergeStep::Action::MoveLink)
            g.concordOnly.append(s.description);
        else
            g.byPerson.append(s.description);
    }
    return g;
}

QFrame *toneFrame(Theme::Tone tone, QWidget *parent)
{
    auto *frame = new QFrame(parent);
    frame->setObjectName(QStringLiteral("toneFrame"));
    frame->setStyleSheet(
        QStringLiteral(
            "QFrame#toneFrame { background: %1; border: 1px solid %2; border-radius: 6px; }"
            " QFrame#toneFrame QLabel { color: %3; }")
            .arg(Theme::toneBackground(tone).name(), Theme::toneColor(tone).name(),
                 Theme::toneText(tone).name()));
    return frame;
}

QLabel *wrapped(const QString &text, QWidget *parent, const QString &objectName = {})
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (!objectName.isEmpty())
        label->setObjectName(objectName);
    return label;
}

} // namespace

CustomersPage::CustomersPage(QWidget *parent)
    : QWidget(parent)
    , m_presenter([](QDialog *dialog) { dialog->open(); })
    , m_mapModel(new IdentityMapModel(this))
    , m_mapProxy(new IdentityMapProxyModel(this))
    , m_listModel(new DuplicateListModel(this))
    , m_undoGroup(new QUndoGroup(this))
{
    setObjectName(QStringLiteral("customersPage"));
    m_mapProxy->setSourceModel(m_mapModel);

    auto *header = new PageHeader(tr("Clients and duplicates"),
                                  tr("Each client's records in HubSpot, QuickBooks and Cal.com, "
                                     "and the possible duplicates to merge. "
                                     "Office managers propose merges; an owner approves them."),
                                  this);
    m_refresh = new QPushButton(Theme::icon(QStringLiteral("refresh")), tr("&Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_refresh->setAccessibleName(tr("Refresh clients and duplicates"));
    m_refresh->setToolTip(tr("Read the clients and the duplicate review again"));
    m_scan = new QPushButton(Theme::icon(QStringLiteral("search")), tr("&Scan for duplicates"), this);
    m_scan->setObjectName(QStringLiteral("scanButton"));
    m_scan->setAccessibleName(tr("Scan all clients for duplicates"));
    header->addTrailingWidget(m_scan);
    header->addTrailingWidget(m_refresh);

    // What is running (with a progress bar), or the last outcome.
    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("customersBanner"));
    m_bannerDot = new QLabel(m_banner);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("customersMessage"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(m_banner);
    m_progress->setObjectName(QStringLiteral("busyIndicator"));
    m_progress->setRange(0, 0); // no percentage: the sync thread reports only the end
    m_progress->setTextVisible(false);
    m_progress->setFixedWidth(120);
    m_progress->setAccessibleName(tr("Working"));
    m_scanCancel = new QPushButton(tr("Cancel scan"), m_banner);
    m_scanCancel->setObjectName(QStringLiteral("scanCancelButton"));
    m_scanCancel->setToolTip(tr("Stop the scan; nothing it found is recorded"));
    m_scanCancel->setVisible(false);
    m_bannerClose = new QToolButton(m_banner);
    m_bannerClose->setText(QStringLiteral("×"));
    m_bannerClose->setAutoRaise(true);
    m_bannerClose->setToolTip(tr("Hide this message"));
    m_bannerClose->setAccessibleName(tr("Hide this message"));
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(14, 10, 8, 10);
    bannerLayout->setSpacing(10);
    m_bannerDot->setFixedHeight(m_bannerText->fontMetrics().height());
    bannerLayout->addWidget(m_bannerDot, 0, Qt::AlignTop);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_progress, 0, Qt::AlignVCenter);
    bannerLayout->addWidget(m_scanCancel, 0, Qt::AlignVCenter);
    bannerLayout->addWidget(m_bannerClose, 0, Qt::AlignTop);
    m_banner->setVisible(false);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("customersTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createClientsTab(), tr("&Clients"));
    m_tabs->addTab(createDuplicatesTab(), tr("&Duplicates"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 20);
    layout->setSpacing(14);
    layout->addWidget(header);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);

    connect(m_refresh, &QPushButton::clicked, this, [this] {
        m_mapLoading = true;
        m_reviewLoading = true;
        updateClientsCount();
        Q_EMIT identityMapRequested();
        Q_EMIT duplicatesRequested();
    });
    connect(m_bannerClose, &QToolButton::clicked, this, &CustomersPage::hideBanner);
    connect(m_scan, &QPushButton::clicked, this, &CustomersPage::scanForDuplicates);
    connect(m_scanCancel, &QPushButton::clicked, this, &CustomersPage::cancelScan);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if ((currentTab() == Tab::Clients && !m_mapLoaded && !m_mapLoading)
            || (currentTab() == Tab::Duplicates && !m_reviewLoaded && !m_reviewLoading))
            requestVisibleData();
    });

    updateTabTitles();
    updateClientsCount();
    updateDuplicatesPlaceholder();
    showCurrentItem();
    updateScanButton();
}

CustomersPage::~CustomersPage()
{
    // The drafts' stacks leave the group before the group goes.
    qDeleteAll(m_drafts);
    m_drafts.clear();
}

QWidget *CustomersPage::createClientsTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("clientsTab"));

    m_search = new QLineEdit(tab);
    m_search->setObjectName(QStringLiteral("clientSearch"));
    m_search->setAccessibleName(tr("Search clients"));
    m_search->setPlaceholderText(tr("Name, email, phone, record id…"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(Theme::icon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_search->setMinimumWidth(m_search->fontMetrics().averageCharWidth() * 28);
    auto *searchLabel = new QLabel(tr("&Find:"), tab);
    searchLabel->setObjectName(QStringLiteral("fieldLabel"));
    searchLabel->setBuddy(m_search);

    using LinkFilter = IdentityMapProxyModel::LinkFilter;
    m_linkFilter = new QComboBox(tab);
    m_linkFilter->setObjectName(QStringLiteral("linkFilter"));
    m_linkFilter->setAccessibleName(tr("Show clients by their links"));
    m_linkFilter->addItem(tr("All clients"), int(LinkFilter::All));
    m_linkFilter->addItem(tr("Missing a record somewhere"), int(LinkFilter::MissingAny));
    m_linkFilter->addItem(tr("Not in HubSpot"), int(LinkFilter::MissingHubSpot));
    m_linkFilter->addItem(tr("Not in QuickBooks"), int(LinkFilter::MissingQuickBooks));
    m_linkFilter->addItem(tr("Not in Cal.com"), int(LinkFilter::MissingCalCom));
    m_linkFilter->addItem(tr("In all three systems"), int(LinkFilter::LinkedEverywhere));
    auto *filterLabel = new QLabel(tr("S&how:"), tab);
    filterLabel->setObjectName(QStringLiteral("fieldLabel"));
    filterLabel->setBuddy(m_linkFilter);

    m_clientsCount = new QLabel(tab);
    m_clientsCount->setObjectName(QStringLiteral("pageSubtitle"));

    auto *bar = new QHBoxLayout;
    bar->setSpacing(6);
    bar->addWidget(searchLabel);
    bar->addWidget(m_search, 1);
    bar->addSpacing(12);
    bar->addWidget(filterLabel);
    bar->addWidget(m_linkFilter);
    bar->addSpacing(12);
    bar->addWidget(m_clientsCount);

    m_clientsView = new QTableView(tab);
    m_clientsView->setObjectName(QStringLiteral("clientsTable"));
    m_clientsView->setAccessibleName(tr("Clients and their records in each system"));
    m_clientsView->setModel(m_mapProxy);
    m_clientsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_clientsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_clientsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_clientsView->setTabKeyNavigation(false);
    m_clientsView->setAlternatingRowColors(true);
    m_clientsView->setWordWrap(false);
    m_clientsView->setShowGrid(false);
    m_clientsView->setTextElideMode(Qt::ElideRight);
    m_clientsView->verticalHeader()->hide();
    // Fixed row heights: the view never measures 100,000 rows.
    m_clientsView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_clientsView->verticalHeader()->setDefaultSectionSize(m_clientsView->fontMetrics().height()
                                                           + 12);
    QHeaderView *columns = m_clientsView->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setStretchLastSection(true);
    columns->setHighlightSections(false);
    columns->setSortIndicatorShown(true);
    const int ch = m_clientsView->fontMetrics().averageCharWidth();
    // Wide enough for typical values, never narrower than the header's title
    // with its sort arrow.
    const auto width = [&](int column, int chars) {
        const QString title = m_mapModel->headerData(column, Qt::Horizontal).toString();
        QFont bold = columns->font();
        bold.setBold(true);
        const int titleWidth = QFontMetrics(bold).horizontalAdvance(title) + 48;
        m_clientsView->setColumnWidth(column, qMax(ch * chars, titleWidth));
    };
    width(IdentityMapModel::Name, 26);
    width(IdentityMapModel::Email, 30);
    width(IdentityMapModel::Phone, 17);
    width(IdentityMapModel::HubSpot, 16);
    width(IdentityMapModel::QuickBooks, 16);
    m_clientsView->setSortingEnabled(true);
    m_clientsView->sortByColumn(IdentityMapModel::Name, Qt::AscendingOrder);

    m_clientsPlaceholder = new QLabel(tab);
    m_clientsPlaceholder->setObjectName(QStringLiteral("pageSubtitle"));
    m_clientsPlaceholder->setAlignment(Qt::AlignCenter);
    m_clientsPlaceholder->setWordWrap(true);
    m_clientsStack = new QStackedWidget(tab);
    m_clientsStack->addWidget(m_clientsView);
    m_clientsStack->addWidget(m_clientsPlaceholder);

    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 12, 0, 0);
    layout->setSpacing(10);
    layout->addLayout(bar);
    layout->addWidget(m_clientsStack, 1);

    connect(m_search, &QLineEdit::textChanged, this, &CustomersPage::applyClientFilters);
    connect(m_linkFilter, &QComboBox::currentIndexChanged, this,
            &CustomersPage::applyClientFilters);
    return tab;
}

QWidget *CustomersPage::createDuplicatesTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("duplicatesTab"));

    m_listView = new QTableView(tab);
    m_listView->setObjectName(QStringLiteral("duplicatesList"));
    m_listView->setAccessibleName(tr("Possible duplicates and merge proposals"));
    m_listView->setModel(m_listModel);
    m_listView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_listView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_listView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_listView->setTabKeyNavigation(false);
    m_listView->setAlternatingRowColors(true);
    m_listView->setWordWrap(false);
    m_listView->setShowGrid(false);
    m_listView->setTextElideMode(Qt::ElideRight);
    m_listView->verticalHeader()->hide();
    m_listView->verticalHeader()->setDefaultSectionSize(m_listView->fontMetrics().height() + 14);
    QHeaderView *columns = m_listView->horizontalHeader();
    columns->setHighlightSections(false);
    columns->setSectionResizeMode(DuplicateListModel::Clients, QHeaderView::Stretch);
    columns->setSectionResizeMode(DuplicateListModel::Likelihood, QHeaderView::ResizeToContents);
    columns->setSectionResizeMode(DuplicateListModel::Status, QHeaderView::ResizeToContents);
    m_listView->setMinimumWidth(m_listView->fontMetrics().averageCharWidth() * 46);

    m_listNote = new QLabel(tab);
    m_listNote->setObjectName(QStringLiteral("pageSubtitle"));
    m_listNote->setWordWrap(true);
    m_listNote->setVisible(false);

    auto *left = new QWidget(tab);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(6);
    leftLayout->addWidget(m_listView, 1);
    leftLayout->addWidget(m_listNote);

    auto *splitter = new QSplitter(Qt::Horizontal, tab);
    splitter->setObjectName(QStringLiteral("duplicatesSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(createDetailPane());
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    splitter->setSizes({ 430, 850 });

    m_duplicatesPlaceholder = new QLabel(tab);
    m_duplicatesPlaceholder->setObjectName(QStringLiteral("pageSubtitle"));
    m_duplicatesPlaceholder->setAlignment(Qt::AlignCenter);
    m_duplicatesPlaceholder->setWordWrap(true);
    m_duplicatesStack = new QStackedWidget(tab);
    m_duplicatesStack->addWidget(splitter);
    m_duplicatesStack->addWidget(m_duplicatesPlaceholder);

    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 12, 0, 0);
    layout->addWidget(m_duplicatesStack, 1);

    connect(m_listView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CustomersPage::showCurrentItem);
    return tab;
}

QWidget *CustomersPage::createDetailPane()
{
    auto *pane = new QWidget(this);
    auto *paneLayout = new QVBoxLayout(pane);
    paneLayout->setContentsMargins(8, 0, 0, 0);
    paneLayout->setSpacing(8);

    auto *body = new QWidget(pane);
    body->setObjectName(QStringLiteral("duplicateDetail"));
    auto *bodyLayout = new QVBoxLayout(body);
    bodyLayout->setContentsMargins(4, 0, 12, 4);
    bodyLayout->setSpacing(10);
    m_detailTitle = wrapped(QString(), body, QStringLiteral("duplicateTitle"));
    m_detailTitle->setStyleSheet(
        QStringLiteral("font-size: 13pt; font-weight: 600; color: #1f2a33;"));
    m_detailStatus = wrapped(QString(), body, QStringLiteral("pageSubtitle"));
    m_comparison = new DuplicateComparisonView(body);
    m_planTitle = new QLabel(body);
    m_planTitle->setObjectName(QStringLiteral("paneTitle"));
    m_plan = wrapped(QString(), body, QStringLiteral("mergePlan"));
    m_plan->setTextFormat(Qt::RichText);
    bodyLayout->addWidget(m_detailTitle);
    bodyLayout->addWidget(m_detailStatus);
    bodyLayout->addSpacing(4);
    bodyLayout->addWidget(m_comparison);
    bodyLayout->addSpacing(6);
    bodyLayout->addWidget(m_planTitle);
    bodyLayout->addWidget(m_plan);
    bodyLayout->addStretch(1);

    m_detailScroll = new QScrollArea(pane);
    m_detailScroll->setObjectName(QStringLiteral("duplicateDetailScroll"));
    m_detailScroll->setWidget(body);
    m_detailScroll->setWidgetResizable(true);
    m_detailScroll->setFrameShape(QFrame::NoFrame);
    // Everything wraps: the pane scrolls down, never sideways.
    m_detailScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    // Undo/redo of the choices: the group follows the candidate shown.
    m_undoAction = m_undoGroup->createUndoAction(this, tr("Undo"));
    m_undoAction->setObjectName(QStringLiteral("undoChoiceAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_redoAction = m_undoGroup->createRedoAction(this, tr("Redo"));
    m_redoAction->setObjectName(QStringLiteral("redoChoiceAction"));
    m_redoAction->setShortcuts(
        { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo });
    m_redoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_undoAction);
    addAction(m_redoAction);
    m_undoButton = new QToolButton(pane);
    m_undoButton->setObjectName(QStringLiteral("undoChoiceButton"));
    m_undoButton->setDefaultAction(m_undoAction);
    m_undoButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_redoButton = new QToolButton(pane);
    m_redoButton->setObjectName(QStringLiteral("redoChoiceButton"));
    m_redoButton->setDefaultAction(m_redoAction);
    m_redoButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    // The action's text names the command ("Undo keep email …"): the buttons
    // keep short labels, the tooltip carries the rest.
    const auto shorten = [](QToolButton *button, const QString &label) {
        connect(button->defaultAction(), &QAction::changed, button, [button, label] {
            button->setText(label);
            button->setToolTip(
                button->defaultAction()->text() + QStringLiteral(" (")
                + button->defaultAction()->shortcut().toString(QKeySequence::NativeText)
                + QLatin1Char(')'));
        });
        button->setText(label);
    };
    shorten(m_undoButton, tr("Undo"));
    shorten(m_redoButton, tr("Redo"));

    m_propose = new QPushButton(tr("&Propose merge…"), pane);
    m_propose->setObjectName(QStringLiteral("proposeButton"));
    m_reject = new QPushButton(tr("Re&ject…"), pane);
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    m_approve = new QPushButton(tr("&Approve and merge…"), pane);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_undoMerge = new QPushButton(tr("Undo &merge…"), pane);
    m_undoMerge->setObjectName(QStringLiteral("undoMergeButton"));
    m_permissionNote = wrapped(QString(), pane, QStringLiteral("permissionNote"));
    m_permissionNote->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::mutedText().name()));

    auto *actions = new QHBoxLayout;
    actions->setSpacing(8);
    actions->addWidget(m_undoButton);
    actions->addWidget(m_redoButton);
    actions->addSpacing(12);
    actions->addStretch(1);
    actions->addWidget(m_permissionNote);
    actions->addWidget(m_propose);
    actions->addWidget(m_reject);
    actions->addWidget(m_approve);
    actions->addWidget(m_undoMerge);

    paneLayout->addWidget(m_detailScroll, 1);
    paneLayout->addLayout(actions);

    connect(m_propose, &QPushButton::clicked, this, &CustomersPage::proposeCurrent);
    connect(m_approve, &QPushButton::clicked, this, &CustomersPage::approveCurrent);
    connect(m_reject, &QPushButton::clicked, this, &CustomersPage::rejectCurrent);
    connect(m_undoMerge, &QPushButton::clicked, this, &CustomersPage::undoCurrentMerge);
    return pane;
}

void CustomersPage::setDialogPresenter(DialogPresenter presenter)
{
    m_presenter = std::move(presenter);
}

CustomersPage::Tab CustomersPage::currentTab() const
{
    return m_tabs->currentIndex() == 1 ? Tab::Duplicates : Tab::Clients;
}

void CustomersPage::setCurrentTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab == Tab::Duplicates ? 1 : 0);
}

bool CustomersPage::showClient(const QString &customerId)
{
    setCurrentTab(Tab::Clients);
    if (!m_mapLoaded) {
        m_clientToShow = customerId;
        return true;
    }
    m_clientToShow.clear();
    m_search->clear();
    m_linkFilter->setCurrentIndex(0);
    const int row = m_mapProxy->rowForCustomer(customerId);
    if (row < 0)
        return false;
    const QModelIndex shown = m_mapProxy->index(row, 0);
    m_clientsView->setCurrentIndex(shown);
    m_clientsView->scrollTo(shown, QAbstractItemView::PositionAtCenter);
    m_clientsView->setFocus();
    return true;
}

QString CustomersPage::messageText() const
{
    return m_banner->isHidden() ? QString() : m_bannerText->text();
}

// --- data -------------------------------------------------------------------

void CustomersPage::setIdentityMap(const Services::IdentityMapData &data)
{
    // The current client stays current when it is still listed.
    const QModelIndex current = m_clientsView->currentIndex();
    const QString currentId =
        current.isValid() ? current.data(IdentityMapModel::IdRole).toString() : QString();
    m_mapLoaded = true;
    m_mapLoading = false;
    m_mapModel->setIdentityMap(data);
    if (!currentId.isEmpty()) {
        const int row = m_mapProxy->rowForCustomer(currentId);
        if (row >= 0)
            m_clientsView->setCurrentIndex(m_mapProxy->index(row, 0));
    }
    updateClientsCount();
    updateTabTitles();
    if (!m_clientToShow.isEmpty())
        showClient(m_clientToShow);
}

void CustomersPage::applyClientFilters()
{
    const QModelIndex current = m_clientsView->currentIndex();
    const QString currentId =
        current.isValid() ? current.data(IdentityMapModel::IdRole).toString() : QString();
    m_mapProxy->setLinkFilter(
        IdentityMapProxyModel::LinkFilter(m_linkFilter->currentData().toInt()));
    m_mapProxy->setFilterText(m_search->text());
    if (!currentId.isEmpty()) {
        const int row = m_mapProxy->rowForCustomer(currentId);
        if (row >= 0)
            m_clientsView->setCurrentIndex(m_mapProxy->index(row, current.column()));
    }
    updateClientsCount();
}

void CustomersPage::updateClientsCount()
{
    const QLocale locale;
    if (m_mapLoading && !m_mapLoaded) {
        m_clientsCount->setText(tr("Loading…"));
    } else if (!m_mapLoaded) {
        m_clientsCount->clear();
    } else {
        const Services::IdentityMapCounts &c = m_mapModel->identityMap().counts;
        const int shown = m_mapProxy->rowCount();
        const QString total = tr("%Ln clients", nullptr, int(c.customers));
        if (m_mapProxy->isFiltering()) {
            //: "12 of 1,234 clients shown"
            m_clientsCount->setText(tr("%1 of %2 shown").arg(locale.toString(shown), total));
        } else {
            //: Counts under the clients table: "1,234 clients · 1,100 in HubSpot · 1,050 in
            //: QuickBooks · 900 in Cal.com"
            m_clientsCount->setText(
                tr("%1 · %2 in HubSpot · %3 in QuickBooks · %4 in Cal.com")
                    .arg(total, locale.toString(c.linked[size_t(Domain::System::HubSpot)]),
                         locale.toString(c.linked[size_t(Domain::System::QuickBooks)]),
                         locale.toString(c.linked[size_t(Domain::System::CalCom)])));
        }
        m_clientsCount->setToolTip(
            tr("%1 in all three systems, %2 in none; %3 merged into another client")
                .arg(locale.toString(c.linkedEverywhere), locale.toString(c.unlinked),
                     locale.toString(c.merged)));
    }

    const bool hasRows = m_mapProxy->rowCount() > 0;
    if (!m_mapLoaded)
        m_clientsPlaceholder->setText(m_mapLoading
                                          ? tr("Reading the clients…")
                                          : tr("The clients are shown once the store is open."));
    else if (m_mapModel->rowCount() == 0)
        m_clientsPlaceholder->setText(
            tr("No clients yet. They appear here once Concord has read HubSpot, "
               "QuickBooks or Cal.com, or after an import."));
    else
        m_clientsPlaceholder->setText(tr("No client matches the search and filter."));
    m_clientsStack->setCurrentIndex(hasRows ? 0 : 1);
}

QString CustomersPage::clientsCountText() const
{
    return m_clientsCount->text();
}

QString CustomersPage::clientsPlaceholderText() const
{
    return m_clientsPlaceholder->text();
}

bool CustomersPage::isShowingClientsPlaceholder() const
{
    return m_clientsStack->currentIndex() == 1;
}

void CustomersPage::updateTabTitles()
{
    const QLocale locale;
    m_tabs->setTabText(
        0,
        m_mapLoaded
            ? tr("&Clients (%1)").arg(locale.toString(m_mapModel->identityMap().counts.customers))
            : tr("&Clients"));
    const int waiting = m_listModel->needingAction();
    m_tabs->setTabText(1,
                       m_reviewLoaded && waiting > 0
                           ? tr("&Duplicates (%1)").arg(locale.toString(waiting))
                           : tr("&Duplicates"));
}

void CustomersPage::setDuplicateReview(const Services::DuplicateReviewData &data)
{
    const QString previousKey = m_currentKey;
    const DuplicateReviewItem *previous = currentItem();
    const qint64 previousCandidate = previous ? previous->candidateId : 0;
    m_reviewLoaded = true;
    m_reviewLoading = false;

    // Drafts follow their candidates: kept (with their undo history) while
    // the same customers are under review, dropped when the pair left.
    for (auto it = m_drafts.begin(); it != m_drafts.end();) {
        const DuplicateReviewItem *item = data.item(it.key());
        if (item && item->customerIds() == it.value()->item().customerIds()) {
            it.value()->refresh(*item);
            ++it;
        } else {
            delete it.value();
            it = m_drafts.erase(it);
        }
    }

    m_comparison->showItem(nullptr, nullptr);
    m_currentKey.clear();
    m_listModel->setReview(data);

    int row = m_listModel->rowForKey(previousKey);
    if (row < 0 && previousCandidate != 0) {
        // The candidate just became a proposal: show that.
        for (int i = 0; i < m_listModel->rowCount(); ++i) {
            const DuplicateReviewItem *item = m_listModel->item(i);
            if (item->kind == ReviewKind::Proposal && item->candidateId == previousCandidate) {
                row = i;
                break;
            }
        }
    }
    if (row < 0 && m_listModel->rowCount() > 0)
        row = 0;
    if (row >= 0)
        m_listView->setCurrentIndex(m_listModel->index(row, DuplicateListModel::Clients));
    showCurrentItem();

    if (data.truncated) {
        m_listNote->setText(
            tr("Showing the %1 most likely of %2 possible duplicates; merge or review these "
               "first.")
                .arg(QLocale().toString(Services::DuplicateReviewData::kMaxOpenCandidates),
                     QLocale().toString(data.openCandidates)));
    }
    m_listNote->setVisible(data.truncated);
    updateDuplicatesPlaceholder();
    updateTabTitles();
}

void CustomersPage::updateDuplicatesPlaceholder()
{
    if (!m_reviewLoaded)
        m_duplicatesPlaceholder->setText(
            m_reviewLoading ? tr("Reading the duplicate review…")
                            : tr("The duplicate review is shown once the store is open."));
    else
        m_duplicatesPlaceholder->setText(
            tr("No possible duplicates to review. When the duplicate scan finds two "
               "records that may be one client, they appear here."));
    m_duplicatesStack->setCurrentIndex(m_listModel->rowCount() > 0 ? 0 : 1);
}

QString CustomersPage::duplicatesPlaceholderText() const
{
    return m_duplicatesPlaceholder->text();
}

bool CustomersPage::isShowingDuplicatesPlaceholder() const
{
    return m_duplicatesStack->currentIndex() == 1;
}

void CustomersPage::requestVisibleData()
{
    if (currentTab() == Tab::Clients) {
        m_mapLoading = true;
        updateClientsCount();
        Q_EMIT identityMapRequested();
    } else {
        m_reviewLoading = true;
        updateDuplicatesPlaceholder();
        Q_EMIT duplicatesRequested();
    }
}

bool CustomersPage::selectItem(const QString &key)
{
    const int row = m_listModel->rowForKey(key);
    if (row < 0)
        return false;
    setCurrentTab(Tab::Duplicates);
    m_listView->setCurrentIndex(m_listModel->index(row, DuplicateListModel::Clients));
    return true;
}

const DuplicateReviewItem *CustomersPage::currentItem() const
{
    return m_currentKey.isEmpty() ? nullptr : m_listModel->review().item(m_currentKey);
}

DuplicateMergeDraft *CustomersPage::currentDraft() const
{
    return m_drafts.value(m_currentKey, nullptr);
}

DuplicateMergeDraft *CustomersPage::draftFor(const DuplicateReviewItem &item)
{
    if (item.kind != ReviewKind::Candidate)
        return nullptr;
    DuplicateMergeDraft *draft = m_drafts.value(item.key(), nullptr);
    if (!draft) {
        draft = new DuplicateMergeDraft(item, this);
        m_drafts.insert(item.key(), draft);
        m_undoGroup->addStack(draft->undoStack());
        connect(draft, &DuplicateMergeDraft::changed, this, [this, draft] {
            if (draft == currentDraft()) {
                updatePlan();
                updateActions();
            }
        });
    }
    return draft;
}

// --- the review item on the right -------------------------------------------

void CustomersPage::showCurrentItem()
{
    const QModelIndex current = m_listView->currentIndex();
    const DuplicateReviewItem *item =
        current.isValid() ? m_listModel->item(current.row()) : nullptr;
    m_currentKey = item ? item->key() : QString();
    DuplicateMergeDraft *draft = item ? draftFor(*item) : nullptr;
    m_undoGroup->setActiveStack(draft ? draft->undoStack() : nullptr);
    m_comparison->showItem(item, draft);
    if (!item) {
        m_detailTitle->clear();
        m_detailStatus->clear();
    } else {
        m_detailTitle->setText(DuplicateReviewText::title(*item));
        QStringList status;
        const QString likely = DuplicateReviewText::likelihood(item->scorePermille);
        if (!likely.isEmpty())
            status << likely + QLatin1Char('.');
        status << DuplicateReviewText::statusSentence(*item);
        m_detailStatus->setText(status.join(QLatin1Char(' ')));
    }
    m_detailTitle->setVisible(item != nullptr);
    m_detailStatus->setVisible(item != nullptr);
    updatePlan();
    updateActions();
}

void CustomersPage::updatePlan()
{
    const DuplicateReviewItem *item = currentItem();
    m_planPlain.clear();
    if (!item) {
        m_planTitle->clear();
        m_plan->clear();
        m_planTitle->setVisible(false);
        m_plan->setVisible(false);
        return;
    }
    QList<MergeStep> steps;
    QString problem;
    QString title;
    QString intro;
    const MergeState state = item->proposal.state;
    if (item->kind == ReviewKind::Candidate) {
        title = tr("What the merge will do once an owner approves it");
        if (DuplicateMergeDraft *draft = currentDraft()) {
            auto plan = draft->plan();
            if (plan)
                steps = plan->steps;
            else
                problem = plan.error().message;
            intro = tr("%1 is kept; %2 is merged into it.")
                        .arg(survivorName(*item, draft->survivorId()),
                             mergedNames(*item, draft->survivorId()));
        }
    } else if (state == MergeState::Rejected) {
        title = tr("Not merged");
        intro = tr("Nothing was changed in any system.");
    } else {
        const QString survivor = item->proposal.survivorId;
        if (state == MergeState::Executed) {
            title = tr("What this merge did");
            intro = tr("%1 was merged into %2. Undo merge restores Concord's identity map only; "
                       "what was done in QuickBooks and HubSpot stays as it is.")
                        .arg(mergedNames(*item, survivor), survivorName(*item, survivor));
        } else if (state == MergeState::Undone) {
            title = tr("Undone in Concord");
            intro = tr("Concord's identity map was restored. What had been done in QuickBooks and "
                       "HubSpot stays as "
                       "it was left:");
        } else {
            title = tr("What approving will do");
            intro = tr("%1 is kept; %2 is merged into it.")
                        .arg(survivorName(*item, survivor), mergedNames(*item, survivor));
        }
        if (item->hasPlan)
            steps = item->plan.steps;
        else
            problem = item->planProblem;
    }

    QStringList html;
    QStringList plain;
    if (!intro.isEmpty()) {
        html << QStringLiteral("<p style=\"margin:0 0 6px 0\">%1</p>").arg(intro.toHtmlEscaped());
        plain << intro;
    }
    if (!problem.isEmpty()) {
        const QString text = tr("The merge cannot be planned: %1").arg(problem);
        html << QStringLiteral("<p style=\"color:%1\">%2</p>")
                    .arg(Theme::toneText(Theme::Tone::Bad).name(), text.toHtmlEscaped());
        plain << text;
    }
    const bool planned =
        problem.isEmpty() && (item->kind == ReviewKind::Candidate || item->hasPlan);
    if (planned) {
        PlanGroups groups = groupSteps(steps);
        if (state == MergeState::Undone && item->kind == ReviewKind::Proposal)
            groups.concordOnly.clear(); // already restored
        const QString bad = Theme::toneText(Theme::Tone::Bad).name();
        if (!groups.irreversible.isEmpty()) {
            const QString head = tr("Cannot be undone:");
            html << QStringLiteral("<p style=\"margin:0; color:%1\"><b>%2</b></p>")
                        .arg(bad, head.toHtmlEscaped())
                 << QStringLiteral("<div style=\"color:%1\">%2</div>")
                        .arg(bad, bulletHtml(groups.irreversible));
            plain << head << bulletText(groups.irreversible);
        } else if (state != MergeState::Undone || item->kind == ReviewKind::Candidate) {
            const QString none = tr("Nothing in this merge is irreversible.");
            html << QStringLiteral("<p style=\"margin:0 0 6px 0; color:%1\">%2</p>")
                        .arg(Theme::toneText(Theme::Tone::Good).name(), none.toHtmlEscaped());
            plain << none;
        }
        if (steps.isEmpty()) {
            const QString nothing =
                tr("Nothing changes outside Concord: none of these records is linked to "
                   "QuickBooks, HubSpot or Cal.com.");
            html << QStringLiteral("<p style=\"margin:0\">%1</p>").arg(nothing.toHtmlEscaped());
            plain << nothing;
        }
        if (!groups.byPerson.isEmpty()) {
            const QString head = tr("A person can reverse these in QuickBooks or HubSpot:");
            html << QStringLiteral("<p style=\"margin:0\"><b>%1</b></p>").arg(head.toHtmlEscaped())
                 << bulletHtml(groups.byPerson);
            plain << head << bulletText(groups.byPerson);
        }
        if (!groups.concordOnly.isEmpty()) {
            const QString head = tr("In Concord only (Undo merge restores these):");
            html << QStringLiteral("<p style=\"margin:0; color:%1\"><b>%2</b></p>")
                        .arg(Theme::mutedText().name(), head.toHtmlEscaped())
                 << QStringLiteral("<div style=\"color:%1\">%2</div>")
                        .arg(Theme::mutedText().name(), bulletHtml(groups.concordOnly));
            plain << head << bulletText(groups.concordOnly);
        }
    }
    m_planTitle->setText(title);
    m_plan->setText(html.join(QString()));
    m_planPlain = plain.join(QLatin1Char('\n'));
    m_plan->setAccessibleName(m_planPlain);
    m_planTitle->setVisible(true);
    m_plan->setVisible(true);
}

QString CustomersPage::planText() const
{
    return m_planPlain;
}

QString CustomersPage::detailTitle() const
{
    return m_detailTitle->text();
}

QString CustomersPage::detailStatus() const
{
    return m_detailStatus->text();
}

QString CustomersPage::permissionNoteText() const
{
    return m_permissionNote->isHidden() ? QString() : m_permissionNote->text();
}

// --- permissions --------------------------------------------------------------

QString CustomersPage::permissionReason(Permission permission)
{
    const QString who = RoleText::whoMay(permission);
    switch (permission) {
    case Permission::ProposeMerge:
        return tr("Only %1 can propose merges.").arg(who);
    case Permission::ApproveMerge:
        return tr("Only %1 can approve, reject or undo merges.").arg(who);
    default:
        return tr("Only %1 can do this.").arg(who);
    }
}

QString CustomersPage::busyReason() const
{
    if (m_pending == Pending::Scan)
        return tr("Waiting for the duplicate scan to finish.");
    return m_busy ? tr("Waiting for the last action to finish.") : QString();
}

QString CustomersPage::scanBlockedReason() const
{
    if (!Security::roleHas(m_role, Permission::ProposeMerge))
        return tr("Only %1 can scan for duplicates.").arg(RoleText::whoMay(Permission::ProposeMerge));
    return busyReason();
}

void CustomersPage::updateScanButton()
{
    const QString blocked = scanBlockedReason();
    m_scan->setEnabled(blocked.isEmpty());
    m_scan->setToolTip(blocked.isEmpty()
                           ? tr("Compare every client with every likely twin and list the new possible "
                                "duplicates for review; nothing is merged")
                           : blocked);
    m_scan->setAccessibleDescription(blocked);
}

QString CustomersPage::proposeBlockedReason() const
{
    if (!Security::roleHas(m_role, Permission::ProposeMerge))
        return permissionReason(Permission::ProposeMerge);
    if (m_busy)
        return busyReason();
    const DuplicateReviewItem *item = currentItem();
    if (!item || item->kind != ReviewKind::Candidate)
        return tr("Choose a possible duplicate first.");
    if (DuplicateMergeDraft *draft = currentDraft()) {
        if (auto plan = draft->plan(); !plan)
            return tr("This merge cannot be planned: %1").arg(plan.error().message);
    }
    return {};
}

QString CustomersPage::approveBlockedReason() const
{
    if (!Security::roleHas(m_role, Permission::ApproveMerge))
        return permissionReason(Permission::ApproveMerge);
    if (m_busy)
        return busyReason();
    const DuplicateReviewItem *item = currentItem();
    if (!item || item->kind != ReviewKind::Proposal
        || (item->proposal.state != MergeState::Proposed
            && item->proposal.state != MergeState::Approved))
        return tr("Choose a proposal waiting for an owner first.");
    if (item->proposal.state == MergeState::Approved)
        return tr("Already approved: the merge is being finished by Concord.");
    // Four eyes, as AdminCommands::decideMerge refuses it.
    if (!m_username.isEmpty() && item->proposal.proposedBy == m_username)
        return tr("You proposed this merge: another owner must approve it.");
    if (!item->hasPlan)
        return tr("This merge cannot be planned: %1").arg(item->planProblem);
    return {};
}

QString CustomersPage::rejectBlockedReason() const
{
    if (!Security::roleHas(m_role, Permission::ApproveMerge))
        return permissionReason(Permission::ApproveMerge);
    if (m_busy)
        return busyReason();
    const DuplicateReviewItem *item = currentItem();
    if (!item || item->kind != ReviewKind::Proposal || item->proposal.state != MergeState::Proposed)
        return tr("Choose a proposal waiting for an owner first.");
    return {};
}

QString CustomersPage::undoBlockedReason() const
{
    if (!Security::roleHas(m_role, Permission::ApproveMerge))
        return permissionReason(Permission::ApproveMerge);
    if (m_busy)
        return busyReason();
    const DuplicateReviewItem *item = currentItem();
    if (!item || item->kind != ReviewKind::Proposal || item->proposal.state != MergeState::Executed)
        return tr("Choose an executed merge first.");
    if (!item->canUndo)
        return tr("Concord kept no record of what this merge changed, so it cannot undo it.");
    return {};
}

void CustomersPage::setActor(Role role, const QString &username)
{
    m_role = role;
    m_username = username;
    updateActions();
}

void CustomersPage::updateActions()
{
    updateScanButton();
    const DuplicateReviewItem *item = currentItem();
    const bool candidate = item && item->kind == ReviewKind::Candidate;
    const bool proposal = item && item->kind == ReviewKind::Proposal;
    const MergeState state = item ? item->proposal.state : MergeState::Proposed;

    // Shown when they apply to the item; enabled only without a reason
    // against them — the reason is the tooltip (shown on disabled buttons too).
    const auto apply = [](QPushButton *button, bool shown, const QString &blocked,
                          const QString &tip) {
        button->setVisible(shown);
        button->setEnabled(blocked.isEmpty());
        button->setToolTip(blocked.isEmpty() ? tip : blocked);
        button->setAccessibleDescription(blocked);
    };
    apply(m_propose, candidate, proposeBlockedReason(),
          tr("Send these choices to an owner for approval; nothing changes until then"));
    apply(m_reject, proposal && state == MergeState::Proposed, rejectBlockedReason(),
          tr("Turn the proposal down, with a note saying why"));
    apply(m_approve, proposal && (state == MergeState::Proposed || state == MergeState::Approved),
          approveBlockedReason(),
          tr("Merge now, in Concord and in QuickBooks and HubSpot (asks first)"));
    apply(m_undoMerge, proposal && state == MergeState::Executed, undoBlockedReason(),
          tr("Restore Concord's identity map as it was before this merge"));

    const bool mayPropose = Security::roleHas(m_role, Permission::ProposeMerge);
    m_comparison->setEditable(mayPropose && !m_busy,
                              !mayPropose ? permissionReason(Permission::ProposeMerge)
                                          : busyReason());
    m_undoButton->setVisible(candidate);
    m_redoButton->setVisible(candidate);

    QString note;
    if (candidate && !mayPropose)
        note = tr("You can look, not act: %1").arg(permissionReason(Permission::ProposeMerge));
    else if (proposal && !Security::roleHas(m_role, Permission::ApproveMerge)
             && (state == MergeState::Proposed || state == MergeState::Executed))
        note = tr("You can look, not act: %1").arg(permissionReason(Permission::ApproveMerge));
    else if (proposal && state == MergeState::Proposed && !m_username.isEmpty()
             && item->proposal.proposedBy == m_username
             && Security::roleHas(m_role, Permission::ApproveMerge))
        note = tr("You proposed this merge: another owner approves it. You can still reject it.");
    m_permissionNote->setText(note);
    m_permissionNote->setVisible(!note.isEmpty());
}

// --- busy state and messages ------------------------------------------------------

void CustomersPage::setBusy(Pending pending, const QString &text)
{
    m_busy = pending != Pending::None;
    m_pending = pending;
    // A scan reports how far it is; the other actions only their end.
    if (pending == Pending::Scan) {
        m_scanProgress = 0;
        m_progress->setRange(0, 1000);
        m_progress->setValue(0);
        m_progress->setFixedWidth(200);
        m_progress->setAccessibleName(tr("Duplicate scan progress"));
    } else {
        m_progress->setRange(0, 0);
        m_progress->setFixedWidth(120);
        m_progress->setAccessibleName(tr("Working"));
    }
    m_scanCancel->setVisible(pending == Pending::Scan);
    m_scanCancel->setEnabled(true);
    if (m_busy)
        present(Theme::Tone::Info, text);
    m_progress->setVisible(m_busy);
    m_refresh->setEnabled(!m_busy);
    updateActions();
}

void CustomersPage::showFailure(const QString &message)
{
    setBusy(Pending::None, {});
    // A failed read ends its "Loading…" too.
    m_mapLoading = false;
    m_reviewLoading = false;
    updateClientsCount();
    updateDuplicatesPlaceholder();
    present(Theme::Tone::Bad, message);
}

void CustomersPage::showDone(const QString &message)
{
    const Pending finished = m_pending;
    setBusy(Pending::None, {});
    present(Theme::Tone::Good, message);
    // What changed, read again: a merge or its undo changes the identity map too.
    m_reviewLoading = true;
    Q_EMIT duplicatesRequested();
    if (finished == Pending::Approve || finished == Pending::Undo) {
        m_mapLoading = true;
        Q_EMIT identityMapRequested();
    }
}

// --- the duplicate scan -----------------------------------------------------------

QString CustomersPage::scanStageText(Services::DuplicateScanStage stage)
{
    using Stage = Services::DuplicateScanStage;
    switch (stage) {
    case Stage::Reading: return tr("Reading the clients");
    case Stage::Preparing: return tr("Tidying names, emails and phone numbers");
    case Stage::Pairing: return tr("Finding clients worth comparing");
    case Stage::Learning: return tr("Learning what makes two records one client");
    case Stage::Scoring: return tr("Comparing likely twins");
    case Stage::Grouping: return tr("Grouping the matches");
    case Stage::Recording: return tr("Recording the new possible duplicates");
    }
    return {};
}

void CustomersPage::scanForDuplicates()
{
    if (!scanBlockedReason().isEmpty())
        return;
    setBusy(Pending::Scan, tr("Scanning for duplicates: %1…").arg(scanStageText(Services::DuplicateScanStage::Reading)));
    Q_EMIT scanRequested();
}

void CustomersPage::cancelScan()
{
    if (m_pending != Pending::Scan || !m_scanCancel->isEnabled())
        return;
    m_scanCancel->setEnabled(false);
    m_bannerText->setText(tr("Cancelling the scan…"));
    Q_EMIT scanCancelRequested();
}

void CustomersPage::showScanProgress(const Services::DuplicateScanProgress &progress)
{
    const int value = qBound(0, int(progress.fraction * 1000.0 + 0.5), 1000);
    if (m_pending != Pending::Scan || !m_scanCancel->isEnabled() || value < m_scanProgress)
        return; // no scan, a cancel on its way, or a late reading
    m_scanProgress = value;
    m_progress->setValue(value);
    const QString stage = scanStageText(progress.stage);
    m_bannerText->setText(
        progress.customers > 0
            //: The duplicate scan's banner: "<stage> (4,210 clients)…"
            ? tr("Scanning for duplicates: %1 (%2 clients)…").arg(stage, QLocale().toString(progress.customers))
            : tr("Scanning for duplicates: %1…").arg(stage));
}

void CustomersPage::showScanFinished(const Services::DuplicateScanReport &report)
{
    if (m_pending != Pending::Scan)
        return;
    setBusy(Pending::None, {});
    if (report.cancelled) {
        present(Theme::Tone::Warning, tr("Scan cancelled: nothing was recorded."));
        return;
    }
    const QString clients = QLocale().toString(report.customers);
    if (report.newCandidates == 0)
        present(Theme::Tone::Good, tr("No new possible duplicates among %1 clients.").arg(clients));
    else
        present(Theme::Tone::Good, tr("Found %n new possible duplicate(s) among %1 clients.", nullptr,
                                      report.newCandidates)
                                       .arg(clients));
    // The review (new candidates) and the clients' counts, read again.
    m_reviewLoading = true;
    updateDuplicatesPlaceholder();
    Q_EMIT duplicatesRequested();
    m_mapLoading = true;
    updateClientsCount();
    Q_EMIT identityMapRequested();
}

void CustomersPage::present(Theme::Tone tone, const QString &text)
{
    m_bannerText->setText(text);
    m_bannerDot->setPixmap(Theme::dot(tone, kBannerDotDiameter));
    m_banner->setStyleSheet(
        QStringLiteral(
            "QFrame#customersBanner { background: %1; border: 1px solid %2; border-radius: 6px; }"
            " QFrame#customersBanner QLabel { color: %3; }")
            .arg(Theme::toneBackground(tone).name(), Theme::toneColor(tone).name(),
                 Theme::toneText(tone).name()));
    m_progress->setVisible(m_busy && tone == Theme::Tone::Info);
    m_bannerClose->setVisible(!m_busy);
    m_banner->setVisible(true);
}

void CustomersPage::hideBanner()
{
    if (m_busy)
        return;
    m_banner->setVisible(false);
    m_bannerText->clear();
}

void CustomersPage::presentDialog(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_presenter(dialog);
}

// --- the actions --------------------------------------------------------------

void CustomersPage::proposeCurrent()
{
    DuplicateMergeDraft *draft = currentDraft();
    if (!draft || !proposeBlockedReason().isEmpty())
        return;
    const DuplicateReviewItem &item = draft->item();
    Domain::MergeProposal proposal = draft->proposal();
    auto plan = draft->plan();
    const QString survivor = survivorName(item, proposal.survivorId);
    const QString merged = mergedNames(item, proposal.survivorId);

    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("proposeDialog"));
    dialog->setWindowTitle(tr("Propose merge"));
    auto *subject = wrapped(tr("Merge %1 into %2").arg(merged, survivor), dialog);
    subject->setObjectName(QStringLiteral("cardTitle"));
    QStringList values;
    for (const QString &field : Identity::kSurvivorFields) {
        const QString value = draft->chosenValue(field);
        if (value.isEmpty())
            continue;
        const int from = draft->choice(field);
        const QString source = from >= 0 && from != draft->survivor()
            ? tr(" (from %1)").arg(nameOf(item.customers.at(from)))
            : QString();
        //: "Email: dana.w@example.com (from Dana Whitfeld)"
        values << tr("%1: %2").arg(DuplicateReviewText::fieldLabel(field), value) + source;
    }
    auto *intro = wrapped(
        tr("%1 is kept with these values, and an owner other than you decides. Nothing changes "
           "in any system until then.")
            .arg(survivor),
        dialog);
    auto *valuesLabel = wrapped(bulletText(values), dialog, QStringLiteral("chosenValues"));
    const QStringList irreversible = plan ? plan->irreversible() : QStringList();
    auto *warningFrame =
        toneFrame(irreversible.isEmpty() ? Theme::Tone::Good : Theme::Tone::Warning, dialog);
    auto *warning = wrapped(
        irreversible.isEmpty()
            ? tr("Once approved, nothing in this merge is irreversible.")
            : tr("Once approved, these cannot be undone:\n%1").arg(bulletText(irreversible)),
        warningFrame, QStringLiteral("irreversibleText"));
    auto *warningLayout = new QVBoxLayout(warningFrame);
    warningLayout->setContentsMargins(12, 8, 12, 8);
    warningLayout->addWidget(warning);
    auto *note = new QLineEdit(dialog);
    note->setObjectName(QStringLiteral("noteEdit"));
    note->setAccessibleName(tr("Note for the owner"));
    note->setPlaceholderText(tr("Optional, e.g. “same parent, two email addresses”"));
    auto *noteLabel = new QLabel(tr("&Note:"), dialog);
    noteLabel->setBuddy(note);
    auto *form = new QFormLayout;
    form->addRow(noteLabel, note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Propose merge"));
    ok->setObjectName(QStringLiteral("confirmButton"));

    auto *layout = new QVBoxLayout(dialog);
    layout->setSpacing(8);
    layout->addWidget(subject);
    layout->addWidget(intro);
    layout->addWidget(valuesLabel);
    layout->addWidget(warningFrame);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
    dialog->resize(560, dialog->sizeHint().height());

    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [this, proposal, note, merged, survivor]() mutable {
        proposal.note = note->text().trimmed();
        setBusy(Pending::Propose, tr("Proposing to merge %1 into %2…").arg(merged, survivor));
        Q_EMIT proposeRequested(proposal);
    });
    note->setFocus();
    presentDialog(dialog);
}

void CustomersPage::approveCurrent()
{
    const DuplicateReviewItem *item = currentItem();
    if (!item || !approveBlockedReason().isEmpty())
        return;
    const qint64 id = item->proposalId;
    const QString survivor = survivorName(*item, item->proposal.survivorId);
    const QString merged = mergedNames(*item, item->proposal.survivorId);
    const PlanGroups groups = groupSteps(item->plan.steps);

    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("approveDialog"));
    dialog->setWindowTitle(tr("Approve merge"));
    auto *subject = wrapped(tr("Merge %1 into %2").arg(merged, survivor), dialog);
    subject->setObjectName(QStringLiteral("cardTitle"));
    auto *intro = wrapped(
        tr("Approving merges them now: first in Concord's identity map (Undo merge can restore "
           "it), then in QuickBooks and HubSpot. Proposed by %1.")
            .arg(item->proposal.proposedBy),
        dialog);
    auto *warningFrame =
        toneFrame(groups.irreversible.isEmpty() ? Theme::Tone::Good : Theme::Tone::Bad, dialog);
    auto *warning =
        wrapped(groups.irreversible.isEmpty()
                    ? tr("Nothing in this merge is irreversible.")
                    : tr("These cannot be undone — not by Undo merge, not by anyone:\n%1")
                          .arg(bulletText(groups.irreversible)),
                warningFrame, QStringLiteral("irreversibleText"));
    auto *warningLayout = new QVBoxLayout(warningFrame);
    warningLayout->setContentsMargins(12, 8, 12, 8);
    warningLayout->addWidget(warning);
    QLabel *reversible = nullptr;
    if (!groups.byPerson.isEmpty()) {
        reversible = wrapped(tr("A person can reverse these later, in that system:\n%1")
                                 .arg(bulletText(groups.byPerson)),
                             dialog, QStringLiteral("reversibleText"));
    }
    auto *understood = new QCheckBox(
        tr("I understand that these changes in QuickBooks and HubSpot are permanent"), dialog);
    understood->setObjectName(QStringLiteral("understoodCheck"));
    understood->setVisible(!groups.irreversible.isEmpty());
    auto *note = new QLineEdit(dialog);
    note->setObjectName(QStringLiteral("noteEdit"));
    note->setAccessibleName(tr("Note for the audit log"));
    note->setPlaceholderText(tr("Optional"));
    auto *noteLabel = new QLabel(tr("&Note:"), dialog);
    noteLabel->setBuddy(note);
    auto *form = new QFormLayout;
    form->addRow(noteLabel, note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Approve and merge"));
    ok->setObjectName(QStringLiteral("confirmButton"));
    ok->setAutoDefault(false);
    ok->setDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true); // Enter never merges by accident

    auto *layout = new QVBoxLayout(dialog);
    layout->setSpacing(8);
    layout->addWidget(subject);
    layout->addWidget(intro);
    layout->addWidget(warningFrame);
    if (reversible)
        layout->addWidget(reversible);
    layout->addWidget(understood);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
    dialog->resize(600, dialog->sizeHint().height());

    const bool needsConsent = !groups.irreversible.isEmpty();
    const auto validate = [ok, understood, needsConsent] {
        ok->setEnabled(!needsConsent || understood->isChecked());
    };
    connect(understood, &QCheckBox::toggled, dialog, validate);
    validate();
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [this, id, note, merged, survivor] {
        setBusy(Pending::Approve,
                tr("Merging %1 into %2: Concord first, then QuickBooks and HubSpot…")
                    .arg(merged, survivor));
        Q_EMIT decisionRequested(id, true, note->text().trimmed());
    });
    (needsConsent ? static_cast<QWidget *>(understood) : note)->setFocus();
    presentDialog(dialog);
}

void CustomersPage::rejectCurrent()
{
    const DuplicateReviewItem *item = currentItem();
    if (!item || !rejectBlockedReason().isEmpty())
        return;
    const qint64 id = item->proposalId;
    const QString survivor = survivorName(*item, item->proposal.survivorId);
    const QString merged = mergedNames(*item, item->proposal.survivorId);

    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("rejectDialog"));
    dialog->setWindowTitle(tr("Reject merge"));
    auto *subject = wrapped(tr("Keep %1 and %2 apart").arg(survivor, merged), dialog);
    subject->setObjectName(QStringLiteral("cardTitle"));
    auto *intro = wrapped(tr("Nothing is changed in any system. Say why, for %1 and the audit log.")
                              .arg(item->proposal.proposedBy),
                          dialog);
    auto *note = new QLineEdit(dialog);
    note->setObjectName(QStringLiteral("noteEdit"));
    note->setAccessibleName(tr("Why the merge is rejected"));
    note->setPlaceholderText(tr("Required, e.g. “two siblings with one parent email”"));
    auto *noteLabel = new QLabel(tr("&Why:"), dialog);
    noteLabel->setBuddy(note);
    auto *form = new QFormLayout;
    form->addRow(noteLabel, note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Reject"));
    ok->setObjectName(QStringLiteral("confirmButton"));

    auto *layout = new QVBoxLayout(dialog);
    layout->setSpacing(8);
    layout->addWidget(subject);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
    dialog->resize(520, dialog->sizeHint().height());

    const auto validate = [note, ok] { ok->setEnabled(!note->text().trimmed().isEmpty()); };
    connect(note, &QLineEdit::textChanged, dialog, validate);
    validate();
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [this, id, note] {
        setBusy(Pending::Reject, tr("Rejecting the proposal…"));
        Q_EMIT decisionRequested(id, false, note->text().trimmed());
    });
    note->setFocus();
    presentDialog(dialog);
}

void CustomersPage::undoCurrentMerge()
{
    const DuplicateReviewItem *item = currentItem();
    if (!item || !undoBlockedReason().isEmpty())
        return;
    const qint64 id = item->proposalId;
    const QString survivor = survivorName(*item, item->proposal.survivorId);
    const QString merged = mergedNames(*item, item->proposal.survivorId);
    const PlanGroups groups = groupSteps(item->plan.steps);
    const QStringList kept = item->remoteStepsKeptOnUndo();

    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("undoMergeDialog"));
    dialog->setWindowTitle(tr("Undo merge"));
    auto *subject = wrapped(tr("Undo merging %1 into %2").arg(merged, survivor), dialog);
    subject->setObjectName(QStringLiteral("cardTitle"));
    QStringList text { tr("Only Concord's identity map is restored: the linked records go back to "
                          "%1, %1 becomes an "
                          "active client again, and %2 gets back its name as it was.")
                           .arg(merged, survivor) };
    if (!kept.isEmpty())
        text << tr("Nothing is reversed in QuickBooks or HubSpot. These stay as they are:\n%1")
                    .arg(bulletText(kept));
    if (!groups.irreversible.isEmpty())
        text << tr("Of these, nobody can undo:\n%1").arg(bulletText(groups.irreversible));
    else if (!kept.isEmpty())
        text << tr("A person can reverse them in QuickBooks or HubSpot if needed.");
    auto *frame = toneFrame(Theme::Tone::Warning, dialog);
    auto *body = wrapped(text.join(QStringLiteral("\n\n")), frame, QStringLiteral("undoText"));
    auto *frameLayout = new QVBoxLayout(frame);
    frameLayout->setContentsMargins(12, 8, 12, 8);
    frameLayout->addWidget(body);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Undo in Concord"));
    ok->setObjectName(QStringLiteral("confirmButton"));
    ok->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);

    auto *layout = new QVBoxLayout(dialog);
    layout->setSpacing(8);
    layout->addWidget(subject);
    layout->addWidget(frame);
    layout->addStretch(1);
    layout->addWidget(buttons);
    dialog->resize(600, dialog->sizeHint().height());

    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [this, id] {
        setBusy(Pending::Undo, tr("Undoing the merge in Concord…"));
        Q_EMIT undoRequested(id);
    });
    buttons->button(QDialogButtonBox::Cancel)->setFocus();
    presentDialog(dialog);
}

} // namespace Concord::Ui
