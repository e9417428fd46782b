<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Concord::Services::Backend</name>
    <message>
        <source>The store is not open.</source>
        <translation>La base de données n&apos;est pas ouverte.</translation>
    </message>
    <message>
        <source>You are not a Concord user on this store: ask an owner to add you.</source>
        <translation>Vous n&apos;êtes pas un utilisateur Concord de cette base de données&#xa0;: demandez à un propriétaire de vous ajouter.</translation>
    </message>
    <message>
        <source>Change #%1 edited: Concord sends it now.</source>
        <translation>Modification n°&#xa0;%1 corrigée&#xa0;: Concord l&apos;envoie maintenant.</translation>
    </message>
    <message>
        <source>Change #%1 linked to %2.</source>
        <translation>Modification n°&#xa0;%1 liée à %2.</translation>
    </message>
    <message>
        <source>Dismissed change #%1.</source>
        <translation>Modification n°&#xa0;%1 ignorée.</translation>
    </message>
    <message>
        <source>Mappings applied.</source>
        <translation>Correspondances appliquées.</translation>
    </message>
    <message>
        <source>Concord has no configuration to change on this desktop.</source>
        <translation>Concord n&apos;a aucune configuration à modifier sur ce poste.</translation>
    </message>
    <message>
        <source>%1 was added.</source>
        <translation>Utilisateur %1 ajouté.</translation>
    </message>
    <message>
        <source>%1 was saved.</source>
        <translation>Utilisateur %1 enregistré.</translation>
    </message>
    <message>
        <source>Merge proposed: an owner can now approve or reject it.</source>
        <translation>Fusion proposée&#xa0;: un propriétaire peut maintenant l&apos;approuver ou la rejeter.</translation>
    </message>
    <message>
        <source>Merge rejected. Nothing was changed.</source>
        <translation>Fusion rejetée. Rien n&apos;a été modifié.</translation>
    </message>
    <message numerus="yes">
        <source>The clients are merged in Concord, but %n step(s) in the other systems failed: %1</source>
        <translation>
            <numerusform>Les clients sont fusionnés dans Concord, mais %n étape a échoué dans les autres systèmes&#xa0;: %1</numerusform>
            <numerusform>Les clients sont fusionnés dans Concord, mais %n étapes ont échoué dans les autres systèmes&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Merged. Left for you to do: %1</source>
        <translation>Fusion effectuée. Reste à faire par vous&#xa0;: %1</translation>
    </message>
    <message>
        <source>Merged in Concord, HubSpot and QuickBooks.</source>
        <translation>Fusion effectuée dans Concord, HubSpot et QuickBooks.</translation>
    </message>
    <message>
        <source>Merge undone in Concord. What was done in HubSpot and QuickBooks stays.</source>
        <translation>Fusion annulée dans Concord. Ce qui a été fait dans HubSpot et QuickBooks reste en l&apos;état.</translation>
    </message>
    <message>
        <source>Sync is already paused.</source>
        <translation>La synchronisation est déjà en pause.</translation>
    </message>
    <message>
        <source>This desktop does not sync, so there is nothing to pause.</source>
        <translation>Ce poste ne synchronise pas : il n&apos;y a rien à mettre en pause.</translation>
    </message>
    <message>
        <source>Sync is not paused.</source>
        <translation>La synchronisation n&apos;est pas en pause.</translation>
    </message>
    <message>
        <source>Concord has no configuration to sync with on this desktop.</source>
        <translation>Concord n&apos;a pas de configuration de synchronisation sur ce poste.</translation>
    </message>
</context>
<context>
    <name>Concord::Services::RecordsData</name>
    <message>
        <source>%1 s</source>
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
    <message>
        <source>A change for %1 failed and waits for a person (change #%2).</source>
        <translation>Une modification destinée à %1 a échoué et attend une intervention (modification n°&#xa0;%2).</translation>
    </message>
    <message>
        <source>A change for %1 failed and waits for a person (change #%2): %3.</source>
        <translation>Une modification destinée à %1 a échoué et attend une intervention (modification n°&#xa0;%2)&#xa0;: %3.</translation>
    </message>
    <message>
        <source>A change for %1 has waited %2 (change #%3).</source>
        <translation>Une modification destinée à %1 attend depuis %2 (modification n°&#xa0;%3).</translation>
    </message>
    <message>
        <source>A change for %1 has waited %2 (change #%3): %4.</source>
        <translation>Une modification destinée à %1 attend depuis %2 (modification n°&#xa0;%3)&#xa0;: %4.</translation>
    </message>
    <message>
        <source>Flagged for a person (%1).</source>
        <translation>Signalé pour une intervention (%1).</translation>
    </message>
    <message>
        <source>Invoice %1 is overdue: %2 due since %3.</source>
        <translation>La facture %1 est en retard&#xa0;: %2 dû depuis le %3.</translation>
    </message>
    <message>
        <source>Invoice %1 is overdue: %2 due.</source>
        <translation>La facture %1 est en retard&#xa0;: %2 dû.</translation>
    </message>
    <message>
        <source>Canceled in Cal.com</source>
        <translation>Annulé dans Cal.com</translation>
    </message>
    <message>
        <source>Marked as a no-show in Cal.com</source>
        <translation>Marqué comme absent dans Cal.com</translation>
    </message>
    <message>
        <source>Paid in QuickBooks</source>
        <translation>Payé dans QuickBooks</translation>
    </message>
    <message>
        <source>Voided in QuickBooks</source>
        <translation>Facture annulée dans QuickBooks</translation>
    </message>
    <message>
        <source>Refunded in QuickBooks</source>
        <translation>Remboursé dans QuickBooks</translation>
    </message>
    <message>
        <source>%1, but the HubSpot deal is not “%2”: its update failed (change #%3).</source>
        <translation>%1, mais la transaction HubSpot n&apos;est pas à l&apos;étape «&#xa0;%2&#xa0;»&#xa0;: sa mise à jour a échoué (modification n°&#xa0;%3).</translation>
    </message>
    <message>
        <source>%1, but the HubSpot deal is not “%2” yet: its update waits (change #%3).</source>
        <translation>%1, mais la transaction HubSpot n&apos;est pas encore à l&apos;étape «&#xa0;%2&#xa0;»&#xa0;: sa mise à jour est en attente (modification n°&#xa0;%3).</translation>
    </message>
    <message>
        <source>Appointment scheduled</source>
        <translation>Rendez-vous programmé</translation>
    </message>
    <message>
        <source>Qualified to buy</source>
        <translation>Qualifié pour l&apos;achat</translation>
    </message>
    <message>
        <source>Presentation scheduled</source>
        <translation>Présentation programmée</translation>
    </message>
    <message>
        <source>Decision maker bought-in</source>
        <translation>Décideur convaincu</translation>
    </message>
    <message>
        <source>Contract sent</source>
        <translation>Contrat envoyé</translation>
    </message>
    <message>
        <source>Closed won</source>
        <translation>Conclu gagné</translation>
    </message>
    <message>
        <source>Closed lost</source>
        <translation>Conclu perdu</translation>
    </message>
    <message>
        <source>Canceled in Cal.com, but invoice %1 is still open in QuickBooks (balance %2).</source>
        <translation>Annulé dans Cal.com, mais la facture %1 reste impayée dans QuickBooks (solde %2).</translation>
    </message>
    <message>
        <source>Completed on %1, but on no invoice: it is billed per session.</source>
        <translation>Terminé le %1 mais absent de toute facture&#xa0;: la facturation se fait à la séance.</translation>
    </message>
    <message>
        <source>Completed on %1, but on no invoice: its monthly invoice was due on %2.</source>
        <translation>Terminé le %1 mais absent de toute facture&#xa0;: sa facture mensuelle devait être émise le %2.</translation>
    </message>
    <message>
        <source>Its session was canceled in Cal.com, but invoice %1 is still open (balance %2).</source>
        <translation>Sa séance a été annulée dans Cal.com, mais la facture %1 reste impayée (solde %2).</translation>
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
        <translation>Ancienneté des soldes impayés</translation>
    </message>
    <message>
        <source>Aging of open balances chart</source>
        <translation>Graphique de l&apos;ancienneté des soldes impayés</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Current</source>
        <extracomment>Aging bucket: not yet due</extracomment>
        <translation>Non échu</translation>
    </message>
    <message>
        <source>1–30 days</source>
        <translation>1–30&#xa0;jours</translation>
    </message>
    <message>
        <source>31–60 days</source>
        <translation>31–60&#xa0;jours</translation>
    </message>
    <message>
        <source>61–90 days</source>
        <translation>61–90&#xa0;jours</translation>
    </message>
    <message>
        <source>Over 90 days</source>
        <translation>Plus de 90&#xa0;jours</translation>
    </message>
    <message>
        <source>1–30</source>
        <extracomment>Aging bucket on the chart&apos;s axis: days past due</extracomment>
        <translation>1–30</translation>
    </message>
    <message>
        <source>31–60</source>
        <translation>31–60</translation>
    </message>
    <message>
        <source>61–90</source>
        <translation>61–90</translation>
    </message>
    <message>
        <source>90+</source>
        <extracomment>Aging bucket on the chart&apos;s axis: more than 90 days past due</extracomment>
        <translation>90+</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>By days past due, as of %1</source>
        <extracomment>%1 = a date</extracomment>
        <translation>Par jours de retard, au %1</translation>
    </message>
    <message>
        <source>Nothing is owed right now: no invoice has an open balance.</source>
        <translation>Rien n&apos;est dû pour l&apos;instant&#xa0;: aucune facture ne présente de solde impayé.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>%1 = &quot;By days past due, as of &lt;date&gt;&quot;, %2 = &quot;amounts in USD&quot;</extracomment>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::AgingModel</name>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::AppointmentsModel</name>
    <message>
        <source>%1 in %2 (%3 UTC)</source>
        <translation>%1, fuseau %2 (%3 UTC)</translation>
    </message>
    <message>
        <source>Deal %1</source>
        <translation>Transaction %1</translation>
    </message>
    <message>
        <source>Being created</source>
        <translation>En cours de création</translation>
    </message>
    <message>
        <source>Not created · change failed</source>
        <translation>Non créée · échec de la modification</translation>
    </message>
    <message>
        <source>Not linked</source>
        <translation>Non liée</translation>
    </message>
    <message>
        <source>Deal being created</source>
        <translation>Transaction en cours de création</translation>
    </message>
    <message>
        <source>Deal not created · change failed</source>
        <translation>Transaction non créée · échec de la modification</translation>
    </message>
    <message>
        <source>No deal</source>
        <translation>Aucune transaction</translation>
    </message>
    <message>
        <source>%1 in HubSpot (should be %2)</source>
        <translation>%1 dans HubSpot (devrait être %2)</translation>
    </message>
    <message>
        <source>Invoice %1</source>
        <translation>Facture %1</translation>
    </message>
    <message>
        <source>Not created</source>
        <translation>Non créée</translation>
    </message>
    <message>
        <source>Not invoiced</source>
        <translation>Non facturé</translation>
    </message>
    <message>
        <source>With %1</source>
        <translation>Avec %1</translation>
    </message>
    <message>
        <source>Not linked to a Cal.com booking</source>
        <translation>Non lié à une réservation Cal.com</translation>
    </message>
    <message>
        <source>Booking %1</source>
        <translation>Réservation %1</translation>
    </message>
    <message>
        <source>No HubSpot deal is linked.</source>
        <translation>Aucune transaction HubSpot n&apos;est liée.</translation>
    </message>
    <message>
        <source>Stage by Concord&apos;s mapping: %1</source>
        <translation>Étape selon les correspondances de Concord&#xa0;: %1</translation>
    </message>
    <message>
        <source>Starts (local there)</source>
        <translation>Début (heure locale)</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Réservation</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <source>Deal stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>Divergences</translation>
    </message>
    <message>
        <source>All systems</source>
        <translation>Tous les systèmes</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Rendez-vous</translation>
    </message>
    <message numerus="yes">
        <source>%1 (+%n more)</source>
        <extracomment>The first disagreement&apos;s reason, then how many more there are</extracomment>
        <translation>
            <numerusform>%1 (+%n autre)</numerusform>
            <numerusform>%1 (+%n autres)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::AppointmentsPage</name>
    <message>
        <source>Appointments</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Each appointment as Cal.com, HubSpot and QuickBooks hold it, side by side; where they disagree, the row is marked and says why.</source>
        <translation>Chaque rendez-vous tel que Cal.com, HubSpot et QuickBooks l&apos;enregistrent, côte à côte&#xa0;; lorsqu&apos;ils divergent, la ligne est signalée et en indique la raison.</translation>
    </message>
    <message>
        <source>Appointments in Cal.com, HubSpot and QuickBooks</source>
        <translation>Rendez-vous dans Cal.com, HubSpot et QuickBooks</translation>
    </message>
    <message numerus="yes">
        <source>%Ln appointments</source>
        <translation>
            <numerusform>%Ln rendez-vous</numerusform>
            <numerusform>%Ln rendez-vous</numerusform>
        </translation>
    </message>
    <message>
        <source>No appointments from %1 to %2. Choose other days above.</source>
        <translation>Aucun rendez-vous du %1 au %2. Choisissez d&apos;autres jours ci-dessus.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Appointment #%1</source>
        <translation>Rendez-vous n°&#xa0;%1</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n&#xa0;min</numerusform>
            <numerusform>%n&#xa0;min</numerusform>
        </translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>avec %1</translation>
    </message>
    <message>
        <source>Booking: %1</source>
        <translation>Réservation&#xa0;: %1</translation>
    </message>
    <message>
        <source>not linked</source>
        <translation>aucun lien</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Statut&#xa0;: %1</translation>
    </message>
    <message>
        <source>booking</source>
        <translation>la réservation</translation>
    </message>
    <message>
        <source>Deal: %1</source>
        <translation>Transaction&#xa0;: %1</translation>
    </message>
    <message>
        <source>Stage by Concord&apos;s mapping: %1</source>
        <translation>Étape selon les correspondances de Concord&#xa0;: %1</translation>
    </message>
    <message>
        <source>Stage set in HubSpot: %1</source>
        <translation>Étape définie dans HubSpot&#xa0;: %1</translation>
    </message>
    <message>
        <source>Contact: %1</source>
        <translation>Contact&#xa0;: %1</translation>
    </message>
    <message>
        <source>deal</source>
        <translation>la transaction</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>le contact</translation>
    </message>
    <message>
        <source>Invoice: %1</source>
        <translation>Facture&#xa0;: %1</translation>
    </message>
    <message>
        <source>Total %1 · balance %2</source>
        <translation>Total %1 · solde %2</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>Échéance&#xa0;: %1</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>Client&#xa0;: %1</translation>
    </message>
    <message>
        <source>invoice</source>
        <translation>la facture</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>le client</translation>
    </message>
    <message>
        <source>Create &amp;invoice now</source>
        <translation>Créer la &amp;facture maintenant</translation>
    </message>
    <message>
        <source>Create the QuickBooks invoice for the selected session now</source>
        <translation>Créer maintenant la facture QuickBooks de la séance sélectionnée</translation>
    </message>
    <message>
        <source>Only an owner or a bookkeeper may create invoices.</source>
        <translation>Seul un propriétaire ou un comptable peut créer des factures.</translation>
    </message>
    <message>
        <source>Select a session first.</source>
        <translation>Sélectionnez d&apos;abord une séance.</translation>
    </message>
    <message>
        <source>The session was canceled: there is nothing to invoice.</source>
        <translation>La séance a été annulée&#xa0;: il n&apos;y a rien à facturer.</translation>
    </message>
    <message>
        <source>The session is invoiced already (%1).</source>
        <translation>La séance est déjà facturée (%1).</translation>
    </message>
    <message>
        <source>Queue the QuickBooks invoice for this session now, as the invoice policy would; the next sync sends it.</source>
        <translation>Mettre dès maintenant en file d&apos;attente la facture QuickBooks de cette séance, comme le ferait la politique de facturation&#xa0;; la prochaine synchronisation l&apos;enverra.</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::AssignOwnerDialog</name>
    <message>
        <source>Assign owner</source>
        <translation>Désigner le responsable</translation>
    </message>
    <message>
        <source>Who does the %1 review? They see it when it falls due and sign it off; an owner can stand in.</source>
        <translation>Qui effectue la revue %1&#xa0;? Cette personne la voit lorsqu&apos;elle arrive à échéance et la valide&#xa0;; un propriétaire peut la remplacer.</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>&amp;Responsable&#xa0;:</translation>
    </message>
    <message>
        <source>Only people who may complete reviews (%1) are listed.</source>
        <translation>Seules les personnes autorisées à clôturer les revues (%1) sont proposées.</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Désigner</translation>
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
    <name>Concord::Ui::AuditFindingsModel</name>
    <message>
        <source>Conflicting authority</source>
        <translation>Systèmes de référence en conflit</translation>
    </message>
    <message>
        <source>Past retention</source>
        <translation>Conservation dépassée</translation>
    </message>
    <message numerus="yes">
        <source>%n cached PDF(s)</source>
        <translation>
            <numerusform>%n PDF en cache</numerusform>
            <numerusform>%n PDF en cache</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 kept beyond the %2-day retention; the next purge removes them.</source>
        <translation>%1 stockés au-delà des %2&#xa0;jours de conservation&#xa0;; la prochaine purge les supprimera.</translation>
    </message>
    <message>
        <source>Missing file</source>
        <translation>Fichier manquant</translation>
    </message>
    <message>
        <source>The cache lists this PDF but the file is gone; it is fetched again when needed.</source>
        <translation>Le cache répertorie ce PDF mais le fichier a disparu&#xa0;; il sera récupéré de nouveau en cas de besoin.</translation>
    </message>
    <message>
        <source>Orphan file</source>
        <translation>Fichier orphelin</translation>
    </message>
    <message>
        <source>No cached invoice names this file: it can be deleted from the cache folder.</source>
        <translation>Aucune facture en cache ne fait référence à ce fichier&#xa0;: il peut être supprimé du dossier du cache.</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Constat</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Que faire</translation>
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
        <translation>%1 (ID Concord %2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n days overdue</source>
        <translation>
            <numerusform>%n jour de retard</numerusform>
            <numerusform>%n jours de retard</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing overdue</source>
        <translation>Aucun retard</translation>
    </message>
    <message numerus="yes">
        <source>%n open invoices</source>
        <translation>
            <numerusform>%n facture impayée</numerusform>
            <numerusform>%n factures impayées</numerusform>
        </translation>
    </message>
    <message>
        <source>Blocked: new bookings are declined or held until the overdue balance is paid. Overdue: something is past its due date.</source>
        <translation>Bloqué&#xa0;: les nouvelles réservations sont refusées ou mises en attente jusqu&apos;au paiement du solde échu. En retard&#xa0;: au moins une échéance est dépassée.</translation>
    </message>
    <message>
        <source>Open balance of every unpaid invoice, as QuickBooks reports it</source>
        <translation>Solde restant de toutes les factures impayées, tel que QuickBooks l&apos;indique</translation>
    </message>
    <message>
        <source>The part of the balance past its due date</source>
        <translation>La part du solde dont l&apos;échéance est dépassée</translation>
    </message>
    <message>
        <source>How many days ago the oldest unpaid invoice was due</source>
        <translation>Nombre de jours écoulés depuis l&apos;échéance de la plus ancienne facture impayée</translation>
    </message>
    <message>
        <source>Invoices with an open balance</source>
        <translation>Factures présentant un solde impayé</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Solde dû</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Jours de retard</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Factures</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqué</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>À jour</translation>
    </message>
    <message>
        <source>Blocked from booking: new bookings are declined or held.</source>
        <translation>Interdit de réservation&#xa0;: les nouvelles réservations sont refusées ou mises en attente.</translation>
    </message>
    <message>
        <source>Last blocked %1.</source>
        <translation>Dernier blocage le %1.</translation>
    </message>
    <message numerus="yes">
        <source>%1 overdue; the oldest unpaid invoice was due %2, %n days ago.</source>
        <extracomment>%1 = amount, %2 = the oldest due date, %n = days since</extracomment>
        <translation>
            <numerusform>%1 en retard&#xa0;; la plus ancienne facture impayée était due le %2, il y a %n jour.</numerusform>
            <numerusform>%1 en retard&#xa0;; la plus ancienne facture impayée était due le %2, il y a %n jours.</numerusform>
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
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un pourcentage. Saisissez un nombre, par exemple 10 ou 12,5.</translation>
    </message>
    <message>
        <source>A percentage cannot be negative.</source>
        <translation>Un pourcentage ne peut pas être négatif.</translation>
    </message>
    <message>
        <source>Use at most two decimals, such as 12.25: rules hold hundredths of a percent.</source>
        <translation>Utilisez au plus deux décimales, par exemple 12,25&#xa0;: les règles sont précises au centième de pour cent.</translation>
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
        <translation>Disponible une fois les règles chargées</translation>
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
    <name>Concord::Ui::ChangedMappingsModel</name>
    <message>
        <source>Field %1</source>
        <translation>Champ %1</translation>
    </message>
    <message>
        <source>Status %1</source>
        <translation>Statut %1</translation>
    </message>
    <message>
        <source>No audit entry: the row was written outside Concord&apos;s editor.</source>
        <translation>Aucune entrée d&apos;audit&#xa0;: la ligne a été écrite en dehors de l&apos;éditeur de Concord.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>#%1 %2 by %3</source>
        <translation>n°&#xa0;%1 %2 par %3</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>Correspondance</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Actuellement</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Modifiée par</translation>
    </message>
    <message>
        <source>Changed at</source>
        <translation>Modifiée le</translation>
    </message>
    <message>
        <source>Audit entry</source>
        <translation>Entrée d&apos;audit</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::ChecklistView</name>
    <message>
        <source>✓ Yes</source>
        <translation>✓ Oui</translation>
    </message>
    <message>
        <source>✗ No</source>
        <translation>✗ Non</translation>
    </message>
    <message>
        <source>? Unknown</source>
        <translation>? Inconnu</translation>
    </message>
    <message>
        <source>an owner</source>
        <translation>propriétaire</translation>
    </message>
    <message>
        <source>an office manager</source>
        <translation>responsable administratif</translation>
    </message>
    <message>
        <source>a bookkeeper</source>
        <translation>comptable</translation>
    </message>
    <message>
        <source>a viewer</source>
        <translation>lecteur</translation>
    </message>
    <message>
        <source>Decision checklist</source>
        <translation>Liste de décision</translation>
    </message>
    <message>
        <source>The eight go/no-go questions, answered from the live configuration and measured sync health.</source>
        <translation>Les huit questions de décision (go/no-go), évaluées d&apos;après la configuration actuelle et l&apos;état mesuré de la synchronisation.</translation>
    </message>
    <message>
        <source>&amp;Evaluate again</source>
        <translation>&amp;Réévaluer</translation>
    </message>
    <message>
        <source>Read the configuration and the last week&apos;s sync health again</source>
        <translation>Relire la configuration et l&apos;état de la synchronisation de la semaine écoulée</translation>
    </message>
    <message>
        <source>Integration mode: not read yet.</source>
        <translation>Mode d&apos;intégration&#xa0;: pas encore lu.</translation>
    </message>
    <message>
        <source>Not evaluated yet. Choose “Evaluate again” to answer the eight questions.</source>
        <translation>Aucune évaluation pour l&apos;instant. Choisissez «&#xa0;Réévaluer&#xa0;» pour répondre aux huit questions.</translation>
    </message>
    <message>
        <source>Switch to the lighter setup?

• Bookings keep flowing one way from Cal.com to HubSpot (contact, deal, tasks).
• Edits made in HubSpot are no longer read back: they do not reach Cal.com, QuickBooks or Concord, and deal stages moved by hand are no longer put back.
• QuickBooks invoices are no longer created automatically: use “Create invoice now” on the Appointments page. Payments and refunds are still read from QuickBooks.
• Changes already queued are still delivered (dismiss them in the retry queue if unwanted).

Every desktop and sync worker follows from its next cycle. The change is audited.</source>
        <translation>Passer à la configuration allégée&#xa0;?

• Les réservations continuent de circuler dans un seul sens, de Cal.com vers HubSpot (contact, transaction, tâches).
• Les modifications faites dans HubSpot ne sont plus relues&#xa0;: elles n&apos;atteignent ni Cal.com, ni QuickBooks, ni Concord, et les étapes de transaction déplacées à la main ne sont plus rétablies.
• Les factures QuickBooks ne sont plus créées automatiquement&#xa0;: utilisez «&#xa0;Créer la facture maintenant&#xa0;» sur la page Rendez-vous. Les paiements et les remboursements sont toujours lus depuis QuickBooks.
• Les modifications déjà en file d&apos;attente sont tout de même transmises (ignorez-les dans la file des reprises si vous n&apos;en voulez pas).

Chaque poste et chaque service de synchronisation appliquent le changement dès leur prochain cycle. Le changement est consigné dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Switch to full integration?

• HubSpot contacts and deals are read again; deal stages moved by hand are flagged and put back.
• Held sessions without an invoice get one automatically, by the invoice policy — including sessions of the last 120 days not yet invoiced.

Every desktop and sync worker follows from its next cycle. The change is audited.</source>
        <translation>Passer à l&apos;intégration complète&#xa0;?

• Les contacts et les transactions HubSpot sont de nouveau lus&#xa0;; les étapes de transaction déplacées à la main sont signalées et rétablies.
• Les séances ayant eu lieu sans facture en reçoivent une automatiquement, selon la politique de facturation — y compris les séances des 120&#xa0;derniers jours pas encore facturées.

Chaque poste et chaque service de synchronisation appliquent le changement dès leur prochain cycle. Le changement est consigné dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Evaluated %1</source>
        <translation>Évaluation du %1</translation>
    </message>
    <message>
        <source>To make it yes: %1</source>
        <translation>Pour obtenir «&#xa0;oui&#xa0;»&#xa0;: %1</translation>
    </message>
    <message>
        <source>Current mode — %1</source>
        <translation>Mode actuel — %1</translation>
    </message>
    <message>
        <source>Set by %1 on %2.</source>
        <translation>Défini par %1 le %2.</translation>
    </message>
    <message>
        <source>Switch to full integration…</source>
        <translation>Passer à l&apos;intégration complète…</translation>
    </message>
    <message>
        <source>Switch to the lighter setup…</source>
        <translation>Passer à la configuration allégée…</translation>
    </message>
    <message>
        <source>Only an owner may change the integration mode (you are %1).</source>
        <translation>Seul un propriétaire peut modifier le mode d&apos;intégration (vous êtes %1).</translation>
    </message>
    <message>
        <source>The current mode has not been read yet.</source>
        <translation>Le mode actuel n&apos;a pas encore été lu.</translation>
    </message>
    <message>
        <source>Carry changes both ways again and invoice by policy</source>
        <translation>Transmettre de nouveau les modifications dans les deux sens et facturer selon la politique de facturation</translation>
    </message>
    <message>
        <source>Push bookings one way to HubSpot and invoice only on request</source>
        <translation>Envoyer les réservations dans un seul sens vers HubSpot et ne facturer que sur demande</translation>
    </message>
    <message>
        <source>Switch to the lighter setup</source>
        <translation>Passer à la configuration allégée</translation>
    </message>
    <message>
        <source>Switch to full integration</source>
        <translation>Passer à l&apos;intégration complète</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::CompleteReviewDialog</name>
    <message>
        <source>Complete %1 review</source>
        <translation>Clôturer la revue %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 review, due %2.&lt;/b&gt; Completing it records you, now, and what was found in the audit log, and moves the next due date on.</source>
        <translation>&lt;b&gt;%1&#xa0;: revue prévue le %2.&lt;/b&gt; La clôturer consigne dans le journal d&apos;audit votre nom, la date et l&apos;heure ainsi que les constats, et reporte la prochaine échéance.</translation>
    </message>
    <message>
        <source>What this review found:</source>
        <translation>Constats de cette revue&#xa0;:</translation>
    </message>
    <message>
        <source>No findings were loaded for this review.</source>
        <translation>Aucun constat n&apos;a été chargé pour cette revue.</translation>
    </message>
    <message>
        <source>&amp;Note for the audit log (optional):</source>
        <translation>&amp;Note pour le journal d&apos;audit (facultative)&#xa0;:</translation>
    </message>
    <message>
        <source>What you did about it, what is left, who follows up.</source>
        <translation>Ce que vous avez fait, ce qui reste à faire, qui assure le suivi.</translation>
    </message>
    <message>
        <source>Complete review</source>
        <translation>Clôturer la revue</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 sur %2&#xa0;caractères</translation>
    </message>
    <message>
        <source>Too long: %1 of %2 characters</source>
        <translation>Trop long&#xa0;: %1 sur %2&#xa0;caractères</translation>
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
        <translation>%1 et %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Clients and duplicates</source>
        <translation>Clients et doublons</translation>
    </message>
    <message>
        <source>Each client&apos;s records in HubSpot, QuickBooks and Cal.com, and the possible duplicates to merge. Office managers propose merges; an owner approves them.</source>
        <translation>Les enregistrements de chaque client dans HubSpot, QuickBooks et Cal.com, et les doublons possibles à fusionner. Les responsables administratifs proposent les fusions&#xa0;; un propriétaire les approuve.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
        <source>Refresh clients and duplicates</source>
        <translation>Actualiser les clients et les doublons</translation>
    </message>
    <message>
        <source>Read the clients and the duplicate review again</source>
        <translation>Relire les clients et l&apos;examen des doublons</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Traitement en cours</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Masquer ce message</translation>
    </message>
    <message>
        <source>&amp;Clients</source>
        <translation>&amp;Clients</translation>
    </message>
    <message>
        <source>&amp;Duplicates</source>
        <translation>&amp;Doublons</translation>
    </message>
    <message>
        <source>Search clients</source>
        <translation>Rechercher des clients</translation>
    </message>
    <message>
        <source>Name, email, phone, record id…</source>
        <translation>Nom, e-mail, téléphone, ID d&apos;enregistrement…</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>R&amp;echercher&#xa0;:</translation>
    </message>
    <message>
        <source>Show clients by their links</source>
        <translation>Afficher les clients selon leurs liens</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>Tous les clients</translation>
    </message>
    <message>
        <source>Missing a record somewhere</source>
        <translation>Absents d&apos;au moins un système</translation>
    </message>
    <message>
        <source>Not in HubSpot</source>
        <translation>Absents de HubSpot</translation>
    </message>
    <message>
        <source>Not in QuickBooks</source>
        <translation>Absents de QuickBooks</translation>
    </message>
    <message>
        <source>Not in Cal.com</source>
        <translation>Absents de Cal.com</translation>
    </message>
    <message>
        <source>In all three systems</source>
        <translation>Présents dans les trois systèmes</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>Affic&amp;her&#xa0;:</translation>
    </message>
    <message>
        <source>Clients and their records in each system</source>
        <translation>Clients et leurs enregistrements dans chaque système</translation>
    </message>
    <message>
        <source>Possible duplicates and merge proposals</source>
        <translation>Doublons possibles et propositions de fusion</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>&amp;Propose merge…</source>
        <translation>&amp;Proposer la fusion…</translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation>Re&amp;jeter…</translation>
    </message>
    <message>
        <source>&amp;Approve and merge…</source>
        <translation>Appro&amp;uver et fusionner…</translation>
    </message>
    <message>
        <source>Undo &amp;merge…</source>
        <translation>A&amp;nnuler la fusion…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln clients</source>
        <translation>
            <numerusform>%Ln client</numerusform>
            <numerusform>%Ln clients</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <extracomment>&quot;12 of 1,234 clients shown&quot;</extracomment>
        <translation>Affichés&#xa0;: %1 sur %2</translation>
    </message>
    <message>
        <source>%1 · %2 in HubSpot · %3 in QuickBooks · %4 in Cal.com</source>
        <extracomment>Counts under the clients table: &quot;1,234 clients · 1,100 in HubSpot · 1,050 in QuickBooks · 900 in Cal.com&quot;</extracomment>
        <translation>%1 · %2 dans HubSpot · %3 dans QuickBooks · %4 dans Cal.com</translation>
    </message>
    <message>
        <source>%1 in all three systems, %2 in none; %3 merged into another client</source>
        <translation>Dans les trois systèmes&#xa0;: %1&#xa0;; dans aucun&#xa0;: %2&#xa0;; fusionnés dans un autre client&#xa0;: %3</translation>
    </message>
    <message>
        <source>Reading the clients…</source>
        <translation>Lecture des clients…</translation>
    </message>
    <message>
        <source>The clients are shown once the store is open.</source>
        <translation>Les clients s&apos;affichent une fois la base de données ouverte.</translation>
    </message>
    <message>
        <source>No clients yet. They appear here once Concord has read HubSpot, QuickBooks or Cal.com, or after an import.</source>
        <translation>Aucun client pour l&apos;instant. Ils apparaîtront ici dès que Concord aura lu HubSpot, QuickBooks ou Cal.com, ou après une importation.</translation>
    </message>
    <message>
        <source>No client matches the search and filter.</source>
        <translation>Aucun client ne correspond à la recherche et au filtre.</translation>
    </message>
    <message>
        <source>&amp;Clients (%1)</source>
        <translation>&amp;Clients (%1)</translation>
    </message>
    <message>
        <source>&amp;Duplicates (%1)</source>
        <translation>&amp;Doublons (%1)</translation>
    </message>
    <message>
        <source>Showing the %1 most likely of %2 possible duplicates; merge or review these first.</source>
        <translation>Affichage des %1 doublons les plus probables sur %2 possibles&#xa0;; fusionnez ou examinez ceux-ci en premier.</translation>
    </message>
    <message>
        <source>Reading the duplicate review…</source>
        <translation>Lecture de l&apos;examen des doublons…</translation>
    </message>
    <message>
        <source>The duplicate review is shown once the store is open.</source>
        <translation>L&apos;examen des doublons s&apos;affiche une fois la base de données ouverte.</translation>
    </message>
    <message>
        <source>No possible duplicates to review. When the duplicate scan finds two records that may be one client, they appear here.</source>
        <translation>Aucun doublon possible à examiner. Lorsque la recherche de doublons trouve deux enregistrements qui pourraient correspondre au même client, ils apparaissent ici.</translation>
    </message>
    <message>
        <source>What the merge will do once an owner approves it</source>
        <translation>Ce que fera la fusion une fois approuvée par un propriétaire</translation>
    </message>
    <message>
        <source>%1 is kept; %2 is merged into it.</source>
        <translation>Fiche conservée&#xa0;: %1&#xa0;; à y fusionner&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Not merged</source>
        <translation>Pas de fusion</translation>
    </message>
    <message>
        <source>Nothing was changed in any system.</source>
        <translation>Rien n&apos;a été modifié dans aucun système.</translation>
    </message>
    <message>
        <source>What this merge did</source>
        <translation>Ce qu&apos;a fait cette fusion</translation>
    </message>
    <message>
        <source>%1 was merged into %2. Undo merge restores Concord&apos;s identity map only; what was done in QuickBooks and HubSpot stays as it is.</source>
        <translation>Fusion de %1 dans %2 effectuée. «&#xa0;Annuler la fusion&#xa0;» ne restaure que la correspondance des identités de Concord&#xa0;; ce qui a été fait dans QuickBooks et HubSpot reste en l&apos;état.</translation>
    </message>
    <message>
        <source>Undone in Concord</source>
        <translation>Annulée dans Concord</translation>
    </message>
    <message>
        <source>Concord&apos;s identity map was restored. What had been done in QuickBooks and HubSpot stays as it was left:</source>
        <translation>La correspondance des identités de Concord a été restaurée. Ce qui avait été fait dans QuickBooks et HubSpot reste en l&apos;état&#xa0;:</translation>
    </message>
    <message>
        <source>What approving will do</source>
        <translation>Ce que fera l&apos;approbation</translation>
    </message>
    <message>
        <source>The merge cannot be planned: %1</source>
        <translation>La fusion ne peut pas être planifiée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot be undone:</source>
        <translation>Irréversible&#xa0;:</translation>
    </message>
    <message>
        <source>Nothing in this merge is irreversible.</source>
        <translation>Rien dans cette fusion n&apos;est irréversible.</translation>
    </message>
    <message>
        <source>Nothing changes outside Concord: none of these records is linked to QuickBooks, HubSpot or Cal.com.</source>
        <translation>Rien ne change en dehors de Concord&#xa0;: aucun de ces enregistrements n&apos;est lié à QuickBooks, HubSpot ou Cal.com.</translation>
    </message>
    <message>
        <source>A person can reverse these in QuickBooks or HubSpot:</source>
        <translation>Une personne peut annuler ces opérations dans QuickBooks ou HubSpot&#xa0;:</translation>
    </message>
    <message>
        <source>In Concord only (Undo merge restores these):</source>
        <translation>Dans Concord uniquement («&#xa0;Annuler la fusion&#xa0;» les restaure)&#xa0;:</translation>
    </message>
    <message>
        <source>Only %1 can propose merges.</source>
        <translation>Seul %1 peut proposer des fusions.</translation>
    </message>
    <message>
        <source>Only %1 can approve, reject or undo merges.</source>
        <translation>Seul %1 peut approuver, rejeter ou annuler des fusions.</translation>
    </message>
    <message>
        <source>Only %1 can do this.</source>
        <translation>Seul %1 peut effectuer cette action.</translation>
    </message>
    <message>
        <source>Waiting for the last action to finish.</source>
        <translation>En attente de la fin de la dernière action.</translation>
    </message>
    <message>
        <source>Choose a possible duplicate first.</source>
        <translation>Choisissez d&apos;abord un doublon possible.</translation>
    </message>
    <message>
        <source>This merge cannot be planned: %1</source>
        <translation>Cette fusion ne peut pas être planifiée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Choose a proposal waiting for an owner first.</source>
        <translation>Choisissez d&apos;abord une proposition en attente d&apos;un propriétaire.</translation>
    </message>
    <message>
        <source>Already approved: the merge is being finished by Concord.</source>
        <translation>Déjà approuvée&#xa0;: Concord est en train de terminer la fusion.</translation>
    </message>
    <message>
        <source>You proposed this merge: another owner must approve it.</source>
        <translation>Vous avez proposé cette fusion&#xa0;: un autre propriétaire doit l&apos;approuver.</translation>
    </message>
    <message>
        <source>Choose an executed merge first.</source>
        <translation>Choisissez d&apos;abord une fusion effectuée.</translation>
    </message>
    <message>
        <source>Concord kept no record of what this merge changed, so it cannot undo it.</source>
        <translation>Concord n&apos;a pas conservé de trace de ce que cette fusion a modifié et ne peut donc pas l&apos;annuler.</translation>
    </message>
    <message>
        <source>Send these choices to an owner for approval; nothing changes until then</source>
        <translation>Envoyer ces choix à un propriétaire pour approbation&#xa0;; rien ne change d&apos;ici là</translation>
    </message>
    <message>
        <source>Turn the proposal down, with a note saying why</source>
        <translation>Rejeter la proposition, avec une note expliquant pourquoi</translation>
    </message>
    <message>
        <source>Merge now, in Concord and in QuickBooks and HubSpot (asks first)</source>
        <translation>Fusionner maintenant, dans Concord puis dans QuickBooks et HubSpot (après confirmation)</translation>
    </message>
    <message>
        <source>Restore Concord&apos;s identity map as it was before this merge</source>
        <translation>Restaurer la correspondance des identités de Concord telle qu&apos;elle était avant cette fusion</translation>
    </message>
    <message>
        <source>You can look, not act: %1</source>
        <translation>Consultation uniquement&#xa0;: %1</translation>
    </message>
    <message>
        <source>You proposed this merge: another owner approves it. You can still reject it.</source>
        <translation>Vous avez proposé cette fusion&#xa0;: c&apos;est un autre propriétaire qui l&apos;approuve. Vous pouvez encore la rejeter.</translation>
    </message>
    <message>
        <source>Propose merge</source>
        <translation>Proposer la fusion</translation>
    </message>
    <message>
        <source>Merge %1 into %2</source>
        <translation>Fusionner %1 dans %2</translation>
    </message>
    <message>
        <source> (from %1)</source>
        <translation> (de %1)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>&quot;Email: dana.w@example.com (from Dana Whitfeld)&quot;</extracomment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is kept with these values, and an owner other than you decides. Nothing changes in any system until then.</source>
        <translation>La fiche de %1 est conservée avec ces valeurs, et un propriétaire autre que vous décide. Rien ne change dans aucun système d&apos;ici là.</translation>
    </message>
    <message>
        <source>Once approved, nothing in this merge is irreversible.</source>
        <translation>Une fois la fusion approuvée, rien n&apos;y sera irréversible.</translation>
    </message>
    <message>
        <source>Once approved, these cannot be undone:
%1</source>
        <translation>Une fois la fusion approuvée, ces opérations seront irréversibles&#xa0;:
%1</translation>
    </message>
    <message>
        <source>Note for the owner</source>
        <translation>Note pour le propriétaire</translation>
    </message>
    <message>
        <source>Optional, e.g. “same parent, two email addresses”</source>
        <translation>Facultatif, ex.&#xa0;: «&#xa0;même parent, deux adresses e-mail&#xa0;»</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note&#xa0;:</translation>
    </message>
    <message>
        <source>Proposing to merge %1 into %2…</source>
        <translation>Proposition de fusion de %1 dans %2…</translation>
    </message>
    <message>
        <source>Approve merge</source>
        <translation>Approuver la fusion</translation>
    </message>
    <message>
        <source>Approving merges them now: first in Concord&apos;s identity map (Undo merge can restore it), then in QuickBooks and HubSpot. Proposed by %1.</source>
        <translation>L&apos;approbation les fusionne immédiatement&#xa0;: d&apos;abord dans la correspondance des identités de Concord («&#xa0;Annuler la fusion&#xa0;» peut la restaurer), puis dans QuickBooks et HubSpot. Proposée par %1.</translation>
    </message>
    <message>
        <source>These cannot be undone — not by Undo merge, not by anyone:
%1</source>
        <translation>Ces opérations ne peuvent pas être annulées — ni par «&#xa0;Annuler la fusion&#xa0;», ni par qui que ce soit&#xa0;:
%1</translation>
    </message>
    <message>
        <source>A person can reverse these later, in that system:
%1</source>
        <translation>Une personne pourra annuler ces opérations plus tard, dans le système concerné&#xa0;:
%1</translation>
    </message>
    <message>
        <source>I understand that these changes in QuickBooks and HubSpot are permanent</source>
        <translation>Je comprends que ces modifications dans QuickBooks et HubSpot sont définitives</translation>
    </message>
    <message>
        <source>Note for the audit log</source>
        <translation>Note pour le journal d&apos;audit</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
    <message>
        <source>Approve and merge</source>
        <translation>Approuver et fusionner</translation>
    </message>
    <message>
        <source>Merging %1 into %2: Concord first, then QuickBooks and HubSpot…</source>
        <translation>Fusion de %1 dans %2&#xa0;: Concord d&apos;abord, puis QuickBooks et HubSpot…</translation>
    </message>
    <message>
        <source>Reject merge</source>
        <translation>Rejeter la fusion</translation>
    </message>
    <message>
        <source>Keep %1 and %2 apart</source>
        <translation>Garder %1 et %2 séparés</translation>
    </message>
    <message>
        <source>Nothing is changed in any system. Say why, for %1 and the audit log.</source>
        <translation>Rien n&apos;est modifié dans aucun système. Indiquez pourquoi, pour %1 et pour le journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Why the merge is rejected</source>
        <translation>Motif du rejet de la fusion</translation>
    </message>
    <message>
        <source>Required, e.g. “two siblings with one parent email”</source>
        <translation>Obligatoire, ex.&#xa0;: «&#xa0;frère et sœur avec l&apos;e-mail d&apos;un même parent&#xa0;»</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rejeter</translation>
    </message>
    <message>
        <source>Rejecting the proposal…</source>
        <translation>Rejet de la proposition…</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <translation>Annuler la fusion</translation>
    </message>
    <message>
        <source>Undo merging %1 into %2</source>
        <translation>Annuler la fusion de %1 dans %2</translation>
    </message>
    <message>
        <source>Only Concord&apos;s identity map is restored: the linked records go back to %1, %1 becomes an active client again, and %2 gets back its name as it was.</source>
        <translation>Seule la correspondance des identités de Concord est restaurée&#xa0;: les enregistrements liés reviennent à %1, %1 redevient un client actif, et %2 retrouve son nom d&apos;origine.</translation>
    </message>
    <message>
        <source>Nothing is reversed in QuickBooks or HubSpot. These stay as they are:
%1</source>
        <translation>Rien n&apos;est annulé dans QuickBooks ni dans HubSpot. Ces opérations restent en l&apos;état&#xa0;:
%1</translation>
    </message>
    <message>
        <source>Of these, nobody can undo:
%1</source>
        <translation>Parmi elles, personne ne peut annuler&#xa0;:
%1</translation>
    </message>
    <message>
        <source>A person can reverse them in QuickBooks or HubSpot if needed.</source>
        <translation>Une personne peut les annuler dans QuickBooks ou HubSpot si nécessaire.</translation>
    </message>
    <message>
        <source>Undo in Concord</source>
        <translation>Annuler dans Concord</translation>
    </message>
    <message>
        <source>Undoing the merge in Concord…</source>
        <translation>Annulation de la fusion dans Concord…</translation>
    </message>
    <message>
        <source>&amp;Scan for duplicates</source>
        <translation>&amp;Rechercher les doublons</translation>
    </message>
    <message>
        <source>Scan all clients for duplicates</source>
        <translation>Rechercher les doublons parmi tous les clients</translation>
    </message>
    <message>
        <source>Cancel scan</source>
        <translation>Annuler la recherche</translation>
    </message>
    <message>
        <source>Stop the scan; nothing it found is recorded</source>
        <translation>Arrêter la recherche ; rien de ce qu&apos;elle a trouvé n&apos;est enregistré</translation>
    </message>
    <message>
        <source>Waiting for the duplicate scan to finish.</source>
        <translation>En attente de la fin de la recherche de doublons.</translation>
    </message>
    <message>
        <source>Only %1 can scan for duplicates.</source>
        <translation>Seul(e) %1 peut rechercher les doublons.</translation>
    </message>
    <message>
        <source>Compare every client with every likely twin and list the new possible duplicates for review; nothing is merged</source>
        <translation>Comparer chaque client à ses jumeaux probables et lister les nouveaux doublons possibles à examiner ; rien n&apos;est fusionné</translation>
    </message>
    <message>
        <source>Duplicate scan progress</source>
        <translation>Avancement de la recherche de doublons</translation>
    </message>
    <message>
        <source>Reading the clients</source>
        <translation>Lecture des clients</translation>
    </message>
    <message>
        <source>Tidying names, emails and phone numbers</source>
        <translation>Normalisation des noms, e-mails et numéros de téléphone</translation>
    </message>
    <message>
        <source>Finding clients worth comparing</source>
        <translation>Recherche des clients à comparer</translation>
    </message>
    <message>
        <source>Learning what makes two records one client</source>
        <translation>Apprentissage de ce qui fait de deux fiches un même client</translation>
    </message>
    <message>
        <source>Comparing likely twins</source>
        <translation>Comparaison des jumeaux probables</translation>
    </message>
    <message>
        <source>Grouping the matches</source>
        <translation>Regroupement des correspondances</translation>
    </message>
    <message>
        <source>Recording the new possible duplicates</source>
        <translation>Enregistrement des nouveaux doublons possibles</translation>
    </message>
    <message>
        <source>Scanning for duplicates: %1…</source>
        <translation>Recherche de doublons : %1…</translation>
    </message>
    <message>
        <source>Cancelling the scan…</source>
        <translation>Annulation de la recherche…</translation>
    </message>
    <message>
        <source>Scanning for duplicates: %1 (%2 clients)…</source>
        <translation>Recherche de doublons : %1 (%2 clients)…</translation>
    </message>
    <message>
        <source>Scan cancelled: nothing was recorded.</source>
        <translation>Recherche annulée : rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>No new possible duplicates among %1 clients.</source>
        <translation>Aucun nouveau doublon possible parmi %1 clients.</translation>
    </message>
    <message numerus="yes">
        <source>Found %n new possible duplicate(s) among %1 clients.</source>
        <translation>
            <numerusform>%n nouveau doublon possible trouvé parmi %1 clients.</numerusform>
            <numerusform>%n nouveaux doublons possibles trouvés parmi %1 clients.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::DashboardChartCard</name>
    <message>
        <source>%1M</source>
        <extracomment>Compact axis label in millions, e.g. &quot;$1.5M&quot;</extracomment>
        <translation>%1&#xa0;M</translation>
    </message>
    <message>
        <source>%1k</source>
        <extracomment>Compact axis label in thousands, e.g. &quot;$12k&quot;</extracomment>
        <translation>%1&#xa0;k</translation>
    </message>
    <message>
        <source>amounts in %1</source>
        <extracomment>Under a chart whose axis shows plain numbers; %1 = currency code</extracomment>
        <translation>montants en %1</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>What clients owe and how old it is, what was invoiced and collected each month, and how the sync is doing.</source>
        <translation>Ce que doivent les clients et depuis combien de temps, ce qui a été facturé et encaissé chaque mois, et l&apos;état de la synchronisation.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Refresh the dashboard</source>
        <translation>Actualiser le tableau de bord</translation>
    </message>
    <message>
        <source>Read balances and sync health again</source>
        <translation>Relire les soldes et l&apos;état de la synchronisation</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Masquer ce message</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Solde dû</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Clients overdue</source>
        <translation>Clients en retard</translation>
    </message>
    <message>
        <source>Clients blocked from booking</source>
        <translation>Clients interdits de réservation</translation>
    </message>
    <message>
        <source>Balances by client</source>
        <translation>Soldes par client</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>Tous les clients</translation>
    </message>
    <message>
        <source>Blocked from booking</source>
        <translation>Interdits de réservation</translation>
    </message>
    <message>
        <source>Show clients</source>
        <translation>Clients à afficher</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>Affic&amp;her&#xa0;:</translation>
    </message>
    <message>
        <source>Find a client</source>
        <translation>Rechercher un client</translation>
    </message>
    <message>
        <source>Find a client by name</source>
        <translation>Rechercher un client par son nom</translation>
    </message>
    <message>
        <source>Block &amp;thresholds…</source>
        <translation>&amp;Seuils de blocage…</translation>
    </message>
    <message>
        <source>Open the booking block thresholds</source>
        <translation>Ouvrir les seuils de blocage des réservations</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>The dashboard could not be read: %1</source>
        <translation>Le tableau de bord n&apos;a pas pu être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>As of %1</source>
        <extracomment>%1 = date and time the figures were read</extracomment>
        <translation>Situation au %1</translation>
    </message>
    <message numerus="yes">
        <source>%n open invoices</source>
        <translation>
            <numerusform>%n facture impayée</numerusform>
            <numerusform>%n factures impayées</numerusform>
        </translation>
    </message>
    <message>
        <source>No open invoices</source>
        <translation>Aucune facture impayée</translation>
    </message>
    <message>
        <source>Past the due date</source>
        <translation>Échéance dépassée</translation>
    </message>
    <message>
        <source>Nothing past due</source>
        <translation>Aucun retard</translation>
    </message>
    <message numerus="yes">
        <source>Oldest due %n days ago</source>
        <translation>
            <numerusform>Plus ancienne échéance il y a %n jour</numerusform>
            <numerusform>Plus ancienne échéance il y a %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Everyone is up to date</source>
        <translation>Tout le monde est à jour</translation>
    </message>
    <message>
        <source>New bookings declined or held</source>
        <translation>Nouvelles réservations refusées ou en attente</translation>
    </message>
    <message>
        <source>Nobody is blocked</source>
        <translation>Personne n&apos;est bloqué</translation>
    </message>
    <message>
        <source>Nothing to show: the dashboard could not be read.</source>
        <translation>Rien à afficher&#xa0;: le tableau de bord n&apos;a pas pu être lu.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln clients</source>
        <translation>
            <numerusform>%1 sur %Ln client</numerusform>
            <numerusform>%1 sur %Ln clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln clients</source>
        <translation>
            <numerusform>%Ln client</numerusform>
            <numerusform>%Ln clients</numerusform>
        </translation>
    </message>
    <message>
        <source>No client owes anything and nobody is blocked from booking.</source>
        <translation>Aucun client ne doit quoi que ce soit et personne n&apos;est interdit de réservation.</translation>
    </message>
    <message>
        <source>No client matches the filter.</source>
        <translation>Aucun client ne correspond au filtre.</translation>
    </message>
    <message>
        <source>Overdue clients are marked amber, blocked ones red; the tooltip says why. Enter or double-click opens a client.</source>
        <translation>Les clients en retard sont signalés en orange, les clients bloqués en rouge&#xa0;; l&apos;infobulle en donne la raison. Entrée ou un double-clic ouvre un client.</translation>
    </message>
    <message numerus="yes">
        <source>%n open invoices in other currencies are not included in these figures.</source>
        <translation>
            <numerusform>%n facture impayée dans une autre devise n&apos;est pas comprise dans ces chiffres.</numerusform>
            <numerusform>%n factures impayées dans d&apos;autres devises ne sont pas comprises dans ces chiffres.</numerusform>
        </translation>
    </message>
    <message>
        <source>Change the overdue balance above which a client&apos;s new bookings are declined or held (invoice policies)</source>
        <translation>Modifier le solde échu au-delà duquel les nouvelles réservations d&apos;un client sont refusées ou mises en attente (politiques de facturation)</translation>
    </message>
    <message>
        <source>See the booking block thresholds. Only a bookkeeper or owner can change them.</source>
        <translation>Consulter les seuils de blocage des réservations. Seul un comptable ou un propriétaire peut les modifier.</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::DashboardSyncHealth</name>
    <message>
        <source>Sync health</source>
        <translation>État de la synchronisation</translation>
    </message>
    <message>
        <source>How fast changes reach the other systems, what waits, and each connection.</source>
        <translation>La rapidité avec laquelle les modifications atteignent les autres systèmes, ce qui est en attente, et l&apos;état de chaque connexion.</translation>
    </message>
    <message>
        <source>Latency, last 24 hours</source>
        <translation>Latence, dernières 24&#xa0;heures</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>File d&apos;attente</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>en cours d&apos;envoi</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>Open &amp;retry queue</source>
        <translation>Ouvrir la file des &amp;reprises</translation>
    </message>
    <message>
        <source>Open the retry queue</source>
        <translation>Ouvrir la file des reprises</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>The authorization expires %1.</source>
        <translation>L&apos;autorisation expire le %1.</translation>
    </message>
    <message>
        <source>Concord does not know when this authorization expires.</source>
        <translation>Concord ne sait pas quand cette autorisation expire.</translation>
    </message>
    <message numerus="yes">
        <source>QuickBooks authorizations roll every %n days: reconnect before then.</source>
        <translation>
            <numerusform>Les autorisations QuickBooks expirent au bout de %n jour&#xa0;: reconnectez-vous avant.</numerusform>
            <numerusform>Les autorisations QuickBooks expirent au bout de %n jours&#xa0;: reconnectez-vous avant.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 authorization: %2</source>
        <translation>Autorisation %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Carried</source>
        <translation>Transmises</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>&lt; %1</source>
        <extracomment>Latency target, e.g. &quot;&lt; 1 min&quot;</extracomment>
        <translation>&lt; %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>nothing carried</source>
        <translation>rien de transmis</translation>
    </message>
    <message>
        <source>no promise</source>
        <translation>sans objectif</translation>
    </message>
    <message>
        <source>within target</source>
        <translation>dans l&apos;objectif</translation>
    </message>
    <message>
        <source>over target</source>
        <translation>au-delà de l&apos;objectif</translation>
    </message>
    <message>
        <source>%1: median %2, 95th percentile %3, target %4, %5</source>
        <extracomment>Screen reader summary of one latency row</extracomment>
        <translation>%1&#xa0;: médiane %2, 95e centile %3, objectif %4, %5</translation>
    </message>
    <message>
        <source>p50: half of the changes arrived within this time; p95: all but the slowest 5 %.</source>
        <translation>p50&#xa0;: la moitié des modifications sont arrivées dans ce délai&#xa0;; p95&#xa0;: toutes sauf les 5&#xa0;% les plus lentes.</translation>
    </message>
    <message numerus="yes">
        <source>%n failed changes wait for a person.</source>
        <translation>
            <numerusform>%n modification en échec attend une intervention.</numerusform>
            <numerusform>%n modifications en échec attendent une intervention.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing waits for a person.</source>
        <translation>Rien n&apos;attend d&apos;intervention.</translation>
    </message>
    <message>
        <source>Open the retry queue to retry, fix or dismiss changes.</source>
        <translation>Ouvrez la file des reprises pour réessayer, corriger ou ignorer des modifications.</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1&#xa0;ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1&#xa0;s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1&#xa0;min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1&#xa0;min %2&#xa0;s</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1&#xa0;h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1&#xa0;h %2&#xa0;min</translation>
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
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Other changes</source>
        <translation>Autres modifications</translation>
    </message>
    <message>
        <source>Token expired on %1</source>
        <translation>Le jeton a expiré le %1</translation>
    </message>
    <message>
        <source>Token expires today</source>
        <translation>Le jeton expire aujourd&apos;hui</translation>
    </message>
    <message numerus="yes">
        <source>Token expires in %n days</source>
        <translation>
            <numerusform>Le jeton expire dans %n jour</numerusform>
            <numerusform>Le jeton expire dans %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>You can look at the retry queue; only %1 can act on it.</source>
        <translation>Vous pouvez consulter la file des reprises&#xa0;; seul %1 peut y agir.</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::DashboardTile</name>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
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
        <translation>ex.&#xa0;: 10 ou 12,5</translation>
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
        <translation>Choisissez une paire à gauche pour comparer les deux enregistrements.</translation>
    </message>
    <message>
        <source>%1 %2 · %3</source>
        <extracomment>One piece of evidence: &quot;✓ same email · strong&quot;</extracomment>
        <translation>%1 %2 · %3</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Indices</translation>
    </message>
    <message numerus="yes">
        <source>%n linked records</source>
        <extracomment>Under a client&apos;s name in the comparison: &quot;3 linked records&quot;</extracomment>
        <translation>
            <numerusform>%n enregistrement lié</numerusform>
            <numerusform>%n enregistrements liés</numerusform>
        </translation>
    </message>
    <message>
        <source>Concord id %1</source>
        <translation>ID Concord %1</translation>
    </message>
    <message>
        <source>Keep this record</source>
        <translation>Conserver cette fiche</translation>
    </message>
    <message>
        <source>Keep the record of %1; the other merges into it</source>
        <translation>Conserver la fiche de %1&#xa0;; l&apos;autre y est fusionnée</translation>
    </message>
    <message>
        <source>✓ Survives</source>
        <translation>✓ Conservée</translation>
    </message>
    <message>
        <source>Merged into it</source>
        <translation>Fusionnée dans l&apos;autre</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Keep %1 %2 from %3</source>
        <extracomment>&quot;Keep email dana@example.com from Dana Whitfield&quot;</extracomment>
        <translation>Conserver la valeur %2 (%1) de %3</translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>%1 kept: %2</source>
        <translation>%1 — valeur conservée&#xa0;: %2</translation>
    </message>
    <message>
        <source>Keeps “%1”</source>
        <translation>Conserve «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Evidence for %1: %2</source>
        <translation>Indices pour %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Also compared:</source>
        <translation>Également comparés&#xa0;:</translation>
    </message>
    <message>
        <source>Matcher: %1</source>
        <extracomment>The duplicate matcher&apos;s own sentence about a pair</extracomment>
        <translation>Rapprochement&#xa0;: %1</translation>
    </message>
    <message>
        <source>QuickBooks customer</source>
        <translation>Client QuickBooks</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::DuplicateGroupsModel</name>
    <message>
        <source>No invoice (copies of each other)</source>
        <translation>Aucune facture (copies l&apos;une de l&apos;autre)</translation>
    </message>
    <message>
        <source>Invoice %1</source>
        <translation>Facture %1</translation>
    </message>
    <message>
        <source>note %1</source>
        <translation>note %1</translation>
    </message>
    <message>
        <source>not attached</source>
        <translation>non rattaché</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <source>HubSpot files</source>
        <translation>Fichiers HubSpot</translation>
    </message>
    <message>
        <source>Attached to</source>
        <translation>Rattaché à</translation>
    </message>
    <message>
        <source>Wasted</source>
        <translation>Espace perdu</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Que faire</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::DuplicateListModel</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Likely</source>
        <translation>Probabilité</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::DuplicateMergeDraft</name>
    <message>
        <source>keep %1&apos;s record</source>
        <extracomment>Undo history entry, e.g. &quot;Undo keep Dana Whitfield&apos;s record&quot;</extracomment>
        <translation>le choix de la fiche de %1</translation>
    </message>
    <message>
        <source>keep %1 “%2”</source>
        <extracomment>Undo history entry, e.g. &quot;Undo keep email “dana@example.com”&quot;</extracomment>
        <translation>le choix «&#xa0;%2&#xa0;» (%1)</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::FieldMappingModel</name>
    <message>
        <source>Add a field mapping</source>
        <translation>Ajouter une correspondance de champ</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n field mappings</source>
        <translation>
            <numerusform>Supprimer %n correspondance de champ</numerusform>
            <numerusform>Supprimer %n correspondances de champ</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <source>With QuickBooks in it, this row becomes a billing-side mapping, which only %1 can change: choose Cal.com or HubSpot instead.</source>
        <translation>Avec QuickBooks, cette ligne devient une correspondance côté facturation, que seul %1 peut modifier&#xa0;: choisissez plutôt Cal.com ou HubSpot.</translation>
    </message>
    <message>
        <source>Without QuickBooks in it, this row becomes a booking-side mapping, which only %1 can change: keep QuickBooks as its source or target.</source>
        <translation>Sans QuickBooks, cette ligne devient une correspondance côté réservations, que seul %1 peut modifier&#xa0;: gardez QuickBooks comme source ou comme cible.</translation>
    </message>
    <message>
        <source>On</source>
        <extracomment>Column: whether the mapping is switched on</extracomment>
        <translation>Active</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Values</source>
        <extracomment>Column: the kind of values the field holds</extracomment>
        <translation>Valeurs</translation>
    </message>
    <message>
        <source>From</source>
        <extracomment>Column: the system the value is read from</extracomment>
        <translation>Source</translation>
    </message>
    <message>
        <source>Read at</source>
        <translation>Chemin source</translation>
    </message>
    <message>
        <source>To</source>
        <extracomment>Column: the system the value is written to</extracomment>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Written to</source>
        <translation>Chemin cible</translation>
    </message>
    <message>
        <source>Transform</source>
        <translation>Transformation</translation>
    </message>
    <message>
        <source>System of record</source>
        <translation>Système de référence</translation>
    </message>
    <message>
        <source>%1 (needs: %2)</source>
        <extracomment>A transform that does not fit the field: &quot;e164 (needs a Phone number)&quot;</extracomment>
        <translation>%1 (requiert&#xa0;: %2)</translation>
    </message>
    <message>
        <source>Not a transform Concord knows</source>
        <translation>Transformation inconnue de Concord</translation>
    </message>
    <message>
        <source>Choose a field</source>
        <translation>Choisissez un champ</translation>
    </message>
    <message>
        <source>Not a Concord field</source>
        <translation>Champ inconnu de Concord</translation>
    </message>
    <message>
        <source>New: not applied yet</source>
        <translation>Nouvelle&#xa0;: pas encore appliquée</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Last changed by %1, %2</source>
        <translation>Dernière modification par %1, %2</translation>
    </message>
    <message>
        <source>%1 (changed here, not applied yet)</source>
        <translation>%1 (modifiée ici, pas encore appliquée)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; holds: %2. Its transform must accept that.</source>
        <translation>«&#xa0;%1&#xa0;» contient&#xa0;: %2. Sa transformation doit l&apos;accepter.</translation>
    </message>
    <message>
        <source>The one system whose value of &apos;%1&apos; is right. Concord carries it from there and never writes it back into it.</source>
        <translation>Le seul système dont la valeur de «&#xa0;%1&#xa0;» fait foi. Concord la transmet depuis ce système et ne l&apos;y réécrit jamais.</translation>
    </message>
    <message>
        <source>Switch on %1</source>
        <translation>Activer %1</translation>
    </message>
    <message>
        <source>Switch off %1</source>
        <translation>Désactiver %1</translation>
    </message>
    <message>
        <source>Change the field of %1</source>
        <translation>Changer le champ de %1</translation>
    </message>
    <message>
        <source>Change where %1 is read</source>
        <translation>Changer la source de %1</translation>
    </message>
    <message>
        <source>Change where %1 is written</source>
        <translation>Changer la cible de %1</translation>
    </message>
    <message>
        <source>Change the system of record of %1</source>
        <translation>Changer le système de référence de %1</translation>
    </message>
    <message>
        <source>Change the source path of %1</source>
        <translation>Changer le chemin source de %1</translation>
    </message>
    <message>
        <source>Change the target path of %1</source>
        <translation>Changer le chemin cible de %1</translation>
    </message>
    <message>
        <source>Change the transform of %1</source>
        <translation>Changer la transformation de %1</translation>
    </message>
    <message>
        <source>Whether Concord carries this field now (a switched-off row is still checked)</source>
        <translation>Indique si Concord transmet actuellement ce champ (une ligne désactivée est tout de même contrôlée)</translation>
    </message>
    <message>
        <source>The kind of values the field holds: the transform must accept them</source>
        <translation>Le type de valeurs que contient le champ&#xa0;: la transformation doit les accepter</translation>
    </message>
    <message>
        <source>Where the value is read in the source system</source>
        <translation>Emplacement où la valeur est lue dans le système source</translation>
    </message>
    <message>
        <source>Where the value is written in the target system</source>
        <translation>Emplacement où la valeur est écrite dans le système cible</translation>
    </message>
    <message>
        <source>How the value is turned into what the target expects</source>
        <translation>Comment la valeur est convertie dans la forme attendue par la cible</translation>
    </message>
    <message>
        <source>The one system whose value is right: every row of a field names the same one</source>
        <translation>Le seul système dont la valeur fait foi&#xa0;: toutes les lignes d&apos;un même champ désignent le même</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::IdentityMapModel</name>
    <message>
        <source>not linked</source>
        <translation>non lié</translation>
    </message>
    <message>
        <source>✓ %1</source>
        <extracomment>A linked record in the identity map: a check mark and the record&apos;s id</extracomment>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>%1 +%2</source>
        <extracomment>&quot;✓ ana@example.org +1&quot;: one more record of the same client in that system</extracomment>
        <translation>%1 +%2</translation>
    </message>
    <message>
        <source>No %1 is linked to this client.</source>
        <translation>%1&#xa0;: aucun enregistrement lié à ce client.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1, %2% sure</source>
        <extracomment>&quot;matched by phone, 70% sure&quot;</extracomment>
        <translation>%1, certitude %2&#xa0;%</translation>
    </message>
    <message>
        <source>Linked by %1 on %2</source>
        <translation>Lié par %1 le %2</translation>
    </message>
    <message numerus="yes">
        <source>%n more records of this client in %1</source>
        <translation>
            <numerusform>%n autre enregistrement de ce client dans %1</numerusform>
            <numerusform>%n autres enregistrements de ce client dans %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Concord id %1</source>
        <translation>ID Concord %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Read by screen readers: &quot;HubSpot: 901&quot; / &quot;HubSpot: not linked&quot;</extracomment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>HubSpot</source>
        <translation>HubSpot</translation>
    </message>
    <message>
        <source>QuickBooks</source>
        <translation>QuickBooks</translation>
    </message>
    <message>
        <source>Cal.com</source>
        <translation>Cal.com</translation>
    </message>
    <message>
        <source>The client&apos;s %1, or “not linked”</source>
        <translation>L&apos;enregistrement lié (%1), ou «&#xa0;non lié&#xa0;»</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::InvoicePoliciesModel</name>
    <message>
        <source>A client&apos;s own policy beats a service&apos;s, which beats the default.</source>
        <translation>La politique propre à un client l&apos;emporte sur celle d&apos;un service, qui l&apos;emporte sur la politique par défaut.</translation>
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
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
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
    <message numerus="yes">
        <source> days</source>
        <translation>
            <numerusform> jour</numerusform>
            <numerusform> jours</numerusform>
        </translation>
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
    <message numerus="yes">
        <source> hours before the session</source>
        <translation>
            <numerusform> heure avant la séance</numerusform>
            <numerusform> heures avant la séance</numerusform>
        </translation>
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
        <translation>ID %1</translation>
    </message>
    <message>
        <source>Not in QuickBooks yet</source>
        <translation>Pas encore dans QuickBooks</translation>
    </message>
    <message>
        <source>Late-cancellation fee</source>
        <translation>Frais d&apos;annulation tardive</translation>
    </message>
    <message>
        <source>No session</source>
        <translation>Aucune séance</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Fee for %1</source>
        <translation>Frais pour %1</translation>
    </message>
    <message numerus="yes">
        <source>%n sessions</source>
        <translation>
            <numerusform>%n séance</numerusform>
            <numerusform>%n séances</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 canceled</source>
        <translation>%1 · annulations&#xa0;: %2</translation>
    </message>
    <message>
        <source>Not linked</source>
        <translation>Non liée</translation>
    </message>
    <message>
        <source>Deal %1</source>
        <translation>Transaction %1</translation>
    </message>
    <message>
        <source>%1 of %2 deals linked</source>
        <translation>Transactions liées&#xa0;: %1 sur %2</translation>
    </message>
    <message>
        <source>QuickBooks invoice id %1</source>
        <translation>ID de facture QuickBooks %1</translation>
    </message>
    <message>
        <source>%1 · %2 · booking %3</source>
        <translation>%1 · %2 · réservation %3</translation>
    </message>
    <message>
        <source>not linked</source>
        <translation>non liée</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>Divergences</translation>
    </message>
    <message>
        <source>All systems</source>
        <translation>Tous les systèmes</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message numerus="yes">
        <source>%1 (+%n more)</source>
        <extracomment>The first disagreement&apos;s reason, then how many more there are</extracomment>
        <translation>
            <numerusform>%1 (+%n autre)</numerusform>
            <numerusform>%1 (+%n autres)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Concord::Ui::InvoicesPage</name>
    <message>
        <source>Invoices</source>
        <translation>Factures</translation>
    </message>
    <message>
        <source>Each QuickBooks invoice beside the Cal.com sessions it bills and their HubSpot deals; where they disagree, the row is marked and says why.</source>
        <translation>Chaque facture QuickBooks à côté des séances Cal.com qu&apos;elle facture et de leurs transactions HubSpot&#xa0;; lorsqu&apos;ils divergent, la ligne est signalée et en indique la raison.</translation>
    </message>
    <message>
        <source>Invoices in QuickBooks, Cal.com and HubSpot</source>
        <translation>Factures dans QuickBooks, Cal.com et HubSpot</translation>
    </message>
    <message numerus="yes">
        <source>%Ln invoices</source>
        <translation>
            <numerusform>%Ln facture</numerusform>
            <numerusform>%Ln factures</numerusform>
        </translation>
    </message>
    <message>
        <source>No invoices dated from %1 to %2. Choose other days above.</source>
        <translation>Aucune facture datée du %1 au %2. Choisissez d&apos;autres jours ci-dessus.</translation>
    </message>
    <message>
        <source>Invoice %1 · %2 · %3</source>
        <translation>Facture %1 · %2 · %3</translation>
    </message>
    <message>
        <source>dated %1</source>
        <translation>datée du %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>échéance le %1</translation>
    </message>
    <message>
        <source>late-cancellation fee</source>
        <translation>frais d&apos;annulation tardive</translation>
    </message>
    <message>
        <source>Invoice: %1</source>
        <translation>Facture&#xa0;: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Statut&#xa0;: %1</translation>
    </message>
    <message>
        <source>Total %1 · balance %2</source>
        <translation>Total %1 · solde %2</translation>
    </message>
    <message>
        <source>Customer&apos;s link: %1</source>
        <translation>Lien pour le client&#xa0;: %1</translation>
    </message>
    <message>
        <source>invoice</source>
        <translation>la facture</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>no booking</source>
        <translation>aucune réservation</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>No deal</source>
        <translation>Aucune transaction</translation>
    </message>
    <message>
        <source>Deal %1</source>
        <translation>Transaction %1</translation>
    </message>
    <message>
        <source>No session is on this invoice.</source>
        <translation>Aucune séance ne figure sur cette facture.</translation>
    </message>
    <message>
        <source>No deal: no session is on this invoice.</source>
        <translation>Aucune transaction&#xa0;: aucune séance ne figure sur cette facture.</translation>
    </message>
    <message>
        <source>booking</source>
        <translation>la réservation</translation>
    </message>
    <message>
        <source>deal</source>
        <translation>la transaction</translation>
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
        <translation>Tableau de bord</translation>
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
        <source>Mappings</source>
        <translation>Correspondances</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>No web browser could open %1</source>
        <extracomment>Status bar: no web browser could be started; the address can be copied by hand</extracomment>
        <translation>Aucun navigateur web n&apos;a pu ouvrir %1</translation>
    </message>
    <message>
        <source>Done: %1 · %2</source>
        <extracomment>Status bar: a change the sync engine carried, &quot;&lt;what&gt; · &lt;record&gt;&quot;</extracomment>
        <translation>Modification transmise&#xa0;: %1 · %2</translation>
    </message>
    <message>
        <source>Not carried: %1 · %2: %3</source>
        <extracomment>Status bar: a change not carried, &quot;&lt;what&gt; · &lt;record&gt;: &lt;cause in words&gt;&quot;</extracomment>
        <translation>Modification non transmise&#xa0;: %1 · %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <source>Monthly reconciliation</source>
        <translation>Rapprochement mensuel</translation>
    </message>
    <message>
        <source>Quarterly audit</source>
        <translation>Audit trimestriel</translation>
    </message>
    <message>
        <source>Go/no-go checklist</source>
        <translation>Liste de décision</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Revues</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::MappingText</name>
    <message>
        <source>Cal.com</source>
        <translation>Cal.com</translation>
    </message>
    <message>
        <source>HubSpot</source>
        <translation>HubSpot</translation>
    </message>
    <message>
        <source>QuickBooks</source>
        <translation>QuickBooks</translation>
    </message>
    <message>
        <source>Any value</source>
        <translation>Toute valeur</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Record id</source>
        <translation>ID d&apos;enregistrement</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Adresse e-mail</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Numéro de téléphone</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Decimal number</source>
        <translation>Nombre décimal</translation>
    </message>
    <message>
        <source>Amount of money</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Amount in cents</source>
        <translation>Montant en centimes</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Web link</source>
        <translation>Lien web</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>Statut de paiement</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>Rien</translation>
    </message>
    <message>
        <source>Move the deal to</source>
        <translation>Déplacer la transaction vers</translation>
    </message>
    <message>
        <source>Create a task</source>
        <translation>Créer une tâche</translation>
    </message>
    <message>
        <source>Close open tasks</source>
        <translation>Clore les tâches ouvertes</translation>
    </message>
    <message>
        <source>(no field)</source>
        <translation>(aucun champ)</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <extracomment>A field mapping: &quot;email: HubSpot → QuickBooks&quot;</extracomment>
        <translation>%1&#xa0;: %2 → %3</translation>
    </message>
    <message>
        <source>%1 · %2 → %3</source>
        <extracomment>A status mapping: &quot;Payment · Paid → Move the deal to&quot;</extracomment>
        <translation>%1 · %2 → %3</translation>
    </message>
    <message>
        <source>billing-side</source>
        <translation>côté facturation</translation>
    </message>
    <message>
        <source>booking-side</source>
        <translation>côté réservations</translation>
    </message>
    <message>
        <source>Only %1 can change mappings.</source>
        <translation>Seul %1 peut modifier les correspondances.</translation>
    </message>
    <message>
        <source>This is a billing-side mapping (it touches QuickBooks or payments): only %1 can change it.</source>
        <translation>Cette correspondance relève de la facturation (elle concerne QuickBooks ou les paiements)&#xa0;: seul %1 peut la modifier.</translation>
    </message>
    <message>
        <source>This is a booking-side mapping (appointments, contacts): only %1 can change it.</source>
        <translation>Cette correspondance relève des réservations (rendez-vous, contacts)&#xa0;: seul %1 peut la modifier.</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::MappingsPage</name>
    <message>
        <source>Discard and reload</source>
        <translation>Abandonner et recharger</translation>
    </message>
    <message>
        <source>Mappings</source>
        <translation>Correspondances</translation>
    </message>
    <message>
        <source>Which fields Concord carries between Cal.com, HubSpot and QuickBooks, which system owns each, and what a status does in HubSpot. Edits take effect together when you apply them.</source>
        <translation>Les champs que Concord transmet entre Cal.com, HubSpot et QuickBooks, le système qui fait référence pour chacun, et ce qu&apos;un statut déclenche dans HubSpot. Les modifications prennent effet ensemble lorsque vous les appliquez.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Read the mappings as they are stored now</source>
        <translation>Relire les correspondances telles qu&apos;elles sont enregistrées actuellement</translation>
    </message>
    <message>
        <source>Reload…</source>
        <translation>Recharger…</translation>
    </message>
    <message>
        <source>Load the mappings as they are stored now; asks before dropping your edits</source>
        <translation>Charger les correspondances telles qu&apos;elles sont enregistrées actuellement&#xa0;; demande confirmation avant d&apos;abandonner vos modifications</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>A&amp;bandonner</translation>
    </message>
    <message>
        <source>A&amp;pply changes</source>
        <translation>A&amp;ppliquer les modifications</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <source>Statuses</source>
        <translation>Statuts</translation>
    </message>
    <message>
        <source>Each row carries one field from one system into another. A field has one system of record: Concord reads it there and never writes it back into it. Double-click a cell to change it.</source>
        <translation>Chaque ligne transmet un champ d&apos;un système vers un autre. Un champ a un seul système de référence&#xa0;: Concord l&apos;y lit et ne l&apos;y réécrit jamais. Double-cliquez sur une cellule pour la modifier.</translation>
    </message>
    <message>
        <source>What an appointment or payment status does in HubSpot: move the deal to a stage of the pipeline, create a task for the deal&apos;s owner, or close the open tasks. Double-click a cell to change it.</source>
        <translation>Ce qu&apos;un statut de rendez-vous ou de paiement déclenche dans HubSpot&#xa0;: déplacer la transaction vers une étape du pipeline, créer une tâche pour le propriétaire de la transaction, ou clore les tâches ouvertes. Double-cliquez sur une cellule pour la modifier.</translation>
    </message>
    <message>
        <source>&amp;Add field</source>
        <translation>A&amp;jouter un champ</translation>
    </message>
    <message>
        <source>&amp;Add status</source>
        <translation>A&amp;jouter un statut</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Add a field mapping</source>
        <translation>Ajouter une correspondance de champ</translation>
    </message>
    <message>
        <source>Add a status mapping</source>
        <translation>Ajouter une correspondance de statut</translation>
    </message>
    <message>
        <source>Remove the selected field mappings</source>
        <translation>Supprimer les correspondances de champ sélectionnées</translation>
    </message>
    <message>
        <source>Remove the selected status mappings</source>
        <translation>Supprimer les correspondances de statut sélectionnées</translation>
    </message>
    <message>
        <source>Field mappings</source>
        <translation>Correspondances de champs</translation>
    </message>
    <message>
        <source>Status mappings</source>
        <translation>Correspondances de statuts</translation>
    </message>
    <message>
        <source>No problems: every field has one system of record, every transform fits its field&apos;s values, and every status does something HubSpot can do.</source>
        <translation>Aucun problème&#xa0;: chaque champ a un seul système de référence, chaque transformation convient aux valeurs de son champ, et chaque statut déclenche une action possible dans HubSpot.</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>Amount of money</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>QuickBooks</source>
        <translation>QuickBooks</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Partially paid</source>
        <translation>Partiellement payé</translation>
    </message>
    <message>
        <source>Move the deal to</source>
        <translation>Déplacer la transaction vers</translation>
    </message>
    <message>
        <source>The mappings were changed meanwhile (by someone else, or by Concord). Your edits are kept and not applied; Reload shows the current mappings (your edits are dropped, so note them first).</source>
        <translation>Les correspondances ont été modifiées entre-temps (par quelqu&apos;un d&apos;autre, ou par Concord). Vos modifications sont conservées mais pas appliquées&#xa0;; Recharger affiche les correspondances actuelles (vos modifications sont alors abandonnées&#xa0;: notez-les d&apos;abord).</translation>
    </message>
    <message>
        <source>You can look at the mappings but not change them: only %1 can.</source>
        <translation>Vous pouvez consulter les correspondances mais pas les modifier&#xa0;: seul %1 le peut.</translation>
    </message>
    <message>
        <source>You can change booking-side mappings. Billing-side ones (those touching QuickBooks, and payment statuses) are read-only for you: only %1 can change them.</source>
        <translation>Vous pouvez modifier les correspondances côté réservations. Celles côté facturation (celles qui concernent QuickBooks, et les statuts de paiement) sont en lecture seule pour vous&#xa0;: seul %1 peut les modifier.</translation>
    </message>
    <message>
        <source>You can change billing-side mappings (those touching QuickBooks, and payment statuses). The others are read-only for you: only %1 can change them.</source>
        <translation>Vous pouvez modifier les correspondances côté facturation (celles qui concernent QuickBooks, et les statuts de paiement). Les autres sont en lecture seule pour vous&#xa0;: seul %1 peut les modifier.</translation>
    </message>
    <message>
        <source>Applying your changes…</source>
        <translation>Application de vos modifications…</translation>
    </message>
    <message>
        <source>Applied; loading the stored mappings…</source>
        <translation>Modifications appliquées&#xa0;; chargement des correspondances enregistrées…</translation>
    </message>
    <message>
        <source>Changes not applied yet: %1</source>
        <translation>Modifications non encore appliquées&#xa0;: %1</translation>
    </message>
    <message>
        <source>No changes</source>
        <translation>Aucune modification</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Undo: %1 (Ctrl+Z)</source>
        <translation>Annuler&#xa0;: %1 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Rien à annuler</translation>
    </message>
    <message>
        <source>Redo: %1 (Ctrl+Shift+Z)</source>
        <translation>Rétablir&#xa0;: %1 (Ctrl+Maj+Z)</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>Rien à rétablir</translation>
    </message>
    <message>
        <source>Wait for the answer to the last apply</source>
        <translation>Attendez la réponse à la dernière application</translation>
    </message>
    <message>
        <source>Nothing to apply: no changes</source>
        <translation>Rien à appliquer&#xa0;: aucune modification</translation>
    </message>
    <message>
        <source>Fix the problems marked in red first (listed below the table)</source>
        <translation>Corrigez d&apos;abord les problèmes signalés en rouge (listés sous le tableau)</translation>
    </message>
    <message>
        <source>Save all your changes together; if any cannot be saved, none is</source>
        <translation>Enregistrer toutes vos modifications ensemble&#xa0;; si l&apos;une d&apos;elles ne peut pas être enregistrée, aucune ne l&apos;est</translation>
    </message>
    <message>
        <source>Undo every change not applied yet (Redo brings them back)</source>
        <translation>Annuler toutes les modifications non encore appliquées (Rétablir les restaure)</translation>
    </message>
    <message>
        <source>Nothing to discard</source>
        <translation>Rien à abandonner</translation>
    </message>
    <message>
        <source>Add a field mapping (then choose its field)</source>
        <translation>Ajouter une correspondance de champ (puis choisir son champ)</translation>
    </message>
    <message>
        <source>Add a status mapping (then choose its status and action)</source>
        <translation>Ajouter une correspondance de statut (puis choisir son statut et son action)</translation>
    </message>
    <message>
        <source>Select the rows to remove first</source>
        <translation>Sélectionnez d&apos;abord les lignes à supprimer</translation>
    </message>
    <message>
        <source>Remove the selected rows (Del)</source>
        <translation>Supprimer les lignes sélectionnées (Suppr)</translation>
    </message>
    <message>
        <source>%1, row %2 (%3): %4</source>
        <extracomment>A problem: &quot;Fields, row 3 (phone: HubSpot → QuickBooks): The transform …&quot;</extracomment>
        <translation>%1, ligne %2 (%3)&#xa0;: %4</translation>
    </message>
    <message>
        <source>Must be fixed before applying. Click to show the row.</source>
        <translation>À corriger avant d&apos;appliquer. Cliquez pour afficher la ligne.</translation>
    </message>
    <message>
        <source>A warning: applying is still possible. Click to show the row.</source>
        <translation>Avertissement&#xa0;: l&apos;application reste possible. Cliquez pour afficher la ligne.</translation>
    </message>
    <message>
        <source>Problems: %1 to fix before applying</source>
        <translation>Problèmes&#xa0;: %1 à corriger avant d&apos;appliquer</translation>
    </message>
    <message>
        <source>Problems: %1 to consider (applying is still possible)</source>
        <translation>Problèmes&#xa0;: %1 à examiner (l&apos;application reste possible)</translation>
    </message>
    <message>
        <source>Problems: %1 to fix before applying, %2 to consider</source>
        <translation>Problèmes&#xa0;: %1 à corriger avant d&apos;appliquer, %2 à examiner</translation>
    </message>
    <message>
        <source>Your changes were applied.</source>
        <translation>Vos modifications ont été appliquées.</translation>
    </message>
    <message>
        <source>%1
Your edits are still here and nothing was applied.</source>
        <extracomment>After why an apply failed: the person&apos;s work is not lost.</extracomment>
        <translation>%1
Vos modifications sont toujours là et rien n&apos;a été appliqué.</translation>
    </message>
    <message>
        <source>Discard your changes?</source>
        <translation>Abandonner vos modifications&#xa0;?</translation>
    </message>
    <message>
        <source>You have changes that are not applied yet (%1). Reloading shows the mappings as they are stored now and drops them.</source>
        <translation>Vous avez des modifications non encore appliquées (%1). Recharger affiche les correspondances telles qu&apos;elles sont enregistrées actuellement et abandonne vos modifications.</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::MonthlyChartCard</name>
    <message>
        <source>Invoiced vs collected</source>
        <translation>Facturé et encaissé</translation>
    </message>
    <message>
        <source>Invoiced and collected per month chart</source>
        <translation>Graphique du facturé et de l&apos;encaissé par mois</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>%1: invoiced %2, collected %3</source>
        <extracomment>%1 = month and year, %2 = amount invoiced, %3 = amount collected</extracomment>
        <translation>%1&#xa0;: facturé %2, encaissé %3</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <extracomment>%1 = first month, %2 = last month (&quot;April 2025 – March 2026&quot;)</extracomment>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>No invoices or payments yet in these 12 months. Bars appear here as QuickBooks invoices and payments are synced.</source>
        <translation>Aucune facture ni aucun paiement sur ces 12&#xa0;mois. Les barres apparaîtront ici à mesure que les factures et les paiements QuickBooks seront synchronisés.</translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation>Facturé</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Encaissé</translation>
    </message>
    <message>
        <source>%1 · %2: %3</source>
        <extracomment>Tooltip: &quot;March 2026 · Invoiced: $130.00&quot;</extracomment>
        <translation>%1 · %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1 · invoiced %2, collected %3</source>
        <extracomment>%1 = period, %2 = total invoiced, %3 = total collected</extracomment>
        <translation>%1 · facturé %2, encaissé %3</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::OverdueClientsModel</name>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Oldest due</source>
        <translation>Plus ancienne échéance</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Jours de retard</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Factures</translation>
    </message>
    <message>
        <source>Past due</source>
        <translation>Échu</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
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
    <name>Concord::Ui::QuarterlyAuditView</name>
    <message>
        <source>Quarterly audit</source>
        <translation>Audit trimestriel</translation>
    </message>
    <message>
        <source>Field mappings, permissions and invoice-PDF storage, checked once a quarter. Read-only: nothing is changed anywhere.</source>
        <translation>Correspondances de champs, autorisations et stockage des PDF de factures, contrôlés une fois par trimestre. Lecture seule&#xa0;: rien n&apos;est modifié nulle part.</translation>
    </message>
    <message>
        <source>Run audit</source>
        <translation>Lancer l&apos;audit</translation>
    </message>
    <message>
        <source>Changed since last review</source>
        <translation>Modifiées depuis la dernière revue</translation>
    </message>
    <message>
        <source>Unused</source>
        <translation>Inutilisées</translation>
    </message>
    <message>
        <source>Conflicting authority</source>
        <translation>Systèmes de référence en conflit</translation>
    </message>
    <message>
        <source>Changed since the last quarterly review</source>
        <translation>Modifiées depuis la dernière revue trimestrielle</translation>
    </message>
    <message>
        <source>No mapping changed since the last quarterly review.</source>
        <translation>Aucune correspondance modifiée depuis la dernière revue trimestrielle.</translation>
    </message>
    <message>
        <source>Unused and conflicting mappings</source>
        <translation>Correspondances inutilisées ou en conflit</translation>
    </message>
    <message>
        <source>Every mapping carried data and no two disagree on who owns a field.</source>
        <translation>Chaque correspondance a transmis des données et aucune ne contredit une autre sur le système de référence d&apos;un champ.</translation>
    </message>
    <message>
        <source>Mappings</source>
        <translation>Correspondances</translation>
    </message>
    <message>
        <source>Active users</source>
        <translation>Utilisateurs actifs</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <source>One owner, edit rights only where needed, and everyone signed in lately.</source>
        <translation>Un propriétaire, des droits de modification limités au nécessaire, et des connexions récentes pour tous.</translation>
    </message>
    <message>
        <source>Who can do what</source>
        <translation>Qui peut faire quoi</translation>
    </message>
    <message>
        <source>No active users.</source>
        <translation>Aucun utilisateur actif.</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Autorisations</translation>
    </message>
    <message>
        <source>Cached PDFs</source>
        <translation>PDF en cache</translation>
    </message>
    <message>
        <source>Past retention</source>
        <translation>Conservation dépassée</translation>
    </message>
    <message>
        <source>Copied into HubSpot</source>
        <translation>Copiés dans HubSpot</translation>
    </message>
    <message>
        <source>Invoice PDFs duplicated in HubSpot (same bytes)</source>
        <translation>PDF de factures en double dans HubSpot (contenu identique)</translation>
    </message>
    <message>
        <source>No invoice PDF is stored twice in HubSpot.</source>
        <translation>Aucun PDF de facture n&apos;est stocké en double dans HubSpot.</translation>
    </message>
    <message>
        <source>Cache files to look at</source>
        <translation>Fichiers du cache à examiner</translation>
    </message>
    <message>
        <source>Every cached file is named, present and within retention.</source>
        <translation>Chaque fichier en cache est référencé, présent et dans la durée de conservation.</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Stockage</translation>
    </message>
    <message>
        <source>No audit yet. Run one to see this quarter&apos;s findings.</source>
        <translation>Aucun audit pour l&apos;instant. Lancez-en un pour voir les constats de ce trimestre.</translation>
    </message>
    <message>
        <source>%1 field and %2 status mappings, compared with the review of %3.</source>
        <translation>Correspondances de champs&#xa0;: %1, de statuts&#xa0;: %2, comparées à la revue du %3.</translation>
    </message>
    <message>
        <source>%1 field and %2 status mappings. No quarterly review was completed yet, so every mapping counts as changed.</source>
        <translation>Correspondances de champs&#xa0;: %1, de statuts&#xa0;: %2. Aucune revue trimestrielle n&apos;a encore été clôturée&#xa0;: toutes les correspondances sont donc considérées comme modifiées.</translation>
    </message>
    <message>
        <source>No PDF cache folder is configured.</source>
        <translation>Aucun dossier de cache des PDF n&apos;est configuré.</translation>
    </message>
    <message numerus="yes">
        <source>Cache %1: %n PDF(s), %2.</source>
        <translation>
            <numerusform>Cache %1&#xa0;: %n&#xa0;PDF, %2.</numerusform>
            <numerusform>Cache %1&#xa0;: %n&#xa0;PDF, %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retention %n day(s); %1 past it.</source>
        <translation>
            <numerusform>Conservation&#xa0;: %n&#xa0;jour&#xa0;; %1 au-delà.</numerusform>
            <numerusform>Conservation&#xa0;: %n&#xa0;jours&#xa0;; %1 au-delà.</numerusform>
        </translation>
    </message>
    <message>
        <source>Copies are kept forever (retention 0).</source>
        <translation>Les copies sont conservées indéfiniment (conservation 0).</translation>
    </message>
    <message numerus="yes">
        <source>%n orphan file(s), %1.</source>
        <translation>
            <numerusform>%n fichier orphelin, %1.</numerusform>
            <numerusform>%n fichiers orphelins, %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>HubSpot: %n PDF(s) compared by SHA-256, %1 wasted.</source>
        <translation>
            <numerusform>HubSpot&#xa0;: %n&#xa0;PDF comparé par SHA-256, %1 d&apos;espace perdu.</numerusform>
            <numerusform>HubSpot&#xa0;: %n&#xa0;PDF comparés par SHA-256, %1 d&apos;espace perdu.</numerusform>
        </translation>
    </message>
    <message>
        <source>HubSpot was not scanned (not connected).</source>
        <translation>HubSpot n&apos;a pas été analysé (non connecté).</translation>
    </message>
    <message>
        <source>Mappings (%1)</source>
        <translation>Correspondances (%1)</translation>
    </message>
    <message>
        <source>Permissions (%1)</source>
        <translation>Autorisations (%1)</translation>
    </message>
    <message>
        <source>Storage (%1)</source>
        <translation>Stockage (%1)</translation>
    </message>
    <message>
        <source>Audit of %1: nothing to act on.</source>
        <translation>Audit du %1&#xa0;: rien à traiter.</translation>
    </message>
    <message numerus="yes">
        <source>Audit of %1: %n finding(s) to look at.</source>
        <translation>
            <numerusform>Audit du %1&#xa0;: %n constat à examiner.</numerusform>
            <numerusform>Audit du %1&#xa0;: %n constats à examiner.</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit could not be made: %1</source>
        <translation>L&apos;audit n&apos;a pas pu être effectué&#xa0;: %1</translation>
    </message>
    <message>
        <source>No audit yet.</source>
        <translation>Aucun audit pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Running the audit… (HubSpot&apos;s files are downloaded and hashed; this can take a minute.)</source>
        <translation>Audit en cours… (les fichiers de HubSpot sont téléchargés et hachés&#xa0;; cela peut prendre une minute.)</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>En cours…</translation>
    </message>
    <message>
        <source>Check mappings, permissions and storage now (read-only).</source>
        <translation>Contrôler maintenant les correspondances, les autorisations et le stockage (lecture seule).</translation>
    </message>
    <message>
        <source>Sign in to run the audit.</source>
        <translation>Connectez-vous pour lancer l&apos;audit.</translation>
    </message>
    <message>
        <source>Run the audit to fill this in.</source>
        <translation>Lancez l&apos;audit pour remplir cette section.</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::ReconciliationModel</name>
    <message>
        <source>Payment %1 · %2 unapplied</source>
        <translation>Paiement %1 · %2 non affecté</translation>
    </message>
    <message>
        <source>No invoice</source>
        <translation>Aucune facture</translation>
    </message>
    <message>
        <source>Invoice %1 · %2 (balance %3)</source>
        <translation>Facture %1 · %2 (solde %3)</translation>
    </message>
    <message>
        <source>No deal</source>
        <translation>Aucune transaction</translation>
    </message>
    <message>
        <source>Deal %1 · deleted</source>
        <translation>Transaction %1 · supprimée</translation>
    </message>
    <message>
        <source>Deal %1 · %2 · %3</source>
        <translation>Transaction %1 · %2 · %3</translation>
    </message>
    <message>
        <source>One click</source>
        <translation>En un clic</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>À la main</translation>
    </message>
    <message>
        <source>Mismatch</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Session (Concord)</source>
        <translation>Séance (Concord)</translation>
    </message>
    <message>
        <source>QuickBooks</source>
        <translation>QuickBooks</translation>
    </message>
    <message>
        <source>HubSpot</source>
        <translation>HubSpot</translation>
    </message>
    <message>
        <source>Likely cause</source>
        <translation>Cause probable</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Correction</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::ReconciliationView</name>
    <message>
        <source>&amp;Month:</source>
        <translation>&amp;Mois&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Reconcile</source>
        <translation>&amp;Rapprocher</translation>
    </message>
    <message>
        <source>Compare Concord&apos;s sessions with QuickBooks and HubSpot for this month</source>
        <translation>Comparer les séances de Concord avec QuickBooks et HubSpot pour ce mois</translation>
    </message>
    <message>
        <source>Booked (Concord)</source>
        <translation>Réservé (Concord)</translation>
    </message>
    <message>
        <source>Invoiced (QuickBooks)</source>
        <translation>Facturé (QuickBooks)</translation>
    </message>
    <message>
        <source>Collected (QuickBooks)</source>
        <translation>Encaissé (QuickBooks)</translation>
    </message>
    <message>
        <source>Deals (HubSpot)</source>
        <translation>Transactions (HubSpot)</translation>
    </message>
    <message>
        <source>Choose a month and press Reconcile.</source>
        <translation>Choisissez un mois et cliquez sur «&#xa0;Rapprocher&#xa0;».</translation>
    </message>
    <message>
        <source>Mismatches</source>
        <translation>Écarts</translation>
    </message>
    <message>
        <source>Mismatch details</source>
        <translation>Détails de l&apos;écart</translation>
    </message>
    <message>
        <source>&amp;Fix</source>
        <translation>&amp;Corriger</translation>
    </message>
    <message>
        <source>QuickBooks figures as of %1 (last billing sync).</source>
        <translation>Chiffres QuickBooks au %1 (dernière synchronisation de la facturation).</translation>
    </message>
    <message>
        <source>QuickBooks has not synced yet: its figures may be missing.</source>
        <translation>QuickBooks n&apos;a pas encore été synchronisé&#xa0;: ses chiffres peuvent être incomplets.</translation>
    </message>
    <message>
        <source>HubSpot deals read live.</source>
        <translation>Transactions HubSpot lues en direct.</translation>
    </message>
    <message>
        <source>HubSpot deals not read.</source>
        <translation>Transactions HubSpot non lues.</translation>
    </message>
    <message>
        <source>%1 sessions, canceled ones left out</source>
        <translation>%1&#xa0;séances, hors annulations</translation>
    </message>
    <message>
        <source>Sessions&apos; lines %1, %2 vs booked</source>
        <translation>Lignes des séances %1, %2 par rapport au réservé</translation>
    </message>
    <message>
        <source>Sessions&apos; lines match booked (totals include tax)</source>
        <translation>Les lignes des séances correspondent au réservé (totaux TTC)</translation>
    </message>
    <message>
        <source>%1 still open on the month&apos;s invoices</source>
        <translation>%1 restant dû sur les factures du mois</translation>
    </message>
    <message>
        <source>Everything invoiced is paid</source>
        <translation>Tout ce qui a été facturé est payé</translation>
    </message>
    <message>
        <source>%1 vs booked</source>
        <translation>%1 par rapport au réservé</translation>
    </message>
    <message>
        <source>Matches booked</source>
        <translation>Correspond au réservé</translation>
    </message>
    <message>
        <source>Not read (HubSpot not connected)</source>
        <translation>Non lu (HubSpot non connecté)</translation>
    </message>
    <message>
        <source>Everything agrees for %1: %2 sessions checked.</source>
        <translation>Tout concorde pour %1&#xa0;: %2&#xa0;séances vérifiées.</translation>
    </message>
    <message>
        <source>&lt;p&gt;No mismatches: the three tools agree.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Aucun écart&#xa0;: les trois outils concordent.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select a mismatch to see both sides, the likely cause and the fix.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Sélectionnez un écart pour voir les deux versions, la cause probable et la correction.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Concord</source>
        <translation>Concord</translation>
    </message>
    <message>
        <source>Appointment %1 · %2 · %3</source>
        <translation>Rendez-vous %1 · %2 · %3</translation>
    </message>
    <message>
        <source>QuickBooks</source>
        <translation>QuickBooks</translation>
    </message>
    <message>
        <source> · id %1 · paid %2%3</source>
        <translation> · ID %1 · payé %2%3</translation>
    </message>
    <message>
        <source> · checked live</source>
        <translation> · vérifié en direct</translation>
    </message>
    <message>
        <source>Invoiced for the session</source>
        <translation>Facturé pour la séance</translation>
    </message>
    <message>
        <source>HubSpot</source>
        <translation>HubSpot</translation>
    </message>
    <message>
        <source>Concord would send</source>
        <translation>Concord enverrait</translation>
    </message>
    <message>
        <source>amount %1 · stage %2</source>
        <translation>montant %1 · étape %2</translation>
    </message>
    <message>
        <source>Likely cause:</source>
        <translation>Cause probable&#xa0;:</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation>Correction&#xa0;:</translation>
    </message>
    <message>
        <source>What to do by hand:</source>
        <translation>À faire à la main&#xa0;:</translation>
    </message>
    <message>
        <source>Select a mismatch.</source>
        <translation>Sélectionnez un écart.</translation>
    </message>
    <message>
        <source>No safe automatic fix: see what to do by hand.</source>
        <translation>Aucune correction automatique sûre&#xa0;: voyez ce qu&apos;il faut faire à la main.</translation>
    </message>
    <message>
        <source>Creating invoices needs the bookkeeper or owner role.</source>
        <translation>La création de factures requiert le rôle de comptable ou de propriétaire.</translation>
    </message>
    <message>
        <source>Retrying jobs needs the office manager or owner role.</source>
        <translation>Réessayer des modifications requiert le rôle de responsable administratif ou de propriétaire.</translation>
    </message>
    <message>
        <source>Re-sending deals needs the office manager or owner role.</source>
        <translation>Le renvoi des transactions requiert le rôle de responsable administratif ou de propriétaire.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Traitement en cours…</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::RecordsPageBase</name>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Read the records again</source>
        <translation>Relire les enregistrements</translation>
    </message>
    <message>
        <source>Read the dates shown again</source>
        <translation>Relire les dates affichées</translation>
    </message>
    <message>
        <source>First day shown</source>
        <translation>Premier jour affiché</translation>
    </message>
    <message>
        <source>Last day shown</source>
        <translation>Dernier jour affiché</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>Affic&amp;her</translation>
    </message>
    <message>
        <source>Show the records of these days</source>
        <translation>Afficher les enregistrements de ces jours</translation>
    </message>
    <message>
        <source>Read the records of these days (both included)</source>
        <translation>Lire les enregistrements de ces jours (bornes incluses)</translation>
    </message>
    <message>
        <source>Find in the table</source>
        <translation>Rechercher dans le tableau</translation>
    </message>
    <message>
        <source>Client, service, invoice, deal, reason…</source>
        <translation>Client, service, facture, transaction, motif…</translation>
    </message>
    <message>
        <source>Only &amp;disagreements</source>
        <translation>Di&amp;vergences uniquement</translation>
    </message>
    <message>
        <source>Show only records where the systems disagree</source>
        <translation>Afficher uniquement les enregistrements sur lesquels les systèmes divergent</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Du&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>A&amp;u&#xa0;:</translation>
    </message>
    <message>
        <source>F&amp;ind:</source>
        <translation>R&amp;echercher&#xa0;:</translation>
    </message>
    <message>
        <source>Select a row to see the record in each system.</source>
        <translation>Sélectionnez une ligne pour voir l&apos;enregistrement dans chaque système.</translation>
    </message>
    <message>
        <source>%1 record</source>
        <translation>Enregistrement %1</translation>
    </message>
    <message>
        <source>Open in %1</source>
        <translation>Ouvrir dans %1</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>Divergences</translation>
    </message>
    <message>
        <source>Show in &amp;retry queue</source>
        <translation>Afficher dans la file des &amp;reprises</translation>
    </message>
    <message>
        <source>Show the change in the retry queue</source>
        <translation>Afficher la modification dans la file des reprises</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 in these days (by date). Choose fewer days to see the rest.</source>
        <translation>Affichage limité à %1 sur %2 pour ces jours (par ordre de date). Choisissez moins de jours pour voir le reste.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln disagree</source>
        <translation>
            <numerusform>%1 · %Ln en désaccord</numerusform>
            <numerusform>%1 · %Ln en désaccord</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing read yet: choose the days and press Show.</source>
        <translation>Rien n&apos;a encore été lu&#xa0;: choisissez les jours et cliquez sur Afficher.</translation>
    </message>
    <message>
        <source>No disagreements in these days: the three systems agree.</source>
        <translation>Aucune divergence sur ces jours&#xa0;: les trois systèmes concordent.</translation>
    </message>
    <message>
        <source>Nothing shown matches “%1”%2.</source>
        <translation>Rien ne correspond à «&#xa0;%1&#xa0;»%2.</translation>
    </message>
    <message>
        <source> among the disagreements</source>
        <translation> parmi les divergences</translation>
    </message>
    <message>
        <source>Open %1 in %2</source>
        <translation>Ouvrir %1 dans %2</translation>
    </message>
    <message>
        <source>None: the three systems agree on this record, as far as Concord knows.</source>
        <translation>Aucune&#xa0;: les trois systèmes concordent sur cet enregistrement, pour autant que Concord le sache.</translation>
    </message>
    <message>
        <source>Show “%1”</source>
        <translation>Afficher «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Nothing to open: no %1 record is linked.</source>
        <translation>Rien à ouvrir&#xa0;: aucun enregistrement %1 n&apos;est lié.</translation>
    </message>
    <message>
        <source>Concord does not know the HubSpot account (portal) id, so it cannot build the link.</source>
        <translation>Concord ne connaît pas l&apos;ID du compte HubSpot (portail) et ne peut donc pas construire le lien.</translation>
    </message>
    <message>
        <source>Concord does not know the QuickBooks company id, so it cannot build the link.</source>
        <translation>Concord ne connaît pas l&apos;ID de l&apos;entreprise QuickBooks et ne peut donc pas construire le lien.</translation>
    </message>
    <message>
        <source>This Cal.com is self-hosted: Concord does not know its web address.</source>
        <translation>Cette instance de Cal.com est auto-hébergée&#xa0;: Concord ne connaît pas son adresse web.</translation>
    </message>
    <message>
        <source>No change for this record waits or failed.</source>
        <translation>Aucune modification de cet enregistrement n&apos;est en attente ou en échec.</translation>
    </message>
    <message>
        <source>Open change #%1 in the retry queue to retry, edit or dismiss it</source>
        <translation>Ouvrir la modification n°&#xa0;%1 dans la file des reprises pour la réessayer, la modifier ou l&apos;ignorer</translation>
    </message>
    <message>
        <source>Look at change #%1 in the retry queue. %2</source>
        <translation>Consulter la modification n°&#xa0;%1 dans la file des reprises. %2</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::RecordsPageModel</name>
    <message>
        <source>Disagreements:</source>
        <translation>Divergences&#xa0;:</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 dans %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>change waits</source>
        <translation>modification en attente</translation>
    </message>
    <message>
        <source>change failed</source>
        <translation>modification en échec</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Concord has sent nothing here for this record.</source>
        <translation>Concord n&apos;a rien envoyé ici pour cet enregistrement.</translation>
    </message>
    <message>
        <source>Every change was carried (last on %1).</source>
        <translation>Toutes les modifications ont été transmises (la dernière le %1).</translation>
    </message>
    <message>
        <source>Every change was carried.</source>
        <translation>Toutes les modifications ont été transmises.</translation>
    </message>
    <message>
        <source>A change waits to be sent (change #%1, queued %2).</source>
        <translation>Une modification attend d&apos;être envoyée (modification n°&#xa0;%1, mise en file le %2).</translation>
    </message>
    <message>
        <source>A change failed and waits for a person (change #%1).</source>
        <translation>Une modification a échoué et attend une intervention (modification n°&#xa0;%1).</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::ReportsPage</name>
    <message>
        <source>Invoiced</source>
        <translation>Facturé</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Encaissé</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Solde dû</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <source>What was invoiced and collected in a month, what is still owed, and by whom.</source>
        <translation>Ce qui a été facturé et encaissé au cours d&apos;un mois, ce qui reste dû, et par qui.</translation>
    </message>
    <message>
        <source>Report month</source>
        <translation>Mois du rapport</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exporter en PDF…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>Exporter en JSON…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Overdue clients&lt;/b&gt;</source>
        <translation>&lt;b&gt;Clients en retard&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Overdue clients</source>
        <translation>Clients en retard</translation>
    </message>
    <message>
        <source>&lt;b&gt;Aging&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ancienneté des soldes&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Aging</source>
        <translation>Ancienneté des soldes</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Chargement de %1…</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exporter le rapport</translation>
    </message>
    <message>
        <source>No report yet</source>
        <translation>Aucun rapport pour l&apos;instant</translation>
    </message>
    <message>
        <source>%1 to %2 · outstanding and overdue as of today, %3</source>
        <translation>Du %1 au %2 · solde dû et retards à ce jour, %3</translation>
    </message>
    <message>
        <source>%1 to %2 · outstanding and overdue as of the month&apos;s end</source>
        <translation>Du %1 au %2 · solde dû et retards à la fin du mois</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>From Concord&apos;s copy of QuickBooks, last synced %1.</source>
        <translation>D&apos;après la copie de QuickBooks tenue par Concord, dernière synchronisation&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Nothing was invoiced or paid in this month, and nothing is owed.</source>
        <translation>Rien n&apos;a été facturé ni payé au cours de ce mois, et rien n&apos;est dû.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Overdue clients&lt;/b&gt; (%1)</source>
        <translation>&lt;b&gt;Clients en retard&lt;/b&gt; (%1)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Overdue clients&lt;/b&gt; — none</source>
        <translation>&lt;b&gt;Clients en retard&lt;/b&gt; — aucun</translation>
    </message>
    <message>
        <source>&lt;b&gt;Aging&lt;/b&gt; as of %1 (days past due)</source>
        <translation>&lt;b&gt;Ancienneté des soldes&lt;/b&gt; au %1 (jours de retard)</translation>
    </message>
    <message>
        <source>Could not read the report: %1</source>
        <translation>Impossible de lire le rapport&#xa0;: %1</translation>
    </message>
    <message>
        <source>Pick a month and wait for its report first.</source>
        <translation>Choisissez d&apos;abord un mois et attendez son rapport.</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export vers %1…</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Fichier enregistré&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Could not export: %1</source>
        <translation>Échec de l&apos;export&#xa0;: %1</translation>
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
    <message>
        <source>%1 · %2</source>
        <extracomment>The Record cell: &quot;&lt;kind&gt; &lt;id&gt; · &lt;client&gt;&quot;, e.g. &quot;Appointment 318 · Dan Wu&quot;</extracomment>
        <translation>%1 · %2</translation>
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
    <name>Concord::Ui::ReviewNotifier</name>
    <message>
        <source>%1 review overdue</source>
        <translation>%1&#xa0;: revue en retard</translation>
    </message>
    <message>
        <source>%1 review due</source>
        <translation>%1&#xa0;: revue à effectuer</translation>
    </message>
    <message>
        <source>No owner yet: an owner should name one.</source>
        <translation>Pas encore de responsable&#xa0;: un propriétaire doit en désigner un.</translation>
    </message>
    <message>
        <source>Owner: %1.</source>
        <translation>Responsable&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The %1 review was due %2. %3</source>
        <translation>La revue %1 était prévue le %2. %3</translation>
    </message>
    <message>
        <source>The %1 review is due %2; it counts as overdue from %3. %4</source>
        <translation>La revue %1 est prévue le %2&#xa0;; elle sera considérée en retard à partir du %3. %4</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::ReviewsModel</name>
    <message>
        <source>Weekly</source>
        <translation>Hebdomadaire</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Mensuelle</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>Trimestrielle</translation>
    </message>
    <message>
        <source>Owner deactivated</source>
        <translation>Responsable désactivé</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>Aucun responsable</translation>
    </message>
    <message>
        <source>Due tomorrow</source>
        <translation>Prévue demain</translation>
    </message>
    <message>
        <source>In %1 days</source>
        <translation>Dans %1&#xa0;jours</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Prévue aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Due since yesterday</source>
        <translation>Prévue depuis hier</translation>
    </message>
    <message>
        <source>Due %1 days ago</source>
        <translation>Prévue il y a %1&#xa0;jours</translation>
    </message>
    <message>
        <source>Overdue by 1 day</source>
        <translation>En retard de 1&#xa0;jour</translation>
    </message>
    <message>
        <source>Overdue by %1 days</source>
        <translation>En retard de %1&#xa0;jours</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>Personne pour l&apos;instant</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <source>An owner names who does this review (Assign owner…).</source>
        <translation>Un propriétaire désigne qui effectue cette revue («&#xa0;Désigner le responsable…&#xa0;»).</translation>
    </message>
    <message>
        <source>Counts as overdue from %1 (%2 days of grace).</source>
        <translation>Considérée en retard à partir du %1 (délai de grâce de %2&#xa0;jours).</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revue</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Prochaine échéance</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Last completed</source>
        <translation>Dernière clôture</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::ReviewsPage</name>
    <message>
        <source>Reviews</source>
        <translation>Revues</translation>
    </message>
    <message>
        <source>One named person checks sync health on a schedule; completing a review is recorded in the audit log.</source>
        <translation>Une personne désignée contrôle l&apos;état de la synchronisation selon un calendrier&#xa0;; la clôture d&apos;une revue est consignée dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Schedule &amp;&amp; weekly</source>
        <translation>Calendrier &amp;&amp; revue hebdomadaire</translation>
    </message>
    <message>
        <source>&lt;b&gt;Schedule&lt;/b&gt;</source>
        <translation>&lt;b&gt;Calendrier&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Review schedule</source>
        <translation>Calendrier des revues</translation>
    </message>
    <message>
        <source>&amp;Assign owner…</source>
        <translation>&amp;Désigner le responsable…</translation>
    </message>
    <message>
        <source>&amp;Complete review…</source>
        <translation>&amp;Clôturer la revue…</translation>
    </message>
    <message>
        <source>&lt;b&gt;This week&apos;s review&lt;/b&gt;</source>
        <translation>&lt;b&gt;Revue de cette semaine&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Not loaded yet.</source>
        <translation>Pas encore chargé.</translation>
    </message>
    <message>
        <source>Check a&amp;gain</source>
        <translation>Vérifier à &amp;nouveau</translation>
    </message>
    <message>
        <source>Read the store and HubSpot again for the weekly findings.</source>
        <translation>Relire la base de données et HubSpot pour les constats hebdomadaires.</translation>
    </message>
    <message>
        <source>Failed syncs</source>
        <translation>Synchronisations en échec</translation>
    </message>
    <message>
        <source>No failed syncs: every change arrived.</source>
        <translation>Aucune synchronisation en échec&#xa0;: toutes les modifications sont arrivées.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Attente</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Mise en file</translation>
    </message>
    <message>
        <source>New duplicate candidates</source>
        <translation>Nouveaux doublons possibles</translation>
    </message>
    <message>
        <source>No new duplicate candidates since the last weekly review.</source>
        <translation>Aucun nouveau doublon possible depuis la dernière revue hebdomadaire.</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Doublon possible</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Détecté le</translation>
    </message>
    <message>
        <source>Canceled appointments that still look open</source>
        <translation>Rendez-vous annulés qui semblent encore ouverts</translation>
    </message>
    <message>
        <source>No canceled appointment still looks open (last 90 days and future).</source>
        <translation>Aucun rendez-vous annulé ne semble encore ouvert (90&#xa0;derniers jours et à venir).</translation>
    </message>
    <message>
        <source>Appointment / record</source>
        <translation>Rendez-vous / enregistrement</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Que faire</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Pas encore vérifié.</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1&#xa0;jours</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1&#xa0;heure</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1&#xa0;heures</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1&#xa0;minute</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1&#xa0;minutes</translation>
    </message>
    <message>
        <source>Failed syncs: %1</source>
        <translation>Synchronisations en échec&#xa0;: %1</translation>
    </message>
    <message>
        <source> (oldest waiting %1)</source>
        <translation> (la plus ancienne attend depuis %1)</translation>
    </message>
    <message>
        <source>New duplicate candidates: %1</source>
        <translation>Nouveaux doublons possibles&#xa0;: %1</translation>
    </message>
    <message>
        <source>Canceled appointments that still look open: %1</source>
        <translation>Rendez-vous annulés qui semblent encore ouverts&#xa0;: %1</translation>
    </message>
    <message>
        <source>HubSpot deals and tasks: %1</source>
        <translation>Transactions et tâches HubSpot&#xa0;: %1</translation>
    </message>
    <message>
        <source>since the last weekly review on %1</source>
        <translation>depuis la dernière revue hebdomadaire du %1</translation>
    </message>
    <message>
        <source>no weekly review completed yet</source>
        <translation>aucune revue hebdomadaire clôturée pour l&apos;instant</translation>
    </message>
    <message>
        <source>Checked %1, %2.</source>
        <translation>Vérifié le %1, %2.</translation>
    </message>
    <message>
        <source>HubSpot deals and tasks read live (%1).</source>
        <translation>Transactions et tâches HubSpot lues en direct (%1).</translation>
    </message>
    <message>
        <source>HubSpot deals and tasks %1</source>
        <translation>Transactions et tâches HubSpot %1</translation>
    </message>
    <message>
        <source>were not checked: HubSpot is not connected.</source>
        <translation>non vérifiées&#xa0;: HubSpot n&apos;est pas connecté.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2 · %3</source>
        <translation>%1 %2 · %3</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Job #%1 (%2), %3 attempts — open the retry queue to retry, edit, link or dismiss it.</source>
        <translation>Modification n°&#xa0;%1 (%2), %3&#xa0;tentatives — ouvrez la file des reprises pour la réessayer, la modifier, la lier ou l&apos;ignorer.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>1 open item</source>
        <translation>1 élément ouvert</translation>
    </message>
    <message>
        <source>%1 open items</source>
        <translation>%1 éléments ouverts</translation>
    </message>
    <message>
        <source>Appointment %1, Cal.com booking %2</source>
        <translation>Rendez-vous %1, réservation Cal.com %2</translation>
    </message>
    <message>
        <source>Open invoice %1</source>
        <translation>Facture %1 encore ouverte</translation>
    </message>
    <message>
        <source>Open deal %1</source>
        <translation>Transaction %1 encore ouverte</translation>
    </message>
    <message>
        <source>Open task %1</source>
        <translation>Tâche %1 encore ouverte</translation>
    </message>
    <message>
        <source>Reminder %1</source>
        <translation>Rappel %1</translation>
    </message>
    <message>
        <source>Only %1 can name a review&apos;s owner.</source>
        <translation>Seul %1 peut désigner le responsable d&apos;une revue.</translation>
    </message>
    <message>
        <source>The schedule has not loaded yet.</source>
        <translation>Le calendrier n&apos;est pas encore chargé.</translation>
    </message>
    <message>
        <source>Only %1 can complete reviews.</source>
        <translation>Seul %1 peut clôturer les revues.</translation>
    </message>
    <message>
        <source>Choose a review in the schedule first.</source>
        <translation>Choisissez d&apos;abord une revue dans le calendrier.</translation>
    </message>
    <message>
        <source>This review has no owner yet: an owner names one first.</source>
        <translation>Cette revue n&apos;a pas encore de responsable&#xa0;: un propriétaire doit d&apos;abord en désigner un.</translation>
    </message>
    <message>
        <source>This review is %1&apos;s to complete (or an owner&apos;s).</source>
        <translation>C&apos;est à %1 de clôturer cette revue (ou à un propriétaire).</translation>
    </message>
    <message>
        <source>Name who does the selected review.</source>
        <translation>Désigner qui effectue la revue sélectionnée.</translation>
    </message>
    <message>
        <source>Record that the selected review was done.</source>
        <translation>Consigner que la revue sélectionnée a été effectuée.</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::RoleText</name>
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
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <extracomment>Joins role names: &quot;an office manager, bookkeeper or owner&quot;</extracomment>
        <translation>%1 ou %2</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Which accounts Concord keeps in agreement, where their APIs are, and who may do what.</source>
        <translation>Les comptes que Concord maintient en accord, l&apos;adresse de leurs API, et qui peut faire quoi.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Read the connections and users again</source>
        <translation>Relire les connexions et les utilisateurs</translation>
    </message>
    <message>
        <source>Reload settings</source>
        <translation>Recharger les paramètres</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Fermer le message</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>%1 connection</source>
        <translation>Connexion %1</translation>
    </message>
    <message>
        <source>%1 base URL</source>
        <translation>Adresse de l&apos;API %1</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save the %1 base URL</source>
        <translation>Enregistrer l&apos;adresse de l&apos;API %1</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>Adresse de l&apos;API</translation>
    </message>
    <message>
        <source>Authorization</source>
        <translation>Autorisation</translation>
    </message>
    <message>
        <source>Last OK</source>
        <translation>Dernier succès</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Tester</translation>
    </message>
    <message>
        <source>Test the %1 connection</source>
        <translation>Tester la connexion %1</translation>
    </message>
    <message>
        <source>Make one harmless request to %1 with the stored credentials</source>
        <translation>Envoyer une requête sans effet à %1 avec les identifiants enregistrés</translation>
    </message>
    <message>
        <source>Disconnect…</source>
        <translation>Déconnecter…</translation>
    </message>
    <message>
        <source>Disconnect %1</source>
        <translation>Déconnecter %1</translation>
    </message>
    <message>
        <source>Open the page again</source>
        <translation>Rouvrir la page</translation>
    </message>
    <message>
        <source>Open the %1 sign-in page again</source>
        <translation>Rouvrir la page de connexion de %1</translation>
    </message>
    <message>
        <source>If no browser window appeared, open the sign-in page again</source>
        <translation>Si aucune fenêtre de navigateur ne s&apos;est ouverte, rouvrez la page de connexion</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel connecting %1</source>
        <translation>Annuler la connexion à %1</translation>
    </message>
    <message>
        <source>Users and roles</source>
        <translation>Utilisateurs et rôles</translation>
    </message>
    <message>
        <source>Concord acts as the person signed in to this computer: each user is that computer account&apos;s name. The role decides what they may change; everyone may see everything.</source>
        <translation>Concord agit au nom de la personne connectée à cet ordinateur&#xa0;: chaque utilisateur porte le nom de ce compte d&apos;ordinateur. Le rôle détermine ce qu&apos;il peut modifier&#xa0;; tout le monde peut tout consulter.</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>Ajouter un &amp;utilisateur…</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Ajouter un utilisateur</translation>
    </message>
    <message>
        <source>&amp;Edit role…</source>
        <translation>&amp;Modifier le rôle…</translation>
    </message>
    <message>
        <source>Edit the user&apos;s role</source>
        <translation>Modifier le rôle de l&apos;utilisateur</translation>
    </message>
    <message>
        <source>&amp;Deactivate…</source>
        <translation>&amp;Désactiver…</translation>
    </message>
    <message>
        <source>Deactivate the user</source>
        <translation>Désactiver l&apos;utilisateur</translation>
    </message>
    <message>
        <source>Only %1 can connect services, change where they are, or manage users.</source>
        <extracomment>&quot;Only an owner can …&quot;; %1 lists the roles that may.</extracomment>
        <translation>Seul %1 peut connecter des services, modifier leur adresse ou gérer les utilisateurs.</translation>
    </message>
    <message>
        <source>Invoices, payments and QuickBooks customers stop syncing: new sessions are not invoiced and payments no longer reach the CRM.</source>
        <translation>La synchronisation des factures, des paiements et des clients QuickBooks s&apos;arrête&#xa0;: les nouvelles séances ne sont plus facturées et les paiements n&apos;atteignent plus le CRM.</translation>
    </message>
    <message>
        <source>Contacts, deals and follow-up tasks stop syncing with HubSpot.</source>
        <translation>La synchronisation des contacts, des transactions et des tâches de suivi avec HubSpot s&apos;arrête.</translation>
    </message>
    <message>
        <source>Bookings stop syncing from Cal.com: new, rescheduled and canceled sessions are no longer carried to HubSpot or invoiced.</source>
        <translation>La synchronisation des réservations depuis Cal.com s&apos;arrête&#xa0;: les séances nouvelles, reprogrammées ou annulées ne sont plus transmises à HubSpot ni facturées.</translation>
    </message>
    <message>
        <source>Enter the address of the %1 API, e.g. https://…</source>
        <translation>Saisissez l&apos;adresse de l&apos;API %1, par exemple https://…</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a web address: it should start with https://</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une adresse web&#xa0;: elle doit commencer par https://</translation>
    </message>
    <message>
        <source>Plain http is only allowed on this computer (127.0.0.1, ::1 or localhost): use https://.</source>
        <translation>Le http simple n&apos;est autorisé que sur cet ordinateur (127.0.0.1,&#xa0;::1 ou localhost)&#xa0;: utilisez https://.</translation>
    </message>
    <message>
        <source>The address must start with https://.</source>
        <translation>L&apos;adresse doit commencer par https://.</translation>
    </message>
    <message>
        <source>The address must not contain a user name or password: Concord keeps credentials in the keychain.</source>
        <translation>L&apos;adresse ne doit contenir ni nom d&apos;utilisateur ni mot de passe&#xa0;: Concord conserve les identifiants dans le trousseau.</translation>
    </message>
    <message>
        <source>The address must not have a &apos;?&apos; or &apos;#&apos; part.</source>
        <translation>L&apos;adresse ne doit pas comporter de partie «&#xa0;?&#xa0;» ou «&#xa0;#&#xa0;».</translation>
    </message>
    <message>
        <source>The address needs a host, e.g. https://api.example.com.</source>
        <translation>L&apos;adresse doit comporter un hôte, par exemple https://api.example.com.</translation>
    </message>
    <message>
        <source>API addresses are saved in %1.</source>
        <translation>Les adresses des API sont enregistrées dans %1.</translation>
    </message>
    <message>
        <source>Read only until Concord knows who you are. %1</source>
        <translation>Lecture seule tant que Concord ne sait pas qui vous êtes. %1</translation>
    </message>
    <message>
        <source>You are signed in as %1 (%2). %3</source>
        <translation>Vous êtes connecté en tant que %1 (%2). %3</translation>
    </message>
    <message>
        <source>in less than a minute</source>
        <translation>dans moins d&apos;une minute</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>à l&apos;instant</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n&#xa0;min</numerusform>
            <numerusform>%n&#xa0;min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n&#xa0;h</numerusform>
            <numerusform>%n&#xa0;h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n&#xa0;jour</numerusform>
            <numerusform>%n&#xa0;jours</numerusform>
        </translation>
    </message>
    <message>
        <source>in %1</source>
        <extracomment>&quot;in 42 min&quot; / &quot;12 min ago&quot;</extracomment>
        <translation>dans %1</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>il y a %1</translation>
    </message>
    <message>
        <source>Waiting for the browser…</source>
        <translation>En attente du navigateur…</translation>
    </message>
    <message>
        <source>Checking the key…</source>
        <translation>Vérification de la clé…</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <source>Disconnecting…</source>
        <translation>Déconnexion…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Not connected yet</source>
        <translation>Pas encore connecté</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>Expire bientôt</translation>
    </message>
    <message>
        <source>Expired: connect again</source>
        <translation>Expiré&#xa0;: reconnectez-vous</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Not set up for connecting: %1</source>
        <translation>Connexion non configurée&#xa0;: %1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>QuickBooks company (realm) id</source>
        <translation>ID de l&apos;entreprise QuickBooks (realm)</translation>
    </message>
    <message>
        <source>None: connect through the browser.</source>
        <translation>Aucune&#xa0;: connectez-vous via le navigateur.</translation>
    </message>
    <message>
        <source>No key stored.</source>
        <translation>Aucune clé enregistrée.</translation>
    </message>
    <message>
        <source>Refresh token expired %1 (%2): connect again.</source>
        <translation>Le jeton d&apos;actualisation a expiré %1 (%2)&#xa0;: reconnectez-vous.</translation>
    </message>
    <message numerus="yes">
        <source>Refresh token expires in %n days (%1).</source>
        <translation>
            <numerusform>Le jeton d&apos;actualisation expire dans %n jour (%1).</numerusform>
            <numerusform>Le jeton d&apos;actualisation expire dans %n jours (%1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh token expires %1 (%2).</source>
        <translation>Le jeton d&apos;actualisation expire %1 (%2).</translation>
    </message>
    <message>
        <source>Refresh token stored; its age is not known yet.</source>
        <translation>Jeton d&apos;actualisation enregistré&#xa0;; son âge n&apos;est pas encore connu.</translation>
    </message>
    <message>
        <source>Access token expires %1; Concord renews it by itself.</source>
        <translation>Le jeton d&apos;accès expire %1&#xa0;; Concord le renouvelle de lui-même.</translation>
    </message>
    <message>
        <source>Access token: renewed by Concord when needed.</source>
        <translation>Jeton d&apos;accès&#xa0;: renouvelé par Concord si nécessaire.</translation>
    </message>
    <message>
        <source>Private-app token stored; it does not expire.</source>
        <translation>Jeton d&apos;application privée enregistré&#xa0;; il n&apos;expire pas.</translation>
    </message>
    <message>
        <source>API key stored; it does not expire.</source>
        <translation>Clé d&apos;API enregistrée&#xa0;; elle n&apos;expire pas.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Reconnect…</source>
        <translation>Reconnecter…</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>Connecter…</translation>
    </message>
    <message>
        <source>Connect %1 in the browser</source>
        <translation>Connecter %1 dans le navigateur</translation>
    </message>
    <message>
        <source>Replace key…</source>
        <translation>Remplacer la clé…</translation>
    </message>
    <message>
        <source>Enter key…</source>
        <translation>Saisir la clé…</translation>
    </message>
    <message>
        <source>Enter the HubSpot private-app token</source>
        <translation>Saisir le jeton d&apos;application privée HubSpot</translation>
    </message>
    <message>
        <source>Enter the %1 API key</source>
        <translation>Saisir la clé d&apos;API %1</translation>
    </message>
    <message>
        <source>Sign in to %1 in your browser and allow Concord</source>
        <translation>Connectez-vous à %1 dans votre navigateur et autorisez Concord</translation>
    </message>
    <message>
        <source>Paste the key %1 gave you; Concord checks it before keeping it</source>
        <translation>Collez la clé fournie par %1&#xa0;; Concord la vérifie avant de la conserver</translation>
    </message>
    <message>
        <source>Concord does not know who you are yet.</source>
        <translation>Concord ne sait pas encore qui vous êtes.</translation>
    </message>
    <message>
        <source>%1 is not connected.</source>
        <translation>%1 n&apos;est pas connecté.</translation>
    </message>
    <message>
        <source>Stop syncing with %1 and remove its credentials from this computer</source>
        <translation>Arrêter la synchronisation avec %1 et supprimer ses identifiants de cet ordinateur</translation>
    </message>
    <message>
        <source>Where Concord reaches the %1 API: production, a sandbox, or a local emulator. https only, except on this computer.</source>
        <translation>Adresse à laquelle Concord joint l&apos;API %1&#xa0;: production, bac à sable ou émulateur local. https uniquement, sauf sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Nothing to save: this is the address in use.</source>
        <translation>Rien à enregistrer&#xa0;: c&apos;est l&apos;adresse actuellement utilisée.</translation>
    </message>
    <message>
        <source>Save this address in %1</source>
        <translation>Enregistrer cette adresse dans %1</translation>
    </message>
    <message>
        <source>Sign in to %1 in the browser window Concord opened and allow access. This page updates by itself.</source>
        <translation>Connectez-vous à %1 dans la fenêtre de navigateur ouverte par Concord et autorisez l&apos;accès. Cette page se met à jour d&apos;elle-même.</translation>
    </message>
    <message>
        <source>Add a person who uses Concord on this store</source>
        <translation>Ajouter une personne qui utilise Concord sur cette base de données</translation>
    </message>
    <message>
        <source>Select a user first.</source>
        <translation>Sélectionnez d&apos;abord un utilisateur.</translation>
    </message>
    <message>
        <source>Change %1&apos;s role or name</source>
        <translation>Modifier le rôle ou le nom de %1</translation>
    </message>
    <message>
        <source>Re&amp;activate…</source>
        <translation>&amp;Réactiver…</translation>
    </message>
    <message>
        <source>Reactivate the user</source>
        <translation>Réactiver l&apos;utilisateur</translation>
    </message>
    <message>
        <source>Let %1 act in Concord again</source>
        <translation>Permettre à %1 d&apos;agir de nouveau dans Concord</translation>
    </message>
    <message>
        <source>%1 keeps their history but can no longer act in Concord</source>
        <translation>%1 conserve son historique mais ne peut plus agir dans Concord</translation>
    </message>
    <message>
        <source>HubSpot private-app token</source>
        <translation>Jeton d&apos;application privée HubSpot</translation>
    </message>
    <message>
        <source>%1 API key</source>
        <translation>Clé d&apos;API %1</translation>
    </message>
    <message>
        <source>In HubSpot open Settings → Integrations → Private apps, choose Concord&apos;s app and copy its access token. Concord checks it with HubSpot before keeping it in this computer&apos;s keychain.</source>
        <translation>Dans HubSpot, ouvrez Paramètres → Intégrations → Applications privées, choisissez l&apos;application de Concord et copiez son jeton d&apos;accès. Concord le vérifie auprès de HubSpot avant de le conserver dans le trousseau de cet ordinateur.</translation>
    </message>
    <message>
        <source>In Cal.com open Settings → Developer → API keys and create a key for Concord. Concord checks it with Cal.com before keeping it in this computer&apos;s keychain.</source>
        <translation>Dans Cal.com, ouvrez Paramètres → Développeur → Clés API et créez une clé pour Concord. Concord la vérifie auprès de Cal.com avant de la conserver dans le trousseau de cet ordinateur.</translation>
    </message>
    <message>
        <source>Private-app token</source>
        <translation>Jeton d&apos;application privée</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clé d&apos;API</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Jeton&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Clé&#xa0;:</translation>
    </message>
    <message>
        <source>Check and save</source>
        <translation>Vérifier et enregistrer</translation>
    </message>
    <message>
        <source>Concord removes its authorization from this computer&apos;s keychain and asks %1 to revoke it.</source>
        <translation>Concord supprime son autorisation du trousseau de cet ordinateur et demande à %1 de la révoquer.</translation>
    </message>
    <message>
        <source>Concord removes the key from this computer&apos;s keychain.</source>
        <translation>Concord supprime la clé du trousseau de cet ordinateur.</translation>
    </message>
    <message>
        <source>Disconnect %1?</source>
        <translation>Déconnecter %1&#xa0;?</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <source>Reactivate %1?</source>
        <translation>Réactiver %1&#xa0;?</translation>
    </message>
    <message>
        <source>%1 may act in Concord again as %2.</source>
        <translation>%1 pourra de nouveau agir dans Concord avec le rôle %2.</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Réactiver</translation>
    </message>
    <message>
        <source>Deactivate %1?</source>
        <translation>Désactiver %1&#xa0;?</translation>
    </message>
    <message>
        <source>%1 keeps their history in the audit log but can no longer act in Concord. You can reactivate them later.</source>
        <translation>%1 conserve son historique dans le journal d&apos;audit mais ne peut plus agir dans Concord. Vous pourrez réactiver ce compte plus tard.</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Désactiver</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::SignInDialog</name>
    <message>
        <source>Sign in to Concord</source>
        <translation>Connexion à Concord</translation>
    </message>
    <message>
        <source>Sign in to the team&apos;s store at %1.</source>
        <translation>Connectez-vous à la base de données de l&apos;équipe sur %1.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d&apos;&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Problème de connexion</translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Saisissez votre nom d&apos;utilisateur et votre mot de passe.</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::StatusMappingModel</name>
    <message>
        <source>Add a status mapping</source>
        <translation>Ajouter une correspondance de statut</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n status mappings</source>
        <translation>
            <numerusform>Supprimer %n correspondance de statut</numerusform>
            <numerusform>Supprimer %n correspondances de statut</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <source>This row becomes a billing-side mapping (a payment status, or QuickBooks), which only %1 can change.</source>
        <translation>Cette ligne devient une correspondance côté facturation (un statut de paiement, ou QuickBooks), que seul %1 peut modifier.</translation>
    </message>
    <message>
        <source>This row becomes a booking-side mapping (an appointment status), which only %1 can change.</source>
        <translation>Cette ligne devient une correspondance côté réservations (un statut de rendez-vous), que seul %1 peut modifier.</translation>
    </message>
    <message>
        <source>Kind</source>
        <extracomment>Column: appointment or payment status</extracomment>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>In</source>
        <extracomment>Column: the system where the action happens</extracomment>
        <translation>Dans</translation>
    </message>
    <message>
        <source>Does</source>
        <extracomment>Column: what the status does there</extracomment>
        <translation>Action</translation>
    </message>
    <message>
        <source>Stage or task</source>
        <extracomment>Column: the deal stage or the task&apos;s subject</extracomment>
        <translation>Étape ou tâche</translation>
    </message>
    <message>
        <source>Choose a stage</source>
        <translation>Choisissez une étape</translation>
    </message>
    <message>
        <source>Write the task&apos;s subject</source>
        <translation>Saisissez l&apos;objet de la tâche</translation>
    </message>
    <message>
        <source>—</source>
        <extracomment>No value: the action needs none</extracomment>
        <translation>—</translation>
    </message>
    <message>
        <source>New: not applied yet</source>
        <translation>Nouvelle&#xa0;: pas encore appliquée</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Last changed by %1, %2</source>
        <translation>Dernière modification par %1, %2</translation>
    </message>
    <message>
        <source>%1 (changed here, not applied yet)</source>
        <translation>%1 (modifiée ici, pas encore appliquée)</translation>
    </message>
    <message>
        <source>HubSpot deal stage id: %1</source>
        <translation>ID de l&apos;étape de transaction HubSpot&#xa0;: %1</translation>
    </message>
    <message>
        <source>The task&apos;s subject. Concord fills in %1.</source>
        <translation>L&apos;objet de la tâche. Concord renseigne %1.</translation>
    </message>
    <message>
        <source>This action needs no value.</source>
        <translation>Cette action ne nécessite aucune valeur.</translation>
    </message>
    <message>
        <source>An appointment status, from Cal.com</source>
        <translation>Un statut de rendez-vous, issu de Cal.com</translation>
    </message>
    <message>
        <source>A payment status, from QuickBooks</source>
        <translation>Un statut de paiement, issu de QuickBooks</translation>
    </message>
    <message>
        <source>Change the kind of %1</source>
        <translation>Changer le type de %1</translation>
    </message>
    <message>
        <source>Change the status of %1</source>
        <translation>Changer le statut de %1</translation>
    </message>
    <message>
        <source>Change where %1 acts</source>
        <translation>Changer le système où agit %1</translation>
    </message>
    <message>
        <source>Change what %1 does</source>
        <translation>Changer l&apos;action de %1</translation>
    </message>
    <message>
        <source>Change the deal stage of %1</source>
        <translation>Changer l&apos;étape de transaction de %1</translation>
    </message>
    <message>
        <source>Change the task of %1</source>
        <translation>Changer la tâche de %1</translation>
    </message>
    <message>
        <source>Appointment statuses come from Cal.com, payment statuses from QuickBooks</source>
        <translation>Les statuts de rendez-vous proviennent de Cal.com, les statuts de paiement de QuickBooks</translation>
    </message>
    <message>
        <source>Deals and tasks live in HubSpot</source>
        <translation>Les transactions et les tâches se trouvent dans HubSpot</translation>
    </message>
    <message>
        <source>The HubSpot deal stage, or the subject of the task to create</source>
        <translation>L&apos;étape de transaction HubSpot, ou l&apos;objet de la tâche à créer</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::StatusText</name>
    <message>
        <source>Booked</source>
        <translation>Réservé</translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation>Reprogrammé</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Effectué</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Open</source>
        <extracomment>Payment state: invoiced, nothing paid, not yet due (QuickBooks says &quot;Open&quot;)</extracomment>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>Deposit paid</source>
        <translation>Acompte payé</translation>
    </message>
    <message>
        <source>Partially paid</source>
        <translation>Partiellement payée</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payée</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Remboursée</translation>
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
    <message>
        <source>live</source>
        <extracomment>Team mode: changes made on other desktops and by the sync service show by themselves</extracomment>
        <translation>en direct</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::SyncBacklogBar</name>
    <message>
        <source>Changes carried</source>
        <translation>Modifications transmises</translation>
    </message>
    <message>
        <source>Only %1 can pause or resume sync.</source>
        <translation>Seul(e) %1 peut suspendre ou reprendre la synchronisation.</translation>
    </message>
    <message>
        <source>Carrying changes: %1 of %2</source>
        <extracomment>Status bar, while the sync engine works through a backlog: &quot;240 of 603&quot;</extracomment>
        <translation>Transmission des modifications : %1 sur %2</translation>
    </message>
    <message>
        <source>Pausing: finishing the changes on their way…</source>
        <translation>Mise en pause : fin des envois en cours…</translation>
    </message>
    <message>
        <source>Sync paused: %1 changes waiting</source>
        <extracomment>Status bar: sync paused by a person; &quot;363&quot; changes wait in the queue</extracomment>
        <translation>Synchronisation en pause : %1 modifications en attente</translation>
    </message>
    <message>
        <source>Sync paused</source>
        <translation>Synchronisation en pause</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Non effectué : %1</translation>
    </message>
    <message>
        <source>Changes Concord carries between HubSpot, QuickBooks and Cal.com since this backlog began: %1 done, %2 still to carry</source>
        <translation>Modifications que Concord transmet entre HubSpot, QuickBooks et Cal.com depuis le début de cette file : %1 faites, %2 encore à transmettre</translation>
    </message>
    <message>
        <source>%1 of %2 changes carried</source>
        <translation>%1 modifications transmises sur %2</translation>
    </message>
    <message>
        <source>Resume sync</source>
        <translation>Reprendre la synchronisation</translation>
    </message>
    <message>
        <source>Pause sync</source>
        <translation>Suspendre la synchronisation</translation>
    </message>
    <message>
        <source>Start carrying changes again</source>
        <translation>Reprendre la transmission des modifications</translation>
    </message>
    <message>
        <source>Stop carrying changes for now; they wait in the queue and nothing is lost</source>
        <translation>Suspendre la transmission pour l&apos;instant ; les modifications attendent dans la file et rien n&apos;est perdu</translation>
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
    <name>Concord::Ui::UserAccessModel</name>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>view only</source>
        <translation>lecture seule</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Dernière connexion</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Droits</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::UserDialog</name>
    <message>
        <source>Add user</source>
        <translation>Ajouter un utilisateur</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>the person&apos;s computer account, e.g. dana</source>
        <translation>le compte d&apos;ordinateur de la personne, ex.&#xa0;: dana</translation>
    </message>
    <message>
        <source>Concord recognises people by the account they sign in to this computer with: use that account&apos;s name.</source>
        <translation>Concord reconnaît les personnes au compte avec lequel elles se connectent à cet ordinateur&#xa0;: utilisez le nom de ce compte.</translation>
    </message>
    <message>
        <source>A username cannot change: add a new user instead.</source>
        <translation>Un nom d&apos;utilisateur ne peut pas être modifié&#xa0;: ajoutez plutôt un nouvel utilisateur.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>e.g. Dana Fischer</source>
        <translation>ex.&#xa0;: Dana Fischer</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>&amp;May use Concord</source>
        <translation>&amp;Peut utiliser Concord</translation>
    </message>
    <message>
        <source>A deactivated user keeps their history but can no longer act in Concord.</source>
        <translation>Un utilisateur désactivé conserve son historique mais ne peut plus agir dans Concord.</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>Nom d&apos;&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle&#xa0;:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>%1 is the last active owner: make someone else owner first.</source>
        <translation>%1 est le dernier propriétaire actif&#xa0;: désignez d&apos;abord un autre propriétaire.</translation>
    </message>
    <message>
        <source>Enter the person&apos;s username.</source>
        <translation>Saisissez le nom d&apos;utilisateur de la personne.</translation>
    </message>
    <message>
        <source>A username has only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, like the computer account it names.</source>
        <translation>Un nom d&apos;utilisateur ne contient que des lettres, des chiffres, «&#xa0;.&#xa0;», «&#xa0;_&#xa0;» et «&#xa0;-&#xa0;», comme le compte d&apos;ordinateur qu&apos;il désigne.</translation>
    </message>
    <message>
        <source>There is already a user &apos;%1&apos;.</source>
        <translation>Il existe déjà un utilisateur «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>au moins %n caractère</numerusform>
            <numerusform>au moins %n caractères</numerusform>
        </translation>
    </message>
    <message>
        <source>The person signs in to the shared store with this password. Tell it to them in person; they can change it after signing in.</source>
        <translation>La personne se connecte à la base de données partagée avec ce mot de passe. Communiquez-le-lui de vive voix&#xa0;; elle pourra le changer après s&apos;être connectée.</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Répéter le mot de passe</translation>
    </message>
    <message>
        <source>the same again, to catch a typing slip</source>
        <translation>le même, pour éviter une faute de frappe</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Re&amp;peat password:</source>
        <translation>Ré&amp;péter le mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>the name they will sign in with, e.g. dana</source>
        <translation>le nom avec lequel elle se connectera, ex.&#xa0;: dana</translation>
    </message>
    <message>
        <source>The person signs in to the shared store with this name and their password.</source>
        <translation>La personne se connecte à la base de données partagée avec ce nom et son mot de passe.</translation>
    </message>
    <message numerus="yes">
        <source>Enter a password for the person (at least %n characters).</source>
        <translation>
            <numerusform>Saisissez un mot de passe pour la personne (au moins %n caractère).</numerusform>
            <numerusform>Saisissez un mot de passe pour la personne (au moins %n caractères).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The password is too short: use at least %n characters.</source>
        <translation>
            <numerusform>Le mot de passe est trop court&#xa0;: utilisez au moins %n caractère.</numerusform>
            <numerusform>Le mot de passe est trop court&#xa0;: utilisez au moins %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>Repeat the password in the second field.</source>
        <translation>Répétez le mot de passe dans le second champ.</translation>
    </message>
    <message>
        <source>The two passwords differ: type the same one twice.</source>
        <translation>Les deux mots de passe diffèrent&#xa0;: saisissez deux fois le même.</translation>
    </message>
</context>
<context>
    <name>Concord::Ui::UsersTableModel</name>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <source>Office manager</source>
        <translation>Responsable administratif</translation>
    </message>
    <message>
        <source>Bookkeeper</source>
        <translation>Comptable</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Lecteur</translation>
    </message>
    <message>
        <source>Approves merges, manages users and connections, and may do everything the other roles do.</source>
        <translation>Approuve les fusions, gère les utilisateurs et les connexions, et peut faire tout ce que font les autres rôles.</translation>
    </message>
    <message>
        <source>Edits bookings and customers, proposes merges, works the retry queue and booking-side mappings.</source>
        <translation>Modifie les réservations et les clients, propose des fusions, traite la file des reprises et gère les correspondances côté réservations.</translation>
    </message>
    <message>
        <source>Edits tax and discount rules, invoice policies and billing-side mappings; reconciles totals.</source>
        <translation>Modifie les règles de taxe et de remise, les politiques de facturation et les correspondances côté facturation&#xa0;; rapproche les totaux.</translation>
    </message>
    <message>
        <source>Sees everything and changes nothing.</source>
        <translation>Voit tout et ne modifie rien.</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Dernière connexion</translation>
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
        <translation>QuickBooks</translation>
    </message>
    <message>
        <source>HubSpot</source>
        <translation>HubSpot</translation>
    </message>
    <message>
        <source>Cal.com</source>
        <translation>Cal.com</translation>
    </message>
    <message>
        <source>QuickBooks customer</source>
        <translation>Client QuickBooks</translation>
    </message>
    <message>
        <source>HubSpot contact</source>
        <translation>Contact HubSpot</translation>
    </message>
    <message>
        <source>Cal.com attendee</source>
        <translation>Participant Cal.com</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nom affiché</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nom de famille</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Other contacts</source>
        <translation>Autres contacts</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Client since</source>
        <translation>Client depuis</translation>
    </message>
    <message>
        <source>given name</source>
        <translation>prénom</translation>
    </message>
    <message>
        <source>family name</source>
        <translation>nom de famille</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>email</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>téléphone</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>date de naissance</translation>
    </message>
    <message>
        <source>address</source>
        <translation>adresse</translation>
    </message>
    <message>
        <source>city</source>
        <translation>ville</translation>
    </message>
    <message>
        <source>postcode</source>
        <translation>code postal</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>same phone number</source>
        <translation>même numéro de téléphone</translation>
    </message>
    <message>
        <source>phone matches after normalising</source>
        <translation>même téléphone après normalisation</translation>
    </message>
    <message>
        <source>same email</source>
        <translation>même e-mail</translation>
    </message>
    <message>
        <source>same email after normalising</source>
        <translation>même e-mail après normalisation</translation>
    </message>
    <message>
        <source>same %1</source>
        <extracomment>e.g. &quot;same given name&quot;</extracomment>
        <translation>même %1</translation>
    </message>
    <message>
        <source>same %1 after normalising</source>
        <translation>même %1 après normalisation</translation>
    </message>
    <message>
        <source>nickname of the same name (%1)</source>
        <translation>diminutif du même prénom (%1)</translation>
    </message>
    <message>
        <source>%1 differs by a typo (%2)</source>
        <extracomment>e.g. &quot;family name differs by a typo (whitfield / whitfeld)&quot;</extracomment>
        <translation>%1 à une faute de frappe près (%2)</translation>
    </message>
    <message>
        <source>%1 differs by two typos (%2)</source>
        <translation>%1 à deux fautes de frappe près (%2)</translation>
    </message>
    <message>
        <source>given name matches an initial (%1)</source>
        <translation>prénom correspondant à une initiale (%1)</translation>
    </message>
    <message>
        <source>similar %1 (%2)</source>
        <translation>%1 similaire (%2)</translation>
    </message>
    <message>
        <source>same words in the name, in another order</source>
        <translation>mêmes mots dans le nom, dans un autre ordre</translation>
    </message>
    <message>
        <source>most words of the name agree (%1)</source>
        <translation>la plupart des mots du nom concordent (%1)</translation>
    </message>
    <message>
        <source>some words of the name agree (%1)</source>
        <translation>certains mots du nom concordent (%1)</translation>
    </message>
    <message>
        <source>same mailbox at the provider (dots or +tags differ: %1)</source>
        <translation>même boîte aux lettres chez le fournisseur (points ou +étiquettes différents&#xa0;: %1)</translation>
    </message>
    <message>
        <source>same mailbox name at another domain (%1)</source>
        <translation>même nom de boîte aux lettres sur un autre domaine (%1)</translation>
    </message>
    <message>
        <source>same local number, other area or country code (%1)</source>
        <translation>même numéro local, indicatif régional ou international différent (%1)</translation>
    </message>
    <message>
        <source>date of birth with day and month swapped (%1)</source>
        <translation>date de naissance avec jour et mois inversés (%1)</translation>
    </message>
    <message>
        <source>same house number and street</source>
        <translation>même numéro et même rue</translation>
    </message>
    <message>
        <source>same house number, similar street (%1)</source>
        <translation>même numéro, rue similaire (%1)</translation>
    </message>
    <message>
        <source>same street, another house number (%1)</source>
        <translation>même rue, autre numéro (%1)</translation>
    </message>
    <message>
        <source>different %1 (%2)</source>
        <extracomment>e.g. &quot;different phone (5550100 / 5550199)&quot;</extracomment>
        <translation>%1&#xa0;: valeurs différentes (%2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>An evidence level this version has no words for: &quot;&lt;field&gt;: &lt;level&gt;&quot;</extracomment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>counts against</source>
        <translation>en défaveur</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>fort</translation>
    </message>
    <message>
        <source>good</source>
        <translation>bon</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>faible</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>neutre</translation>
    </message>
    <message>
        <source>%1 likely the same person</source>
        <extracomment>&quot;93% likely the same person&quot;</extracomment>
        <translation>%1 de probabilité qu&apos;il s&apos;agisse de la même personne</translation>
    </message>
    <message>
        <source>Only the names agree: check another detail before merging.</source>
        <translation>Seuls les noms concordent&#xa0;: vérifiez un autre élément avant de fusionner.</translation>
    </message>
    <message>
        <source>Something that should agree clearly differs (given name, birth date or organisation).</source>
        <translation>Un élément qui devrait concorder diffère nettement (prénom, date de naissance ou organisation).</translation>
    </message>
    <message>
        <source>First and last name are written the other way round in one record.</source>
        <translation>Le prénom et le nom sont inversés dans l&apos;un des enregistrements.</translation>
    </message>
    <message>
        <source>Both records carry the same link from an earlier import.</source>
        <translation>Les deux enregistrements portent le même lien, issu d&apos;une importation antérieure.</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>À examiner</translation>
    </message>
    <message>
        <source>Waiting for an owner</source>
        <translation>En attente d&apos;un propriétaire</translation>
    </message>
    <message>
        <source>Approved, not finished</source>
        <translation>Approuvée, non terminée</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejetée</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Fusion effectuée</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Fusion annulée</translation>
    </message>
    <message>
        <source>Found by the duplicate scan; nobody has proposed a merge yet.</source>
        <translation>Détecté par la recherche de doublons&#xa0;; personne n&apos;a encore proposé de fusion.</translation>
    </message>
    <message>
        <source>Found by the duplicate scan on %1; nobody has proposed a merge yet.</source>
        <translation>Détecté par la recherche de doublons le %1&#xa0;; personne n&apos;a encore proposé de fusion.</translation>
    </message>
    <message>
        <source>Proposed by %1 on %2</source>
        <translation>Fusion proposée par %1 le %2</translation>
    </message>
    <message>
        <source> Note: “%1”</source>
        <translation> Note&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>%1. An owner other than %2 approves or rejects it.</source>
        <translation>%1. Un propriétaire autre que %2 l&apos;approuve ou la rejette.</translation>
    </message>
    <message>
        <source>%1, approved by %2 on %3. The merge has not finished; approving runs it again from where it stopped.</source>
        <translation>%1, approuvée par %2 le %3. La fusion n&apos;est pas terminée&#xa0;; l&apos;approuver la relance là où elle s&apos;est arrêtée.</translation>
    </message>
    <message>
        <source>%1, rejected by %2 on %3.</source>
        <translation>%1, rejetée par %2 le %3.</translation>
    </message>
    <message>
        <source>%1, approved and merged by %2 on %3.</source>
        <translation>%1, approuvée et exécutée par %2 le %3.</translation>
    </message>
    <message>
        <source>%1, merged by %2 on %3, then undone in Concord.</source>
        <translation>%1, exécutée par %2 le %3, puis annulée dans Concord.</translation>
    </message>
    <message>
        <source>Concord only: Undo merge puts it back</source>
        <translation>Concord uniquement&#xa0;: «&#xa0;Annuler la fusion&#xa0;» le rétablit</translation>
    </message>
    <message>
        <source>A person does this in %1; it cannot be undone there</source>
        <translation>Action manuelle dans %1&#xa0;; irréversible dans ce système</translation>
    </message>
    <message>
        <source>Cannot be undone</source>
        <translation>Irréversible</translation>
    </message>
    <message>
        <source>A person can reverse it in %1</source>
        <translation>Réversible manuellement dans %1</translation>
    </message>
    <message>
        <source>linked by a person</source>
        <translation>lié manuellement</translation>
    </message>
    <message>
        <source>created by Concord</source>
        <translation>créé par Concord</translation>
    </message>
    <message>
        <source>carried over from an import</source>
        <translation>repris d&apos;une importation</translation>
    </message>
    <message>
        <source>matched by email</source>
        <translation>rapproché par e-mail</translation>
    </message>
    <message>
        <source>matched by phone</source>
        <translation>rapproché par téléphone</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Unused: disabled</source>
        <translation>Inutilisée&#xa0;: désactivée</translation>
    </message>
    <message>
        <source>Unused: unknown field</source>
        <translation>Inutilisée&#xa0;: champ inconnu</translation>
    </message>
    <message>
        <source>Unused: carried nothing</source>
        <translation>Inutilisée&#xa0;: rien transmis</translation>
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
