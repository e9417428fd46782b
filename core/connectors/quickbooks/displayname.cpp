#include "connectors/quickbooks/displayname.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace Concord::QuickBooks {

namespace {

constexpr int kHashDigits = 6; // 16.7 million values: plenty within one company

// Cuts to at most `length` characters without splitting a surrogate pair.
QString cut(const QString &text, qsizetype length)
{
    if (text.size() <= length)
        return text;
    qsizetype end = length;
    if (end > 0 && text.at(end - 1).isHighSurrogate())
        --end;
    return text.left(end).trimmed();
}

// name + suffix, shortening the name so the whole fits.
QString withSuffix(const QString &name, const QString &suffix)
{
    const QString cleanSuffix = sanitizeDisplayName(suffix);
    const qsizetype room = kDisplayNameMaxLength - cleanSuffix.size() - 1;
    if (room <= 0)
        return cut(cleanSuffix, kDisplayNameMaxLength);
    return cut(name, room) + u' ' + cleanSuffix;
}

} // namespace

QString sanitizeDisplayName(const QString &name)
{
    QString out;
    out.reserve(name.size());
    for (QChar c : name) {
        if (c == u':' || c == u'\t' || c == u'\n' || c == u'\r' || c.category() == QChar::Other_Control)
            c = u' ';
        if (c == u' ' && (out.isEmpty() || out.back() == u' '))
            continue;
        out.append(c);
    }
    return cut(out.trimmed(), kDisplayNameMaxLength);
}

QStringList displayNameCandidates(const QString &desiredName, const QString &identity, int count)
{
    const QString cleanIdentity = identity.trimmed();
    QString name = sanitizeDisplayName(desiredName);
    if (name.isEmpty())
        name = sanitizeDisplayName(cleanIdentity);
    QStringList out;
    if (name.isEmpty() || count <= 0)
        return out;
    auto add = [&](const QString &candidate) {
        if (out.size() < count && !candidate.isEmpty() && !out.contains(candidate))
            out.append(candidate);
    };
    add(name);
    if (!cleanIdentity.isEmpty())
        add(withSuffix(name, u"(%1)"_s.arg(cleanIdentity)));
    const QByteArray seed = (cleanIdentity.isEmpty() ? name : cleanIdentity).toUtf8();
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex().left(kHashDigits));
    add(withSuffix(name, u"#"_s + hash));
    for (int n = 2; out.size() < count && n < count + 3; ++n)
        add(withSuffix(name, u"#%1-%2"_s.arg(hash).arg(n)));
    return out;
}

} // namespace Concord::QuickBooks
