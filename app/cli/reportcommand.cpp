// concord-cli report monthly|aging: the reports of product.md §11 from the
// store's QuickBooks mirror, as JSON, CSV (standard output) or a PDF file.
#include "clicontext.h"
#include "commands.h"

#include "common/clock.h"
#include "reportpdf.h"
#include "review/agingreport.h"
#include "review/monthlyreport.h"

#include <QCommandLineOption>
#include <QGuiApplication>

#include <cstring>

using namespace Qt::StringLiterals;

namespace Concord::Cli {

std::unique_ptr<QCoreApplication> createApplication(int &argc, char **argv)
{
    // Only `report … --pdf` needs fonts and a paint engine; every other
    // command stays a plain QCoreApplication (no display, no font lookup).
    bool report = false;
    bool pdf = false;
    for (int i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        if (!report && std::strcmp(arg, "report") == 0)
            report = true;
        else if (report && (std::strcmp(arg, "--pdf") == 0 || std::strncmp(arg, "--pdf=", 6) == 0))
            pdf = true;
    }
    if (!report || !pdf)
        return std::make_unique<QCoreApplication>(argc, argv);
    // A headless CLI: render offscreen unless the caller chose a platform.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QGuiApplication>(argc, argv);
}

int runReport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"kind"_s, u"monthly or aging"_s);
    parser.addOption(QCommandLineOption(u"month"_s, u"The month of a monthly report (YYYY-MM)."_s, u"month"_s));
    parser.addOption(QCommandLineOption(u"as-of"_s, u"The date of an aging report (YYYY-MM-DD; default today)."_s,
                                        u"date"_s));
    parser.addOption(QCommandLineOption(u"json"_s, u"Print the report as JSON."_s));
    parser.addOption(QCommandLineOption(u"csv"_s, u"Print the report as CSV (RFC 4180)."_s));
    parser.addOption(QCommandLineOption(u"pdf"_s, u"Write the report as a PDF file."_s, u"file"_s));
    if (int rc = parseSubcommand(parser, args,
                                 u"Monthly report (invoiced, collected, outstanding, overdue clients) or aging "
                                 "report, from the store's QuickBooks mirror."_s);
        rc >= 0) {
        return rc;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || (positional.first() != u"monthly"_s && positional.first() != u"aging"_s))
        return usageError(u"report needs 'monthly' or 'aging' (got '%1')"_s.arg(positional.join(u' ')));
    const bool monthly = positional.first() == u"monthly"_s;
    const int formats = int(parser.isSet(u"json"_s)) + int(parser.isSet(u"csv"_s)) + int(parser.isSet(u"pdf"_s));
    if (formats != 1)
        return usageError(u"report needs exactly one of --json, --csv or --pdf FILE"_s);
    const QString pdfPath = parser.value(u"pdf"_s);
    if (parser.isSet(u"pdf"_s) && pdfPath.isEmpty())
        return usageError(u"--pdf needs a file name"_s);

    QDate month;
    QDate asOf;
    if (monthly) {
        if (!parser.isSet(u"month"_s))
            return usageError(u"report monthly needs --month YYYY-MM"_s);
        if (parser.isSet(u"as-of"_s))
            return usageError(u"--as-of is for 'report aging'; a monthly report is for --month"_s);
        auto parsed = Review::parseReportMonth(parser.value(u"month"_s));
        if (!parsed)
            return reportError(parsed.error());
        month = *parsed;
    } else {
        if (parser.isSet(u"month"_s))
            return usageError(u"--month is for 'report monthly'; an aging report takes --as-of YYYY-MM-DD"_s);
        if (parser.isSet(u"as-of"_s)) {
            asOf = QDate::fromString(parser.value(u"as-of"_s), Qt::ISODate);
            if (!asOf.isValid())
                return usageError(u"'%1' is not a date: expected YYYY-MM-DD"_s.arg(parser.value(u"as-of"_s)));
        }
    }

    auto config = loadConfig(parser);
    if (!config)
        return reportError(config.error());
    auto db = openStore(*config);
    if (!db)
        return reportError(db.error());
    const Clock &clock = Clock::system();
    const QString zone = config->businessTimeZone;

    if (monthly) {
        auto both = Review::collectMonthlyAndAging(**db, clock, zone, month);
        if (!both)
            return reportError(both.error());
        if (parser.isSet(u"json"_s)) {
            out(QString::fromUtf8(Review::monthlyReportToJson(both->first)));
        } else if (parser.isSet(u"csv"_s)) {
            out(QString::fromUtf8(Review::monthlyReportToCsv(both->first)));
        } else {
            if (auto ok = ReportPdf::writeMonthlyPdf(both->first, both->second, pdfPath); !ok)
                return reportError(ok.error());
            out(u"Wrote the monthly report for %1 to %2\n"_s.arg(both->first.monthText(), pdfPath));
        }
        return ExitOk;
    }
    auto aging = Review::collectAgingReport(**db, clock, zone, asOf);
    if (!aging)
        return reportError(aging.error());
    if (parser.isSet(u"json"_s)) {
        out(QString::fromUtf8(Review::agingReportToJson(*aging)));
    } else if (parser.isSet(u"csv"_s)) {
        out(QString::fromUtf8(Review::agingReportToCsv(*aging)));
    } else {
        if (auto ok = ReportPdf::writeAgingPdf(*aging, pdfPath); !ok)
            return reportError(ok.error());
        out(u"Wrote the aging report as of %1 to %2\n"_s.arg(aging->asOf.toString(Qt::ISODate), pdfPath));
    }
    return ExitOk;
}

} // namespace Concord::Cli
