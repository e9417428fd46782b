#pragma once

// Deterministic generator of messy customer records with known truth, for the
// identity tests and benchmarks (header-only; no Qt Test). It corrupts
// duplicates the way the labelled fixtures are corrupted — typos, nicknames,
// swapped first/last names, initials, missing values, stale or aliased
// emails, phone formats and 7-digit local numbers, date formats, address
// abbreviations — and adds the hard case the fixtures lack: households whose
// members share a family name, an address, a landline and sometimes an email.

#include "identity/record.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace Concord::Test {

struct GeneratedPeople {
    QList<Identity::Record> records;
    std::vector<int> truth; // person number per record
    int people = 0;
};

namespace IdentityGeneratorDetail {

inline const QStringList &givenNames()
{
    static const QStringList names =
        QStringLiteral("james john robert michael william david richard joseph thomas charles "
                       "christopher daniel matthew anthony "
                       "mark donald steven paul andrew joshua kenneth kevin brian george timothy "
                       "ronald edward jason jeffrey ryan "
                       "jacob gary nicholas eric jonathan stephen larry justin scott brandon "
                       "benjamin samuel gregory alexander "
                       "frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry "
                       "douglas zachary peter kyle "
                       "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen "
                       "lisa nancy betty margaret sandra "
                       "ashley kimberly emily donna michelle carol amanda dorothy melissa deborah "
                       "stephanie rebecca sharon laura "
                       "cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen "
                       "samantha katherine christine "
                       "debra rachel carolyn janet catherine maria heather diane ruth julie olivia "
                       "joyce virginia victoria kelly "
                       "lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline "
                       "martha gloria teresa ann sara "
                       "madison frances kathryn janice jean abigail alice judy sophia grace denise "
                       "amber doris marilyn danielle "
                       "beverly isabella theresa diana natalie brittany charlotte marie kayla "
                       "alexis lori zoe chloe renee noah "
                       "liam lucas mason logan ethan oliver aiden elijah isla evie freya amelia "
                       "ava mia harper jose luis carlos "
                       "juan miguel sofia camila valentina lucia chen wei ming yuki hiroshi priya "
                       "arjun ananya rahul fatima omar "
                       "ali aisha mohammed ibrahim chloe leah maya nora ella lily aria riley zoey "
                       "penelope layla")
            .split(u' ', Qt::SkipEmptyParts);
    return names;
}

inline const QStringList &familyNames()
{
    static const QStringList names =
        QStringLiteral("smith johnson williams brown jones garcia miller davis rodriguez martinez "
                       "hernandez lopez gonzalez wilson "
                       "anderson thomas taylor moore jackson martin lee perez thompson white "
                       "harris sanchez clark ramirez lewis "
                       "robinson walker young allen king wright scott torres nguyen hill flores "
                       "green adams nelson baker hall "
                       "rivera campbell mitchell carter roberts gomez phillips evans turner diaz "
                       "parker cruz edwards collins "
                       "reyes stewart morris morales murphy cook rogers gutierrez ortiz morgan "
                       "cooper peterson bailey reed kelly "
                       "howard ramos kim cox ward richardson watson brooks chavez wood james "
                       "bennett gray mendoza ruiz hughes "
                       "price alvarez castillo sanders patel myers long ross foster jimenez powell "
                       "jenkins perry russell sullivan "
                       "bell coleman butler henderson barnes gonzales fisher vasquez simmons "
                       "romero jordan patterson alexander "
                       "hamilton graham reynolds griffin wallace moreno west cole hayes bryant "
                       "herrera gibson ellis tran medina "
                       "aguilar stevens murray ford castro marshall owens harrison fernandez "
                       "mcdonald woods washington kennedy "
                       "wells vargas henry chen freeman webb tucker guzman burns crawford olson "
                       "simpson porter hunter gordon")
            .split(u' ', Qt::SkipEmptyParts);
    return names;
}

inline const QStringList &streets()
{
    static const QStringList s =
        QStringLiteral("oak maple cedar pine elm washington lake hill park main church walnut "
                       "spring north ridge lincoln jackson "
                       "highland sunset forest meadow river willow cherry chestnut franklin "
                       "madison jefferson adams center union "
                       "mill school prospect spruce dogwood laurel hickory birch poplar magnolia "
                       "sycamore beech aspen juniper "
                       "pulaski ashland halsted racine western damen kedzie cicero austin harlem")
            .split(u' ', Qt::SkipEmptyParts);
    return s;
}

struct City {
    const char *name;
    const char *zipPrefix;
    const char *areaCodes[3];
};

inline const std::vector<City> &cities()
{
    static const std::vector<City> c = {
        { "Chicago", "606", { "312", "773", "872" } },
        { "New York", "100", { "212", "646", "917" } },
        { "Los Angeles", "900", { "213", "310", "323" } },
        { "Houston", "770", { "713", "281", "832" } },
        { "Phoenix", "850", { "602", "480", "623" } },
        { "Philadelphia", "191", { "215", "267", "445" } },
        { "San Antonio", "782", { "210", "726", "830" } },
        { "San Diego", "921", { "619", "858", "760" } },
        { "Dallas", "752", { "214", "469", "972" } },
        { "Austin", "787", { "512", "737", "512" } },
        { "Seattle", "981", { "206", "253", "425" } },
        { "Denver", "802", { "303", "720", "303" } },
        { "Boston", "021", { "617", "857", "781" } },
        { "Atlanta", "303", { "404", "470", "678" } },
        { "Miami", "331", { "305", "786", "305" } },
        { "Portland", "972", { "503", "971", "503" } },
        { "Minneapolis", "554", { "612", "651", "763" } },
        { "Detroit", "482", { "313", "248", "586" } },
        { "Nashville", "372", { "615", "629", "615" } },
        { "Baltimore", "212", { "410", "443", "667" } },
    };
    return c;
}

// Nickname forms the generator uses (a subset of what the matcher knows, plus
// some it does not, so the test is not circular).
inline QString nickname(const QString &given, std::mt19937_64 &rng)
{
    static const QList<QPair<QString, QStringList>> table = {
        { QStringLiteral("robert"),
          { QStringLiteral("bob"), QStringLiteral("rob"), QStringLiteral("bobby") } },
        { QStringLiteral("william"),
          { QStringLiteral("bill"), QStringLiteral("will"), QStringLiteral("billy") } },
        { QStringLiteral("richard"),
          { QStringLiteral("rick"), QStringLiteral("dick"), QStringLiteral("rich") } },
        { QStringLiteral("james"), { QStringLiteral("jim"), QStringLiteral("jimmy") } },
        { QStringLiteral("michael"), { QStringLiteral("mike"), QStringLiteral("mikey") } },
        { QStringLiteral("elizabeth"),
          { QStringLiteral("liz"), QStringLiteral("beth"), QStringLiteral("betty") } },
        { QStringLiteral("katherine"), { QStringLiteral("kate"), QStringLiteral("kathy") } },
        { QStringLiteral("margaret"), { QStringLiteral("maggie"), QStringLiteral("peggy") } },
        { QStringLiteral("jennifer"), { QStringLiteral("jen"), QStringLiteral("jenny") } },
        { QStringLiteral("christopher"), { QStringLiteral("chris") } },
        { QStringLiteral("matthew"), { QStringLiteral("matt") } },
        { QStringLiteral("anthony"), { QStringLiteral("tony") } },
        { QStringLiteral("joseph"), { QStringLiteral("joe"), QStringLiteral("joey") } },
        { QStringLiteral("thomas"), { QStringLiteral("tom"), QStringLiteral("tommy") } },
        { QStringLiteral("daniel"), { QStringLiteral("dan"), QStringLiteral("danny") } },
        { QStringLiteral("patricia"), { QStringLiteral("pat"), QStringLiteral("trish") } },
        { QStringLiteral("samantha"), { QStringLiteral("sam") } },
        { QStringLiteral("alexander"), { QStringLiteral("alex") } },
        { QStringLiteral("nicholas"), { QStringLiteral("nick") } },
        { QStringLiteral("rebecca"), { QStringLiteral("becky") } },
        { QStringLiteral("deborah"), { QStringLiteral("debbie") } },
        { QStringLiteral("steven"), { QStringLiteral("steve") } },
    };
    for (const auto &e : table) {
        if (e.first == given)
            return e.second[int(rng() % quint64(e.second.size()))];
    }
    return given;
}

inline QString capitalized(const QString &s)
{
    return s.isEmpty() ? s : s.left(1).toUpper() + s.mid(1);
}

inline QString typo(const QString &s, std::mt19937_64 &rng)
{
    if (s.size() < 3)
        return s;
    QString t = s;
    const int pos = 1 + int(rng() % quint64(t.size() - 1));
    switch (rng() % 4) {
    case 0:
        t.remove(pos, 1);
        break; // deletion
    case 1:
        t.insert(pos, QChar(u'a' + char16_t(rng() % 26)));
        break; // insertion
    case 2:
        t[pos] = QChar(u'a' + char16_t(rng() % 26));
        break; // substitution
    default:
        if (pos + 1 < t.size())
            std::swap(t[pos], t[pos + 1]); // transposition
        else
            t.remove(pos, 1);
    }
    return t;
}

inline QString digitTypo(const QString &s, std::mt19937_64 &rng)
{
    QString t = s;
    QList<int> digits;
    for (int i = 0; i < t.size(); ++i)
        if (t[i].isDigit())
            digits.append(i);
    if (digits.isEmpty())
        return t;
    const int at = digits[int(rng() % quint64(digits.size()))];
    t[at] = QChar(u'0' + char16_t((t[at].unicode() - u'0' + 1 + rng() % 9) % 10));
    return t;
}

struct Person {
    QString given, family, email, areaCode, phone7, street, streetType, city, zip;
    int number = 0, unit = 0, year = 0, month = 0, day = 0;
};

} // namespace IdentityGeneratorDetail

// `count` records (exactly), people drawn with duplicates: 60 % once, 25 %
// twice, 10 % three times, 5 % four or five times; 15 % of people live in a
// household of 2–4 (shared family name, address, landline; a third share one
// email; a junior may share a parent's given name). Same seed, same records.
inline GeneratedPeople generatePeople(int count, quint64 seed)
{
    using namespace IdentityGeneratorDetail;
    std::mt19937_64 rng(seed);
    auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };
    auto pick = [&](const QStringList &list) {
        // Zipf-like: common names are common, the tail is long.
        const double r = std::uniform_real_distribution<double>(0, 1)(rng);
        return list[int(std::pow(r, 1.6) * list.size()) % list.size()];
    };
    auto rareFamily = [&]() {
        static const QStringList syllables =
            QStringLiteral("ka lo mi ra ven dor sel tan bri ost hal wen gar lin mor ste vic bel "
                           "zan qui rud fen")
                .split(u' ');
        QString s;
        const int n = 2 + int(rng() % 2);
        for (int i = 0; i < n; ++i)
            s += syllables[int(rng() % quint64(syllables.size()))];
        return s;
    };
    static const QStringList domains =
        QStringLiteral("gmail.com yahoo.com outlook.com hotmail.com icloud.com aol.com "
                       "comcast.net proton.me example.org acme.com")
            .split(u' ');
    static const QStringList types =
        QStringLiteral("Street Avenue Road Drive Lane Court Place Boulevard").split(u' ');

    GeneratedPeople out;
    std::vector<Person> people;
    auto newPerson = [&]() {
        Person p;
        p.given = pick(givenNames());
        p.family = chance(0.3) ? rareFamily() : pick(familyNames());
        const City &c = cities()[size_t(rng() % cities().size())];
        p.city = QString::fromLatin1(c.name);
        p.zip = QString::fromLatin1(c.zipPrefix)
            + QStringLiteral("%1").arg(int(rng() % 100), 2, 10, QLatin1Char('0'));
        p.areaCode = QString::fromLatin1(c.areaCodes[rng() % 3]);
        p.phone7 = QStringLiteral("%1%2")
                       .arg(200 + int(rng() % 800))
                       .arg(int(rng() % 10000), 4, 10, QLatin1Char('0'));
        if (p.phone7.startsWith(QStringLiteral("555")))
            p.phone7[0] = u'6';
        p.street = capitalized(streets()[int(rng() % quint64(streets().size()))]);
        p.streetType = types[int(rng() % quint64(types.size()))];
        p.number = 1 + int(rng() % 9999);
        p.unit = chance(0.2) ? 1 + int(rng() % 40) : 0;
        p.year = 1940 + int(rng() % 66);
        p.month = 1 + int(rng() % 12);
        p.day = 1 + int(rng() % 28);
        const QString d = domains[int(rng() % quint64(domains.size()))];
        switch (rng() % 4) {
        case 0:
            p.email = p.given + u'.' + p.family + u'@' + d;
            break;
        case 1:
            p.email = p.given + p.family + QString::number(rng() % 100) + u'@' + d;
            break;
        case 2:
            p.email = p.given.left(1) + p.family + QString::number(rng() % 1000) + u'@' + d;
            break;
        default:
            p.email = p.family + u'.' + p.given + QString::number(rng() % 10) + u'@' + d;
            break;
        }
        return p;
    };
    while (out.records.size() < count) {
        // A household or a single person.
        QList<Person> group { newPerson() };
        if (chance(0.15)) {
            const int members = 2 + int(rng() % 3);
            const bool sharedEmail = chance(0.33);
            for (int m = 1; m < members; ++m) {
                Person k = newPerson();
                // Members have their own given names; a junior named after a
                // parent is the rare, genuinely hard case.
                for (int tries = 0; tries < 10; ++tries) {
                    bool taken = false;
                    for (const Person &other : std::as_const(group))
                        taken = taken || other.given == k.given;
                    if (!taken || chance(0.03))
                        break;
                    k.given = pick(givenNames());
                }
                k.family = group[0].family;
                k.street = group[0].street;
                k.streetType = group[0].streetType;
                k.number = group[0].number;
                k.unit = group[0].unit;
                k.city = group[0].city;
                k.zip = group[0].zip;
                k.areaCode = group[0].areaCode;
                k.phone7 = group[0].phone7;
                if (sharedEmail)
                    k.email = group[0].email;
                group.append(k);
            }
        }
        for (const Person &p : std::as_const(group)) {
            const int personNo = out.people++;
            const double r = std::uniform_real_distribution<double>(0, 1)(rng);
            const int copies = r < 0.60 ? 1 : r < 0.85 ? 2 : r < 0.95 ? 3 : 4 + int(rng() % 2);
            for (int k = 0; k < copies && out.records.size() < count; ++k) {
                const bool dup = k > 0;
                Identity::Record rec;
                rec.id = QStringLiteral("g%1").arg(out.records.size());
                QString given = p.given;
                QString family = p.family;
                if (dup && chance(0.15))
                    given = nickname(given, rng);
                if (dup && chance(0.08))
                    given = typo(given, rng);
                if (dup && chance(0.04))
                    given = given.left(1) + (chance(0.5) ? QStringLiteral(".") : QString());
                if (dup && chance(0.08))
                    family = typo(family, rng);
                QString first = capitalized(given);
                QString last = capitalized(family);
                if (chance(0.1))
                    first = first.toUpper(), last = last.toUpper();
                if (dup && chance(0.03))
                    std::swap(first, last);
                if (dup && chance(0.05))
                    first.clear();
                if (dup && chance(0.02))
                    last.clear();
                rec.set(Identity::Field::FirstName,
                        chance(0.05) ? QStringLiteral("  ") + first : first);
                rec.set(Identity::Field::LastName, last);
                // Email.
                QString email = p.email;
                if (dup && chance(0.08))
                    email = newPerson().email; // a new address since
                if (dup && chance(0.04))
                    email = typo(email, rng);
                if (dup && chance(0.05) && email.endsWith(QStringLiteral("@gmail.com")))
                    email.insert(email.indexOf(u'@'), QStringLiteral("+booking"));
                if (chance(0.15))
                    email = email.toUpper();
                if (!(chance(dup ? 0.25 : 0.1)))
                    rec.set(Identity::Field::Email,
                            chance(0.05) ? QStringLiteral(" ") + email + QStringLiteral(" ")
                                         : email);
                // Phone, in the formats people type.
                QString phone;
                const QString a = p.areaCode;
                const QString x = p.phone7.left(3);
                const QString y = p.phone7.mid(3);
                switch (rng() % 6) {
                case 0:
                    phone = QStringLiteral("(%1) %2-%3").arg(a, x, y);
                    break;
                case 1:
                    phone = QStringLiteral("%1-%2-%3").arg(a, x, y);
                    break;
                case 2:
                    phone = QStringLiteral("+1 %1 %2 %3").arg(a, x, y);
                    break;
                case 3:
                    phone = QStringLiteral("%1.%2.%3").arg(a, x, y);
                    break;
                case 4:
                    phone = QStringLiteral("1%1%2%3").arg(a, x, y);
                    break;
                default:
                    phone = QStringLiteral("%1%2%3").arg(a, x, y);
                    break;
                }
                if (dup && chance(0.05))
                    phone = QStringLiteral("%1-%2").arg(x, y); // local, no area code
                if (dup && chance(0.04))
                    phone = digitTypo(phone, rng);
                if (dup && chance(0.04))
                    phone = QStringLiteral("(%1) %2-%3")
                                .arg(a)
                                .arg(200 + int(rng() % 800))
                                .arg(int(rng() % 10000), 4, 10, QLatin1Char('0'));
                if (!chance(dup ? 0.25 : 0.1))
                    rec.set(Identity::Field::Phone, phone);
                // Date of birth: ISO or US month/day/year.
                int day = p.day;
                int month = p.month;
                int year = p.year;
                if (dup && chance(0.04))
                    day = 1 + (day + int(rng() % 27)) % 28;
                if (dup && chance(0.03))
                    year += chance(0.5) ? 1 : -10;
                if (!chance(dup ? 0.15 : 0.05)) {
                    rec.set(Identity::Field::Dob,
                            chance(0.5) ? QStringLiteral("%1-%2-%3")
                                              .arg(year)
                                              .arg(month, 2, 10, QLatin1Char('0'))
                                              .arg(day, 2, 10, QLatin1Char('0'))
                                        : QStringLiteral("%1/%2/%3").arg(month).arg(day).arg(year));
                }
                // Address with abbreviations and unit spellings.
                QString type = p.streetType;
                if (chance(0.5)) {
                    static const QHash<QString, QString> abbrev = {
                        { QStringLiteral("Street"), QStringLiteral("St") },
                        { QStringLiteral("Avenue"), QStringLiteral("Ave") },
                        { QStringLiteral("Road"), QStringLiteral("Rd") },
                        { QStringLiteral("Drive"), QStringLiteral("Dr.") },
                        { QStringLiteral("Lane"), QStringLiteral("Ln") },
                        { QStringLiteral("Court"), QStringLiteral("Ct") },
                        { QStringLiteral("Place"), QStringLiteral("Pl") },
                        { QStringLiteral("Boulevard"), QStringLiteral("Blvd") }
                    };
                    type = abbrev.value(type, type);
                }
                QString street = p.street;
                if (dup && chance(0.04))
                    street = capitalized(typo(street.toLower(), rng));
                QString address = QStringLiteral("%1 %2 %3").arg(p.number).arg(street, type);
                if (p.unit > 0) {
                    switch (rng() % 3) {
                    case 0:
                        address += QStringLiteral(" Apt %1").arg(p.unit);
                        break;
                    case 1:
                        address += QStringLiteral(" #%1").arg(p.unit);
                        break;
                    default:
                        address += QStringLiteral(", Unit %1").arg(p.unit);
                        break;
                    }
                }
                if (!chance(dup ? 0.2 : 0.1))
                    rec.set(Identity::Field::Address, address);
                if (!chance(0.1))
                    rec.set(Identity::Field::City,
                            dup && chance(0.04) ? capitalized(typo(p.city.toLower(), rng))
                                                : p.city);
                if (!chance(0.15))
                    rec.set(Identity::Field::Postcode,
                            dup && chance(0.03) ? digitTypo(p.zip, rng) : p.zip);
                out.records.append(rec);
                out.truth.push_back(personNo);
            }
        }
    }
    // Duplicates should not sit next to each other in the file.
    std::vector<int> order(size_t(out.records.size()));
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    std::shuffle(order.begin(), order.end(), rng);
    GeneratedPeople shuffled;
    shuffled.people = out.people;
    for (int i : order) {
        shuffled.records.append(out.records[i]);
        shuffled.truth.push_back(out.truth[size_t(i)]);
    }
    for (int i = 0; i < shuffled.records.size(); ++i)
        shuffled.records[i].id = QStringLiteral("g%1").arg(i);
    return shuffled;
}

} // namespace Concord::Test
