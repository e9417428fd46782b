#include "billingrulesdialogs.h"

#include "billing/billingrules.h"
#include "domain/decimal.h"
#include "domain/money.h"
#include "theme.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace Concord::Ui {

using Domain::DiscountRule;
using Domain::InvoicePolicy;
using Domain::TaxRule;

namespace {

// Priorities are small integers; the range leaves room above and below the
// default (0) without inviting arms races.
constexpr int kMinPriority = -999;
constexpr int kMaxPriority = 999;
// Basis points: 1 = 0.01 %, 10 000 = 100 %.
constexpr int kMaxBasisPoints = 10'000;
// Store bounds (core/store/rulesrepository.cpp validatePolicy).
constexpr int kMaxPaymentTermDays = 365;
// A late-cancellation window longer than a month is a typo, not a policy.
constexpr int kMaxLateWindowHours = 720;
// QuickBooks' limit for a line description.
constexpr int kMaxDescriptionLength = 4000;
// Locations are short place names ("Brooklyn", "Online").
constexpr int kMaxLocationLength = 100;

Error inputError(const QString &message)
{
    return Error::make(ErrorCode::InvalidArgument, message);
}

// "15.50" in `currency`'s decimals, for placeholders and messages.
// "15.50" with the locale's decimal mark ("15,50" in French).
QString exampleAmount(const QString &currency, const QLocale &locale = QLocale())
{
    const auto example = Domain::Money::fromMinor(1550, currency);
    QString text = example ? example->toDecimalString() : QStringLiteral("15.50");
    return text.replace(QLatin1Char('.'), locale.decimalPoint());
}

// A field with a fixed word after it ("%", "USD"), as one row of the form.
QWidget *withSuffix(QWidget *field, const QString &suffix, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(field, 1);
    auto *label = new QLabel(suffix, row);
    label->setObjectName(QStringLiteral("fieldLabel"));
    // One width for "%" and currency codes, so the fields above each other end
    // at the same place.
    label->setMinimumWidth(label->fontMetrics().horizontalAdvance(QStringLiteral("MMM")));
    layout->addWidget(label);
    return row;
}

QSpinBox *prioritySpin(int value, QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setRange(kMinPriority, kMaxPriority);
    spin->setValue(value);
    spin->setToolTip(BillingRulesText::tr(
        "Breaks ties between equally specific rules: the higher priority wins."));
    return spin;
}

template<typename Rule> bool sameScope(const Rule &a, const Rule &b)
{
    return a.serviceId == b.serviceId && a.customerId == b.customerId
        && a.location.trimmed().compare(b.location.trimmed(), Qt::CaseInsensitive) == 0;
}

// Another enabled rule with the same scope and priority: the older one wins
// (lower id), which is rarely what a person meant.
template<typename Rule> const Rule *tiedRule(const QList<Rule> &rules, const Rule &edited)
{
    if (!edited.enabled)
        return nullptr;
    for (const Rule &other : rules) {
        if (other.id != edited.id && other.enabled && other.priority == edited.priority
            && sameScope(other, edited))
            return &other;
    }
    return nullptr;
}

} // namespace

// --- BillingInput ---------------------------------------------------------

QString BillingInput::normalizedNumber(const QString &text, const QLocale &locale)
{
    QString t = text.trimmed();
    if (locale.decimalPoint() != QStringLiteral(","))
        return t;
    for (const QChar space : {QChar(u' '), QChar(0x00A0), QChar(0x202F)})
        t.remove(space);
    const bool dotGroups = locale.groupSeparator() == QStringLiteral(".");
    if (t.contains(QLatin1Char(','))) {
        if (dotGroups)
            t.remove(QLatin1Char('.'));
        t.replace(QLatin1Char(','), QLatin1Char('.'));
        return t;
    }
    // "1.250" in German is twelve hundred and fifty; "15.50" is a decimal.
    static const QRegularExpression thousands(QStringLiteral("^-?\\d{1,3}(\\.\\d{3})+$"));
    if (dotGroups && thousands.match(t).hasMatch())
        t.remove(QLatin1Char('.'));
    return t;
}

Result<int> BillingInput::parseBasisPoints(const QString &text, int minimum, int maximum, const QLocale &locale)
{
    const QString range =
        tr("Type a percentage between %1 and %2.")
            .arg(BillingRulesText::percent(minimum), BillingRulesText::percent(maximum));
    QString number = normalizedNumber(text, locale);
    if (number.endsWith(QLatin1Char('%')))
        number = number.chopped(1).trimmed();
    if (number.isEmpty())
        return std::unexpected(inputError(range));
    if (number.startsWith(QLatin1Char('.')))
        number.prepend(QLatin1Char('0')); // ".5" is how people type half a percent
    const auto decimal = Domain::Decimal::parse(number);
    if (!decimal)
        return std::unexpected(inputError(
            tr("“%1” is not a percentage. Type a number such as 10 or 12.5.").arg(text.trimmed())));
    if (decimal->isNegative())
        return std::unexpected(inputError(tr("A percentage cannot be negative.")));
    const Domain::Decimal exact = decimal->normalized();
    if (exact.scale() > 2)
        return std::unexpected(inputError(
            tr("Use at most two decimals, such as 12.25: rules hold hundredths of a percent.")));
    // Checked before scaling so a huge number cannot overflow.
    if (exact.mantissa() > maximum)
        return std::unexpected(inputError(range));
    const qint64 basisPoints = exact.mantissa()
        * (exact.scale() == 0       ? 100
               : exact.scale() == 1 ? 10
                                    : 1);
    if (basisPoints < minimum || basisPoints > maximum)
        return std::unexpected(inputError(range));
    return int(basisPoints);
}

Result<qint64> BillingInput::parseAmountMinor(const QString &text, const QString &currency,
                                              bool allowZero, const QLocale &locale)
{
    const QString example = exampleAmount(currency, locale);
    const QString trimmed = normalizedNumber(text, locale);
    if (trimmed.isEmpty())
        return std::unexpected(inputError(tr("Type an amount, such as %1.").arg(example)));
    const auto money = Domain::Money::parse(trimmed, currency);
    if (!money) {
        // Say why in a bookkeeper's terms: too many decimals is the one
        // mistake worth naming; everything else gets an example.
        const int digits = Domain::Money::minorDigits(currency);
        const qsizetype dot = trimmed.indexOf(QLatin1Char('.'));
        const QStringView fraction =
            dot >= 0 ? QStringView(trimmed).sliced(dot + 1) : QStringView();
        const bool onlyDigits =
            std::all_of(fraction.cbegin(), fraction.cend(), [](QChar c) { return c.isDigit(); });
        if (dot >= 0 && onlyDigits && fraction.size() > digits) {
            if (digits == 0)
                return std::unexpected(
                    inputError(tr("%1 amounts have no decimals.").arg(currency)));
            //: %1 = currency code, %2 = number of decimals, %3 = an example amount
            return std::unexpected(inputError(tr("%1 amounts have at most %2 decimals, such as %3.")
                                                  .arg(currency)
                                                  .arg(digits)
                                                  .arg(example)));
        }
        return std::unexpected(
            inputError(tr("“%1” is not an amount. Type digits only, such as %2, without a "
                          "currency sign.")
                           .arg(trimmed, example)));
    }
    if (money->isNegative())
        return std::unexpected(inputError(tr("An amount cannot be negative.")));
    if (money->isZero() && !allowZero)
        return std::unexpected(inputError(tr("Type an amount above zero.")));
    return money->minorUnits();
}

namespace {

// "12.5" with the locale's decimal mark: what the field shows is typed back.
QString withDecimalMark(QString canonical, const QLocale &locale)
{
    return canonical.replace(QLatin1Char('.'), locale.decimalPoint());
}

} // namespace

QString BillingInput::basisPointsText(int basisPoints, const QLocale &locale)
{
    const auto value = Domain::Decimal::fromParts(basisPoints, 2);
    return value ? withDecimalMark(value->normalized().toString(), locale) : QString::number(basisPoints);
}

QString BillingInput::amountText(qint64 minorUnits, const QString &currency, const QLocale &locale)
{
    const auto money = Domain::Money::fromMinor(minorUnits, currency);
    return money ? withDecimalMark(money->toDecimalString(), locale) : QString::number(minorUnits);
}

// --- BillingRuleDialog ----------------------------------------------------

BillingRuleDialog::BillingRuleDialog(const BillingRulesSnapshot &snapshot, bool withLocation,
                                     QWidget *parent)
    : QDialog(parent)
    , m_snapshot(snapshot)
    , m_form(new QGridLayout)
    , m_service(new QComboBox(this))
    , m_location(withLocation ? new QLineEdit(this) : nullptr)
    , m_customer(new QComboBox(this))
    , m_warning(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    // A grid rather than a QFormLayout: the grid sizes wrapped hints and
    // messages by their height for the column's real width, so none is cut.
    m_form->setHorizontalSpacing(16);
    m_form->setVerticalSpacing(8);
    m_form->setColumnStretch(1, 1);

    m_warning->setObjectName(QStringLiteral("dialogWarning"));
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(
        QStringLiteral("QLabel#dialogWarning { background: %1; color: %2; border: 1px solid %3;"
                       " border-radius: 6px; padding: 8px 10px; }")
            .arg(Theme::toneBackground(Theme::Tone::Warning).name(),
                 Theme::toneText(Theme::Tone::Warning).name(),
                 Theme::toneColor(Theme::Tone::Warning).name()));
    m_warning->hide();

    // Save is the default button: Enter saves once the form is valid, and a
    // disabled default button ignores Enter while it is not.
    okButton()->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isValid())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // No minimum width on the dialog itself: that would stop the layout from
    // setting the minimum size its wrapped hints and messages need.
}

QPushButton *BillingRuleDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Save);
}

void BillingRuleDialog::addScopeRows(qint64 serviceId, const QString &location,
                                     const QString &customerId)
{
    addSectionTitle(tr("Applies to"));

    m_customer->addItem(tr("Any client"), QString());
    QList<NamedId> customers = m_snapshot.customers;
    std::sort(customers.begin(), customers.end(), [](const NamedId &a, const NamedId &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    for (const NamedId &customer : std::as_const(customers))
        m_customer->addItem(customer.name.isEmpty() ? customer.id : customer.name, customer.id);
    if (!customerId.isEmpty() && m_customer->findData(customerId) < 0)
        m_customer->addItem(m_snapshot.customerName(customerId), customerId);
    selectCustomer(customerId);
    addField(tr("Client"), m_customer, tr("Client the rule applies to"));

    m_service->addItem(tr("Any service"), qint64(0));
    QList<Domain::Service> services = m_snapshot.services;
    std::sort(services.begin(), services.end(), [](const auto &a, const auto &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    for (const Domain::Service &service : std::as_const(services)) {
        const QString name =
            service.active ? service.name : tr("%1 (no longer offered)").arg(service.name);
        m_service->addItem(name, service.id);
    }
    if (serviceId != 0 && m_service->findData(serviceId) < 0)
        m_service->addItem(m_snapshot.serviceName(serviceId), serviceId);
    selectService(serviceId);
    addField(tr("Service"), m_service, tr("Service the rule applies to"));

    if (m_location) {
        m_location->setText(location);
        m_location->setPlaceholderText(tr("Any location"));
        m_location->setMaxLength(kMaxLocationLength);
        m_location->setClearButtonEnabled(true);
        auto *completer = new QCompleter(m_snapshot.knownLocations(), m_location);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        m_location->setCompleter(completer);
        m_location->setToolTip(tr("Where the session takes place, as the service lists it. "
                                  "Compared without regard to upper and lower case."));
        addField(tr("Location"), m_location, tr("Location the rule applies to"));
        connect(m_location, &QLineEdit::textChanged, this, &BillingRuleDialog::revalidate);
    }

    connect(m_service, &QComboBox::currentIndexChanged, this, &BillingRuleDialog::revalidate);
    connect(m_customer, &QComboBox::currentIndexChanged, this, &BillingRuleDialog::revalidate);
}

void BillingRuleDialog::addField(const QString &label, QWidget *field,
                                 const QString &accessibleName, QWidget *row)
{
    field->setAccessibleName(accessibleName);
    // Room for a service name or a sentence of validation without wrapping
    // every word; spin boxes stay as narrow as their numbers.
    const bool compact = qobject_cast<QSpinBox *>(field) || qobject_cast<QCheckBox *>(field);
    if (!compact && (qobject_cast<QComboBox *>(field) || qobject_cast<QLineEdit *>(field)))
        field->setMinimumWidth(field->fontMetrics().averageCharWidth() * 44);
    // Tab follows the rows, not the order the widgets happened to be created in.
    if (field->focusPolicy() & Qt::TabFocus) {
        m_tabOrder << field;
    } else {
        for (QWidget *child : field->findChildren<QWidget *>()) {
            if (child->focusPolicy() & Qt::TabFocus)
                m_tabOrder << child;
        }
    }
    const int at = m_rows++;
    if (!label.isEmpty()) {
        auto *caption = new QLabel(label, this);
        caption->setBuddy(field);
        m_form->addWidget(caption, at, 0, Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (compact)
        m_form->addWidget(row ? row : field, at, 1, Qt::AlignLeft | Qt::AlignVCenter);
    else
        m_form->addWidget(row ? row : field, at, 1);

    auto *message = new QLabel(this);
    message->setObjectName(QStringLiteral("fieldError"));
    message->setWordWrap(true);
    message->setStyleSheet(
        QStringLiteral("color: %1;").arg(Theme::toneText(Theme::Tone::Bad).name()));
    message->hide(); // a grid row whose widgets are hidden takes no space
    m_form->addWidget(message, m_rows++, 1);
    m_messages.insert(field, message);
}

void BillingRuleDialog::addSectionTitle(const QString &title)
{
    auto *label = new QLabel(title, this);
    label->setObjectName(QStringLiteral("paneTitle"));
    if (m_rows > 0)
        label->setContentsMargins(0, 10, 0, 0);
    m_form->addWidget(label, m_rows++, 0, 1, 2);
}

void BillingRuleDialog::addHint(const QString &text)
{
    auto *hint = new QLabel(text, this);
    hint->setObjectName(QStringLiteral("fieldLabel"));
    hint->setWordWrap(true);
    m_form->addWidget(hint, m_rows++, 1);
}

void BillingRuleDialog::finishLayout()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(14);
    layout->addLayout(m_form);
    layout->addStretch(1);
    layout->addWidget(m_warning);
    layout->addWidget(m_buttons);

    m_tabOrder << okButton() << m_buttons->button(QDialogButtonBox::Cancel);
    for (qsizetype i = 1; i < m_tabOrder.size(); ++i)
        setTabOrder(m_tabOrder.at(i - 1), m_tabOrder.at(i));
    if (!m_tabOrder.isEmpty())
        m_tabOrder.constFirst()->setFocus();
}

void BillingRuleDialog::revalidate()
{
    m_pending.clear();
    m_pendingWarning.clear();
    m_problems.clear();
    checkFields();

    for (auto it = m_messages.cbegin(); it != m_messages.cend(); ++it) {
        const QString message = m_pending.value(it.key());
        it.value()->setText(message);
        it.value()->setVisible(!message.isEmpty());
        // Screen readers announce the problem with the field itself.
        const_cast<QWidget *>(it.key())->setAccessibleDescription(message);
    }
    m_warning->setText(m_pendingWarning);
    m_warning->setVisible(!m_pendingWarning.isEmpty());

    okButton()->setEnabled(m_problems.isEmpty());
    okButton()->setToolTip(m_problems.isEmpty()
                               ? QString()
                               : tr("Not yet:\n%1").arg(m_problems.join(QLatin1Char('\n'))));
}

void BillingRuleDialog::fieldProblem(QWidget *field, const QString &message)
{
    if (!m_pending.contains(field))
        m_pending.insert(field, message);
    m_problems << message;
}

void BillingRuleDialog::problem(const QString &message)
{
    m_problems << message;
}

void BillingRuleDialog::setWarning(const QString &message)
{
    m_pendingWarning = message;
}

QString BillingRuleDialog::messageFor(const QWidget *field) const
{
    const QLabel *label = m_messages.value(field);
    return label ? label->text() : QString();
}

QString BillingRuleDialog::warning() const
{
    return m_warning->text();
}

bool BillingRuleDialog::selectService(qint64 serviceId)
{
    const int index = m_service->findData(serviceId);
    if (index >= 0)
        m_service->setCurrentIndex(index);
    return index >= 0;
}

bool BillingRuleDialog::selectCustomer(const QString &customerId)
{
    const int index = m_customer->findData(customerId);
    if (index >= 0)
        m_customer->setCurrentIndex(index);
    return index >= 0;
}

qint64 BillingRuleDialog::selectedServiceId() const
{
    return m_service->currentData().toLongLong();
}

QString BillingRuleDialog::selectedCustomerId() const
{
    return m_customer->currentData().toString();
}

QString BillingRuleDialog::typedLocation() const
{
    return m_location ? m_location->text().trimmed() : QString();
}

// --- TaxRuleDialog --------------------------------------------------------

TaxRuleDialog::TaxRuleDialog(const BillingRulesSnapshot &snapshot, const TaxRule &rule,
                             QWidget *parent)
    : BillingRuleDialog(snapshot, true, parent)
    , m_rule(rule)
    , m_taxCode(new QComboBox(this))
    , m_priority(prioritySpin(rule.priority, this))
    , m_enabled(new QCheckBox(tr("Use this rule"), this))
{
    setObjectName(QStringLiteral("taxRuleDialog"));
    setWindowTitle(rule.id == 0 ? tr("Add tax rule") : tr("Edit tax rule"));

    addScopeRows(rule.serviceId, rule.location, rule.customerId);

    addSectionTitle(tr("Tax"));
    if (rule.taxCode.isEmpty())
        m_taxCode->addItem(tr("Choose a tax code…"), QString());
    for (const NamedId &code : std::as_const(m_snapshot.taxCodes))
        m_taxCode->addItem(BillingRulesText::taxCode(m_snapshot, code.id), code.id);
    // "Not taxable" is always a choice, even before QuickBooks' list arrived.
    const QString nonTaxable = Billing::kNonTaxable.toString();
    if (m_taxCode->findData(nonTaxable) < 0)
        m_taxCode->addItem(BillingRulesText::taxCode(m_snapshot, nonTaxable), nonTaxable);
    if (!rule.taxCode.isEmpty() && m_taxCode->findData(rule.taxCode) < 0)
        m_taxCode->addItem(tr("%1 (not in QuickBooks' list)").arg(rule.taxCode), rule.taxCode);
    selectTaxCode(rule.taxCode);
    addField(tr("QuickBooks tax code"), m_taxCode, tr("QuickBooks tax code"));
    addHint(tr("QuickBooks computes the tax from the code's rates. Concord only picks the code; "
               "it never calculates tax."));

    addSectionTitle(tr("When rules overlap"));
    addField(tr("Priority"), m_priority, tr("Priority"));
    m_enabled->setChecked(rule.enabled);
    addField(QString(), m_enabled, tr("Use this rule"));
    addHint(BillingRulesText::precedenceHelp());
    finishLayout();

    connect(m_taxCode, &QComboBox::currentIndexChanged, this, &TaxRuleDialog::revalidate);
    connect(m_priority, &QSpinBox::valueChanged, this, &TaxRuleDialog::revalidate);
    connect(m_enabled, &QCheckBox::toggled, this, &TaxRuleDialog::revalidate);
    revalidate();
}

bool TaxRuleDialog::selectTaxCode(const QString &code)
{
    const int index = m_taxCode->findData(code);
    if (index >= 0)
        m_taxCode->setCurrentIndex(index);
    return index >= 0;
}

TaxRule TaxRuleDialog::rule() const
{
    TaxRule r = m_rule;
    r.serviceId = selectedServiceId();
    r.location = typedLocation();
    r.customerId = selectedCustomerId();
    r.taxCode = m_taxCode->currentData().toString();
    r.priority = m_priority->value();
    r.enabled = m_enabled->isChecked();
    return r;
}

void TaxRuleDialog::checkFields()
{
    const TaxRule r = rule();
    if (r.taxCode.isEmpty())
        problem(tr("Choose a QuickBooks tax code."));
    if (!r.taxCode.isEmpty() && !m_snapshot.isKnownTaxCode(r.taxCode))
        setWarning(tr("QuickBooks does not list the tax code %1 (yet): invoices that use it are "
                      "refused until it exists there.")
                       .arg(r.taxCode));
    else if (const TaxRule *tied = tiedRule(m_snapshot.taxRules, r))
        setWarning(tr("Another rule has the same scope and priority (%1). The older one wins: "
                      "give one of them a higher priority.")
                       .arg(BillingRulesText::taxCode(m_snapshot, tied->taxCode)));
}

// --- DiscountRuleDialog ---------------------------------------------------

DiscountRuleDialog::DiscountRuleDialog(const BillingRulesSnapshot &snapshot,
                                       const DiscountRule &rule, QWidget *parent)
    : BillingRuleDialog(snapshot, true, parent)
    , m_rule(rule)
    , m_byPercent(new QRadioButton(tr("A percentage"), this))
    , m_byAmount(new QRadioButton(tr("A fixed amount"), this))
    , m_percent(new QLineEdit(this))
    , m_amount(new QLineEdit(this))
    , m_description(new QLineEdit(rule.description, this))
    , m_priority(prioritySpin(rule.priority, this))
    , m_enabled(new QCheckBox(tr("Use this rule"), this))
{
    setObjectName(QStringLiteral("discountRuleDialog"));
    setWindowTitle(rule.id == 0 ? tr("Add discount rule") : tr("Edit discount rule"));
    // A new rule's amount is in the company's currency; an existing one keeps its own.
    if (m_rule.id == 0)
        m_rule.currency = m_snapshot.currency;

    addScopeRows(rule.serviceId, rule.location, rule.customerId);

    addSectionTitle(tr("Discount"));
    auto *kinds = new QButtonGroup(this);
    kinds->addButton(m_byPercent);
    kinds->addButton(m_byAmount);
    auto *kindRow = new QWidget(this);
    auto *kindLayout = new QHBoxLayout(kindRow);
    kindLayout->setContentsMargins(0, 0, 0, 0);
    kindLayout->setSpacing(16);
    kindLayout->addWidget(m_byPercent);
    kindLayout->addWidget(m_byAmount);
    kindLayout->addStretch(1);
    addField(tr("Kind"), kindRow, tr("Kind of discount"));
    const bool isAmount = rule.percentBasisPoints == 0 && rule.amountMinor > 0;
    (isAmount ? m_byAmount : m_byPercent)->setChecked(true);

    if (rule.percentBasisPoints > 0)
        m_percent->setText(BillingInput::basisPointsText(rule.percentBasisPoints));
    m_percent->setPlaceholderText(tr("e.g. 10 or 12.5"));
    addField(tr("Percentage"), m_percent, tr("Discount percentage"),
             withSuffix(m_percent, QStringLiteral("%"), this));
    if (rule.amountMinor > 0)
        m_amount->setText(BillingInput::amountText(rule.amountMinor, m_rule.currency));
    m_amount->setPlaceholderText(tr("e.g. %1").arg(exampleAmount(m_rule.currency)));
    addField(tr("Amount"), m_amount, tr("Discount amount in %1").arg(m_rule.currency),
             withSuffix(m_amount, m_rule.currency, this));

    m_description->setMaxLength(kMaxDescriptionLength);
    m_description->setPlaceholderText(tr("As the invoice line should read, e.g. Sibling discount"));
    addField(tr("On the invoice"), m_description, tr("Discount description on the invoice"));
    addHint(tr("QuickBooks applies the discount to the invoice; Concord only picks the rule."));

    addSectionTitle(tr("When rules overlap"));
    addField(tr("Priority"), m_priority, tr("Priority"));
    m_enabled->setChecked(rule.enabled);
    addField(QString(), m_enabled, tr("Use this rule"));
    addHint(BillingRulesText::precedenceHelp());
    finishLayout();

    connect(m_byPercent, &QRadioButton::toggled, this, &DiscountRuleDialog::updateKind);
    connect(m_percent, &QLineEdit::textChanged, this, &DiscountRuleDialog::revalidate);
    connect(m_amount, &QLineEdit::textChanged, this, &DiscountRuleDialog::revalidate);
    connect(m_description, &QLineEdit::textChanged, this, &DiscountRuleDialog::revalidate);
    connect(m_priority, &QSpinBox::valueChanged, this, &DiscountRuleDialog::revalidate);
    connect(m_enabled, &QCheckBox::toggled, this, &DiscountRuleDialog::revalidate);
    updateKind();
}

void DiscountRuleDialog::updateKind()
{
    // Only the chosen kind can be typed into; the other keeps its text in
    // case the person switches back.
    m_percent->setEnabled(m_byPercent->isChecked());
    m_amount->setEnabled(m_byAmount->isChecked());
    revalidate();
}

DiscountRule DiscountRuleDialog::rule() const
{
    DiscountRule r = m_rule;
    r.serviceId = selectedServiceId();
    r.location = typedLocation();
    r.customerId = selectedCustomerId();
    r.percentBasisPoints = 0;
    r.amountMinor = 0;
    if (m_byPercent->isChecked()) {
        r.percentBasisPoints =
            BillingInput::parseBasisPoints(m_percent->text(), 1, kMaxBasisPoints).value_or(0);
    } else {
        r.amountMinor =
            BillingInput::parseAmountMinor(m_amount->text(), r.currency, false).value_or(0);
    }
    r.description = m_description->text().trimmed();
    r.priority = m_priority->value();
    r.enabled = m_enabled->isChecked();
    return r;
}

void DiscountRuleDialog::checkFields()
{
    if (m_byPercent->isChecked()) {
        if (m_percent->text().trimmed().isEmpty()) {
            problem(tr("Type the percentage."));
        } else if (const auto bp =
                       BillingInput::parseBasisPoints(m_percent->text(), 1, kMaxBasisPoints);
                   !bp) {
            fieldProblem(m_percent, bp.error().message);
        }
    } else {
        if (m_amount->text().trimmed().isEmpty()) {
            problem(tr("Type the amount."));
        } else if (const auto minor =
                       BillingInput::parseAmountMinor(m_amount->text(), m_rule.currency, false);
                   !minor) {
            fieldProblem(m_amount, minor.error().message);
        }
    }
    if (m_description->text().trimmed().isEmpty())
        problem(tr("Say how the discount should read on the invoice."));

    const DiscountRule r = rule();
    if (const DiscountRule *tied = tiedRule(m_snapshot.discountRules, r))
        setWarning(tr("Another rule has the same scope and priority (%1). The older one wins: "
                      "give one of them a higher priority.")
                       .arg(tied->description.isEmpty() ? BillingRulesText::discount(*tied)
                                                        : tied->description));
}

// --- InvoicePolicyDialog --------------------------------------------------

InvoicePolicyDialog::InvoicePolicyDialog(const BillingRulesSnapshot &snapshot,
                                         const InvoicePolicy &policy, QWidget *parent)
    : BillingRuleDialog(snapshot, false, parent)
    , m_policy(policy)
    , m_mode(new QComboBox(this))
    , m_grouping(new QComboBox(this))
    , m_deposit(new QLineEdit(this))
    , m_paymentTerm(new QSpinBox(this))
    , m_cancellation(new QComboBox(this))
    , m_lateWindow(new QSpinBox(this))
    , m_lateFee(new QLineEdit(this))
    , m_blockThreshold(new QLineEdit(this))
    , m_blockAction(new QComboBox(this))
{
    setObjectName(QStringLiteral("invoicePolicyDialog"));
    setWindowTitle(policy.id == 0 ? tr("Add invoice policy") : tr("Edit invoice policy"));
    if (m_policy.id == 0)
        m_policy.currency = m_snapshot.currency;
    const QString currency = m_policy.currency;

    addScopeRows(policy.serviceId, QString(), policy.customerId);
    addHint(tr("A client's own policy beats a service's, which beats the default (any client, "
               "any service)."));

    addSectionTitle(tr("Invoices"));
    for (auto mode : { Domain::InvoiceMode::PerSession, Domain::InvoiceMode::MonthlySummary })
        m_mode->addItem(BillingRulesText::modeName(mode), int(mode));
    m_mode->setCurrentIndex(m_mode->findData(int(policy.mode)));
    addField(tr("Invoicing"), m_mode, tr("Invoicing"));
    for (auto grouping :
         { Domain::MonthlyGrouping::PerClient, Domain::MonthlyGrouping::PerService })
        m_grouping->addItem(BillingRulesText::groupingName(grouping), int(grouping));
    m_grouping->setCurrentIndex(m_grouping->findData(int(policy.grouping)));
    addField(tr("Monthly invoices"), m_grouping, tr("Monthly invoices"));

    if (policy.depositBasisPoints > 0)
        m_deposit->setText(BillingInput::basisPointsText(policy.depositBasisPoints));
    m_deposit->setPlaceholderText(tr("None"));
    m_deposit->setToolTip(tr("Share of each invoice taken as a deposit; leave empty for none."));
    addField(tr("Deposit"), m_deposit, tr("Deposit percentage"),
             withSuffix(m_deposit, QStringLiteral("%"), this));

    m_paymentTerm->setRange(0, kMaxPaymentTermDays);
    // The suffix follows the number ("1 day", "30 days"; French: "1 jour").
    const auto termSuffix = [this](int days) { m_paymentTerm->setSuffix(tr(" days", nullptr, days)); };
    connect(m_paymentTerm, &QSpinBox::valueChanged, this, termSuffix);
    m_paymentTerm->setSpecialValueText(tr("Due on receipt"));
    m_paymentTerm->setValue(policy.paymentTermDays);
    termSuffix(m_paymentTerm->value());
    addField(tr("Payment due after"), m_paymentTerm, tr("Payment term in days"));

    addSectionTitle(tr("Cancellations"));
    for (auto kind : { Domain::CancellationPolicy::VoidOrCredit, Domain::CancellationPolicy::Refund,
                       Domain::CancellationPolicy::LateFee })
        m_cancellation->addItem(BillingRulesText::cancellationName(kind), int(kind));
    m_cancellation->setCurrentIndex(m_cancellation->findData(int(policy.cancellation)));
    addField(tr("Policy"), m_cancellation, tr("Cancellation policy"));

    m_lateWindow->setRange(1, kMaxLateWindowHours);
    const auto windowSuffix = [this](int hours) {
        m_lateWindow->setSuffix(tr(" hours before the session", nullptr, hours));
    };
    connect(m_lateWindow, &QSpinBox::valueChanged, this, windowSuffix);
    m_lateWindow->setValue(std::max(1, policy.lateCancelWindowHours));
    windowSuffix(m_lateWindow->value());
    addField(tr("Late if canceled under"), m_lateWindow, tr("Late cancellation window in hours"));

    if (policy.lateFeeMinor > 0)
        m_lateFee->setText(BillingInput::amountText(policy.lateFeeMinor, currency));
    m_lateFee->setPlaceholderText(tr("e.g. %1").arg(exampleAmount(currency)));
    addField(tr("Late fee"), m_lateFee, tr("Late cancellation fee in %1").arg(currency),
             withSuffix(m_lateFee, currency, this));

    addSectionTitle(tr("Booking block"));
    if (policy.blockThresholdMinor > 0)
        m_blockThreshold->setText(BillingInput::amountText(policy.blockThresholdMinor, currency));
    m_blockThreshold->setPlaceholderText(tr("Never block"));
    m_blockThreshold->setToolTip(
        tr("New bookings are held or declined when the client's overdue balance is above this; "
           "leave empty to never block."));
    addField(tr("Overdue balance above"), m_blockThreshold,
             tr("Overdue balance threshold in %1").arg(currency),
             withSuffix(m_blockThreshold, currency, this));
    for (auto action : { Domain::BookingBlockAction::Hold, Domain::BookingBlockAction::Decline })
        m_blockAction->addItem(BillingRulesText::blockActionName(action), int(action));
    m_blockAction->setCurrentIndex(m_blockAction->findData(int(policy.blockAction)));
    addField(tr("Then"), m_blockAction, tr("What happens to new bookings"));
    addHint(tr("A blocked client is flagged on the dashboard. Payment reminders stay with "
               "QuickBooks."));
    finishLayout();

    connect(m_mode, &QComboBox::currentIndexChanged, this,
            &InvoicePolicyDialog::updateEnabledFields);
    connect(m_grouping, &QComboBox::currentIndexChanged, this, &InvoicePolicyDialog::revalidate);
    connect(m_deposit, &QLineEdit::textChanged, this, &InvoicePolicyDialog::revalidate);
    connect(m_paymentTerm, &QSpinBox::valueChanged, this, &InvoicePolicyDialog::revalidate);
    connect(m_cancellation, &QComboBox::currentIndexChanged, this,
            &InvoicePolicyDialog::updateEnabledFields);
    connect(m_lateWindow, &QSpinBox::valueChanged, this, &InvoicePolicyDialog::revalidate);
    connect(m_lateFee, &QLineEdit::textChanged, this, &InvoicePolicyDialog::revalidate);
    connect(m_blockThreshold, &QLineEdit::textChanged, this,
            &InvoicePolicyDialog::updateEnabledFields);
    connect(m_blockAction, &QComboBox::currentIndexChanged, this, &InvoicePolicyDialog::revalidate);
    updateEnabledFields();
}

void InvoicePolicyDialog::updateEnabledFields()
{
    const InvoicePolicy p = policy();
    m_grouping->setEnabled(p.mode == Domain::InvoiceMode::MonthlySummary);
    const bool lateFee = p.cancellation == Domain::CancellationPolicy::LateFee;
    m_lateWindow->setEnabled(lateFee);
    m_lateFee->setEnabled(lateFee);
    m_blockAction->setEnabled(p.blockThresholdMinor > 0);
    revalidate();
}

InvoicePolicy InvoicePolicyDialog::policy() const
{
    InvoicePolicy p = m_policy;
    p.serviceId = selectedServiceId();
    p.customerId = selectedCustomerId();
    p.mode = Domain::InvoiceMode(m_mode->currentData().toInt());
    p.grouping = Domain::MonthlyGrouping(m_grouping->currentData().toInt());
    p.depositBasisPoints = m_deposit->text().trimmed().isEmpty()
        ? 0
        : BillingInput::parseBasisPoints(m_deposit->text(), 0, kMaxBasisPoints).value_or(0);
    p.paymentTermDays = m_paymentTerm->value();
    p.cancellation = Domain::CancellationPolicy(m_cancellation->currentData().toInt());
    // A fee only exists under the late-fee policy; the others never charge
    // one, and keep the window they had (the field is disabled for them).
    const bool lateFee = p.cancellation == Domain::CancellationPolicy::LateFee;
    if (lateFee)
        p.lateCancelWindowHours = m_lateWindow->value();
    p.lateFeeMinor = lateFee
        ? BillingInput::parseAmountMinor(m_lateFee->text(), p.currency, false).value_or(0)
        : 0;
    p.blockThresholdMinor = m_blockThreshold->text().trimmed().isEmpty()
        ? 0
        : BillingInput::parseAmountMinor(m_blockThreshold->text(), p.currency, true).value_or(0);
    p.blockAction = Domain::BookingBlockAction(m_blockAction->currentData().toInt());
    return p;
}

void InvoicePolicyDialog::checkFields()
{
    const InvoicePolicy p = policy();
    // One policy per scope (the store's unique index): say so before Save.
    for (const InvoicePolicy &other : std::as_const(m_snapshot.invoicePolicies)) {
        if (other.id != p.id && other.serviceId == p.serviceId
            && other.customerId == p.customerId) {
            fieldProblem(serviceBox(),
                         tr("%1 already has a policy: edit that one instead.")
                             .arg(BillingRulesText::policyScope(m_snapshot, other)));
            break;
        }
    }
    if (!m_deposit->text().trimmed().isEmpty()) {
        if (const auto bp = BillingInput::parseBasisPoints(m_deposit->text(), 0, kMaxBasisPoints);
            !bp)
            fieldProblem(m_deposit, bp.error().message);
    }
    if (p.cancellation == Domain::CancellationPolicy::LateFee) {
        if (m_lateFee->text().trimmed().isEmpty()) {
            problem(tr("Type the late-cancellation fee."));
        } else if (const auto fee =
                       BillingInput::parseAmountMinor(m_lateFee->text(), p.currency, false);
                   !fee) {
            fieldProblem(m_lateFee, fee.error().message);
        }
    }
    if (!m_blockThreshold->text().trimmed().isEmpty()) {
        if (const auto threshold =
                BillingInput::parseAmountMinor(m_blockThreshold->text(), p.currency, true);
            !threshold)
            fieldProblem(m_blockThreshold, threshold.error().message);
    }
}

} // namespace Concord::Ui
