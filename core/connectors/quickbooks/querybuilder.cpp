#include "connectors/quickbooks/querybuilder.h"

#include "connectors/quickbooks/jsonio_p.h"

using namespace Qt::StringLiterals;

namespace Concord::QuickBooks {

namespace {

// quickbooks.md §2 "Filterable (F) / sortable (S)". Id is filterable and
// sortable on every entity we query (shown for each listed entity; Item's Id
// is assumed the same). Entities not listed accept SELECT without WHERE only.
struct FieldRule {
    QStringView entity;
    QStringView field;
    bool filterable;
    bool sortable;
};

constexpr FieldRule kFields[] = {
    { u"Customer", u"Id", true, true },
    { u"Customer", u"DisplayName", true, true },
    { u"Customer", u"GivenName", true, false },
    { u"Customer", u"MiddleName", true, false },
    { u"Customer", u"FamilyName", true, false },
    { u"Customer", u"CompanyName", true, true },
    { u"Customer", u"PrimaryEmailAddr", true, false },
    { u"Customer", u"PrintOnCheckName", true, true },
    { u"Customer", u"FullyQualifiedName", true, true },
    { u"Customer", u"Active", true, true },
    { u"Customer", u"Balance", true, true },
    { u"Customer", u"BalanceWithJobs", false, true },
    { u"Customer", u"MetaData.CreateTime", true, true },
    { u"Customer", u"MetaData.LastUpdatedTime", true, true },
    { u"Invoice", u"Id", true, true },
    { u"Invoice", u"CustomerRef", true, false },
    { u"Invoice", u"TxnDate", true, true },
    { u"Invoice", u"DueDate", true, true },
    { u"Invoice", u"Balance", true, true },
    { u"Invoice", u"SalesTermRef", true, false },
    { u"Invoice", u"ProjectRef", true, false },
    { u"Invoice", u"DocNumber", true, true }, // UNVERIFIED for Invoice in §2
    { u"Invoice", u"TotalAmt", true, false },
    { u"Invoice", u"MetaData.CreateTime", true, true },
    { u"Invoice", u"MetaData.LastUpdatedTime", true, true },
    { u"Payment", u"Id", true, true },
    { u"Payment", u"TotalAmt", true, true },
    { u"Payment", u"CustomerRef", true, false },
    { u"Payment", u"TxnDate", true, true },
    { u"Payment", u"ProjectRef", true, false },
    { u"CreditMemo", u"Id", true, true },
    { u"CreditMemo", u"TotalAmt", true, true },
    { u"CreditMemo", u"Balance", true, true },
    { u"CreditMemo", u"CustomerRef", true, false },
    { u"CreditMemo", u"TxnDate", true, true },
    { u"CreditMemo", u"DocNumber", true, true },
    { u"CreditMemo", u"ProjectRef", true, false },
    { u"Term", u"Id", true, true },
    { u"Term", u"Name", true, true },
    { u"Term", u"Active", true, true },
    { u"Item", u"Id", true, true },
    { u"Item", u"Type", true, false },
    { u"Item", u"Name", true, false },
};

const FieldRule *findRule(const QString &entity, const QString &field)
{
    for (const FieldRule &rule : kFields) {
        if (rule.entity.compare(entity, Qt::CaseInsensitive) == 0
            && rule.field.compare(field, Qt::CaseInsensitive) == 0)
            return &rule;
    }
    return nullptr;
}

QString operatorText(QueryOperator op)
{
    switch (op) {
    case QueryOperator::Equal: return u"="_s;
    case QueryOperator::Less: return u"<"_s;
    case QueryOperator::Greater: return u">"_s;
    case QueryOperator::LessOrEqual: return u"<="_s;
    case QueryOperator::GreaterOrEqual: return u">="_s;
    case QueryOperator::In: return u"IN"_s;
    case QueryOperator::Like: return u"LIKE"_s;
    }
    return {};
}

QString valueText(const QueryValue &value)
{
    struct Visitor {
        QString operator()(const QString &text) const { return QueryBuilder::quote(text); }
        QString operator()(bool b) const { return b ? u"true"_s : u"false"_s; }
        QString operator()(const Domain::Decimal &d) const { return QueryBuilder::quote(d.toString()); }
        QString operator()(const QDate &d) const { return QueryBuilder::quote(d.toString(Qt::ISODate)); }
        QString operator()(const QDateTime &t) const
        {
            // With an explicit offset so the server cannot read it in the
            // company's zone.
            return QueryBuilder::quote(t.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss"_s) + u"+00:00"_s);
        }
    };
    return std::visit(Visitor{}, value);
}

// QuickBooks documents one escape in query values: \' for an apostrophe
// (quickbooks.md §2). How it reads a backslash is not documented, and a value
// ending in one ("Foo\") would escape our closing quote. Such values are
// refused rather than guessed at.
bool hasBackslash(const QueryValue &value)
{
    const auto *text = std::get_if<QString>(&value);
    return text && text->contains(u'\\');
}

bool isValidValue(const QueryValue &value)
{
    if (const auto *d = std::get_if<QDate>(&value))
        return d->isValid();
    if (const auto *t = std::get_if<QDateTime>(&value))
        return t->isValid();
    return true;
}

} // namespace

QString QueryBuilder::quote(const QString &text)
{
    QString escaped = text;
    escaped.replace(u"'"_s, u"\\'"_s);
    return u'\'' + escaped + u'\'';
}

bool QueryBuilder::isFilterable(const QString &entity, const QString &field)
{
    const FieldRule *rule = findRule(entity, field);
    return rule && rule->filterable;
}

bool QueryBuilder::isSortable(const QString &entity, const QString &field)
{
    const FieldRule *rule = findRule(entity, field);
    return rule && rule->sortable;
}

QueryBuilder QueryBuilder::select(const QString &entity)
{
    return QueryBuilder(entity, false);
}

QueryBuilder QueryBuilder::count(const QString &entity)
{
    return QueryBuilder(entity, true);
}

void QueryBuilder::setError(const QString &message)
{
    if (m_error.isEmpty())
        m_error = message;
}

QueryBuilder &QueryBuilder::where(const QString &field, QueryOperator op, const QueryValue &value)
{
    if (op == QueryOperator::In)
        return whereIn(field, { value });
    if (!isFilterable(m_entity, field)) {
        setError(u"QuickBooks cannot filter %1 by '%2'"_s.arg(m_entity, field));
        return *this;
    }
    if (field.compare(u"Id"_s, Qt::CaseInsensitive) == 0 && op != QueryOperator::Equal) {
        setError(u"QuickBooks filters Id only with = or IN"_s);
        return *this;
    }
    if (std::holds_alternative<bool>(value) && op != QueryOperator::Equal) {
        setError(u"a true/false value can only be compared with = or IN"_s);
        return *this;
    }
    if (op == QueryOperator::Like && !std::holds_alternative<QString>(value)) {
        setError(u"LIKE needs a text pattern"_s);
        return *this;
    }
    if (!isValidValue(value)) {
        setError(u"invalid date or time for '%1'"_s.arg(field));
        return *this;
    }
    if (hasBackslash(value)) {
        setError(u"QuickBooks queries cannot match text containing a backslash ('%1')"_s.arg(field));
        return *this;
    }
    m_conditions.append(u"%1 %2 %3"_s.arg(field, operatorText(op), valueText(value)));
    return *this;
}

QueryBuilder &QueryBuilder::whereIn(const QString &field, const QList<QueryValue> &values)
{
    if (!isFilterable(m_entity, field)) {
        setError(u"QuickBooks cannot filter %1 by '%2'"_s.arg(m_entity, field));
        return *this;
    }
    if (values.isEmpty()) {
        setError(u"IN needs at least one value"_s);
        return *this;
    }
    QStringList texts;
    for (const QueryValue &v : values) {
        if (!isValidValue(v)) {
            setError(u"invalid date or time for '%1'"_s.arg(field));
            return *this;
        }
        if (hasBackslash(v)) {
            setError(u"QuickBooks queries cannot match text containing a backslash ('%1')"_s.arg(field));
            return *this;
        }
        texts.append(valueText(v));
    }
    m_conditions.append(u"%1 IN (%2)"_s.arg(field, texts.join(u", "_s)));
    return *this;
}

QueryBuilder &QueryBuilder::orderBy(const QString &field, bool descending)
{
    if (!isSortable(m_entity, field)) {
        setError(u"QuickBooks cannot sort %1 by '%2'"_s.arg(m_entity, field));
        return *this;
    }
    m_ordering.append(field + (descending ? u" DESC"_s : u" ASC"_s));
    return *this;
}

QueryBuilder &QueryBuilder::startPosition(int position)
{
    if (position < 1)
        setError(u"STARTPOSITION starts at 1, not %1"_s.arg(position));
    else
        m_startPosition = position;
    return *this;
}

QueryBuilder &QueryBuilder::maxResults(int count)
{
    if (count < 1 || count > kMaxResultsLimit)
        setError(u"MAXRESULTS must be between 1 and %1, not %2"_s.arg(kMaxResultsLimit).arg(count));
    else
        m_maxResults = count;
    return *this;
}

Result<QString> QueryBuilder::build() const
{
    if (m_entity.isEmpty() || !m_entity.front().isLetter()
        || !std::all_of(m_entity.cbegin(), m_entity.cend(), [](QChar c) { return c.isLetterOrNumber(); }))
        return fail(ErrorCode::InvalidArgument, u"'%1' is not a QuickBooks entity name"_s.arg(m_entity));
    if (!m_error.isEmpty())
        return fail(ErrorCode::InvalidArgument, m_error);
    QString q = (m_count ? u"SELECT COUNT(*) FROM "_s : u"SELECT * FROM "_s) + m_entity;
    if (!m_conditions.isEmpty())
        q += u" WHERE "_s + m_conditions.join(u" AND "_s);
    if (!m_ordering.isEmpty())
        q += u" ORDERBY "_s + m_ordering.join(u", "_s);
    if (m_startPosition > 0)
        q += u" STARTPOSITION %1"_s.arg(m_startPosition);
    if (m_maxResults > 0)
        q += u" MAXRESULTS %1"_s.arg(m_maxResults);
    return q;
}

QueryPager::QueryPager(QueryBuilder base, int pageSize)
    : m_base(std::move(base))
    , m_pageSize(pageSize)
{
}

Result<QString> QueryPager::next() const
{
    if (m_done)
        return fail(ErrorCode::InvalidArgument, u"the query has no more pages"_s);
    QueryBuilder page = m_base;
    page.startPosition(m_position).maxResults(m_pageSize);
    return page.build();
}

void QueryPager::pageReceived(int returnedCount)
{
    if (returnedCount < m_pageSize)
        m_done = true;
    else
        m_position += m_pageSize;
}

} // namespace Concord::QuickBooks
