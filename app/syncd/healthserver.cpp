#include "healthserver.h"

#include "services/synchost.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTcpServer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHealth, "concord.syncd.health", QtInfoMsg)

namespace Concord::Syncd {

namespace {

using StatusCode = QHttpServerResponder::StatusCode;

// [syncd] health_listen was checked by Config::load (same rule as [webhooks]
// listen); this only turns it into an address.
Result<std::pair<QHostAddress, quint16>> parse(const QString &hostPort)
{
    static const QRegularExpression pattern(u"^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+):([0-9]{1,5})$"_s);
    const QRegularExpressionMatch m = pattern.match(hostPort.trimmed());
    if (!m.hasMatch() || m.captured(2).toInt() > 65535)
        return fail(ErrorCode::InvalidConfig,
                    u"[syncd] health_listen: expected host:port such as 127.0.0.1:8791, got '%1'"_s.arg(hostPort));
    QString host = m.captured(1);
    if (host.startsWith(u'['))
        host = host.mid(1, host.size() - 2);
    const QHostAddress address = host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0
        ? QHostAddress(QHostAddress::LocalHost)
        : QHostAddress(host);
    if (address.isNull())
        return fail(ErrorCode::InvalidConfig,
                    u"[syncd] health_listen: '%1' is not an IP address (or localhost)"_s.arg(host));
    return std::pair{address, quint16(m.captured(2).toInt())};
}

QHttpServerResponse methodNotAllowed()
{
    QHttpServerResponse r(QByteArrayLiteral("text/plain"), QByteArrayLiteral("only GET\n"),
                          StatusCode::MethodNotAllowed);
    r.setHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("GET, HEAD"));
    return r;
}

bool isGet(const QHttpServerRequest &request)
{
    return request.method() == QHttpServerRequest::Method::Get
        || request.method() == QHttpServerRequest::Method::Head;
}

} // namespace

HealthServer::HealthServer(Snapshot snapshot, QObject *parent)
    : QObject(parent)
    , m_snapshot(std::move(snapshot))
{
}

HealthServer::~HealthServer()
{
    close();
}

Result<quint16> HealthServer::listen(const QString &hostPort)
{
    if (m_server)
        return fail(ErrorCode::InvalidArgument, u"the health endpoint already listens on %1"_s.arg(m_address));
    const auto address = parse(hostPort);
    if (!address)
        return std::unexpected(address.error());
    auto *server = new QHttpServer(this);
    auto *tcp = new QTcpServer(server);
    if (!tcp->listen(address->first, address->second)) {
        const QString reason = tcp->errorString();
        delete server;
        return fail(ErrorCode::InvalidConfig,
                    u"cannot listen for health checks on %1: %2 ([syncd] health_listen)"_s.arg(hostPort, reason));
    }
    server->route(u"/healthz"_s, [](const QHttpServerRequest &request) {
        if (!isGet(request))
            return methodNotAllowed();
        // Answered from the event loop: that it is answered at all is the news.
        return QHttpServerResponse(QByteArrayLiteral("text/plain"), QByteArrayLiteral("ok\n"), StatusCode::Ok);
    });
    const auto ready = [this](const QHttpServerRequest &request) {
        if (!isGet(request))
            return methodNotAllowed();
        const Services::SyncHealth health = m_snapshot();
        if (!health.ready())
            qCDebug(lcHealth).noquote() << "not ready:" << health.reasons.join(u"; "_s);
        return QHttpServerResponse(QByteArrayLiteral("application/json"), health.toJson(),
                                   health.ready() ? StatusCode::Ok : StatusCode::ServiceUnavailable);
    };
    server->route(u"/readyz"_s, ready);
    server->route(u"/health"_s, ready);
    server->setMissingHandler([](const QHttpServerRequest &, QHttpServerResponder &&responder) {
        responder.write(QByteArrayLiteral("no such path; use /healthz, /readyz or /health\n"),
                        QByteArrayLiteral("text/plain"), StatusCode::NotFound);
    });
    server->bind(tcp);
    m_server = server;
    const QHostAddress bound = tcp->serverAddress();
    m_address = (bound.protocol() == QAbstractSocket::IPv6Protocol ? u"[%1]:%2"_s : u"%1:%2"_s)
                    .arg(bound.toString())
                    .arg(tcp->serverPort());
    qCInfo(lcHealth).noquote() << "health checks on" << m_address << "(/healthz, /readyz)";
    return tcp->serverPort();
}

void HealthServer::close()
{
    if (!m_server)
        return;
    const QList<QTcpServer *> servers = m_server->servers();
    for (QTcpServer *tcp : servers)
        tcp->close();
    m_server->deleteLater();
    m_server.clear();
}

} // namespace Concord::Syncd
