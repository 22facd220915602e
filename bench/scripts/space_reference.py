#!/usr/bin/env python3
"""An independent reference for plans of economies with republics, foreign trade or years
(formats.md section 5): reads the economy's JSON, writes the LP of docs/republics-trade-years.md
from the file alone (no Gosplan code) and solves its leximin with scipy's HiGHS the long way
(maximise the smallest free λ; then every free λ that cannot rise above it on its own is held at
it; repeat), for the union and for each republic alone.

    python3 bench/scripts/space_reference.py ECONOMY.economy.json [--republic ID]

Prints JSON: {"value", "lambda": {"<year>/<region>": λ}, "alone": {"<region>": smallest λ alone},
"status"}. The numbers in the planner's tests (SpaceCheckTest) were copied from its output, run by
hand."""
import argparse
import json
import sys

import numpy as np
from scipy.optimize import linprog

INF = float("inf")


class Lp:
    def __init__(self):
        self.lb, self.ub, self.rows = [], [], []  # rows: (lo, hi, {var: coef})

    def var(self, lo=0.0, hi=INF):
        self.lb.append(lo)
        self.ub.append(hi)
        return len(self.lb) - 1

    def row(self, lo, hi, coefs):
        self.rows.append((lo, hi, dict(coefs)))
        return len(self.rows) - 1

    def maximise(self, objective, extra=()):
        n = len(self.lb)
        c = np.zeros(n)
        for v, q in objective.items():
            c[v] -= q
        a_ub, b_ub, a_eq, b_eq = [], [], [], []
        for lo, hi, coefs in list(self.rows) + list(extra):
            r = np.zeros(n)
            for v, q in coefs.items():
                r[v] += q
            if lo == hi:
                a_eq.append(r)
                b_eq.append(lo)
                continue
            if hi < INF:
                a_ub.append(r)
                b_ub.append(hi)
            if lo > -INF:
                a_ub.append(-r)
                b_ub.append(-lo)
        res = linprog(c, A_ub=np.array(a_ub) if a_ub else None, b_ub=b_ub or None,
                      A_eq=np.array(a_eq) if a_eq else None, b_eq=b_eq or None,
                      bounds=list(zip(self.lb, [None if u == INF else u for u in self.ub])), method="highs",
                      options={"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10})
        return res


def model(e, alone=None):
    regional = bool(e.get("regions"))
    regions = [r["id"] for r in e.get("regions", [])] if regional else [None]
    here = [g for g in regions if alone is None or g == alone]
    years = max(1, e.get("years", 0) or 0)
    products = [p["id"] for p in e["products"]]
    resource_ids = {r["id"] for r in e.get("resources", [])}
    base, yearly, region_of = {}, {}, {}
    for r in e.get("resources", []):
        region_of.setdefault(r["id"], r.get("region"))
        if r.get("year") is None:
            base[r["id"]] = r.get("available")
        else:
            yearly[(r["id"], r["year"])] = r.get("available")
    capital = {c["product"]: c for c in e.get("capital", [])}
    lp = Lp()
    bal = {}  # (y, g, p) -> coefs
    use = {}  # (y, r) -> coefs
    need = {}  # (y, c, g) -> coefs
    lam = {}
    for y in range(1, years + 1):
        for g in here:
            for p in products:
                bal[(y, g, p)] = {}
    for y in range(1, years + 1):
        for t in e["techniques"]:
            g = t.get("region")
            if g not in here:
                continue
            z = lp.var(0, t.get("capacity", INF))
            for p, q in t.get("outputs", {}).items():
                bal[(y, g, p)][z] = bal[(y, g, p)].get(z, 0) + q
            for i, q in t.get("inputs", {}).items():
                if i in resource_ids:
                    use.setdefault((y, i), {})[z] = q
                else:
                    bal[(y, g, i)][z] = bal[(y, g, i)].get(z, 0) - q
            for c, q in t.get("capital", {}).items():
                need.setdefault((y, c, g), {})[z] = q
        if alone is None:
            for link in e.get("transport", []):
                s = lp.var(0, link.get("capacity", INF))
                p = link["product"]
                bal[(y, link["from"], p)][s] = bal[(y, link["from"], p)].get(s, 0) - 1
                bal[(y, link["to"], p)][s] = bal[(y, link["to"], p)].get(s, 0) + 1 - link.get("loss", 0)
                for i, q in link.get("inputs", {}).items():
                    if i in resource_ids:
                        use.setdefault((y, i), {})[s] = q
                    else:
                        bal[(y, link["from"], i)][s] = bal[(y, link["from"], i)].get(s, 0) - q
        earn = {}
        for term in e.get("trade", []):
            g = term.get("region")
            if g not in here:
                continue
            k = (y, g, term["product"])
            if term.get("importPrice") is not None:
                m = lp.var(0, term.get("importLimit", INF))
                bal[k][m] = bal[k].get(m, 0) + 1
                earn[m] = -term["importPrice"]
            if term.get("exportPrice") is not None:
                x = lp.var(0, term.get("exportLimit", INF))
                bal[k][x] = bal[k].get(x, 0) - 1
                earn[x] = term["exportPrice"]
        if any(term.get("region") in here for term in e.get("trade", [])):
            lp.row(e.get("tradeBalance", 0), INF, earn)
        for g in here:
            demand = {p: 0.0 for p in products}
            for t in e.get("targets", []):
                if t.get("region") == g and t.get("year") in (None, y):
                    demand[t["product"]] += t["quantity"]
            if any(q > 0 for q in demand.values()):
                lam[(y, g)] = lp.var(0, INF)
                for p, q in demand.items():
                    if q:
                        bal[(y, g, p)][lam[(y, g)]] = -q
    for rid in resource_ids:
        if region_of[rid] not in here:
            continue
        for y in range(1, years + 1):
            avail = yearly[(rid, y)] if (rid, y) in yearly else base.get(rid)
            if avail is not None and (y, rid) in use:
                lp.row(-INF, avail, use[(y, rid)])
    for c, spec in capital.items():
        for g in here:
            stock, inv = {}, {}
            for y in range(1, years + 1):
                inv[y] = lp.var()
                bal[(y, g, c)][inv[y]] = bal[(y, g, c)].get(inv[y], 0) - 1
                if y == 1:
                    q = sum(s["quantity"] for s in e.get("stocks", []) if s["product"] == c and s.get("region") == g)
                    stock[y] = lp.var(q, q)
                else:
                    stock[y] = lp.var()
                    coefs = {stock[y]: 1, stock[y - 1]: -(1 - spec.get("depreciation", 0))}
                    if y - spec.get("lag", 1) >= 1:
                        coefs[inv[y - spec.get("lag", 1)]] = -1
                    lp.row(0, 0, coefs)
                coefs = dict(need.get((y, c, g), {}))
                coefs[stock[y]] = -1
                lp.row(-INF, 0, coefs)
    for coefs in bal.values():
        if coefs:
            lp.row(0, INF, coefs)
    return lp, lam


def leximin(lp, lam):
    held = {}
    t = lp.var(0, INF)
    while len(held) < len(lam):
        free = [k for k in lam if k not in held]
        extra = [(v, v, {lam[k]: 1}) for k, v in held.items()] + [(0, INF, {lam[k]: 1, t: -1}) for k in free]
        r = lp.maximise({t: 1}, extra)
        if r.status == 3:
            return None, "unbounded"
        if r.status != 0:
            return None, "infeasible"
        best = r.x[t]
        floor = [(best, INF, {lam[k]: 1}) for k in free]
        fixed = [(v, v, {lam[k]: 1}) for k, v in held.items()]
        newly = []
        for k in free:
            r2 = lp.maximise({lam[k]: 1}, fixed + floor)
            if r2.status == 3 or r2.x[lam[k]] > best + 1e-9 * max(1, abs(best)):
                continue
            newly.append(k)
        for k in newly or free:
            held[k] = best
    return held, "optimal"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("economy")
    ap.add_argument("--republic")
    a = ap.parse_args()
    e = json.load(open(a.economy, encoding="utf-8"))
    lp, lam = model(e, a.republic)
    held, status = leximin(lp, lam)
    out = {"status": status}
    if held is not None:
        out["value"] = min(held.values())
        out["lambda"] = {f"{y}/{g}": v for (y, g), v in sorted(held.items(), key=lambda kv: str(kv[0]))}
    if e.get("regions") and a.republic is None:
        out["alone"] = {}
        for r in e["regions"]:
            lp2, lam2 = model(e, r["id"])
            h2, s2 = leximin(lp2, lam2) if lam2 else ({}, "optimal")
            out["alone"][r["id"]] = min(h2.values()) if h2 else (None if s2 == "optimal" else s2)
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
