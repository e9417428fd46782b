#pragma once

#include "security/auditentry.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace Concord::Ui {

class AuditDetailView;
class AuditFilterProxyModel;
class AuditLogModel;
class VerificationBanner;

// "Audit log": the newest entries in a filterable table, the selected entry's
// before/after, and "Verify chain". It never reads the store itself: it asks
// with reloadRequested()/verifyRequested() and is answered through
// setEntries()/showVerification()/showError().
class AuditPage : public QWidget {
    Q_OBJECT
public:
    explicit AuditPage(QWidget *parent = nullptr);

    [[nodiscard]] AuditLogModel *model() const { return m_model; }
    [[nodiscard]] AuditFilterProxyModel *proxy() const { return m_proxy; }
    [[nodiscard]] QTableView *view() const { return m_view; }
    [[nodiscard]] AuditDetailView *detail() const { return m_detail; }
    [[nodiscard]] VerificationBanner *banner() const { return m_banner; }
    [[nodiscard]] QLineEdit *filterEdit() const { return m_filter; }
    [[nodiscard]] QString countText() const;
    // True once a snapshot arrived (even an empty one).
    [[nodiscard]] bool hasLoaded() const { return m_loaded; }

public Q_SLOTS:
    // A new snapshot, newest first, at most `limit` entries as requested.
    void setEntries(const QList<Security::AuditEntry> &entries, int limit);
    void showVerification(const Security::AuditVerification &result);
    // An operation this page started failed; ends any "running" state it shows.
    void showError(const QString &message);
    // Marks the page as waiting for a snapshot (shown in the count line).
    void setLoading();
    // Without an open store there is nothing to read or verify: the page says
    // so and its buttons are disabled.
    void setStoreOpen(bool open);
    // What the "Verify chain" button does: shows the running banner and asks.
    void requestVerification();
    // Selects the entry with `seq` if it is in the table (clearing the filter
    // when that hides it). Returns false when the entry is not loaded.
    bool selectEntry(qint64 seq);

Q_SIGNALS:
    void reloadRequested();
    void verifyRequested();

private:
    void updateCount();
    void updatePlaceholder();
    void showCurrentEntry();

    AuditLogModel *m_model = nullptr;
    AuditFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_count = nullptr;
    VerificationBanner *m_banner = nullptr;
    QStackedWidget *m_content = nullptr;
    QLabel *m_placeholder = nullptr;
    QTableView *m_view = nullptr;
    AuditDetailView *m_detail = nullptr;
    QPushButton *m_reload = nullptr;
    QPushButton *m_verify = nullptr;
    bool m_loaded = false;
    bool m_loading = false;
    bool m_storeOpen = false;
    int m_limit = 0;
};

} // namespace Concord::Ui
