#include "statusmappingmodel.h"

#include "mappingcommands.h"
#include "mappingtext.h"
#include "theme.h"

#include <QLocale>
#include <QUndoStack>

#include <algorithm>
#include <functional>

namespace Concord::Ui {

using Domain::StatusAction;
using Domain::StatusDomain;
using Domain::StatusMapping;
using Domain::System;
using Security::Permission;
using Part = Sync::MappingProblem::Part;
using Severity = Sync::MappingProblem::Severity;
using namespace MappingRoles;

namespace {

using EditCommand = EditMappingCommand<StatusMappingModel, StatusMapping>;
using AddCommand = AddMappingCommand<StatusMappingModel, StatusMapping>;
using RemoveCommand = RemoveMappingCommand<StatusMappingModel, StatusMapping>;

constexpr StatusAction kActions[] = { StatusAction::None, StatusAction::DealStage,
                                      StatusAction::CreateTask, StatusAction::CloseTasks };

bool usesValue(StatusAction action)
{
    return action == StatusAction::DealStage || action == StatusAction::CreateTask;
}

} // namespace

StatusMappingModel::StatusMappingModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void StatusMappingModel::setSnapshot(const Services::MappingsData &data)
{
    beginResetModel();
    m_catalogue = data;
    m_rows.reset(data.statuses);
    endResetModel();
    revalidate();
}

void StatusMappingModel::setUndoStack(QUndoStack *stack)
{
    m_stack = stack;
}

void StatusMappingModel::setRole(Domain::Role role)
{
    if (m_role == role)
        return;
    m_role = role;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    revalidate();
}

void StatusMappingModel::setReadOnly(bool readOnly)
{
    if (m_readOnly == readOnly)
        return;
    m_readOnly = readOnly;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QString StatusMappingModel::lockReason(int row) const
{
    if (!Security::roleHas(m_role, Permission::EditMappings))
        return MappingText::lockReason(m_role, Permission::EditMappings);
    if (const StatusMapping *stored = m_rows.stored(row))
        return MappingText::lockReason(m_role, Services::mappingSide(*stored));
    return {};
}

bool StatusMappingModel::canAdd() const
{
    return !m_readOnly && Security::roleHas(m_role, Permission::EditMappings)
        && (Security::roleHas(m_role, Permission::EditBookings)
            || Security::roleHas(m_role, Permission::EditBilling));
}

StatusMappingModel::Column StatusMappingModel::columnOf(Part part) const
{
    switch (part) {
    case Part::Domain:
        return Kind;
    case Part::Target:
        return Target;
    case Part::Action:
        return Action;
    case Part::Value:
        return Value;
    default:
        return Status;
    }
}

QStringList StatusMappingModel::statusesOf(StatusDomain domain) const
{
    return domain == StatusDomain::Appointment ? m_catalogue.appointmentStatuses
                                               : m_catalogue.moneyStatuses;
}

QString StatusMappingModel::stageLabel(const QString &stageId) const
{
    for (const Services::DealStageInfo &s : m_catalogue.dealStages) {
        if (s.id == stageId)
            return s.label;
    }
    return stageId;
}

QModelIndex StatusMappingModel::addMapping()
{
    if (!canAdd())
        return {};
    StatusMapping m;
    m.domain = Security::roleHas(m_role, Permission::EditBookings) ? StatusDomain::Appointment
                                                                   : StatusDomain::Money;
    m.status = statusesOf(m.domain).value(0);
    m.targetSystem = System::HubSpot;
    m.action = StatusAction::None;
    const int row = rowCount();
    push(new AddCommand(this, row, m_rows.newKey(), m, tr("Add a status mapping")));
    return index(row, Status);
}

int StatusMappingModel::removeMappings(QList<int> rows)
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
        m_stack->beginMacro(tr("Remove %n status mappings", "", int(rows.size())));
    for (int row : std::as_const(rows)) {
        const StatusMapping m = mapping(row);
        push(new RemoveCommand(this, row, m_rows.keyAt(row), m,
                               tr("Remove %1").arg(MappingText::statusRow(m))));
    }
    if (macro)
        m_stack->endMacro();
    return int(rows.size());
}

void StatusMappingModel::setMappingAt(qint64 key, const StatusMapping &value)
{
    const int row = m_rows.rowOfKey(key);
    if (row < 0)
        return;
    m_rows.set(row, value);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    revalidate();
    Q_EMIT rowTouched(row);
}

void StatusMappingModel::insertMapping(int row, qint64 key, const StatusMapping &value)
{
    row = std::clamp(row, 0, rowCount());
    beginInsertRows({}, row, row);
    m_rows.insert(row, key, value);
    endInsertRows();
    revalidate();
    Q_EMIT rowTouched(row);
}

void StatusMappingModel::removeMapping(qint64 key)
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

void StatusMappingModel::push(QUndoCommand *command)
{
    if (m_stack) {
        m_stack->push(command);
        return;
    }
    command->redo();
    delete command;
}

void StatusMappingModel::revalidate()
{
    m_problems = Sync::validateStatusMappings(m_rows.values(), m_catalogue.dealStageIds());
    if (Security::roleHas(m_role, Permission::EditMappings)) {
        for (int row = 0; row < rowCount(); ++row) {
            const StatusMapping &m = mapping(row);
            const Permission side = Services::mappingSide(m);
            if (!m_rows.isChanged(row) || Security::roleHas(m_role, side))
                continue;
            Sync::MappingProblem p;
            p.row = row;
            p.field = m.status;
            if (side == Permission::EditBilling) {
                p.part = m.domain == StatusDomain::Money ? Part::Domain : Part::Target;
                p.explanation =
                    tr("This row becomes a billing-side mapping (a payment status, or QuickBooks), "
                       "which only %1 can change.")
                        .arg(MappingText::whoMay(Permission::EditBilling));
            } else {
                p.part = Part::Domain;
                p.explanation = tr("This row becomes a booking-side mapping (an appointment "
                                   "status), which only "
                                   "%1 can change.")
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

bool StatusMappingModel::cellChanged(int row, int column) const
{
    const StatusMapping *stored = m_rows.stored(row);
    if (!stored)
        return true;
    const StatusMapping &m = mapping(row);
    switch (column) {
    case Kind:
        return stored->domain != m.domain;
    case Status:
        return Services::canonicalStatus(*stored) != Services::canonicalStatus(m);
    case Target:
        return stored->targetSystem != m.targetSystem;
    case Action:
        return stored->action != m.action;
    case Value:
        return stored->targetValue != m.targetValue;
    default:
        return false;
    }
}

QString StatusMappingModel::cellProblems(int row, int column, bool *isError) const
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

QString StatusMappingModel::columnName(int column) const
{
    switch (column) {
    case Kind:
        //: Column: appointment or payment status
        return tr("Kind");
    case Status:
        return tr("Status");
    case Target:
        //: Column: the system where the action happens
        return tr("In");
    case Action:
        //: Column: what the status does there
        return tr("Does");
    case Value:
        //: Column: the deal stage or the task's subject
        return tr("Stage or task");
    }
    return {};
}

int StatusMappingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

int StatusMappingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StatusMappingModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= rowCount()
        || index.column() >= ColumnCount)
        return {};
    const int row = index.row();
    const int column = index.column();
    const StatusMapping &m = mapping(row);

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Kind:
            return MappingText::domain(m.domain);
        case Status:
            return MappingText::status(m.domain, m.status);
        case Target:
            return MappingText::system(m.targetSystem);
        case Action:
            return MappingText::action(m.action);
        case Value:
            if (m.action == StatusAction::DealStage)
                return m.targetValue.isEmpty() ? tr("Choose a stage") : stageLabel(m.targetValue);
            if (m.action == StatusAction::CreateTask)
                return m.targetValue.isEmpty() ? tr("Write the task's subject") : m.targetValue;
            //: No value: the action needs none
            return m.targetValue.isEmpty() ? tr("—") : m.targetValue;
        default:
            return {};
        }
    case Qt::EditRole:
        switch (column) {
        case Kind:
            return Domain::toString(m.domain);
        case Status:
            return m.status;
        case Target:
            return Domain::toString(m.targetSystem);
        case Action:
            return Domain::toString(m.action);
        case Value:
            return m.targetValue;
        default:
            return {};
        }
    case Qt::ToolTipRole: {
        if (const QString problems = cellProblems(row, column, nullptr); !problems.isEmpty())
            return problems;
        if (const QString locked = lockReason(row); !locked.isEmpty())
            return locked;
        switch (column) {
        case Status: {
            if (m_rows.isNew(row))
                return tr("New: not applied yet");
            const QString who = m.updatedBy.isEmpty() ? tr("unknown") : m.updatedBy;
            const QString when =
                QLocale().toString(m.updatedAt.toLocalTime(), QLocale::ShortFormat);
            const QString last = tr("Last changed by %1, %2").arg(who, when);
            return m_rows.isChanged(row) ? tr("%1 (changed here, not applied yet)").arg(last)
                                         : last;
        }
        case Value:
            if (m.action == StatusAction::DealStage)
                return tr("HubSpot deal stage id: %1").arg(m.targetValue);
            if (m.action == StatusAction::CreateTask)
                return tr("The task's subject. Concord fills in %1.")
                    .arg(m_catalogue.taskPlaceholders.join(QStringLiteral(", ")));
            return tr("This action needs no value.");
        default:
            return {};
        }
    }
    case Qt::BackgroundRole: {
        bool error = false;
        if (!cellProblems(row, column, &error).isEmpty())
            return Theme::toneBackground(error ? Theme::Tone::Bad : Theme::Tone::Warning);
        if (cellChanged(row, column))
            return Theme::toneBackground(Theme::Tone::Info);
        return {};
    }
    case Qt::ForegroundRole:
        if (!lockReason(row).isEmpty()
            || (column == Value && (m.targetValue.isEmpty() || !usesValue(m.action))))
            return Theme::mutedText();
        return {};
    case Qt::DecorationRole:
        if (column == Status) {
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
        if (const StatusMapping *stored = m_rows.stored(row))
            return stored->id;
        return qint64(0);
    case VersionRole:
        if (const StatusMapping *stored = m_rows.stored(row))
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
        switch (column) {
        case Kind:
            for (StatusDomain d : { StatusDomain::Appointment, StatusDomain::Money }) {
                values << Domain::toString(d);
                labels << MappingText::domain(d);
                tips << (d == StatusDomain::Appointment ? tr("An appointment status, from Cal.com")
                                                        : tr("A payment status, from QuickBooks"));
            }
            break;
        case Status:
            values = statusesOf(m.domain);
            for (const QString &s : std::as_const(values)) {
                labels << MappingText::status(m.domain, s);
                tips << s;
            }
            break;
        case Target:
            for (System s : Domain::allSystems()) {
                values << Domain::toString(s);
                labels << MappingText::system(s);
                tips << Domain::displayName(s);
            }
            break;
        case Action:
            for (StatusAction a : kActions) {
                values << Domain::toString(a);
                labels << MappingText::action(a);
                tips << labels.constLast();
            }
            break;
        case Value:
            if (m.action == StatusAction::DealStage) {
                for (const Services::DealStageInfo &s : m_catalogue.dealStages) {
                    values << s.id;
                    labels << s.label;
                    tips << s.id;
                }
                if (!m.targetValue.isEmpty() && !values.contains(m.targetValue)) {
                    values << m.targetValue;
                    labels << m.targetValue;
                    tips << m.targetValue;
                }
            }
            break;
        default:
            break;
        }
        return role == ChoicesRole ? values : role == ChoiceLabelsRole ? labels : tips;
    }
    case FreeTextRole:
        return column == Value && usesValue(m.action);
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

bool StatusMappingModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.model() != this || index.row() >= rowCount()
        || index.column() >= ColumnCount)
        return false;
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const int row = index.row();
    const StatusMapping before = mapping(row);
    StatusMapping after = before;
    QString text;
    switch (index.column()) {
    case Kind: {
        auto domain = Domain::parseStatusDomain(value.toString());
        if (!domain)
            return false;
        after.domain = *domain;
        // A status of the other kind means nothing here: start from its first.
        if (!statusesOf(after.domain).contains(Services::canonicalStatus(after)))
            after.status = statusesOf(after.domain).value(0);
        text = tr("Change the kind of %1").arg(MappingText::statusRow(before));
        break;
    }
    case Status:
        after.status = value.toString().trimmed();
        text = tr("Change the status of %1").arg(MappingText::statusRow(before));
        break;
    case Target: {
        auto system = Domain::parseSystem(value.toString());
        if (!system)
            return false;
        after.targetSystem = *system;
        text = tr("Change where %1 acts").arg(MappingText::statusRow(before));
        break;
    }
    case Action: {
        auto action = Domain::parseStatusAction(value.toString());
        if (!action)
            return false;
        after.action = *action;
        // A stage is no task subject, and the other actions take no value.
        if (after.action != before.action)
            after.targetValue.clear();
        text = tr("Change what %1 does").arg(MappingText::statusRow(before));
        break;
    }
    case Value:
        after.targetValue = value.toString().trimmed();
        text = before.action == StatusAction::DealStage
            ? tr("Change the deal stage of %1").arg(MappingText::statusRow(before))
            : tr("Change the task of %1").arg(MappingText::statusRow(before));
        break;
    default:
        return false;
    }
    if (Services::sameMapping(before, after))
        return false;
    push(new EditCommand(this, m_rows.keyAt(row), before, after, text));
    return true;
}

QVariant StatusMappingModel::headerData(int section, Qt::Orientation orientation, int role) const
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
        case Kind:
            return tr("Appointment statuses come from Cal.com, payment statuses from QuickBooks");
        case Target:
            return tr("Deals and tasks live in HubSpot");
        case Value:
            return tr("The HubSpot deal stage, or the subject of the task to create");
        default:
            return {};
        }
    }
    return {};
}

Qt::ItemFlags StatusMappingModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= rowCount()
        || index.column() >= ColumnCount)
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_readOnly || !lockReason(index.row()).isEmpty())
        return f;
    if (index.column() == Value && !usesValue(mapping(index.row()).action))
        return f;
    return f | Qt::ItemIsEditable;
}

} // namespace Concord::Ui
