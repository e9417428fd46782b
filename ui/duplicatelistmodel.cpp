#include "duplicatelistmodel.h"

#include "duplicatereviewtext.h"
#include "theme.h"

#include <QBrush>
#include <QFont>
#include <QLocale>

namespace Concord::Ui {

using Domain::MergeState;
using Services::DuplicateReviewItem;
using Services::ReviewKind;

DuplicateListModel::DuplicateListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void DuplicateListModel::setReview(const Services::DuplicateReviewData &data)
{
    beginResetModel();
    m_data = data;
    endResetModel();
}

const DuplicateReviewItem *DuplicateListModel::item(int row) const
{
    return row >= 0 && row < m_data.items.size() ? &m_data.items.at(row) : nullptr;
}

int DuplicateListModel::rowForKey(const QString &key) const
{
    for (int i = 0; i < m_data.items.size(); ++i) {
        if (m_data.items.at(i).key() == key)
            return i;
    }
    return -1;
}

bool DuplicateListModel::needsAction(const DuplicateReviewItem &item)
{
    return item.kind == ReviewKind::Candidate || item.proposal.state == MergeState::Proposed
        || item.proposal.state == MergeState::Approved;
}

int DuplicateListModel::needingAction() const
{
    return int(std::count_if(m_data.items.cbegin(), m_data.items.cend(),
                             &DuplicateListModel::needsAction));
}

int DuplicateListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_data.items.size());
}

int DuplicateListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DuplicateListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DuplicateReviewItem &item = m_data.items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Clients:
            return DuplicateReviewText::title(item);
        case Likelihood:
            return item.scorePermille > 0
                ? QVariant(QLocale().toString(item.scorePermille / 10.0, 'f', 0) + QLatin1Char('%'))
                : QVariant(QString());
        case Status:
            return DuplicateReviewText::status(item);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Likelihood)
            return DuplicateReviewText::likelihood(item.scorePermille);
        return DuplicateReviewText::statusSentence(item);
    case Qt::AccessibleTextRole:
        if (index.column() == Clients)
            return tr("%1, %2").arg(DuplicateReviewText::title(item),
                                    DuplicateReviewText::status(item));
        return {};
    case Qt::ForegroundRole:
        if (!needsAction(item))
            return QBrush(Theme::mutedText());
        if (index.column() == Status && item.kind == ReviewKind::Proposal)
            return QBrush(Theme::toneText(Theme::Tone::Warning));
        return {};
    case Qt::FontRole:
        if (index.column() == Status && item.kind == ReviewKind::Proposal && needsAction(item)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Likelihood)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IdRole:
        return item.key();
    case NeedsActionRole:
        return needsAction(item);
    default:
        return {};
    }
}

QVariant DuplicateListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Clients:
        return tr("Clients");
    case Likelihood:
        return tr("Likely");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace Concord::Ui
