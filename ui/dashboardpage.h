#pragma once

#include "domain/user.h"
#include "services/dashboarddata.h"
#include "theme.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QFrame;
class QBoxLayout;
class QLabel;
class QLineEdit;
class QModelIndex;
class QPushButton;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace Concord::Ui {

class AgingChartCard;
class BalancesFilterProxyModel;
class BalancesModel;
class DashboardSyncHealth;
class DashboardTile;
class MonthlyChartCard;

// "Dashboard" (product.md §11, plus sync health from §6 and §7): what clients
// owe and how old it is, invoiced vs collected per month, who is overdue or
// blocked from booking, and how the sync is doing.
//
// Threading: GUI thread only; never touches SQL. It shows a
// Services::DashboardData snapshot pushed with setData() (the composition
// root answers refreshRequested() with Services::collectDashboard() on the
// sync thread) and reports a failed read with showFailure().
//
// Read-only for every role (everyone may look: Permission::View). The role
// only changes what the links to other pages say: who can act on the retry
// queue (ManageRetryQueue) and who can change the booking-block thresholds
// (EditBilling).
//
// Keyboard: Refresh, the "Show" filter, the search field, the balances table
// (Enter opens the client: clientActivated), "Block thresholds…", then the
// sync panel's "Open retry queue". Charts are pictures; their figures are in
// the summaries, the tiles, the table and each chart's accessible description.
class DashboardPage : public QWidget {
    Q_OBJECT
public:
    enum class Tile { Outstanding, Overdue, OverdueClients, BlockedClients };
    Q_ENUM(Tile)

    // Below this width (px) the sync panel moves under the balances instead
    // of beside them, where its latency table would be cramped.
    static constexpr int kWideLayoutMinWidth = 1200;

    explicit DashboardPage(QWidget *parent = nullptr);

    [[nodiscard]] BalancesModel *balancesModel() const { return m_model; }
    [[nodiscard]] BalancesFilterProxyModel *balancesProxy() const { return m_proxy; }
    [[nodiscard]] QTableView *balancesView() const { return m_view; }
    [[nodiscard]] AgingChartCard *agingChart() const { return m_aging; }
    [[nodiscard]] MonthlyChartCard *monthlyChart() const { return m_monthly; }
    [[nodiscard]] DashboardSyncHealth *syncHealth() const { return m_sync; }
    [[nodiscard]] DashboardTile *tile(Tile tile) const;
    [[nodiscard]] QPushButton *refreshButton() const { return m_refresh; }
    [[nodiscard]] QPushButton *blockRulesButton() const { return m_blockRules; }
    [[nodiscard]] QComboBox *showFilter() const { return m_show; }
    [[nodiscard]] QLineEdit *searchEdit() const { return m_search; }

    [[nodiscard]] const Services::DashboardData &data() const { return m_data; }
    [[nodiscard]] Domain::Role role() const { return m_role; }
    // True once a snapshot arrived (even an empty one).
    [[nodiscard]] bool hasLoaded() const { return m_loaded; }
    [[nodiscard]] bool isWideLayout() const { return m_wide; }
    // Whether a sentence (nobody owes anything, nothing matches) replaces the table.
    [[nodiscard]] bool isShowingBalancesPlaceholder() const;
    [[nodiscard]] QString balancesPlaceholderText() const;
    [[nodiscard]] QString balancesCountText() const;
    [[nodiscard]] QString asOfText() const;
    [[nodiscard]] QString noteText() const;
    // The banner's text (a failed read); empty when hidden.
    [[nodiscard]] QString messageText() const;

public Q_SLOTS:
    void setData(const Concord::Services::DashboardData &data);
    void setRole(Concord::Domain::Role role);
    // Marks the page as waiting for a snapshot (shown beside Refresh).
    void setLoading();
    // Reading the dashboard failed: shown in the banner; the last snapshot stays.
    void showFailure(const QString &message);

Q_SIGNALS:
    void refreshRequested();
    // Double-click or Enter on a client row.
    void clientActivated(const QString &customerId);
    void retryQueueRequested();
    // "Block thresholds…": the invoicing policies where booking blocks are set.
    void billingRulesRequested();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QWidget *createTiles();
    QWidget *createBalancesCard();
    QFrame *createBanner();
    void arrange(bool wide);
    void updateTiles();
    void updateBalancesState();
    void updateRoleTexts();
    void onActivated(const QModelIndex &proxyIndex);

    Services::DashboardData m_data;
    Domain::Role m_role = Domain::Role::Viewer; // least privilege until told
    bool m_loaded = false;
    bool m_loading = false;
    bool m_wide = false;

    BalancesModel *m_model = nullptr;
    BalancesFilterProxyModel *m_proxy = nullptr;

    QLabel *m_asOf = nullptr;
    QPushButton *m_refresh = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QToolButton *m_bannerClose = nullptr;
    QHash<Tile, DashboardTile *> m_tiles;
    QBoxLayout *m_charts = nullptr;
    QBoxLayout *m_bottom = nullptr;
    AgingChartCard *m_aging = nullptr;
    MonthlyChartCard *m_monthly = nullptr;
    QWidget *m_balancesCard = nullptr;
    QComboBox *m_show = nullptr;
    QLineEdit *m_search = nullptr;
    QPushButton *m_blockRules = nullptr;
    QLabel *m_count = nullptr;
    QStackedWidget *m_tableStack = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_note = nullptr;
    DashboardSyncHealth *m_sync = nullptr;
};

} // namespace Concord::Ui
