package org.gosplan.council.proposal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyException;
import org.gosplan.economy.SparseMatrix;
import org.gosplan.planner.leontief.LeontiefOptions;
import org.gosplan.planner.leontief.LeontiefSolution;
import org.gosplan.record.Record;
import org.gosplan.record.RecordException;
import org.gosplan.record.Snapshot;

/**
 * The cost of a proposal, from the latest recorded economy and plan, before anyone votes. The
 * techniques the latest plan runs (for each product, the one making it at the largest level) make
 * a square system, and one Leontief solve of it gives the gross output the proposal's targets
 * need; resource use follows from the levels, with no new plan. With no plan for the latest
 * economy yet (or one without a solution), each product's technique is its cheapest in labour,
 * direct and indirect, found by policy iteration (as the planner's non-substitution path does):
 * one transposed solve per step, and none at all when each product has one technique.
 */
public final class Costs {
    private Costs() {}

    /** Steps of policy iteration before giving up; it ends in a few. */
    static final int MAX_STEPS = 50;
    /** A technique replaces the current one only when cheaper by this relative margin. */
    static final double MARGIN = 1e-12;

    public static ProposalCost of(Record record, long index, LeontiefOptions options) throws IOException {
        Snapshot s = record.snapshot();
        return of(record, index, s.economy(), s.plan(), options);
    }

    /**
     * The cost of proposal {@code index} on the economy {@code latest} and the plan {@code plan}
     * (null for none) as they stood at some entry: a ballot costs its proposals as they stood when
     * it opened, so that a recount gives the same costs after later plans.
     */
    public static ProposalCost of(Record record, long index, Snapshot.Published latest, Snapshot.Published plan,
                                  LeontiefOptions options) throws IOException {
        if (latest == null) {
            throw new RecordException("no economy is recorded, so proposal " + index + " has no cost");
        }
        return of(record, index, null, latest, plan, options);
    }

    /**
     * As {@link #of(Record, long, Snapshot.Published, Snapshot.Published, LeontiefOptions)}, on
     * {@code economy}, the economy {@code latest} names, already read (null: read it): a ballot
     * costs all its proposals on one reading of it.
     */
    public static ProposalCost of(Record record, long index, Economy economy, Snapshot.Published latest,
                                  Snapshot.Published plan, LeontiefOptions options) throws IOException {
        Proposal proposal = Proposal.read(record, index);
        long start = System.nanoTime();
        Economy e = withTargets(record, economy, latest, proposal);
        double readSeconds = (System.nanoTime() - start) / 1e9;
        return cost(proposal, e, shared(record, e, latest, plan, options), readSeconds, options);
    }

    /**
     * The costs of proposals {@code indexes} (a ballot's), each exactly what
     * {@link #of(Record, long, Economy, Snapshot.Published, Snapshot.Published, LeontiefOptions)}
     * gives for it alone, on one reading of what they share: the plan's levels and valuations are
     * read, the techniques chosen and the square system made (its productiveness checked) once,
     * since none of them depends on a proposal's targets; each proposal adds the reading of its
     * event and targets (in parallel) and its own solve. Where several proposals are wrong, the
     * first of {@code indexes} is reported, as one at a time would.
     */
    public static ProposalCost[] of(Record record, long[] indexes, Economy economy, Snapshot.Published latest,
                                    Snapshot.Published plan, LeontiefOptions options) throws IOException {
        if (latest == null) {
            throw new RecordException("no economy is recorded, so the proposals have no cost");
        }
        int n = indexes.length;
        Proposal[] proposals = new Proposal[n];
        Economy[] economies = new Economy[n];
        double[] readSeconds = new double[n];
        Exception[] failed = new Exception[n];
        Economy base = economy == null ? record.economy(latest.hash()) : economy;
        java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
            try {
                proposals[i] = Proposal.read(record, indexes[i]);
                long start = System.nanoTime();
                economies[i] = withTargets(record, base, latest, proposals[i]);
                readSeconds[i] = (System.nanoTime() - start) / 1e9;
            } catch (IOException | RuntimeException x) {
                failed[i] = x;
            }
        });
        for (Exception x : failed) {
            if (x instanceof IOException io) {
                throw io;
            }
            if (x != null) {
                throw (RuntimeException) x;
            }
        }
        ProposalCost[] costs = new ProposalCost[n];
        if (n == 0) {
            return costs;
        }
        Shared shared = shared(record, economies[0], latest, plan, options);
        for (int i = 0; i < n; i++) {
            costs[i] = cost(proposals[i], economies[i], shared, readSeconds[i], options);
        }
        return costs;
    }

    private static Economy withTargets(Record record, Economy economy, Snapshot.Published latest, Proposal proposal)
            throws IOException {
        try {
            return economy == null ? record.economyWithTargets(latest.hash(), proposal.targets())
                    : record.withStoredTargets(economy, proposal.targets());
        } catch (EconomyException x) {
            throw new RecordException("proposal " + proposal.index() + " was made for economy " + proposal.economy()
                    + ", and its targets do not fit the latest economy (entry " + latest.index() + "): "
                    + x.getMessage());
        }
    }

    /**
     * What every proposal on one economy and plan shares, none of it depending on the targets: the
     * plan's valuations, the technique of each product and the square system of those techniques.
     */
    private record Shared(int labour, double[] valuations, long planIndex, double planSeconds, int[] technique,
                          SquareSystem system, int solves) {}

    private static Shared shared(Record record, Economy e, Snapshot.Published latest, Snapshot.Published plan,
                                 LeontiefOptions options) throws IOException {
        long start = System.nanoTime();
        int labour = labour(e);
        double[] levels = null;
        double[] valuations = null;
        long planIndex = -1;
        if (plan != null && plan.name().equals(latest.hash())) {
            PlanFigures f;
            try (InputStream in = record.content().open(plan.hash())) {
                f = PlanFigures.read(in, e, plan.hash());
            }
            if (f.hasLevels()) {
                levels = f.levels();
                valuations = f.valuations();
                planIndex = plan.index();
            }
        }
        double planSeconds = (System.nanoTime() - start) / 1e9;
        int solves = 0;
        int[] technique;
        if (levels != null) {
            technique = TechniqueChoice.largestLevel(e, levels, labour);
        } else {
            technique = TechniqueChoice.cheapestDirect(e, labour);
            if (labour >= 0 && !e.isSquare()) {
                for (int step = 0; step < MAX_STEPS; step++) {
                    SquareSystem sys = SquareSystem.of(e, technique);
                    double[] v = sys.leontief.solveTransposed(directLabour(e, sys, labour), options).x();
                    solves++;
                    if (!TechniqueChoice.improve(e, technique, v, labour, MARGIN)) {
                        break;
                    }
                }
            }
        }
        return new Shared(labour, valuations, planIndex, planSeconds, technique, SquareSystem.of(e, technique),
                solves);
    }

    /** The cost of one proposal, its targets in {@code e}, on what every proposal shares. */
    private static ProposalCost cost(Proposal proposal, Economy e, Shared shared, double readSeconds,
                                     LeontiefOptions options) {
        int[] technique = shared.technique();
        SquareSystem sys = shared.system();
        double[] valuations = shared.valuations();
        int solves = shared.solves();
        double[] d = e.finalDemand();
        long t0 = System.nanoTime();
        LeontiefSolution x = sys.leontief.solve(d, options);
        double solveSeconds = (System.nanoTime() - t0) / 1e9;
        solves++;
        double[] output = new double[e.products()];
        double[] use = new double[e.resources()];
        SparseMatrix out = e.outputs();
        SparseMatrix res = e.resourceInputs();
        List<String> notes = new ArrayList<>();
        double scale = 0;
        for (double v : x.x()) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int p = 0; p < e.products(); p++) {
            int t = technique[p];
            if (t == TechniqueChoice.JOINT) {
                // x_p = d_p + used_p - made_p: positive when the proposal needs more than is made alongside
                if (x.x()[p] > 1e-9 * scale) {
                    notes.add("product '" + e.productId(p) + "' is made only alongside others, and the proposal"
                            + " needs " + x.x()[p] + " more of it than they make; that part is not costed (a plan"
                            + " would run more of a technique that makes it)");
                }
                continue;
            }
            double z = x.x()[p] / sys.ownOutput[p];
            if (z == 0) {
                continue;
            }
            for (int k = out.columnStarts()[t]; k < out.columnStarts()[t + 1]; k++) {
                output[out.rowIndexes()[k]] += out.values()[k] * z;
            }
            for (int k = res.columnStarts()[t]; k < res.columnStarts()[t + 1]; k++) {
                use[res.rowIndexes()[k]] += res.values()[k] * z;
            }
        }
        double valuation = Double.NaN;
        if (valuations != null) {
            valuation = 0;
            for (int p = 0; p < d.length; p++) {
                if (d[p] != 0) {
                    valuation += d[p] * (Double.isNaN(valuations[p]) ? 0 : valuations[p]);
                }
            }
        }
        return new ProposalCost(proposal.index(), proposal.title(), e, shared.planIndex(), shared.labour(),
                technique.clone(), output, use, valuation, x, solves,
                new ProposalCost.Seconds(readSeconds, shared.planSeconds(), solveSeconds), notes);
    }

    /** The resource named {@code labour}, else the first resource; -1 when there is none. */
    public static int labour(Economy e) {
        int named = e.resourceIndex("labour");
        return named >= 0 ? named : e.resources() > 0 ? 0 : -1;
    }

    /** Labour per unit of each product's own output, at its chosen technique. */
    private static double[] directLabour(Economy e, SquareSystem sys, int labour) {
        double[] s = new double[e.products()];
        SparseMatrix res = e.resourceInputs();
        for (int p = 0; p < s.length; p++) {
            int t = sys.technique[p];
            s[p] = t == TechniqueChoice.JOINT ? 0 : res.get(labour, t) / sys.ownOutput[p];
        }
        return s;
    }
}
