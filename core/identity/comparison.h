#pragma once

#include "identity/preparedrecord.h"

#include <QString>

#include <array>

namespace Concord::Identity {

// The comparisons of a pair, one per kind of evidence. Each yields a level:
// 0 = not comparable (a side is missing, "null": no evidence either way),
// 1 = the strongest agreement, … , the last level = they disagree.
enum class Comparison : quint8 {
    GivenName,
    FamilyName,
    FullName,
    Email,
    Phone,
    Dob,
    Address,
    City,
    Postcode
};
inline constexpr int kComparisonCount = 9;
inline constexpr int kMaxLevels = 8;

[[nodiscard]] QString comparisonName(Comparison c); // "given name", "email", …
[[nodiscard]] QString comparisonKey(Comparison c); // "given_name", "email", … (JSON)
[[nodiscard]] int levelCount(Comparison c); // including the null level 0
[[nodiscard]] QString levelLabel(Comparison c, int level); // "exact", "nickname", "typo", …
// The level that means "they disagree".
[[nodiscard]] int differentLevel(Comparison c);
// Levels that make a pair's evidence "an identifier agrees" (link rule):
// exact email, exact valid E.164 phone.
[[nodiscard]] bool isIdentifierAgreement(Comparison c, int level);
[[nodiscard]] bool isNameComparison(Comparison c);

// Levels of one pair, packed 4 bits per comparison.
struct ComparisonVector {
    quint64 packed = 0;
    [[nodiscard]] int level(Comparison c) const { return int((packed >> (4 * int(c))) & 0xF); }
    void setLevel(Comparison c, int level)
    {
        packed &= ~(quint64(0xF) << (4 * int(c)));
        packed |= quint64(level & 0xF) << (4 * int(c));
    }
};

struct CompareResult {
    ComparisonVector levels;
    bool namesSwapped = false; // first and last name were crossed over
    bool phoneValidBoth = false; // both numbers valid E.164 (link-eligible)
};

// Compares two prepared records. `active[c]` false forces level 0. Pure.
[[nodiscard]] CompareResult compare(const PreparedRecord &a, const PreparedRecord &b,
                                    const std::array<bool, kComparisonCount> &active);

// The exact-match value of a comparison for term-frequency counting ("smith",
// "ann@x.org"); empty when the record has none.
[[nodiscard]] QString exactValue(const PreparedRecord &r, Comparison c);

} // namespace Concord::Identity
