#pragma once

#include "common/error.h"
#include "identity/csvreader.h"
#include "identity/record.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <array>

namespace Concord::Identity {

// Which CSV columns feed which field: the `--map` of `concord-cli dedupe`,
// "id=Id,name=Site name,phone=Phone". A field may join several columns with
// '+' ("address=street_number+address_1"), in that order, separated by a
// space. `link=COL` names a column holding a stored cross-system link.
struct ColumnMap {
    QString idColumn; // empty: records are numbered by row (1, 2, …)
    QStringList linkColumns;
    std::array<QStringList, kFieldCount> columns;

    // Parses "field=COL,field=COL+COL"; InvalidArgument naming the bad part
    // (unknown field, field given twice, empty column, no matching field).
    [[nodiscard]] static Result<ColumnMap> parse(const QString &spec);

    // Builds one Record per row. InvalidArgument when a mapped column is not in
    // the header (names the column and lists the header), or an id is empty or
    // repeated ("line N: id 'X' already used on line M").
    [[nodiscard]] Result<QList<Record>> records(const CsvTable &table) const;
};

} // namespace Concord::Identity
