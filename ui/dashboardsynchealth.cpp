#include "dashboardsynchealth.h"

#include "connectionindicator.h"
#include "roletext.h"
#include "security/permissions.h"
#include "services/dashboarddata.h"
#include "sync/latencystats.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace Concord::Ui {

using Domain::System;

namespace {

constexpr int kDotDiameter = 10;
// The kinds with a promise (product.md §6) are always listed, measured or not.
const QStringList kPromisedKinds = {QStringLiteral("appointment"), QStringLiteral("invoice"),
                                    QStringLiteral("payment")};

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("paneTitle"));
    return label;
}

QLabel *headerLabel(const QString &text, QWidget *parent, Qt::Alignment alignment = Qt::AlignLeft)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("fieldLabel"));
    label->setAlignment(alignment | Qt::AlignVCenter);
    return label;
}

void colour(QLabel *label, Theme::Tone tone)
{
    label->setStyleSheet(tone == Theme::Tone::Neutral || tone == Theme::Tone::Info
                             ? QString()
                             : QStringLiteral("color: %1;").arg(Theme::toneText(tone).name()));
}

QString oneDecimal(double value)
{
    return QLocale().toString(value, 'f', 1);
}

} // namespace

DashboardSyncHealth::DashboardSyncHealth(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("card"));
    setAccessibleName(tr("Sync health"));

    auto *title = new QLabel(tr("Sync health"), this);
    title->setObjectName(QStringLiteral("cardTitle"));
    auto *subtitle = new QLabel(tr("How fast changes reach the other systems, what waits, and each connection."),
                                this);
    subtitle->setObjectName(QStringLiteral("fieldLabel"));
    subtitle->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 14, 18, 16);
    layout->setSpacing(6);
    layout->addWidget(title);
    layout->addWidget(subtitle);
    layout->addSpacing(6);
    layout->addWidget(createLatencySection());
    layout->addSpacing(8);
    layout->addWidget(createQueueSection());
    layout->addSpacing(8);
    layout->addWidget(createConnectionsSection());
    layout->addStretch(1);

    setStatus(Services::StoreStatus(), QDateTime());
}

QWidget *DashboardSyncHealth::createLatencySection()
{
    auto *section = new QWidget(this);
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(sectionTitle(tr("Latency, last 24 hours"), section));
    m_latencyGrid = new QWidget(section);
    m_latencyGrid->setObjectName(QStringLiteral("latencyGrid"));
    m_latencyLayout = new QGridLayout(m_latencyGrid);
    m_latencyLayout->setContentsMargins(0, 0, 0, 0);
    m_latencyLayout->setHorizontalSpacing(14);
    m_latencyLayout->setVerticalSpacing(5);
    layout->addWidget(m_latencyGrid);
    m_latencyNote = new QLabel(section);
    m_latencyNote->setObjectName(QStringLiteral("fieldLabel"));
    m_latencyNote->setWordWrap(true);
    layout->addWidget(m_latencyNote);
    return section;
}

QWidget *DashboardSyncHealth::createQueueSection()
{
    auto *section = new QWidget(this);
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(sectionTitle(tr("Queue"), section));

    auto *row = new QHBoxLayout;
    row->setSpacing(18);
    const QList<std::pair<QString, QString>> figures = {
        {QStringLiteral("pending"), tr("waiting")},
        {QStringLiteral("inFlight"), tr("being sent")},
        {QStringLiteral("failed"), tr("failed")},
    };
    for (const auto &[key, caption] : figures) {
        auto *value = new QLabel(QStringLiteral("–"), section);
        value->setObjectName(QStringLiteral("queue-") + key);
        QFont bold = value->font();
        bold.setWeight(QFont::DemiBold);
        bold.setPointSizeF(bold.pointSizeF() * 1.25);
        value->setFont(bold);
        auto *label = headerLabel(caption, section);
        auto *pair = new QHBoxLayout;
        pair->setSpacing(5);
        pair->addWidget(value, 0, Qt::AlignBaseline);
        pair->addWidget(label, 0, Qt::AlignBaseline);
        row->addLayout(pair);
        m_queue.insert(key, value);
    }
    row->addStretch(1);
    m_retryQueue = new QPushButton(tr("Open &retry queue"), section);
    m_retryQueue->setObjectName(QStringLiteral("retryQueueButton"));
    m_retryQueue->setAccessibleName(tr("Open the retry queue"));
    connect(m_retryQueue, &QPushButton::clicked, this, &DashboardSyncHealth::retryQueueRequested);
    row->addWidget(m_retryQueue);
    layout->addLayout(row);
    return section;
}

QWidget *DashboardSyncHealth::createConnectionsSection()
{
    auto *section = new QWidget(this);
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(sectionTitle(tr("Connections"), section));
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(6);
    grid->setColumnStretch(3, 1);
    int row = 0;
    for (System system : Domain::allSystems()) {
        ConnectionRow r;
        r.dot = new QLabel(section);
        auto *name = new QLabel(ConnectionIndicator::shortName(system), section);
        QFont bold = name->font();
        bold.setWeight(QFont::DemiBold);
        name->setFont(bold);
        r.state = new QLabel(section);
        r.state->setObjectName(QStringLiteral("connectionState-") + Domain::toString(system));
        r.token = new QLabel(section);
        r.token->setObjectName(QStringLiteral("token-") + Domain::toString(system));
        r.token->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        grid->addWidget(r.dot, row, 0, Qt::AlignVCenter);
        grid->addWidget(name, row, 1);
        grid->addWidget(r.state, row, 2);
        grid->addWidget(r.token, row, 3);
        m_connections.insert(system, r);
        ++row;
    }
    layout->addLayout(grid);
    return section;
}

void DashboardSyncHealth::setStatus(const Services::StoreStatus &status, const QDateTime &nowUtc)
{
    rebuildLatency(status);

    const bool open = status.open;
    const auto count = [open](qint64 n) { return open ? QLocale().toString(n) : QStringLiteral("–"); };
    m_queue.value(QStringLiteral("pending"))->setText(count(status.pendingJobs - status.inFlightJobs));
    m_queue.value(QStringLiteral("inFlight"))->setText(count(status.inFlightJobs));
    QLabel *failed = m_queue.value(QStringLiteral("failed"));
    failed->setText(count(status.failedJobs));
    colour(failed, open && status.failedJobs > 0 ? Theme::Tone::Bad : Theme::Tone::Neutral);
    m_failed = open ? status.failedJobs : 0;
    updateRetryQueueTip();

    for (System system : Domain::allSystems()) {
        ConnectionRow &row = m_connections[system];
        if (!open) {
            row.dot->setPixmap(Theme::dot(Theme::Tone::Neutral, kDotDiameter));
            row.state->setText(tr("unknown"));
            row.token->setText(QStringLiteral("—"));
            row.token->setToolTip(QString());
            row.tokenTone = Theme::Tone::Neutral;
            colour(row.token, row.tokenTone);
            continue;
        }
        const Domain::Connection c = ConnectionIndicator::find(status.connections, system);
        row.dot->setPixmap(Theme::dot(ConnectionIndicator::stateTone(c.state), kDotDiameter));
        row.state->setText(ConnectionIndicator::stateText(c.state));
        row.state->setToolTip(ConnectionIndicator::details(c));
        row.token->setText(tokenStatusText(c, nowUtc));
        row.tokenTone = tokenStatusTone(c, nowUtc);
        colour(row.token, row.tokenTone);
        const QDateTime expires = Services::tokenExpiresAt(c);
        QString tip = expires.isValid()
            ? tr("The authorization expires %1.")
                  .arg(QLocale().toString(expires.toLocalTime(), QLocale::ShortFormat))
            : tr("Concord does not know when this authorization expires.");
        if (system == System::QuickBooks)
            tip += QLatin1Char(' ')
                + tr("QuickBooks authorizations roll every %n days: reconnect before then.", nullptr,
                     Services::kQuickBooksRefreshTokenDays);
        row.token->setToolTip(tip);
        row.token->setAccessibleName(tr("%1 authorization: %2").arg(ConnectionIndicator::shortName(system),
                                                                    row.token->text()));
    }
}

void DashboardSyncHealth::rebuildLatency(const Services::StoreStatus &status)
{
    // The rows change with the kinds measured: rebuilt, not updated.
    while (QLayoutItem *item = m_latencyLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_latency.clear();
    m_kindOrder = kPromisedKinds;
    QHash<QString, Sync::LatencySummary> byKind;
    for (const Sync::LatencySummary &s : status.latency) {
        byKind.insert(s.kind, s);
        if (!m_kindOrder.contains(s.kind))
            m_kindOrder << s.kind;
    }

    const Qt::Alignment right = Qt::AlignRight;
    m_latencyLayout->addWidget(headerLabel(tr("Change"), m_latencyGrid), 0, 0);
    m_latencyLayout->addWidget(headerLabel(tr("Carried"), m_latencyGrid, right), 0, 1);
    m_latencyLayout->addWidget(headerLabel(tr("p50"), m_latencyGrid, right), 0, 2);
    m_latencyLayout->addWidget(headerLabel(tr("p95"), m_latencyGrid, right), 0, 3);
    m_latencyLayout->addWidget(headerLabel(tr("Target"), m_latencyGrid, right), 0, 4);
    m_latencyLayout->setColumnStretch(5, 1);

    int row = 1;
    for (const QString &kind : std::as_const(m_kindOrder)) {
        const bool measured = byKind.contains(kind) && byKind.value(kind).count > 0;
        const Sync::LatencySummary s = byKind.value(kind);
        const std::optional<qint64> target = Sync::latencyTargetMs(kind);
        LatencyRow r;
        if (!status.open || !measured)
            r.tone = Theme::Tone::Neutral;
        else
            r.tone = s.withinTarget ? Theme::Tone::Good : Theme::Tone::Bad;

        auto *name = new QLabel(kindName(kind), m_latencyGrid);
        const auto cell = [this](const QString &text) {
            auto *label = new QLabel(text, m_latencyGrid);
            label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            return label;
        };
        const QString dash = QStringLiteral("—");
        QLabel *count = cell(measured ? QLocale().toString(s.count) : dash);
        QLabel *p50 = cell(measured ? durationText(s.p50Ms) : dash);
        QLabel *p95 = cell(measured ? durationText(s.p95Ms) : dash);
        //: Latency target, e.g. "< 1 min"
        QLabel *goal = cell(target ? tr("< %1").arg(durationText(*target)) : tr("none"));
        goal->setObjectName(QStringLiteral("fieldLabel"));
        if (measured && r.tone == Theme::Tone::Bad)
            colour(p95, Theme::Tone::Bad);

        auto *verdict = new QWidget(m_latencyGrid);
        auto *verdictLayout = new QHBoxLayout(verdict);
        verdictLayout->setContentsMargins(6, 0, 0, 0);
        verdictLayout->setSpacing(6);
        auto *dot = new QLabel(verdict);
        dot->setPixmap(Theme::dot(r.tone, kDotDiameter - 2));
        QString verdictText;
        if (!status.open)
            verdictText = tr("unknown");
        else if (!measured)
            verdictText = tr("nothing carried");
        else if (!target)
            verdictText = tr("no promise");
        else
            verdictText = s.withinTarget ? tr("within target") : tr("over target");
        auto *verdictLabel = new QLabel(verdictText, verdict);
        colour(verdictLabel, r.tone);
        verdictLayout->addWidget(dot);
        verdictLayout->addWidget(verdictLabel, 1);

        m_latencyLayout->addWidget(name, row, 0);
        m_latencyLayout->addWidget(count, row, 1);
        m_latencyLayout->addWidget(p50, row, 2);
        m_latencyLayout->addWidget(p95, row, 3);
        m_latencyLayout->addWidget(goal, row, 4);
        m_latencyLayout->addWidget(verdict, row, 5);
        r.cells = {{LatencyField::Count, count},
                   {LatencyField::P50, p50},
                   {LatencyField::P95, p95},
                   {LatencyField::Target, goal},
                   {LatencyField::Verdict, verdictLabel}};
        //: Screen reader summary of one latency row
        verdict->setAccessibleName(tr("%1: median %2, 95th percentile %3, target %4, %5")
                                       .arg(name->text(), p50->text(), p95->text(), goal->text(), verdictText));
        m_latency.insert(kind, r);
        ++row;
    }
    m_latencyNote->setText(tr("p50: half of the changes arrived within this time; p95: all but the slowest 5 %."));
}

void DashboardSyncHealth::setRole(Domain::Role role)
{
    m_role = role;
    updateRetryQueueTip();
}

void DashboardSyncHealth::updateRetryQueueTip()
{
    // Looking is for everyone; acting on the queue is not.
    const bool canAct = Security::roleHas(m_role, Security::Permission::ManageRetryQueue);
    QString tip = m_failed > 0 ? tr("%n failed changes wait for a person.", nullptr, int(m_failed))
                               : tr("Nothing waits for a person.");
    tip += QLatin1Char(' ')
        + (canAct ? tr("Open the retry queue to retry, fix or dismiss changes.")
                  : tr("You can look at the retry queue; only %1 can act on it.")
                        .arg(RoleText::whoMay(Security::Permission::ManageRetryQueue)));
    m_retryQueue->setToolTip(tip);
}

QString DashboardSyncHealth::latencyText(const QString &kind, LatencyField field) const
{
    const QLabel *label = m_latency.value(kind).cells.value(field);
    return label ? label->text() : QString();
}

Theme::Tone DashboardSyncHealth::latencyTone(const QString &kind) const
{
    return m_latency.value(kind).tone;
}

QString DashboardSyncHealth::queueText(const QString &key) const
{
    const QLabel *label = m_queue.value(key);
    return label ? label->text() : QString();
}

QString DashboardSyncHealth::connectionStateText(System system) const
{
    const ConnectionRow row = m_connections.value(system);
    return row.state ? row.state->text() : QString();
}

QString DashboardSyncHealth::tokenText(System system) const
{
    const ConnectionRow row = m_connections.value(system);
    return row.token ? row.token->text() : QString();
}

Theme::Tone DashboardSyncHealth::tokenTone(System system) const
{
    return m_connections.value(system).tokenTone;
}

QString DashboardSyncHealth::durationText(qint64 ms)
{
    if (ms < 1000)
        return tr("%1 ms").arg(QLocale().toString(ms));
    if (ms < 10'000)
        return tr("%1 s").arg(oneDecimal(ms / 1000.0));
    const qint64 secs = ms / 1000;
    if (secs < 60)
        return tr("%1 s").arg(secs);
    if (secs < 3600) {
        const qint64 rest = secs % 60;
        return rest == 0 ? tr("%1 min").arg(secs / 60) : tr("%1 min %2 s").arg(secs / 60).arg(rest);
    }
    const qint64 minutes = (secs % 3600) / 60;
    return minutes == 0 ? tr("%1 h").arg(secs / 3600) : tr("%1 h %2 min").arg(secs / 3600).arg(minutes);
}

QString DashboardSyncHealth::kindName(const QString &kind)
{
    if (kind == QLatin1String("appointment"))
        return tr("Appointments");
    if (kind == QLatin1String("invoice"))
        return tr("Invoices");
    if (kind == QLatin1String("payment"))
        return tr("Payments");
    if (kind == QLatin1String("customer"))
        return tr("Customers");
    if (kind.isEmpty())
        return tr("Other changes");
    QString text = kind;
    text[0] = text.at(0).toUpper();
    return text;
}

QString DashboardSyncHealth::tokenStatusText(const Domain::Connection &connection, const QDateTime &nowUtc)
{
    if (connection.state == Domain::ConnectionState::NotConfigured)
        return QStringLiteral("—");
    const std::optional<qint64> days = Services::tokenDaysLeft(connection, nowUtc);
    if (!days)
        return QStringLiteral("—");
    if (*days < 0)
        return tr("Token expired on %1")
            .arg(QLocale().toString(Services::tokenExpiresAt(connection).toLocalTime().date(), QLocale::ShortFormat));
    if (*days == 0)
        return tr("Token expires today");
    return tr("Token expires in %n days", nullptr, int(*days));
}

Theme::Tone DashboardSyncHealth::tokenStatusTone(const Domain::Connection &connection, const QDateTime &nowUtc)
{
    if (connection.state == Domain::ConnectionState::NotConfigured)
        return Theme::Tone::Neutral;
    const std::optional<qint64> days = Services::tokenDaysLeft(connection, nowUtc);
    if (!days)
        return Theme::Tone::Neutral;
    if (*days <= 0)
        return Theme::Tone::Bad;
    if (*days < kTokenWarningDays)
        return Theme::Tone::Warning;
    return Theme::Tone::Neutral;
}

} // namespace Concord::Ui
