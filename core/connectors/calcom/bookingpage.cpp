#include "connectors/calcom/bookingpage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Concord::Calcom {

Result<QJsonValue> dataOf(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return fail(
            ErrorCode::RemoteValidation, u"Cal.com answered with something that is not JSON"_s,
            parseError.errorString() + u": "_s + QString::fromUtf8(body.left(200)).simplified());
    const QJsonObject root = doc.object();
    if (root.value(u"status").toString() != u"success"_s)
        return fail(ErrorCode::RemoteValidation,
                    u"Cal.com did not answer with its success envelope"_s,
                    QString::fromUtf8(body.left(200)).simplified());
    return root.value(u"data");
}

Result<BookingPage> BookingPage::fromResponse(const QByteArray &body)
{
    // Parsed once: a page of 100 bookings is ~100 KB.
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return fail(
            ErrorCode::RemoteValidation, u"Cal.com answered with something that is not JSON"_s,
            parseError.errorString() + u": "_s + QString::fromUtf8(body.left(200)).simplified());
    const QJsonObject root = doc.object();
    if (root.value(u"status").toString() != u"success"_s)
        return fail(ErrorCode::RemoteValidation,
                    u"Cal.com did not answer with its success envelope"_s,
                    QString::fromUtf8(body.left(200)).simplified());
    const QJsonValue data = root.value(u"data");
    if (!data.isArray())
        return fail(ErrorCode::RemoteValidation,
                    u"Cal.com's booking list has no data array (was cal-api-version sent?)"_s);
    BookingPage page;
    const QJsonArray rows = data.toArray();
    page.bookings.reserve(rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        auto booking = Booking::fromJson(rows.at(i).toObject());
        if (!booking) {
            Error e = booking.error();
            e.detail = u"data[%1]: %2"_s.arg(i).arg(e.detail);
            return std::unexpected(e);
        }
        page.bookings.append(std::move(*booking));
    }
    const QJsonObject pagination = root.value(u"pagination").toObject();
    if (pagination.contains(u"hasMore")) {
        page.hasMore = pagination.value(u"hasMore").toBool();
        page.nextCursor = pagination.value(u"nextCursor").toString();
        if (page.hasMore && page.nextCursor.isEmpty())
            return fail(ErrorCode::RemoteValidation,
                        u"Cal.com said there is more but gave no cursor"_s);
    } else if (pagination.contains(u"hasNextPage")) {
        page.hasMore = pagination.value(u"hasNextPage").toBool();
        if (pagination.value(u"totalItems").isDouble())
            page.totalItems = qint64(pagination.value(u"totalItems").toDouble());
    }
    return page;
}

} // namespace Concord::Calcom
