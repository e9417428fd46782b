#include "store/migrations.h"

#include "common/logging.h"
#include "store/database.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Concord::Store {

namespace {

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

} // namespace

const QList<Migration> &migrations()
{
    static const QList<Migration> all = {schemaV1(), schemaV2(), schemaV3(), schemaV4(), schemaV5()};
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
