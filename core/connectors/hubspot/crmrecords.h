#pragma once

#include "connectors/hubspot/crmobject.h"

#include <QStringList>

#include <optional>

namespace Concord::HubSpot {

// A deal (hubspot-calcom.md A7): in a pipeline, at a stage. `amount` stays
// HubSpot's decimal text ("65.00"): money is never a double here; the sync
// engine reads it with Domain::Money::parse and deal_currency_code.
struct Deal {
    QString id;
    QString name;      // dealname
    QString pipeline;  // pipeline id ("default")
    QString stage;     // dealstage id ("appointmentscheduled")
    QString amount;    // decimal text, may be empty
    QString currency;  // deal_currency_code, may be empty (portal currency)
    QDateTime closeDate;
    QDateTime lastModifiedAt; // hs_lastmodifieddate
    CrmObject object;

    [[nodiscard]] static QStringList defaultProperties();
    [[nodiscard]] static Deal fromObject(const CrmObject &object);
    friend bool operator==(const Deal &, const Deal &) = default;
};

// A note (A8): an HTML body at a time.
struct Note {
    QString id;
    QString body;        // hs_note_body (HTML)
    QDateTime timestamp; // hs_timestamp
    CrmObject object;

    [[nodiscard]] static QStringList defaultProperties();
    [[nodiscard]] static Note fromObject(const CrmObject &object);
    friend bool operator==(const Note &, const Note &) = default;
};

// A task (A8): a follow-up, due at hs_timestamp.
struct Task {
    QString id;
    QString subject;     // hs_task_subject
    QString body;        // hs_task_body
    QString status;      // hs_task_status: NOT_STARTED | COMPLETED (others exist)
    QString priority;    // hs_task_priority: LOW | MEDIUM | HIGH
    QString type;        // hs_task_type: EMAIL | CALL | TODO
    QDateTime dueAt;     // hs_timestamp
    QString ownerId;     // hubspot_owner_id
    CrmObject object;

    [[nodiscard]] bool isCompleted() const { return status == QStringLiteral("COMPLETED"); }
    [[nodiscard]] static QStringList defaultProperties();
    [[nodiscard]] static Task fromObject(const CrmObject &object);
    friend bool operator==(const Task &, const Task &) = default;
};

} // namespace Concord::HubSpot
