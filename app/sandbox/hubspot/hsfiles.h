#pragma once

#include "hubspot/hserror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <map>

namespace Concord::Sandbox {

// The HubSpot file manager, Files API v3 (developers.hubspot.com/docs/api/files/files),
// as far as Concord reads it:
//   GET  /files/v3/files/search?limit=(1…100, default 10)&after=&extension=&name=
//        → {results:[File], paging:{next:{after, link}}} (archived files left out)
//   GET  /files/v3/files/{id} → File; 404 OBJECT_NOT_FOUND
//   GET  /files/v3/files/{id}/signed-url → {url, expiresAt, name, extension, type, size}
//   POST /files/v3/files, multipart/form-data: file (required), fileName,
//        folderPath or folderId (one required), options (JSON, "access" required)
//   DELETE /files/v3/files/{id} → 204 (archived)
// A File carries id (numeric string), name (no extension), extension, type
// (DOCUMENT, IMG, …), path ("/folder/name.ext"), size, url, access,
// defaultHostingUrl, createdAt, updatedAt, archived, isUsableInContent.
// Content is served at /hubfs/{portalId}/{path}: public files as is,
// private ones only with the signature of a signed URL (5 minutes).
// Pure state; the emulator does HTTP, auth and rate limits.
class HsFiles
{
public:
    struct File {
        qint64 id = 0;
        QString name;
        QString extension;
        QString folderPath;   // "/invoices"
        QString access;       // PRIVATE, PUBLIC_INDEXABLE, PUBLIC_NOT_INDEXABLE, …
        QByteArray content;
        qint64 createdAtMs = 0;
        qint64 updatedAtMs = 0;
        bool archived = false;
        QString signature;    // what a signed URL must carry (private files)
        [[nodiscard]] QString path() const;
    };
    struct Reply {
        int status = 200;
        QJsonObject body;
    };

    explicit HsFiles(qint64 portalId) : m_portalId(portalId) {}

    void reset();
    // `fileName` with its extension ("INV-1042.pdf"). Validation as HubSpot's.
    HsResult<File> add(const QString &fileName, const QString &folderPath, const QByteArray &content,
                       const QString &access, qint64 nowMs);
    [[nodiscard]] const File *find(qint64 id) const;
    [[nodiscard]] QList<const File *> all() const;

    // `base` is the emulator's own URL (for url and signed-url).
    [[nodiscard]] HsResult<Reply> search(const QUrlQuery &query, const QUrl &base) const;
    [[nodiscard]] HsResult<Reply> get(const QString &id, const QUrl &base) const;
    [[nodiscard]] HsResult<Reply> signedUrl(const QString &id, const QUrl &base, qint64 nowMs) const;
    HsResult<Reply> archive(const QString &id, qint64 nowMs);
    // POST /files/v3/files with its multipart body (boundary from the Content-Type).
    HsResult<Reply> upload(const QByteArray &contentType, const QByteArray &body, const QUrl &base, qint64 nowMs);
    // GET /hubfs/{portal}/{path…}?Expires=&Signature=: the bytes, or 403/404.
    [[nodiscard]] std::pair<int, QByteArray> content(const QStringList &pathAfterPortal, const QUrlQuery &query,
                                                     qint64 nowMs) const;

    [[nodiscard]] QJsonObject toJson(const File &file, const QUrl &base) const;

private:
    qint64 m_portalId;
    qint64 m_nextId = 118000000001; // HubSpot file ids are large numbers
    std::map<qint64, File> m_files;
};

} // namespace Concord::Sandbox
