#pragma once

#include "billingrulesdialogs.h"
#include "billingrulesmodels.h"
#include "domain/rules.h"
#include "domain/user.h"

#include <QPointer>
#include <QWidget>

#include <array>
#include <functional>

class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace Concord::Ui {

class BillingRuleDialog;

// "Tax, discounts and invoicing" (the bookkeeper's page): the tax rules, the
// discount rules and the invoice policies, each in a tab with Add/Edit/Delete,
// and a "Which rule applies?" preview that runs the same choice as invoicing
// (Billing::taxRuleFor, discountRuleFor, policyFor) on the current snapshot.
//
// Concord never computes tax here or anywhere: a tax rule only names the
// QuickBooks tax code, and QuickBooks computes the amounts.
//
// Threading and data flow: lives on the GUI thread and never touches the
// store. It shows a BillingRulesSnapshot pushed with setData() and only asks:
// save…Requested()/delete…Requested() carry the edited value (id and version
// unchanged, id 0 = new) or the id and version to delete; the composition
// root runs them through Services::AdminCommands on the sync thread, then
// pushes a fresh snapshot (or calls showError() with why it was refused).
//
// Permissions: editing needs Security::Permission::EditBilling. Without it
// every edit control is disabled and its tooltip names the roles that may
// (the core refuses such a change anyway; this only keeps people from trying).
class BillingRulesPage : public QWidget {
    Q_OBJECT
public:
    enum class Section { TaxRules, Discounts, InvoicePolicies };
    Q_ENUM(Section)

    // Asks the person to confirm a deletion: true to go ahead. The default
    // shows a warning message box whose default button is Cancel; tests
    // inject one that answers at once (no modal loop).
    using Confirmer =
        std::function<bool(QWidget *parent, const QString &title, const QString &question)>;

    explicit BillingRulesPage(QWidget *parent = nullptr);

    void setData(const BillingRulesSnapshot &snapshot);
    // The signed-in person's role; until set, the page is read-only (Viewer).
    void setRole(Domain::Role role);
    void setConfirmer(Confirmer confirmer);

    [[nodiscard]] Domain::Role role() const { return m_role; }
    [[nodiscard]] bool canEdit() const;
    // True once a snapshot arrived (even an empty one).
    [[nodiscard]] bool hasLoaded() const { return m_loaded; }
    [[nodiscard]] const BillingRulesSnapshot &snapshot() const { return m_snapshot; }
    // "Only a bookkeeper or owner can change tax and discount rules and
    // invoice policies." — the roles come from Security::rolesWith(EditBilling).
    [[nodiscard]] static QString editDeniedText();

    [[nodiscard]] TaxRulesModel *taxModel() const { return m_taxModel; }
    [[nodiscard]] DiscountRulesModel *discountModel() const { return m_discountModel; }
    [[nodiscard]] InvoicePoliciesModel *policyModel() const { return m_policyModel; }
    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }
    [[nodiscard]] QTableView *view(Section section) const;
    [[nodiscard]] QPushButton *addButton(Section section) const;
    [[nodiscard]] QPushButton *editButton(Section section) const;
    [[nodiscard]] QPushButton *deleteButton(Section section) const;
    // The empty-state sentence a section shows instead of its table; empty
    // while the table is shown.
    [[nodiscard]] QString emptyText(Section section) const;
    // The add/edit dialog now open (one at a time), or nullptr.
    [[nodiscard]] BillingRuleDialog *openDialog() const { return m_dialog.data(); }
    [[nodiscard]] QString errorText() const;
    [[nodiscard]] QString noticeText() const;

    // The preview's scope and what it shows: the chosen tax code / discount /
    // policy, and the rule it comes from ("All clients · Math Tutoring ·
    // Brooklyn"; empty when no rule applies).
    void setPreviewScope(const QString &customerId, qint64 serviceId, const QString &location);
    [[nodiscard]] QString previewText(Section section) const;
    [[nodiscard]] QString previewSource(Section section) const;

public Q_SLOTS:
    // Opens the add dialog, or the edit dialog for the current row; both emit
    // the save signal on Save. Nothing happens without permission.
    void addRule(Concord::Ui::BillingRulesPage::Section section);
    void editCurrent(Concord::Ui::BillingRulesPage::Section section);
    // Asks the confirmer, then emits the delete signal with id and version.
    void deleteCurrent(Concord::Ui::BillingRulesPage::Section section);
    // Shows the tab and selects the rule; false when it is not in the snapshot.
    bool selectRule(Concord::Ui::BillingRulesPage::Section section, qint64 id);
    // A save or delete this page asked for was refused (stale version,
    // permission, validation): shown in a banner until dismissed or the next
    // request.
    void showError(const QString &message);

Q_SIGNALS:
    void saveTaxRuleRequested(const Concord::Domain::TaxRule &rule);
    void deleteTaxRuleRequested(qint64 id, int version);
    void saveDiscountRuleRequested(const Concord::Domain::DiscountRule &rule);
    void deleteDiscountRuleRequested(qint64 id, int version);
    void saveInvoicePolicyRequested(const Concord::Domain::InvoicePolicy &policy);
    void deleteInvoicePolicyRequested(qint64 id, int version);
    void refreshRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct SectionUi {
        QSortFilterProxyModel *proxy = nullptr;
        QTableView *view = nullptr;
        QStackedWidget *stack = nullptr;
        QLabel *empty = nullptr;
        QLabel *notice = nullptr; // a section-level warning (no default policy)
        QPushButton *add = nullptr;
        QPushButton *edit = nullptr;
        QPushButton *remove = nullptr;
    };

    QWidget *createSection(Section section, QAbstractItemModel *model, const QString &help,
                           const QString &noun);
    QWidget *createPreview();
    void sizeColumns(Section section);
    void updateActions();
    void updateEmptyStates();
    void updatePreview();
    void refreshPreviewChoices();
    void clearError();
    void openEditor(BillingRuleDialog *dialog, std::function<void()> onAccepted);
    // Source row of the current row in `section`, or -1.
    [[nodiscard]] int currentSourceRow(Section section) const;
    [[nodiscard]] qint64 currentId(Section section) const;
    [[nodiscard]] const SectionUi &ui(Section section) const;

    BillingRulesSnapshot m_snapshot;
    Domain::Role m_role = Domain::Role::Viewer;
    bool m_loaded = false;
    Confirmer m_confirmer;
    QPointer<BillingRuleDialog> m_dialog;

    TaxRulesModel *m_taxModel = nullptr;
    DiscountRulesModel *m_discountModel = nullptr;
    InvoicePoliciesModel *m_policyModel = nullptr;
    std::array<SectionUi, 3> m_sections;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_notice = nullptr;
    QFrame *m_errorBanner = nullptr;
    QLabel *m_errorText = nullptr;

    QComboBox *m_previewCustomer = nullptr;
    QComboBox *m_previewService = nullptr;
    QLineEdit *m_previewLocation = nullptr;
    // The location the preview filled in from the chosen service; replaced
    // when another service is chosen, kept once the person types their own.
    QString m_autoLocation;
    std::array<QLabel *, 3> m_previewValues {};
    std::array<QLabel *, 3> m_previewSources {};
    std::array<QString, 3> m_previewSourceTexts;
    std::array<qint64, 3> m_previewIds {};
};

} // namespace Concord::Ui
