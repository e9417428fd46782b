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
        <source>Start with a fresh, empty store in a temporary folder, removed on exit. (Later versions also start local stand-ins for QuickBooks, HubSpot and Cal.com here.)</source>
        <translation>Démarrer avec une base de données neuve et vide dans un dossier temporaire, supprimé à la fermeture. (Les versions suivantes y démarreront aussi des simulateurs locaux de QuickBooks, HubSpot et Cal.com.)</translation>
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
</context>
</TS>
