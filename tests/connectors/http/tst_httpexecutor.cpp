#include "../support/localhttpserver.h"

#include "common/clock.h"
#include "connectors/http/httpexecutor.h"
#include "connectors/http/httpheaders.h"
#include "connectors/http/httpstatus.h"

#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::Connectors;
using Concord::Test::CannedReply;
using Concord::Test::LocalHttpServer;
using Concord::Test::RecordedRequest;

class TestHttpExecutor : public QObject
{
    Q_OBJECT

private:
    const QDateTime m_start = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    ManualClock m_clock{m_start};
    QNetworkAccessManager m_manager;
    std::optional<HttpExecutor> m_executor;
    std::optional<LocalHttpServer> m_server;

    // Runs `request` to its end; the result lands in `out`.
    void run(HttpRequest request, std::optional<Result<HttpResponse>> &out, int timeoutMs = 5000)
    {
        HttpJob *job = m_executor->start(std::move(request));
        int emitted = 0;
        connect(job, &HttpJob::finished, this, [&](const Result<HttpResponse> &result) {
            out = result;
            ++emitted;
        });
        // Never inside start(): the caller connects afterwards.
        QCOMPARE(emitted, 0);
        QTRY_VERIFY_WITH_TIMEOUT(out.has_value(), timeoutMs);
        QCOMPARE(emitted, 1);
    }

private Q_SLOTS:
    void init()
    {
        m_clock.setNow(m_start);
        m_executor.emplace(&m_manager, m_clock);
        m_server.emplace();
        QVERIFY(m_server->listen());
    }

    void cleanup()
    {
        m_executor.reset();
        m_server.reset();
    }

    void headersAreCaseInsensitive()
    {
        HttpHeaders headers{{"Content-Type", "application/json"}};
        headers.append("Set-Cookie", "a=1");
        headers.append("set-cookie", "b=2");
        QCOMPARE(headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(headers.value("CONTENT-TYPE"), QByteArray("application/json"));
        QCOMPARE(headers.values("SET-COOKIE"), (QList<QByteArray>{"a=1", "b=2"}));
        QVERIFY(!headers.contains("Content-Typ"));
        headers.set("SET-COOKIE", "c=3");
        QCOMPARE(headers.values("set-cookie"), QList<QByteArray>{"c=3"});
        headers.remove("content-TYPE");
        QVERIFY(!headers.contains("Content-Type"));
    }

    void getSucceedsWithHeadersAndBody()
    {
        m_server->setHandler([](const RecordedRequest &) {
            return CannedReply{200,
                               {{"Content-Type", "application/json"},
                                {"intuit_tid", "1-abc"},
                                {"X-Custom", "yes"}},
                               R"({"ok":true})"};
        });
        HttpRequest request = HttpRequest::get(m_server->url(u"/v3/company/1/query"_s));
        request.headers.set("Accept", "application/json");
        request.headers.set("X-Trace", "t-1");
        std::optional<Result<HttpResponse>> out;
        run(request, out);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(out->has_value(), qPrintable(out->has_value() ? QString() : out->error().toString()));
        const HttpResponse &response = **out;
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body, QByteArray(R"({"ok":true})"));
        QCOMPARE(response.headers.value("x-custom"), QByteArray("yes"));
        QCOMPARE(response.headers.value("CONTENT-TYPE"), QByteArray("application/json"));
        QCOMPARE(response.requestId(), u"1-abc"_s);
        QVERIFY(response.elapsed.count() >= 0);

        QCOMPARE(m_server->requests.size(), 1);
        const RecordedRequest &seen = m_server->requests.first();
        QCOMPARE(seen.method, QByteArray("GET"));
        QCOMPARE(seen.path, u"/v3/company/1/query"_s);
        QCOMPARE(seen.header("x-trace"), QByteArray("t-1"));
        QCOMPARE(seen.header("accept"), QByteArray("application/json"));
        QVERIFY(seen.header("user-agent").startsWith("Concord/"));
    }

    void postSendsBodyAndMethod()
    {
        m_server->setHandler([](const RecordedRequest &r) {
            return CannedReply{201, {}, r.method + ' ' + r.body};
        });
        std::optional<Result<HttpResponse>> out;
        run(HttpRequest::post(m_server->url(u"/things"_s), R"({"a":1})", "application/json"), out);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(out->has_value());
        QCOMPARE((*out)->status, 201);
        QCOMPARE((*out)->body, QByteArray(R"(POST {"a":1})"));
        QCOMPARE(m_server->requests.first().header("content-type"), QByteArray("application/json"));
    }

    void statusClassification_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<bool>("isError");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<bool>("retryable");
        QTest::addColumn<qint64>("retryAfterMs");

        QTest::newRow("200") << 200 << QByteArray() << false << ErrorCode::Ok << false << 0LL;
        QTest::newRow("400 envelope for the connector")
            << 400 << QByteArray() << false << ErrorCode::Ok << false << 0LL;
        QTest::newRow("404") << 404 << QByteArray() << false << ErrorCode::Ok << false << 0LL;
        QTest::newRow("302 not followed")
            << 302 << QByteArray() << false << ErrorCode::Ok << false << 0LL;
        QTest::newRow("401") << 401 << QByteArray() << true << ErrorCode::Unauthorized << false
                             << 0LL;
        QTest::newRow("429 bare") << 429 << QByteArray() << true << ErrorCode::Throttled << true
                                  << 0LL;
        QTest::newRow("429 seconds")
            << 429 << QByteArray("120") << true << ErrorCode::Throttled << true << 120000LL;
        // m_start + 90 s as an HTTP-date.
        QTest::newRow("429 http-date") << 429 << QByteArray("Mon, 02 Mar 2026 09:01:30 GMT")
                                       << true << ErrorCode::Throttled << true << 90000LL;
        QTest::newRow("429 date in the past")
            << 429 << QByteArray("Mon, 02 Mar 2026 08:00:00 GMT") << true << ErrorCode::Throttled
            << true << 0LL;
        QTest::newRow("429 garbage") << 429 << QByteArray("soon") << true << ErrorCode::Throttled
                                     << true << 0LL;
        QTest::newRow("500") << 500 << QByteArray() << true << ErrorCode::Network << true << 0LL;
        QTest::newRow("502") << 502 << QByteArray() << true << ErrorCode::Network << true << 0LL;
        QTest::newRow("503 retry-after")
            << 503 << QByteArray("7") << true << ErrorCode::Network << true << 7000LL;
    }

    void statusClassification()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, retryAfter);
        QFETCH(bool, isError);
        QFETCH(ErrorCode, code);
        QFETCH(bool, retryable);
        QFETCH(qint64, retryAfterMs);

        m_server->setHandler([&](const RecordedRequest &) {
            CannedReply reply{status, {{"intuit_tid", "tid-9"}}, "body text"};
            if (!retryAfter.isEmpty())
                reply.headers.append({"Retry-After", retryAfter});
            return reply;
        });
        std::optional<Result<HttpResponse>> out;
        run(HttpRequest::get(m_server->url(u"/x"_s)), out);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(!out->has_value(), isError);
        if (!isError) {
            QCOMPARE((*out)->status, status);
            return;
        }
        const Error &error = out->error();
        QCOMPARE(error.code, code);
        QCOMPARE(error.retryable, retryable);
        QCOMPARE(error.retryAfterMs, retryAfterMs);
        QCOMPARE(error.httpStatus, status);
        QCOMPARE(error.requestId, u"tid-9"_s);
        QVERIFY(error.detail.contains(u"body text"_s));
    }

    void rawHandlingReturnsEveryStatus()
    {
        m_server->setHandler([](const RecordedRequest &) {
            return CannedReply::json(R"({"error":"invalid_grant"})", 400);
        });
        HttpRequest request = HttpRequest::get(m_server->url(u"/token"_s));
        request.statusHandling = StatusHandling::Raw;
        std::optional<Result<HttpResponse>> out;
        run(request, out);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(out->has_value());
        QCOMPARE((*out)->status, 400);

        m_server->setHandler([](const RecordedRequest &) { return CannedReply{503, {}, {}}; });
        out.reset();
        run(request, out);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(out->has_value());
        QCOMPARE((*out)->status, 503);
    }

    void timeoutIsRetryableNetworkError()
    {
        // A server that accepts and never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QList<QTcpSocket *> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = silent.nextPendingConnection())
                held.append(socket);
        });
        QUrl url;
        url.setScheme(u"http"_s);
        url.setHost(u"127.0.0.1"_s);
        url.setPort(silent.serverPort());
        url.setPath(u"/slow"_s);
        HttpRequest request = HttpRequest::get(url);
        request.timeout = std::chrono::milliseconds(200);
        std::optional<Result<HttpResponse>> out;
        run(request, out);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!out->has_value());
        QCOMPARE(out->error().code, ErrorCode::Network);
        QVERIFY(out->error().retryable);
        QVERIFY2(out->error().message.contains(u"within 200 ms"_s),
                 qPrintable(out->error().message));
    }

    void connectionRefusedIsRetryableNetworkError()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        } // closed: nothing listens there now
        QUrl url;
        url.setScheme(u"http"_s);
        url.setHost(u"127.0.0.1"_s);
        url.setPort(port);
        std::optional<Result<HttpResponse>> out;
        run(HttpRequest::get(url), out);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!out->has_value());
        QCOMPARE(out->error().code, ErrorCode::Network);
        QVERIFY(out->error().retryable);
        QCOMPARE(out->error().httpStatus, 0);
    }

    void plainHttpToRealHostIsRefused()
    {
        QUrl url(u"http://quickbooks.api.intuit.com/v3/company/1"_s);
        HttpRequest request = HttpRequest::get(url);
        request.headers.set("Authorization", "Bearer secret");
        std::optional<Result<HttpResponse>> out;
        run(request, out);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!out->has_value());
        QCOMPARE(out->error().code, ErrorCode::InvalidConfig);
        QVERIFY(!out->error().message.contains(u"secret"_s));
        QVERIFY(m_server->requests.isEmpty());
    }

    void urlRule_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https host") << u"https://api.hubapi.com/crm/v3"_s << true;
        QTest::newRow("http loopback v4") << u"http://127.0.0.1:8080/"_s << true;
        QTest::newRow("http loopback 127/8") << u"http://127.8.9.10/"_s << true;
        QTest::newRow("http loopback v6") << u"http://[::1]:9000/"_s << true;
        QTest::newRow("http localhost") << u"http://LOCALHOST:1/"_s << true;
        QTest::newRow("http private net") << u"http://10.0.0.1/"_s << false;
        QTest::newRow("http real host") << u"http://api.cal.com/"_s << false;
        QTest::newRow("http localhost lookalike") << u"http://localhost.evil.example/"_s << false;
        QTest::newRow("ftp") << u"ftp://127.0.0.1/"_s << false;
        QTest::newRow("user info") << u"https://user:pw@api.cal.com/"_s << false;
        QTest::newRow("relative") << u"/v3/company"_s << false;
    }

    void urlRule()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        const Status status = HttpExecutor::checkUrl(QUrl(url));
        QCOMPARE(status.has_value(), allowed);
        if (!allowed) {
            QCOMPARE(status.error().code, ErrorCode::InvalidConfig);
            QVERIFY(!status.error().message.contains(u"pw"_s));
        }
    }

    void abortFinishesOnceAsCanceled()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QUrl url;
        url.setScheme(u"http"_s);
        url.setHost(u"127.0.0.1"_s);
        url.setPort(silent.serverPort());
        HttpJob *job = m_executor->start(HttpRequest::get(url));
        int emitted = 0;
        std::optional<Result<HttpResponse>> out;
        connect(job, &HttpJob::finished, this, [&](const Result<HttpResponse> &result) {
            out = result;
            ++emitted;
        });
        job->abort();
        QCOMPARE(emitted, 1);
        QVERIFY(!out->has_value());
        QCOMPARE(out->error().code, ErrorCode::Network);
        QVERIFY(!out->error().retryable);
        QPointer<HttpJob> guard(job);
        QTRY_VERIFY(guard.isNull()); // deletes itself
        QCOMPARE(emitted, 1);
    }

    void retryAfterParsing_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("expected"); // -1 = nullopt
        QTest::newRow("seconds") << QByteArray("60") << 60000LL;
        QTest::newRow("zero") << QByteArray("0") << 0LL;
        QTest::newRow("spaces") << QByteArray(" 5 ") << 5000LL;
        QTest::newRow("negative") << QByteArray("-3") << -1LL;
        QTest::newRow("empty") << QByteArray() << -1LL;
        QTest::newRow("date") << QByteArray("Mon, 02 Mar 2026 09:00:10 GMT") << 10000LL;
        QTest::newRow("huge clamps to a day") << QByteArray("999999999") << 86400000LL;
        QTest::newRow("nonsense") << QByteArray("tomorrow") << -1LL;
    }

    void retryAfterParsing()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, expected);
        const std::optional<qint64> parsed = HttpStatus::parseRetryAfterMs(value, m_start);
        QCOMPARE(parsed.value_or(-1), expected);
    }
};

QTEST_GUILESS_MAIN(TestHttpExecutor)
#include "tst_httpexecutor.moc"
