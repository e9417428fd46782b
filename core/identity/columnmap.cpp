#include "identity/columnmap.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Concord::Identity {

namespace {

constexpr std::array<const char16_t *, kFieldCount> kFieldNames = {
    u"first_name", u"last_name", u"name", u"email",   u"phone",
    u"dob",        u"address",   u"city", u"postcode"
};

} // namespace

QString fieldName(Field field)
{
    return QString::fromUtf16(kFieldNames[size_t(field)]);
}

Result<Field> parseField(const QString &name)
{
    const QString n = name.trimmed().toLower();
    for (size_t i = 0; i < kFieldNames.size(); ++i) {
        if (n == QStringView(kFieldNames[i]))
            return Field(i);
    }
    return fail(ErrorCode::InvalidArgument,
                u"unknown field '%1' (known: id, link, %2)"_s.arg(name, [] {
                    QStringList all;
                    for (const char16_t *f : kFieldNames)
                        all.append(QString::fromUtf16(f));
                    return all.join(u", "_s);
                }()));
}

Result<ColumnMap> ColumnMap::parse(const QString &spec)
{
    ColumnMap map;
    QSet<QString> seen;
    bool any = false;
    for (const QString &part : spec.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(u'=');
        if (eq <= 0)
            return fail(ErrorCode::InvalidArgument, u"--map: '%1' is not field=COLUMN"_s.arg(part));
        const QString field = part.left(eq).trimmed().toLower();
        const QString column = part.mid(eq + 1).trimmed();
        if (column.isEmpty())
            return fail(ErrorCode::InvalidArgument,
                        u"--map: no column given for '%1'"_s.arg(field));
        if (seen.contains(field))
            return fail(ErrorCode::InvalidArgument, u"--map: field '%1' given twice"_s.arg(field));
        seen.insert(field);
        if (field == u"id"_s) {
            map.idColumn = column;
            continue;
        }
        // A column whose own name contains '+' is kept whole by records().
        const QStringList cols = column.split(u'+', Qt::SkipEmptyParts);
        if (field == u"link"_s) {
            map.linkColumns = cols;
            continue;
        }
        auto f = parseField(field);
        if (!f)
            return fail(ErrorCode::InvalidArgument, u"--map: "_s + f.error().message);
        map.columns[size_t(*f)] = QStringList { column }; // resolved against the header later
        any = true;
    }
    if (!any)
        return fail(ErrorCode::InvalidArgument,
                    u"--map names no field to match on (e.g. --map id=Id,name=Name,email=Email)"_s);
    return map;
}

namespace {

// Resolves one mapped value: the exact column name first, else the parts
// split at '+'. Returns the column indexes or an error naming what is missing.
Result<QList<int>> resolve(const CsvTable &table, const QString &spec, const QString &what)
{
    const auto index = [&](const QString &name) {
        int i = table.columnIndex(name);
        if (i < 0) { // tolerate case and surrounding spaces in headers
            for (qsizetype k = 0; k < table.header.size(); ++k) {
                if (table.header[k].trimmed().compare(name, Qt::CaseInsensitive) == 0)
                    return int(k);
            }
        }
        return i;
    };
    if (const int whole = index(spec); whole >= 0)
        return QList<int> { whole };
    QList<int> out;
    for (const QString &part : spec.split(u'+', Qt::SkipEmptyParts)) {
        const int i = index(part.trimmed());
        if (i < 0) {
            return fail(ErrorCode::InvalidArgument,
                        u"--map %1: column '%2' is not in the header (columns: %3)"_s.arg(
                            what, part.trimmed(), table.header.join(u", "_s)));
        }
        out.append(i);
    }
    return out;
}

QString joined(const QStringList &row, const QList<int> &cols)
{
    if (cols.size() == 1)
        return row[cols.first()];
    QStringList parts;
    for (int c : cols) {
        const QString v = row[c].trimmed();
        if (!v.isEmpty())
            parts.append(v);
    }
    return parts.join(u' ');
}

} // namespace

Result<QList<Record>> ColumnMap::records(const CsvTable &table) const
{
    std::array<QList<int>, kFieldCount> cols;
    for (int f = 0; f < kFieldCount; ++f) {
        if (columns[size_t(f)].isEmpty())
            continue;
        auto r = resolve(table, columns[size_t(f)].first(), fieldName(Field(f)));
        if (!r)
            return std::unexpected(r.error());
        cols[size_t(f)] = *r;
    }
    QList<int> linkCols;
    if (!linkColumns.isEmpty()) {
        auto r = resolve(table, linkColumns.join(u'+'), u"link"_s);
        if (!r)
            return std::unexpected(r.error());
        linkCols = *r;
    }
    int idCol = -1;
    if (!idColumn.isEmpty()) {
        auto r = resolve(table, idColumn, u"id"_s);
        if (!r)
            return std::unexpected(r.error());
        if (r->size() != 1)
            return fail(ErrorCode::InvalidArgument, u"--map id: name one column"_s);
        idCol = r->first();
    }
    QList<Record> out;
    out.reserve(table.rows.size());
    QHash<QString, int> lineOfId;
    for (qsizetype i = 0; i < table.rows.size(); ++i) {
        const QStringList &row = table.rows[i];
        const int line = table.rowLines.value(i);
        Record rec;
        rec.id = idCol >= 0 ? row[idCol].trimmed() : QString::number(i + 1);
        if (rec.id.isEmpty())
            return fail(ErrorCode::InvalidArgument,
                        u"line %1: the id column '%2' is empty"_s.arg(line).arg(idColumn));
        if (const auto it = lineOfId.constFind(rec.id); it != lineOfId.cend())
            return fail(ErrorCode::InvalidArgument,
                        u"line %1: id '%2' already used on line %3 (ids must be unique)"_s.arg(line)
                            .arg(rec.id)
                            .arg(*it));
        lineOfId.insert(rec.id, line);
        if (!linkCols.isEmpty())
            rec.storedLink = joined(row, linkCols).trimmed();
        for (int f = 0; f < kFieldCount; ++f) {
            if (!cols[size_t(f)].isEmpty())
                rec.values[size_t(f)] = joined(row, cols[size_t(f)]);
        }
        out.append(std::move(rec));
    }
    return out;
}

} // namespace Concord::Identity
