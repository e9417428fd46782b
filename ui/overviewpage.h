#pragma once

#include "domain/system.h"
#include "services/storestatus.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;

namespace Concord::Ui {

class StatTile;

// "Overview": what the store is (engine, location, schema), how much it holds,
// and the state of the three connections. Shows a StoreStatus snapshot; asks
// for a fresh one with refreshRequested().
class OverviewPage : public QWidget {
    Q_OBJECT
public:
    explicit OverviewPage(QWidget *parent = nullptr);

    void setStatus(const Services::StoreStatus &status);

    [[nodiscard]] QString storeStateText() const;
    // Text of the count tile `key` ("customers", "failedJobs", …; see StoreStatus).
    [[nodiscard]] QString statText(const QString &key) const;
    [[nodiscard]] QString connectionStateText(Domain::System system) const;

Q_SIGNALS:
    void refreshRequested();

private:
    struct ConnectionRow {
        QLabel *dot = nullptr;
        QLabel *state = nullptr;
        QLabel *details = nullptr;
    };

    QWidget *createStoreCard();
    QWidget *createCountsGrid();
    QWidget *createConnectionsCard();
    StatTile *addTile(const QString &key, const QString &caption);

    QLabel *m_storeDot = nullptr;
    QLabel *m_storeState = nullptr;
    QLabel *m_engine = nullptr;
    QLabel *m_location = nullptr;
    QLabel *m_schema = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_errorLabel = nullptr;
    QHash<QString, StatTile *> m_tiles;
    QHash<Domain::System, ConnectionRow> m_connections;
    QPushButton *m_refresh = nullptr;
};

} // namespace Concord::Ui
