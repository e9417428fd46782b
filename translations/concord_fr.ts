<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Concord::Services::Backend</name>
    <message>
        <source>The store is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not a Concord user on this store: ask an owner to add you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change #%1 edited: Concord sends it now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change #%1 linked to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismissed change #%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mappings applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concord has no configuration to change on this desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge proposed: an owner can now approve or reject it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge rejected. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The clients are merged in Concord, but %n step(s) in the other systems failed: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Merged. Left for you to do: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged in Concord, HubSpot and QuickBooks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge undone in Concord. What was done in HubSpot and QuickBooks stays.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Concord::Services::RecordsData</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished">%1&#xa0;s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished">%1&#xa0;min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished">%1&#xa0;h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation type="unfinished">%1&#xa0;j</translation>
    </message>
    <message>
        <source>A change for %1 failed and waits for a person (change #%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change for %1 failed and waits for a person (change #%2): %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change for %1 has waited %2 (change #%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change for %1 has waited %2 (change #%3): %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged for a person (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice %1 is overdue: %2 due since %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice %1 is overdue: %2 due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled in Cal.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked as a no-show in Cal.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid in QuickBooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided in QuickBooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded in QuickBooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, but the HubSpot deal is not “%2”: its update failed (change #%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, but the HubSpot deal is not “%2” yet: its update waits (change #%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualified to buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presentation scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision maker bought-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled in Cal.com, but invoice %1 is still open in QuickBooks (balance %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed on %1, but on no invoice: it is billed per session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed on %1, but on no invoice: its monthly invoice was due on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its session was canceled in Cal.com, but invoice %1 is still open (balance %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Concord::Ui::AboutDialog</name>
    <message>
        <source>About Concord</source>
        <translation>À propos de Concord</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Concord keeps a service business&apos;s CRM (HubSpot), scheduler (Cal.com) and billing (QuickBooks Online) in agreement: the same customer, the same time slot and the same payment state in all three, and when they disagree an administrator sees it before a customer does.</source>
        <translation>Concord maintient en accord le CRM (HubSpot), l&apos;agenda de réservation (Cal.com) et la facturation (QuickBooks Online) d&apos;une entreprise de services&#xa0;: le même client, le même créneau et le même état de paiement dans les trois — et quand ils divergent, un administrateur le voit avant le client.</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <extracomment>%1 = Qt version Concord was built with, %2 = Qt version it runs on</extracomment>
        <translation>Compilé avec Qt %1, exécuté avec Qt %2.</translation>
    </message>
    <message>
        <source>© 2026 the Concord developers. Free software under the GNU General Public License, version 3 or later; it comes with no warranty.</source>
        <translation>© 2026 les développeurs de Concord. Logiciel libre distribué sous la licence publique générale GNU, version 3 ou ultérieure&#xa0;; fourni sans aucune garantie.</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::AgingChartCard</name>
    <message>
        <source>Aging of open balances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aging of open balances chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished">Chargement…</translation>
    </message>
    <message>
        <source>Current</source>
        <extracomment>Aging bucket: not yet due</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1–30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>31–60 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>61–90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1–30</source>
        <extracomment>Aging bucket on the chart&apos;s axis: days past due</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>31–60</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>61–90</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>90+</source>
        <extracomment>Aging bucket on the chart&apos;s axis: more than 90 days past due</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>By days past due, as of %1</source>
        <extracomment>%1 = a date</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is owed right now: no invoice has an open balance.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Concord::Ui::AppointmentsModel</name>
    <message>
        <source>%1 in %2 (%3 UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Being created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not created · change failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal being created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal not created · change failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in HubSpot (should be %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not invoiced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (+%2 more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not linked to a Cal.com booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No HubSpot deal is linked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage by Concord&apos;s mapping: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts (local there)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished">Client</translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished">Service</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation type="unfinished">Facture</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All systems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation type="unfinished">Rendez-vous</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::AppointmentsPage</name>
    <message>
        <source>Appointments</source>
        <translation type="unfinished">Rendez-vous</translation>
    </message>
    <message>
        <source>Each appointment as Cal.com, HubSpot and QuickBooks hold it, side by side; where they disagree, the row is marked and says why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointments in Cal.com, HubSpot and QuickBooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln appointments</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No appointments from %1 to %2. Choose other days above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage by Concord&apos;s mapping: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage set in HubSpot: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total %1 · balance %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Concord::Ui::AuditDetailView</name>
    <message>
        <source>Select an entry to see what changed.</source>
        <translation>Sélectionnez une entrée pour voir ce qui a changé.</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>#%1 · %2 · %3</source>
        <extracomment>Detail pane headline: &quot;#&lt;number&gt; · &lt;action&gt; · &lt;entity&gt;&quot;</extracomment>
        <translation>n°&#xa0;%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>By %1 on %2 (%3 UTC). Hash %4…</source>
        <translation>Par %1 le %2 (%3 UTC). Empreinte %4…</translation>
    </message>
    <message>
        <source>Hash: %1
Previous hash: %2</source>
        <translation>Empreinte&#xa0;: %1
Empreinte précédente&#xa0;: %2</translation>
    </message>
    <message>
        <source>Nothing before: this entry created the record.</source>
        <translation>Rien avant&#xa0;: cette entrée a créé l&apos;enregistrement.</translation>
    </message>
    <message>
        <source>Nothing after: this entry removed the record.</source>
        <translation>Rien après&#xa0;: cette entrée a supprimé l&apos;enregistrement.</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::AuditLogModel</name>
    <message>
        <source>#</source>
        <extracomment>Audit log column: sequence number of the entry</extracomment>
        <translation>N°</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entité</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Position in the audit chain</source>
        <translation>Position dans la chaîne d&apos;audit</translation>
    </message>
    <message>
        <source>When it happened, in this computer&apos;s time zone</source>
        <translation>Quand cela s&apos;est produit, dans le fuseau horaire de cet ordinateur</translation>
    </message>
    <message>
        <source>Who did it: a user, or Concord itself (system:…)</source>
        <translation>Qui l&apos;a fait&#xa0;: un utilisateur, ou Concord lui-même (system:…)</translation>
    </message>
    <message>
        <source>The actor&apos;s role at that moment</source>
        <translation>Le rôle de l&apos;auteur à ce moment-là</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <extracomment>Ends a list of field names that was cut short, e.g. &quot;name, email and 3 more&quot;</extracomment>
        <translation>
            <numerusform>%1 et %n autre</numerusform>
            <numerusform>%1 et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>No recorded details</source>
        <translation>Aucun détail enregistré</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Created (%1)</source>
        <translation>Créé (%1)</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>No field changed</source>
        <translation>Aucun champ modifié</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Changed %1</source>
        <translation>Modifié&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::AuditPage</name>
    <message>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>Every change, who made it, and the record before and after. Entries are chained, so a tampered or missing one shows when the chain is verified.</source>
        <translation>Chaque modification, son auteur, et l&apos;enregistrement avant et après. Les entrées sont chaînées&#xa0;: une entrée altérée ou manquante apparaît lors de la vérification de la chaîne.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Read the newest entries again</source>
        <translation>Relire les entrées les plus récentes</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>Vérifier la chaîne</translation>
    </message>
    <message>
        <source>Check every entry&apos;s hash against the one before it</source>
        <translation>Contrôler l&apos;empreinte de chaque entrée par rapport à la précédente</translation>
    </message>
    <message>
        <source>Filter by actor, action, entity, time…</source>
        <translation>Filtrer par auteur, action, entité, date…</translation>
    </message>
    <message>
        <source>No audit entries yet.
Every change made through Concord will be listed here.</source>
        <translation>Aucune entrée d&apos;audit pour l&apos;instant.
Chaque modification faite avec Concord apparaîtra ici.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln entries</source>
        <translation>
            <numerusform>%1 sur %Ln entrée</numerusform>
            <numerusform>%1 sur %Ln entrées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Newest %Ln entries</source>
        <translation>
            <numerusform>%Ln entrée, la plus récente</numerusform>
            <numerusform>Les %Ln entrées les plus récentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln entrée</numerusform>
            <numerusform>%Ln entrées</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log is shown once the store is open.</source>
        <translation>Le journal d&apos;audit s&apos;affiche une fois la base de données ouverte.</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::BalancesModel</name>
    <message>
        <source>%1 (Concord id %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n days overdue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n open invoices</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Blocked: new bookings are declined or held until the overdue balance is paid. Overdue: something is past its due date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open balance of every unpaid invoice, as QuickBooks reports it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part of the balance past its due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many days ago the oldest unpaid invoice was due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoices with an open balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished">Client</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation type="unfinished">Factures</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked from booking: new bookings are declined or held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last blocked %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 overdue; the oldest unpaid invoice was due %2, %n days ago.</source>
        <extracomment>%1 = amount, %2 = the oldest due date, %n = days since</extracomment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::BillingInput</name>
    <message>
        <source>Type a percentage between %1 and %2.</source>
        <translation>Saisissez un pourcentage compris entre %1 et %2.</translation>
    </message>
    <message>
        <source>“%1” is not a percentage. Type a number such as 10 or 12.5.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un pourcentage. Saisissez un nombre, par exemple 10 ou 12.5.</translation>
    </message>
    <message>
        <source>A percentage cannot be negative.</source>
        <translation>Un pourcentage ne peut pas être négatif.</translation>
    </message>
    <message>
        <source>Use at most two decimals, such as 12.25: rules hold hundredths of a percent.</source>
        <translation>Utilisez au plus deux décimales, par exemple 12.25&#xa0;: les règles sont précises au centième de pour cent.</translation>
    </message>
    <message>
        <source>Type an amount, such as %1.</source>
        <translation>Saisissez un montant, par exemple %1.</translation>
    </message>
    <message>
        <source>%1 amounts have no decimals.</source>
        <translation>Les montants en %1 n&apos;ont pas de décimales.</translation>
    </message>
    <message>
        <source>%1 amounts have at most %2 decimals, such as %3.</source>
        <extracomment>%1 = currency code, %2 = number of decimals, %3 = an example amount</extracomment>
        <translation>Les montants en %1 ont au plus %2 décimales, par exemple %3.</translation>
    </message>
    <message>
        <source>“%1” is not an amount. Type digits only, such as %2, without a currency sign.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un montant. Saisissez uniquement des chiffres, par exemple %2, sans symbole monétaire.</translation>
    </message>
    <message>
        <source>An amount cannot be negative.</source>
        <translation>Un montant ne peut pas être négatif.</translation>
    </message>
    <message>
        <source>Type an amount above zero.</source>
        <translation>Saisissez un montant supérieur à zéro.</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::BillingRuleDialog</name>
    <message>
        <source>Applies to</source>
        <translation>S&apos;applique à</translation>
    </message>
    <message>
        <source>Any client</source>
        <translation>Tout client</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Client the rule applies to</source>
        <translation>Client auquel la règle s&apos;applique</translation>
    </message>
    <message>
        <source>Any service</source>
        <translation>Tout service</translation>
    </message>
    <message>
        <source>%1 (no longer offered)</source>
        <translation>%1 (plus proposé)</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Service the rule applies to</source>
        <translation>Service auquel la règle s&apos;applique</translation>
    </message>
    <message>
        <source>Any location</source>
        <translation>Tout lieu</translation>
    </message>
    <message>
        <source>Where the session takes place, as the service lists it. Compared without regard to upper and lower case.</source>
        <translation>Lieu où se déroule la séance, tel que le service l&apos;indique. La comparaison ne tient pas compte des majuscules et minuscules.</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Location the rule applies to</source>
        <translation>Lieu auquel la règle s&apos;applique</translation>
    </message>
    <message>
        <source>Not yet:
%1</source>
        <translation>À corriger d&apos;abord&#xa0;:
%1</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::BillingRulesPage</name>
    <message>
        <source>owner</source>
        <translation>propriétaire</translation>
    </message>
    <message>
        <source>office manager</source>
        <translation>responsable administratif</translation>
    </message>
    <message>
        <source>bookkeeper</source>
        <translation>comptable</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>lecteur</translation>
    </message>
    <message>
        <source>an owner</source>
        <translation>un propriétaire</translation>
    </message>
    <message>
        <source>an office manager</source>
        <translation>un responsable administratif</translation>
    </message>
    <message>
        <source>a bookkeeper</source>
        <translation>un comptable</translation>
    </message>
    <message>
        <source>a viewer</source>
        <translation>un lecteur</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <extracomment>Joins the last two roles: &quot;a bookkeeper or owner&quot;</extracomment>
        <translation>%1 ou %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Tax, discounts and invoicing</source>
        <translation>Taxes, remises et facturation</translation>
    </message>
    <message>
        <source>Which QuickBooks tax code, discount and invoice policy each session gets. QuickBooks computes tax and totals; Concord only picks the rule.</source>
        <translation>Le code de taxe QuickBooks, la remise et la politique de facturation appliqués à chaque séance. QuickBooks calcule les taxes et les totaux&#xa0;; Concord ne fait que choisir la règle.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Read the rules again</source>
        <translation>Relire les règles</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>tax rule</source>
        <translation>règle de taxe</translation>
    </message>
    <message>
        <source>Tax codes</source>
        <translation>Codes de taxe</translation>
    </message>
    <message>
        <source>QuickBooks applies the discount on the invoice. %1</source>
        <translation>QuickBooks applique la remise sur la facture. %1</translation>
    </message>
    <message>
        <source>discount rule</source>
        <translation>règle de remise</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>Remises</translation>
    </message>
    <message>
        <source>How sessions are invoiced, what a cancellation does to the money, and when a client&apos;s overdue balance blocks new bookings. A client&apos;s own policy beats a service&apos;s, which beats the default.</source>
        <translation>Comment les séances sont facturées, ce qu&apos;une annulation change aux sommes facturées ou payées, et quand le solde échu d&apos;un client bloque ses nouvelles réservations. La politique propre à un client l&apos;emporte sur celle d&apos;un service, qui l&apos;emporte sur la politique par défaut.</translation>
    </message>
    <message>
        <source>invoice policy</source>
        <translation>politique de facturation</translation>
    </message>
    <message>
        <source>Invoice policies</source>
        <translation>Politiques de facturation</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>A&amp;jouter…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Add %1</source>
        <extracomment>%1 = &quot;tax rule&quot;, &quot;discount rule&quot; or &quot;invoice policy&quot;</extracomment>
        <translation>Ajouter une %1</translation>
    </message>
    <message>
        <source>Edit the selected %1</source>
        <translation>Modifier la %1 sélectionnée</translation>
    </message>
    <message>
        <source>Delete the selected %1</source>
        <translation>Supprimer la %1 sélectionnée</translation>
    </message>
    <message>
        <source>Tax rules</source>
        <translation>Règles de taxe</translation>
    </message>
    <message>
        <source>Discount rules</source>
        <translation>Règles de remise</translation>
    </message>
    <message>
        <source>Which rule applies?</source>
        <translation>Quelle règle s&apos;applique&#xa0;?</translation>
    </message>
    <message>
        <source>Pick a client, a service and a location to see what a session would get, exactly as invoicing chooses it.</source>
        <translation>Choisissez un client, un service et un lieu pour voir ce qui s&apos;appliquerait à une séance, exactement comme la facturation le détermine.</translation>
    </message>
    <message>
        <source>Client for the preview</source>
        <translation>Client de l&apos;aperçu</translation>
    </message>
    <message>
        <source>&quot;Any client&quot; is a client with no rules of their own</source>
        <translation>«&#xa0;Tout client&#xa0;» désigne un client qui n&apos;a pas de règle propre</translation>
    </message>
    <message>
        <source>Service for the preview</source>
        <translation>Service de l&apos;aperçu</translation>
    </message>
    <message>
        <source>Location for the preview</source>
        <translation>Lieu de l&apos;aperçu</translation>
    </message>
    <message>
        <source>Any location</source>
        <translation>Tout lieu</translation>
    </message>
    <message>
        <source>&amp;Client</source>
        <translation>&amp;Client</translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation>Ser&amp;vice</translation>
    </message>
    <message>
        <source>&amp;Location</source>
        <translation>&amp;Lieu</translation>
    </message>
    <message>
        <source>Tax code</source>
        <translation>Code de taxe</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Remise</translation>
    </message>
    <message>
        <source>Invoice policy</source>
        <translation>Politique de facturation</translation>
    </message>
    <message>
        <source>You can look at these rules. Only %1 can change them.</source>
        <translation>Vous pouvez consulter ces règles. Seul %1 peut les modifier.</translation>
    </message>
    <message>
        <source>Only %1 can change tax and discount rules and invoice policies.</source>
        <translation>Seul %1 peut modifier les règles de taxe, les règles de remise et les politiques de facturation.</translation>
    </message>
    <message>
        <source>Select a row first</source>
        <translation>Sélectionnez d&apos;abord une ligne</translation>
    </message>
    <message>
        <source>Add a tax rule</source>
        <translation>Ajouter une règle de taxe</translation>
    </message>
    <message>
        <source>Edit the selected tax rule (Enter)</source>
        <translation>Modifier la règle de taxe sélectionnée (Entrée)</translation>
    </message>
    <message>
        <source>Delete the selected tax rule (Del)</source>
        <translation>Supprimer la règle de taxe sélectionnée (Suppr)</translation>
    </message>
    <message>
        <source>Add a discount rule</source>
        <translation>Ajouter une règle de remise</translation>
    </message>
    <message>
        <source>Edit the selected discount rule (Enter)</source>
        <translation>Modifier la règle de remise sélectionnée (Entrée)</translation>
    </message>
    <message>
        <source>Delete the selected discount rule (Del)</source>
        <translation>Supprimer la règle de remise sélectionnée (Suppr)</translation>
    </message>
    <message>
        <source>Add an invoice policy</source>
        <translation>Ajouter une politique de facturation</translation>
    </message>
    <message>
        <source>Edit the selected invoice policy (Enter)</source>
        <translation>Modifier la politique de facturation sélectionnée (Entrée)</translation>
    </message>
    <message>
        <source>Delete the selected invoice policy (Del)</source>
        <translation>Supprimer la politique de facturation sélectionnée (Suppr)</translation>
    </message>
    <message>
        <source>Loading the rules…</source>
        <translation>Chargement des règles…</translation>
    </message>
    <message>
        <source>No tax rules yet.
Without one, QuickBooks applies each item&apos;s own tax setting. Add a default rule (any client, service and location) to choose the tax code for every session, then narrower rules for the exceptions.</source>
        <translation>Aucune règle de taxe pour l&apos;instant.
Sans règle, QuickBooks applique le paramètre de taxe propre à chaque article. Ajoutez une règle par défaut (tout client, tout service, tout lieu) pour choisir le code de taxe de chaque séance, puis des règles plus ciblées pour les exceptions.</translation>
    </message>
    <message>
        <source>No discount rules.
Sessions are invoiced at the service&apos;s rate. Add a rule to give a client, a service or a location a percentage or a fixed amount off.</source>
        <translation>Aucune règle de remise.
Les séances sont facturées au tarif du service. Ajoutez une règle pour accorder à un client, à un service ou à un lieu une remise en pourcentage ou d&apos;un montant fixe.</translation>
    </message>
    <message>
        <source>No invoice policy yet.
Sessions follow Concord&apos;s built-in default: one invoice per session, due in 7 days, voided or credited when canceled. Add a policy to change that for everyone, a service or a client.</source>
        <translation>Aucune politique de facturation pour l&apos;instant.
Les séances suivent le réglage par défaut de Concord&#xa0;: une facture par séance, payable sous 7&#xa0;jours, annulée ou compensée par un avoir en cas d&apos;annulation. Ajoutez une politique pour modifier cela pour tous, pour un service ou pour un client.</translation>
    </message>
    <message>
        <source>There is no default policy: sessions of clients and services without a policy of their own follow Concord&apos;s built-in default (one invoice per session, due in 7 days). Add one for any client and any service to choose.</source>
        <translation>Il n&apos;y a pas de politique par défaut&#xa0;: les séances des clients et des services sans politique propre suivent le réglage par défaut de Concord (une facture par séance, payable sous 7&#xa0;jours). Ajoutez-en une pour tout client et tout service afin de choisir vous-même.</translation>
    </message>
    <message>
        <source>Any client</source>
        <translation>Tout client</translation>
    </message>
    <message>
        <source>Any service</source>
        <translation>Tout service</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>selon %1</translation>
    </message>
    <message>
        <source>from &lt;a href=&quot;#rule&quot;&gt;%1&lt;/a&gt;</source>
        <translation>selon &lt;a href=&quot;#rule&quot;&gt;%1&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Show this rule in its table</source>
        <translation>Afficher cette règle dans son tableau</translation>
    </message>
    <message>
        <source>No rule: QuickBooks uses the item&apos;s own tax setting</source>
        <translation>Aucune règle&#xa0;: QuickBooks utilise le paramètre de taxe propre à l&apos;article</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>%1 = &quot;10 % off&quot;, %2 = the invoice line&apos;s description</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No discount</source>
        <translation>Aucune remise</translation>
    </message>
    <message>
        <source>Concord&apos;s built-in default</source>
        <translation>le réglage par défaut de Concord</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>Supprimer la règle</translation>
    </message>
    <message>
        <source>Delete the tax rule for %1 (%2)?

The sessions it covers fall to the next most specific rule.</source>
        <translation>Supprimer la règle de taxe pour %1 (%2)&#xa0;?

Les séances qu&apos;elle couvre relèveront de la règle la plus spécifique suivante.</translation>
    </message>
    <message>
        <source>Delete the discount rule for %1 (%2)?

The sessions it covers fall to the next most specific rule, or get no discount.</source>
        <translation>Supprimer la règle de remise pour %1 (%2)&#xa0;?

Les séances qu&apos;elle couvre relèveront de la règle la plus spécifique suivante, ou n&apos;auront plus de remise.</translation>
    </message>
    <message>
        <source>This is the default policy: without it, sessions that no other policy covers follow Concord&apos;s built-in default (one invoice per session, due in 7 days).</source>
        <translation>C&apos;est la politique par défaut&#xa0;: sans elle, les séances qu&apos;aucune autre politique ne couvre suivront le réglage par défaut de Concord (une facture par séance, payable sous 7&#xa0;jours).</translation>
    </message>
    <message>
        <source>Its sessions fall back to the next policy that covers them.</source>
        <translation>Ses séances relèveront de la politique suivante qui les couvre.</translation>
    </message>
    <message>
        <source>Delete the invoice policy for %1?

%2</source>
        <translation>Supprimer la politique de facturation pour %1&#xa0;?

%2</translation>
    </message>
    <message>
        <source>Delete invoice policy</source>
        <translation>Supprimer la politique de facturation</translation>
    </message>
    <message>
        <source>Available once the rules are loaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Concord::Ui::BillingRulesText</name>
    <message>
        <source>Breaks ties between equally specific rules: the higher priority wins.</source>
        <translation>Départage les règles de même spécificité&#xa0;: la priorité la plus élevée l&apos;emporte.</translation>
    </message>
    <message>
        <source>A %1. %2</source>
        <extracomment>%1 = kind of rule (&quot;service rule&quot;), %2 = how the most specific rule is chosen</extracomment>
        <translation>Une %1. %2</translation>
    </message>
    <message>
        <source>Service #%1</source>
        <extracomment>A service the rule names but that is no longer known to Concord</extracomment>
        <translation>Service n°&#xa0;%1</translation>
    </message>
    <message>
        <source>Client %1</source>
        <extracomment>A client the rule names but that is no longer known to Concord</extracomment>
        <translation>Client %1</translation>
    </message>
    <message>
        <source>Not taxable</source>
        <translation>Non taxable</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>Tous les clients</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Tous les services</translation>
    </message>
    <message>
        <source>All locations</source>
        <translation>Tous les lieux</translation>
    </message>
    <message>
        <source>client rule</source>
        <translation>règle par client</translation>
    </message>
    <message>
        <source>service and location rule</source>
        <translation>règle par service et lieu</translation>
    </message>
    <message>
        <source>service rule</source>
        <translation>règle par service</translation>
    </message>
    <message>
        <source>location rule</source>
        <translation>règle par lieu</translation>
    </message>
    <message>
        <source>default rule</source>
        <translation>règle par défaut</translation>
    </message>
    <message>
        <source>The most specific rule wins: a client&apos;s own rule, then service and location, then service, then location, then the default. Priority breaks ties (higher first).</source>
        <translation>La règle la plus spécifique l&apos;emporte&#xa0;: la règle propre au client, puis service et lieu, puis service, puis lieu, puis la règle par défaut. La priorité départage les égalités (la plus élevée d&apos;abord).</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>%1 = QuickBooks tax code name, %2 = its id (&quot;Sales tax (TAX)&quot;)</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 %</source>
        <extracomment>A percentage; %1 is the number (&quot;12.5&quot;)</extracomment>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>%1 off</source>
        <extracomment>A discount; %1 is a percentage (&quot;10 %&quot;)
----------
A discount; %1 is an amount (&quot;$5.00&quot;)</extracomment>
        <translation>%1 de remise</translation>
    </message>
    <message>
        <source>Per session</source>
        <translation>Par séance</translation>
    </message>
    <message>
        <source>Monthly, per client and service</source>
        <translation>Mensuelle, par client et service</translation>
    </message>
    <message>
        <source>Monthly, per client</source>
        <translation>Mensuelle, par client</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>On receipt</source>
        <translation>À réception</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1&#xa0;jour</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1&#xa0;jours</translation>
    </message>
    <message>
        <source>Void or credit</source>
        <translation>Facture annulée ou avoir</translation>
    </message>
    <message>
        <source>Void or refund</source>
        <translation>Facture annulée ou remboursement</translation>
    </message>
    <message>
        <source>Late fee %1 within %2 h</source>
        <extracomment>%1 = fee (&quot;$20.00&quot;), %2 = hours before the session</extracomment>
        <translation>Frais de %1 si annulation à moins de %2&#xa0;h</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>Decline above %1</source>
        <extracomment>%1 = overdue balance threshold (&quot;$500.00&quot;)</extracomment>
        <translation>Refus au-delà de %1</translation>
    </message>
    <message>
        <source>Hold above %1</source>
        <translation>Mise en attente au-delà de %1</translation>
    </message>
    <message>
        <source>%1 deposit</source>
        <translation>acompte de %1</translation>
    </message>
    <message>
        <source>due on receipt</source>
        <translation>payable à réception</translation>
    </message>
    <message>
        <source>due in 1 day</source>
        <translation>payable sous 1&#xa0;jour</translation>
    </message>
    <message>
        <source>due in %1 days</source>
        <translation>payable sous %1&#xa0;jours</translation>
    </message>
    <message>
        <source>One invoice per session</source>
        <translation>Une facture par séance</translation>
    </message>
    <message>
        <source>A monthly summary invoice, one line per session</source>
        <translation>Une facture récapitulative mensuelle, une ligne par séance</translation>
    </message>
    <message>
        <source>One invoice per client</source>
        <translation>Une facture par client</translation>
    </message>
    <message>
        <source>One invoice per client and service</source>
        <translation>Une facture par client et par service</translation>
    </message>
    <message>
        <source>Void the unpaid invoice, credit what was paid</source>
        <translation>Annuler la facture impayée, créer un avoir pour ce qui a été payé</translation>
    </message>
    <message>
        <source>Void the unpaid invoice, refund what was paid</source>
        <translation>Annuler la facture impayée, rembourser ce qui a été payé</translation>
    </message>
    <message>
        <source>Void or credit, plus a late-cancellation fee</source>
        <translation>Annuler ou créer un avoir, plus des frais d&apos;annulation tardive</translation>
    </message>
    <message>
        <source>Hold new bookings for review</source>
        <translation>Mettre les nouvelles réservations en attente de validation</translation>
    </message>
    <message>
        <source>Decline new bookings</source>
        <translation>Refuser les nouvelles réservations</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::ConnectionIndicator</name>
    <message>
        <source>checking…</source>
        <translation>vérification…</translation>
    </message>
    <message>
        <source>Waiting for the store to report this connection.</source>
        <translation>En attente de l&apos;état de cette connexion.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Status bar: &quot;&lt;system&gt;: &lt;state&gt;&quot;, e.g. &quot;HubSpot: connected&quot;</extracomment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>non configuré</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <source>expiring soon</source>
        <translation>expire bientôt</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expiré</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>déconnecté</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>Compte&#xa0;: %1</translation>
    </message>
    <message>
        <source>Authorization expires %1</source>
        <translation>L&apos;autorisation expire le %1</translation>
    </message>
    <message>
        <source>Last successful call %1</source>
        <translation>Dernier appel réussi le %1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Dernière erreur&#xa0;: %1</translation>
    </message>
    <message>
        <source>No account has been connected yet.</source>
        <translation>Aucun compte n&apos;a encore été connecté.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>The store is not open, so this connection&apos;s state is not known.</source>
        <translation>La base de données n&apos;est pas ouverte&#xa0;: l&apos;état de cette connexion est inconnu.</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::CustomersPage</name>
    <message>
        <source>%1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished">, </translation>
    </message>
    <message>
        <source>Clients and duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each client&apos;s records in HubSpot, QuickBooks and Cal.com, and the possible duplicates to merge. Office managers propose merges; an owner approves them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished">&amp;Actualiser</translation>
    </message>
    <message>
        <source>Refresh clients and duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the clients and the duplicate review again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation type="unfinished">Masquer ce message</translation>
    </message>
    <message>
        <source>&amp;Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, email, phone, record id…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation type="unfinished">R&amp;echercher&#xa0;:</translation>
    </message>
    <message>
        <source>Show clients by their links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All clients</source>
        <translation type="unfinished">Tous les clients</translation>
    </message>
    <message>
        <source>Missing a record somewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in HubSpot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in QuickBooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in Cal.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In all three systems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation type="unfinished">Affic&amp;her&#xa0;:</translation>
    </message>
    <message>
        <source>Clients and their records in each system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicates and merge proposals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Propose merge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve and merge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo &amp;merge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished">Chargement…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln clients</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <extracomment>&quot;12 of 1,234 clients shown&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 in HubSpot · %3 in QuickBooks · %4 in Cal.com</source>
        <extracomment>Counts under the clients table: &quot;1,234 clients · 1,100 in HubSpot · 1,050 in QuickBooks · 900 in Cal.com&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in all three systems, %2 in none; %3 merged into another client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the clients…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clients are shown once the store is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clients yet. They appear here once Concord has read HubSpot, QuickBooks or Cal.com, or after an import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client matches the search and filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clients (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Duplicates (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the %1 most likely of %2 possible duplicates; merge or review these first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the duplicate review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The duplicate review is shown once the store is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No possible duplicates to review. When the duplicate scan finds two records that may be one client, they appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the merge will do once an owner approves it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is kept; %2 is merged into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed in any system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this merge did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was merged into %2. Undo merge restores Concord&apos;s identity map only; what was done in QuickBooks and HubSpot stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone in Concord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concord&apos;s identity map was restored. What had been done in QuickBooks and HubSpot stays as it was left:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What approving will do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merge cannot be planned: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be undone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in this merge is irreversible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changes outside Concord: none of these records is linked to QuickBooks, HubSpot or Cal.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A person can reverse these in QuickBooks or HubSpot:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In Concord only (Undo merge restores these):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an owner</source>
        <translation type="unfinished">un propriétaire</translation>
    </message>
    <message>
        <source>owner</source>
        <translation type="unfinished">propriétaire</translation>
    </message>
    <message>
        <source>an office manager</source>
        <translation type="unfinished">un responsable administratif</translation>
    </message>
    <message>
        <source>office manager</source>
        <translation type="unfinished">responsable administratif</translation>
    </message>
    <message>
        <source>a bookkeeper</source>
        <translation type="unfinished">un comptable</translation>
    </message>
    <message>
        <source>bookkeeper</source>
        <translation type="unfinished">comptable</translation>
    </message>
    <message>
        <source>a viewer</source>
        <translation type="unfinished">un lecteur</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation type="unfinished">lecteur</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <extracomment>Joins role names: &quot;an owner or office manager&quot;</extracomment>
        <translation type="unfinished">%1 ou %2</translation>
    </message>
    <message>
        <source>Only %1 can propose merges.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 can approve, reject or undo merges.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 can do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the last action to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a possible duplicate first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This merge cannot be planned: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a proposal waiting for an owner first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already approved: the merge is being finished by Concord.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You proposed this merge: another owner must approve it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an executed merge first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concord kept no record of what this merge changed, so it cannot undo it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send these choices to an owner for approval; nothing changes until then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn the proposal down, with a note saying why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge now, in Concord and in QuickBooks and HubSpot (asks first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Concord&apos;s identity map as it was before this merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can look, not act: %1</source>
        <translation type="unfinished">Consultation uniquement&#xa0;: %1</translation>
    </message>
    <message>
        <source>You proposed this merge: another owner approves it. You can still reject it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge %1 into %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (from %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>&quot;Email: dana.w@example.com (from Dana Whitfeld)&quot;</extracomment>
        <translation type="unfinished">%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is kept with these values, and an owner other than you decides. Nothing changes in any system until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once approved, nothing in this merge is irreversible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once approved, these cannot be undone:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note for the owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional, e.g. “same parent, two email addresses”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposing to merge %1 into %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approving merges them now: first in Concord&apos;s identity map (Undo merge can restore it), then in QuickBooks and HubSpot. Proposed by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These cannot be undone — not by Undo merge, not by anyone:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A person can reverse these later, in that system:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I understand that these changes in QuickBooks and HubSpot are permanent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note for the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve and merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merging %1 into %2: Concord first, then QuickBooks and HubSpot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep %1 and %2 apart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is changed in any system. Say why, for %1 and the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the merge is rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required, e.g. “two siblings with one parent email”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejecting the proposal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo merging %1 into %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only Concord&apos;s identity map is restored: the linked records go back to %1, %1 becomes an active client again, and %2 gets back its name as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is reversed in QuickBooks or HubSpot. These stay as they are:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of these, nobody can undo:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A person can reverse them in QuickBooks or HubSpot if needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo in Concord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undoing the merge in Concord…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Concord::Ui::DashboardChartCard</name>
    <message>
        <source>%1M</source>
        <extracomment>Compact axis label in millions, e.g. &quot;$1.5M&quot;</extracomment>
        <translation type="unfinished">%1&#xa0;: {1M?}</translation>
    </message>
    <message>
        <source>%1k</source>
        <extracomment>Compact axis label in thousands, e.g. &quot;$12k&quot;</extracomment>
        <translation type="unfinished">%1&#xa0;: {1k?}</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What clients owe and how old it is, what was invoiced and collected each month, and how the sync is doing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished">Actualiser</translation>
    </message>
    <message>
        <source>Refresh the dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read balances and sync health again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation type="unfinished">Masquer ce message</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients blocked from booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balances by client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All clients</source>
        <translation type="unfinished">Tous les clients</translation>
    </message>
    <message>
        <source>Blocked from booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a client by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block &amp;thresholds…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the booking block thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished">Chargement…</translation>
    </message>
    <message>
        <source>The dashboard could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of %1</source>
        <extracomment>%1 = date and time the figures were read</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n open invoices</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No open invoices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past the due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing past due</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Oldest due %n days ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Everyone is up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New bookings declined or held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to show: the dashboard could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln clients</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln clients</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No client owes anything and nobody is blocked from booking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client matches the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue clients are marked amber, blocked ones red; the tooltip says why. Enter or double-click opens a client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n open invoices in other currencies are not included in these figures.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Change the overdue balance above which a client&apos;s new bookings are declined or held (invoice policies)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the booking block thresholds. Only a bookkeeper or owner can change them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Concord::Ui::DashboardSyncHealth</name>
    <message>
        <source>Sync health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How fast changes reach the other systems, what waits, and each connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency, last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished">en attente</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;retry queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the retry queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished">Connexions</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished">inconnu</translation>
    </message>
    <message>
        <source>The authorization expires %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concord does not know when this authorization expires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>QuickBooks authorizations roll every %n days: reconnect before then.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 authorization: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; %1</source>
        <extracomment>Latency target, e.g. &quot;&lt; 1 min&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing carried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no promise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>within target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: median %2, 95th percentile %3, target %4, %5</source>
        <extracomment>Screen reader summary of one latency row</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50: half of the changes arrived within this time; p95: all but the slowest 5 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n failed changes wait for a person.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing waits for a person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the retry queue to retry, fix or dismiss changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can look at the retry queue; only an owner or office manager can act on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished">%1&#xa0;s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished">%1&#xa0;min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished">%1&#xa0;h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation type="unfinished">Rendez-vous</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation type="unfinished">Factures</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished">Clients</translation>
    </message>
    <message>
        <source>Other changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token expired on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token expires today</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Token expires in %n days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::DashboardTile</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished">%1, %2</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::DiscountRuleDialog</name>
    <message>
        <source>A percentage</source>
        <translation>Un pourcentage</translation>
    </message>
    <message>
        <source>A fixed amount</source>
        <translation>Un montant fixe</translation>
    </message>
    <message>
        <source>Use this rule</source>
        <translation>Utiliser cette règle</translation>
    </message>
    <message>
        <source>Add discount rule</source>
        <translation>Ajouter une règle de remise</translation>
    </message>
    <message>
        <source>Edit discount rule</source>
        <translation>Modifier la règle de remise</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Remise</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Kind of discount</source>
        <translation>Type de remise</translation>
    </message>
    <message>
        <source>e.g. 10 or 12.5</source>
        <translation>ex.&#xa0;: 10 ou 12.5</translation>
    </message>
    <message>
        <source>Percentage</source>
        <translation>Pourcentage</translation>
    </message>
    <message>
        <source>Discount percentage</source>
        <translation>Pourcentage de remise</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>ex.&#xa0;: %1</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Discount amount in %1</source>
        <translation>Montant de la remise en %1</translation>
    </message>
    <message>
        <source>As the invoice line should read, e.g. Sibling discount</source>
        <translation>Libellé de la ligne de facture, ex.&#xa0;: Remise fratrie</translation>
    </message>
    <message>
        <source>On the invoice</source>
        <translation>Sur la facture</translation>
    </message>
    <message>
        <source>Discount description on the invoice</source>
        <translation>Libellé de la remise sur la facture</translation>
    </message>
    <message>
        <source>QuickBooks applies the discount to the invoice; Concord only picks the rule.</source>
        <translation>QuickBooks applique la remise à la facture&#xa0;; Concord ne fait que choisir la règle.</translation>
    </message>
    <message>
        <source>When rules overlap</source>
        <translation>Si plusieurs règles s&apos;appliquent</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Type the percentage.</source>
        <translation>Saisissez le pourcentage.</translation>
    </message>
    <message>
        <source>Type the amount.</source>
        <translation>Saisissez le montant.</translation>
    </message>
    <message>
        <source>Say how the discount should read on the invoice.</source>
        <translation>Indiquez le libellé de la remise sur la facture.</translation>
    </message>
    <message>
        <source>Another rule has the same scope and priority (%1). The older one wins: give one of them a higher priority.</source>
        <translation>Une autre règle a la même portée et la même priorité (%1). La plus ancienne l&apos;emporte&#xa0;: donnez une priorité plus élevée à l&apos;une des deux.</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::DiscountRulesModel</name>
    <message>
        <source>Applies to</source>
        <translation>S&apos;applique à</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Remise</translation>
    </message>
    <message>
        <source>On the invoice</source>
        <translation>Sur la facture</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Edited by</source>
        <translation>Modifiée par</translation>
    </message>
    <message>
        <source>Edited at</source>
        <translation>Modifiée le</translation>
    </message>
    <message>
        <source>The discount line&apos;s description on the QuickBooks invoice</source>
        <translation>Libellé de la ligne de remise sur la facture QuickBooks</translation>
    </message>
    <message>
        <source>Breaks ties between equally specific rules: higher first</source>
        <translation>Départage les règles de même spécificité&#xa0;: la plus élevée d&apos;abord</translation>
    </message>
    <message>
        <source>When the rule last changed, in this computer&apos;s time zone</source>
        <translation>Date de la dernière modification de la règle, dans le fuseau horaire de cet ordinateur</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::DuplicateComparisonView</name>
    <message>
        <source>Choose a pair on the left to compare the two records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 · %3</source>
        <extracomment>One piece of evidence: &quot;✓ same email · strong&quot;</extracomment>
        <translation type="unfinished">%1 · %3 {1 %2 ?}</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n linked records</source>
        <extracomment>Under a client&apos;s name in the comparison: &quot;3 linked records&quot;</extracomment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Concord id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the record of %1; the other merges into it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Survives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged into it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep %1 %2 from %3</source>
        <extracomment>&quot;Keep email dana@example.com from Dana Whitfield&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 kept: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also compared:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matcher: %1</source>
        <extracomment>The duplicate matcher&apos;s own sentence about a pair</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QuickBooks customer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Concord::Ui::DuplicateListModel</name>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished">%1, %2</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Likely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Concord::Ui::DuplicateMergeDraft</name>
    <message>
        <source>keep %1&apos;s record</source>
        <extracomment>Undo history entry, e.g. &quot;Undo keep Dana Whitfield&apos;s record&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep %1 “%2”</source>
        <extracomment>Undo history entry, e.g. &quot;Undo keep email “dana@example.com”&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Concord::Ui::FieldMappingModel</name>
    <message>
        <source>Add a field mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove %n field mappings</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With QuickBooks in it, this row becomes a billing-side mapping, which only %1 can change: choose Cal.com or HubSpot instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without QuickBooks in it, this row becomes a booking-side mapping, which only %1 can change: keep QuickBooks as its source or target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <extracomment>Column: whether the mapping is switched on</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values</source>
        <extracomment>Column: the kind of values the field holds</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <extracomment>Column: the system the value is read from</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <extracomment>Column: the system the value is written to</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System of record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (needs: %2)</source>
        <extracomment>A transform that does not fit the field: &quot;e164 (needs a Phone number)&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a transform Concord knows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a Concord field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New: not applied yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished">inconnu</translation>
    </message>
    <message>
        <source>Last changed by %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (changed here, not applied yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; holds: %2. Its transform must accept that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The one system whose value of &apos;%1&apos; is right. Concord carries it from there and never writes it back into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch off %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the field of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change where %1 is read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change where %1 is written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the system of record of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the source path of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the target path of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the transform of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether Concord carries this field now (a switched-off row is still checked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kind of values the field holds: the transform must accept them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the value is read in the source system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the value is written in the target system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the value is turned into what the target expects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The one system whose value is right: every row of a field names the same one</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Concord::Ui::IdentityMapModel</name>
    <message>
        <source>not linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ %1</source>
        <extracomment>A linked record in the identity map: a check mark and the record&apos;s id</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 +%2</source>
        <extracomment>&quot;✓ ana@example.org +1&quot;: one more record of the same client in that system</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 is linked to this client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished">%1 %2</translation>
    </message>
    <message>
        <source>%1, %2% sure</source>
        <extracomment>&quot;matched by phone, 70% sure&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked by %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more records of this client in %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Concord id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Read by screen readers: &quot;HubSpot: 901&quot; / &quot;HubSpot: not linked&quot;</extracomment>
        <translation type="unfinished">%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished">Client</translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QuickBooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cal.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client&apos;s %1, or “not linked”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Concord::Ui::InvoicePoliciesModel</name>
    <message>
        <source>A client&apos;s own policy beats a service&apos;s, which beats the default.</source>
        <translation>La politique propre à un client l&apos;emporte sur celle d&apos;un service, qui l&apos;emporte sur la politique par défaut.</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1&#xa0;; %2</translation>
    </message>
    <message>
        <source>%1 when the client&apos;s overdue balance is above %2.</source>
        <translation>%1 lorsque le solde échu du client dépasse %2.</translation>
    </message>
    <message>
        <source>Bookings are never blocked for an overdue balance.</source>
        <translation>Les réservations ne sont jamais bloquées en raison d&apos;un solde échu.</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>S&apos;applique à</translation>
    </message>
    <message>
        <source>Invoicing</source>
        <translation>Facturation</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Acompte</translation>
    </message>
    <message>
        <source>Payment due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation>Annulation</translation>
    </message>
    <message>
        <source>Booking block</source>
        <translation>Blocage des réservations</translation>
    </message>
    <message>
        <source>Edited by</source>
        <translation>Modifiée par</translation>
    </message>
    <message>
        <source>Edited at</source>
        <translation>Modifiée le</translation>
    </message>
    <message>
        <source>Share of each invoice taken as a deposit</source>
        <translation>Part de chaque facture demandée en acompte</translation>
    </message>
    <message>
        <source>How long after the invoice date payment is due</source>
        <translation>Délai de paiement à compter de la date de facture</translation>
    </message>
    <message>
        <source>What happens to a client&apos;s new bookings when their overdue balance is above the amount shown</source>
        <translation>Ce qu&apos;il advient des nouvelles réservations d&apos;un client lorsque son solde échu dépasse le montant indiqué</translation>
    </message>
    <message>
        <source>When the policy last changed, in this computer&apos;s time zone</source>
        <translation>Date de la dernière modification de la politique, dans le fuseau horaire de cet ordinateur</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::InvoicePolicyDialog</name>
    <message>
        <source>Add invoice policy</source>
        <translation>Ajouter une politique de facturation</translation>
    </message>
    <message>
        <source>Edit invoice policy</source>
        <translation>Modifier la politique de facturation</translation>
    </message>
    <message>
        <source>A client&apos;s own policy beats a service&apos;s, which beats the default (any client, any service).</source>
        <translation>La politique propre à un client l&apos;emporte sur celle d&apos;un service, qui l&apos;emporte sur la politique par défaut (tout client, tout service).</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Factures</translation>
    </message>
    <message>
        <source>Invoicing</source>
        <translation>Facturation</translation>
    </message>
    <message>
        <source>Monthly invoices</source>
        <translation>Factures mensuelles</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Share of each invoice taken as a deposit; leave empty for none.</source>
        <translation>Part de chaque facture demandée en acompte&#xa0;; laissez vide pour ne pas demander d&apos;acompte.</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Acompte</translation>
    </message>
    <message>
        <source>Deposit percentage</source>
        <translation>Pourcentage d&apos;acompte</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Due on receipt</source>
        <translation>À réception</translation>
    </message>
    <message>
        <source>Payment due after</source>
        <translation>Délai de paiement</translation>
    </message>
    <message>
        <source>Payment term in days</source>
        <translation>Délai de paiement en jours</translation>
    </message>
    <message>
        <source>Cancellations</source>
        <translation>Annulations</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Politique</translation>
    </message>
    <message>
        <source>Cancellation policy</source>
        <translation>Politique d&apos;annulation</translation>
    </message>
    <message>
        <source> hours before the session</source>
        <translation> heures avant la séance</translation>
    </message>
    <message>
        <source>Late if canceled under</source>
        <translation>Annulation tardive à moins de</translation>
    </message>
    <message>
        <source>Late cancellation window in hours</source>
        <translation>Délai d&apos;annulation tardive en heures</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>ex.&#xa0;: %1</translation>
    </message>
    <message>
        <source>Late fee</source>
        <translation>Frais d&apos;annulation</translation>
    </message>
    <message>
        <source>Late cancellation fee in %1</source>
        <translation>Frais d&apos;annulation tardive en %1</translation>
    </message>
    <message>
        <source>Booking block</source>
        <translation>Blocage des réservations</translation>
    </message>
    <message>
        <source>Never block</source>
        <translation>Ne jamais bloquer</translation>
    </message>
    <message>
        <source>New bookings are held or declined when the client&apos;s overdue balance is above this; leave empty to never block.</source>
        <translation>Les nouvelles réservations sont mises en attente ou refusées lorsque le solde échu du client dépasse ce montant&#xa0;; laissez vide pour ne jamais bloquer.</translation>
    </message>
    <message>
        <source>Overdue balance above</source>
        <translation>Solde échu supérieur à</translation>
    </message>
    <message>
        <source>Overdue balance threshold in %1</source>
        <translation>Seuil de solde échu en %1</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Alors</translation>
    </message>
    <message>
        <source>What happens to new bookings</source>
        <translation>Sort des nouvelles réservations</translation>
    </message>
    <message>
        <source>A blocked client is flagged on the dashboard. Payment reminders stay with QuickBooks.</source>
        <translation>Un client bloqué est signalé sur le tableau de bord. Les relances de paiement restent gérées par QuickBooks.</translation>
    </message>
    <message>
        <source>%1 already has a policy: edit that one instead.</source>
        <translation>Il existe déjà une politique pour %1&#xa0;: modifiez plutôt celle-ci.</translation>
    </message>
    <message>
        <source>Type the late-cancellation fee.</source>
        <translation>Saisissez les frais d&apos;annulation tardive.</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::InvoicesModel</name>
    <message>
        <source>Id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in QuickBooks yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late-cancellation fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished">%1 · %2</translation>
    </message>
    <message>
        <source>Fee for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n sessions</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 deals linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (+%2 more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QuickBooks invoice id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · booking %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished">Client</translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All systems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation type="unfinished">Facture</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::InvoicesPage</name>
    <message>
        <source>Invoices</source>
        <translation type="unfinished">Factures</translation>
    </message>
    <message>
        <source>Each QuickBooks invoice beside the Cal.com sessions it bills and their HubSpot deals; where they disagree, the row is marked and says why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoices in QuickBooks, Cal.com and HubSpot</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln invoices</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No invoices dated from %1 to %2. Choose other days above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice %1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>late-cancellation fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total %1 · balance %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer&apos;s link: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished">%1 · %2</translation>
    </message>
    <message>
        <source>No deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No session is on this invoice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deal: no session is on this invoice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Concord::Ui::MainWindow</name>
    <message>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>A&amp;ffichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Concord</source>
        <translation>À &amp;propos de Concord</translation>
    </message>
    <message>
        <source>Opening the store…</source>
        <translation>Ouverture de la base de données…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Base de données&#xa0;: %1</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Un problème est survenu&#xa0;: %1</translation>
    </message>
    <message>
        <source>Retry queue</source>
        <translation>File des reprises</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Connecté en tant que %1</translation>
    </message>
    <message>
        <source>Tax and invoicing</source>
        <translation>Taxes et facturation</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished">Clients</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation type="unfinished">Rendez-vous</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation type="unfinished">Factures</translation>
    </message>
    <message>
        <source>Mappings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store</source>
        <translation type="unfinished">Base de données</translation>
    </message>
    <message>
        <source>No web browser could open %1</source>
        <extracomment>Status bar: no web browser could be started; the address can be copied by hand</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1 · %2</source>
        <extracomment>Status bar: a change the sync engine carried, &quot;&lt;what&gt; · &lt;record&gt;&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not carried: %1 · %2: %3</source>
        <extracomment>Status bar: a change not carried, &quot;&lt;what&gt; · &lt;record&gt;: &lt;cause in words&gt;&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Concord::Ui::MappingText</name>
    <message>
        <source>Cal.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QuickBooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decimal number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount of money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount in cents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation type="unfinished">Rendez-vous</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partially paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the deal to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close open tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no field)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <extracomment>A field mapping: &quot;email: HubSpot → QuickBooks&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 → %3</source>
        <extracomment>A status mapping: &quot;Payment · Paid → Move the deal to&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an owner</source>
        <translation type="unfinished">un propriétaire</translation>
    </message>
    <message>
        <source>owner</source>
        <translation type="unfinished">propriétaire</translation>
    </message>
    <message>
        <source>an office manager</source>
        <translation type="unfinished">un responsable administratif</translation>
    </message>
    <message>
        <source>office manager</source>
        <translation type="unfinished">responsable administratif</translation>
    </message>
    <message>
        <source>a bookkeeper</source>
        <translation type="unfinished">un comptable</translation>
    </message>
    <message>
        <source>bookkeeper</source>
        <translation type="unfinished">comptable</translation>
    </message>
    <message>
        <source>a viewer</source>
        <translation type="unfinished">un lecteur</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation type="unfinished">lecteur</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation type="unfinished">personne</translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished">, </translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <extracomment>Joins role names: &quot;an office manager, bookkeeper or owner&quot;</extracomment>
        <translation type="unfinished">%1 ou %2</translation>
    </message>
    <message>
        <source>billing-side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>booking-side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 can change mappings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a billing-side mapping (it touches QuickBooks or payments): only %1 can change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a booking-side mapping (appointments, contacts): only %1 can change it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Concord::Ui::MappingsPage</name>
    <message>
        <source>Discard and reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mappings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which fields Concord carries between Cal.com, HubSpot and QuickBooks, which system owns each, and what a status does in HubSpot. Edits take effect together when you apply them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished">Recharger</translation>
    </message>
    <message>
        <source>Read the mappings as they are stored now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the mappings as they are stored now; asks before dropping your edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;pply changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each row carries one field from one system into another. A field has one system of record: Concord reads it there and never writes it back into it. Double-click a cell to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What an appointment or payment status does in HubSpot: move the deal to a stage of the pipeline, create a task for the deal&apos;s owner, or close the open tasks. Double-click a cell to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a field mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a status mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected field mappings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected status mappings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field mappings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status mappings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems: every field has one system of record, every transform fits its field&apos;s values, and every status does something HubSpot can do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount of money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QuickBooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation type="unfinished">Rendez-vous</translation>
    </message>
    <message>
        <source>Partially paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the deal to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mappings were changed meanwhile (by someone else, or by Concord). Your edits are kept and not applied; Reload shows the current mappings (your edits are dropped, so note them first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can look at the mappings but not change them: only %1 can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can change booking-side mappings. Billing-side ones (those touching QuickBooks, and payment statuses) are read-only for you: only %1 can change them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can change billing-side mappings (those touching QuickBooks, and payment statuses). The others are read-only for you: only %1 can change them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying your changes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied; loading the stored mappings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes not applied yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished">Chargement…</translation>
    </message>
    <message>
        <source>Undo: %1 (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo: %1 (Ctrl+Shift+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the answer to the last apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to apply: no changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the problems marked in red first (listed below the table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save all your changes together; if any cannot be saved, none is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo every change not applied yet (Redo brings them back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a field mapping (then choose its field)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a status mapping (then choose its status and action)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the rows to remove first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected rows (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, row %2 (%3): %4</source>
        <extracomment>A problem: &quot;Fields, row 3 (phone: HubSpot → QuickBooks): The transform …&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be fixed before applying. Click to show the row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A warning: applying is still possible. Click to show the row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems: %1 to fix before applying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems: %1 to consider (applying is still possible)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems: %1 to fix before applying, %2 to consider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your changes were applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Your edits are still here and nothing was applied.</source>
        <extracomment>After why an apply failed: the person&apos;s work is not lost.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard your changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have changes that are not applied yet (%1). Reloading shows the mappings as they are stored now and drops them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Concord::Ui::MonthlyChartCard</name>
    <message>
        <source>Invoiced vs collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoiced and collected per month chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished">Chargement…</translation>
    </message>
    <message>
        <source>%1: invoiced %2, collected %3</source>
        <extracomment>%1 = month and year, %2 = amount invoiced, %3 = amount collected</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <extracomment>%1 = first month, %2 = last month (&quot;April 2025 – March 2026&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No invoices or payments yet in these 12 months. Bars appear here as QuickBooks invoices and payments are synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2: %3</source>
        <extracomment>Tooltip: &quot;March 2026 · Invoiced: $130.00&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · invoiced %2, collected %3</source>
        <extracomment>%1 = period, %2 = total invoiced, %3 = total collected</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Concord::Ui::OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>Vue d’ensemble</translation>
    </message>
    <message>
        <source>The store Concord keeps, what it holds, and how each connected system is doing.</source>
        <translation>La base de données de Concord, ce qu&apos;elle contient, et l&apos;état de chaque système connecté.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Read the store&apos;s status again (F5)</source>
        <translation>Relire l&apos;état de la base de données (F5)</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Ouverture…</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Moteur</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>Version du schéma</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Factures</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Changes waiting to be sent</source>
        <translation>Modifications en attente d&apos;envoi</translation>
    </message>
    <message>
        <source>Failed changes needing a person</source>
        <translation>Échecs à traiter manuellement</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>Entrées du journal d&apos;audit</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>Not open</source>
        <translation>Non ouverte</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Shown once the store is open.</source>
        <translation>Affiché une fois la base de données ouverte.</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::RecordsPageBase</name>
    <message>
        <source>Refresh</source>
        <translation type="unfinished">Actualiser</translation>
    </message>
    <message>
        <source>Read the records again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the dates shown again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the records of these days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the records of these days (both included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client, service, invoice, deal, reason…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only &amp;disagreements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only records where the systems disagree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a row to see the record in each system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in &amp;retry queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the change in the retry queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 in these days (by date). Choose fewer days to see the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished">Chargement…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln disagree</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing read yet: choose the days and press Show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No disagreements in these days: the three systems agree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing shown matches “%1”%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> among the disagreements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: the three systems agree on this record, as far as Concord knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show “%1”</source>
        <translation type="unfinished">Afficher «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Nothing to open: no %1 record is linked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concord does not know the HubSpot account (portal) id, so it cannot build the link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concord does not know the QuickBooks company id, so it cannot build the link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This Cal.com is self-hosted: Concord does not know its web address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No change for this record waits or failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open change #%1 in the retry queue to retry, edit or dismiss it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look at change #%1 in the retry queue. %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Concord::Ui::RecordsPageModel</name>
    <message>
        <source>Disagreements:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished">Ouverte</translation>
    </message>
    <message>
        <source>Deposit paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change waits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished">%1 · %2</translation>
    </message>
    <message>
        <source>Concord has sent nothing here for this record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every change was carried (last on %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every change was carried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change waits to be sent (change #%1, queued %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change failed and waits for a person (change #%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Concord::Ui::RetryQueueModel</name>
    <message>
        <source>%1
Job #%2: %3</source>
        <extracomment>Tooltip of the &quot;What&quot; cell: the words, then the job&apos;s number and raw operation name</extracomment>
        <translation>%1
Modification n°&#xa0;%2&#xa0;: %3</translation>
    </message>
    <message>
        <source>Queued %1</source>
        <translation>Mise en file le %1</translation>
    </message>
    <message>
        <source>Next try %1</source>
        <translation>Prochain essai le %1</translation>
    </message>
    <message>
        <source>Last change %1</source>
        <translation>Dernière mise à jour le %1</translation>
    </message>
    <message numerus="yes">
        <source>%n attempts</source>
        <translation>
            <numerusform>%n tentative</numerusform>
            <numerusform>%n tentatives</numerusform>
        </translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>État&#xa0;: %1</translation>
    </message>
    <message>
        <source>Next try or age: %1</source>
        <translation>Prochain essai ou ancienneté&#xa0;: %1</translation>
    </message>
    <message>
        <source>No request id</source>
        <translation>Aucun ID de requête</translation>
    </message>
    <message>
        <source>Request id %1</source>
        <translation>ID de requête %1</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Opération</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>Next try / age</source>
        <translation>Prochain essai / ancienneté</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>ID de requête</translation>
    </message>
    <message>
        <source>The system the change is for</source>
        <translation>Le système auquel la modification est destinée</translation>
    </message>
    <message>
        <source>What Concord was asked to do there</source>
        <translation>Ce que Concord doit y faire</translation>
    </message>
    <message>
        <source>The record in Concord the change is about</source>
        <translation>L&apos;enregistrement de Concord concerné par la modification</translation>
    </message>
    <message>
        <source>How many times Concord has tried to send it</source>
        <translation>Nombre de fois où Concord a tenté de l&apos;envoyer</translation>
    </message>
    <message>
        <source>Why it has not been carried yet; hover a cell for the technical detail</source>
        <translation>Pourquoi elle n&apos;a pas encore été transmise&#xa0;; survolez une cellule pour voir les détails techniques</translation>
    </message>
    <message>
        <source>When Concord tries again, or how long the change has waited for a person</source>
        <translation>Quand Concord réessaiera, ou depuis combien de temps la modification attend une intervention</translation>
    </message>
    <message>
        <source>The remote system&apos;s id of the last request, for its support team</source>
        <translation>L&apos;ID attribué à la dernière requête par le système distant, pour son équipe d&apos;assistance</translation>
    </message>
    <message>
        <source>Find or create customer in QuickBooks</source>
        <translation>Trouver ou créer le client dans QuickBooks</translation>
    </message>
    <message>
        <source>Find or create contact in HubSpot</source>
        <translation>Trouver ou créer le contact dans HubSpot</translation>
    </message>
    <message>
        <source>Create or update deal in HubSpot</source>
        <translation>Créer ou mettre à jour la transaction dans HubSpot</translation>
    </message>
    <message>
        <source>Create follow-up task in HubSpot</source>
        <translation>Créer la tâche de suivi dans HubSpot</translation>
    </message>
    <message>
        <source>Complete follow-up task in HubSpot</source>
        <translation>Terminer la tâche de suivi dans HubSpot</translation>
    </message>
    <message>
        <source>Create invoice in QuickBooks</source>
        <translation>Créer la facture dans QuickBooks</translation>
    </message>
    <message>
        <source>Void invoice in QuickBooks</source>
        <translation>Annuler la facture dans QuickBooks</translation>
    </message>
    <message>
        <source>Create credit memo in QuickBooks</source>
        <translation>Créer l&apos;avoir dans QuickBooks</translation>
    </message>
    <message>
        <source>Create refund receipt in QuickBooks</source>
        <translation>Créer le reçu de remboursement dans QuickBooks</translation>
    </message>
    <message>
        <source>Save invoice PDF from QuickBooks</source>
        <translation>Enregistrer le PDF de la facture depuis QuickBooks</translation>
    </message>
    <message>
        <source>Cancel booking in Cal.com</source>
        <translation>Annuler la réservation dans Cal.com</translation>
    </message>
    <message>
        <source>Decline booking in Cal.com</source>
        <translation>Refuser la réservation dans Cal.com</translation>
    </message>
    <message>
        <source>Reschedule booking in Cal.com</source>
        <translation>Reprogrammer la réservation dans Cal.com</translation>
    </message>
    <message>
        <source>“%1” in %2</source>
        <extracomment>A job whose operation this version of Concord does not know: &quot;&lt;operation&gt; in &lt;system&gt;&quot;</extracomment>
        <translation>«&#xa0;%1&#xa0;» dans %2</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <source>Planned invoice</source>
        <translation>Facture prévue</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>A record: &quot;&lt;kind&gt; &lt;id&gt;&quot;, e.g. &quot;Appointment 12&quot;</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Will retry</source>
        <translation>Nouvel essai prévu</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envoi en cours</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>À traiter</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Ignorée</translation>
    </message>
    <message>
        <source>Concord could not reach %1.</source>
        <translation>Concord n&apos;a pas pu joindre %1.</translation>
    </message>
    <message>
        <source>%1 asked Concord to slow down.</source>
        <translation>%1 a demandé à Concord de ralentir.</translation>
    </message>
    <message>
        <source>%1 no longer accepts Concord&apos;s connection.</source>
        <translation>%1 n&apos;accepte plus la connexion de Concord.</translation>
    </message>
    <message>
        <source>Concord could not read the %1 credentials.</source>
        <translation>Concord n&apos;a pas pu lire les identifiants de %1.</translation>
    </message>
    <message>
        <source>The record changed in %1 at the same time.</source>
        <translation>L&apos;enregistrement a été modifié dans %1 au même moment.</translation>
    </message>
    <message>
        <source>%1 already has a record with this name.</source>
        <translation>%1 contient déjà un enregistrement portant ce nom.</translation>
    </message>
    <message>
        <source>%1 refused the data.</source>
        <translation>%1 a refusé les données.</translation>
    </message>
    <message>
        <source>The record no longer exists in %1.</source>
        <translation>L&apos;enregistrement n&apos;existe plus dans %1.</translation>
    </message>
    <message>
        <source>Concord failed while sending the change to %1.</source>
        <translation>Concord a échoué lors de l&apos;envoi de la modification à %1.</translation>
    </message>
    <message>
        <source>Not tried yet.</source>
        <translation>Aucune tentative pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Being sent now.</source>
        <translation>Envoi en cours.</translation>
    </message>
    <message>
        <source>Failed without a recorded cause.</source>
        <translation>Échec sans cause enregistrée.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur&#xa0;: %1</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>Statut HTTP&#xa0;: %1</translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation>ID de requête&#xa0;: %1</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>imminent</translation>
    </message>
    <message>
        <source>in %1</source>
        <extracomment>When a waiting job is tried next: &quot;in 12 min&quot;</extracomment>
        <translation>dans %1</translation>
    </message>
    <message>
        <source>sending now</source>
        <translation>envoi en cours</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>waiting %1</source>
        <extracomment>How long a failed job has waited for a person since it was queued: &quot;waiting 3 h&quot;</extracomment>
        <translation>en attente depuis %1</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminée</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>ignorée</translation>
    </message>
    <message>
        <source>%1 s</source>
        <extracomment>Short durations: seconds, minutes, hours, days</extracomment>
        <translation>%1&#xa0;s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1&#xa0;min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1&#xa0;h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1&#xa0;j</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::RetryQueuePage</name>
    <message>
        <source>Retry queue</source>
        <translation>File des reprises</translation>
    </message>
    <message>
        <source>Changes Concord could not carry yet, why, and what you can do about them. Every action asks first and is audited.</source>
        <translation>Les modifications que Concord n&apos;a pas encore pu transmettre, pourquoi, et ce que vous pouvez faire. Chaque action demande confirmation et est consignée dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Refresh the retry queue</source>
        <translation>Actualiser la file des reprises</translation>
    </message>
    <message>
        <source>Read the queue again</source>
        <translation>Relire la file</translation>
    </message>
    <message>
        <source>Retry &amp;all shown</source>
        <translation>&amp;Tout réessayer</translation>
    </message>
    <message>
        <source>Retry all shown changes</source>
        <translation>Réessayer toutes les modifications affichées</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Masquer ce message</translation>
    </message>
    <message>
        <source>System filter</source>
        <translation>Filtre par système</translation>
    </message>
    <message>
        <source>Show the changes for one system</source>
        <translation>Afficher les modifications d&apos;un seul système</translation>
    </message>
    <message>
        <source>Any system</source>
        <translation>Tous les systèmes</translation>
    </message>
    <message>
        <source>State filter</source>
        <translation>Filtre par état</translation>
    </message>
    <message>
        <source>Changes that wait for a person, or that Concord retries on its own</source>
        <translation>Modifications qui attendent une intervention, ou que Concord réessaie de lui-même</translation>
    </message>
    <message>
        <source>All changes</source>
        <translation>Toutes les modifications</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>À traiter</translation>
    </message>
    <message>
        <source>Waiting to retry</source>
        <translation>En attente de nouvel essai</translation>
    </message>
    <message>
        <source>Age filter</source>
        <translation>Filtre par ancienneté</translation>
    </message>
    <message>
        <source>Only changes queued longer ago than this</source>
        <translation>Uniquement les modifications mises en file depuis plus longtemps que cela</translation>
    </message>
    <message>
        <source>Any age</source>
        <translation>Toute ancienneté</translation>
    </message>
    <message>
        <source>Older than 1 hour</source>
        <translation>Plus d&apos;une heure</translation>
    </message>
    <message>
        <source>Older than 24 hours</source>
        <translation>Plus de 24&#xa0;heures</translation>
    </message>
    <message>
        <source>Older than 7 days</source>
        <translation>Plus de 7&#xa0;jours</translation>
    </message>
    <message>
        <source>Search the retry queue</source>
        <translation>Rechercher dans la file des reprises</translation>
    </message>
    <message>
        <source>Cause, record, request id…</source>
        <translation>Cause, enregistrement, ID de requête…</translation>
    </message>
    <message>
        <source>&amp;System:</source>
        <translation>&amp;Système&#xa0;:</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>Affic&amp;her&#xa0;:</translation>
    </message>
    <message>
        <source>A&amp;ge:</source>
        <translation>A&amp;ncienneté&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>R&amp;echercher&#xa0;:</translation>
    </message>
    <message>
        <source>Changes in the retry queue</source>
        <translation>Modifications de la file des reprises</translation>
    </message>
    <message>
        <source>Show “%1”</source>
        <translation>Afficher «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Retry the selected changes</source>
        <translation>Réessayer les modifications sélectionnées</translation>
    </message>
    <message>
        <source>&amp;Edit and retry…</source>
        <translation>&amp;Modifier et réessayer…</translation>
    </message>
    <message>
        <source>Edit the data and retry</source>
        <translation>Modifier les données et réessayer</translation>
    </message>
    <message>
        <source>&amp;Link to existing record…</source>
        <translation>&amp;Lier à un enregistrement existant…</translation>
    </message>
    <message>
        <source>Link to an existing record</source>
        <translation>Lier à un enregistrement existant</translation>
    </message>
    <message>
        <source>&amp;Dismiss…</source>
        <translation>&amp;Ignorer…</translation>
    </message>
    <message>
        <source>Dismiss the change</source>
        <translation>Ignorer la modification</translation>
    </message>
    <message>
        <source>Select a change to see why it waits and what Concord would send.</source>
        <translation>Sélectionnez une modification pour voir pourquoi elle est en attente et ce que Concord enverrait.</translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation>Problème rencontré</translation>
    </message>
    <message>
        <source>Technical detail</source>
        <translation>Détails techniques</translation>
    </message>
    <message>
        <source>No technical detail recorded.</source>
        <translation>Aucun détail technique enregistré.</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>ID de requête</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>aucun enregistré</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copy the request id</source>
        <translation>Copier l&apos;ID de requête</translation>
    </message>
    <message>
        <source>Copy the request id, for the remote system&apos;s support team</source>
        <translation>Copier l&apos;ID de requête, pour l&apos;équipe d&apos;assistance du système distant</translation>
    </message>
    <message>
        <source>Data Concord sends, as JSON</source>
        <translation>Données envoyées par Concord, au format JSON</translation>
    </message>
    <message>
        <source>No data: the change carries none.</source>
        <translation>Aucune donnée&#xa0;: cette modification n&apos;en transporte pas.</translation>
    </message>
    <message>
        <source>Request id:</source>
        <translation>ID de requête&#xa0;:</translation>
    </message>
    <message>
        <source>Data Concord sends</source>
        <translation>Données envoyées par Concord</translation>
    </message>
    <message>
        <source>#%1: %2</source>
        <translation>n°&#xa0;%1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>Retried %n changes: Concord sends them now.</source>
        <translation>
            <numerusform>%n modification relancée&#xa0;: Concord l&apos;envoie maintenant.</numerusform>
            <numerusform>%n modifications relancées&#xa0;: Concord les envoie maintenant.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>et %n autre</numerusform>
            <numerusform>et %n autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retried %1 of %Ln changes. Not retried:</source>
        <extracomment>After a bulk retry: &quot;Retried 2 of 3 changes. Not retried:&quot; then one line per refused job</extracomment>
        <translation>
            <numerusform>Modification relancée&#xa0;: %1 sur %Ln. Non relancée&#xa0;:</numerusform>
            <numerusform>Modifications relancées&#xa0;: %1 sur %Ln. Non relancées&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>Concord is sending this change right now; wait for the result.</source>
        <translation>Concord est en train d&apos;envoyer cette modification&#xa0;; attendez le résultat.</translation>
    </message>
    <message>
        <source>This change was already carried.</source>
        <translation>Cette modification a déjà été transmise.</translation>
    </message>
    <message>
        <source>A HubSpot deal is built from the appointment, not from this data: correct the appointment and retry, or link the existing deal.</source>
        <translation>Une transaction HubSpot est construite à partir du rendez-vous, et non de ces données&#xa0;: corrigez le rendez-vous et réessayez, ou liez la transaction existante.</translation>
    </message>
    <message>
        <source>A dismissed change cannot be linked; retry it first.</source>
        <translation>Une modification ignorée ne peut pas être liée&#xa0;; réessayez-la d&apos;abord.</translation>
    </message>
    <message>
        <source>This kind of change creates nothing that could be linked: retry or dismiss it.</source>
        <translation>Ce type de modification ne crée rien qui puisse être lié&#xa0;: réessayez-la ou ignorez-la.</translation>
    </message>
    <message>
        <source>This change is already dismissed.</source>
        <translation>Cette modification est déjà ignorée.</translation>
    </message>
    <message>
        <source>an owner</source>
        <translation>un propriétaire</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>propriétaire</translation>
    </message>
    <message>
        <source>an office manager</source>
        <translation>un responsable administratif</translation>
    </message>
    <message>
        <source>office manager</source>
        <translation>responsable administratif</translation>
    </message>
    <message>
        <source>a bookkeeper</source>
        <translation>un comptable</translation>
    </message>
    <message>
        <source>bookkeeper</source>
        <translation>comptable</translation>
    </message>
    <message>
        <source>a viewer</source>
        <translation>un lecteur</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>lecteur</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <extracomment>Joins role names: &quot;an owner, bookkeeper or office manager&quot;</extracomment>
        <translation>%1 ou %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Only %1 can retry failed syncs.</source>
        <translation>Seul %1 peut réessayer les synchronisations en échec.</translation>
    </message>
    <message>
        <source>Only %1 can edit and retry failed syncs.</source>
        <translation>Seul %1 peut modifier et réessayer les synchronisations en échec.</translation>
    </message>
    <message>
        <source>Only %1 can link failed syncs to existing records.</source>
        <translation>Seul %1 peut lier les synchronisations en échec à des enregistrements existants.</translation>
    </message>
    <message>
        <source>Only %1 can dismiss failed syncs.</source>
        <translation>Seul %1 peut ignorer les synchronisations en échec.</translation>
    </message>
    <message>
        <source>QuickBooks customer id</source>
        <translation>ID de client QuickBooks</translation>
    </message>
    <message>
        <source>HubSpot contact id</source>
        <translation>ID de contact HubSpot</translation>
    </message>
    <message>
        <source>HubSpot deal id</source>
        <translation>ID de transaction HubSpot</translation>
    </message>
    <message>
        <source>QuickBooks invoice id</source>
        <translation>ID de facture QuickBooks</translation>
    </message>
    <message>
        <source>HubSpot task id</source>
        <translation>ID de tâche HubSpot</translation>
    </message>
    <message>
        <source>Enter the data as a JSON object: { &quot;name&quot;: value, … }.</source>
        <translation>Saisissez les données sous forme d&apos;objet JSON&#xa0;: { &quot;name&quot;: value, … }.</translation>
    </message>
    <message>
        <source>This is not valid JSON: %1 at line %2, column %3.</source>
        <translation>Ce JSON n&apos;est pas valide&#xa0;: %1 à la ligne %2, colonne %3.</translation>
    </message>
    <message>
        <source>The data must be one JSON object ({ … }), not a list or a single value.</source>
        <translation>Les données doivent former un seul objet JSON ({ … }), et non une liste ou une valeur isolée.</translation>
    </message>
    <message>
        <source>Concord could not send this: %1.</source>
        <translation>Concord ne pourrait pas envoyer ces données&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Retry this change now?</source>
        <translation>Réessayer cette modification maintenant&#xa0;?</translation>
    </message>
    <message>
        <source>%1 · %2

Concord sends it again at once. The retry is recorded in the audit log.</source>
        <translation>%1 · %2

Concord la renvoie immédiatement. La relance est consignée dans le journal d&apos;audit.</translation>
    </message>
    <message numerus="yes">
        <source>Retry %n changes now?</source>
        <translation>
            <numerusform>Réessayer %n modification maintenant&#xa0;?</numerusform>
            <numerusform>Réessayer ces %n modifications maintenant&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>Each change is retried on its own: one that cannot be retried does not hold back the others. Every retry is recorded in the audit log.</source>
        <translation>Chaque modification est relancée séparément&#xa0;: une modification qui ne peut pas l&apos;être ne bloque pas les autres. Chaque relance est consignée dans le journal d&apos;audit.</translation>
    </message>
    <message numerus="yes">
        <source>%n shown changes are being sent or already carried and are left alone.</source>
        <translation>
            <numerusform>%n modification affichée est en cours d&apos;envoi ou déjà transmise&#xa0;; elle est laissée de côté.</numerusform>
            <numerusform>%n modifications affichées sont en cours d&apos;envoi ou déjà transmises&#xa0;; elles sont laissées de côté.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retry all %n changes shown?</source>
        <translation>
            <numerusform>Réessayer %n modification affichée&#xa0;?</numerusform>
            <numerusform>Réessayer les %n modifications affichées&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message numerus="yes">
        <source>Retrying %n changes…</source>
        <translation>
            <numerusform>Relance de %n modification…</numerusform>
            <numerusform>Relance de %n modifications…</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit and retry</source>
        <translation>Modifier et réessayer</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Correct the data Concord sends for this change; saving retries it at once. The data before and after is kept in the audit log.</source>
        <translation>Corrigez les données que Concord envoie pour cette modification&#xa0;; elle est relancée dès que vous enregistrez. Les données avant et après sont conservées dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Data to send, as JSON</source>
        <translation>Données à envoyer, au format JSON</translation>
    </message>
    <message>
        <source>&amp;Data (JSON):</source>
        <translation>&amp;Données (JSON)&#xa0;:</translation>
    </message>
    <message>
        <source>Save and retry</source>
        <translation>Enregistrer et réessayer</translation>
    </message>
    <message>
        <source>Unchanged: edit the data first, or use Retry to send it as it is.</source>
        <translation>Données inchangées&#xa0;: modifiez-les d&apos;abord, ou utilisez «&#xa0;Réessayer&#xa0;» pour les envoyer telles quelles.</translation>
    </message>
    <message>
        <source>Saving the edited data of change #%1 and retrying it…</source>
        <translation>Enregistrement des données corrigées de la modification n°&#xa0;%1 et nouvel essai…</translation>
    </message>
    <message>
        <source>Link to existing record</source>
        <translation>Lier à un enregistrement existant</translation>
    </message>
    <message>
        <source>If %1 already has this record, link it instead of creating another one. The change is then marked done and nothing is sent. The link is recorded in the audit log.</source>
        <translation>Si %1 contient déjà cet enregistrement, liez-le au lieu d&apos;en créer un autre. La modification est alors marquée comme terminée et rien n&apos;est envoyé. Le lien est consigné dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <source>As %1 shows it</source>
        <translation>Tel qu&apos;affiché dans %1</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lier</translation>
    </message>
    <message>
        <source>%1:</source>
        <extracomment>Form label before a remote record id field, e.g. &quot;QuickBooks invoice id:&quot;</extracomment>
        <translation>%1&#xa0;:</translation>
    </message>
    <message>
        <source>Linking change #%1 to the existing record…</source>
        <translation>Liaison de la modification n°&#xa0;%1 à l&apos;enregistrement existant…</translation>
    </message>
    <message>
        <source>Dismiss change</source>
        <translation>Ignorer la modification</translation>
    </message>
    <message>
        <source>Concord stops trying to carry this change, and nothing is sent to %1. Say why: the reason is kept in the audit log.</source>
        <translation>Concord cesse d&apos;essayer de transmettre cette modification, et rien n&apos;est envoyé à %1. Indiquez pourquoi&#xa0;: le motif est conservé dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Reason for dismissing</source>
        <translation>Motif pour ignorer la modification</translation>
    </message>
    <message>
        <source>Required, e.g. “Entered by hand in %1”</source>
        <translation>Obligatoire, ex.&#xa0;: «&#xa0;Saisi à la main dans %1&#xa0;»</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
    <message>
        <source>Dismissing change #%1…</source>
        <translation>La modification n°&#xa0;%1 va être ignorée…</translation>
    </message>
    <message>
        <source>Available once the store is open.</source>
        <translation>Disponible une fois la base de données ouverte.</translation>
    </message>
    <message>
        <source>Select one change for this.</source>
        <translation>Sélectionnez une seule modification pour cette action.</translation>
    </message>
    <message>
        <source>Select a change first.</source>
        <translation>Sélectionnez d&apos;abord une modification.</translation>
    </message>
    <message>
        <source>None of the selected changes can be retried.</source>
        <translation>Aucune des modifications sélectionnées ne peut être relancée.</translation>
    </message>
    <message>
        <source>Send the selected changes again now</source>
        <translation>Renvoyer maintenant les modifications sélectionnées</translation>
    </message>
    <message>
        <source>Nothing shown can be retried.</source>
        <translation>Aucune modification affichée ne peut être relancée.</translation>
    </message>
    <message>
        <source>Retry every change the filters show, each on its own</source>
        <translation>Réessayer chaque modification affichée par les filtres, séparément</translation>
    </message>
    <message>
        <source>Correct the data Concord sends, then retry</source>
        <translation>Corriger les données envoyées par Concord, puis réessayer</translation>
    </message>
    <message>
        <source>%1 already has this record: link it instead of creating another</source>
        <translation>%1 contient déjà cet enregistrement&#xa0;: le lier au lieu d&apos;en créer un autre</translation>
    </message>
    <message>
        <source>Stop trying to carry this change (a reason is required)</source>
        <translation>Cesser d&apos;essayer de transmettre cette modification (un motif est obligatoire)</translation>
    </message>
    <message>
        <source>You can look, not act: %1</source>
        <translation>Consultation uniquement&#xa0;: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln changes</source>
        <translation>
            <numerusform>%1 sur %Ln modification</numerusform>
            <numerusform>%1 sur %Ln modifications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changes</source>
        <translation>
            <numerusform>%Ln modification</numerusform>
            <numerusform>%Ln modifications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln need attention</source>
        <translation>
            <numerusform>%1 · %Ln à traiter</numerusform>
            <numerusform>%1 · %Ln à traiter</numerusform>
        </translation>
    </message>
    <message>
        <source>The retry queue is shown once the store is open.</source>
        <translation>La file des reprises s&apos;affiche une fois la base de données ouverte.</translation>
    </message>
    <message>
        <source>Nothing waits for a person: every change was carried.</source>
        <translation>Rien n&apos;attend d&apos;intervention&#xa0;: toutes les modifications ont été transmises.</translation>
    </message>
    <message>
        <source>#%1 · %2 · %3</source>
        <extracomment>Detail pane headline: &quot;#&lt;job&gt; · &lt;what&gt; · &lt;record&gt;&quot;</extracomment>
        <translation>n°&#xa0;%1 · %2 · %3</translation>
    </message>
    <message numerus="yes">
        <source>%n attempts</source>
        <translation>
            <numerusform>%n tentative</numerusform>
            <numerusform>%n tentatives</numerusform>
        </translation>
    </message>
    <message>
        <source>queued %1</source>
        <translation>mise en file le %1</translation>
    </message>
    <message>
        <source>next try %1</source>
        <translation>prochain essai le %1</translation>
    </message>
    <message>
        <source>No problem recorded.</source>
        <translation>Aucun problème enregistré.</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::SettingsPage</name>
    <message>
        <source>an owner</source>
        <translation type="unfinished">un propriétaire</translation>
    </message>
    <message>
        <source>an office manager</source>
        <translation type="unfinished">un responsable administratif</translation>
    </message>
    <message>
        <source>a bookkeeper</source>
        <translation type="unfinished">un comptable</translation>
    </message>
    <message>
        <source>a viewer</source>
        <translation type="unfinished">un lecteur</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which accounts Concord keeps in agreement, where their APIs are, and who may do what.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished">Recharger</translation>
    </message>
    <message>
        <source>Read the connections and users again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished">Connexions</translation>
    </message>
    <message>
        <source>%1 connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the %1 base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test the %1 connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make one harmless request to %1 with the stored credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the page again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the %1 sign-in page again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If no browser window appeared, open the sign-in page again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel connecting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users and roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concord acts as the person signed in to this computer: each user is that computer account&apos;s name. The role decides what they may change; everyone may see everything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished">Utilisateurs</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the user&apos;s role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deactivate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate the user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 can connect services, change where they are, or manage users.</source>
        <extracomment>&quot;Only an owner can …&quot;; %1 lists the roles that may.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody</source>
        <translation type="unfinished">personne</translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoices, payments and QuickBooks customers stop syncing: new sessions are not invoiced and payments no longer reach the CRM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts, deals and follow-up tasks stop syncing with HubSpot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookings stop syncing from Cal.com: new, rescheduled and canceled sessions are no longer carried to HubSpot or invoiced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the address of the %1 API, e.g. https://…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a web address: it should start with https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain http is only allowed on this computer (127.0.0.1, ::1 or localhost): use https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address must start with https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address must not contain a user name or password: Concord keeps credentials in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address must not have a &apos;?&apos; or &apos;#&apos; part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address needs a host, e.g. https://api.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API addresses are saved in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read only until Concord knows who you are. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are signed in as %1 (%2). %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in less than a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>in %1</source>
        <extracomment>&quot;in 42 min&quot; / &quot;12 min ago&quot;</extracomment>
        <translation type="unfinished">dans %1</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired: connect again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set up for connecting: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QuickBooks company (realm) id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: connect through the browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh token expired %1 (%2): connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Refresh token expires in %n days (%1).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh token expires %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh token stored; its age is not known yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token expires %1; Concord renews it by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token: renewed by Concord when needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private-app token stored; it does not expire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key stored; it does not expire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished">%1 (%2)</translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect %1 in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the HubSpot private-app token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the %1 API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to %1 in your browser and allow Concord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the key %1 gave you; Concord checks it before keeping it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concord does not know who you are yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop syncing with %1 and remove its credentials from this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where Concord reaches the %1 API: production, a sandbox, or a local emulator. https only, except on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to save: this is the address in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this address in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to %1 in the browser window Concord opened and allow access. This page updates by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a person who uses Concord on this store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a user first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change %1&apos;s role or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;activate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reactivate the user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let %1 act in Concord again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 keeps their history but can no longer act in Concord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot private-app token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In HubSpot open Settings → Integrations → Private apps, choose Concord&apos;s app and copy its access token. Concord checks it with HubSpot before keeping it in this computer&apos;s keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In Cal.com open Settings → Developer → API keys and create a key for Concord. Concord checks it with Cal.com before keeping it in this computer&apos;s keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private-app token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check and save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concord removes its authorization from this computer&apos;s keychain and asks %1 to revoke it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concord removes the key from this computer&apos;s keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reactivate %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may act in Concord again as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 keeps their history in the audit log but can no longer act in Concord. You can reactivate them later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Concord::Ui::StatusMappingModel</name>
    <message>
        <source>Add a status mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove %n status mappings</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This row becomes a billing-side mapping (a payment status, or QuickBooks), which only %1 can change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This row becomes a booking-side mapping (an appointment status), which only %1 can change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <extracomment>Column: appointment or payment status</extracomment>
        <translation type="unfinished">Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In</source>
        <extracomment>Column: the system where the action happens</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does</source>
        <extracomment>Column: what the status does there</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage or task</source>
        <extracomment>Column: the deal stage or the task&apos;s subject</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the task&apos;s subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <extracomment>No value: the action needs none</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New: not applied yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished">inconnu</translation>
    </message>
    <message>
        <source>Last changed by %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (changed here, not applied yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot deal stage id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task&apos;s subject. Concord fills in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This action needs no value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An appointment status, from Cal.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A payment status, from QuickBooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the kind of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the status of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change where %1 acts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change what %1 does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the deal stage of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the task of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment statuses come from Cal.com, payment statuses from QuickBooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deals and tasks live in HubSpot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HubSpot deal stage, or the subject of the task to create</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Concord::Ui::StoreStatusText</name>
    <message>
        <source>%1 (this version of Concord knows up to %2)</source>
        <translation>%1 (cette version de Concord connaît jusqu&apos;à la %2)</translation>
    </message>
    <message>
        <source>Store not open</source>
        <translation>Base de données non ouverte</translation>
    </message>
    <message>
        <source>Store not open: %1</source>
        <translation>Base de données non ouverte&#xa0;: %1</translation>
    </message>
    <message>
        <source>schema %1</source>
        <translation>schéma %1</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::TaxRuleDialog</name>
    <message>
        <source>Use this rule</source>
        <translation>Utiliser cette règle</translation>
    </message>
    <message>
        <source>Add tax rule</source>
        <translation>Ajouter une règle de taxe</translation>
    </message>
    <message>
        <source>Edit tax rule</source>
        <translation>Modifier la règle de taxe</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Taxe</translation>
    </message>
    <message>
        <source>Choose a tax code…</source>
        <translation>Choisissez un code de taxe…</translation>
    </message>
    <message>
        <source>%1 (not in QuickBooks&apos; list)</source>
        <translation>%1 (absent de la liste de QuickBooks)</translation>
    </message>
    <message>
        <source>QuickBooks tax code</source>
        <translation>Code de taxe QuickBooks</translation>
    </message>
    <message>
        <source>QuickBooks computes the tax from the code&apos;s rates. Concord only picks the code; it never calculates tax.</source>
        <translation>QuickBooks calcule la taxe à partir des taux du code. Concord ne fait que choisir le code&#xa0;; il ne calcule jamais de taxe.</translation>
    </message>
    <message>
        <source>When rules overlap</source>
        <translation>Si plusieurs règles s&apos;appliquent</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Choose a QuickBooks tax code.</source>
        <translation>Choisissez un code de taxe QuickBooks.</translation>
    </message>
    <message>
        <source>QuickBooks does not list the tax code %1 (yet): invoices that use it are refused until it exists there.</source>
        <translation>QuickBooks ne répertorie pas (encore) le code de taxe %1&#xa0;: les factures qui l&apos;utilisent seront refusées tant qu&apos;il n&apos;y existe pas.</translation>
    </message>
    <message>
        <source>Another rule has the same scope and priority (%1). The older one wins: give one of them a higher priority.</source>
        <translation>Une autre règle a la même portée et la même priorité (%1). La plus ancienne l&apos;emporte&#xa0;: donnez une priorité plus élevée à l&apos;une des deux.</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::TaxRulesModel</name>
    <message>
        <source>Taxable: QuickBooks computes the tax from this code&apos;s rates.</source>
        <translation>Taxable&#xa0;: QuickBooks calcule la taxe à partir des taux de ce code.</translation>
    </message>
    <message>
        <source>Not taxable.</source>
        <translation>Non taxable.</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>S&apos;applique à</translation>
    </message>
    <message>
        <source>QuickBooks tax code</source>
        <translation>Code de taxe QuickBooks</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Edited by</source>
        <translation>Modifiée par</translation>
    </message>
    <message>
        <source>Edited at</source>
        <translation>Modifiée le</translation>
    </message>
    <message>
        <source>Breaks ties between equally specific rules: higher first</source>
        <translation>Départage les règles de même spécificité&#xa0;: la plus élevée d&apos;abord</translation>
    </message>
    <message>
        <source>When the rule last changed, in this computer&apos;s time zone</source>
        <translation>Date de la dernière modification de la règle, dans le fuseau horaire de cet ordinateur</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::UserDialog</name>
    <message>
        <source>Add user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the person&apos;s computer account, e.g. dana</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concord recognises people by the account they sign in to this computer with: use that account&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A username cannot change: add a new user instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Dana Fischer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished">Rôle</translation>
    </message>
    <message>
        <source>&amp;May use Concord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A deactivated user keeps their history but can no longer act in Concord.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the last active owner: make someone else owner first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the person&apos;s username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A username has only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, like the computer account it names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a user &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Concord::Ui::UsersTableModel</name>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookkeeper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approves merges, manages users and connections, and may do everything the other roles do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edits bookings and customers, proposes merges, works the retry queue and booking-side mappings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edits tax and discount rules, invoice policies and billing-side mappings; reconciles totals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sees everything and changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished">Rôle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Concord::Ui::VerificationBanner</name>
    <message>
        <source>Show entry</source>
        <translation>Afficher l&apos;entrée</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Verifying the audit chain…</source>
        <translation>Vérification de la chaîne d&apos;audit…</translation>
    </message>
    <message>
        <source>The audit log is empty: there is nothing to verify yet.</source>
        <translation>Le journal d&apos;audit est vide&#xa0;: il n&apos;y a encore rien à vérifier.</translation>
    </message>
    <message numerus="yes">
        <source>Audit chain intact: all %Ln entries check out.</source>
        <translation>
            <numerusform>Chaîne d&apos;audit intacte&#xa0;: %Ln entrée vérifiée, aucune anomalie.</numerusform>
            <numerusform>Chaîne d&apos;audit intacte&#xa0;: les %Ln entrées sont vérifiées, aucune anomalie.</numerusform>
        </translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>aucune raison indiquée</translation>
    </message>
    <message>
        <source>Audit chain broken at entry #%1: %2. The entries before it check out; this entry and every later one can no longer be trusted.</source>
        <translation>Chaîne d&apos;audit rompue à l&apos;entrée n°&#xa0;%1&#xa0;: %2. Les entrées précédentes sont valides&#xa0;; celle-ci et toutes les suivantes ne sont plus fiables.</translation>
    </message>
    <message>
        <source>Could not verify the audit chain: %1</source>
        <translation>Impossible de vérifier la chaîne d&apos;audit&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>DuplicateReviewText</name>
    <message>
        <source>QuickBooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cal.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QuickBooks customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cal.com attendee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone matches after normalising</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same email after normalising</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same %1</source>
        <extracomment>e.g. &quot;same given name&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same %1 after normalising</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nickname of the same name (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 differs by a typo (%2)</source>
        <extracomment>e.g. &quot;family name differs by a typo (whitfield / whitfeld)&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 differs by two typos (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>given name matches an initial (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>similar %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same words in the name, in another order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>most words of the name agree (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>some words of the name agree (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same mailbox at the provider (dots or +tags differ: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same mailbox name at another domain (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same local number, other area or country code (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date of birth with day and month swapped (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same house number and street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same house number, similar street (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same street, another house number (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>different %1 (%2)</source>
        <extracomment>e.g. &quot;different phone (5550100 / 5550199)&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>An evidence level this version has no words for: &quot;&lt;field&gt;: &lt;level&gt;&quot;</extracomment>
        <translation type="unfinished">%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>counts against</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neutral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 likely the same person</source>
        <extracomment>&quot;93% likely the same person&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the names agree: check another detail before merging.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something that should agree clearly differs (given name, birth date or organisation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First and last name are written the other way round in one record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both records carry the same link from an earlier import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for an owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved, not finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found by the duplicate scan; nobody has proposed a merge yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found by the duplicate scan on %1; nobody has proposed a merge yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed by %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Note: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. An owner other than %2 approves or rejects it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, approved by %2 on %3. The merge has not finished; approving runs it again from where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, rejected by %2 on %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, approved and merged by %2 on %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, merged by %2 on %3, then undone in Concord.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concord only: Undo merge puts it back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A person does this in %1; it cannot be undone there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A person can reverse it in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>linked by a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created by Concord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>carried over from an import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matched by email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matched by phone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Concord keeps a service business&apos;s CRM (HubSpot), scheduler (Cal.com) and billing (QuickBooks Online) in agreement.</source>
        <translation>Concord maintient en accord le CRM (HubSpot), l&apos;agenda (Cal.com) et la facturation (QuickBooks Online) d&apos;une entreprise de services.</translation>
    </message>
    <message>
        <source>Read the configuration from &lt;file&gt; instead of the per-user concord.ini.</source>
        <translation>Lire la configuration depuis &lt;fichier&gt; au lieu du concord.ini de l&apos;utilisateur.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>Show Concord in language &lt;code&gt; (for example en or fr) instead of the system&apos;s.</source>
        <translation>Afficher Concord dans la langue &lt;code&gt; (par exemple en ou fr) au lieu de celle du système.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>try &apos;concord --help&apos;</source>
        <translation>essayez «&#xa0;concord --help&#xa0;»</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>argument inattendu «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Concord cannot start</source>
        <translation>Concord ne peut pas démarrer</translation>
    </message>
    <message>
        <source>The configuration could not be read:

%1</source>
        <translation>La configuration n&apos;a pas pu être lue&#xa0;:

%1</translation>
    </message>
    <message>
        <source>cannot create a temporary folder: %1</source>
        <translation>impossible de créer un dossier temporaire&#xa0;: %1</translation>
    </message>
    <message>
        <source>Try Concord without touching real accounts: start local stand-ins for QuickBooks, HubSpot and Cal.com holding a sample tutoring business, and a fresh store in a temporary folder. Everything is removed on exit.</source>
        <translation>Essayer Concord sans toucher aux vrais comptes&#xa0;: démarrer des simulateurs locaux de QuickBooks, HubSpot et Cal.com contenant une entreprise de soutien scolaire fictive, ainsi qu&apos;une base de données vierge dans un dossier temporaire. Tout est supprimé à la fermeture.</translation>
    </message>
    <message>
        <source>Starting the local stand-ins for QuickBooks, HubSpot and Cal.com…</source>
        <translation>Démarrage des simulateurs locaux de QuickBooks, HubSpot et Cal.com…</translation>
    </message>
    <message>
        <source>The demo&apos;s stand-ins could not start: %1</source>
        <translation>Les simulateurs de la démo n&apos;ont pas pu démarrer&#xa0;: %1</translation>
    </message>
</context>
</TS>
