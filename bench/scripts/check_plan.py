#!/usr/bin/env python3
"""Checks a plan's certificate from its published figures alone, independently of Gosplan's code.

    gosplan plan ECONOMY_FOLDER --json > plan.json
    bench/scripts/check_plan.py ECONOMY_FOLDER plan.json [--resource ID] [--tolerance 1e-7]

Reads the economy folder (formats.md section 2: products.csv, resources.csv, techniques.csv,
flows.csv, targets.csv) with the csv module and the plan JSON (cli.md), and recomputes with
numpy/scipy.sparse:

* primal feasibility of the levels: 0 <= z <= capacity, net output N z at least value * target
  (fulfil) or the target (min-resource), untargeted products not negative, resources within
  availability; each violation relative to the gross flows through its row;
* a dual bound from the published valuations v and resource prices w alone, by weak duality:
  a technique's profit at those prices is p_t = (N^T v - U^T w - c)_t (c: the minimised
  resource's use, min-resource only); a technique with p_t > 0 can run only up to its
  capacity, or up to what the limited resources allow, so the bound is, for fulfil (v scaled to
  sum d v = 1), sum a w + sum u max(0, p), and for min-resource sum d v - sum a w - sum u max(0, p);
  a profitable technique with no bound at all makes the bound infinite (reported);
* the relative gap between the plan's value and that bound.

Exit 0 when the value, the bound and the feasibility agree to the tolerance, 1 when not, 2 on
unreadable input. Nothing here calls Gosplan: it is meant for auditors and for checking a
published plan on another machine.
"""
import argparse
from array import array
import csv
import json
import math
import os
import sys

import numpy as np
import scipy.sparse as sp


def stream_rows(folder, name):
    """The rows of a CSV one at a time (none if the file is absent): flows.csv of 1,000,000 products
    has 16,000,000 lines."""
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        return
    with open(path, newline="", encoding="utf-8") as f:
        yield from csv.DictReader(f)


def read_rows(folder, name):
    return list(stream_rows(folder, name))


def number(text, default):
    text = (text or "").strip()
    return default if text == "" else float(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("economy", help="economy folder")
    ap.add_argument("plan", help="plan JSON from gosplan plan --json")
    ap.add_argument("--resource", help="min-resource: the minimised resource (default: the first)")
    ap.add_argument("--tolerance", type=float, default=1e-7)
    a = ap.parse_args()
    try:
        products = [r["id"] for r in read_rows(a.economy, "products.csv")]
        resources = read_rows(a.economy, "resources.csv")
        techniques = read_rows(a.economy, "techniques.csv")
        targets = read_rows(a.economy, "targets.csv")
        with open(a.plan, encoding="utf-8") as f:
            plan = json.load(f)
    except (OSError, KeyError, ValueError) as e:
        print(f"check_plan: cannot read the input: {e}", file=sys.stderr)
        return 2
    pi = {p: i for i, p in enumerate(products)}
    ri = {r["id"]: i for i, r in enumerate(resources)}
    ti = {t["id"]: i for i, t in enumerate(techniques)}
    npr, nr, nt = len(products), len(resources), len(techniques)
    available = np.array([number(r.get("available"), math.nan) for r in resources])
    capacity = np.array([number(t.get("capacity"), math.inf) for t in techniques])
    demand = np.zeros(npr)
    for r in targets:
        demand[pi[r["product"]]] += float(r["quantity"])
    # typed arrays, not lists of Python numbers, and no list of rows: 2.9 GB in all at 16,000,000 flows
    rows_n, cols_n, vals_n = array("q"), array("q"), array("d")
    rows_u, cols_u, vals_u = array("q"), array("q"), array("d")
    line = 1
    try:
        for line, f in enumerate(stream_rows(a.economy, "flows.csv"), start=2):
            t, item, q = ti[f["technique"]], f["item"], float(f["quantity"])
            if item in pi:
                rows_n.append(pi[item]); cols_n.append(t); vals_n.append(q)
            else:
                rows_u.append(ri[item]); cols_u.append(t); vals_u.append(-q)  # resource use, positive
    except (OSError, KeyError, ValueError) as e:
        print(f"check_plan: cannot read flows.csv line {line}: {e!r}", file=sys.stderr)
        return 2
    rows_n, cols_n, vals_n = np.frombuffer(rows_n, np.int64), np.frombuffer(cols_n, np.int64), np.frombuffer(vals_n)
    rows_u, cols_u, vals_u = np.frombuffer(rows_u, np.int64), np.frombuffer(cols_u, np.int64), np.frombuffer(vals_u)
    N = sp.csc_matrix((vals_n, (rows_n, cols_n)), shape=(npr, nt))  # duplicates are summed
    U = sp.csc_matrix((vals_u, (rows_u, cols_u)), shape=(nr, nt))

    fulfil = plan["objective"] == "fulfil"
    value = float(plan["value"])
    z = np.zeros(nt)
    for k, x in plan["levels"].items():
        z[ti[k]] = x
    v = np.zeros(npr)
    for k, x in plan.get("valuations", {}).items():
        v[pi[k]] = x
    w = np.zeros(nr)
    for k, x in plan.get("resourcePrices", {}).items():
        w[ri[k]] = x
    limited = ~np.isnan(available)
    w = np.where(limited, np.maximum(w, 0.0), 0.0)
    v = np.maximum(v, 0.0)
    cost_r = None if fulfil else (ri[a.resource] if a.resource else 0)

    # ---- primal
    viol = 0.0
    viol = max(viol, float(np.max(-z, initial=0.0)) / max(1.0, float(np.max(np.abs(z), initial=0.0))))
    over = np.where(np.isfinite(capacity), z - capacity, 0.0)
    viol = max(viol, float(np.max(over / np.maximum(1.0, np.where(np.isfinite(capacity), capacity, 1.0)), initial=0.0)))
    net = N @ z
    gross = abs(N) @ np.abs(z)
    need = value * demand if fulfil else demand
    short = need - net
    scale = np.maximum(gross + need, 1e-300)
    viol = max(viol, float(np.max(short / scale, initial=0.0)))
    use = U @ z
    if limited.any():
        excess = (use - np.nan_to_num(available))[limited]
        viol = max(viol, float(np.max(excess / np.maximum(np.abs(available[limited]), 1e-300), initial=0.0)))
    objective = value if fulfil else float(use[cost_r])

    # ---- dual bound from v and w alone
    if fulfil:
        dv = float(demand @ v)
        if dv > 0:
            v, w = v / dv, w / dv
    profit = N.T @ v - U.T @ w
    if not fulfil:
        profit = profit - U[cost_r, :].toarray().ravel()
    gain = np.maximum(profit, 0.0)
    # a technique's level bound: its capacity, or what each limited resource it uses allows
    Ul = U[np.flatnonzero(limited), :].tocsc()
    al = available[limited]
    bound = capacity.copy()
    for t in np.flatnonzero((gain > 0) & ~np.isfinite(capacity)):
        col = Ul[:, t]
        if col.nnz:
            ratios = al[col.indices] / np.maximum(col.data, 1e-300)
            ratios = ratios[col.data > 0]
            if ratios.size:
                bound[t] = float(ratios.min())
    unbounded = (gain > 0) & ~np.isfinite(bound)
    gross_price = abs(N).T @ v + U.T @ w
    dual_inf = float(np.max(gain[unbounded] / np.maximum(gross_price[unbounded], 1e-300), initial=0.0))
    cap_term = float(np.sum(np.where(unbounded, 0.0, gain * np.where(np.isfinite(bound), bound, 0.0))))
    a_w = float(np.nansum(np.where(limited, available, 0.0) * w))
    dual = a_w + cap_term if fulfil else float(demand @ v) - a_w - cap_term
    gap = abs(objective - dual) / max(abs(objective), abs(dual), 1e-300)

    print(f"economy   {a.economy}: {npr:,} products, {nt:,} techniques, {N.nnz + U.nnz:,} coefficients")
    print(f"plan      {plan['status']}, {plan['objective']}, value {objective:.12g}")
    print(f"primal    largest relative violation {viol:.1e}")
    print(f"dual      bound {dual:.12g}; profitable techniques with no bound: {int(unbounded.sum())}"
          f" (largest relative profit {dual_inf:.1e})")
    print(f"gap       {gap:.1e}  (the plan states {plan.get('certificate', {}).get('gap', float('nan')):.1e})")
    ok = viol <= a.tolerance and dual_inf <= a.tolerance and gap <= a.tolerance
    print("certified" if ok else f"NOT certified to {a.tolerance}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
