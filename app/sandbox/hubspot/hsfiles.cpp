#include "hubspot/hsfiles.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Concord::Sandbox {

namespace {

constexpr qint64 kSignedUrlSeconds = 300; // HubSpot's default expirationSeconds

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString typeFor(const QString &extension)
{
    const QString e = extension.toLower();
    if (e == u"png"_s || e == u"jpg"_s || e == u"jpeg"_s || e == u"gif"_s || e == u"svg"_s || e == u"webp"_s)
        return u"IMG"_s;
    if (e == u"mp4"_s || e == u"mov"_s || e == u"webm"_s)
        return u"MOVIE"_s;
    if (e == u"pdf"_s || e == u"doc"_s || e == u"docx"_s || e == u"txt"_s || e == u"csv"_s || e == u"xlsx"_s)
        return u"DOCUMENT"_s;
    return u"OTHER"_s;
}

bool knownAccess(const QString &access)
{
    return access == u"PUBLIC_INDEXABLE"_s || access == u"PUBLIC_NOT_INDEXABLE"_s || access == u"PRIVATE"_s
        || access == u"HIDDEN_INDEXABLE"_s || access == u"HIDDEN_NOT_INDEXABLE"_s || access == u"HIDDEN_PRIVATE"_s
        || access == u"SENSITIVE"_s;
}

QString normalizedFolder(QString folder)
{
    folder = folder.trimmed();
    if (!folder.startsWith(u'/'))
        folder.prepend(u'/');
    while (folder.size() > 1 && folder.endsWith(u'/'))
        folder.chop(1);
    return folder;
}

// One part of a multipart/form-data body.
struct Part {
    QString name;
    QString fileName;
    QByteArray data;
};

QList<Part> parseMultipart(const QByteArray &contentType, const QByteArray &body)
{
    QByteArray boundary;
    for (const QByteArray &param : contentType.split(';')) {
        const QByteArray p = param.trimmed();
        if (p.startsWith("boundary="))
            boundary = p.mid(9);
    }
    if (boundary.startsWith('"') && boundary.endsWith('"') && boundary.size() >= 2)
        boundary = boundary.mid(1, boundary.size() - 2);
    QList<Part> parts;
    if (boundary.isEmpty())
        return parts;
    const QByteArray delimiter = "--" + boundary;
    qsizetype pos = body.indexOf(delimiter);
    while (pos >= 0) {
        qsizetype start = pos + delimiter.size();
        if (body.mid(start, 2) == "--")
            break;
        if (body.mid(start, 2) == "\r\n")
            start += 2;
        const qsizetype next = body.indexOf("\r\n" + delimiter, start);
        if (next < 0)
            break;
        const QByteArray chunk = body.mid(start, next - start);
        const qsizetype headerEnd = chunk.indexOf("\r\n\r\n");
        if (headerEnd >= 0) {
            Part part;
            for (const QByteArray &line : chunk.left(headerEnd).split('\n')) {
                const QByteArray l = line.trimmed();
                if (!l.toLower().startsWith("content-disposition:"))
                    continue;
                for (const QByteArray &param : l.split(';')) {
                    const QByteArray p = param.trimmed();
                    const auto unquote = [](QByteArray v) {
                        if (v.startsWith('"') && v.endsWith('"') && v.size() >= 2)
                            v = v.mid(1, v.size() - 2);
                        return QString::fromUtf8(v);
                    };
                    if (p.startsWith("name="))
                        part.name = unquote(p.mid(5));
                    else if (p.startsWith("filename="))
                        part.fileName = unquote(p.mid(9));
                }
            }
            part.data = chunk.mid(headerEnd + 4);
            parts.append(part);
        }
        pos = next + 2;
    }
    return parts;
}

} // namespace

QString HsFiles::File::path() const
{
    const QString folder = folderPath == u"/"_s ? QString() : folderPath;
    return folder + u'/' + name + (extension.isEmpty() ? QString() : u'.' + extension);
}

void HsFiles::reset()
{
    m_files.clear();
}

HsResult<HsFiles::File> HsFiles::add(const QString &fileName, const QString &folderPath, const QByteArray &content,
                                     const QString &access, qint64 nowMs)
{
    if (fileName.trimmed().isEmpty())
        return std::unexpected(HsError::validation(u"fileName is required"_s));
    if (folderPath.trimmed().isEmpty())
        return std::unexpected(HsError::validation(u"Either folderId or folderPath is required"_s));
    if (!knownAccess(access))
        return std::unexpected(HsError::validation(u"options.access is required and must be one of "
                                                   "PUBLIC_INDEXABLE, PUBLIC_NOT_INDEXABLE, PRIVATE, …"_s));
    File f;
    f.id = m_nextId++;
    const QString trimmed = fileName.trimmed();
    const qsizetype dot = trimmed.lastIndexOf(u'.');
    f.name = dot > 0 ? trimmed.left(dot) : trimmed;
    f.extension = dot > 0 ? trimmed.mid(dot + 1).toLower() : QString();
    f.folderPath = normalizedFolder(folderPath);
    f.access = access;
    f.content = content;
    f.createdAtMs = nowMs;
    f.updatedAtMs = nowMs;
    f.signature = QString::number(QRandomGenerator::global()->generate64(), 16);
    // HubSpot keeps paths unique: a second "x.pdf" in a folder becomes "x-1.pdf".
    QString base = f.name;
    for (int n = 1;; ++n) {
        bool taken = false;
        for (const auto &[id, other] : m_files)
            taken = taken || (!other.archived && other.path() == f.path());
        if (!taken)
            break;
        f.name = u"%1-%2"_s.arg(base).arg(n);
    }
    m_files.emplace(f.id, f);
    return f;
}

const HsFiles::File *HsFiles::find(qint64 id) const
{
    const auto it = m_files.find(id);
    return it == m_files.end() ? nullptr : &it->second;
}

QList<const HsFiles::File *> HsFiles::all() const
{
    QList<const File *> out;
    for (const auto &[id, f] : m_files)
        out.append(&f);
    return out;
}

QJsonObject HsFiles::toJson(const File &f, const QUrl &base) const
{
    const QString url = base.toString(QUrl::RemovePath | QUrl::RemoveQuery) + u"/hubfs/%1%2"_s.arg(m_portalId).arg(f.path());
    return QJsonObject{{u"id"_s, QString::number(f.id)},
                       {u"name"_s, f.name},
                       {u"extension"_s, f.extension},
                       {u"type"_s, typeFor(f.extension)},
                       {u"path"_s, f.path()},
                       {u"parentFolderId"_s, u"0"_s},
                       {u"size"_s, qint64(f.content.size())},
                       {u"url"_s, url},
                       {u"defaultHostingUrl"_s, url},
                       {u"access"_s, f.access},
                       {u"isUsableInContent"_s, !f.access.startsWith(u"HIDDEN"_s)},
                       {u"encoding"_s, f.extension},
                       {u"createdAt"_s, iso(f.createdAtMs)},
                       {u"updatedAt"_s, iso(f.updatedAtMs)},
                       {u"archived"_s, f.archived}};
}

HsResult<HsFiles::Reply> HsFiles::search(const QUrlQuery &query, const QUrl &base) const
{
    int limit = 10; // HubSpot's default page size for file search
    if (query.hasQueryItem(u"limit"_s)) {
        bool ok = false;
        limit = query.queryItemValue(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1 || limit > 100)
            return std::unexpected(HsError::validation(u"limit must be between 1 and 100"_s));
    }
    const QString extension = query.queryItemValue(u"extension"_s).toLower();
    const QString name = query.queryItemValue(u"name"_s);
    const qint64 after = query.queryItemValue(u"after"_s).toLongLong();
    QJsonArray results;
    QString nextAfter;
    for (const auto &[id, f] : m_files) {
        if (f.archived || id <= after)
            continue;
        if (!extension.isEmpty() && f.extension != extension)
            continue;
        if (!name.isEmpty() && f.name != name)
            continue;
        if (results.size() == limit) {
            nextAfter = QString::number(results.last().toObject().value(u"id"_s).toString().toLongLong());
            break;
        }
        results.append(toJson(f, base));
    }
    QJsonObject body{{u"results"_s, results}};
    if (!nextAfter.isEmpty())
        body.insert(u"paging"_s,
                    QJsonObject{{u"next"_s, QJsonObject{{u"after"_s, nextAfter},
                                                       {u"link"_s, u"/files/v3/files/search?after="_s + nextAfter}}}});
    return Reply{200, body};
}

HsResult<HsFiles::Reply> HsFiles::get(const QString &id, const QUrl &base) const
{
    const File *f = find(id.toLongLong());
    if (!f || f->archived)
        return std::unexpected(HsError::notFound(u"File not found: %1"_s.arg(id)));
    return Reply{200, toJson(*f, base)};
}

HsResult<HsFiles::Reply> HsFiles::signedUrl(const QString &id, const QUrl &base, qint64 nowMs) const
{
    const File *f = find(id.toLongLong());
    if (!f || f->archived)
        return std::unexpected(HsError::notFound(u"File not found: %1"_s.arg(id)));
    const qint64 expires = nowMs / 1000 + kSignedUrlSeconds;
    const QString url = toJson(*f, base).value(u"url"_s).toString()
        + u"?Expires=%1&Signature=%2&Key-Pair-Id=EMULATOR"_s.arg(expires).arg(f->signature);
    return Reply{200, QJsonObject{{u"url"_s, url},
                                  {u"expiresAt"_s, iso(expires * 1000)},
                                  {u"name"_s, f->name},
                                  {u"extension"_s, f->extension},
                                  {u"type"_s, typeFor(f->extension)},
                                  {u"size"_s, qint64(f->content.size())}}};
}

HsResult<HsFiles::Reply> HsFiles::archive(const QString &id, qint64 nowMs)
{
    const auto it = m_files.find(id.toLongLong());
    if (it == m_files.end() || it->second.archived)
        return std::unexpected(HsError::notFound(u"File not found: %1"_s.arg(id)));
    it->second.archived = true;
    it->second.updatedAtMs = nowMs;
    return Reply{204, {}};
}

HsResult<HsFiles::Reply> HsFiles::upload(const QByteArray &contentType, const QByteArray &body, const QUrl &base,
                                         qint64 nowMs)
{
    if (!contentType.toLower().startsWith("multipart/form-data"))
        return std::unexpected(HsError{415, u"UNSUPPORTED_MEDIA_TYPE"_s,
                                       u"Content type must be multipart/form-data"_s, {}});
    const QList<Part> parts = parseMultipart(contentType, body);
    const Part *file = nullptr;
    QString fileName;
    QString folderPath;
    QString access;
    for (const Part &p : parts) {
        if (p.name == u"file"_s)
            file = &p;
        else if (p.name == u"fileName"_s)
            fileName = QString::fromUtf8(p.data);
        else if (p.name == u"folderPath"_s)
            folderPath = QString::fromUtf8(p.data);
        else if (p.name == u"folderId"_s)
            folderPath = u"/"_s; // one flat folder tree: any id files at the root
        else if (p.name == u"options"_s)
            access = QJsonDocument::fromJson(p.data).object().value(u"access"_s).toString();
    }
    if (!file)
        return std::unexpected(HsError::validation(u"file is required"_s));
    if (fileName.isEmpty())
        fileName = file->fileName;
    auto added = add(fileName, folderPath, file->data, access, nowMs);
    if (!added)
        return std::unexpected(added.error());
    return Reply{201, toJson(*added, base)};
}

std::pair<int, QByteArray> HsFiles::content(const QStringList &pathAfterPortal, const QUrlQuery &query,
                                            qint64 nowMs) const
{
    const QString path = u'/' + pathAfterPortal.join(u'/');
    for (const auto &[id, f] : m_files) {
        if (f.archived || f.path() != path)
            continue;
        if (f.access.contains(u"PRIVATE"_s) || f.access == u"SENSITIVE"_s) {
            const bool signedOk = query.queryItemValue(u"Signature"_s) == f.signature
                && query.queryItemValue(u"Expires"_s).toLongLong() * 1000 > nowMs;
            if (!signedOk)
                return {403, QByteArrayLiteral("Forbidden")};
        }
        return {200, f.content};
    }
    return {404, QByteArrayLiteral("Not Found")};
}

} // namespace Concord::Sandbox
