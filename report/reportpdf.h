#pragma once

#include "common/error.h"
#include "review/agingreport.h"
#include "review/monthlyreport.h"

#include <QLocale>
#include <QString>

namespace Concord::ReportPdf {

// Paper: Letter where the locale measures in US units (US, Canada's
// English locales print Letter too via QLocale::ImperialUSSystem), else A4.
enum class Paper { ByLocale, A4, Letter };

struct PdfOptions {
    QLocale locale;                 // number grouping, paper choice
    Paper paper = Paper::ByLocale;
};

// Renders the monthly report — totals per currency, overdue clients and the
// aging on the same balance date — to a PDF file at `path` (overwritten).
// Needs a QGuiApplication (fonts); safe on any thread (QPdfWriter + QPainter
// on a QPagedPaintDevice, no widgets), one call per file. Errors: the file
// cannot be written.
[[nodiscard]] Status writeMonthlyPdf(const Review::MonthlyReport &monthly, const Review::AgingReport &aging,
                                     const QString &path, const PdfOptions &options = {});
// Renders the aging report alone.
[[nodiscard]] Status writeAgingPdf(const Review::AgingReport &aging, const QString &path,
                                   const PdfOptions &options = {});

// "1,234.50" in the locale's grouping and decimal point, exact (from minor
// units, never through a double). Negative amounts get a leading minus sign.
[[nodiscard]] QString formatAmount(const Domain::Money &amount, const QLocale &locale);

} // namespace Concord::ReportPdf
