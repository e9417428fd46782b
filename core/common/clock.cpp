#include "common/clock.h"

namespace Concord {

const Clock &Clock::system()
{
    static const SystemClock clock;
    return clock;
}

} // namespace Concord
