#pragma once

#include "common/error.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace Concord::Identity {

// A CSV file read whole: header, rows, and the line each row starts on (for
// messages that point at the file).
struct CsvTable {
    QStringList header;
    QList<QStringList> rows;
    QList<int> rowLines; // 1-based physical line where rows[i] starts

    [[nodiscard]] int columnIndex(const QString &name) const; // -1 when absent
};

// RFC 4180 reader for exports from CRMs, spreadsheets and scripts:
//  - quoted fields with "" escapes, commas and line breaks inside quotes;
//  - CRLF, LF or lone CR line ends; a UTF-8 byte-order mark is skipped;
//  - spaces after a comma before a quoted field are ignored ("a, "b, c"");
//    unquoted fields keep their text, trimmed of surrounding spaces;
//  - blank lines are skipped.
// Errors (InvalidArgument, message "line N: …"): an unterminated quote (the
// line it opened on), text after a closing quote, invalid UTF-8, and a row
// whose field count differs from the header's — a short or long row nearly
// always means a broken quote upstream, and silently shifting columns would
// put phone numbers into names.
// Pure functions; thread-safe.
class CsvReader {
public:
    // Calls `row` for the header (line 1 usually) and every record, with the
    // 1-based line it starts on; stops and returns the callback's error.
    using RowCallback = std::function<Status(const QStringList &fields, int line)>;
    [[nodiscard]] static Status forEachRow(QByteArrayView data, const RowCallback &row);

    [[nodiscard]] static Result<CsvTable> parse(QByteArrayView data);
    // Reads a file; a missing or unreadable file is InvalidArgument naming it.
    [[nodiscard]] static Result<CsvTable> readFile(const QString &path);
};

} // namespace Concord::Identity
