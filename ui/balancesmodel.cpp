#include "balancesmodel.h"

#include "localtimedelegate.h"

#include <QLocale>

namespace Concord::Ui {

using Services::ClientBalance;

namespace {

// The dot beside the status, the size the retry queue uses.
constexpr int kStatusDotDiameter = 9;

// Urgency, for sorting the Status column: blocked first, then overdue.
int statusRank(const ClientBalance &client)
{
    if (client.blocked)
        return 0;
    if (client.isOverdue())
        return 1;
    return 2;
}

QVariant alignRight()
{
    return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
}

} // namespace

BalancesModel::BalancesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void BalancesModel::setBalances(const QList<ClientBalance> &clients)
{
    beginResetModel();
    m_clients = clients;
    endResetModel();
}

int BalancesModel::rowForId(const QString &customerId) const
{
    for (int row = 0; row < m_clients.size(); ++row) {
        if (m_clients.at(row).customerId == customerId)
            return row;
    }
    return -1;
}

int BalancesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_clients.size());
}

int BalancesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BalancesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ClientBalance &client = m_clients.at(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(client, column);
    case SortRole:
        return sortData(client, column);
    case IdRole:
        return client.customerId;
    case OverdueRole:
        return client.isOverdue();
    case BlockedRole:
        return client.blocked;
    case Qt::AccessibleTextRole:
        return accessibleText(client, column);
    case Qt::ToolTipRole:
        if (column == Client)
            return client.displayName == client.customerId
                ? client.customerId
                : tr("%1 (Concord id %2)").arg(client.displayName, client.customerId);
        if (column == Status || column == Overdue || column == DaysOverdue) {
            const QString detail = statusDetail(client);
            return detail.isEmpty() ? QVariant() : QVariant(detail);
        }
        return {};
    case Qt::DecorationRole:
        if (column == Status)
            return Theme::dot(statusTone(client), kStatusDotDiameter);
        return {};
    case Qt::ForegroundRole:
        if (column == Status && statusTone(client) != Theme::Tone::Good)
            return Theme::toneText(statusTone(client));
        if ((column == Overdue || column == DaysOverdue) && client.isOverdue())
            return Theme::toneText(Theme::Tone::Bad);
        if (column == Overdue && !client.isOverdue())
            return Theme::mutedText();
        return {};
    case Qt::FontRole:
        if (column == Status && client.blocked) {
            QFont bold;
            bold.setWeight(QFont::DemiBold);
            return bold;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == Outstanding || column == Overdue || column == DaysOverdue || column == OpenInvoices)
            return alignRight();
        return {};
    default:
        return {};
    }
}

QVariant BalancesModel::displayData(const ClientBalance &client, Column column) const
{
    switch (column) {
    case Client:
        return client.displayName;
    case Status:
        return statusText(client);
    case Outstanding:
        return moneyText(client.outstanding);
    case Overdue:
        return moneyText(client.overdue);
    case DaysOverdue:
        return client.isOverdue() ? QLocale().toString(client.daysOverdue) : QStringLiteral("–");
    case OpenInvoices:
        return client.openInvoices;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant BalancesModel::sortData(const ClientBalance &client, Column column) const
{
    switch (column) {
    case Client:
        return client.displayName.toLower();
    case Status:
        return statusRank(client);
    case Outstanding:
        return client.outstanding.minorUnits();
    case Overdue:
        return client.overdue.minorUnits();
    case DaysOverdue:
        return qint64(client.isOverdue() ? client.daysOverdue : -1);
    case OpenInvoices:
        return client.openInvoices;
    case ColumnCount:
        break;
    }
    return {};
}

QString BalancesModel::accessibleText(const ClientBalance &client, Column column) const
{
    switch (column) {
    case Status: {
        const QString detail = statusDetail(client);
        return detail.isEmpty() ? statusText(client) : tr("%1: %2").arg(statusText(client), detail);
    }
    case DaysOverdue:
        return client.isOverdue() ? tr("%n days overdue", nullptr, client.daysOverdue) : tr("Nothing overdue");
    case OpenInvoices:
        return tr("%n open invoices", nullptr, client.openInvoices);
    default:
        return displayData(client, column).toString();
    }
}

QVariant BalancesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Status:
            return tr("Blocked: new bookings are declined or held until the overdue balance is paid. "
                      "Overdue: something is past its due date.");
        case Outstanding:
            return tr("Open balance of every unpaid invoice, as QuickBooks reports it");
        case Overdue:
            return tr("The part of the balance past its due date");
        case DaysOverdue:
            return tr("How many days ago the oldest unpaid invoice was due");
        case OpenInvoices:
            return tr("Invoices with an open balance");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Client:
        return tr("Client");
    case Status:
        return tr("Status");
    case Outstanding:
        return tr("Outstanding");
    case Overdue:
        return tr("Overdue");
    case DaysOverdue:
        return tr("Days overdue");
    case OpenInvoices:
        return tr("Invoices");
    default:
        return {};
    }
}

QString BalancesModel::statusText(const ClientBalance &client)
{
    if (client.blocked)
        return tr("Blocked");
    if (client.isOverdue())
        return tr("Overdue");
    return tr("Current");
}

Theme::Tone BalancesModel::statusTone(const ClientBalance &client)
{
    if (client.blocked)
        return Theme::Tone::Bad;
    if (client.isOverdue())
        return Theme::Tone::Warning;
    return Theme::Tone::Good;
}

QString BalancesModel::statusDetail(const ClientBalance &client)
{
    QStringList parts;
    if (client.blocked) {
        QString text = tr("Blocked from booking: new bookings are declined or held.");
        if (!client.blockReason.isEmpty())
            text += QLatin1Char(' ') + client.blockReason.trimmed();
        if (!text.endsWith(QLatin1Char('.')))
            text += QLatin1Char('.');
        if (client.lastBlockedAt.isValid())
            text += QLatin1Char(' ') + tr("Last blocked %1.").arg(LocalTimeDelegate::format(client.lastBlockedAt));
        parts << text;
    }
    if (client.isOverdue()) {
        //: %1 = amount, %2 = the oldest due date, %n = days since
        parts << tr("%1 overdue; the oldest unpaid invoice was due %2, %n days ago.", nullptr,
                    client.daysOverdue)
                     .arg(moneyText(client.overdue),
                          QLocale().toString(client.oldestOverdueDueDate, QLocale::ShortFormat));
    }
    return parts.join(QLatin1Char('\n'));
}

QString BalancesModel::moneyText(const Domain::Money &amount)
{
    return amount.isValid() ? amount.format(QLocale()) : QStringLiteral("–");
}

} // namespace Concord::Ui
