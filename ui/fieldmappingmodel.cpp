#include "fieldmappingmodel.h"

#include "mappingcommands.h"
#include "mappingtext.h"
#include "theme.h"

#include <QLocale>
#include <QUndoStack>

#include <algorithm>
#include <functional>

namespace Concord::Ui {

using Domain::FieldMapping;
using Domain::System;
using Security::Permission;
using Part = Sync::MappingProblem::Part;
using Severity = Sync::MappingProblem::Severity;
using namespace MappingRoles;

namespace {

using EditCommand = EditMappingCommand<FieldMappingModel, FieldMapping>;
using AddCommand = AddMappingCommand<FieldMappingModel, FieldMapping>;
using RemoveCommand = RemoveMappingCommand<FieldMappingModel, FieldMapping>;

QString transformOf(const FieldMapping &m)
{
    const QString t = m.transform.trimmed();
    return t.isEmpty() ? QStringLiteral("identity") : t;
}

bool isSystemColumn(int column)
{
    return column == FieldMappingModel::Source || column == FieldMappingModel::Target
        || column == FieldMappingModel::Authority;
}

System systemIn(const FieldMapping &m, int column)
{
    switch (column) {
    case FieldMappingModel::Source:
        return m.sourceSystem;
    case FieldMappingModel::Target:
        return m.targetSystem;
    default:
        return m.authoritativeSystem;
    }
}

} // namespace

FieldMappingModel::FieldMappingModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void FieldMappingModel::setSnapshot(const Services::MappingsData &data)
{
    beginResetModel();
    m_catalogue = data;
    m_rows.reset(data.fields);
    endResetModel();
    revalidate();
}

void FieldMappingModel::setUndoStack(QUndoStack *stack)
{
    m_stack = stack;
}

void FieldMappingModel::setRole(Domain::Role role)
{
    if (m_role == role)
        return;
    m_role = role;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    revalidate();
}

void FieldMappingModel::setReadOnly(bool readOnly)
{
    if (m_readOnly == readOnly)
        return;
    m_readOnly = readOnly;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QString FieldMappingModel::lockReason(int row) const
{
    if (!Security::roleHas(m_role, Permission::EditMappings))
        return MappingText::lockReason(m_role, Permission::EditMappings);
    // A stored row belongs to the side it is stored on; a new one to no side
    // yet (validation says when it lands on a side the role may not use).
    if (const FieldMapping *stored = m_rows.stored(row))
        return MappingText::lockReason(m_role, Services::mappingSide(*stored));
    return {};
}

bool FieldMappingModel::canAdd() const
{
    return !m_readOnly && Security::roleHas(m_role, Permission::EditMappings)
        && (Security::roleHas(m_role, Permission::EditBookings)
            || Security::roleHas(m_role, Permission::EditBilling));
}

FieldMappingModel::Column FieldMappingModel::columnOf(Part part) const
{
    switch (part) {
    case Part::Source:
        return Source;
    case Part::Target:
        return Target;
    case Part::Transform:
        return Transform;
    case Part::Authority:
        return Authority;
    default:
        return Field;
    }
}

QModelIndex FieldMappingModel::addMapping()
{
    if (!canAdd())
        return {};
    FieldMapping m;
    // Filled for the side the role works on, so the new row is theirs to finish.
    if (Security::roleHas(m_role, Permission::EditBookings)) {
        m.sourceSystem = System::CalCom;
        m.targetSystem = System::HubSpot;
        m.authoritativeSystem = System::CalCom;
    } else {
        m.sourceSystem = System::QuickBooks;
        m.targetSystem = System::HubSpot;
        m.authoritativeSystem = System::QuickBooks;
    }
    m.transform = QStringLiteral("identity");
    m.enabled = true;
    const int row = rowCount();
    push(new AddCommand(this, row, m_rows.newKey(), m, tr("Add a field mapping")));
    return index(row, Field);
}

int FieldMappingModel::removeMappings(QList<int> rows)
{
    if (m_readOnly)
        return 0;
    std::sort(rows.begin(), rows.end(), std::greater<>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [this](int row) {
                                  return row < 0 || row >= rowCount() || !lockReason(row).isEmpty();
                              }),
               rows.end());
    if (rows.isEmpty())
        return 0;
    const bool macro = m_stack && rows.size() > 1;
    if (macro)
        m_stack->beginMacro(tr("Remove %n field mappings", "", int(rows.size())));
    // From the bottom up, so each command's row is still where it was.
    for (int row : std::as_const(rows)) {
        const FieldMapping m = mapping(row);
        push(new RemoveCommand(this, row, m_rows.keyAt(row), m,
                               tr("Remove %1").arg(MappingText::fieldRow(m))));
    }
    if (macro)
        m_stack->endMacro();
    return int(rows.size());
}

void FieldMappingModel::setMappingAt(qint64 key, const FieldMapping &value)
{
    const int row = m_rows.rowOfKey(key);
    if (row < 0)
        return;
    m_rows.set(row, value);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    revalidate();
    Q_EMIT rowTouched(row);
}

void FieldMappingModel::insertMapping(int row, qint64 key, const FieldMapping &value)
{
    row = std::clamp(row, 0, rowCount());
    beginInsertRows({}, row, row);
    m_rows.insert(row, key, value);
    endInsertRows();
    revalidate();
    Q_EMIT rowTouched(row);
}

void FieldMappingModel::removeMapping(qint64 key)
{
    const int row = m_rows.rowOfKey(key);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    revalidate();
    if (rowCount() > 0)
        Q_EMIT rowTouched(std::min(row, rowCount() - 1));
}

void FieldMappingModel::push(QUndoCommand *command)
{
    if (m_stack) {
        m_stack->push(command); // runs redo()
        return;
    }
    command->redo();
    delete command;
}

void FieldMappingModel::revalidate()
{
    m_problems = Sync::validateFieldMappings(m_rows.values());
    // What this role may not do: a row it changed or added that now lands on
    // the other side (core refuses it too; this says so before Apply).
    if (Security::roleHas(m_role, Permission::EditMappings)) {
        for (int row = 0; row < rowCount(); ++row) {
            const FieldMapping &m = mapping(row);
            const Permission side = Services::mappingSide(m);
            if (!m_rows.isChanged(row) || Security::roleHas(m_role, side))
                continue;
            Sync::MappingProblem p;
            p.row = row;
            p.field = m.field;
            if (side == Permission::EditBilling) {
                p.part = m.targetSystem == System::QuickBooks ? Part::Target : Part::Source;
                p.explanation = tr("With QuickBooks in it, this row becomes a billing-side "
                                   "mapping, which only %1 "
                                   "can change: choose Cal.com or HubSpot instead.")
                                    .arg(MappingText::whoMay(Permission::EditBilling));
            } else {
                p.part = Part::Target;
                p.explanation = tr("Without QuickBooks in it, this row becomes a booking-side "
                                   "mapping, which only "
                                   "%1 can change: keep QuickBooks as its source or target.")
                                    .arg(MappingText::whoMay(Permission::EditBookings));
            }
            m_problems.append(p);
        }
        std::stable_sort(m_problems.begin(), m_problems.end(),
                         [](const Sync::MappingProblem &a, const Sync::MappingProblem &b) {
                             return a.row < b.row;
                         });
    }
    if (rowCount() > 0) {
        Q_EMIT dataChanged(
            index(0, 0), index(rowCount() - 1, ColumnCount - 1),
            { Qt::BackgroundRole, Qt::ToolTipRole, Qt::DecorationRole, ProblemRole, ChangedRole });
    }
    Q_EMIT problemsChanged();
}

bool FieldMappingModel::cellChanged(int row, int column) const
{
    const FieldMapping *stored = m_rows.stored(row);
    if (!stored)
        return true;
    const FieldMapping &m = mapping(row);
    switch (column) {
    case Enabled:
        return stored->enabled != m.enabled;
    case Field:
        return stored->field != m.field;
    case Source:
        return stored->sourceSystem != m.sourceSystem;
    case SourcePath:
        return stored->sourcePath != m.sourcePath;
    case Target:
        return stored->targetSystem != m.targetSystem;
    case TargetPath:
        return stored->targetPath != m.targetPath;
    case Transform:
        return transformOf(*stored) != transformOf(m);
    case Authority:
        return stored->authoritativeSystem != m.authoritativeSystem;
    default:
        return false;
    }
}

QString FieldMappingModel::cellProblems(int row, int column, bool *isError) const
{
    QStringList lines;
    bool error = false;
    for (const Sync::MappingProblem &p : m_problems) {
        if (p.row != row || columnOf(p.part) != column)
            continue;
        lines << p.explanation;
        error = error || p.severity == Severity::Error;
    }
    if (isError)
        *isError = error;
    return lines.join(QLatin1Char('\n'));
}

QString FieldMappingModel::columnName(int column) const
{
    switch (column) {
    case Enabled:
        //: Column: whether the mapping is switched on
        return tr("On");
    case Field:
        return tr("Field");
    case Type:
        //: Column: the kind of values the field holds
        return tr("Values");
    case Source:
        //: Column: the system the value is read from
        return tr("From");
    case SourcePath:
        return tr("Read at");
    case Target:
        //: Column: the system the value is written to
        return tr("To");
    case TargetPath:
        return tr("Written to");
    case Transform:
        return tr("Transform");
    case Authority:
        return tr("System of record");
    }
    return {};
}

QStringList FieldMappingModel::transformChoices(const FieldMapping &m, QStringList *labels,
                                                QStringList *tips) const
{
    const std::optional<Sync::ValueType> type = Sync::fieldType(m.field);
    QStringList names;
    for (const Sync::TransformInfo &t : m_catalogue.transforms) {
        names << t.name;
        const bool fits = !type || Sync::accepts(t.input, *type);
        //: A transform that does not fit the field: "e164 (needs a Phone number)"
        labels->append(fits ? t.name
                            : tr("%1 (needs: %2)").arg(t.name, MappingText::valueType(t.input)));
        tips->append(t.description);
    }
    const QString current = transformOf(m);
    if (!names.contains(current)) {
        names << current;
        labels->append(current);
        tips->append(tr("Not a transform Concord knows"));
    }
    return names;
}

int FieldMappingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

int FieldMappingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FieldMappingModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= rowCount()
        || index.column() >= ColumnCount)
        return {};
    const int row = index.row();
    const int column = index.column();
    const FieldMapping &m = mapping(row);
    const std::optional<Sync::ValueType> type = Sync::fieldType(m.field);

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Field:
            return m.field.isEmpty() ? tr("Choose a field") : m.field;
        case Type:
            return type ? MappingText::valueType(*type) : tr("Not a Concord field");
        case Source:
        case Target:
        case Authority:
            return MappingText::system(systemIn(m, column));
        case SourcePath:
            return m.sourcePath;
        case TargetPath:
            return m.targetPath;
        case Transform:
            return transformOf(m);
        default:
            return {};
        }
    case Qt::EditRole:
        switch (column) {
        case Enabled:
            return m.enabled;
        case Field:
            return m.field;
        case Type:
            return type ? Sync::toString(*type) : QString();
        case Source:
        case Target:
        case Authority:
            return Domain::toString(systemIn(m, column));
        case SourcePath:
            return m.sourcePath;
        case TargetPath:
            return m.targetPath;
        case Transform:
            return transformOf(m);
        default:
            return {};
        }
    case Qt::CheckStateRole:
        if (column == Enabled)
            return m.enabled ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole: {
        if (const QString problems = cellProblems(row, column, nullptr); !problems.isEmpty())
            return problems;
        if (const QString locked = lockReason(row); !locked.isEmpty())
            return locked;
        switch (column) {
        case Field: {
            if (m_rows.isNew(row))
                return tr("New: not applied yet");
            const QString who = m.updatedBy.isEmpty() ? tr("unknown") : m.updatedBy;
            const QString when =
                QLocale().toString(m.updatedAt.toLocalTime(), QLocale::ShortFormat);
            const QString last = tr("Last changed by %1, %2").arg(who, when);
            return m_rows.isChanged(row) ? tr("%1 (changed here, not applied yet)").arg(last)
                                         : last;
        }
        case Type:
            return type ? tr("'%1' holds: %2. Its transform must accept that.")
                              .arg(m.field, MappingText::valueType(*type))
                        : QString();
        case Transform:
            if (auto info = Sync::transformInfo(transformOf(m)))
                return info->description;
            return {};
        case SourcePath:
            return m.sourcePath;
        case TargetPath:
            return m.targetPath;
        case Authority:
            return tr("The one system whose value of '%1' is right. Concord carries it from there "
                      "and never "
                      "writes it back into it.")
                .arg(m.field);
        default:
            return {};
        }
    }
    case Qt::BackgroundRole: {
        bool error = false;
        if (!cellProblems(row, column, &error).isEmpty())
            return Theme::toneBackground(error ? Theme::Tone::Bad : Theme::Tone::Warning);
        if (column != Type && cellChanged(row, column))
            return Theme::toneBackground(Theme::Tone::Info);
        return {};
    }
    case Qt::ForegroundRole:
        if (!lockReason(row).isEmpty() || !m.enabled || (column == Field && m.field.isEmpty()))
            return Theme::mutedText();
        return {};
    case Qt::DecorationRole:
        if (column == Field) {
            bool anyError = false;
            bool any = false;
            for (const Sync::MappingProblem &p : m_problems) {
                if (p.row == row) {
                    any = true;
                    anyError = anyError || p.severity == Severity::Error;
                }
            }
            if (any)
                return Theme::dot(anyError ? Theme::Tone::Bad : Theme::Tone::Warning, 8);
        }
        return {};
    case IdRole:
        if (const FieldMapping *stored = m_rows.stored(row))
            return stored->id;
        return qint64(0);
    case VersionRole:
        if (const FieldMapping *stored = m_rows.stored(row))
            return stored->version;
        return 0;
    case KeyRole:
        return m_rows.keyAt(row);
    case ChoicesRole:
    case ChoiceLabelsRole:
    case ChoiceTipsRole: {
        QStringList values;
        QStringList labels;
        QStringList tips;
        if (column == Field) {
            for (const Services::MappingFieldInfo &f : m_catalogue.knownFields) {
                values << f.name;
                labels << f.name;
                tips << MappingText::valueType(f.type);
            }
            if (!m.field.isEmpty() && !values.contains(m.field)) {
                values << m.field;
                labels << m.field;
                tips << tr("Not a Concord field");
            }
        } else if (isSystemColumn(column)) {
            for (System s : Domain::allSystems()) {
                values << Domain::toString(s);
                labels << MappingText::system(s);
                tips << Domain::displayName(s);
            }
        } else if (column == SourcePath || column == TargetPath) {
            const System system = column == SourcePath ? m.sourceSystem : m.targetSystem;
            const QString current = column == SourcePath ? m.sourcePath : m.targetPath;
            values = m_catalogue.pathsFor(m.field, system);
            if (!current.isEmpty() && !values.contains(current))
                values.prepend(current);
            labels = values;
            tips = values;
        } else if (column == Transform) {
            values = transformChoices(m, &labels, &tips);
        }
        return role == ChoicesRole ? values : role == ChoiceLabelsRole ? labels : tips;
    }
    case FreeTextRole:
        return column == Field || column == SourcePath || column == TargetPath;
    case ChangedRole:
        return cellChanged(row, column);
    case ProblemRole:
        return cellProblems(row, column, nullptr);
    case LockedRole:
        return lockReason(row);
    default:
        return {};
    }
}

bool FieldMappingModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.model() != this || index.row() >= rowCount()
        || index.column() >= ColumnCount)
        return false;
    const int row = index.row();
    const int column = index.column();
    const bool checkable = column == Enabled && role == Qt::CheckStateRole;
    if (!(flags(index) & (checkable ? Qt::ItemIsUserCheckable : Qt::ItemIsEditable)))
        return false;
    if (!checkable && role != Qt::EditRole)
        return false;

    const FieldMapping before = mapping(row);
    FieldMapping after = before;
    QString text;
    switch (column) {
    case Enabled:
        after.enabled = value.toInt() == Qt::Checked;
        text = after.enabled ? tr("Switch on %1").arg(MappingText::fieldRow(before))
                             : tr("Switch off %1").arg(MappingText::fieldRow(before));
        break;
    case Field: {
        after.field = value.toString().trimmed().toLower();
        if (after.field == before.field)
            return false;
        // A field has one system of record: a row joining a field that
        // other rows carry starts from theirs. Paths left empty get the
        // usual ones.
        // (If that is where this row writes, validation then asks for
        // another target.)
        for (int other = 0; other < rowCount(); ++other) {
            const FieldMapping &o = mapping(other);
            if (other == row || o.field != after.field)
                continue;
            after.authoritativeSystem = o.authoritativeSystem;
            after.sourceSystem = o.authoritativeSystem;
            break;
        }
        if (after.sourcePath.isEmpty())
            after.sourcePath = m_catalogue.pathsFor(after.field, after.sourceSystem).value(0);
        if (after.targetPath.isEmpty() && after.targetSystem != after.sourceSystem)
            after.targetPath = m_catalogue.pathsFor(after.field, after.targetSystem).value(0);
        text = tr("Change the field of %1").arg(MappingText::fieldRow(before));
        break;
    }
    case Source:
    case Target:
    case Authority: {
        auto system = Domain::parseSystem(value.toString());
        if (!system)
            return false;
        // A path Concord suggested for the old system follows the system
        // (a path the person typed stays theirs).
        const auto repath = [this, &after](QString &path, System from, System to) {
            if (path.isEmpty() || m_catalogue.pathsFor(after.field, from).contains(path))
                path = m_catalogue.pathsFor(after.field, to).value(0);
        };
        if (column == Source) {
            after.sourceSystem = *system;
            repath(after.sourcePath, before.sourceSystem, after.sourceSystem);
            text = tr("Change where %1 is read").arg(MappingText::fieldRow(before));
        } else if (column == Target) {
            after.targetSystem = *system;
            repath(after.targetPath, before.targetSystem, after.targetSystem);
            text = tr("Change where %1 is written").arg(MappingText::fieldRow(before));
        } else {
            after.authoritativeSystem = *system;
            text = tr("Change the system of record of %1").arg(MappingText::fieldRow(before));
        }
        break;
    }
    case SourcePath:
        after.sourcePath = value.toString().trimmed();
        text = tr("Change the source path of %1").arg(MappingText::fieldRow(before));
        break;
    case TargetPath:
        after.targetPath = value.toString().trimmed();
        text = tr("Change the target path of %1").arg(MappingText::fieldRow(before));
        break;
    case Transform:
        after.transform = value.toString().trimmed();
        text = tr("Change the transform of %1").arg(MappingText::fieldRow(before));
        break;
    default:
        return false;
    }
    if (Services::sameMapping(before, after))
        return false;
    push(new EditCommand(this, m_rows.keyAt(row), before, after, text));
    return true;
}

QVariant FieldMappingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section >= 0 && section < rowCount())
            return section + 1;
        return {};
    }
    if (section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole)
        return columnName(section);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Enabled:
            return tr(
                "Whether Concord carries this field now (a switched-off row is still checked)");
        case Type:
            return tr("The kind of values the field holds: the transform must accept them");
        case SourcePath:
            return tr("Where the value is read in the source system");
        case TargetPath:
            return tr("Where the value is written in the target system");
        case Transform:
            return tr("How the value is turned into what the target expects");
        case Authority:
            return tr(
                "The one system whose value is right: every row of a field names the same one");
        default:
            return {};
        }
    }
    return {};
}

Qt::ItemFlags FieldMappingModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= rowCount()
        || index.column() >= ColumnCount)
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_readOnly || index.column() == Type || !lockReason(index.row()).isEmpty())
        return f;
    return f | (index.column() == Enabled ? Qt::ItemIsUserCheckable : Qt::ItemIsEditable);
}

} // namespace Concord::Ui
