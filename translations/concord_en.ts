<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Concord::Services::Backend</name>
    <message numerus="yes">
        <source>The clients are merged in Concord, but %n step(s) in the other systems failed: %1</source>
        <translation>
            <numerusform>The clients are merged in Concord, but %n step in the other systems failed: %1</numerusform>
            <numerusform>The clients are merged in Concord, but %n steps in the other systems failed: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::AppointmentsModel</name>
    <message numerus="yes">
        <source>%1 (+%n more)</source>
        <extracomment>The first disagreement&apos;s reason, then how many more there are</extracomment>
        <translation>
            <numerusform>%1 (+%n more)</numerusform>
            <numerusform>%1 (+%n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::AppointmentsPage</name>
    <message numerus="yes">
        <source>%Ln appointments</source>
        <translation>
            <numerusform>%Ln appointment</numerusform>
            <numerusform>%Ln appointments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::AuditFindingsModel</name>
    <message numerus="yes">
        <source>%n cached PDF(s)</source>
        <translation>
            <numerusform>%n cached PDF</numerusform>
            <numerusform>%n cached PDFs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::AuditLogModel</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <extracomment>Ends a list of field names that was cut short, e.g. &quot;name, email and 3 more&quot;</extracomment>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::AuditPage</name>
    <message numerus="yes">
        <source>%1 of %Ln entries</source>
        <translation>
            <numerusform>%1 of %Ln entry</numerusform>
            <numerusform>%1 of %Ln entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Newest %Ln entries</source>
        <translation>
            <numerusform>Newest %Ln entry</numerusform>
            <numerusform>Newest %Ln entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln entry</numerusform>
            <numerusform>%Ln entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::BalancesModel</name>
    <message numerus="yes">
        <source>%n days overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open invoices</source>
        <translation>
            <numerusform>%n open invoice</numerusform>
            <numerusform>%n open invoices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 overdue; the oldest unpaid invoice was due %2, %n days ago.</source>
        <extracomment>%1 = amount, %2 = the oldest due date, %n = days since</extracomment>
        <translation>
            <numerusform>%1 overdue; the oldest unpaid invoice was due %2, %n day ago.</numerusform>
            <numerusform>%1 overdue; the oldest unpaid invoice was due %2, %n days ago.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::CustomersPage</name>
    <message numerus="yes">
        <source>%Ln clients</source>
        <translation>
            <numerusform>%Ln client</numerusform>
            <numerusform>%Ln clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Found %n new possible duplicate(s) among %1 clients.</source>
        <translation>
            <numerusform>Found %n new possible duplicate among %1 clients.</numerusform>
            <numerusform>Found %n new possible duplicates among %1 clients.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::DashboardPage</name>
    <message numerus="yes">
        <source>%n open invoices</source>
        <translation>
            <numerusform>%n open invoice</numerusform>
            <numerusform>%n open invoices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Oldest due %n days ago</source>
        <translation>
            <numerusform>Oldest due %n day ago</numerusform>
            <numerusform>Oldest due %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln clients</source>
        <translation>
            <numerusform>%1 of %Ln client</numerusform>
            <numerusform>%1 of %Ln clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln clients</source>
        <translation>
            <numerusform>%Ln client</numerusform>
            <numerusform>%Ln clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open invoices in other currencies are not included in these figures.</source>
        <translation>
            <numerusform>%n open invoice in another currency is not included in these figures.</numerusform>
            <numerusform>%n open invoices in other currencies are not included in these figures.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::DashboardSyncHealth</name>
    <message numerus="yes">
        <source>QuickBooks authorizations roll every %n days: reconnect before then.</source>
        <translation>
            <numerusform>QuickBooks authorizations roll every %n day: reconnect before then.</numerusform>
            <numerusform>QuickBooks authorizations roll every %n days: reconnect before then.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed changes wait for a person.</source>
        <translation>
            <numerusform>%n failed change waits for a person.</numerusform>
            <numerusform>%n failed changes wait for a person.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Token expires in %n days</source>
        <translation>
            <numerusform>Token expires in %n day</numerusform>
            <numerusform>Token expires in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::DuplicateComparisonView</name>
    <message numerus="yes">
        <source>%n linked records</source>
        <extracomment>Under a client&apos;s name in the comparison: &quot;3 linked records&quot;</extracomment>
        <translation>
            <numerusform>%n linked record</numerusform>
            <numerusform>%n linked records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::FieldMappingModel</name>
    <message numerus="yes">
        <source>Remove %n field mappings</source>
        <translation>
            <numerusform>Remove %n field mapping</numerusform>
            <numerusform>Remove %n field mappings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::IdentityMapModel</name>
    <message numerus="yes">
        <source>%n more records of this client in %1</source>
        <translation>
            <numerusform>%n more record of this client in %1</numerusform>
            <numerusform>%n more records of this client in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::InvoicePolicyDialog</name>
    <message numerus="yes">
        <source> days</source>
        <translation>
            <numerusform> day</numerusform>
            <numerusform> days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> hours before the session</source>
        <translation>
            <numerusform> hour before the session</numerusform>
            <numerusform> hours before the session</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::InvoicesModel</name>
    <message numerus="yes">
        <source>%n sessions</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (+%n more)</source>
        <extracomment>The first disagreement&apos;s reason, then how many more there are</extracomment>
        <translation>
            <numerusform>%1 (+%n more)</numerusform>
            <numerusform>%1 (+%n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::InvoicesPage</name>
    <message numerus="yes">
        <source>%Ln invoices</source>
        <translation>
            <numerusform>%Ln invoice</numerusform>
            <numerusform>%Ln invoices</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::QuarterlyAuditView</name>
    <message numerus="yes">
        <source>Cache %1: %n PDF(s), %2.</source>
        <translation>
            <numerusform>Cache %1: %n PDF, %2.</numerusform>
            <numerusform>Cache %1: %n PDFs, %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retention %n day(s); %1 past it.</source>
        <translation>
            <numerusform>Retention %n day; %1 past it.</numerusform>
            <numerusform>Retention %n days; %1 past it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n orphan file(s), %1.</source>
        <translation>
            <numerusform>%n orphan file, %1.</numerusform>
            <numerusform>%n orphan files, %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>HubSpot: %n PDF(s) compared by SHA-256, %1 wasted.</source>
        <translation>
            <numerusform>HubSpot: %n PDF compared by SHA-256, %1 wasted.</numerusform>
            <numerusform>HubSpot: %n PDFs compared by SHA-256, %1 wasted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Audit of %1: %n finding(s) to look at.</source>
        <translation>
            <numerusform>Audit of %1: %n finding to look at.</numerusform>
            <numerusform>Audit of %1: %n findings to look at.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::RecordsPageBase</name>
    <message numerus="yes">
        <source>%1 · %Ln disagree</source>
        <translation>
            <numerusform>%1 · %Ln disagrees</numerusform>
            <numerusform>%1 · %Ln disagree</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::RetryQueueModel</name>
    <message numerus="yes">
        <source>%n attempts</source>
        <translation>
            <numerusform>%n attempt</numerusform>
            <numerusform>%n attempts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::RetryQueuePage</name>
    <message numerus="yes">
        <source>Retried %n changes: Concord sends them now.</source>
        <translation>
            <numerusform>Retried %n change: Concord sends it now.</numerusform>
            <numerusform>Retried %n changes: Concord sends them now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retried %1 of %Ln changes. Not retried:</source>
        <extracomment>After a bulk retry: &quot;Retried 2 of 3 changes. Not retried:&quot; then one line per refused job</extracomment>
        <translation>
            <numerusform>Retried %1 of %Ln change. Not retried:</numerusform>
            <numerusform>Retried %1 of %Ln changes. Not retried:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retry %n changes now?</source>
        <translation>
            <numerusform>Retry %n change now?</numerusform>
            <numerusform>Retry %n changes now?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown changes are being sent or already carried and are left alone.</source>
        <translation>
            <numerusform>%n shown change is being sent or already carried and is left alone.</numerusform>
            <numerusform>%n shown changes are being sent or already carried and are left alone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retry all %n changes shown?</source>
        <translation>
            <numerusform>Retry the %n change shown?</numerusform>
            <numerusform>Retry all %n changes shown?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrying %n changes…</source>
        <translation>
            <numerusform>Retrying %n change…</numerusform>
            <numerusform>Retrying %n changes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln changes</source>
        <translation>
            <numerusform>%1 of %Ln change</numerusform>
            <numerusform>%1 of %Ln changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changes</source>
        <translation>
            <numerusform>%Ln change</numerusform>
            <numerusform>%Ln changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln need attention</source>
        <translation>
            <numerusform>%1 · %Ln needs attention</numerusform>
            <numerusform>%1 · %Ln need attention</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attempts</source>
        <translation>
            <numerusform>%n attempt</numerusform>
            <numerusform>%n attempts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::SettingsPage</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refresh token expires in %n days (%1).</source>
        <translation>
            <numerusform>Refresh token expires in %n day (%1).</numerusform>
            <numerusform>Refresh token expires in %n days (%1).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::StatusMappingModel</name>
    <message numerus="yes">
        <source>Remove %n status mappings</source>
        <translation>
            <numerusform>Remove %n status mapping</numerusform>
            <numerusform>Remove %n status mappings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::UserDialog</name>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>at least %n character</numerusform>
            <numerusform>at least %n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enter a password for the person (at least %n characters).</source>
        <translation>
            <numerusform>Enter a password for the person (at least %n character).</numerusform>
            <numerusform>Enter a password for the person (at least %n characters).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The password is too short: use at least %n characters.</source>
        <translation>
            <numerusform>The password is too short: use at least %n character.</numerusform>
            <numerusform>The password is too short: use at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::VerificationBanner</name>
    <message numerus="yes">
        <source>Audit chain intact: all %Ln entries check out.</source>
        <translation>
            <numerusform>Audit chain intact: %Ln entry checks out.</numerusform>
            <numerusform>Audit chain intact: all %Ln entries check out.</numerusform>
        </translation>
    </message>
</context>
</TS>
