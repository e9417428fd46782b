// HubSpot model and parsers (core/connectors/hubspot), on the shapes of
// hubspot-calcom.md A2–A11: records, search, batch (207), pipelines, error
// envelopes and their classes, and API versions.
#include "connectors/http/httpheaders.h"
#include "connectors/hubspot/apierror.h"
#include "connectors/hubspot/apiversion.h"
#include "connectors/hubspot/batchresult.h"
#include "connectors/hubspot/contact.h"
#include "connectors/hubspot/crmrecords.h"
#include "connectors/hubspot/pipeline.h"
#include "connectors/hubspot/search.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::HubSpot;

Q_DECLARE_METATYPE(Concord::ErrorCode)

class TestHubSpotModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordOfTheDocs()
    {
        // The record example of A2, verbatim.
        const QByteArray body = R"({"id":"512","properties":{"createdate":"2019-10-30T03:30:17.883Z","email":"bcooper@biglytics.net",
 "firstname":"Bryan","lastname":"Cooper","hs_object_id":"512","lastmodifieddate":"2019-12-07T16:50:06.678Z"},
 "createdAt":"2019-10-30T03:30:17.883Z","updatedAt":"2019-12-07T16:50:06.678Z","archived":false,
 "propertiesWithHistory":{"email":[{"value":"bcooper@biglytics.net","timestamp":"2019-10-30T03:30:17.883Z","sourceType":"CRM_UI","sourceId":"userId:1","updatedByUserId":1}]},
 "associations":{"companies":{"results":[{"id":"77","type":"contact_to_company"}]}}})";
        const auto object = CrmObject::parse(body);
        QVERIFY(object.has_value());
        QCOMPARE(object->id, u"512"_s);
        QCOMPARE(object->value(u"email"_s), u"bcooper@biglytics.net"_s);
        QCOMPARE(object->createdAt, QDateTime(QDate(2019, 10, 30), QTime(3, 30, 17, 883), Qt::UTC));
        QCOMPARE(object->updatedAt, QDateTime(QDate(2019, 12, 7), QTime(16, 50, 6, 678), Qt::UTC));
        QCOMPARE(object->propertiesWithHistory.value(u"email"_s).size(), 1);
        QCOMPARE(object->propertiesWithHistory.value(u"email"_s).first().sourceType, u"CRM_UI"_s);
        QCOMPARE(object->propertiesWithHistory.value(u"email"_s).first().updatedByUserId, std::optional<qint64>(1));
        QCOMPARE(object->associations.value(u"companies"_s), (QList<AssociationRef>{{u"77"_s, u"contact_to_company"_s}}));

        const Contact contact = Contact::fromObject(*object);
        QCOMPARE(contact.id, u"512"_s);
        QCOMPARE(contact.firstName, u"Bryan"_s);
        QCOMPARE(contact.lastName, u"Cooper"_s);
        QCOMPARE(contact.lastModifiedAt, QDateTime(QDate(2019, 12, 7), QTime(16, 50, 6, 678), Qt::UTC));
        QVERIFY(contact.additionalEmails.isEmpty());
    }

    void contactIdentityFields()
    {
        const auto object = CrmObject::fromJson(QJsonDocument::fromJson(R"({"id":"901","properties":{
            "email":"dana@example.com","hs_additional_emails":"d.obrien@example.com; dana@work.example;",
            "hs_merged_object_ids":"101;102","phone":"(555) 201-1037","mobilephone":null,
            "hs_calculated_phone_number":"+15552011037","lastmodifieddate":"1700000000000"}})").object());
        QVERIFY(object.has_value());
        const Contact c = Contact::fromObject(*object);
        QCOMPARE(c.additionalEmails, (QStringList{u"d.obrien@example.com"_s, u"dana@work.example"_s}));
        QCOMPARE(c.mergedObjectIds, (QStringList{u"101"_s, u"102"_s}));
        QCOMPARE(c.phone, u"(555) 201-1037"_s);
        QCOMPARE(c.mobilePhone, QString());
        QVERIFY(!object->hasValue(u"mobilephone"_s));
        QVERIFY(object->properties.contains(u"mobilephone"_s)); // null is kept as "asked, empty"
        QCOMPARE(c.calculatedPhone, u"+15552011037"_s);
        QCOMPARE(c.lastModifiedAt, QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC));
    }

    void recordsThatAreNotRecords_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("no id") << QByteArray(R"({"properties":{}})");
        QTest::newRow("object property") << QByteArray(R"({"id":"1","properties":{"email":{"x":1}}})");
        QTest::newRow("not json") << QByteArray("<html>");
        QTest::newRow("array") << QByteArray("[]");
    }
    void recordsThatAreNotRecords()
    {
        QFETCH(QByteArray, body);
        const auto object = CrmObject::parse(body);
        QVERIFY(!object.has_value());
        QCOMPARE(object.error().code, ErrorCode::RemoteValidation);
    }

    void timesAsHubSpotWritesThem()
    {
        QCOMPARE(parseTime(u"1575737406678"_s), QDateTime(QDate(2019, 12, 7), QTime(16, 50, 6, 678), Qt::UTC));
        QCOMPARE(parseTime(u"2019-12-07T16:50:06.678Z"_s), QDateTime(QDate(2019, 12, 7), QTime(16, 50, 6, 678), Qt::UTC));
        QCOMPARE(parseTime(u"2019-12-07T17:50:06.678+01:00"_s), QDateTime(QDate(2019, 12, 7), QTime(16, 50, 6, 678), Qt::UTC));
        QVERIFY(!parseTime(u"2019-12-07T16:50:06"_s).isValid()); // no zone: not a HubSpot time
        QVERIFY(!parseTime(u"yesterday"_s).isValid());
        QCOMPARE(isoUtc(QDateTime::fromMSecsSinceEpoch(1575737406678, Qt::UTC)), u"2019-12-07T16:50:06.678Z"_s);
        QCOMPARE(epochMsString(QDateTime::fromMSecsSinceEpoch(1575737406678, Qt::UTC)), u"1575737406678"_s);
    }

    void searchRequestOfTheDocs()
    {
        // The request of A4, built with the model.
        SearchRequest r;
        r.filterGroups = {{Filter::eq(u"email"_s, u"a@b.com"_s)},
                          {Filter::containsToken(u"hs_additional_emails"_s, u"a@b.com"_s)}};
        r.sorts = {{u"lastmodifieddate"_s, true}};
        r.properties = {u"email"_s, u"firstname"_s, u"lastname"_s, u"phone"_s, u"lastmodifieddate"_s};
        r.limit = 200;
        r.after = u"0"_s;
        const QJsonObject expected = QJsonDocument::fromJson(R"({"filterGroups":[
   {"filters":[{"propertyName":"email","operator":"EQ","value":"a@b.com"}]},
   {"filters":[{"propertyName":"hs_additional_emails","operator":"CONTAINS_TOKEN","value":"a@b.com"}]}],
 "sorts":[{"propertyName":"lastmodifieddate","direction":"ASCENDING"}],
 "properties":["email","firstname","lastname","phone","lastmodifieddate"],"limit":200,"after":"0"})").object();
        QCOMPARE(r.toJson(), expected);
    }

    void filterShapesPerOperator()
    {
        QCOMPARE(Filter({u"p"_s, FilterOperator::Between, u"1"_s, u"9"_s, {}}).toJson(),
                 QJsonDocument::fromJson(R"({"propertyName":"p","operator":"BETWEEN","value":"1","highValue":"9"})").object());
        QCOMPARE(Filter({u"p"_s, FilterOperator::In, {}, {}, {u"a"_s, u"b"_s}}).toJson(),
                 QJsonDocument::fromJson(R"({"propertyName":"p","operator":"IN","values":["a","b"]})").object());
        QCOMPARE(Filter({u"p"_s, FilterOperator::HasProperty, u"ignored"_s, {}, {}}).toJson(),
                 QJsonDocument::fromJson(R"({"propertyName":"p","operator":"HAS_PROPERTY"})").object());
        QCOMPARE(filterOperatorName(FilterOperator::NotContainsToken), u"NOT_CONTAINS_TOKEN"_s);
    }

    void searchPages()
    {
        const auto page = SearchPage::parse(R"({"total":1234,"results":[{"id":"1","properties":{"email":"x@y.z"}}],
            "paging":{"next":{"after":"200","link":"?after=200"}}})");
        QVERIFY(page.has_value());
        QCOMPARE(page->total, 1234);
        QCOMPARE(page->results.size(), 1);
        QCOMPARE(page->nextAfter, u"200"_s);
        const auto last = SearchPage::parse(R"({"total":1,"results":[]})");
        QVERIFY(last.has_value());
        QVERIFY(last->nextAfter.isEmpty());
        QVERIFY(!SearchPage::parse(R"({"total":1})").has_value());
    }

    void batchMultiStatus()
    {
        // 207: one found, the rest in errors (A2 StandardError).
        const auto batch = BatchResult::parse(R"({"status":"COMPLETE","results":[{"id":"7","properties":{},"new":true}],
            "numErrors":1,"errors":[{"status":"error","category":"OBJECT_NOT_FOUND",
            "message":"Could not get some CONTACT objects, they may be deleted or not exist.","context":{"ids":["8","9"]}}],
            "startedAt":"2026-03-10T17:00:00.000Z","completedAt":"2026-03-10T17:00:00.120Z"})");
        QVERIFY(batch.has_value());
        QCOMPARE(batch->status, u"COMPLETE"_s);
        QCOMPARE(batch->results.size(), 1);
        QCOMPARE(batch->results.first().created, std::optional<bool>(true));
        QVERIFY(batch->isPartial());
        QCOMPARE(batch->numErrors, 1);
        QCOMPARE(batch->errors.first().category, u"OBJECT_NOT_FOUND"_s);
        QCOMPARE(batch->errors.first().context.value(u"ids"_s), (QStringList{u"8"_s, u"9"_s}));
        QCOMPARE(batch->completedAt, QDateTime(QDate(2026, 3, 10), QTime(17, 0, 0, 120), Qt::UTC));

        BatchResult sum = *batch;
        sum.append(*batch);
        QCOMPARE(sum.results.size(), 2);
        QCOMPARE(sum.numErrors, 2);
    }

    void pipelinesAndStages()
    {
        const auto pipelines = Pipeline::parseList(R"({"results":[{"id":"default","label":"Sales Pipeline","displayOrder":0,
            "archived":false,"createdAt":"2026-01-01T00:00:00.000Z","updatedAt":"2026-01-02T00:00:00.000Z","stages":[
            {"id":"closedwon","label":"Closed Won","displayOrder":5,"archived":false,"metadata":{"probability":"1.0","isClosed":"true"}},
            {"id":"appointmentscheduled","label":"Appointment Scheduled","displayOrder":0,"archived":false,"metadata":{"probability":"0.2","isClosed":"false"}}]}]})");
        QVERIFY(pipelines.has_value());
        QCOMPARE(pipelines->size(), 1);
        const Pipeline &p = pipelines->first();
        QCOMPARE(p.id, u"default"_s);
        QCOMPARE(p.stages.size(), 2);
        QCOMPARE(p.stages.first().id, u"appointmentscheduled"_s); // in display order
        QCOMPARE(p.stage(u"closedwon"_s)->isClosed, std::optional<bool>(true));
        QCOMPARE(p.stage(u"closedwon"_s)->probability, u"1.0"_s);
        QCOMPARE(p.stage(u"appointmentscheduled"_s)->isClosed, std::optional<bool>(false));
        QVERIFY(!p.stage(u"nope"_s));
        QVERIFY(!Pipeline::parseList(R"({"results":[{"label":"no id"}]})").has_value());
    }

    void dealsNotesTasks()
    {
        const auto deal = CrmObject::fromJson(QJsonDocument::fromJson(R"({"id":"44","properties":{"dealname":"Patel family",
            "pipeline":"default","dealstage":"appointmentscheduled","amount":"65.00","deal_currency_code":"USD",
            "closedate":"2026-04-01T00:00:00.000Z","hs_lastmodifieddate":"2026-03-10T17:00:00.000Z"}})").object());
        QVERIFY(deal.has_value());
        const Deal d = Deal::fromObject(*deal);
        QCOMPARE(d.name, u"Patel family"_s);
        QCOMPARE(d.stage, u"appointmentscheduled"_s);
        QCOMPARE(d.amount, u"65.00"_s); // text, never a double
        QCOMPARE(d.closeDate, QDateTime(QDate(2026, 4, 1), QTime(0, 0), Qt::UTC));

        const auto task = CrmObject::fromJson(QJsonDocument::fromJson(R"({"id":"45","properties":{"hs_task_subject":"Call back",
            "hs_task_status":"COMPLETED","hs_task_priority":"HIGH","hs_task_type":"CALL","hs_timestamp":"1700000000000"}})").object());
        const Task t = Task::fromObject(*task);
        QVERIFY(t.isCompleted());
        QCOMPARE(t.dueAt, QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC));
        const auto note = CrmObject::fromJson(QJsonDocument::fromJson(R"({"id":"46","properties":{"hs_note_body":"<p>Done</p>",
            "hs_timestamp":"2026-03-10T17:00:00.000Z"}})").object());
        QCOMPARE(Note::fromObject(*note).body, u"<p>Done</p>"_s);
    }

    void conflictCarriesTheExistingId()
    {
        // The 409 body seen many times (A3), verbatim.
        const QByteArray body = R"({"status":"error","message":"Contact already exists. Existing ID: 37765128953","correlationId":"2dea5219-07f2-40ce-82ec-9c2e302317a4","category":"CONFLICT"})";
        const Error e = errorFromResponse(409, body, {}, QDateTime::currentDateTimeUtc());
        QCOMPARE(e.code, ErrorCode::Conflict);
        QCOMPARE(e.httpStatus, 409);
        QCOMPARE(e.requestId, u"2dea5219-07f2-40ce-82ec-9c2e302317a4"_s);
        QCOMPARE(e.remoteCode, u"CONFLICT"_s);
        QCOMPARE(existingIdFromConflict(e.message), std::optional<QString>(u"37765128953"_s));
        QCOMPARE(existingIdFromConflict(u"Contact already exists."_s), std::nullopt);
    }

    void errorClasses_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Concord::ErrorCode>("code");
        QTest::addColumn<bool>("retryable");
        QTest::addColumn<QString>("remoteCode");
        // A11's official example.
        QTest::newRow("400 validation") << 400 << QByteArray(R"({"status":"error","message":"This will be a human readable message with details about the error.","errors":[{"message":"This will be a message with additional details about the error","in":"name"}],"category":"VALIDATION_ERROR","correlationId":"a43683b0-5717-4ceb-80b4-104d02915d8c"})")
                                        << ErrorCode::RemoteValidation << false << u"VALIDATION_ERROR"_s;
        // A mistyped email on POST /crm/v3/objects/contacts, as captured
        // (frank-quoc/TalentLMS_HS_Integration README): the property's code wins.
        QTest::newRow("400 invalid email") << 400 << QByteArray("{\"status\":\"error\",\"message\":\"Property values were not valid: [{\\\"isValid\\\":false,\\\"message\\\":\\\"Email address example.lcom is invalid\\\",\\\"error\\\":\\\"INVALID_EMAIL\\\",\\\"name\\\":\\\"email\\\"}]\",\"correlationId\":\"c8617a85-58a6-4a95-b619-e7d3594c170c\",\"category\":\"VALIDATION_ERROR\"}")
                                           << ErrorCode::RemoteValidation << false << u"INVALID_EMAIL"_s;
        // A1's expired-token body.
        QTest::newRow("401 expired") << 401 << QByteArray(R"({"category":"EXPIRED_AUTHENTICATION","message":"The OAuth token used to make this call expired 7 second(s) ago.","statusCode":401})")
                                     << ErrorCode::Unauthorized << false << u"EXPIRED_AUTHENTICATION"_s;
        QTest::newRow("403 scopes") << 403 << QByteArray(R"({"status":"error","message":"missing scopes","category":"MISSING_SCOPES","context":{"missingScopes":["crm.objects.deals.read"]}})")
                                    << ErrorCode::PermissionDenied << false << u"MISSING_SCOPES"_s;
        QTest::newRow("404") << 404 << QByteArray(R"({"status":"error","message":"resource not found","correlationId":"x"})")
                             << ErrorCode::NotFound << false << QString();
        QTest::newRow("414 merge") << 414 << QByteArray(R"({"status":"error","message":"Cannot have more than 250 identities on a profile"})")
                                   << ErrorCode::RemoteValidation << false << QString();
        QTest::newRow("423 locked") << 423 << QByteArray() << ErrorCode::Network << true << QString();
        // A10's 429 body, verbatim: the daily limit is not retried for an hour.
        QTest::newRow("429 daily") << 429 << QByteArray(R"({"status":"error","message":"You have reached your daily limit.","errorType":"RATE_LIMIT","correlationId":"c033cdaa-2c40-4a64-ae48-b4cec88dad24","policyName":"DAILY","requestId":"3d3e35b7-0dae-4b9f-a6e3-9c230cbcf8dd"})")
                                   << ErrorCode::Throttled << true << u"DAILY"_s;
        QTest::newRow("429 secondly") << 429 << QByteArray(R"({"status":"error","message":"You have reached your ten_secondly_rolling limit.","errorType":"RATE_LIMIT","policyName":"SECONDLY"})")
                                      << ErrorCode::Throttled << true << u"SECONDLY"_s;
        QTest::newRow("477 migration") << 477 << QByteArray(R"({"status":"error","message":"Migration in progress"})") << ErrorCode::Network << true << QString();
        QTest::newRow("502 html") << 502 << QByteArray("<html>Bad gateway</html>") << ErrorCode::Network << true << QString();
    }
    void errorClasses()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(Concord::ErrorCode, code);
        QFETCH(bool, retryable);
        QFETCH(QString, remoteCode);
        const Error e = errorFromResponse(status, body, {}, QDateTime::currentDateTimeUtc());
        QCOMPARE(e.code, code);
        QCOMPARE(e.retryable, retryable);
        QCOMPARE(e.remoteCode, remoteCode);
        QCOMPARE(e.httpStatus, status);
        QVERIFY(e.message.startsWith(u"HubSpot: "_s));
    }

    void throttleWaits()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QByteArray secondly = R"({"status":"error","message":"x","errorType":"RATE_LIMIT","policyName":"SECONDLY"})";
        // Retry-After wins; then the interval header; then the caller's default.
        QCOMPARE(errorFromResponse(429, secondly, Connectors::HttpHeaders{{"Retry-After", "3"}}, now).retryAfterMs, 3000);
        QCOMPARE(errorFromResponse(429, secondly, Connectors::HttpHeaders{{"X-HubSpot-RateLimit-Interval-Milliseconds", "10000"}}, now).retryAfterMs, 10000);
        QCOMPARE(errorFromResponse(429, secondly, {}, now, 1000).retryAfterMs, 1000);
        QCOMPARE(errorFromResponse(429, R"({"policyName":"DAILY"})", {}, now).retryAfterMs, 3600 * 1000);
        QCOMPARE(errorFromResponse(423, {}, {}, now).retryAfterMs, 2000);
        // The correlation id comes from the header when the body has none.
        QCOMPARE(errorFromResponse(500, {}, Connectors::HttpHeaders{{"X-HubSpot-Correlation-Id", "abc"}}, now).requestId, u"abc"_s);
    }

    void errorDetailsAreKept()
    {
        const Error e = errorFromResponse(400, "{\"status\":\"error\",\"message\":\"Property values were not valid\",\"category\":\"VALIDATION_ERROR\",\"subCategory\":\"X\","
                                          "\"errors\":[{\"message\":\"Property \\\"foo\\\" does not exist\",\"code\":\"PROPERTY_DOESNT_EXIST\",\"in\":\"foo\"}],"
                                          "\"context\":{\"invalidPropertyName\":[\"foo\"]}}",
                                          {}, QDateTime::currentDateTimeUtc());
        QVERIFY2(e.detail.contains(u"VALIDATION_ERROR/X"_s), qPrintable(e.detail));
        QVERIFY2(e.detail.contains(u"foo: Property \"foo\" does not exist"_s), qPrintable(e.detail));
        QVERIFY2(e.detail.contains(u"invalidPropertyName=foo"_s), qPrintable(e.detail));
        const auto api = ApiError::parse(R"({"errors":[{"message":"m","code":"C","in":"i","subCategory":"s"}]})");
        QVERIFY(api.has_value());
        QCOMPARE(api->errors, (QList<ApiError::Detail>{{u"m"_s, u"C"_s, u"i"_s, u"s"_s}}));
        QVERIFY(!ApiError::parse("nope").has_value());
    }

    void propertyResultsInsideTheMessage()
    {
        // Newer answers add localizedErrorMessage and portalId to each entry
        // and may list several properties.
        const QString message =
            u"Property values were not valid: [{\"isValid\":false,\"message\":\"Email address dan.wu@example,com is "
            u"invalid\",\"error\":\"INVALID_EMAIL\",\"name\":\"email\",\"localizedErrorMessage\":\"Email address "
            u"dan.wu@example,com is invalid\",\"portalId\":47373842},{\"isValid\":false,\"message\":\"Property "
            u"\\\"prop1\\\" does not exist\",\"error\":\"PROPERTY_DOESNT_EXIST\",\"name\":\"prop1\"}]"_s;
        const QByteArray body = QJsonDocument(QJsonObject{{u"status"_s, u"error"_s},
                                                          {u"message"_s, message},
                                                          {u"correlationId"_s, u"ffbce914-a7be-4a80-a701-2e8bad686524"_s},
                                                          {u"category"_s, u"VALIDATION_ERROR"_s}})
                                    .toJson(QJsonDocument::Compact);
        const auto api = ApiError::parse(body);
        QVERIFY(api.has_value());
        QCOMPARE(api->propertyResults,
                 (QList<ApiError::PropertyResult>{
                     {u"email"_s, u"INVALID_EMAIL"_s, u"Email address dan.wu@example,com is invalid"_s},
                     {u"prop1"_s, u"PROPERTY_DOESNT_EXIST"_s, u"Property \"prop1\" does not exist"_s}}));
        const Error e = errorFromResponse(400, body, {}, QDateTime::currentDateTimeUtc());
        QCOMPARE(e.message, u"HubSpot: Email address dan.wu@example,com is invalid; Property \"prop1\" does not exist"_s);
        QCOMPARE(e.remoteCode, u"INVALID_EMAIL"_s);
        QCOMPARE(e.requestId, u"ffbce914-a7be-4a80-a701-2e8bad686524"_s);
        QVERIFY2(e.detail.contains(u"VALIDATION_ERROR; email: INVALID_EMAIL; prop1: PROPERTY_DOESNT_EXIST"_s),
                 qPrintable(e.detail));
        // A message that embeds nothing (or something that is not a list) stays as it is.
        QVERIFY(ApiError::parse(R"({"message":"Property values were not valid"})")->propertyResults.isEmpty());
        QVERIFY(ApiError::parse(R"({"message":"bad [thing] here"})")->propertyResults.isEmpty());
        QCOMPARE(errorFromResponse(400, R"({"message":"Property values were not valid","category":"VALIDATION_ERROR"})", {},
                                   QDateTime::currentDateTimeUtc()).remoteCode,
                 u"VALIDATION_ERROR"_s);
    }

    void apiVersions()
    {
        QCOMPARE(ApiVersion::v3().objectsPath(u"contacts"_s), u"/crm/v3/objects/contacts"_s);
        const auto dated = ApiVersion::parse(u"2026-03"_s);
        QVERIFY(dated.has_value());
        QVERIFY(dated->isDateBased());
        QCOMPARE(dated->objectsPath(u"contacts"_s), u"/crm/objects/2026-03/contacts"_s);
        QCOMPARE(dated->toString(), u"2026-03"_s);
        QVERIFY(ApiVersion::parse(u"V3"_s).has_value());
        QVERIFY(ApiVersion::parse(u"2027-09"_s).has_value());
        for (const QString &bad : {u"2026-04"_s, u"2025-09"_s, u"v4"_s, u""_s, u"2026-3"_s})
            QVERIFY2(!ApiVersion::parse(bad).has_value(), qPrintable(bad));
    }
};

QTEST_GUILESS_MAIN(TestHubSpotModel)
#include "tst_hubspotmodel.moc"
