#include "identity/nicknames.h"

#include <QHash>
#include <QString>

using namespace Qt::StringLiterals;

namespace Concord::Identity::Nicknames {

namespace {

// One group per line: the formal name first, then its usual short forms.
// See nicknames.h for where this comes from.
constexpr const char *kGroups[] = {
    "abigail abby abbie gail",
    "abraham abe abram",
    "albert al bert bertie",
    "alan al allan allen",
    "alexander alex al alec sandy xander lex",
    "alexandra alex alexa sandra sandy lexi",
    "alfred al alf alfie fred freddie",
    "alice allie ally",
    "alison ali allie",
    "amanda mandy manda",
    "andrew andy drew",
    "angela angie",
    "anne ann annie anna nan nancy",
    "anthony tony ant",
    "antonia toni tonia",
    "arthur art artie",
    "barbara barb barbie babs",
    "benjamin ben benny benji",
    "bernard bernie",
    "beverly bev",
    "bradley brad",
    "brian bryan",
    "bridget biddy bridie",
    "caroline carol carrie caro",
    "catherine cathy cat kate katie kathy cath",
    "katherine kathy kate katie kat kathryn",
    "kathleen kathy kate katie",
    "charles charlie chuck chas chaz",
    "charlotte charlie lottie",
    "christina chris chrissy tina",
    "christine chris chrissy",
    "christopher chris kit topher",
    "clifford cliff",
    "cynthia cindy",
    "daniel dan danny",
    "danielle dani",
    "david dave davy",
    "deborah debbie deb debra",
    "dennis den denny",
    "dominic dom",
    "donald don donnie",
    "dorothy dot dottie dolly",
    "douglas doug",
    "edward ed eddie ted teddy ned",
    "edwin ed eddie",
    "eleanor ellie nell nora",
    "elizabeth liz lizzie beth betty betsy eliza lisa libby bess",
    "emily em emmy",
    "emma em emmy",
    "eugene gene",
    "evelyn evie eve",
    "frances fran fanny frankie",
    "francis frank frankie fran",
    "frederick fred freddie freddy",
    "gabriel gabe",
    "gabrielle gabby gabi",
    "geoffrey geoff jeff",
    "jeffrey jeff",
    "gerald gerry jerry",
    "gregory greg",
    "harold harry hal",
    "henry harry hank hal",
    "isabella bella izzy isabel",
    "isabelle bella izzy isabel",
    "jacob jake",
    "james jim jimmy jamie jim",
    "janet jan",
    "jennifer jen jenny jenn",
    "jessica jess jessie",
    "joan joanie",
    "john johnny jack jon",
    "jonathan jon jonny nathan",
    "joseph joe joey",
    "josephine jo josie",
    "joshua josh",
    "judith judy jude",
    "julia julie jules",
    "kenneth ken kenny",
    "kimberly kim",
    "lawrence larry laurie",
    "leonard len lenny leo",
    "lewis lew lou",
    "louis lou louie",
    "louise lou lulu",
    "lucas luke",
    "madeline maddie maddy",
    "margaret maggie meg peggy marge madge greta",
    "martha marty mattie",
    "martin marty",
    "matthew matt matty",
    "michael mike mikey mick mickey",
    "michelle shelly",
    "mildred millie",
    "nathaniel nat nate nathan",
    "nicholas nick nicky",
    "nicole nicky nikki",
    "oliver ollie",
    "olivia liv livvy",
    "patricia pat patty trish tricia",
    "patrick pat paddy",
    "peter pete",
    "philip phil pip",
    "phillip phil",
    "rebecca becky becca",
    "richard rick ricky rich dick",
    "robert rob robbie bob bobby bert",
    "roberta bobbie",
    "ronald ron ronnie",
    "rosemary rose rosie",
    "samantha sam sammy",
    "samuel sam sammy",
    "sarah sally sadie",
    "stephen steve stevie",
    "steven steve stevie",
    "stephanie steph stephie",
    "susan sue susie suzy",
    "suzanne sue susie",
    "terence terry",
    "theodore ted teddy theo",
    "thomas tom tommy",
    "timothy tim timmy",
    "valerie val",
    "victoria vicky tori",
    "vincent vince vinny",
    "walter walt wally",
    "william will bill billy willy liam",
    "zachary zach zack",
    "evangeline evie eva",
    "sophia sophie",
    "grace gracie",
    "harriet hattie",
    "jacqueline jackie",
    "jane janie jenny",
    "mary molly polly mae",
    "millicent millie",
    "ruth ruthie",
    "teresa terry tess tessa",
    "theresa terry tess tessa",
    "wilfred wilf fred",
};

struct Table {
    QHash<QString, QList<int>> groupsByName;
    QList<QString> formal;

    Table()
    {
        int id = 0;
        for (const char *line : kGroups) {
            const QStringList names = QString::fromLatin1(line).split(u' ', Qt::SkipEmptyParts);
            formal.append(names.first());
            for (const QString &n : names) {
                QList<int> &groups = groupsByName[n];
                if (!groups.contains(id))
                    groups.append(id);
            }
            ++id;
        }
    }
};

const Table &table()
{
    static const Table t;
    return t;
}

} // namespace

QList<int> groupsOf(QStringView name)
{
    return table().groupsByName.value(name.toString());
}

bool equivalent(QStringView a, QStringView b)
{
    if (a.isEmpty() || b.isEmpty())
        return false;
    const QList<int> ga = groupsOf(a);
    if (ga.isEmpty())
        return false;
    const QList<int> gb = groupsOf(b);
    for (int g : ga) {
        if (gb.contains(g))
            return true;
    }
    return false;
}

QString canonical(QStringView name)
{
    const QList<int> groups = groupsOf(name);
    return groups.isEmpty() ? name.toString() : table().formal.at(groups.first());
}

} // namespace Concord::Identity::Nicknames
