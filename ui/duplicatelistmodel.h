#pragma once

#include "services/identitydata.h"

#include <QAbstractTableModel>

namespace Concord::Ui {

// The duplicate review's list: one row per candidate pair or merge proposal,
// in core's review order (decisions waiting first, then the candidates by
// likelihood, then what was merged, then history). An immutable snapshot
// replaced whole by setReview().
class DuplicateListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Clients, // "Dana Whitfield · Dana Whitfeld"
        Likelihood, // "93%"
        Status, // "To review", "Waiting for an owner", "Merged", …
        ColumnCount
    };
    Q_ENUM(Column)

    enum DataRole {
        IdRole = Qt::UserRole + 1, // QString item key ("candidate/12", "proposal/3"), every column
        NeedsActionRole, // bool: a candidate to review or a proposal waiting for an owner
    };

    explicit DuplicateListModel(QObject *parent = nullptr);

    void setReview(const Services::DuplicateReviewData &data);
    [[nodiscard]] const Services::DuplicateReviewData &review() const { return m_data; }
    [[nodiscard]] const Services::DuplicateReviewItem *item(int row) const;
    [[nodiscard]] int rowForKey(const QString &key) const;
    // Candidates to review plus proposals waiting for an owner.
    [[nodiscard]] int needingAction() const;
    [[nodiscard]] static bool needsAction(const Services::DuplicateReviewItem &item);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    Services::DuplicateReviewData m_data;
};

} // namespace Concord::Ui
