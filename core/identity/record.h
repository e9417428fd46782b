#pragma once

#include "common/error.h"

#include <QList>
#include <QString>

#include <array>

namespace Concord::Identity {

// The fields the matcher understands (the names of `concord-cli dedupe --map`).
enum class Field : quint8 { FirstName, LastName, Name, Email, Phone, Dob, Address, City, Postcode };
inline constexpr int kFieldCount = 9;

[[nodiscard]] QString fieldName(Field field); // "first_name", "email", …
[[nodiscard]] Result<Field> parseField(const QString &name);

// One person (or organisation) as a source system wrote it: raw text, not
// normalized. `id` must be unique within one matching run. `storedLink` is the
// identity map's stored cross-system link for this record (e.g. the Concord
// customer id it is already linked to), empty when there is none: two records
// with the same stored link are the same customer before any other evidence.
struct Record {
    QString id;
    QString storedLink;
    std::array<QString, kFieldCount> values;

    [[nodiscard]] const QString &value(Field f) const { return values[size_t(f)]; }
    void set(Field f, QString v) { values[size_t(f)] = std::move(v); }
};

} // namespace Concord::Identity
