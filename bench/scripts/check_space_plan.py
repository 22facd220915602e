#!/usr/bin/env python3
"""Checks a plan of an economy with republics, foreign trade or years (formats.md section 5) from
its published figures alone, independently of Gosplan's code.

    gosplan plan ECONOMY.economy.json --json > plan.json
    bench/scripts/check_space_plan.py ECONOMY.economy.json plan.json [--tolerance 1e-7]

(An economy folder: `gosplan convert FOLDER x.economy.json` first.) With the plan's levels, stocks,
investment, transport and trade of every year, it recomputes:

* every product balance of every year and republic: net output of the republic's techniques,
  less investment, plus what arrives by transport (less the loss), less what is sent and the
  transport's inputs, plus imports less exports, at least the plan's value (the smallest λ)
  times the target;
* every limited resource within its availability in that year (the year's own row, else the
  resource's), used by techniques and transport;
* every technique within its capacity, and within the capital stock of its republic;
* the stocks: the initial stock in year 1, then (1 - depreciation) times last year's plus what
  was invested lag years before;
* the balance of trade in every year at least tradeBalance, and the imports and exports within
  their limits and allowed directions;
* fulfil: each balance at the larger of the year's λ and the republic's λ where the plan gives
  them (each is the smallest of the λ of its year, or its republic, so the republic's λ in that
  year is at least both), not only at the plan's value;
* min-resource (`"objective": "min-resource"`): every target met in full, and the resource's
  use summed over the years equal to the plan's value;
* the least-use stages (`"leastUse"`): the published levels' sum of use / available over the
  limited resources of every year no more than the limited stage's value (the unlimited stage's
  weights are the limited stage's uses, which the plan does not publish, so its value is not
  recomputed).

Prints the largest violation relative to the flows through its row; exit 0 when it is within the
tolerance, 1 when not, 2 on unreadable input. Nothing here calls Gosplan."""
import argparse
import json
import sys
from collections import defaultdict


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("economy")
    ap.add_argument("plan")
    ap.add_argument("--tolerance", type=float, default=1e-7)
    a = ap.parse_args()
    try:
        e = json.load(open(a.economy, encoding="utf-8"))
        plan = json.load(open(a.plan, encoding="utf-8"))
    except (OSError, ValueError) as x:
        print(f"cannot read: {x}", file=sys.stderr)
        return 2
    if plan.get("status") != "optimal":
        print(f"the plan's status is {plan.get('status')}: nothing to check")
        return 1
    regional = bool(e.get("regions"))
    regions = [r["id"] for r in e.get("regions", [])] or [None]
    years = e.get("years", 0)
    span = list(range(1, max(1, years) + 1))
    minimising = plan.get("objective") == "min-resource"
    lam = 1.0 if minimising else plan["value"]
    minimised_use = 0.0
    least_sum = 0.0
    products = [p["id"] for p in e["products"]]
    resources = {}
    yearly = {}
    for r in e.get("resources", []):
        if r.get("year") is None:
            resources[r["id"]] = r
        else:
            yearly[(r["id"], r["year"])] = r.get("available")
    for r in e.get("resources", []):
        resources.setdefault(r["id"], {"id": r["id"], "region": r.get("region")})

    def key(product, region):
        return f"{product}@{region}" if regional else product

    def figures(y, member):
        if years:
            return plan["years"][str(y)].get(member, {})
        if member in ("imports", "exports"):
            return plan.get("trade", {}).get(member, {})
        return plan.get(member, {})

    worst, where = 0.0, "nothing"

    def violation(amount, scale, what):
        nonlocal worst, where
        v = amount / (1 + scale)
        if v > worst:
            worst, where = v, what

    capital = {c["product"]: c for c in e.get("capital", [])}
    for y in span:
        levels = figures(y, "levels")
        balance = defaultdict(float)
        gross = defaultdict(float)
        use = defaultdict(float)
        need = defaultdict(float)
        for t in e["techniques"]:
            z = levels.get(t["id"], 0.0)
            g = t.get("region")
            cap = t.get("capacity")
            if z < 0 or (cap is not None and z > cap):
                violation(max(-z, z - (cap or 0)), abs(z), f"year {y}: level of {t['id']}")
            for p, q in t["outputs"].items():
                balance[(p, g)] += q * z
                gross[(p, g)] += q * z
            for i, q in t.get("inputs", {}).items():
                if i in resources:
                    use[i] += q * z
                else:
                    balance[(i, g)] -= q * z
                    gross[(i, g)] += q * z
            for c, q in t.get("capital", {}).items():
                need[(c, g)] += q * z
        for link in e.get("transport", []):
            s = figures(y, "transport").get(link["id"], 0.0)
            p = link["product"]
            balance[(p, link["from"])] -= s
            balance[(p, link["to"])] += (1 - link.get("loss", 0)) * s
            gross[(p, link["from"])] += s
            cap = link.get("capacity")
            if s < 0 or (cap is not None and s > cap):
                violation(max(-s, s - (cap or 0)), abs(s), f"year {y}: transport {link['id']}")
            for i, q in link.get("inputs", {}).items():
                if i in resources:
                    use[i] += q * s
                else:
                    balance[(i, link["from"])] -= q * s
                    gross[(i, link["from"])] += q * s
        imports, exports = figures(y, "imports"), figures(y, "exports")
        earned = 0.0
        for term in e.get("trade", []):
            k = key(term["product"], term.get("region"))
            qi, qe = imports.get(k, 0.0), exports.get(k, 0.0)
            balance[(term["product"], term.get("region"))] += qi - qe
            earned += term.get("exportPrice", 0) * qe - term.get("importPrice", 0) * qi
            for q, price, limit, what in ((qi, "importPrice", "importLimit", "imports"),
                                          (qe, "exportPrice", "exportLimit", "exports")):
                if q > 0 and price not in term:
                    violation(q, 0, f"year {y}: {what} of {k}, a direction not allowed")
                if term.get(limit) is not None:
                    violation(q - term[limit], term[limit], f"year {y}: {what} of {k} above the limit")
        if e.get("trade"):
            violation(e.get("tradeBalance", 0) - earned, abs(earned), f"year {y}: the balance of trade")
        stocks, invest = figures(y, "stocks"), figures(y, "investment")
        for c, spec in capital.items():
            for g in regions:
                k = key(c, g)
                inv = invest.get(k, 0.0)
                balance[(c, g)] -= inv
                if y == 1:
                    initial = sum(s["quantity"] for s in e.get("stocks", []) if s["product"] == c
                                  and s.get("region") == g)
                    violation(abs(stocks.get(k, 0.0) - initial), initial, f"year 1: stock of {k}")
                else:
                    before = figures(y - 1, "stocks").get(k, 0.0)
                    arrived = figures(y - spec["lag"], "investment").get(k, 0.0) if y - spec["lag"] >= 1 else 0.0
                    expected = (1 - spec.get("depreciation", 0)) * before + arrived
                    violation(abs(stocks.get(k, 0.0) - expected), expected, f"year {y}: stock of {k}")
                violation(need[(c, g)] - stocks.get(k, 0.0), need[(c, g)], f"year {y}: capital {k} needed")
        demand = defaultdict(float)
        for t in e.get("targets", []):
            if t.get("year") in (None, y):
                demand[(t["product"], t.get("region"))] += t["quantity"]
        for p in products:
            for g in regions:
                at = lam
                if not minimising:
                    # the year's λ and the republic's are lower bounds of λ in that year and republic
                    for held in (plan.get("years", {}).get(str(y), {}).get("lambda") if years else None,
                                 plan.get("regions", {}).get(g, {}).get("lambda") if regional else None):
                        if held is not None and demand[(p, g)] > 0:
                            at = max(at, held)
                short = at * demand[(p, g)] - balance[(p, g)]
                violation(short, gross[(p, g)] + lam * demand[(p, g)], f"year {y}: balance of {key(p, g)}")
        for rid, r in resources.items():
            avail = yearly.get((rid, y), r.get("available"))
            if (rid, y) in yearly and yearly[(rid, y)] is None:
                avail = None
            if avail is not None:
                violation(use[rid] - avail, avail, f"year {y}: resource {rid}")
                if avail > 0:
                    least_sum += use[rid] / avail
        if minimising:
            minimised_use += use[plan["resource"]]
    if minimising:
        violation(abs(minimised_use - plan["value"]), abs(minimised_use),
                  f"the use of {plan['resource']} over every year, {minimised_use}, is not the plan's value")
    for stage in plan.get("leastUse", {}).get("stages", []):
        if stage.get("minimises") == "limited":
            violation(least_sum - stage["value"], stage["value"],
                      f"the sum of use / available, {least_sum}, above the limited stage's value")
    ok = worst <= a.tolerance
    print(f"{'feasible' if ok else 'NOT feasible'}: largest relative violation {worst:.1e} ({where}), value "
          f"{plan['value']}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
