#include "store/changefeed.h"

#include "common/logging.h"
#include "store/database.h"

#include <QSqlDriver>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace Concord::Store {

QString ChangeFeed::channel()
{
    return u"concord_changes"_s;
}

QString ChangeFeed::anyTable()
{
    return u"*"_s;
}

ChangeFeed::ChangeFeed(Database &db, QObject *parent)
    : ChangeFeed(db, Settings{}, parent)
{
}

ChangeFeed::ChangeFeed(Database &db, Settings settings, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_settings(settings)
    , m_window(this) // children: they follow the feed to its thread
    , m_health(this)
{
    m_window.setSingleShot(true);
    connect(&m_window, &QTimer::timeout, this, &ChangeFeed::flush);
    connect(&m_health, &QTimer::timeout, this, &ChangeFeed::checkHealth);
}

ChangeFeed::~ChangeFeed()
{
    stop();
}

Status ChangeFeed::start()
{
    if (m_state == State::Listening || m_db.engine() != Engine::PostgreSQL)
        return {};
    QSqlDriver *driver = m_db.handle().driver();
    if (!driver || !driver->hasFeature(QSqlDriver::EventNotifications))
        return fail(ErrorCode::Storage, u"the store's SQL driver cannot deliver change notifications"_s);
    if (!driver->subscribeToNotification(channel())) {
        return fail(ErrorCode::Storage, u"cannot listen for changes in the store"_s,
                    driver->lastError().text());
    }
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
                onNotification(name, payload);
            });
    // QSqlDriver signals no lost connection. The driver watches the socket
    // for notifications and, when the server closes it, the client library
    // marks the connection bad; QSqlDriver::isOpen() reads that mark
    // (libpq's PQstatus: client memory, no round trip to the server). So the
    // health check sends nothing to the store: it is not polling.
    m_health.start(m_settings.healthCheckMs);
    m_state = State::Listening;
    qCDebug(lcStore) << "listening for changes on" << channel();
    return {};
}

void ChangeFeed::stop()
{
    m_window.stop();
    m_health.stop();
    m_pending.clear();
    if (m_state != State::Listening) {
        if (m_state == State::Lost)
            m_state = State::Inert;
        return;
    }
    m_state = State::Inert;
    QSqlDriver *driver = m_db.handle().driver();
    if (!driver)
        return;
    disconnect(driver, &QSqlDriver::notification, this, nullptr);
    if (driver->isOpen() && driver->subscribedToNotifications().contains(channel()))
        driver->unsubscribeFromNotification(channel());
}

void ChangeFeed::onNotification(const QString &name, const QVariant &payload)
{
    if (name != channel() || m_state != State::Listening)
        return;
    const QString table = payload.toString();
    m_pending.insert(table.isEmpty() ? anyTable() : table);
    if (m_window.isActive())
        return;
    int delay = m_settings.coalesceMs;
    if (m_sinceEmit.isValid()) {
        const qint64 gapLeft = m_settings.minGapMs - m_sinceEmit.elapsed();
        delay = int(std::max<qint64>(delay, gapLeft));
    }
    m_window.start(delay);
}

void ChangeFeed::checkHealth()
{
    QSqlDriver *driver = m_db.handle().driver();
    if (m_state != State::Listening || (driver && driver->isOpen()))
        return;
    m_health.stop();
    m_window.stop();
    m_state = State::Lost;
    Error error = Error::make(ErrorCode::Storage, u"the connection to the store was lost: changes made elsewhere "
                                                  "no longer show until the store is opened again"_s);
    error.retryable = true;
    qCWarning(lcStore) << "change feed:" << error.message;
    // What arrived before the drop is still news.
    if (!m_pending.isEmpty())
        flush();
    Q_EMIT connectionLost(error);
}

void ChangeFeed::flush()
{
    if (m_pending.isEmpty())
        return;
    m_sinceEmit.start();
    Q_EMIT changed(std::exchange(m_pending, {}));
}

} // namespace Concord::Store
