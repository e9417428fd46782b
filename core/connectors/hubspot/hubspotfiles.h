#pragma once

#include "common/error.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

// HubSpot's file manager, Files API v3 (developers.hubspot.com/docs/api/files/files):
//   GET  /files/v3/files/search?limit=&after=&extension=&name=  → {results:[File], paging.next.after}
//   GET  /files/v3/files/{fileId}                                → File
//   GET  /files/v3/files/{fileId}/signed-url                     → {url, expiresAt, name, extension, type, size}
//   POST /files/v3/files (multipart: file, fileName, folderPath, options) → File
// A File: id, name, extension, type ("DOCUMENT"), path, size (bytes), url,
// access (PRIVATE, PUBLIC_INDEXABLE, …), createdAt, updatedAt, archived.
// Notes carry their files in hs_attachment_ids ("id;id").
// Pure values.
namespace Concord::HubSpot {

struct HubSpotFile {
    QString id;
    QString name;          // without extension
    QString extension;     // "pdf"
    QString type;          // "DOCUMENT", "IMG", …
    QString path;          // "/invoices/1042.pdf"
    QString url;           // the file's URL (private files need a signed URL to read)
    QString access;        // "PRIVATE", "PUBLIC_INDEXABLE", "PUBLIC_NOT_INDEXABLE", …
    qint64 size = 0;       // bytes
    QDateTime createdAt;
    QDateTime updatedAt;
    bool archived = false;

    [[nodiscard]] static HubSpotFile fromJson(const QJsonObject &json);
    friend bool operator==(const HubSpotFile &, const HubSpotFile &) = default;
};

// GET /files/v3/files/search parameters.
struct FileQuery {
    static constexpr int kMaxLimit = 100;
    QString extension;     // "pdf"; empty = any
    QString name;          // exact name; empty = any
    int limit = kMaxLimit; // 1…100
    QString after;         // paging cursor; empty = first page

    [[nodiscard]] QList<std::pair<QString, QString>> toQuery() const;
};

struct FilePage {
    QList<HubSpotFile> results;
    QString nextAfter;     // empty on the last page
    [[nodiscard]] static Result<FilePage> parse(QByteArrayView body);
};

struct SignedUrl {
    QString url;
    QDateTime expiresAt;
    [[nodiscard]] static Result<SignedUrl> parse(QByteArrayView body);
};

// A file with its content's SHA-256 and where it hangs in the CRM
// (HubSpotClient::fileDigests()).
struct FileDigest {
    HubSpotFile file;
    QString sha256Hex;      // lower-case hex of the downloaded bytes
    QStringList noteIds;    // notes naming it in hs_attachment_ids
    QStringList attachedTo; // those notes' records: "contact 101", "deal 7"
    friend bool operator==(const FileDigest &, const FileDigest &) = default;
};

// hs_attachment_ids as HubSpot writes it: ids separated by ';' (commas are
// accepted too, as some integrations write them).
[[nodiscard]] QStringList parseAttachmentIds(const QString &value);

} // namespace Concord::HubSpot
