#include "quickbooks/qbofault.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Concord::Sandbox {

QboFault::QboFault(int httpStatus, QString type, QList<Item> errors)
    : m_status(httpStatus), m_type(std::move(type)), m_errors(std::move(errors))
{
}

QboFault QboFault::validation(const QString &code, const QString &message, const QString &detail,
                              const QString &element)
{
    return QboFault(400, u"ValidationFault"_s, { Item{ message, detail, code, element } });
}

QboFault QboFault::staleObject()
{
    // The user name in the real Detail is the QBO user who won the race.
    return validation(u"5010"_s, u"Stale Object Error"_s,
                      u"Stale Object Error : You and Concord Sandbox were working on this at the "
                      "same time. Concord Sandbox finished before you did, so your work was not saved."_s);
}

QboFault QboFault::objectNotFound()
{
    return validation(u"610"_s, u"Object Not Found"_s,
                      u"Object Not Found : Something you're trying to use has been made inactive. "
                      "Check the fields with accounts, customers, items, vendors or employees."_s);
}

QboFault QboFault::objectDeleted()
{
    return validation(u"610"_s, u"Object Not Found"_s,
                      u"Object Not Found : Another user has deleted this transaction."_s);
}

QboFault QboFault::duplicateName()
{
    return validation(u"6240"_s, u"Duplicate Name Exists Error"_s,
                      u"The name supplied already exists. : Another customer, vendor or employee "
                      "is already using this name. Please use a different name."_s);
}

QboFault QboFault::requiredParam(const QString &element)
{
    return validation(u"2020"_s,
                      u"Required param missing, need to supply the required value for the API"_s,
                      u"Required parameter %1 is missing in the request"_s.arg(element), element);
}

QboFault QboFault::invalidValue(const QString &element, const QString &detail)
{
    return validation(u"2010"_s, u"Request has invalid or unsupported property"_s, detail, element);
}

QboFault QboFault::businessValidation(const QString &detail)
{
    return validation(u"6000"_s,
                      u"A business validation error has occurred while processing your request"_s,
                      u"Business Validation Error: %1"_s.arg(detail));
}

QboFault QboFault::queryParse(const QString &detail)
{
    return validation(u"4000"_s, u"Error parsing query"_s, u"QueryParserError: %1"_s.arg(detail));
}

QboFault QboFault::queryInvalid(const QString &detail)
{
    return validation(u"4001"_s, u"Invalid query"_s, u"QueryValidationError: %1"_s.arg(detail));
}

QboFault QboFault::unsupportedOperation(const QString &detail)
{
    return validation(u"500"_s, u"Unsupported Operation"_s,
                      u"Operation %1 is not supported."_s.arg(detail));
}

QboFault QboFault::batchTooLarge(int count)
{
    return validation(u"1040"_s, u"Batch size exceeds allowed limit"_s,
                      u"Batch size %1 exceeds the maximum of 30 BatchItemRequest items"_s.arg(count));
}

QboFault QboFault::duplicateRequestId()
{
    return validation(u"600"_s, u"Duplicate Request ID"_s,
                      u"The request ID you're trying to use already exists. Our system detected "
                      "the duplicate."_s);
}

QboFault QboFault::authentication(const QString &detail)
{
    return QboFault(401, u"AUTHENTICATION"_s,
                    { Item{ u"message=AuthenticationFailed; errorCode=003200; statusCode=401"_s,
                            detail, u"3200"_s, {} } });
}

QboFault QboFault::throttled()
{
    return QboFault(429, u"SERVICE"_s,
                    { Item{ u"message=ThrottleExceeded; errorCode=003001; statusCode=429"_s,
                            u"The request limit was reached.  Try again later"_s, u"3001"_s, {} } });
}

QboFault QboFault::system()
{
    return QboFault(500, u"SystemFault"_s,
                    { Item{ u"An application error has occurred while processing your request"_s,
                            u"System Failure Error: An unexpected error occurred while accessing or "
                            "saving your data. Please wait a few minutes and try again."_s,
                            u"10000"_s, {} } });
}

QboFault QboFault::injected(int httpStatus, const QString &code)
{
    if (httpStatus == 429 && (code.isEmpty() || code == u"3001"_s))
        return throttled();
    if (httpStatus == 401 && (code.isEmpty() || code == u"3200"_s))
        return authentication(u"Token expired"_s);
    if (httpStatus >= 500 && code.isEmpty())
        return QboFault(httpStatus, u"SystemFault"_s, system().m_errors);
    const QString type = httpStatus == 401 ? u"AUTHENTICATION"_s
        : httpStatus == 403                 ? u"AuthorizationFault"_s
        : httpStatus >= 500                 ? u"SystemFault"_s
                                            : u"ValidationFault"_s;
    const QString c = code.isEmpty() ? u"10000"_s : code;
    return QboFault(httpStatus, type,
                    { Item{ u"Injected fault"_s, u"Fault injected by the sandbox for code %1"_s.arg(c),
                            c, {} } });
}

QJsonObject QboFault::toJson() const
{
    QJsonArray errors;
    for (const Item &e : m_errors) {
        errors.append(QJsonObject{ { u"Message"_s, e.message },
                                   { u"Detail"_s, e.detail },
                                   { u"code"_s, e.code },
                                   { u"element"_s, e.element } });
    }
    return QJsonObject{ { u"Error"_s, errors }, { u"type"_s, m_type } };
}

QByteArray QboFault::envelope(const QString &time) const
{
    return QJsonDocument(QJsonObject{ { u"Fault"_s, toJson() }, { u"time"_s, time } })
        .toJson(QJsonDocument::Compact);
}

QByteArray QboFault::xmlEnvelope(const QString &time) const
{
    const auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    QString xml = u"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                  "<IntuitResponse time=\"%1\" xmlns=\"http://schema.intuit.com/finance/v3\">\n"
                  "  <Fault type=\"%2\">\n"_s.arg(esc(time), esc(m_type));
    for (const Item &e : m_errors) {
        xml += u"    <Error code=\"%1\">\n      <Message>%2</Message>\n      <Detail>%3</Detail>\n"
               "    </Error>\n"_s.arg(esc(e.code), esc(e.message), esc(e.detail));
    }
    xml += u"  </Fault>\n</IntuitResponse>\n"_s;
    return xml.toUtf8();
}

} // namespace Concord::Sandbox
