#pragma once

#include "identity/normalize.h"
#include "identity/record.h"

#include <QString>
#include <QStringList>

#include <array>
#include <memory>

namespace Concord::Identity {

// A record in the form the matcher compares: every field normalized once.
// Raw text is not kept (callers own their records); only what comparisons,
// blocking and evidence need.
struct PreparedRecord {
    QString id;
    QString storedLink;
    // Person names (when first/last columns are mapped).
    QString given;
    QString family;
    // Name as words (organisations, or people given only as a full name).
    QStringList nameWords;
    QString nameText; // nameWords joined by ' '
    NormalizedEmail email;
    NormalizedPhone phone;
    NormalizedDate dob;
    NormalizedAddress address;
    QString city;
    QString postcode;
    quint64 sortKey = 0; // order-preserving prefix of the name, for sorted-window blocks
};

// Which comparisons a data set supports decides how names are compared: with
// first/last columns, as given + family name (swaps and nicknames understood);
// otherwise as a bag of words (organisations).
enum class NameMode { Person, Words };

// Normalizes records. Holds the phone region and the column's date order.
// Thread-safe after construction.
class RecordPreparer {
public:
    RecordPreparer(const QString &defaultRegion, NameMode mode, DateOrder dateOrder);
    [[nodiscard]] PreparedRecord prepare(const Record &record) const;
    [[nodiscard]] NameMode nameMode() const { return m_mode; }
    [[nodiscard]] DateOrder dateOrder() const { return m_dateOrder; }
    [[nodiscard]] QString region() const { return m_phones.region(); }

private:
    PhoneNormalizer m_phones;
    NameMode m_mode;
    DateOrder m_dateOrder;
};

} // namespace Concord::Identity
