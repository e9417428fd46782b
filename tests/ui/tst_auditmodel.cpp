// The audit log's table model, its filter, the detail pane and the
// verification banner — the pieces of the "Audit log" page, tested directly
// and together through AuditPage.
#include "auditdetailview.h"
#include "auditfilterproxymodel.h"
#include "auditlogmodel.h"
#include "auditpage.h"
#include "localtimedelegate.h"
#include "verificationbanner.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QTranslator>

#include <ctime>

using Concord::Security::AuditEntry;
using Concord::Security::AuditVerification;
using namespace Concord::Ui;

namespace {

AuditEntry entry(qint64 seq, const QString &at, const QString &actor, const QString &role,
                 const QString &action, const QString &entityType, const QString &entityId,
                 const QByteArray &before, const QByteArray &after)
{
    AuditEntry e;
    e.seq = seq;
    e.at = QDateTime::fromString(at, Qt::ISODate);
    e.actor = actor;
    e.actorRole = role;
    e.action = action;
    e.entityType = entityType;
    e.entityId = entityId;
    e.beforeJson = before;
    e.afterJson = after;
    e.prevHash = QByteArray(64, '0');
    e.hash = QByteArray("ab").repeated(32);
    return e;
}

// Newest first, as Backend::auditLoaded delivers them.
QList<AuditEntry> sampleEntries()
{
    return {
        entry(3, QStringLiteral("2026-03-28T10:15:00Z"), QStringLiteral("bob"),
              QStringLiteral("bookkeeper"), QStringLiteral("invoice.policy.update"),
              QStringLiteral("invoice_policy"), QStringLiteral("1"),
              R"({"mode":"per_session","due_days":14})", R"({"mode":"monthly","due_days":14})"),
        entry(2, QStringLiteral("2026-03-28T09:30:00Z"), QStringLiteral("alice"),
              QStringLiteral("owner"), QStringLiteral("customer.update"),
              QStringLiteral("customer"), QStringLiteral("42"),
              R"({"name":"Ana Ruiz","email":"ana@example.org"})",
              R"({"name":"Ana Ruiz","email":"ana.ruiz@example.org"})"),
        entry(1, QStringLiteral("2026-03-27T08:00:00Z"), QStringLiteral("alice"),
              QStringLiteral("owner"), QStringLiteral("user.create"), QStringLiteral("user"),
              QStringLiteral("bob"), {}, R"({"username":"bob","role":"bookkeeper"})"),
    };
}

// Sets TZ for the duration of a test (glibc re-reads it on tzset()).
class TimeZoneOverride {
public:
    explicit TimeZoneOverride(const QByteArray &zone)
        : m_old(qgetenv("TZ"))
        , m_hadOld(qEnvironmentVariableIsSet("TZ"))
    {
        qputenv("TZ", zone);
        tzset();
    }
    ~TimeZoneOverride()
    {
        if (m_hadOld)
            qputenv("TZ", m_old);
        else
            qunsetenv("TZ");
        tzset();
    }

private:
    QByteArray m_old;
    bool m_hadOld;
};

} // namespace

class TestAuditModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void modelPassesTester();
    void proxyPassesTester();
    void columnsAndHeaders();
    void displayAndRoles();
    void summaries_data();
    void summaries();
    void timeShownInLocalZone_data();
    void timeShownInLocalZone();
    void filter_data();
    void filter();
    void sortsChronologically();
    void prettyJson_data();
    void prettyJson();
    void bannerStates();
    void pageShowsSelectedEntryBeforeAndAfter();
    void pageVerifyFlow();
    void pageCountLine();
    void pageWithoutStore();
};

void TestAuditModel::initTestCase()
{
    // Fixed number formatting, and the English plural forms (concord_en.ts)
    // that the application installs for English.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    Theme::initResources();
    auto *english = new QTranslator(this);
    QVERIFY(english->load(QStringLiteral(":/i18n/concord_en.qm")));
    QCoreApplication::installTranslator(english);
}

void TestAuditModel::modelPassesTester()
{
    AuditLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries(sampleEntries());
    QCOMPARE(model.rowCount(), 3);
    model.setEntries({});
    QCOMPARE(model.rowCount(), 0);
    model.setEntries(sampleEntries().mid(1));
    QCOMPARE(model.rowCount(), 2);
}

void TestAuditModel::proxyPassesTester()
{
    AuditLogModel model;
    AuditFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries(sampleEntries());
    proxy.sort(AuditLogModel::Seq, Qt::AscendingOrder);
    proxy.setFilterText(QStringLiteral("alice"));
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setFilterText(QString());
    QCOMPARE(proxy.rowCount(), 3);
    model.setEntries({});
    QCOMPARE(proxy.rowCount(), 0);
}

void TestAuditModel::columnsAndHeaders()
{
    AuditLogModel model;
    QCOMPARE(model.columnCount(), 7);
    QCOMPARE(int(AuditLogModel::ColumnCount), 7);
    const QStringList expected = { QStringLiteral("#"),      QStringLiteral("Time"),
                                   QStringLiteral("Actor"),  QStringLiteral("Role"),
                                   QStringLiteral("Action"), QStringLiteral("Entity"),
                                   QStringLiteral("Summary") };
    for (int column = 0; column < model.columnCount(); ++column)
        QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), expected.at(column));
    // Children of a row: none (a flat table).
    model.setEntries(sampleEntries());
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    QCOMPARE(model.columnCount(model.index(0, 0)), 0);
}

void TestAuditModel::displayAndRoles()
{
    AuditLogModel model;
    model.setEntries(sampleEntries());
    const auto cell = [&model](int row, AuditLogModel::Column column, int role = Qt::DisplayRole) {
        return model.index(row, column).data(role);
    };

    // Raw values for display: formatting is the view's job, sorting stays exact.
    QCOMPARE(cell(1, AuditLogModel::Seq).toLongLong(), 2);
    QCOMPARE(cell(1, AuditLogModel::Seq).metaType(), QMetaType::fromType<qint64>());
    QCOMPARE(cell(1, AuditLogModel::Time).toDateTime(),
             QDateTime::fromString(QStringLiteral("2026-03-28T09:30:00Z"), Qt::ISODate));
    QCOMPARE(cell(1, AuditLogModel::Time).toDateTime().timeSpec(), Qt::UTC);
    QCOMPARE(cell(1, AuditLogModel::Actor).toString(), QStringLiteral("alice"));
    QCOMPARE(cell(1, AuditLogModel::Role).toString(), QStringLiteral("owner"));
    QCOMPARE(cell(1, AuditLogModel::Action).toString(), QStringLiteral("customer.update"));
    QCOMPARE(cell(1, AuditLogModel::Entity).toString(), QStringLiteral("customer 42"));
    QCOMPARE(cell(1, AuditLogModel::Summary).toString(), QStringLiteral("Changed email"));

    // IdRole is the sequence number on every column; EntryRole the whole entry.
    for (int column = 0; column < AuditLogModel::ColumnCount; ++column)
        QCOMPARE(model.index(2, column).data(AuditLogModel::IdRole).toLongLong(), 1);
    const AuditEntry whole =
        cell(0, AuditLogModel::Summary, AuditLogModel::EntryRole).value<AuditEntry>();
    QCOMPARE(whole.seq, 3);
    QCOMPARE(whole.beforeJson, QByteArray(R"({"mode":"per_session","due_days":14})"));
    QCOMPARE(whole.hash, QByteArray("ab").repeated(32));

    QCOMPARE(cell(1, AuditLogModel::Time, Qt::ToolTipRole).toString(),
             QStringLiteral("2026-03-28T09:30:00.000Z"));
    QCOMPARE(cell(0, AuditLogModel::Seq, Qt::TextAlignmentRole).value<Qt::Alignment>(),
             Qt::AlignRight | Qt::AlignVCenter);
    QVERIFY(!model.index(5, 0).isValid());
    QCOMPARE(model.rowForSeq(1), 2);
    QCOMPARE(model.rowForSeq(99), -1);
}

void TestAuditModel::summaries_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<QString>("summary");

    QTest::newRow("created") << QByteArray() << QByteArray(R"({"username":"bob","role":"owner"})")
                             << QStringLiteral("Created (role, username)");
    QTest::newRow("created, empty object")
        << QByteArray() << QByteArray("{}") << QStringLiteral("Created");
    QTest::newRow("deleted") << QByteArray(R"({"a":1})") << QByteArray()
                             << QStringLiteral("Deleted");
    QTest::newRow("nothing recorded")
        << QByteArray() << QByteArray() << QStringLiteral("No recorded details");
    QTest::newRow("one field") << QByteArray(R"({"a":1,"b":2})") << QByteArray(R"({"a":1,"b":3})")
                               << QStringLiteral("Changed b");
    QTest::newRow("added and removed keys count as changes")
        << QByteArray(R"({"a":1,"gone":true})") << QByteArray(R"({"a":1,"new":false})")
        << QStringLiteral("Changed gone, new");
    QTest::newRow("nested value") << QByteArray(R"({"addr":{"city":"Lyon"}})")
                                  << QByteArray(R"({"addr":{"city":"Nice"}})")
                                  << QStringLiteral("Changed addr");
    QTest::newRow("same") << QByteArray(R"({"a":1})") << QByteArray(R"({"a":1})")
                          << QStringLiteral("No field changed");
    QTest::newRow("long lists are cut") << QByteArray(R"({"a":1,"b":1,"c":1,"d":1,"e":1,"f":1})")
                                        << QByteArray(R"({"a":2,"b":2,"c":2,"d":2,"e":2,"f":2})")
                                        << QStringLiteral("Changed a, b, c, d and 2 more");
    QTest::newRow("one more is singular") << QByteArray(R"({"a":1,"b":1,"c":1,"d":1,"e":1})")
                                          << QByteArray(R"({"a":2,"b":2,"c":2,"d":2,"e":2})")
                                          << QStringLiteral("Changed a, b, c, d and 1 more");
    QTest::newRow("not an object")
        << QByteArray("[1,2]") << QByteArray("[1,3]") << QStringLiteral("Changed");
    QTest::newRow("not JSON at all")
        << QByteArray("old") << QByteArray("old") << QStringLiteral("No field changed");
}

void TestAuditModel::summaries()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(QString, summary);
    AuditEntry e;
    e.seq = 1;
    e.beforeJson = before;
    e.afterJson = after;
    QCOMPARE(AuditLogModel::summarize(e), summary);

    AuditLogModel model;
    model.setEntries({ e });
    QCOMPARE(model.index(0, AuditLogModel::Summary).data().toString(), summary);
}

void TestAuditModel::timeShownInLocalZone_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QString>("utc");
    QTest::addColumn<QString>("shown");

    QTest::newRow("UTC") << QByteArray("UTC") << QStringLiteral("2026-03-28T10:00:00Z")
                         << QStringLiteral("2026-03-28 10:00:00");
    QTest::newRow("Paris, winter time")
        << QByteArray("Europe/Paris") << QStringLiteral("2026-03-28T10:00:00Z")
        << QStringLiteral("2026-03-28 11:00:00");
    QTest::newRow("Paris, summer time")
        << QByteArray("Europe/Paris") << QStringLiteral("2026-07-01T10:00:00Z")
        << QStringLiteral("2026-07-01 12:00:00");
    QTest::newRow("New York, across midnight")
        << QByteArray("America/New_York") << QStringLiteral("2026-01-15T03:30:05Z")
        << QStringLiteral("2026-01-14 22:30:05");
}

void TestAuditModel::timeShownInLocalZone()
{
    QFETCH(QByteArray, zone);
    QFETCH(QString, utc);
    QFETCH(QString, shown);
    const TimeZoneOverride override(zone);
    const QDateTime at = QDateTime::fromString(utc, Qt::ISODate);
    QCOMPARE(LocalTimeDelegate::format(at), shown);

    LocalTimeDelegate delegate;
    QCOMPARE(delegate.displayText(at, QLocale::c()), shown);
    // Anything else is left to the standard delegate.
    QCOMPARE(delegate.displayText(QStringLiteral("alice"), QLocale::c()), QStringLiteral("alice"));
}

void TestAuditModel::filter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<qint64>>("seqs"); // in source order (newest first)

    QTest::newRow("empty shows all") << QString() << QList<qint64> { 3, 2, 1 };
    QTest::newRow("actor") << QStringLiteral("alice") << QList<qint64> { 2, 1 };
    QTest::newRow("case-insensitive") << QStringLiteral("ALICE") << QList<qint64> { 2, 1 };
    QTest::newRow("every word must match")
        << QStringLiteral("alice customer") << QList<qint64> { 2 };
    QTest::newRow("words in any column")
        << QStringLiteral("bookkeeper invoice") << QList<qint64> { 3 };
    QTest::newRow("summary text") << QStringLiteral("changed email") << QList<qint64> { 2 };
    QTest::newRow("local date as shown") << QStringLiteral("2026-03-27") << QList<qint64> { 1 };
    QTest::newRow("entity id") << QStringLiteral("customer 42") << QList<qint64> { 2 };
    QTest::newRow("extra spaces are ignored")
        << QStringLiteral("  bob   ") << QList<qint64> { 3, 1 };
    QTest::newRow("no match") << QStringLiteral("carol") << QList<qint64> {};
}

void TestAuditModel::filter()
{
    QFETCH(QString, text);
    QFETCH(QList<qint64>, seqs);
    AuditLogModel model;
    model.setEntries(sampleEntries());
    AuditFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterText(text);
    QCOMPARE(proxy.filterText(), text.simplified());
    QList<qint64> shown;
    for (int row = 0; row < proxy.rowCount(); ++row)
        shown << proxy.index(row, 0).data(AuditLogModel::IdRole).toLongLong();
    QCOMPARE(shown, seqs);
}

void TestAuditModel::sortsChronologically()
{
    AuditLogModel model;
    model.setEntries(sampleEntries());
    AuditFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(AuditLogModel::Time, Qt::AscendingOrder);
    QList<qint64> order;
    for (int row = 0; row < proxy.rowCount(); ++row)
        order << proxy.index(row, 0).data(AuditLogModel::IdRole).toLongLong();
    QCOMPARE(order, (QList<qint64> { 1, 2, 3 }));
    proxy.sort(AuditLogModel::Seq, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, AuditLogModel::Seq).data().toLongLong(), 3);
}

void TestAuditModel::prettyJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("pretty");

    QTest::newRow("object") << QByteArray(R"({"b":2,"a":{"c":[1,2]}})")
                            << QStringLiteral("{\n    \"a\": {\n        \"c\": [\n            1,\n "
                                              "           2\n        ]\n    },\n    \"b\": 2\n}");
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("not JSON stays as recorded")
        << QByteArray("plain {text") << QStringLiteral("plain {text");
}

void TestAuditModel::prettyJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, pretty);
    QCOMPARE(AuditDetailView::prettyJson(json), pretty);
}

void TestAuditModel::bannerStates()
{
    VerificationBanner banner;
    QCOMPARE(banner.state(), VerificationBanner::State::Hidden);
    QVERIFY(banner.isHidden());
    QVERIFY(banner.text().isEmpty());

    banner.setRunning();
    QCOMPARE(banner.state(), VerificationBanner::State::Running);
    QCOMPARE(banner.tone(), Theme::Tone::Info);
    QVERIFY(!banner.isHidden());

    AuditVerification ok;
    ok.ok = true;
    ok.entriesChecked = 1234;
    banner.setResult(ok);
    QCOMPARE(banner.state(), VerificationBanner::State::Intact);
    QCOMPARE(banner.tone(), Theme::Tone::Good);
    QCOMPARE(banner.text(), QStringLiteral("Audit chain intact: all 1,234 entries check out."));
    QCOMPARE(banner.brokenSeq(), 0);

    AuditVerification empty;
    banner.setResult(empty);
    QCOMPARE(banner.state(), VerificationBanner::State::Intact);
    QVERIFY(banner.text().contains(QStringLiteral("empty")));

    AuditVerification broken;
    broken.ok = false;
    broken.entriesChecked = 17;
    broken.firstBrokenSeq = 17;
    broken.reason = QStringLiteral("hash does not match the entry's content.");
    QSignalSpy show(&banner, &VerificationBanner::showEntryRequested);
    banner.setResult(broken);
    QCOMPARE(banner.state(), VerificationBanner::State::Broken);
    QCOMPARE(banner.tone(), Theme::Tone::Bad);
    QCOMPARE(banner.brokenSeq(), 17);
    QVERIFY2(banner.text().startsWith(QStringLiteral(
                 "Audit chain broken at entry #17: hash does not match the entry's content. ")),
             qPrintable(banner.text()));
    auto *showButton = banner.findChild<QPushButton *>();
    QVERIFY(showButton);
    QVERIFY(!showButton->isHidden());
    showButton->click();
    QCOMPARE(show.count(), 1);
    QCOMPARE(show.at(0).at(0).toLongLong(), 17);

    banner.setFailed(QStringLiteral("the store is not open"));
    QCOMPARE(banner.state(), VerificationBanner::State::Failed);
    QCOMPARE(banner.tone(), Theme::Tone::Warning);
    QCOMPARE(banner.text(),
             QStringLiteral("Could not verify the audit chain: the store is not open"));
    QVERIFY(showButton->isHidden());

    banner.dismiss();
    QCOMPARE(banner.state(), VerificationBanner::State::Hidden);
    QVERIFY(banner.isHidden());
}

void TestAuditModel::pageShowsSelectedEntryBeforeAndAfter()
{
    AuditPage page;
    QAbstractItemModelTester tester(page.proxy(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.setStoreOpen(true);
    QVERIFY(!page.hasLoaded());
    page.setEntries(sampleEntries(), 1000);
    QVERIFY(page.hasLoaded());

    // Newest first by default, and the first snapshot opens the newest entry.
    QCOMPARE(page.view()->model()->index(0, 0).data(AuditLogModel::IdRole).toLongLong(), 3);
    QCOMPARE(page.detail()->seq(), 3);
    QVERIFY(page.detail()->afterText().contains(QStringLiteral("\"mode\": \"monthly\"")));

    QVERIFY(page.selectEntry(2));
    QCOMPARE(page.detail()->seq(), 2);
    QCOMPARE(page.detail()->headline(), QStringLiteral("#2 · customer.update · customer 42"));
    QCOMPARE(
        page.detail()->beforeText(),
        QStringLiteral("{\n    \"email\": \"ana@example.org\",\n    \"name\": \"Ana Ruiz\"\n}"));
    QCOMPARE(page.detail()->afterText(),
             QStringLiteral(
                 "{\n    \"email\": \"ana.ruiz@example.org\",\n    \"name\": \"Ana Ruiz\"\n}"));

    // A new snapshot keeps the same entry selected.
    page.setEntries(sampleEntries().mid(1), 1000);
    QCOMPARE(page.detail()->seq(), 2);
    // One without it clears the pane (later snapshots select nothing on their own).
    page.setEntries(sampleEntries().mid(0, 1), 1000);
    QVERIFY(!page.detail()->hasEntry());
    // An empty log shows neither table nor pane.
    page.setEntries({}, 1000);
    QVERIFY(!page.detail()->isVisibleTo(&page));
    QVERIFY(!page.view()->isVisibleTo(&page));

    // The creating entry has nothing before.
    page.setEntries(sampleEntries(), 1000);
    QVERIFY(page.selectEntry(1));
    QVERIFY(page.detail()->beforeText().isEmpty());
    QVERIFY(page.detail()->afterText().contains(QStringLiteral("\"username\": \"bob\"")));

    // Typing in the filter box filters the table.
    page.filterEdit()->setText(QStringLiteral("bookkeeper"));
    QCOMPARE(page.view()->model()->rowCount(), 1);
    QVERIFY(!page.selectEntry(99));
}

void TestAuditModel::pageVerifyFlow()
{
    AuditPage page;
    page.setStoreOpen(true);
    page.setEntries(sampleEntries(), 1000);
    QSignalSpy verify(&page, &AuditPage::verifyRequested);
    page.requestVerification();
    QCOMPARE(verify.count(), 1);
    QCOMPARE(page.banner()->state(), VerificationBanner::State::Running);

    AuditVerification broken;
    broken.ok = false;
    broken.firstBrokenSeq = 2;
    broken.reason = QStringLiteral("previous hash does not link");
    page.showVerification(broken);
    QCOMPARE(page.banner()->state(), VerificationBanner::State::Broken);

    // "Show entry" finds the broken entry even when the filter hides it.
    page.filterEdit()->setText(QStringLiteral("bookkeeper"));
    QCOMPARE(page.view()->model()->rowCount(), 1);
    Q_EMIT page.banner()->showEntryRequested(2);
    QCOMPARE(page.detail()->seq(), 2);
    QVERIFY(page.filterEdit()->text().isEmpty());
    QCOMPARE(page.view()->selectionModel()->currentIndex().data(AuditLogModel::IdRole).toLongLong(),
             2);

    // A failure while verifying ends the running state with the reason.
    page.requestVerification();
    page.showError(QStringLiteral("the store is not open"));
    QCOMPARE(page.banner()->state(), VerificationBanner::State::Failed);
    QVERIFY(page.banner()->text().endsWith(QStringLiteral("the store is not open")));
}

void TestAuditModel::pageCountLine()
{
    AuditPage page;
    page.setStoreOpen(true);
    QVERIFY(page.countText().isEmpty());
    page.setLoading();
    QCOMPARE(page.countText(), QStringLiteral("Loading…"));
    page.setEntries(sampleEntries(), 1000);
    QCOMPARE(page.countText(), QStringLiteral("3 entries"));
    page.filterEdit()->setText(QStringLiteral("alice"));
    QCOMPARE(page.countText(), QStringLiteral("2 of 3 entries"));
    page.filterEdit()->clear();
    page.setEntries(sampleEntries(), 3); // as many as asked for: there may be older ones
    QCOMPARE(page.countText(), QStringLiteral("Newest 3 entries"));
    page.setEntries(sampleEntries().mid(0, 1), 1000);
    QCOMPARE(page.countText(), QStringLiteral("1 entry"));
}

void TestAuditModel::pageWithoutStore()
{
    AuditPage page;
    auto *content = page.findChild<QStackedWidget *>(QStringLiteral("auditContent"));
    QVERIFY(content);
    const auto placeholderText = [content] {
        auto *label = qobject_cast<QLabel *>(content->currentWidget());
        return label ? label->text() : QString();
    };
    const QList<QPushButton *> buttons = {
        page.findChild<QPushButton *>(QStringLiteral("reloadButton")),
        page.findChild<QPushButton *>(QStringLiteral("verifyButton")),
    };
    QVERIFY(buttons.at(0) && buttons.at(1));
    for (QPushButton *button : buttons)
        QVERIFY2(!button->isEnabled(), qPrintable(button->text()));
    QCOMPARE(placeholderText(), QStringLiteral("The audit log is shown once the store is open."));

    page.setStoreOpen(true);
    for (QPushButton *button : buttons)
        QVERIFY(button->isEnabled());
    page.setEntries({}, 1000);
    QVERIFY(placeholderText().startsWith(QStringLiteral("No audit entries yet.")));
    page.setEntries(sampleEntries(), 1000);
    QVERIFY(placeholderText().isEmpty()); // the table and detail pane instead
    QVERIFY(page.view()->isVisibleTo(&page));
    QVERIFY(page.detail()->isVisibleTo(&page));

    // The store closing takes the entries out of view and disables the buttons.
    page.setStoreOpen(false);
    QVERIFY(!page.view()->isVisibleTo(&page));
    QCOMPARE(placeholderText(), QStringLiteral("The audit log is shown once the store is open."));
    for (QPushButton *button : buttons)
        QVERIFY(!button->isEnabled());
}

QTEST_MAIN(TestAuditModel)
#include "tst_auditmodel.moc"
