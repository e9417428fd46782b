#include "connectors/quickbooks/jsonio_p.h"

#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Concord::QuickBooks::Internal {

QDateTime parseTimestamp(const QString &text)
{
    // QuickBooks and its webhooks write "2015-07-24T10:35:08-07:00",
    // "…T15:16:15.435-07:00", "…T14:42:19-0700" (legacy webhooks, no colon)
    // and "…T21:31:25.179851517Z" (CloudEvents, nanoseconds). Normalise to
    // what Qt's ISO parser reads: at most milliseconds, "+hh:mm" offsets.
    static const QRegularExpression shape(
        uR"(^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$)"_s);
    const auto match = shape.match(text.trimmed());
    if (!match.hasMatch())
        return {};
    QString normal = match.captured(1);
    const QString fraction = match.captured(2);
    if (!fraction.isEmpty())
        normal += u'.' + (fraction + u"00"_s).left(3);
    QString zone = match.captured(3);
    if (zone.isEmpty())
        return {}; // no offset: the instant is unknowable, refuse rather than guess
    if (zone != u"Z"_s && !zone.contains(u':'))
        zone.insert(3, u':');
    normal += zone;
    const QDateTime parsed = QDateTime::fromString(normal, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return {};
    return parsed.toUTC();
}

QString formatTimestamp(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    return utc.toString(utc.time().msec() != 0 ? Qt::ISODateWithMs : Qt::ISODate);
}

JsonReader::JsonReader(QJsonObject object, QString path, QString currency)
    : JsonReader(std::move(object), std::move(path), std::move(currency),
                 std::make_shared<std::optional<Error>>())
{
}

JsonReader::JsonReader(QJsonObject object, QString path, QString currency,
                       std::shared_ptr<std::optional<Error>> error)
    : m_object(std::move(object))
    , m_path(std::move(path))
    , m_currency(std::move(currency))
    , m_error(std::move(error))
{
}

QString JsonReader::pathOf(QStringView key) const
{
    return m_path.isEmpty() ? key.toString() : m_path + u'.' + key.toString();
}

void JsonReader::fail(QStringView key, const QString &message) const
{
    if (m_error->has_value())
        return; // the first error is the useful one
    Error e = Error::make(ErrorCode::RemoteValidation,
                          u"QuickBooks sent data Concord cannot read"_s,
                          u"%1: %2"_s.arg(pathOf(key), message));
    *m_error = std::move(e);
}

QString JsonReader::string(QStringView key) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (v.isString())
        return v.toString();
    if (v.isDouble()) { // Ids are strings; be lenient with a number where text belongs
        const auto d = Domain::Decimal::fromJson(v);
        return d ? d->toString() : QString();
    }
    if (v.isBool())
        return v.toBool() ? u"true"_s : u"false"_s;
    fail(key, u"expected text"_s);
    return {};
}

std::optional<bool> JsonReader::boolean(QStringView key) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (v.isBool())
        return v.toBool();
    if (v.isString() && (v.toString() == u"true"_s || v.toString() == u"false"_s))
        return v.toString() == u"true"_s;
    fail(key, u"expected true or false"_s);
    return std::nullopt;
}

std::optional<int> JsonReader::integer(QStringView key) const
{
    const auto d = decimal(key);
    if (!d)
        return std::nullopt;
    const Domain::Decimal n = d->normalized();
    if (n.scale() != 0 || n.mantissa() > std::numeric_limits<int>::max()
        || n.mantissa() < std::numeric_limits<int>::min()) {
        fail(key, u"expected a whole number, got %1"_s.arg(d->toString()));
        return std::nullopt;
    }
    return int(n.mantissa());
}

std::optional<Domain::Decimal> JsonReader::decimal(QStringView key) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    auto d = Domain::Decimal::fromJson(v);
    if (!d) {
        fail(key, d.error().message);
        return std::nullopt;
    }
    return *d;
}

std::optional<Domain::Money> JsonReader::money(QStringView key) const
{
    const auto d = decimal(key);
    if (!d)
        return std::nullopt;
    auto m = d->toMoney(m_currency);
    if (!m) {
        fail(key, m.error().message);
        return std::nullopt;
    }
    return *m;
}

QDate JsonReader::date(QStringView key) const
{
    const QString text = string(key);
    if (text.isEmpty())
        return {};
    // Dates are plain YYYY-MM-DD; tolerate a trailing offset some older
    // payloads carry ("2015-01-16-08:00") by reading the first ten characters.
    const QDate d = QDate::fromString(text.left(10), Qt::ISODate);
    if (!d.isValid())
        fail(key, u"'%1' is not a date (YYYY-MM-DD)"_s.arg(text));
    return d;
}

QDateTime JsonReader::dateTime(QStringView key) const
{
    const QString text = string(key);
    if (text.isEmpty())
        return {};
    const QDateTime t = parseTimestamp(text);
    if (!t.isValid())
        fail(key, u"'%1' is not an ISO 8601 time with an offset"_s.arg(text));
    return t;
}

Reference JsonReader::reference(QStringView key) const
{
    const JsonReader r = child(key);
    return Reference{ r.string(u"value"), r.string(u"name") };
}

QString JsonReader::nestedString(QStringView key, QStringView inner) const
{
    return child(key).string(inner);
}

PhysicalAddress JsonReader::address(QStringView key) const
{
    const JsonReader r = child(key);
    PhysicalAddress a;
    a.id = r.string(u"Id");
    a.line1 = r.string(u"Line1");
    a.line2 = r.string(u"Line2");
    a.line3 = r.string(u"Line3");
    a.line4 = r.string(u"Line4");
    a.line5 = r.string(u"Line5");
    a.city = r.string(u"City");
    a.countrySubDivisionCode = r.string(u"CountrySubDivisionCode");
    a.postalCode = r.string(u"PostalCode");
    a.country = r.string(u"Country");
    a.lat = r.string(u"Lat");
    a.lng = r.string(u"Long");
    return a;
}

MetaData JsonReader::metaData() const
{
    const JsonReader r = child(u"MetaData");
    return MetaData{ r.dateTime(u"CreateTime"), r.dateTime(u"LastUpdatedTime") };
}

QList<LinkedTxn> JsonReader::linkedTxns(QStringView key) const
{
    QList<LinkedTxn> out;
    for (const JsonReader &r : array(key))
        out.append(LinkedTxn{ r.string(u"TxnId"), r.string(u"TxnType"), r.string(u"TxnLineId") });
    return out;
}

QList<CustomField> JsonReader::customFields() const
{
    QList<CustomField> out;
    for (const JsonReader &r : array(u"CustomField"))
        out.append(CustomField{ r.string(u"DefinitionId"), r.string(u"Name"), r.string(u"Type"),
                                r.string(u"StringValue") });
    return out;
}

JsonReader JsonReader::child(QStringView key) const
{
    const QJsonValue v = m_object.value(key);
    if (!v.isUndefined() && !v.isNull() && !v.isObject())
        fail(key, u"expected an object"_s);
    return JsonReader(v.toObject(), pathOf(key), m_currency, m_error);
}

QList<JsonReader> JsonReader::array(QStringView key) const
{
    QList<JsonReader> out;
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return out;
    if (!v.isArray()) {
        fail(key, u"expected a list"_s);
        return out;
    }
    const QJsonArray items = v.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString itemPath = u"%1[%2]"_s.arg(pathOf(key)).arg(i);
        if (!items.at(i).isObject()) {
            fail(key, u"item %1 is not an object"_s.arg(i));
            continue;
        }
        out.append(JsonReader(items.at(i).toObject(), itemPath, m_currency, m_error));
    }
    return out;
}

void JsonWriter::string(QStringView key, const QString &value)
{
    if (!value.isEmpty())
        m_object.insert(key, value);
}

void JsonWriter::boolean(QStringView key, std::optional<bool> value)
{
    if (value)
        m_object.insert(key, *value);
}

void JsonWriter::integer(QStringView key, std::optional<int> value)
{
    if (value)
        m_object.insert(key, *value);
}

void JsonWriter::decimal(QStringView key, const std::optional<Domain::Decimal> &value)
{
    if (value)
        m_object.insert(key, value->toJson());
}

void JsonWriter::money(QStringView key, const std::optional<Domain::Money> &value)
{
    if (value)
        m_object.insert(key, Domain::Decimal::fromMoney(*value).toJson());
}

void JsonWriter::date(QStringView key, const QDate &value)
{
    if (value.isValid())
        m_object.insert(key, value.toString(Qt::ISODate));
}

void JsonWriter::dateTime(QStringView key, const QDateTime &value)
{
    if (value.isValid())
        m_object.insert(key, formatTimestamp(value));
}

void JsonWriter::reference(QStringView key, const Reference &value)
{
    if (!value.isSet())
        return;
    QJsonObject ref{ { u"value"_s, value.value } };
    if (!value.name.isEmpty())
        ref.insert(u"name"_s, value.name);
    m_object.insert(key, ref);
}

void JsonWriter::nestedString(QStringView key, QStringView inner, const QString &value)
{
    if (!value.isEmpty())
        m_object.insert(key, QJsonObject{ { inner.toString(), value } });
}

void JsonWriter::address(QStringView key, const PhysicalAddress &value)
{
    JsonWriter w;
    w.string(u"Id", value.id);
    w.string(u"Line1", value.line1);
    w.string(u"Line2", value.line2);
    w.string(u"Line3", value.line3);
    w.string(u"Line4", value.line4);
    w.string(u"Line5", value.line5);
    w.string(u"City", value.city);
    w.string(u"CountrySubDivisionCode", value.countrySubDivisionCode);
    w.string(u"PostalCode", value.postalCode);
    w.string(u"Country", value.country);
    w.string(u"Lat", value.lat);
    w.string(u"Long", value.lng);
    object(key, w.take());
}

void JsonWriter::metaData(const MetaData &value)
{
    JsonWriter w;
    w.dateTime(u"CreateTime", value.createTime);
    w.dateTime(u"LastUpdatedTime", value.lastUpdatedTime);
    object(u"MetaData", w.take());
}

void JsonWriter::linkedTxns(const QList<LinkedTxn> &value, QStringView key)
{
    QJsonArray out;
    for (const LinkedTxn &l : value) {
        JsonWriter w;
        w.string(u"TxnId", l.txnId);
        w.string(u"TxnType", l.txnType);
        w.string(u"TxnLineId", l.txnLineId);
        out.append(w.take());
    }
    array(key, out);
}

void JsonWriter::customFields(const QList<CustomField> &value)
{
    QJsonArray out;
    for (const CustomField &f : value) {
        JsonWriter w;
        w.string(u"DefinitionId", f.definitionId);
        w.string(u"Name", f.name);
        w.string(u"Type", f.type);
        w.string(u"StringValue", f.stringValue);
        out.append(w.take());
    }
    array(u"CustomField", out);
}

void JsonWriter::object(QStringView key, const QJsonObject &value)
{
    if (!value.isEmpty())
        m_object.insert(key, value);
}

void JsonWriter::array(QStringView key, const QJsonArray &value)
{
    if (!value.isEmpty())
        m_object.insert(key, value);
}

void JsonWriter::value(QStringView key, const QJsonValue &value)
{
    m_object.insert(key, value);
}

} // namespace Concord::QuickBooks::Internal
