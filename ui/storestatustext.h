#pragma once

#include "services/storestatus.h"

#include <QCoreApplication>
#include <QString>

namespace Concord::Ui {

// Wording for a StoreStatus, shared by the status bar and the overview page
// so both describe the store the same way.
class StoreStatusText {
    Q_DECLARE_TR_FUNCTIONS(Concord::Ui::StoreStatusText)
public:
    // Where the data lives, for a person: the file path of an SQLite store,
    // the URL (already without credentials) of a server store.
    [[nodiscard]] static QString location(const QString &storeUrl);
    // "7", or "6 (this version knows up to 7)" when they differ.
    [[nodiscard]] static QString schema(const Services::StoreStatus &status);
    // One line for the status bar: "SQLite 3.40.1 · /path/concord.sqlite · schema 7",
    // or why the store is not open.
    [[nodiscard]] static QString summary(const Services::StoreStatus &status);
};

} // namespace Concord::Ui
