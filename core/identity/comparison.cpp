#include "identity/comparison.h"

#include "identity/nicknames.h"
#include "identity/stringmetrics.h"

using namespace Qt::StringLiterals;

namespace Concord::Identity {

namespace {

struct Spec {
    const char16_t *name;
    const char16_t *key;
    std::array<const char16_t *, kMaxLevels> levels; // [0] = null
};

// Order matters: level numbers are stored in models. Strongest agreement first,
// "different" last.
const std::array<Spec, kComparisonCount> kSpecs = { {
    { u"given name",
      u"given_name",
      { u"missing", u"exact", u"nickname", u"typo", u"initial", u"similar", u"different" } },
    { u"family name", u"family_name", { u"missing", u"exact", u"typo", u"similar", u"different" } },
    { u"name",
      u"name",
      { u"missing", u"exact", u"same words", u"most words", u"some words", u"different" } },
    { u"email",
      u"email",
      { u"missing", u"exact", u"provider alias", u"same mailbox name", u"typo", u"different" } },
    { u"phone", u"phone", { u"missing", u"exact", u"same local number", u"typo", u"different" } },
    { u"date of birth",
      u"dob",
      { u"missing", u"exact", u"day/month swapped or ambiguous", u"typo", u"two typos",
        u"different" } },
    { u"address",
      u"address",
      { u"missing", u"exact", u"same number and street", u"same number, similar street",
        u"same street, other number", u"different" } },
    { u"city", u"city", { u"missing", u"exact", u"typo", u"different" } },
    { u"postcode", u"postcode", { u"missing", u"exact", u"typo", u"different" } },
} };

int countLevels(const Spec &s)
{
    int n = 0;
    while (n < kMaxLevels && s.levels[size_t(n)] != nullptr)
        ++n;
    return n;
}

// Given-name levels.
enum { GExact = 1, GNick, GTypo, GInitial, GSimilar, GDiff };
enum { FExact = 1, FTypo, FSimilar, FDiff };

int givenLevel(const QString &a, const QString &b)
{
    if (a.isEmpty() || b.isEmpty())
        return 0;
    if (a == b)
        return GExact;
    if (a.size() == 1 || b.size() == 1)
        return a.front() == b.front() ? GInitial : GDiff;
    if (Nicknames::equivalent(a, b))
        return GNick;
    const double jw = jaroWinkler(a, b);
    if (jw >= 0.92)
        return GTypo;
    if (jw >= 0.80)
        return GSimilar;
    return GDiff;
}

int familyLevel(const QString &a, const QString &b)
{
    if (a.isEmpty() || b.isEmpty())
        return 0;
    if (a == b)
        return FExact;
    const double jw = jaroWinkler(a, b);
    if (jw >= 0.92)
        return FTypo;
    if (jw >= 0.80)
        return FSimilar;
    return FDiff;
}

// How much a level pair says "same person" — only to decide whether first and
// last name were written the other way round.
int nameStrength(int given, int family)
{
    static constexpr int g[] = { 0, 6, 5, 4, 2, 2, -2 };
    static constexpr int f[] = { 0, 6, 4, 2, -2 };
    return g[given] + f[family];
}

bool tokensMatch(const QString &a, const QString &b)
{
    if (a == b)
        return true;
    if (a.size() >= 4 && b.size() >= 4 && jaroWinkler(a, b) >= 0.92)
        return true;
    return Nicknames::equivalent(a, b);
}

int fullNameLevel(const PreparedRecord &a, const PreparedRecord &b)
{
    if (a.nameWords.isEmpty() || b.nameWords.isEmpty())
        return 0;
    if (a.nameText == b.nameText)
        return 1;
    const QStringList &small = a.nameWords.size() <= b.nameWords.size() ? a.nameWords : b.nameWords;
    const QStringList &large = a.nameWords.size() <= b.nameWords.size() ? b.nameWords : a.nameWords;
    int matched = 0;
    for (const QString &t : small) {
        for (const QString &u : large) {
            if (tokensMatch(t, u)) {
                ++matched;
                break;
            }
        }
    }
    // Distinct words of the larger side, so "YMCA … YMCA" is not counted twice.
    QStringList largeDistinct = large;
    largeDistinct.removeDuplicates();
    const double ofSmall = double(matched) / double(small.size());
    const double ofLarge = double(matched) / double(largeDistinct.size());
    if (ofSmall == 1.0 && ofLarge == 1.0)
        return 2;
    if (ofLarge >= 0.66 || (ofSmall == 1.0 && small.size() >= 2))
        return 3;
    if (ofSmall >= 0.5)
        return 4;
    return 5;
}

int emailLevel(const NormalizedEmail &a, const NormalizedEmail &b)
{
    if (a.isEmpty() || b.isEmpty())
        return 0;
    if (a.address == b.address)
        return 1;
    if (a.canonical == b.canonical)
        return 2;
    if (a.local.size() >= 3 && a.local == b.local)
        return 3;
    if (editDistance(a.address, b.address, 2) <= 2)
        return 4;
    return 5;
}

int phoneLevel(const NormalizedPhone &a, const NormalizedPhone &b, bool *validBoth)
{
    *validBoth = false;
    if (a.isEmpty() || b.isEmpty())
        return 0;
    const bool extensionsDiffer =
        !a.extension.isEmpty() && !b.extension.isEmpty() && a.extension != b.extension;
    if (!a.e164.isEmpty() && a.e164 == b.e164) {
        if (extensionsDiffer)
            return 2; // one switchboard, two desks
        *validBoth = a.valid && b.valid;
        return 1;
    }
    // Same digits written both times (also two local numbers without area code).
    if (a.national == b.national && a.e164.isEmpty() == b.e164.isEmpty())
        return extensionsDiffer ? 2 : 1;
    // A local number matches the last digits of a full one (or another local one).
    if (a.subscriber.size() >= 7 && a.subscriber == b.subscriber
        && (a.localOnly || b.localOnly || a.national == b.national))
        return 2;
    if (a.national.size() == b.national.size() && editDistance(a.national, b.national, 1) <= 1)
        return 3;
    if ((a.localOnly || b.localOnly) && editDistance(a.subscriber, b.subscriber, 1) <= 1)
        return 3;
    return 4;
}

int dobLevel(const NormalizedDate &a, const NormalizedDate &b)
{
    if (!a.isValid() || !b.isValid())
        return 0;
    if (a.key() == b.key() && !a.ambiguous && !b.ambiguous)
        return 1;
    if (a.key() == b.key() && a.ambiguous && b.ambiguous && a.altKey() == b.altKey())
        return 1; // both written the same ambiguous way
    if (a.key() == b.key() || (a.ambiguous && a.altKey() == b.key())
        || (b.ambiguous && b.altKey() == a.key())
        || (a.ambiguous && b.ambiguous && a.altKey() == b.altKey()))
        return 2;
    if (a.year == b.year && a.month == b.day && a.day == b.month)
        return 2; // typed day and month the other way round
    char16_t sa[8];
    char16_t sb[8];
    for (int i = 7, ka = a.key(), kb = b.key(); i >= 0; --i, ka /= 10, kb /= 10) {
        sa[i] = char16_t(u'0' + ka % 10);
        sb[i] = char16_t(u'0' + kb % 10);
    }
    const int d = editDistance(QStringView(sa, 8), QStringView(sb, 8), 2);
    if (d == 1)
        return 3;
    if (d == 2)
        return 4;
    return 5;
}

int addressLevel(const NormalizedAddress &a, const NormalizedAddress &b)
{
    if (a.isEmpty() || b.isEmpty())
        return 0;
    if (a.text == b.text)
        return 1;
    const bool sameNumber = !a.number.isEmpty() && a.number == b.number;
    const bool unitsConflict = !a.unit.isEmpty() && !b.unit.isEmpty() && a.unit != b.unit;
    if (a.street.isEmpty() || b.street.isEmpty())
        return 5;
    const bool sameStreet = a.street == b.street;
    bool similarStreet = sameStreet || jaroWinkler(a.street, b.street) >= 0.88;
    if (!similarStreet) {
        // "arthington" vs "w arthington st" differ only by words one side lacks.
        const QStringList wa = a.street.split(u' ');
        const QStringList wb = b.street.split(u' ');
        const QStringList &small = wa.size() <= wb.size() ? wa : wb;
        const QStringList &large = wa.size() <= wb.size() ? wb : wa;
        similarStreet = std::all_of(small.begin(), small.end(),
                                    [&](const QString &w) { return large.contains(w); });
    }
    if (sameNumber && sameStreet && !unitsConflict)
        return 2;
    if (sameNumber && similarStreet && !unitsConflict)
        return 3;
    if (similarStreet && (!a.number.isEmpty() && !b.number.isEmpty())
        && editDistance(a.number, b.number, 1) <= 1)
        return 4;
    if (sameStreet && (a.number.isEmpty() || b.number.isEmpty() || unitsConflict))
        return 4;
    return 5;
}

int cityLevel(const QString &a, const QString &b)
{
    if (a.isEmpty() || b.isEmpty())
        return 0;
    if (a == b)
        return 1;
    return jaroWinkler(a, b) >= 0.88 ? 2 : 3;
}

int postcodeLevel(const QString &a, const QString &b)
{
    if (a.isEmpty() || b.isEmpty())
        return 0;
    if (a == b)
        return 1;
    return editDistance(a, b, 1) <= 1 ? 2 : 3;
}

} // namespace

QString comparisonName(Comparison c)
{
    return QString::fromUtf16(kSpecs[size_t(c)].name);
}

QString comparisonKey(Comparison c)
{
    return QString::fromUtf16(kSpecs[size_t(c)].key);
}

int levelCount(Comparison c)
{
    return countLevels(kSpecs[size_t(c)]);
}

QString levelLabel(Comparison c, int level)
{
    if (level < 0 || level >= levelCount(c))
        return {};
    return QString::fromUtf16(kSpecs[size_t(c)].levels[size_t(level)]);
}

int differentLevel(Comparison c)
{
    return levelCount(c) - 1;
}

bool isIdentifierAgreement(Comparison c, int level)
{
    return level == 1 && (c == Comparison::Email || c == Comparison::Phone);
}

bool isNameComparison(Comparison c)
{
    return c == Comparison::GivenName || c == Comparison::FamilyName || c == Comparison::FullName;
}

CompareResult compare(const PreparedRecord &a, const PreparedRecord &b,
                      const std::array<bool, kComparisonCount> &active)
{
    CompareResult r;
    auto set = [&](Comparison c, int level) {
        if (active[size_t(c)])
            r.levels.setLevel(c, level);
    };
    if (active[size_t(Comparison::GivenName)] || active[size_t(Comparison::FamilyName)]) {
        int g = givenLevel(a.given, b.given);
        int f = familyLevel(a.family, b.family);
        // Crossed over: "Hall, Isla" typed into first/last the wrong way.
        const int gx = givenLevel(a.given, b.family);
        const int fx = familyLevel(a.family, b.given);
        if (nameStrength(gx, fx) >= nameStrength(g, f) + 4) {
            g = gx;
            f = fx;
            r.namesSwapped = true;
        }
        set(Comparison::GivenName, g);
        set(Comparison::FamilyName, f);
    }
    if (active[size_t(Comparison::FullName)])
        set(Comparison::FullName, fullNameLevel(a, b));
    if (active[size_t(Comparison::Email)])
        set(Comparison::Email, emailLevel(a.email, b.email));
    if (active[size_t(Comparison::Phone)]) {
        bool validBoth = false;
        set(Comparison::Phone, phoneLevel(a.phone, b.phone, &validBoth));
        r.phoneValidBoth = validBoth;
    }
    if (active[size_t(Comparison::Dob)])
        set(Comparison::Dob, dobLevel(a.dob, b.dob));
    if (active[size_t(Comparison::Address)])
        set(Comparison::Address, addressLevel(a.address, b.address));
    if (active[size_t(Comparison::City)])
        set(Comparison::City, cityLevel(a.city, b.city));
    if (active[size_t(Comparison::Postcode)])
        set(Comparison::Postcode, postcodeLevel(a.postcode, b.postcode));
    return r;
}

QString exactValue(const PreparedRecord &r, Comparison c)
{
    switch (c) {
    case Comparison::GivenName:
        return r.given;
    case Comparison::FamilyName:
        return r.family;
    case Comparison::FullName:
        return r.nameText;
    case Comparison::Email:
        return r.email.address;
    case Comparison::Phone:
        return r.phone.e164.isEmpty() ? r.phone.national : r.phone.e164;
    case Comparison::Dob:
        return r.dob.isValid() ? QString::number(r.dob.key()) : QString();
    case Comparison::Address:
        return r.address.text;
    case Comparison::City:
        return r.city;
    case Comparison::Postcode:
        return r.postcode;
    }
    return {};
}

} // namespace Concord::Identity
