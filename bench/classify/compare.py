#!/usr/bin/python3
"""Compare allot's --results CSV with a peer's customer_id,abc,r,f,m,score_tier CSV.

Usage: compare.py ALLOT_RESULTS.csv PEER.csv NAME
allot's rfm column holds the cell (r·100 + f·10 + m, named by the scheme's cell overrides).
Only customers present in the peer's file (customers with orders) are compared; customers missing on
either side are counted. Prints one line and exits 1 when anything differs."""
import csv, sys

allot_path, peer_path, name = sys.argv[1:4]
allot = {}
with open(allot_path, newline='', encoding='utf-8-sig') as fh:
    for row in csv.DictReader(fh):
        cell = row['rfm']
        allot[row['customer_id']] = (row['abc'], cell[0:1], cell[1:2], cell[2:3], row['score'])
counts = dict(missing=0, abc=0, r=0, f=0, m=0, score_tier=0)
examples = []
peer_n = 0
with open(peer_path, newline='', encoding='utf-8-sig') as fh:
    for row in csv.DictReader(fh):
        peer_n += 1
        a = allot.get(row['customer_id'])
        if a is None:
            counts['missing'] += 1
            continue
        p = (row['abc'], str(int(float(row['r']))), str(int(float(row['f']))), str(int(float(row['m']))), row['score_tier'])
        for k, x, y in zip(('abc', 'r', 'f', 'm', 'score_tier'), a, p):
            if x != y:
                counts[k] += 1
                if len(examples) < 5: examples.append((row['customer_id'], k, x, y))
extra = len(allot) - (peer_n - counts['missing'])
total = sum(counts.values())
print(f"{name}: {peer_n} customers compared; mismatches abc={counts['abc']} r={counts['r']} f={counts['f']} "
      f"m={counts['m']} score_tier={counts['score_tier']} missing_in_allot={counts['missing']} only_in_allot={extra}"
      + (f"; e.g. {examples}" if examples else ""))
sys.exit(1 if total else 0)
