#include "identity/csvreader.h"

#include <QFile>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace Concord::Identity {

int CsvTable::columnIndex(const QString &name) const
{
    return int(header.indexOf(name));
}

namespace {

std::unexpected<Error> lineError(int line, const QString &what)
{
    return fail(ErrorCode::InvalidArgument, u"line %1: %2"_s.arg(line).arg(what));
}

// Decodes one field; invalid UTF-8 is an error rather than U+FFFD, because a
// replaced byte would silently change names and emails.
Result<QString> decode(QByteArrayView bytes, int line)
{
    bool ascii = true;
    for (char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii)
        return QString::fromLatin1(bytes);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString s = decoder.decode(bytes);
    if (decoder.hasError())
        return lineError(line, u"invalid UTF-8 (save the file as UTF-8)"_s);
    return s;
}

} // namespace

Status CsvReader::forEachRow(QByteArrayView data, const RowCallback &row)
{
    const char *p = data.data();
    const char *end = p + data.size();
    if (data.size() >= 3 && static_cast<unsigned char>(p[0]) == 0xEF
        && static_cast<unsigned char>(p[1]) == 0xBB && static_cast<unsigned char>(p[2]) == 0xBF)
        p += 3;
    int line = 1;
    QStringList fields;
    QByteArray quoted; // a quoted field's bytes with "" unescaped
    while (p < end) {
        const int rowLine = line;
        fields.clear();
        bool rowDone = false;
        bool blank = true;
        while (!rowDone) {
            // Leading spaces/tabs before a field.
            const char *fieldStart = p;
            while (p < end && (*p == ' ' || *p == '\t'))
                ++p;
            if (p < end && *p == '"') {
                blank = false;
                const int openLine = line;
                ++p;
                quoted.clear();
                bool closed = false;
                while (p < end) {
                    const char c = *p;
                    if (c == '"') {
                        if (p + 1 < end && p[1] == '"') {
                            quoted.append('"');
                            p += 2;
                            continue;
                        }
                        ++p;
                        closed = true;
                        break;
                    }
                    if (c == '\r') {
                        // CRLF or lone CR inside quotes: one line break, kept as \n.
                        ++line;
                        quoted.append('\n');
                        ++p;
                        if (p < end && *p == '\n')
                            ++p;
                        continue;
                    }
                    if (c == '\n')
                        ++line;
                    quoted.append(c);
                    ++p;
                }
                if (!closed)
                    return lineError(
                        openLine,
                        u"unterminated quoted field (the quote opened here is never closed)"_s);
                while (p < end && (*p == ' ' || *p == '\t'))
                    ++p;
                if (p < end && *p != ',' && *p != '\r' && *p != '\n')
                    return lineError(line,
                                     u"unexpected text after a closing quote in field %1"_s.arg(
                                         fields.size() + 1));
                auto text = decode(quoted, line);
                if (!text)
                    return std::unexpected(text.error());
                fields.append(std::move(*text));
            } else {
                const char *s = fieldStart;
                while (p < end && *p != ',' && *p != '\r' && *p != '\n') {
                    if (*p == '"')
                        return lineError(
                            line,
                            u"a quote inside an unquoted field %1 (quote the whole field and double the quote)"_s
                                .arg(fields.size() + 1));
                    ++p;
                }
                QByteArrayView raw(s, p - s);
                raw = raw.trimmed();
                if (!raw.isEmpty())
                    blank = false;
                auto text = decode(raw, line);
                if (!text)
                    return std::unexpected(text.error());
                fields.append(std::move(*text));
            }
            if (p >= end) {
                rowDone = true;
            } else if (*p == ',') {
                blank = false;
                ++p;
                if (p >= end) { // trailing comma at end of file: one more empty field
                    fields.append(QString());
                    rowDone = true;
                }
            } else { // line end
                if (*p == '\r' && p + 1 < end && p[1] == '\n')
                    ++p;
                ++p;
                ++line;
                rowDone = true;
            }
        }
        if (blank && fields.size() == 1)
            continue; // an empty line
        if (auto ok = row(fields, rowLine); !ok)
            return ok;
    }
    return {};
}

Result<CsvTable> CsvReader::parse(QByteArrayView data)
{
    CsvTable table;
    bool haveHeader = false;
    auto ok = forEachRow(data, [&](const QStringList &fields, int line) -> Status {
        if (!haveHeader) {
            haveHeader = true;
            table.header = fields;
            for (QString &h : table.header)
                h = h.trimmed();
            (void)line;
            return {};
        }
        if (fields.size() != table.header.size())
            return lineError(
                line,
                u"%1 fields, but the header has %2 (a missing or extra comma, or a broken quote)"_s
                    .arg(fields.size())
                    .arg(table.header.size()));
        table.rows.append(fields);
        table.rowLines.append(line);
        return {};
    });
    if (!ok)
        return std::unexpected(ok.error());
    if (!haveHeader)
        return fail(ErrorCode::InvalidArgument, u"the file is empty (a header line is needed)"_s);
    return table;
}

Result<CsvTable> CsvReader::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::InvalidArgument,
                    u"cannot read %1: %2"_s.arg(path, file.errorString()));
    const QByteArray data = file.readAll();
    auto table = parse(data);
    if (!table) {
        Error e = table.error();
        e.message = path + u": "_s + e.message;
        return std::unexpected(e);
    }
    return table;
}

} // namespace Concord::Identity
