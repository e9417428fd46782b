#include "dashboardpage.h"

#include "balancesfilterproxymodel.h"
#include "balancesmodel.h"
#include "dashboardagingchart.h"
#include "dashboardmonthlychart.h"
#include "dashboardsynchealth.h"
#include "dashboardtile.h"
#include "localtimedelegate.h"
#include "pageheader.h"
#include "security/permissions.h"

#include <QComboBox>
#include <QFrame>
#include <QBoxLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Concord::Ui {

using Domain::Role;
using Security::Permission;
using Services::ClientBalance;

namespace {

// Enough rows of the balances table to be worth a table at the smallest
// size; the page scrolls rather than squeezing it further.
constexpr int kMinimumTableHeight = 200;
// Rows measured for the columns' widths.
constexpr int kMeasuredRows = 200;

QLabel *cardTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("cardTitle"));
    return label;
}

} // namespace

DashboardPage::DashboardPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new BalancesModel(this))
    , m_proxy(new BalancesFilterProxyModel(this))
{
    setObjectName(QStringLiteral("dashboardPage"));
    m_proxy->setSourceModel(m_model);

    auto *header = new PageHeader(
        tr("Dashboard"),
        tr("What clients owe and how old it is, what was invoiced and collected each month, and how "
           "the sync is doing."),
        this);
    m_asOf = new QLabel(this);
    m_asOf->setObjectName(QStringLiteral("fieldLabel"));
    m_refresh = new QPushButton(Theme::icon(QStringLiteral("refresh")), tr("Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_refresh->setAccessibleName(tr("Refresh the dashboard"));
    m_refresh->setToolTip(tr("Read balances and sync health again"));
    connect(m_refresh, &QPushButton::clicked, this, [this] {
        setLoading();
        Q_EMIT refreshRequested();
    });
    header->addTrailingWidget(m_asOf);
    header->addTrailingWidget(m_refresh);

    m_aging = new AgingChartCard(this);
    m_monthly = new MonthlyChartCard(this);
    m_sync = new DashboardSyncHealth(this);
    connect(m_sync, &DashboardSyncHealth::retryQueueRequested, this, &DashboardPage::retryQueueRequested);
    m_balancesCard = createBalancesCard();

    // Charts side by side (the monthly one wider: twelve pairs of bars), then
    // the balances with the sync panel beside them, or under them when the
    // page is narrow (arrange()).
    m_charts = new QHBoxLayout;
    m_charts->setSpacing(16);
    m_charts->addWidget(m_aging, 2);
    m_charts->addWidget(m_monthly, 3);
    m_bottom = new QBoxLayout(QBoxLayout::LeftToRight);
    m_bottom->setSpacing(16);
    m_bottom->addWidget(m_balancesCard, 3);
    m_bottom->addWidget(m_sync, 2);

    // The content scrolls rather than squeezes when the window is small.
    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(28, 24, 28, 24);
    column->setSpacing(16);
    column->addWidget(header);
    column->addWidget(createBanner());
    column->addWidget(createTiles());
    column->addLayout(m_charts);
    column->addLayout(m_bottom, 1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    arrange(false);
    setTabOrder(m_refresh, m_bannerClose);
    setTabOrder(m_bannerClose, m_show);
    setTabOrder(m_show, m_search);
    setTabOrder(m_search, m_view);
    setTabOrder(m_view, m_blockRules);
    setTabOrder(m_blockRules, m_sync->retryQueueButton());

    updateRoleTexts();
    updateTiles();
    updateBalancesState();
}

QFrame *DashboardPage::createBanner()
{
    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("dashboardBanner"));
    auto *dot = new QLabel(m_banner);
    dot->setPixmap(Theme::dot(Theme::Tone::Bad, 12));
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("dashboardMessage"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bannerClose = new QToolButton(m_banner);
    m_bannerClose->setText(QStringLiteral("×"));
    m_bannerClose->setAutoRaise(true);
    m_bannerClose->setToolTip(tr("Hide this message"));
    m_bannerClose->setAccessibleName(tr("Hide this message"));
    connect(m_bannerClose, &QToolButton::clicked, this, [this] {
        m_banner->setVisible(false);
        m_bannerText->clear();
    });
    auto *layout = new QHBoxLayout(m_banner);
    layout->setContentsMargins(14, 10, 8, 10);
    layout->setSpacing(10);
    layout->addWidget(dot, 0, Qt::AlignTop);
    layout->addWidget(m_bannerText, 1);
    layout->addWidget(m_bannerClose, 0, Qt::AlignTop);
    m_banner->setStyleSheet(QStringLiteral("QFrame#dashboardBanner { background: %1; border: 1px solid %2;"
                                           " border-radius: 6px; } QFrame#dashboardBanner QLabel { color: %3; }")
                                .arg(Theme::toneBackground(Theme::Tone::Bad).name(),
                                     Theme::toneColor(Theme::Tone::Bad).name(),
                                     Theme::toneText(Theme::Tone::Bad).name()));
    m_banner->setVisible(false);
    return m_banner;
}

QWidget *DashboardPage::createTiles()
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    const QList<std::pair<Tile, QString>> tiles = {
        {Tile::Outstanding, tr("Outstanding")},
        {Tile::Overdue, tr("Overdue")},
        {Tile::OverdueClients, tr("Clients overdue")},
        {Tile::BlockedClients, tr("Clients blocked from booking")},
    };
    for (const auto &[key, caption] : tiles) {
        auto *tile = new DashboardTile(caption, row);
        m_tiles.insert(key, tile);
        layout->addWidget(tile, 1);
    }
    return row;
}

QWidget *DashboardPage::createBalancesCard()
{
    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("card"));

    m_count = new QLabel(card);
    m_count->setObjectName(QStringLiteral("fieldLabel"));
    auto *titleRow = new QHBoxLayout;
    titleRow->setSpacing(10);
    titleRow->addWidget(cardTitle(tr("Balances by client"), card));
    titleRow->addWidget(m_count);
    titleRow->addStretch(1);

    m_show = new QComboBox(card);
    m_show->setObjectName(QStringLiteral("showFilter"));
    m_show->addItem(tr("All clients"), QVariant::fromValue(BalancesFilterProxyModel::Show::All));
    m_show->addItem(tr("Overdue"), QVariant::fromValue(BalancesFilterProxyModel::Show::Overdue));
    m_show->addItem(tr("Blocked from booking"), QVariant::fromValue(BalancesFilterProxyModel::Show::Blocked));
    m_show->setAccessibleName(tr("Show clients"));
    auto *showLabel = new QLabel(tr("&Show:"), card);
    showLabel->setBuddy(m_show);
    connect(m_show, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setShow(m_show->currentData().value<BalancesFilterProxyModel::Show>());
        updateBalancesState();
    });

    m_search = new QLineEdit(card);
    m_search->setObjectName(QStringLiteral("balancesSearch"));
    m_search->setPlaceholderText(tr("Find a client"));
    m_search->setAccessibleName(tr("Find a client by name"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(Theme::icon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_search->setMinimumWidth(140);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterText(text);
        updateBalancesState();
    });

    m_blockRules = new QPushButton(tr("Block &thresholds…"), card);
    m_blockRules->setObjectName(QStringLiteral("blockRulesButton"));
    m_blockRules->setAccessibleName(tr("Open the booking block thresholds"));
    connect(m_blockRules, &QPushButton::clicked, this, &DashboardPage::billingRulesRequested);

    titleRow->addWidget(showLabel);
    titleRow->addWidget(m_show);
    titleRow->addWidget(m_search);

    m_view = new QTableView(card);
    m_view->setObjectName(QStringLiteral("balancesView"));
    m_view->setAccessibleName(tr("Balances by client"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(BalancesModel::Outstanding, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTabKeyNavigation(false); // Tab leaves the table; arrows move in it
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 12);
    m_view->horizontalHeader()->setHighlightSections(false);
    // The figures as wide as their header or their widest value (measured on
    // the first rows only: tens of thousands of clients must not be measured
    // on every refresh); the name takes the rest.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(BalancesModel::Client, QHeaderView::Stretch);
    m_view->horizontalHeader()->setResizeContentsPrecision(kMeasuredRows);
    m_view->setMinimumHeight(kMinimumTableHeight);
    connect(m_view, &QTableView::activated, this, &DashboardPage::onActivated);

    m_placeholder = new QLabel(card);
    m_placeholder->setObjectName(QStringLiteral("emptyState"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setMinimumHeight(kMinimumTableHeight);
    m_placeholder->setStyleSheet(QStringLiteral("QLabel#emptyState { color: %1; background: %2; "
                                                "border-radius: 6px; padding: 24px; }")
                                     .arg(Theme::mutedText().name(), QColor(0xf7f9fb).name()));
    m_tableStack = new QStackedWidget(card);
    m_tableStack->addWidget(m_view);
    m_tableStack->addWidget(m_placeholder);

    m_note = new QLabel(card);
    m_note->setObjectName(QStringLiteral("fieldLabel"));
    m_note->setWordWrap(true);
    auto *footer = new QHBoxLayout;
    footer->setSpacing(10);
    footer->addWidget(m_note, 1);
    footer->addWidget(m_blockRules, 0, Qt::AlignRight);

    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(18, 14, 18, 14);
    layout->setSpacing(10);
    layout->addLayout(titleRow);
    layout->addWidget(m_tableStack, 1);
    layout->addLayout(footer);
    return card;
}

void DashboardPage::arrange(bool wide)
{
    m_wide = wide;
    m_bottom->setDirection(wide ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    // Narrow, the aging chart needs its half to write "Current" under its bar.
    m_charts->setStretchFactor(m_aging, wide ? 2 : 1);
    m_charts->setStretchFactor(m_monthly, wide ? 3 : 1);
    // Under the balances the panel takes no height from the table.
    m_bottom->setStretchFactor(m_sync, wide ? 2 : 0);
}

void DashboardPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const bool wide = event->size().width() >= kWideLayoutMinWidth;
    if (wide != m_wide)
        arrange(wide);
}

DashboardTile *DashboardPage::tile(Tile tile) const
{
    return m_tiles.value(tile);
}

void DashboardPage::setData(const Services::DashboardData &data)
{
    m_data = data;
    m_loaded = true;
    m_loading = false;
    m_banner->setVisible(false);
    m_bannerText->clear();

    const QString current = m_view->currentIndex().data(BalancesModel::IdRole).toString();
    m_model->setBalances(data.clients);
    if (!current.isEmpty()) {
        // Keep the person's place across a refresh.
        const int row = m_model->rowForId(current);
        if (row >= 0) {
            const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, BalancesModel::Client));
            if (index.isValid())
                m_view->setCurrentIndex(index);
        }
    }
    m_aging->setData(data);
    m_monthly->setData(data);
    m_sync->setStatus(data.sync, data.asOf);
    updateTiles();
    updateBalancesState();
}

void DashboardPage::setRole(Role role)
{
    m_role = role;
    m_sync->setRole(role);
    updateRoleTexts();
}

void DashboardPage::setLoading()
{
    m_loading = true;
    m_asOf->setText(tr("Loading…"));
}

void DashboardPage::showFailure(const QString &message)
{
    m_loading = false;
    m_bannerText->setText(tr("The dashboard could not be read: %1").arg(message));
    m_banner->setVisible(true);
    updateBalancesState();
}

void DashboardPage::updateTiles()
{
    const QLocale locale;
    if (!m_loaded) {
        for (DashboardTile *tile : std::as_const(m_tiles)) {
            tile->setValue(QString());
            tile->setTone(Theme::Tone::Neutral);
        }
        m_asOf->setText(m_loading ? tr("Loading…") : QString());
        return;
    }
    //: %1 = date and time the figures were read
    m_asOf->setText(tr("As of %1").arg(LocalTimeDelegate::format(m_data.asOf)));

    DashboardTile *outstanding = m_tiles.value(Tile::Outstanding);
    outstanding->setValue(BalancesModel::moneyText(m_data.outstanding),
                          m_data.openInvoices > 0 ? tr("%n open invoices", nullptr, m_data.openInvoices)
                                                  : tr("No open invoices"));
    outstanding->setTone(Theme::Tone::Neutral);

    DashboardTile *overdue = m_tiles.value(Tile::Overdue);
    overdue->setValue(BalancesModel::moneyText(m_data.overdue),
                      m_data.overdue.minorUnits() > 0 ? tr("Past the due date") : tr("Nothing past due"));
    overdue->setTone(m_data.overdue.minorUnits() > 0 ? Theme::Tone::Bad : Theme::Tone::Neutral);

    int oldest = 0;
    for (const ClientBalance &c : std::as_const(m_data.clients))
        oldest = std::max(oldest, c.isOverdue() ? c.daysOverdue : 0);
    DashboardTile *late = m_tiles.value(Tile::OverdueClients);
    late->setValue(locale.toString(m_data.overdueClients),
                   m_data.overdueClients > 0 ? tr("Oldest due %n days ago", nullptr, oldest)
                                             : tr("Everyone is up to date"));
    late->setTone(m_data.overdueClients > 0 ? Theme::Tone::Warning : Theme::Tone::Neutral);

    DashboardTile *blocked = m_tiles.value(Tile::BlockedClients);
    blocked->setValue(locale.toString(m_data.blockedClients),
                      m_data.blockedClients > 0 ? tr("New bookings declined or held")
                                                : tr("Nobody is blocked"));
    blocked->setTone(m_data.blockedClients > 0 ? Theme::Tone::Bad : Theme::Tone::Neutral);
}

void DashboardPage::updateBalancesState()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    if (!m_loaded) {
        m_count->clear();
        m_placeholder->setText(!m_banner->isHidden() ? tr("Nothing to show: the dashboard could not be read.")
                                                     : tr("Loading…"));
        m_tableStack->setCurrentWidget(m_placeholder);
        m_note->clear();
        return;
    }
    QString count = shown != total ? tr("%1 of %Ln clients", nullptr, total).arg(QLocale().toString(shown))
                                   : tr("%Ln clients", nullptr, total);
    m_count->setText(total > 0 ? count : QString());
    if (total == 0)
        m_placeholder->setText(tr("No client owes anything and nobody is blocked from booking."));
    else
        m_placeholder->setText(tr("No client matches the filter."));
    m_tableStack->setCurrentWidget(shown > 0 ? static_cast<QWidget *>(m_view) : m_placeholder);

    QStringList notes;
    if (m_data.overdueClients > 0 || m_data.blockedClients > 0)
        notes << tr("Overdue clients are marked amber, blocked ones red; the tooltip says why. Enter or "
                    "double-click opens a client.");
    if (m_data.otherCurrencyOpenInvoices > 0)
        notes << tr("%n open invoices in other currencies are not included in these figures.", nullptr,
                    m_data.otherCurrencyOpenInvoices);
    m_note->setText(notes.join(QLatin1Char(' ')));
}

void DashboardPage::updateRoleTexts()
{
    const bool canEdit = Security::roleHas(m_role, Permission::EditBilling);
    // Looking at the thresholds is for everyone; changing them is not.
    m_blockRules->setToolTip(canEdit ? tr("Change the overdue balance above which a client's new bookings are "
                                          "declined or held (invoice policies)")
                                     : tr("See the booking block thresholds. Only a bookkeeper or owner can "
                                          "change them."));
}

void DashboardPage::onActivated(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    const QString id = proxyIndex.data(BalancesModel::IdRole).toString();
    if (!id.isEmpty())
        Q_EMIT clientActivated(id);
}

bool DashboardPage::isShowingBalancesPlaceholder() const
{
    return m_tableStack->currentWidget() == m_placeholder;
}

QString DashboardPage::balancesPlaceholderText() const
{
    return m_placeholder->text();
}

QString DashboardPage::balancesCountText() const
{
    return m_count->text();
}

QString DashboardPage::asOfText() const
{
    return m_asOf->text();
}

QString DashboardPage::noteText() const
{
    return m_note->text();
}

QString DashboardPage::messageText() const
{
    return m_banner->isHidden() ? QString() : m_bannerText->text();
}

} // namespace Concord::Ui
