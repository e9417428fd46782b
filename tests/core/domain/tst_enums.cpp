#include "domain/billing.h"
#include "domain/customer.h"
#include "domain/operations.h"
#include "domain/rules.h"
#include "domain/system.h"
#include "domain/user.h"

#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace Concord::Domain;
using Concord::ErrorCode;

namespace {

// One domain enum seen through ints, so a single table-driven test covers all
// of them. The names are the stable strings stored in the database and JSON:
// they are written out here, not derived from the code under test.
struct EnumKind {
    QString what; // the word used in parse errors ("role"); empty = not checked
    QStringList names; // in enumerator order, starting at 0
    std::function<QString(int)> toName;
    std::function<Concord::Result<int>(const QString &)> parse;
};

template<typename E>
EnumKind makeKind(const QString &what, const QStringList &names, QString (*toName)(E),
                  Concord::Result<E> (*parse)(const QString &))
{
    EnumKind kind;
    kind.what = what;
    kind.names = names;
    kind.toName = [toName](int v) { return toName(static_cast<E>(v)); };
    kind.parse = [parse](const QString &text) -> Concord::Result<int> {
        const auto r = parse(text);
        if (!r)
            return std::unexpected(r.error());
        return static_cast<int>(*r);
    };
    return kind;
}

const QMap<QString, EnumKind> &kinds()
{
    static const QMap<QString, EnumKind> all = {
        { u"ContactKind"_s,
          makeKind<ContactKind>(u"contact kind"_s, { u"email"_s, u"phone"_s, u"address"_s },
                                &toString, &parseContactKind) },
        { u"MatchMethod"_s,
          makeKind<MatchMethod>(
              u"match method"_s,
              { u"manual"_s, u"created"_s, u"stored_link"_s, u"email"_s, u"phone"_s }, &toString,
              &parseMatchMethod) },
        { u"CustomerState"_s,
          makeKind<CustomerState>(u"customer state"_s, { u"active"_s, u"merged"_s, u"archived"_s },
                                  &toString, &parseCustomerState) },
        { u"CandidateState"_s,
          makeKind<CandidateState>(u"duplicate candidate state"_s,
                                   { u"open"_s, u"proposed"_s, u"dismissed"_s, u"merged"_s },
                                   &toString, &parseCandidateState) },
        { u"MergeState"_s,
          makeKind<MergeState>(
              u"merge state"_s,
              { u"proposed"_s, u"approved"_s, u"rejected"_s, u"executed"_s, u"undone"_s },
              &toString, &parseMergeState) },
        { u"CreditKind"_s,
          makeKind<CreditKind>(u"credit kind"_s, { u"credit_memo"_s, u"refund_receipt"_s },
                               &toString, &parseCreditKind) },
        { u"StatusDomain"_s,
          makeKind<StatusDomain>(u"status domain"_s, { u"appointment"_s, u"money"_s }, &toString,
                                 &parseStatusDomain) },
        { u"StatusAction"_s,
          makeKind<StatusAction>(u"status action"_s,
                                 { u"none"_s, u"deal_stage"_s, u"create_task"_s, u"close_tasks"_s },
                                 &toString, &parseStatusAction) },
        { u"InvoiceMode"_s,
          makeKind<InvoiceMode>(u"invoice mode"_s, { u"per_session"_s, u"monthly_summary"_s },
                                &toString, &parseInvoiceMode) },
        { u"MonthlyGrouping"_s,
          makeKind<MonthlyGrouping>(u"monthly grouping"_s, { u"per_client"_s, u"per_service"_s },
                                    &toString, &parseMonthlyGrouping) },
        { u"CancellationPolicy"_s,
          makeKind<CancellationPolicy>(u"cancellation policy"_s,
                                       { u"void_or_credit"_s, u"refund"_s, u"late_fee"_s },
                                       &toString, &parseCancellationPolicy) },
        { u"BookingBlockAction"_s,
          makeKind<BookingBlockAction>(u"booking block action"_s, { u"decline"_s, u"hold"_s },
                                       &toString, &parseBookingBlockAction) },
        { u"JobState"_s,
          makeKind<JobState>(
              u"job state"_s,
              { u"pending"_s, u"in_flight"_s, u"succeeded"_s, u"failed"_s, u"dismissed"_s },
              &toString, &parseJobState) },
        { u"ConnectionState"_s,
          makeKind<ConnectionState>(u"connection state"_s,
                                    { u"not_configured"_s, u"connected"_s, u"expiring"_s,
                                      u"expired"_s, u"error"_s, u"disconnected"_s },
                                    &toString, &parseConnectionState) },
        { u"ReviewCadence"_s,
          makeKind<ReviewCadence>(u"review cadence"_s,
                                  { u"weekly"_s, u"monthly"_s, u"quarterly"_s }, &toString,
                                  &parseReviewCadence) },
        { u"Role"_s,
          makeKind<Role>(u"role"_s,
                         { u"owner"_s, u"office_manager"_s, u"bookkeeper"_s, u"viewer"_s },
                         &toString, &parseRole) },
        // Written before the shared helper and with its own error wording, so
        // only its names are checked here.
        { u"System"_s,
          makeKind<System>(QString(), { u"quickbooks"_s, u"hubspot"_s, u"calcom"_s }, &toString,
                           &parseSystem) },
    };
    return all;
}

} // namespace

class TestEnums : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void everyEnumeratorHasAName_data();
    void everyEnumeratorHasAName();
    void rejectsUnknown_data();
    void rejectsUnknown();
    void forgivingInput_data();
    void forgivingInput();
};

void TestEnums::roundTrip_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("name");

    for (auto it = kinds().cbegin(); it != kinds().cend(); ++it) {
        for (int v = 0; v < it->names.size(); ++v) {
            QTest::addRow("%s %s", qPrintable(it.key()), qPrintable(it->names.at(v)))
                << it.key() << v << it->names.at(v);
        }
    }
}

void TestEnums::roundTrip()
{
    QFETCH(QString, kind);
    QFETCH(int, value);
    QFETCH(QString, name);

    const EnumKind &k = kinds()[kind];
    QCOMPARE(k.toName(value), name);
    const auto parsed = k.parse(name);
    QVERIFY2(parsed.has_value(), qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(*parsed, value);
}

void TestEnums::everyEnumeratorHasAName_data()
{
    QTest::addColumn<QString>("kind");
    for (auto it = kinds().cbegin(); it != kinds().cend(); ++it)
        QTest::newRow(qPrintable(it.key())) << it.key();
}

void TestEnums::everyEnumeratorHasAName()
{
    QFETCH(QString, kind);
    const EnumKind &k = kinds()[kind];

    // Stored names are lower snake_case and unique within their enum.
    static const QRegularExpression snake(u"^[a-z]+(_[a-z]+)*$"_s);
    for (const QString &name : k.names)
        QVERIFY2(snake.match(name).hasMatch(), qPrintable(name));
    QCOMPARE(QSet<QString>(k.names.cbegin(), k.names.cend()).size(), k.names.size());

    // One past the last listed enumerator has no name: an enumerator added to
    // the header without a name in its table (or in this test) shows up here.
    QCOMPARE(k.toName(int(k.names.size())), QString());
    QCOMPARE(k.toName(-1), QString());
}

void TestEnums::rejectsUnknown_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("text");

    for (auto it = kinds().cbegin(); it != kinds().cend(); ++it) {
        QTest::addRow("%s made up", qPrintable(it.key())) << it.key() << u"no_such_value"_s;
        QTest::addRow("%s empty", qPrintable(it.key())) << it.key() << QString();
        QTest::addRow("%s near name", qPrintable(it.key()))
            << it.key() << QString(it->names.last()).remove(u'_') + u"X"_s;
    }
    // Near misses people actually type.
    QTest::newRow("Role hyphen") << u"Role"_s << u"office-manager"_s;
    QTest::newRow("Role spaced") << u"Role"_s << u"office manager"_s;
    QTest::newRow("JobState spaced") << u"JobState"_s << u"in flight"_s;
    QTest::newRow("CreditKind QuickBooks entity") << u"CreditKind"_s << u"CreditMemo"_s;
    QTest::newRow("ConnectionState spaced") << u"ConnectionState"_s << u"not configured"_s;
}

void TestEnums::rejectsUnknown()
{
    QFETCH(QString, kind);
    QFETCH(QString, text);

    const EnumKind &k = kinds()[kind];
    const auto parsed = k.parse(text);
    QVERIFY(!parsed.has_value());
    QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(parsed.error().message.contains(u"'%1'"_s.arg(text)),
             qPrintable(parsed.error().message));
    if (!k.what.isEmpty()) {
        QCOMPARE(
            parsed.error().message,
            u"unknown %1 '%2' (expected one of: %3)"_s.arg(k.what, text, k.names.join(u", "_s)));
    }
}

void TestEnums::forgivingInput_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("value");

    QTest::newRow("upper case") << u"Role"_s << u"OFFICE_MANAGER"_s << int(Role::OfficeManager);
    QTest::newRow("mixed case") << u"JobState"_s << u"In_Flight"_s << int(JobState::InFlight);
    QTest::newRow("padded") << u"ConnectionState"_s << u"  not_configured\n"_s
                            << int(ConnectionState::NotConfigured);
}

void TestEnums::forgivingInput()
{
    QFETCH(QString, kind);
    QFETCH(QString, text);
    QFETCH(int, value);

    const auto parsed = kinds()[kind].parse(text);
    QVERIFY2(parsed.has_value(), qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(*parsed, value);
}

QTEST_GUILESS_MAIN(TestEnums)
#include "tst_enums.moc"
