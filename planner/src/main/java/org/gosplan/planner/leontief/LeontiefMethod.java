package org.gosplan.planner.leontief;

/** How a Leontief system {@code (I - A) x = y} (or its transpose) is solved. */
public enum LeontiefMethod {
    /**
     * Dense LU for small systems (up to {@link LeontiefOptions#denseLimit()} sectors), else
     * BiCGSTAB: the fastest of the iterative methods measured on tables and random economies
     * (docs/benchmarks.md, "Leontief solves").
     */
    AUTO,
    /** LU decomposition of the dense {@code I - A} (EJML), partial pivoting. Exact to rounding. */
    DENSE,
    /**
     * The power series {@code x <- y + A x} (Jacobi's iteration when A has a diagonal). Converges
     * at the rate of the spectral radius of A.
     */
    POWER,
    /** Gauss-Seidel sweeps in sector order, on one thread. */
    GAUSS_SEIDEL,
    /** BiCGSTAB (van der Vorst), several right-hand sides sharing each pass over the matrix. */
    BICGSTAB,
    /** Restarted GMRES with modified Gram-Schmidt Arnoldi and Givens rotations. */
    GMRES
}
