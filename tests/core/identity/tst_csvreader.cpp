// The CSV reader on what exports really contain, and clear errors with line
// numbers for broken files; the --map column mapping on top of it.
#include "identity/columnmap.h"
#include "identity/csvreader.h"
#include "testsupport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Identity;

class TestCsvReader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void quotedFieldsAndLineBreaks()
    {
        const QByteArray csv = "id,name,note\r\n"
                               "1,\"Lee, Ann\",\"said \"\"hi\"\"\"\r\n"
                               "2,\"Two\r\nlines\",\"three\nlines\nhere\"\r\n"
                               "3,plain,\r\n";
        auto t = CsvReader::parse(csv);
        QVERIFY2(t, qPrintable(t ? QString() : t.error().message));
        QCOMPARE(t->header, (QStringList { u"id"_s, u"name"_s, u"note"_s }));
        QCOMPARE(t->rows.size(), 3);
        QCOMPARE(t->rows[0], (QStringList { u"1"_s, u"Lee, Ann"_s, u"said \"hi\""_s }));
        QCOMPARE(t->rows[1][1], u"Two\nlines"_s); // CRLF inside quotes becomes one \n
        QCOMPARE(t->rows[1][2], u"three\nlines\nhere"_s);
        QCOMPARE(t->rows[2], (QStringList { u"3"_s, u"plain"_s, QString() }));
        // Lines are physical lines of the file: row 2 spans lines 3–6.
        QCOMPARE(t->rowLines, (QList<int> { 2, 3, 7 }));
    }

    void bomLeadingSpacesAndBlankLines()
    {
        const QByteArray csv = "\xEF\xBB\xBFrec_id, given_name, surname\n"
                               "rec-1-org, sarah, \"bruhn, jr\"\n"
                               "\n"
                               "rec-1-dup-0,  s\xC3\xA1rah ,bruhn\n"
                               "\n";
        auto t = CsvReader::parse(csv);
        QVERIFY2(t, qPrintable(t ? QString() : t.error().message));
        QCOMPARE(t->header,
                 (QStringList { u"rec_id"_s, u"given_name"_s, u"surname"_s })); // BOM gone, trimmed
        QCOMPARE(t->rows.size(), 2);
        QCOMPARE(t->rows[0], (QStringList { u"rec-1-org"_s, u"sarah"_s, u"bruhn, jr"_s }));
        QCOMPARE(t->rows[1][1], u"sárah"_s);
        QCOMPARE(t->rowLines, (QList<int> { 2, 4 }));
    }

    void loneCarriageReturns()
    {
        auto t = CsvReader::parse("a,b\r1,2\r3,4");
        QVERIFY(t);
        QCOMPARE(t->rows.size(), 2);
        QCOMPARE(t->rows[1], (QStringList { u"3"_s, u"4"_s }));
        QCOMPARE(t->rowLines.last(), 3);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("message");
        QTest::newRow("unterminated quote (line where it opened)")
            << QByteArray("id,name\n1,ok\n2,\"never closed\n3,x\n")
            << u"line 3: unterminated quoted field"_s;
        QTest::newRow("too few fields") << QByteArray("id,name,email\n1,a,b\n2,c\n")
                                        << u"line 3: 2 fields, but the header has 3"_s;
        QTest::newRow("too many fields, after a multi-line record")
            << QByteArray("id,name\n1,\"a\nb\"\n2,c,d\n")
            << u"line 4: 3 fields, but the header has 2"_s;
        QTest::newRow("text after closing quote")
            << QByteArray("id,name\n1,\"Ann\"x\n")
            << u"line 2: unexpected text after a closing quote"_s;
        QTest::newRow("stray quote")
            << QByteArray("id,name\n1,An\"n\n") << u"line 2: a quote inside an unquoted field"_s;
        QTest::newRow("invalid UTF-8")
            << QByteArray("id,name\n1,ok\n2,\xff\xfe\n") << u"line 3: invalid UTF-8"_s;
        QTest::newRow("empty file") << QByteArray("") << u"empty"_s;
    }
    void errors()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, message);
        auto t = CsvReader::parse(csv);
        QVERIFY(!t);
        QCOMPARE(t.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(t.error().message.contains(message), qPrintable(t.error().message));
    }

    void realFixturesParse()
    {
        // Embedded newlines in quoted site names, 33 columns, BOM-less UTF-8.
        auto chicago = CsvReader::readFile(Test::fixturePath(
            u"identity/dedupe-csv-example/csv_example_input_with_true_ids.csv"_s));
        QVERIFY2(chicago, qPrintable(chicago ? QString() : chicago.error().message));
        QCOMPARE(chicago->rows.size(), 3337);
        QCOMPARE(chicago->rows[0][chicago->columnIndex(u"Site name"_s)],
                 u"Chicago Commons\nAssociation St Catherine's - St. Lucy School"_s);
        auto febrl = CsvReader::readFile(Test::fixturePath(u"identity/febrl/dataset2.csv"_s));
        QVERIFY(febrl);
        QCOMPARE(febrl->rows.size(), 5000);
        QCOMPARE(febrl->rows[0][febrl->columnIndex(u"given_name"_s)],
                 u"sarah"_s); // leading space trimmed
    }

    void missingFileNamesIt()
    {
        auto t = CsvReader::readFile(u"/nonexistent/contacts.csv"_s);
        QVERIFY(!t);
        QVERIFY(t.error().message.contains(u"/nonexistent/contacts.csv"_s));
    }

    void columnMap()
    {
        auto table = CsvReader::parse("Id,First,Last,Number,Street,E-mail\n"
                                      "7,Ann,Lee,12,Oak St,ann@x.org\n"
                                      "8,Bob,Ray,,Elm St,\n");
        QVERIFY(table);
        auto map = ColumnMap::parse(
            u"id=Id,first_name=First,last_name=Last,address=Number+Street,email=e-mail"_s);
        QVERIFY2(map, qPrintable(map ? QString() : map.error().message));
        auto records = map->records(*table);
        QVERIFY2(records, qPrintable(records ? QString() : records.error().message));
        QCOMPARE(records->size(), 2);
        QCOMPARE(records->at(0).id, u"7"_s);
        QCOMPARE(records->at(0).value(Field::Address), u"12 Oak St"_s); // joined with a space
        QCOMPARE(records->at(1).value(Field::Address), u"Elm St"_s); // empty part skipped
        QCOMPARE(records->at(0).value(Field::Email),
                 u"ann@x.org"_s); // header matched case-insensitively
        QVERIFY(records->at(0).value(Field::Phone).isEmpty());
    }

    void columnMapErrors_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("message");
        const QByteArray ok = "Id,Name\n1,A\n2,B\n";
        QTest::newRow("unknown field")
            << u"id=Id,nickname=Name"_s << ok << u"unknown field 'nickname'"_s;
        QTest::newRow("no equals") << u"id=Id,Name"_s << ok << u"'Name' is not field=COLUMN"_s;
        QTest::newRow("twice") << u"name=Id,name=Name"_s << ok << u"field 'name' given twice"_s;
        QTest::newRow("only id") << u"id=Id"_s << ok << u"names no field to match on"_s;
        QTest::newRow("missing column")
            << u"id=Id,email=Mail"_s << ok
            << u"column 'Mail' is not in the header (columns: Id, Name)"_s;
        QTest::newRow("duplicate id") << u"id=Id,name=Name"_s << QByteArray("Id,Name\n1,A\n1,B\n")
                                      << u"line 3: id '1' already used on line 2"_s;
        QTest::newRow("empty id") << u"id=Id,name=Name"_s << QByteArray("Id,Name\n1,A\n,B\n")
                                  << u"line 3: the id column 'Id' is empty"_s;
    }
    void columnMapErrors()
    {
        QFETCH(QString, spec);
        QFETCH(QByteArray, csv);
        QFETCH(QString, message);
        auto table = CsvReader::parse(csv);
        QVERIFY(table);
        auto map = ColumnMap::parse(spec);
        QString error;
        if (!map) {
            error = map.error().message;
        } else {
            auto records = map->records(*table);
            QVERIFY(!records);
            error = records.error().message;
        }
        QVERIFY2(error.contains(message), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
