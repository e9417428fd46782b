#pragma once

#include "domain/user.h"
#include "review/reconciliation.h"

#include <QDate>
#include <QWidget>

class QDateEdit;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTextBrowser;

namespace Concord::Ui {

class DashboardTile;
class ReconciliationModel;

// The monthly review's three-way reconciliation (a tab of the Reviews page):
// a month picker, four totals as tiles (booked, invoiced, collected, CRM
// deals) with their differences, the mismatch list and a detail pane whose
// "Fix" button asks for the mismatch's safe fix. It only shows and asks: the
// owner answers monthRequested with setReport and fixRequested with
// showDone/showFailure (then usually a fresh report).
class ReconciliationView : public QWidget
{
    Q_OBJECT
public:
    explicit ReconciliationView(QWidget *parent = nullptr);

    [[nodiscard]] QDate month() const;
    [[nodiscard]] ReconciliationModel *model() const { return m_model; }
    // For tests: the tiles in order booked, invoiced, collected, deals.
    [[nodiscard]] QList<DashboardTile *> tiles() const { return m_tiles; }
    [[nodiscard]] QPushButton *fixButton() const { return m_fix; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QString bannerText() const;

public Q_SLOTS:
    void setMonth(const QDate &anyDayOfMonth);
    // Shows a fresh report (and ends the busy state).
    void setReport(const Concord::Review::ReconciliationReport &report);
    void setActor(Concord::Domain::Role role, const QString &username);
    // While a report or a fix is under way: the buttons wait.
    void setBusy(bool busy);
    void showFailure(const QString &message);
    void showDone(const QString &message);
    void selectMismatch(const QString &key);

Q_SIGNALS:
    void monthRequested(const QDate &firstOfMonth);
    void fixRequested(const QString &mismatchKey);

private:
    void showCurrent();
    void updateFixButton();
    void showBanner(const QString &text, bool bad);
    [[nodiscard]] const Review::Mismatch *current() const;

    QDateEdit *m_month = nullptr;
    QPushButton *m_reconcile = nullptr;
    QLabel *m_freshness = nullptr;
    QLabel *m_banner = nullptr;
    QList<DashboardTile *> m_tiles;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    QTableView *m_table = nullptr;
    QTextBrowser *m_detail = nullptr;
    QPushButton *m_fix = nullptr;
    QLabel *m_fixNote = nullptr;
    ReconciliationModel *m_model = nullptr;
    Review::ReconciliationReport m_report;
    bool m_hasReport = false;
    bool m_busy = false;
    Domain::Role m_role = Domain::Role::Viewer;
    QString m_username;
};

} // namespace Concord::Ui
