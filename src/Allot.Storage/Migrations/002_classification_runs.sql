-- Classification runs: what a scheme said about every customer at an as-of date, kept whole.

CREATE TABLE classification_runs (
    id           INTEGER PRIMARY KEY,
    created_at   TEXT NOT NULL,
    by_whom      TEXT NOT NULL,
    as_of        TEXT NOT NULL,
    scheme_name  TEXT NOT NULL,
    scheme_text  TEXT NOT NULL,
    tier_classes TEXT NOT NULL DEFAULT '',
    customers    INTEGER NOT NULL
);

CREATE TABLE classification_results (
    run_id          INTEGER NOT NULL REFERENCES classification_runs (id),
    customer_key    TEXT NOT NULL,
    tier            TEXT NOT NULL,
    segment         TEXT,
    lifecycle_stage TEXT,
    tags            TEXT NOT NULL DEFAULT '',
    revenue         REAL NOT NULL DEFAULT 0,
    details         TEXT NOT NULL,
    PRIMARY KEY (run_id, customer_key)
);
