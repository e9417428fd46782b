#pragma once

#include <QJsonObject>
#include <QString>

namespace Concord::QuickBooks {

// Request bodies for writes. Entity JSON comes from T::toJson(), which
// already omits every field that is not set.

// POST /{entity}: the entity without the server-owned keys (Id, SyncToken,
// MetaData, domain, sparse), so a struct read back from QuickBooks can be
// reused as a template.
[[nodiscard]] QJsonObject createBody(QJsonObject entity);

// POST /{entity} sparse update: the changed fields plus "sparse":true, Id and
// SyncToken. Fields not in `changes` stay untouched on the server (a full
// update would set them to NULL). MetaData in `changes` is dropped.
[[nodiscard]] QJsonObject sparseUpdateBody(QJsonObject changes, const QString &id,
                                           const QString &syncToken);

// POST /{entity}?operation=delete and POST /invoice?operation=void: {"Id","SyncToken"}.
[[nodiscard]] QJsonObject deleteBody(const QString &id, const QString &syncToken);
// Payment void (POST /payment?operation=update&include=void): Id, SyncToken, sparse.
[[nodiscard]] QJsonObject paymentVoidBody(const QString &id, const QString &syncToken);

} // namespace Concord::QuickBooks
