-- Allocation runs: a proposal of an owner for every customer, with the reason for each, kept whole.
-- Nothing changes owners until the run is applied (applied_at / applied_by, and per result applied = 1).

CREATE TABLE allocation_runs (
    id                 INTEGER PRIMARY KEY,
    created_at         TEXT NOT NULL,
    by_whom            TEXT NOT NULL,
    policy_name        TEXT NOT NULL,
    policy_text        TEXT NOT NULL,
    strategy           TEXT NOT NULL,
    classification_run INTEGER,
    objective          INTEGER NOT NULL,
    customers          INTEGER NOT NULL,
    changes            INTEGER NOT NULL,
    summary            TEXT NOT NULL,
    applied_at         TEXT,
    applied_by         TEXT,
    applied_changes    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE allocation_results (
    run_id       INTEGER NOT NULL REFERENCES allocation_runs (id),
    customer_key TEXT NOT NULL,
    current_rep  TEXT,
    proposed_rep TEXT,
    fit          REAL NOT NULL DEFAULT 0,
    reason       TEXT NOT NULL,
    details      TEXT NOT NULL,
    applied      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, customer_key)
);
