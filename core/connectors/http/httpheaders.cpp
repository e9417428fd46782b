#include "connectors/http/httpheaders.h"

namespace Concord::Connectors {

namespace {
bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}
} // namespace

HttpHeaders::HttpHeaders(std::initializer_list<Field> fields) : m_fields(fields) {}

void HttpHeaders::append(QByteArray name, QByteArray value)
{
    m_fields.append({std::move(name), std::move(value)});
}

void HttpHeaders::set(QByteArray name, QByteArray value)
{
    remove(name);
    append(std::move(name), std::move(value));
}

void HttpHeaders::remove(QByteArrayView name)
{
    m_fields.removeIf([name](const Field &field) { return sameName(field.first, name); });
}

bool HttpHeaders::contains(QByteArrayView name) const
{
    for (const Field &field : m_fields) {
        if (sameName(field.first, name))
            return true;
    }
    return false;
}

QByteArray HttpHeaders::value(QByteArrayView name, const QByteArray &fallback) const
{
    for (const Field &field : m_fields) {
        if (sameName(field.first, name))
            return field.second;
    }
    return fallback;
}

QList<QByteArray> HttpHeaders::values(QByteArrayView name) const
{
    QList<QByteArray> result;
    for (const Field &field : m_fields) {
        if (sameName(field.first, name))
            result.append(field.second);
    }
    return result;
}

} // namespace Concord::Connectors
