#include "identity/evidence.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Concord::Identity {

QString toString(Decision decision)
{
    switch (decision) {
    case Decision::Distinct:
        return u"distinct"_s;
    case Decision::Candidate:
        return u"candidate"_s;
    case Decision::Link:
        return u"link"_s;
    }
    return {};
}

QJsonObject PairEvidence::toJson() const
{
    QJsonArray fieldArray;
    for (const FieldEvidence &f : fields) {
        fieldArray.append(QJsonObject { { u"field"_s, comparisonKey(f.comparison) },
                                        { u"level"_s, f.label },
                                        { u"agrees"_s, f.agrees() },
                                        { u"weight"_s, std::round(f.weight * 100) / 100 },
                                        { u"a"_s, f.valueA },
                                        { u"b"_s, f.valueB } });
    }
    return QJsonObject { { u"a"_s, idA },
                         { u"b"_s, idB },
                         { u"decision"_s, toString(decision) },
                         { u"probability"_s, probability },
                         { u"matchWeight"_s, std::round(matchWeight * 100) / 100 },
                         { u"priorWeight"_s, std::round(priorWeight * 100) / 100 },
                         { u"storedLink"_s, storedLink },
                         { u"identifierAgrees"_s, identifierAgrees },
                         { u"nameOnly"_s, nameOnly },
                         { u"contradiction"_s, contradiction },
                         { u"namesSwapped"_s, namesSwapped },
                         { u"heldApart"_s, heldApart },
                         { u"reason"_s, reason },
                         { u"fields"_s, fieldArray } };
}

} // namespace Concord::Identity
