#!/usr/bin/env python3
"""Solves the LP that ExtendedBench exported (the first leximin round: maximise the smallest λ)
with scipy's HiGHS, for the ratio in docs/benchmarks.md.

    python3 bench/scripts/extended_highs.py DIR [dual|ipm|ds|highs] [TIME_LIMIT_SECONDS]

DIR holds c, lb, ub, rlo, rhi (float64) and rows, cols (int32), vals (float64), little-endian,
as Lp.write writes them; the LP is maximise c.x subject to rlo <= A x <= rhi, lb <= x <= ub."""
import sys
import time

import numpy as np
import scipy.sparse as sp
from scipy.optimize import linprog


def load(d, name, dtype):
    return np.fromfile(f"{d}/{name}", dtype=dtype)


def main():
    d = sys.argv[1]
    method = {"dual": "highs-ds", "ds": "highs-ds", "ipm": "highs-ipm"}.get(sys.argv[2] if len(sys.argv) > 2 else "",
                                                                          "highs")
    c, lb, ub = load(d, "c.f64", "<f8"), load(d, "lb.f64", "<f8"), load(d, "ub.f64", "<f8")
    rlo, rhi = load(d, "rlo.f64", "<f8"), load(d, "rhi.f64", "<f8")
    rows, cols, vals = load(d, "rows.i32", "<i4"), load(d, "cols.i32", "<i4"), load(d, "vals.f64", "<f8")
    t0 = time.time()
    a = sp.csr_matrix((vals, (rows, cols)), shape=(len(rlo), len(c)))  # duplicates are added up
    eq = np.isfinite(rlo) & (rlo == rhi)
    up = np.isfinite(rhi) & ~eq
    lo = np.isfinite(rlo) & ~eq
    a_ub = sp.vstack([a[up], -a[lo]]).tocsr()
    b_ub = np.concatenate([rhi[up], -rlo[lo]])
    bounds = np.column_stack([np.where(np.isfinite(lb), lb, -np.inf), np.where(np.isfinite(ub), ub, np.inf)])
    t1 = time.time()
    c1 = time.process_time()
    r = linprog(-c, A_ub=a_ub, b_ub=b_ub, A_eq=a[eq] if eq.any() else None, b_eq=rlo[eq] if eq.any() else None,
                bounds=bounds, method=method,
                options={"primal_feasibility_tolerance": 1e-7, "dual_feasibility_tolerance": 1e-7,
                         **({"time_limit": float(sys.argv[3])} if len(sys.argv) > 3 else {})})
    t2 = time.time()
    c2 = time.process_time()
    print(f"scipy {method}: status {r.status} ({r.message}), objective {-r.fun if r.x is not None else float('nan'):.9g},"
          f" {t2 - t1:.2f} s solving ({c2 - c1:.2f} s of CPU; {t1 - t0:.2f} s building the matrices), {len(rlo):,} rows, {len(c):,} columns,"
          f" {len(vals):,} entries")


if __name__ == "__main__":
    main()
