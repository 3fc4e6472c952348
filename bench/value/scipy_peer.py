"""Peer for the value-model benchmark: BG/NBD and Gamma-Gamma fitted and scored the way a Python user does it with
lifetimes (vectorised numpy over one row per customer, scipy.special for gammaln/betaln/hyp2f1,
scipy.optimize.minimize with Nelder-Mead over log-parameters from all-ones starts). Written for this benchmark;
lifetimes itself cannot be installed here (PyPI is not reachable).

Usage: /usr/bin/python3 scipy_peer.py SUMMARY.csv   (columns x,t_x,T,zbar; time unit weeks)
Prints one Markdown table row per step and the estimates.
"""
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import betaln, gammaln, hyp2f1

data = np.genfromtxt(sys.argv[1], delimiter=",", names=True)
x, tx, T, zbar = data["x"], data["t_x"], data["T"], data["zbar"]
n = len(x)


def bgnbd_nll(log_params):
    r, alpha, a, b = np.exp(log_params)
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = betaln(a, b + x) - betaln(a, b) - (r + x) * np.log(alpha + T)
    a3 = np.where(x > 0, betaln(a + 1, b + np.maximum(x, 1) - 1) - betaln(a, b) - (r + x) * np.log(alpha + tx), -np.inf)
    return -np.sum(a1 + np.logaddexp(a2, a3)) / n


repeat = x > 0
xr, mr = x[repeat], zbar[repeat]


def gg_nll(log_params):
    p, q, v = np.exp(log_params)
    ll = (gammaln(p * xr + q) - gammaln(p * xr) - gammaln(q) + q * np.log(v) + (p * xr - 1) * np.log(mr)
          + p * xr * np.log(xr) - (p * xr + q) * np.log(xr * mr + v))
    return -np.mean(ll)


def expected(t, r, alpha, a, b):
    z = t / (alpha + T + t)
    head = (a + b + x - 1) / (a - 1)
    body = 1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z)
    alive_odds = np.where(x > 0, a / (b + np.maximum(x, 1) - 1) * ((alpha + T) / (alpha + tx)) ** (r + x), 0)
    return head * body / (1 + alive_odds)


def step(name, started, note=""):
    print(f"| scipy peer: {name} | {time.perf_counter() - started:.3f} | {note} |")
    return time.perf_counter()


print("| step | seconds | note |")
print("|---|---:|---|")
clock = time.perf_counter()
bg = minimize(bgnbd_nll, np.zeros(4), method="Nelder-Mead", options={"maxiter": 4000, "xatol": 1e-8, "fatol": 1e-12})
r, alpha, a, b = np.exp(bg.x)
clock = step("fit BG/NBD (Nelder-Mead)", clock, f"LL {-bg.fun * n:.1f}, {bg.nfev} evaluations, success {bg.success}")
gg = minimize(gg_nll, np.zeros(3), method="Nelder-Mead", options={"maxiter": 4000, "xatol": 1e-8, "fatol": 1e-12})
p, q, v = np.exp(gg.x)
clock = step("fit Gamma-Gamma (Nelder-Mead)", clock, f"LL {-gg.fun * len(xr):.1f}, {gg.nfev} evaluations")
odds = np.where(x > 0, a / (b + np.maximum(x, 1) - 1) * ((alpha + T) / (alpha + tx)) ** (r + x), 0)
p_alive = 1 / (1 + odds)
e90 = expected(90 / 7, r, alpha, a, b)
spend = (v + x * zbar) * p / (p * x + q - 1)
month = 365.25 / 12 / 7
clv = np.zeros(n)
before = np.zeros(n)
for k in range(1, 13):
    cumulative = expected(k * month, r, alpha, a, b)
    clv += (cumulative - before) * spend / 1.01 ** k
    before = cumulative
clock = step("score (P(alive), E[90 d], spend, CLV 12 m)", clock, f"{n / 1e6:.2f} M customers; NaN in CLV: {int(np.isnan(clv).sum())}")
print()
print(f"scipy peer estimates: r {r:.4f}, alpha {alpha:.4f}, a {a:.4f}, b {b:.4f}; p {p:.4f}, q {q:.4f}, gamma {v:.4f}")
