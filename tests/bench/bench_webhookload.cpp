// bench_webhookload: webhook load on a real concord-syncd and a real
// PostgreSQL (issue 8: "10,000 webhook events per minute on loopback for 5
// minutes, all persisted and processed, p95 end-to-end latency recorded,
// zero lost").
//
//   bench_webhookload [--minutes M] [--rate N] [--full] [--store URL] [--drain-secs S] [--json] [--keep]
//
// Default: 1 minute at 10,000 events/min (what `./concord.sh bench` runs);
// --full = the 5 minutes. Without --store a throwaway PostgreSQL is
// started (tests/support/postgres-for-tests.sh) and stopped at the end.
//
// The parts:
// - the three emulators (tutoring seed) on a thread of this process;
// - concord-syncd as a child process, configured as an operator would (INI
//   file, CONCORD_* secrets), its webhook receiver on loopback;
// - a load generator on the main thread: a 20 ms timer makes the changes due
//   by then in the emulators (so the engine has something real to read) and
//   sends the signed webhooks that announce them, with each service's own
//   format, signature and batching (below);
// - an observer on a thread of its own that reads Concord's store every
//   250 ms to see when each announced change has arrived.
//
// The mix (per 20 events): Cal.com 12 (6 bookings created, 3 rescheduled,
// 3 cancelled; one request per event, as Cal.com sends them), QuickBooks 4
// (2 payments, each announced as two entities: Payment Create and the
// Invoice Update it causes; the legacy eventNotifications format, one
// notification per second carrying every entity of that second, as Intuit
// batches), HubSpot 4 (contact.propertyChange of a contact's phone; one
// v3-signed delivery per second with up to 100 events, as HubSpot batches).
//
// End-to-end latency of an event: from the moment its webhook is handed to
// the HTTP client to the first observer read that shows its change in the
// store: the appointment row of a created booking (or of the new booking of
// a reschedule) with that start; a cancelled booking's row canceled; the
// payment row with that QuickBooks id; the invoice's balance at or below the
// balance after that payment; a contact_points row with that phone number.
// The observer reads every 250 ms, so a figure overstates by at most that.
// An event whose change the timed poll brought in before its webhook was
// sent counts 0. Concord's polls read current state, so a change followed
// by a later one to the same booking (or its reschedule) or contact before
// the poll may never be in the store as such: it counts as arrived when a
// later change to the same thing has ("superseded", reported per kind).
//
// Prints a summary (or --json one JSON object); figures go to
// docs/benchmarks.md ("Webhook load — issue 8").

#include "benchsupport.h"

#include "security/secretnames.h"
#include "security/secretstore.h"
#include "store/database.h"
#include "sync/latencystats.h"

#include "calcom/calcomemulator.h"
#include "calcom/calpayloads.h"
#include "calcom/calstate.h"
#include "calcom/calwebhooksender.h"
#include "hubspot/hsportal.h"
#include "hubspot/hswebhooksender.h"
#include "hubspot/hubspotemulator.h"
#include "quickbooks/qbowebhooksender.h"
#include "quickbooks/quickbooksemulator.h"
#include "tutoringsandbox.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSettings>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <array>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;

namespace {

struct Options {
    double minutes = 1;
    int rate = 10'000; // events per minute
    QString store; // empty: a throwaway PostgreSQL
    int drainSecs = 300;
    int importSecs = 600;
    bool json = false;
    bool keep = false;
};

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// ---------------------------------------------------------------------------
// What is announced and how its arrival is recognized.

enum class Kind { CalCreated, CalRescheduled, CalCancelled, QboPayment, QboInvoice, HsContact };
constexpr std::array kKinds{Kind::CalCreated, Kind::CalRescheduled, Kind::CalCancelled,
                            Kind::QboPayment, Kind::QboInvoice,     Kind::HsContact};

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::CalCreated:
        return u"calcom.booking_created"_s;
    case Kind::CalRescheduled:
        return u"calcom.booking_rescheduled"_s;
    case Kind::CalCancelled:
        return u"calcom.booking_cancelled"_s;
    case Kind::QboPayment:
        return u"quickbooks.payment"_s;
    case Kind::QboInvoice:
        return u"quickbooks.invoice"_s;
    case Kind::HsContact:
        return u"hubspot.contact_phone"_s;
    }
    return {};
}

struct Expectation {
    Kind kind = Kind::CalCreated;
    QString key; // booking uid, QuickBooks id, or normalized phone
    qint64 startMs = 0; // CalCreated/CalRescheduled: the appointment's start
    qint64 balanceAtMost = 0; // QboInvoice: minor units
    qint64 sentMs = 0;
    // The thing changed (a booking and its reschedules, a contact); empty
    // for payments. Polling reads current state, so a change followed by a
    // later one to the same thing may never be seen as such: it has arrived
    // when the later one has (superseded).
    QString object;
};

// ---------------------------------------------------------------------------
// The observer: reads the store on its own thread (its own connection),
// never on the thread that sends, so a slow query cannot delay a send or
// inflate an answer time.

class Observer : public QObject
{
public:
    static inline const QRegularExpression kSafeUid{u"^[A-Za-z0-9_-]{1,100}$"_s};

    struct Sample {
        qint64 atMs = 0;
        qint64 inbound = 0;
        qint64 unprocessed = 0;
        qint64 outboxPending = 0;
        qint64 outboxSucceeded = 0;
        qint64 waiting = 0; // announced changes not yet seen
    };

    // On the observer's thread.
    Status open(const QString &url)
    {
        auto db = Store::Database::open(url, u"bench-observer"_s);
        if (!db)
            return std::unexpected(db.error());
        m_db = std::move(*db);
        m_timer = new QTimer(this);
        m_timer->setInterval(250);
        QObject::connect(m_timer, &QTimer::timeout, this, [this] { tick(); });
        tick(); // the state before the load: every payment, invoice balance, phone
        m_timer->start();
        return {};
    }
    void close()
    {
        if (m_timer)
            m_timer->stop();
        m_db.reset();
    }

    // Any thread.
    void expect(const QList<Expectation> &list)
    {
        QMutexLocker lock(&m_inboxMutex);
        m_inbox += list;
        m_waiting += int(list.size());
    }
    [[nodiscard]] int waiting() const { return m_waiting.load(); }
    [[nodiscard]] qint64 unprocessed() const { return m_unprocessed.load(); }

    // On the observer's thread (runOn), after close().
    QHash<Kind, QList<qint64>> latencies;
    QHash<Kind, int> superseded; // of those, arrived as a later change of the same thing
    QList<Sample> timeline;
    QStringList problems;
    QList<Expectation> pending;

private:
    template<typename T, typename Map>
    std::optional<QList<T>> rows(const QString &sql, const QVariantList &binds, Map map)
    {
        auto r = m_db->select<T>(sql, binds, map);
        if (!r) {
            if (problems.size() < 20)
                problems << r.error().toString();
            return std::nullopt;
        }
        return *r;
    }

    void tick()
    {
        const qint64 t0 = nowMs();
        // Appointments: the rows of the bookings still awaited, by uid. (Not
        // "updated since": the engine applies bookings in batches of 200 in
        // one transaction, which can commit many seconds after it stamped
        // updated_at, so a watermark would step over rows.)
        {
            QMutexLocker lock(&m_inboxMutex);
            pending += std::exchange(m_inbox, {});
        }
        QStringList uids;
        for (const Expectation &e : std::as_const(pending)) {
            if ((e.kind == Kind::CalCreated || e.kind == Kind::CalRescheduled || e.kind == Kind::CalCancelled)
                && kSafeUid.match(e.key).hasMatch())
                uids << u"'"_s + e.key + u"'"_s;
        }
        uids.removeDuplicates();
        for (qsizetype from = 0; from < uids.size(); from += 500) {
            struct Appt {
                QString uid;
                qint64 start;
                QString status;
            };
            // Inlined: generated uids, checked against kSafeUid.
            if (auto r = rows<Appt>(u"SELECT calcom_uid, start_at, status FROM appointments WHERE calcom_uid IN (%1)"_s
                                        .arg(uids.mid(from, 500).join(u',')),
                                    {}, [](const QSqlQuery &q) {
                                        return Appt{q.value(0).toString(), q.value(1).toLongLong(),
                                                    q.value(2).toString()};
                                    })) {
                for (const Appt &a : std::as_const(*r))
                    m_appointments.insert(a.uid, {a.start, a.status});
            }
        }
        if (auto r = rows<std::pair<qint64, QString>>(
                u"SELECT id, quickbooks_id FROM payments WHERE quickbooks_id IS NOT NULL AND id > ?"_s, {m_lastPayment},
                [](const QSqlQuery &q) { return std::pair{q.value(0).toLongLong(), q.value(1).toString()}; })) {
            for (const auto &[id, qb] : std::as_const(*r)) {
                m_payments.insert(qb);
                m_lastPayment = std::max(m_lastPayment, id);
            }
        }
        if (auto r = rows<std::pair<QString, qint64>>(
                u"SELECT quickbooks_id, balance_minor FROM invoices WHERE quickbooks_id IS NOT NULL"_s, {},
                [](const QSqlQuery &q) { return std::pair{q.value(0).toString(), q.value(1).toLongLong()}; })) {
            for (const auto &[qb, balance] : std::as_const(*r))
                m_balances.insert(qb, balance);
        }
        if (auto r = rows<std::pair<qint64, QString>>(
                u"SELECT id, normalized FROM contact_points WHERE kind = 'phone' AND id > ?"_s, {m_lastPhone},
                [](const QSqlQuery &q) { return std::pair{q.value(0).toLongLong(), q.value(1).toString()}; })) {
            for (const auto &[id, phone] : std::as_const(*r)) {
                m_phones.insert(phone);
                m_lastPhone = std::max(m_lastPhone, id);
            }
        }
        int seen = 0;
        QHash<QString, qint64> latestArrived; // object → the newest sentMs seen in the store
        auto take = [&](qsizetype i) {
            latencies[pending.at(i).kind].append(std::max<qint64>(0, t0 - pending.at(i).sentMs));
            pending.swapItemsAt(i, pending.size() - 1);
            pending.removeLast();
            ++seen;
        };
        for (qsizetype i = 0; i < pending.size();) {
            const Expectation &e = pending.at(i);
            if (arrived(e)) {
                if (!e.object.isEmpty())
                    latestArrived[e.object] = std::max(latestArrived.value(e.object), e.sentMs);
                take(i);
            } else {
                ++i;
            }
        }
        for (qsizetype i = 0; i < pending.size();) {
            const Expectation &e = pending.at(i);
            const auto it = e.object.isEmpty() ? latestArrived.cend() : latestArrived.constFind(e.object);
            if (it != latestArrived.cend() && e.sentMs <= *it) {
                ++superseded[e.kind];
                take(i);
            } else {
                ++i;
            }
        }
        m_waiting -= seen;
        // Every 2 s: how the backlogs move (growing without bound = not keeping up).
        if (m_ticks++ % 8 == 0) {
            Sample s;
            s.atMs = t0;
            s.waiting = m_waiting.load();
            if (auto r = rows<std::pair<qint64, qint64>>(
                    u"SELECT COUNT(*), COUNT(processed_at) FROM inbound_events"_s, {},
                    [](const QSqlQuery &q) { return std::pair{q.value(0).toLongLong(), q.value(1).toLongLong()}; });
                r && !r->isEmpty()) {
                s.inbound = r->first().first;
                s.unprocessed = r->first().first - r->first().second;
                m_unprocessed = s.unprocessed;
            }
            if (auto r = rows<std::pair<QString, qint64>>(
                    u"SELECT state, COUNT(*) FROM outbox_jobs GROUP BY state"_s, {},
                    [](const QSqlQuery &q) { return std::pair{q.value(0).toString(), q.value(1).toLongLong()}; })) {
                for (const auto &[state, n] : std::as_const(*r)) {
                    if (state == u"pending"_s)
                        s.outboxPending = n;
                    else if (state == u"succeeded"_s)
                        s.outboxSucceeded = n;
                }
            }
            timeline.append(s);
        }
    }

    [[nodiscard]] bool arrived(const Expectation &e) const
    {
        switch (e.kind) {
        case Kind::CalCreated:
        case Kind::CalRescheduled: {
            const auto it = m_appointments.constFind(e.key);
            return it != m_appointments.cend() && it->first == e.startMs;
        }
        case Kind::CalCancelled: {
            const auto it = m_appointments.constFind(e.key);
            return it != m_appointments.cend() && it->second == u"canceled"_s;
        }
        case Kind::QboPayment:
            return m_payments.contains(e.key);
        case Kind::QboInvoice: {
            const auto it = m_balances.constFind(e.key);
            return it != m_balances.cend() && *it <= e.balanceAtMost;
        }
        case Kind::HsContact:
            return m_phones.contains(e.key);
        }
        return false;
    }

    std::unique_ptr<Store::Database> m_db;
    QTimer *m_timer = nullptr;
    QMutex m_inboxMutex;
    QList<Expectation> m_inbox;
    std::atomic<int> m_waiting{0};
    std::atomic<qint64> m_unprocessed{-1};
    qint64 m_ticks = 0;
    qint64 m_lastPayment = 0;
    qint64 m_lastPhone = 0;
    QHash<QString, std::pair<qint64, QString>> m_appointments; // uid → (start ms, status)
    QSet<QString> m_payments;
    QHash<QString, qint64> m_balances;
    QSet<QString> m_phones;
};

// ---------------------------------------------------------------------------
// The changes people make, on the sandbox thread (call through runOn).

class Changes
{
public:
    explicit Changes(Sandbox::TutoringSandbox &sandbox) : m_sandbox(sandbox) {}

    // What the seed offers: families without quirks, their upcoming
    // bookings, open invoices, their HubSpot contacts.
    bool prepare()
    {
        const auto &roster = m_sandbox.roster();
        const QList<qint64> types = m_sandbox.seedReport().calcom->eventTypeIds;
        QSet<QString> emails;
        for (const auto &f : roster.families) {
            if (f.quirk != Sandbox::TutoringRoster::Quirk::None || f.service >= types.size())
                continue;
            m_families.append({f.parentGiven + u' ' + f.parentFamily, f.parentEmail, f.timeZone, types.at(f.service)});
            emails.insert(f.parentEmail.toLower());
        }
        const qint64 soon = nowMs() + 3600'000;
        for (const Sandbox::CalBooking &b : m_sandbox.calcom().state().bookings()) {
            if ((b.status == u"accepted"_s || b.status == u"pending"_s) && b.startMs > soon && !b.attendees.isEmpty()
                && emails.contains(b.attendees.first().email.toLower()))
                m_live << b.uid;
        }
        const QString realm = Sandbox::TutoringSandbox::kRealmId.toString();
        for (const QJsonObject &inv : m_sandbox.quickbooks().entities(realm, u"Invoice"_s)) {
            const qint64 balance = qRound64(inv.value(u"Balance"_s).toDouble() * 100);
            if (balance > 0)
                m_invoices.append({inv.value(u"Id"_s).toString(),
                                   inv.value(u"CustomerRef"_s).toObject().value(u"value"_s).toString(), balance});
        }
        for (const auto *c : m_sandbox.hubspot().portal().all(u"contacts"_s)) {
            if (emails.contains(c->props.value(u"email"_s).toLower()))
                m_contacts << c->id;
        }
        // New sessions a month out, 3 h apart: no slot is ever taken twice.
        m_nextSlot = QDateTime(QDate::currentDate().addDays(30), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        return !m_families.isEmpty() && !m_invoices.isEmpty() && !m_contacts.isEmpty();
    }
    [[nodiscard]] QString describe() const
    {
        return u"%1 families, %2 upcoming bookings, %3 open invoices, %4 HubSpot contacts"_s.arg(m_families.size())
            .arg(m_live.size())
            .arg(m_invoices.size())
            .arg(m_contacts.size());
    }

    struct CalDelivery {
        QByteArray body;
        Expectation expectation;
    };

    // One Cal.com change: 'C' create, 'R' reschedule, 'X' cancel (a create
    // when nothing is left to move). Its webhook(s) appended to `out`.
    bool calcom(char action, QList<CalDelivery> &out)
    {
        auto &cal = m_sandbox.calcom();
        Sandbox::CalcomState &state = cal.state();
        (void)state.takeEvents(); // whatever an API call queued: not ours to announce
        QString root; // the booking this change continues (empty: a new one)
        if (action != 'C' && !m_live.isEmpty()) {
            const QString uid = m_live.takeAt(m_rng.bounded(int(m_live.size())));
            root = m_roots.value(uid, uid);
            const CalBooking *b = state.booking(uid);
            const QString by = b && !b->attendees.isEmpty() ? b->attendees.first().email : QString();
            const bool ok = action == 'R'
                ? state.reschedule(uid, QDateTime::fromMSecsSinceEpoch(takeSlot(), Qt::UTC), u"load"_s, by).has_value()
                : state.cancel(uid, u"load"_s, by).has_value();
            if (!ok)
                return false;
        } else {
            const Family &f = m_families.at(m_rng.bounded(int(m_families.size())));
            const QJsonObject body{{u"start"_s, Sandbox::CalPayloads::instant(takeSlot())},
                                   {u"eventTypeId"_s, f.eventType},
                                   {u"attendee"_s, QJsonObject{{u"name"_s, f.name},
                                                               {u"email"_s, f.email},
                                                               {u"timeZone"_s, f.timeZone},
                                                               {u"language"_s, u"en"_s}}}};
            if (!state.create(body))
                return false;
        }
        for (const Sandbox::CalEvent &event : state.takeEvents()) {
            const CalBooking *b = state.bookingById(event.bookingId);
            if (!b)
                continue;
            CalDelivery d;
            d.body = Sandbox::CalPayloads::webhook(state, event, kCalVersion.toString(), false);
            d.expectation.key = b->uid;
            d.expectation.startMs = b->startMs;
            d.expectation.object = root.isEmpty() ? b->uid : root;
            m_roots.insert(b->uid, d.expectation.object);
            if (event.trigger == u"BOOKING_CANCELLED"_s) {
                d.expectation.kind = Kind::CalCancelled;
            } else {
                d.expectation.kind = event.trigger == u"BOOKING_RESCHEDULED"_s ? Kind::CalRescheduled : Kind::CalCreated;
                if (b->status == u"accepted"_s || b->status == u"pending"_s)
                    m_live << b->uid;
            }
            out << d;
        }
        return true;
    }

    // One payment of a few cents on an open invoice: the Payment it creates
    // and the Invoice it changes.
    bool payment(QList<Sandbox::QboWebhookSender::Event> &events, QList<Expectation> &expectations)
    {
        while (!m_invoices.isEmpty()) {
            const qsizetype i = m_rng.bounded(int(m_invoices.size()));
            Invoice &inv = m_invoices[i];
            const qint64 cents = std::min<qint64>(inv.balance, 1 + m_rng.bounded(25));
            const QString realm = Sandbox::TutoringSandbox::kRealmId.toString();
            auto paid = m_sandbox.quickbooks().recordPayment(realm, inv.customer, cents, {{inv.id, cents}});
            if (!paid) {
                m_invoices.removeAt(i);
                continue;
            }
            inv.balance -= cents;
            const QDateTime when = QDateTime::currentDateTimeUtc();
            const QString paymentId = paid->value(u"Id"_s).toString();
            events << Sandbox::QboWebhookSender::Event{realm, u"Payment"_s, paymentId, u"Create"_s, when}
                   << Sandbox::QboWebhookSender::Event{realm, u"Invoice"_s, inv.id, u"Update"_s, when};
            expectations << Expectation{Kind::QboPayment, paymentId, 0, 0, 0, {}}
                         << Expectation{Kind::QboInvoice, inv.id, 0, inv.balance, 0, {}};
            if (inv.balance <= 0)
                m_invoices.removeAt(i);
            return true;
        }
        return false;
    }

    // A person changes a contact's phone in HubSpot: a new number each time.
    bool hubspot(QList<Sandbox::HubSpotPortal::Event> &events, QList<Expectation> &expectations)
    {
        auto &portal = m_sandbox.hubspot().portal();
        (void)portal.takeEvents();
        const qint64 id = m_contacts.at(m_rng.bounded(int(m_contacts.size())));
        // +1 617 2xx-xxxx: a valid US number, different for every change.
        const QString e164 = u"+1617%1"_s.arg(2'000'000 + m_phoneSerial++);
        auto updated = portal.update(u"contacts"_s, QString::number(id), {},
                                     QJsonObject{{u"properties"_s, QJsonObject{{u"phone"_s, e164}}}}, u"CRM_UI"_s);
        if (!updated)
            return false;
        for (const auto &e : portal.takeEvents()) {
            if (e.propertyName != u"phone"_s)
                continue;
            events << e;
            expectations << Expectation{Kind::HsContact, e164, 0, 0, 0, u"contact/"_s + QString::number(id)};
        }
        return true;
    }

    [[nodiscard]] qint64 portalId() { return m_sandbox.hubspot().portal().portalId(); }

    static constexpr QStringView kCalVersion = u"2021-10-20";

private:
    using CalBooking = Sandbox::CalBooking;
    struct Family {
        QString name;
        QString email;
        QString timeZone;
        qint64 eventType = 0;
    };
    struct Invoice {
        QString id;
        QString customer;
        qint64 balance = 0; // minor units
    };
    qint64 takeSlot()
    {
        const qint64 slot = m_nextSlot;
        m_nextSlot += 3 * 3600'000;
        return slot;
    }

    Sandbox::TutoringSandbox &m_sandbox;
    QRandomGenerator m_rng{20261122};
    QList<Family> m_families;
    QStringList m_live;
    QHash<QString, QString> m_roots; // booking uid → the first booking of its reschedule chain
    QList<Invoice> m_invoices;
    QList<qint64> m_contacts;
    qint64 m_nextSlot = 0;
    int m_phoneSerial = 0;
};

// ---------------------------------------------------------------------------

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

QJsonObject summary(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    return QJsonObject{{u"count"_s, values.size()},
                       {u"p50Ms"_s, Sync::percentile(values, 50).value_or(-1)},
                       {u"p95Ms"_s, Sync::percentile(values, 95).value_or(-1)},
                       {u"maxMs"_s, values.isEmpty() ? -1 : values.constLast()}};
}

enum SystemIndex { Cal = 0, Qbo = 1, Hs = 2 };
constexpr std::array<QStringView, 3> kSystemNames{u"calcom", u"quickbooks", u"hubspot"};

class LoadRun
{
public:
    explicit LoadRun(Options o) : m_o(std::move(o)) {}
    ~LoadRun() { teardown(); }

    int run();

private:
    bool startPostgres();
    bool startSandbox();
    bool startSyncd();
    bool waitReadyAndImported();
    void loadTick();
    void flushBatches(bool force);
    void post(SystemIndex system, const QByteArray &body, const QList<std::pair<QByteArray, QByteArray>> &headers,
              QList<Expectation> expectations);
    std::optional<qint64> postgresCpuMs() const;
    QHash<QString, qint64> outboxStates() const;
    QJsonObject apiRequestCounts();
    void teardown();
    void fail(const QString &why) { std::fprintf(stderr, "bench_webhookload: %s\n", qPrintable(why)); }

    Options m_o;
    QTemporaryDir m_dir{QDir::tempPath() + u"/bench_webhookload-XXXXXX"_s};
    QString m_storeUrl;
    QString m_pgStateDir;
    qint64 m_postmasterPid = 0;
    QThread m_sandboxThread;
    Sandbox::TutoringSandbox *m_sandbox = nullptr;
    std::unique_ptr<Changes> m_changes;
    QProcessEnvironment m_env;
    QProcess *m_syncd = nullptr;
    quint16 m_webhookPort = 0;
    quint16 m_healthPort = 0;
    QByteArray m_calSecret, m_qboToken, m_hsSecret;
    std::unique_ptr<Store::Database> m_db;
    QThread m_observerThread;
    Observer *m_observer = nullptr;

    // The load.
    std::array<std::unique_ptr<QNetworkAccessManager>, 3> m_nam;
    QElapsedTimer m_clock;
    qint64 m_total = 0; // events to send
    qint64 m_made = 0; // events made (changes whose webhook is sent or batched)
    qsizetype m_action = 0;
    int m_notMade = 0;
    qint64 m_lastFlushMs = 0;
    QList<Sandbox::QboWebhookSender::Event> m_qboBatch;
    QList<Expectation> m_qboExpect;
    QList<Sandbox::HubSpotPortal::Event> m_hsBatch;
    QList<Expectation> m_hsExpect;
    qint64 m_hsEventId = 7'000'000'000;
    qint64 m_portalId = 0;
    int m_inFlight = 0;
    std::array<qint64, 3> m_eventsSent{};
    std::array<qint64, 3> m_requests{};
    std::array<qint64, 3> m_storedAnswered{};
    std::array<qint64, 3> m_repeatsAnswered{};
    std::array<QList<qint64>, 3> m_answerMs;
    QMap<int, qint64> m_statuses;
};

bool LoadRun::startPostgres()
{
    if (!m_o.store.isEmpty()) {
        m_storeUrl = m_o.store;
        return true;
    }
    m_pgStateDir = m_dir.filePath(u"pg"_s);
    QProcess script;
    script.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    script.start(QStringLiteral(CONCORD_SOURCE_DIR "/tests/support/postgres-for-tests.sh"),
                 {u"start"_s, m_pgStateDir});
    if (!script.waitForFinished(120'000) || script.exitCode() != 0) {
        fail(u"could not start PostgreSQL (tests/support/postgres-for-tests.sh start)"_s);
        m_pgStateDir.clear();
        return false;
    }
    QFile url(m_pgStateDir + u"/url"_s);
    QFile cluster(m_pgStateDir + u"/cluster"_s);
    if (!url.open(QIODevice::ReadOnly) || !cluster.open(QIODevice::ReadOnly))
        return false;
    m_storeUrl = QString::fromUtf8(url.readAll()).trimmed();
    QFile pidFile(QString::fromUtf8(cluster.readAll()).trimmed() + u"/data/postmaster.pid"_s);
    if (pidFile.open(QIODevice::ReadOnly))
        m_postmasterPid = pidFile.readLine().trimmed().toLongLong();
    return true;
}

bool LoadRun::startSandbox()
{
    m_sandboxThread.setObjectName(u"sandbox"_s);
    m_sandboxThread.start();
    m_sandbox = new Sandbox::TutoringSandbox;
    m_sandbox->moveToThread(&m_sandboxThread);
    Status started;
    bool prepared = false;
    QString described;
    Bench::runOn(m_sandbox, [&] {
        Sandbox::TutoringSandbox::Options o;
        o.seed = Sandbox::TutoringSandbox::Seed::Tutoring;
        // A clean office: no job parked for a person.
        o.newFamily = Sandbox::TutoringRoster::NewFamily::None;
        started = m_sandbox->start(o);
        if (!started)
            return;
        m_changes = std::make_unique<Changes>(*m_sandbox);
        prepared = m_changes->prepare();
        described = m_changes->describe();
        m_portalId = m_changes->portalId();
    });
    if (!started) {
        fail(u"sandbox: "_s + started.error().toString());
        return false;
    }
    if (!prepared) {
        fail(u"the seed offers too little to change: "_s + described);
        return false;
    }
    std::fprintf(stderr, "bench_webhookload: seed: %s\n", qPrintable(described));
    return true;
}

bool LoadRun::startSyncd()
{
    const QString syncd = QStringLiteral(CONCORD_BINARY_DIR "/app/syncd/concord-syncd");
    if (!QFile::exists(syncd)) {
        fail(u"build concord-syncd first (%1)"_s.arg(syncd));
        return false;
    }
    m_webhookPort = freePort();
    m_healthPort = freePort();
    Config config;
    std::unique_ptr<Security::SecretStore> secrets;
    Bench::runOn(m_sandbox, [&] {
        config = m_sandbox->config(m_storeUrl);
        secrets = m_sandbox->secrets();
    });
    // What an operator writes (app/syncd/README.md). Real rate limits; the
    // HubSpot search lag as tst_syncd sets it (the emulator's search shows
    // records at once; a real portal needs ~30 s, which would add to every
    // HubSpot figure by design).
    const QHash<QString, QString> values{
        {u"store/url"_s, m_storeUrl},
        {u"quickbooks/base_url"_s, config.quickbooksBaseUrl.toString()},
        {u"quickbooks/token_url"_s, config.quickbooksTokenUrl.toString()},
        {u"quickbooks/realm_id"_s, config.quickbooksRealmId},
        {u"quickbooks/client_id"_s, config.quickbooksClientId},
        {u"hubspot/base_url"_s, config.hubspotBaseUrl.toString()},
        {u"hubspot/search_lag_seconds"_s, u"2"_s},
        {u"calcom/base_url"_s, config.calcomBaseUrl.toString()},
        {u"sync/business_time_zone"_s, config.businessTimeZone},
        {u"webhooks/listen"_s, u"127.0.0.1:%1"_s.arg(m_webhookPort)},
        {u"syncd/health_listen"_s, u"127.0.0.1:%1"_s.arg(m_healthPort)},
        {u"syncd/shutdown_grace_secs"_s, u"20"_s},
        {u"syncd/worker"_s, u"bench-webhookload"_s},
    };
    const QString configPath = m_dir.filePath(u"concord.conf"_s);
    {
        QSettings ini(configPath, QSettings::IniFormat);
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            ini.setValue(it.key(), it.value());
    }
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.remove(u"JOURNAL_STREAM"_s);
    m_env.remove(u"NOTIFY_SOCKET"_s);
    for (const QString &name : Security::knownSecretNames()) {
        const Result<QString> value = Security::waitForResult(secrets->read(name));
        if (value)
            m_env.insert(Security::secretEnvironmentVariable(name), *value);
    }
    auto secret = [&](QStringView name) {
        return Security::waitForResult(secrets->read(name.toString())).value_or(QString()).toUtf8();
    };
    m_calSecret = secret(Security::SecretName::CalcomWebhookSecret);
    m_qboToken = secret(Security::SecretName::QuickBooksWebhookVerifier);
    m_hsSecret = secret(Security::SecretName::HubSpotClientSecret);
    if (m_calSecret.isEmpty() || m_qboToken.isEmpty() || m_hsSecret.isEmpty()) {
        fail(u"the sandbox has no webhook signing secrets"_s);
        return false;
    }
    m_syncd = new QProcess;
    m_syncd->setProcessEnvironment(m_env);
    m_syncd->setProcessChannelMode(QProcess::MergedChannels);
    m_syncd->setStandardOutputFile(m_dir.filePath(u"syncd.log"_s));
    m_syncd->start(syncd, {u"--config"_s, configPath, u"--log-format=text"_s});
    if (!m_syncd->waitForStarted(10'000)) {
        fail(u"concord-syncd did not start"_s);
        return false;
    }
    return true;
}

QHash<QString, qint64> LoadRun::outboxStates() const
{
    QHash<QString, qint64> out;
    auto r = m_db->select<std::pair<QString, qint64>>(
        u"SELECT state, COUNT(*) FROM outbox_jobs GROUP BY state"_s, {},
        [](const QSqlQuery &q) { return std::pair{q.value(0).toString(), q.value(1).toLongLong()}; });
    if (r)
        for (const auto &[state, n] : std::as_const(*r))
            out.insert(state, n);
    return out;
}

bool LoadRun::waitReadyAndImported()
{
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    int status = 0;
    QByteArray lastBody;
    const bool ready = Bench::waitUntil(
        [&] {
            if (m_syncd->state() != QProcess::Running)
                return true;
            QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1/readyz"_s.arg(m_healthPort))));
            Bench::waitUntil([reply] { return reply->isFinished(); }, 10'000);
            status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            lastBody = reply->readAll();
            reply->deleteLater();
            if (status != 200)
                Bench::waitUntil([] { return false; }, 500);
            return status == 200;
        },
        180'000);
    if (!ready || m_syncd->state() != QProcess::Running) {
        fail(u"concord-syncd not ready (last /readyz %1: %2); log in %3"_s.arg(status)
                 .arg(QString::fromUtf8(lastBody.left(600)), m_dir.filePath(u"syncd.log"_s)));
        m_dir.setAutoRemove(false);
        return false;
    }
    auto db = Store::Database::open(m_storeUrl, u"bench-main"_s);
    if (!db) {
        fail(u"store: "_s + db.error().toString());
        return false;
    }
    m_db = std::move(*db);
    // The first import and what it sends out, then quiet: the load starts
    // on a settled office.
    QElapsedTimer t;
    t.start();
    const bool settled = Bench::waitUntil(
        [&] {
            if (t.elapsed() < 20'000)
                return false;
            const auto s = outboxStates();
            return s.value(u"pending"_s) == 0 && s.value(u"in_flight"_s) == 0;
        },
        m_o.importSecs * 1000);
    std::fprintf(stderr, "bench_webhookload: first import %s after %.0f s\n", settled ? "settled" : "NOT settled",
                 t.elapsed() / 1000.0);
    return true;
}

void LoadRun::post(SystemIndex system, const QByteArray &body, const QList<std::pair<QByteArray, QByteArray>> &headers,
                 QList<Expectation> expectations)
{
    static const std::array<QString, 3> paths{u"/webhooks/calcom"_s, u"/webhooks/quickbooks"_s,
                                              u"/webhooks/hubspot"_s};
    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_webhookPort).arg(paths.at(system))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    const qint64 sent = nowMs();
    for (Expectation &e : expectations)
        e.sentMs = sent;
    const qint64 events = expectations.size();
    m_observer->expect(expectations);
    m_eventsSent[system] += events;
    ++m_requests[system];
    ++m_inFlight;
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = m_nam[system]->post(request, body);
    QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply, system, timer] {
        m_answerMs[system].append(timer.elapsed());
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        ++m_statuses[status];
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        m_storedAnswered[system] += answer.value(u"stored"_s).toInteger();
        m_repeatsAnswered[system] += answer.value(u"repeats"_s).toInteger();
        --m_inFlight;
        reply->deleteLater();
    });
}

void LoadRun::flushBatches(bool force)
{
    const qint64 now = m_clock.elapsed();
    // Intuit and HubSpot gather a second's changes into one delivery;
    // HubSpot sends at most 100 events in one.
    if (!m_qboBatch.isEmpty() && (force || now - m_lastFlushMs >= 1000)) {
        const QByteArray body = Sandbox::QboWebhookSender::legacyPayload(m_qboBatch);
        post(Qbo, body, {{"intuit-signature", Sandbox::QboWebhookSender::sign(m_qboToken, body)}},
             std::exchange(m_qboExpect, {}));
        m_qboBatch.clear();
    }
    while (!m_hsBatch.isEmpty() && (force || now - m_lastFlushMs >= 1000 || m_hsBatch.size() >= 100)) {
        const qsizetype n = std::min<qsizetype>(100, m_hsBatch.size());
        QJsonArray array;
        for (qsizetype i = 0; i < n; ++i) {
            const auto &e = m_hsBatch.at(i);
            array.append(QJsonObject{{u"eventId"_s, m_hsEventId++},
                                     {u"subscriptionId"_s, 2'145'001},
                                     {u"portalId"_s, m_portalId},
                                     {u"appId"_s, 1'160'452},
                                     {u"occurredAt"_s, e.occurredMs},
                                     {u"subscriptionType"_s, e.subscriptionType},
                                     {u"attemptNumber"_s, 0},
                                     {u"objectId"_s, e.objectId},
                                     {u"changeSource"_s, e.changeSource},
                                     {u"sourceId"_s, u"userId:45678"_s},
                                     {u"propertyName"_s, e.propertyName},
                                     {u"propertyValue"_s, e.propertyValue.value_or(QString())}});
        }
        const QByteArray body = QJsonDocument(array).toJson(QJsonDocument::Compact);
        const QByteArray timestamp = QByteArray::number(nowMs());
        const QByteArray uri = "http://127.0.0.1:" + QByteArray::number(m_webhookPort) + "/webhooks/hubspot";
        post(Hs, body,
             {{"X-HubSpot-Signature-v3", Sandbox::HsWebhookSender::signatureV3(m_hsSecret, "POST", uri, body, timestamp)},
              {"X-HubSpot-Request-Timestamp", timestamp}},
             m_hsExpect.mid(0, n));
        m_hsBatch.remove(0, n);
        m_hsExpect.remove(0, n);
        if (!force && m_hsBatch.size() < 100)
            break;
    }
    if (force || now - m_lastFlushMs >= 1000)
        m_lastFlushMs = now;
}

void LoadRun::loadTick()
{
    // Per 20 events: C create ×6, R reschedule ×3, X cancel ×3 (Cal.com),
    // P payment ×2 (two QuickBooks entities each), H HubSpot phone ×4.
    static constexpr std::array<char, 18> kCycle{'C', 'H', 'C', 'R', 'C', 'X', 'P', 'C', 'H',
                                                  'R', 'C', 'X', 'H', 'C', 'P', 'R', 'X', 'H'};
    const qint64 due = std::min(m_total, m_clock.elapsed() * m_o.rate / 60'000);
    if (m_made >= due) {
        flushBatches(false);
        return;
    }
    QList<Changes::CalDelivery> cal;
    QList<Sandbox::QboWebhookSender::Event> qbo;
    QList<Expectation> qboExpect;
    QList<Sandbox::HubSpotPortal::Event> hs;
    QList<Expectation> hsExpect;
    qint64 made = m_made;
    int notMade = 0;
    qsizetype action = m_action;
    Bench::runOn(m_sandbox, [&] {
        while (made < due) {
            const char a = kCycle.at(action++ % kCycle.size());
            const qsizetype before = cal.size() + qboExpect.size() + hsExpect.size();
            bool ok = false;
            if (a == 'P')
                ok = m_changes->payment(qbo, qboExpect);
            else if (a == 'H')
                ok = m_changes->hubspot(hs, hsExpect);
            else
                ok = m_changes->calcom(a, cal);
            if (!ok && ++notMade > 1000)
                break; // something is wrong with the emulator: stop hammering it
            made += std::max<qsizetype>(ok ? 1 : 0, cal.size() + qboExpect.size() + hsExpect.size() - before);
        }
    });
    m_made = made;
    m_action = action;
    m_notMade += notMade;
    const QByteArray version = Changes::kCalVersion.toLatin1();
    for (const auto &d : std::as_const(cal)) {
        post(Cal, d.body,
             {{QByteArrayLiteral("X-Cal-Signature-256"), Sandbox::CalWebhookSender::sign(QString::fromUtf8(m_calSecret), d.body)},
              {"x-cal-webhook-version", version}},
             {d.expectation});
    }
    m_qboBatch += qbo;
    m_qboExpect += qboExpect;
    m_hsBatch += hs;
    m_hsExpect += hsExpect;
    flushBatches(false);
}

std::optional<qint64> LoadRun::postgresCpuMs() const
{
    if (m_postmasterPid <= 0)
        return std::nullopt;
    auto total = Bench::processCpuMs(m_postmasterPid, true);
    if (!total)
        return std::nullopt;
    for (const qint64 child : Bench::childPids(m_postmasterPid))
        *total += Bench::processCpuMs(child).value_or(0);
    return total;
}

QJsonObject LoadRun::apiRequestCounts()
{
    QJsonObject out;
    Bench::runOn(m_sandbox, [&] {
        auto count = [](const auto &log) {
            int requests = 0, limited = 0;
            for (const auto &e : log) {
                if (e.path.startsWith(u"/__admin"_s) || e.path.contains(u"/oauth"_s))
                    continue;
                ++requests;
                limited += e.status == 429;
            }
            return QJsonObject{{u"requests"_s, requests}, {u"http429"_s, limited}};
        };
        out.insert(u"quickbooks"_s, count(m_sandbox->quickbooks().requestLog()));
        out.insert(u"hubspot"_s, count(m_sandbox->hubspot().requestLog()));
        out.insert(u"calcom"_s, count(m_sandbox->calcom().requestLog()));
    });
    return out;
}

int LoadRun::run()
{
    if (!m_dir.isValid() || !startPostgres() || !startSandbox() || !startSyncd() || !waitReadyAndImported())
        return 1;

    // The observer, on its own thread with its own connection.
    m_observerThread.setObjectName(u"observer"_s);
    m_observerThread.start();
    m_observer = new Observer;
    m_observer->moveToThread(&m_observerThread);
    Status observing;
    Bench::runOn(m_observer, [&] { observing = m_observer->open(m_storeUrl); });
    if (!observing) {
        fail(u"observer: "_s + observing.error().toString());
        return 1;
    }

    for (auto &nam : m_nam) {
        // One client per service, as each service is its own sender (and
        // QNAM's six connections per host are not shared between them).
        nam = std::make_unique<QNetworkAccessManager>();
        nam->setProxy(QNetworkProxy::NoProxy);
    }
    const qint64 inboundBefore = m_db->countRows(u"inbound_events"_s).value_or(-1);
    const qint64 maxInboundIdBefore = m_db->scalar(u"SELECT COALESCE(MAX(id), 0) FROM inbound_events"_s)
                                          .value_or(QVariant(0))
                                          .toLongLong();
    const qint64 succeededBefore = outboxStates().value(u"succeeded"_s);
    const QJsonObject apiBefore = apiRequestCounts();
    const qint64 syncdPid = m_syncd->processId();
    const auto syncdCpu0 = Bench::processCpuMs(syncdPid);
    const auto pgCpu0 = postgresCpuMs();

    m_total = qint64(m_o.minutes * m_o.rate);
    std::fprintf(stderr, "bench_webhookload: sending %lld events over %.1f min (%d/min)\n", m_total, m_o.minutes,
                 m_o.rate);
    QTimer pacer;
    pacer.setTimerType(Qt::PreciseTimer);
    pacer.setInterval(20);
    QObject::connect(&pacer, &QTimer::timeout, [this] { loadTick(); });
    const qint64 loadStartMs = nowMs();
    m_clock.start();
    pacer.start();
    Bench::waitUntil([&] { return m_made >= m_total || m_notMade > 1000; },
                     int(m_o.minutes * 60'000) + 600'000);
    pacer.stop();
    flushBatches(true);
    const double sendSeconds = m_clock.elapsed() / 1000.0;
    Bench::waitUntil([&] { return m_inFlight == 0; }, 120'000);
    const double loadSeconds = (nowMs() - loadStartMs) / 1000.0;
    const auto syncdCpu1 = Bench::processCpuMs(syncdPid);
    const auto pgCpu1 = postgresCpuMs();
    const QHash<QString, qint64> outboxAtLoadEnd = outboxStates();

    // Drain: every announced change seen and every stored event processed.
    QElapsedTimer drain;
    drain.start();
    const bool drained = Bench::waitUntil(
        [&] { return m_observer->waiting() == 0 && m_observer->unprocessed() == 0; }, m_o.drainSecs * 1000);
    const double drainSeconds = drain.elapsed() / 1000.0;
    // One more observer tick so the last figures are in the timeline.
    Bench::waitUntil([] { return false; }, 600);
    const double totalSeconds = (nowMs() - loadStartMs) / 1000.0;

    // The store's account of what arrived.
    struct Inbound {
        QString system;
        qint64 rows, processed, failed, distinct;
    };
    auto inbound = m_db->select<Inbound>(
        u"SELECT system, COUNT(*), COUNT(processed_at), SUM(CASE WHEN error <> '' THEN 1 ELSE 0 END), "
        "COUNT(DISTINCT dedupe_key) FROM inbound_events WHERE id > ? GROUP BY system"_s,
        {maxInboundIdBefore}, [](const QSqlQuery &q) {
            return Inbound{q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                           q.value(3).toLongLong(), q.value(4).toLongLong()};
        });
    const QHash<QString, qint64> outboxEnd = outboxStates();
    const QJsonObject apiAfter = apiRequestCounts();
    const qint64 syncdPeakKiB = Bench::peakRssKiB(syncdPid);
    const auto syncdCpu2 = Bench::processCpuMs(syncdPid);
    const auto pgCpu2 = postgresCpuMs();

    Bench::runOn(m_observer, [&] { m_observer->close(); });

    QJsonObject bySystem;
    qint64 sent = 0, persisted = 0, processed = 0, distinct = 0;
    QList<qint64> allAnswers;
    for (int s = 0; s < 3; ++s) {
        const QString name = kSystemNames.at(s).toString();
        QJsonObject o{{u"eventsSent"_s, m_eventsSent.at(s)},
                      {u"requests"_s, m_requests.at(s)},
                      {u"answeredStored"_s, m_storedAnswered.at(s)},
                      {u"answeredRepeats"_s, m_repeatsAnswered.at(s)},
                      {u"answerTime"_s, summary(m_answerMs.at(s))}};
        if (inbound) {
            for (const Inbound &i : std::as_const(*inbound)) {
                if (i.system != name)
                    continue;
                o.insert(u"persisted"_s, i.rows);
                o.insert(u"processed"_s, i.processed);
                o.insert(u"processedWithError"_s, i.failed);
                o.insert(u"distinctKeys"_s, i.distinct);
                persisted += i.rows;
                processed += i.processed;
                distinct += i.distinct;
            }
        }
        sent += m_eventsSent.at(s);
        allAnswers += m_answerMs.at(s);
        bySystem.insert(name, o);
    }
    QJsonObject statuses;
    for (auto it = m_statuses.cbegin(); it != m_statuses.cend(); ++it)
        statuses.insert(QString::number(it.key()), it.value());

    QJsonObject e2e;
    QList<qint64> allE2e;
    QJsonArray timeline;
    int unseen = 0;
    QStringList observerProblems;
    Bench::runOn(m_observer, [&] {
        for (const Kind k : kKinds) {
            QJsonObject s = summary(m_observer->latencies.value(k));
            s.insert(u"superseded"_s, m_observer->superseded.value(k));
            e2e.insert(kindName(k), s);
            allE2e += m_observer->latencies.value(k);
        }
        unseen = int(m_observer->pending.size());
        for (const Observer::Sample &s : std::as_const(m_observer->timeline)) {
            timeline.append(QJsonArray{double(s.atMs - loadStartMs) / 1000.0, s.inbound - inboundBefore, s.unprocessed,
                                       s.waiting, s.outboxPending, s.outboxSucceeded - succeededBefore});
        }
        observerProblems = m_observer->problems;
    });
    e2e.insert(u"all"_s, summary(allE2e));
    e2e.insert(u"notSeen"_s, unseen);

    auto cpu = [](const std::optional<qint64> &a, const std::optional<qint64> &b, double secs) -> QJsonValue {
        if (!a || !b || secs <= 0)
            return QJsonValue();
        return QJsonObject{{u"cpuSeconds"_s, (*b - *a) / 1000.0}, {u"coresAverage"_s, (*b - *a) / 1000.0 / secs}};
    };
    QJsonObject outbox;
    for (auto it = outboxEnd.cbegin(); it != outboxEnd.cend(); ++it)
        outbox.insert(it.key(), it.value());
    const qint64 delivered = outboxEnd.value(u"succeeded"_s) - succeededBefore;
    auto apiDelta = [&](const QString &system) {
        const QJsonObject a = apiBefore.value(system).toObject(), b = apiAfter.value(system).toObject();
        return QJsonObject{{u"requests"_s, b.value(u"requests"_s).toInt() - a.value(u"requests"_s).toInt()},
                           {u"http429"_s, b.value(u"http429"_s).toInt() - a.value(u"http429"_s).toInt()}};
    };

    const QJsonObject result{
        {u"bench"_s, u"webhookload"_s},
        {u"date"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {u"ratePerMinute"_s, m_o.rate},
        {u"minutes"_s, m_o.minutes},
        {u"store"_s, m_o.store.isEmpty() ? u"throwaway PostgreSQL (fsync off)"_s : u"given --store"_s},
        {u"sendSeconds"_s, sendSeconds},
        {u"loadSeconds"_s, loadSeconds},
        {u"achievedRatePerMinute"_s, sendSeconds > 0 ? sent / sendSeconds * 60 : 0},
        {u"changesNotMade"_s, m_notMade},
        {u"eventsSent"_s, sent},
        {u"requests"_s, m_requests[0] + m_requests[1] + m_requests[2]},
        {u"httpStatuses"_s, statuses},
        {u"answerTime"_s, summary(allAnswers)},
        {u"persisted"_s, persisted},
        {u"distinctPersisted"_s, distinct},
        {u"lost"_s, sent - persisted},
        {u"processed"_s, processed},
        {u"drained"_s, drained},
        {u"drainSeconds"_s, drainSeconds},
        {u"bySystem"_s, bySystem},
        {u"endToEnd"_s, e2e},
        {u"syncd"_s, QJsonObject{{u"duringLoad"_s, cpu(syncdCpu0, syncdCpu1, loadSeconds)},
                                 {u"wholeRun"_s, cpu(syncdCpu0, syncdCpu2, totalSeconds)},
                                 {u"peakRssMiB"_s, syncdPeakKiB / 1024.0}}},
        {u"postgres"_s, QJsonObject{{u"duringLoad"_s, cpu(pgCpu0, pgCpu1, loadSeconds)},
                                    {u"wholeRun"_s, cpu(pgCpu0, pgCpu2, totalSeconds)}}},
        {u"outboxAtLoadEnd"_s, QJsonObject{{u"pending"_s, outboxAtLoadEnd.value(u"pending"_s)},
                                           {u"succeeded"_s, outboxAtLoadEnd.value(u"succeeded"_s) - succeededBefore}}},
        {u"outboxAtEnd"_s, outbox},
        {u"deliveredDuringRun"_s, delivered},
        {u"deliveriesPerSecond"_s, totalSeconds > 0 ? delivered / totalSeconds : 0},
        {u"apiRequestsDuringRun"_s, QJsonObject{{u"quickbooks"_s, apiDelta(u"quickbooks"_s)},
                                                {u"hubspot"_s, apiDelta(u"hubspot"_s)},
                                                {u"calcom"_s, apiDelta(u"calcom"_s)}}},
        {u"timelineColumns"_s, QJsonArray{u"secondsSinceStart"_s, u"inbound"_s, u"unprocessed"_s,
                                          u"changesNotYetSeen"_s, u"outboxPending"_s, u"delivered"_s}},
        {u"timeline"_s, timeline},
        {u"problems"_s, QJsonArray::fromStringList(observerProblems)},
    };
    if (m_o.json) {
        std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Indented).constData());
    } else {
        const QJsonObject all = result.value(u"answerTime"_s).toObject();
        const QJsonObject ee = e2e.value(u"all"_s).toObject();
        std::printf("webhook load: %lld events in %.1f s (%.0f/min), %lld requests\n", sent, sendSeconds,
                    result.value(u"achievedRatePerMinute"_s).toDouble(),
                    qint64(result.value(u"requests"_s).toInteger()));
        std::printf("  answers: %s; time p50 %lld ms, p95 %lld ms, max %lld ms\n",
                    QJsonDocument(statuses).toJson(QJsonDocument::Compact).constData(),
                    all.value(u"p50Ms"_s).toInteger(), all.value(u"p95Ms"_s).toInteger(),
                    all.value(u"maxMs"_s).toInteger());
        std::printf("  persisted %lld (distinct %lld, lost %lld), processed %lld, drained %s in %.1f s\n", persisted,
                    distinct, sent - persisted, processed, drained ? "yes" : "NO", drainSeconds);
        std::printf("  end to end: p50 %lld ms, p95 %lld ms, max %lld ms (%d not seen)\n",
                    ee.value(u"p50Ms"_s).toInteger(), ee.value(u"p95Ms"_s).toInteger(),
                    ee.value(u"maxMs"_s).toInteger(), unseen);
        for (const Kind k : kKinds) {
            const QJsonObject s = e2e.value(kindName(k)).toObject();
            std::printf("    %-28s n=%-6lld p50 %6lld  p95 %6lld  max %6lld ms  (%lld superseded)\n",
                        qPrintable(kindName(k)), s.value(u"count"_s).toInteger(), s.value(u"p50Ms"_s).toInteger(),
                        s.value(u"p95Ms"_s).toInteger(), s.value(u"maxMs"_s).toInteger(),
                        s.value(u"superseded"_s).toInteger());
        }
        std::printf("  syncd peak RSS %.0f MiB; outbox pending %lld at the end, %lld delivered (%.2f/s)\n",
                    syncdPeakKiB / 1024.0, outboxEnd.value(u"pending"_s), delivered,
                    result.value(u"deliveriesPerSecond"_s).toDouble());
        std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    }
    const bool ok = sent > 0 && persisted == sent && distinct == sent && drained && m_notMade == 0;
    if (!ok)
        m_dir.setAutoRemove(false);
    if (m_o.keep || !ok)
        std::fprintf(stderr, "bench_webhookload: syncd log kept in %s\n", qPrintable(m_dir.filePath(u"syncd.log"_s)));
    if (m_o.keep)
        m_dir.setAutoRemove(false);
    return ok ? 0 : 1;
}

void LoadRun::teardown()
{
    if (m_observer) {
        QMetaObject::invokeMethod(m_observer, [o = m_observer] { o->close(); delete o; }, Qt::BlockingQueuedConnection);
        m_observer = nullptr;
    }
    m_observerThread.quit();
    m_observerThread.wait();
    m_nam = {};
    m_db.reset();
    if (m_syncd) {
        if (m_syncd->state() != QProcess::NotRunning) {
            ::kill(pid_t(m_syncd->processId()), SIGTERM);
            if (!m_syncd->waitForFinished(60'000)) {
                m_syncd->kill();
                m_syncd->waitForFinished(5'000);
            }
        }
        delete m_syncd;
        m_syncd = nullptr;
    }
    if (m_sandbox) {
        QMetaObject::invokeMethod(m_sandbox, [this] { m_changes.reset(); delete m_sandbox; },
                                  Qt::BlockingQueuedConnection);
        m_sandbox = nullptr;
    }
    m_sandboxThread.quit();
    m_sandboxThread.wait();
    if (!m_pgStateDir.isEmpty()) {
        QProcess script;
        script.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        script.start(QStringLiteral(CONCORD_SOURCE_DIR "/tests/support/postgres-for-tests.sh"),
                     {u"stop"_s, m_pgStateDir});
        script.waitForFinished(60'000);
        m_pgStateDir.clear();
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Webhook load on concord-syncd and PostgreSQL (issue 8). Default: 1 minute at 10,000 events/min."_s);
    parser.addHelpOption();
    parser.addOption({u"minutes"_s, u"Minutes of load (default 1)."_s, u"m"_s, u"1"_s});
    parser.addOption({u"rate"_s, u"Webhook events per minute (default 10000)."_s, u"n"_s, u"10000"_s});
    parser.addOption({u"full"_s, u"The issue's run: 5 minutes (unless --minutes is given)."_s});
    parser.addOption({u"store"_s, u"An empty PostgreSQL store to use instead of a throwaway server."_s, u"url"_s});
    parser.addOption({u"drain-secs"_s, u"Longest wait for processing after the load (default 300)."_s, u"s"_s,
                      u"300"_s});
    parser.addOption({u"import-secs"_s, u"Longest wait for the first import to settle (default 600)."_s, u"s"_s,
                      u"600"_s});
    parser.addOption({u"json"_s, u"Print one JSON object."_s});
    parser.addOption({u"keep"_s, u"Keep the temporary folder (syncd's log)."_s});
    parser.process(app);
    Options o;
    o.minutes = parser.isSet(u"minutes"_s) || !parser.isSet(u"full"_s) ? parser.value(u"minutes"_s).toDouble() : 5;
    o.rate = parser.value(u"rate"_s).toInt();
    o.store = parser.value(u"store"_s);
    o.drainSecs = parser.value(u"drain-secs"_s).toInt();
    o.importSecs = parser.value(u"import-secs"_s).toInt();
    o.json = parser.isSet(u"json"_s);
    o.keep = parser.isSet(u"keep"_s);
    if (o.minutes <= 0 || o.minutes > 60 || o.rate <= 0 || o.rate > 600'000 || o.drainSecs < 0) {
        std::fprintf(stderr, "bench_webhookload: bad option values\n");
        return 2;
    }
    LoadRun bench(o);
    return bench.run();
}
