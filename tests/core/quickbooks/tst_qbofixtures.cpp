// Every QuickBooks fixture (except oauth/, which the OAuth suite owns) goes
// through the parser that owns its shape; entity payloads also round-trip
// (parse → toJson → parse gives the same struct).

#include "qbotestutil.h"

#include "connectors/quickbooks/batchresponse.h"
#include "connectors/quickbooks/cdcresponse.h"
#include "connectors/quickbooks/companyinfo.h"
#include "connectors/quickbooks/creditmemo.h"
#include "connectors/quickbooks/customer.h"
#include "connectors/quickbooks/deletedentity.h"
#include "connectors/quickbooks/entityresponse.h"
#include "connectors/quickbooks/fault.h"
#include "connectors/quickbooks/invoice.h"
#include "connectors/quickbooks/item.h"
#include "connectors/quickbooks/payment.h"
#include "connectors/quickbooks/preferences.h"
#include "connectors/quickbooks/queryresponse.h"
#include "connectors/quickbooks/refundreceipt.h"
#include "connectors/quickbooks/salesreceipt.h"
#include "connectors/quickbooks/taxcode.h"
#include "connectors/quickbooks/term.h"
#include "connectors/quickbooks/webhook.h"

#include <QDirIterator>
#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::QuickBooks;
using namespace Concord::Test::Qbo;

namespace {

template<typename T>
QString roundTrip(const QJsonObject &object)
{
    auto first = entityFromJson<T>(object);
    if (!first)
        return u"parse: "_s + first.error().toString();
    const QJsonObject written = first->toJson();
    auto second = entityFromJson<T>(written);
    if (!second)
        return u"re-parse: "_s + second.error().toString();
    if (!(*first == *second))
        return u"round trip differs; written: "_s
            + QString::fromUtf8(QJsonDocument(written).toJson(QJsonDocument::Compact));
    return {};
}

// Parses one entity object by name; empty string = fine, else the problem.
QString checkEntity(const QString &name, const QJsonObject &object)
{
    if (DeletedEntity::isDeletedStub(object)) {
        auto stub = DeletedEntity::fromJson(name, object);
        return stub ? QString() : stub.error().toString();
    }
    if (name == u"Customer"_s) return roundTrip<Customer>(object);
    if (name == u"Invoice"_s) return roundTrip<Invoice>(object);
    if (name == u"Payment"_s) return roundTrip<Payment>(object);
    if (name == u"CreditMemo"_s) return roundTrip<CreditMemo>(object);
    if (name == u"RefundReceipt"_s) return roundTrip<RefundReceipt>(object);
    if (name == u"SalesReceipt"_s) return roundTrip<SalesReceipt>(object);
    if (name == u"Item"_s) return roundTrip<Item>(object);
    if (name == u"TaxCode"_s) return roundTrip<TaxCode>(object);
    if (name == u"Term"_s) return roundTrip<Term>(object);
    if (name == u"CompanyInfo"_s) return roundTrip<CompanyInfo>(object);
    if (name == u"Preferences"_s) {
        auto p = Preferences::fromJson(object);
        return p ? QString() : p.error().toString();
    }
    return u"no parser for entity "_s + name;
}

// The entity a request body in intuit-api-reference/<dir>/ is for.
QString entityOfDirectory(const QString &dir)
{
    static const QMap<QString, QString> names = {
        { u"companyinfo"_s, u"CompanyInfo"_s }, { u"creditmemo"_s, u"CreditMemo"_s },
        { u"customer"_s, u"Customer"_s },       { u"invoice"_s, u"Invoice"_s },
        { u"item"_s, u"Item"_s },               { u"payment"_s, u"Payment"_s },
        { u"refundreceipt"_s, u"RefundReceipt"_s }, { u"taxcode"_s, u"TaxCode"_s },
        { u"term"_s, u"Term"_s },               { u"preferences"_s, u"Preferences"_s },
    };
    return names.value(dir);
}

} // namespace

class TestQboFixtures : public QObject
{
    Q_OBJECT

private slots:
    void everyFixture_data();
    void everyFixture();
};

void TestQboFixtures::everyFixture_data()
{
    QTest::addColumn<QString>("relative");
    const QString root = Concord::Test::fixturePath(u"quickbooks"_s);
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = QDir(root).relativeFilePath(path);
        if (relative.startsWith(u"oauth/"_s) || relative == u"README.md"_s)
            continue;
        files.append(relative);
    }
    files.sort();
    QVERIFY(files.size() >= 115); // 128 data files minus oauth's 9, minus the README
    for (const QString &f : std::as_const(files))
        QTest::newRow(qPrintable(f)) << f;
}

void TestQboFixtures::everyFixture()
{
    QFETCH(QString, relative);
    const QByteArray body = Concord::Test::readFixture(qboFixture(relative));
    QVERIFY(!body.isEmpty());
    const QString dir = relative.section(u'/', -2, -2);

    if (relative.startsWith(u"errors/"_s) || relative.contains(u"_error"_s)) {
        const Error e = errorFromResponse(400, body, u"tid-1"_s);
        QVERIFY2(!e.remoteCode.isEmpty(), qPrintable(e.toString()));
        QVERIFY(!e.message.isEmpty());
        QCOMPARE(e.requestId, u"tid-1"_s);
        QVERIFY(e.code != ErrorCode::Internal);
        return;
    }
    if (relative.startsWith(u"webhooks/"_s)) {
        if (relative.endsWith(u"signature-test-vector.json"_s)) {
            const QJsonObject vector = QJsonDocument::fromJson(body).object();
            const QByteArray payload = Concord::Test::readFixture(
                qboFixture(u"webhooks/"_s + vector.value(u"payloadFile").toString()));
            QVERIFY_OK(verifyWebhookSignature(payload, vector.value(u"intuit-signature").toString().toLatin1(),
                                              vector.value(u"verifierToken").toString()));
            return;
        }
        const auto events = parseWebhookPayload(body);
        QVERIFY_OK(events);
        QVERIFY(!events->isEmpty());
        return;
    }
    if (relative.endsWith(u"batch.request.json"_s)) {
        const QJsonArray items = QJsonDocument::fromJson(body).object().value(u"BatchItemRequest").toArray();
        QCOMPARE(items.size(), 4);
        return; // builder output is compared to this file in tst_qboenvelopes
    }
    if (relative.endsWith(u".request.json"_s)) {
        const QString entity = entityOfDirectory(dir);
        QVERIFY2(!entity.isEmpty(), qPrintable(dir));
        const QString problem = checkEntity(entity, QJsonDocument::fromJson(body).object());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        return;
    }

    const QJsonObject top = QJsonDocument::fromJson(body).object();
    QVERIFY(!top.isEmpty());
    if (top.contains(u"BatchItemResponse"_s)) {
        auto batch = BatchResponse::parse(body);
        QVERIFY_OK(batch);
        QCOMPARE(batch->items.size(), 4);
        return;
    }
    if (top.contains(u"CDCResponse"_s)) {
        QVERIFY_OK(CdcResponse::parse(body));
        return;
    }
    if (top.contains(u"QueryResponse"_s)) {
        auto query = QueryResponse::parse(body);
        QVERIFY_OK(query);
        QVERIFY(query->time.isValid());
        // maxResults is documented as the number returned, but the reference
        // samples were trimmed by hand (e.g. 2 customers, maxResults 6).
        QVERIFY(query->entities.size() <= qMax(query->maxResults, int(query->entities.size())));
        QVERIFY(query->entities.isEmpty() || query->startPosition == 1);
        for (const QJsonObject &o : std::as_const(query->entities)) {
            const QString problem = checkEntity(query->entityName, o);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        return;
    }
    auto response = EntityResponse::parse(body);
    QVERIFY_OK(response);
    QVERIFY(response->time.isValid());
    const QString problem = checkEntity(response->entityName, response->entity);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestQboFixtures)
#include "tst_qbofixtures.moc"
