#include "overviewpage.h"

#include "connectionindicator.h"
#include "pageheader.h"
#include "stattile.h"
#include "storestatustext.h"
#include "theme.h"

#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Concord::Ui {

using Domain::System;

namespace {

constexpr int kDotDiameter = 10;

QLabel *cardTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("cardTitle"));
    return label;
}

QLabel *fieldLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("fieldLabel"));
    return label;
}

QLabel *valueLabel(QWidget *parent)
{
    auto *label = new QLabel(QStringLiteral("–"), parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Paths have no spaces to wrap at: keep them on one line, and let a very
    // long one be cut at the card's edge rather than widen the whole window
    // (an explicit minimum width overrides the label's full-text minimum).
    label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    label->setMinimumWidth(40);
    return label;
}

} // namespace

OverviewPage::OverviewPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("overviewPage"));

    auto *header = new PageHeader(
        tr("Overview"),
        tr("The store Concord keeps, what it holds, and how each connected system is doing."),
        this);
    m_refresh = new QPushButton(Theme::icon(QStringLiteral("refresh")), tr("Refresh"), this);
    m_refresh->setToolTip(tr("Read the store's status again (F5)"));
    connect(m_refresh, &QPushButton::clicked, this, &OverviewPage::refreshRequested);
    header->addTrailingWidget(m_refresh);

    // The content scrolls rather than squeezes when the window is small.
    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(28, 24, 28, 24);
    column->setSpacing(18);
    column->addWidget(header);
    column->addWidget(createStoreCard());
    column->addWidget(createCountsGrid());
    column->addWidget(createConnectionsCard());
    column->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    Services::StoreStatus nothingYet;
    setStatus(nothingYet);
    m_storeState->setText(tr("Opening…"));
    m_storeDot->setPixmap(Theme::dot(Theme::Tone::Info, kDotDiameter));
}

QWidget *OverviewPage::createStoreCard()
{
    auto *card = new QFrame;
    card->setObjectName(QStringLiteral("card"));

    m_storeDot = new QLabel(card);
    m_storeState = new QLabel(card);
    m_storeState->setObjectName(QStringLiteral("storeState"));
    auto *titleRow = new QHBoxLayout;
    titleRow->setSpacing(8);
    titleRow->addWidget(cardTitle(tr("Store"), card));
    titleRow->addStretch(1);
    titleRow->addWidget(m_storeDot);
    titleRow->addWidget(m_storeState);

    m_engine = valueLabel(card);
    m_location = valueLabel(card);
    m_schema = valueLabel(card);
    m_error = valueLabel(card);
    m_error->setWordWrap(true); // error messages are sentences
    m_error->setStyleSheet(
        QStringLiteral("color: %1;").arg(Theme::toneText(Theme::Tone::Bad).name()));

    auto *form = new QFormLayout;
    form->setHorizontalSpacing(24);
    form->setVerticalSpacing(8);
    form->setLabelAlignment(Qt::AlignLeft);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(fieldLabel(tr("Engine"), card), m_engine);
    form->addRow(fieldLabel(tr("Location"), card), m_location);
    form->addRow(fieldLabel(tr("Schema version"), card), m_schema);
    m_errorLabel = fieldLabel(tr("Problem"), card);
    form->addRow(m_errorLabel, m_error);

    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(20, 16, 20, 18);
    layout->setSpacing(12);
    layout->addLayout(titleRow);
    layout->addLayout(form);
    return card;
}

StatTile *OverviewPage::addTile(const QString &key, const QString &caption)
{
    auto *tile = new StatTile(caption);
    m_tiles.insert(key, tile);
    return tile;
}

QWidget *OverviewPage::createCountsGrid()
{
    auto *grid = new QWidget;
    auto *layout = new QGridLayout(grid);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(14);
    layout->setVerticalSpacing(14);
    const QList<StatTile *> tiles = {
        addTile(QStringLiteral("customers"), tr("Customers")),
        addTile(QStringLiteral("appointments"), tr("Appointments")),
        addTile(QStringLiteral("invoices"), tr("Invoices")),
        addTile(QStringLiteral("users"), tr("Users")),
        addTile(QStringLiteral("pendingJobs"), tr("Changes waiting to be sent")),
        addTile(QStringLiteral("failedJobs"), tr("Failed changes needing a person")),
        addTile(QStringLiteral("auditEntries"), tr("Audit log entries")),
    };
    constexpr int kColumns = 4;
    for (int i = 0; i < tiles.size(); ++i)
        layout->addWidget(tiles.at(i), i / kColumns, i % kColumns);
    for (int c = 0; c < kColumns; ++c)
        layout->setColumnStretch(c, 1);
    return grid;
}

QWidget *OverviewPage::createConnectionsCard()
{
    auto *card = new QFrame;
    card->setObjectName(QStringLiteral("card"));
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(20, 16, 20, 18);
    layout->setSpacing(12);
    layout->addWidget(cardTitle(tr("Connections"), card));

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(10);
    grid->setColumnStretch(3, 1);
    int row = 0;
    for (System system : Domain::allSystems()) {
        ConnectionRow r;
        r.dot = new QLabel(card);
        auto *name = new QLabel(Domain::displayName(system), card);
        name->setMinimumWidth(150);
        QFont bold = name->font();
        bold.setWeight(QFont::DemiBold);
        name->setFont(bold);
        r.state = new QLabel(card);
        r.state->setObjectName(QStringLiteral("connectionState-") + Domain::toString(system));
        r.state->setMinimumWidth(120);
        r.details = new QLabel(card);
        r.details->setObjectName(QStringLiteral("fieldLabel"));
        r.details->setWordWrap(true);
        grid->addWidget(r.dot, row, 0, Qt::AlignVCenter);
        grid->addWidget(name, row, 1);
        grid->addWidget(r.state, row, 2);
        grid->addWidget(r.details, row, 3);
        m_connections.insert(system, r);
        ++row;
    }
    layout->addLayout(grid);
    return card;
}

void OverviewPage::setStatus(const Services::StoreStatus &status)
{
    const Theme::Tone tone = status.open ? Theme::Tone::Good : Theme::Tone::Bad;
    m_storeDot->setPixmap(Theme::dot(tone, kDotDiameter));
    m_storeState->setText(status.open ? tr("Open") : tr("Not open"));

    const auto orDash = [](const QString &text) {
        return text.isEmpty() ? QStringLiteral("–") : text;
    };
    m_engine->setText(orDash(status.engine));
    m_location->setText(orDash(StoreStatusText::location(status.url)));
    m_location->setToolTip(m_location->text());
    m_schema->setText(status.open ? StoreStatusText::schema(status) : QStringLiteral("–"));
    m_error->setText(status.error);
    // The "Problem" row only exists while there is one.
    m_error->setVisible(!status.error.isEmpty());
    m_errorLabel->setVisible(!status.error.isEmpty());

    // Counts of a store that is not open are unknown, not zero.
    const auto value = [&status](qint64 v) { return status.open ? v : qint64(-1); };
    m_tiles.value(QStringLiteral("customers"))->setValue(value(status.customers));
    m_tiles.value(QStringLiteral("appointments"))->setValue(value(status.appointments));
    m_tiles.value(QStringLiteral("invoices"))->setValue(value(status.invoices));
    m_tiles.value(QStringLiteral("users"))->setValue(value(status.users));
    m_tiles.value(QStringLiteral("pendingJobs"))->setValue(value(status.pendingJobs));
    m_tiles.value(QStringLiteral("failedJobs"))->setValue(value(status.failedJobs));
    m_tiles.value(QStringLiteral("failedJobs"))->setAlert(status.open && status.failedJobs > 0);
    m_tiles.value(QStringLiteral("auditEntries"))->setValue(value(status.auditEntries));

    for (System system : Domain::allSystems()) {
        const ConnectionRow &row = m_connections[system];
        if (!status.open) {
            row.dot->setPixmap(Theme::dot(Theme::Tone::Neutral, kDotDiameter));
            row.state->setText(tr("unknown"));
            row.details->setText(tr("Shown once the store is open."));
            continue;
        }
        const Domain::Connection connection = ConnectionIndicator::find(status.connections, system);
        row.dot->setPixmap(
            Theme::dot(ConnectionIndicator::stateTone(connection.state), kDotDiameter));
        row.state->setText(ConnectionIndicator::stateText(connection.state));
        row.details->setText(ConnectionIndicator::details(connection)
                                 .replace(QLatin1Char('\n'), QStringLiteral(" · ")));
    }
}

QString OverviewPage::storeStateText() const
{
    return m_storeState->text();
}

QString OverviewPage::statText(const QString &key) const
{
    const StatTile *tile = m_tiles.value(key);
    return tile ? tile->valueText() : QString();
}

QString OverviewPage::connectionStateText(System system) const
{
    return m_connections.value(system).state ? m_connections.value(system).state->text()
                                             : QString();
}

} // namespace Concord::Ui
