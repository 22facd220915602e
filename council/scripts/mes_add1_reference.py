"""Method of Equal Shares (cost utilities) with add1 completion (floats; EXACT=1 for rational arithmetic).

Written from the published description of the rule (Peters, Pierczynski, Skowron, "Proportional
participatory budgeting with additive utilities", NeurIPS 2021; equalshares.net's description of
the add1 completion) as an independent check of the Java count. Voters with the same ballot are
grouped (they always hold the same money). Variants:
  integral:   each voter starts with floor(budget / n) whole units (gosplan's councils.md, and the
              equalshares.net compute tool's "integral" option); otherwise budget / n exactly
              (pabutools' exhaustion_by_budget_increase with budget_step = n).
  exhaustive: add1 stops as soon as the outcome is exhaustive (pabutools, equalshares.net's
              reference code); otherwise only at an overspend or when everything is bought
              (councils.md).
Ties: lower cost, then more approvals, then the earlier project id as text.
"""
import sys
from fractions import Fraction
import os
F = Fraction if os.environ.get("EXACT") else float
from math import floor


def read_pb(path):
    sec = None; head = None; meta = {}; projects = {}; votes = []
    import csv
    with open(path, encoding='utf-8') as f:
        rows = list(csv.reader(f, delimiter=';'))
    for r in rows:
        if not r:
            continue
        if r[0].strip() in ('META', 'PROJECTS', 'VOTES') and len(r) == 1:
            sec = r[0].strip(); head = None; continue
        if head is None:
            head = r; continue
        d = dict(zip(head, r))
        if sec == 'META':
            meta[r[0]] = r[1]
        elif sec == 'PROJECTS':
            projects[d['project_id']] = d
        else:
            votes.append(d['vote'].split(',') if d['vote'] else [])
    return meta, projects, votes


def fixed_budget(groups, ids, cost, approvals, endowment):
    money = [endowment] * len(groups)  # per voter of group g
    remaining = [c for c in ids if cost[c] > 0 and approvals[c] > 0]
    who = {c: [g for g, (ballot, k) in enumerate(groups) if c in ballot] for c in ids}
    bought = []
    while True:
        best = None; best_rho = None
        for c in remaining:
            have = sum(money[g] * groups[g][1] for g in who[c])
            if have < cost[c]:
                continue
            gs = sorted(who[c], key=lambda g: money[g])
            paid = F(0); payers = sum(groups[g][1] for g in gs)
            rho = None
            for g in gs:
                level = (cost[c] - paid) / payers
                if level <= money[g]:
                    rho = level; break
                paid += money[g] * groups[g][1]; payers -= groups[g][1]
            key = (rho / cost[c], cost[c], -approvals[c], c)  # cost utilities: least paid per unit of utility
            if best is None or key < best_key:
                best, best_rho, best_key = c, rho, key
        if best is None:
            return bought
        bought.append(best)
        remaining.remove(best)
        for g in who[best]:
            money[g] = max(F(0), money[g] - best_rho)


def mes_add1(path, integral=True, exhaustive=False):
    meta, projects, votes = read_pb(path)
    budget = F(meta['budget'])
    ids = sorted(projects)
    cost = {c: F(projects[c]['cost']) for c in ids}
    n = len(votes)
    approvals = {c: 0 for c in ids}
    grouped = {}
    for v in votes:
        for c in v:
            approvals[c] += 1
        key = frozenset(v)
        grouped[key] = grouped.get(key, 0) + 1
    groups = list(grouped.items())
    e = F(floor(budget / n)) if integral else F(budget) / n
    out = fixed_budget(groups, ids, cost, approvals, e)
    purchasable = sum(1 for c in ids if cost[c] > 0 and approvals[c] > 0)
    while True:
        spent = sum(cost[c] for c in out)
        if exhaustive and all(c in out or spent + cost[c] > budget for c in ids):
            break
        if len(out) == purchasable:
            break
        e += 1
        nxt = fixed_budget(groups, ids, cost, approvals, e)
        if sum(cost[c] for c in nxt) > budget:
            break
        out = nxt
    return out, e


def greedy(path):
    meta, projects, votes = read_pb(path)
    budget = F(meta['budget'])
    approvals = {c: 0 for c in projects}
    for v in votes:
        for c in v:
            approvals[c] += 1
    order = sorted(projects, key=lambda c: (-approvals[c], F(projects[c]['cost']), c))
    out = []; spent = F(0)
    for c in order:
        if spent + F(projects[c]['cost']) <= budget:
            out.append(c); spent += F(projects[c]['cost'])
    return out


if __name__ == '__main__':
    for p in sys.argv[1:]:
        meta, projects, votes = read_pb(p)
        sel = sorted(c for c in projects if projects[c].get('selected') == '1')
        g = greedy(p)
        spec, e1 = mes_add1(p, True, False)
        pabu, e2 = mes_add1(p, False, True)
        print(p.split('/')[-1], 'rule', meta.get('rule'), 'n', len(votes))
        print('  selected      ', sel)
        print('  greedy        ', sorted(g), 'OK' if sorted(g) == sel else 'DIFFERS')
        print('  mes spec      ', spec, 'endowment', e1)
        print('  mes pabutools ', pabu, 'endowment', float(e2), 'same set' if set(spec) == set(pabu) else 'DIFFERENT SET')
        sys.stdout.flush()
