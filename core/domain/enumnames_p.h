#pragma once

// Internal to core/domain: not part of the module's public contract.
//
// Every domain enum has a stable lower snake_case name stored in the database,
// written in JSON and typed on the CLI. One table per enum keeps the value and
// its name side by side, so adding an enumerator is one line and toString and
// parse can never disagree.

#include "common/error.h"

#include <QLatin1StringView>
#include <QString>
#include <QStringList>

#include <array>
#include <cstddef>

namespace Concord::Domain::Internal {

template<typename E> struct EnumName {
    E value;
    QLatin1StringView name;
};

template<typename E, std::size_t N> using EnumNameTable = std::array<EnumName<E>, N>;

// Empty for a value outside the table (a cast from a corrupt integer); callers
// that store the result then fail on parse instead of writing garbage.
template<typename E, std::size_t N>
[[nodiscard]] QString enumToString(const EnumNameTable<E, N> &table, E value)
{
    for (const auto &entry : table) {
        if (entry.value == value)
            return QString(entry.name);
    }
    return {};
}

// Case-insensitive and trimmed, like parseSystem(): names come from config
// files and the CLI as well as from our own store. `what` names the kind of
// value in the error ("role", "job state") so a user can tell which field of a
// file was wrong.
template<typename E, std::size_t N>
[[nodiscard]] Result<E> parseEnum(const EnumNameTable<E, N> &table, const QString &text,
                                  QLatin1StringView what)
{
    // Rows read from the store parse every status: the list of valid names
    // is built only when the text matches none.
    const QString wanted = text.trimmed();
    for (const auto &entry : table) {
        if (QLatin1StringView(entry.name).compare(wanted, Qt::CaseInsensitive) == 0)
            return entry.value;
    }
    QStringList names;
    names.reserve(qsizetype(N));
    for (const auto &entry : table)
        names.append(QString(entry.name));
    return fail(ErrorCode::InvalidArgument,
                QStringLiteral("unknown %1 '%2' (expected one of: %3)")
                    .arg(what, text, names.join(QStringLiteral(", "))));
}

} // namespace Concord::Domain::Internal
