#include "connectors/quickbooks/salesform_p.h"

using namespace Qt::StringLiterals;

namespace Concord::QuickBooks::Internal {

namespace {

struct DetailName {
    LineDetailType type;
    QStringView name;
};

constexpr DetailName kDetailNames[] = {
    { LineDetailType::SalesItem, u"SalesItemLineDetail" },
    { LineDetailType::Discount, u"DiscountLineDetail" },
    { LineDetailType::SubTotal, u"SubTotalLineDetail" },
    { LineDetailType::DescriptionOnly, u"DescriptionOnly" },
    { LineDetailType::Group, u"GroupLineDetail" },
};

// "SalesItemLineDetail" and, in some responses (the void sample),
// "SALES_ITEM_LINE_DETAIL": compare without case and underscores.
QString folded(QStringView name)
{
    QString out = name.toString().toLower();
    out.remove(u'_');
    return out;
}

LineDetailType detailTypeOf(const QString &name)
{
    const QString key = folded(name);
    for (const auto &entry : kDetailNames) {
        if (folded(entry.name) == key)
            return entry.type;
    }
    return LineDetailType::Other;
}

// The key of the detail object: the canonical DetailType name, whatever
// spelling DetailType used, except DescriptionOnly lines carry
// "DescriptionLineDetail".
QString detailKey(LineDetailType type, const QString &detailTypeName)
{
    for (const auto &entry : kDetailNames) {
        if (entry.type == type) {
            if (type == LineDetailType::DescriptionOnly)
                return u"DescriptionLineDetail"_s;
            return entry.name.toString();
        }
    }
    return detailTypeName;
}

// The DetailType to write: the spelling read, when it still names the same
// type (so a round trip is faithful), else the canonical name.
QString nameOf(const SalesLine &line)
{
    if (line.detailType == LineDetailType::Other)
        return line.detailTypeName;
    if (!line.detailTypeName.isEmpty() && detailTypeOf(line.detailTypeName) == line.detailType)
        return line.detailTypeName;
    for (const auto &entry : kDetailNames) {
        if (entry.type == line.detailType)
            return entry.name.toString();
    }
    return line.detailTypeName;
}

} // namespace

SalesLine readSalesLine(const JsonReader &r)
{
    SalesLine line;
    line.id = r.string(u"Id");
    line.lineNum = r.integer(u"LineNum");
    line.description = r.string(u"Description");
    line.amount = r.money(u"Amount");
    line.detailTypeName = r.string(u"DetailType");
    line.detailType = detailTypeOf(line.detailTypeName);
    line.linkedTxn = r.linkedTxns();
    const QString key = detailKey(line.detailType, line.detailTypeName);
    switch (line.detailType) {
    case LineDetailType::SalesItem: {
        const JsonReader d = r.child(key);
        line.salesItem.itemRef = d.reference(u"ItemRef");
        line.salesItem.qty = d.decimal(u"Qty");
        line.salesItem.unitPrice = d.decimal(u"UnitPrice");
        line.salesItem.serviceDate = d.date(u"ServiceDate");
        line.salesItem.taxCodeRef = d.reference(u"TaxCodeRef");
        line.salesItem.classRef = d.reference(u"ClassRef");
        break;
    }
    case LineDetailType::Discount: {
        const JsonReader d = r.child(key);
        line.discount.percentBased = d.boolean(u"PercentBased");
        line.discount.discountPercent = d.decimal(u"DiscountPercent");
        line.discount.discountAccountRef = d.reference(u"DiscountAccountRef");
        break;
    }
    case LineDetailType::SubTotal:
    case LineDetailType::DescriptionOnly:
        break;
    case LineDetailType::Group:
    case LineDetailType::Other:
        line.rawDetail = r.object().value(key).toObject();
        break;
    }
    return line;
}

QJsonObject writeSalesLine(const SalesLine &line)
{
    JsonWriter w;
    w.string(u"Id", line.id);
    w.integer(u"LineNum", line.lineNum);
    w.string(u"Description", line.description);
    w.money(u"Amount", line.amount);
    const QString name = nameOf(line);
    w.string(u"DetailType", name);
    w.linkedTxns(line.linkedTxn);
    const QString key = detailKey(line.detailType, name);
    switch (line.detailType) {
    case LineDetailType::SalesItem: {
        JsonWriter d;
        d.reference(u"ItemRef", line.salesItem.itemRef);
        d.decimal(u"Qty", line.salesItem.qty);
        d.decimal(u"UnitPrice", line.salesItem.unitPrice);
        d.date(u"ServiceDate", line.salesItem.serviceDate);
        d.reference(u"TaxCodeRef", line.salesItem.taxCodeRef);
        d.reference(u"ClassRef", line.salesItem.classRef);
        w.value(key, d.take()); // always present: the server requires the detail object
        break;
    }
    case LineDetailType::Discount: {
        JsonWriter d;
        d.boolean(u"PercentBased", line.discount.percentBased);
        d.decimal(u"DiscountPercent", line.discount.discountPercent);
        d.reference(u"DiscountAccountRef", line.discount.discountAccountRef);
        w.value(key, d.take());
        break;
    }
    case LineDetailType::SubTotal:
        w.value(key, QJsonObject());
        break;
    case LineDetailType::DescriptionOnly:
        break;
    case LineDetailType::Group:
    case LineDetailType::Other:
        if (!key.isEmpty())
            w.value(key, line.rawDetail);
        break;
    }
    return w.take();
}

void readSalesForm(JsonReader &r, const QString &homeCurrency, SalesForm &f)
{
    f.currencyRef = r.reference(u"CurrencyRef");
    f.currency = f.currencyRef.isSet() ? f.currencyRef.value : homeCurrency;
    r.setCurrency(f.currency);
    f.id = r.string(u"Id");
    f.syncToken = r.string(u"SyncToken");
    f.docNumber = r.string(u"DocNumber");
    f.txnDate = r.date(u"TxnDate");
    f.customerRef = r.reference(u"CustomerRef");
    for (const JsonReader &line : r.array(u"Line"))
        f.lines.append(readSalesLine(line));
    const JsonReader tax = r.child(u"TxnTaxDetail");
    f.txnTaxDetail.txnTaxCodeRef = tax.reference(u"TxnTaxCodeRef");
    f.txnTaxDetail.totalTax = tax.money(u"TotalTax");
    for (const JsonReader &t : tax.array(u"TaxLine")) {
        TaxLine line;
        line.amount = t.money(u"Amount");
        const JsonReader d = t.child(u"TaxLineDetail");
        line.taxRateRef = d.reference(u"TaxRateRef");
        line.percentBased = d.boolean(u"PercentBased");
        line.taxPercent = d.decimal(u"TaxPercent");
        line.netAmountTaxable = d.money(u"NetAmountTaxable");
        f.txnTaxDetail.taxLines.append(line);
    }
    f.totalAmt = r.money(u"TotalAmt");
    f.balance = r.money(u"Balance");
    f.billEmail = r.nestedString(u"BillEmail", u"Address");
    f.emailStatus = r.string(u"EmailStatus");
    f.printStatus = r.string(u"PrintStatus");
    f.privateNote = r.string(u"PrivateNote");
    f.customerMemo = r.nestedString(u"CustomerMemo", u"value");
    f.billAddr = r.address(u"BillAddr");
    f.shipAddr = r.address(u"ShipAddr");
    f.depositToAccountRef = r.reference(u"DepositToAccountRef");
    f.applyTaxAfterDiscount = r.boolean(u"ApplyTaxAfterDiscount");
    f.linkedTxn = r.linkedTxns();
    f.customFields = r.customFields();
    f.metaData = r.metaData();
}

void writeSalesForm(JsonWriter &w, const SalesForm &f)
{
    w.string(u"Id", f.id);
    w.string(u"SyncToken", f.syncToken);
    w.string(u"DocNumber", f.docNumber);
    w.date(u"TxnDate", f.txnDate);
    w.reference(u"CustomerRef", f.customerRef);
    QJsonArray lines;
    for (const SalesLine &line : f.lines)
        lines.append(writeSalesLine(line));
    w.array(u"Line", lines);
    if (!f.txnTaxDetail.isEmpty()) {
        JsonWriter tax;
        tax.reference(u"TxnTaxCodeRef", f.txnTaxDetail.txnTaxCodeRef);
        tax.money(u"TotalTax", f.txnTaxDetail.totalTax);
        QJsonArray taxLines;
        for (const TaxLine &t : f.txnTaxDetail.taxLines) {
            JsonWriter line;
            line.money(u"Amount", t.amount);
            line.string(u"DetailType", u"TaxLineDetail"_s);
            JsonWriter d;
            d.reference(u"TaxRateRef", t.taxRateRef);
            d.boolean(u"PercentBased", t.percentBased);
            d.decimal(u"TaxPercent", t.taxPercent);
            d.money(u"NetAmountTaxable", t.netAmountTaxable);
            line.value(u"TaxLineDetail", d.take());
            taxLines.append(line.take());
        }
        tax.array(u"TaxLine", taxLines);
        w.value(u"TxnTaxDetail", tax.take());
    }
    w.money(u"TotalAmt", f.totalAmt);
    w.money(u"Balance", f.balance);
    w.nestedString(u"BillEmail", u"Address", f.billEmail);
    w.string(u"EmailStatus", f.emailStatus);
    w.string(u"PrintStatus", f.printStatus);
    w.string(u"PrivateNote", f.privateNote);
    w.nestedString(u"CustomerMemo", u"value", f.customerMemo);
    w.address(u"BillAddr", f.billAddr);
    w.address(u"ShipAddr", f.shipAddr);
    w.reference(u"DepositToAccountRef", f.depositToAccountRef);
    w.boolean(u"ApplyTaxAfterDiscount", f.applyTaxAfterDiscount);
    w.linkedTxns(f.linkedTxn);
    w.customFields(f.customFields);
    w.reference(u"CurrencyRef", f.currencyRef);
    w.metaData(f.metaData);
}

} // namespace Concord::QuickBooks::Internal
