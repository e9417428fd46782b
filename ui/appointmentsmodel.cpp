#include "appointmentsmodel.h"

#include <QTimeZone>

namespace Concord::Ui {

using Domain::System;
using Services::AppointmentRecord;
using Services::DeliveryState;

AppointmentsModel::AppointmentsModel(QObject *parent)
    : RecordsPageModel(parent)
{
}

void AppointmentsModel::setSnapshot(const Services::AppointmentsData &data)
{
    resetSnapshot([&] {
        m_data = data;
        m_recordById = indexById(m_data.rows);
    });
}

const AppointmentRecord *AppointmentsModel::record(qint64 id) const
{
    return findById(m_data.rows, m_recordById, id);
}

int AppointmentsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AppointmentsModel::startText(const Domain::ZonedInstant &start)
{
    if (!start.isValid())
        return {};
    const QTimeZone zone(start.zoneId().toUtf8());
    const QString abbreviation = zone.isValid() ? zone.abbreviation(start.utc()) : start.zoneId();
    return start.local().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QLatin1Char(' ')
        + abbreviation;
}

QString AppointmentsModel::startToolTip(const Domain::ZonedInstant &start)
{
    if (!start.isValid())
        return {};
    return tr("%1 in %2 (%3 UTC)")
        .arg(start.local().toString(QStringLiteral("yyyy-MM-dd HH:mm")), start.zoneId(),
             start.utc().toString(QStringLiteral("HH:mm")));
}

QString AppointmentsModel::dealText(const AppointmentRecord &r)
{
    if (!r.dealId.isEmpty())
        return tr("Deal %1").arg(r.dealId);
    switch (r.hubspotDelivery.state) {
    case DeliveryState::Waiting:
        return tr("Being created");
    case DeliveryState::Failed:
        return tr("Not created · change failed");
    case DeliveryState::Carried:
    case DeliveryState::NothingSent:
        break;
    }
    return tr("Not linked");
}

QString AppointmentsModel::stageText(const AppointmentRecord &r)
{
    if (r.dealId.isEmpty()) {
        switch (r.hubspotDelivery.state) {
        case DeliveryState::Waiting:
            return tr("Deal being created");
        case DeliveryState::Failed:
            return tr("Deal not created · change failed");
        case DeliveryState::Carried:
        case DeliveryState::NothingSent:
            break;
        }
        return tr("No deal");
    }
    const QString expected = Services::dealStageLabel(r.expectedStage);
    QString text = expected;
    if (!r.seenStage.isEmpty() && r.seenStage != r.expectedStage)
        text =
            tr("%1 in HubSpot (should be %2)").arg(Services::dealStageLabel(r.seenStage), expected);
    // The deal's updates carry its stage: their state goes with it.
    return withDelivery(text, r.hubspotDelivery);
}

QString AppointmentsModel::invoiceText(const AppointmentRecord &r)
{
    if (r.invoiceId != 0)
        return r.docNumber.isEmpty() ? tr("Invoice %1").arg(r.quickbooksInvoiceId) : r.docNumber;
    switch (r.quickbooksDelivery.state) {
    case DeliveryState::Waiting:
        return tr("Being created");
    case DeliveryState::Failed:
        return tr("Not created");
    case DeliveryState::Carried:
    case DeliveryState::NothingSent:
        break;
    }
    return tr("Not invoiced");
}

QString AppointmentsModel::invoiceStatusText(const AppointmentRecord &r)
{
    return withDelivery(r.invoiceId != 0 ? statusText(r.invoiceStatus) : QString(),
                        r.quickbooksDelivery);
}

QString AppointmentsModel::displayText(const AppointmentRecord &r, int column) const
{
    switch (Column(column)) {
    case Start:
        return startText(r.start);
    case Client:
        return r.customerName.isEmpty() ? r.customerId : r.customerName;
    case Service:
        return r.title;
    case CalcomStatus:
        return withDelivery(statusText(r.status), r.calcomDelivery);
    case HubSpotDeal:
        return dealText(r);
    case HubSpotStage:
        return stageText(r);
    case QuickBooksInvoice:
        return invoiceText(r);
    case QuickBooksStatus:
        return invoiceStatusText(r);
    case QuickBooksBalance:
        return r.invoiceId != 0 ? moneyText(r.invoiceBalance) : QString();
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

QVariant AppointmentsModel::recordData(int record, int column, int role) const
{
    const AppointmentRecord &r = m_data.rows.at(record);
    switch (role) {
    case Qt::DisplayRole:
        return displayText(r, column);
    case Qt::ToolTipRole:
        switch (Column(column)) {
        case Start:
            return startToolTip(r.start);
        case Service:
            return r.staffName.isEmpty() ? QString() : tr("With %1").arg(r.staffName);
        case CalcomStatus:
            return r.calcomUid.isEmpty() ? tr("Not linked to a Cal.com booking")
                                         : tr("Booking %1").arg(r.calcomUid);
        case HubSpotDeal:
        case HubSpotStage: {
            QString tip =
                r.dealId.isEmpty() ? tr("No HubSpot deal is linked.") : tr("Deal %1").arg(r.dealId);
            if (!r.expectedStage.isEmpty())
                tip += QLatin1Char('\n')
                    + tr("Stage by Concord's mapping: %1")
                          .arg(Services::dealStageLabel(r.expectedStage));
            return tip + QLatin1Char('\n') + deliverySentence(r.hubspotDelivery);
        }
        case QuickBooksInvoice:
        case QuickBooksStatus:
        case QuickBooksBalance:
            return deliverySentence(r.quickbooksDelivery);
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (column == QuickBooksBalance)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

bool AppointmentsModel::isNumericColumn(int column) const
{
    return column == Start || column == QuickBooksBalance || column == Disagreements;
}

qint64 AppointmentsModel::numberKey(int record, int column) const
{
    const AppointmentRecord &r = m_data.rows.at(record);
    switch (column) {
    case Start:
        return r.start.toMSecsSinceEpoch();
    case QuickBooksBalance:
        // No invoice sorts below a zero balance.
        return r.invoiceId != 0 ? r.invoiceBalance.minorUnits()
                                : std::numeric_limits<qint64>::min();
    case Disagreements: {
        // Those a person must act on first, then by how many.
        const qint64 rank = toneOf(r.disagreements) == Theme::Tone::Bad ? 2
            : r.disagreements.isEmpty()                                 ? 0
                                                                        : 1;
        return rank * 1000 + r.disagreements.size();
    }
    default:
        return 0;
    }
}

QString AppointmentsModel::textKey(int record, int column) const
{
    const AppointmentRecord &r = m_data.rows.at(record);
    if (column == QuickBooksInvoice && r.invoiceId != 0 && !r.docNumber.isEmpty()) {
        // Invoice numbers are numbers: "998" before "1002".
        return QStringLiteral("%1").arg(r.docNumber, 20, QLatin1Char('0'));
    }
    return displayText(r, column);
}

void AppointmentsModel::appendSearchText(int record, QString &out) const
{
    const AppointmentRecord &r = m_data.rows.at(record);
    for (const QString *text : { &r.customerName, &r.customerId, &r.title, &r.staffName,
                                 &r.calcomUid, &r.dealId, &r.docNumber, &r.quickbooksInvoiceId })
        appendFolded(out, *text);
    appendFolded(out, QString::number(r.id));
    appendFolded(out, cachedText(r.status));
    appendFolded(out, cachedStageLabel(r.expectedStage));
    if (!r.seenStage.isEmpty())
        appendFolded(out, cachedStageLabel(r.seenStage));
    if (r.invoiceId != 0)
        appendFolded(out, cachedText(r.invoiceStatus));
    for (const Services::Disagreement &d : r.disagreements)
        appendFolded(out, d.reason);
}

std::optional<System> AppointmentsModel::columnSystem(int column) const
{
    switch (column) {
    case CalcomStatus:
        return System::CalCom;
    case HubSpotDeal:
    case HubSpotStage:
        return System::HubSpot;
    case QuickBooksInvoice:
    case QuickBooksStatus:
    case QuickBooksBalance:
        return System::QuickBooks;
    default:
        return std::nullopt;
    }
}

QString AppointmentsModel::columnTitle(int column) const
{
    switch (Column(column)) {
    case Start:
        return tr("Starts (local there)");
    case Client:
        return tr("Client");
    case Service:
        return tr("Service");
    case CalcomStatus:
        return tr("Booking");
    case HubSpotDeal:
        return tr("Deal");
    case HubSpotStage:
        return tr("Deal stage");
    case QuickBooksInvoice:
        return tr("Invoice");
    case QuickBooksStatus:
        return tr("Status");
    case QuickBooksBalance:
        return tr("Balance");
    case Disagreements:
        return tr("Disagreements");
    case ColumnCount:
        break;
    }
    return {};
}

QString AppointmentsModel::groupHeading(int column) const
{
    return column == Disagreements ? tr("All systems") : tr("Appointment");
}

} // namespace Concord::Ui
