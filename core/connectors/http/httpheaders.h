#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <utility>

namespace Concord::Connectors {

// HTTP header fields in arrival order, looked up without regard to case
// ("Retry-After" == "retry-after"), as RFC 9110 requires. Pure value.
class HttpHeaders
{
public:
    using Field = std::pair<QByteArray, QByteArray>;

    HttpHeaders() = default;
    HttpHeaders(std::initializer_list<Field> fields);

    // Adds a field, keeping any existing one of the same name.
    void append(QByteArray name, QByteArray value);
    // Replaces every field of that name by one field.
    void set(QByteArray name, QByteArray value);
    void remove(QByteArrayView name);

    [[nodiscard]] bool contains(QByteArrayView name) const;
    // The first value of that name, or `fallback` when absent.
    [[nodiscard]] QByteArray value(QByteArrayView name, const QByteArray &fallback = {}) const;
    // Every value of that name, in order.
    [[nodiscard]] QList<QByteArray> values(QByteArrayView name) const;

    [[nodiscard]] const QList<Field> &fields() const { return m_fields; }
    [[nodiscard]] qsizetype size() const { return m_fields.size(); }
    [[nodiscard]] bool isEmpty() const { return m_fields.isEmpty(); }

private:
    QList<Field> m_fields;
};

} // namespace Concord::Connectors
