// HubSpotClient's Files API v3 functions against the emulator: one page and
// every page of the file search, a file by id (404 → NotFound), the bytes
// through the signed URL, and fileDigests(): each PDF hashed with the notes
// (hs_attachment_ids) and records it hangs on. End to end: a PDF in HubSpot
// with the same bytes as a cached QuickBooks invoice PDF is reported by the
// quarterly audit as that invoice's duplicate; a PDF with other bytes is not.
#include "hsclientfixture.h"

#include "review/quarterlyaudit.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/operationsrepository.h"

#include <QCryptographicHash>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace Concord;
using namespace Concord::HubSpot;

namespace {
QString sha(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}
} // namespace

class TestHsFiles : public QObject, protected Test::HsClientFixture
{
    Q_OBJECT

    QString seedPdf(const QString &name, const QByteArray &bytes)
    {
        auto f = m_hs->seedFile(name, u"/invoices"_s, bytes);
        if (!f) {
            qWarning() << f.error().message;
            return {};
        }
        return f->value(u"id"_s).toString();
    }

    // A note on `contactId` (and `dealId` when given) naming `fileIds`.
    QString seedNote(const QStringList &fileIds, const QString &contactId, const QString &dealId = {})
    {
        auto note = m_hs->seedObject(u"notes"_s, QJsonObject{{u"properties"_s,
                                                              QJsonObject{{u"hs_note_body"_s, u"Invoice attached"_s},
                                                                          {u"hs_timestamp"_s, u"2026-03-01T10:00:00Z"_s},
                                                                          {u"hs_attachment_ids"_s, fileIds.join(u';')}}}});
        if (!note) {
            qWarning() << note.error().message;
            return {};
        }
        const QString id = note->value(u"id"_s).toString();
        if (!m_hs->seedAssociation(u"notes"_s, id, u"contacts"_s, contactId))
            qWarning() << "association to contact failed";
        if (!dealId.isEmpty() && !m_hs->seedAssociation(u"notes"_s, id, u"deals"_s, dealId))
            qWarning() << "association to deal failed";
        return id;
    }

    QString seedContact(const QString &email)
    {
        auto c = m_hs->seedContact({{u"email"_s, email}});
        return c ? c->value(u"id"_s).toString() : QString();
    }

private Q_SLOTS:
    void init() { setUpWorld(); }
    void cleanup() { tearDownWorld(); }

    void pagesAndFileById()
    {
        const QStringList ids{seedPdf(u"a.pdf"_s, "%PDF a"), seedPdf(u"b.pdf"_s, "%PDF b"), seedPdf(u"c.pdf"_s, "%PDF c")};
        QVERIFY(m_hs->seedFile(u"logo.png"_s, u"/img"_s, "PNG").has_value());

        FileQuery query;
        query.limit = 2;
        auto first = m_client->files(query);
        AWAIT_OK(first);
        QCOMPARE(first.result()->results.size(), 2);
        QVERIFY(!first.result()->nextAfter.isEmpty());

        auto pdfs = m_client->allFiles(u"pdf"_s);
        AWAIT_OK(pdfs);
        const QList<HubSpotFile> pdfList = pdfs.result().value();
        QStringList got;
        for (const HubSpotFile &f : pdfList)
            got << f.id;
        QCOMPARE(got, ids);
        const HubSpotFile a = pdfList.first();
        QCOMPARE(a.name, u"a"_s);
        QCOMPARE(a.extension, u"pdf"_s);
        QCOMPARE(a.path, u"/invoices/a.pdf"_s);
        QCOMPARE(a.size, 6);
        QCOMPARE(a.access, u"PRIVATE"_s);
        QCOMPARE(a.createdAt, m_start);

        auto all = m_client->allFiles();
        AWAIT_OK(all);
        QCOMPARE(all.result()->size(), 4);

        auto one = m_client->file(ids.at(1));
        AWAIT_OK(one);
        QCOMPARE(one.result().value(), pdfList.at(1));
        auto missing = m_client->file(u"424242"_s);
        AWAIT(missing);
        QVERIFY(!missing.result().has_value());
        QCOMPARE(missing.result().error().code, ErrorCode::NotFound);

        FileQuery bad;
        bad.limit = 101;
        auto refused = m_client->files(bad);
        AWAIT(refused);
        QCOMPARE(refused.result().error().code, ErrorCode::InvalidArgument);
    }

    void contentThroughSignedUrl()
    {
        const QByteArray pdf = "%PDF-1.7\nstream of invoice 1042\n%%EOF";
        const QString id = seedPdf(u"INV-1042.pdf"_s, pdf);
        auto bytes = m_client->fileContent(id);
        AWAIT_OK(bytes);
        QCOMPARE(*bytes.result(), pdf);
        // The bytes came from the file URL (/hubfs/…), after the signed-url call.
        QStringList paths;
        for (const auto &entry : m_hs->requestLog())
            paths << entry.path.section(u'/', 0, 2);
        QCOMPARE(paths.last(), u"/hubfs/%1"_s.arg(m_hs->portal().portalId()));
        QVERIFY(m_hs->requestLog().at(paths.size() - 2).path.endsWith(u"/signed-url"_s));
        auto missing = m_client->fileContent(u"1"_s);
        AWAIT(missing);
        QCOMPARE(missing.result().error().code, ErrorCode::NotFound);
    }

    void digestsWithNotesAndRecords()
    {
        const QByteArray one = "%PDF one";
        const QByteArray two = "%PDF two";
        const QString f1 = seedPdf(u"one.pdf"_s, one);
        const QString f2 = seedPdf(u"two.pdf"_s, two);
        const QString png = m_hs->seedFile(u"x.png"_s, u"/img"_s, "PNG")->value(u"id"_s).toString();
        const QString ada = seedContact(u"ada@example.com"_s);
        auto deal = m_hs->seedObject(u"deals"_s, QJsonObject{{u"properties"_s, QJsonObject{{u"dealname"_s, u"Tutoring"_s},
                                                                                          {u"pipeline"_s, u"default"_s},
                                                                                          {u"dealstage"_s, u"appointmentscheduled"_s}}}});
        QVERIFY(deal.has_value());
        const QString dealId = deal->value(u"id"_s).toString();
        const QString n1 = seedNote({f1, png}, ada, dealId);
        const QString n2 = seedNote({f1}, ada);
        QVERIFY(!n1.isEmpty() && !n2.isEmpty());

        auto digests = m_client->fileDigests();
        AWAIT_OK(digests);
        const QList<FileDigest> list = digests.result().value();
        QCOMPARE(list.size(), 2); // PDFs only
        const FileDigest d1 = list.at(0);
        const FileDigest d2 = list.at(1);
        QCOMPARE(d1.file.id, f1);
        QCOMPARE(d1.sha256Hex, sha(one));
        QStringList notes = d1.noteIds;
        notes.sort();
        QStringList expectedNotes{n1, n2};
        expectedNotes.sort();
        QCOMPARE(notes, expectedNotes);
        QCOMPARE(d1.attachedTo, (QStringList{u"contact "_s + ada, u"deal "_s + dealId}));
        QCOMPARE(d2.file.id, f2);
        QCOMPARE(d2.sha256Hex, sha(two));
        QCOMPARE(d2.noteIds, QStringList());
        QCOMPARE(d2.attachedTo, QStringList());
    }

    // The whole path the quarterly review takes: cached invoice PDF in the
    // store, copies in HubSpot, scan, audit.
    void cachedInvoiceDuplicateFoundEndToEnd()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto db = Store::Database::open(u"sqlite://"_s + dir.filePath(u"store.sqlite"_s));
        QVERIFY_OK(db);
        QVERIFY_OK(Store::migrate(**db));
        const qint64 ms = m_start.toMSecsSinceEpoch();
        QVERIFY_OK((*db)->exec(u"INSERT INTO customers (id, display_name, created_at, updated_at) VALUES ('cus_ada', 'Ada', ?, ?)"_s,
                               {ms, ms}));
        auto invoice = (*db)->insert(u"INSERT INTO invoices (customer_id, quickbooks_id, doc_number, currency, status, "
                                     "created_at, updated_at) VALUES ('cus_ada', '130', '1042', 'USD', 'invoiced', ?, ?) "
                                     "RETURNING id"_s,
                                     {ms, ms});
        QVERIFY_OK(invoice);
        const QByteArray cached = "%PDF-1.7 QuickBooks invoice 1042, balance due $65.00";
        const QByteArray other = "%PDF-1.7 QuickBooks invoice 1042, balance due $0.00"; // a later version
        Domain::Attachment a;
        a.sha256Hex = sha(cached);
        a.invoiceId = *invoice;
        a.sizeBytes = cached.size();
        a.storagePath = dir.filePath(u"cache/x.pdf"_s);
        a.fetchedAt = m_start;
        Store::OperationsRepository ops(**db);
        QVERIFY_OK(ops.saveAttachment(a));

        const QString ada = seedContact(u"ada@example.com"_s);
        const QString same = seedPdf(u"Invoice 1042.pdf"_s, cached);
        const QString different = seedPdf(u"Invoice 1042 (paid).pdf"_s, other);
        const QString note = seedNote({same}, ada);

        auto digests = m_client->fileDigests();
        AWAIT_OK(digests);
        Review::QuarterlyAuditOptions options;
        options.crmFiles = Review::crmCopiesFrom(*digests.result());
        auto storage = Review::auditStorage(**db, m_start, options);
        QVERIFY_OK(storage);
        QCOMPARE(storage->crmFilesScanned, 2);
        QCOMPARE(storage->duplicates.size(), 1);
        const Review::DuplicateGroup &g = storage->duplicates.first();
        QCOMPARE(g.invoiceId, *invoice);
        QCOMPARE(g.invoiceNumber, u"1042"_s);
        QCOMPARE(g.customerId, u"cus_ada"_s);
        QCOMPARE(g.sha256Hex, sha(cached));
        QCOMPARE(g.copies.size(), 1);
        QCOMPARE(g.copies.first().fileId, same);
        QCOMPARE(g.copies.first().name, u"Invoice 1042.pdf"_s);
        QCOMPARE(g.copies.first().noteIds, QStringList{note});
        QCOMPARE(g.copies.first().attachedTo, QStringList{u"contact "_s + ada});
        QCOMPARE(g.wastedBytes, cached.size());
        QCOMPARE(storage->wastedBytes, cached.size());
        for (const Review::DuplicateGroup &group : storage->duplicates) {
            for (const Review::CrmFileCopy &c : group.copies)
                QVERIFY(c.fileId != different);
        }
    }
};

QTEST_GUILESS_MAIN(TestHsFiles)
#include "tst_hsfiles.moc"
