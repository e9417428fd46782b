#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "domain/operations.h"

#include <QFuture>
#include <QObject>
#include <QString>

#include <optional>

namespace Concord {
struct Config;
namespace Domain { struct Invoice; }
namespace Store { class Database; }
namespace QuickBooks { class QuickBooksClient; }
} // namespace Concord

namespace Concord::Sync {

// The optional local copy of QuickBooks invoice PDFs (product.md §8). The
// QuickBooks invoice is the document and the CRM only ever gets its link;
// this cache keeps one local file per distinct PDF, content-addressed:
//     <directory>/<first two hex digits>/<sha256 hex>.pdf
// recorded as a Domain::Attachment row (attachments.sha256 is UNIQUE). A
// re-sync of unchanged content adds nothing; when an invoice's PDF changes
// (a payment lowers the balance due) the new version is stored and the
// invoice's older versions are removed, so one invoice has one cached copy.
//
// Contract
// - Thread affinity: the sync thread, which owns `db` and `client`. cache()'s
//   future is finished from this object's event loop; it is canceled (no
//   result) when the client or this cache is destroyed before the PDF arrived.
// - Files are written before their row is recorded (QSaveFile: complete or
//   absent), and old files are removed only after their rows are gone, so a
//   row never names a file that was not completely written.
// - Two invoices whose PDFs are byte-identical share one file and one row;
//   the row stays with the invoice that was cached first (the schema keeps
//   one invoice per digest) and cachedFor() of the other finds nothing.
// - Errors are values; nothing is thrown.
class PdfCache : public QObject
{
    Q_OBJECT
public:
    struct Options {
        QString directory;       // absolute folder ([sync] pdf_cache_dir)
        int retentionDays = 365; // days a copy is kept after it was fetched; 0 = keep forever

        // [sync] pdf_cache_dir and pdf_retention_days ([sync] pdf_cache says
        // whether the composition root creates a cache at all).
        [[nodiscard]] static Options fromConfig(const Config &config);
    };

    // `db` and `clock` must outlive the cache; `client` may be null (QuickBooks
    // not connected: cache() answers InvalidConfig) and is not owned.
    PdfCache(Store::Database &db, QuickBooks::QuickBooksClient *client, Options options, const Clock &clock,
             QObject *parent = nullptr);

    [[nodiscard]] const Options &options() const { return m_options; }

    // Fetches the PDF of Concord invoice `invoiceId` (by its QuickBooks id),
    // checks that it is a PDF, writes it at its content address unless an
    // identical file is already there, records the attachment (expiresAt =
    // fetchedAt + retentionDays; invalid when 0) and removes the invoice's
    // older versions. The same content again returns the existing row
    // unchanged (its fetchedAt and expiresAt included). Errors: NotFound (no
    // such invoice, no QuickBooks invoice yet, or QuickBooks 610),
    // InvalidConfig (no client, no absolute folder), RemoteValidation (not a
    // PDF; nothing written), Storage (folder or database), and the client's
    // error classes, each naming the invoice.
    [[nodiscard]] QFuture<Result<Domain::Attachment>> cache(qint64 invoiceId);

    // The invoice's cached copy (the newest, should there be several), or
    // nullopt. Reads the database only: the file is not checked (verify()).
    [[nodiscard]] Result<std::optional<Domain::Attachment>> cachedFor(qint64 invoiceId) const;
    // The cached copy's file path; NotFound when there is no copy or its file
    // has gone.
    [[nodiscard]] Result<QString> pathFor(qint64 invoiceId) const;
    // Re-hashes the file: ok when it has the recorded size and SHA-256;
    // NotFound when it is missing, Integrity when it differs, Storage when it
    // cannot be read.
    [[nodiscard]] Status verify(const Domain::Attachment &attachment) const;

    // Removes the files and rows whose retention ended (expiresAt ≤ now).
    // A file that is already gone is logged, not an error. Returns how many
    // copies were removed. A file that cannot be deleted keeps its row, so the
    // next purge tries again; the error then says how many were removed.
    [[nodiscard]] Result<int> purgeExpired();

    // Where a digest's file lives in this cache's folder.
    [[nodiscard]] QString pathForDigest(const QString &sha256Hex) const;

private:
    [[nodiscard]] Result<Domain::Attachment> store(const Domain::Invoice &invoice, const QByteArray &pdf);
    // Whether a row other than `attachment`'s names its digest (then its file
    // stays). Today's schema (sha256 UNIQUE) makes this false; it is checked
    // rather than assumed. A failed lookup counts as shared: keep the file.
    [[nodiscard]] bool digestNamedElsewhere(const Domain::Attachment &attachment) const;
    // Deletes `attachment`'s file unless digestNamedElsewhere(). A file already
    // gone is fine (logged). Fails (Storage) when an existing file stays.
    [[nodiscard]] Status removeFile(const Domain::Attachment &attachment) const;

    Store::Database &m_db;
    QuickBooks::QuickBooksClient *m_client;
    Options m_options;
    const Clock &m_clock;
};

} // namespace Concord::Sync
