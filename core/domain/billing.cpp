#include "domain/billing.h"

#include "domain/enumnames_p.h"

using namespace Qt::StringLiterals;

namespace Concord::Domain {

namespace {

constexpr Internal::EnumNameTable<CreditKind, 2> creditKindNames { {
    { CreditKind::CreditMemo, "credit_memo"_L1 },
    { CreditKind::RefundReceipt, "refund_receipt"_L1 },
} };

} // namespace

QString toString(CreditKind kind)
{
    return Internal::enumToString(creditKindNames, kind);
}

Result<CreditKind> parseCreditKind(const QString &text)
{
    return Internal::parseEnum(creditKindNames, text, "credit kind"_L1);
}

} // namespace Concord::Domain
