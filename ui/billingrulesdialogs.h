#pragma once

#include "billingrulesmodels.h"
#include "common/error.h"
#include "domain/rules.h"

#include <QCoreApplication>
#include <QDialog>
#include <QLocale>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace Concord::Ui {

// Reading what a bookkeeper types into exact values. Never a double: a
// percentage becomes basis points through Domain::Decimal, an amount minor
// units through Domain::Money. The error messages are for the person, one
// sentence, already translated.
class BillingInput {
    Q_DECLARE_TR_FUNCTIONS(Concord::Ui::BillingInput)
public:
    // "12.5" or "12.5 %" → 1250, within [minimum, maximum] basis points
    // (10 000 = 100 %). More than two decimals cannot be a whole basis point
    // and is refused, never rounded. Typed as people type in `locale`: a
    // French bookkeeper's "12,5" is 12.5 (see normalizedNumber).
    [[nodiscard]] static Result<int> parseBasisPoints(const QString &text, int minimum, int maximum,
                                                      const QLocale &locale = QLocale());
    // "15", "15.50", "1,250.00" (fr: "1 250,00") → minor units of `currency`;
    // at most the currency's decimals ("12.345" is refused for USD), never
    // negative, zero only when `allowZero`.
    [[nodiscard]] static Result<qint64> parseAmountMinor(const QString &text, const QString &currency,
                                                         bool allowZero, const QLocale &locale = QLocale());
    // What a field shows for a stored value: 1250 → "12.5" (fr: "12,5");
    // 1550 USD → "15.50" (fr: "15,50"). Never grouped: it is typed back.
    [[nodiscard]] static QString basisPointsText(int basisPoints, const QLocale &locale = QLocale());
    [[nodiscard]] static QString amountText(qint64 minorUnits, const QString &currency,
                                            const QLocale &locale = QLocale());
    // `text` as the store's parsers read numbers ("1250.5"), from how people
    // type them in `locale`. Where the decimal mark is a comma, the comma is
    // the decimal mark, spaces and (if the locale groups with dots) whole
    // thousands groups of dots are grouping, and a lone dot is still read as
    // a decimal point — nobody means 15.50 as fifteen hundred and fifty.
    // Where it is a dot, the text is left as typed (the parsers know "1,250.00").
    [[nodiscard]] static QString normalizedNumber(const QString &text, const QLocale &locale);
};

// What the three rule dialogs share: the scope pickers (service with "Any
// service", location, client with "Any client"), inline validation messages
// under the fields, and a Save button that stays disabled while anything is
// invalid (its tooltip says what). Subclasses add their fields and checks.
//
// The dialogs never save: the page takes the value from rule()/policy() on
// accept() and emits it. id and version pass through unchanged, so an edit
// is an update of the same row and a stale one is refused by the store.
class BillingRuleDialog : public QDialog {
    Q_OBJECT
public:
    [[nodiscard]] QComboBox *serviceBox() const { return m_service; }
    // nullptr for invoice policies (they have no location).
    [[nodiscard]] QLineEdit *locationEdit() const { return m_location; }
    [[nodiscard]] QComboBox *customerBox() const { return m_customer; }
    [[nodiscard]] QPushButton *okButton() const;

    [[nodiscard]] bool isValid() const { return m_problems.isEmpty(); }
    // Every reason Save is disabled, in field order.
    [[nodiscard]] QStringList problems() const { return m_problems; }
    // The inline message shown under `field` (empty when none is shown).
    [[nodiscard]] QString messageFor(const QWidget *field) const;
    // A non-blocking remark (e.g. another rule has the same scope and priority).
    [[nodiscard]] QString warning() const;

    // Picks the item whose data is `serviceId` / `customerId`; false when absent.
    bool selectService(qint64 serviceId);
    bool selectCustomer(const QString &customerId);

protected:
    BillingRuleDialog(const BillingRulesSnapshot &snapshot, bool withLocation, QWidget *parent);

    // Adds the scope rows ("Applies to") to the form.
    void addScopeRows(qint64 serviceId, const QString &location, const QString &customerId);
    // Adds `field` with its label (none: the field column only) and an
    // inline message row under it. `row` is what the form shows when the
    // field sits in a larger widget (a unit after it); default: the field.
    void addField(const QString &label, QWidget *field, const QString &accessibleName,
                  QWidget *row = nullptr);
    void addSectionTitle(const QString &title);
    void addHint(const QString &text);
    // Lays out the form, the warning line and the buttons; call last.
    void finishLayout();

    // Re-runs the checks: subclasses report through problem()/fieldProblem()
    // from checkFields(), then this updates the messages and Save.
    void revalidate();
    virtual void checkFields() = 0;
    // A problem shown under `field` (and listed in problems()).
    void fieldProblem(QWidget *field, const QString &message);
    // A problem that only disables Save (a required value not given yet: the
    // field's placeholder already says so, red text would be shouting).
    void problem(const QString &message);
    void setWarning(const QString &message);

    [[nodiscard]] qint64 selectedServiceId() const;
    [[nodiscard]] QString selectedCustomerId() const;
    [[nodiscard]] QString typedLocation() const;

    BillingRulesSnapshot m_snapshot;

private:
    QGridLayout *m_form = nullptr;
    int m_rows = 0; // rows added to m_form so far
    QList<QWidget *> m_tabOrder; // the fields, in the order of the rows
    QComboBox *m_service = nullptr;
    QLineEdit *m_location = nullptr;
    QComboBox *m_customer = nullptr;
    QLabel *m_warning = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QHash<const QWidget *, QLabel *> m_messages; // field → its inline message
    QStringList m_problems;
    QHash<const QWidget *, QString> m_pending; // collected during checkFields()
    QString m_pendingWarning;
};

// Adds or edits a tax rule: scope, QuickBooks tax code, priority, enabled.
class TaxRuleDialog : public BillingRuleDialog {
    Q_OBJECT
public:
    TaxRuleDialog(const BillingRulesSnapshot &snapshot, const Domain::TaxRule &rule,
                  QWidget *parent = nullptr);

    [[nodiscard]] Domain::TaxRule rule() const;

    [[nodiscard]] QComboBox *taxCodeBox() const { return m_taxCode; }
    [[nodiscard]] QSpinBox *priorityBox() const { return m_priority; }
    [[nodiscard]] QCheckBox *enabledBox() const { return m_enabled; }
    bool selectTaxCode(const QString &code);

protected:
    void checkFields() override;

private:
    Domain::TaxRule m_rule;
    QComboBox *m_taxCode = nullptr;
    QSpinBox *m_priority = nullptr;
    QCheckBox *m_enabled = nullptr;
};

// Adds or edits a discount rule: scope, a percentage or a fixed amount, the
// invoice line's description, priority, enabled.
class DiscountRuleDialog : public BillingRuleDialog {
    Q_OBJECT
public:
    DiscountRuleDialog(const BillingRulesSnapshot &snapshot, const Domain::DiscountRule &rule,
                       QWidget *parent = nullptr);

    [[nodiscard]] Domain::DiscountRule rule() const;

    [[nodiscard]] QRadioButton *percentButton() const { return m_byPercent; }
    [[nodiscard]] QRadioButton *amountButton() const { return m_byAmount; }
    [[nodiscard]] QLineEdit *percentEdit() const { return m_percent; }
    [[nodiscard]] QLineEdit *amountEdit() const { return m_amount; }
    [[nodiscard]] QLineEdit *descriptionEdit() const { return m_description; }
    [[nodiscard]] QSpinBox *priorityBox() const { return m_priority; }
    [[nodiscard]] QCheckBox *enabledBox() const { return m_enabled; }

protected:
    void checkFields() override;

private:
    void updateKind();

    Domain::DiscountRule m_rule;
    QRadioButton *m_byPercent = nullptr;
    QRadioButton *m_byAmount = nullptr;
    QLineEdit *m_percent = nullptr;
    QLineEdit *m_amount = nullptr;
    QLineEdit *m_description = nullptr;
    QSpinBox *m_priority = nullptr;
    QCheckBox *m_enabled = nullptr;
};

// Adds or edits an invoice policy for a scope (default, a service, a client):
// per session or monthly, deposit, payment terms, cancellation, booking block.
// A scope has at most one policy (the store enforces it; the dialog says so
// before Save).
class InvoicePolicyDialog : public BillingRuleDialog {
    Q_OBJECT
public:
    InvoicePolicyDialog(const BillingRulesSnapshot &snapshot, const Domain::InvoicePolicy &policy,
                        QWidget *parent = nullptr);

    [[nodiscard]] Domain::InvoicePolicy policy() const;

    [[nodiscard]] QComboBox *modeBox() const { return m_mode; }
    [[nodiscard]] QComboBox *groupingBox() const { return m_grouping; }
    [[nodiscard]] QLineEdit *depositEdit() const { return m_deposit; }
    [[nodiscard]] QSpinBox *paymentTermBox() const { return m_paymentTerm; }
    [[nodiscard]] QComboBox *cancellationBox() const { return m_cancellation; }
    [[nodiscard]] QSpinBox *lateWindowBox() const { return m_lateWindow; }
    [[nodiscard]] QLineEdit *lateFeeEdit() const { return m_lateFee; }
    [[nodiscard]] QLineEdit *blockThresholdEdit() const { return m_blockThreshold; }
    [[nodiscard]] QComboBox *blockActionBox() const { return m_blockAction; }

protected:
    void checkFields() override;

private:
    void updateEnabledFields();

    Domain::InvoicePolicy m_policy;
    QComboBox *m_mode = nullptr;
    QComboBox *m_grouping = nullptr;
    QLineEdit *m_deposit = nullptr;
    QSpinBox *m_paymentTerm = nullptr;
    QComboBox *m_cancellation = nullptr;
    QSpinBox *m_lateWindow = nullptr;
    QLineEdit *m_lateFee = nullptr;
    QLineEdit *m_blockThreshold = nullptr;
    QComboBox *m_blockAction = nullptr;
};

} // namespace Concord::Ui
