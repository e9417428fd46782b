// The HubSpot emulator over raw HTTP: paths, status codes, JSON shapes,
// error envelopes, limits, tokens, merge and webhooks as HubSpot documents
// them (hubspot-calcom.md A13), independent of HubSpotClient.
#include "../connectors/support/localhttpserver.h"
#include "common/clock.h"
#include "hubspot/hubspotemulator.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

using namespace Qt::StringLiterals;
using Concord::Sandbox::HubSpotEmulator;

namespace {

struct Answer {
    int status = 0;
    QJsonObject json;
    QJsonArray array;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    [[nodiscard]] QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        return {};
    }
};

} // namespace

class TestHubSpotEmulator : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HubSpotEmulator> m_hs;
    std::unique_ptr<Concord::ManualClock> m_clock;
    QNetworkAccessManager m_nam;
    QString m_token;

    Answer call(const QByteArray &method, const QString &path, const QByteArray &body = {}, QString token = {},
                const QByteArray &contentType = "application/json")
    {
        QUrl url = m_hs->baseUrl();
        const qsizetype q = path.indexOf(u'?');
        url.setPath(q < 0 ? path : path.left(q), QUrl::TolerantMode); // the path is given encoded
        if (q >= 0)
            url.setQuery(path.mid(q + 1));
        QNetworkRequest request(url);
        if (token.isNull())
            token = m_token;
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
        Answer a;
        [&] { QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000); }();
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.body = reply->readAll();
        a.headers = reply->rawHeaderPairs();
        const QJsonDocument doc = QJsonDocument::fromJson(a.body);
        a.json = doc.object();
        a.array = doc.array();
        reply->deleteLater();
        return a;
    }
    Answer post(const QString &path, const QJsonObject &body) { return call("POST", path, QJsonDocument(body).toJson()); }

private Q_SLOTS:
    void init()
    {
        m_clock = std::make_unique<Concord::ManualClock>(QDateTime(QDate(2026, 3, 10), QTime(17, 0), Qt::UTC));
        m_hs = std::make_unique<HubSpotEmulator>();
        m_hs->setClock(m_clock.get());
        m_hs->setThrottlingEnabled(false);
        QVERIFY(m_hs->listen());
        m_token = m_hs->auth().defaultPrivateAppToken();
        QVERIFY(m_token.startsWith(u"pat-na1-"_s));
    }
    void cleanup() { m_hs.reset(); }

    void bothPathFamiliesAndStatusCodes()
    {
        const Answer created = post(u"/crm/v3/objects/contacts"_s,
                                    {{u"properties"_s, QJsonObject{{u"email"_s, u"Bcooper@Biglytics.net"_s},
                                                                   {u"firstname"_s, u"Bryan"_s}}}});
        QCOMPARE(created.status, 201);
        const QString id = created.json.value(u"id"_s).toString();
        QVERIFY(!id.isEmpty());
        const QJsonObject props = created.json.value(u"properties"_s).toObject();
        QCOMPARE(props.value(u"email"_s).toString(), u"bcooper@biglytics.net"_s);
        QCOMPARE(props.value(u"hs_object_id"_s).toString(), id); // strings, always
        QCOMPARE(props.value(u"createdate"_s).toString(), u"2026-03-10T17:00:00.000Z"_s);
        QCOMPARE(created.json.value(u"archived"_s).toBool(true), false);
        QVERIFY(!created.header("X-HubSpot-Correlation-Id").isEmpty());
        QCOMPARE(created.header("X-HubSpot-RateLimit-Interval-Milliseconds"), QByteArray("10000"));

        const Answer dated = call("GET", u"/crm/objects/2026-03/contacts/%1?properties=email,phone"_s.arg(id));
        QCOMPARE(dated.status, 200);
        QVERIFY(dated.json.value(u"properties"_s).toObject().value(u"phone"_s).isNull()); // asked, empty: null
        const Answer byEmail = call("GET", u"/crm/v3/objects/contacts/bcooper%40biglytics.net?idProperty=email"_s);
        QCOMPARE(byEmail.status, 200);
        QCOMPARE(byEmail.json.value(u"id"_s).toString(), id);
        const Answer patched = call("PATCH", u"/crm/v3/objects/contacts/"_s + id,
                                    R"({"properties":{"lastname":"Cooper"}})");
        QCOMPARE(patched.status, 200);
        const Answer archived = call("DELETE", u"/crm/v3/objects/contacts/"_s + id);
        QCOMPARE(archived.status, 204);
        QVERIFY(archived.body.isEmpty());
        const Answer gone = call("GET", u"/crm/v3/objects/contacts/"_s + id);
        QCOMPARE(gone.status, 404);
        QCOMPARE(gone.json.value(u"status"_s).toString(), u"error"_s);
        QCOMPARE(gone.json.value(u"message"_s).toString(), u"resource not found"_s);
        QVERIFY(!gone.json.value(u"correlationId"_s).toString().isEmpty());
    }

    void conflictAndValidationEnvelopes()
    {
        const auto existing = m_hs->seedContact({{u"email"_s, u"a@example.com"_s}});
        QVERIFY(existing.has_value());
        const Answer dup = post(u"/crm/v3/objects/contacts"_s, {{u"properties"_s, QJsonObject{{u"email"_s, u"A@example.com"_s}}}});
        QCOMPARE(dup.status, 409);
        QCOMPARE(dup.json.value(u"category"_s).toString(), u"CONFLICT"_s);
        QCOMPARE(dup.json.value(u"message"_s).toString(),
                 u"Contact already exists. Existing ID: %1"_s.arg(existing->value(u"id"_s).toString()));
        const Answer unknown = post(u"/crm/v3/objects/contacts"_s, {{u"properties"_s, QJsonObject{{u"shoe_size"_s, u"9"_s}}}});
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.json.value(u"category"_s).toString(), u"VALIDATION_ERROR"_s);
        QCOMPARE(unknown.json.value(u"errors"_s).toArray().first().toObject().value(u"code"_s).toString(),
                 u"PROPERTY_DOESNT_EXIST"_s);
        // The results inside the message are JSON text, quotes escaped.
        const QString text = unknown.json.value(u"message"_s).toString();
        const QJsonArray results = QJsonDocument::fromJson(text.mid(text.indexOf(u'[')).toUtf8()).array();
        QCOMPARE(results.first().toObject().value(u"message"_s).toString(), u"Property \"shoe_size\" does not exist"_s);
        QCOMPARE(results.first().toObject().value(u"name"_s).toString(), u"shoe_size"_s);
        const Answer notJson = call("POST", u"/crm/v3/objects/contacts"_s, "{nope");
        QCOMPARE(notJson.status, 400);
        QCOMPARE(m_hs->portal().count(u"contacts"_s), 1);
    }

    // HubSpot checks the format of `email` on every contact write and answers
    // the property results inside the message text (hserror.h). Only what
    // surely fails RFC 2822 is refused; the rest must pass.
    void emailFormat_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("comma for the dot") << u"dan.wu@example,com"_s << false;
        QTest::newRow("space inside") << u"dan wu@example.com"_s << false;
        QTest::newRow("no at") << u"dan.wu.example.com"_s << false;
        QTest::newRow("two ats") << u"dan@wu@example.com"_s << false;
        QTest::newRow("no domain dot") << u"dan.wu@example"_s << false;
        QTest::newRow("empty label") << u"dan.wu@example..com"_s << false;
        QTest::newRow("leading dot") << u".dan@example.com"_s << false;
        QTest::newRow("no domain") << u"dan.wu@"_s << false;
        QTest::newRow("no local part") << u"@example.com"_s << false;
        QTest::newRow("display form") << u"Dan <dan@example.com>"_s << false;
        QTest::newRow("quoted local part") << u"\"dan wu\"@example.com"_s << false;
        QTest::newRow("plus tag and capitals") << u"Dan.Wu+tutoring@Example.com"_s << true;
        QTest::newRow("spaces around") << u"  dan.wu@example.com "_s << true;
        QTest::newRow("apostrophe") << u"o'brien@example.com"_s << true;
        QTest::newRow("unknown tld") << u"dan@mail.example"_s << true;
    }
    void emailFormat()
    {
        QFETCH(QString, email);
        QFETCH(bool, accepted);
        const Answer created = post(u"/crm/v3/objects/contacts"_s,
                                    {{u"properties"_s, QJsonObject{{u"email"_s, email}, {u"firstname"_s, u"Dan"_s}}}});
        if (accepted) {
            QCOMPARE(created.status, 201);
            QCOMPARE(created.json.value(u"properties"_s).toObject().value(u"email"_s).toString(),
                     email.trimmed().toLower());
            return;
        }
        QCOMPARE(created.status, 400);
        QCOMPARE(created.json.value(u"status"_s).toString(), u"error"_s);
        QCOMPARE(created.json.value(u"category"_s).toString(), u"VALIDATION_ERROR"_s);
        QVERIFY(!created.json.value(u"correlationId"_s).toString().isEmpty());
        QVERIFY(!created.json.contains(u"errors"_s)); // as captured: the results are in the message only
        const QString prefix = u"Property values were not valid: "_s;
        const QString message = created.json.value(u"message"_s).toString();
        QVERIFY2(message.startsWith(prefix), qPrintable(message));
        // The embedded list is JSON, the value escaped and written as sent (trimmed).
        const QJsonArray results = QJsonDocument::fromJson(message.mid(prefix.size()).toUtf8()).array();
        QCOMPARE(results.size(), 1);
        const QJsonObject result = results.first().toObject();
        QCOMPARE(result.value(u"isValid"_s).toBool(true), false);
        QCOMPARE(result.value(u"error"_s).toString(), u"INVALID_EMAIL"_s);
        QCOMPARE(result.value(u"name"_s).toString(), u"email"_s);
        QCOMPARE(result.value(u"message"_s).toString(), u"Email address %1 is invalid"_s.arg(email.trimmed()));
        QCOMPARE(m_hs->portal().count(u"contacts"_s), 0);
    }

    void invalidEmailIsRefusedOnEveryWrite()
    {
        const auto existing = m_hs->seedContact({{u"email"_s, u"dan.wu@example.com"_s}});
        QVERIFY(existing.has_value());
        const QString id = existing->value(u"id"_s).toString();
        const QString typo = u"dan.wu@example,com"_s;
        const QString expected =
            uR"(Property values were not valid: [{"isValid":false,"message":"Email address dan.wu@example,com is invalid","error":"INVALID_EMAIL","name":"email"}])"_s;
        const Answer patched = call("PATCH", u"/crm/v3/objects/contacts/"_s + id,
                                    QJsonDocument(QJsonObject{{u"properties"_s, QJsonObject{{u"email"_s, typo}}}}).toJson());
        QCOMPARE(patched.status, 400);
        QCOMPARE(patched.json.value(u"message"_s).toString(), expected);
        // Batches: one bad input refuses the whole batch with the same answer
        // (HubSpot's v1 batch documents this; v3 "follows the same rules as
        // creating an individual object" — the whole-batch part is unverified).
        const Answer batch = post(u"/crm/v3/objects/contacts/batch/create"_s,
                                  {{u"inputs"_s, QJsonArray{QJsonObject{{u"properties"_s, QJsonObject{{u"email"_s, u"ok@example.com"_s}}}},
                                                            QJsonObject{{u"properties"_s, QJsonObject{{u"email"_s, typo}}}}}}});
        QCOMPARE(batch.status, 400);
        QCOMPARE(batch.json.value(u"message"_s).toString(), expected);
        const Answer upsert = post(u"/crm/v3/objects/contacts/batch/upsert"_s,
                                   {{u"inputs"_s, QJsonArray{QJsonObject{{u"id"_s, typo}, {u"idProperty"_s, u"email"_s},
                                                                         {u"properties"_s, QJsonObject{{u"firstname"_s, u"Dan"_s}}}}}}});
        QCOMPARE(upsert.status, 400);
        QCOMPARE(upsert.json.value(u"message"_s).toString(), expected);
        const Answer update = post(u"/crm/v3/objects/contacts/batch/update"_s,
                                   {{u"inputs"_s, QJsonArray{QJsonObject{{u"id"_s, id},
                                                                         {u"properties"_s, QJsonObject{{u"email"_s, typo}}}}}}});
        QCOMPARE(update.status, 400);
        QCOMPARE(update.json.value(u"message"_s).toString(), expected);
        // Nothing was written: one contact, its address unchanged.
        QCOMPARE(m_hs->portal().count(u"contacts"_s), 1);
        QCOMPARE(m_hs->portal().find(u"contacts"_s, id.toLongLong())->props.value(u"email"_s), u"dan.wu@example.com"_s);
    }

    void batchShapes()
    {
        QJsonArray inputs;
        for (int i = 0; i < 101; ++i)
            inputs.append(QJsonObject{{u"properties"_s, QJsonObject{{u"email"_s, u"x%1@example.com"_s.arg(i)}}}});
        QCOMPARE(post(u"/crm/v3/objects/contacts/batch/create"_s, {{u"inputs"_s, inputs}}).status, 400); // > 100
        inputs.removeLast();
        const Answer created = post(u"/crm/v3/objects/contacts/batch/create"_s, {{u"inputs"_s, inputs}});
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json.value(u"status"_s).toString(), u"COMPLETE"_s);
        QCOMPARE(created.json.value(u"results"_s).toArray().size(), 100);
        const Answer upsert = post(u"/crm/v3/objects/contacts/batch/upsert"_s,
                                   {{u"inputs"_s, QJsonArray{QJsonObject{{u"id"_s, u"x1@example.com"_s}, {u"idProperty"_s, u"email"_s},
                                                                         {u"properties"_s, QJsonObject{{u"firstname"_s, u"One"_s}}}},
                                                             QJsonObject{{u"id"_s, u"fresh@example.com"_s}, {u"idProperty"_s, u"email"_s},
                                                                         {u"properties"_s, QJsonObject{{u"firstname"_s, u"New"_s}}}}}}});
        QCOMPARE(upsert.status, 200);
        QCOMPARE(upsert.json.value(u"results"_s).toArray().at(0).toObject().value(u"new"_s).toBool(true), false);
        QCOMPARE(upsert.json.value(u"results"_s).toArray().at(1).toObject().value(u"new"_s).toBool(false), true);
        const Answer read = post(u"/crm/v3/objects/contacts/batch/read"_s,
                                 {{u"inputs"_s, QJsonArray{QJsonObject{{u"id"_s, u"1"_s}}}}});
        QCOMPARE(read.status, 207);
        QCOMPARE(read.json.value(u"numErrors"_s).toInt(), 1);
        QCOMPARE(m_hs->portal().count(u"contacts"_s), 101);
    }

    void searchSemanticsAndCap()
    {
        m_hs->portal().setSearchResultCap(30);
        const qint64 t0 = QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        m_hs->seedBulkContacts(40, t0, 1000);
        const auto query = [&](const QJsonObject &extra) {
            QJsonObject body{{u"filterGroups"_s, QJsonArray{QJsonObject{{u"filters"_s, QJsonArray{
                                  QJsonObject{{u"propertyName"_s, u"lastmodifieddate"_s}, {u"operator"_s, u"GTE"_s},
                                              {u"value"_s, QString::number(t0 + 5000)}}}}}}},
                             {u"sorts"_s, QJsonArray{u"-lastmodifieddate"_s}}};
            for (auto it = extra.begin(); it != extra.end(); ++it)
                body.insert(it.key(), it.value());
            return post(u"/crm/v3/objects/contacts/search"_s, body);
        };
        const Answer first = query({{u"limit"_s, 10}});
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json.value(u"total"_s).toInt(), 35);
        QCOMPARE(first.json.value(u"results"_s).toArray().size(), 10);
        // "-name" sorts descending: the newest first.
        QCOMPARE(first.json.value(u"results"_s).toArray().first().toObject().value(u"properties"_s).toObject()
                     .value(u"lastmodifieddate"_s).toString(),
                 QDateTime::fromMSecsSinceEpoch(t0 + 39000, Qt::UTC).toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s) + u'Z');
        QCOMPARE(first.json.value(u"paging"_s).toObject().value(u"next"_s).toObject().value(u"after"_s).toString(), u"10"_s);
        // The last reachable page stops at the cap, without paging; past it, 400.
        const Answer last = query({{u"limit"_s, 10}, {u"after"_s, u"20"_s}});
        QCOMPARE(last.json.value(u"results"_s).toArray().size(), 10);
        QVERIFY(!last.json.contains(u"paging"_s));
        QCOMPARE(query({{u"limit"_s, 10}, {u"after"_s, u"30"_s}}).status, 400);
        QCOMPARE(query({{u"limit"_s, 201}}).status, 400);
        // A bare date: the category-less 400 seen in the wild.
        const Answer bare = post(u"/crm/v3/objects/contacts/search"_s,
                                 {{u"filterGroups"_s, QJsonArray{QJsonObject{{u"filters"_s, QJsonArray{QJsonObject{
                                      {u"propertyName"_s, u"lastmodifieddate"_s}, {u"operator"_s, u"GTE"_s}, {u"value"_s, u"2020-11-15"_s}}}}}}}});
        QCOMPARE(bare.status, 400);
        QCOMPARE(bare.json.value(u"message"_s).toString(), u"There was a problem with the request."_s);
        QVERIFY(!bare.json.contains(u"category"_s));
    }

    void searchIndexingLag()
    {
        m_hs->portal().setSearchIndexLagMs(2000);
        QVERIFY(m_hs->seedContact({{u"email"_s, u"late@example.com"_s}}).has_value());
        const QJsonObject body{{u"filterGroups"_s, QJsonArray{QJsonObject{{u"filters"_s, QJsonArray{QJsonObject{
            {u"propertyName"_s, u"email"_s}, {u"operator"_s, u"EQ"_s}, {u"value"_s, u"late@example.com"_s}}}}}}}};
        QCOMPARE(post(u"/crm/v3/objects/contacts/search"_s, body).json.value(u"total"_s).toInt(), 0);
        m_clock->advanceSecs(3);
        QCOMPARE(post(u"/crm/v3/objects/contacts/search"_s, body).json.value(u"total"_s).toInt(), 1);
    }

    void limitsAnswer429()
    {
        m_hs->setThrottlingEnabled(true);
        auto limits = m_hs->limiter().limits();
        limits.burstPer10s = 2;
        m_hs->limiter().setLimits(limits);
        QCOMPARE(call("GET", u"/account-info/v3/details"_s).status, 200);
        const Answer second = call("GET", u"/account-info/v3/details"_s);
        QCOMPARE(second.header("X-HubSpot-RateLimit-Remaining"), QByteArray("0"));
        const Answer third = call("GET", u"/account-info/v3/details"_s);
        QCOMPARE(third.status, 429);
        QCOMPARE(third.json.value(u"errorType"_s).toString(), u"RATE_LIMIT"_s);
        QCOMPARE(third.json.value(u"policyName"_s).toString(), u"SECONDLY"_s);
        QCOMPARE(third.json.value(u"message"_s).toString(), u"You have reached your ten_secondly_rolling limit."_s);
        QCOMPARE(third.header("X-HubSpot-RateLimit-Max"), QByteArray("2"));

        limits.burstPer10s = 100;
        m_hs->limiter().setLimits(limits);
        const QJsonObject search{{u"limit"_s, 1}};
        int ok = 0;
        int refused = 0;
        for (int i = 0; i < 7; ++i) {
            const Answer a = post(u"/crm/v3/objects/contacts/search"_s, search);
            ok += a.status == 200 ? 1 : 0;
            if (a.status == 429) {
                ++refused;
                QVERIFY(a.header("X-HubSpot-RateLimit-Interval-Milliseconds").isEmpty()); // none on search
            }
        }
        QVERIFY2(ok <= 5 && refused >= 2, qPrintable(u"%1 ok, %2 refused"_s.arg(ok).arg(refused)));
    }

    void tokensAndTheirExpiry()
    {
        // HubSpot takes the client credentials in the form, not Basic auth.
        const QByteArray form = "grant_type=refresh_token&refresh_token=%1&client_id=" + m_hs->auth().clientId().toUtf8()
            + "&client_secret=" + m_hs->auth().clientSecret().toUtf8();
        const auto grant = m_hs->auth().issue();
        const Answer refreshed = call("POST", u"/oauth/v1/token"_s, QByteArray(form).replace("%1", grant.refreshToken.toUtf8()), u""_s,
                                      "application/x-www-form-urlencoded");
        QCOMPARE(refreshed.status, 200);
        QCOMPARE(refreshed.json.value(u"expires_in"_s).toInt(), 1800);
        QCOMPARE(refreshed.json.value(u"refresh_token"_s).toString(), grant.refreshToken); // not rotated
        const QString access = refreshed.json.value(u"access_token"_s).toString();
        QCOMPARE(call("GET", u"/account-info/v3/details"_s, {}, access).status, 200);
        m_clock->advanceSecs(1801);
        const Answer expired = call("GET", u"/account-info/v3/details"_s, {}, access);
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.json.value(u"category"_s).toString(), u"EXPIRED_AUTHENTICATION"_s);
        QCOMPARE(expired.json.value(u"message"_s).toString(), u"The OAuth token used to make this call expired 1 second(s) ago."_s);
        const Answer badRefresh = call("POST", u"/oauth/v1/token"_s, QByteArray(form).replace("%1", "nope"), u""_s,
                                       "application/x-www-form-urlencoded");
        QCOMPARE(badRefresh.status, 400);
        QCOMPARE(badRefresh.json.value(u"status"_s).toString(), u"BAD_REFRESH_TOKEN"_s);
        QCOMPARE(call("GET", u"/account-info/v3/details"_s, {}, u""_s).json.value(u"category"_s).toString(),
                 u"INVALID_AUTHENTICATION"_s);
    }

    void mergeAndItsWebhooks()
    {
        Concord::Test::LocalHttpServer receiver;
        QVERIFY(receiver.listen());
        receiver.setHandler([](const Concord::Test::RecordedRequest &) { return Concord::Test::CannedReply{204, {}, {}}; });
        m_hs->setWebhook(receiver.url(u"/hook"_s), "secret");
        const QString a = m_hs->seedContact({{u"email"_s, u"a@example.com"_s}})->value(u"id"_s).toString();
        const QString b = m_hs->seedContact({{u"email"_s, u"b@example.com"_s}, {u"firstname"_s, u"Bea"_s}})->value(u"id"_s).toString();
        const Answer merged = post(u"/crm/v3/objects/contacts/merge"_s, {{u"primaryObjectId"_s, a}, {u"objectIdToMerge"_s, b}});
        QCOMPARE(merged.status, 200);
        const QString survivor = merged.json.value(u"id"_s).toString();
        QVERIFY(survivor != a && survivor != b);
        QCOMPARE(call("GET", u"/crm/v3/objects/contacts/"_s + b).json.value(u"id"_s).toString(), survivor);
        QCOMPARE(m_hs->record(u"contacts"_s, survivor).value(u"properties"_s).toObject().value(u"firstname"_s).toString(), u"Bea"_s);

        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests.size(), 1, 5000);
        const auto &delivery = receiver.requests.first();
        // Signatures computed here from the documented recipes.
        const QByteArray ts = delivery.header("X-HubSpot-Request-Timestamp");
        QCOMPARE(ts, QByteArray::number(m_clock->nowUtc().toMSecsSinceEpoch()));
        QCOMPARE(delivery.header("X-HubSpot-Signature-Version"), QByteArray("v1"));
        QCOMPARE(delivery.header("X-HubSpot-Signature"),
                 QCryptographicHash::hash("secret" + delivery.body, QCryptographicHash::Sha256).toHex());
        const QByteArray source = "POST" + receiver.url(u"/hook"_s).toEncoded() + delivery.body + ts;
        QCOMPARE(delivery.header("X-HubSpot-Signature-v3"),
                 QMessageAuthenticationCode::hash(source, "secret", QCryptographicHash::Sha256).toBase64());
        const QJsonArray events = QJsonDocument::fromJson(delivery.body).array();
        QCOMPARE(events.size(), 2);
        const QJsonObject merge = events.at(0).toObject();
        QCOMPARE(merge.value(u"subscriptionType"_s).toString(), u"contact.merge"_s);
        QCOMPARE(QString::number(merge.value(u"newObjectId"_s).toInteger()), survivor);
        QCOMPARE(QString::number(merge.value(u"mergedObjectIds"_s).toArray().first().toInteger()), b);
        QCOMPARE(events.at(1).toObject().value(u"subscriptionType"_s).toString(), u"contact.deletion"_s);
        QCOMPARE(merge.value(u"attemptNumber"_s).toInt(-1), 0);
    }

    void failedDeliveriesAreRetriedWithAttemptNumber()
    {
        Concord::Test::LocalHttpServer receiver;
        QVERIFY(receiver.listen());
        int calls = 0;
        receiver.setHandler([&calls](const Concord::Test::RecordedRequest &) {
            return Concord::Test::CannedReply{++calls < 3 ? 500 : 200, {}, {}};
        });
        m_hs->setWebhook(receiver.url(u"/hook"_s), "secret");
        m_hs->webhooks()->setRetryDelayMs(5);
        const QString id = m_hs->seedContact({{u"email"_s, u"a@example.com"_s}})->value(u"id"_s).toString();
        QVERIFY(m_hs->editContact(id, {{u"firstname"_s, u"Ann"_s}}).has_value());
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests.size(), 3, 5000);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(QJsonDocument::fromJson(receiver.requests.at(i).body).array().first().toObject()
                         .value(u"attemptNumber"_s).toInt(), i);
    }

    void adminApi()
    {
        const Answer seeded = call("POST", u"/__admin/seed"_s,
                                   R"({"contacts":[{"properties":{"email":"p@example.com","firstname":"Priya"}}],
                                       "deals":[{"properties":{"dealname":"D","pipeline":"default","dealstage":"closedwon"}}]})",
                                   u""_s);
        QCOMPARE(seeded.status, 200);
        const QString id = seeded.json.value(u"contacts"_s).toArray().first().toObject().value(u"id"_s).toString();
        QCOMPARE(call("POST", u"/__admin/actions/edit-contact"_s,
                      QJsonDocument(QJsonObject{{u"id"_s, id}, {u"properties"_s, QJsonObject{{u"lastname"_s, u"Patel"_s}}}}).toJson(),
                      u""_s).status, 200);
        const Answer dup = call("POST", u"/__admin/actions/duplicate-contact"_s,
                                QJsonDocument(QJsonObject{{u"id"_s, id}, {u"email"_s, u"priya.p@example.com"_s}}).toJson(), u""_s);
        QCOMPARE(dup.status, 200);
        QCOMPARE(dup.json.value(u"properties"_s).toObject().value(u"firstname"_s).toString(), u"Priya"_s);
        QCOMPARE(m_hs->portal().count(u"contacts"_s), 2);
        QCOMPARE(call("POST", u"/__admin/faults"_s, R"({"pathContains":"/account-info","status":503})", u""_s).status, 200);
        QCOMPARE(call("GET", u"/account-info/v3/details"_s).status, 503);
        QCOMPARE(call("GET", u"/account-info/v3/details"_s).status, 200);
        const Answer log = call("GET", u"/__admin/log"_s, {}, u""_s);
        QVERIFY(log.json.value(u"entries"_s).toArray().size() >= 5);
        const Answer state = call("GET", u"/__admin/state/contacts"_s, {}, u""_s);
        QCOMPARE(state.json.value(u"results"_s).toArray().size(), 2);
        const Answer pipelines = call("GET", u"/crm/v3/pipelines/deals"_s);
        QCOMPARE(pipelines.json.value(u"results"_s).toArray().first().toObject().value(u"stages"_s).toArray().size(), 7);
    }
};

QTEST_GUILESS_MAIN(TestHubSpotEmulator)
#include "tst_hubspotemulator.moc"
