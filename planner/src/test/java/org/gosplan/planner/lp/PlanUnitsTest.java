package org.gosplan.planner.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyBuilder;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.economy.SparseMatrix;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanMethod;
import org.gosplan.planner.PlanObjective;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.PlanStatus;
import org.gosplan.planner.PlanTestEconomies;
import org.gosplan.planner.Planner;
import org.gosplan.planner.PlannerException;
import org.junit.jupiter.api.Test;

/**
 * The plan does not depend on the units of the data (issue 16, item 1): an economy and its copy in
 * other units (a product, resource or technique rescaled) have the same plan, by the same method,
 * to the tolerance. Before {@link Scaling}, the UK table in pounds and the farm in units 1e5 times
 * smaller ended GLOP with status ABNORMAL: no plan.
 */
class PlanUnitsTest {

    /**
     * The economy in other units: product p's quantities times {@code kp[p]}, resource r's times
     * {@code kr[r]}, technique t's level times {@code kt[t]} (so its coefficients are divided by it);
     * targets, availabilities and capacities follow.
     */
    static Economy rescaled(Economy e, double[] kp, double[] kr, double[] kt) {
        double[] available = new double[e.resources()];
        for (int r = 0; r < available.length; r++) {
            available[r] = e.available(r);
        }
        return rescaled(e, kp, kr, kt, available);
    }

    /** As {@link #rescaled(Economy, double[], double[], double[])}, with these availabilities (before rescaling). */
    static Economy rescaled(Economy e, double[] kp, double[] kr, double[] kt, double[] available) {
        EconomyBuilder b = new EconomyBuilder(e.name() + " rescaled");
        for (int p = 0; p < e.products(); p++) {
            b.addProduct(e.productId(p), e.productUnit(p), e.productName(p));
        }
        for (int r = 0; r < e.resources(); r++) {
            b.addResource(e.resourceId(r), e.resourceUnit(r), available[r] * kr[r]);
        }
        SparseMatrix o = e.outputs(), in = e.productInputs(), ri = e.resourceInputs();
        for (int t = 0; t < e.techniques(); t++) {
            int u = b.addTechnique(e.techniqueId(t), e.capacity(t) * kt[t]);
            for (int q = o.columnStarts()[t]; q < o.columnStarts()[t + 1]; q++) {
                b.output(u, o.rowIndexes()[q], o.values()[q] * kp[o.rowIndexes()[q]] / kt[t]);
            }
            for (int q = in.columnStarts()[t]; q < in.columnStarts()[t + 1]; q++) {
                b.productInput(u, in.rowIndexes()[q], in.values()[q] * kp[in.rowIndexes()[q]] / kt[t]);
            }
            for (int q = ri.columnStarts()[t]; q < ri.columnStarts()[t + 1]; q++) {
                b.resourceInput(u, ri.rowIndexes()[q], ri.values()[q] * kr[ri.rowIndexes()[q]] / kt[t]);
            }
        }
        for (int i = 0; i < e.targets(); i++) {
            int p = e.targetProduct(i);
            b.target(p, e.targetQuantity(i) * kp[p], e.targetWeight(i));
        }
        return b.build();
    }

    static double[] filled(int n, double x) {
        double[] a = new double[n];
        Arrays.fill(a, x);
        return a;
    }

    /** Every quantity times k: the same economy with all units k times smaller. */
    static Economy times(Economy e, double k) {
        return rescaled(e, filled(e.products(), k), filled(e.resources(), k), filled(e.techniques(), k));
    }

    /**
     * {@code b}, planned on the rescaled economy, against {@code a} on the original: the same status and
     * method, the same value to 1e-9, and b's levels, valuations and prices, translated back, certified
     * optimal on the original.
     */
    static void samePlan(Economy e, Plan a, Plan b, PlanOptions o, double[] kp, double[] kr, double[] kt) {
        String what = e.name() + " " + o.method().id() + ": " + a + " / " + b;
        assertEquals(a.status(), b.status(), what);
        assertEquals(a.solver().method(), b.solver().method(), what);
        if (!a.hasSolution()) {
            return;
        }
        double objective = o.objective() == PlanObjective.FULFIL ? 1.0 : kr[a.costResource()];
        assertEquals(a.value(), b.value() / objective, 1e-9 * Math.abs(a.value()), what);
        if (a.status() != PlanStatus.OPTIMAL) {
            return;
        }
        double[] z = new double[e.techniques()];
        for (int t = 0; t < z.length; t++) {
            z[t] = b.level(t) / kt[t];
        }
        double[] v = new double[e.products()];
        for (int p = 0; p < v.length; p++) {
            v[p] = b.valuation(p) * kp[p] / objective;
        }
        double[] w = new double[e.resources()];
        for (int r = 0; r < w.length; r++) {
            w[r] = b.resourcePrice(r) * kr[r] / objective;
        }
        // where the optimum is not unique (a resource in slack, joint production) the two may be different optima
        // (PDLP's path is changed by rounding): each, in the other's units, must prove itself optimal
        LpModel m = LpPlanner.model(e, o);
        Plan back = PlanAssembly.assemble(m, new LpSolution(LpSolution.Outcome.SOLVED, z, Double.NaN, v, w, "back", 0,
                0, true, null), o, null);
        assertTrue(back.certificate().proves(o.tolerance()), what + " translated back: " + back.certificate());
    }

    /**
     * The bundled village (examples/village.economy.json) with labour plentiful (2,000,000 h) and land scarce
     * (40,000 ha), issue 16's farm: land binds, labour does not.
     */
    static Economy farm() throws IOException {
        Economy e = EconomyFiles.readEconomy(Path.of("../examples/village.economy.json"));
        return rescaled(e, filled(e.products(), 1), filled(e.resources(), 1), filled(e.techniques(), 1),
                new double[] {2e6, 4e4});
    }

    @Test
    void theFarmInUnitsAHundredThousandTimesSmallerHasTheSamePlan() throws IOException {
        Economy e = farm();
        Economy big = times(e, 1e5);
        double[] k = filled(4, 1e5);
        for (PlanMethod method : new PlanMethod[] {PlanMethod.AUTO, PlanMethod.SIMPLEX, PlanMethod.PDLP}) {
            PlanOptions o = PlanOptions.fulfil().withMethod(method);
            Plan a = Planner.plan(e, o);
            Plan b = Planner.plan(big, o);
            // before the scaling: status limit, GLOP "stopped with status ABNORMAL", no levels
            assertEquals(PlanStatus.OPTIMAL, b.status(), b + " " + b.solver().note());
            samePlan(e, a, b, o, k, k, k);
            // land binds in both, to the tolerance: the least-use stage holds λ only to its slack, and trims land
            // by as much (labour's use is not unique among the optima: issue 16, item 3)
            assertEquals(4e4, a.resourceUse(1), o.tolerance() * 4e4);
            assertEquals(4e9, b.resourceUse(1), o.tolerance() * 4e9);
            // the least-use stage plans in scaled units too (its cost vector scaled, its valuations unscaled by the
            // same factor): the same least labour, and certificates that prove it in either unit
            assertFalse(b.leastUse().isEmpty(), method + ": " + b.solver().note());
            assertEquals(a.leastUse().size(), b.leastUse().size(), method.toString());
            for (int i = 0; i < a.leastUse().size(); i++) {
                assertEquals(a.leastUse().get(i).value(), b.leastUse().get(i).value(),
                        o.tolerance() * Math.abs(a.leastUse().get(i).value()), method + " stage " + i);
                assertTrue(b.leastUse().get(i).certificate().proves(o.tolerance()),
                        method + " stage " + i + ": " + b.leastUse().get(i).certificate());
            }
            assertEquals(a.resourceUse(0) * 1e5, b.resourceUse(0), o.tolerance() * a.resourceUse(0) * 1e5);
        }
    }

    /** The UK table of 2010 (examples/uk-ons-2010) as an economy, compensation and imports limited, in units of k pounds. */
    static Economy uk(double k) throws IOException {
        Economy e = EconomyFiles.readEconomy(Path.of("../examples/uk-ons-2010"));
        double[] available = new double[e.resources()];
        for (int r = 0; r < available.length; r++) {
            // GBP million in the table: compensation limited to 850,000 and imports to 400,000 (issue 16)
            available[r] = e.resourceId(r).equals("compensation") ? 850_000
                    : e.resourceId(r).equals("imports") ? 400_000 : Double.NaN;
        }
        double k6 = 1e6 / k;
        return rescaled(e, filled(e.products(), k6), filled(e.resources(), k6), filled(e.techniques(), k6), available);
    }

    @Test
    void theUkTableInPoundsHasTheSamePlanAsInMillionsOfPounds() throws IOException {
        Economy millions = uk(1e6);
        Economy pounds = uk(1);
        for (PlanMethod method : new PlanMethod[] {PlanMethod.AUTO, PlanMethod.PDLP}) {
            PlanOptions o = PlanOptions.fulfil().withMethod(method);
            Plan a = Planner.plan(millions, o);
            Plan b = Planner.plan(pounds, o);
            // before the scaling: in pounds status limit, GLOP "stopped with status ABNORMAL", no levels
            assertEquals(PlanStatus.OPTIMAL, a.status(), a + " " + a.solver().note());
            assertEquals(PlanStatus.OPTIMAL, b.status(), b + " " + b.solver().note());
            assertEquals(a.value(), b.value(), 1e-9 * a.value());
            double[] k = filled(Math.max(millions.products(), millions.resources()), 1e6);
            samePlan(millions, a, b, o, k, k, k);
        }
    }

    static double[] powersOfTen(Random rnd, int n) {
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = Math.pow(10, rnd.nextInt(13) - 6);
        }
        return k;
    }

    /**
     * Random economies (single outputs with capacities and three resources, or joint production), each
     * product, resource and technique in units 1e-6 to 1e6 times the original's: the same plan by every
     * method that applies (policy iteration only where it does on both).
     */
    // Each try runs under a time limit, so that a method without bound fails the try with its inputs instead of
    // hanging the build (no shrinking: a smaller seed draws another economy, not a smaller one). The seed was fixed
    // while about 1 try in 800 failed (16 in 13,000 on 2026-12-07): the scaled problems of an economy and of its copy
    // were 5e-12 apart and PDLP's path is chaotic (answers 1.3e-8 apart, the exact finish giving up on one side only,
    // min-resource ending limit on one side only). Scaling's second pass made the scaled problems the same to
    // rounding, PDLP gets them rounded to a grid (LpOrTools.Grid: the same LP bit for bit), and the finish no longer
    // gives up for want of Jacobi convergence (triesThatFailedBefore): 2 failures in 10,000 tries (`UnitsSearch
    // MASTER TRIES 120`, masters 505, 606, 707 and 808, 2026-12-07 21:00-21:22 UTC, load 7-25), both the finish's
    // make-up of shortfalls at the rounding level (aShortfallAtTheRoundingOfItsOwnFlowsIsNotMadeUp,
    // whatTheLastMadeUpLevelUsesIsMadeUpToo). With those fixed the seed is free: 0 failures in 10,000 tries
    // (masters 1111, 2222, 3333 and 4444, 2,500 tries each, 2026-12-07 22:53-23:28 UTC, loaded machine, load 21-39).
    @Property(tries = 30, shrinking = ShrinkingMode.OFF)
    void anEconomyInOtherUnitsHasTheSamePlan(@ForAll long seed, @ForAll @IntRange(min = 2, max = 30) int n,
                                             @ForAll boolean joint, @ForAll boolean minResource) {
        withinTime(TRY_SECONDS, "seed " + seed + ", n " + n + (joint ? ", joint" : "") + (minResource
                ? ", min-resource" : ", fulfil"), () -> sameInOtherUnits(seed, n, joint, minResource));
    }

    /**
     * Tries of the property that failed: the first hung a CI run (PDLP stalled for ever on the original, see
     * PlanBoundTest); on the second the exact finish gave up on the original (product 6 short by 2.7e-42 of flows
     * of 1.5e-39, levels at rounding making up each other's shortfall) and not on the copy: method pdlp against
     * pdlp+basis. The others failed while the scaled problems were 5e-12 apart (see the property): PDLP's answers
     * 1.3e-8 apart (the first), the exact finish giving up on one side only (the next two and the last two: Jacobi
     * sweeps that cycled, a shortfall of 3.8e-25), min-resource by PDLP ending limit with iterates 7e-9 apart, or on
     * one side only. The last, seed 156 (n 23, single outputs, fulfil: the finish ended 2e-9 from the optimum on one
     * side, 2.0216209103 against 2.0216209146), passes since the changes to the finish of 2026-12-07 evening.
     */
    @Test
    void triesThatFailedBefore() {
        Object[][] tries = {{2014823036402564350L, 24, true, false}, {-3221457353826743079L, 17, true, true},
                {6318882248025002272L, 17, true, false}, {-829717747766719488L, 29, true, false},
                {-945L, 20, true, false}, {5022166602341830357L, 24, true, true},
                {-2052102673L, 26, true, true}, {1894529329880169260L, 20, true, false},
                {-2429981732521907668L, 30, true, true}, {8251273177380902109L, 18, true, false},
                {-7289201627675247309L, 23, true, false}, {-534148278605547813L, 21, true, false},
                {156L, 23, false, false}};
        for (Object[] t : tries) {
            long seed = (Long) t[0];
            int n = (Integer) t[1];
            boolean joint = (Boolean) t[2], minResource = (Boolean) t[3];
            withinTime(TRY_SECONDS, "seed " + seed + ", n " + n + (joint ? ", joint" : "") + (minResource
                    ? ", min-resource" : ", fulfil"), () -> sameInOtherUnits(seed, n, joint, minResource));
        }
    }

    /**
     * The last two draws the property failed in 10,000 tries (2026-12-07), both min-resource by PDLP with the exact
     * finish, both on the copy only. The joint one: the finish's make-up chased a shortfall of product 6 at the
     * rounding of its own flows (4e-20 of 0.17) by raising its main level pass after pass, and so left product 23,
     * made and used only at that level, short by 2e-21 of its own flows of 1e-20: the finish gave up. The other: the
     * make-up's last pass raised a main level to 6e-26 and left the product it uses (made by nothing else) short by
     * all of its flows, a primal infeasibility of 1 for the certificate: status limit.
     */
    @Test
    void aShortfallAtTheRoundingOfItsOwnFlowsIsNotMadeUp() {
        withinTime(TRY_SECONDS, "seed -2075664239370928023, n 30, joint, min-resource",
                () -> sameInOtherUnits(-2075664239370928023L, 30, true, true));
    }

    @Test
    void whatTheLastMadeUpLevelUsesIsMadeUpToo() {
        withinTime(TRY_SECONDS, "seed -2829687574944592818, n 28, min-resource",
                () -> sameInOtherUnits(-2829687574944592818L, 28, false, true));
    }

    /** A try's limit: some seconds on a quiet machine, minutes on a loaded one; a method without bound, for ever. */
    static final long TRY_SECONDS = 300;

    /**
     * Runs {@code body} on its own daemon thread and fails if it takes over {@code seconds}, naming {@code inputs}:
     * a solver stuck in native code cannot be interrupted, so the thread is left behind to die with the JVM.
     */
    static void withinTime(long seconds, String inputs, Runnable body) {
        java.util.concurrent.FutureTask<Void> task = new java.util.concurrent.FutureTask<>(body, null);
        Thread t = new Thread(task, "try " + inputs);
        t.setDaemon(true);
        t.start();
        try {
            task.get(seconds, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException x) {
            throw new AssertionError("planning took over " + seconds + " s (" + inputs + "): a method runs without"
                    + " bound");
        } catch (java.util.concurrent.ExecutionException x) {
            if (x.getCause() instanceof Error err) {
                throw err;
            }
            if (x.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new AssertionError(inputs + ": " + x.getCause(), x.getCause());
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            throw new AssertionError(inputs + ": interrupted", x);
        }
    }

    static void sameInOtherUnits(long seed, int n, boolean joint, boolean minResource) {
        Economy e = joint ? PlanTestEconomies.randomJoint(seed, n, minResource)
                : PlanTestEconomies.random(seed, n, 2, 4, 3, !minResource, !minResource, 0.4);
        Random rnd = new Random(seed);
        double[] kp = powersOfTen(rnd, e.products());
        double[] kr = powersOfTen(rnd, e.resources());
        double[] kt = powersOfTen(rnd, e.techniques());
        Economy other = rescaled(e, kp, kr, kt);
        PlanOptions base = minResource ? PlanOptions.minResource("r0") : PlanOptions.fulfil();
        for (PlanMethod method : new PlanMethod[] {PlanMethod.AUTO, PlanMethod.SIMPLEX, PlanMethod.PDLP,
                PlanMethod.POLICY}) {
            PlanOptions o = base.withMethod(method);
            Plan a;
            try {
                a = Planner.plan(e, o);
            } catch (PlannerException notApplicable) {
                assertThrows(PlannerException.class, () -> Planner.plan(other, o));
                continue;
            }
            samePlan(e, a, Planner.plan(other, o), o, kp, kr, kt);
        }
    }

    static void close(double[] a, double[] b, double relative, String what) {
        assertEquals(a.length, b.length, what);
        for (int i = 0; i < a.length; i++) {
            if (Double.isNaN(a[i]) || Double.isInfinite(a[i])) {
                assertEquals(a[i], b[i], what + " " + i);
            } else {
                assertEquals(a[i], b[i], relative * Math.abs(a[i]), what + " " + i);
            }
        }
    }

    /**
     * Rounding: the copy's data carry one or two roundings of their own (a coefficient times a unit, over another),
     * N's entries a third where output and input of a product net out, the scaling three more.
     */
    static final double SAME = 1e-14;

    /**
     * The kernel itself: the scaled problem of an economy in other units is the same to rounding (measured: 5e-16,
     * 40% of the coefficients bit for bit; one pass of the least squares left them 5e-12 apart).
     */
    @Property(tries = 50)
    void theScaledProblemDoesNotDependOnTheUnits(@ForAll long seed, @ForAll @IntRange(min = 2, max = 40) int n,
                                                 @ForAll boolean minResource) {
        Economy e = PlanTestEconomies.randomJoint(seed, n, minResource);
        Random rnd = new Random(seed);
        Economy other = rescaled(e, powersOfTen(rnd, e.products()), powersOfTen(rnd, e.resources()),
                powersOfTen(rnd, e.techniques()));
        PlanOptions o = minResource ? PlanOptions.minResource("r0") : PlanOptions.fulfil();
        Scaling a = Scaling.of(LpPlanner.model(e, o));
        Scaling b = Scaling.of(LpPlanner.model(other, o));
        assertTrue(a.iterations() < ScalingLeastSquares.MAX_ITERATIONS, a.iterations() + " iterations");
        close(a.model().nVal, b.model().nVal, SAME, "N");
        close(a.model().rVal, b.model().rVal, SAME, "R");
        close(a.model().demand, b.model().demand, SAME, "targets");
        close(a.model().available, b.model().available, SAME, "availabilities");
        close(a.model().capacity, b.model().capacity, SAME, "capacities");
        close(a.model().inputs().values(), b.model().inputs().values(), SAME, "inputs");
        // and the numbers are near 1: every coefficient within a factor 1e3 of it on these economies
        for (double x : a.model().nVal) {
            assertTrue(x == 0 || (Math.abs(x) > 1e-3 && Math.abs(x) < 1e3), "N " + x);
        }
    }
}
