#include "connectionindicator.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QStringList>

namespace Concord::Ui {

using Domain::ConnectionState;
using Domain::System;

namespace {
constexpr int kDotDiameter = 9; // logical pixels; reads as a dot next to 9–10 pt text
}

ConnectionIndicator::ConnectionIndicator(System system, QWidget *parent)
    : QWidget(parent)
    , m_system(system)
    , m_dot(new QLabel(this))
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("connection-") + Domain::toString(system));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 0, 8, 0);
    layout->setSpacing(6);
    layout->addWidget(m_dot);
    layout->addWidget(m_label);
    setChecking();
}

void ConnectionIndicator::setConnection(const Domain::Connection &connection)
{
    m_state = connection.state;
    present(stateTone(connection.state), stateText(connection.state), details(connection));
}

void ConnectionIndicator::setChecking()
{
    m_state.reset();
    present(Theme::Tone::Neutral, tr("checking…"),
            tr("Waiting for the store to report this connection."));
}

void ConnectionIndicator::setUnknown()
{
    m_state.reset();
    present(Theme::Tone::Neutral, tr("unknown"),
            tr("The store is not open, so this connection's state is not known."));
}

QString ConnectionIndicator::text() const
{
    return m_label->text();
}

void ConnectionIndicator::present(Theme::Tone tone, const QString &stateText,
                                  const QString &toolTip)
{
    m_tone = tone;
    m_dot->setPixmap(Theme::dot(tone, kDotDiameter));
    //: Status bar: "<system>: <state>", e.g. "HubSpot: connected"
    m_label->setText(tr("%1: %2").arg(shortName(m_system), stateText));
    setToolTip(QStringLiteral("%1\n%2").arg(Domain::displayName(m_system), toolTip));
}

QString ConnectionIndicator::stateText(ConnectionState state)
{
    switch (state) {
    case ConnectionState::NotConfigured:
        return tr("not configured");
    case ConnectionState::Connected:
        return tr("connected");
    case ConnectionState::Expiring:
        return tr("expiring soon");
    case ConnectionState::Expired:
        return tr("expired");
    case ConnectionState::Error:
        return tr("error");
    case ConnectionState::Disconnected:
        return tr("disconnected");
    }
    return {};
}

Theme::Tone ConnectionIndicator::stateTone(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Connected:
        return Theme::Tone::Good;
    case ConnectionState::Expiring:
        return Theme::Tone::Warning;
    case ConnectionState::Expired:
    case ConnectionState::Error:
        return Theme::Tone::Bad;
    case ConnectionState::NotConfigured:
    case ConnectionState::Disconnected:
        return Theme::Tone::Neutral;
    }
    return Theme::Tone::Neutral;
}

QString ConnectionIndicator::shortName(System system)
{
    // Brand names: never translated.
    switch (system) {
    case System::QuickBooks:
        return QStringLiteral("QuickBooks");
    case System::HubSpot:
        return QStringLiteral("HubSpot");
    case System::CalCom:
        return QStringLiteral("Cal.com");
    }
    return {};
}

Domain::Connection ConnectionIndicator::find(const QList<Domain::Connection> &connections,
                                             System system)
{
    for (const Domain::Connection &connection : connections) {
        if (connection.system == system)
            return connection;
    }
    Domain::Connection absent;
    absent.system = system;
    return absent;
}

QString ConnectionIndicator::details(const Domain::Connection &connection)
{
    const QLocale locale;
    const auto when = [&locale](const QDateTime &at) {
        return locale.toString(at.toLocalTime(), QLocale::ShortFormat);
    };
    QStringList lines;
    if (!connection.accountLabel.isEmpty())
        lines << tr("Account: %1").arg(connection.accountLabel);
    if (connection.refreshExpiresAt.isValid())
        lines << tr("Authorization expires %1").arg(when(connection.refreshExpiresAt));
    if (connection.lastOkAt.isValid())
        lines << tr("Last successful call %1").arg(when(connection.lastOkAt));
    if (!connection.lastError.isEmpty())
        lines << tr("Last error: %1").arg(connection.lastError);
    if (lines.isEmpty()) {
        lines << (connection.state == ConnectionState::NotConfigured
                      ? tr("No account has been connected yet.")
                      : stateText(connection.state));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace Concord::Ui
