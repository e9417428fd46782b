<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
