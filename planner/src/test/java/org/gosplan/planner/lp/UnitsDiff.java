package org.gosplan.planner.lp;

import java.util.Random;
import org.gosplan.economy.Economy;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.PlanTestEconomies;

/** Diagnostic, not a test: how far apart the scaled LPs of an economy and its rescaled copy are. */
final class UnitsDiff {
    public static void main(String[] args) {
        long seed = Long.parseLong(args[0]);
        int n = Integer.parseInt(args[1]);
        boolean joint = Boolean.parseBoolean(args[2]);
        boolean minResource = Boolean.parseBoolean(args[3]);
        Economy e = joint ? PlanTestEconomies.randomJoint(seed, n, minResource)
                : PlanTestEconomies.random(seed, n, 2, 4, 3, !minResource, !minResource, 0.4);
        Random rnd = new Random(seed);
        double[] kp = PlanUnitsTest.powersOfTen(rnd, e.products());
        double[] kr = PlanUnitsTest.powersOfTen(rnd, e.resources());
        double[] kt = PlanUnitsTest.powersOfTen(rnd, e.techniques());
        Economy other = PlanUnitsTest.rescaled(e, kp, kr, kt);
        PlanOptions o = minResource ? PlanOptions.minResource("r0") : PlanOptions.fulfil();
        Scaling a = Scaling.of(LpPlanner.model(e, o));
        Scaling b = Scaling.of(LpPlanner.model(other, o));
        System.out.println("iterations " + a.iterations() + " " + b.iterations());
        diff("N", a.model().nVal, b.model().nVal);
        diff("R", a.model().rVal, b.model().rVal);
        diff("demand", a.model().demand, b.model().demand);
        diff("available", a.model().available, b.model().available);
        System.out.println("available " + java.util.Arrays.toString(a.model().available) + " / " + java.util.Arrays.toString(b.model().available));
        diff("capacity", a.model().capacity, b.model().capacity);
        if (a.model().generalCost()) {
            double[] ca = new double[a.model().nt], cb = new double[ca.length];
            for (int t = 0; t < ca.length; t++) { ca[t] = a.model().cost(t); cb[t] = b.model().cost(t); }
            diff("cost", ca, cb);
        }
    }

    static void diff(String what, double[] x, double[] y) {
        int same = 0;
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.doubleToLongBits(x[i]) == Double.doubleToLongBits(y[i])) {
                same++;
            } else if (Double.isFinite(x[i])) {
                max = Math.max(max, Math.abs(x[i] - y[i]) / Math.abs(x[i]));
            }
        }
        System.out.printf("%-10s %d of %d bit-equal, max relative difference %.3g%n", what, same, x.length, max);
    }
}
