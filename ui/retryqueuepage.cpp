#include "retryqueuepage.h"

#include "auditdetailview.h"
#include "roletext.h"
#include "localtimedelegate.h"
#include "pageheader.h"
#include "retryqueuedialogs.h"
#include "retryqueuefilterproxymodel.h"
#include "retryqueuemodel.h"
#include "security/permissions.h"
#include "sync/jobs.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Concord::Ui {

using Domain::JobState;
using Domain::OutboxJob;
using Domain::Role;
using Security::Permission;

namespace {

constexpr int kBannerDotDiameter = 12;
// A bulk retry's answer names at most this many refused jobs, then "and N more".
constexpr int kMaxListedFailures = 5;
// The column the current index sits in when the page picks a row: one that is
// never hidden, so the arrow keys move from it.
constexpr int kAnchorColumn = Concord::Ui::RetryQueueModel::What;
// "What" is as wide as its longest text up to this many average characters.
constexpr int kMaxWhatChars = 30;
// The cause column never gets narrower than this many average characters.
constexpr int kMinCauseChars = 22;

QLabel *paneTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("paneTitle"));
    return label;
}

// A read-only text pane people can still reach, select and copy from with the
// keyboard; Tab leaves it rather than being swallowed.
QPlainTextEdit *readOnlyPane(QWidget *parent, bool fixedFont)
{
    auto *pane = new QPlainTextEdit(parent);
    pane->setReadOnly(true);
    pane->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    pane->setFocusPolicy(Qt::StrongFocus);
    pane->setTabChangesFocus(true);
    if (fixedFont) {
        pane->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        pane->setLineWrapMode(QPlainTextEdit::NoWrap);
    }
    return pane;
}

QString withoutFinalStop(QString text)
{
    text = text.trimmed();
    while (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

void setTextKeepingSelection(QPlainTextEdit *pane, const QString &text)
{
    if (pane->toPlainText() != text)
        pane->setPlainText(text);
}

} // namespace

RetryQueuePage::RetryQueuePage(const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_model(new RetryQueueModel(clock, this))
    , m_proxy(new RetryQueueFilterProxyModel(clock, this))
    , m_presenter([](QDialog *dialog) { dialog->open(); })
    , m_timeTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("retryQueuePage"));
    m_proxy->setSourceModel(m_model);

    auto *header = new PageHeader(
        tr("Retry queue"),
        tr("Changes Concord could not carry yet, why, and what you can do about them. Every "
           "action asks first and is audited."),
        this);
    m_refresh = new QPushButton(Theme::icon(QStringLiteral("refresh")), tr("Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_refresh->setAccessibleName(tr("Refresh the retry queue"));
    m_refresh->setToolTip(tr("Read the queue again"));
    m_retryAll = new QPushButton(tr("Retry &all shown"), this);
    m_retryAll->setObjectName(QStringLiteral("retryAllButton"));
    m_retryAll->setAccessibleName(tr("Retry all shown changes"));
    header->addTrailingWidget(m_refresh);
    header->addTrailingWidget(m_retryAll);

    // Outcome of the last action (or its error), dismissible.
    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("retryQueueBanner"));
    m_bannerDot = new QLabel(m_banner);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("retryQueueMessage"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bannerClose = new QToolButton(m_banner);
    m_bannerClose->setText(QStringLiteral("×"));
    m_bannerClose->setAutoRaise(true);
    m_bannerClose->setToolTip(tr("Hide this message"));
    m_bannerClose->setAccessibleName(tr("Hide this message"));
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(14, 10, 8, 10);
    bannerLayout->setSpacing(10);
    m_bannerDot->setFixedHeight(m_bannerText->fontMetrics().height());
    m_bannerDot->setAlignment(Qt::AlignCenter);
    m_bannerDot->setContentsMargins(0, 2, 0, 0);
    bannerLayout->addWidget(m_bannerDot, 0, Qt::AlignTop);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_bannerClose, 0, Qt::AlignTop);
    m_banner->setVisible(false);

    m_view = new QTableView(this);
    configureTable();

    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 8, 0, 0);
    lowerLayout->setSpacing(10);
    lowerLayout->addWidget(createActionBar());
    lowerLayout->addWidget(createDetailPane(), 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("retryQueueSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_view);
    splitter->addWidget(lower);
    // Table and detail share the height evenly (the detail scrolls, so its
    // own size hint is no guide); QSplitter scales these to the space it gets.
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 500, 500 });

    m_placeholder = new QLabel(this);
    m_placeholder->setObjectName(QStringLiteral("pageSubtitle"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);

    // Table and detail, or one sentence when there is nothing to list.
    m_content = new QStackedWidget(this);
    m_content->setObjectName(QStringLiteral("retryQueueContent"));
    m_content->addWidget(splitter);
    m_content->addWidget(m_placeholder);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 20);
    layout->setSpacing(14);
    layout->addWidget(header);
    layout->addWidget(createFilterBar());
    layout->addWidget(m_banner);
    layout->addWidget(m_content, 1);

    connect(m_refresh, &QPushButton::clicked, this, [this] {
        setLoading();
        Q_EMIT refreshRequested();
    });
    connect(m_retryAll, &QPushButton::clicked, this, &RetryQueuePage::retryAllShown);
    connect(m_retry, &QPushButton::clicked, this, &RetryQueuePage::retrySelected);
    connect(m_edit, &QPushButton::clicked, this, &RetryQueuePage::editAndRetry);
    connect(m_link, &QPushButton::clicked, this, &RetryQueuePage::linkToExisting);
    connect(m_dismiss, &QPushButton::clicked, this, &RetryQueuePage::dismissCurrent);
    connect(m_bannerClose, &QToolButton::clicked, this, &RetryQueuePage::hideBanner);
    connect(m_copyRequestId, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_requestId->text()); });
    connect(m_systemFilter, &QComboBox::currentIndexChanged, this, &RetryQueuePage::applyFilters);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, &RetryQueuePage::applyFilters);
    connect(m_ageFilter, &QComboBox::currentIndexChanged, this, &RetryQueuePage::applyFilters);
    connect(m_search, &QLineEdit::textChanged, this, &RetryQueuePage::applyFilters);

    QItemSelectionModel *selection = m_view->selectionModel();
    connect(selection, &QItemSelectionModel::currentRowChanged, this,
            &RetryQueuePage::showCurrentJob);
    connect(selection, &QItemSelectionModel::selectionChanged, this,
            &RetryQueuePage::updateActions);
    // A snapshot updates rows in place: the detail pane and the buttons follow.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &RetryQueuePage::showCurrentJob);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &RetryQueuePage::showCurrentJob);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &RetryQueuePage::updateActions);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &RetryQueuePage::showCurrentJob);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &RetryQueuePage::showCurrentJob);

    m_timeTimer->setInterval(kTimeRefreshMs);
    connect(m_timeTimer, &QTimer::timeout, this, &RetryQueuePage::refreshTimes);
    m_timeTimer->start();

    setUpTabOrder();
    setStoreOpen(false); // until a status says otherwise
    showCurrentJob();
    updateCount();
}

QWidget *RetryQueuePage::createFilterBar()
{
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("retryQueueFilters"));

    m_systemFilter = new QComboBox(bar);
    m_systemFilter->setObjectName(QStringLiteral("systemFilter"));
    m_systemFilter->setAccessibleName(tr("System filter"));
    m_systemFilter->setToolTip(tr("Show the changes for one system"));
    m_systemFilter->addItem(tr("Any system"), -1);
    for (Domain::System system : Domain::allSystems())
        m_systemFilter->addItem(RetryQueueModel::systemText(system), int(system));

    using StateFilter = RetryQueueFilterProxyModel::StateFilter;
    m_stateFilter = new QComboBox(bar);
    m_stateFilter->setObjectName(QStringLiteral("stateFilter"));
    m_stateFilter->setAccessibleName(tr("State filter"));
    m_stateFilter->setToolTip(
        tr("Changes that wait for a person, or that Concord retries on its own"));
    m_stateFilter->addItem(tr("All changes"), int(StateFilter::All));
    m_stateFilter->addItem(tr("Needs attention"), int(StateFilter::NeedsAttention));
    m_stateFilter->addItem(tr("Waiting to retry"), int(StateFilter::Waiting));

    using AgeFilter = RetryQueueFilterProxyModel::AgeFilter;
    m_ageFilter = new QComboBox(bar);
    m_ageFilter->setObjectName(QStringLiteral("ageFilter"));
    m_ageFilter->setAccessibleName(tr("Age filter"));
    m_ageFilter->setToolTip(tr("Only changes queued longer ago than this"));
    m_ageFilter->addItem(tr("Any age"), int(AgeFilter::Any));
    m_ageFilter->addItem(tr("Older than 1 hour"), int(AgeFilter::OlderThanHour));
    m_ageFilter->addItem(tr("Older than 24 hours"), int(AgeFilter::OlderThanDay));
    m_ageFilter->addItem(tr("Older than 7 days"), int(AgeFilter::OlderThanWeek));

    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("retryQueueSearch"));
    m_search->setAccessibleName(tr("Search the retry queue"));
    m_search->setPlaceholderText(tr("Cause, record, request id…"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(Theme::icon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_search->setMinimumWidth(m_search->fontMetrics().averageCharWidth() * 18);

    m_count = new QLabel(bar);
    m_count->setObjectName(QStringLiteral("pageSubtitle"));

    // Two groups: the three lists, and the search with the count. They share
    // one row when the page is wide enough and take two otherwise
    // (updateFilterLayout), so the page fits the window's minimum width.
    m_filterGroup = new QWidget(bar);
    m_searchGroup = new QWidget(bar);
    auto *filters = new QHBoxLayout(m_filterGroup);
    auto *search = new QHBoxLayout(m_searchGroup);
    for (QHBoxLayout *row : { filters, search }) {
        row->setContentsMargins(0, 0, 0, 0);
        row->setSpacing(6);
    }
    const auto addField = [](QHBoxLayout *row, const QString &label, QWidget *field) {
        auto *caption = new QLabel(label, field->parentWidget());
        caption->setObjectName(QStringLiteral("fieldLabel"));
        caption->setBuddy(field);
        row->addWidget(caption);
        row->addWidget(field);
    };
    for (QComboBox *combo : { m_systemFilter, m_stateFilter, m_ageFilter }) {
        combo->setParent(m_filterGroup);
        // Natural width when there is room, cut (with the full text in the
        // popup) when there is not.
        combo->setMinimumWidth(combo->fontMetrics().averageCharWidth() * 10 + 32);
    }
    addField(filters, tr("&System:"), m_systemFilter);
    filters->addSpacing(8);
    addField(filters, tr("S&how:"), m_stateFilter);
    filters->addSpacing(8);
    addField(filters, tr("A&ge:"), m_ageFilter);
    m_search->setParent(m_searchGroup);
    m_count->setParent(m_searchGroup);
    addField(search, tr("&Find:"), m_search);
    search->setStretch(1, 1);
    search->addSpacing(12);
    search->addWidget(m_count);

    m_filterLayout = new QGridLayout(bar);
    m_filterLayout->setContentsMargins(0, 0, 0, 0);
    m_filterLayout->setHorizontalSpacing(16);
    m_filterLayout->setVerticalSpacing(8);
    bar->installEventFilter(this);
    // The bar's own minimum is the two-row one, whatever the current
    // arrangement, so the window can always be narrowed back.
    m_filterLayout->addWidget(m_filterGroup, 0, 0);
    m_filterLayout->addWidget(m_searchGroup, 1, 0);
    bar->setMinimumWidth(bar->minimumSizeHint().width());
    m_filterBar = bar;
    return bar;
}

void RetryQueuePage::updateFilterLayout()
{
    const int oneRow = m_filterGroup->sizeHint().width() + m_filterLayout->horizontalSpacing()
        + m_searchGroup->minimumSizeHint().width();
    const bool wide = m_filterBar->width() >= oneRow;
    const bool isWide = m_filterLayout->itemAtPosition(0, 1) != nullptr;
    if (wide == isWide)
        return;
    m_filterLayout->removeWidget(m_searchGroup);
    if (wide) {
        m_filterLayout->addWidget(m_searchGroup, 0, 1);
        m_filterLayout->setColumnStretch(1, 1);
    } else {
        m_filterLayout->addWidget(m_searchGroup, 1, 0);
        m_filterLayout->setColumnStretch(1, 0);
    }
}

void RetryQueuePage::configureTable()
{
    namespace Jobs = Sync::Jobs;
    m_view->setObjectName(QStringLiteral("retryQueueTable"));
    m_view->setAccessibleName(tr("Changes in the retry queue"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Tab leaves the table for the buttons; arrows move between rows.
    m_view->setTabKeyNavigation(false);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->setTextElideMode(Qt::ElideRight);
    // Most overdue first: failed changes by age, then the next retries.
    m_view->sortByColumn(RetryQueueModel::NextTry, Qt::AscendingOrder);
    m_view->verticalHeader()->hide();
    const QFontMetrics metrics = m_view->fontMetrics();
    m_view->verticalHeader()->setDefaultSectionSize(metrics.height() + 12);

    QHeaderView *columns = m_view->horizontalHeader();
    columns->setHighlightSections(false);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    columns->setStretchLastSection(false);
    columns->setMinimumSectionSize(metrics.horizontalAdvance(QStringLiteral("0000")));
    // Widths from the font, not pixels, so they hold at any font size; a
    // column is at least as wide as its header.
    QFont headerFont = m_view->font();
    headerFont.setWeight(QFont::DemiBold);
    const QFontMetrics headerMetrics(headerFont);
    const auto widthFor = [&](RetryQueueModel::Column column, const QString &sample) {
        const QString title = m_model->headerData(column, Qt::Horizontal).toString();
        return std::max(metrics.horizontalAdvance(sample), headerMetrics.horizontalAdvance(title))
            + 28;
    };
    columns->resizeSection(RetryQueueModel::TargetSystem,
                           widthFor(RetryQueueModel::TargetSystem, QStringLiteral("QuickBooks")));
    // As wide as the longest operation in words (translations vary), within reason.
    QString longestWhat;
    for (QStringView operation :
         { Jobs::QboCustomerEnsure, Jobs::HubSpotContactEnsure, Jobs::HubSpotDealUpsert,
           Jobs::HubSpotTaskCreate, Jobs::HubSpotTaskClose, Jobs::QboInvoiceCreate,
           Jobs::QboInvoiceVoid, Jobs::QboCreditMemoCreate, Jobs::QboRefundReceiptCreate,
           Jobs::QboInvoicePdfCache, Jobs::CalcomBookingCancel, Jobs::CalcomBookingDecline,
           Jobs::CalcomBookingReschedule }) {
        const QString words = RetryQueueModel::operationText(operation.toString());
        if (metrics.horizontalAdvance(words) > metrics.horizontalAdvance(longestWhat))
            longestWhat = words;
    }
    columns->resizeSection(RetryQueueModel::What,
                           std::min(widthFor(RetryQueueModel::What, longestWhat),
                                    metrics.averageCharWidth() * kMaxWhatChars));
    columns->resizeSection(RetryQueueModel::Record,
                           widthFor(RetryQueueModel::Record, QStringLiteral("Appointment 12345")));
    // The state column carries a dot before its text.
    columns->resizeSection(RetryQueueModel::State,
                           widthFor(RetryQueueModel::State, QStringLiteral("Needs attention"))
                               + 16);
    columns->resizeSection(RetryQueueModel::Attempts,
                           widthFor(RetryQueueModel::Attempts, QStringLiteral("00")));
    columns->resizeSection(RetryQueueModel::NextTry,
                           widthFor(RetryQueueModel::NextTry, QStringLiteral("waiting 36 h")));
    columns->resizeSection(RetryQueueModel::RequestId,
                           widthFor(RetryQueueModel::RequestId, QStringLiteral("1-6a7b8c9d-0e1f")));
    // The cause is the sentence people read: it takes the room the others
    // leave, but never less than kMinCauseChars (the table scrolls instead);
    // the whole of it is in the tooltip and the detail pane.
    columns->setSectionResizeMode(RetryQueueModel::Cause, QHeaderView::Interactive);
    m_view->viewport()->installEventFilter(this);
    connect(columns, &QHeaderView::sectionResized, this, [this](int logicalIndex) {
        if (logicalIndex != RetryQueueModel::Cause)
            fitCauseColumn();
    });

    // The system is named in "What" ("… in QuickBooks") and the request id in
    // the detail pane, so at the usual window width those two make way for the
    // cause; the header's context menu brings any column back.
    m_view->setColumnHidden(RetryQueueModel::TargetSystem, true);
    m_view->setColumnHidden(RetryQueueModel::RequestId, true);
    columns->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (int column = 0; column < RetryQueueModel::ColumnCount; ++column) {
        if (column == RetryQueueModel::What || column == RetryQueueModel::Cause)
            continue; // what and why are the point of the table
        auto *toggle = new QAction(
            tr("Show “%1”").arg(m_model->headerData(column, Qt::Horizontal).toString()), columns);
        toggle->setCheckable(true);
        toggle->setChecked(!m_view->isColumnHidden(column));
        connect(toggle, &QAction::toggled, this, [this, column](bool shown) {
            m_view->setColumnHidden(column, !shown);
            fitCauseColumn();
        });
        columns->addAction(toggle);
    }
    fitCauseColumn();
}

void RetryQueuePage::fitCauseColumn()
{
    QHeaderView *columns = m_view->horizontalHeader();
    int others = 0;
    for (int column = 0; column < RetryQueueModel::ColumnCount; ++column) {
        if (column != RetryQueueModel::Cause && !m_view->isColumnHidden(column))
            others += columns->sectionSize(column);
    }
    const int floor = m_view->fontMetrics().averageCharWidth() * kMinCauseChars;
    const int width = std::max(floor, m_view->viewport()->width() - others);
    if (columns->sectionSize(RetryQueueModel::Cause) != width)
        columns->resizeSection(RetryQueueModel::Cause, width);
}

bool RetryQueuePage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize && watched == m_view->viewport())
        fitCauseColumn();
    else if (event->type() == QEvent::Resize && watched == m_filterBar)
        updateFilterLayout();
    return QWidget::eventFilter(watched, event);
}

QWidget *RetryQueuePage::createActionBar()
{
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("retryQueueActions"));

    m_retry = new QPushButton(Theme::icon(QStringLiteral("refresh")), tr("&Retry"), bar);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_retry->setAccessibleName(tr("Retry the selected changes"));
    m_edit = new QPushButton(tr("&Edit and retry…"), bar);
    m_edit->setObjectName(QStringLiteral("editButton"));
    m_edit->setAccessibleName(tr("Edit the data and retry"));
    m_link = new QPushButton(tr("&Link to existing record…"), bar);
    m_link->setObjectName(QStringLiteral("linkButton"));
    m_link->setAccessibleName(tr("Link to an existing record"));
    m_dismiss = new QPushButton(tr("&Dismiss…"), bar);
    m_dismiss->setObjectName(QStringLiteral("dismissButton"));
    m_dismiss->setAccessibleName(tr("Dismiss the change"));

    m_permissionNote = new QLabel(bar);
    m_permissionNote->setObjectName(QStringLiteral("fieldLabel"));
    m_permissionNote->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    buttons->addWidget(m_retry);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_link);
    buttons->addWidget(m_dismiss);
    buttons->addStretch(1);
    // Under the buttons, so it reads as one line even on a narrow page.
    auto *layout = new QVBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(buttons);
    layout->addWidget(m_permissionNote);
    return bar;
}

QWidget *RetryQueuePage::createDetailPane()
{
    m_detailStack = new QStackedWidget(this);
    m_detailStack->setObjectName(QStringLiteral("retryQueueDetail"));

    auto *placeholder =
        new QLabel(tr("Select a change to see why it waits and what Concord would send."), this);
    placeholder->setObjectName(QStringLiteral("pageSubtitle"));
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);

    auto *details = new QWidget(this);
    m_headline = new QLabel(details);
    m_headline->setObjectName(QStringLiteral("cardTitle"));
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_meta = new QLabel(details);
    m_meta->setObjectName(QStringLiteral("fieldLabel"));
    m_meta->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_meta->setWordWrap(true);

    m_cause = new QLabel(details);
    m_cause->setObjectName(QStringLiteral("retryQueueCause"));
    m_cause->setAccessibleName(tr("What went wrong"));
    m_cause->setWordWrap(true);
    m_cause->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_cause->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_cause->setFocusPolicy(Qt::StrongFocus);
    // Cut rather than widen the page: the pane shares the width with the payload.
    m_cause->setMinimumWidth(120);
    m_cause->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    m_technical = readOnlyPane(details, false);
    m_technical->setObjectName(QStringLiteral("technicalDetail"));
    m_technical->setAccessibleName(tr("Technical detail"));
    m_technical->setPlaceholderText(tr("No technical detail recorded."));
    m_technical->setMinimumHeight(m_technical->fontMetrics().height() * 3 + 16);
    // Only the minimum counts as preferred height: the text panes take the
    // room there is, and the scroll area around the pane scrolls only below
    // the minimum (an editor's own size hint is a dozen lines).
    m_technical->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);

    m_requestId = new QLineEdit(details);
    m_requestId->setObjectName(QStringLiteral("requestId"));
    m_requestId->setAccessibleName(tr("Request id"));
    m_requestId->setReadOnly(true);
    m_requestId->setPlaceholderText(tr("none recorded"));
    m_requestId->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copyRequestId = new QPushButton(tr("&Copy"), details);
    m_copyRequestId->setObjectName(QStringLiteral("copyRequestIdButton"));
    m_copyRequestId->setAccessibleName(tr("Copy the request id"));
    m_copyRequestId->setToolTip(tr("Copy the request id, for the remote system's support team"));
    auto *requestRow = new QHBoxLayout;
    requestRow->setSpacing(6);
    requestRow->addWidget(m_requestId, 1);
    requestRow->addWidget(m_copyRequestId);

    m_payload = readOnlyPane(details, true);
    m_payload->setObjectName(QStringLiteral("payloadView"));
    m_payload->setAccessibleName(tr("Data Concord sends, as JSON"));
    m_payload->setPlaceholderText(tr("No data: the change carries none."));
    m_payload->setMinimumHeight(m_payload->fontMetrics().height() * 5 + 16);
    m_payload->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);

    QLabel *causeTitle = paneTitle(tr("What went wrong"), details);
    causeTitle->setBuddy(m_cause);
    QLabel *technicalTitle = paneTitle(tr("Technical detail"), details);
    technicalTitle->setBuddy(m_technical);
    auto *requestTitle = new QLabel(tr("Request id:"), details);
    requestTitle->setObjectName(QStringLiteral("fieldLabel"));
    requestTitle->setBuddy(m_requestId);
    QLabel *payloadTitle = paneTitle(tr("Data Concord sends"), details);
    payloadTitle->setBuddy(m_payload);

    auto *left = new QVBoxLayout;
    left->setSpacing(4);
    left->addWidget(causeTitle);
    left->addWidget(m_cause);
    left->addSpacing(8);
    left->addWidget(technicalTitle);
    left->addWidget(m_technical, 1);

    // The request id under the payload, on one line with its title: what a
    // person copies for the remote system's support team.
    requestRow->insertWidget(0, requestTitle);
    requestRow->insertSpacing(1, 4);
    auto *right = new QVBoxLayout;
    right->setSpacing(4);
    right->addWidget(payloadTitle);
    right->addWidget(m_payload, 1);
    right->addSpacing(6);
    right->addLayout(requestRow);

    auto *columns = new QHBoxLayout;
    columns->setSpacing(16);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);

    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->setSpacing(6);
    detailsLayout->addWidget(m_headline);
    detailsLayout->addWidget(m_meta);
    detailsLayout->addSpacing(4);
    detailsLayout->addLayout(columns, 1);

    // Scrolls rather than squeezes when the splitter leaves it little height.
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(details);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);

    m_detailStack->addWidget(placeholder);
    m_detailStack->addWidget(scroll);
    return m_detailStack;
}

void RetryQueuePage::setUpTabOrder()
{
    // Reading order: the page's own buttons, the filters, the table, what to
    // do with the selection, then the selected change's detail.
    const QList<QWidget *> chain = { m_refresh,      m_retryAll,  m_systemFilter, m_stateFilter,
                                     m_ageFilter,    m_search,    m_bannerClose,  m_view,
                                     m_retry,        m_edit,      m_link,         m_dismiss,
                                     m_cause,        m_technical, m_payload,      m_requestId,
                                     m_copyRequestId };
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain.at(i - 1), chain.at(i));
}

void RetryQueuePage::setDialogPresenter(DialogPresenter presenter)
{
    m_presenter =
        presenter ? std::move(presenter) : DialogPresenter([](QDialog *dialog) { dialog->open(); });
}

bool RetryQueuePage::canManage() const
{
    return m_storeOpen && Security::roleHas(m_role, Permission::ManageRetryQueue);
}

void RetryQueuePage::setJobs(const QList<OutboxJob> &jobs)
{
    const bool firstSnapshot = !m_loaded;
    m_loaded = true;
    m_loading = false;
    // Rows keep their identity (RetryQueueModel::setJobs), so the view keeps
    // the selection and the current row on the same jobs by itself.
    m_model->setJobs(jobs);
    if (!m_banner->isHidden() && m_bannerTone == Theme::Tone::Info)
        hideBanner(); // "Retrying…": the new snapshot is the answer
    updatePlaceholder();

    if (firstSnapshot && !currentJob() && m_proxy->rowCount() > 0) {
        m_view->selectionModel()->setCurrentIndex(m_proxy->index(0, kAnchorColumn),
                                                  QItemSelectionModel::ClearAndSelect
                                                      | QItemSelectionModel::Rows);
    }
    showCurrentJob();
    updateCount();
}

void RetryQueuePage::setClientNames(const QHash<QString, QString> &names)
{
    m_model->setClientNames(names);
}

void RetryQueuePage::setRole(Role role)
{
    m_role = role;
    updateActions();
}

void RetryQueuePage::setStoreOpen(bool open)
{
    m_storeOpen = open;
    m_refresh->setEnabled(open);
    updatePlaceholder();
    updateActions();
}

void RetryQueuePage::setLoading()
{
    m_loading = true;
    updateCount();
}

void RetryQueuePage::showError(const QString &message)
{
    if (m_loading) {
        m_loading = false;
        updateCount();
    }
    present(Theme::Tone::Bad, message);
}

void RetryQueuePage::showDone(const QString &message)
{
    present(Theme::Tone::Good, message);
}

void RetryQueuePage::showRetryOutcomes(const QList<Services::JobOutcome> &outcomes)
{
    QStringList refused;
    for (const Services::JobOutcome &outcome : outcomes) {
        if (outcome.error)
            refused
                << tr("#%1: %2").arg(outcome.jobId).arg(withoutFinalStop(outcome.error->message));
    }
    const int total = int(outcomes.size());
    const int retried = total - int(refused.size());
    if (refused.isEmpty()) {
        present(Theme::Tone::Good,
                tr("Retried %n changes: Concord sends them now.", nullptr, retried));
        return;
    }
    const qsizetype more = refused.size() - kMaxListedFailures;
    if (more > 0) {
        refused = refused.mid(0, kMaxListedFailures);
        refused << tr("and %n more", nullptr, int(more));
    }
    //: After a bulk retry: "Retried 2 of 3 changes. Not retried:" then one line per refused job
    const QString head = tr("Retried %1 of %Ln changes. Not retried:", nullptr, total)
                             .arg(QLocale().toString(retried));
    present(retried > 0 ? Theme::Tone::Warning : Theme::Tone::Bad,
            head + QLatin1Char('\n') + refused.join(QLatin1Char('\n')));
}

bool RetryQueuePage::selectJob(qint64 id)
{
    const int sourceRow = m_model->rowForJob(id);
    if (sourceRow < 0)
        return false;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, kAnchorColumn));
    if (!index.isValid()) {
        // The filters hid it; the person asked for this change explicitly.
        m_systemFilter->setCurrentIndex(0);
        m_stateFilter->setCurrentIndex(0);
        m_ageFilter->setCurrentIndex(0);
        m_search->clear();
        index = m_proxy->mapFromSource(m_model->index(sourceRow, kAnchorColumn));
    }
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

void RetryQueuePage::refreshTimes()
{
    m_model->refreshTimes();
    m_proxy->refreshAge();
    updateCount();
}

void RetryQueuePage::applyFilters()
{
    const int system = m_systemFilter->currentData().toInt();
    m_proxy->setSystemFilter(system < 0 ? std::nullopt
                                        : std::optional<Domain::System>(Domain::System(system)));
    m_proxy->setStateFilter(
        RetryQueueFilterProxyModel::StateFilter(m_stateFilter->currentData().toInt()));
    m_proxy->setAgeFilter(
        RetryQueueFilterProxyModel::AgeFilter(m_ageFilter->currentData().toInt()));
    m_proxy->setFilterText(m_search->text());
    updateCount();
    updateActions();
}

const OutboxJob *RetryQueuePage::currentJob() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid())
        return nullptr;
    return m_model->job(current.data(RetryQueueModel::JobIdRole).toLongLong());
}

QList<qint64> RetryQueuePage::retryableIds(const QModelIndexList &rows) const
{
    // In the order the person sees them.
    QModelIndexList sorted = rows;
    std::sort(sorted.begin(), sorted.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<qint64> ids;
    for (const QModelIndex &row : std::as_const(sorted)) {
        const OutboxJob *job = m_model->job(row.data(RetryQueueModel::JobIdRole).toLongLong());
        if (job && unavailableReason(Action::Retry, *job).isEmpty())
            ids.append(job->id);
    }
    return ids;
}

QList<qint64> RetryQueuePage::selectedRetryableIds() const
{
    return retryableIds(m_view->selectionModel()->selectedRows());
}

QList<qint64> RetryQueuePage::shownRetryableIds() const
{
    QModelIndexList rows;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        rows.append(m_proxy->index(row, 0));
    return retryableIds(rows);
}

QString RetryQueuePage::unavailableReason(Action action, const OutboxJob &job)
{
    namespace Jobs = Sync::Jobs;
    // The states each command accepts (Store::OutboxRepository): a job a
    // worker holds belongs to it, a delivered one is done.
    if (job.state == JobState::InFlight)
        return tr("Concord is sending this change right now; wait for the result.");
    if (job.state == JobState::Succeeded)
        return tr("This change was already carried.");
    switch (action) {
    case Action::Retry:
        return {};
    case Action::Edit:
        // AdminCommands refuses it: the runner takes the deal from the appointment.
        if (job.operation == Jobs::HubSpotDealUpsert)
            return tr("A HubSpot deal is built from the appointment, not from this data: correct "
                      "the appointment and retry, or link the existing deal.");
        return {};
    case Action::Link:
        if (job.state == JobState::Dismissed)
            return tr("A dismissed change cannot be linked; retry it first.");
        if (remoteIdLabel(job.operation).isEmpty())
            return tr("This kind of change creates nothing that could be linked: retry or "
                      "dismiss it.");
        return {};
    case Action::Dismiss:
        if (job.state == JobState::Dismissed)
            return tr("This change is already dismissed.");
        return {};
    }
    return {};
}

QString RetryQueuePage::permissionReason(Action action)
{
    const QString who = RoleText::whoMay(Permission::ManageRetryQueue);
    switch (action) {
    case Action::Retry:
        return tr("Only %1 can retry failed syncs.").arg(who);
    case Action::Edit:
        return tr("Only %1 can edit and retry failed syncs.").arg(who);
    case Action::Link:
        return tr("Only %1 can link failed syncs to existing records.").arg(who);
    case Action::Dismiss:
        return tr("Only %1 can dismiss failed syncs.").arg(who);
    }
    return {};
}

QString RetryQueuePage::remoteIdLabel(const QString &operation)
{
    // The operations AdminCommands::linkJobToExisting can link; others are Unsupported.
    namespace Jobs = Sync::Jobs;
    if (operation == Jobs::QboCustomerEnsure)
        return tr("QuickBooks customer id");
    if (operation == Jobs::HubSpotContactEnsure)
        return tr("HubSpot contact id");
    if (operation == Jobs::HubSpotDealUpsert)
        return tr("HubSpot deal id");
    if (operation == Jobs::QboInvoiceCreate)
        return tr("QuickBooks invoice id");
    if (operation == Jobs::HubSpotTaskCreate)
        return tr("HubSpot task id");
    return {};
}

QString RetryQueuePage::payloadProblem(const QString &operation, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    if (utf8.trimmed().isEmpty())
        return tr("Enter the data as a JSON object: { \"name\": value, … }.");
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError) {
        const QString before = QString::fromUtf8(utf8.left(error.offset));
        const qsizetype line = before.count(QLatin1Char('\n')) + 1;
        const qsizetype column = before.size() - (before.lastIndexOf(QLatin1Char('\n')) + 1) + 1;
        return tr("This is not valid JSON: %1 at line %2, column %3.")
            .arg(error.errorString())
            .arg(line)
            .arg(column);
    }
    if (!document.isObject())
        return tr("The data must be one JSON object ({ … }), not a list or a single value.");
    // The same check the core makes before it saves (pure, thread-safe).
    if (auto ok = Services::validateJobPayload(operation, document.object()); !ok)
        return tr("Concord could not send this: %1.").arg(withoutFinalStop(ok.error().message));
    return {};
}

void RetryQueuePage::presentDialog(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_presenter(dialog);
}

void RetryQueuePage::retrySelected()
{
    const QList<qint64> ids = selectedRetryableIds();
    if (!canManage() || ids.isEmpty())
        return;
    if (ids.size() == 1) {
        const OutboxJob *job = m_model->job(ids.first());
        confirmRetry(ids, tr("Retry this change now?"),
                     tr("%1 · %2\n\nConcord sends it again at once. The retry is recorded in the "
                        "audit log.")
                         .arg(RetryQueueModel::whatText(*job), RetryQueueModel::recordText(*job)));
        return;
    }
    confirmRetry(ids, tr("Retry %n changes now?", nullptr, int(ids.size())),
                 tr("Each change is retried on its own: one that cannot be retried does not hold "
                    "back the others. Every retry is recorded in the audit log."));
}

void RetryQueuePage::retryAllShown()
{
    const QList<qint64> ids = shownRetryableIds();
    if (!canManage() || ids.isEmpty())
        return;
    QString details = tr("Each change is retried on its own: one that cannot be retried does not "
                         "hold back the others. Every retry is recorded in the audit log.");
    const int skipped = m_proxy->rowCount() - int(ids.size());
    if (skipped > 0)
        details += QLatin1Char('\n')
            + tr("%n shown changes are being sent or already carried and are left alone.", nullptr,
                 skipped);
    confirmRetry(ids, tr("Retry all %n changes shown?", nullptr, int(ids.size())), details);
}

void RetryQueuePage::confirmRetry(const QList<qint64> &ids, const QString &question,
                                  const QString &details)
{
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Retry"), question, QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("retryConfirmation"));
    box->setInformativeText(details);
    QPushButton *confirm = box->addButton(tr("Retry"), QMessageBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(confirm);
    connect(box, &QDialog::finished, this, [this, box, confirm, ids] {
        if (box->clickedButton() != confirm)
            return;
        present(Theme::Tone::Info, tr("Retrying %n changes…", nullptr, int(ids.size())));
        Q_EMIT retryRequested(ids);
    });
    presentDialog(box);
}

void RetryQueuePage::editAndRetry()
{
    const OutboxJob *job = currentJob();
    if (!canManage() || !job || !unavailableReason(Action::Edit, *job).isEmpty())
        return;
    const qint64 id = job->id;
    const QString operation = job->operation;
    const QJsonObject original = QJsonDocument::fromJson(job->payloadJson).object();

    auto *dialog = new JobActionDialog(
        QStringLiteral("overrideDialog"), tr("Edit and retry"), subjectText(*job),
        tr("Correct the data Concord sends for this change; saving retries it "
           "at once. The data before and after is kept in the audit log."),
        tr("Save and retry"), this);
    QPlainTextEdit *editor =
        dialog->addJsonEditor(QStringLiteral("payloadEditor"), tr("&Data (JSON):"), tr("Data to send, as JSON"),
                              AuditDetailView::prettyJson(job->payloadJson));
    dialog->setCheck([editor, operation, original]() -> std::optional<JobActionDialog::Problem> {
        if (QString text = payloadProblem(operation, editor->toPlainText()); !text.isEmpty())
            return JobActionDialog::Problem{text, Theme::Tone::Bad};
        if (QJsonDocument::fromJson(editor->toPlainText().toUtf8()).object() == original)
            return JobActionDialog::Problem{
                tr("Unchanged: edit the data first, or use Retry to send it as it is."), Theme::Tone::Neutral};
        return std::nullopt;
    });
    connect(dialog, &QDialog::accepted, this, [this, editor, id] {
        const QJsonDocument edited = QJsonDocument::fromJson(editor->toPlainText().toUtf8());
        present(Theme::Tone::Info,
                tr("Saving the edited data of change #%1 and retrying it…")
                    .arg(QLocale().toString(id)));
        Q_EMIT overrideRequested(id, edited.toJson(QJsonDocument::Compact));
    });
    presentDialog(dialog);
}

namespace {

// A line field that must not be left empty.
std::function<std::optional<JobActionDialog::Problem>()> required(QLineEdit *field)
{
    return [field]() -> std::optional<JobActionDialog::Problem> {
        if (field->text().trimmed().isEmpty())
            return JobActionDialog::Problem{QString(), Theme::Tone::Neutral};
        return std::nullopt;
    };
}

} // namespace

void RetryQueuePage::linkToExisting()
{
    const OutboxJob *job = currentJob();
    if (!canManage() || !job || !unavailableReason(Action::Link, *job).isEmpty())
        return;
    const qint64 id = job->id;
    const QString system = RetryQueueModel::systemText(job->targetSystem);
    const QString label = remoteIdLabel(job->operation);

    auto *dialog = new JobActionDialog(
        QStringLiteral("linkDialog"), tr("Link to existing record"), subjectText(*job),
        tr("If %1 already has this record, link it instead of creating another one. The change "
           "is then marked done and nothing is sent. The link is recorded in the audit log.")
            .arg(system),
        tr("Link"), this);
    //: Form label before a remote record id field, e.g. "QuickBooks invoice id:"
    QLineEdit *remoteId = dialog->addLineField(QStringLiteral("remoteIdEdit"), tr("%1:").arg(label), label,
                                               tr("As %1 shows it").arg(system));
    dialog->setCheck(required(remoteId));
    connect(dialog, &QDialog::accepted, this, [this, remoteId, id] {
        present(Theme::Tone::Info,
                tr("Linking change #%1 to the existing record…").arg(QLocale().toString(id)));
        Q_EMIT linkRequested(id, remoteId->text().trimmed());
    });
    presentDialog(dialog);
}

void RetryQueuePage::dismissCurrent()
{
    const OutboxJob *job = currentJob();
    if (!canManage() || !job || !unavailableReason(Action::Dismiss, *job).isEmpty())
        return;
    const qint64 id = job->id;
    const QString system = RetryQueueModel::systemText(job->targetSystem);

    auto *dialog = new JobActionDialog(
        QStringLiteral("dismissDialog"), tr("Dismiss change"), subjectText(*job),
        tr("Concord stops trying to carry this change, and nothing is sent to "
           "%1. Say why: the reason is kept in the audit log.")
            .arg(system),
        tr("Dismiss"), this);
    QLineEdit *reason = dialog->addLineField(QStringLiteral("reasonEdit"), tr("&Reason:"), tr("Reason for dismissing"),
                                             tr("Required, e.g. “Entered by hand in %1”").arg(system));
    dialog->setCheck(required(reason));
    connect(dialog, &QDialog::accepted, this, [this, reason, id] {
        present(Theme::Tone::Info, tr("Dismissing change #%1…").arg(QLocale().toString(id)));
        Q_EMIT dismissRequested(id, reason->text().trimmed());
    });
    presentDialog(dialog);
}

QString RetryQueuePage::subjectText(const OutboxJob &job)
{
    return tr("%1 · %2").arg(RetryQueueModel::whatText(job), RetryQueueModel::recordText(job));
}

void RetryQueuePage::updateActions()
{
    const bool permitted = Security::roleHas(m_role, Permission::ManageRetryQueue);
    const OutboxJob *job = currentJob();
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    const bool several = selected.size() > 1;

    // Enabled only without a reason against it; the reason is the tooltip,
    // which Qt shows on disabled buttons too.
    const auto apply = [&](QPushButton *button, Action action, const QString &blocked,
                           const QString &tip) {
        QString why;
        if (!permitted)
            why = permissionReason(action);
        else if (!m_storeOpen)
            why = tr("Available once the store is open.");
        else
            why = blocked;
        button->setEnabled(why.isEmpty());
        button->setToolTip(why.isEmpty() ? tip : why);
    };
    const auto single = [&](Action action) -> QString {
        if (several)
            return tr("Select one change for this.");
        if (!job)
            return tr("Select a change first.");
        return unavailableReason(action, *job);
    };

    QString retryBlocked;
    if (selectedRetryableIds().isEmpty()) {
        if (selected.isEmpty())
            retryBlocked = tr("Select a change first.");
        else if (selected.size() == 1 && job)
            retryBlocked = unavailableReason(Action::Retry, *job);
        if (retryBlocked.isEmpty())
            retryBlocked = tr("None of the selected changes can be retried.");
    }
    apply(m_retry, Action::Retry, retryBlocked, tr("Send the selected changes again now"));
    apply(m_retryAll, Action::Retry,
          shownRetryableIds().isEmpty() ? tr("Nothing shown can be retried.") : QString(),
          tr("Retry every change the filters show, each on its own"));
    apply(m_edit, Action::Edit, single(Action::Edit),
          tr("Correct the data Concord sends, then retry"));
    apply(m_link, Action::Link, single(Action::Link),
          job ? tr("%1 already has this record: link it instead of creating another")
                    .arg(RetryQueueModel::systemText(job->targetSystem))
              : QString());
    apply(m_dismiss, Action::Dismiss, single(Action::Dismiss),
          tr("Stop trying to carry this change (a reason is required)"));

    if (!permitted) {
        m_permissionNote->setText(
            tr("You can look, not act: %1").arg(permissionReason(Action::Retry)));
    } else {
        m_permissionNote->clear();
    }
    m_permissionNote->setVisible(!permitted);
}

void RetryQueuePage::updateCount()
{
    if (m_loading) {
        m_count->setText(tr("Loading…"));
        return;
    }
    if (!m_loaded) {
        m_count->clear();
        return;
    }
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    int attention = 0;
    for (const OutboxJob &job : m_model->jobs()) {
        if (job.state == JobState::Failed)
            ++attention;
    }
    QString text = shown != total
        ? tr("%1 of %Ln changes", nullptr, total).arg(QLocale().toString(shown))
        : tr("%Ln changes", nullptr, total);
    if (attention > 0)
        text = tr("%1 · %Ln need attention", nullptr, attention).arg(text);
    m_count->setText(text);
}

void RetryQueuePage::updatePlaceholder()
{
    const bool hasRows = m_storeOpen && m_model->rowCount() > 0;
    if (!m_storeOpen)
        m_placeholder->setText(tr("The retry queue is shown once the store is open."));
    else if (m_loaded)
        m_placeholder->setText(tr("Nothing waits for a person: every change was carried."));
    else
        m_placeholder->clear(); // loading: the count line says so
    m_content->setCurrentIndex(hasRows ? 0 : 1);
}

bool RetryQueuePage::isShowingPlaceholder() const
{
    return m_content->currentIndex() == 1;
}

QString RetryQueuePage::placeholderText() const
{
    return m_placeholder->text();
}

QString RetryQueuePage::countText() const
{
    return m_count->text();
}

QString RetryQueuePage::messageText() const
{
    return m_banner->isHidden() ? QString() : m_bannerText->text();
}

QString RetryQueuePage::detailHeadline() const
{
    return m_headline->text();
}

QString RetryQueuePage::detailCause() const
{
    return m_cause->text();
}

QString RetryQueuePage::detailTechnical() const
{
    return m_technical->toPlainText();
}

QString RetryQueuePage::detailRequestId() const
{
    return m_requestId->text();
}

QString RetryQueuePage::detailPayload() const
{
    return m_payload->toPlainText();
}

void RetryQueuePage::showCurrentJob()
{
    const OutboxJob *job = currentJob();
    if (!job) {
        m_currentId = 0;
        m_headline->clear();
        m_meta->clear();
        m_cause->clear();
        m_technical->clear();
        m_requestId->clear();
        m_payload->clear();
        m_copyRequestId->setEnabled(false);
        m_detailStack->setCurrentIndex(0);
        updateActions();
        return;
    }
    m_currentId = job->id;
    const QLocale locale;
    //: Detail pane headline: "#<job> · <what> · <record>"
    m_headline->setText(tr("#%1 · %2 · %3")
                            .arg(locale.toString(job->id), RetryQueueModel::whatText(*job),
                                 RetryQueueModel::recordText(*job)));
    QStringList meta = { RetryQueueModel::stateText(*job),
                         tr("%n attempts", nullptr, job->attempts) };
    if (job->createdAt.isValid())
        meta << tr("queued %1").arg(LocalTimeDelegate::format(job->createdAt));
    if (job->state == JobState::Pending && job->nextAttemptAt.isValid())
        meta << tr("next try %1").arg(LocalTimeDelegate::format(job->nextAttemptAt));
    m_meta->setText(meta.join(QStringLiteral(" · ")));

    const QString cause = RetryQueueModel::causeText(*job);
    m_cause->setText(cause.isEmpty() ? tr("No problem recorded.") : cause);
    // Rewritten only when different: the same job is shown again on every
    // snapshot and every time refresh, and a person may be selecting text.
    setTextKeepingSelection(m_technical, RetryQueueModel::technicalDetail(*job));
    setTextKeepingSelection(m_payload, AuditDetailView::prettyJson(job->payloadJson));
    if (m_requestId->text() != job->lastRequestId) {
        m_requestId->setText(job->lastRequestId);
        m_requestId->setCursorPosition(0);
    }
    m_copyRequestId->setEnabled(!job->lastRequestId.isEmpty());
    m_detailStack->setCurrentIndex(1);
    updateActions();
}

void RetryQueuePage::present(Theme::Tone tone, const QString &text)
{
    m_bannerTone = tone;
    m_bannerText->setText(text);
    m_bannerDot->setPixmap(Theme::dot(tone, kBannerDotDiameter));
    // Per-widget sheet: the tone changes at run time, the application sheet cannot follow.
    m_banner->setStyleSheet(
        QStringLiteral("QFrame#retryQueueBanner { background: %1; border: 1px solid %2;"
                       " border-radius: 6px; }"
                       " QFrame#retryQueueBanner QLabel { color: %3; }")
            .arg(Theme::toneBackground(tone).name(), Theme::toneColor(tone).name(),
                 Theme::toneText(tone).name()));
    m_banner->setVisible(true);
}

void RetryQueuePage::hideBanner()
{
    m_banner->setVisible(false);
    m_bannerText->clear();
}

} // namespace Concord::Ui
