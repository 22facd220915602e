package org.gosplan.planner.extended;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Map;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyBuilder;
import org.junit.jupiter.api.Test;

/** Plans of several years with capital: a closed form, and an LP written out by hand and solved by GLOP. */
class YearsTest {
    /**
     * One sector: a good made from a share {@code a} of itself with capital {@code k} of itself
     * per unit, wearing out by δ a year, lag one year; the target only in the last year T. The
     * best plan invests all net output until T: the stock grows by {@code g = 1 - δ + (1 - a) / k}
     * a year, and λ = (1 - a) K0 g^(T-1) / (k d).
     */
    @Test
    void oneSectorGrowthAtTheRateItsTechniqueAllows() {
        double a = 0.2, k = 2, delta = 0.1, k0 = 100, d = 10;
        int years = 4;
        EconomyBuilder b = new EconomyBuilder("one sector");
        int good = b.addProduct("good", null, null);
        int labour = b.addResource("labour", "h", Double.NaN);
        b.parts().years(years);
        b.parts().capital(good, delta, 1);
        b.parts().stock(good, -1, k0);
        int make = b.addTechnique("make", Double.POSITIVE_INFINITY);
        b.output(make, good, 1).productInput(make, good, a).resourceInput(make, labour, 1).capitalInput(make, good, k);
        b.target(good, d, 1, -1, years);
        ExtendedPlan p = ExtendedPlanner.plan(b.build(), ExtendedPlanner.Options.DEFAULT);
        assertEquals("optimal", p.status(), () -> p.primalInfeasibility() + " " + p.dualInfeasibility() + " " + p.gap()
                + " " + p.value());
        double g = 1 - delta + (1 - a) / k;
        for (int y = 0; y < years; y++) {
            assertEquals(k0 * Math.pow(g, y), p.stock(y, 0, 0), 1e-9 * k0 * Math.pow(g, y), "stock in year " + (y + 1));
            assertEquals(k0 * Math.pow(g, y) / k, p.level(y, 0), 1e-9 * k0 * Math.pow(g, y),
                    "level in year " + (y + 1));
        }
        assertEquals((1 - a) * k0 * Math.pow(g, years - 1) / (k * d), p.value(), 1e-9);
        assertTrue(p.gap() < 1e-9);
    }

    /**
     * Grain by a farm that needs tractors (a stock: 0.1 per tonne) or by hand, tractors from
     * labour and grain; 100 h in year 1 and 60 in year 2, 2 tractors to start, a quarter wearing
     * out a year; 20 t of grain a year.
     */
    static Economy tractors() {
        EconomyBuilder b = new EconomyBuilder("tractors");
        int grain = b.addProduct("grain", "t", null);
        int tractor = b.addProduct("tractor", "pcs", null);
        int labour = b.addResource("labour", "h", 100);
        b.parts().years(2);
        b.parts().availability(labour, 2, 60);
        b.parts().capital(tractor, 0.25, 1);
        b.parts().stock(tractor, -1, 2);
        int farm = b.addTechnique("farm", Double.POSITIVE_INFINITY);
        b.output(farm, grain, 1).resourceInput(farm, labour, 1).capitalInput(farm, tractor, 0.1);
        int hand = b.addTechnique("by-hand", Double.POSITIVE_INFINITY);
        b.output(hand, grain, 1).resourceInput(hand, labour, 3);
        int plant = b.addTechnique("plant", Double.POSITIVE_INFINITY);
        b.output(plant, tractor, 1).resourceInput(plant, labour, 5).productInput(plant, grain, 0.5);
        b.target(grain, 20, 1);
        return b.build();
    }

    @Test
    void twoYearsWithInvestmentAsTheLpWrittenOut() {
        ExtendedPlan p = ExtendedPlanner.plan(tractors(), ExtendedPlanner.Options.DEFAULT);
        assertEquals("optimal", p.status());
        double[] direct = leximinByHand();
        assertEquals(direct[0], p.lambda(0, 0), 1e-7);
        assertEquals(direct[1], p.lambda(1, 0), 1e-7);
        assertEquals(Math.min(direct[0], direct[1]), p.value(), 1e-7);
        assertTrue(p.investment(0, 0, 0) > 0.1, "the plan invests in tractors: " + p.investment(0, 0, 0));
        assertEquals(0.75 * 2 + p.investment(0, 0, 0), p.stock(1, 0, 0), 1e-9);
        assertTrue(p.gap() < 1e-9 && p.primalInfeasibility() < 1e-7);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> years = (Map<String, Map<String, Object>>) p.toMap().get("years");
        assertEquals(direct[1], (Double) years.get("2").get("lambda"), 1e-7);
        assertEquals(p.stock(1, 0, 0), (Double) ((Map<?, ?>) years.get("2").get("stocks")).get("tractor"), 0);
    }

    /**
     * The same plan written out variable by variable for MPSolver's GLOP, leximin done the long
     * way: maximise the smallest λ; then, for each year, whether its λ can rise above that while the
     * other stays at least that; the one that cannot is held and the other maximised.
     */
    static double[] leximinByHand() {
        Loader.loadNativeLibraries();
        double first = solve(-1, Double.NaN, -1);
        double[] best = new double[2];
        for (int y = 0; y < 2; y++) {
            best[y] = solve(y, first, -1);
        }
        int held = best[0] <= first + 1e-9 ? 0 : 1;
        double[] out = new double[2];
        out[held] = first;
        out[1 - held] = solve(1 - held, first, held);
        return out;
    }

    /** Maximises λ of {@code year} (or the smallest, year -1), both λ at least {@code floor} (NaN: none). */
    private static double solve(int year, double floor, int held) {
        MPSolver s = MPSolver.createSolver("GLOP");
        double inf = MPSolver.infinity();
        MPVariable[] farm = new MPVariable[2], hand = new MPVariable[2], plant = new MPVariable[2];
        MPVariable[] lambda = new MPVariable[2], stock = new MPVariable[2];
        for (int y = 0; y < 2; y++) {
            farm[y] = s.makeNumVar(0, inf, "farm" + y);
            hand[y] = s.makeNumVar(0, inf, "hand" + y);
            plant[y] = s.makeNumVar(0, inf, "plant" + y);
            lambda[y] = s.makeNumVar(Double.isNaN(floor) ? 0 : floor - 1e-9, inf, "lambda" + y);
            stock[y] = s.makeNumVar(y == 0 ? 2 : 0, y == 0 ? 2 : inf, "stock" + y);
        }
        MPVariable invest = s.makeNumVar(0, inf, "invest");
        double[] labour = {100, 60};
        for (int y = 0; y < 2; y++) {
            MPConstraint grain = s.makeConstraint(0, inf);
            grain.setCoefficient(farm[y], 1);
            grain.setCoefficient(hand[y], 1);
            grain.setCoefficient(plant[y], -0.5);
            grain.setCoefficient(lambda[y], -20);
            MPConstraint tractors = s.makeConstraint(0, inf);
            tractors.setCoefficient(plant[y], 1);
            if (y == 0) {
                tractors.setCoefficient(invest, -1);
            }
            MPConstraint hours = s.makeConstraint(-inf, labour[y]);
            hours.setCoefficient(farm[y], 1);
            hours.setCoefficient(hand[y], 3);
            hours.setCoefficient(plant[y], 5);
            MPConstraint capital = s.makeConstraint(-inf, 0);
            capital.setCoefficient(farm[y], 0.1);
            capital.setCoefficient(stock[y], -1);
        }
        MPConstraint growth = s.makeConstraint(0, 0);
        growth.setCoefficient(stock[1], 1);
        growth.setCoefficient(stock[0], -0.75);
        growth.setCoefficient(invest, -1);
        MPObjective objective = s.objective();
        if (year < 0) {
            MPVariable least = s.makeNumVar(0, inf, "least");
            for (int y = 0; y < 2; y++) {
                MPConstraint c = s.makeConstraint(0, inf);
                c.setCoefficient(lambda[y], 1);
                c.setCoefficient(least, -1);
            }
            objective.setCoefficient(least, 1);
        } else {
            objective.setCoefficient(lambda[year], 1);
        }
        if (held >= 0) {
            lambda[held].setUb(floor + 1e-9);
        }
        objective.setMaximization();
        assertEquals(MPSolver.ResultStatus.OPTIMAL, s.solve());
        double v = objective.value();
        s.delete();
        return v;
    }
}
