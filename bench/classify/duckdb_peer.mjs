// DuckDB peer for bench/classify: the same indicators, ABC, RFM and weighted score as the `bench` scheme
// (scheme.json), computed in SQL from orders.csv. Usage: node duckdb_peer.mjs ORDERS.csv OUT.csv
// Output: customer_id,abc,r,f,m,score_tier (one row per customer with orders).
import { DuckDBInstance } from '@duckdb/node-api';

const [ordersCsv, outCsv] = process.argv.slice(2);
if (!ordersCsv || !outCsv) { console.error('usage: node duckdb_peer.mjs ORDERS.csv OUT.csv'); process.exit(2); }
const q = (s) => "'" + s.replaceAll("'", "''") + "'";

const sql = `
COPY (
WITH o AS (
  SELECT customer_id, order_date, amount
  FROM read_csv(${q(ordersCsv)}, header = true, auto_detect = false,
    columns = {'order_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'order_date': 'DATE', 'amount': 'DECIMAL(18,2)',
               'profit': 'DECIMAL(18,2)', 'category': 'VARCHAR', 'channel': 'VARCHAR'})
),
latest AS (SELECT max(order_date) AS d FROM o),
-- Indicators; windows are (asOf − 365, asOf]: age in days < 365. Money sums are exact (DECIMAL), then DOUBLE.
ind AS (
  SELECT customer_id,
         sum(amount) AS amount_dec,
         sum(amount)::DOUBLE AS amount,
         count(*)::DOUBLE AS orders,
         date_diff('day', max(order_date), any_value(latest.d))::DOUBLE AS recency_days,
         coalesce(sum(amount) FILTER (WHERE date_diff('day', order_date, latest.d) < 365), 0)::DOUBLE AS amount_365,
         (count(*) FILTER (WHERE date_diff('day', order_date, latest.d) < 365))::DOUBLE AS orders_365
  FROM o CROSS JOIN latest
  GROUP BY customer_id
),
stats AS (
  SELECT count(*) AS n,
         sum(amount_dec) FILTER (WHERE amount_dec > 0) AS pos_total,
         min(amount_365) AS a_min, max(amount_365) AS a_max,
         min(orders_365) AS o_min, max(orders_365) AS o_max,
         min(recency_days) AS r_min, max(recency_days) AS r_max
  FROM ind
),
ranked AS (
  SELECT ind.*, stats.*,
         -- ABC: positive amounts by amount desc, ties by customer key (binary order); share before = running sum before / positive total
         sum(CASE WHEN amount_dec > 0 THEN amount_dec ELSE 0 END)
           OVER (ORDER BY (amount_dec > 0) DESC, amount_dec DESC, customer_id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS cum_before,
         -- RFM: rank 1-based, ties share the lowest rank; recency ranked descending so the fewest days score 5
         rank() OVER (ORDER BY recency_days DESC) AS r_rank,
         rank() OVER (ORDER BY orders) AS f_rank,
         rank() OVER (ORDER BY amount) AS m_rank
  FROM ind CROSS JOIN stats
),
scored AS (
  SELECT customer_id,
         CASE WHEN amount_dec <= 0 THEN 'C'
              WHEN coalesce(cum_before, 0)::DOUBLE / pos_total::DOUBLE < 0.8 THEN 'A'
              WHEN coalesce(cum_before, 0)::DOUBLE / pos_total::DOUBLE < 0.95 THEN 'B'
              ELSE 'C' END AS abc,
         1 + (5 * (r_rank - 1)) // n AS r,
         1 + (5 * (f_rank - 1)) // n AS f,
         1 + (5 * (m_rank - 1)) // n AS m,
         -- min-max normalisation (0.5 when all equal), lower_is_better flips, score = Σ w·norm / Σw · 100 in scheme order
         3.0 * (CASE WHEN a_max > a_min THEN (amount_365 - a_min) / (a_max - a_min) ELSE 0.5 END) / 5.0 * 100.0
       + 1.0 * (CASE WHEN o_max > o_min THEN (orders_365 - o_min) / (o_max - o_min) ELSE 0.5 END) / 5.0 * 100.0
       + 1.0 * (1.0 - CASE WHEN r_max > r_min THEN (recency_days - r_min) / (r_max - r_min) ELSE 0.5 END) / 5.0 * 100.0 AS score
  FROM ranked
)
SELECT customer_id, abc, r, f, m,
       CASE WHEN score >= 60 - 1e-9 THEN 'high' WHEN score >= 30 - 1e-9 THEN 'mid' ELSE 'low' END AS score_tier
FROM scored
ORDER BY customer_id
) TO ${q(outCsv)} (HEADER, DELIMITER ',');
`;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const t0 = performance.now();
await connection.run(sql);
const version = (await (await connection.runAndReadAll('SELECT version()')).getRows())[0][0];
console.error(`duckdb ${version}: ${((performance.now() - t0) / 1000).toFixed(2)} s in SQL`);
connection.closeSync?.();
