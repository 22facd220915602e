#!/usr/bin/env python3
"""The reference for `gosplan plan`: Kantorovich's fulfil LP of an economy folder, solved by
scipy.optimize.linprog (HiGHS, dual simplex by default), in the same run as Gosplan's figure.

    python3 plan_linprog.py ECONOMY_FOLDER [--method highs-ds|highs-ipm|highs] [--time-limit S]
                            [--gosplan-value LAMBDA]

max λ  s.t.  N z - λ d >= 0,  R_r z <= a_r (limited r),  0 <= z <= cap   (formats.md section 2 files)
Prints the solve time (reading excluded), λ, and the relative difference to --gosplan-value.
"""
import argparse, csv, sys, time
import numpy as np
import scipy.sparse as sp
from scipy.optimize import linprog


def read_ids(path, key="id"):
    with open(path, newline="") as f:
        return [row for row in csv.DictReader(f)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--method", default="highs-ds")
    ap.add_argument("--time-limit", type=float, default=None)
    ap.add_argument("--gosplan-value", type=float, default=None)
    a = ap.parse_args()
    t0 = time.time()
    products = read_ids(a.folder + "/products.csv")
    pidx = {r["id"]: i for i, r in enumerate(products)}
    resources = read_ids(a.folder + "/resources.csv")
    ridx = {r["id"]: i for i, r in enumerate(resources)}
    techniques = read_ids(a.folder + "/techniques.csv")
    tidx = {r["id"]: i for i, r in enumerate(techniques)}
    n, m, k = len(products), len(resources), len(techniques)
    cap = np.array([float(r["capacity"]) if r["capacity"] else np.inf for r in techniques])
    avail = np.array([float(r["available"]) if r["available"] else np.nan for r in resources])
    rows, cols, vals, rrows, rcols, rvals = [], [], [], [], [], []
    with open(a.folder + "/flows.csv", newline="") as f:
        for row in csv.DictReader(f):
            t = tidx[row["technique"]]
            q = float(row["quantity"])
            item = row["item"]
            if item in pidx:
                rows.append(pidx[item]); cols.append(t); vals.append(q)
            else:
                rrows.append(ridx[item]); rcols.append(t); rvals.append(-q)
    d = np.zeros(n)
    with open(a.folder + "/targets.csv", newline="") as f:
        for row in csv.DictReader(f):
            d[pidx[row["product"]]] = float(row["quantity"])
    N = sp.csr_matrix((vals, (rows, cols)), shape=(n, k))  # outputs positive, inputs negative: N = O - I
    R = sp.csr_matrix((rvals, (rrows, rcols)), shape=(m, k))
    lim = np.where(~np.isnan(avail))[0]
    # variables [z, λ]; minimise -λ
    c = np.zeros(k + 1); c[-1] = -1.0
    A_ub = sp.vstack([sp.hstack([-N, sp.csr_matrix(d.reshape(-1, 1))]),
                      sp.hstack([R[lim], sp.csr_matrix((len(lim), 1))])]).tocsr()
    b_ub = np.concatenate([np.zeros(n), avail[lim]])
    bounds = np.column_stack([np.zeros(k + 1), np.concatenate([cap, [np.inf]])])
    read = time.time() - t0
    opts = {"presolve": True}
    if a.time_limit:
        opts["time_limit"] = a.time_limit
    t1 = time.time()
    res = linprog(c, A_ub=A_ub, b_ub=b_ub, bounds=bounds, method=a.method, options=opts)
    secs = time.time() - t1
    lam = -res.fun if res.status == 0 else float("nan")
    print(f"scipy linprog {a.method}: {n} products, {k} techniques, {N.nnz + R.nnz} coefficients; "
          f"read {read:.1f} s; solve {secs:.2f} s; status {res.status} ({res.message.strip()}); lambda {lam:.12g}")
    if a.gosplan_value is not None and res.status == 0:
        print(f"relative difference to gosplan: {abs(lam - a.gosplan_value) / abs(lam):.2e}")


if __name__ == "__main__":
    sys.exit(main())
