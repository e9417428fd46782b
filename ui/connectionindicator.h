#pragma once

#include "domain/operations.h"
#include "theme.h"

#include <QWidget>

#include <optional>

class QLabel;

namespace Concord::Ui {

// A coloured dot and "HubSpot: connected" for one external system, used in the
// status bar. Until the first status arrives it says so ("checking…"), and
// while the store is not open the state is unknown: shown as such, not guessed.
class ConnectionIndicator : public QWidget {
    Q_OBJECT
public:
    explicit ConnectionIndicator(Domain::System system, QWidget *parent = nullptr);

    void setConnection(const Domain::Connection &connection);
    void setChecking();
    void setUnknown();

    [[nodiscard]] Domain::System system() const { return m_system; }
    [[nodiscard]] std::optional<Domain::ConnectionState> state() const { return m_state; }
    [[nodiscard]] QString text() const;
    [[nodiscard]] Theme::Tone tone() const { return m_tone; }

    // Shared wording and colours, also used by the overview page.
    [[nodiscard]] static QString stateText(Domain::ConnectionState state);
    [[nodiscard]] static Theme::Tone stateTone(Domain::ConnectionState state);
    // Short brand name for tight spaces ("QuickBooks" rather than "QuickBooks Online").
    [[nodiscard]] static QString shortName(Domain::System system);
    // The connection of `system` in a status snapshot. The store lists one per
    // system; a missing one was never set up, so it reads as NotConfigured.
    [[nodiscard]] static Domain::Connection find(const QList<Domain::Connection> &connections,
                                                 Domain::System system);
    // One line per known fact (account, expiry, last success, last error).
    [[nodiscard]] static QString details(const Domain::Connection &connection);

private:
    void present(Theme::Tone tone, const QString &stateText, const QString &toolTip);

    Domain::System m_system;
    std::optional<Domain::ConnectionState> m_state;
    Theme::Tone m_tone = Theme::Tone::Neutral;
    QLabel *m_dot = nullptr;
    QLabel *m_label = nullptr;
};

} // namespace Concord::Ui
