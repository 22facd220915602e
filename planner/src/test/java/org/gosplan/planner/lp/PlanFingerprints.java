package org.gosplan.planner.lp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanMethod;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.PlanTestEconomies;
import org.gosplan.planner.Planner;

/**
 * Not a test: one line per plan (examples, the UK table as the demo plans it, random economies; every method, both
 * objectives) with the bits of its levels, valuations and prices hashed, to compare the plans of two versions of
 * the planner bit for bit. Run from planner/.
 */
final class PlanFingerprints {
    public static void main(String[] args) throws Exception {
        List<Economy> es = new ArrayList<>();
        for (String f : new String[] {"village.economy.json", "five-year-plan.economy.json",
                "leontief-1958.economy.json", "uk-ons-2010"}) {
            es.add(EconomyFiles.readEconomy(Path.of("../examples", f)));
        }
        es.add(PlanUnitsTest.farm());
        es.add(PlanUnitsTest.uk(1e6));
        es.add(PlanUnitsTest.uk(1));
        for (long seed = 1; seed <= 12; seed++) {
            es.add(PlanTestEconomies.random(seed, 5 + (int) (seed * 2), 2, 4, 3, seed % 2 == 0, seed % 3 == 0, 0.4));
            es.add(PlanTestEconomies.randomJoint(seed, 5 + (int) (seed * 2), seed % 2 == 0));
        }
        for (Economy e : es) {
            for (boolean minResource : new boolean[] {false, true}) {
                if (minResource && e.resources() == 0) {
                    continue;
                }
                PlanOptions base = minResource ? PlanOptions.minResource(e.resourceId(0)) : PlanOptions.fulfil();
                for (PlanMethod method : PlanMethod.values()) {
                    String line = e.name() + " " + (minResource ? "min-resource" : "fulfil") + " " + method.id() + ": ";
                    try {
                        Plan p = Planner.plan(e, base.withMethod(method));
                        long h = 17;
                        if (p.hasSolution()) {
                            for (double[] a : new double[][] {p.levels(), p.valuations(), p.resourcePrices()}) {
                                for (double x : a) {
                                    h = h * 1_000_003 + Double.doubleToLongBits(x);
                                }
                            }
                        }
                        line += p.status() + " " + p.solver().method() + " " + p.value() + " " + Long.toHexString(h)
                                + " stages " + p.leastUse().size();
                    } catch (RuntimeException x) {
                        line += x.getClass().getSimpleName() + " " + x.getMessage();
                    }
                    System.out.println(line);
                }
            }
        }
        System.exit(0);
    }
}
