#pragma once

#include "domain/operations.h"
#include "domain/user.h"
#include "services/storestatus.h"
#include "theme.h"

#include <QFrame>
#include <QHash>
#include <QStringList>

class QGridLayout;
class QLabel;
class QPushButton;
class QWidget;

namespace Concord::Ui {

// The dashboard's "Sync health" card (product.md §6, §7): per kind of change,
// the delivery latency p50 and p95 over the last 24 hours against its promise
// (appointments under 1 minute, invoices and payments under 5 minutes); the
// outbox (waiting, being sent, failed); and each connection's state with the
// days left before its token expires (amber under 14 days, red when expired
// or expiring today, "—" when unknown).
class DashboardSyncHealth : public QFrame {
    Q_OBJECT
public:
    // Amber from this many days before a token expires (product.md §7: "warned about days ahead").
    static constexpr int kTokenWarningDays = 14;

    enum class LatencyField { Count, P50, P95, Target, Verdict };
    Q_ENUM(LatencyField)

    explicit DashboardSyncHealth(QWidget *parent = nullptr);

    // `nowUtc` is the snapshot's time: days left are counted from it.
    void setStatus(const Services::StoreStatus &status, const QDateTime &nowUtc);
    void setRole(Domain::Role role);

    [[nodiscard]] QPushButton *retryQueueButton() const { return m_retryQueue; }
    // The kinds shown, in order ("appointment", "invoice", "payment", then others measured).
    [[nodiscard]] QStringList latencyKinds() const { return m_kindOrder; }
    [[nodiscard]] QString latencyText(const QString &kind, LatencyField field) const;
    [[nodiscard]] Theme::Tone latencyTone(const QString &kind) const;
    // "pending", "inFlight", "failed".
    [[nodiscard]] QString queueText(const QString &key) const;
    [[nodiscard]] QString connectionStateText(Domain::System system) const;
    [[nodiscard]] QString tokenText(Domain::System system) const;
    [[nodiscard]] Theme::Tone tokenTone(Domain::System system) const;

    // "850 ms", "4.2 s", "48 s", "1 min 5 s", "2 h 3 min".
    [[nodiscard]] static QString durationText(qint64 ms);
    // "Appointments", "Invoices", "Payments", "Customers", …
    [[nodiscard]] static QString kindName(const QString &kind);
    // "Token expires in 12 days", "Token expires today", "Token expired on 3 Mar 2026", "—".
    [[nodiscard]] static QString tokenStatusText(const Domain::Connection &connection, const QDateTime &nowUtc);
    [[nodiscard]] static Theme::Tone tokenStatusTone(const Domain::Connection &connection, const QDateTime &nowUtc);

Q_SIGNALS:
    void retryQueueRequested();

private:
    struct LatencyRow {
        QHash<LatencyField, QLabel *> cells;
        Theme::Tone tone = Theme::Tone::Neutral;
    };
    struct ConnectionRow {
        QLabel *dot = nullptr;
        QLabel *state = nullptr;
        QLabel *token = nullptr;
        Theme::Tone tokenTone = Theme::Tone::Neutral;
    };

    QWidget *createLatencySection();
    QWidget *createQueueSection();
    QWidget *createConnectionsSection();
    void rebuildLatency(const Services::StoreStatus &status);
    void updateRetryQueueTip();

    Domain::Role m_role = Domain::Role::Viewer;
    qint64 m_failed = 0;
    QWidget *m_latencyGrid = nullptr;
    QGridLayout *m_latencyLayout = nullptr;
    QLabel *m_latencyNote = nullptr;
    QStringList m_kindOrder;
    QHash<QString, LatencyRow> m_latency;
    QHash<QString, QLabel *> m_queue;
    QPushButton *m_retryQueue = nullptr;
    QHash<Domain::System, ConnectionRow> m_connections;
};

} // namespace Concord::Ui
