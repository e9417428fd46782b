#include "identity/preparedrecord.h"

namespace Concord::Identity {

namespace {

// Packs the first 8 characters (folded, ASCII-clamped) into an integer whose
// order is the text's order, so a block can be sorted cheaply by name.
quint64 packSortKey(QStringView text)
{
    quint64 key = 0;
    for (int i = 0; i < 8; ++i) {
        const char16_t c = i < text.size() ? text[i].unicode() : 0;
        key = (key << 8) | quint64(c > 0xff ? 0xff : c);
    }
    return key;
}

} // namespace

RecordPreparer::RecordPreparer(const QString &defaultRegion, NameMode mode, DateOrder dateOrder)
    : m_phones(defaultRegion)
    , m_mode(mode)
    , m_dateOrder(dateOrder)
{
}

PreparedRecord RecordPreparer::prepare(const Record &r) const
{
    PreparedRecord p;
    p.id = r.id;
    p.storedLink = r.storedLink.trimmed();
    if (m_mode == NameMode::Person) {
        const PersonName n = normalizePersonName(r.value(Field::FirstName),
                                                 r.value(Field::LastName), r.value(Field::Name));
        p.given = n.given;
        p.family = n.family;
        p.sortKey = packSortKey(QString(n.family + n.given));
    } else {
        p.nameWords = nameTokens(r.value(Field::Name));
        if (p.nameWords.isEmpty()) // a people file mapped with name= only still has words
            p.nameWords = nameTokens(r.value(Field::FirstName) + u' ' + r.value(Field::LastName));
        p.nameText = p.nameWords.join(u' ');
        p.sortKey = packSortKey(p.nameText);
    }
    p.email = normalizeEmail(r.value(Field::Email));
    p.phone = m_phones.normalize(r.value(Field::Phone));
    p.dob = parseDate(r.value(Field::Dob), m_dateOrder);
    p.address = normalizeAddress(r.value(Field::Address));
    p.city = foldText(r.value(Field::City));
    p.postcode = normalizePostcode(r.value(Field::Postcode));
    return p;
}

} // namespace Concord::Identity
