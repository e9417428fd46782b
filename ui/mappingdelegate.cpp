#include "mappingdelegate.h"

#include "mappingrows.h"

#include <QComboBox>
#include <QLineEdit>

namespace Concord::Ui {

using namespace MappingRoles;

MappingItemDelegate::MappingItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QWidget *MappingItemDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                           const QModelIndex &index) const
{
    const QStringList values = index.data(ChoicesRole).toStringList();
    const bool freeText = index.data(FreeTextRole).toBool();
    if (values.isEmpty()) {
        auto *edit = new QLineEdit(parent);
        edit->setFrame(false);
        return edit;
    }
    const QStringList labels = index.data(ChoiceLabelsRole).toStringList();
    const QStringList tips = index.data(ChoiceTipsRole).toStringList();
    auto *combo = new QComboBox(parent);
    combo->setEditable(freeText);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (qsizetype i = 0; i < values.size(); ++i) {
        combo->addItem(labels.value(i, values.at(i)), values.at(i));
        if (i < tips.size() && !tips.at(i).isEmpty())
            combo->setItemData(int(i), tips.at(i), Qt::ToolTipRole);
    }
    // A pick from the list is the whole edit: commit it now (one undo step)
    // instead of when focus leaves.
    connect(combo, &QComboBox::activated, this, [this, combo] {
        auto *self = const_cast<MappingItemDelegate *>(this);
        Q_EMIT self->commitData(combo);
        Q_EMIT self->closeEditor(combo, QAbstractItemDelegate::NoHint);
    });
    Q_UNUSED(option);
    return combo;
}

void MappingItemDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QString value = index.data(Qt::EditRole).toString();
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        const int at = combo->findData(value);
        if (at >= 0)
            combo->setCurrentIndex(at);
        else if (combo->isEditable())
            combo->setEditText(value);
        return;
    }
    if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        edit->setText(value);
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void MappingItemDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                       const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        QString value = combo->currentData().toString();
        if (combo->isEditable()) {
            // Typed text that reads as a choice is that choice; other text
            // is the value itself (a custom path, stage or subject).
            const QString text = combo->currentText().trimmed();
            const int at = combo->findText(text, Qt::MatchFixedString);
            value = at >= 0 ? combo->itemData(at).toString() : text;
        }
        model->setData(index, value, Qt::EditRole);
        return;
    }
    if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        model->setData(index, edit->text(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace Concord::Ui
