#include "identitymapmodel.h"

#include "duplicatereviewtext.h"
#include "localtimedelegate.h"
#include "theme.h"

#include <QBrush>
#include <QLocale>

#include <algorithm>
#include <numeric>

namespace Concord::Ui {

using Domain::System;
using Services::IdentityLinkCell;
using Services::IdentityMapRow;

namespace {

// Record ids are often numbers ("58", "901"): padded, they sort as numbers
// while staying plain strings.
QString idKey(const QString &id)
{
    bool allDigits = !id.isEmpty() && id.size() < 20;
    for (const QChar c : id) {
        if (!c.isDigit()) {
            allDigits = false;
            break;
        }
    }
    return allDigits ? id.rightJustified(20, QLatin1Char('0')) : id.toCaseFolded();
}

QString digitsOf(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (const QChar c : s) {
        if (c.isDigit())
            out.append(c);
    }
    return out;
}

} // namespace

IdentityMapModel::IdentityMapModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void IdentityMapModel::setIdentityMap(const Services::IdentityMapData &data)
{
    beginResetModel();
    m_data = data;
    for (QList<QString> &keys : m_sortKeys)
        keys.clear();
    for (QList<int> &ranks : m_sortRanks)
        ranks.clear();
    m_searchTexts.clear();
    endResetModel();
}

std::optional<System> IdentityMapModel::systemOf(int column)
{
    switch (column) {
    case HubSpot:
        return System::HubSpot;
    case QuickBooks:
        return System::QuickBooks;
    case CalCom:
        return System::CalCom;
    default:
        return std::nullopt;
    }
}

int IdentityMapModel::columnOf(System system)
{
    switch (system) {
    case System::HubSpot:
        return HubSpot;
    case System::QuickBooks:
        return QuickBooks;
    case System::CalCom:
        return CalCom;
    }
    return -1;
}

const QList<QString> &IdentityMapModel::sortKeys(int column) const
{
    Q_ASSERT(column >= 0 && column < ColumnCount);
    QList<QString> &keys = m_sortKeys[size_t(column)];
    if (!keys.isEmpty() || m_data.rows.isEmpty())
        return keys;
    keys.reserve(m_data.rows.size());
    const std::optional<System> system = systemOf(column);
    for (const IdentityMapRow &row : m_data.rows) {
        if (system) {
            // Unlinked last when ascending: what is linked reads first.
            const IdentityLinkCell &cell = row.link(*system);
            keys.append(cell.isLinked() ? idKey(cell.externalId) : QString(1, QChar(0xFFFF)));
            continue;
        }
        switch (column) {
        case Name:
            keys.append(row.displayName.toCaseFolded());
            break;
        case Email:
            keys.append(row.email.isEmpty() ? QString(1, QChar(0xFFFF)) : row.email.toCaseFolded());
            break;
        case Phone:
            keys.append(row.phone.isEmpty() ? QString(1, QChar(0xFFFF)) : digitsOf(row.phone));
            break;
        default:
            keys.append(QString());
            break;
        }
    }
    return keys;
}

const QList<int> &IdentityMapModel::sortRanks(int column) const
{
    Q_ASSERT(column >= 0 && column < ColumnCount);
    QList<int> &ranks = m_sortRanks[size_t(column)];
    if (!ranks.isEmpty() || m_data.rows.isEmpty())
        return ranks;
    const QString *keys = sortKeys(column).constData();
    const int n = int(m_data.rows.size());
    QList<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [keys](int a, int b) {
        const int c = keys[a].compare(keys[b]);
        return c != 0 ? c < 0 : a < b;
    });
    ranks.resize(n);
    int rank = 0;
    for (int i = 0; i < n; ++i) {
        if (i > 0 && keys[order.at(i)] != keys[order.at(i - 1)])
            ++rank;
        ranks[order.at(i)] = rank;
    }
    return ranks;
}

const QList<QString> &IdentityMapModel::searchTexts() const
{
    if (!m_searchTexts.isEmpty() || m_data.rows.isEmpty())
        return m_searchTexts;
    m_searchTexts.reserve(m_data.rows.size());
    const QChar sep(u'\n'); // never typed into the filter, so words cannot span fields
    for (const IdentityMapRow &row : m_data.rows) {
        QString text;
        text.reserve(row.displayName.size() + row.companyName.size() + row.email.size()
                     + 2 * row.phone.size() + 80);
        text += row.displayName;
        text += sep;
        text += row.companyName;
        text += sep;
        text += row.email;
        text += sep;
        text += row.phone;
        text += sep;
        text += digitsOf(row.phone);
        for (const IdentityLinkCell &cell : row.links) {
            text += sep;
            text += cell.externalId;
        }
        text += sep;
        text += row.customerId;
        m_searchTexts.append(text.toCaseFolded());
    }
    return m_searchTexts;
}

int IdentityMapModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_data.rows.size());
}

int IdentityMapModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString IdentityMapModel::linkText(const IdentityLinkCell &cell)
{
    if (!cell.isLinked())
        return tr("not linked");
    //: A linked record in the identity map: a check mark and the record's id
    QString text = tr("✓ %1").arg(cell.externalId);
    if (cell.moreRecords > 0)
        //: "✓ ana@example.org +1": one more record of the same client in that system
        text = tr("%1 +%2").arg(text).arg(cell.moreRecords);
    return text;
}

QString IdentityMapModel::linkDetail(System system, const IdentityLinkCell &cell)
{
    if (!cell.isLinked())
        return tr("No %1 is linked to this client.").arg(DuplicateReviewText::recordNoun(system));
    QStringList lines;
    lines << tr("%1 %2").arg(DuplicateReviewText::recordNoun(system), cell.externalId);
    QString how = DuplicateReviewText::linkMethod(cell.method);
    if (cell.confidencePermille < 1000)
        //: "matched by phone, 70% sure"
        how = tr("%1, %2% sure").arg(how).arg(cell.confidencePermille / 10);
    lines << how;
    if (cell.linkedAt.isValid())
        lines << tr("Linked by %1 on %2")
                     .arg(cell.linkedBy, LocalTimeDelegate::format(cell.linkedAt));
    if (cell.moreRecords > 0)
        lines << tr("%n more records of this client in %1", nullptr, cell.moreRecords)
                     .arg(DuplicateReviewText::systemName(system));
    return lines.join(QLatin1Char('\n'));
}

QVariant IdentityMapModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const IdentityMapRow &r = m_data.rows.at(index.row());
    const int column = index.column();
    const std::optional<System> system = systemOf(column);
    switch (role) {
    case Qt::DisplayRole:
        if (system)
            return linkText(r.link(*system));
        switch (column) {
        case Name:
            return r.displayName;
        case Email:
            return r.email;
        case Phone:
            return r.phone;
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (system && !r.link(*system).isLinked())
            return QBrush(Theme::mutedText());
        return {};
    case Qt::ToolTipRole:
        if (system)
            return linkDetail(*system, r.link(*system));
        if (column == Name) {
            QStringList lines { r.displayName };
            if (!r.companyName.isEmpty() && r.companyName != r.displayName)
                lines << r.companyName;
            lines << tr("Concord id %1").arg(r.customerId);
            return lines.join(QLatin1Char('\n'));
        }
        return {};
    case Qt::AccessibleTextRole:
        if (system) {
            const IdentityLinkCell &cell = r.link(*system);
            //: Read by screen readers: "HubSpot: 901" / "HubSpot: not linked"
            return tr("%1: %2").arg(DuplicateReviewText::systemName(*system),
                                    cell.isLinked() ? cell.externalId : tr("not linked"));
        }
        return {};
    case IdRole:
        return r.customerId;
    case LinkedRole:
        return system ? QVariant(r.link(*system).isLinked()) : QVariant();
    case ExternalIdRole:
        return system ? QVariant(r.link(*system).externalId) : QVariant();
    default:
        return {};
    }
}

QVariant IdentityMapModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Name:
            return tr("Client");
        case Email:
            return tr("Email");
        case Phone:
            return tr("Phone");
        case HubSpot:
            return tr("HubSpot");
        case QuickBooks:
            return tr("QuickBooks");
        case CalCom:
            return tr("Cal.com");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (const auto system = systemOf(section))
            return tr("The client's %1, or “not linked”")
                .arg(DuplicateReviewText::recordNoun(*system));
    }
    return {};
}

} // namespace Concord::Ui
