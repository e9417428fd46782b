#include "identity/normalize.h"

#include <QDate>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumberutil.h>

#include <mutex>

using namespace Qt::StringLiterals;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

namespace Concord::Identity {

// --- text folding --------------------------------------------------------

namespace {

// Letters NFKD leaves whole; spelled the way people type them without the key.
QStringView spelledOut(char16_t c)
{
    switch (c) {
    case u'ß':
        return u"ss";
    case u'æ':
    case u'Æ':
        return u"ae";
    case u'œ':
    case u'Œ':
        return u"oe";
    case u'ø':
    case u'Ø':
        return u"o";
    case u'ł':
    case u'Ł':
        return u"l";
    case u'đ':
    case u'Đ':
    case u'ð':
    case u'Ð':
        return u"d";
    case u'þ':
    case u'Þ':
        return u"th";
    case u'ı':
        return u"i";
    default:
        return {};
    }
}

bool isApostrophe(char16_t c)
{
    return c == u'\'' || c == u'\u2019' || c == u'\u2018' || c == u'`' || c == u'\u00b4';
}

} // namespace

QString foldText(QStringView text)
{
    bool ascii = true;
    for (QChar c : text) {
        if (c.unicode() >= 0x80) {
            ascii = false;
            break;
        }
    }
    QString decomposed;
    QStringView src = text;
    if (!ascii) {
        decomposed = text.toString().normalized(QString::NormalizationForm_KD);
        src = decomposed;
    }
    QString out;
    out.reserve(src.size());
    bool pendingSpace = false;
    for (QChar qc : src) {
        const char16_t c = qc.unicode();
        if (c >= 0x80) {
            if (qc.isMark())
                continue; // accents after decomposition
            if (QStringView s = spelledOut(c); !s.isEmpty()) {
                if (pendingSpace && !out.isEmpty())
                    out.append(u' ');
                pendingSpace = false;
                out.append(s);
                continue;
            }
        }
        if (isApostrophe(c))
            continue;
        if (qc.isLetterOrNumber()) {
            if (pendingSpace && !out.isEmpty())
                out.append(u' ');
            pendingSpace = false;
            out.append(qc.toLower());
        } else {
            pendingSpace = true;
        }
    }
    return out;
}

// --- email ---------------------------------------------------------------

NormalizedEmail normalizeEmail(QStringView raw)
{
    QString s = raw.trimmed().toString();
    // "Ann Lee <ann@example.org>"
    if (const qsizetype open = s.lastIndexOf(u'<'); open >= 0) {
        const qsizetype close = s.indexOf(u'>', open);
        if (close > open)
            s = s.mid(open + 1, close - open - 1);
    }
    if (s.startsWith(u"mailto:"_s, Qt::CaseInsensitive))
        s = s.mid(7);
    QString address;
    address.reserve(s.size());
    for (QChar c : std::as_const(s)) {
        if (!c.isSpace())
            address.append(c.toLower());
    }
    while (address.endsWith(u'.') || address.endsWith(u',') || address.endsWith(u';'))
        address.chop(1);
    NormalizedEmail e;
    const qsizetype at = address.indexOf(u'@');
    if (at <= 0 || at != address.lastIndexOf(u'@'))
        return e;
    const QString local = address.left(at);
    const QString domain = address.mid(at + 1);
    if (domain.size() < 3 || !domain.contains(u'.') || domain.startsWith(u'.')
        || domain.endsWith(u'.'))
        return e;
    e.address = address;
    e.local = local;
    e.domain = domain;
    QString canonicalLocal = local;
    if (const qsizetype plus = canonicalLocal.indexOf(u'+'); plus > 0)
        canonicalLocal.truncate(plus);
    QString canonicalDomain = domain;
    if (domain == u"gmail.com"_s || domain == u"googlemail.com"_s) {
        canonicalLocal.remove(u'.');
        canonicalDomain = u"gmail.com"_s;
    }
    e.canonical = canonicalLocal + u'@' + canonicalDomain;
    return e;
}

// --- phone ---------------------------------------------------------------

namespace {

PhoneNumberUtil &phoneUtil()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // libphonenumber logs parse failures to stderr by default; a CSV full
        // of junk numbers would flood the terminal. The util owns the logger.
        PhoneNumberUtil::GetInstance()->SetLogger(new i18n::phonenumbers::NullLogger());
    });
    return *PhoneNumberUtil::GetInstance();
}

// Placeholders people type when a form insists on a number: all one digit
// ("0000000"), or a straight run ("1234567", "0123456789").
bool isPlaceholder(const QString &digits)
{
    if (digits.size() < 5)
        return true;
    bool same = true;
    bool ascending = true;
    for (qsizetype i = 1; i < digits.size(); ++i) {
        same = same && digits[i] == digits[0];
        ascending = ascending
            && digits[i].unicode()
                == (digits[i - 1].unicode() == u'9' ? u'0' : digits[i - 1].unicode() + 1);
    }
    return same || ascending;
}

} // namespace

PhoneNormalizer::PhoneNormalizer(const QString &defaultRegion)
    : m_region(defaultRegion.trimmed().toUpper())
{
    (void)phoneUtil();
}

NormalizedPhone PhoneNormalizer::normalize(QStringView raw) const
{
    NormalizedPhone p;
    const QString text = raw.trimmed().toString();
    if (text.isEmpty())
        return p;
    qsizetype digitCount = 0;
    for (QChar c : text)
        digitCount += c.isDigit() ? 1 : 0;
    if (digitCount < 5)
        return p;
    PhoneNumberUtil &util = phoneUtil();
    PhoneNumber number;
    const auto rc = util.Parse(text.toStdString(), m_region.toStdString(), &number);
    if (rc != PhoneNumberUtil::NO_PARSING_ERROR)
        return p;
    std::string nsn;
    util.GetNationalSignificantNumber(number, &nsn);
    const QString national = QString::fromStdString(nsn);
    if (isPlaceholder(national))
        return p;
    p.national = national;
    p.extension = QString::fromStdString(number.extension());
    p.subscriber = national.right(7);
    const auto possible = util.IsPossibleNumberWithReason(number);
    if (possible == PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY) {
        p.localOnly = true;
        return p;
    }
    if (possible != PhoneNumberUtil::IS_POSSIBLE) {
        // Wrong length: keep the digits as weak evidence (a typo), never an identity.
        return p;
    }
    std::string e164;
    util.Format(number, PhoneNumberUtil::E164, &e164);
    p.e164 = QString::fromStdString(e164);
    p.valid = util.IsValidNumber(number);
    return p;
}

// --- names ---------------------------------------------------------------

namespace {

const QSet<QString> &titles()
{
    static const QSet<QString> t { u"mr"_s, u"mrs"_s,    u"ms"_s,   u"miss"_s, u"mx"_s,
                                   u"dr"_s, u"prof"_s,   u"sir"_s,  u"dame"_s, u"rev"_s,
                                   u"fr"_s, u"mister"_s, u"madam"_s };
    return t;
}

const QSet<QString> &suffixes()
{
    static const QSet<QString> s {
        u"jr"_s, u"sr"_s,  u"ii"_s,     u"iii"_s,    u"iv"_s,  u"phd"_s,
        u"md"_s, u"esq"_s, u"junior"_s, u"senior"_s, u"dds"_s, u"cpa"_s
    };
    return s;
}

QStringList foldedTokens(QStringView text)
{
    return foldText(text).split(u' ', Qt::SkipEmptyParts);
}

void dropTitles(QStringList &tokens)
{
    while (tokens.size() > 1 && titles().contains(tokens.first()))
        tokens.removeFirst();
}

void dropSuffixes(QStringList &tokens)
{
    while (tokens.size() > 1 && suffixes().contains(tokens.last()))
        tokens.removeLast();
}

} // namespace

PersonName normalizePersonName(QStringView first, QStringView last, QStringView full)
{
    PersonName n;
    QStringList given = foldedTokens(first);
    QStringList family = foldedTokens(last);
    if (given.isEmpty() && family.isEmpty() && !full.trimmed().isEmpty()) {
        const qsizetype comma = full.indexOf(u',');
        if (comma > 0) { // "Lee, Ann B."
            family = foldedTokens(full.left(comma));
            given = foldedTokens(full.mid(comma + 1));
        } else {
            QStringList tokens = foldedTokens(full);
            dropTitles(tokens);
            dropSuffixes(tokens);
            if (tokens.size() == 1) {
                family = tokens;
            } else if (!tokens.isEmpty()) {
                family = { tokens.takeLast() };
                given = tokens;
            }
        }
    }
    dropTitles(given);
    if (given.size() == 1 && titles().contains(given.first()))
        given.clear();
    dropSuffixes(family);
    if (!given.isEmpty()) {
        n.given = given.takeFirst();
        n.middle = given.join(u' ');
    }
    n.family = family.join(QString());
    return n;
}

QStringList nameTokens(QStringView name)
{
    static const QSet<QString> filler {
        u"the"_s,         u"of"_s,           u"and"_s, u"a"_s,    u"an"_s,      u"at"_s, u"for"_s,
        u"inc"_s,         u"incorporated"_s, u"llc"_s, u"ltd"_s,  u"limited"_s, u"co"_s, u"corp"_s,
        u"corporation"_s, u"company"_s,      u"plc"_s, u"gmbh"_s, u"pty"_s,     u"nfp"_s
    };
    QStringList tokens = foldedTokens(name);
    tokens.removeIf([](const QString &t) { return filler.contains(t); });
    return tokens;
}

// --- addresses -----------------------------------------------------------

namespace {

const QHash<QString, QString> &streetTypes()
{
    // USPS / Australia Post abbreviations for the common types.
    static const QHash<QString, QString> t {
        { u"street"_s, u"st"_s },       { u"st"_s, u"st"_s },       { u"str"_s, u"st"_s },
        { u"avenue"_s, u"ave"_s },      { u"ave"_s, u"ave"_s },     { u"av"_s, u"ave"_s },
        { u"road"_s, u"rd"_s },         { u"rd"_s, u"rd"_s },       { u"boulevard"_s, u"blvd"_s },
        { u"blvd"_s, u"blvd"_s },       { u"drive"_s, u"dr"_s },    { u"dr"_s, u"dr"_s },
        { u"lane"_s, u"ln"_s },         { u"ln"_s, u"ln"_s },       { u"court"_s, u"ct"_s },
        { u"ct"_s, u"ct"_s },           { u"place"_s, u"pl"_s },    { u"pl"_s, u"pl"_s },
        { u"crescent"_s, u"cres"_s },   { u"cres"_s, u"cres"_s },   { u"circuit"_s, u"cct"_s },
        { u"cct"_s, u"cct"_s },         { u"circle"_s, u"cir"_s },  { u"cir"_s, u"cir"_s },
        { u"parkway"_s, u"pkwy"_s },    { u"pkwy"_s, u"pkwy"_s },   { u"highway"_s, u"hwy"_s },
        { u"hwy"_s, u"hwy"_s },         { u"terrace"_s, u"ter"_s }, { u"ter"_s, u"ter"_s },
        { u"tce"_s, u"ter"_s },         { u"square"_s, u"sq"_s },   { u"sq"_s, u"sq"_s },
        { u"way"_s, u"way"_s },         { u"close"_s, u"cl"_s },    { u"cl"_s, u"cl"_s },
        { u"grove"_s, u"gr"_s },        { u"parade"_s, u"pde"_s },  { u"pde"_s, u"pde"_s },
        { u"expressway"_s, u"expy"_s }, { u"trail"_s, u"trl"_s },   { u"plaza"_s, u"plz"_s },
    };
    return t;
}

const QHash<QString, QString> &directions()
{
    static const QHash<QString, QString> d {
        { u"north"_s, u"n"_s },      { u"south"_s, u"s"_s },      { u"east"_s, u"e"_s },
        { u"west"_s, u"w"_s },       { u"n"_s, u"n"_s },          { u"s"_s, u"s"_s },
        { u"e"_s, u"e"_s },          { u"w"_s, u"w"_s },          { u"northeast"_s, u"ne"_s },
        { u"northwest"_s, u"nw"_s }, { u"southeast"_s, u"se"_s }, { u"southwest"_s, u"sw"_s },
        { u"ne"_s, u"ne"_s },        { u"nw"_s, u"nw"_s },        { u"se"_s, u"se"_s },
        { u"sw"_s, u"sw"_s },
    };
    return d;
}

bool isHouseNumber(const QString &t)
{
    if (t.isEmpty() || !t.front().isDigit())
        return false;
    qsizetype digits = 0;
    while (digits < t.size() && t[digits].isDigit())
        ++digits;
    return t.size() - digits <= 1; // "12", "12a"
}

} // namespace

NormalizedAddress normalizeAddress(QStringView raw)
{
    NormalizedAddress a;
    QString text = raw.trimmed().toString();
    if (text.isEmpty())
        return a;
    // "4/12 Smith St" (unit 4, number 12) and "#4" survive folding as words.
    text.replace(u'#', u" unit "_s);
    static const QRegularExpression unitSlash(u"^\\s*(\\w{1,5})\\s*/\\s*(\\d+\\w?)\\b"_s);
    if (const auto m = unitSlash.match(text); m.hasMatch()) {
        a.unit = foldText(m.captured(1));
        text = m.captured(2) + text.mid(m.capturedEnd(0));
    }
    QStringList tokens = foldedTokens(text);
    static const QSet<QString> unitWords { u"apt"_s, u"apartment"_s, u"unit"_s, u"suite"_s,
                                           u"ste"_s, u"flat"_s,      u"room"_s, u"rm"_s,
                                           u"fl"_s,  u"floor"_s,     u"no"_s };
    QStringList street;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const QString &t = tokens[i];
        if (unitWords.contains(t) && i + 1 < tokens.size()) {
            if (a.unit.isEmpty())
                a.unit = tokens[i + 1];
            ++i;
            continue;
        }
        if (a.number.isEmpty() && street.isEmpty() && isHouseNumber(t)) {
            a.number = t;
            continue;
        }
        if (street.isEmpty() && a.direction.isEmpty() && directions().contains(t)
            && i + 1 < tokens.size()) {
            a.direction = directions().value(t);
            continue;
        }
        if (!street.isEmpty() && a.type.isEmpty() && streetTypes().contains(t)) {
            a.type = streetTypes().value(t);
            continue;
        }
        if (!street.isEmpty() && directions().contains(t) && i + 1 == tokens.size()
            && a.direction.isEmpty()) {
            a.direction = directions().value(t); // "Pulaski Rd N"
            continue;
        }
        street.append(t);
    }
    a.street = street.join(u' ');
    QStringList parts;
    for (const QString *p : { &a.number, &a.direction, &a.street, &a.type })
        if (!p->isEmpty())
            parts.append(*p);
    if (!a.unit.isEmpty())
        parts.append(u'#' + a.unit);
    a.text = parts.join(u' ');
    return a;
}

QString normalizePostcode(QStringView raw)
{
    QString out;
    for (QChar c : raw) {
        if (c.isLetterOrNumber())
            out.append(c.toUpper());
        else if (c == u'-' && out.size() == 5)
            break; // ZIP+4
    }
    return out;
}

// --- dates ---------------------------------------------------------------

QString NormalizedDate::iso() const
{
    if (!isValid())
        return {};
    return u"%1-%2-%3"_s.arg(year, 4, 10, QLatin1Char('0'))
        .arg(month, 2, 10, QLatin1Char('0'))
        .arg(day, 2, 10, QLatin1Char('0'));
}

namespace {

int monthFromWord(const QString &word)
{
    static const char *kMonths[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                     "jul", "aug", "sep", "oct", "nov", "dec" };
    if (word.size() < 3)
        return 0;
    const QString head = word.left(3);
    for (int i = 0; i < 12; ++i) {
        if (head == QLatin1StringView(kMonths[i]))
            return i + 1;
    }
    return 0;
}

int expandYear(int y, int digits, int pivotYear)
{
    if (digits != 2)
        return y;
    const int century = pivotYear / 100 * 100;
    int full = century + y;
    if (full > pivotYear)
        full -= 100;
    return full;
}

bool plausible(int y, int m, int d)
{
    return y >= 1800 && y <= 2200 && QDate::isValid(y, m, d);
}

NormalizedDate make(int y, int m, int d)
{
    NormalizedDate r;
    if (plausible(y, m, d)) {
        r.year = y;
        r.month = m;
        r.day = d;
    }
    return r;
}

} // namespace

NormalizedDate parseDate(QStringView raw, DateOrder order, int pivotYear)
{
    if (pivotYear <= 0)
        pivotYear = QDate::currentDate().year();
    QString text = raw.trimmed().toString().toLower();
    if (text.isEmpty())
        return {};
    // ISO with a time part: "1971-06-24T00:00:00Z", "1971-06-24 00:00".
    if (text.size() > 10 && text[4] == u'-' && (text[10] == u't' || text[10] == u' '))
        text.truncate(10);
    bool allDigits = true;
    for (QChar c : std::as_const(text))
        allDigits = allDigits && c.isDigit();
    if (allDigits) {
        if (text.size() == 8) // yyyymmdd (Febrl, many exports)
            return make(text.left(4).toInt(), text.mid(4, 2).toInt(), text.mid(6, 2).toInt());
        return {};
    }
    // Split into numbers and words.
    QList<QString> parts;
    QString cur;
    const bool dots = text.contains(u'.') && !text.contains(u'/') && !text.contains(u'-');
    for (QChar c : std::as_const(text)) {
        if (c.isLetterOrNumber()) {
            if (!cur.isEmpty() && cur.back().isDigit() != c.isDigit()) {
                parts.append(cur);
                cur.clear();
            }
            cur.append(c);
        } else if (!cur.isEmpty()) {
            parts.append(cur);
            cur.clear();
        }
    }
    if (!cur.isEmpty())
        parts.append(cur);
    // Ordinal suffixes and weekday names: "Monday, June 24th 1971".
    parts.removeIf([](const QString &p) {
        return p == u"st"_s || p == u"nd"_s || p == u"rd"_s || p == u"th"_s
            || (p.size() >= 3 && p.front().isLetter() && monthFromWord(p) == 0);
    });
    QList<int> numbers;
    QList<int> widths;
    int month = 0;
    for (const QString &p : std::as_const(parts)) {
        if (p.front().isDigit()) {
            numbers.append(p.toInt());
            widths.append(int(p.size()));
        } else if (month == 0) {
            month = monthFromWord(p);
        }
    }
    if (month != 0) { // "24 Jun 1971", "June 24, 1971"
        if (numbers.size() != 2)
            return {};
        const int yearIdx = widths[0] == 4 ? 0 : 1;
        const int y = expandYear(numbers[yearIdx], widths[yearIdx], pivotYear);
        return make(y, month, numbers[1 - yearIdx]);
    }
    if (numbers.size() != 3)
        return {};
    if (widths[0] == 4) // y-m-d, y/m/d
        return make(numbers[0], numbers[1], numbers[2]);
    if (widths[2] != 4 && widths[2] != 2)
        return {};
    const int y = expandYear(numbers[2], widths[2], pivotYear);
    const int a = numbers[0];
    const int b = numbers[1];
    const bool dayFirstOk = plausible(y, b, a);
    const bool monthFirstOk = plausible(y, a, b);
    if (dayFirstOk && !monthFirstOk)
        return make(y, b, a);
    if (monthFirstOk && !dayFirstOk)
        return make(y, a, b);
    if (!dayFirstOk)
        return {};
    if (a == b)
        return make(y, a, b);
    if (order == DateOrder::DayFirst || (order == DateOrder::Unknown && dots))
        return make(y, b, a);
    if (order == DateOrder::MonthFirst)
        return make(y, a, b);
    // Honest: both are real dates and nothing says which was meant.
    NormalizedDate r = make(y, a, b);
    r.ambiguous = true;
    r.altMonth = b;
    r.altDay = a;
    return r;
}

DateOrder detectDateOrder(const QStringList &values)
{
    int dayFirst = 0;
    int monthFirst = 0;
    for (const QString &v : values) {
        const NormalizedDate unknown = parseDate(v, DateOrder::Unknown);
        if (!unknown.isValid() || unknown.ambiguous)
            continue;
        // Which reading did the unambiguous parse use? Only slash/dash forms
        // with the year last tell us anything.
        const QString t = v.trimmed();
        static const QRegularExpression slashForm(
            u"^(\\d{1,2})[/\\-.](\\d{1,2})[/\\-.](\\d{2}|\\d{4})$"_s);
        const auto m = slashForm.match(t);
        if (!m.hasMatch())
            continue;
        const int a = m.captured(1).toInt();
        const int b = m.captured(2).toInt();
        if (a > 12 && b <= 12)
            ++dayFirst;
        else if (b > 12 && a <= 12)
            ++monthFirst;
    }
    if (dayFirst > 0 && monthFirst == 0)
        return DateOrder::DayFirst;
    if (monthFirst > 0 && dayFirst == 0)
        return DateOrder::MonthFirst;
    return DateOrder::Unknown;
}

} // namespace Concord::Identity
