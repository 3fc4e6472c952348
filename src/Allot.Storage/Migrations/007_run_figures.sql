-- A classification run keeps, per customer, the indicator figures its per-class summary needs (profit, orders,
-- recency, average order value, margin), so the summary is the run's own snapshot: not recomputed from records
-- that may have changed since. Names once per run; values per customer in that order (';'-separated, '' = missing).

ALTER TABLE classification_runs ADD COLUMN figure_names TEXT NOT NULL DEFAULT '';

ALTER TABLE classification_results ADD COLUMN figures TEXT NOT NULL DEFAULT '';
