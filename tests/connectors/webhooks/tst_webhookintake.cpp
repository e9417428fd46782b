// Sync::WebhookReceiver on PostgreSQL (core/sync/webhookreceiver.h): requests
// are served on the receiver's own intake thread with its own connection, so
// a delivery is stored and answered while the owning (sync) thread's event
// loop is busy — the engine applying a batch — and changed() still arrives
// on the owning thread. close() frees the port and stops the thread; listen()
// may follow. (SQLite keeps serving on the owning thread: tst_webhookreceiver.)
//
// concord-test: postgresql-only

#include "common/clock.h"
#include "quickbooks/qbowebhooksender.h"
#include "security/memorysecretstore.h"
#include "security/secretnames.h"
#include "store/database.h"
#include "sync/webhookreceiver.h"
#include "teststore.h"
#include "tutoringsandbox.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using Concord::Domain::System;
using Concord::Sync::WebhookReceiver;

Q_DECLARE_METATYPE(Concord::Domain::System)

namespace {

const QByteArray Verifier = Sandbox::TutoringSandbox::kQuickBooksWebhookVerifier.toUtf8();
const QString Realm = Sandbox::TutoringSandbox::kRealmId.toString();

// A QuickBooks notification of one new payment, signed as Intuit signs.
std::pair<QByteArray, QByteArray> notification(int paymentId)
{
    const QByteArray body = Sandbox::QboWebhookSender::legacyPayload(
        {{Realm, u"Payment"_s, QString::number(paymentId), u"Create"_s, QDateTime::currentDateTimeUtc()}});
    return {body, Sandbox::QboWebhookSender::sign(Verifier, body)};
}

// Posts from a thread of its own, so the test thread can block while the
// requests are answered (or not).
class Sender : public QObject
{
public:
    QSemaphore answered;
    std::atomic<int> ok{0};

    void post(const QUrl &url, const QByteArray &body, const QByteArray &signature)
    {
        if (!m_nam) {
            m_nam = new QNetworkAccessManager(this);
            m_nam->setProxy(QNetworkProxy::NoProxy);
        }
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("intuit-signature", signature);
        request.setTransferTimeout(10'000);
        QNetworkReply *reply = m_nam->post(request, body);
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
                ++ok;
            reply->deleteLater();
            answered.release();
        });
    }

private:
    QNetworkAccessManager *m_nam = nullptr;
};

} // namespace

class TestWebhookIntake : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void answersWhileTheOwningThreadIsBusy_data();
    void answersWhileTheOwningThreadIsBusy();
    void closeFreesThePortAndListenServesAgain();

private:
    struct Stored {
        qint64 rows = -1;
        qint64 distinctKeys = -1;
        qint64 processed = -1;
    };
    [[nodiscard]] Stored stored(System system) const;

    QTemporaryDir m_dir;
    Security::MemorySecretStore m_secrets;
    std::unique_ptr<Store::Database> m_db;
    std::unique_ptr<WebhookReceiver> m_receiver;
    int m_run = 0;
};

void TestWebhookIntake::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_secrets.write(Security::SecretName::QuickBooksWebhookVerifier.toString(), QString::fromUtf8(Verifier))
        .waitForFinished();
}

void TestWebhookIntake::init()
{
    // A fresh database per test function and data row.
    auto db = Store::Database::open(Test::testStoreUrl(m_dir, u"intake%1.sqlite"_s.arg(++m_run), true));
    QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().toString()));
    QCOMPARE((*db)->engine(), Store::Engine::PostgreSQL);
    m_db = std::move(*db);
    m_receiver = std::make_unique<WebhookReceiver>(*m_db, m_secrets, Clock::system());
    const auto port = m_receiver->listen(u"127.0.0.1:0"_s);
    QVERIFY2(port.has_value(), port ? "" : qPrintable(port.error().toString()));
    QTRY_VERIFY(m_receiver->hasLoadedSecrets());
}

void TestWebhookIntake::cleanup()
{
    m_receiver.reset();
    m_db.reset();
}

TestWebhookIntake::Stored TestWebhookIntake::stored(System system) const
{
    Stored s;
    auto q = m_db->query(u"SELECT COUNT(*), COUNT(DISTINCT dedupe_key), COUNT(processed_at) FROM inbound_events "
                         "WHERE system = ?"_s,
                         {Domain::toString(system)});
    if (q && q->next()) {
        s.rows = q->value(0).toLongLong();
        s.distinctKeys = q->value(1).toLongLong();
        s.processed = q->value(2).toLongLong();
    }
    return s;
}

void TestWebhookIntake::answersWhileTheOwningThreadIsBusy_data()
{
    QTest::addColumn<int>("deliveries");
    QTest::newRow("one") << 1;
    QTest::newRow("twenty at once") << 20;
}

void TestWebhookIntake::answersWhileTheOwningThreadIsBusy()
{
    QFETCH(int, deliveries);
    QSignalSpy changed(m_receiver.get(), &WebhookReceiver::changed);
    QThread *changedOn = nullptr;
    connect(m_receiver.get(), &WebhookReceiver::changed, this, [&changedOn] { changedOn = QThread::currentThread(); });

    QThread clientThread;
    Sender sender;
    sender.moveToThread(&clientThread);
    clientThread.start();
    const QUrl url(m_receiver->localUrl().toString() + u"/webhooks/quickbooks"_s);
    for (int i = 0; i < deliveries; ++i) {
        const auto [body, signature] = notification(1000 + i);
        QMetaObject::invokeMethod(&sender, [&sender, url, body, signature] { sender.post(url, body, signature); });
    }
    // This thread (the receiver's owner) does not run its event loop while
    // it waits: every answer comes from the intake thread.
    const bool allAnswered = sender.answered.tryAcquire(deliveries, 10'000);
    clientThread.quit();
    clientThread.wait();
    QVERIFY2(allAnswered, "the receiver did not answer while its owning thread was busy");
    QCOMPARE(sender.ok.load(), deliveries);
    QCOMPARE(m_receiver->counters(System::QuickBooks).accepted, deliveries);
    QCOMPARE(m_receiver->counters(System::QuickBooks).rejected, 0);
    const Stored s = stored(System::QuickBooks);
    QCOMPARE(s.rows, deliveries);
    QCOMPARE(s.distinctKeys, deliveries);
    QCOMPARE(s.processed, 0);

    // The hints reach the owner on its own thread, once its loop runs.
    QTRY_COMPARE(changed.count(), deliveries);
    QCOMPARE(Domain::toString(changed.first().first().value<System>()), Domain::toString(System::QuickBooks));
    QCOMPARE(changedOn, QThread::currentThread());
}

void TestWebhookIntake::closeFreesThePortAndListenServesAgain()
{
    const quint16 first = m_receiver->port();
    m_receiver->close();
    QVERIFY(!m_receiver->isListening());
    QTcpServer probe;
    QVERIFY2(probe.listen(QHostAddress::LocalHost, first), "close() did not free the port");
    probe.close();

    const auto port = m_receiver->listen(u"127.0.0.1:0"_s);
    QVERIFY2(port.has_value(), port ? "" : qPrintable(port.error().toString()));
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    const auto [body, signature] = notification(77);
    QNetworkRequest request(QUrl(m_receiver->localUrl().toString() + u"/webhooks/quickbooks"_s));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("intuit-signature", signature);
    QNetworkReply *reply = nam.post(request, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(10'000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    reply->deleteLater();
    QCOMPARE(stored(System::QuickBooks).rows, 1);
}

QTEST_GUILESS_MAIN(TestWebhookIntake)
#include "tst_webhookintake.moc"
