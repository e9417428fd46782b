#pragma once

#include "services/identitydata.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QButtonGroup;
class QGridLayout;
class QLabel;
class QRadioButton;

namespace Concord::Ui {

class DuplicateMergeDraft;

// The side-by-side comparison of a review item: one column per customer, one
// row per field, and the evidence for each field in the last column ("same
// email · strong", "family name differs by a typo …").
//
// With a draft (a candidate being prepared), the survivor and every field
// whose values differ get a radio button per customer; a click pushes the
// choice onto the draft's undo stack, and the buttons follow the draft when
// it is undone or redone. Without one (a proposal), the chosen values are
// marked "✓" and nothing can be changed.
//
// Accessibility: every radio button's accessible name says what keeping it
// means ("Keep email dana@example.com from Dana Whitfield"); a field's
// buttons form one exclusive group, so the arrow keys move between them.
class DuplicateComparisonView : public QWidget {
    Q_OBJECT
public:
    explicit DuplicateComparisonView(QWidget *parent = nullptr);

    // Shows `item` (nullptr: nothing). `draft` (may be null) must be for the
    // same item and outlive the next showItem() call.
    void showItem(const Services::DuplicateReviewItem *item, DuplicateMergeDraft *draft);
    // Whether the radio buttons react (the role may propose); `reason` is
    // their tooltip when they do not.
    void setEditable(bool editable, const QString &reason = {});
    [[nodiscard]] bool isEditable() const { return m_editable; }

    // The field rows, in order: the survivor fields, then what is shown only.
    [[nodiscard]] static QStringList rowFields();

    // For tests and accessibility checks.
    [[nodiscard]] QRadioButton *survivorButton(int customer) const;
    [[nodiscard]] QRadioButton *choiceButton(const QString &field, int customer) const;
    // The text of a value cell (the radio's or the label's).
    [[nodiscard]] QString cellText(const QString &field, int customer) const;
    // The evidence column of a row, as plain text (one line per comparison).
    [[nodiscard]] QString evidenceText(const QString &field) const;
    // Evidence that belongs to no row (date of birth, …) and the caveats.
    [[nodiscard]] QString otherEvidenceText() const;

private:
    void rebuild();
    void syncChecks();
    void applyEditable();
    [[nodiscard]] QString valueOf(const Services::ReviewCustomer &c, const QString &field) const;
    // The raw value a comparison looked at, for "after normalising".
    [[nodiscard]] QString rawFor(const QString &comparison, const QString &customerId) const;
    [[nodiscard]] QString evidenceHtml(const QList<Services::ReviewEvidenceField> &fields,
                                       QString *plain) const;
    // The customer whose value a proposal keeps for `field` (read-only view).
    [[nodiscard]] int keptIndex(const QString &field) const;

    Services::DuplicateReviewItem m_itemCopy;
    const Services::DuplicateReviewItem *m_item = nullptr; // &m_itemCopy, or null
    QPointer<DuplicateMergeDraft> m_draft;
    bool m_editable = true;
    QString m_notEditableReason;

    QWidget *m_content = nullptr;
    QLabel *m_empty = nullptr;
    QButtonGroup *m_survivorGroup = nullptr;
    QHash<QString, QButtonGroup *> m_fieldGroups;
    QHash<QString, QString> m_cellTexts; // "field/index" → text
    QHash<QString, QString> m_evidenceTexts; // field → plain evidence text
    QString m_otherEvidence;
};

} // namespace Concord::Ui
