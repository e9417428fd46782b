#pragma once

#include <QList>
#include <QStringView>

namespace Concord::Identity {

// Common English given-name diminutives ("bob" ↔ "robert"), as groups: a name
// may belong to several groups ("al" is Albert, Alan, Alfred, Alexander…).
//
// Source and licence: the table in nicknames.cpp was compiled for Concord from
// general knowledge of English hypocorisms (the kind listed in any baby-name
// or genealogy reference); no third-party file was copied, so it carries
// Concord's own licence. It is deliberately conservative: a wrong nickname
// only ever adds evidence to a *candidate*, never a link (product.md §1).
namespace Nicknames {

// Group ids of a folded, lower-case given name; empty when unknown.
[[nodiscard]] QList<int> groupsOf(QStringView name);
// True when the two (folded) names are different forms of one name.
[[nodiscard]] bool equivalent(QStringView a, QStringView b);
// The formal name of the first group `name` belongs to ("bobby" → "robert");
// `name` itself when it is in no group.
[[nodiscard]] QString canonical(QStringView name);

} // namespace Nicknames
} // namespace Concord::Identity
