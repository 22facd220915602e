package org.gosplan.planner;

/**
 * What the plan's own figures prove, computed from the levels and valuations it reports (not
 * from the solver's word). Relative measures:
 *
 * <ul>
 *   <li>{@code primalInfeasibility}: the largest violation of a product balance (relative to the
 *       gross flows through it), of a resource (relative to the amount available) or of a level
 *       bound; 0 for a plan that meets every constraint;</li>
 *   <li>{@code dualInfeasibility}: the largest profit {@code (N^T v - R^T w - c)_t}, at the
 *       valuations, of a technique whose level nothing bounds (no capacity, no limited resource),
 *       relative to its gross value {@code (|N|^T v + R^T w + c)_t}; 0 when no such technique
 *       could improve the plan; a profit below 1e-13 of its gross value is rounding in that sum and
 *       counts here too, whatever bounds the technique;</li>
 *   <li>{@code primalValue}: the objective of the levels; {@code dualValue}: the bound the
 *       valuations prove, by weak duality: for fulfil {@code Σ a_r w_r + Σ u_t μ_t} with the
 *       valuations scaled to {@code Σ d_p v_p = 1}; for min-resource
 *       {@code Σ d_p v_p - Σ a_r w_r - Σ u_t μ_t}; where {@code μ_t = max(0, profit_t)} and
 *       {@code u_t} is the capacity of technique t, or, without one, the bound its limited
 *       resources set on its level, {@code min_r a_r / R_rt} (techniques with neither, or with a
 *       profit at the rounding level, count in the dual infeasibility instead). For exact methods every {@code μ_t} of a technique
 *       without capacity is zero to rounding;</li>
 *   <li>{@code gap}: {@code |primalValue - dualValue| / max(|primalValue|, |dualValue|)} (0 when both are 0).</li>
 * </ul>
 *
 * When both infeasibilities are 0 the true optimum lies between the two values.
 */
public record Certificate(double primalInfeasibility, double dualInfeasibility, double primalValue,
                          double dualValue, double gap) {

    /** True when all three measures are at most the tolerance. */
    public boolean proves(double tolerance) {
        return primalInfeasibility <= tolerance && dualInfeasibility <= tolerance && gap <= tolerance;
    }
}
