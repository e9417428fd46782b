#pragma once

#include <QStyledItemDelegate>

namespace Concord::Ui {

// Edits a cell of the mapping tables: a combo box when the model offers
// choices (MappingRoles::ChoicesRole, with their labels and tips), editable
// when it also takes free text (FreeTextRole: a path, a custom field, a
// deal stage of another pipeline, a task subject); a line edit otherwise.
// A choice picked from the list is committed at once, so each pick is one
// undo step. Writes the raw value (EditRole) back through setData(), which
// turns it into an undo command.
class MappingItemDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit MappingItemDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
};

} // namespace Concord::Ui
