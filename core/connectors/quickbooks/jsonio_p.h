#pragma once

// Private to the QuickBooks connector: reading and writing entity JSON with
// one accumulated error, so entity parsers read like field lists instead of
// a ladder of early returns.

#include "common/error.h"
#include "connectors/quickbooks/basetypes.h"
#include "domain/decimal.h"
#include "domain/money.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

namespace Concord::QuickBooks::Internal {

// Reads fields of one JSON object. Every failed read records the first error
// (with the field's path, e.g. "Invoice.Line[2].Amount") in state shared with
// the readers made by child()/at(), and returns an empty value; the caller
// checks error() once at the end.
class JsonReader
{
public:
    JsonReader(QJsonObject object, QString path, QString currency);

    [[nodiscard]] const QJsonObject &object() const { return m_object; }
    [[nodiscard]] const QString &currency() const { return m_currency; }
    void setCurrency(const QString &currency) { m_currency = currency; }
    [[nodiscard]] bool has(QStringView key) const { return m_object.contains(key); }

    // Missing or null → empty; a value of the wrong JSON type → error.
    [[nodiscard]] QString string(QStringView key) const;
    [[nodiscard]] std::optional<bool> boolean(QStringView key) const;
    [[nodiscard]] std::optional<int> integer(QStringView key) const;
    [[nodiscard]] std::optional<Domain::Decimal> decimal(QStringView key) const;
    // In this reader's currency; refuses extra non-zero fraction digits.
    [[nodiscard]] std::optional<Domain::Money> money(QStringView key) const;
    [[nodiscard]] QDate date(QStringView key) const;         // YYYY-MM-DD
    [[nodiscard]] QDateTime dateTime(QStringView key) const; // ISO 8601 → UTC
    [[nodiscard]] Reference reference(QStringView key) const;
    [[nodiscard]] QString nestedString(QStringView key, QStringView inner) const; // {"Address":..}
    [[nodiscard]] PhysicalAddress address(QStringView key) const;
    [[nodiscard]] MetaData metaData() const;
    [[nodiscard]] QList<LinkedTxn> linkedTxns(QStringView key = u"LinkedTxn") const;
    [[nodiscard]] QList<CustomField> customFields() const;

    // A nested object (empty reader when missing) and the objects of an array.
    [[nodiscard]] JsonReader child(QStringView key) const;
    [[nodiscard]] QList<JsonReader> array(QStringView key) const;

    void fail(QStringView key, const QString &message) const;
    [[nodiscard]] bool ok() const { return !m_error->has_value(); }
    [[nodiscard]] Error error() const { return m_error->value_or(Error{}); }

private:
    JsonReader(QJsonObject object, QString path, QString currency,
               std::shared_ptr<std::optional<Error>> error);
    [[nodiscard]] QString pathOf(QStringView key) const;

    QJsonObject m_object;
    QString m_path;
    QString m_currency;
    std::shared_ptr<std::optional<Error>> m_error;
};

// Builds an entity object, skipping everything that is not set.
class JsonWriter
{
public:
    void string(QStringView key, const QString &value);
    void boolean(QStringView key, std::optional<bool> value);
    void integer(QStringView key, std::optional<int> value);
    void decimal(QStringView key, const std::optional<Domain::Decimal> &value);
    void money(QStringView key, const std::optional<Domain::Money> &value);
    void date(QStringView key, const QDate &value);
    void dateTime(QStringView key, const QDateTime &value);
    void reference(QStringView key, const Reference &value);
    void nestedString(QStringView key, QStringView inner, const QString &value);
    void address(QStringView key, const PhysicalAddress &value);
    void metaData(const MetaData &value);
    void linkedTxns(const QList<LinkedTxn> &value, QStringView key = u"LinkedTxn");
    void customFields(const QList<CustomField> &value);
    void object(QStringView key, const QJsonObject &value); // skipped when empty
    void array(QStringView key, const QJsonArray &value);   // skipped when empty
    void value(QStringView key, const QJsonValue &value);   // always written

    [[nodiscard]] QJsonObject take() { return std::move(m_object); }

private:
    QJsonObject m_object;
};

// ISO 8601 with offset → UTC; invalid QDateTime when unreadable.
[[nodiscard]] QDateTime parseTimestamp(const QString &text);
// UTC with "Z", seconds precision (milliseconds when present).
[[nodiscard]] QString formatTimestamp(const QDateTime &time);

} // namespace Concord::QuickBooks::Internal
