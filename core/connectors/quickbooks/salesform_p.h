#pragma once

#include "connectors/quickbooks/jsonio_p.h"
#include "connectors/quickbooks/salesform.h"

namespace Concord::QuickBooks::Internal {

// Resolves the currency (CurrencyRef, else homeCurrency) into both the form and
// the reader, then reads the shared fields.
void readSalesForm(JsonReader &reader, const QString &homeCurrency, SalesForm &form);
void writeSalesForm(JsonWriter &writer, const SalesForm &form);

[[nodiscard]] SalesLine readSalesLine(const JsonReader &reader);
[[nodiscard]] QJsonObject writeSalesLine(const SalesLine &line);

// The parsed value, or the first error the reader recorded while filling it.
template<typename T>
[[nodiscard]] Result<T> finish(const JsonReader &reader, T value)
{
    if (!reader.ok())
        return std::unexpected(reader.error());
    return value;
}

} // namespace Concord::QuickBooks::Internal
