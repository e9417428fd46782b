#include "identity/stringmetrics.h"

#include <algorithm>
#include <array>
#include <vector>

namespace Concord::Identity {

double jaroWinkler(QStringView a, QStringView b)
{
    const qsizetype la = a.size();
    const qsizetype lb = b.size();
    if (la == 0 && lb == 0)
        return 1.0;
    if (la == 0 || lb == 0)
        return 0.0;
    if (a == b)
        return 1.0;
    const qsizetype window = std::max<qsizetype>(0, std::max(la, lb) / 2 - 1);
    // Names are short; a fixed stack buffer avoids allocating per comparison.
    constexpr qsizetype kStack = 64;
    std::vector<char> matchedA, matchedB;
    char *ma = nullptr;
    char *mb = nullptr;
    std::array<char, kStack> bufA {}, bufB {};
    if (la <= kStack && lb <= kStack) {
        ma = bufA.data();
        mb = bufB.data();
    } else {
        matchedA.assign(size_t(la), 0);
        matchedB.assign(size_t(lb), 0);
        ma = matchedA.data();
        mb = matchedB.data();
    }
    qsizetype matches = 0;
    for (qsizetype i = 0; i < la; ++i) {
        const qsizetype lo = std::max<qsizetype>(0, i - window);
        const qsizetype hi = std::min<qsizetype>(lb - 1, i + window);
        for (qsizetype j = lo; j <= hi; ++j) {
            if (!mb[j] && a[i] == b[j]) {
                ma[i] = 1;
                mb[j] = 1;
                ++matches;
                break;
            }
        }
    }
    if (matches == 0)
        return 0.0;
    qsizetype transpositions = 0;
    qsizetype k = 0;
    for (qsizetype i = 0; i < la; ++i) {
        if (!ma[i])
            continue;
        while (!mb[k])
            ++k;
        if (a[i] != b[k])
            ++transpositions;
        ++k;
    }
    const double m = double(matches);
    const double jaro =
        (m / double(la) + m / double(lb) + (m - double(transpositions) / 2.0) / m) / 3.0;
    qsizetype prefix = 0;
    const qsizetype maxPrefix = std::min<qsizetype>({ 4, la, lb });
    while (prefix < maxPrefix && a[prefix] == b[prefix])
        ++prefix;
    return jaro + double(prefix) * 0.1 * (1.0 - jaro);
}

int editDistance(QStringView a, QStringView b, int max)
{
    const qsizetype la = a.size();
    const qsizetype lb = b.size();
    if (std::abs(la - lb) > max)
        return max + 1;
    if (a == b)
        return 0;
    // Three rows of the OSA dynamic programme; strings here are short, so the
    // rows live on the stack unless the input is long.
    constexpr qsizetype kStack = 64;
    std::array<int, 3 * kStack> stack;
    std::vector<int> heap;
    int *base = stack.data();
    if (lb + 1 > kStack) {
        heap.resize(size_t(3 * (lb + 1)));
        base = heap.data();
    }
    const qsizetype stride = lb + 1 > kStack ? lb + 1 : kStack;
    int *prev2 = base;
    int *prev = base + stride;
    int *cur = base + 2 * stride;
    for (qsizetype j = 0; j <= lb; ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= la; ++i) {
        cur[0] = int(i);
        int rowMin = cur[0];
        for (qsizetype j = 1; j <= lb; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = std::min({ prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost });
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                v = std::min(v, prev2[j - 2] + 1);
            cur[j] = v;
            rowMin = std::min(rowMin, v);
        }
        if (rowMin > max)
            return max + 1;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return std::min(prev[lb], max + 1);
}

QString soundex(QStringView text)
{
    // Codes for a..z; '0' = vowel-like (separates equal codes), '-' = h/w
    // (does not separate).
    static constexpr char kCodes[] = "01230120022455012623010202";
    QString out;
    char last = 0;
    for (QChar qc : text) {
        const char16_t c = qc.unicode();
        if (c < u'a' || c > u'z')
            continue;
        const char code = (c == u'h' || c == u'w') ? '-' : kCodes[c - u'a'];
        if (out.isEmpty()) {
            out.append(QChar(c));
            last = code;
            continue;
        }
        if (code == '-')
            continue;
        if (code != '0' && code != last)
            out.append(QLatin1Char(code));
        last = code;
        if (out.size() == 4)
            break;
    }
    if (out.isEmpty())
        return out;
    while (out.size() < 4)
        out.append(u'0');
    return out;
}

} // namespace Concord::Identity
