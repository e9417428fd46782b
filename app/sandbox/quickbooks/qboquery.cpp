#include "quickbooks/qboquery.h"

#include "quickbooks/qboformat.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Concord::Sandbox {

namespace {

const QStringList kMeta = { u"MetaData.CreateTime"_s, u"MetaData.LastUpdatedTime"_s };

// Filterable properties per entity (quickbooks.md §2 table, Intuit reference
// "filterable" tags). Anything else is refused like QBO does: 4001 "not queryable".
const QHash<QString, QStringList> &filterable()
{
    static const QHash<QString, QStringList> table = [] {
        QHash<QString, QStringList> t;
        t.insert(u"Customer"_s, { u"Id"_s, u"DisplayName"_s, u"GivenName"_s, u"MiddleName"_s,
                                  u"FamilyName"_s, u"CompanyName"_s, u"PrimaryEmailAddr"_s,
                                  u"PrintOnCheckName"_s, u"FullyQualifiedName"_s, u"Active"_s,
                                  u"Balance"_s, u"BalanceWithJobs"_s });
        t.insert(u"Invoice"_s, { u"Id"_s, u"CustomerRef"_s, u"TxnDate"_s, u"DueDate"_s,
                                 u"Balance"_s, u"SalesTermRef"_s, u"ProjectRef"_s, u"DocNumber"_s,
                                 u"TotalAmt"_s });
        t.insert(u"Payment"_s, { u"Id"_s, u"TotalAmt"_s, u"CustomerRef"_s, u"TxnDate"_s,
                                 u"ProjectRef"_s });
        t.insert(u"CreditMemo"_s, { u"Id"_s, u"TotalAmt"_s, u"Balance"_s, u"CustomerRef"_s,
                                    u"TxnDate"_s, u"DocNumber"_s, u"ProjectRef"_s });
        t.insert(u"RefundReceipt"_s, { u"Id"_s, u"TotalAmt"_s, u"CustomerRef"_s, u"TxnDate"_s,
                                       u"DocNumber"_s });
        t.insert(u"Term"_s, { u"Id"_s, u"Name"_s, u"Active"_s });
        t.insert(u"Item"_s, { u"Id"_s, u"Name"_s, u"Type"_s, u"Active"_s, u"Sku"_s });
        t.insert(u"TaxCode"_s, { u"Id"_s, u"Name"_s, u"Active"_s });
        t.insert(u"TaxRate"_s, { u"Id"_s, u"Name"_s, u"Active"_s });
        t.insert(u"CompanyInfo"_s, { u"Id"_s });
        t.insert(u"Preferences"_s, { u"Id"_s });
        for (auto it = t.begin(); it != t.end(); ++it)
            it.value().append(kMeta);
        return t;
    }();
    return table;
}

struct Token {
    enum Kind { Word, String, Number, Symbol, End } kind = End;
    QString text;
    int column = 0; // 1-based, for the 4000 message
};

std::expected<QList<Token>, QboFault> tokenize(const QString &s)
{
    QList<Token> out;
    qsizetype i = 0;
    const qsizetype n = s.size();
    while (i < n) {
        const QChar c = s.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        const int column = int(i) + 1;
        if (c == u'\'') {
            QString value;
            ++i;
            bool closed = false;
            while (i < n) {
                const QChar d = s.at(i);
                if (d == u'\\' && i + 1 < n) {
                    value += s.at(i + 1);
                    i += 2;
                    continue;
                }
                if (d == u'\'') {
                    closed = true;
                    ++i;
                    break;
                }
                value += d;
                ++i;
            }
            if (!closed)
                return std::unexpected(QboFault::queryParse(
                    u"Lexical error at line 1, column %1.  Encountered: <EOF> after : \"'%2\""_s
                        .arg(n + 1)
                        .arg(value)));
            out.append({ Token::String, value, column });
            continue;
        }
        if (c.isLetter() || c == u'_') {
            const qsizetype start = i;
            while (i < n && (s.at(i).isLetterOrNumber() || s.at(i) == u'_' || s.at(i) == u'.'))
                ++i;
            out.append({ Token::Word, s.mid(start, i - start), column });
            continue;
        }
        if (c.isDigit() || (c == u'-' && i + 1 < n && s.at(i + 1).isDigit())) {
            const qsizetype start = i;
            ++i;
            while (i < n && (s.at(i).isDigit() || s.at(i) == u'.'))
                ++i;
            out.append({ Token::Number, s.mid(start, i - start), column });
            continue;
        }
        if ((c == u'<' || c == u'>' || c == u'!') && i + 1 < n && s.at(i + 1) == u'=') {
            out.append({ Token::Symbol, s.mid(i, 2), column });
            i += 2;
            continue;
        }
        if (QStringView(u"=<>(),*").contains(c)) {
            out.append({ Token::Symbol, QString(c), column });
            ++i;
            continue;
        }
        return std::unexpected(QboFault::queryParse(
            u"Lexical error at line 1, column %1.  Encountered: \"%2\""_s.arg(column).arg(c)));
    }
    out.append({ Token::End, QString(), int(n) + 1 });
    return out;
}

class Parser
{
public:
    explicit Parser(QList<Token> tokens) : m_tokens(std::move(tokens)) {}

    const Token &peek() const { return m_tokens.at(m_pos); }
    Token next() { return m_tokens.at(m_pos < m_tokens.size() - 1 ? m_pos++ : m_pos); }
    bool isWord(const char16_t *word) const
    {
        return peek().kind == Token::Word && peek().text.compare(QStringView(word), Qt::CaseInsensitive) == 0;
    }
    bool isSymbol(const char16_t *sym) const
    {
        return peek().kind == Token::Symbol && peek().text == QStringView(sym);
    }
    QboFault unexpected() const
    {
        const Token &t = peek();
        const QString shown = t.kind == Token::End ? u"<EOF>"_s : t.text;
        return QboFault::queryParse(u"Encountered \" \"%1\" \"%2 \"\" at line 1, column %3."_s
                                        .arg(shown, shown.toUpper())
                                        .arg(t.column));
    }

private:
    QList<Token> m_tokens;
    qsizetype m_pos = 0;
};

// A property's comparable text from an entity: refs compare by their value,
// PrimaryEmailAddr by its address, dotted names walk objects.
std::optional<QJsonValue> propertyValue(const QJsonObject &entity, const QString &property)
{
    QJsonValue v;
    const QStringList parts = property.split(u'.');
    QJsonObject current = entity;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (!current.contains(parts.at(i)))
            return std::nullopt;
        v = current.value(parts.at(i));
        if (i + 1 < parts.size())
            current = v.toObject();
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.contains(u"value"_s))
            return o.value(u"value"_s);
        if (o.contains(u"Address"_s))
            return o.value(u"Address"_s);
        return std::nullopt;
    }
    return v;
}

int compareDecimals(QboFormat::Decimal a, QboFormat::Decimal b)
{
    QboFormat::Wide x = a.units;
    QboFormat::Wide y = b.units;
    for (int s = a.scale; s < b.scale; ++s)
        x *= 10;
    for (int s = b.scale; s < a.scale; ++s)
        y *= 10;
    return x < y ? -1 : (x > y ? 1 : 0);
}

bool isDateTimeProperty(const QString &property)
{
    return property.startsWith(u"MetaData."_s);
}

// Compares an entity's value with a literal: numerically for numbers and Ids,
// as instants for MetaData times, case-insensitively for text. nullopt = not comparable.
std::optional<int> compareValue(const QJsonValue &v, const QString &property, const QString &literal,
                                const QString &today)
{
    const QString lit = literal.compare(u"CURRENT_DATE"_s, Qt::CaseInsensitive) == 0 ? today : literal;
    if (v.isBool()) {
        const QString l = lit.trimmed().toLower();
        if (l != u"true"_s && l != u"false"_s)
            return std::nullopt;
        const bool b = l == u"true"_s;
        return v.toBool() == b ? 0 : (v.toBool() ? 1 : -1);
    }
    if (v.isDouble() || property == u"Id"_s) {
        const auto a = QboFormat::decimal(v);
        const auto b = QboFormat::decimal(QJsonValue(lit));
        if (!a || !b)
            return std::nullopt;
        return compareDecimals(*a, *b);
    }
    if (isDateTimeProperty(property)) {
        const auto a = QboFormat::parseDateTime(v.toString(), 0);
        const auto b = QboFormat::parseDateTime(lit, 0);
        if (!a || !b)
            return std::nullopt;
        return *a < *b ? -1 : (*a > *b ? 1 : 0);
    }
    const int c = v.toString().compare(lit, Qt::CaseInsensitive);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

bool likeMatches(const QString &text, const QString &pattern)
{
    // Only % is a wildcard in QBO; everything else is literal.
    QString rx;
    for (const QString &part : pattern.split(u'%'))
        rx += QRegularExpression::escape(part) + u".*"_s;
    rx.chop(2);
    const QRegularExpression re(QRegularExpression::anchoredPattern(rx),
                                QRegularExpression::CaseInsensitiveOption
                                    | QRegularExpression::DotMatchesEverythingOption);
    return re.match(text).hasMatch();
}

} // namespace

QString QboQuery::canonicalEntity(const QString &name)
{
    for (auto it = filterable().cbegin(); it != filterable().cend(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) == 0)
            return it.key();
    }
    return {};
}

std::expected<QboQuery, QboFault> QboQuery::parse(const QString &statement)
{
    auto tokens = tokenize(statement);
    if (!tokens)
        return std::unexpected(tokens.error());
    Parser p(std::move(*tokens));
    QboQuery q;

    if (!p.isWord(u"select"))
        return std::unexpected(p.unexpected());
    p.next();
    if (p.isSymbol(u"*")) {
        p.next();
    } else if (p.isWord(u"count")) {
        p.next();
        if (!p.isSymbol(u"("))
            return std::unexpected(p.unexpected());
        p.next();
        if (!p.isSymbol(u"*"))
            return std::unexpected(p.unexpected());
        p.next();
        if (!p.isSymbol(u")"))
            return std::unexpected(p.unexpected());
        p.next();
        q.m_count = true;
    } else {
        // Projections are not supported by QBO's engine for most entities; the
        // emulator refuses them rather than silently returning whole objects.
        return std::unexpected(p.unexpected());
    }
    if (!p.isWord(u"from"))
        return std::unexpected(p.unexpected());
    p.next();
    if (p.peek().kind != Token::Word)
        return std::unexpected(p.unexpected());
    const Token entityToken = p.next();
    q.m_entity = canonicalEntity(entityToken.text);
    if (q.m_entity.isEmpty())
        return std::unexpected(QboFault::queryParse(
            u"Invalid entity name %1 at line 1, column %2."_s.arg(entityToken.text).arg(entityToken.column)));
    const QStringList allowed = filterable().value(q.m_entity);
    const auto resolveProperty = [&](const Token &t) -> std::expected<QString, QboFault> {
        for (const QString &a : allowed) {
            if (a.compare(t.text, Qt::CaseInsensitive) == 0)
                return a;
        }
        return std::unexpected(
            QboFault::queryInvalid(u"property '%1' is not queryable"_s.arg(t.text)));
    };

    if (p.isWord(u"where")) {
        p.next();
        while (true) {
            if (p.peek().kind != Token::Word)
                return std::unexpected(p.unexpected());
            const Token propToken = p.next();
            auto property = resolveProperty(propToken);
            if (!property)
                return std::unexpected(property.error());
            Condition c;
            c.property = *property;
            const Token opToken = p.peek();
            if (opToken.kind == Token::Symbol && opToken.text == u"="_s)
                c.op = Op::Eq;
            else if (opToken.kind == Token::Symbol && opToken.text == u"<"_s)
                c.op = Op::Lt;
            else if (opToken.kind == Token::Symbol && opToken.text == u">"_s)
                c.op = Op::Gt;
            else if (opToken.kind == Token::Symbol && opToken.text == u"<="_s)
                c.op = Op::Le;
            else if (opToken.kind == Token::Symbol && opToken.text == u">="_s)
                c.op = Op::Ge;
            else if (p.isWord(u"in"))
                c.op = Op::In;
            else if (p.isWord(u"like"))
                c.op = Op::Like;
            else
                return std::unexpected(p.unexpected());
            p.next();
            const auto literal = [&]() -> std::expected<QString, QboFault> {
                const Token &t = p.peek();
                if (t.kind == Token::String || t.kind == Token::Number)
                    return p.next().text;
                if (t.kind == Token::Word
                    && (p.isWord(u"true") || p.isWord(u"false") || p.isWord(u"CURRENT_DATE")))
                    return p.next().text;
                return std::unexpected(p.unexpected());
            };
            if (c.op == Op::In) {
                if (!p.isSymbol(u"("))
                    return std::unexpected(p.unexpected());
                p.next();
                while (true) {
                    auto v = literal();
                    if (!v)
                        return std::unexpected(v.error());
                    c.values.append(*v);
                    if (p.isSymbol(u",")) {
                        p.next();
                        continue;
                    }
                    if (!p.isSymbol(u")"))
                        return std::unexpected(p.unexpected());
                    p.next();
                    break;
                }
            } else {
                auto v = literal();
                if (!v)
                    return std::unexpected(v.error());
                c.values.append(*v);
            }
            if (c.property == u"Id"_s && c.op != Op::Eq && c.op != Op::In)
                return std::unexpected(QboFault::queryInvalid(
                    u"Operator %1 is not supported for property 'Id'. Only = and IN are supported."_s
                        .arg(opToken.text)));
            q.m_conditions.append(c);
            if (p.isWord(u"and")) {
                p.next();
                continue;
            }
            break;
        }
    }
    if (p.isWord(u"orderby") || p.isWord(u"order")) {
        if (p.isWord(u"order")) {
            p.next();
            if (!p.isWord(u"by"))
                return std::unexpected(p.unexpected());
        }
        p.next();
        while (true) {
            if (p.peek().kind != Token::Word)
                return std::unexpected(p.unexpected());
            auto property = resolveProperty(p.next());
            if (!property)
                return std::unexpected(property.error());
            Order o{ *property, false };
            if (p.isWord(u"desc")) {
                o.descending = true;
                p.next();
            } else if (p.isWord(u"asc")) {
                p.next();
            }
            q.m_order.append(o);
            if (!p.isSymbol(u","))
                break;
            p.next();
        }
    }
    const auto number = [&](int min, int max, int &out) -> std::optional<QboFault> {
        p.next();
        if (p.peek().kind != Token::Number && p.peek().kind != Token::String)
            return p.unexpected();
        bool ok = false;
        const qint64 v = p.next().text.toLongLong(&ok);
        if (!ok)
            return p.unexpected();
        if (v < min)
            return QboFault::queryInvalid(
                u"value %1 is too small. Min allowed value is %2"_s.arg(v).arg(min));
        if (v > max)
            return QboFault::queryInvalid(
                u"value %1 is too large. Max allowed value is %2"_s.arg(v).arg(max));
        out = int(v);
        return std::nullopt;
    };
    for (int round = 0; round < 2; ++round) {
        if (p.isWord(u"startposition")) {
            if (auto f = number(1, std::numeric_limits<int>::max(), q.m_start))
                return std::unexpected(*f);
        } else if (p.isWord(u"maxresults")) {
            if (auto f = number(1, 1000, q.m_max))
                return std::unexpected(*f);
        }
    }
    if (p.peek().kind != Token::End)
        return std::unexpected(p.unexpected());
    return q;
}

bool QboQuery::matches(const QJsonObject &entity, const QString &today) const
{
    for (const Condition &c : m_conditions) {
        const auto value = propertyValue(entity, c.property);
        if (!value)
            return false;
        bool ok = false;
        switch (c.op) {
        case Op::In:
            ok = std::any_of(c.values.cbegin(), c.values.cend(), [&](const QString &lit) {
                return compareValue(*value, c.property, lit, today) == 0;
            });
            break;
        case Op::Like:
            ok = likeMatches(value->isString() ? value->toString()
                                               : value->toVariant().toString(),
                             c.values.value(0));
            break;
        default: {
            const auto cmp = compareValue(*value, c.property, c.values.value(0), today);
            if (!cmp)
                return false;
            ok = (c.op == Op::Eq && *cmp == 0) || (c.op == Op::Lt && *cmp < 0)
                || (c.op == Op::Gt && *cmp > 0) || (c.op == Op::Le && *cmp <= 0)
                || (c.op == Op::Ge && *cmp >= 0);
        }
        }
        if (!ok)
            return false;
    }
    return true;
}

void QboQuery::sort(QList<QJsonObject> &entities) const
{
    const auto idOf = [](const QJsonObject &o) { return o.value(u"Id"_s).toString().toLongLong(); };
    std::stable_sort(entities.begin(), entities.end(), [&](const QJsonObject &a, const QJsonObject &b) {
        for (const Order &o : m_order) {
            const auto va = propertyValue(a, o.property);
            const auto vb = propertyValue(b, o.property);
            if (!va || !vb) {
                if (bool(va) != bool(vb))
                    return o.descending ? bool(va) : bool(vb); // missing values sort first ascending
                continue;
            }
            const QString literal = vb->isString() ? vb->toString() : vb->toVariant().toString();
            const auto cmp = compareValue(*va, o.property, literal, QString());
            if (cmp && *cmp != 0)
                return o.descending ? *cmp > 0 : *cmp < 0;
        }
        return idOf(a) < idOf(b);
    });
}

} // namespace Concord::Sandbox
