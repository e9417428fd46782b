#include "hubspot/hserror.h"

using namespace Qt::StringLiterals;

namespace Concord::Sandbox {

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
    return validation(u"Property values were not valid: [{\"isValid\":false,\"message\":\"%1\",\"error\":"
                      "\"PROPERTY_DOESNT_EXIST\",\"name\":\"%2\"}]"_s.arg(detail, property),
                      QJsonArray{QJsonObject{{u"message"_s, detail}, {u"code"_s, u"PROPERTY_DOESNT_EXIST"_s},
                                             {u"in"_s, property}}});
}

HsError HsError::readOnlyProperty(const QString &property)
{
    const QString detail = u"\"%1\" is a read only property; its value cannot be set."_s.arg(property);
    return validation(u"Property values were not valid: [{\"isValid\":false,\"message\":\"%1\",\"error\":"
                      "\"READ_ONLY_VALUE\",\"name\":\"%2\"}]"_s.arg(detail, property),
                      QJsonArray{QJsonObject{{u"message"_s, detail}, {u"code"_s, u"READ_ONLY_VALUE"_s},
                                             {u"in"_s, property}}});
}

} // namespace Concord::Sandbox
