#include "quickbooks/qbopdf.h"

#include "quickbooks/qboformat.h"

#include <QJsonArray>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Concord::Sandbox {

namespace {

// PDF string literal: printable ASCII only, with ( ) \ escaped; anything else
// becomes '?' since the built-in Helvetica has no Unicode mapping.
QByteArray pdfString(const QString &text)
{
    QByteArray out = "(";
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'(' || u == u')' || u == u'\\') {
            out += '\\';
            out += char(u);
        } else if (u >= 0x20 && u < 0x7f) {
            out += char(u);
        } else {
            out += '?';
        }
    }
    return out + ")";
}

QString money(const QJsonValue &v)
{
    const qint64 cents = QboFormat::cents(v).value_or(0);
    const qint64 magnitude = cents < 0 ? -cents : cents;
    return u"%1%2.%3"_s.arg(cents < 0 ? u"-"_s : QString())
        .arg(magnitude / 100)
        .arg(magnitude % 100, 2, 10, QChar(u'0'));
}

} // namespace

QByteArray QboPdf::render(const QString &title, const QJsonObject &t)
{
    QStringList lines;
    lines << u"%1 %2"_s.arg(title, t.value(u"DocNumber"_s).toString());
    lines << u"Bill to: %1"_s.arg(t.value(u"CustomerRef"_s).toObject().value(u"name"_s).toString());
    lines << u"Date: %1   Due: %2"_s.arg(t.value(u"TxnDate"_s).toString(), t.value(u"DueDate"_s).toString());
    lines << QString();
    for (const QJsonValue &v : t.value(u"Line"_s).toArray()) {
        const QJsonObject line = v.toObject();
        const QString type = line.value(u"DetailType"_s).toString();
        QString label = line.value(u"Description"_s).toString();
        if (label.isEmpty())
            label = line.value(u"SalesItemLineDetail"_s).toObject().value(u"ItemRef"_s).toObject().value(u"name"_s).toString();
        if (type == u"SubTotalLineDetail"_s)
            label = u"Subtotal"_s;
        else if (type == u"DiscountLineDetail"_s)
            label = u"Discount"_s;
        lines << u"%1  %2"_s.arg(label, money(line.value(u"Amount"_s)));
    }
    lines << u"Tax  %1"_s.arg(money(t.value(u"TxnTaxDetail"_s).toObject().value(u"TotalTax"_s)));
    lines << u"Total  %1"_s.arg(money(t.value(u"TotalAmt"_s)));
    if (t.contains(u"Deposit"_s))
        lines << u"Deposit  %1"_s.arg(money(t.value(u"Deposit"_s)));
    lines << u"Balance due  %1"_s.arg(money(t.value(u"Balance"_s)));
    if (!t.value(u"PrivateNote"_s).toString().isEmpty())
        lines << t.value(u"PrivateNote"_s).toString();

    QByteArray content = "BT\n/F1 11 Tf\n14 TL\n50 780 Td\n";
    for (const QString &l : std::as_const(lines))
        content += pdfString(l) + " Tj T*\n";
    content += "ET\n";

    QList<QByteArray> objects;
    objects << "<< /Type /Catalog /Pages 2 0 R >>";
    objects << "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
    objects << "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
               "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>";
    objects << "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
    objects << "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "endstream";

    QByteArray pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets << pdf.size();
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const qsizetype off : std::as_const(offsets))
        pdf += QByteArray::number(off).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n"
        + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

} // namespace Concord::Sandbox
