#pragma once

#include <QString>
#include <QStringView>

// String similarity used by the comparisons. Inputs are already normalized
// (folded, lower case); all functions are pure and thread-safe.
namespace Concord::Identity {

// Jaro–Winkler similarity in [0, 1] (prefix scale 0.1, prefix up to 4), the
// measure record linkage uses for short name-like strings.
[[nodiscard]] double jaroWinkler(QStringView a, QStringView b);

// Optimal-string-alignment distance (insert, delete, substitute, swap of two
// neighbours), bounded: returns max + 1 as soon as the distance exceeds `max`,
// so a typo check costs O(len · max), not O(len²).
[[nodiscard]] int editDistance(QStringView a, QStringView b, int max);

// American Soundex of the letters a–z in `text` ("robert" → "r163"); empty when
// there is no letter. Used for blocking keys only, never as evidence.
[[nodiscard]] QString soundex(QStringView text);

} // namespace Concord::Identity
