#include "sync/pdfcache.h"

#include "common/config.h"
#include "connectors/quickbooks/quickbooksclient.h"
#include "domain/billing.h"
#include "store/billingrepository.h"
#include "store/database.h"
#include "store/operationsrepository.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStringList>

using namespace Qt::StringLiterals;
using namespace Concord::Domain;

Q_LOGGING_CATEGORY(lcPdfCache, "concord.sync.pdfcache", QtInfoMsg)

namespace Concord::Sync {

namespace {

// Every PDF starts with its header line "%PDF-1.x" (ISO 32000-1 §7.5.2).
constexpr QByteArrayView kPdfMagic = "%PDF-";
// How much of a wrong answer goes into the message and into the detail.
constexpr qsizetype kExcerptInMessage = 32;
constexpr qsizetype kExcerptInDetail = 200;

// "invoice 12 (no. 1001, QuickBooks 145)"; "invoice 13 (no. 1002)" before
// it exists in QuickBooks.
QString describe(const Invoice &invoice)
{
    const QString number = invoice.docNumber.isEmpty() ? u"-"_s : invoice.docNumber;
    // Multi-arg calls: a '%2' inside a remote value is never substituted.
    if (invoice.quickbooksId.isEmpty())
        return u"invoice %1 (no. %2)"_s.arg(QString::number(invoice.id), number);
    return u"invoice %1 (no. %2, QuickBooks %3)"_s.arg(QString::number(invoice.id), number, invoice.quickbooksId);
}

Error about(Error error, const QString &what)
{
    error.message = u"cannot cache the PDF of %1: %2"_s.arg(what, error.message);
    return error;
}

// Bytes as one printable line: ASCII kept, everything else '.'.
QString printable(const QByteArray &bytes, qsizetype max)
{
    QString out;
    for (qsizetype i = 0; i < bytes.size() && i < max; ++i) {
        const char c = bytes.at(i);
        out += (c >= 0x20 && c < 0x7f) ? QChar(QLatin1Char(c)) : QChar(u'.');
    }
    if (bytes.size() > max)
        out += u'…';
    return out;
}

// Writes `bytes` to `path` unless an identical file is there already. The
// file appears complete or not at all (QSaveFile renames a finished temp
// file), readable by the owner only: invoices carry names and addresses.
Status writeIfNeeded(const QString &path, const QByteArray &bytes)
{
    const QFileInfo info(path);
    if (info.exists()) {
        if (info.isFile() && info.size() == bytes.size()) {
            QFile existing(path);
            // Same size is not enough to trust a file the user can touch;
            // comparing is cheap next to the download.
            if (existing.open(QIODevice::ReadOnly) && existing.readAll() == bytes)
                return {};
        }
        qCWarning(lcPdfCache).noquote() << "replacing a damaged cached PDF:" << path;
    }
    if (!QDir().mkpath(info.absolutePath()))
        return fail(ErrorCode::Storage, u"cannot create the PDF cache folder %1"_s.arg(info.absolutePath()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::Storage, u"cannot write the cached PDF %1: %2"_s.arg(path, file.errorString()));
    if (file.write(bytes) != bytes.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return fail(ErrorCode::Storage, u"cannot write the cached PDF %1: %2"_s.arg(path, why));
    }
    if (!file.commit())
        return fail(ErrorCode::Storage, u"cannot write the cached PDF %1: %2"_s.arg(path, file.errorString()));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

} // namespace

PdfCache::Options PdfCache::Options::fromConfig(const Config &config)
{
    return Options{config.pdfCacheDir, config.pdfRetentionDays};
}

PdfCache::PdfCache(Store::Database &db, QuickBooks::QuickBooksClient *client, Options options, const Clock &clock,
                   QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_client(client)
    , m_options(std::move(options))
    , m_clock(clock)
{
}

QString PdfCache::pathForDigest(const QString &sha256Hex) const
{
    return QDir(QDir::cleanPath(m_options.directory)).filePath(sha256Hex.left(2) + u'/' + sha256Hex + u".pdf"_s);
}

QFuture<Result<Attachment>> PdfCache::cache(qint64 invoiceId)
{
    const auto failed = [](Error error) {
        return QtFuture::makeReadyFuture(Result<Attachment>(std::unexpected(std::move(error))));
    };
    const QString what = u"invoice %1"_s.arg(invoiceId);
    if (!m_client)
        return failed(Error::make(ErrorCode::InvalidConfig,
                                  u"cannot cache the PDF of %1: QuickBooks is not connected"_s.arg(what)));
    if (m_options.directory.isEmpty() || !QDir::isAbsolutePath(m_options.directory)) {
        return failed(Error::make(ErrorCode::InvalidConfig,
                                  u"cannot cache the PDF of %1: the PDF cache needs an absolute folder "
                                  "([sync] pdf_cache_dir), got '%2'"_s.arg(what, m_options.directory)));
    }
    Store::BillingRepository billing(m_db, m_clock);
    auto invoice = billing.invoice(invoiceId);
    if (!invoice)
        return failed(about(invoice.error(), what));
    if (invoice->quickbooksId.isEmpty()) {
        return failed(Error::make(ErrorCode::NotFound,
                                  u"cannot cache the PDF of %1: it has no QuickBooks invoice yet"_s.arg(
                                      describe(*invoice))));
    }

    return m_client->invoicePdf(invoice->quickbooksId)
        .then(this, [this, inv = *invoice](Result<QByteArray> pdf) -> Result<Attachment> {
            if (!pdf)
                return std::unexpected(about(pdf.error(), describe(inv)));
            return store(inv, *pdf);
        });
}

Result<Attachment> PdfCache::store(const Invoice &invoice, const QByteArray &pdf)
{
    if (!pdf.startsWith(kPdfMagic)) {
        return std::unexpected(Error::make(ErrorCode::RemoteValidation,
                                           u"cannot cache the PDF of %1: QuickBooks answered %2 bytes that are not a "
                                           "PDF (they begin \"%3\"); nothing was written"_s.arg(
                                               describe(invoice), QString::number(pdf.size()),
                                               printable(pdf, kExcerptInMessage)),
                                           printable(pdf, kExcerptInDetail)));
    }
    const QString digest =
        QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex());

    Store::OperationsRepository ops(m_db, m_clock);
    auto existing = ops.attachmentBySha256(digest);
    if (!existing && existing.error().code != ErrorCode::NotFound)
        return std::unexpected(about(existing.error(), describe(invoice)));
    const bool known = existing.has_value();

    // The file first, then its row: a row never names a half-written file.
    // A known digest is (re)written where its row says, which also repairs a
    // copy deleted or damaged behind our back.
    const QString path = known ? existing->storagePath : pathForDigest(digest);
    if (auto ok = writeIfNeeded(path, pdf); !ok)
        return std::unexpected(about(ok.error(), describe(invoice)));

    auto mine = ops.attachmentsForInvoice(invoice.id);
    if (!mine)
        return std::unexpected(about(mine.error(), describe(invoice)));
    QList<Attachment> older;
    for (const Attachment &a : std::as_const(*mine)) {
        if (a.sha256Hex != digest)
            older.append(a);
    }

    Store::Transaction tx(m_db);
    if (!tx.started())
        return std::unexpected(about(tx.started().error(), describe(invoice)));
    if (!known) {
        Attachment a;
        a.sha256Hex = digest;
        a.invoiceId = invoice.id;
        a.mimeType = u"application/pdf"_s;
        a.sizeBytes = pdf.size();
        a.storagePath = path;
        a.fetchedAt = m_clock.nowUtc();
        if (m_options.retentionDays > 0)
            a.expiresAt = a.fetchedAt.addDays(m_options.retentionDays);
        if (auto id = ops.saveAttachment(a); !id)
            return std::unexpected(about(id.error(), describe(invoice)));
    }
    for (const Attachment &old : std::as_const(older)) {
        if (auto ok = ops.deleteAttachment(old.id); !ok)
            return std::unexpected(about(ok.error(), describe(invoice)));
    }
    // Read back what is stored (ids, millisecond timestamps) as the answer.
    auto stored = ops.attachmentBySha256(digest);
    if (!stored)
        return std::unexpected(about(stored.error(), describe(invoice)));
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(about(ok.error(), describe(invoice)));

    // Old versions' files go only once their rows are gone; a file that
    // stays is an orphan the storage audit finds, not a wrong answer.
    for (const Attachment &old : std::as_const(older)) {
        if (auto ok = removeFile(old); !ok)
            qCWarning(lcPdfCache).noquote() << ok.error().message;
        else
            qCInfo(lcPdfCache).noquote() << "removed the older PDF" << old.sha256Hex << "of" << describe(invoice);
    }
    if (stored->invoiceId != invoice.id) {
        qCInfo(lcPdfCache).noquote() << "the PDF of" << describe(invoice) << "is byte-identical to the copy kept for"
                                     << "invoice" << stored->invoiceId << "- sharing it";
    } else if (known) {
        qCDebug(lcPdfCache).noquote() << "the PDF of" << describe(invoice) << "is unchanged:" << digest;
    } else {
        qCInfo(lcPdfCache).noquote() << "cached the PDF of" << describe(invoice) << "as" << digest
                                     << u"(%1 bytes)"_s.arg(pdf.size());
    }
    return *stored;
}

Result<std::optional<Attachment>> PdfCache::cachedFor(qint64 invoiceId) const
{
    Store::OperationsRepository ops(m_db, m_clock);
    auto rows = ops.attachmentsForInvoice(invoiceId);
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty())
        return std::optional<Attachment>();
    return std::optional<Attachment>(rows->first());
}

Result<QString> PdfCache::pathFor(qint64 invoiceId) const
{
    auto cached = cachedFor(invoiceId);
    if (!cached)
        return std::unexpected(cached.error());
    if (!*cached)
        return fail(ErrorCode::NotFound, u"invoice %1 has no cached PDF"_s.arg(invoiceId));
    const QString path = (*cached)->storagePath;
    if (!QFileInfo(path).isFile())
        return fail(ErrorCode::NotFound,
                    u"the cached PDF of invoice %1 has gone from %2"_s.arg(QString::number(invoiceId), path));
    return path;
}

Status PdfCache::verify(const Attachment &attachment) const
{
    QFile file(attachment.storagePath);
    if (!file.exists()) {
        return fail(ErrorCode::NotFound, u"the cached PDF of invoice %1 has gone from %2"_s.arg(
                                             QString::number(attachment.invoiceId), attachment.storagePath));
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(ErrorCode::Storage,
                    u"cannot read the cached PDF %1: %2"_s.arg(attachment.storagePath, file.errorString()));
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) {
        return fail(ErrorCode::Storage,
                    u"cannot read the cached PDF %1: %2"_s.arg(attachment.storagePath, file.errorString()));
    }
    const QString digest = QString::fromLatin1(hash.result().toHex());
    const qint64 size = file.size();
    if (digest != attachment.sha256Hex || size != attachment.sizeBytes) {
        return fail(ErrorCode::Integrity,
                    u"the cached PDF of invoice %1 at %2 has changed: expected SHA-256 %3 (%4 bytes), found %5 "
                    "(%6 bytes)"_s.arg(QString::number(attachment.invoiceId), attachment.storagePath,
                                        attachment.sha256Hex, QString::number(attachment.sizeBytes), digest,
                                        QString::number(size)));
    }
    return {};
}

Result<int> PdfCache::purgeExpired()
{
    Store::OperationsRepository ops(m_db, m_clock);
    auto expired = ops.expiredAttachments(m_clock.nowUtc());
    if (!expired)
        return std::unexpected(expired.error());
    int removed = 0;
    QStringList failures;
    for (const Attachment &a : std::as_const(*expired)) {
        // The file first: while it exists its row stays, so a later purge
        // tries again instead of forgetting a file it could not delete.
        if (auto ok = removeFile(a); !ok) {
            qCWarning(lcPdfCache).noquote() << ok.error().message;
            failures << ok.error().message;
            continue;
        }
        if (auto ok = ops.deleteAttachment(a.id); !ok && ok.error().code != ErrorCode::NotFound) {
            qCWarning(lcPdfCache).noquote() << ok.error().toString();
            failures << ok.error().message;
            continue;
        }
        ++removed;
        qCInfo(lcPdfCache).noquote() << "retention ended: removed the PDF" << a.sha256Hex << "of invoice"
                                     << a.invoiceId << u"(expired %1)"_s.arg(a.expiresAt.toString(Qt::ISODate));
    }
    if (!failures.isEmpty()) {
        return fail(ErrorCode::Storage,
                    u"removed %1 of %2 expired invoice PDFs; %3"_s.arg(QString::number(removed),
                                                                      QString::number(expired->size()),
                                                                      failures.first()),
                    failures.join(u"; "_s));
    }
    return removed;
}

bool PdfCache::digestNamedElsewhere(const Attachment &attachment) const
{
    Store::OperationsRepository ops(m_db, m_clock);
    auto row = ops.attachmentBySha256(attachment.sha256Hex);
    if (row)
        return row->id != attachment.id;
    if (row.error().code == ErrorCode::NotFound)
        return false;
    qCWarning(lcPdfCache).noquote() << "cannot tell whether another row names" << attachment.sha256Hex
                                    << "- keeping its file:" << row.error().toString();
    return true;
}

Status PdfCache::removeFile(const Attachment &attachment) const
{
    const QString &path = attachment.storagePath;
    // Paths come from the database: delete only what has a cached PDF's name.
    if (QFileInfo(path).fileName() != attachment.sha256Hex + u".pdf"_s) {
        return fail(ErrorCode::Integrity,
                    u"refusing to delete %1 for attachment %2: it is not named after its digest"_s.arg(
                        path, QString::number(attachment.id)));
    }
    if (digestNamedElsewhere(attachment)) {
        qCInfo(lcPdfCache).noquote() << "keeping" << path << "- another attachment names the same digest";
        return {};
    }
    QFile file(path);
    if (!file.exists()) {
        qCInfo(lcPdfCache).noquote() << "the cached PDF" << path << "was already gone";
        return {};
    }
    if (!file.remove())
        return fail(ErrorCode::Storage, u"cannot delete the cached PDF %1: %2"_s.arg(path, file.errorString()));
    // Tidy the <first two hex> folder once it is empty (rmdir refuses otherwise).
    const QFileInfo info(path);
    if (info.dir().dirName() == attachment.sha256Hex.left(2))
        QDir().rmdir(info.absolutePath());
    return {};
}

} // namespace Concord::Sync
