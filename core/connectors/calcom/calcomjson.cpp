#include "connectors/calcom/calcomjson_p.h"

#include <QTimeZone>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Concord::Calcom::Internal {

JsonReader::JsonReader(QJsonObject object, QString path)
    : JsonReader(std::move(object), std::move(path), std::make_shared<std::optional<Error>>())
{
}

JsonReader::JsonReader(QJsonObject object, QString path,
                       std::shared_ptr<std::optional<Error>> error)
    : m_object(std::move(object))
    , m_path(std::move(path))
    , m_error(std::move(error))
{
}

bool JsonReader::has(QStringView key) const
{
    const QJsonValue v = m_object.value(key);
    return !v.isUndefined() && !v.isNull();
}

QString JsonReader::pathOf(QStringView key) const
{
    return m_path.isEmpty() ? key.toString() : m_path + u'.' + key.toString();
}

void JsonReader::fail(QStringView key, const QString &message) const
{
    if (m_error->has_value())
        return;
    *m_error = Error::make(ErrorCode::RemoteValidation,
                           u"Cal.com answered with data Concord cannot read"_s,
                           u"%1: %2"_s.arg(pathOf(key), message));
}

QString JsonReader::string(QStringView key) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString()) {
        fail(key, u"expected a string"_s);
        return {};
    }
    return v.toString();
}

QString JsonReader::requiredString(QStringView key) const
{
    if (!has(key)) {
        fail(key, u"missing"_s);
        return {};
    }
    return string(key);
}

std::optional<bool> JsonReader::boolean(QStringView key) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isBool()) {
        fail(key, u"expected true or false"_s);
        return std::nullopt;
    }
    return v.toBool();
}

std::optional<qint64> JsonReader::integer(QStringView key) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isDouble()) {
        fail(key, u"expected a number"_s);
        return std::nullopt;
    }
    const double d = v.toDouble();
    // JSON numbers are doubles; ids are exact below 2^53.
    if (std::floor(d) != d || std::fabs(d) > 9007199254740992.0) {
        fail(key, u"expected a whole number"_s);
        return std::nullopt;
    }
    return qint64(d);
}

qint64 JsonReader::requiredInteger(QStringView key) const
{
    if (!has(key)) {
        fail(key, u"missing"_s);
        return 0;
    }
    return integer(key).value_or(0);
}

QDateTime JsonReader::dateTime(QStringView key) const
{
    const QString text = string(key);
    if (text.isEmpty())
        return {};
    const QDateTime t = parseInstant(text);
    if (!t.isValid())
        fail(key, u"'%1' is not an ISO 8601 instant with an offset"_s.arg(text));
    return t;
}

QDateTime JsonReader::requiredDateTime(QStringView key) const
{
    if (!has(key)) {
        fail(key, u"missing"_s);
        return {};
    }
    return dateTime(key);
}

QStringList JsonReader::strings(QStringView key) const
{
    QStringList out;
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return out;
    if (!v.isArray()) {
        fail(key, u"expected an array"_s);
        return out;
    }
    const QJsonArray array = v.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString()) {
            fail(u"%1[%2]"_s.arg(key).arg(i), u"expected a string"_s);
            return {};
        }
        out.append(array.at(i).toString());
    }
    return out;
}

QList<qint64> JsonReader::integers(QStringView key) const
{
    QList<qint64> out;
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return out;
    if (!v.isArray()) {
        fail(key, u"expected an array"_s);
        return out;
    }
    const QJsonArray array = v.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const double d = array.at(i).toDouble(std::nan(""));
        if (!array.at(i).isDouble() || std::floor(d) != d) {
            fail(u"%1[%2]"_s.arg(key).arg(i), u"expected a whole number"_s);
            return {};
        }
        out.append(qint64(d));
    }
    return out;
}

JsonReader JsonReader::child(QStringView key) const
{
    const QJsonValue v = m_object.value(key);
    if (!v.isUndefined() && !v.isNull() && !v.isObject())
        fail(key, u"expected an object"_s);
    return JsonReader(v.toObject(), pathOf(key), m_error);
}

QList<JsonReader> JsonReader::array(QStringView key) const
{
    QList<JsonReader> out;
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return out;
    if (!v.isArray()) {
        fail(key, u"expected an array"_s);
        return out;
    }
    const QJsonArray array = v.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject()) {
            fail(u"%1[%2]"_s.arg(key).arg(i), u"expected an object"_s);
            return {};
        }
        out.append(
            JsonReader(array.at(i).toObject(), u"%1[%2]"_s.arg(pathOf(key)).arg(i), m_error));
    }
    return out;
}

QDateTime parseInstant(const QString &text)
{
    const QString trimmed = text.trimmed();
    // Without 'Z' or an offset Qt would read local time: refuse instead.
    const qsizetype t = trimmed.indexOf(u'T');
    if (t < 0)
        return {};
    const QStringView time = QStringView(trimmed).mid(t + 1);
    if (!time.endsWith(u'Z') && !time.contains(u'+') && !time.contains(u'-'))
        return {};
    const QDateTime parsed = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return {};
    return parsed.toUTC();
}

QString formatInstant(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    return utc.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
}

} // namespace Concord::Calcom::Internal
