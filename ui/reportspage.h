#pragma once

#include "review/agingreport.h"
#include "review/monthlyreport.h"

#include <QDate>
#include <QWidget>

#include <functional>

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableView;

namespace Concord::Ui {

class AgingModel;
class OverdueClientsModel;

// "Reports": the monthly report (invoiced, collected, outstanding, overdue
// clients) and the aging on the same balance date, for a month picked here,
// with exports to CSV, PDF and JSON (product.md §11).
//
// Threading: GUI thread only; never touches SQL. It asks for a month with
// monthRequested() and shows what setReport() pushes (or showFailure()).
// Exports serialize and write on a worker thread (QtConcurrent) from the
// snapshot on screen; the page only learns the outcome (exportFinished /
// exportFailed), so the GUI thread never blocks on a disk or on rendering.
class ReportsPage : public QWidget {
    Q_OBJECT
public:
    enum class Format { Csv, Pdf, Json };
    Q_ENUM(Format)

    // Asks where to save (the default shows QFileDialog::getSaveFileName);
    // an empty answer cancels. Tests answer in place.
    using FileChooser = std::function<QString(Format format, const QString &suggestedName)>;

    explicit ReportsPage(QWidget *parent = nullptr);

    void setFileChooser(FileChooser chooser) { m_chooser = std::move(chooser); }

    [[nodiscard]] QDate month() const;
    [[nodiscard]] QDateEdit *monthEdit() const { return m_month; }
    [[nodiscard]] QComboBox *currencyBox() const { return m_currency; }
    [[nodiscard]] OverdueClientsModel *overdueModel() const { return m_overdue; }
    [[nodiscard]] AgingModel *agingModel() const { return m_aging; }
    [[nodiscard]] QPushButton *exportButton(Format format) const;
    [[nodiscard]] QString tileText(const QString &objectName) const;
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }
    [[nodiscard]] bool hasReport() const { return m_hasReport; }

public Q_SLOTS:
    // The report for the month on screen (and its aging on the same date).
    void setReport(const Concord::Review::MonthlyReport &monthly, const Concord::Review::AgingReport &aging);
    void showFailure(const QString &message);
    // Picks a month (and asks for it as if a person had).
    void setMonth(const QDate &month);
    // Starts an export to `path` (what the buttons do once a file is chosen).
    void exportTo(Concord::Ui::ReportsPage::Format format, const QString &path);

Q_SIGNALS:
    void monthRequested(const QDate &month);
    void exportFinished(const QString &path);
    void exportFailed(const QString &message);

private:
    void showCurrency(const QString &code);
    void chooseAndExport(Format format);
    void setExportsEnabled(bool enabled);

    QDateEdit *m_month = nullptr;
    QComboBox *m_currency = nullptr;
    QLabel *m_period = nullptr;
    QLabel *m_source = nullptr;
    QLabel *m_status = nullptr;
    QList<QLabel *> m_tileValues;
    QTableView *m_overdueView = nullptr;
    QTableView *m_agingView = nullptr;
    QLabel *m_overdueCaption = nullptr;
    QLabel *m_agingCaption = nullptr;
    OverdueClientsModel *m_overdue = nullptr;
    AgingModel *m_aging = nullptr;
    QPushButton *m_csv = nullptr;
    QPushButton *m_pdf = nullptr;
    QPushButton *m_json = nullptr;
    FileChooser m_chooser;
    Review::MonthlyReport m_monthly;
    Review::AgingReport m_agingReport;
    bool m_hasReport = false;
    int m_exportsRunning = 0;
};

} // namespace Concord::Ui
