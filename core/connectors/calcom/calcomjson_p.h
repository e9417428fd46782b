#pragma once

// Private to the Cal.com connector: reading Cal.com JSON with one accumulated
// error, so the parsers read like field lists. Cal.com writes numbers for ids,
// ISO 8601 strings for instants (with "Z", ".000Z" or "+00:00": all are read),
// and null for absent optional values.

#include "common/error.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

namespace Concord::Calcom::Internal {

class JsonReader {
public:
    JsonReader(QJsonObject object, QString path);

    [[nodiscard]] const QJsonObject &object() const { return m_object; }
    [[nodiscard]] bool has(QStringView key) const;

    // Missing or null → empty; a value of another JSON type → error.
    [[nodiscard]] QString string(QStringView key) const;
    [[nodiscard]] QString requiredString(QStringView key) const;
    [[nodiscard]] std::optional<bool> boolean(QStringView key) const;
    // Whole numbers only (Cal.com's ids and minutes); 12.5 is an error.
    [[nodiscard]] std::optional<qint64> integer(QStringView key) const;
    [[nodiscard]] qint64 requiredInteger(QStringView key) const;
    // ISO 8601 with an offset → UTC; invalid QDateTime when missing or null.
    [[nodiscard]] QDateTime dateTime(QStringView key) const;
    [[nodiscard]] QDateTime requiredDateTime(QStringView key) const;
    [[nodiscard]] QStringList strings(QStringView key) const;
    [[nodiscard]] QList<qint64> integers(QStringView key) const;

    [[nodiscard]] JsonReader child(QStringView key) const;
    [[nodiscard]] QList<JsonReader> array(QStringView key) const;

    void fail(QStringView key, const QString &message) const;
    [[nodiscard]] bool ok() const { return !m_error->has_value(); }
    [[nodiscard]] Error error() const { return m_error->value_or(Error {}); }
    [[nodiscard]] QString pathOf(QStringView key) const;

private:
    JsonReader(QJsonObject object, QString path, std::shared_ptr<std::optional<Error>> error);

    QJsonObject m_object;
    QString m_path;
    std::shared_ptr<std::optional<Error>> m_error;
};

// "2024-01-04T10:00:00+00:00", "…Z", "….000Z" → UTC; invalid when there is no
// offset (a local time would be a guess) or the text is not ISO 8601.
[[nodiscard]] QDateTime parseInstant(const QString &text);
// UTC, milliseconds, "Z": what Cal.com writes ("2024-08-13T15:30:00.000Z").
[[nodiscard]] QString formatInstant(const QDateTime &utc);

} // namespace Concord::Calcom::Internal
