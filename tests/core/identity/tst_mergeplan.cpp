// The merge plan: what merging duplicates does in each system, and what
// cannot be undone remotely — known before an owner approves.

#include "identity/mergeplan.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Identity;
using Concord::Domain::Customer;
using Concord::Domain::ExternalLink;
using Concord::Domain::System;

namespace {

Customer customer(const QString &id, const QString &name)
{
    Customer c;
    c.id = id;
    c.displayName = name;
    return c;
}

ExternalLink link(const QString &customerId, System system, const QString &externalId)
{
    ExternalLink l;
    l.customerId = customerId;
    l.system = system;
    l.externalId = externalId;
    return l;
}

// "action system survivor←merged auto/manual undoable" per step, to compare whole plans.
QStringList describe(const MergePlan &plan)
{
    QStringList out;
    for (const MergeStep &s : plan.steps) {
        out << u"%1 %2 %3<-%4 %5 %6"_s.arg(toString(s.action), Domain::toString(s.system), s.survivorExternalId,
                                           s.mergedExternalId, s.automatic ? u"auto"_s : u"manual"_s,
                                           s.undoableRemotely ? u"undoable"_s : u"final"_s);
    }
    return out;
}

} // namespace

class TestMergePlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Dana exists twice in QuickBooks and twice in HubSpot, and booked in
    // Cal.com under both addresses: every system's own way of merging.
    void everySystemItsOwnWay()
    {
        const Customer dana = customer(u"cus_a"_s, u"Dana Whitfield"_s);
        const Customer twin = customer(u"cus_b"_s, u"Dana Whitfield - front desk"_s);
        const QList<ExternalLink> links = {
            link(u"cus_a"_s, System::QuickBooks, u"58"_s),  link(u"cus_b"_s, System::QuickBooks, u"59"_s),
            link(u"cus_a"_s, System::HubSpot, u"1001"_s),   link(u"cus_b"_s, System::HubSpot, u"1002"_s),
            link(u"cus_a"_s, System::CalCom, u"dana@example.com"_s),
            link(u"cus_b"_s, System::CalCom, u"DANA@EXAMPLE.COM"_s),
            link(u"cus_other"_s, System::QuickBooks, u"77"_s), // someone else: ignored
        };
        auto plan = planMerge(dana, {twin}, links);
        QVERIFY(plan.has_value());
        QCOMPARE(plan->survivorId, u"cus_a"_s);
        QCOMPARE(plan->mergedIds, QStringList{u"cus_b"_s});
        QCOMPARE(describe(*plan), (QStringList{
                                      u"move_link quickbooks 58<-59 auto undoable"_s,
                                      u"repoint_invoices quickbooks 58<-59 auto undoable"_s,
                                      u"deactivate_customer quickbooks 58<-59 auto undoable"_s,
                                      u"manual_step quickbooks 58<-59 manual final"_s,
                                      u"move_link hubspot 1001<-1002 auto undoable"_s,
                                      u"merge_contacts hubspot 1001<-1002 auto final"_s,
                                      u"move_link calcom dana@example.com<-DANA@EXAMPLE.COM auto undoable"_s,
                                  }));
        // The approval screen's statement: exactly the two final steps.
        const QStringList finalSteps = plan->irreversible();
        QCOMPARE(finalSteps.size(), 2);
        QVERIFY(finalSteps.at(0).contains(u"QuickBooks cannot undo"_s));
        QVERIFY(finalSteps.at(1).contains(u"HubSpot cannot undo a merge"_s));
        QCOMPARE(plan->toJson().value(u"irreversible"_s).toArray().size(), 2);
        QCOMPARE(plan->toJson().value(u"steps"_s).toArray().size(), 7);
    }

    // A duplicate known only in systems where the survivor has no record:
    // its records simply move over; nothing remote, nothing final.
    void recordsOnlyOnOneSideJustMove()
    {
        const Customer survivor = customer(u"cus_a"_s, u"Marcus O'Brien"_s);
        const Customer dup = customer(u"cus_b"_s, u"Marcus OBrien"_s);
        const QList<ExternalLink> links = {
            link(u"cus_a"_s, System::QuickBooks, u"12"_s),
            link(u"cus_b"_s, System::HubSpot, u"2002"_s),
        };
        auto plan = planMerge(survivor, {dup}, links);
        QVERIFY(plan.has_value());
        QCOMPARE(describe(*plan), QStringList{u"move_link hubspot <-2002 auto undoable"_s});
        QVERIFY(plan->irreversible().isEmpty());
    }

    // Both already point at the same remote record (linked twice by
    // mistake): moving the link is all there is.
    void sameRemoteRecordIsNotMergedWithItself()
    {
        const QList<ExternalLink> links = {link(u"cus_a"_s, System::HubSpot, u"3003"_s),
                                           link(u"cus_b"_s, System::HubSpot, u"3003"_s)};
        auto plan = planMerge(customer(u"cus_a"_s, u"A"_s), {customer(u"cus_b"_s, u"B"_s)}, links);
        QVERIFY(plan.has_value());
        QCOMPARE(describe(*plan), QStringList{u"move_link hubspot 3003<-3003 auto undoable"_s});
    }

    // The values the office manager chose to survive: the survivor's own
    // records take them, in each system where it has one.
    void chosenValuesUpdateTheSurvivorsRecords()
    {
        const QList<ExternalLink> links = {link(u"cus_a"_s, System::QuickBooks, u"58"_s),
                                           link(u"cus_b"_s, System::QuickBooks, u"59"_s),
                                           link(u"cus_b"_s, System::HubSpot, u"1002"_s)};
        const QJsonObject choices{{u"givenName"_s, u"Dana"_s}, {u"email"_s, u"dana@example.com"_s}};
        auto plan = planMerge(customer(u"cus_a"_s, u"Dana"_s), {customer(u"cus_b"_s, u"Dana W"_s)}, links, choices);
        QVERIFY(plan.has_value());
        QCOMPARE(plan->survivorValues, choices);
        // HubSpot: only the duplicate has a contact, which moves over — the
        // survivor's update is QuickBooks' only.
        QCOMPARE(describe(*plan).last(), u"update_survivor quickbooks 58<- auto undoable"_s);
        QCOMPARE(std::count_if(plan->steps.cbegin(), plan->steps.cend(),
                               [](const MergeStep &s) { return s.action == MergeStep::Action::UpdateSurvivor; }),
                 1);
        QCOMPARE(plan->toJson().value(u"survivorValues"_s).toObject(), choices);

        auto unknown = planMerge(customer(u"cus_a"_s, u"A"_s), {customer(u"cus_b"_s, u"B"_s)}, links,
                                 QJsonObject{{u"shoeSize"_s, u"9"_s}});
        QVERIFY(!unknown.has_value());
        QVERIFY(unknown.error().message.contains(u"'shoeSize'"_s));
        auto notText = planMerge(customer(u"cus_a"_s, u"A"_s), {customer(u"cus_b"_s, u"B"_s)}, links,
                                 QJsonObject{{u"phone"_s, 5551234}});
        QVERIFY(!notText.has_value());
        QCOMPARE(notText.error().code, ErrorCode::InvalidArgument);
    }

    void refusesNonsense_data()
    {
        QTest::addColumn<QString>("survivor");
        QTest::addColumn<QStringList>("merged");
        QTest::addColumn<QString>("message");
        QTest::newRow("nothing to merge") << u"cus_a"_s << QStringList{} << u"at least one customer"_s;
        QTest::newRow("into itself") << u"cus_a"_s << QStringList{u"cus_a"_s} << u"into itself"_s;
        QTest::newRow("twice") << u"cus_a"_s << QStringList{u"cus_b"_s, u"cus_b"_s} << u"listed twice"_s;
        QTest::newRow("no survivor") << QString() << QStringList{u"cus_b"_s} << u"surviving customer"_s;
    }

    void refusesNonsense()
    {
        QFETCH(QString, survivor);
        QFETCH(QStringList, merged);
        QFETCH(QString, message);
        QList<Customer> others;
        for (const QString &id : merged)
            others.append(customer(id, id));
        auto plan = planMerge(customer(survivor, u"S"_s), others, {});
        QVERIFY(!plan.has_value());
        QCOMPARE(plan.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(plan.error().message.contains(message), qPrintable(plan.error().message));
    }
};

QTEST_GUILESS_MAIN(TestMergePlan)
#include "tst_mergeplan.moc"
