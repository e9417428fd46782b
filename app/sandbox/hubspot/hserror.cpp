#include "hubspot/hserror.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Concord::Sandbox {

namespace {

// `text` as a JSON string literal, quotes included ("a \"b\"").
QString jsonString(const QString &text)
{
    const QString array = QString::fromUtf8(QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact));
    return array.mid(1, array.size() - 2); // ["…"] → "…"
}

// HubSpot's message for refused property values: the results as JSON text,
// in HubSpot's field order (isValid, message, error, name), values escaped.
QString propertyValuesNotValid(const QString &detail, const QString &code, const QString &property)
{
    return u"Property values were not valid: [{\"isValid\":false,\"message\":%1,\"error\":%2,\"name\":%3}]"_s.arg(
        jsonString(detail), jsonString(code), jsonString(property));
}

} // namespace

QJsonObject HsError::toJson(const QString &correlationId) const
{
    QJsonObject json{{u"status"_s, u"error"_s}, {u"message"_s, message}, {u"correlationId"_s, correlationId}};
    if (!category.isEmpty())
        json.insert(u"category"_s, category);
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

HsError HsError::validation(const QString &message, const QJsonArray &errors)
{
    HsError e{400, u"VALIDATION_ERROR"_s, message, {}};
    if (!errors.isEmpty())
        e.extra.insert(u"errors"_s, errors);
    return e;
}

HsError HsError::notFound(const QString &message)
{
    // Category unverified (A11); the message is the one observed.
    return HsError{404, u"OBJECT_NOT_FOUND"_s, message, {}};
}

HsError HsError::contactExists(qint64 existingId)
{
    return HsError{409, u"CONFLICT"_s, u"Contact already exists. Existing ID: %1"_s.arg(existingId), {}};
}

HsError HsError::conflict(const QString &message)
{
    return HsError{409, u"CONFLICT"_s, message, {}};
}

HsError HsError::unknownProperty(const QString &property)
{
    const QString detail = u"Property \"%1\" does not exist"_s.arg(property);
    return validation(propertyValuesNotValid(detail, u"PROPERTY_DOESNT_EXIST"_s, property),
                      QJsonArray{QJsonObject{{u"message"_s, detail}, {u"code"_s, u"PROPERTY_DOESNT_EXIST"_s},
                                             {u"in"_s, property}}});
}

HsError HsError::readOnlyProperty(const QString &property)
{
    const QString detail = u"\"%1\" is a read only property; its value cannot be set."_s.arg(property);
    return validation(propertyValuesNotValid(detail, u"READ_ONLY_VALUE"_s, property),
                      QJsonArray{QJsonObject{{u"message"_s, detail}, {u"code"_s, u"READ_ONLY_VALUE"_s},
                                             {u"in"_s, property}}});
}

HsError HsError::invalidEmail(const QString &email)
{
    return validation(propertyValuesNotValid(u"Email address %1 is invalid"_s.arg(email), u"INVALID_EMAIL"_s, u"email"_s));
}

} // namespace Concord::Sandbox
