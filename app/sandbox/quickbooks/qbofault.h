#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Concord::Sandbox {

// A QuickBooks Fault as the API returns it: HTTP status plus
// {"Fault":{"Error":[{"Message","Detail","code","element"}],"type"},"time"}.
// Factory functions carry the real Message/Detail strings captured from QBO
// (fixtures/quickbooks/captured-exquickbooks, errors/), so clients are tested
// against the words they will really see.
class QboFault
{
public:
    struct Item {
        QString message;
        QString detail;
        QString code;
        QString element;
    };

    QboFault() = default;
    QboFault(int httpStatus, QString type, QList<Item> errors);

    [[nodiscard]] static QboFault validation(const QString &code, const QString &message,
                                             const QString &detail, const QString &element = {});
    [[nodiscard]] static QboFault staleObject();
    [[nodiscard]] static QboFault objectNotFound();
    [[nodiscard]] static QboFault objectDeleted();
    [[nodiscard]] static QboFault duplicateName();
    [[nodiscard]] static QboFault requiredParam(const QString &element);
    [[nodiscard]] static QboFault invalidValue(const QString &element, const QString &detail);
    [[nodiscard]] static QboFault businessValidation(const QString &detail);
    [[nodiscard]] static QboFault queryParse(const QString &detail);
    [[nodiscard]] static QboFault queryInvalid(const QString &detail);
    [[nodiscard]] static QboFault unsupportedOperation(const QString &detail);
    [[nodiscard]] static QboFault batchTooLarge(int count);
    [[nodiscard]] static QboFault duplicateRequestId();
    [[nodiscard]] static QboFault authentication(const QString &detail);
    [[nodiscard]] static QboFault throttled();
    [[nodiscard]] static QboFault system();
    // A fault injected by a test: status and code as asked, type matching the status.
    [[nodiscard]] static QboFault injected(int httpStatus, const QString &code);

    [[nodiscard]] int httpStatus() const { return m_status; }
    [[nodiscard]] QString code() const { return m_errors.isEmpty() ? QString() : m_errors.first().code; }
    [[nodiscard]] const QString &type() const { return m_type; }

    // {"Error":[...],"type":...}: the value of "Fault" (also used inside batch items).
    [[nodiscard]] QJsonObject toJson() const;
    // The whole response body with the given envelope time.
    [[nodiscard]] QByteArray envelope(const QString &time) const;
    // The XML form (IntuitResponse), as QBO returns throttle faults even to JSON clients.
    [[nodiscard]] QByteArray xmlEnvelope(const QString &time) const;

private:
    int m_status = 400;
    QString m_type;
    QList<Item> m_errors;
};

} // namespace Concord::Sandbox
