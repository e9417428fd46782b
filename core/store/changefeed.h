#pragma once

#include "common/error.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

namespace Concord::Store {

class Database;

// Live news of what every writer (this process, another desktop,
// concord-syncd, a psql session) changed in a team-mode store, so a desktop
// re-reads what it shows instead of polling.
//
// PostgreSQL: LISTENs on channel() over `db`'s own connection. The schema's
// statement-level triggers (migration version 6) send the changed table's
// name as payload at COMMIT, once per table per transaction; a rolled-back
// transaction sends nothing. Bursts are coalesced: the first notification
// opens a window of Settings::coalesceMs, and emissions are at least
// Settings::minGapMs apart, so a busy store costs a reader at most about
// two re-reads a second. Notifications this connection caused itself arrive
// too (the local sync engine writes through the same connection).
// SQLite: inert (one process; its in-process refresh paths stay).
//
// Thread affinity: the thread that owns `db` (Qt Sql connections never
// cross threads). `db` must outlive the feed. Not copyable.
class ChangeFeed : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Inert,     // SQLite, or not started
        Listening, // LISTEN in place: changes arrive
        Lost,      // the connection dropped: nothing arrives until the store is reopened
    };
    Q_ENUM(State)

    struct Settings {
        int coalesceMs = 150;     // collect notifications this long before emitting
        int minGapMs = 500;       // …and emit at most once per this interval
        int healthCheckMs = 1000; // how often the client-side connection state is looked at
    };

    // The channel the triggers notify on (see migrations.cpp, schemaV6).
    static QString channel();
    // A payload-less NOTIFY on the channel (e.g. typed in psql) means "something
    // changed": the set then holds this name, and readers re-read everything.
    static QString anyTable();

    explicit ChangeFeed(Database &db, QObject *parent = nullptr);
    ChangeFeed(Database &db, Settings settings, QObject *parent = nullptr);
    ~ChangeFeed() override;
    ChangeFeed(const ChangeFeed &) = delete;
    ChangeFeed &operator=(const ChangeFeed &) = delete;

    // Subscribes (PostgreSQL) or does nothing (SQLite, state stays Inert).
    // Call when no transaction is open on `db`: a LISTEN takes effect at commit.
    // Fails when the driver refuses the subscription.
    [[nodiscard]] Status start();
    // Unsubscribes; pending news are dropped. Safe to call twice.
    void stop();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isListening() const { return m_state == State::Listening; }

Q_SIGNALS:
    // Tables changed since the last emission (names as in the schema, or
    // anyTable()). Never empty.
    void changed(const QSet<QString> &tables);
    // The connection under the feed dropped (server restart, network,
    // pg_terminate_backend): from now on no change is reported. Emitted once;
    // state() is Lost. Noticed within Settings::healthCheckMs of the client
    // library seeing the drop: at once when the server closes the
    // connection; a silent network cut only once TCP gives up on it.
    void connectionLost(const Concord::Error &error);

private:
    void onNotification(const QString &name, const QVariant &payload);
    void checkHealth();
    void flush();

    Database &m_db;
    Settings m_settings;
    State m_state = State::Inert;
    QSet<QString> m_pending;
    QTimer m_window;
    QElapsedTimer m_sinceEmit;
    QTimer m_health;
};

} // namespace Concord::Store
