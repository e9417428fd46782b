#include "reconciliationmodel.h"

#include "theme.h"

#include <QLocale>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Concord::Ui {

ReconciliationModel::ReconciliationModel(QObject *parent) : QAbstractTableModel(parent) {}

void ReconciliationModel::setReport(const Review::ReconciliationReport &report)
{
    beginResetModel();
    m_rows = report.mismatches;
    m_zone = report.timeZone;
    endResetModel();
}

int ReconciliationModel::rowForKey(const QString &key) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).key == key)
            return i;
    return -1;
}

int ReconciliationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReconciliationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ReconciliationModel::moneyText(const Domain::Money &amount)
{
    return amount.isValid() ? amount.format(QLocale()) : u"–"_s;
}

QString ReconciliationModel::sessionText(const Review::Mismatch &m) const
{
    if (m.session.appointmentId == 0)
        return {};
    const QTimeZone zone(m_zone.isEmpty() ? QByteArrayLiteral("UTC") : m_zone.toUtf8());
    const QDateTime at = m.session.startUtc.toTimeZone(zone);
    QString text = QLocale().toString(at, u"MMM d, HH:mm"_s);
    if (!m.session.serviceName.isEmpty())
        text += u" · "_s + m.session.serviceName;
    if (m.session.price)
        text += u" · "_s + moneyText(*m.session.price);
    return text;
}

QString ReconciliationModel::invoiceText(const Review::Mismatch &m)
{
    if (m.kind == Review::MismatchKind::PaymentUnapplied)
        return tr("Payment %1 · %2 unapplied").arg(m.paymentQuickbooksId, moneyText(m.unapplied));
    if (m.invoice.invoiceId == 0)
        return tr("No invoice");
    return tr("Invoice %1 · %2 (balance %3)")
        .arg(m.invoice.docNumber, moneyText(m.invoice.total), moneyText(m.invoice.balance));
}

QString ReconciliationModel::dealText(const Review::Mismatch &m)
{
    if (m.deal.dealId.isEmpty()) {
        switch (m.kind) {
        case Review::MismatchKind::DealMissing: return tr("No deal");
        case Review::MismatchKind::PaymentUnapplied:
        case Review::MismatchKind::InvoiceNotLinked: return {};
        default: return m.deal.read ? tr("No deal") : QString();
        }
    }
    if (m.deal.read && !m.deal.found)
        return tr("Deal %1 · deleted").arg(m.deal.dealId);
    return tr("Deal %1 · %2 · %3")
        .arg(m.deal.dealId, m.deal.amount.isEmpty() ? u"–"_s : m.deal.amount, m.deal.stage);
}

QVariant ReconciliationModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Review::Mismatch &m = m_rows.at(index.row());
    switch (role) {
    case IdRole: return m.key;
    case FixableRole: return m.isFixable();
    case KindRole: return int(m.kind);
    case Qt::ToolTipRole:
        if (index.column() == Cause || index.column() == Fix)
            return m.isFixable() ? m.fixText : m.manualFix;
        return {};
    case Qt::DecorationRole:
        if (index.column() == Kind)
            return Theme::dot(m.isFixable() ? Theme::Tone::Warning : Theme::Tone::Bad, 8);
        return {};
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Kind: return Review::describe(m.kind);
        case Client: return m.session.customerName.isEmpty() ? m.session.customerId : m.session.customerName;
        case Session: return sessionText(m);
        case QuickBooks: return invoiceText(m);
        case HubSpot: return dealText(m);
        case Cause: return m.cause;
        case Fix: return m.isFixable() ? tr("One click") : tr("By hand");
        case ColumnCount: break;
        }
        return {};
    default: return {};
    }
}

QVariant ReconciliationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Kind: return tr("Mismatch");
    case Client: return tr("Client");
    case Session: return tr("Session (Concord)");
    case QuickBooks: return tr("QuickBooks");
    case HubSpot: return tr("HubSpot");
    case Cause: return tr("Likely cause");
    case Fix: return tr("Fix");
    case ColumnCount: break;
    }
    return {};
}

} // namespace Concord::Ui
