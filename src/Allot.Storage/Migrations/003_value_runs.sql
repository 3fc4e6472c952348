-- Value runs: a fitted purchase model (BG/NBD or Pareto/NBD, with Gamma-Gamma for spend) and every customer's
-- value figures at the calibration end, with the churn warnings of that run.
-- Parameters are kept as text 'name=value;…' (invariant culture, round-trip precision).

CREATE TABLE value_runs (
    id                   INTEGER PRIMARY KEY,
    created_at           TEXT NOT NULL,
    by_whom              TEXT NOT NULL,
    model                TEXT NOT NULL,
    time_unit            TEXT NOT NULL,
    calibration_end      TEXT NOT NULL,
    parameters           TEXT NOT NULL,
    standard_errors      TEXT NOT NULL,
    log_likelihood       REAL NOT NULL,
    converged            INTEGER NOT NULL,
    spend_parameters     TEXT NOT NULL DEFAULT '',
    spend_log_likelihood REAL,
    spend_correlation    REAL,
    horizon_days         REAL NOT NULL,
    clv_months           INTEGER NOT NULL,
    discount_rate        REAL NOT NULL,
    margin               REAL NOT NULL,
    churn_threshold      REAL NOT NULL,
    churn_quantile       REAL NOT NULL,
    churn_basis          TEXT NOT NULL,
    value_cut            REAL,
    customers            INTEGER NOT NULL,
    warnings             INTEGER NOT NULL
);

CREATE TABLE value_results (
    run_id          INTEGER NOT NULL REFERENCES value_runs (id),
    customer_key    TEXT NOT NULL,
    frequency       INTEGER NOT NULL,
    recency         REAL NOT NULL,
    age             REAL NOT NULL,
    mean_spend      REAL NOT NULL,
    historic_value  REAL NOT NULL,
    p_alive         REAL,
    exp_purchases   REAL,
    exp_spend       REAL,
    clv             REAL,
    churn_warning   INTEGER NOT NULL,
    value_at_risk   REAL,
    churn_rank      INTEGER,
    PRIMARY KEY (run_id, customer_key)
);
CREATE INDEX value_results_churn ON value_results (run_id, churn_rank);
