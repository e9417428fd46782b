#include "reportsmodels.h"

#include "reportpdf.h"

#include <QFont>

using namespace Qt::StringLiterals;

namespace Concord::Ui {

namespace {

QString amount(const Domain::Money &m)
{
    return ReportPdf::formatAmount(m, QLocale());
}

} // namespace

OverdueClientsModel::OverdueClientsModel(QObject *parent) : QAbstractTableModel(parent) {}

void OverdueClientsModel::setClients(const QList<Review::OverdueClient> &clients)
{
    beginResetModel();
    m_clients = clients;
    endResetModel();
}

int OverdueClientsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_clients.size());
}

int OverdueClientsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OverdueClientsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Review::OverdueClient &c = m_clients.at(index.row());
    if (role == IdRole)
        return c.customerId;
    if (role == Qt::TextAlignmentRole)
        return index.column() <= OldestDue ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                           : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    switch (Column(index.column())) {
    case Client: return c.displayName;
    case OldestDue: return sort ? QVariant(c.oldestDueDate) : QVariant(QLocale().toString(c.oldestDueDate, QLocale::ShortFormat));
    case DaysOverdue: return c.daysOverdue;
    case OpenInvoices: return c.openInvoices;
    case PastDue: return sort ? QVariant(c.overdue.minorUnits()) : QVariant(amount(c.overdue));
    case Balance: return sort ? QVariant(c.balance.minorUnits()) : QVariant(amount(c.balance));
    case ColumnCount: break;
    }
    return {};
}

QVariant OverdueClientsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Client: return tr("Client");
    case OldestDue: return tr("Oldest due");
    case DaysOverdue: return tr("Days overdue");
    case OpenInvoices: return tr("Invoices");
    case PastDue: return tr("Past due");
    case Balance: return tr("Balance");
    case ColumnCount: break;
    }
    return {};
}

AgingModel::AgingModel(QObject *parent) : QAbstractTableModel(parent) {}

void AgingModel::setSection(const Review::AgingCurrency &section)
{
    beginResetModel();
    m_section = section;
    endResetModel();
}

int AgingModel::rowCount(const QModelIndex &parent) const
{
    // Clients plus the total row; nothing at all before a report arrives.
    return parent.isValid() || m_section.currency.isEmpty() ? 0 : int(m_section.clients.size()) + 1;
}

int AgingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AgingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const bool total = isTotalRow(index.row());
    if (role == IdRole)
        return total ? QString() : m_section.clients.at(index.row()).customerId;
    if (role == Qt::FontRole && total) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() == Client ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                        : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    if (index.column() == Client)
        return total ? tr("Total") : m_section.clients.at(index.row()).displayName;
    const Domain::Money &m = index.column() == AgingModel::Total
                                 ? (total ? m_section.balance : m_section.clients.at(index.row()).balance)
                                 : (total ? m_section.totals.at(index.column() - Current)
                                          : m_section.clients.at(index.row()).buckets.at(index.column() - Current));
    if (role == SortRole)
        return m.minorUnits();
    // Empty cells read faster than columns of zeros (as printed reports do).
    return m.isZero() && !total ? QString() : amount(m);
}

QVariant AgingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == Client)
        return tr("Client");
    if (section == AgingModel::Total)
        return tr("Total");
    if (section >= Current && section <= Over90)
        return Review::agingBucketCaption(Services::AgingBucket(section - Current));
    return {};
}

} // namespace Concord::Ui
