#include "billingrulespage.h"

#include "billing/billingrules.h"
#include "roletext.h"
#include "billing/invoiceplan.h"
#include "billingrulesdialogs.h"
#include "localtimedelegate.h"
#include "pageheader.h"
#include "security/permissions.h"
#include "theme.h"

#include <QComboBox>
#include <QCompleter>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMetaEnum>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Concord::Ui {

using Domain::DiscountRule;
using Domain::InvoicePolicy;
using Domain::Role;
using Domain::TaxRule;
using Section = BillingRulesPage::Section;
using namespace BillingRulesRoles;

namespace {

constexpr std::array kSections = { Section::TaxRules, Section::Discounts,
                                   Section::InvoicePolicies };

int indexOf(Section section)
{
    return int(section);
}

// Who may edit billing rules, in words: the specialised role first, the
// owner (who may do everything) last.
QString whoMayEdit()
{
    return RoleText::whoMay(Security::Permission::EditBilling);
}

void styleBanner(QWidget *banner, const QString &objectName, Theme::Tone tone)
{
    banner->setObjectName(objectName);
    banner->setStyleSheet(QStringLiteral("#%1 { background: %2; color: %3; border: 1px solid %4;"
                                         " border-radius: 6px; }"
                                         " #%1 QLabel { color: %3; }")
                              .arg(objectName, Theme::toneBackground(tone).name(),
                                   Theme::toneText(tone).name(), Theme::toneColor(tone).name()));
}

QLabel *bannerLabel(const QString &objectName, Theme::Tone tone, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setContentsMargins(12, 8, 12, 8);
    styleBanner(label, objectName, tone);
    label->hide();
    return label;
}

QLabel *fieldLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("fieldLabel"));
    label->setBuddy(buddy);
    return label;
}

bool isDefaultPolicy(const InvoicePolicy &policy)
{
    return policy.serviceId == 0 && policy.customerId.isEmpty();
}

} // namespace

BillingRulesPage::BillingRulesPage(QWidget *parent)
    : QWidget(parent)
    , m_taxModel(new TaxRulesModel(this))
    , m_discountModel(new DiscountRulesModel(this))
    , m_policyModel(new InvoicePoliciesModel(this))
    , m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("billingRulesPage"));
    m_confirmer = [](QWidget *parent, const QString &title, const QString &question) {
        QMessageBox box(QMessageBox::Warning, title, question, QMessageBox::NoButton, parent);
        QPushButton *remove = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
        QPushButton *cancel = box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(cancel); // Enter must not delete
        box.exec();
        return box.clickedButton() == remove;
    };

    auto *header = new PageHeader(
        tr("Tax, discounts and invoicing"),
        tr("Which QuickBooks tax code, discount and invoice policy each session gets. QuickBooks "
           "computes tax and totals; Concord only picks the rule."),
        this);
    auto *reload = new QPushButton(Theme::icon(QStringLiteral("refresh")), tr("Reload"), this);
    reload->setObjectName(QStringLiteral("reloadButton"));
    reload->setToolTip(tr("Read the rules again"));
    connect(reload, &QPushButton::clicked, this, &BillingRulesPage::refreshRequested);
    header->addTrailingWidget(reload);

    m_notice = bannerLabel(QStringLiteral("roleNotice"), Theme::Tone::Info, this);

    m_errorBanner = new QFrame(this);
    styleBanner(m_errorBanner, QStringLiteral("billingErrorBanner"), Theme::Tone::Bad);
    m_errorText = new QLabel(m_errorBanner);
    m_errorText->setWordWrap(true);
    m_errorText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *dismiss = new QToolButton(m_errorBanner);
    dismiss->setText(QStringLiteral("×"));
    dismiss->setAutoRaise(true);
    dismiss->setToolTip(tr("Dismiss"));
    dismiss->setAccessibleName(tr("Dismiss"));
    connect(dismiss, &QToolButton::clicked, this, &BillingRulesPage::clearError);
    auto *errorLayout = new QHBoxLayout(m_errorBanner);
    errorLayout->setContentsMargins(12, 8, 6, 8);
    errorLayout->addWidget(m_errorText, 1);
    errorLayout->addWidget(dismiss, 0, Qt::AlignTop);
    m_errorBanner->hide();

    m_tabs->setObjectName(QStringLiteral("billingRulesTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createSection(Section::TaxRules, m_taxModel, BillingRulesText::precedenceHelp(),
                                 tr("tax rule")),
                   tr("Tax codes"));
    m_tabs->addTab(createSection(Section::Discounts, m_discountModel,
                                 tr("QuickBooks applies the discount on the invoice. %1")
                                     .arg(BillingRulesText::precedenceHelp()),
                                 tr("discount rule")),
                   tr("Discounts"));
    m_tabs->addTab(createSection(Section::InvoicePolicies, m_policyModel,
                                 tr("How sessions are invoiced, what a cancellation does to the "
                                    "money, and when a client's overdue balance blocks new "
                                    "bookings. A client's own policy beats a service's, which "
                                    "beats the default."),
                                 tr("invoice policy")),
                   tr("Invoice policies"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 20);
    layout->setSpacing(14);
    layout->addWidget(header);
    layout->addWidget(m_notice);
    layout->addWidget(m_errorBanner);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(createPreview());

    updateEmptyStates();
    updateActions();
    updatePreview();
}

QWidget *BillingRulesPage::createSection(Section section, QAbstractItemModel *model,
                                         const QString &help, const QString &noun)
{
    SectionUi &s = m_sections[indexOf(section)];
    auto *page = new QWidget(m_tabs);

    auto *helpLabel = new QLabel(help, page);
    helpLabel->setObjectName(QStringLiteral("fieldLabel"));
    helpLabel->setWordWrap(true);

    s.add = new QPushButton(tr("&Add…"), page);
    s.edit = new QPushButton(tr("&Edit…"), page);
    s.remove = new QPushButton(tr("&Delete…"), page);
    // "TaxRules", "Discounts", "InvoicePolicies": object names for tests and styling.
    const QString name =
        QString::fromLatin1(QMetaEnum::fromType<Section>().valueToKey(int(section)));
    s.add->setObjectName(QStringLiteral("add") + name);
    s.edit->setObjectName(QStringLiteral("edit") + name);
    s.remove->setObjectName(QStringLiteral("delete") + name);
    //: %1 = "tax rule", "discount rule" or "invoice policy"
    s.add->setAccessibleName(tr("Add %1").arg(noun));
    s.edit->setAccessibleName(tr("Edit the selected %1").arg(noun));
    s.remove->setAccessibleName(tr("Delete the selected %1").arg(noun));
    connect(s.add, &QPushButton::clicked, this, [this, section] { addRule(section); });
    connect(s.edit, &QPushButton::clicked, this, [this, section] { editCurrent(section); });
    connect(s.remove, &QPushButton::clicked, this, [this, section] { deleteCurrent(section); });

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    buttons->addWidget(helpLabel, 1);
    buttons->addSpacing(12);
    buttons->addWidget(s.add, 0, Qt::AlignBottom);
    buttons->addWidget(s.edit, 0, Qt::AlignBottom);
    buttons->addWidget(s.remove, 0, Qt::AlignBottom);

    s.notice = bannerLabel(QStringLiteral("sectionNotice") + name, Theme::Tone::Warning, page);

    s.proxy = new QSortFilterProxyModel(page);
    s.proxy->setSourceModel(model);
    s.proxy->setSortRole(SortRole);
    s.proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    s.view = new QTableView(page);
    s.view->setObjectName(name.at(0).toLower() + name.mid(1) + QStringLiteral("Table"));
    s.view->setAccessibleName(section == Section::TaxRules        ? tr("Tax rules")
                                  : section == Section::Discounts ? tr("Discount rules")
                                                                  : tr("Invoice policies"));
    s.view->setModel(s.proxy);
    s.view->setSelectionBehavior(QAbstractItemView::SelectRows);
    s.view->setSelectionMode(QAbstractItemView::SingleSelection);
    s.view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    s.view->setAlternatingRowColors(true);
    s.view->setSortingEnabled(true);
    s.view->setWordWrap(false);
    s.view->setShowGrid(false);
    s.view->setTabKeyNavigation(false); // Tab leaves the table; arrows move inside it
    s.view->verticalHeader()->hide();
    s.view->verticalHeader()->setDefaultSectionSize(s.view->fontMetrics().height() + 12);
    s.view->sortByColumn(0, Qt::AscendingOrder); // scope: default rules first
    QHeaderView *columns = s.view->horizontalHeader();
    columns->setHighlightSections(false);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    columns->setStretchLastSection(true);
    const int editedAt = section == Section::TaxRules ? int(TaxRulesModel::EditedAt)
        : section == Section::Discounts               ? int(DiscountRulesModel::EditedAt)
                                                      : int(InvoicePoliciesModel::EditedAt);
    s.view->setItemDelegateForColumn(editedAt, new LocalTimeDelegate(s.view));

    // Enter or a double click edits; Delete deletes (with confirmation, see
    // eventFilter()).
    connect(s.view, &QTableView::activated, this, [this, section] { editCurrent(section); });
    s.view->installEventFilter(this);
    connect(s.view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &BillingRulesPage::updateActions);
    connect(s.view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &BillingRulesPage::updateActions);
    connect(s.proxy, &QAbstractItemModel::modelReset, this, &BillingRulesPage::updateActions);

    s.empty = new QLabel(page);
    s.empty->setObjectName(QStringLiteral("pageSubtitle"));
    s.empty->setAlignment(Qt::AlignCenter);
    s.empty->setWordWrap(true);
    s.empty->setMargin(24);
    s.stack = new QStackedWidget(page);
    s.stack->addWidget(s.view);
    s.stack->addWidget(s.empty);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 12, 0, 0);
    layout->setSpacing(10);
    layout->addLayout(buttons);
    layout->addWidget(s.notice);
    layout->addWidget(s.stack, 1);

    sizeColumns(section);
    return page;
}

void BillingRulesPage::sizeColumns(Section section)
{
    const SectionUi &s = ui(section);
    QHeaderView *columns = s.view->horizontalHeader();
    const QFontMetrics metrics = s.view->fontMetrics();
    QFont headerFont = columns->font();
    headerFont.setWeight(QFont::DemiBold); // as the style sheet draws section titles
    const QFontMetrics headerMetrics(headerFont);
    const QAbstractItemModel *model = s.proxy->sourceModel();
    // Widths from the font, not pixels, so they hold at any font size: wide
    // enough for a typical value and for the column title with its sort arrow.
    const auto fit = [&](int column, const QString &sample) {
        const QString title = model->headerData(column, Qt::Horizontal).toString();
        columns->resizeSection(column,
                               std::max(metrics.horizontalAdvance(sample) + 28,
                                        headerMetrics.horizontalAdvance(title) + 40));
    };
    const QString scope = QStringLiteral("All clients · Math Tutoring · All locations");
    const QString editedBy = QStringLiteral("bookkeeper");
    switch (section) {
    case Section::TaxRules:
        fit(TaxRulesModel::Scope, scope);
        fit(TaxRulesModel::TaxCode, QStringLiteral("Not taxable (NON)"));
        fit(TaxRulesModel::Priority, QStringLiteral("0"));
        fit(TaxRulesModel::Enabled, QStringLiteral("Yes"));
        fit(TaxRulesModel::EditedBy, editedBy);
        break;
    case Section::Discounts:
        fit(DiscountRulesModel::Scope, scope);
        fit(DiscountRulesModel::Discount, QStringLiteral("$100.00 off"));
        fit(DiscountRulesModel::Description, QStringLiteral("Sibling discount"));
        fit(DiscountRulesModel::Priority, QStringLiteral("0"));
        fit(DiscountRulesModel::Enabled, QStringLiteral("Yes"));
        fit(DiscountRulesModel::EditedBy, editedBy);
        break;
    case Section::InvoicePolicies:
        fit(InvoicePoliciesModel::Scope, QStringLiteral("All clients · Math Tutoring"));
        fit(InvoicePoliciesModel::Invoicing, QStringLiteral("Monthly, per client"));
        fit(InvoicePoliciesModel::Deposit, QStringLiteral("12.5 %"));
        fit(InvoicePoliciesModel::PaymentTerms, QStringLiteral("On receipt"));
        fit(InvoicePoliciesModel::Cancellation, QStringLiteral("Late fee $20.00 within 24 h"));
        fit(InvoicePoliciesModel::BookingBlock, QStringLiteral("Hold above $500.00"));
        fit(InvoicePoliciesModel::EditedBy, editedBy);
        break;
    }
}

QWidget *BillingRulesPage::createPreview()
{
    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("card"));

    auto *title = new QLabel(tr("Which rule applies?"), card);
    title->setObjectName(QStringLiteral("cardTitle"));
    auto *explain = new QLabel(tr("Pick a client, a service and a location to see what a session "
                                  "would get, exactly as invoicing chooses it."),
                               card);
    explain->setObjectName(QStringLiteral("fieldLabel"));
    explain->setWordWrap(true);

    m_previewCustomer = new QComboBox(card);
    m_previewCustomer->setAccessibleName(tr("Client for the preview"));
    m_previewCustomer->setToolTip(tr("\"Any client\" is a client with no rules of their own"));
    m_previewService = new QComboBox(card);
    m_previewService->setAccessibleName(tr("Service for the preview"));
    m_previewLocation = new QLineEdit(card);
    m_previewLocation->setAccessibleName(tr("Location for the preview"));
    m_previewLocation->setPlaceholderText(tr("Any location"));
    m_previewLocation->setClearButtonEnabled(true);
    for (QWidget *field :
         { static_cast<QWidget *>(m_previewCustomer), static_cast<QWidget *>(m_previewService),
           static_cast<QWidget *>(m_previewLocation) }) {
        field->setMinimumWidth(160);
        field->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    }

    auto *pickers = new QHBoxLayout;
    pickers->setSpacing(8);
    pickers->addWidget(fieldLabel(tr("&Client"), m_previewCustomer, card));
    pickers->addWidget(m_previewCustomer, 1);
    pickers->addSpacing(10);
    pickers->addWidget(fieldLabel(tr("&Service"), m_previewService, card));
    pickers->addWidget(m_previewService, 1);
    pickers->addSpacing(10);
    pickers->addWidget(fieldLabel(tr("&Location"), m_previewLocation, card));
    pickers->addWidget(m_previewLocation, 1);

    auto *results = new QGridLayout;
    results->setHorizontalSpacing(16);
    results->setVerticalSpacing(6);
    results->setColumnStretch(2, 1);
    const std::array captions = { tr("Tax code"), tr("Discount"), tr("Invoice policy") };
    for (Section section : kSections) {
        const int i = indexOf(section);
        auto *caption = new QLabel(captions.at(i), card);
        caption->setObjectName(QStringLiteral("fieldLabel"));
        m_previewValues[i] = new QLabel(card);
        m_previewValues[i]->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont bold = m_previewValues[i]->font();
        bold.setWeight(QFont::DemiBold);
        m_previewValues[i]->setFont(bold);
        m_previewSources[i] = new QLabel(card);
        m_previewSources[i]->setObjectName(QStringLiteral("fieldLabel"));
        m_previewSources[i]->setTextFormat(Qt::RichText);
        m_previewSources[i]->setTextInteractionFlags(Qt::LinksAccessibleByMouse
                                                     | Qt::LinksAccessibleByKeyboard);
        m_previewSources[i]->setWordWrap(true);
        connect(m_previewSources[i], &QLabel::linkActivated, this,
                [this, section, i] { selectRule(section, m_previewIds[i]); });
        results->addWidget(caption, i, 0, Qt::AlignLeft | Qt::AlignTop);
        results->addWidget(m_previewValues[i], i, 1, Qt::AlignLeft | Qt::AlignTop);
        results->addWidget(m_previewSources[i], i, 2, Qt::AlignTop);
    }

    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(20, 16, 20, 18);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(explain);
    layout->addLayout(pickers);
    layout->addSpacing(4);
    layout->addLayout(results);

    connect(m_previewCustomer, &QComboBox::currentIndexChanged, this,
            &BillingRulesPage::updatePreview);
    connect(m_previewService, &QComboBox::currentIndexChanged, this, [this] {
        // A session takes place where its service is held: fill that in,
        // unless the person typed a location of their own.
        const QString typed = m_previewLocation->text().trimmed();
        if (typed.isEmpty() || typed == m_autoLocation) {
            const qint64 serviceId = m_previewService->currentData().toLongLong();
            QString location;
            for (const Domain::Service &service : std::as_const(m_snapshot.services)) {
                if (service.id == serviceId)
                    location = service.location.trimmed();
            }
            m_autoLocation = location;
            m_previewLocation->setText(location); // updates the preview
        }
        updatePreview();
    });
    connect(m_previewLocation, &QLineEdit::textChanged, this, &BillingRulesPage::updatePreview);
    refreshPreviewChoices();
    return card;
}

bool BillingRulesPage::eventFilter(QObject *watched, QEvent *event)
{
    // The Delete key on a table deletes its current row. A key filter rather
    // than a shortcut: it only acts while that table has the keyboard.
    if (event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Delete)) {
        for (Section section : kSections) {
            if (watched == ui(section).view) {
                deleteCurrent(section);
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void BillingRulesPage::setData(const BillingRulesSnapshot &snapshot)
{
    // Keep each table's selection on the same rule across snapshots.
    std::array<qint64, 3> selected {};
    for (Section section : kSections)
        selected[indexOf(section)] = currentId(section);

    m_loaded = true;
    m_snapshot = snapshot;
    m_taxModel->setSnapshot(snapshot);
    m_discountModel->setSnapshot(snapshot);
    m_policyModel->setSnapshot(snapshot);
    for (Section section : kSections) {
        if (selected[indexOf(section)] != 0)
            selectRule(section, selected[indexOf(section)]);
    }
    refreshPreviewChoices();
    updateEmptyStates();
    updateActions();
    updatePreview();
}

void BillingRulesPage::setRole(Role role)
{
    m_role = role;
    // A dialog opened under a role that may edit is closed if that changed.
    if (!canEdit() && m_dialog)
        m_dialog->reject();
    if (canEdit()) {
        m_notice->hide();
    } else {
        m_notice->setText(
            tr("You can look at these rules. Only %1 can change them.").arg(whoMayEdit()));
        m_notice->show();
    }
    updateActions();
}

void BillingRulesPage::setConfirmer(Confirmer confirmer)
{
    m_confirmer = std::move(confirmer);
}

bool BillingRulesPage::canEdit() const
{
    return Security::roleHas(m_role, Security::Permission::EditBilling);
}

QString BillingRulesPage::editDeniedText()
{
    return tr("Only %1 can change tax and discount rules and invoice policies.").arg(whoMayEdit());
}

const BillingRulesPage::SectionUi &BillingRulesPage::ui(Section section) const
{
    return m_sections[indexOf(section)];
}

QTableView *BillingRulesPage::view(Section section) const
{
    return ui(section).view;
}

QPushButton *BillingRulesPage::addButton(Section section) const
{
    return ui(section).add;
}

QPushButton *BillingRulesPage::editButton(Section section) const
{
    return ui(section).edit;
}

QPushButton *BillingRulesPage::deleteButton(Section section) const
{
    return ui(section).remove;
}

QString BillingRulesPage::emptyText(Section section) const
{
    const SectionUi &s = ui(section);
    return s.stack->currentWidget() == s.empty ? s.empty->text() : QString();
}

QString BillingRulesPage::errorText() const
{
    return m_errorBanner->isHidden() ? QString() : m_errorText->text();
}

QString BillingRulesPage::noticeText() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

int BillingRulesPage::currentSourceRow(Section section) const
{
    const SectionUi &s = ui(section);
    const QModelIndex current = s.view->selectionModel()->currentIndex();
    if (!current.isValid() || !s.view->selectionModel()->isRowSelected(current.row(), {}))
        return -1;
    return s.proxy->mapToSource(current).row();
}

qint64 BillingRulesPage::currentId(Section section) const
{
    const SectionUi &s = ui(section);
    const QModelIndex current = s.view->selectionModel()->currentIndex();
    return current.isValid() ? current.data(IdRole).toLongLong() : 0;
}

bool BillingRulesPage::selectRule(Section section, qint64 id)
{
    const SectionUi &s = ui(section);
    const int sourceRow = section == Section::TaxRules ? m_taxModel->rowForId(id)
        : section == Section::Discounts                ? m_discountModel->rowForId(id)
                                                       : m_policyModel->rowForId(id);
    if (sourceRow < 0)
        return false;
    const QModelIndex index = s.proxy->mapFromSource(s.proxy->sourceModel()->index(sourceRow, 0));
    m_tabs->setCurrentIndex(indexOf(section));
    s.view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    s.view->scrollTo(index);
    return true;
}

void BillingRulesPage::updateActions()
{
    const bool editable = canEdit();
    for (Section section : kSections) {
        const SectionUi &s = ui(section);
        const bool hasCurrent = currentSourceRow(section) >= 0;
        s.add->setEnabled(editable && m_loaded);
        s.edit->setEnabled(editable && hasCurrent);
        s.remove->setEnabled(editable && hasCurrent);
        if (!editable) {
            for (QPushButton *button : { s.add, s.edit, s.remove })
                button->setToolTip(editDeniedText());
            continue;
        }
        const QString selectFirst = tr("Select a row first");
        switch (section) {
        case Section::TaxRules:
            s.add->setToolTip(tr("Add a tax rule"));
            s.edit->setToolTip(hasCurrent ? tr("Edit the selected tax rule (Enter)") : selectFirst);
            s.remove->setToolTip(hasCurrent ? tr("Delete the selected tax rule (Del)")
                                            : selectFirst);
            break;
        case Section::Discounts:
            s.add->setToolTip(tr("Add a discount rule"));
            s.edit->setToolTip(hasCurrent ? tr("Edit the selected discount rule (Enter)")
                                          : selectFirst);
            s.remove->setToolTip(hasCurrent ? tr("Delete the selected discount rule (Del)")
                                            : selectFirst);
            break;
        case Section::InvoicePolicies:
            s.add->setToolTip(tr("Add an invoice policy"));
            s.edit->setToolTip(hasCurrent ? tr("Edit the selected invoice policy (Enter)")
                                          : selectFirst);
            s.remove->setToolTip(hasCurrent ? tr("Delete the selected invoice policy (Del)")
                                            : selectFirst);
            break;
        }
        if (!m_loaded)
            s.add->setToolTip(tr("Available once the rules are loaded"));
    }
}

void BillingRulesPage::updateEmptyStates()
{
    for (Section section : kSections) {
        const SectionUi &s = ui(section);
        const bool empty = s.proxy->rowCount() == 0;
        if (!m_loaded) {
            s.empty->setText(tr("Loading the rules…"));
        } else if (section == Section::TaxRules) {
            s.empty->setText(
                tr("No tax rules yet.\nWithout one, QuickBooks applies each item's own tax "
                   "setting. Add a default rule (any client, service and location) to choose the "
                   "tax code for every session, then narrower rules for the exceptions."));
        } else if (section == Section::Discounts) {
            s.empty->setText(tr("No discount rules.\nSessions are invoiced at the service's "
                                "rate. Add a rule to give a client, a service or a location a "
                                "percentage or a fixed amount off."));
        } else {
            s.empty->setText(
                tr("No invoice policy yet.\nSessions follow Concord's built-in default: one invoice "
                   "per session, due in 7 days, voided or credited when canceled. Add a policy to "
                   "change that for everyone, a service or a client."));
        }
        s.stack->setCurrentWidget(empty ? static_cast<QWidget *>(s.empty)
                                        : static_cast<QWidget *>(s.view));
    }

    // Policies exist but none is the default: sessions outside them fail.
    SectionUi &policies = m_sections[indexOf(Section::InvoicePolicies)];
    const bool noDefault = !m_snapshot.invoicePolicies.isEmpty()
        && std::none_of(m_snapshot.invoicePolicies.cbegin(), m_snapshot.invoicePolicies.cend(),
                        isDefaultPolicy);
    policies.notice->setText(noDefault ? tr("There is no default policy: sessions of clients and "
                                            "services without a policy of their own follow "
                                            "Concord's built-in default (one invoice per session, "
                                            "due in 7 days). Add one for any client and any "
                                            "service to choose.")
                                       : QString());
    policies.notice->setVisible(noDefault);
}

void BillingRulesPage::refreshPreviewChoices()
{
    const QString customer = m_previewCustomer->currentData().toString();
    const qint64 service = m_previewService->currentData().toLongLong();
    const QSignalBlocker blockCustomer(m_previewCustomer);
    const QSignalBlocker blockService(m_previewService);

    m_previewCustomer->clear();
    m_previewCustomer->addItem(tr("Any client"), QString());
    QList<NamedId> customers = m_snapshot.customers;
    std::sort(customers.begin(), customers.end(), [](const NamedId &a, const NamedId &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    for (const NamedId &c : std::as_const(customers))
        m_previewCustomer->addItem(c.name.isEmpty() ? c.id : c.name, c.id);
    m_previewCustomer->setCurrentIndex(std::max(0, m_previewCustomer->findData(customer)));

    m_previewService->clear();
    m_previewService->addItem(tr("Any service"), qint64(0));
    QList<Domain::Service> services = m_snapshot.services;
    std::sort(services.begin(), services.end(), [](const auto &a, const auto &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    for (const Domain::Service &s : std::as_const(services))
        m_previewService->addItem(s.name, s.id);
    m_previewService->setCurrentIndex(std::max(0, m_previewService->findData(service)));

    // The line edit deletes the completer it replaces (it is its parent).
    auto *completer = new QCompleter(m_snapshot.knownLocations(), m_previewLocation);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_previewLocation->setCompleter(completer);
}

void BillingRulesPage::setPreviewScope(const QString &customerId, qint64 serviceId,
                                       const QString &location)
{
    m_previewCustomer->setCurrentIndex(std::max(0, m_previewCustomer->findData(customerId)));
    m_previewService->setCurrentIndex(std::max(0, m_previewService->findData(serviceId)));
    m_previewLocation->setText(location);
    updatePreview();
}

void BillingRulesPage::updatePreview()
{
    const Billing::RuleScope scope { m_previewCustomer->currentData().toString(),
                                     m_previewService->currentData().toLongLong(),
                                     m_previewLocation->text().trimmed() };
    const auto show = [this](Section section, const QString &value, const QString &source,
                             qint64 id, Theme::Tone tone) {
        const int i = indexOf(section);
        m_previewValues[i]->setText(value);
        m_previewValues[i]->setStyleSheet(
            tone == Theme::Tone::Bad
                ? QStringLiteral("color: %1;").arg(Theme::toneText(Theme::Tone::Bad).name())
                : QString());
        m_previewSourceTexts[i] = source;
        m_previewIds[i] = id;
        if (id == 0) {
            // Not a stored rule (Concord's built-in default): nothing to show in a table.
            m_previewSources[i]->setText(source.isEmpty() ? QString()
                                                          : tr("from %1").arg(source.toHtmlEscaped()));
            m_previewSources[i]->setToolTip(QString());
            return;
        }
        m_previewSources[i]->setText(
            source.isEmpty() ? QString()
                             //: %1 = the rule's scope as a link that shows the rule in its table
                             : tr("from <a href=\"#rule\">%1</a>").arg(source.toHtmlEscaped()));
        m_previewSources[i]->setToolTip(source.isEmpty() ? QString()
                                                         : tr("Show this rule in its table"));
    };

    if (!m_loaded) {
        for (Section section : kSections)
            show(section, QStringLiteral("–"), QString(), 0, Theme::Tone::Neutral);
        return;
    }

    if (const auto tax = Billing::taxRuleFor(m_snapshot.taxRules, scope)) {
        show(Section::TaxRules, BillingRulesText::taxCode(m_snapshot, tax->taxCode),
             BillingRulesText::scope(m_snapshot, tax->serviceId, tax->location, tax->customerId),
             tax->id, Theme::Tone::Neutral);
    } else {
        show(Section::TaxRules, tr("No rule: QuickBooks uses the item's own tax setting"),
             QString(), 0, Theme::Tone::Neutral);
    }

    if (const auto discount = Billing::discountRuleFor(m_snapshot.discountRules, scope)) {
        const QString value = discount->description.isEmpty()
            ? BillingRulesText::discount(*discount)
            //: %1 = "10 % off", %2 = the invoice line's description
            : tr("%1 (%2)").arg(BillingRulesText::discount(*discount), discount->description);
        show(Section::Discounts, value,
             BillingRulesText::scope(m_snapshot, discount->serviceId, discount->location,
                                     discount->customerId),
             discount->id, Theme::Tone::Neutral);
    } else {
        show(Section::Discounts, tr("No discount"), QString(), 0, Theme::Tone::Neutral);
    }

    // Exactly as invoicing chooses: the built-in default where nothing applies.
    if (const auto policy = Billing::policyFor(
            Billing::withBuiltInDefault(m_snapshot.invoicePolicies, m_snapshot.currency),
            scope.customerId, scope.serviceId)) {
        if (policy->id == 0)
            show(Section::InvoicePolicies, BillingRulesText::policySummary(*policy),
                 tr("Concord's built-in default"), 0, Theme::Tone::Neutral);
        else
            show(Section::InvoicePolicies, BillingRulesText::policySummary(*policy),
                 BillingRulesText::policyScope(m_snapshot, *policy), policy->id, Theme::Tone::Neutral);
    }
}

QString BillingRulesPage::previewText(Section section) const
{
    return m_previewValues[indexOf(section)]->text();
}

QString BillingRulesPage::previewSource(Section section) const
{
    return m_previewSourceTexts[indexOf(section)];
}

void BillingRulesPage::showError(const QString &message)
{
    m_errorText->setText(message);
    m_errorBanner->show();
}

void BillingRulesPage::clearError()
{
    m_errorText->clear();
    m_errorBanner->hide();
}

void BillingRulesPage::openEditor(BillingRuleDialog *dialog, std::function<void()> onAccepted)
{
    // Window-modal and non-blocking (open(), not exec()): the page keeps
    // receiving snapshots while the person types.
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, onAccepted = std::move(onAccepted)] {
        clearError();
        onAccepted();
    });
    // Closed means gone for the page, even before the deferred delete runs.
    connect(dialog, &QDialog::finished, this, [this] { m_dialog.clear(); });
    dialog->open();
}

void BillingRulesPage::addRule(Section section)
{
    if (!canEdit() || !m_loaded)
        return;
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    switch (section) {
    case Section::TaxRules: {
        auto *dialog = new TaxRuleDialog(m_snapshot, TaxRule(), this);
        openEditor(dialog, [this, dialog] { Q_EMIT saveTaxRuleRequested(dialog->rule()); });
        break;
    }
    case Section::Discounts: {
        auto *dialog = new DiscountRuleDialog(m_snapshot, DiscountRule(), this);
        openEditor(dialog, [this, dialog] { Q_EMIT saveDiscountRuleRequested(dialog->rule()); });
        break;
    }
    case Section::InvoicePolicies: {
        // The first policy is the default one; later ones start from it.
        InvoicePolicy start;
        for (const InvoicePolicy &p : std::as_const(m_snapshot.invoicePolicies)) {
            if (isDefaultPolicy(p)) {
                start = p;
                start.id = 0;
                start.version = 1;
                start.updatedBy.clear();
                start.updatedAt = {};
                break;
            }
        }
        auto *dialog = new InvoicePolicyDialog(m_snapshot, start, this);
        openEditor(dialog, [this, dialog] { Q_EMIT saveInvoicePolicyRequested(dialog->policy()); });
        break;
    }
    }
}

void BillingRulesPage::editCurrent(Section section)
{
    const int row = currentSourceRow(section);
    if (!canEdit() || row < 0)
        return;
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    switch (section) {
    case Section::TaxRules: {
        auto *dialog = new TaxRuleDialog(m_snapshot, m_taxModel->rule(row), this);
        openEditor(dialog, [this, dialog] { Q_EMIT saveTaxRuleRequested(dialog->rule()); });
        break;
    }
    case Section::Discounts: {
        auto *dialog = new DiscountRuleDialog(m_snapshot, m_discountModel->rule(row), this);
        openEditor(dialog, [this, dialog] { Q_EMIT saveDiscountRuleRequested(dialog->rule()); });
        break;
    }
    case Section::InvoicePolicies: {
        auto *dialog = new InvoicePolicyDialog(m_snapshot, m_policyModel->policy(row), this);
        openEditor(dialog, [this, dialog] { Q_EMIT saveInvoicePolicyRequested(dialog->policy()); });
        break;
    }
    }
}

void BillingRulesPage::deleteCurrent(Section section)
{
    const int row = currentSourceRow(section);
    if (!canEdit() || row < 0 || !m_confirmer)
        return;
    const QString title = tr("Delete rule");
    switch (section) {
    case Section::TaxRules: {
        const TaxRule r = m_taxModel->rule(row);
        const QString question =
            tr("Delete the tax rule for %1 (%2)?\n\nThe sessions it covers fall to the next most "
               "specific rule.")
                .arg(BillingRulesText::scope(m_snapshot, r.serviceId, r.location, r.customerId),
                     BillingRulesText::taxCode(m_snapshot, r.taxCode));
        if (m_confirmer(this, title, question)) {
            clearError();
            Q_EMIT deleteTaxRuleRequested(r.id, r.version);
        }
        break;
    }
    case Section::Discounts: {
        const DiscountRule r = m_discountModel->rule(row);
        const QString question =
            tr("Delete the discount rule for %1 (%2)?\n\nThe sessions it covers fall to the next "
               "most specific rule, or get no discount.")
                .arg(BillingRulesText::scope(m_snapshot, r.serviceId, r.location, r.customerId),
                     BillingRulesText::discount(r));
        if (m_confirmer(this, title, question)) {
            clearError();
            Q_EMIT deleteDiscountRuleRequested(r.id, r.version);
        }
        break;
    }
    case Section::InvoicePolicies: {
        const InvoicePolicy p = m_policyModel->policy(row);
        const QString consequence = isDefaultPolicy(p)
            ? tr("This is the default policy: without it, sessions that no other policy covers "
                 "follow Concord's built-in default (one invoice per session, due in 7 days).")
            : tr("Its sessions fall back to the next policy that covers them.");
        const QString question =
            tr("Delete the invoice policy for %1?\n\n%2")
                .arg(BillingRulesText::policyScope(m_snapshot, p), consequence);
        if (m_confirmer(this, tr("Delete invoice policy"), question)) {
            clearError();
            Q_EMIT deleteInvoicePolicyRequested(p.id, p.version);
        }
        break;
    }
    }
}

} // namespace Concord::Ui
