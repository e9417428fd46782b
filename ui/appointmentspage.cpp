#include "appointmentspage.h"

#include "appointmentsmodel.h"
#include "pageheader.h"
#include "security/permissions.h"
#include "theme.h"

#include <QDateEdit>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>

namespace Concord::Ui {

using Domain::System;
using Services::AppointmentRecord;

namespace {

QDateTime localMidnightUtc(const QDate &date)
{
    return QDateTime(date, QTime(0, 0), Qt::LocalTime).toUTC();
}

} // namespace

AppointmentsPage::AppointmentsPage(const Clock &clock, QWidget *parent)
    : RecordsPageBase(clock, parent)
    , m_model(new AppointmentsModel(this))
{
    setObjectName(QStringLiteral("appointmentsPage"));
    build(m_model, tr("Appointments"),
          tr("Each appointment as Cal.com, HubSpot and QuickBooks hold it, side by side; where "
             "they disagree, "
             "the row is marked and says why."),
          today().addDays(-kDefaultDaysBack), today().addDays(kDefaultDaysAhead));
    view()->setAccessibleName(tr("Appointments in Cal.com, HubSpot and QuickBooks"));

    // The service and the deal's id are in the details pane: at the
    // window's usual width the three systems' states come first (the
    // header's menu brings them back).
    setUpColumns({ { AppointmentsModel::Start, QStringLiteral("2026-03-28 16:00 AEDT") },
                   { AppointmentsModel::Client, QStringLiteral("Theodora Lindq") },
                   { AppointmentsModel::Service, QStringLiteral("1-Hour Math Tutoring") },
                   { AppointmentsModel::CalcomStatus, QStringLiteral("Rescheduled") },
                   { AppointmentsModel::HubSpotDeal, QStringLiteral("Deal 12345678") },
                   { AppointmentsModel::HubSpotStage, QStringLiteral("Closed lost · change w") },
                   { AppointmentsModel::QuickBooksInvoice, QStringLiteral("Not invoiced") },
                   { AppointmentsModel::QuickBooksStatus, QStringLiteral("Partly paid") },
                   { AppointmentsModel::QuickBooksBalance, QStringLiteral("$1,000.00") } },
                 { AppointmentsModel::Service, AppointmentsModel::HubSpotDeal });

    // [issue 9] The manual invoice trigger, beside Refresh in the header.
    m_invoiceOutcome = new QLabel(this);
    m_invoiceOutcome->setObjectName(QStringLiteral("invoiceOutcome"));
    m_invoiceOutcome->setWordWrap(true);
    m_invoiceOutcome->setMaximumWidth(320);
    m_invoiceOutcome->setStyleSheet(
        QStringLiteral("QLabel#invoiceOutcome { color: %1; }").arg(Theme::mutedText().name()));
    m_createInvoice = new QPushButton(tr("Create &invoice now"), this);
    m_createInvoice->setObjectName(QStringLiteral("createInvoiceButton"));
    m_createInvoice->setAccessibleName(tr("Create the QuickBooks invoice for the selected session now"));
    if (auto *header = findChild<PageHeader *>()) {
        header->addTrailingWidget(m_invoiceOutcome);
        header->addTrailingWidget(m_createInvoice);
    }
    connect(m_createInvoice, &QPushButton::clicked, this, [this] {
        if (currentId() != 0)
            Q_EMIT createInvoiceRequested(currentId());
    });
    // After the base class's own handlers (connected in build()).
    connect(view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AppointmentsPage::updateCreateInvoiceButton);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AppointmentsPage::updateCreateInvoiceButton);
    updateCreateInvoiceButton();
}

void AppointmentsPage::setRole(Domain::Role role)
{
    RecordsPageBase::setRole(role);
    updateCreateInvoiceButton();
}

void AppointmentsPage::showInvoiceOutcome(const QString &message)
{
    m_invoiceOutcome->setText(message);
    updateCreateInvoiceButton();
}

QString AppointmentsPage::invoiceOutcomeText() const
{
    return m_invoiceOutcome->text();
}

void AppointmentsPage::updateCreateInvoiceButton()
{
    const AppointmentRecord *r = currentId() != 0 ? m_model->record(currentId()) : nullptr;
    QString why;
    if (!Security::roleHas(role(), Security::Permission::EditBilling))
        why = tr("Only an owner or a bookkeeper may create invoices.");
    else if (!r)
        why = tr("Select a session first.");
    else if (r->status == Domain::AppointmentStatus::Canceled)
        why = tr("The session was canceled: there is nothing to invoice.");
    else if (r->invoiceId != 0)
        why = tr("The session is invoiced already (%1).").arg(AppointmentsModel::invoiceText(*r));
    m_createInvoice->setEnabled(why.isEmpty());
    m_createInvoice->setToolTip(why.isEmpty() ? tr("Queue the QuickBooks invoice for this session now, as the "
                                                   "invoice policy would; the next sync sends it.")
                                              : why);
}

std::pair<QDateTime, QDateTime> AppointmentsPage::window() const
{
    return { localMidnightUtc(fromEdit()->date()), localMidnightUtc(toEdit()->date().addDays(1)) };
}

void AppointmentsPage::setData(const Services::AppointmentsData &data)
{
    m_model->setSnapshot(data);
    if (data.fromUtc.isValid() && data.toUtc.isValid())
        showRange(data.fromUtc.toLocalTime().date(), data.toUtc.addMSecs(-1).toLocalTime().date());
    snapshotArrived(data.matching, data.limit, data.truncated);
}

void AppointmentsPage::requestRange(const QDate &from, const QDate &to)
{
    Q_EMIT reloadRequested(localMidnightUtc(from), localMidnightUtc(to.addDays(1)));
}

QString AppointmentsPage::countWords(int n) const
{
    return tr("%Ln appointments", nullptr, n);
}

QString AppointmentsPage::emptyRangeText(const QDate &from, const QDate &to) const
{
    return tr("No appointments from %1 to %2. Choose other days above.")
        .arg(RecordsPageModel::dateText(from), RecordsPageModel::dateText(to));
}

RecordsPageBase::Details AppointmentsPage::describe(qint64 id) const
{
    Details d;
    const AppointmentRecord *r = m_model->record(id);
    if (!r)
        return d;
    const QList<Domain::Connection> &connections = m_model->snapshot().connections;
    const QString client = r->customerName.isEmpty() ? r->customerId : r->customerName;
    d.headline = tr("%1 · %2 · %3").arg(client, r->title, AppointmentsModel::startText(r->start));
    QStringList meta = { tr("Appointment #%1").arg(r->id),
                         tr("%n min", nullptr, r->durationMinutes) };
    if (!r->staffName.isEmpty())
        meta << tr("with %1").arg(r->staffName);
    meta << AppointmentsModel::startToolTip(r->start);
    d.meta = meta.join(QStringLiteral(" · "));

    Card cal;
    cal.lines << tr("Booking: %1").arg(r->calcomUid.isEmpty() ? tr("not linked") : r->calcomUid)
              << tr("Status: %1").arg(RecordsPageModel::statusText(r->status));
    cal.delivery = RecordsPageModel::deliverySentence(r->calcomDelivery);
    setLink(cal, System::CalCom, QStringLiteral("booking"), tr("booking"), r->calcomUid,
            connections);
    d.cards.insert(System::CalCom, cal);

    Card hub;
    hub.lines
        << tr("Deal: %1").arg(r->dealId.isEmpty() ? AppointmentsModel::dealText(*r) : r->dealId);
    if (!r->expectedStage.isEmpty())
        hub.lines
            << tr("Stage by Concord's mapping: %1").arg(Services::dealStageLabel(r->expectedStage));
    if (!r->seenStage.isEmpty())
        hub.lines << tr("Stage set in HubSpot: %1").arg(Services::dealStageLabel(r->seenStage));
    hub.lines << tr("Contact: %1")
                     .arg(r->hubspotContactId.isEmpty() ? tr("not linked") : r->hubspotContactId);
    hub.delivery = RecordsPageModel::deliverySentence(r->hubspotDelivery);
    if (!r->dealId.isEmpty() || r->hubspotContactId.isEmpty())
        setLink(hub, System::HubSpot, QStringLiteral("deal"), tr("deal"), r->dealId, connections);
    else
        setLink(hub, System::HubSpot, QStringLiteral("contact"), tr("contact"), r->hubspotContactId,
                connections);
    d.cards.insert(System::HubSpot, hub);

    Card qbo;
    if (r->invoiceId != 0) {
        qbo.lines << tr("Invoice: %1").arg(AppointmentsModel::invoiceText(*r))
                  << tr("Status: %1").arg(RecordsPageModel::statusText(r->invoiceStatus))
                  << tr("Total %1 · balance %2")
                         .arg(RecordsPageModel::moneyText(r->invoiceTotal),
                              RecordsPageModel::moneyText(r->invoiceBalance));
        if (r->dueDate.isValid())
            qbo.lines << tr("Due: %1").arg(RecordsPageModel::dateText(r->dueDate));
    } else {
        qbo.lines << tr("Invoice: %1").arg(AppointmentsModel::invoiceText(*r));
    }
    qbo.lines << tr("Customer: %1")
                     .arg(r->quickbooksCustomerId.isEmpty() ? tr("not linked")
                                                            : r->quickbooksCustomerId);
    qbo.delivery = RecordsPageModel::deliverySentence(r->quickbooksDelivery);
    if (r->invoiceId != 0 || r->quickbooksCustomerId.isEmpty())
        setLink(qbo, System::QuickBooks, QStringLiteral("invoice"), tr("invoice"),
                r->quickbooksInvoiceId, connections);
    else
        setLink(qbo, System::QuickBooks, QStringLiteral("customer"), tr("customer"),
                r->quickbooksCustomerId, connections);
    d.cards.insert(System::QuickBooks, qbo);

    d.reasons = RecordsPageModel::reasonsOf(r->disagreements);
    d.tone = RecordsPageModel::toneOf(r->disagreements);
    for (const Services::Disagreement &x : r->disagreements) {
        if (x.jobId != 0) {
            d.jobId = x.jobId;
            break;
        }
    }
    for (const Services::Delivery *delivery :
         { &r->calcomDelivery, &r->hubspotDelivery, &r->quickbooksDelivery }) {
        if (d.jobId == 0 && delivery->jobId != 0)
            d.jobId = delivery->jobId;
    }
    return d;
}

} // namespace Concord::Ui
