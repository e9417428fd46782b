#pragma once

// A scripted HTTP server on 127.0.0.1 for connector tests: records every
// request and answers through a handler the test sets. Header-only (tests
// under tests/connectors include it by relative path); no QObject.

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QList>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <utility>

namespace Concord::Test {

struct RecordedRequest {
    QByteArray method;
    QString path;
    QUrlQuery query;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    [[nodiscard]] QByteArray header(QByteArrayView name) const
    {
        for (const auto &field : headers) {
            if (QByteArrayView(field.first).compare(name, Qt::CaseInsensitive) == 0)
                return field.second;
        }
        return {};
    }
    // The body as an application/x-www-form-urlencoded form.
    [[nodiscard]] QUrlQuery form() const
    {
        QByteArray text = body;
        text.replace('+', ' ');
        return QUrlQuery(QString::fromUtf8(text));
    }
};

struct CannedReply {
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    static CannedReply json(QByteArray body, int status = 200)
    {
        return {status, {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}},
                std::move(body)};
    }
};

class LocalHttpServer
{
public:
    using Handler = std::function<CannedReply(const RecordedRequest &)>;

    LocalHttpServer()
    {
        m_server.setMissingHandler(
            [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                RecordedRequest recorded;
                recorded.method = methodName(request.method());
                recorded.path = request.url().path();
                recorded.query = request.query();
                recorded.headers = request.headers();
                recorded.body = request.body();
                requests.append(recorded);
                const CannedReply reply =
                    m_handler ? m_handler(recorded) : CannedReply{404, {}, {}};
                responder.writeStatusLine(
                    static_cast<QHttpServerResponder::StatusCode>(reply.status));
                for (const auto &field : reply.headers)
                    responder.writeHeader(field.first, field.second);
                responder.writeHeader(QByteArrayLiteral("Content-Length"),
                                      QByteArray::number(reply.body.size()));
                responder.writeBody(reply.body);
            });
    }

    // Listens on 127.0.0.1 and a free port; false on failure.
    [[nodiscard]] bool listen()
    {
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
        return m_port != 0;
    }

    void setHandler(Handler handler) { m_handler = std::move(handler); }

    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QUrl url(const QString &path = QStringLiteral("/")) const
    {
        QUrl url;
        url.setScheme(QStringLiteral("http"));
        url.setHost(QStringLiteral("127.0.0.1"));
        url.setPort(m_port);
        url.setPath(path);
        return url;
    }

    QList<RecordedRequest> requests;

private:
    static QByteArray methodName(QHttpServerRequest::Method method)
    {
        switch (method) {
        case QHttpServerRequest::Method::Get: return QByteArrayLiteral("GET");
        case QHttpServerRequest::Method::Put: return QByteArrayLiteral("PUT");
        case QHttpServerRequest::Method::Delete: return QByteArrayLiteral("DELETE");
        case QHttpServerRequest::Method::Post: return QByteArrayLiteral("POST");
        case QHttpServerRequest::Method::Head: return QByteArrayLiteral("HEAD");
        case QHttpServerRequest::Method::Options: return QByteArrayLiteral("OPTIONS");
        case QHttpServerRequest::Method::Patch: return QByteArrayLiteral("PATCH");
        default: return QByteArrayLiteral("OTHER");
        }
    }

    QHttpServer m_server;
    Handler m_handler;
    quint16 m_port = 0;
};

} // namespace Concord::Test
