#include "recordspagemodel.h"

#include "localtimedelegate.h"
#include "retryqueuemodel.h"
#include "statustext.h"

#include <QLocale>
#include <QPainter>
#include <QPixmap>

#include <algorithm>
#include <numeric>

namespace Concord::Ui {

using Domain::AppointmentStatus;
using Domain::MoneyStatus;
using Services::DeliveryState;
using Services::Disagreement;

RecordsPageModel::RecordsPageModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RecordsPageModel::setFilterText(const QString &text)
{

    const QString simplified = text.simplified();
    if (simplified == m_filterText)
        return;
    m_filterText = simplified;
    QString folded;
    appendFolded(folded, simplified);
    m_words = folded.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    beginResetModel();
    rebuildView();
    endResetModel();
}

void RecordsPageModel::setDisagreementsOnly(bool only)
{
    if (only == m_disagreementsOnly)
        return;
    m_disagreementsOnly = only;
    beginResetModel();
    rebuildView();
    endResetModel();
}

int RecordsPageModel::rowForId(qint64 id) const
{
    // Linear, but only over what is shown, and only on a selection restore.
    for (std::size_t row = 0; row < m_view.size(); ++row) {
        if (recordId(m_view[row]) == id)
            return int(row);
    }
    return -1;
}

qint64 RecordsPageModel::idAt(int row) const
{
    if (row < 0 || std::size_t(row) >= m_view.size())
        return 0;
    return recordId(m_view[std::size_t(row)]);
}

int RecordsPageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_view.size());
}

QVariant RecordsPageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int record = m_view[std::size_t(index.row())];
    switch (role) {
    case IdRole:
        return recordId(record);
    case DisagreementRole:
        return reasonsOf(recordDisagreements(record));
    case ToneRole:
        return int(toneOf(recordDisagreements(record)));
    case SortRole:
        if (isNumericColumn(index.column()))
            return numberKey(record, index.column());
        return textKey(record, index.column());
    case Qt::BackgroundRole: {
        // The row's highlight: the tone's pale colour, the same as its banners.
        const Theme::Tone tone = toneOf(recordDisagreements(record));
        if (tone == Theme::Tone::Neutral)
            break;
        return Theme::toneBackground(tone);
    }
    case Qt::DecorationRole:
        if (index.column() == 0) {
            const Theme::Tone tone = toneOf(recordDisagreements(record));
            if (tone != Theme::Tone::Neutral)
                return marker(tone);
        }
        break;
    case Qt::ToolTipRole: {
        // The reasons wherever the pointer rests on a disagreeing row.
        const QStringList reasons = reasonsOf(recordDisagreements(record));
        const QVariant own = recordData(record, index.column(), role);
        if (reasons.isEmpty())
            return own;
        QString tip = own.toString();
        if (!tip.isEmpty())
            tip += QStringLiteral("\n\n");
        tip += tr("Disagreements:") + QStringLiteral("\n• ") + reasons.join(QStringLiteral("\n• "));
        return tip;
    }
    default:
        break;
    }
    return recordData(record, index.column(), role);
}

QVariant RecordsPageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    const std::optional<Domain::System> system = columnSystem(section);
    const QString group = system ? RetryQueueModel::systemText(*system) : groupHeading(section);
    switch (role) {
    case Qt::DisplayRole:
        // Two lines: the system, then the field — the columns read as groups.
        return group + QLatin1Char('\n') + columnTitle(section);
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return system ? tr("%1 in %2").arg(columnTitle(section), group)
                      : tr("%1: %2").arg(group, columnTitle(section));
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        break;
    }
    return {};
}

void RecordsPageModel::sort(int column, Qt::SortOrder order)
{
    if (column >= columnCount())
        return;
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<int> records;
    records.reserve(before.size());
    for (const QModelIndex &index : before)
        records.append(m_view[std::size_t(index.row())]);
    m_sortColumn = column;
    m_sortOrder = order;
    applySort();
    if (!before.isEmpty()) {
        std::vector<int> rowOf(std::size_t(recordsInSnapshot()), -1);
        for (std::size_t row = 0; row < m_view.size(); ++row)
            rowOf[std::size_t(m_view[row])] = int(row);
        QModelIndexList after;
        after.reserve(before.size());
        for (qsizetype i = 0; i < before.size(); ++i)
            after.append(index(rowOf[std::size_t(records.at(i))], before.at(i).column()));
        changePersistentIndexList(before, after);
    }
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

const QString &RecordsPageModel::cachedText(AppointmentStatus status) const
{
    auto it = m_appointmentWords.find(int(status));
    if (it == m_appointmentWords.end())
        it = m_appointmentWords.insert(int(status), statusText(status));
    return *it;
}

const QString &RecordsPageModel::cachedText(MoneyStatus status) const
{
    auto it = m_moneyWords.find(int(status));
    if (it == m_moneyWords.end())
        it = m_moneyWords.insert(int(status), statusText(status));
    return *it;
}

const QString &RecordsPageModel::cachedStageLabel(const QString &stageId) const
{
    auto it = m_stageWords.find(stageId);
    if (it == m_stageWords.end())
        it = m_stageWords.insert(stageId, Services::dealStageLabel(stageId));
    return *it;
}

void RecordsPageModel::snapshotChanged()
{
    m_search.clear();
    m_appointmentWords.clear();
    m_moneyWords.clear();
    m_stageWords.clear();
    m_sortKeys.clear();
    m_disagreeing = 0;
    const int n = recordsInSnapshot();
    for (int record = 0; record < n; ++record) {
        if (!recordDisagreements(record).isEmpty())
            ++m_disagreeing;
    }
    rebuildView();
}

void RecordsPageModel::rebuildView()
{
    const int n = recordsInSnapshot();
    m_view.clear();
    m_view.reserve(std::size_t(n));
    if (!m_words.isEmpty())
        ensureSearchTexts();
    for (int record = 0; record < n; ++record) {
        if (accepts(record))
            m_view.push_back(record);
    }
    applySort();
}

bool RecordsPageModel::accepts(int record) const
{
    if (m_disagreementsOnly && recordDisagreements(record).isEmpty())
        return false;
    if (m_words.isEmpty())
        return true;
    const QString &haystack = m_search[std::size_t(record)];
    return std::all_of(m_words.cbegin(), m_words.cend(),
                       [&haystack](const QString &word) { return haystack.contains(word); });
}

void RecordsPageModel::applySort()
{
    // The snapshot's order (by start or date, then id) is the tie-breaker.
    std::sort(m_view.begin(), m_view.end());
    if (m_sortColumn < 0)
        return;
    ensureSortKeys(m_sortColumn);
    const std::vector<qint64> &keys = m_sortKeys[m_sortColumn];
    if (m_sortOrder == Qt::DescendingOrder) {
        std::stable_sort(m_view.begin(), m_view.end(),
                         [&keys](int a, int b) { return keys[std::size_t(b)] < keys[std::size_t(a)]; });
    } else {
        std::stable_sort(m_view.begin(), m_view.end(),
                         [&keys](int a, int b) { return keys[std::size_t(a)] < keys[std::size_t(b)]; });
    }
}

void RecordsPageModel::ensureSortKeys(int column) const
{
    if (m_sortKeys.contains(column))
        return;
    const int n = recordsInSnapshot();
    std::vector<qint64> keys(static_cast<std::size_t>(n), 0);
    if (isNumericColumn(column)) {
        for (int record = 0; record < n; ++record)
            keys[std::size_t(record)] = numberKey(record, column);
    } else {
        // Text sorts once, into ranks: every later sort by the column (the
        // other direction, after a filter) compares numbers.
        std::vector<QString> texts(static_cast<std::size_t>(n));
        for (int record = 0; record < n; ++record) {
            QString &text = texts[std::size_t(record)];
            appendFolded(text, textKey(record, column));
        }
        std::vector<int> order(static_cast<std::size_t>(n));
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&texts](int a, int b) {
            return QString::compare(texts[std::size_t(a)], texts[std::size_t(b)], Qt::CaseSensitive) < 0;
        });
        qint64 rank = 0;
        for (std::size_t i = 0; i < order.size(); ++i) {
            if (i > 0 && texts[std::size_t(order[i])] != texts[std::size_t(order[i - 1])])
                ++rank;
            keys[std::size_t(order[i])] = rank;
        }
    }
    m_sortKeys.insert(column, std::move(keys));
}

void RecordsPageModel::ensureSearchTexts() const
{
    const int n = recordsInSnapshot();
    if (m_search.size() == std::size_t(n))
        return;
    m_search.assign(std::size_t(n), QString());
    for (int record = 0; record < n; ++record) {
        QString &text = m_search[std::size_t(record)];
        text.reserve(160);
        appendSearchText(record, text);
    }
}

void RecordsPageModel::appendFolded(QString &out, QStringView text)
{
    // QString::toCaseFolded goes through the Unicode tables for every
    // character; names, ids and sentences are mostly ASCII, so ASCII takes a
    // shortcut. Words typed in the filter are folded the same way.
    const qsizetype start = out.size();
    out.resize(start + text.size() + 1);
    QChar *to = out.data() + start;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x80)
            *to++ = QChar(char16_t(u >= u'A' && u <= u'Z' ? u + 32 : u));
        else
            *to++ = c.toCaseFolded();
    }
    *to = QLatin1Char(' ');
}

QIcon RecordsPageModel::marker(Theme::Tone tone)
{
    static QHash<int, QIcon> cache;
    const auto it = cache.constFind(int(tone));
    if (it != cache.constEnd())
        return *it;
    QIcon icon;
    for (const int side : { 16, 32 }) {
        QPixmap pixmap(side, side);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(Theme::toneColor(tone));
        const qreal margin = side / 16.0;
        painter.drawEllipse(QRectF(margin, margin, side - 2 * margin, side - 2 * margin));
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(int(side * 0.7));
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(QRectF(0, 0, side, side), Qt::AlignCenter, QStringLiteral("!"));
        painter.end();
        icon.addPixmap(pixmap);
    }
    cache.insert(int(tone), icon);
    return icon;
}

QString RecordsPageModel::statusText(AppointmentStatus status)
{
    return StatusText::appointment(status);
}

QString RecordsPageModel::statusText(MoneyStatus status)
{
    return StatusText::money(status);
}

QString RecordsPageModel::deliveryText(const Services::Delivery &delivery)
{
    switch (delivery.state) {
    case DeliveryState::Waiting:
        return tr("change waits");
    case DeliveryState::Failed:
        return tr("change failed");
    case DeliveryState::Carried:
    case DeliveryState::NothingSent:
        break;
    }
    return {};
}

QString RecordsPageModel::withDelivery(const QString &text, const Services::Delivery &delivery)
{
    const QString how = deliveryText(delivery);
    if (how.isEmpty())
        return text;
    return text.isEmpty() ? how : tr("%1 · %2").arg(text, how);
}

QString RecordsPageModel::deliverySentence(const Services::Delivery &delivery)
{
    QString sentence;
    switch (delivery.state) {
    case DeliveryState::NothingSent:
        return tr("Concord has sent nothing here for this record.");
    case DeliveryState::Carried:
        return delivery.since.isValid() ? tr("Every change was carried (last on %1).")
                                              .arg(LocalTimeDelegate::format(delivery.since))
                                        : tr("Every change was carried.");
    case DeliveryState::Waiting:
        sentence = tr("A change waits to be sent (change #%1, queued %2).")
                       .arg(delivery.jobId)
                       .arg(LocalTimeDelegate::format(delivery.since));
        break;
    case DeliveryState::Failed:
        sentence = tr("A change failed and waits for a person (change #%1).").arg(delivery.jobId);
        break;
    }
    if (!delivery.message.trimmed().isEmpty())
        sentence += QLatin1Char(' ') + delivery.message.trimmed();
    return sentence;
}

Theme::Tone RecordsPageModel::toneOf(const QList<Disagreement> &disagreements)
{
    if (disagreements.isEmpty())
        return Theme::Tone::Neutral;
    const bool person = std::any_of(disagreements.cbegin(), disagreements.cend(),
                                    [](const Disagreement &d) { return d.needsPerson; });
    return person ? Theme::Tone::Bad : Theme::Tone::Warning;
}

QStringList RecordsPageModel::reasonsOf(const QList<Disagreement> &disagreements)
{
    QStringList reasons;
    reasons.reserve(disagreements.size());
    for (const Disagreement &d : disagreements)
        reasons.append(d.reason);
    return reasons;
}

QString RecordsPageModel::moneyText(const Domain::Money &money)
{
    if (!money.isValid())
        return QStringLiteral("—");
    return money.format(QLocale());
}

QString RecordsPageModel::dateText(const QDate &date)
{
    if (!date.isValid())
        return {};
    // Unambiguous across locales, as the other pages write dates.
    return date.toString(QStringLiteral("yyyy-MM-dd"));
}

} // namespace Concord::Ui
