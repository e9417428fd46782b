#include "store/migrations.h"

#include "common/logging.h"
#include "store/database.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Concord::Store {

namespace {

// One statement-level trigger per table announcing its changes on the
// `concord_changes` channel (schema 6's concord_notify_change()).
template<std::size_t N>
QStringList notifyChangeTriggers(const char *const (&tables)[N])
{
    QStringList out;
    for (const char *table : tables)
        out.append(u"CREATE TRIGGER %1_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %1 "
                   "FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change()"_s
                       .arg(QLatin1StringView(table)));
    return out;
}

// Conventions: instants are BIGINT milliseconds since the epoch (UTC) in
// columns ending _at; calendar dates are TEXT 'YYYY-MM-DD'; money is BIGINT
// minor units next to a currency column; booleans are INTEGER 0/1; JSON is TEXT.
Migration schemaV1()
{
    Migration m;
    m.version = 1;
    m.description = u"initial schema: identity map, appointments, billing, rules, outbox, audit, users, reviews"_s;
    m.statements = {
        // --- users and roles -------------------------------------------------
        uR"(CREATE TABLE users (
            id {{ID}},
            username TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('owner','office_manager','bookkeeper','viewer')),
            active INTEGER NOT NULL DEFAULT 1,
            created_at BIGINT NOT NULL,
            last_sign_in_at BIGINT,
            version INTEGER NOT NULL DEFAULT 1))"_s,

        // --- customers and the identity map ---------------------------------
        uR"(CREATE TABLE customers (
            id TEXT PRIMARY KEY,
            display_name TEXT NOT NULL,
            given_name TEXT NOT NULL DEFAULT '',
            family_name TEXT NOT NULL DEFAULT '',
            company_name TEXT NOT NULL DEFAULT '',
            time_zone TEXT NOT NULL DEFAULT '',
            state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active','merged','archived')),
            merged_into TEXT REFERENCES customers(id),
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1))"_s,
        u"CREATE INDEX customers_display_name ON customers(display_name)"_s,

        uR"(CREATE TABLE contact_points (
            id {{ID}},
            customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('email','phone','address')),
            value TEXT NOT NULL,
            normalized TEXT NOT NULL,
            is_primary INTEGER NOT NULL DEFAULT 0,
            source_system TEXT,
            UNIQUE (customer_id, kind, normalized)))"_s,
        u"CREATE INDEX contact_points_lookup ON contact_points(kind, normalized)"_s,

        uR"(CREATE TABLE external_links (
            id {{ID}},
            customer_id TEXT NOT NULL REFERENCES customers(id),
            system TEXT NOT NULL CHECK (system IN ('quickbooks','hubspot','calcom')),
            external_id TEXT NOT NULL,
            method TEXT NOT NULL,
            confidence_permille INTEGER NOT NULL CHECK (confidence_permille BETWEEN 0 AND 1000),
            evidence_json TEXT NOT NULL DEFAULT '{}',
            linked_at BIGINT NOT NULL,
            linked_by TEXT NOT NULL,
            UNIQUE (system, external_id)))"_s,
        u"CREATE INDEX external_links_customer ON external_links(customer_id)"_s,

        uR"(CREATE TABLE duplicate_candidates (
            id {{ID}},
            customer_a TEXT NOT NULL REFERENCES customers(id),
            customer_b TEXT NOT NULL REFERENCES customers(id),
            score_permille INTEGER NOT NULL,
            evidence_json TEXT NOT NULL DEFAULT '{}',
            state TEXT NOT NULL DEFAULT 'open',
            found_at BIGINT NOT NULL,
            CHECK (customer_a < customer_b),
            UNIQUE (customer_a, customer_b)))"_s,

        uR"(CREATE TABLE merge_proposals (
            id {{ID}},
            survivor_id TEXT NOT NULL REFERENCES customers(id),
            merged_ids TEXT NOT NULL,
            field_choices_json TEXT NOT NULL DEFAULT '{}',
            evidence_json TEXT NOT NULL DEFAULT '{}',
            state TEXT NOT NULL DEFAULT 'proposed',
            proposed_by TEXT NOT NULL,
            proposed_at BIGINT NOT NULL,
            decided_by TEXT,
            decided_at BIGINT,
            note TEXT NOT NULL DEFAULT ''))"_s,

        // --- catalog: staff and services ------------------------------------
        uR"(CREATE TABLE staff (
            id {{ID}},
            email TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL DEFAULT '',
            calcom_user_id TEXT,
            hubspot_owner_id TEXT,
            active INTEGER NOT NULL DEFAULT 1))"_s,

        uR"(CREATE TABLE services (
            id {{ID}},
            name TEXT NOT NULL,
            calcom_event_type_id TEXT UNIQUE,
            quickbooks_item_id TEXT,
            default_duration_minutes INTEGER NOT NULL DEFAULT 60,
            rate_minor BIGINT NOT NULL DEFAULT 0,
            currency TEXT NOT NULL DEFAULT 'USD',
            location TEXT NOT NULL DEFAULT '',
            active INTEGER NOT NULL DEFAULT 1))"_s,

        // --- appointments ----------------------------------------------------
        uR"(CREATE TABLE appointments (
            id {{ID}},
            customer_id TEXT NOT NULL REFERENCES customers(id),
            calcom_uid TEXT UNIQUE,
            start_at BIGINT NOT NULL,
            time_zone TEXT NOT NULL,
            duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
            staff_id BIGINT REFERENCES staff(id),
            service_id BIGINT REFERENCES services(id),
            status TEXT NOT NULL CHECK (status IN ('booked','rescheduled','completed','no_show','canceled')),
            source_version TEXT NOT NULL DEFAULT '',
            rescheduled_from_id BIGINT REFERENCES appointments(id),
            title TEXT NOT NULL DEFAULT '',
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL))"_s,
        u"CREATE INDEX appointments_customer ON appointments(customer_id, start_at)"_s,
        u"CREATE INDEX appointments_start ON appointments(start_at)"_s,

        // --- billing ---------------------------------------------------------
        uR"(CREATE TABLE invoices (
            id {{ID}},
            customer_id TEXT NOT NULL REFERENCES customers(id),
            quickbooks_id TEXT UNIQUE,
            doc_number TEXT NOT NULL DEFAULT '',
            txn_date TEXT,
            due_date TEXT,
            currency TEXT NOT NULL,
            total_minor BIGINT NOT NULL DEFAULT 0,
            balance_minor BIGINT NOT NULL DEFAULT 0,
            tax_minor BIGINT NOT NULL DEFAULT 0,
            discount_minor BIGINT NOT NULL DEFAULT 0,
            deposit_minor BIGINT NOT NULL DEFAULT 0,
            status TEXT NOT NULL CHECK (status IN ('invoiced','deposit_paid','partially_paid','paid','overdue','voided','refunded')),
            sync_token TEXT NOT NULL DEFAULT '',
            invoice_link TEXT NOT NULL DEFAULT '',
            remote_updated_at BIGINT,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL))"_s,
        u"CREATE INDEX invoices_customer ON invoices(customer_id, due_date)"_s,

        uR"(CREATE TABLE invoice_lines (
            id {{ID}},
            invoice_id BIGINT NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
            line_number INTEGER NOT NULL,
            appointment_id BIGINT REFERENCES appointments(id),
            item_id TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            quantity_milli BIGINT NOT NULL DEFAULT 1000,
            rate_minor BIGINT NOT NULL DEFAULT 0,
            amount_minor BIGINT NOT NULL DEFAULT 0,
            service_date TEXT,
            tax_code TEXT NOT NULL DEFAULT '',
            UNIQUE (invoice_id, line_number)))"_s,
        u"CREATE INDEX invoice_lines_appointment ON invoice_lines(appointment_id)"_s,

        uR"(CREATE TABLE payments (
            id {{ID}},
            customer_id TEXT NOT NULL REFERENCES customers(id),
            quickbooks_id TEXT UNIQUE,
            txn_date TEXT,
            currency TEXT NOT NULL,
            amount_minor BIGINT NOT NULL,
            unapplied_minor BIGINT NOT NULL DEFAULT 0,
            sync_token TEXT NOT NULL DEFAULT '',
            remote_updated_at BIGINT))"_s,

        uR"(CREATE TABLE payment_applications (
            payment_id BIGINT NOT NULL REFERENCES payments(id) ON DELETE CASCADE,
            invoice_id BIGINT NOT NULL REFERENCES invoices(id),
            amount_minor BIGINT NOT NULL,
            PRIMARY KEY (payment_id, invoice_id)))"_s,
        u"CREATE INDEX payment_applications_invoice ON payment_applications(invoice_id)"_s,

        uR"(CREATE TABLE credits (
            id {{ID}},
            kind TEXT NOT NULL CHECK (kind IN ('credit_memo','refund_receipt')),
            customer_id TEXT NOT NULL REFERENCES customers(id),
            quickbooks_id TEXT NOT NULL,
            invoice_id BIGINT REFERENCES invoices(id),
            txn_date TEXT,
            currency TEXT NOT NULL,
            amount_minor BIGINT NOT NULL,
            remote_updated_at BIGINT,
            UNIQUE (kind, quickbooks_id)))"_s,

        // --- mappings and rules (versioned for concurrent editors) ----------
        uR"(CREATE TABLE field_mappings (
            id {{ID}},
            field TEXT NOT NULL,
            source_system TEXT NOT NULL,
            target_system TEXT NOT NULL,
            source_path TEXT NOT NULL DEFAULT '',
            target_path TEXT NOT NULL DEFAULT '',
            transform TEXT NOT NULL DEFAULT 'identity',
            authoritative_system TEXT NOT NULL,
            enabled INTEGER NOT NULL DEFAULT 1,
            version INTEGER NOT NULL DEFAULT 1,
            updated_by TEXT NOT NULL,
            updated_at BIGINT NOT NULL,
            CHECK (source_system <> target_system),
            UNIQUE (field, target_system)))"_s,

        uR"(CREATE TABLE status_mappings (
            id {{ID}},
            domain TEXT NOT NULL CHECK (domain IN ('appointment','money')),
            status TEXT NOT NULL,
            target_system TEXT NOT NULL,
            action TEXT NOT NULL,
            target_value TEXT NOT NULL DEFAULT '',
            version INTEGER NOT NULL DEFAULT 1,
            updated_by TEXT NOT NULL,
            updated_at BIGINT NOT NULL,
            UNIQUE (domain, status, target_system, action)))"_s,

        uR"(CREATE TABLE tax_rules (
            id {{ID}},
            service_id BIGINT REFERENCES services(id),
            location TEXT NOT NULL DEFAULT '',
            customer_id TEXT REFERENCES customers(id),
            tax_code TEXT NOT NULL,
            priority INTEGER NOT NULL DEFAULT 0,
            enabled INTEGER NOT NULL DEFAULT 1,
            version INTEGER NOT NULL DEFAULT 1,
            updated_by TEXT NOT NULL,
            updated_at BIGINT NOT NULL))"_s,

        uR"(CREATE TABLE discount_rules (
            id {{ID}},
            service_id BIGINT REFERENCES services(id),
            location TEXT NOT NULL DEFAULT '',
            customer_id TEXT REFERENCES customers(id),
            percent_basis_points INTEGER NOT NULL DEFAULT 0 CHECK (percent_basis_points BETWEEN 0 AND 10000),
            amount_minor BIGINT NOT NULL DEFAULT 0 CHECK (amount_minor >= 0),
            currency TEXT NOT NULL DEFAULT 'USD',
            description TEXT NOT NULL DEFAULT '',
            priority INTEGER NOT NULL DEFAULT 0,
            enabled INTEGER NOT NULL DEFAULT 1,
            version INTEGER NOT NULL DEFAULT 1,
            updated_by TEXT NOT NULL,
            updated_at BIGINT NOT NULL,
            CHECK (percent_basis_points = 0 OR amount_minor = 0)))"_s,

        uR"(CREATE TABLE invoice_policies (
            id {{ID}},
            service_id BIGINT REFERENCES services(id),
            customer_id TEXT REFERENCES customers(id),
            mode TEXT NOT NULL CHECK (mode IN ('per_session','monthly_summary')),
            monthly_grouping TEXT NOT NULL DEFAULT 'per_client',
            deposit_basis_points INTEGER NOT NULL DEFAULT 0 CHECK (deposit_basis_points BETWEEN 0 AND 10000),
            payment_term_days INTEGER NOT NULL DEFAULT 7,
            cancellation TEXT NOT NULL DEFAULT 'void_or_credit',
            late_cancel_window_hours INTEGER NOT NULL DEFAULT 24,
            late_fee_minor BIGINT NOT NULL DEFAULT 0,
            block_threshold_minor BIGINT NOT NULL DEFAULT 0,
            block_action TEXT NOT NULL DEFAULT 'hold',
            currency TEXT NOT NULL DEFAULT 'USD',
            version INTEGER NOT NULL DEFAULT 1,
            updated_by TEXT NOT NULL,
            updated_at BIGINT NOT NULL))"_s,
        // One policy per scope (default, a service, a customer, or both). A
        // plain UNIQUE would not do: NULLs are distinct in UNIQUE constraints.
        u"CREATE UNIQUE INDEX invoice_policies_scope ON invoice_policies "
        "(COALESCE(service_id, 0), COALESCE(customer_id, ''))"_s,

        // --- outbox / retry queue, sync log, cursors, connections ----------
        uR"(CREATE TABLE outbox_jobs (
            id {{ID}},
            target_system TEXT NOT NULL,
            operation TEXT NOT NULL,
            entity_type TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            payload_json TEXT NOT NULL DEFAULT '{}',
            idempotency_key TEXT NOT NULL UNIQUE,
            state TEXT NOT NULL CHECK (state IN ('pending','in_flight','succeeded','failed','dismissed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at BIGINT NOT NULL,
            source_changed_at BIGINT,
            last_error_code TEXT NOT NULL DEFAULT '',
            last_error_message TEXT NOT NULL DEFAULT '',
            last_error_detail TEXT NOT NULL DEFAULT '',
            last_http_status INTEGER NOT NULL DEFAULT 0,
            last_request_id TEXT NOT NULL DEFAULT '',
            claimed_by TEXT NOT NULL DEFAULT '',
            lease_until BIGINT,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL))"_s,
        u"CREATE INDEX outbox_due ON outbox_jobs(state, next_attempt_at)"_s,

        uR"(CREATE TABLE sync_log (
            id {{ID}},
            at BIGINT NOT NULL,
            system TEXT NOT NULL,
            direction TEXT NOT NULL CHECK (direction IN ('in','out')),
            entity_type TEXT NOT NULL DEFAULT '',
            entity_id TEXT NOT NULL DEFAULT '',
            external_id TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL,
            outcome TEXT NOT NULL,
            latency_ms BIGINT NOT NULL DEFAULT -1,
            request_id TEXT NOT NULL DEFAULT '',
            message TEXT NOT NULL DEFAULT ''))"_s,
        u"CREATE INDEX sync_log_at ON sync_log(at)"_s,

        uR"(CREATE TABLE sync_cursors (
            system TEXT NOT NULL,
            resource TEXT NOT NULL,
            value TEXT NOT NULL,
            updated_at BIGINT NOT NULL,
            PRIMARY KEY (system, resource)))"_s,

        uR"(CREATE TABLE connections (
            system TEXT PRIMARY KEY,
            state TEXT NOT NULL,
            account_label TEXT NOT NULL DEFAULT '',
            base_url TEXT NOT NULL DEFAULT '',
            access_expires_at BIGINT,
            refresh_expires_at BIGINT,
            last_ok_at BIGINT,
            last_error TEXT NOT NULL DEFAULT '',
            updated_at BIGINT NOT NULL))"_s,

        uR"(CREATE TABLE inbound_events (
            id {{ID}},
            system TEXT NOT NULL,
            dedupe_key TEXT NOT NULL,
            received_at BIGINT NOT NULL,
            body {{BLOB}} NOT NULL,
            processed_at BIGINT,
            error TEXT NOT NULL DEFAULT '',
            UNIQUE (system, dedupe_key)))"_s,

        // --- audit log (append-only, hash-chained) ---------------------------
        uR"(CREATE TABLE audit_log (
            seq BIGINT PRIMARY KEY,
            at BIGINT NOT NULL,
            actor TEXT NOT NULL,
            actor_role TEXT NOT NULL,
            action TEXT NOT NULL,
            entity_type TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            before_json TEXT NOT NULL DEFAULT '',
            after_json TEXT NOT NULL DEFAULT '',
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL UNIQUE))"_s,

        // --- review schedule and attachments ---------------------------------
        uR"(CREATE TABLE review_schedules (
            id {{ID}},
            cadence TEXT NOT NULL UNIQUE CHECK (cadence IN ('weekly','monthly','quarterly')),
            owner_user_id BIGINT REFERENCES users(id),
            next_due TEXT NOT NULL,
            last_completed_at BIGINT))"_s,

        uR"(CREATE TABLE review_runs (
            id {{ID}},
            schedule_id BIGINT NOT NULL REFERENCES review_schedules(id),
            completed_by_user_id BIGINT NOT NULL REFERENCES users(id),
            completed_at BIGINT NOT NULL,
            findings_json TEXT NOT NULL DEFAULT '{}'))"_s,

        uR"(CREATE TABLE attachments (
            id {{ID}},
            sha256 TEXT NOT NULL UNIQUE,
            invoice_id BIGINT REFERENCES invoices(id),
            mime_type TEXT NOT NULL,
            size_bytes BIGINT NOT NULL,
            storage_path TEXT NOT NULL,
            fetched_at BIGINT NOT NULL,
            expires_at BIGINT))"_s,
    };
    // Append-only audit log: the engine itself refuses UPDATE and DELETE, so
    // only someone bypassing Concord (and its triggers) can alter history —
    // and the hash chain then shows where.
    m.sqliteOnly = {
        uR"(CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END)"_s,
        uR"(CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END)"_s,
        // INSERT OR REPLACE on an existing seq/hash would swap a row in place.
        uR"(CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
            WHEN EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq OR hash = NEW.hash)
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END)"_s,
    };
    m.postgresOnly = {
        uR"(CREATE FUNCTION concord_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$)"_s,
        uR"(CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
            FOR EACH ROW EXECUTE FUNCTION concord_audit_append_only())"_s,
        // As audit_log_no_replace on SQLite: a row claiming an existing seq or
        // hash is refused as a rewrite of history (before the UNIQUE index
        // would call it a mere conflict), and an upsert (ON CONFLICT … DO
        // UPDATE) never gets as far as its update. TRUNCATE bypasses row
        // triggers, so it is refused too.
        uR"(CREATE FUNCTION concord_audit_no_replace() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq OR hash = NEW.hash) THEN
                    RAISE EXCEPTION 'audit_log is append-only';
                END IF;
                RETURN NEW;
            END $$)"_s,
        uR"(CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
            FOR EACH ROW EXECUTE FUNCTION concord_audit_no_replace())"_s,
        uR"(CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
            FOR EACH STATEMENT EXECUTE FUNCTION concord_audit_append_only())"_s,
    };
    return m;
}

// When the refresh token in the keychain was issued: QuickBooks refresh
// tokens live 100 days from issue (rolling), and the age is what the expiry
// warning and the dashboard count from after a restart.
Migration schemaV2()
{
    Migration m;
    m.version = 2;
    m.description = u"connections: refresh token issue time"_s;
    m.statements = {
        u"ALTER TABLE connections ADD COLUMN refresh_issued_at BIGINT"_s,
    };
    return m;
}

// What executing a merge changed in the identity map (links moved, from
// whom), so that Concord can undo it exactly.
Migration schemaV3()
{
    Migration m;
    m.version = 3;
    m.description = u"merge proposals: execution record for undo"_s;
    m.statements = {
        u"ALTER TABLE merge_proposals ADD COLUMN execution_json TEXT NOT NULL DEFAULT ''"_s,
    };
    return m;
}

// The sync engine's own state: which remote records stand for Concord's
// appointments and invoices beyond the customer identity map (HubSpot deals,
// tasks, QuickBooks invoices by plan key), what Concord itself wrote (echo
// suppression), what it flagged for a person (wrong-place edits, double
// bookings, booking blocks), and the kind of change each job and log entry
// carries (latency per kind).
Migration schemaV4()
{
    Migration m;
    m.version = 4;
    m.description = u"sync engine: remote references, echoes, flags, change kinds"_s;
    m.statements = {
        uR"(CREATE TABLE remote_refs (
            entity_type TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            system TEXT NOT NULL,
            kind TEXT NOT NULL,
            remote_id TEXT NOT NULL,
            version TEXT NOT NULL DEFAULT '',
            updated_at BIGINT NOT NULL,
            PRIMARY KEY (entity_type, entity_id, system, kind)))"_s,
        u"CREATE INDEX remote_refs_remote ON remote_refs(system, kind, remote_id)"_s,
        uR"(CREATE TABLE sync_echoes (
            system TEXT NOT NULL,
            entity_type TEXT NOT NULL,
            remote_id TEXT NOT NULL,
            version TEXT NOT NULL,
            recorded_at BIGINT NOT NULL,
            PRIMARY KEY (system, entity_type, remote_id, version)))"_s,
        uR"(CREATE TABLE sync_flags (
            id {{ID}},
            kind TEXT NOT NULL,
            subject TEXT NOT NULL,
            system TEXT NOT NULL DEFAULT '',
            message TEXT NOT NULL,
            detail_json TEXT NOT NULL DEFAULT '{}',
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            resolved_at BIGINT,
            resolved_by TEXT NOT NULL DEFAULT '',
            UNIQUE (kind, subject)))"_s,
        u"ALTER TABLE outbox_jobs ADD COLUMN source_kind TEXT NOT NULL DEFAULT ''"_s,
        u"ALTER TABLE sync_log ADD COLUMN kind TEXT NOT NULL DEFAULT ''"_s,
        u"CREATE INDEX outbox_entity ON outbox_jobs(entity_type, entity_id)"_s,
    };
    return m;
}

// When each delivery attempt of a job started. A retried create whose first
// attempt was cut off (a crash, a lost answer) must look for what that
// attempt may have made; HubSpot's search shows a new record only after a
// lag, so the runner needs the time of the interrupted attempt.
Migration schemaV5()
{
    Migration m;
    m.version = 5;
    m.description = u"outbox: start time of the latest and the previous attempt"_s;
    m.statements = {
        u"ALTER TABLE outbox_jobs ADD COLUMN last_attempt_at BIGINT"_s,
        u"ALTER TABLE outbox_jobs ADD COLUMN previous_attempt_at BIGINT"_s,
    };
    return m;
}

// Team mode: every writer (a desktop, concord-syncd, a psql session)
// announces its changes through the database itself, so desktops see them
// live without polling (Store::ChangeFeed LISTENs on the channel). One
// STATEMENT-level trigger per table a desktop shows calls pg_notify with the
// table's name as payload. PostgreSQL folds identical notifications of one
// transaction into one and delivers them only at COMMIT (none on rollback),
// so a 1,000-row import sends one per table, and a statement-level trigger
// costs one call per statement, not per row. A statement that changed no row
// still notifies; no hot loop issues such statements on these tables, and
// readers only re-read. SQLite has one process: its in-process refresh stays.
//
// The tables are what the desktop's pages and status read: customers and
// the identity map (contact points, links, duplicates, merge proposals), the
// catalog (staff, services), appointments, billing (invoices and lines,
// payments and applications, credits), mappings and rules, the outbox, the
// sync log (latency), webhooks received, sync flags, remote references (the
// records pages' links), connections, users and the audit log. Left out on
// purpose: sync_cursors (rewritten on every poll, never shown), sync_echoes
// (the engine's own bookkeeping), review schedules and runs, attachments
// (a PDF cache) and schema_migrations.
Migration schemaV6()
{
    Migration m;
    m.version = 6;
    m.description = u"change notifications for live desktops (PostgreSQL)"_s;
    m.postgresOnly = {
        uR"(CREATE FUNCTION concord_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('concord_changes', TG_TABLE_NAME);
                RETURN NULL;
            END $$)"_s,
    };
    static const char *const kNotifiedTables[] = {
        "customers",      "contact_points", "external_links",   "duplicate_candidates", "merge_proposals",
        "staff",          "services",       "appointments",     "invoices",             "invoice_lines",
        "payments",       "payment_applications", "credits",    "field_mappings",       "status_mappings",
        "tax_rules",      "discount_rules", "invoice_policies", "outbox_jobs",          "sync_log",
        "inbound_events", "sync_flags",     "remote_refs",      "connections",          "users",
        "audit_log",
    };
    m.postgresOnly += notifyChangeTriggers(kNotifiedTables);
    return m;
}

// Team mode: each person signs in to PostgreSQL as themself, and the server —
// not the client — refuses what that person's role may not do (issue 8;
// docs/team-users.md). With one shared database credential a modified client
// (or psql with the config file's URL) would bypass every check in Concord;
// with one login role per person PostgreSQL knows who is connected
// (session_user) and hashes their password (SCRAM-SHA-256).
//
// Group roles, one per Concord role plus concord_service for concord-syncd
// (carries changes; never approves merges or manages users, like
// Security::Actor::system). Roles are cluster-wide: every database of the
// cluster shares them, so one cluster should hold one Concord database (a
// member of concord_owner could otherwise use its grants in each of them).
// Created only when missing, so a second database (or a test's copy) reuses
// them; two migrations racing on one cluster both succeed.
//
// Table privileges follow the permission matrix (core/security/
// permissions.cpp) and the tables each permission's commands write; triggers
// enforce what a table grant cannot: whose name an audit entry carries, who
// decides a merge, which side of a mapping a role may edit, who changes an
// outbox job, and that an active owner remains. The users table is written
// only through SECURITY DEFINER functions that also manage the login roles.
// Superusers and members of the schema's owner (who runs the migrations) pass
// every check. Every function pins its search_path (schema, then pg_temp):
// any role may create temporary tables, which must not stand in for ours.
Migration schemaV7()
{
    Migration m;
    m.version = 7;
    m.description = u"team roles: PostgreSQL group roles, grants and guards (PostgreSQL)"_s;
    m.postgresOnly = {
        uR"(DO $$
            DECLARE r text;
            BEGIN
                FOREACH r IN ARRAY ARRAY['concord_viewer', 'concord_office_manager', 'concord_bookkeeper',
                                         'concord_owner', 'concord_service'] LOOP
                    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
                        BEGIN
                            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
                        EXCEPTION WHEN duplicate_object OR unique_violation THEN
                            NULL; -- another database's migration created it meanwhile
                        END;
                    END IF;
                END LOOP;
                FOREACH r IN ARRAY ARRAY['concord_office_manager', 'concord_bookkeeper', 'concord_owner'] LOOP
                    IF NOT pg_has_role(r, 'concord_viewer', 'MEMBER') THEN
                        BEGIN
                            EXECUTE format('GRANT concord_viewer TO %I', r);
                        EXCEPTION WHEN duplicate_object OR unique_violation THEN
                            NULL;
                        END;
                    END IF;
                END LOOP;
            END $$)"_s,

        // --- who is who -------------------------------------------------------
        // The schema's owner (and superusers): whoever runs the migrations and
        // sets the team up. Everyone else is judged by group membership.
        uR"(CREATE FUNCTION concord_is_schema_owner() RETURNS boolean LANGUAGE sql STABLE AS $$
            SELECT COALESCE((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)
                OR pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'schema_migrations'::regclass),
                               'MEMBER') $$)"_s,
        uR"(CREATE FUNCTION concord_session_has(group_role text) RETURNS boolean LANGUAGE sql STABLE AS $$
            SELECT concord_is_schema_owner() OR pg_has_role(session_user, group_role, 'MEMBER') $$)"_s,
        // A login role Concord may manage: one that exists and is neither a
        // superuser, the schema's owner, nor one of the group roles. Keeps an
        // owner from renaming, locking out or re-passwording the database's
        // administrators through a users row that happens to carry their name.
        uR"(CREATE FUNCTION concord_is_person_role(role_name text) RETURNS boolean LANGUAGE sql STABLE AS $$
            SELECT EXISTS (SELECT FROM pg_roles r WHERE r.rolname = role_name AND NOT r.rolsuper
                               AND r.rolname NOT LIKE 'concord\_%'
                               AND NOT pg_has_role(r.oid, (SELECT relowner FROM pg_class
                                                           WHERE oid = 'schema_migrations'::regclass), 'MEMBER')) $$)"_s,

        // --- table privileges ---------------------------------------------------
        // Everyone reads everything (Permission::View); the service reads too.
        // Writes per group: office manager — bookings, customers and identity,
        // merge proposals (propose only), booking-side mappings, the retry
        // queue, reviews; bookkeeper — billing rules and policies,
        // billing-side mappings, reviews, enqueueing; owner and service —
        // every table but users (functions only) and audit_log (insert only).
        // Tables added by later steps are readable by default and writable
        // only where that step grants it.
        uR"(DO $$
            DECLARE
                s text := current_schema();
                t text;
            BEGIN
                EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO concord_viewer, concord_service', s);
                EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %I TO concord_office_manager, '
                               'concord_bookkeeper, concord_owner, concord_service', s);
                EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT ON TABLES TO concord_viewer, '
                               'concord_service', s);
                EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE ON SEQUENCES TO '
                               'concord_office_manager, concord_bookkeeper, concord_owner, concord_service', s);
                FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = s
                         AND tablename NOT IN ('users', 'audit_log', 'schema_migrations') LOOP
                    EXECUTE format('GRANT INSERT, UPDATE, DELETE ON %I.%I TO concord_owner, concord_service', s, t);
                END LOOP;
            END $$)"_s,
        // Every person appends audit entries (as themself, see below); a
        // viewer's only mutating command is changing their own password.
        u"GRANT INSERT ON audit_log TO concord_viewer, concord_service"_s,
        u"GRANT INSERT, UPDATE, DELETE ON customers, contact_points, external_links, field_mappings, status_mappings, "
        "remote_refs, sync_flags TO concord_office_manager"_s,
        u"GRANT INSERT, UPDATE ON appointments, duplicate_candidates, outbox_jobs, review_schedules, review_runs "
        "TO concord_office_manager"_s,
        u"GRANT INSERT ON merge_proposals TO concord_office_manager"_s,
        u"GRANT INSERT, UPDATE, DELETE ON tax_rules, discount_rules, invoice_policies, field_mappings, "
        "status_mappings TO concord_bookkeeper"_s,
        u"GRANT INSERT, UPDATE ON review_schedules, review_runs TO concord_bookkeeper"_s,
        u"GRANT INSERT ON outbox_jobs TO concord_bookkeeper"_s,

        // --- audit entries name whoever is signed in ----------------------------
        // A person writes entries only as themself, with their own role (a
        // viewer only for their own password change); the service only as
        // Concord's automation ("system:<component>").
        uR"(CREATE FUNCTION concord_audit_actor_guard() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF concord_is_schema_owner() THEN
                    RETURN NEW;
                END IF;
                IF pg_has_role(session_user, 'concord_service', 'MEMBER') AND NEW.actor LIKE 'system:%'
                        AND NEW.actor_role = 'system' THEN
                    RETURN NEW;
                END IF;
                IF NEW.actor = session_user AND NEW.actor_role IS NOT DISTINCT FROM
                        (SELECT role FROM users WHERE username = session_user AND active = 1)
                        AND (NEW.actor_role <> 'viewer' OR NEW.action = 'user.password') THEN
                    RETURN NEW;
                END IF;
                RAISE EXCEPTION '"%" may not write an audit entry as "%" (%)', session_user, NEW.actor, NEW.actor_role
                    USING ERRCODE = 'insufficient_privilege';
            END $$)"_s,
        uR"(CREATE TRIGGER audit_log_actor_guard BEFORE INSERT ON audit_log
            FOR EACH ROW EXECUTE FUNCTION concord_audit_actor_guard())"_s,

        // --- merges: only an owner decides ---------------------------------------
        // Anyone allowed to insert may propose (state 'proposed', undecided);
        // every later change — approve, reject, execute, undo, or editing what
        // was proposed — is an owner's (Permission::ApproveMerge, a person).
        uR"(CREATE FUNCTION concord_merge_proposal_guard() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF concord_session_has('concord_owner') THEN
                    RETURN COALESCE(NEW, OLD);
                END IF;
                IF TG_OP = 'INSERT' AND NEW.state = 'proposed' AND NEW.decided_by IS NULL
                        AND NEW.decided_at IS NULL AND NEW.execution_json = '' THEN
                    RETURN NEW;
                END IF;
                RAISE EXCEPTION '"%" may not decide merges (allowed: owner)', session_user
                    USING ERRCODE = 'insufficient_privilege';
            END $$)"_s,
        uR"(CREATE TRIGGER merge_proposals_owner_decides BEFORE INSERT OR UPDATE OR DELETE ON merge_proposals
            FOR EACH ROW EXECUTE FUNCTION concord_merge_proposal_guard())"_s,

        // --- mappings: each side to its own role ----------------------------------
        // As Services::mappingSide(): a field mapping touching QuickBooks, or
        // a status mapping of the money domain or aimed at QuickBooks, is
        // billing-side (bookkeeper or owner); the rest booking-side (office
        // manager or owner). An update must be allowed on both the old and the
        // new side, so moving a mapping across does not launder it.
        uR"(CREATE FUNCTION concord_mapping_side_guard() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                old_billing boolean;
                new_billing boolean;
            BEGIN
                IF concord_session_has('concord_owner') OR pg_has_role(session_user, 'concord_service', 'MEMBER') THEN
                    RETURN COALESCE(NEW, OLD);
                END IF;
                IF TG_TABLE_NAME = 'field_mappings' THEN
                    IF TG_OP <> 'INSERT' THEN
                        old_billing := OLD.source_system = 'quickbooks' OR OLD.target_system = 'quickbooks';
                    END IF;
                    IF TG_OP <> 'DELETE' THEN
                        new_billing := NEW.source_system = 'quickbooks' OR NEW.target_system = 'quickbooks';
                    END IF;
                ELSE
                    IF TG_OP <> 'INSERT' THEN
                        old_billing := OLD.domain = 'money' OR OLD.target_system = 'quickbooks';
                    END IF;
                    IF TG_OP <> 'DELETE' THEN
                        new_billing := NEW.domain = 'money' OR NEW.target_system = 'quickbooks';
                    END IF;
                END IF;
                IF (old_billing IS NULL OR pg_has_role(session_user, CASE WHEN old_billing THEN 'concord_bookkeeper'
                                                       ELSE 'concord_office_manager' END, 'MEMBER'))
                   AND (new_billing IS NULL OR pg_has_role(session_user, CASE WHEN new_billing THEN 'concord_bookkeeper'
                                                          ELSE 'concord_office_manager' END, 'MEMBER')) THEN
                    RETURN COALESCE(NEW, OLD);
                END IF;
                RAISE EXCEPTION '"%" may not edit % mappings (allowed: %)', session_user,
                    CASE WHEN COALESCE(new_billing, old_billing) THEN 'billing-side' ELSE 'booking-side' END,
                    CASE WHEN COALESCE(new_billing, old_billing) THEN 'bookkeeper, owner' ELSE 'office manager, owner' END
                    USING ERRCODE = 'insufficient_privilege';
            END $$)"_s,
        uR"(CREATE TRIGGER field_mappings_side_guard BEFORE INSERT OR UPDATE OR DELETE ON field_mappings
            FOR EACH ROW EXECUTE FUNCTION concord_mapping_side_guard())"_s,
        uR"(CREATE TRIGGER status_mappings_side_guard BEFORE INSERT OR UPDATE OR DELETE ON status_mappings
            FOR EACH ROW EXECUTE FUNCTION concord_mapping_side_guard())"_s,

        // --- the outbox: its state is the service's and the retry queue's --------
        // Persons with ManageRetryQueue (office manager, owner) retry, dismiss,
        // override; the service claims and delivers. Anyone else may only
        // enqueue a new pending job (a command of theirs that sends a change).
        uR"(CREATE FUNCTION concord_outbox_guard() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF concord_session_has('concord_owner') OR pg_has_role(session_user, 'concord_office_manager', 'MEMBER')
                        OR pg_has_role(session_user, 'concord_service', 'MEMBER') THEN
                    RETURN COALESCE(NEW, OLD);
                END IF;
                IF TG_OP = 'INSERT' AND NEW.state = 'pending' AND NEW.attempts = 0 AND NEW.claimed_by = '' THEN
                    RETURN NEW;
                END IF;
                RAISE EXCEPTION '"%" may not change sync jobs (allowed: office manager, owner)', session_user
                    USING ERRCODE = 'insufficient_privilege';
            END $$)"_s,
        uR"(CREATE TRIGGER outbox_jobs_guard BEFORE INSERT OR UPDATE OR DELETE ON outbox_jobs
            FOR EACH ROW EXECUTE FUNCTION concord_outbox_guard())"_s,

        // --- users: an active owner always remains ---------------------------------
        // Serialized by the user functions' table lock, so two owners demoting
        // each other at once cannot both succeed.
        uR"(CREATE FUNCTION concord_users_keep_an_owner() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF OLD.role = 'owner' AND OLD.active = 1
                        AND (TG_OP = 'DELETE' OR NEW.role <> 'owner' OR NEW.active <> 1)
                        AND NOT EXISTS (SELECT FROM users WHERE id <> OLD.id AND role = 'owner' AND active = 1) THEN
                    RAISE EXCEPTION 'this change would leave no active owner; make someone else owner first'
                        USING ERRCODE = 'check_violation';
                END IF;
                RETURN COALESCE(NEW, OLD);
            END $$)"_s,
        uR"(CREATE TRIGGER users_keep_an_owner BEFORE UPDATE OR DELETE ON users
            FOR EACH ROW EXECUTE FUNCTION concord_users_keep_an_owner())"_s,

        // --- users: only through these functions ----------------------------------
        // They run as the schema's owner (who needs CREATEROLE), after checking
        // the caller. Passwords: Concord sends a SCRAM-SHA-256 verifier
        // (Security::scramVerifier), so the cleartext never reaches the server;
        // a cleartext password (psql) is hashed by PostgreSQL. The statements
        // carrying it run through EXECUTE, which log_statement does not log,
        // and a failure is re-raised without the statement text.
        uR"(CREATE FUNCTION concord_create_user(p_username text, p_display_name text, p_role text, p_password text)
            RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER AS $$
            DECLARE
                new_id bigint;
            BEGIN
                IF NOT concord_session_has('concord_owner') THEN
                    RAISE EXCEPTION '"%" may not manage users (allowed: owner)', session_user
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                IF p_username IS NULL OR p_username !~ '^[a-z0-9][a-z0-9._@-]{0,62}$' THEN
                    RAISE EXCEPTION '''%'' is not a valid username (lower-case letters, digits, . _ @ -; at most 63 characters)',
                        p_username USING ERRCODE = 'invalid_parameter_value';
                END IF;
                IF p_role IS NULL OR p_role NOT IN ('owner', 'office_manager', 'bookkeeper', 'viewer') THEN
                    RAISE EXCEPTION '''%'' is not a Concord role', p_role USING ERRCODE = 'check_violation';
                END IF;
                IF COALESCE(p_password, '') = '' THEN
                    RAISE EXCEPTION 'a new user needs a password' USING ERRCODE = 'invalid_parameter_value';
                END IF;
                LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE;
                IF EXISTS (SELECT FROM users WHERE username = p_username)
                        OR EXISTS (SELECT FROM pg_roles WHERE rolname = p_username) THEN
                    RAISE EXCEPTION 'the username ''%'' is already taken', p_username USING ERRCODE = 'unique_violation';
                END IF;
                BEGIN
                    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_username, p_password);
                EXCEPTION WHEN OTHERS THEN
                    RAISE EXCEPTION 'cannot create the login role ''%'': %', p_username, SQLERRM USING ERRCODE = SQLSTATE;
                END;
                EXECUTE format('GRANT %I TO %I', 'concord_' || p_role, p_username);
                INSERT INTO users (username, display_name, role, active, created_at, version)
                VALUES (p_username, COALESCE(NULLIF(btrim(p_display_name), ''), p_username), p_role, 1,
                        (extract(epoch FROM clock_timestamp()) * 1000)::bigint, 1)
                RETURNING id INTO new_id;
                RETURN new_id;
            END $$)"_s,
        // Display name, role and active flag at `p_expected_version` (NULL: any).
        // Returns the new version, or 0 when there is no such row at that
        // version (the caller tells NotFound from Conflict). The login role
        // follows the row: its group is the row's role while active; a
        // deactivated user loses the group at once (open sessions included)
        // and cannot sign in again (NOLOGIN).
        uR"(CREATE FUNCTION concord_update_user(p_id bigint, p_expected_version integer, p_display_name text,
                                                p_role text, p_active boolean)
            RETURNS integer LANGUAGE plpgsql SECURITY DEFINER AS $$
            DECLARE
                old_row users%ROWTYPE;
                new_version integer;
            BEGIN
                IF NOT concord_session_has('concord_owner') THEN
                    RAISE EXCEPTION '"%" may not manage users (allowed: owner)', session_user
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                IF p_role IS NULL OR p_role NOT IN ('owner', 'office_manager', 'bookkeeper', 'viewer') THEN
                    RAISE EXCEPTION '''%'' is not a Concord role', p_role USING ERRCODE = 'check_violation';
                END IF;
                LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE;
                SELECT * INTO old_row FROM users WHERE id = p_id;
                IF NOT FOUND OR (p_expected_version IS NOT NULL AND old_row.version <> p_expected_version) THEN
                    RETURN 0;
                END IF;
                UPDATE users SET display_name = COALESCE(NULLIF(btrim(p_display_name), ''), username), role = p_role,
                                 active = CASE WHEN COALESCE(p_active, true) THEN 1 ELSE 0 END, version = version + 1
                    WHERE id = p_id RETURNING version INTO new_version;
                IF concord_is_person_role(old_row.username) THEN
                    IF old_row.role <> p_role OR NOT COALESCE(p_active, true) THEN
                        EXECUTE format('REVOKE %I FROM %I', 'concord_' || old_row.role, old_row.username);
                    END IF;
                    IF COALESCE(p_active, true) THEN
                        EXECUTE format('GRANT %I TO %I', 'concord_' || p_role, old_row.username);
                    END IF;
                    EXECUTE format('ALTER ROLE %I %s', old_row.username,
                                   CASE WHEN COALESCE(p_active, true) THEN 'LOGIN' ELSE 'NOLOGIN' END);
                END IF;
                RETURN new_version;
            END $$)"_s,
        uR"(CREATE FUNCTION concord_set_user_role(p_username text, p_role text) RETURNS void
            LANGUAGE plpgsql SECURITY DEFINER AS $$
            DECLARE
                u users%ROWTYPE;
            BEGIN
                SELECT * INTO u FROM users WHERE username = p_username;
                IF NOT FOUND THEN
                    RAISE EXCEPTION 'no user named ''%''', p_username USING ERRCODE = 'no_data_found';
                END IF;
                PERFORM concord_update_user(u.id, NULL, u.display_name, p_role, u.active = 1);
            END $$)"_s,
        uR"(CREATE FUNCTION concord_set_user_active(p_username text, p_active boolean) RETURNS void
            LANGUAGE plpgsql SECURITY DEFINER AS $$
            DECLARE
                u users%ROWTYPE;
            BEGIN
                SELECT * INTO u FROM users WHERE username = p_username;
                IF NOT FOUND THEN
                    RAISE EXCEPTION 'no user named ''%''', p_username USING ERRCODE = 'no_data_found';
                END IF;
                PERFORM concord_update_user(u.id, NULL, u.display_name, u.role, p_active);
            END $$)"_s,
        // A person changes their own password; an owner anyone's (a Concord
        // user's login role only, never an administrator's).
        uR"(CREATE FUNCTION concord_set_password(p_username text, p_password text) RETURNS void
            LANGUAGE plpgsql SECURITY DEFINER AS $$
            BEGIN
                IF NOT (p_username = session_user OR concord_session_has('concord_owner')) THEN
                    RAISE EXCEPTION '"%" may not change the password of ''%'' (allowed: that user, owner)',
                        session_user, p_username USING ERRCODE = 'insufficient_privilege';
                END IF;
                IF NOT EXISTS (SELECT FROM users WHERE username = p_username) OR NOT concord_is_person_role(p_username) THEN
                    RAISE EXCEPTION '''%'' is not a Concord user who signs in to PostgreSQL', p_username
                        USING ERRCODE = 'no_data_found';
                END IF;
                IF COALESCE(p_password, '') = '' THEN
                    RAISE EXCEPTION 'the new password is empty' USING ERRCODE = 'invalid_parameter_value';
                END IF;
                BEGIN
                    EXECUTE format('ALTER ROLE %I PASSWORD %L', p_username, p_password);
                EXCEPTION WHEN OTHERS THEN
                    RAISE EXCEPTION 'cannot change the password of ''%'': %', p_username, SQLERRM USING ERRCODE = SQLSTATE;
                END;
            END $$)"_s,
        uR"(CREATE FUNCTION concord_record_sign_in() RETURNS void LANGUAGE sql SECURITY DEFINER AS $$
            UPDATE users SET last_sign_in_at = (extract(epoch FROM clock_timestamp()) * 1000)::bigint
                WHERE username = session_user AND active = 1 $$)"_s,
        u"REVOKE ALL ON FUNCTION concord_create_user(text, text, text, text), "
        "concord_update_user(bigint, integer, text, text, boolean), concord_set_user_role(text, text), "
        "concord_set_user_active(text, boolean), concord_set_password(text, text), concord_record_sign_in() "
        "FROM PUBLIC"_s,
        u"GRANT EXECUTE ON FUNCTION concord_create_user(text, text, text, text), "
        "concord_update_user(bigint, integer, text, text, boolean), concord_set_user_role(text, text), "
        "concord_set_user_active(text, boolean) TO concord_owner"_s,
        u"GRANT EXECUTE ON FUNCTION concord_set_password(text, text), concord_record_sign_in() TO concord_viewer"_s,

        // Pin every function's search_path (ours, and version 1's audit
        // guards, which read audit_log by name).
        uR"(DO $$
            DECLARE f text;
            BEGIN
                FOREACH f IN ARRAY ARRAY['concord_is_schema_owner()', 'concord_session_has(text)',
                        'concord_is_person_role(text)', 'concord_audit_actor_guard()', 'concord_merge_proposal_guard()',
                        'concord_mapping_side_guard()', 'concord_outbox_guard()', 'concord_users_keep_an_owner()',
                        'concord_create_user(text, text, text, text)',
                        'concord_update_user(bigint, integer, text, text, boolean)',
                        'concord_set_user_role(text, text)', 'concord_set_user_active(text, boolean)',
                        'concord_set_password(text, text)', 'concord_record_sign_in()',
                        'concord_audit_no_replace()', 'concord_audit_append_only()'] LOOP
                    EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f, current_schema());
                END LOOP;
            END $$)"_s,
    };
    return m;
}

// Maintenance built in (issue 9): the integration mode the owner chose (full
// two-way sync, or the lighter setup the decision checklist may recommend),
// kept in the store so every desktop and worker of a team agrees on it;
// indexes for the monthly report and reconciliation, which select a month of
// invoices and payments by date. On PostgreSQL: grants for the new table, a
// guard so that only owners name a review's owner (completing a review, which
// moves next_due, stays open to the roles that may complete reviews), and
// change notifications for the review tables so a due review shows on every
// desktop.
Migration schemaV8()
{
    Migration m;
    m.version = 8;
    m.description = u"maintenance: app settings (integration mode), report indexes, review guards"_s;
    m.statements = {
        uR"(CREATE TABLE app_settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            updated_by TEXT NOT NULL,
            updated_at BIGINT NOT NULL))"_s,
        u"CREATE INDEX invoices_txn_date ON invoices(txn_date)"_s,
        u"CREATE INDEX payments_txn_date ON payments(txn_date)"_s,
    };
    m.postgresOnly = {
        u"GRANT INSERT, UPDATE, DELETE ON app_settings TO concord_owner"_s,
        uR"(CREATE FUNCTION concord_review_owner_guard() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF concord_session_has('concord_owner') OR pg_has_role(session_user, 'concord_service', 'MEMBER') THEN
                    RETURN COALESCE(NEW, OLD);
                END IF;
                -- Completing a review moves next_due; a schedule may be
                -- created without an owner (the app seeds missing cadences).
                IF TG_OP = 'UPDATE' AND NEW.owner_user_id IS NOT DISTINCT FROM OLD.owner_user_id
                        AND NEW.cadence = OLD.cadence THEN
                    RETURN NEW;
                END IF;
                IF TG_OP = 'INSERT' AND NEW.owner_user_id IS NULL THEN
                    RETURN NEW;
                END IF;
                RAISE EXCEPTION '"%" may not set up the review schedule (allowed: owner)', session_user
                    USING ERRCODE = 'insufficient_privilege';
            END $$)"_s,
        uR"(CREATE TRIGGER review_schedules_owner_sets_up BEFORE INSERT OR UPDATE OR DELETE ON review_schedules
            FOR EACH ROW EXECUTE FUNCTION concord_review_owner_guard())"_s,
        uR"(DO $$
            BEGIN
                EXECUTE format('ALTER FUNCTION concord_review_owner_guard() SET search_path = %I, pg_temp',
                               current_schema());
            END $$)"_s,
    };
    static const char *const kNotifiedTables[] = {"app_settings", "review_schedules", "review_runs", "attachments"};
    m.postgresOnly += notifyChangeTriggers(kNotifiedTables);
    return m;
}

} // namespace

const QList<Migration> &migrations()
{
    static const QList<Migration> all = {schemaV1(), schemaV2(), schemaV3(), schemaV4(), schemaV5(), schemaV6(),
                                         schemaV7(), schemaV8()};
    return all;
}

int latestSchemaVersion()
{
    return migrations().constLast().version;
}

Result<int> schemaVersion(const Database &db)
{
    auto exists = db.handle().tables().contains(u"schema_migrations"_s);
    if (!exists)
        return 0;
    auto v = db.scalar(u"SELECT COALESCE(MAX(version), 0) FROM schema_migrations"_s);
    if (!v)
        return std::unexpected(v.error());
    return v->toInt();
}

Status migrate(Database &db)
{
    if (auto ok = db.execDirect(uR"(CREATE TABLE IF NOT EXISTS schema_migrations (
                              version INTEGER PRIMARY KEY,
                              description TEXT NOT NULL,
                              applied_at BIGINT NOT NULL))"_s);
        !ok) {
        return ok;
    }
    auto current = schemaVersion(db);
    if (!current)
        return std::unexpected(current.error());
    const int latest = latestSchemaVersion();
    if (*current > latest) {
        return fail(ErrorCode::SchemaTooNew,
                    u"the store %1 has schema version %2, but this Concord understands only up to version %3; "
                    "upgrade Concord, or point [store] url at another database"_s
                        .arg(db.url().redacted(), QString::number(*current), QString::number(latest)));
    }
    for (const Migration &step : migrations()) {
        if (step.version <= *current)
            continue;
        Transaction tx(db);
        if (!tx.started())
            return tx.started();
        QStringList statements = step.statements;
        statements += db.engine() == Engine::SQLite ? step.sqliteOnly : step.postgresOnly;
        for (const QString &sql : std::as_const(statements)) {
            if (auto ok = db.execDirect(db.dialect(sql)); !ok) {
                Error e = ok.error();
                e.message = u"migration to schema version %1 failed: %2"_s.arg(QString::number(step.version), e.message);
                return std::unexpected(e);
            }
        }
        if (auto ok = db.exec(u"INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)"_s,
                              {step.version, step.description, QDateTime::currentMSecsSinceEpoch()});
            !ok) {
            return ok;
        }
        if (auto ok = tx.commit(); !ok)
            return ok;
        qCInfo(lcStore) << "store migrated to schema version" << step.version << "-" << step.description;
    }
    return {};
}

} // namespace Concord::Store
