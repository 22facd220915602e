package org.gosplan.planner.lp;

import org.gosplan.planner.Certificate;
import org.gosplan.planner.Diagnosis;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.PlanSolverInfo;
import org.gosplan.planner.PlanStatus;

/**
 * Turns a method's raw figures into a {@link Plan}: clips the levels to their bounds, derives the
 * objective value from the levels, makes the valuations non-negative (and, for fulfil, scales
 * them to {@code Σ d_p v_p = 1}), derives capacity prices, and computes the {@link Certificate}
 * from these figures alone.
 */
final class PlanAssembly {
    private PlanAssembly() {}

    /** Relative size below which a technique's profit is rounding noise in the sum that gives it. */
    static final double ROUNDING = 1e-13;
    static final double TINY = 1e-300;

    /** The certified plan, status optimal when the certificate proves it to the tolerance, else limit. */
    static Plan assemble(LpModel m, LpSolution s, PlanOptions o, String extraNote) {
        int nt = m.nt, np = m.np, nr = m.nr;
        double[] z = new double[nt];
        for (int t = 0; t < nt; t++) {
            double x = s.z()[t];
            // also maps NaN to 0, and levels below 1e-300, which mean nothing and whose flows would underflow,
            // so that no product has a violation without a scale to measure it against
            z[t] = x > TINY ? Math.min(x, m.capacity[t]) : 0.0;
        }
        double[] net = m.net(z);
        double[] gross = m.grossActivity(z);
        double[] use = m.resourceUse(z);

        // ---- primal value and feasibility
        double value;
        double primalInf = 0;
        if (m.fulfil()) {
            double lambda = Double.POSITIVE_INFINITY;
            for (int p : m.targeted) {
                lambda = Math.min(lambda, net[p] / m.demand[p]);
            }
            if (lambda < 0) {
                primalInf = Math.max(primalInf, -lambda);
                lambda = 0;
            }
            value = lambda;
        } else if (m.costResource >= 0) {
            value = use[m.costResource];
        } else {
            value = 0;
            for (int t = 0; t < nt; t++) {
                value += m.cost[t] * z[t];
            }
        }
        for (int p = 0; p < np; p++) {
            double rhs = m.fulfil() ? value * m.demand[p] : m.demand[p];
            double viol = rhs - net[p];
            if (viol > 0) {
                double scale = gross[p] + rhs;
                primalInf = Math.max(primalInf, scale > TINY ? viol / scale : 1.0);
            }
        }
        for (int r : m.limited) {
            double viol = use[r] - m.available[r];
            if (viol > 0) {
                double scale = Math.max(m.available[r], use[r]);
                primalInf = Math.max(primalInf, viol / scale);
            }
        }

        // ---- valuations and dual feasibility
        double[] v = new double[np];
        double[] w = new double[nr];
        double dualInf = 0;
        for (int p = 0; p < np; p++) {
            double x = s.v() == null ? 0 : s.v()[p];
            v[p] = x > 0 ? x : 0.0;
        }
        for (int r : m.limited) {
            double x = s.w() == null ? 0 : s.w()[r];
            w[r] = x > 0 ? x : 0.0;
        }
        if (m.fulfil()) {
            double dv = 0;
            for (int p : m.targeted) {
                dv += m.demand[p] * v[p];
            }
            if (dv > TINY) {
                for (int p = 0; p < np; p++) {
                    v[p] /= dv;
                }
                for (int r = 0; r < nr; r++) {
                    w[r] /= dv;
                }
            } else {
                dualInf = 1.0; // Σ d_p v_p >= 1 cannot be met by scaling
            }
        }
        double[] mu = new double[nt];
        double capTerm = 0;
        for (int t = 0; t < nt; t++) {
            double profit = -m.cost(t);
            double scale = m.cost(t);
            for (int q = m.nStart[t]; q < m.nStart[t + 1]; q++) {
                double x = m.nVal[q] * v[m.nRow[q]];
                profit += x;
                scale += Math.abs(x);
            }
            for (int q = m.rStart[t]; q < m.rStart[t + 1]; q++) {
                double x = m.rVal[q] * w[m.rRow[q]];
                profit -= x;
                scale += x;
            }
            if (profit > 0 && profit <= ROUNDING * scale) {
                // a profit at the rounding level of its own terms: folding it into a capacity or level
                // bound multiplies the noise by that bound (seen: 1e-17 times 1e4 moved the gap to 1e-12),
                // so it is reported for what it is, a dual infeasibility of that size
                dualInf = Math.max(dualInf, profit / scale);
            } else if (profit > 0) {
                if (m.capacity[t] != Double.POSITIVE_INFINITY) {
                    mu[t] = profit;
                    capTerm += profit * m.capacity[t];
                } else {
                    // no capacity: the limited resources it uses bound its level (z_t <= a_r / R_rt),
                    // and the profit times that bound goes into the bound; with none, it is infeasible
                    double ub = m.levelBound(t);
                    if (ub != Double.POSITIVE_INFINITY) {
                        capTerm += profit * ub;
                    } else {
                        dualInf = Math.max(dualInf, scale > TINY ? profit / scale : 1.0);
                    }
                }
            }
        }
        double dualValue;
        if (m.fulfil()) {
            dualValue = capTerm;
            for (int r : m.limited) {
                dualValue += m.available[r] * w[r];
            }
        } else {
            dualValue = -capTerm;
            for (int p : m.targeted) {
                dualValue += m.demand[p] * v[p];
            }
            for (int r : m.limited) {
                dualValue -= m.available[r] * w[r];
            }
        }
        double gap = relativeGap(value, dualValue);
        Certificate c = new Certificate(primalInf, dualInf, value, dualValue, gap);
        boolean proven = s.outcome() == LpSolution.Outcome.SOLVED && c.proves(o.tolerance());
        String note = s.note();
        if (extraNote != null) {
            note = note == null ? extraNote : note + "; " + extraNote;
        }
        if (!proven && s.outcome() == LpSolution.Outcome.SOLVED) {
            String why = "the certificate does not prove optimality to the tolerance " + o.tolerance();
            note = note == null ? why : note + "; " + why;
        }
        PlanSolverInfo info = new PlanSolverInfo(s.method(), s.seconds(), s.iterations(), gap, s.deterministic(), note);
        return new Plan(m.economy, proven ? PlanStatus.OPTIMAL : PlanStatus.LIMIT, m.objective, m.costResource, value,
                z, net, use, v, w, mu, info, c, null);
    }

    static double relativeGap(double primal, double dual) {
        double d = Math.abs(primal - dual);
        double s = Math.max(Math.abs(primal), Math.abs(dual));
        if (!(d >= 0) || Double.isInfinite(s)) {
            return Double.POSITIVE_INFINITY;
        }
        return s > TINY ? d / s : 0.0;
    }

    /** A plan without a solution: infeasible or unbounded, with its diagnosis. */
    static Plan without(LpModel m, PlanStatus status, LpSolution s, Diagnosis diagnosis) {
        PlanSolverInfo info = new PlanSolverInfo(s.method(), s.seconds(), s.iterations(), Double.NaN,
                s.deterministic(), s.note());
        return new Plan(m.economy, status, m.objective, m.costResource, Double.NaN, null, null, null, null, null,
                null, info, null, diagnosis);
    }
}
