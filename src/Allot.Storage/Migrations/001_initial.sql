-- Allot schema, version 1.
-- Money columns hold amounts scaled by 10^4 as integers (exact sums; 4 decimal places).
-- Dates are ISO 'yyyy-MM-dd' text; instants are ISO 8601 UTC text.
-- import_id / import_line say which import and which line last wrote a row.

CREATE TABLE imports (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    file        TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    by_whom     TEXT NOT NULL,
    read_rows   INTEGER NOT NULL DEFAULT 0,
    imported    INTEGER NOT NULL DEFAULT 0,
    updated     INTEGER NOT NULL DEFAULT 0,
    rejected    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE reps (
    id                 INTEGER PRIMARY KEY,
    key                TEXT NOT NULL UNIQUE,
    name               TEXT NOT NULL DEFAULT '',
    team               TEXT,
    regions            TEXT NOT NULL DEFAULT '',
    industries         TEXT NOT NULL DEFAULT '',
    level              TEXT NOT NULL DEFAULT 'mid',
    product_skill      INTEGER,
    selling_skill      INTEGER,
    relationship_skill INTEGER,
    capacity           INTEGER,
    capacity_by_tier   TEXT NOT NULL DEFAULT '',
    active             INTEGER NOT NULL DEFAULT 1,
    start_date         TEXT,
    import_id          INTEGER,
    import_line        INTEGER
);

CREATE TABLE customers (
    id           INTEGER PRIMARY KEY,
    key          TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL DEFAULT '',
    type         TEXT,
    industry     TEXT,
    region       TEXT,
    city         TEXT,
    address      TEXT,
    created_date TEXT,
    birthday     TEXT,
    phone        TEXT,
    email        TEXT,
    contacts     TEXT NOT NULL DEFAULT '',
    channel      TEXT,
    tags         TEXT NOT NULL DEFAULT '',
    key_account  INTEGER NOT NULL DEFAULT 0,
    owner_rep    TEXT,
    owner_since  TEXT,
    status       TEXT NOT NULL DEFAULT 'active',
    import_id    INTEGER,
    import_line  INTEGER
);
CREATE INDEX customers_owner ON customers (owner_rep);

CREATE TABLE orders (
    id           INTEGER PRIMARY KEY,
    key          TEXT NOT NULL UNIQUE,
    customer_key TEXT NOT NULL,
    order_date   TEXT NOT NULL,
    amount       INTEGER NOT NULL,
    profit       INTEGER,
    category     TEXT,
    channel      TEXT,
    quantity     REAL,
    import_id    INTEGER,
    import_line  INTEGER
);
CREATE INDEX orders_customer ON orders (customer_key);

CREATE TABLE invoices (
    id           INTEGER PRIMARY KEY,
    key          TEXT NOT NULL UNIQUE,
    customer_key TEXT NOT NULL,
    issue_date   TEXT NOT NULL,
    due_date     TEXT NOT NULL,
    amount       INTEGER NOT NULL,
    import_id    INTEGER,
    import_line  INTEGER
);
CREATE INDEX invoices_customer ON invoices (customer_key);

CREATE TABLE payments (
    id           INTEGER PRIMARY KEY,
    key          TEXT NOT NULL UNIQUE,
    invoice_key  TEXT NOT NULL,
    payment_date TEXT NOT NULL,
    amount       INTEGER NOT NULL,
    import_id    INTEGER,
    import_line  INTEGER
);
CREATE INDEX payments_invoice ON payments (invoice_key);

CREATE TABLE interactions (
    id            INTEGER PRIMARY KEY,
    key           TEXT NOT NULL UNIQUE,
    customer_key  TEXT NOT NULL,
    rep_key       TEXT,
    interaction_date TEXT NOT NULL,
    kind          TEXT NOT NULL,
    outcome       TEXT,
    note          TEXT,
    import_id     INTEGER,
    import_line   INTEGER
);
CREATE INDEX interactions_customer ON interactions (customer_key);

CREATE TABLE feedback (
    id            INTEGER PRIMARY KEY,
    key           TEXT NOT NULL UNIQUE,
    customer_key  TEXT NOT NULL,
    feedback_date TEXT NOT NULL,
    satisfaction  INTEGER,
    nps           INTEGER,
    comment       TEXT,
    import_id     INTEGER,
    import_line   INTEGER
);
CREATE INDEX feedback_customer ON feedback (customer_key);

CREATE TABLE assignment_history (
    id           INTEGER PRIMARY KEY,
    customer_key TEXT NOT NULL,
    from_rep     TEXT,
    to_rep       TEXT,
    changed_at   TEXT NOT NULL,
    by_whom      TEXT NOT NULL,
    reason       TEXT NOT NULL,
    run_id       INTEGER
);
CREATE INDEX assignment_history_customer ON assignment_history (customer_key);
