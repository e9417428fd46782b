// Sync::PdfCache (core/sync/pdfcache.h) against the QuickBooks emulator and a
// real SQLite store: one content-addressed file per distinct PDF, one copy
// per invoice, retention, refusals that write nothing, tamper detection.
// Every check looks at the whole cache folder and the whole attachments table.

#include "qboclientfixture.h"

#include "../../core/store/storetestsupport.h"

#include "domain/billing.h"
#include "domain/customer.h"
#include "quickbooks/qbopdf.h"
#include "store/billingrepository.h"
#include "store/customerrepository.h"
#include "store/database.h"
#include "store/operationsrepository.h"
#include "sync/pdfcache.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Concord;
using Concord::Domain::Attachment;
using Concord::Test::kRealm;
using Concord::Test::ref;
using Concord::Test::usd;

namespace {

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestPdfCache : public QObject, public Concord::Test::QboClientFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { StoreTest::quietStoreLog(); }
    void init();
    void cleanup();

    void firstCacheWritesOneContentAddressedFile();
    void sameContentAgainAddsNothing();
    void changedInvoiceReplacesItsOlderCopy();
    void identicalPdfsOfTwoInvoicesShareOneCopy();
    void purgeRemovesExpiredCopiesOnly();
    void purgeToleratesMissingFileAndRetriesUndeletable();
    void zeroRetentionKeepsForever();
    void nonPdfAnswerWritesNothing_data();
    void nonPdfAnswerWritesNothing();
    void refusalsWriteNothing();
    void verifyDetectsTampering();

private:
    static constexpr int kRetentionDays = 30;

    // An invoice in the emulator for `dollars` (one line); its QuickBooks id.
    QString seedQboInvoice(int dollars, const QString &docNumber = {});
    // The Concord invoice row mirroring QuickBooks invoice `qboId`; its id.
    qint64 concordInvoice(const QString &qboId);
    // The bytes the emulator serves for the invoice as it is now.
    QByteArray emulatorPdf(const QString &qboId) const;
    void makeCache(int retentionDays, QuickBooks::QuickBooksClient *client);
    // Runs cache() with the event loop turning until it finishes.
    Result<Attachment> cacheNow(qint64 invoiceId);

    // Every entry under the cache folder, relative, sorted (folders too, and
    // QSaveFile leftovers would show).
    QStringList files() const;
    // The attachments table, one "c1 | c2 | …" line per row.
    QStringList attachmentRows() const { return StoreTest::tableRows(*m_db, u"attachments"_s); }
    // How `a` looks as a row of that table.
    static QString rowOf(const Attachment &a);
    // The attachment a first cache of `pdf` for `invoiceId` records now.
    Attachment expected(qint64 id, qint64 invoiceId, const QByteArray &pdf, int retentionDays) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store::Database> m_db;
    std::unique_ptr<ManualClock> m_cacheClock; // the cache's and the store's; the emulator keeps m_clock
    std::unique_ptr<Sync::PdfCache> m_cache;
    QString m_cacheDir;
    QString m_qboCustomer;
    QString m_qboItem;
    QString m_customerId;
};

void TestPdfCache::init()
{
    setUpWorld();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto db = StoreTest::openMigrated(*m_dir);
    STORE_VERIFY_OK(db);
    m_db = std::move(*db);
    m_cacheClock = std::make_unique<ManualClock>(StoreTest::fixedStart());
    m_cacheDir = m_dir->filePath(u"pdf"_s);

    m_qboCustomer = seedCustomer(u"Pat Parent"_s, u"pat@example.com"_s);
    m_qboItem = seedItem(u"Tutoring hour"_s, 60);
    QVERIFY(!m_qboCustomer.isEmpty());
    QVERIFY(!m_qboItem.isEmpty());
    Domain::Customer pat;
    pat.displayName = u"Pat Parent"_s;
    auto created = Store::CustomerRepository(*m_db, *m_cacheClock).create(pat);
    STORE_VERIFY_OK(created);
    m_customerId = created->id;

    makeCache(kRetentionDays, m_client.get());
}

void TestPdfCache::cleanup()
{
    m_cache.reset();
    m_db.reset();
    m_dir.reset();
    tearDownWorld();
}

QString TestPdfCache::seedQboInvoice(int dollars, const QString &docNumber)
{
    QJsonObject invoice{
        {u"CustomerRef"_s, ref(m_qboCustomer)},
        {u"Line"_s, QJsonArray{QJsonObject{
                        {u"DetailType"_s, u"SalesItemLineDetail"_s},
                        {u"Amount"_s, dollars},
                        {u"Description"_s, u"Tutoring"_s},
                        {u"SalesItemLineDetail"_s,
                         QJsonObject{{u"ItemRef"_s, ref(m_qboItem)}, {u"Qty"_s, dollars / 60.0}, {u"UnitPrice"_s, 60}}}}}}};
    if (!docNumber.isEmpty())
        invoice.insert(u"DocNumber"_s, docNumber);
    const auto seeded = m_qbo->seed(kRealm, u"Invoice"_s, invoice);
    return seeded ? seeded->value(u"Id"_s).toString() : QString();
}

qint64 TestPdfCache::concordInvoice(const QString &qboId)
{
    const QJsonObject remote = m_qbo->entity(kRealm, u"Invoice"_s, qboId);
    const qint64 cents = qRound64(remote.value(u"TotalAmt"_s).toDouble() * 100);
    Domain::Invoice i;
    i.customerId = m_customerId;
    i.quickbooksId = qboId;
    i.docNumber = remote.value(u"DocNumber"_s).toString();
    i.txnDate = QDate(2026, 3, 10);
    i.total = usd(cents);
    i.balance = usd(cents);
    i.tax = usd(0);
    i.discount = usd(0);
    i.deposit = usd(0);
    i.syncToken = remote.value(u"SyncToken"_s).toString();
    auto id = Store::BillingRepository(*m_db, *m_cacheClock).saveInvoice(i);
    return id ? *id : 0;
}

QByteArray TestPdfCache::emulatorPdf(const QString &qboId) const
{
    return Sandbox::QboPdf::render(u"Invoice"_s, m_qbo->entity(kRealm, u"Invoice"_s, qboId));
}

void TestPdfCache::makeCache(int retentionDays, QuickBooks::QuickBooksClient *client)
{
    m_cache.reset();
    m_cache = std::make_unique<Sync::PdfCache>(*m_db, client, Sync::PdfCache::Options{m_cacheDir, retentionDays},
                                               *m_cacheClock);
}

Result<Attachment> TestPdfCache::cacheNow(qint64 invoiceId)
{
    QFuture<Result<Attachment>> future = m_cache->cache(invoiceId);
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 10000))
        return fail(ErrorCode::Internal, u"cache(%1) did not finish within 10 s"_s.arg(invoiceId));
    if (future.isCanceled() || future.resultCount() == 0)
        return fail(ErrorCode::Internal, u"cache(%1) was canceled"_s.arg(invoiceId));
    return future.result();
}

QStringList TestPdfCache::files() const
{
    QStringList out;
    QDirIterator it(m_cacheDir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QDir(m_cacheDir).relativeFilePath(it.next());
    out.sort();
    return out;
}

QString TestPdfCache::rowOf(const Attachment &a)
{
    return QStringList{QString::number(a.id),
                       a.sha256Hex,
                       QString::number(a.invoiceId),
                       a.mimeType,
                       QString::number(a.sizeBytes),
                       a.storagePath,
                       QString::number(a.fetchedAt.toMSecsSinceEpoch()),
                       a.expiresAt.isValid() ? QString::number(a.expiresAt.toMSecsSinceEpoch()) : u"NULL"_s}
        .join(u" | "_s);
}

Attachment TestPdfCache::expected(qint64 id, qint64 invoiceId, const QByteArray &pdf, int retentionDays) const
{
    Attachment a;
    a.id = id;
    a.sha256Hex = sha256Of(pdf);
    a.invoiceId = invoiceId;
    a.mimeType = u"application/pdf"_s;
    a.sizeBytes = pdf.size();
    a.storagePath = m_cacheDir + u'/' + a.sha256Hex.left(2) + u'/' + a.sha256Hex + u".pdf"_s;
    a.fetchedAt = m_cacheClock->nowUtc();
    if (retentionDays > 0)
        a.expiresAt = a.fetchedAt.addDays(retentionDays);
    return a;
}

// The whole state after one cache(): one file at <dir>/<2 hex>/<sha256>.pdf
// with the emulator's bytes, one row describing it, one PDF request.
void TestPdfCache::firstCacheWritesOneContentAddressedFile()
{
    const QString qboId = seedQboInvoice(120);
    const qint64 invoiceId = concordInvoice(qboId);
    QVERIFY(invoiceId > 0);
    const QByteArray pdf = emulatorPdf(qboId);
    QVERIFY(pdf.startsWith("%PDF-"));
    m_qbo->clearLog();

    auto cached = cacheNow(invoiceId);
    QVERIFY_OK(cached);
    QVERIFY(cached->id > 0);
    const Attachment want = expected(cached->id, invoiceId, pdf, kRetentionDays);
    QCOMPARE(StoreTest::dump(*cached), StoreTest::dump(want));

    const QString digest = sha256Of(pdf);
    QCOMPARE(files(), (QStringList{digest.left(2), digest.left(2) + u'/' + digest + u".pdf"_s}));
    QFile file(want.storagePath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), pdf);
    // Invoices carry names and addresses: owner-only.
    QCOMPARE(int(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)), 0);
    QCOMPARE(attachmentRows(), QStringList{rowOf(want)});

    const auto log = apiLog();
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.first().method, u"GET"_s);
    QCOMPARE(log.first().path, u"/v3/company/%1/invoice/%2/pdf"_s.arg(kRealm, qboId));

    auto found = m_cache->cachedFor(invoiceId);
    QVERIFY_OK(found);
    QVERIFY(found->has_value());
    QCOMPARE(StoreTest::dump(**found), StoreTest::dump(want));
    auto path = m_cache->pathFor(invoiceId);
    QVERIFY_OK(path);
    QCOMPARE(*path, want.storagePath);
    QVERIFY_OK(m_cache->verify(*cached));
}

// A re-sync of unchanged content: the same row, the same file untouched.
void TestPdfCache::sameContentAgainAddsNothing()
{
    const QString qboId = seedQboInvoice(120);
    const qint64 invoiceId = concordInvoice(qboId);
    auto first = cacheNow(invoiceId);
    QVERIFY_OK(first);
    // Backdate the file: a rewrite (QSaveFile makes a new file) would show.
    const QDateTime backdated = QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
    {
        QFile file(first->storagePath);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(backdated, QFileDevice::FileModificationTime));
    }
    const QStringList filesBefore = files();
    const QStringList rowsBefore = attachmentRows();
    const QStringList storeBefore = StoreTest::snapshot(*m_db);

    m_cacheClock->advanceSecs(86400);
    auto second = cacheNow(invoiceId);
    QVERIFY_OK(second);
    QCOMPARE(StoreTest::dump(*second), StoreTest::dump(*first)); // fetchedAt/expiresAt unchanged too
    QCOMPARE(files(), filesBefore);
    QCOMPARE(attachmentRows(), rowsBefore);
    QCOMPARE(StoreTest::snapshot(*m_db), storeBefore);
    QCOMPARE(QFileInfo(first->storagePath).lastModified().toUTC(), backdated);
    QCOMPARE(apiLog().size(), 2); // it did fetch again; it only stored nothing
}

// A payment changes the PDF (balance due): the new version is stored and the
// invoice's older copy goes, file and row.
void TestPdfCache::changedInvoiceReplacesItsOlderCopy()
{
    const QString qboId = seedQboInvoice(120);
    const qint64 invoiceId = concordInvoice(qboId);
    // A second invoice whose copy must stay untouched throughout.
    const QString otherQboId = seedQboInvoice(60);
    const qint64 otherId = concordInvoice(otherQboId);
    auto other = cacheNow(otherId);
    QVERIFY_OK(other);

    const QByteArray before = emulatorPdf(qboId);
    auto old = cacheNow(invoiceId);
    QVERIFY_OK(old);
    QCOMPARE(old->sha256Hex, sha256Of(before));

    QVERIFY(m_qbo->recordPayment(kRealm, m_qboCustomer, 5000, {{qboId, 5000}}).has_value());
    const QByteArray after = emulatorPdf(qboId);
    QVERIFY(after != before);
    QVERIFY(after.contains("Balance due  70.00"));

    m_cacheClock->advanceSecs(3600);
    auto fresh = cacheNow(invoiceId);
    QVERIFY_OK(fresh);
    const Attachment want = expected(fresh->id, invoiceId, after, kRetentionDays);
    QCOMPARE(StoreTest::dump(*fresh), StoreTest::dump(want));
    QVERIFY(fresh->id != old->id);

    QCOMPARE(attachmentRows(), (QStringList{rowOf(*other), rowOf(want)}));
    QStringList wantFiles;
    for (const QString &d : {other->sha256Hex, want.sha256Hex})
        wantFiles << d.left(2) << d.left(2) + u'/' + d + u".pdf"_s;
    wantFiles.removeDuplicates();
    wantFiles.sort();
    QCOMPARE(files(), wantFiles);
    QVERIFY(!QFile::exists(old->storagePath));
    QVERIFY_OK(m_cache->verify(*fresh));
    QVERIFY_OK(m_cache->verify(*other));
    auto found = m_cache->cachedFor(invoiceId);
    QVERIFY_OK(found);
    QCOMPARE(StoreTest::dump(found->value()), StoreTest::dump(want));
}

// Two invoices whose PDFs are byte for byte the same (same number, customer,
// lines) share one file and one row, kept for the invoice cached first: the
// schema has one row per digest (attachments.sha256 UNIQUE) with one invoice.
void TestPdfCache::identicalPdfsOfTwoInvoicesShareOneCopy()
{
    const QString a = seedQboInvoice(120, u"D-1"_s);
    const QString b = seedQboInvoice(120, u"D-1"_s);
    QVERIFY(a != b);
    QCOMPARE(emulatorPdf(a), emulatorPdf(b));
    const qint64 invoiceA = concordInvoice(a);
    const qint64 invoiceB = concordInvoice(b);

    auto first = cacheNow(invoiceA);
    QVERIFY_OK(first);
    auto second = cacheNow(invoiceB);
    QVERIFY_OK(second);
    QCOMPARE(StoreTest::dump(*second), StoreTest::dump(*first));
    QCOMPARE(second->invoiceId, invoiceA);
    QCOMPARE(attachmentRows(), QStringList{rowOf(*first)});
    QCOMPARE(files().size(), 2); // one folder, one file
    auto ofB = m_cache->cachedFor(invoiceB);
    QVERIFY_OK(ofB);
    QVERIFY(!ofB->has_value());
}

// Retention: a copy whose expiresAt has passed goes (file and row); younger
// copies stay; a second purge finds nothing.
void TestPdfCache::purgeRemovesExpiredCopiesOnly()
{
    const QDateTime t0 = m_cacheClock->nowUtc();
    const QString oldQbo = seedQboInvoice(120);
    const qint64 oldInvoice = concordInvoice(oldQbo);
    auto old = cacheNow(oldInvoice);
    QVERIFY_OK(old);
    QCOMPARE(old->expiresAt, t0.addDays(kRetentionDays));

    m_cacheClock->advanceSecs(10 * 86400);
    const QString youngQbo = seedQboInvoice(60);
    const qint64 youngInvoice = concordInvoice(youngQbo);
    auto young = cacheNow(youngInvoice);
    QVERIFY_OK(young);

    // Just before the old copy's expiry: nothing to do.
    m_cacheClock->setNow(t0.addDays(kRetentionDays).addMSecs(-1));
    auto none = m_cache->purgeExpired();
    QVERIFY_OK(none);
    QCOMPARE(*none, 0);
    QCOMPARE(attachmentRows(), (QStringList{rowOf(*old), rowOf(*young)}));

    // At expiry (inclusive) the old copy goes.
    m_cacheClock->setNow(t0.addDays(kRetentionDays));
    auto purged = m_cache->purgeExpired();
    QVERIFY_OK(purged);
    QCOMPARE(*purged, 1);
    QCOMPARE(attachmentRows(), QStringList{rowOf(*young)});
    const QString d = young->sha256Hex;
    QCOMPARE(files(), (QStringList{d.left(2), d.left(2) + u'/' + d + u".pdf"_s}));
    auto gone = m_cache->cachedFor(oldInvoice);
    QVERIFY_OK(gone);
    QVERIFY(!gone->has_value());
    QCOMPARE(m_cache->pathFor(oldInvoice).error().code, ErrorCode::NotFound);

    auto again = m_cache->purgeExpired();
    QVERIFY_OK(again);
    QCOMPARE(*again, 0);
    QCOMPARE(attachmentRows(), QStringList{rowOf(*young)});

    // Caching the purged invoice again fetches and stores a fresh copy.
    auto refetched = cacheNow(oldInvoice);
    QVERIFY_OK(refetched);
    QCOMPARE(StoreTest::dump(*refetched),
             StoreTest::dump(expected(refetched->id, oldInvoice, emulatorPdf(oldQbo), kRetentionDays)));
}

// A file already gone is not an error; a file that cannot be deleted keeps
// its row (so the next purge retries) and is reported.
void TestPdfCache::purgeToleratesMissingFileAndRetriesUndeletable()
{
    const qint64 first = concordInvoice(seedQboInvoice(120));
    const qint64 second = concordInvoice(seedQboInvoice(60));
    auto missing = cacheNow(first);
    QVERIFY_OK(missing);
    auto stuck = cacheNow(second);
    QVERIFY_OK(stuck);

    QVERIFY(QFile::remove(missing->storagePath));
    // A folder in the file's place cannot be unlinked, even by root.
    QVERIFY(QFile::remove(stuck->storagePath));
    QVERIFY(QDir().mkpath(stuck->storagePath + u"/inside"_s));

    m_cacheClock->advanceSecs(qint64(kRetentionDays) * 86400);
    auto purged = m_cache->purgeExpired();
    QVERIFY(!purged);
    QCOMPARE(purged.error().code, ErrorCode::Storage);
    QVERIFY2(purged.error().message.startsWith(u"removed 1 of 2 expired invoice PDFs; cannot delete the cached PDF "_s
                                               + stuck->storagePath),
             qPrintable(purged.error().message));
    QCOMPARE(attachmentRows(), QStringList{rowOf(*stuck)});

    QVERIFY(QDir(stuck->storagePath).removeRecursively());
    auto retried = m_cache->purgeExpired();
    QVERIFY_OK(retried);
    QCOMPARE(*retried, 1); // its file was gone by then: logged, not an error
    QCOMPARE(attachmentRows(), QStringList());
    // Only the emptied <2 hex> folders are left (nothing removed a file there).
    QStringList folders{missing->sha256Hex.left(2), stuck->sha256Hex.left(2)};
    folders.removeDuplicates();
    folders.sort();
    QCOMPARE(files(), folders);
}

void TestPdfCache::zeroRetentionKeepsForever()
{
    makeCache(0, m_client.get());
    const qint64 invoiceId = concordInvoice(seedQboInvoice(120));
    auto cached = cacheNow(invoiceId);
    QVERIFY_OK(cached);
    QVERIFY(!cached->expiresAt.isValid());
    const QStringList rows = attachmentRows();
    QVERIFY2(rows.first().endsWith(u" | NULL"_s), qPrintable(rows.first()));

    m_cacheClock->advanceSecs(qint64(100) * 366 * 86400);
    auto purged = m_cache->purgeExpired();
    QVERIFY_OK(purged);
    QCOMPARE(*purged, 0);
    QCOMPARE(attachmentRows(), rows);
    QVERIFY_OK(m_cache->verify(*cached));
}

void TestPdfCache::nonPdfAnswerWritesNothing_data()
{
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("faultCode");
    QTest::addColumn<int>("count");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("reason"); // the client's words after the invoice

    // HTTP 200 whose body is a QuickBooks Fault, not a PDF.
    QTest::newRow("200 with a fault body") << 200 << QString() << 1 << ErrorCode::RemoteValidation
                                           << u"QuickBooks did not answer with a PDF"_s;
    QTest::newRow("400 validation fault") << 400 << u"2010"_s << 1 << ErrorCode::RemoteValidation << QString();
    // Every attempt answered 503 (the client gives up after its 4 attempts).
    QTest::newRow("503 throughout") << 503 << QString() << 10 << ErrorCode::Network << QString();
}

void TestPdfCache::nonPdfAnswerWritesNothing()
{
    QFETCH(int, httpStatus);
    QFETCH(QString, faultCode);
    QFETCH(int, count);
    QFETCH(ErrorCode, code);
    QFETCH(QString, reason);

    const QString qboId = seedQboInvoice(120, u"N-7"_s);
    const qint64 invoiceId = concordInvoice(qboId);
    Sandbox::QuickBooksEmulator::FaultRule rule;
    rule.pathContains = u"/pdf"_s;
    rule.httpStatus = httpStatus;
    rule.faultCode = faultCode;
    rule.count = count;
    m_qbo->injectFault(rule);
    const QStringList storeBefore = StoreTest::snapshot(*m_db);

    auto cached = cacheNow(invoiceId);
    QVERIFY(!cached);
    QCOMPARE(cached.error().code, code);
    const QString prefix = u"cannot cache the PDF of invoice %1 (no. N-7, QuickBooks %2): "_s.arg(invoiceId).arg(qboId);
    QVERIFY2(cached.error().message.startsWith(prefix + reason), qPrintable(cached.error().message));
    // QuickBooksClient::invoicePdf replaces a 200 that is not a PDF by its own
    // error without the status; the others keep theirs.
    if (httpStatus != 200)
        QCOMPARE(cached.error().httpStatus, httpStatus);
    QCOMPARE(files(), QStringList());
    QCOMPARE(StoreTest::snapshot(*m_db), storeBefore);
}

// Each refusal names what is wrong and leaves folder and store as they were.
void TestPdfCache::refusalsWriteNothing()
{
    // QuickBooks does not know the invoice: 610 → NotFound.
    const qint64 unknownRemote = concordInvoice(u"4040"_s);
    auto notFound = cacheNow(unknownRemote);
    QVERIFY(!notFound);
    QCOMPARE(notFound.error().code, ErrorCode::NotFound);
    QVERIFY2(notFound.error().message.startsWith(
                 u"cannot cache the PDF of invoice %1 (no. -, QuickBooks 4040): "_s.arg(unknownRemote)),
             qPrintable(notFound.error().message));
    QCOMPARE(apiLog().last().status, 400);

    // No such Concord invoice.
    auto noInvoice = cacheNow(987654);
    QVERIFY(!noInvoice);
    QCOMPARE(noInvoice.error().code, ErrorCode::NotFound);
    QVERIFY2(noInvoice.error().message.startsWith(u"cannot cache the PDF of invoice 987654: "_s),
             qPrintable(noInvoice.error().message));

    // An invoice not created in QuickBooks yet.
    Domain::Invoice local;
    local.customerId = m_customerId;
    local.docNumber = u"L-1"_s;
    local.total = local.balance = local.tax = local.discount = local.deposit = usd(0);
    auto localId = Store::BillingRepository(*m_db, *m_cacheClock).saveInvoice(local);
    STORE_VERIFY_OK(localId);
    auto notRemote = cacheNow(*localId);
    QVERIFY(!notRemote);
    QCOMPARE(notRemote.error().code, ErrorCode::NotFound);
    QCOMPARE(notRemote.error().message,
             u"cannot cache the PDF of invoice %1 (no. L-1): it has no QuickBooks invoice yet"_s.arg(*localId));

    // QuickBooks not connected.
    const qint64 real = concordInvoice(seedQboInvoice(120));
    makeCache(kRetentionDays, nullptr);
    auto noClient = cacheNow(real);
    QVERIFY(!noClient);
    QCOMPARE(noClient.error().code, ErrorCode::InvalidConfig);
    QCOMPARE(noClient.error().message,
             u"cannot cache the PDF of invoice %1: QuickBooks is not connected"_s.arg(real));

    // A relative folder.
    m_cache = std::make_unique<Sync::PdfCache>(*m_db, m_client.get(), Sync::PdfCache::Options{u"pdf"_s, 30},
                                               *m_cacheClock);
    auto relative = cacheNow(real);
    QVERIFY(!relative);
    QCOMPARE(relative.error().code, ErrorCode::InvalidConfig);
    QVERIFY2(relative.error().message.contains(u"[sync] pdf_cache_dir"_s), qPrintable(relative.error().message));

    QCOMPARE(files(), QStringList());
    QCOMPARE(attachmentRows(), QStringList());
    QVERIFY(!QDir(m_dir->filePath(u"pdf"_s)).exists());
}

// verify() re-hashes: a changed byte, a truncated file and a deleted file are
// each caught; caching again repairs the copy in place.
void TestPdfCache::verifyDetectsTampering()
{
    const qint64 invoiceId = concordInvoice(seedQboInvoice(120));
    auto cached = cacheNow(invoiceId);
    QVERIFY_OK(cached);
    QVERIFY_OK(m_cache->verify(*cached));
    const QString path = cached->storagePath;
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray original = file.readAll();
    file.close();

    // One byte changed, same size ("Total" → "Totaj").
    QByteArray changed = original;
    const qsizetype at = changed.indexOf("Total");
    QVERIFY(at > 0);
    changed[at + 4] = 'j';
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(changed);
    file.close();
    auto tampered = m_cache->verify(*cached);
    QVERIFY(!tampered);
    QCOMPARE(tampered.error().code, ErrorCode::Integrity);
    QVERIFY2(tampered.error().message.contains(u"expected SHA-256 %1 (%2 bytes), found %3 (%2 bytes)"_s.arg(
                 cached->sha256Hex, QString::number(original.size()), sha256Of(changed))),
             qPrintable(tampered.error().message));

    // Truncated.
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(original.left(100));
    file.close();
    QCOMPARE(m_cache->verify(*cached).error().code, ErrorCode::Integrity);

    // Caching again rewrites the damaged copy, same row.
    const QStringList rows = attachmentRows();
    auto repaired = cacheNow(invoiceId);
    QVERIFY_OK(repaired);
    QCOMPARE(StoreTest::dump(*repaired), StoreTest::dump(*cached));
    QCOMPARE(attachmentRows(), rows);
    QVERIFY_OK(m_cache->verify(*cached));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), original);
    file.close();

    // Deleted.
    QVERIFY(QFile::remove(path));
    QCOMPARE(m_cache->verify(*cached).error().code, ErrorCode::NotFound);
    QCOMPARE(m_cache->pathFor(invoiceId).error().code, ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(TestPdfCache)
#include "tst_pdfcache.moc"
