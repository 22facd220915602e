#!/usr/bin/env python3
"""scipy reference for the Leontief benchmark: solves (I - A) x = y on the system that
LeontiefBench exported (A in CSC: indptr/indices int32, data float64; y float64), with
scipy.sparse.linalg.bicgstab and with the power series x <- y + A x (sparse products), and
prints the best time of each and its true residual ||(I-A)x - y||_inf / ||y||_inf.

usage: leontief_scipy.py DIR [repeats]
"""
import sys
import time

import numpy as np
import scipy
import scipy.sparse as sp
import scipy.sparse.linalg as spla


def main():
    d = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    n, nnz = (int(v) for v in open(f"{d}/shape.txt").read().split())
    indptr = np.fromfile(f"{d}/indptr.bin", dtype="<i4")
    indices = np.fromfile(f"{d}/indices.bin", dtype="<i4")
    data = np.fromfile(f"{d}/data.bin", dtype="<f8")
    y = np.fromfile(f"{d}/y.bin", dtype="<f8")
    a = sp.csc_matrix((data, indices, indptr), shape=(n, n)).tocsr()  # CSR: scipy's fastest product
    m = (sp.identity(n, format="csr") - a).tocsr()
    ynorm = np.abs(y).max()

    def residual(x):
        return np.abs(m @ x - y).max() / ynorm

    print(f"scipy {scipy.__version__}, numpy {np.__version__}: {n:,} products, {nnz:,} coefficients")
    results = {}

    def bicgstab():
        x, info = spla.bicgstab(m, y, rtol=1e-10, atol=0.0, maxiter=10000)
        return x, info

    def power():
        x = y.copy()
        it = 0
        while True:
            it += 1
            nx = y + a @ x
            if np.abs(nx - x).max() / ynorm <= 1e-10 * 0.25:
                return nx, it
            x = nx

    for name, fn in (("bicgstab", bicgstab), ("power series", power)):
        best = float("inf")
        for _ in range(repeats):
            t = time.perf_counter()
            x, info = fn()
            best = min(best, time.perf_counter() - t)
        r = residual(x)
        results[name] = best
        print(f"scipy {name:13s} best {best:7.3f} s  residual {r:.2e}  ({'iterations' if name != 'bicgstab' else 'info'} {info})")
    b = min(results, key=results.get)
    print(f"scipy best: {b} {results[b]:.3f} s")


if __name__ == "__main__":
    main()
