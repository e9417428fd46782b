#include "qbotestutil.h"

#include "connectors/quickbooks/displayname.h"

#include <QCryptographicHash>
#include <QSet>

using namespace Qt::StringLiterals;
using namespace Concord::QuickBooks;

class TestQboDisplayName : public QObject
{
    Q_OBJECT

private slots:
    void order();
    void stable();
    void sanitized_data();
    void sanitized();
    void lengthLimit();
    void fallbacks();
};

void TestQboDisplayName::order()
{
    const QStringList c = displayNameCandidates(u"Dana Whitfield"_s, u"dana@example.com"_s);
    QCOMPARE(c.size(), 6);
    QCOMPARE(c.at(0), u"Dana Whitfield"_s);
    QCOMPARE(c.at(1), u"Dana Whitfield (dana@example.com)"_s);
    QVERIFY(c.at(2).startsWith(u"Dana Whitfield #"_s));
    QCOMPARE(c.at(2).size(), u"Dana Whitfield #"_s.size() + 6);
    QCOMPARE(c.at(3), c.at(2) + u"-2"_s);
    QCOMPARE(c.at(4), c.at(2) + u"-3"_s);
    QCOMPARE(QSet<QString>(c.cbegin(), c.cend()).size(), c.size()); // no repeats
}

void TestQboDisplayName::stable()
{
    // Same input, same candidates (retries after a crash pick the same name).
    QCOMPARE(displayNameCandidates(u"Dana Whitfield"_s, u"dana@example.com"_s),
             displayNameCandidates(u"Dana Whitfield"_s, u"dana@example.com"_s));
    // Different people with the same name get different hashes.
    QVERIFY(displayNameCandidates(u"Dana Whitfield"_s, u"dana@example.com"_s).at(2)
            != displayNameCandidates(u"Dana Whitfield"_s, u"dw@example.org"_s).at(2));
    // Known value: first 6 hex digits of SHA-256("dana@example.com").
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash("dana@example.com", QCryptographicHash::Sha256).toHex().left(6));
    QCOMPARE(displayNameCandidates(u"Dana Whitfield"_s, u"dana@example.com"_s).at(2), u"Dana Whitfield #"_s + hash);
}

void TestQboDisplayName::sanitized_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("colon") << u"Acme: West"_s << u"Acme West"_s;
    QTest::newRow("tab") << u"Dana\tWhitfield"_s << u"Dana Whitfield"_s;
    QTest::newRow("newline") << u"Dana\r\nWhitfield"_s << u"Dana Whitfield"_s;
    QTest::newRow("spaces") << u"  Dana   Whitfield  "_s << u"Dana Whitfield"_s;
    QTest::newRow("apostrophe kept") << u"Bill's Windsurf Shop"_s << u"Bill's Windsurf Shop"_s;
}

void TestQboDisplayName::sanitized()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(sanitizeDisplayName(input), expected);
    const QStringList c = displayNameCandidates(input, u"a:b@example.com"_s);
    QCOMPARE(c.first(), expected);
    for (const QString &name : c) {
        QVERIFY2(!name.contains(u':') && !name.contains(u'\t') && !name.contains(u'\n'), qPrintable(name));
    }
}

void TestQboDisplayName::lengthLimit()
{
    const QString longName = QString(150, u'x');
    const QString longEmail = QString(120, u'e') + u"@example.com"_s;
    const QStringList c = displayNameCandidates(longName, longEmail);
    QVERIFY(c.size() >= 4);
    for (const QString &name : c)
        QVERIFY2(name.size() <= kDisplayNameMaxLength, qPrintable(name));
    QCOMPARE(c.first(), QString(100, u'x'));
    // The distinguishing suffix survives; the name is what gets shortened.
    QVERIFY(c.at(2).contains(u'#'));
    QVERIFY(c.at(2).startsWith(u"xxxx"_s));
    // Unique even after truncation.
    QCOMPARE(QSet<QString>(c.cbegin(), c.cend()).size(), c.size());
}

void TestQboDisplayName::fallbacks()
{
    QCOMPARE(displayNameCandidates(QString(), u"dana@example.com"_s).first(), u"dana@example.com"_s);
    QVERIFY(displayNameCandidates(QString(), QString()).isEmpty());
    const QStringList noIdentity = displayNameCandidates(u"Dana"_s, QString(), 3);
    QCOMPARE(noIdentity.size(), 3);
    QCOMPARE(noIdentity.at(0), u"Dana"_s);
    QVERIFY(noIdentity.at(1).startsWith(u"Dana #"_s));
    QCOMPARE(displayNameCandidates(u"Dana"_s, u"d@e.com"_s, 1), QStringList{ u"Dana"_s });
}

QTEST_GUILESS_MAIN(TestQboDisplayName)
#include "tst_qbodisplayname.moc"
