<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
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
        <source>nobody</source>
        <translation>personne</translation>
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
        <source>Shown once the rules are loaded</source>
        <translation>Disponible une fois les règles chargées</translation>
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
    <name>Concord::Ui::MainWindow</name>
    <message>
        <source>Overview</source>
        <translation>Vue d’ensemble</translation>
    </message>
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
