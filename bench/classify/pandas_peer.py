#!/usr/bin/python3
"""pandas peer for bench/classify: the same indicators, ABC, RFM and weighted score as the `bench`
scheme (scheme.json), from orders.csv. Usage: pandas_peer.py ORDERS.csv OUT.csv
Output: customer_id,abc,r,f,m,score_tier (one row per customer with orders)."""
import sys, time
import numpy as np
import pandas as pd

orders_csv, out_csv = sys.argv[1:3]
t0 = time.perf_counter()
o = pd.read_csv(orders_csv, usecols=['customer_id', 'order_date', 'amount'],
                dtype={'customer_id': str, 'order_date': str, 'amount': np.float64}, engine='c')
# Money as integer cents so sums are exact (allot sums decimals), dates as day numbers.
o['cents'] = np.rint(o['amount'].to_numpy() * 100).astype(np.int64)
day = pd.to_datetime(o['order_date'], format='%Y-%m-%d').to_numpy().astype('datetime64[D]').astype(np.int64)
as_of = day.max()
age = as_of - day
o['day'] = day
recent = age < 365  # windows are (asOf − 365, asOf]
o['cents_365'] = np.where(recent, o['cents'], 0)
o['recent'] = recent.astype(np.int64)

g = o.groupby('customer_id', sort=True).agg(cents=('cents', 'sum'), orders=('cents', 'size'), last=('day', 'max'),
                                             cents_365=('cents_365', 'sum'), orders_365=('recent', 'sum'))
ind = pd.DataFrame({
    'amount_cents': g['cents'],
    'amount': g['cents'] / 100.0,
    'orders': g['orders'].astype(np.float64),
    'recency_days': (as_of - g['last']).astype(np.float64),
    'amount_365': g['cents_365'] / 100.0,
    'orders_365': g['orders_365'].astype(np.float64),
}, index=g.index)
n = len(ind)

# ABC: positive amounts by amount desc, ties by customer key (ordinal); non-positive → C.
pos = ind['amount_cents'] > 0
total = int(ind.loc[pos, 'amount_cents'].sum())
s = ind.loc[pos, ['amount_cents']].reset_index().sort_values(['amount_cents', 'customer_id'], ascending=[False, True], kind='stable')
before = (s['amount_cents'].cumsum() - s['amount_cents']).to_numpy() / total
abc = pd.Series('C', index=ind.index, dtype=object)
abc.loc[s['customer_id'].to_numpy()] = np.where(before < 0.8, 'A', np.where(before < 0.95, 'B', 'C'))

# RFM: rank 1-based, ties share the lowest rank; score = 1 + floor(5·(rank − 1)/N); recency descending.
def quintile(values, descending):
    rank = values.rank(method='min', ascending=not descending).astype(np.int64)
    return 1 + (5 * (rank - 1)) // n

r = quintile(ind['recency_days'], True)
f = quintile(ind['orders'], False)
m = quintile(ind['amount'], False)

# Weighted score: min-max normalisation (0.5 when all equal), lower_is_better flips, Σ w·norm / Σw · 100.
def minmax(v):
    lo, hi = v.min(), v.max()
    return (v - lo) / (hi - lo) if hi > lo else pd.Series(0.5, index=v.index)

score = (3.0 * minmax(ind['amount_365']) / 5.0 * 100.0
         + 1.0 * minmax(ind['orders_365']) / 5.0 * 100.0
         + 1.0 * (1.0 - minmax(ind['recency_days'])) / 5.0 * 100.0)
tier = np.where(score >= 60 - 1e-9, 'high', np.where(score >= 30 - 1e-9, 'mid', 'low'))

out = pd.DataFrame({'abc': abc, 'r': r, 'f': f, 'm': m, 'score_tier': tier}, index=ind.index)
out.index.name = 'customer_id'
out.to_csv(out_csv)
print(f"pandas {pd.__version__} (numpy {np.__version__}): {time.perf_counter() - t0:.2f} s", file=sys.stderr)
