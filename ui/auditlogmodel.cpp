#include "auditlogmodel.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace Concord::Ui {

using Security::AuditEntry;

namespace {

// Summaries name at most this many fields, then "and N more", so the column
// stays one readable line.
constexpr int kMaxNamedFields = 4;

// One side (before or after) of an entry: absent, an object, or some other
// JSON/text that can only be compared whole.
struct JsonSide {
    bool present = false;
    std::optional<QJsonObject> object;
};

JsonSide parseSide(const QByteArray &json)
{
    JsonSide side;
    side.present = !json.trimmed().isEmpty();
    if (!side.present)
        return side;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error == QJsonParseError::NoError && document.isObject())
        side.object = document.object();
    return side;
}

} // namespace

AuditLogModel::AuditLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void AuditLogModel::setEntries(const QList<AuditEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    m_summaries.clear();
    m_summaries.reserve(m_entries.size());
    for (const AuditEntry &entry : std::as_const(m_entries))
        m_summaries.append(summarize(entry));
    endResetModel();
}

int AuditLogModel::rowForSeq(qint64 seq) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).seq == seq)
            return row;
    }
    return -1;
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEntry &entry = m_entries.at(index.row());

    switch (role) {
    case IdRole:
        return entry.seq;
    case EntryRole:
        return QVariant::fromValue(entry);
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Seq:
            return entry.seq;
        case Time:
            return entry.at;
        case Actor:
            return entry.actor;
        case Role:
            return entry.actorRole;
        case Action:
            return entry.action;
        case Entity:
            return entry.entityId.isEmpty()
                ? entry.entityType
                : QStringLiteral("%1 %2").arg(entry.entityType, entry.entityId);
        case Summary:
            return m_summaries.at(index.row());
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case Time:
            return entry.at.toUTC().toString(Qt::ISODateWithMs);
        case Summary:
            return m_summaries.at(index.row());
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == Seq)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    default:
        return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        //: Audit log column: sequence number of the entry
        case Seq:
            return tr("#");
        case Time:
            return tr("Time");
        case Actor:
            return tr("Actor");
        case Role:
            return tr("Role");
        case Action:
            return tr("Action");
        case Entity:
            return tr("Entity");
        case Summary:
            return tr("Summary");
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Seq:
            return tr("Position in the audit chain");
        case Time:
            return tr("When it happened, in this computer's time zone");
        case Actor:
            return tr("Who did it: a user, or Concord itself (system:…)");
        case Role:
            return tr("The actor's role at that moment");
        default:
            return {};
        }
    }
    return {};
}

QString AuditLogModel::summarize(const AuditEntry &entry)
{
    const JsonSide before = parseSide(entry.beforeJson);
    const JsonSide after = parseSide(entry.afterJson);

    const auto nameFields = [](QStringList fields) {
        fields.sort();
        const qsizetype extra = fields.size() - kMaxNamedFields;
        if (extra > 0) {
            fields = fields.mid(0, kMaxNamedFields);
            //: Ends a list of field names that was cut short, e.g. "name, email and 3 more"
            return tr("%1 and %n more", nullptr, int(extra)).arg(fields.join(QStringLiteral(", ")));
        }
        return fields.join(QStringLiteral(", "));
    };

    if (!before.present && !after.present)
        return tr("No recorded details");
    if (!before.present) {
        const QString fields = after.object ? nameFields(after.object->keys()) : QString();
        return fields.isEmpty() ? tr("Created") : tr("Created (%1)").arg(fields);
    }
    if (!after.present)
        return tr("Deleted");
    if (!before.object || !after.object)
        return entry.beforeJson == entry.afterJson ? tr("No field changed") : tr("Changed");

    QSet<QString> keys;
    for (const QString &key : before.object->keys())
        keys.insert(key);
    for (const QString &key : after.object->keys())
        keys.insert(key);
    QStringList changed;
    for (const QString &key : std::as_const(keys)) {
        if (before.object->value(key) != after.object->value(key))
            changed << key;
    }
    if (changed.isEmpty())
        return tr("No field changed");
    return tr("Changed %1").arg(nameFields(changed));
}

} // namespace Concord::Ui
