#pragma once

#include "services/mappingsdata.h"

#include <QHash>
#include <QList>

#include <algorithm>

namespace Concord::Ui {

// Roles shared by FieldMappingModel and StatusMappingModel, read by
// MappingItemDelegate and the page.
namespace MappingRoles {
enum DataRole {
    IdRole = Qt::UserRole + 1, // qint64 stored id; 0 for a row not stored yet
    VersionRole, // int version the row was read at
    KeyRole, // qint64 key that stays with the row (see MappingRows)
    ChoicesRole, // QStringList: the values a cell offers (EditRole values); empty = free text
    ChoiceLabelsRole, // QStringList: what the choices read as, same order
    ChoiceTipsRole, // QStringList: a tooltip per choice (may be shorter)
    FreeTextRole, // bool: a value outside the choices may be typed
    ChangedRole, // bool: this cell differs from what is stored (or the row is new)
    ProblemRole, // QString: the problems about this cell, one per line; empty = none
    LockedRole, // QString: why this row cannot be changed; empty = it can
};
} // namespace MappingRoles

// The rows of one mapping table while a person edits them: the working
// copy, each row with a key that stays with it (the stored id; negative for
// a row not stored yet), and the stored snapshot it started from, to tell
// what changed. `Value` is Domain::FieldMapping or Domain::StatusMapping.
// Plain data: the models wrap it and emit the signals.
template<typename Value> class MappingRows {
public:
    // Starts over from what is stored: no changes.
    void reset(const QList<Value> &stored)
    {
        m_keys.clear();
        m_values = stored;
        m_stored.clear();
        for (const Value &v : stored) {
            m_keys.append(v.id);
            m_stored.insert(v.id, v);
        }
        m_storedOrder = stored;
        m_nextNewKey = -1;
    }

    [[nodiscard]] int size() const { return int(m_values.size()); }
    [[nodiscard]] const Value &at(int row) const { return m_values.at(row); }
    [[nodiscard]] qint64 keyAt(int row) const { return m_keys.at(row); }
    [[nodiscard]] int rowOfKey(qint64 key) const { return int(m_keys.indexOf(key)); }
    [[nodiscard]] const QList<Value> &values() const { return m_values; }
    // A key for a row that is not stored yet.
    [[nodiscard]] qint64 newKey() { return m_nextNewKey--; }

    void set(int row, const Value &value) { m_values[row] = value; }
    void insert(int row, qint64 key, const Value &value)
    {
        m_keys.insert(row, key);
        m_values.insert(row, value);
    }
    void removeAt(int row)
    {
        m_keys.removeAt(row);
        m_values.removeAt(row);
    }

    // The stored row this one started from; nullptr for a new row.
    [[nodiscard]] const Value *stored(int row) const
    {
        const qint64 key = m_keys.at(row);
        if (key <= 0)
            return nullptr;
        auto it = m_stored.constFind(key);
        return it == m_stored.constEnd() ? nullptr : &it.value();
    }
    [[nodiscard]] bool isNew(int row) const { return stored(row) == nullptr; }
    // New, or different from what is stored.
    [[nodiscard]] bool isChanged(int row) const
    {
        const Value *before = stored(row);
        return !before || !Services::sameMapping(*before, m_values.at(row));
    }

    // What "Apply" sends: new rows (id 0) and changed rows (the stored id
    // and the version they were read at), in row order.
    [[nodiscard]] QList<Value> changed() const
    {
        QList<Value> out;
        for (int row = 0; row < size(); ++row) {
            if (!isChanged(row))
                continue;
            Value v = m_values.at(row);
            if (const Value *before = stored(row)) {
                v.id = before->id;
                v.version = before->version;
            } else {
                v.id = 0;
                v.version = 1;
            }
            out.append(v);
        }
        return out;
    }
    // Stored rows no longer in the table, at the version they were read.
    [[nodiscard]] QList<Services::MappingRef> deleted() const
    {
        QList<Services::MappingRef> out;
        for (const Value &v : m_storedOrder) {
            if (!m_keys.contains(v.id))
                out.append({ v.id, v.version });
        }
        return out;
    }
    [[nodiscard]] int changeCount() const
    {
        int n = int(deleted().size());
        for (int row = 0; row < size(); ++row)
            n += isChanged(row) ? 1 : 0;
        return n;
    }
    [[nodiscard]] bool hasChanges() const { return changeCount() > 0; }

private:
    QList<qint64> m_keys;
    QList<Value> m_values;
    QHash<qint64, Value> m_stored;
    QList<Value> m_storedOrder;
    qint64 m_nextNewKey = -1;
};

} // namespace Concord::Ui
