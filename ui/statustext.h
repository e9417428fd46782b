#pragma once

#include "domain/status.h"

#include <QCoreApplication>
#include <QString>

namespace Concord::Ui {

// The one name each appointment and payment state has on every page (the
// invoices page and the status mapping editor named "Invoiced" and
// "Partially paid" differently before). The words are QuickBooks' and
// Cal.com's, so a bookkeeper finds the same word in both places.
class StatusText {
    Q_DECLARE_TR_FUNCTIONS(Concord::Ui::StatusText)
public:
    [[nodiscard]] static QString appointment(Domain::AppointmentStatus status);
    [[nodiscard]] static QString money(Domain::MoneyStatus status);
};

} // namespace Concord::Ui
