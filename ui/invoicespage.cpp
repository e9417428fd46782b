#include "invoicespage.h"

#include "appointmentsmodel.h"
#include "invoicesmodel.h"

#include <QTableView>

namespace Concord::Ui {

using Domain::System;
using Services::InvoiceRecord;

InvoicesPage::InvoicesPage(const Clock &clock, QWidget *parent)
    : RecordsPageBase(clock, parent)
    , m_model(new InvoicesModel(this))
{
    setObjectName(QStringLiteral("invoicesPage"));
    build(m_model, tr("Invoices"),
          tr("Each QuickBooks invoice beside the Cal.com sessions it bills and their HubSpot "
             "deals; where they "
             "disagree, the row is marked and says why."),
          today().addDays(-kDefaultDaysBack), today().addDays(kDefaultDaysAhead));
    view()->setAccessibleName(tr("Invoices in QuickBooks, Cal.com and HubSpot"));

    // The invoice date and the total are in the details pane: at the
    // window's usual width the three systems' columns come first.
    setUpColumns({ { InvoicesModel::Number, QStringLiteral("INV-1002") },
                   { InvoicesModel::Date, QStringLiteral("2026-03-28") },
                   { InvoicesModel::Client, QStringLiteral("Theodora Lindqvi") },
                   { InvoicesModel::Due, QStringLiteral("2026-03-28") },
                   { InvoicesModel::Total, QStringLiteral("$1,000.00") },
                   { InvoicesModel::Balance, QStringLiteral("$1,000.00") },
                   { InvoicesModel::QuickBooksStatus, QStringLiteral("Partly paid") },
                   { InvoicesModel::CalcomSessions, QStringLiteral("Completed · 2026-03-28") },
                   { InvoicesModel::HubSpotDeals, QStringLiteral("Deal 9003 · Closed won") } },
                 { InvoicesModel::Date, InvoicesModel::Total });
}

void InvoicesPage::setData(const Services::InvoicesData &data)
{
    m_model->setSnapshot(data);
    if (data.from.isValid() && data.to.isValid())
        showRange(data.from, data.to);
    snapshotArrived(data.matching, data.limit, data.truncated);
}

void InvoicesPage::requestRange(const QDate &from, const QDate &to)
{
    Q_EMIT reloadRequested(from, to);
}

QString InvoicesPage::countWords(int n) const
{
    return tr("%Ln invoices", nullptr, n);
}

QString InvoicesPage::emptyRangeText(const QDate &from, const QDate &to) const
{
    return tr("No invoices dated from %1 to %2. Choose other days above.")
        .arg(RecordsPageModel::dateText(from), RecordsPageModel::dateText(to));
}

RecordsPageBase::Details InvoicesPage::describe(qint64 id) const
{
    Details d;
    const InvoiceRecord *r = m_model->record(id);
    if (!r)
        return d;
    const QList<Domain::Connection> &connections = m_model->snapshot().connections;
    const QString client = r->customerName.isEmpty() ? r->customerId : r->customerName;
    d.headline =
        tr("Invoice %1 · %2 · %3")
            .arg(InvoicesModel::numberText(*r), client, RecordsPageModel::moneyText(r->total));
    QStringList meta = { tr("dated %1").arg(RecordsPageModel::dateText(r->txnDate)) };
    if (r->dueDate.isValid())
        meta << tr("due %1").arg(RecordsPageModel::dateText(r->dueDate));
    if (r->lateFee)
        meta << tr("late-cancellation fee");
    d.meta = meta.join(QStringLiteral(" · "));

    Card qbo;
    qbo.lines << tr("Invoice: %1").arg(InvoicesModel::numberText(*r))
              << tr("Status: %1").arg(RecordsPageModel::statusText(r->status))
              << tr("Total %1 · balance %2")
                     .arg(RecordsPageModel::moneyText(r->total),
                          RecordsPageModel::moneyText(r->balance));
    if (!r->invoiceLink.isEmpty())
        qbo.lines << tr("Customer's link: %1").arg(r->invoiceLink);
    qbo.delivery = RecordsPageModel::deliverySentence(r->quickbooksDelivery);
    setLink(qbo, System::QuickBooks, QStringLiteral("invoice"), tr("invoice"), r->quickbooksId,
            connections);
    d.cards.insert(System::QuickBooks, qbo);

    // Sessions and deals: one line each; the link opens the first.
    Card cal;
    Card hub;
    QString firstUid;
    QString firstDeal;
    for (const Services::InvoiceSession &s : r->sessions) {
        cal.lines << tr("%1 · %2 · %3")
                         .arg(AppointmentsModel::startText(s.start),
                              RecordsPageModel::statusText(s.status),
                              s.calcomUid.isEmpty() ? tr("no booking") : s.calcomUid);
        hub.lines << tr("%1 · %2").arg(s.dealId.isEmpty() ? tr("No deal")
                                                          : tr("Deal %1").arg(s.dealId),
                                       Services::dealStageLabel(s.expectedStage));
        if (firstUid.isEmpty())
            firstUid = s.calcomUid;
        if (firstDeal.isEmpty())
            firstDeal = s.dealId;
    }
    if (r->sessions.isEmpty()) {
        cal.lines << tr("No session is on this invoice.");
        hub.lines << tr("No deal: no session is on this invoice.");
    }
    cal.delivery = RecordsPageModel::deliverySentence(r->calcomDelivery);
    hub.delivery = RecordsPageModel::deliverySentence(r->hubspotDelivery);
    setLink(cal, System::CalCom, QStringLiteral("booking"), tr("booking"), firstUid, connections);
    setLink(hub, System::HubSpot, QStringLiteral("deal"), tr("deal"), firstDeal, connections);
    d.cards.insert(System::CalCom, cal);
    d.cards.insert(System::HubSpot, hub);

    d.reasons = RecordsPageModel::reasonsOf(r->disagreements);
    d.tone = RecordsPageModel::toneOf(r->disagreements);
    for (const Services::Disagreement &x : r->disagreements) {
        if (x.jobId != 0) {
            d.jobId = x.jobId;
            break;
        }
    }
    for (const Services::Delivery *delivery :
         { &r->quickbooksDelivery, &r->hubspotDelivery, &r->calcomDelivery }) {
        if (d.jobId == 0 && delivery->jobId != 0)
            d.jobId = delivery->jobId;
    }
    return d;
}

} // namespace Concord::Ui
