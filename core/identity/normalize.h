#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <memory>

// Normalizers: turn what people type into comparable values. Each is pure and
// thread-safe (PhoneNormalizer too, after construction). They never fail: a
// value that cannot be understood normalizes to "missing" (an empty result),
// because a wrong guess is worse than no evidence.
namespace Concord::Identity {

// Folds text for comparison: Unicode compatibility decomposition, accents
// dropped ("José" → "jose"), a few letters that do not decompose spelled out
// ("ß" → "ss", "ø" → "o"), lower case, apostrophes removed ("O'Brien" →
// "obrien"), every other non-alphanumeric run → one space, trimmed.
[[nodiscard]] QString foldText(QStringView text);

// --- email ---------------------------------------------------------------
struct NormalizedEmail {
    QString address; // the identity: trimmed, lower case ("ann.lee+x@gmail.com")
    QString canonical; // provider aliasing removed ("annlee@gmail.com"): evidence only
    QString local; // part before '@' of `address`
    QString domain; // part after '@'
    [[nodiscard]] bool isEmpty() const { return address.isEmpty(); }
    [[nodiscard]] bool isAliased() const { return canonical != address; }
};
// Accepts "  Ann.Lee@Example.COM ", "mailto:…", "Ann Lee <ann@x.org>", stray
// spaces inside. Anything without exactly one '@' and a dotted domain is
// missing. Aliasing: "+tag" is dropped for every domain; Gmail also ignores
// dots and googlemail.com is gmail.com.
[[nodiscard]] NormalizedEmail normalizeEmail(QStringView raw);

// --- phone ---------------------------------------------------------------
struct NormalizedPhone {
    QString e164; // "+13125550123"; empty when no full number could be formed
    QString subscriber; // last ≤ 7 digits of the national number (or the local-only number)
    QString national; // national significant number, digits only
    QString extension; // "123" from "x123" / "ext. 123"
    bool valid = false; // libphonenumber says the full number is valid (link-eligible)
    bool localOnly = false; // a local number without area code (e.g. Chicago "386-5286")
    [[nodiscard]] bool isEmpty() const { return national.isEmpty(); }
};

// Wraps libphonenumber. `defaultRegion` (ISO 3166 alpha-2, from the config's
// [sync] default_region) is used for numbers written without "+country".
class PhoneNormalizer {
public:
    explicit PhoneNormalizer(const QString &defaultRegion = QStringLiteral("US"));
    [[nodiscard]] QString region() const { return m_region; }
    [[nodiscard]] NormalizedPhone normalize(QStringView raw) const;

private:
    QString m_region;
};

// --- names ---------------------------------------------------------------
struct PersonName {
    QString given; // first given name, folded ("jose"); may be an initial ("j")
    QString middle; // further given names, folded, space separated
    QString family; // family name, folded, spaces removed ("vanderberg")
    [[nodiscard]] bool givenIsInitial() const { return given.size() == 1; }
    [[nodiscard]] bool isEmpty() const { return given.isEmpty() && family.isEmpty(); }
};
// From separate first/last fields; when both are empty, from a full name
// ("Lee, Ann" and "Ann B. Lee" both give given "ann", family "lee"). Titles
// (Mr, Dr, …) and suffixes (Jr, III, …) are dropped.
[[nodiscard]] PersonName normalizePersonName(QStringView first, QStringView last,
                                             QStringView full = {});

// Tokens of a name that may be an organisation's: folded, legal forms and
// filler words ("inc", "llc", "the", "of", "and") removed, in order.
[[nodiscard]] QStringList nameTokens(QStringView name);

// --- addresses -----------------------------------------------------------
struct NormalizedAddress {
    QString number; // house number ("316", "12a")
    QString unit; // apartment / suite / unit ("4b"), from "Apt 4B", "#4B", "Unit 4B", "4B/12 …"
    QString street; // street name words without type and direction ("pulaski")
    QString type; // canonical street type ("rd", "st", "ave"…)
    QString direction; // "n", "s", "e", "w", "ne"…
    QString text; // canonical whole: "316 n pulaski rd #4b"
    [[nodiscard]] bool isEmpty() const { return text.isEmpty(); }
};
// "316 North Pulaski Road, Apt. 4B" and "316 N. Pulaski Rd #4b" normalize alike.
[[nodiscard]] NormalizedAddress normalizeAddress(QStringView raw);

// Postcode: upper case, spaces removed, ZIP+4 cut to the ZIP ("60609-1234" → "60609").
[[nodiscard]] QString normalizePostcode(QStringView raw);

// --- dates ---------------------------------------------------------------
// How to read "03/04/1990" when both readings are real dates.
enum class DateOrder { Unknown, DayFirst, MonthFirst };

struct NormalizedDate {
    int year = 0;
    int month = 0;
    int day = 0;
    // When the written form could be day/month or month/day and nothing says
    // which, both readings are kept: (month, day) is one, (altMonth, altDay)
    // the other. Comparisons accept either, as weaker evidence.
    bool ambiguous = false;
    int altMonth = 0;
    int altDay = 0;
    [[nodiscard]] bool isValid() const { return year > 0; }
    [[nodiscard]] int key() const { return year * 10000 + month * 100 + day; }
    [[nodiscard]] int altKey() const
    {
        return ambiguous ? year * 10000 + altMonth * 100 + altDay : 0;
    }
    [[nodiscard]] QString iso() const;
};

// ISO "1971-06-24" (time part ignored), "19710624", "24/06/1971", "6/24/71",
// "24.06.1971" (dots: day first), "24 Jun 1971", "June 24, 1971". Two-digit
// years are read within the 100 years ending at `pivotYear` (default: this
// year). Returns an invalid date when nothing sensible is written.
[[nodiscard]] NormalizedDate parseDate(QStringView raw, DateOrder order = DateOrder::Unknown,
                                       int pivotYear = 0);

// Looks at a whole column: if every date that shows its order (a part > 12)
// shows the same one, that is the column's order; otherwise Unknown.
[[nodiscard]] DateOrder detectDateOrder(const QStringList &values);

} // namespace Concord::Identity
