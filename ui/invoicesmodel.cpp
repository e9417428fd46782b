#include "invoicesmodel.h"

#include <limits>

namespace Concord::Ui {

using Domain::AppointmentStatus;
using Domain::System;
using Services::InvoiceRecord;

InvoicesModel::InvoicesModel(QObject *parent)
    : RecordsPageModel(parent)
{
}

void InvoicesModel::setSnapshot(const Services::InvoicesData &data)
{
    resetSnapshot([&] {
        m_data = data;
        m_recordById = indexById(m_data.rows);
    });
}

const InvoiceRecord *InvoicesModel::record(qint64 id) const
{
    return findById(m_data.rows, m_recordById, id);
}

int InvoicesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString InvoicesModel::numberText(const InvoiceRecord &r)
{
    if (!r.docNumber.isEmpty())
        return r.docNumber;
    if (!r.quickbooksId.isEmpty())
        return tr("Id %1").arg(r.quickbooksId);
    return tr("Not in QuickBooks yet");
}

QString InvoicesModel::sessionsText(const InvoiceRecord &r)
{
    if (r.sessions.isEmpty())
        return r.lateFee ? tr("Late-cancellation fee") : tr("No session");
    if (r.sessions.size() == 1) {
        const Services::InvoiceSession &s = r.sessions.first();
        QString text = statusText(s.status);
        if (s.start.isValid())
            text = tr("%1 · %2").arg(text, s.start.local().toString(QStringLiteral("yyyy-MM-dd")));
        if (r.lateFee)
            text = tr("Fee for %1").arg(text);
        return withDelivery(text, r.calcomDelivery);
    }
    int canceled = 0;
    for (const Services::InvoiceSession &s : r.sessions) {
        if (s.status == AppointmentStatus::Canceled)
            ++canceled;
    }
    QString text = tr("%n sessions", nullptr, int(r.sessions.size()));
    if (canceled > 0)
        text = tr("%1 · %2 canceled").arg(text).arg(canceled);
    return withDelivery(text, r.calcomDelivery);
}

QString InvoicesModel::dealsText(const InvoiceRecord &r)
{
    int linked = 0;
    QString dealId;
    QString stage;
    bool sameStage = true;
    for (const Services::InvoiceSession &s : r.sessions) {
        if (!s.dealId.isEmpty()) {
            ++linked;
            dealId = s.dealId;
        }
        if (stage.isEmpty())
            stage = s.expectedStage;
        else if (s.expectedStage != stage)
            sameStage = false;
    }
    QString text;
    if (linked == 0)
        text = tr("Not linked");
    else if (r.sessions.size() == 1)
        text = tr("Deal %1").arg(dealId);
    else
        text = tr("%1 of %2 deals linked").arg(linked).arg(r.sessions.size());
    if (linked > 0 && sameStage && !stage.isEmpty())
        text = tr("%1 · %2").arg(text, Services::dealStageLabel(stage));
    return withDelivery(text, r.hubspotDelivery);
}

QString InvoicesModel::displayText(const InvoiceRecord &r, int column) const
{
    switch (Column(column)) {
    case Number:
        return numberText(r);
    case Date:
        return dateText(r.txnDate);
    case Client:
        return r.customerName.isEmpty() ? r.customerId : r.customerName;
    case Due:
        return dateText(r.dueDate);
    case Total:
        return moneyText(r.total);
    case Balance:
        return moneyText(r.balance);
    case QuickBooksStatus:
        return withDelivery(statusText(r.status), r.quickbooksDelivery);
    case CalcomSessions:
        return sessionsText(r);
    case HubSpotDeals:
        return dealsText(r);
    case Disagreements:
        if (r.disagreements.isEmpty())
            return {};
        if (r.disagreements.size() == 1)
            return r.disagreements.first().reason;
        //: The first disagreement's reason, then how many more there are
        return tr("%1 (+%n more)", nullptr, int(r.disagreements.size() - 1)).arg(r.disagreements.first().reason);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant InvoicesModel::recordData(int record, int column, int role) const
{
    const InvoiceRecord &r = m_data.rows.at(record);
    switch (role) {
    case Qt::DisplayRole:
        return displayText(r, column);
    case Qt::ToolTipRole:
        switch (Column(column)) {
        case Number:
            return r.quickbooksId.isEmpty() ? QString()
                                            : tr("QuickBooks invoice id %1").arg(r.quickbooksId);
        case QuickBooksStatus:
            return deliverySentence(r.quickbooksDelivery);
        case CalcomSessions: {
            QStringList lines;
            for (const Services::InvoiceSession &s : r.sessions)
                lines << tr("%1 · %2 · booking %3")
                             .arg(s.start.local().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                  statusText(s.status),
                                  s.calcomUid.isEmpty() ? tr("not linked") : s.calcomUid);
            return lines.join(QLatin1Char('\n'));
        }
        case HubSpotDeals:
            return deliverySentence(r.hubspotDelivery);
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (column == Total || column == Balance)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

bool InvoicesModel::isNumericColumn(int column) const
{
    return column == Date || column == Due || column == Total || column == Balance
        || column == Disagreements;
}

qint64 InvoicesModel::numberKey(int record, int column) const
{
    const InvoiceRecord &r = m_data.rows.at(record);
    switch (column) {
    case Date:
        return r.txnDate.isValid() ? r.txnDate.toJulianDay() : std::numeric_limits<qint64>::min();
    case Due:
        return r.dueDate.isValid() ? r.dueDate.toJulianDay() : std::numeric_limits<qint64>::min();
    case Total:
        return r.total.minorUnits();
    case Balance:
        return r.balance.minorUnits();
    case Disagreements: {
        const qint64 rank = toneOf(r.disagreements) == Theme::Tone::Bad ? 2
            : r.disagreements.isEmpty()                                 ? 0
                                                                        : 1;
        return rank * 1000 + r.disagreements.size();
    }
    default:
        return 0;
    }
}

QString InvoicesModel::textKey(int record, int column) const
{
    const InvoiceRecord &r = m_data.rows.at(record);
    if (column == Number && !r.docNumber.isEmpty())
        return QStringLiteral("%1").arg(r.docNumber, 20, QLatin1Char('0')); // "998" before "1002"
    return displayText(r, column);
}

void InvoicesModel::appendSearchText(int record, QString &out) const
{
    const InvoiceRecord &r = m_data.rows.at(record);
    for (const QString *text : { &r.docNumber, &r.quickbooksId, &r.customerName, &r.customerId })
        appendFolded(out, *text);
    appendFolded(out, QString::number(r.id));
    appendFolded(out, cachedText(r.status));
    for (const Services::InvoiceSession &s : r.sessions) {
        appendFolded(out, s.calcomUid);
        appendFolded(out, s.dealId);
        appendFolded(out, cachedText(s.status));
        appendFolded(out, cachedStageLabel(s.expectedStage));
    }
    for (const Services::Disagreement &d : r.disagreements)
        appendFolded(out, d.reason);
}

std::optional<System> InvoicesModel::columnSystem(int column) const
{
    switch (column) {
    case Due:
    case Total:
    case Balance:
    case QuickBooksStatus:
        return System::QuickBooks;
    case CalcomSessions:
        return System::CalCom;
    case HubSpotDeals:
        return System::HubSpot;
    default:
        return std::nullopt;
    }
}

QString InvoicesModel::columnTitle(int column) const
{
    switch (Column(column)) {
    case Number:
        return tr("Number");
    case Date:
        return tr("Date");
    case Client:
        return tr("Client");
    case Due:
        return tr("Due");
    case Total:
        return tr("Total");
    case Balance:
        return tr("Balance");
    case QuickBooksStatus:
        return tr("Status");
    case CalcomSessions:
        return tr("Sessions");
    case HubSpotDeals:
        return tr("Deals");
    case Disagreements:
        return tr("Disagreements");
    case ColumnCount:
        break;
    }
    return {};
}

QString InvoicesModel::groupHeading(int column) const
{
    return column == Disagreements ? tr("All systems") : tr("Invoice");
}

} // namespace Concord::Ui
