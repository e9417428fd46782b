#include "domain/status.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Concord::ErrorCode;
using Concord::Domain::AppointmentStatus;
using Concord::Domain::MoneyStatus;

Q_DECLARE_METATYPE(Concord::Domain::AppointmentStatus)
Q_DECLARE_METATYPE(Concord::Domain::MoneyStatus)

namespace {

// The expected machines, written out independently of status.cpp so a change
// to either side shows up here. Order matters: it is the order of the
// "allowed from …" list in error messages.
using A = AppointmentStatus;
using M = MoneyStatus;

const QList<A> kAllAppointment = { A::Booked, A::Rescheduled, A::Completed, A::NoShow,
                                   A::Canceled };
const QList<M> kAllMoney = { M::Invoiced, M::DepositPaid, M::PartiallyPaid, M::Paid,
                             M::Overdue,  M::Voided,      M::Refunded };

QList<A> expectedNext(A from)
{
    switch (from) {
    case A::Booked:
        return { A::Rescheduled, A::Completed, A::NoShow, A::Canceled };
    case A::Rescheduled:
        return { A::Rescheduled, A::Completed, A::NoShow, A::Canceled };
    case A::Completed:
        return { A::NoShow, A::Canceled };
    case A::NoShow:
        return { A::Completed, A::Canceled };
    case A::Canceled:
        return {};
    }
    return {};
}

QList<M> expectedNext(M from)
{
    switch (from) {
    case M::Invoiced:
        return { M::DepositPaid, M::PartiallyPaid, M::Paid, M::Overdue, M::Voided };
    case M::DepositPaid:
        return { M::PartiallyPaid, M::Paid, M::Overdue, M::Refunded };
    case M::PartiallyPaid:
        return { M::Paid, M::Overdue, M::Refunded };
    case M::Overdue:
        return { M::PartiallyPaid, M::Paid, M::Voided, M::Refunded };
    case M::Paid:
        return { M::Refunded, M::PartiallyPaid, M::Invoiced, M::Overdue };
    case M::Voided:
        return {};
    case M::Refunded:
        return {};
    }
    return {};
}

// QCOMPARE cannot take domain enums directly: QTest prints values with an
// unqualified toString(), and argument-dependent lookup finds the domain's
// toString() returning QString. Comparing stable names reads better anyway.
template<typename E> QString nameOf(E state)
{
    return Concord::Domain::toString(state);
}

template<typename E> QStringList nameList(const QList<E> &states)
{
    QStringList names;
    for (E s : states)
        names.append(Concord::Domain::toString(s));
    return names;
}

template<typename E> QString namesOf(const QList<E> &states)
{
    return states.isEmpty() ? u"none"_s : nameList(states).join(u", "_s);
}

} // namespace

class TestStatus : public QObject {
    Q_OBJECT

private slots:
    void appointmentNames_data();
    void appointmentNames();
    void moneyNames_data();
    void moneyNames();
    void parseRejectsUnknown_data();
    void parseRejectsUnknown();

    void appointmentTransition_data();
    void appointmentTransition();
    void moneyTransition_data();
    void moneyTransition();
    void illegalMessages_data();
    void illegalMessages();

    void allowedTransitionsListed();
    void terminalStates();
};

void TestStatus::appointmentNames_data()
{
    QTest::addColumn<AppointmentStatus>("status");
    QTest::addColumn<QString>("name");

    QTest::newRow("booked") << A::Booked << u"booked"_s;
    QTest::newRow("rescheduled") << A::Rescheduled << u"rescheduled"_s;
    QTest::newRow("completed") << A::Completed << u"completed"_s;
    QTest::newRow("no_show") << A::NoShow << u"no_show"_s;
    QTest::newRow("canceled") << A::Canceled << u"canceled"_s;
}

void TestStatus::appointmentNames()
{
    QFETCH(AppointmentStatus, status);
    QFETCH(QString, name);

    QCOMPARE(Concord::Domain::toString(status), name);
    QCOMPARE(nameOf(Concord::Domain::parseAppointmentStatus(name).value()), name);
    // Config files and the CLI are typed by people: case and padding are forgiven.
    const auto padded = Concord::Domain::parseAppointmentStatus(u" "_s + name.toUpper() + u"\t"_s);
    QVERIFY(padded.has_value());
    QVERIFY(*padded == status);
}

void TestStatus::moneyNames_data()
{
    QTest::addColumn<MoneyStatus>("status");
    QTest::addColumn<QString>("name");

    QTest::newRow("invoiced") << M::Invoiced << u"invoiced"_s;
    QTest::newRow("deposit_paid") << M::DepositPaid << u"deposit_paid"_s;
    QTest::newRow("partially_paid") << M::PartiallyPaid << u"partially_paid"_s;
    QTest::newRow("paid") << M::Paid << u"paid"_s;
    QTest::newRow("overdue") << M::Overdue << u"overdue"_s;
    QTest::newRow("voided") << M::Voided << u"voided"_s;
    QTest::newRow("refunded") << M::Refunded << u"refunded"_s;
}

void TestStatus::moneyNames()
{
    QFETCH(MoneyStatus, status);
    QFETCH(QString, name);

    QCOMPARE(Concord::Domain::toString(status), name);
    const auto parsed = Concord::Domain::parseMoneyStatus(name);
    QVERIFY(parsed.has_value());
    QVERIFY(*parsed == status);
    QCOMPARE(nameOf(Concord::Domain::parseMoneyStatus(name.toUpper()).value()), name);
}

void TestStatus::parseRejectsUnknown_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("appointment");
    QTest::addColumn<QString>("message");

    const QString apptNames = u"booked, rescheduled, completed, no_show, canceled"_s;
    const QString moneyNames =
        u"invoiced, deposit_paid, partially_paid, paid, overdue, voided, refunded"_s;
    QTest::newRow("British spelling")
        << u"cancelled"_s << true
        << u"unknown appointment status 'cancelled' (expected one of: "_s + apptNames + u")"_s;
    QTest::newRow("hyphen") << u"no-show"_s << true
                            << u"unknown appointment status 'no-show' (expected one of: "_s
            + apptNames + u")"_s;
    QTest::newRow("empty appointment")
        << QString() << true
        << u"unknown appointment status '' (expected one of: "_s + apptNames + u")"_s;
    QTest::newRow("display text") << u"Partially Paid"_s << false
                                  << u"unknown money status 'Partially Paid' (expected one of: "_s
            + moneyNames + u")"_s;
    QTest::newRow("appointment name as money")
        << u"booked"_s << false
        << u"unknown money status 'booked' (expected one of: "_s + moneyNames + u")"_s;
}

void TestStatus::parseRejectsUnknown()
{
    QFETCH(QString, text);
    QFETCH(bool, appointment);
    QFETCH(QString, message);

    const Concord::Error error = appointment ? Concord::Domain::parseAppointmentStatus(text).error()
                                             : Concord::Domain::parseMoneyStatus(text).error();
    QCOMPARE(error.code, ErrorCode::InvalidArgument);
    QCOMPARE(error.message, message);
}

void TestStatus::appointmentTransition_data()
{
    QTest::addColumn<AppointmentStatus>("from");
    QTest::addColumn<AppointmentStatus>("to");
    QTest::addColumn<bool>("allowed");

    // Every pair: each allowed move, each same-state repeat, each refusal.
    for (A from : kAllAppointment) {
        for (A to : kAllAppointment) {
            const bool allowed = from == to || expectedNext(from).contains(to);
            QTest::addRow("%s -> %s", qPrintable(Concord::Domain::toString(from)),
                          qPrintable(Concord::Domain::toString(to)))
                << from << to << allowed;
        }
    }
}

void TestStatus::appointmentTransition()
{
    QFETCH(AppointmentStatus, from);
    QFETCH(AppointmentStatus, to);
    QFETCH(bool, allowed);

    const auto result = Concord::Domain::transition(from, to);
    QCOMPARE(result.has_value(), allowed);
    if (allowed) {
        QCOMPARE(nameOf(*result), nameOf(to));
        return;
    }
    QCOMPARE(result.error().code, ErrorCode::IllegalTransition);
    const QString f = Concord::Domain::toString(from);
    QCOMPARE(result.error().message,
             u"cannot move an appointment from %1 to %2 (allowed from %1: %3)"_s.arg(
                 f, Concord::Domain::toString(to), namesOf(expectedNext(from))));
}

void TestStatus::moneyTransition_data()
{
    QTest::addColumn<MoneyStatus>("from");
    QTest::addColumn<MoneyStatus>("to");
    QTest::addColumn<bool>("allowed");

    for (M from : kAllMoney) {
        for (M to : kAllMoney) {
            const bool allowed = from == to || expectedNext(from).contains(to);
            QTest::addRow("%s -> %s", qPrintable(Concord::Domain::toString(from)),
                          qPrintable(Concord::Domain::toString(to)))
                << from << to << allowed;
        }
    }
}

void TestStatus::moneyTransition()
{
    QFETCH(MoneyStatus, from);
    QFETCH(MoneyStatus, to);
    QFETCH(bool, allowed);

    const auto result = Concord::Domain::transition(from, to);
    QCOMPARE(result.has_value(), allowed);
    if (allowed) {
        QCOMPARE(nameOf(*result), nameOf(to));
        return;
    }
    QCOMPARE(result.error().code, ErrorCode::IllegalTransition);
    const QString f = Concord::Domain::toString(from);
    QCOMPARE(result.error().message,
             u"cannot move an invoice from %1 to %2 (allowed from %1: %3)"_s.arg(
                 f, Concord::Domain::toString(to), namesOf(expectedNext(from))));
}

void TestStatus::illegalMessages_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");

    // Spelled out in full, as a person reads them in the retry queue.
    using Concord::Domain::transition;
    QTest::newRow("canceled -> booked")
        << transition(A::Canceled, A::Booked).error().message
        << u"cannot move an appointment from canceled to booked (allowed from canceled: none)"_s;
    QTest::newRow("completed -> rescheduled")
        << transition(A::Completed, A::Rescheduled).error().message
        << u"cannot move an appointment from completed to rescheduled "
           u"(allowed from completed: no_show, canceled)"_s;
    QTest::newRow("rescheduled -> booked")
        << transition(A::Rescheduled, A::Booked).error().message
        << u"cannot move an appointment from rescheduled to booked "
           u"(allowed from rescheduled: rescheduled, completed, no_show, canceled)"_s;
    QTest::newRow("voided -> paid")
        << transition(M::Voided, M::Paid).error().message
        << u"cannot move an invoice from voided to paid (allowed from voided: none)"_s;
    QTest::newRow("refunded -> invoiced")
        << transition(M::Refunded, M::Invoiced).error().message
        << u"cannot move an invoice from refunded to invoiced (allowed from refunded: none)"_s;
    QTest::newRow("invoiced -> refunded")
        << transition(M::Invoiced, M::Refunded).error().message
        << u"cannot move an invoice from invoiced to refunded (allowed from invoiced: "
           u"deposit_paid, partially_paid, paid, overdue, voided)"_s;
    QTest::newRow("paid -> voided")
        << transition(M::Paid, M::Voided).error().message
        << u"cannot move an invoice from paid to voided "
           u"(allowed from paid: refunded, partially_paid, invoiced, overdue)"_s;
}

void TestStatus::illegalMessages()
{
    QFETCH(QString, message);
    QFETCH(QString, expected);
    QCOMPARE(message, expected);
}

void TestStatus::allowedTransitionsListed()
{
    for (A from : kAllAppointment) {
        QCOMPARE(nameList(Concord::Domain::allowedTransitions(from)), nameList(expectedNext(from)));
        // Staying put is implied, never listed, except Rescheduled → Rescheduled
        // (a real move to another time).
        QCOMPARE(Concord::Domain::allowedTransitions(from).contains(from), from == A::Rescheduled);
    }
    for (M from : kAllMoney) {
        QCOMPARE(nameList(Concord::Domain::allowedTransitions(from)), nameList(expectedNext(from)));
        QVERIFY(!Concord::Domain::allowedTransitions(from).contains(from));
    }
}

void TestStatus::terminalStates()
{
    QList<A> terminalAppointment;
    for (A s : kAllAppointment) {
        if (Concord::Domain::isTerminal(s))
            terminalAppointment.append(s);
    }
    QCOMPARE(nameList(terminalAppointment), QStringList { u"canceled"_s });

    QList<M> terminalMoney;
    for (M s : kAllMoney) {
        if (Concord::Domain::isTerminal(s))
            terminalMoney.append(s);
    }
    QCOMPARE(nameList(terminalMoney), (QStringList { u"voided"_s, u"refunded"_s }));

    // A terminal state still accepts its own event repeating.
    QVERIFY(Concord::Domain::transition(A::Canceled, A::Canceled).has_value());
    QVERIFY(Concord::Domain::transition(M::Voided, M::Voided).has_value());
    QVERIFY(Concord::Domain::transition(M::Refunded, M::Refunded).has_value());
}

QTEST_GUILESS_MAIN(TestStatus)
#include "tst_status.moc"
