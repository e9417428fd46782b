// HubSpotClient against the HubSpot emulator: every operation, with the
// emulator's state asserted after it.
#include "hsclientfixture.h"

#include "../support/localhttpserver.h"
#include "connectors/hubspot/webhookdeduplicator.h"
#include "connectors/hubspot/webhookevent.h"
#include "connectors/hubspot/webhooksignature.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::HubSpot;

class TestHsClient : public QObject, protected Test::HsClientFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUpWorld(); }
    void cleanup() { tearDownWorld(); }

    void accountInfo()
    {
        auto info = m_client->accountInfo();
        AWAIT_OK(info);
        QCOMPARE(info.result()->portalId, QString::number(m_hs->portal().portalId()));
        QCOMPARE(info.result()->timeZone, u"US/Eastern"_s);
        const auto log = apiLog();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.first().path, u"/account-info/v3/details"_s);
    }

    void contactLifecycle_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("prefix");
        QTest::newRow("v3") << u"v3"_s << u"/crm/v3/objects/contacts"_s;
        QTest::newRow("2026-03") << u"2026-03"_s << u"/crm/objects/2026-03/contacts"_s;
    }
    void contactLifecycle()
    {
        QFETCH(QString, version);
        QFETCH(QString, prefix);
        auto settings = clientSettings();
        settings.apiVersion = *ApiVersion::parse(version);
        m_client = makeClient(settings);

        auto created = m_client->createContact({{u"email"_s, u"Dana@Example.com"_s}, {u"firstname"_s, u"Dana"_s},
                                                {u"lastname"_s, u"O'Brien"_s}, {u"phone"_s, u"(555) 201-1037"_s}});
        AWAIT_OK(created);
        const ContactWrite write = *created.result();
        QVERIFY(!write.alreadyExisted);
        const QString id = write.contact.id;
        QCOMPARE(write.contact.email, u"dana@example.com"_s); // HubSpot keeps emails in lower case
        QCOMPARE(stored(u"contacts"_s, id, u"hs_calculated_phone_number"_s), u"+15552011037"_s);

        m_clock->advanceSecs(60);
        auto updated = m_client->updateContact(id, {{u"lastname"_s, u"O'Brien-Kim"_s}, {u"phone"_s, u""_s}});
        AWAIT_OK(updated);
        QCOMPARE(updated.result()->lastName, u"O'Brien-Kim"_s);
        QCOMPARE(updated.result()->lastModifiedAt, m_start.addSecs(60));
        QCOMPARE(stored(u"contacts"_s, id, u"phone"_s), QString()); // "" cleared it

        auto read = m_client->contact(id);
        AWAIT_OK(read);
        QCOMPARE(read.result()->lastName, u"O'Brien-Kim"_s);
        QCOMPARE(read.result()->createdAt, m_start);
        auto byEmail = m_client->contactByEmail(u"dana@example.com"_s);
        AWAIT_OK(byEmail);
        QCOMPARE(byEmail.result()->id, id);

        auto archived = m_client->archiveContact(id);
        AWAIT_OK(archived);
        QCOMPARE(m_hs->portal().count(u"contacts"_s), 0);
        auto gone = m_client->contact(id);
        AWAIT(gone);
        QCOMPARE(gone.result().error().code, ErrorCode::NotFound);

        // Every object call used the configured path family.
        QStringList paths;
        for (const auto &e : apiLog())
            paths << e.path;
        QCOMPARE(paths, (QStringList{prefix, prefix + u'/' + id, prefix + u'/' + id, prefix + u"/dana%40example.com"_s,
                                     prefix + u'/' + id, prefix + u'/' + id}));
    }

    void duplicateEmailGivesTheExistingContact()
    {
        const QString existing = seedContact(u"sam@example.com"_s, u"Sam"_s, u"Lee"_s);
        auto created = m_client->createContact({{u"email"_s, u"SAM@example.com"_s}, {u"firstname"_s, u"Samuel"_s}});
        AWAIT_OK(created);
        QVERIFY(created.result()->alreadyExisted);
        QCOMPARE(created.result()->contact.id, existing);
        QCOMPARE(created.result()->contact.firstName, u"Sam"_s); // as read, not overwritten
        QCOMPARE(m_hs->portal().count(u"contacts"_s), 1);
        const auto log = apiLog();
        QCOMPARE(log.size(), 2);
        QCOMPARE(log.at(0).status, 409);
        QCOMPARE(log.at(1).method, u"GET"_s);
        QCOMPARE(log.at(1).path, u"/crm/v3/objects/contacts/"_s + existing);
    }

    void secondaryEmailsCountAsTaken()
    {
        const QString dana = seedContact(u"dana@example.com"_s, u"Dana"_s);
        auto added = m_client->addSecondaryEmail(dana, u"d.obrien@work.example"_s);
        AWAIT_OK(added);
        QCOMPARE(stored(u"contacts"_s, dana, u"hs_additional_emails"_s), u"d.obrien@work.example"_s);
        // Creating a contact with that email → 409 → the owner.
        auto created = m_client->createContact({{u"email"_s, u"d.obrien@work.example"_s}});
        AWAIT_OK(created);
        QVERIFY(created.result()->alreadyExisted);
        QCOMPARE(created.result()->contact.id, dana);
        QCOMPARE(created.result()->contact.additionalEmails, QStringList{u"d.obrien@work.example"_s});
        // Search finds it through hs_additional_emails, not through email.
        auto found = m_client->findContactsByEmail(u"D.OBrien@work.example"_s);
        AWAIT_OK(found);
        QCOMPARE(found.result()->size(), 1);
        QCOMPARE(found.result()->first().id, dana);
        auto removed = m_client->removeSecondaryEmail(dana, u"d.obrien@work.example"_s);
        AWAIT_OK(removed);
        QCOMPARE(stored(u"contacts"_s, dana, u"hs_additional_emails"_s), QString());
    }

    void updateToATakenEmailIsAConflict()
    {
        const QString a = seedContact(u"a@example.com"_s);
        const QString b = seedContact(u"b@example.com"_s);
        auto updated = m_client->updateContact(b, {{u"email"_s, u"a@example.com"_s}});
        AWAIT(updated);
        QVERIFY(!updated.result());
        QCOMPARE(updated.result().error().code, ErrorCode::Conflict);
        QCOMPARE(existingIdFromConflict(updated.result().error().message), std::optional<QString>(a));
        QCOMPARE(stored(u"contacts"_s, b, u"email"_s), u"b@example.com"_s);
    }

    void findByEmailAndPhone()
    {
        const QString dana = seedContact(u"dana@example.com"_s, u"Dana"_s, {}, u"(555) 201-1037"_s);
        const QString twin = seedContact(u"dana.obrien@example.com"_s, u"Dana"_s, {}, u"+1 555.201.1037"_s);
        seedContact(u"other@example.com"_s, u"Other"_s, {}, u"555-201-9999"_s);
        auto byEmail = m_client->findContactsByEmail(u"DANA@example.com"_s);
        AWAIT_OK(byEmail);
        QCOMPARE(byEmail.result()->size(), 1);
        QCOMPARE(byEmail.result()->first().id, dana);
        auto byPhone = m_client->findContactsByPhone(u"555 201 1037"_s);
        AWAIT_OK(byPhone);
        QStringList ids;
        const QList<Contact> phoneMatches = *byPhone.result();
        for (const Contact &c : phoneMatches)
            ids << c.id;
        QCOMPARE(ids, (QStringList{dana, twin}));
        auto nobody = m_client->findContactsByEmail(u"nobody@example.com"_s);
        AWAIT_OK(nobody);
        QVERIFY(nobody.result()->isEmpty());
        auto bad = m_client->findContactsByPhone(u"12"_s);
        AWAIT(bad);
        QCOMPARE(bad.result().error().code, ErrorCode::InvalidArgument);
        QVERIFY(apiLog().size() == 3); // the bad number sent nothing
    }

    void batches()
    {
        const QString a = seedContact(u"a@example.com"_s, u"A"_s);
        const QString b = seedContact(u"b@example.com"_s, u"B"_s);
        // Read: one missing id → 207, the found ones and the error.
        auto read = m_client->batchReadContacts({a, b, u"999999"_s});
        AWAIT_OK(read);
        QCOMPARE(read.result()->results.size(), 2);
        QVERIFY(read.result()->isPartial());
        QCOMPARE(read.result()->errors.first().category, u"OBJECT_NOT_FOUND"_s);
        QCOMPARE(read.result()->errors.first().context.value(u"ids"_s), QStringList{u"999999"_s});
        auto byEmail = m_client->batchReadContacts({u"b@example.com"_s}, u"email"_s);
        AWAIT_OK(byEmail);
        QCOMPARE(byEmail.result()->results.first().id, b);

        // Upsert 150 by email: two calls (≤ 100), one existing updated, 149 created.
        QList<PropertyMap> inputs;
        inputs.append({{u"email"_s, u"a@example.com"_s}, {u"lastname"_s, u"Updated"_s}});
        for (int i = 0; i < 149; ++i)
            inputs.append({{u"email"_s, u"new%1@example.com"_s.arg(i)}, {u"firstname"_s, u"N%1"_s.arg(i)}});
        m_hs->clearLog();
        auto upserted = m_client->batchUpsertContacts(inputs);
        AWAIT_OK(upserted);
        QCOMPARE(apiLog().size(), 2);
        QCOMPARE(upserted.result()->results.size(), 150);
        int created = 0;
        const BatchResult upsertResult = *upserted.result();
        for (const CrmObject &o : upsertResult.results)
            created += o.created.value_or(false) ? 1 : 0;
        QCOMPARE(created, 149);
        QCOMPARE(m_hs->portal().count(u"contacts"_s), 151);
        QCOMPARE(stored(u"contacts"_s, a, u"lastname"_s), u"Updated"_s);

        // Update two, create one more; a duplicate email in one upsert is refused locally.
        auto updated = m_client->batchUpdateContacts({{a, {{u"firstname"_s, u"Anna"_s}}}, {b, {{u"firstname"_s, u"Ben"_s}}}});
        AWAIT_OK(updated);
        QCOMPARE(stored(u"contacts"_s, b, u"firstname"_s), u"Ben"_s);
        auto createdBatch = m_client->batchCreateContacts({{{u"email"_s, u"c@example.com"_s}}});
        AWAIT_OK(createdBatch);
        QCOMPARE(createdBatch.result()->results.size(), 1);
        auto twice = m_client->batchUpsertContacts({{{u"email"_s, u"x@example.com"_s}}, {{u"email"_s, u"X@example.com"_s}}});
        AWAIT(twice);
        QCOMPARE(twice.result().error().code, ErrorCode::InvalidArgument);
        // A batch create naming an existing email fails whole, with its id.
        auto conflict = m_client->batchCreateContacts({{{u"email"_s, u"d@example.com"_s}}, {{u"email"_s, u"b@example.com"_s}}});
        AWAIT(conflict);
        QCOMPARE(conflict.result().error().code, ErrorCode::Conflict);
        QCOMPARE(existingIdFromConflict(conflict.result().error().message), std::optional<QString>(b));
        QCOMPARE(m_hs->portal().count(u"contacts"_s), 152);
    }

    // Deals (any object type) read 100 per request: 150 ids are two
    // requests; a deal HubSpot does not have is among the errors, not a failure.
    void batchReadObjectsOfAnyType()
    {
        QStringList ids;
        for (int i = 0; i < 149; ++i) {
            auto deal = m_client->createDeal({{u"dealname"_s, u"Session %1"_s.arg(i)}, {u"pipeline"_s, u"default"_s},
                                              {u"dealstage"_s, u"appointmentscheduled"_s},
                                              {u"amount"_s, u"%1.50"_s.arg(i)}},
                                             QString());
            AWAIT_OK(deal);
            ids.append(deal.result()->id);
        }
        ids.append(u"999999"_s);
        m_hs->clearLog();
        auto read = m_client->batchReadObjects(ObjectType::Deals, ids, {u"amount"_s, u"dealstage"_s});
        AWAIT_OK(read);
        QCOMPARE(apiLog().size(), 2);
        for (const auto &e : apiLog())
            QCOMPARE(e.path, u"/crm/v3/objects/deals/batch/read"_s);
        const BatchResult result = *read.result();
        QCOMPARE(result.results.size(), 149);
        QCOMPARE(result.errors.size(), 1);
        QCOMPARE(result.errors.first().category, u"OBJECT_NOT_FOUND"_s);
        QCOMPARE(result.errors.first().context.value(u"ids"_s), QStringList{u"999999"_s});
        for (const CrmObject &deal : result.results) {
            const int n = deal.properties.value(u"amount"_s).value_or(QString()).section(u'.', 0, 0).toInt();
            QCOMPARE(deal.properties.value(u"amount"_s), std::optional<QString>(u"%1.50"_s.arg(n)));
            QCOMPARE(deal.properties.value(u"dealstage"_s), std::optional<QString>(u"appointmentscheduled"_s));
        }
        auto none = m_client->batchReadObjects(ObjectType::Deals, {}, {u"amount"_s});
        AWAIT_OK(none);
        QVERIFY(none.result()->results.isEmpty());
    }

    void mergeFollowsTheNewSurvivorId()
    {
        const QString primary = seedContact(u"dana@example.com"_s, u"Dana"_s, {}, u"(555) 201-1037"_s);
        const QString other = seedContact(u"dana.obrien@example.com"_s, {}, u"O'Brien"_s);
        auto merged = m_client->mergeContacts(primary, other);
        AWAIT_OK(merged);
        const MergeResult result = *merged.result();
        QVERIFY(result.idChanged());
        const QString survivor = result.survivor.id;
        QVERIFY(survivor != primary && survivor != other);
        QCOMPARE(result.survivor.email, u"dana@example.com"_s);
        // Whole state: one contact, the other's email kept as additional, names filled.
        const auto all = m_hs->records(u"contacts"_s);
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().value(u"id"_s).toString(), survivor);
        QCOMPARE(stored(u"contacts"_s, survivor, u"hs_additional_emails"_s), u"dana.obrien@example.com"_s);
        QCOMPARE(stored(u"contacts"_s, survivor, u"lastname"_s), u"O'Brien"_s);
        const QStringList mergedIds = Contact::fromObject(*CrmObject::fromJson(all.first())).mergedObjectIds;
        QCOMPARE(QSet<QString>(mergedIds.cbegin(), mergedIds.cend()), (QSet<QString>{primary, other}));
        // Old ids resolve to the survivor.
        for (const QString &old : {primary, other}) {
            auto read = m_client->contact(old);
            AWAIT_OK(read);
            QCOMPARE(read.result()->id, survivor);
        }
        // Where HubSpot does not resolve old ids, the client finds the survivor itself.
        m_hs->portal().setMergedIdsResolve(false);
        auto plain = m_client->contact(other);
        AWAIT(plain);
        QCOMPARE(plain.result().error().code, ErrorCode::NotFound);
        auto resolved = m_client->resolveContact(other);
        AWAIT_OK(resolved);
        QCOMPARE(resolved.result()->id, survivor);
        // Email search finds the survivor by either email.
        auto found = m_client->findContactsByEmail(u"dana.obrien@example.com"_s);
        AWAIT_OK(found);
        QCOMPARE(found.result()->size(), 1);
        QCOMPARE(found.result()->first().id, survivor);
    }

    void mergeKeepingThePrimaryId()
    {
        m_hs->portal().setMergeGivesNewId(false);
        const QString primary = seedContact(u"p@example.com"_s);
        const QString other = seedContact(u"o@example.com"_s);
        auto merged = m_client->mergeContacts(primary, other);
        AWAIT_OK(merged);
        QVERIFY(!merged.result()->idChanged());
        QCOMPARE(merged.result()->survivor.id, primary);
        QCOMPARE(m_hs->portal().count(u"contacts"_s), 1);
        auto same = m_client->mergeContacts(primary, primary);
        AWAIT(same);
        QCOMPARE(same.result().error().code, ErrorCode::InvalidArgument);
    }

    void changesPastTheSearchCap()
    {
        // 1,200 contacts changed one second apart; the emulator caps a query
        // at 300 results (HubSpot: 10,000), pages of 100. The read must get
        // every one without ever paging past the cap.
        m_hs->portal().setSearchResultCap(300);
        const qint64 first = m_start.addDays(-2).toMSecsSinceEpoch();
        m_hs->seedBulkContacts(1200, first, 1000);
        auto settings = clientSettings();
        settings.searchPageSize = 100;
        settings.changeStreams = 3;
        m_client = makeClient(settings);
        auto changes = m_client->contactChanges(QDateTime::fromMSecsSinceEpoch(first, Qt::UTC), m_start);
        AWAIT_OK(changes);
        QCOMPARE(changes.result()->contacts.size(), 1200);
        QSet<QString> wanted;
        for (const QJsonObject &o : m_hs->records(u"contacts"_s))
            wanted.insert(o.value(u"id"_s).toString());
        QSet<QString> got;
        QDateTime previous;
        const QList<Contact> changed = changes.result()->contacts;
        for (const Contact &c : changed) {
            got.insert(c.id);
            QVERIFY(!previous.isValid() || previous <= c.lastModifiedAt); // ordered
            previous = c.lastModifiedAt;
        }
        QCOMPARE(got, wanted);
        for (const auto &e : apiLog()) {
            QCOMPARE(e.status, 200);
            QVERIFY(e.search);
        }
        // Keyset pages: ~1 request per 100, with one boundary record re-read per page.
        QVERIFY2(changes.result()->searchRequests <= 16, qPrintable(QString::number(changes.result()->searchRequests)));
        QCOMPARE(changes.result()->searchRequests, int(apiLog().size()));
        QCOMPARE(changes.result()->until, m_start);
    }

    void changesWithManyInOneMillisecond()
    {
        // 250 contacts with the same lastmodifieddate: no keyset progress on
        // the instant, so that millisecond is read by id.
        const qint64 at = m_start.addSecs(-3600).toMSecsSinceEpoch();
        m_hs->seedBulkContacts(250, at, 0);
        m_hs->seedBulkContacts(5, at + 10, 1); // and a few after it
        auto settings = clientSettings();
        settings.searchPageSize = 100;
        settings.changeStreams = 1;
        m_client = makeClient(settings);
        auto changes = m_client->contactChanges(QDateTime::fromMSecsSinceEpoch(at, Qt::UTC), m_start);
        AWAIT_OK(changes);
        QCOMPARE(changes.result()->contacts.size(), 255);
        QCOMPARE(changes.result()->narrowedSlices, 1);
    }

    void changesStopAtTheIndexLag()
    {
        auto settings = clientSettings();
        settings.searchIndexLag = std::chrono::seconds(30);
        m_client = makeClient(settings);
        const auto seeded = m_hs->seedContact({{u"email"_s, u"old@example.com"_s}}, m_start.addSecs(-120).toMSecsSinceEpoch());
        QVERIFY(seeded.has_value());
        const QString old = seeded->value(u"id"_s).toString();
        (void)m_hs->seedContact({{u"email"_s, u"fresh@example.com"_s}}, m_start.addSecs(-5).toMSecsSinceEpoch());
        auto changes = m_client->contactChanges(m_start.addSecs(-600));
        AWAIT_OK(changes);
        QCOMPARE(changes.result()->until, m_start.addSecs(-30));
        QCOMPARE(changes.result()->contacts.size(), 1);
        QCOMPARE(changes.result()->contacts.first().id, old);
        // The next poll, from `until`, gets the fresh one once it is old enough.
        m_clock->advanceSecs(60);
        auto next = m_client->contactChanges(changes.result()->until);
        AWAIT_OK(next);
        QCOMPARE(next.result()->contacts.size(), 1);
        QCOMPARE(next.result()->contacts.first().email, u"fresh@example.com"_s);
    }

    void dealsNotesTasksAndAssociations()
    {
        const QString contact = seedContact(u"parent@example.com"_s, u"Priya"_s, u"Patel"_s);
        auto pipelines = m_client->dealPipelines();
        AWAIT_OK(pipelines);
        const Pipeline sales = pipelines.result()->first();
        QCOMPARE(sales.id, u"default"_s);
        QVERIFY(sales.stage(u"closedwon"_s)->isClosed.value_or(false));

        auto deal = m_client->createDeal({{u"dealname"_s, u"Patel tutoring"_s}, {u"pipeline"_s, u"default"_s},
                                          {u"dealstage"_s, u"appointmentscheduled"_s}, {u"amount"_s, u"65.00"_s}},
                                         contact);
        AWAIT_OK(deal);
        const QString dealId = deal.result()->id;
        auto moved = m_client->updateDeal(dealId, {{u"dealstage"_s, u"closedwon"_s}});
        AWAIT_OK(moved);
        QCOMPARE(moved.result()->stage, u"closedwon"_s);
        QCOMPARE(stored(u"deals"_s, dealId, u"amount"_s), u"65.00"_s);
        auto badStage = m_client->updateDeal(dealId, {{u"dealstage"_s, u"nonexistent"_s}});
        AWAIT(badStage);
        QCOMPARE(badStage.result().error().code, ErrorCode::RemoteValidation);
        QCOMPARE(stored(u"deals"_s, dealId, u"dealstage"_s), u"closedwon"_s);
        auto badDeal = m_client->createDeal({{u"dealname"_s, u"x"_s}, {u"pipeline"_s, u"default"_s},
                                             {u"dealstage"_s, u"nonexistent"_s}});
        AWAIT(badDeal);
        QCOMPARE(badDeal.result().error().code, ErrorCode::RemoteValidation);

        const QDateTime sessionEnd = m_start.addDays(-1);
        auto note = m_client->createNote(u"<p>Session completed</p>"_s, sessionEnd, contact);
        AWAIT_OK(note);
        QCOMPARE(note.result()->timestamp, sessionEnd);
        auto task = m_client->createTask({u"Follow up: no-show"_s, u"Call the parent"_s, m_start.addDays(1), u"NOT_STARTED"_s,
                                          u"HIGH"_s, u"CALL"_s, {}},
                                         contact);
        AWAIT_OK(task);
        auto done = m_client->updateTask(task.result()->id, {{u"hs_task_status"_s, u"COMPLETED"_s}});
        AWAIT_OK(done);
        QVERIFY(done.result()->isCompleted());
        auto badTask = m_client->updateTask(task.result()->id, {{u"hs_task_status"_s, u"FINISHED"_s}});
        AWAIT(badTask);
        QCOMPARE(badTask.result().error().code, ErrorCode::RemoteValidation);

        // v4 associations, both directions, with HubSpot's type ids.
        auto dealsOfContact = m_client->associations(ObjectType::Contacts, contact, ObjectType::Deals);
        AWAIT_OK(dealsOfContact);
        QCOMPARE(dealsOfContact.result()->size(), 1);
        QCOMPARE(dealsOfContact.result()->first().toObjectId, dealId);
        QCOMPARE(dealsOfContact.result()->first().types.first().typeId, AssociationTypeId::ContactToDeal);
        QCOMPARE(m_hs->portal().associationsOf(u"deals"_s, dealId.toLongLong(), u"contacts"_s).value(contact.toLongLong()),
                 QList<int>{AssociationTypeId::DealToContact});
        QCOMPARE(m_hs->portal().associationsOf(u"notes"_s, note.result()->id.toLongLong(), u"contacts"_s).value(contact.toLongLong()),
                 QList<int>{AssociationTypeId::NoteToContact});
        QCOMPARE(m_hs->portal().associationsOf(u"tasks"_s, task.result()->id.toLongLong(), u"contacts"_s).value(contact.toLongLong()),
                 QList<int>{AssociationTypeId::TaskToContact});

        const QString second = seedContact(u"other.parent@example.com"_s);
        auto linked = m_client->associate(ObjectType::Deals, dealId, ObjectType::Contacts, second, AssociationTypeId::DealToContact);
        AWAIT_OK(linked);
        auto wrongType = m_client->associate(ObjectType::Deals, dealId, ObjectType::Contacts, second, AssociationTypeId::NoteToContact);
        AWAIT(wrongType);
        QCOMPARE(wrongType.result().error().code, ErrorCode::RemoteValidation);
        auto contactsOfDeal = m_client->associations(ObjectType::Deals, dealId, ObjectType::Contacts);
        AWAIT_OK(contactsOfDeal);
        QCOMPARE(contactsOfDeal.result()->size(), 2);
        auto unlinked = m_client->removeAssociations(ObjectType::Deals, dealId, ObjectType::Contacts, second);
        AWAIT_OK(unlinked);
        auto defaulted = m_client->associateDefault(ObjectType::Notes, note.result()->id, ObjectType::Deals, dealId);
        AWAIT_OK(defaulted);
        auto after = m_client->associations(ObjectType::Deals, dealId, ObjectType::Contacts);
        AWAIT_OK(after);
        QCOMPARE(after.result()->size(), 1);
        QCOMPARE(m_hs->portal().associationsOf(u"deals"_s, dealId.toLongLong(), u"notes"_s).keys(),
                 QList<qint64>{note.result()->id.toLongLong()});
    }

    // CRM v3 Properties API: the portal starts without Concord's properties;
    // a write naming one is refused until it is created; a repeated create is
    // a 409 the client takes as done.
    void customProperties()
    {
        auto before = m_client->listProperties(u"deals"_s);
        AWAIT_OK(before);
        const auto named = [](const QList<PropertyDefinition> &list, const QString &name) {
            const auto it = std::find_if(list.cbegin(), list.cend(),
                                         [&name](const PropertyDefinition &p) { return p.name == name; });
            return it == list.cend() ? std::optional<PropertyDefinition>() : std::optional(*it);
        };
        QVERIFY(named(*before.result(), u"dealname"_s).has_value());
        QVERIFY(named(*before.result(), u"dealname"_s)->hubspotDefined);
        QVERIFY(!named(*before.result(), u"concord_invoice_tax"_s).has_value());
        QCOMPARE(apiLog().last().path, u"/crm/v3/properties/deals"_s);

        const PropertyMap deal{{u"dealname"_s, u"Patel tutoring"_s}, {u"pipeline"_s, u"default"_s},
                               {u"dealstage"_s, u"appointmentscheduled"_s}, {u"concord_invoice_tax"_s, u"5.20"_s}};
        auto refused = m_client->createDeal(deal);
        AWAIT(refused);
        QVERIFY(!refused.result());
        QCOMPARE(refused.result().error().code, ErrorCode::RemoteValidation);
        QCOMPARE(refused.result().error().remoteCode, u"PROPERTY_DOESNT_EXIST"_s);

        PropertyDefinition tax;
        tax.name = u"concord_invoice_tax"_s;
        tax.label = u"Concord: invoice tax"_s;
        tax.type = u"number"_s;
        tax.fieldType = u"number"_s;
        tax.groupName = u"dealinformation"_s;
        tax.description = u"Written by Concord"_s;
        auto made = m_client->createProperty(u"deals"_s, tax);
        AWAIT_OK(made);
        QVERIFY(!made.result()->alreadyExisted);
        QCOMPARE(made.result()->property.type, u"number"_s);
        QCOMPARE(made.result()->property.groupName, u"dealinformation"_s);
        QCOMPARE(apiLog().last().method, u"POST"_s);
        QCOMPARE(apiLog().last().path, u"/crm/v3/properties/deals"_s);
        QCOMPARE(apiLog().last().status, 201);

        auto after = m_client->listProperties(u"deals"_s);
        AWAIT_OK(after);
        const auto listed = named(*after.result(), u"concord_invoice_tax"_s);
        QVERIFY(listed.has_value());
        QCOMPARE(listed->label, u"Concord: invoice tax"_s);
        QCOMPARE(listed->fieldType, u"number"_s);
        QVERIFY(!listed->hubspotDefined);

        auto again = m_client->createProperty(u"deals"_s, tax);
        AWAIT_OK(again);
        QVERIFY(again.result()->alreadyExisted);
        QCOMPARE(apiLog().last().status, 409);
        // A default property's name is taken too.
        PropertyDefinition amount = tax;
        amount.name = u"amount"_s;
        auto taken = m_client->createProperty(u"deals"_s, amount);
        AWAIT_OK(taken);
        QVERIFY(taken.result()->alreadyExisted);

        auto written = m_client->createDeal(deal);
        AWAIT_OK(written);
        QCOMPARE(stored(u"deals"_s, written.result()->id, u"concord_invoice_tax"_s), u"5.20"_s);
    }

    void badPropertyDefinitions_data()
    {
        QTest::addColumn<QString>("objectType");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("fieldType");
        QTest::addColumn<QString>("group");
        QTest::newRow("upper-case name") << u"deals"_s << u"Concord_Tax"_s << u"string"_s << u"text"_s
                                         << u"dealinformation"_s;
        QTest::newRow("space in name") << u"deals"_s << u"concord tax"_s << u"string"_s << u"text"_s
                                       << u"dealinformation"_s;
        QTest::newRow("unknown type") << u"deals"_s << u"concord_tax"_s << u"money"_s << u"number"_s
                                      << u"dealinformation"_s;
        QTest::newRow("type and fieldType disagree") << u"deals"_s << u"concord_tax"_s << u"string"_s << u"number"_s
                                                     << u"dealinformation"_s;
        QTest::newRow("unknown group") << u"contacts"_s << u"concord_tax"_s << u"string"_s << u"text"_s
                                       << u"dealinformation"_s;
        QTest::newRow("unknown object type") << u"widgets"_s << u"concord_tax"_s << u"string"_s << u"text"_s
                                             << u"dealinformation"_s;
    }

    void badPropertyDefinitions()
    {
        QFETCH(QString, objectType);
        QFETCH(QString, name);
        QFETCH(QString, type);
        QFETCH(QString, fieldType);
        QFETCH(QString, group);
        PropertyDefinition def;
        def.name = name;
        def.label = u"Concord: tax"_s;
        def.type = type;
        def.fieldType = fieldType;
        def.groupName = group;
        auto made = m_client->createProperty(objectType, def);
        AWAIT(made);
        QVERIFY(!made.result());
        QCOMPARE(made.result().error().code, ErrorCode::RemoteValidation);
        QCOMPARE(made.result().error().httpStatus, 400);
        QCOMPARE(apiLog().last().status, 400);
        auto list = m_client->listProperties(u"deals"_s);
        AWAIT_OK(list);
        const QList<PropertyDefinition> properties = *list.result();
        for (const PropertyDefinition &p : properties)
            QVERIFY2(p.name != name, qPrintable(p.name));
    }

    void mergeMovesAssociations()
    {
        const QString primary = seedContact(u"p@example.com"_s);
        const QString other = seedContact(u"o@example.com"_s);
        auto deal = m_client->createDeal({{u"dealname"_s, u"d"_s}, {u"pipeline"_s, u"default"_s},
                                          {u"dealstage"_s, u"appointmentscheduled"_s}}, other);
        AWAIT_OK(deal);
        auto merged = m_client->mergeContacts(primary, other);
        AWAIT_OK(merged);
        auto deals = m_client->associations(ObjectType::Contacts, merged.result()->survivor.id, ObjectType::Deals);
        AWAIT_OK(deals);
        QCOMPARE(deals.result()->size(), 1);
        QCOMPARE(deals.result()->first().toObjectId, deal.result()->id);
    }

    void webhooksRepeatedAndOutOfOrder()
    {
        // The emulator delivers signed webhooks, each twice and reversed; the
        // receiver verifies v3, and the deduplicator gives each event once,
        // in occurredAt order.
        Test::LocalHttpServer receiver;
        QVERIFY(receiver.listen());
        receiver.setHandler([](const Test::RecordedRequest &) { return Test::CannedReply{200, {}, {}}; });
        const QByteArray secret = "hs-app-secret";
        m_hs->setWebhook(receiver.url(u"/hubspot/webhook"_s), secret);
        m_hs->webhooks()->setChaos({true, true});

        const QString primary = seedContact(u"dana@example.com"_s, u"Dana"_s);
        const QString other = seedContact(u"dana2@example.com"_s);
        m_clock->advanceSecs(10);
        QVERIFY(m_hs->editContact(primary, {{u"firstname"_s, u"Danielle"_s}}).has_value());
        m_clock->advanceSecs(10);
        QVERIFY(m_hs->editContact(primary, {{u"lastname"_s, u"O'Brien"_s}, {u"firstname"_s, u"Dani"_s}}).has_value());
        m_clock->advanceSecs(10);
        const auto merged = m_hs->mergeContacts(primary, other);
        QVERIFY(merged.has_value());
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests.size(), 6, 10000);

        WebhookEventDeduplicator dedupe;
        QList<WebhookEventDeduplicator::Accepted> accepted;
        for (const auto &r : std::as_const(receiver.requests)) {
            QVERIFY_OK(WebhookSignature::verifyV3(secret, r.method, receiver.url(u"/hubspot/webhook"_s).toEncoded(),
                                                  r.body, r.header("X-HubSpot-Request-Timestamp"),
                                                  r.header("X-HubSpot-Signature-v3"), m_clock->nowUtc()));
            QCOMPARE(r.header("X-HubSpot-Signature"), WebhookSignature::v1(secret, r.body));
            auto events = WebhookEvent::parseDelivery(r.body);
            QVERIFY_OK(events);
            accepted += dedupe.accept(*events, m_clock->nowUtc());
        }
        QStringList seen;
        for (const auto &a : std::as_const(accepted))
            seen << a.event.subscriptionType + u':' + a.event.propertyName;
        // Each delivery was sent twice: the copies were dropped.
        QCOMPARE(seen, (QStringList{u"contact.propertyChange:firstname"_s, u"contact.propertyChange:firstname"_s,
                                    u"contact.propertyChange:lastname"_s, u"contact.merge:"_s, u"contact.deletion:"_s}));
        const auto &merge = accepted.at(3).event;
        QCOMPARE(merge.primaryObjectId, primary);
        QCOMPARE(merge.mergedObjectIds, QStringList{other});
        QCOMPARE(merge.survivorId(), merged->value(u"id"_s).toString());
        QCOMPARE(accepted.at(4).event.objectId, other);
        QCOMPARE(accepted.at(1).event.propertyValue, std::optional<QString>(u"Dani"_s));
        // A stale copy of the first edit arriving after the second is marked superseded.
        WebhookEvent late = accepted.at(0).event;
        late.eventId = u"1"_s; // a new event id: not a repeat
        const auto lateResult = dedupe.accept({late}, m_clock->nowUtc());
        QCOMPARE(lateResult.size(), 1);
        QVERIFY(lateResult.first().superseded);
    }
};

QTEST_GUILESS_MAIN(TestHsClient)
#include "tst_hsclient.moc"
