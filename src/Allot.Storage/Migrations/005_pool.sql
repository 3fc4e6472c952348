-- Issue 8: the public pool (公海), the follow-up and care plan, alerts and the daily jobs.
-- Portable subset (translated generically for PostgreSQL): TEXT, INTEGER and REAL columns, INTEGER PRIMARY KEY,
-- no engine-specific functions. Days are 'yyyy-MM-dd' text; instants ISO 8601 UTC text.

-- Every pool event, kept forever: warned, reclaimed, released, pooled, claimed, assigned; who, when and why.
-- rep_key is the owner warned or losing the customer, or the rep claiming or assigned it.
CREATE TABLE pool_events (
    id           INTEGER PRIMARY KEY,
    customer_key TEXT NOT NULL,
    kind         TEXT NOT NULL,
    pool         TEXT NOT NULL,
    rep_key      TEXT,
    event_day    TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    by_whom      TEXT NOT NULL,
    reason       TEXT NOT NULL,
    due_date     TEXT
);
CREATE INDEX pool_events_customer ON pool_events (customer_key, kind);
CREATE INDEX pool_events_rep ON pool_events (rep_key, kind, event_day);

-- The standing warning per customer (the latest one given); pool_events keeps every warning.
CREATE TABLE pool_warnings (
    customer_key TEXT PRIMARY KEY,
    rep_key      TEXT NOT NULL,
    warned_on    TEXT NOT NULL,
    due_date     TEXT NOT NULL
);

-- Per customer: first and last order, last interaction. Brought up to date from orders and interactions by the
-- jobs (rows past the watermarks kept in store_state; rebuilt whole after an import updated existing rows).
CREATE TABLE customer_activity (
    customer_key     TEXT PRIMARY KEY,
    first_order      TEXT,
    last_order       TEXT,
    last_interaction TEXT
);

-- The current plan: follow-up and care tasks per rep. Each plan run replaces it; a customer whose tasks did not
-- change keeps its rows (fingerprint: a hash of the task's fields, compared per customer), so a daily re-plan
-- writes only what moved.
CREATE TABLE followup_tasks (
    id            INTEGER PRIMARY KEY,
    rep_key       TEXT NOT NULL,
    due_date      TEXT NOT NULL,
    customer_key  TEXT NOT NULL,
    customer_name TEXT NOT NULL,
    kind          TEXT NOT NULL,
    reason        TEXT NOT NULL,
    event_date    TEXT,
    message_zh    TEXT,
    message_en    TEXT,
    planned_on    TEXT NOT NULL,
    fingerprint   INTEGER NOT NULL
);
CREATE INDEX followup_tasks_rep ON followup_tasks (rep_key, due_date);
CREATE INDEX followup_tasks_customer ON followup_tasks (customer_key, fingerprint);

-- One row per job and business day: a re-run counts up; digest_sent_at once the webhook took the day's digest.
CREATE TABLE job_runs (
    job            TEXT NOT NULL,
    run_day        TEXT NOT NULL,
    runs           INTEGER NOT NULL,
    first_at       TEXT NOT NULL,
    last_at        TEXT NOT NULL,
    by_whom        TEXT NOT NULL,
    summary        TEXT NOT NULL,
    digest_sent_at TEXT,
    PRIMARY KEY (job, run_day)
);

-- Small named values the store keeps for itself (the activity watermarks).
CREATE TABLE store_state (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
