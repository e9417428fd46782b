#include "qbotestutil.h"

#include "connectors/quickbooks/querybuilder.h"

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::QuickBooks;
using Concord::Domain::Decimal;

class TestQboQuery : public QObject
{
    Q_OBJECT

private slots:
    void quoting_data();
    void quoting();
    void statements();
    void refusals_data();
    void refusals();
    void pager();
};

void TestQboQuery::quoting_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << u"Greg"_s << u"'Greg'"_s;
    QTest::newRow("apostrophe") << u"O'Brien"_s << u"'O\\'Brien'"_s;
    QTest::newRow("doc example") << u"Adam's Candy Shop"_s << u"'Adam\\'s Candy Shop'"_s;
    QTest::newRow("two") << u"'x'"_s << u"'\\'x\\''"_s;
    QTest::newRow("percent kept") << u"Bill%"_s << u"'Bill%'"_s;
    QTest::newRow("empty") << QString() << u"''"_s;
    QTest::newRow("unicode") << u"Nikkilä"_s << u"'Nikkilä'"_s;
}

void TestQboQuery::quoting()
{
    QFETCH(QString, value);
    QFETCH(QString, quoted);
    QCOMPARE(QueryBuilder::quote(value), quoted);
    auto q = QueryBuilder::select(u"Customer"_s).where(u"DisplayName"_s, QueryOperator::Equal, value).build();
    QVERIFY_OK(q);
    QCOMPARE(*q, u"SELECT * FROM Customer WHERE DisplayName = "_s + quoted);
}

void TestQboQuery::statements()
{
    QCOMPARE(*QueryBuilder::select(u"Invoice"_s).build(), u"SELECT * FROM Invoice"_s);
    QCOMPARE(*QueryBuilder::count(u"Customer"_s).build(), u"SELECT COUNT(*) FROM Customer"_s);
    QCOMPARE(*QueryBuilder::select(u"Invoice"_s)
                  .where(u"Balance"_s, QueryOperator::Greater, Decimal::fromInt(0))
                  .where(u"DueDate"_s, QueryOperator::Less, QDate(2026, 1, 31))
                  .orderBy(u"DueDate"_s)
                  .startPosition(1)
                  .maxResults(1000)
                  .build(),
             u"SELECT * FROM Invoice WHERE Balance > '0' AND DueDate < '2026-01-31' ORDERBY DueDate ASC "
             u"STARTPOSITION 1 MAXRESULTS 1000"_s);
    QCOMPARE(*QueryBuilder::select(u"Customer"_s).where(u"Active"_s, QueryOperator::Equal, true).build(),
             u"SELECT * FROM Customer WHERE Active = true"_s);
    QCOMPARE(*QueryBuilder::select(u"Customer"_s).whereIn(u"Active"_s, { true, false }).build(),
             u"SELECT * FROM Customer WHERE Active IN (true, false)"_s);
    QCOMPARE(*QueryBuilder::select(u"Invoice"_s).whereIn(u"Id"_s, { u"1"_s, u"2"_s }).build(),
             u"SELECT * FROM Invoice WHERE Id IN ('1', '2')"_s);
    QCOMPARE(*QueryBuilder::select(u"Customer"_s)
                  .where(u"MetaData.LastUpdatedTime"_s, QueryOperator::GreaterOrEqual,
                         QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC))
                  .orderBy(u"MetaData.LastUpdatedTime"_s, true)
                  .build(),
             u"SELECT * FROM Customer WHERE MetaData.LastUpdatedTime >= '2026-01-02T03:04:05+00:00' "
             u"ORDERBY MetaData.LastUpdatedTime DESC"_s);
    QCOMPARE(*QueryBuilder::select(u"Customer"_s).where(u"DisplayName"_s, QueryOperator::Like, u"Dana%"_s).build(),
             u"SELECT * FROM Customer WHERE DisplayName LIKE 'Dana%'"_s);
    // Field names are case-insensitive on the server, so here too.
    QVERIFY(QueryBuilder::select(u"customer"_s).where(u"displayname"_s, QueryOperator::Equal, u"x"_s).build());
    QCOMPARE(*QueryBuilder::select(u"Term"_s).where(u"Name"_s, QueryOperator::Equal, u"Net 30"_s).build(),
             u"SELECT * FROM Term WHERE Name = 'Net 30'"_s);
}

void TestQboQuery::refusals_data()
{
    QTest::addColumn<QString>("why");
    using B = QueryBuilder;
    const auto err = [](const B &b) { auto r = b.build(); return r ? QString() : r.error().message; };
    QTest::newRow("not filterable") << err(B::select(u"Customer"_s).where(u"AcctNum"_s, QueryOperator::Equal, u"1"_s));
    QTest::newRow("nested email") << err(B::select(u"Customer"_s).where(u"PrimaryEmailAddr.Address"_s, QueryOperator::Equal, u"a@b.c"_s));
    QTest::newRow("sort only") << err(B::select(u"Customer"_s).where(u"BalanceWithJobs"_s, QueryOperator::Greater, Decimal::fromInt(0)));
    QTest::newRow("not sortable") << err(B::select(u"Customer"_s).orderBy(u"GivenName"_s));
    QTest::newRow("unknown entity where") << err(B::select(u"TaxCode"_s).where(u"Name"_s, QueryOperator::Equal, u"x"_s));
    QTest::newRow("id range") << err(B::select(u"Invoice"_s).where(u"Id"_s, QueryOperator::Greater, u"5"_s));
    QTest::newRow("bool less") << err(B::select(u"Customer"_s).where(u"Active"_s, QueryOperator::Less, true));
    QTest::newRow("start 0") << err(B::select(u"Invoice"_s).startPosition(0));
    QTest::newRow("max 1001") << err(B::select(u"Invoice"_s).maxResults(1001));
    QTest::newRow("max 0") << err(B::select(u"Invoice"_s).maxResults(0));
    QTest::newRow("empty IN") << err(B::select(u"Invoice"_s).whereIn(u"Id"_s, {}));
    QTest::newRow("bad entity") << err(B::select(u"Invoice; drop"_s));
    QTest::newRow("invalid date") << err(B::select(u"Invoice"_s).where(u"TxnDate"_s, QueryOperator::Equal, QDate()));
    QTest::newRow("like number") << err(B::select(u"Invoice"_s).where(u"TotalAmt"_s, QueryOperator::Like, Decimal::fromInt(5)));
    // A trailing backslash would escape the closing quote ('Foo\' …).
    QTest::newRow("trailing backslash") << err(B::select(u"Customer"_s).where(u"DisplayName"_s, QueryOperator::Equal, u"Foo\\"_s));
    QTest::newRow("backslash in IN") << err(B::select(u"Customer"_s).whereIn(u"DisplayName"_s, {u"a"_s, u"b\\c"_s}));
}

void TestQboQuery::refusals()
{
    QFETCH(QString, why);
    QVERIFY2(!why.isEmpty(), "the builder accepted a query the server refuses");
}

void TestQboQuery::pager()
{
    QueryPager pager(QueryBuilder::select(u"Customer"_s).orderBy(u"Id"_s), 100);
    QCOMPARE(*pager.next(), u"SELECT * FROM Customer ORDERBY Id ASC STARTPOSITION 1 MAXRESULTS 100"_s);
    pager.pageReceived(100);
    QCOMPARE(*pager.next(), u"SELECT * FROM Customer ORDERBY Id ASC STARTPOSITION 101 MAXRESULTS 100"_s);
    pager.pageReceived(100);
    QCOMPARE(pager.nextStartPosition(), 201);
    QVERIFY(!pager.atEnd());
    pager.pageReceived(7);
    QVERIFY(pager.atEnd());
    QVERIFY(!pager.next());

    QueryPager bad(QueryBuilder::select(u"Customer"_s), 5000);
    QVERIFY(!bad.next());
}

QTEST_GUILESS_MAIN(TestQboQuery)
#include "tst_qboquery.moc"
