#pragma once

// QCOMPARE finds a value printer through argument-dependent lookup; for domain
// enums that lookup finds the domain's own toString() (returning QString),
// which Qt Test cannot use. Compare domain enums by their stable names
// instead, which also gives readable failure messages:
//     QCOMPARE_NAMES(job.state, JobState::Failed);
#include "common/error.h"
#include "domain/billing.h"
#include "domain/customer.h"
#include "domain/operations.h"
#include "domain/rules.h"
#include "domain/status.h"
#include "domain/system.h"
#include "domain/user.h"

#include <QTest>

#define QCOMPARE_NAMES(actual, expected) QCOMPARE(Concord::Domain::toString(actual), Concord::Domain::toString(expected))

namespace QTest {
template<>
inline char *toString(const Concord::ErrorCode &code)
{
    return qstrdup(qPrintable(Concord::errorCodeName(code)));
}
} // namespace QTest

// Verifies a Result/Status succeeded, printing the error when it did not.
#define QVERIFY_OK(result)                                                                                             \
    do {                                                                                                               \
        const auto &concordResult_ = (result);                                                                         \
        QVERIFY2(bool(concordResult_), qPrintable(concordResult_ ? QString() : concordResult_.error().toString()));   \
    } while (false)
