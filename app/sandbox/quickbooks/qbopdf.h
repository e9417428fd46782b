#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace Concord::Sandbox {

// Renders a transaction as a minimal, valid PDF 1.4 (one page, Helvetica text,
// correct xref offsets). The bytes depend only on the document's business
// content (number, dates, customer, lines, totals) — never on the clock,
// SyncToken or MetaData — so tests can compare PDFs byte for byte.
class QboPdf
{
public:
    [[nodiscard]] static QByteArray render(const QString &title, const QJsonObject &transaction);
};

} // namespace Concord::Sandbox
