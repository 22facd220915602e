package org.gosplan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyBuilder;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.economy.IoTable;
import org.gosplan.planner.EconomyGenerator;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.PlanStatus;
import org.gosplan.planner.Planner;
import org.gosplan.planner.PlannerException;
import org.gosplan.planner.leontief.Leontief;
import org.gosplan.planner.leontief.LeontiefOptions;
import org.gosplan.planner.leontief.LeontiefSolution;
import org.gosplan.planner.leontief.Multipliers;
import org.junit.jupiter.api.Test;

/**
 * The Spark results against the single-machine planner's on the same economies: outputs,
 * multipliers, labour values, levels, valuations and λ, to the tolerance of the solves
 * (residual 1e-10: the answers then agree to about the condition number times that).
 */
class SparkResultsTest {
    static final double AGREE = 1e-8;

    static Path uk() {
        return Path.of(System.getProperty("gosplan.shared", "../testdata")).resolve("data/uk-ons-2010");
    }

    @Test
    void leontiefAndMultipliersOfAGeneratedEconomyOf10000Products() {
        Economy e = new EconomyGenerator(10_000, 8, 42, 0.5, 0.95).economy();
        SparkLeontief s = SparkLeontief.of(LocalSpark.context(), e, 4);
        LeontiefSolution x = s.solve(e.finalDemand(), 1e-10);
        LeontiefSolution one = Leontief.of(e).solve(e.finalDemand());
        assertTrue(x.residual() <= 1e-10, "residual " + x.residual());
        Compare.close(x.x(), one.x(), AGREE, "gross output");

        Multipliers m = Main.multipliers(LocalSpark.context(), new org.gosplan.economy.Source(null,
                org.gosplan.economy.Source.Form.ECONOMY_FOLDER, e, null, java.util.List.of()),
                LeontiefOptions.DEFAULT, 3, new SparkLeontief[1]);
        Multipliers single = Multipliers.of(e, LeontiefOptions.DEFAULT);
        Compare.close(m.output(), single.output(), AGREE, "output multipliers");
        assertEquals("labour", m.factor(0));
        Compare.close(m.total(0), single.total(0), AGREE, "labour values");
        assertTrue(m.residual() <= 1e-10);
        s.release();
    }

    @Test
    void techniquesInAnotherOrderAndMakingSeveralUnitsGiveTheSingleMachinesAnswers() {
        Economy e = permuted(3_000);
        SparkLeontief s = SparkLeontief.of(LocalSpark.context(), e, 3);
        Compare.close(s.solve(e.finalDemand(), 1e-10).x(), Leontief.of(e).solve(e.finalDemand()).x(), AGREE,
                "gross output");
        Multipliers m = Main.multipliers(LocalSpark.context(), new org.gosplan.economy.Source(null,
                org.gosplan.economy.Source.Form.ECONOMY_FOLDER, e, null, java.util.List.of()),
                LeontiefOptions.DEFAULT, 2, new SparkLeontief[1]);
        Multipliers single = Multipliers.of(e, LeontiefOptions.DEFAULT);
        Compare.close(m.output(), single.output(), AGREE, "output multipliers");
        Compare.close(m.total(0), single.total(0), AGREE, "labour values");
        Compare.close(m.total(1), single.total(1), AGREE, "land intensities");
        s.release();
    }

    /** Technique t makes product n - 1 - t, 1.5 to 3 units a level: A is permuted and scaled on the fly. */
    static Economy permuted(int n) {
        EconomyBuilder b = new EconomyBuilder("permuted", n);
        for (int p = 0; p < n; p++) {
            b.addProduct("p" + p, null, null);
        }
        int labour = b.addResource("labour", "h", Double.NaN);
        int land = b.addResource("land", "ha", Double.NaN);
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int t = 0; t < n; t++) {
            int tech = b.addTechnique("t" + t, Double.POSITIVE_INFINITY);
            int made = n - 1 - t;
            double q = 1.5 + 1.5 * r.nextDouble();
            b.output(tech, made, q);
            java.util.Set<Integer> used = new java.util.HashSet<>();
            while (used.size() < 7) {
                int input = r.nextInt(n);
                if (used.add(input)) {
                    b.productInput(tech, input, q * 0.12 * r.nextDouble());
                }
            }
            b.resourceInput(tech, labour, r.nextDouble());
            if (t % 3 == 0) {
                b.resourceInput(tech, land, 0.1 * r.nextDouble());
            }
            b.target(made, 1 + 10 * r.nextDouble(), 1.0);
        }
        return b.build();
    }

    @Test
    void theUkTableGivesTheSingleMachinesOutputsAndMultipliers() {
        IoTable t = EconomyFiles.readTable(uk());
        SparkLeontief s = SparkLeontief.of(LocalSpark.context(), t, 3);
        LeontiefSolution x = s.solve(t.finalDemand(), 1e-10);
        // the single machine solves this size (105 sectors) by dense LU: exact to rounding
        LeontiefSolution one = Leontief.of(t).solve(t.finalDemand());
        Compare.close(x.x(), one.x(), AGREE, "UK gross output");
        Multipliers m = Main.multipliers(LocalSpark.context(), new org.gosplan.economy.Source(null,
                org.gosplan.economy.Source.Form.TABLE, null, t, java.util.List.of()), LeontiefOptions.DEFAULT, 2,
                new SparkLeontief[1]);
        Multipliers single = Multipliers.of(t, LeontiefOptions.DEFAULT);
        Compare.close(m.output(), single.output(), AGREE, "UK output multipliers");
        assertEquals(single.factors(), m.factors());
        for (int f = 0; f < m.factors(); f++) {
            Compare.close(m.total(f), single.total(f), AGREE, "UK total intensity of " + m.factor(f));
        }
    }

    @Test
    void aNonProductiveEconomyStopsNamingTheSectors() {
        EconomyBuilder b = new EconomyBuilder("not productive");
        int coal = b.addProduct("coal", null, null);
        int steel = b.addProduct("steel", null, null);
        int tc = b.addTechnique("mine", Double.POSITIVE_INFINITY);
        int ts = b.addTechnique("mill", Double.POSITIVE_INFINITY);
        b.output(tc, coal, 1).productInput(tc, steel, 0.7).productInput(tc, coal, 0.5);
        b.output(ts, steel, 1).productInput(ts, coal, 0.9).productInput(ts, steel, 0.4);
        b.target(coal, 1, 1);
        Economy e = b.build();
        SparkLeontief s = SparkLeontief.of(LocalSpark.context(), e, 2);
        PlannerException x = assertThrows(PlannerException.class, () -> s.solve(e.finalDemand(), 1e-10));
        PlannerException one = assertThrows(PlannerException.class, () -> Leontief.of(e).solve(e.finalDemand()));
        assertEquals(one.getMessage(), x.getMessage());
        assertTrue(x.getMessage().contains("'steel' (1.30000)") && x.getMessage().contains("'coal' (1.20000)"),
                x.getMessage());
    }

    /** n products, each made by two techniques (two generated economies' columns), labour limited. */
    static Economy withAlternatives(int n, long seed, boolean limited) {
        EconomyBuilder b = new EconomyBuilder("alternatives " + n, 2 * n);
        for (int p = 0; p < n; p++) {
            b.addProduct("p" + p, null, null);
        }
        int labour = b.addResource("labour", "h", limited ? 1e6 : Double.NaN);
        for (int g = 0; g < 2; g++) {
            final int gen = g;
            new EconomyGenerator(n, 6, seed + g, 0.3, 0.9).generate((t, rows, q, count, hours, demand) -> {
                int tech = b.addTechnique("make-p" + t + (gen == 0 ? "-a" : "-b"), Double.POSITIVE_INFINITY);
                b.output(tech, t, 1.0);
                for (int c = 0; c < count; c++) {
                    b.productInput(tech, rows[c], q[c]);
                }
                b.resourceInput(tech, labour, hours);
                if (gen == 0) {
                    b.target(t, demand, 1.0);
                }
            });
        }
        return b.build();
    }

    @Test
    void thePlanOfAnEconomyWithAlternativesIsTheSingleMachines() {
        Economy e = withAlternatives(2_000, 7, true);
        Plan single = Planner.plan(e, PlanOptions.fulfil());
        assertEquals("policy-iteration", single.solver().method());
        Plan spark = SparkPlanner.plan(LocalSpark.context(), e, PlanOptions.fulfil(), 4).plan();
        assertEquals(PlanStatus.OPTIMAL, spark.status());
        assertEquals(single.value(), spark.value(), AGREE * single.value(), "λ");
        Compare.close(spark.levels(), single.levels(), AGREE, "levels");
        Compare.close(spark.valuations(), single.valuations(), AGREE, "valuations");
        assertTrue(spark.certificate().proves(1e-7), spark.certificate().toString());
        // both techniques are chosen somewhere: the choice is real
        int a = 0;
        for (int t = 0; t < 2_000; t++) {
            a += spark.level(t) > 0 ? 1 : 0;
        }
        assertTrue(a > 0 && a < 2_000, "made by the first techniques: " + a);
    }

    @Test
    void theMinResourcePlanIsTheSingleMachines() {
        Economy e = withAlternatives(1_000, 11, false);
        Plan single = Planner.plan(e, PlanOptions.minResource("labour"));
        Plan spark = SparkPlanner.plan(LocalSpark.context(), e, PlanOptions.minResource("labour"), 3).plan();
        assertEquals(single.value(), spark.value(), AGREE * single.value(), "labour used");
        Compare.close(spark.levels(), single.levels(), AGREE, "levels");
        Compare.close(spark.valuations(), single.valuations(), AGREE, "valuations (labour values)");
    }
}
